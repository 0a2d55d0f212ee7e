"""Portuguese: no analysis yet (no names, numbers or negation capability); the words that tell a Portuguese
text from another of the Latin script."""
from .base import Language

#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset("não uma os do da em com dos ao foi mais pelo pela também".split())

LANGUAGE = Language("pt", "Portuguese", frozenset(), script="Latn", distinctive_words=DISTINCTIVE_WORDS)
