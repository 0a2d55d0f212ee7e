"""French: simplemma lemmas and the adjectives of places (britannique)."""
from ._libs import simplemma_lemmatizer
from .base import Language

ADJECTIVES = {
    "américain": "US", "britannique": "GB", "anglais": "GB", "russe": "RU", "chinois": "CN", "japonais": "JP",
    "allemand": "DE", "français": "FR", "italien": "IT", "espagnol": "ES", "ukrainien": "UA", "polonais": "PL",
    "turc": "TR", "indien": "IN", "iranien": "IR", "israélien": "IL", "coréen": "KR", "canadien": "CA",
    "australien": "AU", "autrichien": "AT", "suisse": "CH", "néerlandais": "NL", "belge": "BE",
    "suédois": "SE", "grec": "GR", "irlandais": "IE", "portugais": "PT", "brésilien": "BR",
    "mexicain": "MX", "européen": "region:Europe", "asiatique": "region:Asia", "africain": "region:Africa",
}

LANGUAGE = Language("fr", "French", frozenset({"names", "numbers"}), lemmatize=simplemma_lemmatizer("fr"),
                    adjectives=ADJECTIVES,
                    script="Latn")
