"""French: simplemma lemmas and the adjectives of places (britannique)."""
import re

from ._libs import simplemma_lemmatizer, simplemma_lexicon, wordfreq_zipf
from .base import Language, Negation, NumberWords
from .number_context import NumberContext

ADJECTIVES = {
    "américain": "US", "britannique": "GB", "anglais": "GB", "russe": "RU", "chinois": "CN", "japonais": "JP",
    "allemand": "DE", "français": "FR", "italien": "IT", "espagnol": "ES", "ukrainien": "UA", "polonais": "PL",
    "turc": "TR", "indien": "IN", "iranien": "IR", "israélien": "IL", "coréen": "KR", "canadien": "CA",
    "australien": "AU", "autrichien": "AT", "suisse": "CH", "néerlandais": "NL", "belge": "BE",
    "suédois": "SE", "grec": "GR", "irlandais": "IE", "portugais": "PT", "brésilien": "BR",
    "mexicain": "MX", "européen": "region:Europe", "asiatique": "region:Asia", "africain": "region:Africa",
}

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
NEGATION = Negation(
    any=re.compile(r"\b(?:ne|n'|n’|pas|jamais|sans|aucun\w*|rien|ni|personne|refus\w*|interdi\w*)\b", re.I),
    explicit=re.compile(r"\b(?:pas|jamais|aucun\w*|rien)\b", re.I),
    not_negation=re.compile(r"\b(?:non seulement|ne \w+ que|n'\w+ que|n’\w+ que|pas mal)\b", re.I),
)

#: Function words: what tells a clause in this language from one in another language of its script.
FUNCTION_WORDS = frozenset("""
    le la les et des du de un une est pour dans qui sur au aux pas ce cette ces il elle ils elles sont ont
    avec été par que se sa son ses leur leurs mais ou où plus comme nous vous je ne lors être avoir fait très aussi
    dont lui cela ceci chez sans sous entre vers mon ma mes notre nos votre vos quand si peut doit""".split())


#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset(("le et les des une du est pour dans qui sur au pas ce il elle sont ont avec aux "
                    "été").split())


def _number_words() -> "NumberWords":
    from .fr_numbers import number_words

    return number_words()


#: Capitals French writers often leave unaccented (Etats-Unis, Ecole, A Paris): the letters they stand for.
ACCENTED_CAPITALS = {"E": "ÉÈÊ", "A": "À", "C": "Ç", "O": "Ô", "I": "Î"}


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("environ", r"près\s+de", "presque", "quelque", "quelques"),
    range_joiners=("à", "et"),
    month_connectors=("au", "à", "et"),
    day_suffixes=("er", "e"),
    day_followers=("de",),
    decade_words=("années", "annees"),
    decade_joiners=("et",),
    period_prefixes=("mi", "fin", "début"),
)


LANGUAGE = Language("fr", "French", frozenset({"names", "numbers"}), frequency=wordfreq_zipf("fr"),
                    lemmatize=simplemma_lemmatizer("fr"),
                    is_word=simplemma_lexicon("fr"),
                    adjectives=ADJECTIVES,
                    function_words=FUNCTION_WORDS, script="Latn",
                    negation=NEGATION,
                    number_words=_number_words, distinctive_words=DISTINCTIVE_WORDS, place_locale="fr", number_context=NUMBER_CONTEXT,
                    accented_capitals=ACCENTED_CAPITALS)
