"""Find the names on both sides of a pair and match them across scripts.

Without a named-entity model, matching is driven from both ends: every name in the translation
(capitalised words, acronyms, known places, glossary terms) must have a counterpart in the source
(its place entry, a transliteration match against the source, or a verbatim copy), and every name
the source clearly has (known places, glossary terms, Latin-script names, transliterated foreign
names, names next to a title or a speech verb) must have one in the translation. The rules in
``names.py`` report what is left unmatched; the analysis is a fact of the pair (``facts.py``) that the
five rules share.
"""
from __future__ import annotations

from typing import Any, Mapping

from .. import lang as language
from ..types import Pair, Severity
from . import translit as tr
from .gazetteer import PlaceHit
from .gazetteer_data import PLACE_COMPOUND_HEADS
from .name_index import _name_readings
from .name_tools import (
    _lang, _mask_placeholders, _mostly_capitals, _overlaps, _plain_fold, _target_tokens, _Token, _translit_skeletons,
    _zh_person_reading, NameAnalysis, Scar, SourceName, TargetName
)
from .name_words import _STRONG, _SURNAMES, _TRANSLIT

from .facts import provides
from .name_matching import _NameMatching


# --- the analysis ---------------------------------------------------------------------------------

def analyse(source: str, target: str, src_lang: str, tgt_lang: str,
            glossary: Mapping[str, tuple[str, ...]] | None = None) -> NameAnalysis:
    """Names on both sides of one pair and what became of them (the runner asks once per pair and hands
    the result to the five name rules: ``tqcheck.check.facts``)."""
    return _Analyser(_mask_placeholders(source), _mask_placeholders(target), _lang(src_lang), _lang(tgt_lang),
                     glossary or {}).run()


@provides("names")
def _pair_names(pair: Pair, ctx: Any) -> NameAnalysis:
    """The names fact of a pair (``tqcheck.check.facts``): ``analyse`` with the context's languages and glossary."""
    return analyse(pair.source, pair.target, ctx.src_lang, ctx.tgt_lang, ctx.glossary)


