"""German: simplemma lemmas (Frankreichs -> Frankreich) and the adjectives of places (französisch)."""
from ._libs import simplemma_lemmatizer
from .base import Language

#: Lemma of a place adjective -> gazetteer key. Lower-case, as German writes them.
ADJECTIVES = {
    "amerikanisch": "US", "britisch": "GB", "englisch": "GB", "russisch": "RU", "chinesisch": "CN",
    "japanisch": "JP", "deutsch": "DE", "französisch": "FR", "italienisch": "IT", "spanisch": "ES",
    "ukrainisch": "UA", "polnisch": "PL", "türkisch": "TR", "indisch": "IN", "iranisch": "IR",
    "israelisch": "IL", "koreanisch": "KR", "südkoreanisch": "KR", "nordkoreanisch": "KP", "kanadisch": "CA",
    "australisch": "AU", "österreichisch": "AT", "schweizerisch": "CH", "niederländisch": "NL",
    "belgisch": "BE", "schwedisch": "SE", "norwegisch": "NO", "dänisch": "DK", "finnisch": "FI",
    "griechisch": "GR", "tschechisch": "CZ", "ungarisch": "HU", "irisch": "IE", "portugiesisch": "PT",
    "brasilianisch": "BR", "mexikanisch": "MX", "afghanisch": "AF", "belarussisch": "BY", "weißrussisch": "BY",
    "europäisch": "region:Europe", "asiatisch": "region:Asia", "afrikanisch": "region:Africa",
    "sächsisch": "DE-SN", "bayerisch": "DE-BY", "berliner": "city:Berlin",
}

LANGUAGE = Language("de", "German", frozenset({"names", "numbers"}), lemmatize=simplemma_lemmatizer("de"),
                    adjectives=ADJECTIVES,
                    script="Latn")
