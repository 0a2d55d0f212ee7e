"""pykakasi's converter with two of its steps done faster, same words and readings.

The name checks read Japanese (and, for Japanese names in Chinese text, Chinese) sources with pykakasi:
each word and its Hepburn reading (``translit.japanese_tokens``). Two of pykakasi's steps took most of
that time:

- the longest dictionary word at a kanji (``JConv.convert``) was found by trying every entry of the
  character's table (hundreds for 日 or 中) with ``startswith``; here the text's prefixes are looked up
  instead, longest first, from the length of the character's longest entry down. The longest entry that starts
  the text wins in both, with the first of its readings whose okurigana fits; a key is unique, so no tie
  can fall otherwise. The handling of variation selectors after the match is pykakasi's, unchanged. In a
  text without variant characters (which pykakasi converts first, in all the rest of the text at every kanji)
  the match is looked for in place.
- each word's kana was romanised three times (Hepburn, Kunrei, Passport) and converted to katakana,
  although only the Hepburn reading is read (``IConv.convert``); here only that one is made, by
  pykakasi's own steps.

``tests/unit/test_kakasi_fast.py`` compares the two converters on text of every kind.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from pykakasi.kakasi import Kakasi
from pykakasi.kanji import JConv
from pykakasi.properties import Ch
from pykakasi.scripts import A2, H2, IConv, K2, Sym2


class LongestFirstJConv(JConv):
    """``JConv`` whose dictionary match looks the text's prefixes up, longest first."""

    def __init__(self) -> None:
        super().__init__()
        #: code point -> its table of entries and the length of its longest entry; None for a character without one
        self._tables: dict[int, tuple[dict[str, Any], int] | None] = {}

    def _table(self, char: str) -> tuple[dict[str, Any], int] | None:
        table = self._kanwa.load(char)
        if table is None:
            found = None
        else:  # (tqcheck's prepared copy of the readings has each length: translit._KanjiReadings)
            longest = getattr(self._kanwa._jisyo_table, "longest", None)
            found = (table, longest(ord(char)) if longest is not None else max(map(len, table), default=0))
        self._tables[ord(char)] = found
        return found

    def _longest_match(self, text: str, at: int, btext: str) -> tuple[str, int] | None:
        """The reading and length of the longest entry that starts ``text`` at ``at`` and whose okurigana fits
        ``btext`` (with the first of its readings that fits), ("", 0) for none, None where the character has no
        table."""
        code = ord(text[at])
        found = self._tables[code] if code in self._tables else self._table(text[at])
        if found is None:
            return None
        table, longest = found
        # every length from the longest entry's down (a length no entry has finds none); pykakasi never
        # takes an empty entry (its match must be longer than none)
        for length in range(min(longest, len(text) - at), 0, -1):
            entries = table.get(text[at:at + length])
            if entries is None:
                continue
            for yomi, con in entries:
                if con is None or btext in con:
                    return yomi, length
        return "", 0

    def convert_at(self, text: str, at: int, btext: str, plain: bool) -> tuple[str, int]:
        """``convert(text[at:], btext)``, where ``plain`` says that the table of variant characters leaves
        ``text`` as it is (then nothing is cut off or converted: the match is looked for in place)."""
        if not plain:
            return self.convert(text[at:], btext)
        return self._longest_match(text, at, btext) or ("", 0)

    def convert(self, itext: str, btext: str) -> tuple[str, int]:  # type: ignore[override]  # lru-cached there
        text = self._itaiji.convert(itext)
        num_vs = len(itext) - len(text)
        match = self._longest_match(text, 0, btext)
        if match is None:
            return "", 0
        found, max_len = match
        # pykakasi's own handling of variation selectors, unchanged
        for _ in range(num_vs):
            if max_len > len(itext):
                break
            elif text[max_len - 1] != itext[max_len - 1]:
                max_len += 1
            elif max_len < num_vs + len(text) and max_len <= len(itext) and self._is_vschr(itext[max_len]):
                max_len += 1
        return (found, max_len)


#: Katakana to hiragana, as pykakasi's ``K2("H")`` maps them (ヷ-ー and the rest unchanged).
_KATAKANA_TO_HIRAGANA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
#: Characters ``K2("H")`` reads otherwise: half-width kana (two may make one) and small Kana Extended-A ones.
_OTHER_KANA = re.compile("[\uff66-\uff9e\U0001b164-\U0001b167]")


