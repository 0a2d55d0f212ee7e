"""What the name analysis finds (its result records) and the small text tools it is built from: folding,
whole-word search, tokens, lemmas, codes, placeholders."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, NamedTuple

from .. import lang as language
from ..lang import en as english
from ..types import Severity
from . import translit as tr
from .gazetteer import Gazetteer
from .gazetteer_data import CJK_ABBREVIATIONS
from .name_words import _ASCII_CAP_WORD, _CAP_WORD, _EN_COMMON


# --- results --------------------------------------------------------------------------------------

@dataclass
class SourceName:
    start: int
    end: int
    text: str
    kind: str  # place, latin, translit, person
    keys: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    severity: Severity = Severity.ERROR
    matched: bool = False
    rendered: str | None = None  # a partial match in the translation ("Igor Petrov")
    rendered_span: tuple[int, int] | None = None


@dataclass
class TargetName:
    start: int
    end: int
    text: str
    kind: str  # place, glossary, name, acronym
    keys: tuple[str, ...] = ()
    known: bool = False
    adjective: bool = False
    matched: bool = False
    explained: bool = False  # reported through another finding (a swap, a partial match)
    replaced: tuple[str, ...] = ()  # source names it seems to stand for
    #: only a capitalised word no dictionary has (into German, French ...): a name if a source name is
    #: missing, else information (translated place names, brands and loanwords look alike)
    guessed: bool = False


@dataclass
class Swap:
    missing: str  # key of B
    extra: str  # key of A
    src_span: tuple[int, int]
    tgt_span: tuple[int, int]
    src_text: str
    tgt_text: str
    #: Weaker evidence: the source names B by a one-letter abbreviation (华裔, 对华), or many times (a
    #: translation may say "the city" for one of them).
    weak: bool = False


@dataclass
class Spurious:
    start: int
    end: int
    word: str
    name: str


@dataclass
class GlossaryMiss:
    start: int
    end: int
    term: str
    expected: tuple[str, ...]
    found: str | None = None


@dataclass
class Scar:
    start: int
    end: int
    text: str
    reason: str


@dataclass
class NameAnalysis:
    source: list[SourceName] = field(default_factory=list)
    target: list[TargetName] = field(default_factory=list)
    swaps: list[Swap] = field(default_factory=list)
    spurious: list[Spurious] = field(default_factory=list)
    glossary_misses: list[GlossaryMiss] = field(default_factory=list)
    scars: list[Scar] = field(default_factory=list)
    #: What works ``unread_persons`` out when first asked for (the analyser sets it): tagging the source
    #: for persons is the dearest step of the analysis, and only TQ302 needs it, for some severities.
    read_unread_persons: Callable[[], list[str]] | None = field(default=None, repr=False, compare=False)
    _unread_persons: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def unread_persons(self) -> list[str]:
        """Persons the source language's tagger reads (jieba's nr, Sudachi's 人名) whose reading no capitalised
        word of an English translation gives: evidence that an unknown name there may stand for one."""
        if self._unread_persons is None:
            read, self.read_unread_persons = self.read_unread_persons, None
            self._unread_persons = read() if read is not None else []
        return self._unread_persons


# --- helpers ------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=16384)
def _translit_skeletons(name: str) -> tuple[str, tuple[str, ...]]:
    """The consonant skeleton of a transliterated name, and those of its parts (尤里·特鲁特涅夫)."""
    sk = re.sub(r"(.)\1+", r"\1", "".join(tr.pinyin_skeleton(tr.han_pinyin(c)) for c in name if c not in "·・"))
    parts = tuple(re.sub(r"(.)\1+", r"\1", "".join(tr.pinyin_skeleton(tr.han_pinyin(c)) for c in p))
                  for p in re.split("[·・]", name))
    return sk, parts


@functools.lru_cache(maxsize=16384)
def _zh_person_reading(name: str) -> tuple[str, str]:
    """Pinyin of a Chinese person's surname and given name (段梦琪 -> duan, mengqi)."""
    sylls = [tr.SURNAME_READINGS.get(name[0], tr.han_pinyin(name[0]))] + [tr.han_pinyin(c) for c in name[1:]]
    return sylls[0], "".join(sylls[1:])


@functools.lru_cache(maxsize=65536)
def _plain_fold(word: str) -> str:
    """A target word folded for comparison with pinyin: no possessive, accents, hyphens or apostrophes."""
    return tr.ascii_fold(_strip_possessive(word)).replace("-", "").replace("'", "")


