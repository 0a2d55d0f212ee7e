"""French: simplemma lemmas and the adjectives of places (britannique)."""
import re

from ._libs import simplemma_lemmatizer, simplemma_lexicon
from .base import Language, Negation

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

LANGUAGE = Language("fr", "French", frozenset({"names", "numbers"}), lemmatize=simplemma_lemmatizer("fr"),
                    is_word=simplemma_lexicon("fr"),
                    adjectives=ADJECTIVES,
                    script="Latn",
                    negation=NEGATION)
