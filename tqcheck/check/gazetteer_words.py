"""How the gazetteer reads the words of Latin-script text: the words that can start a name, an article elided
before one (l'Irak), the key a name is indexed under, and when text may be read as ASCII."""
from __future__ import annotations

import functools
import re

#: What may separate the words of one name: a space, a hyphen, an abbreviation's full stop, or nothing.
_NAME_SEPARATORS = frozenset((" ", "-", ". ", ""))
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:[.’'][^\W\d_]+)*\.?")
#: _LATIN_WORD for ASCII text, where a letter is [A-Za-z].
_ASCII_LATIN_WORD = re.compile(r"[A-Za-z]++(?:[.’'][A-Za-z]++)*+\.?")
#: Where in ASCII text a capitalised word of _LATIN_WORD starts: a capital that neither follows
#: a letter nor continues a word over a full stop or an apostrophe ("U.S.", "O'Neill").
_ASCII_NAME_START = re.compile(r"[A-Z](?<![A-Za-z].)(?:(?<![A-Za-z][.’'].)|(?<=\b[dl]['’].)|(?<=\bqu['’].))")
#: An article or a preposition elided before a word (l'Irak, d'Europe): the name starts after it.
_ELIDED = re.compile(r"(?:[dlDL]|[qQ]u)['’](?=[A-ZÀ-ÖØ-Þ])")
#: The word of _ASCII_LATIN_WORD there (no such start lies inside such a word: scanning on from
#: its end skips none).
_ASCII_NAME_WORD = re.compile(_ASCII_NAME_START.pattern + r"[A-Za-z]*+(?:[.’'][A-Za-z]++)*+\.?")


#: A word character (a letter, a digit, an underscore) outside ASCII, or an elided article after an apostrophe
#: (xa'l'Irak: the general reading takes it for one word, the ASCII one finds Irak after l').
#: (It opens on one class, what is not ASCII or is an apostrophe, and looks behind at the character it took: the
#: regex engine skips to those characters.)
_NOT_ASCII_WORDS = re.compile(r"[^\x00-\x26\x28-\x7f](?:(?<=[^\W\x00-\x7f])|(?<=['’])(?:[dlDL]|[qQ]u)['’])")


#: Texts whose word reading is kept: the two sides of every pair of a block the checks run rule by rule over (the
#: name analysis and TQ501 search a translation for places, a block's pairs apart: ``check.runner.BLOCK_PAIRS``).
_KEPT_TEXTS = 256


@functools.lru_cache(maxsize=_KEPT_TEXTS)
def _ascii_words(text: str) -> bool:
    """Whether ``text`` is ASCII, or every word character of it is and no elided article follows an apostrophe
    (its other characters may be anything: “quotes”, dashes, ’): there ``_find_latin_ascii`` finds what
    ``_find_latin`` does, its patterns reading the letters as ASCII and the apostrophes (' and ’) as the
    general ones do."""
    return text.isascii() or _NOT_ASCII_WORDS.search(text) is None


@functools.lru_cache(maxsize=_KEPT_TEXTS)
def _ascii_name_words(text: str) -> tuple[re.Match[str], ...]:
    """The words of ASCII text that can start a name (_ASCII_NAME_WORD), found once for every language the text
    is searched in (a translation is searched for its own language's places and for the source's)."""
    return tuple(_ASCII_NAME_WORD.finditer(text))


@functools.lru_cache(maxsize=65536)
def _norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    return t.rstrip(".") if len(t) > 1 else t


def _latin_tokens_key(name: str) -> list[str]:
    return [_norm_token(t) for t in _LATIN_WORD.findall(name)]
