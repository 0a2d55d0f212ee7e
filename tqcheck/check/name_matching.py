"""The second half of the name analysis: each name matched with its counterpart across scripts (places by
their keys, names by transliteration and readings), swaps, replacements and spurious name words."""
from __future__ import annotations

import re
from typing import Iterable

from .. import lang as language
from ..cached import cached
from ..types import Severity
from . import translit as tr
from .gazetteer import PlaceHit
from .gazetteer_data import PLACE_ABBREVIATIONS
from .name_tools import (
    _ACRONYM, _CJK_LETTERS, _code_parts_in, _contains_any, _contains_ci, _english_words_in, _initials_in,
    _lemma_key, _lemmas, _LETTERS, _MANY_MENTIONS, _names_of, _names_with_related, _overlaps, _plain_fold, _same_lemma,
    _similar, _strip_possessive, _target_tokens, _Token, _translit_skeletons, _zh_person_reading, is_english_word,
    SourceName, Spurious, Swap
)
from .name_words import _KIN_ANYWHERE, _KIN_CAPITALISED, KIN_TITLES
from .name_sources import _NameSources


class _NameMatching(_NameSources):
    """Matches the names :class:`_NameSources` found, and finds swaps, replacements and spurious words."""

    # -- matching -------------------------------------------------------------------------------
    def _match_places(self, src_hits: list[PlaceHit], tgt_keys: dict[str, int]) -> None:
        src_keys = {k for h in src_hits for k in h.keys}
        related = self.gaz.related
        src_related: set[str] | None = None  # worked out when first needed
        abbreviations = PLACE_ABBREVIATIONS.get(language.primary(self.src))
        for t in self.out.target:
            if t.kind != "place":
                continue
            if src_related is None:
                src_related = set()
                for k in src_keys:
                    src_related.update(related(k))
            known = False
            for k in t.keys:
                if k in src_keys or k in src_related or not src_keys.isdisjoint(related(k)):
                    known = True
                    break
            if known:
                t.matched = True
            elif any(self._source_has_name(k) for k in t.keys):
                t.matched = True
            elif any(self.idx.match(w) for w in _LETTERS.findall(t.text) if len(w) >= 4):
                # a place the gazetteer does not know by its source name: a transliteration matches
                t.matched = True
            elif abbreviations and any(c in self.source for k in t.keys for c in abbreviations.get(k, "")):
                t.known = False  # 北交所 may be the Beijing exchange: an abbreviation, not proof of an addition
            elif any(self._abbreviation_alone(k) for k in t.keys):
                t.known = False  # 米特殊部隊 "US special forces": 米 is the US, or rice; not proof of an addition
        anaphor: bool | None = None  # worked out when first needed
        verbatim = language.get(self.src).script == language.get(self.tgt).script != ""
        for s in self.out.source:
            if s.kind != "place":
                continue
            s.matched = True
            if (verbatim or s.text.isascii()) and _contains_ci(self.target, _strip_possessive(s.text)):
                continue  # Iowa, Ukraine, US-Botschafter: the name kept as the source writes it
            for k in s.keys:
                if not (k in tgt_keys or not tgt_keys.keys().isdisjoint(related(k)) or self._target_has_name(k)):
                    s.matched = False
                    break
            if not s.matched and self._unexplained_acronym:
                s.severity = Severity.WARNING  # 明尼苏达中国民主基金会 -> "MCDF": the place is inside the acronym
            if not s.matched:
                if anaphor is None:
                    anaphors = language.get(self.tgt).place_anaphors
                    anaphor = anaphors is not None and anaphors.search(self.target) is not None
                if anaphor:
                    s.severity = Severity.WARNING  # "its sudden announcement" may be Japan's: not sure enough

    @cached
    def _unexplained_acronym(self) -> bool:
        """Whether the translation has an acronym of three capitals or more that the source does not."""
        return any(m.group() not in self.source for m in _ACRONYM.finditer(self.target))

    def _abbreviation_alone(self, key: str) -> bool:
        """Whether the source has the one-letter abbreviation of a place (米, 露, 独) as a word of its own,
        or starting a word its language's dictionary does not have (中价协: an abbreviated name)."""
        letter = self.gaz.abbreviation_of(key, self.src)
        if letter is None or letter not in self.source:
            return False
        if letter in self._source_words:
            return True
        known = language.get(self.src).in_dictionary
        return known is not None and any(2 <= len(w) <= 4 and w[0] == letter and not known(w)
                                         for w in self._source_words)

    @cached
    def _source_words(self) -> frozenset[str]:
        return frozenset(w.text for w in language.get(self.src).tokenize(self.source))

    def _source_has_name(self, key: str) -> bool:
        return (_contains_any(self.source, _names_of(self.gaz, key, self.src))
                or self._lemmas_name(self.src, self._source_lemmas, key, _names_of(self.gaz, key, self.src)))

    def _target_has_name(self, key: str) -> bool:
        names = _names_with_related(self.gaz, key, self.tgt)
        # a related place's name counts as written; its own names also through lemmas (Frankreichs), as a related
        # name read so loosely would count a person for a place (George W. Bush: Georgia, a US state)
        if _contains_any(self.target, names) or self._lemmas_name(self.tgt, self._target_lemmas, key,
                                                                   _names_of(self.gaz, key, self.tgt)):
            return True
        letter = self.gaz.abbreviation_of(key, self.tgt)
        if letter and letter in self.target:
            # a run of abbreviated countries (英独仏の外相 "the British, German and French ministers")
            others = "".join(c for c in _CJK_LETTERS.get(self.tgt, "") if c != letter)
            return re.search(f"[{others}]{letter}|{letter}[{others}]", self.target) is not None
        return False

    def _lemmas_name(self, code: str, analysed: tuple[tuple[tuple[str, str], ...], frozenset[str]], key: str,
                     names: Iterable[str]) -> bool:
        """Whether a text names a place through the lemmas of its words (Frankreichs, Вены, Vereinigten
        Königreich) or an adjective of it (französischen, британских)."""
        words = language.get(code)
        if words.unspaced or not words.supports("names"):
            return False
        lemmas, adjectives = analysed
        if key in adjectives or not adjectives.isdisjoint(self.gaz.related(key)):
            return True
        if words.capitalises_nouns and any(
                len(name) >= 4 and " " not in name and len(w) > len(name) + 2 and w.startswith(name.lower())
                for name in names for _, w in lemmas):
            return True  # a compound the name begins (Europapokals, Atlantikinsel): a German noun names it so
        heads: set[str] | None = None
        for name in names:
            want = _lemma_key(code, name)
            if not want:
                continue
            if heads is None:  # two lemmas of one word share their first three letters (_same_lemma)
                heads = {x[:3] for pair in lemmas for x in pair}
            if any(w[:3] not in heads for w in want):
                continue
            for i in range(len(lemmas) - len(want) + 1):
                if all(_same_lemma(lemmas[i + k][0], w) or _same_lemma(lemmas[i + k][1], w) for k, w in enumerate(want)):
                    return True
        return False

    @cached
    def _source_lemmas(self) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
        return _lemmas(self.src, self.source)

    @cached
    def _target_lemmas(self) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
        return _lemmas(self.tgt, self.target)

    def _match_joined_names(self) -> None:
        """Names of two or three words that the source writes as one (徳川家康 is Tokugawa Ieyasu): the
        words unmatched alone are matched together."""
        names = [t for t in self.out.target if t.kind == "name"]
        for i, first in enumerate(names):
            for k in (3, 2):
                run = names[i:i + k]
                if len(run) < k or all(t.matched for t in run) or any(
                        self.target[a.end:b.start] != " " for a, b in zip(run, run[1:])):
                    continue
                if self.idx.match(self.target[first.start:run[-1].end]):
                    for t in run:
                        t.matched = True
                    break

    def _match_source_names(self) -> None:
        # Target-driven: each unknown target name needs a source origin.
        same_script = language.get(self.src).script == language.get(self.tgt).script != ""
        reading = language.get(self.src).name_reading  # how the source's persons are read
        for t in self.out.target:
            if t.matched or t.kind not in ("name", "acronym"):
                continue
            if same_script and _written_alone(t.text, self.source):
                t.matched = True  # kept as the source writes it, inside a compound too (MK-Serie: "MK series")
                continue
            where = self.idx.match(t.text)
            if where:
                t.matched = True
                for s in self.out.source:
                    # a multi-word person name is matched word by word below (Igor ~ Игорь is not enough)
                    if (s.kind in ("translit", "latin") or s.kind == "person" and reading == "pinyin") and _overlaps(
                            where, [(s.start, s.end)]):
                        s.matched = True
        self._match_joined_names()
        cap_tokens: list[_Token] | None = None
        for s in self.out.source:
            if s.matched or s.kind == "place":
                continue
            if cap_tokens is None:
                if self.target.isascii():
                    cap_tokens = list(self._capitalised[1])  # (words start with a letter here: no digit)
                else:
                    cap_tokens = [t for t in _target_tokens(self.target) if t.text[0].isupper() or t.text[0].isdigit()]
            if s.kind == "latin" and language.get(self.src).unspaced:
                s.matched = (_contains_ci(self.target, s.text) or self._fuzzy_latin(s.text, cap_tokens)
                             or _initials_in(s.text, self.target) or _code_parts_in(s.text, self.target)
                             or _english_words_in(s.text, self.target))
            elif s.kind == "translit":
                sk, parts = _translit_skeletons(s.text)
                s.matched = any(tr.any_skeleton_match(t.text, sk) or
                                any(len(p) >= 2 and tr.any_skeleton_match(t.text, p) for p in parts)
                                for t in cap_tokens) or any(
                    tr.any_skeleton_match(a.text + b.text, sk) for a, b in zip(cap_tokens, cap_tokens[1:]))
                if not s.matched and len(s.text) <= 3:
                    s.matched = self._lowercase_echo(sk, list(_target_tokens(self.target)))
            elif s.kind == "person" and reading == "pinyin":
                surname, given = _zh_person_reading(s.text)
                folds = {_plain_fold(t.text) for t in cap_tokens}
                s.matched = surname in folds or given in folds or (surname + given) in folds
                s.expected = (f"{surname.capitalize()} {given.capitalize()}".strip(),)
            elif s.kind == "person" and reading == "japanese":
                readings = [r for _, _, r in tr.japanese_tokens(s.text)]
                self._partial(s, readings, cap_tokens)
            elif reading == "cyrillic" and (s.kind != "latin" or not s.text.isascii()):
                # each word in its dictionary form first: Кирой Коваленко is Kira Kovalenko, Джоэла Остина Joel Osteen
                words = language.get(self.src)
                token_folds = {tr.fold(t.text) for t in cap_tokens}
                readings = []
                for w in s.text.split():
                    w = words.name_form(w)
                    variant = next((v for v in words.given_names.get(w.lower(), ()) if tr.fold(v) in token_folds),
                                   None)
                    readings.append(variant or tr.cyrillic_to_latin(w))
                self._partial(s, readings, cap_tokens, russian=True)
            elif s.kind == "latin":
                s.matched = (_contains_ci(self.target, s.text) or self._fuzzy_latin(s.text, cap_tokens)
                             or any(e != s.text and _contains_ci(self.target, e) for e in s.expected)
                             or _initials_in(s.text, self.target) or _code_parts_in(s.text, self.target)
                             or _english_words_in(s.text, self.target))

    def _lowercase_echo(self, sk: str, tokens: list[_Token]) -> bool:
        # Two- and three-character transliterations are often translated (伊斯兰 -> Islamic).
        return any(tr.any_skeleton_match(t.text, sk) for t in tokens if len(t.text) >= 4)

    def _fuzzy_latin(self, name: str, tokens: list[_Token]) -> bool:
        squeezed = re.sub(r"[\s'’]+", "", self.target).lower()
        if re.sub(r"[\s'’]+", "", name).lower() in squeezed:
            return True  # macOS as "mac OS", ESP as "ESPs"
        words = [w for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 2]
        folds = {tr.fold(t.text) for t in tokens}
        return bool(words) and all(tr.fold(w) in folds or any(_similar(tr.fold(w), f, 0.8) for f in folds)
                                   for w in words)

    def _partial(self, s: SourceName, readings: list[str], tokens: list[_Token], russian: bool = False) -> None:
        """A multi-word name matched word by word; a partly matched one records its rendering."""
        s.expected = (" ".join(r.capitalize() if not russian else r for r in readings),)
        hits: list[_Token | None] = []
        for r in readings:
            rf = tr.fold(r)
            rstem = tr.fold(tr.cyrillic_to_latin(tr.russian_stem(r))) if russian else rf
            best = None
            for t in tokens:
                f = tr.fold(_strip_possessive(t.text))
                if f == rf or (len(f) >= 4 and _similar(f, rf, 0.8)) or (
                        russian and len(rstem) >= 4 and f.startswith(rstem) and len(f) - len(rstem) <= 3) or (
                        russian and len(rf) >= 4 and tr.any_skeleton_match(t.text, tr.latin_skeleton(r))):
                    best = t  # (Bayden ~ Biden, Koulya ~ Cauley: the same consonants)
                    break
            hits.append(best)
        if all(hits):
            s.matched = True
            return
        s.matched = False
        found = [h for h in hits if h is not None]
        if found:
            # the rendering: the capitalised words around the matched part of the name
            anchor = found[0]
            i = list(tokens).index(anchor)
            lo = i
            while lo > 0 and self.target[tokens[lo - 1].end:tokens[lo].start] == " " and not is_english_word(tokens[lo - 1].text):
                lo -= 1
            hi = i
            while hi + 1 < len(tokens) and self.target[tokens[hi].end:tokens[hi + 1].start] == " " and not is_english_word(tokens[hi + 1].text):
                hi += 1
            if hi > lo:
                s.rendered = self.target[tokens[lo].start:tokens[hi].end]
                s.rendered_span = (tokens[lo].start, tokens[hi].end)
                for name in self.out.target:
                    if _overlaps((name.start, name.end), [s.rendered_span]):
                        name.explained = True
        if russian and s.rendered and s.rendered_span:
            rendered = [t.text for t in tokens if s.rendered_span[0] <= t.start < s.rendered_span[1]]
            if all(h is not None or any(tr.any_skeleton_match(t, tr.latin_skeleton(r)) for t in rendered)
                   for r, h in zip(readings, hits)):
                # Zaltsberger ~ Salzberger, Kreyg ~ Craig: the same consonants, another transliteration
                s.severity = Severity.WARNING
                return
        if s.severity == Severity.WARNING and s.rendered:
            s.severity = Severity.ERROR

    # -- swaps and replacements -------------------------------------------------------------------
    def _swaps(self, src_hits: list[PlaceHit], tgt_hits: list[PlaceHit]) -> None:
        if not src_hits or not tgt_hits:
            return  # a swap needs two places in the source and one of them in the translation
        src_count: dict[str, int] = {}
        src_first: dict[str, PlaceHit] = {}
        for h in src_hits:
            for k in h.keys:
                src_count[k] = src_count.get(k, 0) + 1
                src_first.setdefault(k, h)
        if len(src_count) < 2:
            return
        tgt_count: dict[str, int] = {}
        tgt_all: dict[str, list[PlaceHit]] = {}
        for h in tgt_hits:
            for k in h.keys:
                tgt_count[k] = tgt_count.get(k, 0) + 1
                tgt_all.setdefault(k, []).append(h)
        kinds = ("country", "region", "city", "province")
        for b, nb in src_count.items():
            place_b = self.gaz.place(b)
            if place_b is None or place_b.kind not in kinds or tgt_count.get(b, 0) >= nb:
                continue
            if any(tgt_count.get(r, 0) for r in self.gaz.related(b)):
                continue
            for a, na in src_count.items():
                place_a = self.gaz.place(a)
                if a == b or place_a is None or place_a.kind not in kinds:
                    continue
                if tgt_count.get(a, 0) > na and sum(tgt_count.get(k, 0) for k in (a, b)) >= na + nb:
                    # Of A's occurrences, report the one standing where B stands in the source
                    # (same relative position), not merely the first or the last.
                    where = src_first[b].start / max(len(self.source), 1)
                    h = min(tgt_all[a], key=lambda t: abs(t.start / max(len(self.target), 1) - where))
                    self.out.swaps.append(Swap(b, a, (src_first[b].start, src_first[b].end), (h.start, h.end),
                                               src_first[b].text, h.text,
                                               weak=src_first[b].abbreviated or nb >= _MANY_MENTIONS))
                    for s in self.out.source:
                        if b in s.keys:
                            s.matched = True
                    for t in self.out.target:
                        if a in t.keys or b in t.keys:
                            t.explained = True
                    return

    def _replacements(self) -> None:
        """A missing source place and an added known place: one defect, reported as the addition."""
        missing = [s for s in self.out.source if s.kind == "place" and not s.matched]
        if not missing:
            return
        added = [t for t in self.out.target if t.known and not t.matched and not t.explained and t.kind == "place"]
        if missing and added:
            for t in added:
                t.replaced = tuple(f"{s.text} ({', '.join(s.expected)})" if s.expected else s.text for s in missing)
            for s in missing:
                s.matched = True
                s.rendered = added[0].text

    # -- spurious words -----------------------------------------------------------------------------
    def _spurious(self) -> None:
        if not (_KIN_CAPITALISED.search(self.target) if self.target.isascii()
                else _KIN_ANYWHERE.search(self.target.lower())):
            return  # no kinship term or honorific at all (in ASCII text: none capitalised)
        tokens = _target_tokens(self.target)
        matched_spans = [(t.start, t.end) for t in self.out.target if t.kind == "name" and t.matched]
        matched_spans += [(s.rendered_span) for s in self.out.source if s.rendered_span]
        for i, tok in enumerate(tokens):
            word = tok.text.lower()
            if word not in KIN_TITLES or not tok.text[0].isupper():
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or self.target[tok.end:nxt.start] != " ":
                continue
            j = i + 1
            while j + 1 < len(tokens) and self.target[tokens[j].end:tokens[j + 1].start] == " " and tokens[j + 1].text[0].isupper():
                j += 1
            if not _overlaps((nxt.start, tokens[j].end), matched_spans):
                continue
            if any(f in self.source for f in KIN_TITLES[word]):
                continue
            if self._usual_rendering(self.target[tok.start:tokens[j].end]):
                continue  # Nikolaus -> "Saint Nicholas": the source language's usual rendering has the title
            self.out.spurious.append(Spurious(tok.start, tok.end, tok.text, self.target[nxt.start:tokens[j].end]))

    def _usual_rendering(self, phrase: str) -> bool:
        """Whether ``phrase`` begins with a rendering the source language gives for a name the source has
        (given_names: Nikolaus -> "Saint Nicholas", "St. Nicholas")."""
        source = self.source.casefold()
        return any(phrase.startswith(r) for key, renderings in language.get(self.src).given_names.items()
                   if key in source for r in renderings if " " in r)


_LETTER = re.compile(r"[^\W\d_]")


def _written_alone(needle: str, text: str) -> bool:
    """Whether ``needle`` occurs in ``text`` with no letter right before or after it: what
    ``(?<![^\\W\\d_])NEEDLE(?![^\\W\\d_])`` finds, without compiling a regex for every name."""
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not (at and _LETTER.match(text, at - 1)) and not _LETTER.match(text, end):
            return True
        at = text.find(needle, at + 1)
    return False
