"""Proper nouns of a Chinese or Japanese source that a translation writes by their sound (大谷 Otani,
諏訪 Suwa, 胡錦濤 Hu Jintao), as the language's analyser reads them, and whether the translation has a
word that may be one of them.

A kanji name has several readings, and the analyser's is not always the name's (大谷 is Ōya or Ōtani,
唐山 Tōzan or Toyama), so the test of a counterpart is loose: any reading of the name (the analyser's,
pykakasi's, its Mandarin pinyin), whole or in part, as a word of the translation or inside one; or a
capitalised word of the translation that is no English word and starts with the letter one of those
readings, or a Mandarin reading of the name's first character, starts with. A name missing by that test has no word of the translation that could be
it: the translation lost it, or wrote another name in its place.
"""
from __future__ import annotations

import functools
import re

from .. import lang as language
from ..types import Severity
from . import translit as tr
from .gazetteer import Gazetteer
from .gazetteer_build import get_gazetteer
from .name_tools import _overlaps, is_english_word, SourceName

_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=4096)
def _readings(name: str, kana: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The folded readings of a name (whole), and the letters it may start with in them and in the
    Mandarin readings of its first character."""
    whole = [tr.japanese_reading(kana), tr.japanese_reading(name)]  # the analyser's reading first
    if tr.HAN.match(name[0]):
        whole.append("".join(tr.han_pinyin(c) for c in name if tr.HAN.match(c)))
    folded = tuple(f for f in dict.fromkeys(tr.fold(r) for r in whole) if f)
    first = {r[:1] for r in tr.han_readings(name[0])} | {r[:1] for r in whole}
    if first & {"l", "r"}:
        first |= {"l", "r"}  # one sound to Japanese: 理世 li in pinyin is Riyo
    return folded, frozenset(first - {""})


def _has_counterpart(name: str, kana: str, words: list[str], folds: list[str]) -> bool:
    readings, first = _readings(name, kana)
    joined = folds + [a + b for a, b in zip(folds, folds[1:])]  # Hu Jintao: two words for one name
    for r in readings:
        for f in joined:
            if len(f) < 2:
                continue
            if f == r or (len(r) >= 3 and r in f) or (len(f) >= 3 and f in r):
                return True  # Suwa, Suwa-shi; Shikoku
            if len(f) >= 4 and len(r) >= 4 and tr.similarity(f, r) >= 0.75:
                return True
    return any(w[0].isupper() and w[0].lower() in first and not is_english_word(w) for w in words)


def _sounded_out(name: str, kana: str, words: list[str]) -> bool:
    """Whether a katakana name has a word of the translation, or two or three words together, with its
    consonants (Potro, Brumbies), or a part of a compound does (キッチン + スポンジ: kitchen sponge), or
    a word starts with them or they start with a word's (トマホ: Tomahawk, ポスコインターナショナル: POSCO)."""
    words = words + [w.replace("v", "b") for w in words if "v" in w]  # katakana writes a v as a b: イベント
    parts = [tr.kana_skeleton(tr.japanese_reading(p)) for p in kana.split()]
    whole = tr.kana_skeleton(tr.japanese_reading(kana.replace(" ", "")))
    runs = words + [a + b for a, b in zip(words, words[1:])] + [a + b + c for a, b, c in zip(words, words[1:], words[2:])]
    if any(tr.any_skeleton_match(w, whole) for w in runs):
        return True
    if len(whole) >= 3 and any(sk.startswith(whole) or len(sk) >= 3 and whole.startswith(sk)
                               for w in words for sk in tr.latin_skeletons(w)):
        return True  # a word longer or shorter than the name: Tomahawk, POSCO (ポスコインターナショナル)
    return len(parts) > 1 and any(len(p) >= 2 and tr.any_skeleton_match(w, p) for p in parts for w in words)


def _holds_place(gaz: Gazetteer, name: str, lang: str) -> bool:
    return any(gaz.find(name[i:j], lang) for i in range(len(name)) for j in range(i + 2, len(name) + 1))


def read_source_names(source: str, target: str, src: str, taken: list[tuple[int, int]]) -> list[SourceName]:
    """The source's proper nouns read by sound (``Language.read_names``) that are not already taken,
    each ``matched`` where the translation has a word that may be it; a missing one is a warning."""
    read = language.get(src).read_names
    if read is None:
        return []
    gaz = get_gazetteer()
    # a name written partly in kana (ケンタッキー州) is matched by its sound elsewhere; one holding a known
    # place (東日本 "eastern Japan") is the place rules' to match
    found = [n for n in read(source) if not (taken and _overlaps((n[0], n[1]), taken))
             and (not tr.KANA.search(n[2]) or not tr.HAN.search(n[2])) and not _holds_place(gaz, n[2], src)]
    if not found:
        return []
    words = _WORD.findall(target)
    folds = [tr.fold(w) for w in words]
    out = []
    for s, e, name, kana in found:
        if tr.HAN.search(name):
            matched = _has_counterpart(name, kana, words, folds)
            expected = tuple(r.capitalize() for r in _readings(name, kana)[0][:1])
        else:
            matched = _sounded_out(name, kana, words)
            expected = (tr.japanese_reading(kana.replace(" ", "")).capitalize(),)
        out.append(SourceName(s, e, name, "reading", expected=expected, severity=Severity.WARNING, matched=matched))
        taken.append((s, e))
    return out
