"""What a name deleted from an English sentence leaves behind (a preposition with no object, a possessive 's
with no owner, a sentence opening on its verb): the patterns TQ304's scars are read with, through
``Language.name_scars``."""
from __future__ import annotations

import itertools
import re
from typing import Callable

from .letter_runs import has_adjacent

#: (pattern, what it shows).
SCARS = (
    (re.compile(r"\b(?:in|at|from|of|between|into|near|by)[ \t]+(?=[.,;])"), "a preposition with no object"),
    # "between and" is TQ108's (silent-gap): "between" is never stranded, whatever was lost.
    (re.compile(r"\b(?:of|from|with)\s+and\b"), "a preposition followed by 'and'"),
    (re.compile(r"(?:^|\s)['’]s\b"), "a possessive 's with no owner"),
    (re.compile(r"\b(?:from|of|in|at|between|into)\s+(?:are|is|was|were|has|have|had)\b"),
     "a preposition followed by a verb"),
    # An article before "is/was/has..." or a statement opening on "Would" is TQ108's too; an
    # article before a speech verb is where a speaker's name stood.
    (re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:demanded|announced)\b"), "an article followed by a verb"),
    (re.compile(r"(?:^|(?<=[.!?]\s))(?:Said|Says|Reiterated|Stressed|Noted|Told|Urged)\s+(?=[a-zA-Z])"),
     "a sentence that opens with its verb"),
    (re.compile(r"(?:^|(?<=[.!?]\s))Called\s+(?=[A-Z])"), "a sentence that opens with its verb"),
)


# What every match of each of SCARS contains, in the same order: the pattern is not run
# on a target without it (most targets have none of these, and a regex scan each costs more).
_SCAR_SPACE_MARK = re.compile(r"[ \t][.,;]")
#: The first and second words of the three patterns of a word followed by another.
_SCAR_FIRST, _SCAR_SECOND = "of between from with in at into the The an An a A".split(), \
    "and are is was were has have had demanded announced".split()
#: What a match of any of the three patterns of a word followed by another (a preposition before
#: "and" or a verb, an article before a verb) matches. Each first word is a literal (so that the
#: scan can jump to its letters) followed by a look-behind that is the leading word boundary.
_SCAR_WORD_PAIR = re.compile(
    "(?:" + "|".join(f"{w}(?<!\\w{w})" for w in _SCAR_FIRST) + ")" rf"\s+(?:{'|'.join(_SCAR_SECOND)})\b")
#: The two words of a match of _SCAR_WORD_PAIR, lower-cased: two runs of letters next to each other in a plain
#: text (``letter_runs.has_adjacent``), which few hold; the pattern is run only where they are.
_SCAR_PAIRS = frozenset(itertools.product({w.lower() for w in _SCAR_FIRST}, _SCAR_SECOND))
_SCAR_OPENING_VERB = re.compile("Said|Says|Reiterated|Stressed|Noted|Told|Urged")


def _possessive_after_space(text: str) -> bool:
    """Whether 's or ’s starts the text or follows a whitespace character."""
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            if at == 0 or text[at - 1].isspace():
                return True
            at = text.find(mark, at + 1)
    return False


def _word_pair(text: str, found: list[bool]) -> bool:
    if not found:
        found.append(_SCAR_WORD_PAIR.search(text) is not None)
    return found[0]


#: Any of what the four other patterns need (what _SCAR_NEEDS looks for one by one), each
#: alternative starting with its letter so that the scan can jump from one to the next; "'s"
#: at the start or after a space is written as a quote not preceded by a non-space.
_SCAR_OTHER_NEEDS = re.compile(r" [.,;]|\t[.,;]|'(?<!\S.)s|’(?<!\S.)s|Said|Says|Reiterated|Stressed|Noted|Told|Urged|Called")

_SCAR_NEEDS: tuple[Callable[[str, list[bool]], bool], ...] = (
    lambda text, pair: _SCAR_SPACE_MARK.search(text) is not None,
    _word_pair,
    lambda text, pair: _possessive_after_space(text),
    _word_pair,
    _word_pair,
    lambda text, pair: _SCAR_OPENING_VERB.search(text) is not None,
    lambda text, pair: "Called" in text,
)
assert len(_SCAR_NEEDS) == len(SCARS)


def name_scars(target: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, reason) of each scar in ``target``. Each pattern is tried only if the target has what
    every match of it contains (``_SCAR_NEEDS``): most sentences have none of these, and eight scans cost more."""
    word_pair = [has_adjacent(target, _SCAR_PAIRS) and _SCAR_WORD_PAIR.search(target) is not None]
    if not word_pair[0] and not _SCAR_OTHER_NEEDS.search(target):
        return []
    out: list[tuple[int, int, str, str]] = []
    for (pattern, reason), needs in zip(SCARS, _SCAR_NEEDS):
        if not needs(target, word_pair):
            continue
        for m in pattern.finditer(target):
            s, e = m.start(), max(m.end(), m.start() + 1)
            while s < e and target[s].isspace():
                s += 1
            out.append((s, e, target[s:e].strip() or target[s:s + 12], reason))
    return out
