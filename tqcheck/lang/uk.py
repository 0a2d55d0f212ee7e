"""Ukrainian: pymorphy3 lemmas and dictionary of common words (its uk dictionary), function words, and number
words in every case form (pymorphy3's lexemes: дві, двох, двома; тисячі, тисяч). No gazetteer names yet: the
name rules TQ301-TQ304 are skipped for Ukrainian (TQ306 stands in for added names)."""
from __future__ import annotations

from ._libs import morph, pymorphy_lemmatizer, pymorphy_lexicon, pymorphy_name_form, pymorphy_name_tagger
from .base import Language, NumberWords

#: Function words: what tells a Ukrainian clause from one in another language of the Cyrillic script.
FUNCTION_WORDS = frozenset("""
    і й та в у не на що з із зі по до за від для як це він вона вони але його її їх був була було були також
    який яка яке які вже або би так при всі ми ви я мені нам вам йому їй їм якщо коли де щоб тому ніж цей ця
    ці""".split())

#: Number words in their dictionary form -> value; their case forms come from pymorphy3. Left out: сім
#: (7), which the reader would find in сім'я "family" split at its apostrophe, and другий, which is also
#: "other".
UNITS = {
    "один": 1, "два": 2, "три": 3, "чотири": 4, "шість": 6, "вісім": 8, "десять": 10, "одинадцять": 11,
    "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14, "шістнадцять": 16, "сімнадцять": 17,
    "вісімнадцять": 18, "двадцять": 20, "тридцять": 30, "сорок": 40, "шістдесят": 60, "сімдесят": 70,
    "вісімдесят": 80, "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400, "шістсот": 600, "сімсот": 700,
    "вісімсот": 800, "півтора": 1.5,
}
SCALES = {"тисяча": 1e3, "мільйон": 1e6, "мільярд": 1e9, "трильйон": 1e12}
ABBREVIATED_SCALES = {"трлн": 1e12, "млрд": 1e9, "млн": 1e6, "тис": 1e3}
ORDINALS = {"перший": 1, "третій": 3, "четвертий": 4, "шостий": 6, "сьомий": 7, "восьмий": 8, "десятий": 10}
#: Months in the genitive, as dates write them (24 лютого).
GENITIVE_MONTHS = "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
MONTHS = {
    **{m: i for i, m in enumerate(GENITIVE_MONTHS.split(), 1)},
    **{m: i for i, m in enumerate("січень лютий березень квітень травень червень липень серпень вересень "
                                  "жовтень листопад грудень".split(), 1)},
    **{m: i for i, m in enumerate("січні лютому березні квітні травні червні липні серпні вересні жовтні "
                                  "листопаді грудні".split(), 1)},
}


def _forms(lemma: str) -> set[str]:
    """Every case form of a numeral, a scale noun or an ordinal (три is also a form of the verb терти)."""
    parses = [p for p in morph("uk").parse(lemma) if p.normal_form == lemma and p.tag.POS in ("NUMR", "NOUN", "ADJF")]
    return {lemma} | {str(f.word) for p in parses[:1] for f in p.lexeme}


def number_words() -> NumberWords:
    units: dict[str, tuple[float, str]] = {}
    for table, kind in ((UNITS, "u"), (SCALES, "s"), (ORDINALS, "o")):
        for lemma, value in table.items():
            units.update({w: (float(value), kind) for w in _forms(lemma) if w not in units})
    return NumberWords(
        units=units,
        # abbreviations, then every case form pymorphy3 gives (мільйони, мільйонів, тисячами)
        scales=tuple((rf"{abbr}\.?", value) for abbr, value in ABBREVIATED_SCALES.items()) + tuple(
            ("|".join(sorted(_forms(lemma), key=len, reverse=True)), value) for lemma, value in SCALES.items()),
        percent=r"%|відсот(?:ок|ка|ки|ків|ках|кам|ками)\b|процент(?:а|и|ів)?\b",
        points=r"в\.\s?п\.|відсоткових\s+пункт(?:а|и|ів)?\b|п\.\s?п\.",
        currencies=((r"грн\.?|гривень\b|гривн(?:я|і|ю|ею|ях|ям)\b", "UAH"), (r"долар(?:ів|а|и|ам|ами|ах)?\b|дол\.", "USD"),
                    (r"євро\b", "EUR"), (r"рубл(?:ів|я|і)\b|руб\.", "RUB"), (r"фунт(?:ів|а)?\s+стерлінгів\b", "GBP")),
        times=r"раз(?:и|ів)?\b",
        months=MONTHS,
        # a month in the genitive (of a date; лютого is also "fierce"); the others only after a preposition
        month_anywhere=GENITIVE_MONTHS.replace("лютого ", ""),
        month_before=r"в|у|з|із|до|по|наприкінці|кінця|початку|середини|кінці|середині",
        date_context=(r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})(?:-?го)?\s+$", r"\s+{year}(?:\s*(?:року|рік|р\.))?"),
        ordinal_suffix=r"-(?:й|я|е|го|му|м|х|ми|ої|им|ому|их|ий|ій|та|ту)\b",
        eras=((r"\b(?P<r>[IVXL]+|\d{1,2})(?:-?(?:му|го|й|ст))?\s+(?:століт|сторіч)\w*", ("століт", "сторіч")),
              # the 1800s (a century, as in English), the 1990s: 1800-х, 1990-ті (роки)
              (r"(?P<c>\d(?<![\d.,]\d)\d)00-?(?:х|ті|тих|ми)\b", ("00-х", "00х", "00-т", "00т")),
              (r"(?P<dec>\d(?<![\d.,]\d)\d{2}0)-?(?:х|ті|тих|ми)\b", ("0-х", "0х", "0-т", "0т", "0-м"))),
        range_words=("і", "й", "та", "або"),
    )


LANGUAGE = Language("uk", "Ukrainian", frozenset({"numbers"}), lemmatize=pymorphy_lemmatizer("uk"),
                    name_tag=pymorphy_name_tagger("uk"), is_word=pymorphy_lexicon("uk"),
                    name_form=pymorphy_name_form("uk"), number_words=number_words,
                    function_words=FUNCTION_WORDS, script="Cyrl")
