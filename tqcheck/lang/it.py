"""Italian: no analysis yet (no names, numbers or negation capability); the words that tell an Italian text
from another of the Latin script."""
from .base import Language
from .number_context import NumberContext

#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset("il che per del è non della sono gli dei delle anche".split())

#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(decade_words=("anni", "decennio"), decade_joiners=("e",))


LANGUAGE = Language("it", "Italian", frozenset(), script="Latn", distinctive_words=DISTINCTIVE_WORDS, number_context=NUMBER_CONTEXT)
