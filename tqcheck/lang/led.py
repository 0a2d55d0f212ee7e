"""Alternations of words written to open on the words' first characters, which the regex engine searches for by
those characters alone (a pattern that opens on a look-ahead or a word boundary is tried at every position)."""
from __future__ import annotations

import re
from typing import Iterable


def first_led(words: Iterable[str], kind: str) -> str | None:
    """An alternation of ``words`` (each escaped) that matches, where one starts, what it does where a character of
    ``kind`` (a class) is not right before it, as ``\\b`` in front of it says for word characters, and that opens on
    the words' first characters, the look behind after each: the regex engine passes by the characters no word
    starts with instead of trying every alternative at every place. The words that start with one character are
    tried in their order (as, where only they can match, in the plain alternation). None where a word does not
    start with a character of ``kind``."""
    by_first: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        if not re.match(kind, word):
            return None
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(rf"{re.escape(first)}(?<!{kind}{re.escape(first)})(?:{'|'.join(rests)})"
                    for first, rests in by_first.items()) or "(?!)"
