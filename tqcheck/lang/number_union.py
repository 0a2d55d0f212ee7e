"""The words languages write around figures (``Language.number_context``), joined over every language module
into the alternations the number reader matches."""
from __future__ import annotations

import functools
import re

from . import MODULES, get


def either(*alternations: str) -> str:
    """The alternations as one, those with no alternative left out (an empty one would match anywhere);
    a pattern that never matches where all are empty."""
    return "|".join(a for a in alternations if a) or "(?!)"


def union(field: str) -> str:
    """The alternatives of ``field`` of every language module, in the modules' order, as one alternation
    ("" where none has any). Where the language is written without spaces they are kept apart, after the
    others, as ``unspaced_union`` gives them."""
    return "|".join(_alternatives(field, unspaced=False))


def unspaced_union(field: str) -> str:
    """``union`` of the languages written without spaces (no word boundary around their words)."""
    return "|".join(_alternatives(field, unspaced=True))


def first_characters(field: str) -> str | None:
    """The characters a match of any alternative of ``field`` (in any language) starts with, as the inside of a
    character class, for a look-ahead that lets the regex engine pass other characters by; None where an
    alternative does not start with a plain character or a class of them."""
    out: list[str] = []
    for alternative in _alternatives(field, unspaced=False) + _alternatives(field, unspaced=True):
        if alternative[0] == "[" and "]" in alternative[2:] and not any(c in alternative[1:alternative.index("]", 2)]
                                                                       for c in "\\^-["):
            out.extend(alternative[1:alternative.index("]", 2)])
        elif alternative[0] in "\\[](){}.*+?^$|":
            return None
        else:
            out.append(alternative[0])
    return "".join(map(re.escape, dict.fromkeys(out))) or None


@functools.lru_cache(maxsize=None)
def _alternatives(field: str, unspaced: bool) -> tuple[str, ...]:
    out: list[str] = []
    for code in MODULES:
        language = get(code)
        if language.unspaced == unspaced:
            for alternative in getattr(language.number_context, field):
                if alternative not in out:
                    out.append(alternative)
    return tuple(out)


@functools.lru_cache(maxsize=None)
def entries(field: str) -> tuple:
    """Every module's entries of ``field``, spaced languages first, each once (literal strings or pairs)."""
    return tuple(dict.fromkeys(_alternatives(field, unspaced=False) + _alternatives(field, unspaced=True)))
