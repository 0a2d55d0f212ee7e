"""The names of a pair's translation (the second half of what :mod:`tqcheck.check.name_sources` finds):
capitalised words of an English translation, names copied between Latin-script languages, katakana names
in Japanese, Latin-script names kept in a translation into another script."""
from __future__ import annotations

import re

from .. import lang as language
from ..cached import cached
from . import translit as tr
from .name_index import _ASCII_LETTER
from .name_tools import (
    _CAPITALISED_WORD, _common_word, _contains_ci, _LETTERS, _overlaps, _ROMAN, _strip_possessive, _target_tokens,
    _Token, NameAnalysis, TargetName
)
from .name_words import (
    _ASCII_CAP_START, _ASCII_CAP_WORD, _ASCII_CAP_WORD_COUNT, _CAP_AFTER_JOINER, _EN_COMMON, _GENERIC_ACRONYMS,
    _NOT_ASCII_WORD_CHAR
)

#: A word written in katakana alone (and its long-vowel mark and middle dot).
_KATAKANA = re.compile(r"[\u30a0-\u30ff]+")


class _TargetNames:
    """The target side's names, for :class:`tqcheck.check.name_sources._NameSources`, which sets the pair."""

    source: str
    target: str
    src: str
    tgt: str
    out: NameAnalysis

    @cached
    def _capitalised(self) -> tuple[int, list[_Token]]:
        """How many words of the target start with a letter, and those of them with a capital.

        (``_target_tokens`` has all the words; in text whose word characters are ASCII, most translations into
        English even with “quotes” or ’, only the capitalised ones are made.)"""
        text = self.target
        if not text.isascii() and _NOT_ASCII_WORD_CHAR.search(text):
            words = [t for t in _target_tokens(text) if t.text[0].isalpha()]
            return len(words), [t for t in words if t.text[0].isupper()]
        if not _CAP_AFTER_JOINER.search(text):
            # No capital follows a digit, "_", "'", "’", "." or "-": a capital then starts a word
            # exactly when no letter precedes it, and the capitalised words can be found alone
            # (the words are only counted: one empty group per word, no word copied).
            return (len(_ASCII_CAP_WORD_COUNT.findall(text)),
                    [_Token(m.start(), m.end(), m.group()) for m in _ASCII_CAP_START.finditer(text)])
        words_ = _ASCII_CAP_WORD.findall(text)  # (all start with a letter)
        caps = []
        pos = 0
        find = text.find
        for word in words_:
            start = find(word, pos)
            pos = start + len(word)
            if word[0].isupper():
                caps.append(_Token(start, pos, word))
        return len(words_), caps

    def _target_names(self, taken: list[tuple[int, int]]) -> None:
        n_words, caps = self._capitalised
        headline = n_words >= 5 and len(caps) >= 0.7 * n_words
        spans: list[list[_Token]] = []
        for t in caps:
            if spans and self.target[spans[-1][-1].end:t.start] in (" ", "-"):
                spans[-1].append(t)
            else:
                spans.append([t])
        cjk_source = language.get(self.src).unspaced
        for span in spans:
            pinyin_pair: bool | None = None  # worked out when first needed
            for t in span:
                if taken and _overlaps((t.start, t.end), taken):
                    continue
                word = _strip_possessive(t.text)
                if len(word) < 2:
                    continue
                acronym = word.isupper()
                if acronym and _ROMAN.fullmatch(word):
                    continue
                if acronym:
                    if word in _GENERIC_ACRONYMS or headline and len(word) > 6 or cjk_source:
                        continue  # a Chinese or Japanese name is often rendered by its English acronym
                    kind = "acronym"
                else:
                    if headline:
                        continue
                    if _common_word(word):
                        if pinyin_pair is None:
                            pinyin_pair = language.get(self.src).name_reading == "pinyin" and len(span) >= 2 and all(
                                tr.is_pinyin_word(_strip_possessive(t.text)) for t in span)
                        if not pinyin_pair or word.lower() in _EN_COMMON:
                            continue  # a sentence-opening word reaches here only if no dictionary has it
                    kind = "name"
                self.out.target.append(TargetName(t.start, t.start + len(word), word, kind))

    def _copied_target_names(self, taken: list[tuple[int, int]]) -> None:
        """Between two languages of the Latin script other than into English, names are copied: a
        capitalised word of the translation, not at a sentence's start, that the translation language's
        dictionary does not have (a German noun is no name, nor a compound of its words) and that the
        source does not write may be a name the translation added or substituted. Measured on WMT22
        de-fr and fr-de references, most such words are places and brands translated (Fribourg, Silésie):
        information, unless a source name is missing."""
        src, tgt = language.get(self.src), language.get(self.tgt)
        if src.script != "Latn" or tgt.script != "Latn" or tgt.is_word is None:
            return
        text = self.target
        for m in _CAPITALISED_WORD.finditer(text):
            word = _strip_possessive(m.group())
            if len(word) < 4 or taken and _overlaps(m.span(), taken):
                continue
            before = text[:m.start()].rstrip()
            if not before or before[-1] in ".!?:;\"“”«»(-–—•*>":
                continue  # a sentence's first word is capitalised anyway
            if _contains_ci(self.source, word) or not tgt.may_be_name(word):
                continue
            if src.is_word is not None and (src.is_word(word) or src.is_word(word.lower())):
                continue  # a word of the source's language too (Moment, Service)
            self.out.target.append(TargetName(m.start(), m.start() + len(word), word, "name", guessed=True))

    def _kana_target_names(self, taken: list[tuple[int, int]]) -> None:
        """In a Japanese translation of a Latin-script source, a katakana word that the language's analyser
        reads as a person's name (Sudachi's 人名) is a foreign name written out: one whose reading is no word
        of the source (ハリントン where the source says "camping") is a name added or substituted."""
        if language.get(self.tgt).script != "Jpan" or language.get(self.src).script != "Latn":
            return
        source_words: list[str] | None = None  # read when first needed
        for w in language.get(self.tgt).person_names(self.target):
            if len(w.text) < 3 or not _KATAKANA.fullmatch(w.text) or taken and _overlaps((w.start, w.end), taken):
                continue
            if source_words is None:
                words = _LETTERS.findall(self.source)
                # each word, and two words together (De Klerk デクラーク)
                source_words = [x for x in words if len(x) >= 3] + [a + b for a, b in zip(words, words[1:])]
            # each part of a full name on its own (ドナルド・トランプ Donald Trump)
            if all(any(tr.any_skeleton_match(word, tr.kana_skeleton(tr.japanese_reading(part))) for word in source_words)
                   for part in w.text.split("・") if part):
                continue
            self.out.target.append(TargetName(w.start, w.end, w.text, "name"))

    def _latin_target_names(self, taken: list[tuple[int, int]]) -> None:
        """In a translation into another script from a Latin-script source (en -> ru, zh, ja, uk), a
        capitalised Latin word is a name kept as the source writes it (Black Lives Matter, Micro USB): one
        the source does not have is a name added or substituted, as sure as a known place (a warning)."""
        if language.get(self.src).script != "Latn" or language.get(self.tgt).script in ("Latn", ""):
            return
        if self.target.isascii() or not _ASCII_LETTER.search(self.target):
            return
        for m in _CAPITALISED_WORD.finditer(self.target):
            word = _strip_possessive(m.group())
            if len(word) < 3 or not word.isascii() or taken and _overlaps(m.span(), taken):
                continue
            if _contains_ci(self.source, word):
                continue
            self.out.target.append(TargetName(m.start(), m.start() + len(word), word, "name", known=True))