class HepburnIConv(IConv):
    """``IConv`` that makes only the original and its Hepburn reading (the only fields read), by
    pykakasi's three steps (katakana to hiragana, hiragana to romaji, symbols to ASCII) done on the whole
    word at once: the same table lookups, longest key first, without a call and a slice per character."""

    def __init__(self) -> None:
        super().__init__()
        self._romaji: dict[str, str] = self._hahconv._kanadict._dict
        self._longest: int = self._hahconv._kanadict.maxkeylen()
        self._symbols: dict[str, str | None] = {}  # a character's ASCII form (``Sym2("a")``), None for none

    def convert(self, otext: str, hira: str) -> dict[str, str]:  # type: ignore[override]
        return {"orig": otext, "hepburn": self._hepburn(hira)}

    @functools.lru_cache(maxsize=65536)  # per reading, so that the words of every sentence (の, する) are read once
    def _hepburn(self, hira: str) -> str:
        """The Hepburn reading of a word's kana (the word itself plays no part in it)."""
        kana = self._k2h(hira) if _OTHER_KANA.search(hira) else hira.translate(_KATAKANA_TO_HIRAGANA)
        return self._symbols_to_ascii(self._romanise(kana))

    def _romanise(self, text: str) -> str:
        """``IConv._h2ah``: at each character the longest key of the Hepburn table that starts there,
        or the character itself."""
        romaji, longest = self._romaji, self._longest
        out = []
        i, n = 0, len(text)
        while i < n:
            for length in range(min(longest, n - i), 0, -1):
                found = romaji.get(text[i:i + length])
                if found is not None:
                    out.append(found)
                    i += length
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def _symbols_to_ascii(self, text: str) -> str:
        """``IConv._s2a``: each symbol's ASCII form, a long-vowel mark the letter before it (or "-"), the rest
        as it is (ASCII has no symbol ``Sym2`` converts)."""
        if text.isascii():
            return text
        symbols = self._symbols
        result = ""
        for ch in text:
            if ch not in symbols:
                t, length = self._saconv.convert(ch)
                symbols[ch] = t if length > 0 else None
            t = symbols[ch]
            if t is not None:
                result += t
            elif ch in Ch.long_symbols:
                result += result[-1] if result else "-"
            else:
                result += ch
        return result


# What ``Kakasi.convert`` makes of a character, tested in its order (end marks, long-vowel marks, katakana,
# hiragana, ASCII, symbols, kanji, private use, the rest), and the kinds of text it keeps apart.
_END, _LONG, _KANA, _HIRAGANA, _ALPHA, _SYMBOL, _KANJI, _PRIVATE, _OTHER = range(9)


class ClassifiedKakasi(Kakasi):
    """``Kakasi`` whose ``convert`` finds what each character is once per character (a dictionary of the
    characters seen), not by up to seven tests per character of every text; the loop over the text is
    pykakasi's, step for step, with its quirks (a buffer flushed and kept before a private-use or other
    character; the character after an unknown kanji skipped)."""

    def __init__(self, jconv: LongestFirstJConv, iconv: IConv) -> None:  # (Kakasi.__init__ only makes these two)
        self._jconv = jconv
        self._iconv = iconv
        self._kinds: dict[str, int] = {}

    def _kind(self, ch: str) -> int:
        o = ord(ch)
        if ch in Ch.endmark:
            kind = _END
        elif ch in Ch.long_symbols:
            kind = _LONG
        elif K2.isRegion(ch):
            kind = _KANA
        elif H2.isRegion(ch):
            kind = _HIRAGANA
        elif A2.isRegion(ch):
            kind = _ALPHA
        elif Sym2.isRegion(ch):
            kind = _SYMBOL
        elif self._jconv.isRegion(ch):
            kind = _KANJI
        elif 0xF000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFD:
            kind = _PRIVATE
        else:
            kind = _OTHER
        self._kinds[ch] = kind
        return kind

    def convert(self, text: str) -> list[dict[str, str]]:
        if not text:
            return super().convert(text)
        kinds, iconv, jconv = self._kinds, self._iconv.convert, self._jconv.convert_at
        plain = self._jconv._itaiji.convert(text) == text  # (no variant character: each kanji's match in place)
        original = kana = ""
        out: list[dict[str, str]] = []
        i, n = 0, len(text)
        prev = _KANJI
        while i < n:
            ch = text[i]
            kind = kinds.get(ch)
            if kind is None:
                kind = self._kind(ch)
            if kind == _LONG:  # the kind before it goes on
                original += ch
                kana += ch
                i += 1
                continue
            if kind == _KANJI:
                if original:
                    out.append(iconv(original, kana))
                t, length = jconv(text, i, original, plain)
                prev = _KANJI
                if length > 0:
                    original, kana = text[i:i + length], t
                    i += length
                else:  # an unknown kanji: out on its own, and the character after it skipped
                    out.append(iconv(ch, ""))
                    original = kana = ""
                    i += 2
                continue
            if kind == _PRIVATE or kind == _OTHER:
                if original:  # (flushed and kept: it comes out again with what follows)
                    out.append(iconv(original, kana))
                if kind == _OTHER:
                    out.append(iconv(ch, ""))
                else:
                    prev = _SYMBOL
                i += 1
                continue
            if kind == _END:
                prev, same = _SYMBOL, False
            elif kind == _SYMBOL:
                if prev == _SYMBOL:  # a symbol after a symbol: out on its own, the buffer emptied
                    if original:
                        out.append(iconv(original, kana))
                    out.append(iconv(ch, ch))
                    original = kana = ""
                    i += 1
                    continue
                prev, same = _SYMBOL, False
            else:  # katakana, hiragana, ASCII: a run of one kind is one word
                same = prev == kind
                prev = kind
            if same:
                original += ch
                kana += ch
            else:
                if original:
                    out.append(iconv(original, kana))
                original = kana = ch
            i += 1
        if original:
            out.append(iconv(original, kana))
        return out


def speed_up(converter: Any) -> Any:
    """``converter`` (a ``pykakasi.kakasi()``) with the faster steps, if it is built as expected; as it
    was otherwise."""
    inner: Any = getattr(converter, "_kakasi", None)
    if (isinstance(inner, Kakasi) and isinstance(getattr(inner, "_jconv", None), JConv)
            and isinstance(getattr(inner, "_iconv", None), IConv)):
        converter._kakasi = ClassifiedKakasi(LongestFirstJConv(), HepburnIConv())
    return converter
