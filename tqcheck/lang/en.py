"""English: simplemma lemmas; names (the gazetteer's English names and demonyms) and number words."""
from ._libs import simplemma_lemmatizer
from .base import Language

LANGUAGE = Language("en", "English", frozenset({"names", "numbers"}), lemmatize=simplemma_lemmatizer("en"),
                    script="Latn")
