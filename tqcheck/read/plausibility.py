"""How much decoded text looks like natural writing rather than mis-decoded bytes: the score the
reader ranks candidate encodings by (:mod:`tqcheck.read.reader`)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from tqcheck.read.alphabets import Fit
from tqcheck.read.langid import char_script

# --- plausibility -----------------------------------------------------------------------
#
# Why a score of our own: on a sentence or two, charset-normalizer often finds several
# codecs that decode "cleanly" and ranks a wrong one first (Big5 "謝謝你的幫忙。" as cp949
# Korean, GBK "你好，世界。" as UTF-16-BE). A wrong multi-byte decoding scatters the
# characters over the code space, so it shows up as rare characters, mixed scripts and
# symbols inside words. The score adds, per character, roughly the evidence it carries:
# hitting one of the few thousand *frequently used* Han characters (as defined by the
# national standards: GB 2312 level 1, Big5's frequent set, JIS X 0208 level 1), kana or a
# KS X 1001 Hangul syllable by accident is unlikely (+3 for two bytes), a letter of a
# one-byte alphabet is likely (+1 for one byte; +0.5 for letters outside Latin-1 and the
# Russian alphabet, a base-rate prior that settles cp1252 against cp1250 and cp1251
# against mac_cyrillic); rare ideographs, private-use or unassigned code points, halfwidth
# katakana, box drawing and the like count against. Adjacent letters from scripts that
# never share a word (Cyrillic next to Latin, Hangul next to kana), a lowercase letter
# followed by an uppercase one, Latin words made mostly of accented letters (Russian read
# as cp1252) and spaces between ideographs (Korean read as GB2312) are penalised too.

_NEUTRAL = frozenset("\u00a0«»„“”‘’–—…№°·•€©®™§×")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Chinese and Japanese do not put spaces between words; Korean does. A space between two
# ideographs or kana is how Korean bytes read as GB2312 give themselves away (the KS X 1001
# Hangul block sits exactly on GB2312's level-1 Hanzi block).
_CJK_SPACE_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff][.,;:!?]?[ \t]+[\u3040-\u30ff\u3400-\u9fff]")


def _is_common_han(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
        if 0xB0 <= b[0] <= 0xD7:  # GB 2312 level 1
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        if (0xA4, 0x40) <= (b[0], b[1]) <= (0xC6, 0x7E):  # Big5 frequently used
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("shift_jis")
        if len(b) == 2 and (0x88, 0x9F) <= (b[0], b[1]) <= (0x98, 0x72):  # JIS X 0208 level 1
            return True
    except UnicodeEncodeError:
        pass
    return False


@lru_cache(maxsize=65536)
def _char_weight(ch: str) -> float:
    o = ord(ch)
    if o < 0x80:
        return 0.0
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd":
        return -5.0
    script = char_script(ch)
    if script == "Han":
        return 3.0 if 0x4E00 <= o <= 0x9FFF and _is_common_han(ch) else -1.0
    if script == "Kana":
        return -2.0 if o >= 0xFF61 else 3.0
    if script == "Hangul":
        if 0xAC00 <= o <= 0xD7A3:
            # One of KS X 1001's 2350 common syllables? (Python's euc_kr spells the others
            # as 8-byte make-up sequences, hence the length test.)
            return 3.0 if len(ch.encode("euc_kr")) == 2 else -2.0
        return -1.0
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60:
        return 1.0  # CJK and fullwidth punctuation
    if cat[0] == "L":
        if script == "Cyrillic":
            # Same idea for Cyrillic: the Russian alphabet first, the letters only other
            # languages use (Ukrainian, Serbian, Macedonian ...) less so.
            if 0x0410 <= o <= 0x044F or o in (0x0401, 0x0451):
                return 1.0
            return 0.5 if o <= 0x045F or o in (0x0490, 0x0491) else -1.0
        if script == "Latin":
            # Latin-1 letters serve the most widely written Latin-script languages;
            # Extended-A (Central European) letters are plausible but less likely.
            return 1.0 if o <= 0x00FF else 0.5 if o <= 0x017F else -1.0
        if 0x0386 <= o <= 0x03CE or 0x05D0 <= o <= 0x05EA or 0x0621 <= o <= 0x064A:
            return 1.0  # Greek, Hebrew, Arabic letters
        if 0x0E01 <= o <= 0x0E5B:
            return 1.0  # Thai
        return -1.0
    if 0x0E01 <= o <= 0x0E5B or 0x05B0 <= o <= 0x05C7 or 0x064B <= o <= 0x065F:
        return 1.0  # Thai vowel and tone marks, Hebrew points, Arabic harakat
    if ch in _NEUTRAL:
        return 0.0
    return -1.0


@lru_cache(maxsize=65536)
def _fine_script(ch: str) -> str:
    script = char_script(ch)
    if script == "Latin":
        return "ascii" if ch.isascii() else "latin"
    if script == "Other":
        o = ord(ch)
        if 0x0370 <= o <= 0x03FF:
            return "Greek"
        if 0x0590 <= o <= 0x05FF:
            return "Hebrew"
    return script


_CJK = frozenset(("Han", "Kana", "Hangul"))


def _pair_penalty(a: str, b: str) -> float:
    """Penalty for letters of scripts ``a`` and ``b`` standing side by side in a word."""
    if a == b:
        return 0.0
    pair = {a, b}
    if pair == {"Han", "Kana"} or pair == {"ascii", "latin"}:
        return 0.0
    if "ascii" in pair and pair & _CJK:
        return 0.0  # "用Python写" is ordinary Chinese
    if pair == {"Han", "Hangul"}:
        return 1.0  # hanja inside Korean words: legitimate, but rare today
    return 3.0


#: Cost of a letter of a script the language does not use glued to a Latin letter (Japan痴).
_GLUED = 3.0


def _plausibility(text: str, fit: Fit | None = None) -> float:
    """How much ``text`` looks like natural writing rather than mis-decoded bytes; ``fit`` knows
    the letters of the text's language."""
    score = 0.0
    for ch, n in Counter(text).items():
        weight = _char_weight(ch)
        if fit is not None and ord(ch) >= 0x80:
            weight = fit.weight(ch, weight)
        score += weight * n
    score -= 2.0 * len(_CJK_SPACE_RE.findall(text))
    for m in _WORD_RE.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        scripts = [_fine_script(ch) for ch in word]
        for i in range(1, len(word)):
            score -= _pair_penalty(scripts[i - 1], scripts[i])
            if fit is not None and (
                (scripts[i - 1] == "ascii" and fit.glued(word[i])) or (scripts[i] == "ascii" and fit.glued(word[i - 1]))
            ):
                score -= _GLUED
            if word[i - 1].islower() and word[i].isupper():
                score -= 2.0
        accented = scripts.count("latin")
        if len(word) >= 4 and accented * 2 > len(word):
            score -= accented
    return score
