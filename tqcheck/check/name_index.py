"""The source of a pair read for names: its words, romanised on demand (pinyin, Japanese readings,
Cyrillic transliteration, consonant skeletons), and the search for a target name's counterpart in it."""
from __future__ import annotations

import functools
import itertools
import re
from typing import Callable, Iterator, Mapping

from .. import lang as language
from ..cached import cached
from . import translit as tr
from .name_tools import _similar, _strip_possessive
from .name_words import _TRANSLIT_RUN


# --- source-side romanisation, computed on demand -------------------------------------------------

_SRC_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё'-]*")


@functools.lru_cache(maxsize=32768)
def _name_readings(char: str) -> tuple[str, ...]:
    """Every reading of one Han character, its reading as a surname included."""
    r = tr.han_readings(char)
    if r and char in tr.SURNAME_READINGS:
        r = r + (tr.SURNAME_READINGS[char],)
    return r


@functools.lru_cache(maxsize=4096)
def _run_windows(run: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, skeleton) of every window of 1-8 characters of a run of transliteration
    characters, offsets within the run; windows with an empty skeleton are left out."""
    skels = [tr.pinyin_skeleton(tr.han_pinyin(c)) for c in run]
    out: list[tuple[int, int, str]] = []
    for i in range(len(skels)):
        sk = ""  # the skeleton of run[i:j + 1], runs of one consonant class collapsed
        for j in range(i, min(len(skels), i + 8)):
            for c in skels[j]:
                if not sk or sk[-1] != c:
                    sk += c
            if sk:
                out.append((i, j + 1, sk))
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _cyrillic_folds(word: str) -> tuple[str, str]:
    """The folded romanisation of a Cyrillic word and that of its stem."""
    return tr.fold(tr.cyrillic_to_latin(word)), tr.fold(tr.cyrillic_to_latin(tr.russian_stem(word)))


_KATAKANA_WORD = re.compile(r"[\u30a0-\u30ffー]{3,}")


def _given_keys(given: Mapping[str, tuple[str, ...]], word: str) -> Iterator[str]:
    """The entries of a language's given names that ``word`` is, or begins a compound with (Nikolaustag)."""
    if word in given:
        yield word
    for k in given:
        if len(k) >= 5 and k != word and word.startswith(k):
            yield k


