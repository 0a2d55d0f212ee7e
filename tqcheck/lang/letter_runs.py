"""The runs of letters of a plain text (ASCII, with ASCII letters only), lower-cased: the words several checks
of a translation read (the share of its language's function words, TQ503; the word pairs a lost word leaves,
TQ108 and TQ304; its explicit negators, TQ406), worked out once for all of them; and its runs of letters and
digits (TQ105's tokens)."""
from __future__ import annotations

import functools
import itertools
import re
from typing import AbstractSet

#: What is neither ASCII nor a space or punctuation that no word holds and lowering leaves as it is (’, “, –,
#: no-break space): a text without any is plain, its letters ASCII letters (941 of the 961 WMT22 zh-en
#: references beyond ASCII).
NOT_PLAIN = re.compile("[^\x00-\x7f\u00a0\u2000-\u206f]")


def _lowering(digits: bool) -> bytes:
    """A table of each byte as itself lower-cased if an ASCII letter (or digit, with ``digits``), else a space: a
    text translated with it splits into its runs of those. (A bytes table is the quickest way through: half the
    time of a regex's findall.)"""
    return bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or digits and 48 <= c <= 57 else 32
                 for c in range(256))


_LETTERS_ONLY, _LETTERS_AND_DIGITS = _lowering(False), _lowering(True)


#: Texts whose runs are kept: the runner checks pairs in blocks (``check.runner.BLOCK_PAIRS``, 64), each rule
#: over the whole block before the next, so a pair's translation is asked for again a block later.
_KEPT = 256


@functools.lru_cache(maxsize=_KEPT)
def letter_runs(text: str) -> tuple[str, ...] | None:
    """The runs of letters of ``text``, lower-cased, in order: what ``[a-z]+`` finds in ``text.lower()``, and
    ``[^\\W\\d_]+`` in a plain text; None for a text that is not plain. (Kept for the last ``_KEPT`` texts:
    several rules ask for a translation's.)"""
    if text.isascii():
        data = text.encode("ascii")
    elif NOT_PLAIN.search(text) is None:
        data = text.encode("ascii", "replace")  # (the other characters as "?", which the table makes spaces)
    else:
        return None
    return tuple(data.translate(_LETTERS_ONLY).decode("ascii").split())


def has_adjacent(text: str, pairs: AbstractSet[tuple[str, str]]) -> bool:
    """Whether two runs of letters next to each other in ``text`` (lower-cased) are one of ``pairs``, or the text
    is not plain. A word of a pair at a word boundary, then spaces only, then the other as a whole word makes
    two such runs: a pattern of two words that finds nothing where this is false need not be run."""
    runs = letter_runs(text)
    return runs is None or not pairs.isdisjoint(zip(runs, itertools.islice(runs, 1, None)))


def has_any(text: str, words: AbstractSet[str]) -> bool:
    """Whether a run of letters of ``text`` (lower-cased) is one of ``words``, or the text is not plain: a pattern
    of a word among them that finds nothing where this is false need not be run."""
    runs = letter_runs(text)
    return runs is None or not words.isdisjoint(runs)


def alnum_runs(text: str) -> list[str]:
    """The runs of ASCII letters and digits of a plain ``text`` (``NOT_PLAIN`` finds nothing in it), lower-cased:
    what ``[a-z0-9]+`` finds in ``text.lower()``."""
    return text.encode("ascii", "replace").translate(_LETTERS_AND_DIGITS).decode("ascii").split()
