"""Spanish: simplemma lemmas and the adjectives of places (británico)."""
import re

from ._libs import simplemma_lemmatizer, simplemma_lexicon, wordfreq_zipf
from .base import Language, Negation, NumberWords
from .number_context import NumberContext

ADJECTIVES = {
    "estadounidense": "US", "americano": "US", "británico": "GB", "inglés": "GB", "ruso": "RU", "chino": "CN",
    "japonés": "JP", "alemán": "DE", "francés": "FR", "italiano": "IT", "español": "ES", "ucraniano": "UA",
    "polaco": "PL", "turco": "TR", "indio": "IN", "iraní": "IR", "israelí": "IL", "coreano": "KR",
    "canadiense": "CA", "australiano": "AU", "mexicano": "MX", "brasileño": "BR", "argentino": "AR",
    "europeo": "region:Europe", "asiático": "region:Asia", "africano": "region:Africa",
}

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
NEGATION = Negation(
    any=re.compile(r"\b(?:no|nunca|jamás|sin|ni|nada|nadie|ningún|ninguna|ninguno|rechaz\w*|prohib\w*)\b", re.I),
    explicit=re.compile(r"\b(?:no|nunca|jamás|nada|nadie|ningún|ninguna|ninguno)\b", re.I),
    not_negation=re.compile(r"\b(?:no solo|no sólo|no obstante)\b", re.I),
)

#: Function words: what tells a clause in this language from one in another language of its script.
FUNCTION_WORDS = frozenset("""
    el la los las y del de en que por para una un como más pero sus su fue este esta estos estas entre también
    se con al lo le les ha han son es está están sin sobre muy ya cuando donde porque hay era ser tiene nos mi
    sus ese esa""".split())


#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset(("el y los del las por para una como más pero sus fue este entre también").split())


def _number_words() -> "NumberWords":
    from .es_numbers import number_words

    return number_words()


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("unos", "unas", r"alrededor\s+de", "casi", "aproximadamente", r"cerca\s+de"),
    range_joiners=("a", "y"),
    month_connectors=("a", "al", "y"),
    day_followers=("de", "del"),
    decade_words=("años", "década"),
    decade_joiners=("y",),
)


LANGUAGE = Language("es", "Spanish", frozenset({"names", "numbers"}), frequency=wordfreq_zipf("es"),
                    lemmatize=simplemma_lemmatizer("es"),
                    is_word=simplemma_lexicon("es"),
                    adjectives=ADJECTIVES,
                    function_words=FUNCTION_WORDS, script="Latn",
                    negation=NEGATION,
                    number_words=_number_words, distinctive_words=DISTINCTIVE_WORDS, place_locale="es", number_context=NUMBER_CONTEXT)