class _SourceIndex:
    """Romanised views of the source, each built the first time a match needs it."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang

    @cached
    def text_lower(self) -> str:
        return self.text.lower()

    @cached
    def latin_words(self) -> list[tuple[int, int, str]]:
        foreign = language.get(self.lang).latin_is_foreign
        if foreign and not _ASCII_LETTER.search(self.text):
            return []  # only words starting with an ASCII letter are kept
        return [(m.start(), m.end(), m.group()) for m in _SRC_WORD.finditer(self.text)
                if m.group()[0].isascii() or not foreign]

    @cached
    def _han_readings(self) -> list[tuple[int, tuple[str, ...]]]:
        """(position, readings) of every Han character, surname readings included."""
        readings = list(map(_name_readings, self.text))
        return list(itertools.compress(enumerate(readings), readings))

    @cached
    def _reading_starts(self) -> tuple[dict[str, list[int]], int]:
        """Reading -> indexes (in ``_han_readings``) of the characters that have it; the longest reading."""
        out: dict[str, list[int]] = {}
        for k, (_, readings) in enumerate(self._han_readings):
            for r in readings:
                out.setdefault(r, []).append(k)
        return out, max(map(len, out), default=0)

    def pinyin_find(self, plain: str) -> tuple[int, int] | None:
        """Where 1-4 consecutive Han characters read as ``plain`` (mengqi -> 梦琪), in any reading."""
        chars = self._han_readings
        starts, longest = self._reading_starts
        # only the characters with a reading that begins ``plain`` can start a match: try those, in order
        ks: set[int] = set()
        for n in range(min(len(plain), longest) + 1):
            ks.update(starts.get(plain[:n], ()))
        for k in sorted(ks):
            pos, readings = chars[k]
            for r in readings:
                if plain.startswith(r):
                    end = self._pinyin_rest(chars, k + 1, pos + 1, plain, len(r), 1)
                    if end is not None:
                        return (pos, end)
        return None

    def _pinyin_rest(self, chars: list[tuple[int, tuple[str, ...]]], k: int, pos: int, plain: str, done: int,
                     used: int) -> int | None:
        if done == len(plain):
            return pos
        if used >= 4 or k >= len(chars) or chars[k][0] != pos:
            return None
        for r in chars[k][1]:
            if plain.startswith(r, done):
                end = self._pinyin_rest(chars, k + 1, pos + 1, plain, done + len(r), used + 1)
                if end is not None:
                    return end
        return None

    @cached
    def translit_windows(self) -> list[tuple[int, int, str]]:
        """Consonant skeletons of every window of 1-8 transliteration characters."""
        out: list[tuple[int, int, str]] = []
        for m in _TRANSLIT_RUN.finditer(self.text):
            s = m.start()
            out.extend((s + i, s + j, sk) for i, j, sk in _run_windows(m.group()))
        return out

    @cached
    def japanese(self) -> list[tuple[int, int, str]]:
        out = []
        for s, e, r in tr.japanese_tokens(self.text):
            parts, readings = self.text[s:e].split("・"), r.split("・")
            if len(parts) == 1 or len(parts) != len(readings):
                out.append((s, e, r))
                continue
            for part, reading in zip(parts, readings):  # ステフォン・ディグス: each part of a name on its own
                if part:
                    out.append((s, s + len(part), reading))
                s += len(part) + 1
        return out

    @cached
    def reading_windows(self) -> list[tuple[int, int, str]]:
        """Readings of 1-3 consecutive Japanese words (for zh too: 岸田文雄 -> kishida fumio), as pykakasi gives
        them: ``_reading_match`` folds a window only where it is long enough to match."""
        toks = self.japanese
        n = len(toks)
        out = []
        for i, (s0, e0, r0) in enumerate(toks):
            out.append((s0, e0, r0))
            if i + 1 < n and toks[i + 1][0] == e0:
                _, e1, r1 = toks[i + 1]
                joined = r0 + r1
                out.append((s0, e1, joined))
                if i + 2 < n and toks[i + 2][0] == e1:
                    out.append((s0, toks[i + 2][1], joined + toks[i + 2][2]))
        return out

    @cached
    def cyrillic_words(self) -> list[tuple[int, int, str, str, str]]:
        """(start, end, word, folded romanisation, folded romanisation of the stem)."""
        out = []
        for m in _CYRILLIC_WORD.finditer(self.text):
            w = m.group()
            out.append((m.start(), m.end(), w) + _cyrillic_folds(w))
        return out

    #: Spans of transliterated names the analysis found in the source (set by the analyser).
    translit_names: list[tuple[int, int]] = []

    def _windows_inside(self, names: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str, bool]]:
        """``translit_windows``, each with whether it lies inside one of ``names``."""
        cache = self.__dict__.setdefault("_inside_cache", {})
        out = cache.get(names)
        if out is None:
            out = cache[names] = [(s, e, wsk, any(ns <= s and e <= ne for ns, ne in names))
                                  for s, e, wsk in self.translit_windows]
        return out

    def match(self, word: str) -> tuple[int, int] | None:
        """Where in the source a Latin-script name token comes from, or None (looked for once per word and
        ``translit_names``: a name the translation repeats, or that two steps of the analysis ask for)."""
        key = (word, tuple(self.translit_names))
        found = self._matches.get(key, self)
        if found is self:
            found = self._matches[key] = self._match(word)
        return found  # type: ignore[return-value]

    @cached
    def _matches(self) -> dict[tuple[str, tuple[tuple[int, int], ...]], tuple[int, int] | None]:
        return {}

    def _match(self, word: str) -> tuple[int, int] | None:
        clean = _strip_possessive(word)
        f = tr.fold(clean)
        if len(f) < 2:
            return None
        low = clean.lower()
        at = self.text_lower.find(low)
        if at >= 0 and (len(low) >= 3 or not low.isalpha()):
            return (at, at + len(low))
        if language.get(self.lang).latin_is_foreign:
            for s, e, w in self.latin_words:
                if w.isascii() and (tr.fold(w) == f or (len(f) >= 5 and _similar(tr.fold(w), f, 0.8))):
                    return (s, e)
        return self._READERS[language.get(self.lang).name_reading](self, clean, f)

    # How a Latin-script name is looked for in a source of each way of writing names (``Language.name_reading``):
    # each returns the span it comes from, or None.

    def _in_pinyin(self, clean: str, f: str) -> tuple[int, int] | None:
        """Han characters read in pinyin (Xi Jinping: 习近平), transliterations by their consonants (a foreign
        name in Chinese characters), and Japanese readings (a Japanese name in Chinese text: 岸田文雄)."""
        plain = tr.ascii_fold(clean).replace("'", "").replace("’", "").replace("-", "")
        hit = self.pinyin_find(plain) or ("u" in plain and self.pinyin_find(plain.replace("u", "v"))) or None
        if hit:
            return hit
        if len(plain) >= 3:
            names = self.translit_names
            # outside the source's transliterated names, only a long non-pinyin word with a
            # skeleton of three consonants or more may match a window
            loose = len(plain) >= 4 and not tr.is_pinyin_word(plain)
            skeletons = tr.latin_skeletons(clean)
            loose_skeletons = [sk for sk in skeletons if len(sk) >= 3] if loose else []
            if loose_skeletons:
                for s, e, wsk, inside in self._windows_inside(tuple(names)):
                    for sk in skeletons if inside else loose_skeletons:
                        if tr.skeletons_match(sk, wsk):
                            return (s, e)
            elif names:
                for s, e, wsk, inside in self._windows_inside(tuple(names)):
                    if inside:
                        for sk in skeletons:
                            if tr.skeletons_match(sk, wsk):
                                return (s, e)
        if len(plain) >= 4 and tr.is_romaji(plain) and not tr.is_pinyin_word(plain):
            hit = self._reading_match(f)  # a Japanese name in Chinese text: 岸田文雄 -> Kishida
            if hit:
                return hit
        return None

    def _in_japanese(self, clean: str, f: str) -> tuple[int, int] | None:
        """Japanese readings of kanji and kana, and katakana by their consonants (Carter: カーター)."""
        hit = self._reading_match(f)
        if hit:
            return hit
        for sk in tr.latin_skeletons(clean):  # the name's r dropped (Carter, カーター) and kept
            if len(sk) < 2:
                continue
            for s, e, r in self.japanese:
                if not tr.KANA.search(self.text, s, e):
                    continue
                kana = tr.kana_skeleton(r)
                # two consonants (Allen, アレン) only for a whole word written in katakana
                if (kana == sk and _KATAKANA_WORD.fullmatch(self.text, s, e)) if len(sk) == 2 else tr.skeletons_match(sk, kana):
                    return (s, e)
                if len(sk) >= 3 and kana.startswith(sk) and _KATAKANA_WORD.fullmatch(self.text, s, e):
                    return (s, e)  # the head of a compound: ガンダムシードデスティニー is Gundam SEED Destiny
        return None

    def _in_cyrillic(self, clean: str, f: str) -> tuple[int, int] | None:
        """Cyrillic words romanised, and their stems (Соколова: Sokolov)."""
        lf = len(f)
        for s, e, w, wf, stemf in self.cyrillic_words:
            if wf == f:
                return (s, e)
            if lf >= 4:
                # _similar(wf, f, 0.8), its length test inline (most words fail it)
                lw = len(wf)
                if 100 * abs(lw - lf) <= 20 * (lw if lw > lf else lf) and tr.similarity(wf, f) >= 0.8:
                    return (s, e)
                if len(stemf) >= 4 and f.startswith(stemf) and lf - len(stemf) <= 3:
                    return (s, e)
        return None

    def _in_latin(self, clean: str, f: str) -> tuple[int, int] | None:
        """Latin-script words, folded, and the language's given names (Nikolaus: Nicholas)."""
        given = language.get(self.lang).given_names
        for s, e, w in self.latin_words:
            wf = tr.fold(w)
            if wf == f or (len(f) >= 5 and _similar(wf, f, 0.8)):
                return (s, e)
            low = w.lower()
            if any(tr.fold(part) == f for k in _given_keys(given, low) for v in given[k] for part in v.split()):
                return (s, e)  # Nikolaus: "Nicholas"; Weihnachtsmann: "Santa Claus"; Nikolaustag
        return None

    _READERS: dict[str, Callable[["_SourceIndex", str, str], tuple[int, int] | None]] = {
        "pinyin": _in_pinyin, "japanese": _in_japanese, "cyrillic": _in_cyrillic, "latin": _in_latin}

    def _reading_match(self, f: str) -> tuple[int, int] | None:
        if len(f) < 3:
            return None
        lf = len(f)
        # the shortest folded reading that may match: as long as f, or within 15% of it for the similarity
        shortest = lf if lf < 6 else -(-85 * lf // 100)
        fold = tr.fold
        for s, e, raw in self.reading_windows:
            if len(raw) < shortest and raw.isascii():
                continue  # folding never lengthens ASCII: too short to match
            r = fold(raw)
            if r == f or (lf >= 5 and r.startswith(f) and len(r) - lf <= 4):
                return (s, e)  # or the head of a word: 原宿店 is "the Harajuku store"
            if lf >= 6:
                # _similar(r, f, 0.85), its length test inline (most windows fail it)
                lr = len(r)
                if 100 * abs(lr - lf) <= 15 * (lr if lr > lf else lf) and tr.similarity(r, f) >= 0.85:
                    return (s, e)
        return None