def _lang(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


_CONTRACTION = re.compile(r"'(?:s|m|re|ve|ll|d)$|n't$")


@functools.lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary English word (Comets, Affected), by the lexicon."""
    if "-" in word.strip("-"):
        return all(is_english_word(part) or part.isdigit() for part in word.split("-") if part)
    w = word.lower().replace("’", "'")
    w = _CONTRACTION.sub("", w)  # I'm, we're, I've, they'll, it's, isn't
    return w in _EN_COMMON or english.in_gcide(w)


@functools.lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    return is_english_word(word) or word.lower() in _EN_COMMON


_ROMAN = re.compile(r"[IVXLC]+")
_CJK_LETTERS = {lang: "".join(table) for lang, table in CJK_ABBREVIATIONS.items()}
#: (combining marks count as letters: a decomposed ü, u + U+0308, does not end a word)
#: (the capital first, then the look-behind past it: a pattern that opens on a character class is searched for
#: by that class alone, one that opens on a look-behind is tried at every position)
_CAPITALISED_REST = r"(?:[^\W\d_]|[\u0300-\u036f])*[a-zß-ÿ](?:-(?:[^\W\d_]|[\u0300-\u036f])+)*(?![\w'’\u0300-\u036f-])"
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)" + _CAPITALISED_REST)
#: A source naming a place this often may render one mention by a pronoun or another name.
_MANY_MENTIONS = 3
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_LEADING_FUNCTION_WORDS = re.compile(r"(?:(?:of|the|The|a|an|and|for|in|on)\s+)+")
_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=65536)
def _names_of(gaz: Gazetteer, key: str, lang: str) -> tuple[str, ...]:
    """The names (of two letters or more) of a place in one language."""
    return tuple(n for n in gaz.names_in(key, lang) if len(n) >= 2)


@functools.lru_cache(maxsize=65536)
def _names_with_related(gaz: Gazetteer, key: str, lang: str) -> tuple[str, ...]:
    """The names (of two letters or more) of a place and of its related places in one language."""
    names = list(gaz.names_in(key, lang))
    for r in gaz.related(key):
        names.extend(gaz.names_in(r, lang))
    return tuple(n for n in names if len(n) >= 2)


#: The characters that match an ASCII letter case-blind but do not lower to it (ı, ſ match i and s; İ also lowers
#: to two characters): in a text without them, an ASCII name matches case-blind exactly where the lowered text
#: holds the lowered name, at the same offsets.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def _lowers_alike(text: str) -> bool:
    """Whether ``text`` has none of ``_ODD_CASE``'s characters."""
    return text.isascii() or _ODD_CASE.search(text) is None


def _contains_ci(haystack: str, needle: str) -> bool:
    if not needle:
        return False
    if "\ufffd" in haystack:
        # a replacement character may stand for any letter of the name (Z\ufffdrich for Zürich)
        body = "".join(f"(?:{re.escape(c)}|\ufffd)" if c.isalpha() else re.escape(c) for c in needle)
        return re.search(r"(?<![\w])" + body + r"(?![^\W_])", haystack, re.IGNORECASE) is not None
    if needle.isascii() and _lowers_alike(haystack):
        # for an ASCII name, case-blind matching is exactly comparing lowered letters there
        low = haystack.lower()
        if needle.lower() not in low:
            return False
        whole = _word_pattern(needle)
        return whole.in_ascii(haystack, low) if whole is not None else True
    pattern = _word_pattern(needle)
    if pattern is not None:
        return pattern.search(haystack) is not None
    return needle.lower() in haystack.lower()


def _contains_any(haystack: str, needles: Iterable[str]) -> bool:
    """``any(_contains_ci(haystack, n) for n in needles)``, with the haystack lowered once and, for an ASCII
    name in a text whose letters lower as they match (``_lowers_alike``), the whole name found in the lowered
    text, where case-blind matching is exactly comparing lowered letters."""
    if "\ufffd" in haystack:
        return any(_contains_ci(haystack, n) for n in needles)
    low = haystack.lower()
    ascii_text = _lowers_alike(haystack)  # (ASCII names are looked for in the lowered text)
    for needle in needles:
        if not needle:
            continue
        pattern = _word_pattern(needle)
        if pattern is None:
            if needle.lower() in low:
                return True
        elif ascii_text and needle.isascii():
            if needle.lower() in low and pattern.in_ascii(haystack, low):
                return True
        elif pattern.search(haystack) is not None:
            return True
    if tr.KANA.search(haystack):
        folded = _kana_fold(haystack)  # ウイーン for ウィーン, ニュージランド for ニュージーランド
        return any(tr.KANA.search(n) and len(n) >= 3 and _kana_fold(n) in folded for n in needles)
    return False


_SMALL_KANA = str.maketrans("ァィゥェォャュョッヵヶぁぃぅぇぉゃゅょっ", "アイウエオヤユヨツカケあいうえおやゆよつ", "ー・")


@functools.lru_cache(maxsize=1024)
def _kana_fold(text: str) -> str:
    """Katakana spelling variants folded: small kana as large ones, no long-vowel mark or middle dot."""
    return text.translate(_SMALL_KANA)


#: A character that glues onto a name (a Latin, Greek or Cyrillic letter, a digit), case-blind as before.
_GLUE = re.compile(r"[0-9A-Za-z\u00c0-\u04ff]", re.IGNORECASE)


#: ASCII characters that match case-blind no other character than themselves in either case (not i, k, s: ı, İ,
#: the Kelvin sign K and ſ match them), and where they match, lower alike.
_PLAIN = re.compile(r"[\x20-\x48\x4a\x4c-\x52\x54-\x68\x6a\x6c-\x72\x74-\x7e]+")


class _WholeWord:
    """``(?<!GLUE)needle(?!GLUE)``, case-blind, searched as the regex engine would: the leftmost
    occurrence of the needle with no glue on either side. Compiling that regex for every name cost
    more than searching with it (the case-blind character class is expanded on each compile)."""

    __slots__ = ("text", "_needle", "_plain")

    def __init__(self, needle: str) -> None:
        self.text = needle
        self._needle: re.Pattern[str] | None = None  # compiled when first searched with
        # its longest run of characters that match case-blind only themselves in either case (_PLAIN), lowered
        self._plain = max(_PLAIN.findall(needle), key=len, default="").lower()

    def search(self, text: str) -> re.Match[str] | None:
        if self._plain and self._plain not in text.lower():
            return None  # (which every match holds: the needle is not compiled for a text without it)
        needle = self._needle
        if needle is None:
            needle = self._needle = re.compile(re.escape(self.text), re.IGNORECASE)
        pos = 0
        while (m := needle.search(text, pos)) is not None:
            start, end = m.span()
            if not (start and _GLUE.match(text, start - 1)) and not _GLUE.match(text, end):
                return m
            pos = start + 1
        return None

    def in_ascii(self, text: str, low: str) -> bool:
        """``search(text) is not None`` for an ASCII needle in a text whose letters lower as they match case-blind
        (``_lowers_alike``; ``low``: the text lowered), where case-blind matching is comparing lowered letters:
        found with ``str.find``, the needle not compiled."""
        return found_whole(text, low, self.text.lower(), _GLUE)


def found_whole(text: str, low: str, needle: str, glue: re.Pattern[str]) -> bool:
    """Whether the lower-case ``needle`` stands in ``low`` (``text`` lowered, its offsets those of ``text``) with
    no ``glue`` character of ``text`` right before or after it: a whole word found with ``str.find``, for an
    ASCII needle in a text whose letters lower as they match case-blind (``_lowers_alike``)."""
    n = len(needle)
    at = low.find(needle)
    while at >= 0:
        if not (at and glue.match(text, at - 1)) and not glue.match(text, at + n):
            return True
        at = low.find(needle, at + 1)
    return False


@functools.lru_cache(maxsize=4096)
def _word_pattern(needle: str) -> _WholeWord | None:
    """The whole-word, case-blind pattern of a name that starts with a letter or digit and is not
    written in Han or kana (None for the others, which are looked for as plain substrings)."""
    if needle[:1].isalnum() and not (tr.HAN.search(needle) or tr.KANA.search(needle)):
        # only a Latin, Greek or Cyrillic letter or a digit glues onto a name: 丨Beijing, 北京Beijing are fine
        return _WholeWord(needle)
    return None


#: For each similarity threshold used here, the share (in %) of the longer string by which two
#: lengths may differ at most: a Levenshtein distance is at least the difference of the lengths.
_LENGTH_SLACK = {0.8: 20, 0.85: 15}


def _similar(a: str, b: str, threshold: float) -> bool:
    """``tr.similarity(a, b) >= threshold``; strings whose lengths alone rule it out are not compared."""
    la, lb = len(a), len(b)
    if 100 * abs(la - lb) > _LENGTH_SLACK[threshold] * max(la, lb):
        return False  # similarity <= 1 - |la - lb| / max(la, lb) < threshold
    return tr.similarity(a, b) >= threshold


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    start, end = a
    for s, e in spans:
        if start < e and s < end:
            return True
    return False


class _Token(NamedTuple):
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=64)
def _target_tokens(text: str) -> tuple[_Token, ...]:
    # the words alone, each found again from where the previous one ended (no letter lies between two
    # words, and each starts with a letter)
    out = []
    pos = 0
    find = text.find
    new = tuple.__new__
    for word in (_ASCII_CAP_WORD if text.isascii() else _CAP_WORD).findall(text):
        start = find(word, pos)
        pos = start + len(word)
        out.append(new(_Token, (start, pos, word)))
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _lemmas(code: str, text: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """A text's words as (lemma, the word in lower case), and the places its adjectives name. The word
    itself is kept for when the lemmatiser's dictionary is wrong (simplemma: Niederlanden ->
    Nierderlande)."""
    words = language.get(code)
    if words.unspaced or not words.supports("names"):
        return (), frozenset()
    lemmas = tuple((words.lemma(w.text), w.text.lower()) for w in words.tokenize(text))
    adjectives = frozenset(words.adjectives[a] for x, _ in lemmas for a in _unprefixed(x, words.compass_prefixes)
                           if a in words.adjectives)
    return lemmas, adjectives


def _unprefixed(lemma: str, prefixes: tuple[str, ...]) -> Iterator[str]:
    """A lemma, and the same without a compass prefix of its language (westafrikanisch: afrikanisch)."""
    yield lemma
    for p in prefixes:
        if lemma.startswith(p) and len(lemma) > len(p) + 4:
            yield lemma[len(p):]


@functools.lru_cache(maxsize=4096)
def _lemma_key(code: str, name: str) -> tuple[str, ...]:
    """A name as the run of its words' lemmas (Vereinigtes Königreich -> ('vereinigt', 'königreich'))."""
    words = language.get(code)
    return tuple(words.lemma(w.text) for w in words.tokenize(name))


def _same_lemma(a: str, b: str) -> bool:
    """Two lemmas of one word: equal, or differing only in an inflection ending the lemmatiser left
    (vereinigte / vereinigtes): long words sharing all but their last two letters."""
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= 5 and abs(len(a) - len(b)) <= 2 and a[:n - 2] == b[:n - 2] and a[:max(len(a), len(b)) - 2][:n - 2] == b[:n - 2]


def _initials_in(name: str, text: str) -> bool:
    """Whether a name of three capitalised words or more appears as its initials (The Wall Street Journal: WSJ)."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper() and w not in ("The", "Of", "And"))
    return len(initials) >= 3 and re.search(r"\b" + initials + r"\b", text) is not None


@functools.lru_cache(maxsize=64)
def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


_POSSESSIVE = re.compile(r"['’]s?$")


def _strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word  # (the pattern needs an apostrophe)
    return _POSSESSIVE.sub("", word)


#: Template placeholders a CMS or an anonymiser leaves in text (#PRS_ORG#, #NAME#, {{city}}): not names.
_PLACEHOLDER = re.compile(r"#[A-Z][A-Z0-9_]*#|\{\{[^{}\n]{1,40}\}\}")


_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e]")


_CODE_PART = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]{2,}")


def _code_parts_in(code: str, target: str) -> bool:
    """Whether a code of letters and digits has each of its figures (and each run of two letters or more)
    in the translation, apart: AM10 in "until 10:59am", M5.0 in "magnitude 5.0"."""
    if not any(c.isdigit() for c in code):
        return False
    low = target.lower()
    return all(re.search(rf"(?<![\d.]){re.escape(p)}(?![\d])", target) if p[0].isdigit() else p.lower() in low
               for p in _CODE_PART.findall(code))


def _english_words_in(name: str, target: str) -> bool:
    """Whether a title made of English words (Spring Summer, 48Hours Weekend Sale) stands in the
    translation word for word, in any case and number ("spring/summer", "48-hour weekend sale")."""
    words = _LETTERS.findall(name)
    if len(words) < 2 or not all(is_english_word(w.lower()) for w in words):
        return False
    have = {english.LANGUAGE.lemma(w) for w in _LETTERS.findall(target)}
    return all(english.LANGUAGE.lemma(w) in have for w in words)


def _mask_placeholders(text: str) -> str:
    """Blank out placeholders and fold full-width Latin letters and digits (ＵＡＥ is UAE), keeping every offset."""
    if not text.isascii() and _FULLWIDTH_CHAR.search(text):  # (isascii reads a flag of the string)
        text = text.translate(_FULLWIDTH)
    if "#" not in text and "{{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: "_" * len(m.group()), text)