class _Analyser(_NameMatching):
    # -- driver -----------------------------------------------------------------------------
    def run(self) -> NameAnalysis:
        if not self.source.strip() or not self.target.strip():
            return self.out
        src_hits = self.gaz.find(self.source, self.src)
        tgt_hits = self.gaz.find(self.target, self.tgt)
        gloss_src, gloss_tgt = self._glossary(src_hits, tgt_hits)
        taken_src = [(g.start, g.end) for g in gloss_src]
        taken_tgt = list(gloss_tgt)
        for h in src_hits:
            if not _overlaps((h.start, h.end), taken_src):
                self.out.source.append(SourceName(h.start, h.end, h.text, "place", h.keys,
                                                  tuple([self.gaz.display_cached(k, self.tgt) for k in h.keys]),
                                                  self._place_severity(h)))
        tgt_keys: dict[str, int] = {}
        for h in tgt_hits:
            if _overlaps((h.start, h.end), taken_tgt):
                continue
            for k in h.keys:
                tgt_keys[k] = tgt_keys.get(k, 0) + 1
            self.out.target.append(TargetName(h.start, h.end, h.text, "place", h.keys, known=not h.adjective,
                                              adjective=h.adjective))
            taken_tgt.append((h.start, h.end))
        self._source_names(taken_src + [(s.start, s.end) for s in self.out.source])
        self.idx.translit_names = [(s.start, s.end) for s in self.out.source if s.kind == "translit"]
        read_names = language.get(self.tgt).names_in_translation
        if read_names:
            self._target_names(taken_tgt)
        else:
            self._latin_target_names(taken_tgt)
            self._kana_target_names(taken_tgt)
            self._copied_target_names(taken_tgt)
        self._match_places(src_hits, tgt_keys)
        self._match_source_names()
        self._swaps(src_hits, tgt_hits)
        self._replacements()
        if read_names:
            self._spurious()
            self._scars()
            if any(not (t.matched or t.explained or t.known) for t in self.out.target) and language.get(
                    self.src).unspaced:  # persons only a Chinese or Japanese analyser tags
                self.out.read_unread_persons = self._unread_persons  # read when TQ302 asks
        return self.out

    def _unread_persons(self) -> list[str]:
        found: list[str] = []
        spans = [(s.start, s.end) for s in self.out.source]
        capitalised = [t for t in _target_tokens(self.target) if t.text[0].isupper()]
        folds = {_plain_fold(t.text) for t in capitalised}
        pinyin = language.get(self.src).name_reading == "pinyin"
        if pinyin:
            self._replaced_surnames(capitalised, found)
        self._replaced_parts(capitalised, found)
        for w in language.get(self.src).person_names(self.source):
            if len(w.text) < 2 or _overlaps((w.start, w.end), spans):
                continue
            if pinyin:
                surname, given = _zh_person_reading(w.text)
                readings = {surname, given, surname + given}
            else:
                readings = {_plain_fold(r) for _, _, r in tr.japanese_tokens(w.text)}
            if readings & folds:
                continue
            sk, _ = _translit_skeletons(w.text)
            if any(tr.any_skeleton_match(t.text, sk) for t in capitalised):
                continue  # 皮莱 is Pillay: a transliteration, read by its consonants
            found.append(w.text)
        return found

    def _replaced_parts(self, capitalised: list[_Token], found: list[str]) -> None:
        """A foreign name of two parts joined by a middle dot (格雷琴·惠特默) whose one part the translation
        renders and whose other part stands as an unknown name next to it ("Zeman Whitmer"): that part is lost,
        so the unknown name is not a mere addition."""
        if "·" not in self.source and "・" not in self.source:
            return
        unmatched = {(t.start, t.end) for t in self.out.target if not (t.matched or t.explained or t.known)}
        for a, b in zip(capitalised, capitalised[1:]):
            if self.target[a.end:b.start] != " ":
                continue
            for known, unknown, after in ((a, b, True), (b, a, False)):
                if (unknown.start, unknown.end) not in unmatched or (known.start, known.end) in unmatched:
                    continue
                where = self.idx.match(known.text)
                if where is None:
                    continue
                dot = where[1] if after else where[0] - 1
                if 0 <= dot < len(self.source) and self.source[dot] in "·・":
                    found.append(unknown.text)

    def _replaced_surnames(self, capitalised: list[_Token], found: list[str]) -> None:
        """A Chinese name whose given name the translation has right after an unknown name where its
        surname should stand (田亮 -> "Harrington Liang"; "Tian Liang" and "Liang Tian" are fine): the
        surname is lost, so the unknown name is not a mere addition."""
        unmatched = {(t.start, t.end) for t in self.out.target if not (t.matched or t.explained or t.known)}
        for before, tok in zip(capitalised, capitalised[1:]):
            if (before.start, before.end) not in unmatched or self.target[before.end:tok.start] != " ":
                continue
            where = self.idx.pinyin_find(_plain_fold(tok.text))
            if where is None or not 1 <= where[1] - where[0] <= 2 or where[0] == 0:
                continue
            surname = self.source[where[0] - 1]
            if surname in _SURNAMES and _plain_fold(before.text) not in _name_readings(surname):
                found.append(self.source[where[0] - 1:where[1]])

    def _place_severity(self, h: PlaceHit) -> Severity:
        """Abbreviations (美方, 日俄) and places used as attributes (荷兰阿斯麦 "Dutch ASML",
        伦敦人 "The Londoner") are often rendered without the name: a warning when missing."""
        if h.abbreviated or h.adjective:
            return Severity.WARNING
        if h.text.isupper() and len(h.text) <= 3 and _mostly_capitals(self.source):
            return Severity.WARNING  # "UNTIL THEY ARRIVE TO US": text in capitals hides what is a name  # "British" may be rendered by an adjective, 英 in 英语, a demonym
        if self.source[h.end:h.end + 1] == "-" or (h.start and self.source[h.start - 1] == "-"):
            return Severity.WARNING  # part of a longer name: Europa-Park, Hauts-de-France
        latin = language.get(self.src).script == "Latn"
        for k in h.keys:
            p = self.gaz.place(k)
            if p is not None and p.kind not in ("country", "city", "province"):
                return Severity.WARNING  # regions, bodies and organisations are often paraphrased
            if p is not None and p.kind == "province" and latin:
                return Severity.WARNING  # Nordrhein-Westfalen: "North Rhein-Westphalia", half kept, half translated
        nxt = self.source[h.end:h.end + 2]
        if nxt and nxt[0] in PLACE_COMPOUND_HEADS.get(language.primary(self.src), ""):
            return Severity.WARNING  # 中国人, 美籍, 日裔: the place is part of a word for its people
        if language.get(self.src).name_reading == "pinyin" and nxt and (nxt[0] in _STRONG or (nxt[0].isascii() and nxt[0].isalpha())
                                         or (len(nxt) == 2 and nxt[0] in _TRANSLIT and nxt[1] in _TRANSLIT)):
            return Severity.WARNING
        return Severity.ERROR

    # -- scars left by a deleted name ------------------------------------------------------------------
    def _scars(self) -> None:
        """What a deleted name leaves in the translation, as its language reads it (``Language.name_scars``:
        in English a preposition with no object, a possessive 's with no owner, a sentence opening on its verb)."""
        read = language.get(self.tgt).name_scars
        if read is None:
            return
        self.out.scars.extend(Scar(s, e, text, reason) for s, e, text, reason in read(self.target))
