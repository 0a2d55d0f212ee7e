"""Russian: pymorphy3 lemmas (Вены -> вена, Новой Каледонии -> новый каледония) and place adjectives."""
import re
from typing import Callable, Iterator

from ._libs import pymorphy_affix_negation, pymorphy_lemmatizer, pymorphy_name_form, pymorphy_name_tagger
from .base import Language, Negation, NumberWords
from .number_context import NumberContext

ADJECTIVES = {
    "американский": "US", "британский": "GB", "английский": "GB", "российский": "RU", "русский": "RU",
    "китайский": "CN", "японский": "JP", "немецкий": "DE", "германский": "DE", "французский": "FR",
    "итальянский": "IT", "испанский": "ES", "украинский": "UA", "польский": "PL", "турецкий": "TR",
    "индийский": "IN", "иранский": "IR", "израильский": "IL", "корейский": "KR", "канадский": "CA",
    "австралийский": "AU", "белорусский": "BY", "греческий": "GR", "европейский": "region:Europe",
    "азиатский": "region:Asia", "африканский": "region:Africa", "советский": "state:Soviet Union", "венский": "city:Vienna",
    "московский": "city:Moscow", "лондонский": "city:London", "тайваньский": "TW", "сирийский": "SY",
    "ливийский": "LY", "бразильский": "BR", "мексиканский": "MX", "египетский": "EG", "шведский": "SE",
    "финский": "FI", "норвежский": "NO", "датский": "DK", "голландский": "NL", "нидерландский": "NL",
    "швейцарский": "CH", "австрийский": "AT", "чешский": "CZ", "венгерский": "HU", "грузинский": "GE",
    "казахстанский": "KZ", "афганский": "AF", "пакистанский": "PK", "саудовский": "SA", "иракский": "IQ",
    "вьетнамский": "VN", "таиландский": "TH", "тайский": "TH", "индонезийский": "ID", "аргентинский": "AR",
    "кубинский": "CU", "литовский": "LT", "латвийский": "LV", "эстонский": "EE", "румынский": "RO",
    "болгарский": "BG", "сербский": "RS", "словацкий": "SK", "молдавский": "MD", "армянский": "AM",
    "азербайджанский": "AZ", "узбекский": "UZ", "киргизский": "KG", "таджикский": "TJ", "монгольский": "MN",
    "северокорейский": "KP", "южнокорейский": "KR", "пекинский": "city:Beijing", "киевский": "city:Kyiv",
    "парижский": "city:Paris", "берлинский": "city:Berlin", "вашингтонский": "city:Washington",
}

#: Given names whose English renderings differ from a letter-by-letter reading (the reading is always accepted).
GIVEN_NAMES = {
    "александр": ("Alexander", "Alexandr", "Alex"), "александра": ("Alexandra",), "алексей": ("Alexei", "Alexey",
    "Oleksiy", "Oleksii"), "пётр": ("Peter", "Petr", "Petro", "Piotr"), "петр": ("Peter", "Petr", "Petro", "Piotr"),
    "николай": ("Nicholas", "Nikolai", "Mykola"), "максим": ("Maxim", "Maksym"), "семён": ("Semyon", "Semen"),
    "семен": ("Semyon", "Semen"), "дмитрий": ("Dmitry", "Dmitri", "Dmytro"), "владимир": ("Vladimir", "Volodymyr"),
    "михаил": ("Mikhail", "Michael", "Mykhailo"), "юрий": ("Yuri", "Yury", "Yuriy"), "андрей": ("Andrei", "Andrey",
    "Andriy"), "сергей": ("Sergei", "Sergey", "Serhiy"), "евгений": ("Evgeny", "Yevgeny", "Yevhen"),
    "георгий": ("Georgy", "George"), "фёдор": ("Fyodor", "Fedor"), "федор": ("Fyodor", "Fedor"),
    "григорий": ("Grigory", "Gregory"), "илья": ("Ilya",), "иван": ("Ivan",), "павел": ("Pavel", "Paul"),
    "екатерина": ("Ekaterina", "Yekaterina", "Catherine"), "елена": ("Elena", "Yelena", "Olena"),
    "юлия": ("Yulia", "Julia", "Yuliya"), "мария": ("Maria", "Mariya"), "наталья": ("Natalia", "Natalya"),
    "татьяна": ("Tatiana", "Tatyana"), "ксения": ("Ksenia", "Kseniya"), "дэниел": ("Daniel",), "джон": ("John",),
    "джастин": ("Justin",), "валери": ("Valerie", "Valérie"), "джо": ("Joe",), "джек": ("Jack",),
    "джордж": ("George",), "джеймс": ("James",), "джозеф": ("Joseph",), "джессика": ("Jessica",),
}

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
NEGATION = Negation(
    any=re.compile(r"\b(?:не|нет|ни|без|никогда|ничего|никто|нигде|нельзя|отказ\w*|запрет\w*|"
                   r"ник(?:ак|ого|ому|ем|уда)\w*|нич(?:ей|ья|ье|ьи|ем|ему|уть)\w*|нисколько|ниоткуда)\b", re.I),
    explicit=re.compile(r"\b(?:не|нет|никогда|ничего|никто|нельзя)\b", re.I),
    not_negation=re.compile(r"\b(?:не только|не менее|не раз|тем не менее|ни разу не)\b", re.I),
    affixed=pymorphy_affix_negation("ru", ("не",), without=("без", "бес")),
)

#: Words that refer to a country without naming it: a translation may name the country.
DEICTIC_COUNTRY = re.compile(r"\bстран\w*")

#: Function words: what tells a clause in this language from one in another language of its script.
FUNCTION_WORDS = frozenset("""
    и в во не на что с со по о об к из за от для как это он она они но до его ее её их был была было были
    также который которая которое которые уже или бы же так при все всё был мы вы я мне нам вам ему ей им если
    когда где чтобы потому чем тоже этот эта эти того этого""".split())


#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset(("и в не на что с по о к из за от для как это он она они но до его ее их был была "
                    "было были также").split())


def _number_words() -> "NumberWords":
    from .ru_numbers import number_words

    return number_words()


def _source_names(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str, str, bool]]:
    from .ru_names import source_names

    return source_names(text, free, LANGUAGE.name_tag, FUNCTION_WORDS)


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("около", "почти", "примерно", "порядка", "приблизительно", r"свыше\s+около"),
    range_joiners=("до", "и", "или"),
    month_connectors=("по", "и", "до", "или"),
    day_suffixes=("-го", "-е"),
    day_followers=("года",),
    decade_suffixes=(r"-х\b", r"-x\b"),
    glued_units=("м", "км", "кг", "т", "г", "ч"),
    glued_scales=(("млн", 1e6), ("млрд", 1e9), ("тыс", 1e3), ("трлн", 1e12)),
)


LANGUAGE = Language("ru", "Russian", frozenset({"names", "numbers"}), lemmatize=pymorphy_lemmatizer("ru"),
                    name_tag=pymorphy_name_tagger("ru"),
                    name_form=pymorphy_name_form("ru"), given_names=GIVEN_NAMES,
                    adjectives=ADJECTIVES,
                    function_words=FUNCTION_WORDS, script="Cyrl",
                    negation=NEGATION, deictic_country=DEICTIC_COUNTRY,
                    number_words=_number_words, distinctive_words=DISTINCTIVE_WORDS, term_ending=r"[^\W\d_]{0,3}", terms_keep_case=True, place_locale="ru",
                    source_names=_source_names, name_reading="cyrillic", number_context=NUMBER_CONTEXT)
