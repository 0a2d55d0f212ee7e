"""How the number reader (:mod:`tqcheck.check.numparse`) runs its recognisers on a text: each one's need sorted out
once, and what finds its matches (its pattern's, or the words a run of number words may open on)."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from ..lang.led import first_led
from .numbase import Handler, Need


#: What finds a recogniser's matches in a text (its pattern's finditer, as a rule).
Finder = Callable[[str], Iterable[re.Match[str]]]
#: A recogniser as ``_extract`` runs it: what finds its matches, its handler, the strings one of which the lower-cased
#: text must contain and a test it must pass (None: no such condition).
_Runnable = tuple[Finder, Handler, "tuple[str, ...] | None", "Callable[[str], object] | None"]


def _runnable(finder: Finder, handler: Handler, need: Need) -> _Runnable:
    """A recogniser with its need sorted out once: strings to look for, of which those that hold another (january,
    jan) are left out, as a text that has one has the other; a predicate; or nothing (a need for a digit is met by
    the list the recogniser is in)."""
    if need is None or need == "digit":
        return finder, handler, None, None
    if callable(need):
        return finder, handler, None, need
    needles = tuple(dict.fromkeys(need))
    return finder, handler, tuple(n for n in needles if not any(o != n and o in n for o in needles)), None


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled for ASCII text (re.ASCII), where it finds what it finds compiled for any text: \\d, \\w
    and \\b hold for the same ASCII characters either way, and are then looked up in a small table instead of
    Unicode's character database at every character. ``pattern`` itself where it has \\s (Unicode's holds
    \\x1c-\\x1f as well), letters beyond ASCII with case ignored (the Kelvin sign is k's capital) or a flag of its
    own."""
    src = pattern.pattern
    if "\\s" in src or "\\S" in src or re.search(r"\(\?[aiLmsux-]", src) or (
            pattern.flags & re.IGNORECASE and not src.isascii()):
        return pattern
    return re.compile(src, pattern.flags & ~re.UNICODE | re.ASCII)


def _whole_words(words: Iterable[str], kind: str = r"\w") -> re.Pattern[str]:
    """A pattern of ``words`` as whole runs of characters of ``kind`` (a class: what a split of a text on the others
    gives), opening on their first characters (``first_led``). (A word with a character of another kind is never
    such a run: left out.)"""
    return re.compile(f"(?:{first_led((w for w in words if re.fullmatch(rf'{kind}+', w)), kind)})(?!{kind})")


class _OpeningWords:
    """The words of a text that a run of number words may open on (the words ``opens`` holds for, lower-cased), as
    matches of a word in the text: where the opening words are known (``words``), found by one search of the
    lower-cased text for them, instead of every word of the text lower-cased and tested. (The lower-cased text has the
    text's words at the same places wherever it is as long: a character is a letter if and only if its lower case
    is, which holds for every character but İ, the one that lowers to two; only Σ lowers as its place in a word says,
    σ or ς, which no opening word has, or the one search is not made.)"""

    word = re.compile(r"[^\W\d_]+")

    def __init__(self, opens: Callable[[str], bool], words: Iterable[str] | None) -> None:
        self.opens = opens
        words = None if words is None else tuple(words)
        self.openers = _whole_words(words, r"[^\W\d_]") if words is not None and not any(
            "σ" in w or "ς" in w for w in words) else None

    def __call__(self, t: str) -> Iterable[re.Match[str]]:
        low = t.lower() if self.openers is not None else t
        if self.openers is None or len(low) != len(t):
            return (m for m in self.word.finditer(t) if self.opens(m.group().lower()))
        return [m for o in self.openers.finditer(low) if (m := self.word.match(t, o.start())) is not None]
