"""Spanish: simplemma lemmas and the adjectives of places (británico)."""
from ._libs import simplemma_lemmatizer
from .base import Language

ADJECTIVES = {
    "estadounidense": "US", "americano": "US", "británico": "GB", "inglés": "GB", "ruso": "RU", "chino": "CN",
    "japonés": "JP", "alemán": "DE", "francés": "FR", "italiano": "IT", "español": "ES", "ucraniano": "UA",
    "polaco": "PL", "turco": "TR", "indio": "IN", "iraní": "IR", "israelí": "IL", "coreano": "KR",
    "canadiense": "CA", "australiano": "AU", "mexicano": "MX", "brasileño": "BR", "argentino": "AR",
    "europeo": "region:Europe", "asiático": "region:Asia", "africano": "region:Africa",
}

LANGUAGE = Language("es", "Spanish", frozenset({"names", "numbers"}), lemmatize=simplemma_lemmatizer("es"),
                    adjectives=ADJECTIVES,
                    script="Latn")
