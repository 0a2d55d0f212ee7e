"""The runs of letters of an ASCII text, lower-cased: the words several checks of a translation read (the
share of its language's function words, TQ503; the word pairs a lost word leaves, TQ108 and TQ304), worked out
once for all of them."""
from __future__ import annotations

import functools
import itertools
from typing import AbstractSet

#: Each byte as itself lower-cased if an ASCII letter, else a space: a text translated with it splits into its
#: runs of letters. (A bytes table is the quickest way through: a third of a regex scan.)
_LETTERS_ONLY = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


@functools.lru_cache(maxsize=4)
def letter_runs(text: str) -> tuple[str, ...]:
    """The runs of letters of the ASCII ``text``, lower-cased, in order: what ``[a-z]+`` finds in
    ``text.lower()``. (Kept for the last few texts: the rules of a pair ask for its translation's in turn.)"""
    return tuple(text.encode("ascii").translate(_LETTERS_ONLY).decode("ascii").split())


def has_adjacent(text: str, pairs: AbstractSet[tuple[str, str]]) -> bool:
    """Whether two runs of letters next to each other in the ASCII ``text`` (lower-cased) are one of ``pairs``.
    A word of a pair at a word boundary, then spaces only, then the other as a whole word makes two such runs:
    a pattern of two words that finds nothing where this is false need not be run."""
    runs = letter_runs(text)
    return not pairs.isdisjoint(zip(runs, itertools.islice(runs, 1, None)))
