"""What a language module gives TQ108 (silent gaps) for each kind of sentence it reads: ``GapKind``."""
from __future__ import annotations

import re
from typing import Callable, Iterable, NamedTuple


class GapKind(NamedTuple):
    """A kind of sentence that cannot stand as written around a word the MT lost (TQ108, silent gaps)."""

    name: str
    pattern: re.Pattern[str]
    #: "error" or "warning", as measured on faithful translations.
    severity: str
    message: str
    #: Whether a match of ``pattern`` in a text really is the gap (rules out look-alikes).
    accept: Callable[[str, re.Match[str]], bool]
    #: Words one of which the text must contain (lower-cased) for the pattern to be worth running.
    needs: tuple[str, ...] = ()
    #: Where in a text every match of ``pattern`` can begin (a superset: the text's start and where a
    #: sentence opens): the pattern is run over the text only if it matches at one of them, since a scan
    #: that tries a pattern of many alternatives at every position costs more.
    starts: Callable[[str], Iterable[int]] | None = None
    #: Whether a text (given with its lower-cased copy) may hold a match of ``pattern`` at all: a necessary
    #: condition that costs less to test than a scan with the pattern (a rarer character it opens on, or
    #: literal words); the pattern is not run where it fails.
    screen: Callable[[str, str], bool] | None = None
