"""The first half of the name analysis: the names each side of a pair has (places, glossary terms,
Latin-script names, transliterations, names beside a title or a speech verb), as the analysis finds them."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from .. import lang as language
from ..cached import cached
from ..lang.sentences import SENTENCE_START as _SENT_START
from ..types import Severity
from . import translit as tr
from .glossary import term_index
from .gazetteer import Gazetteer, PlaceHit
from .gazetteer_build import get_gazetteer
from .leftwords import word_before
from .name_index import _SourceIndex
from .name_readings import read_source_names
from .name_targets import _TargetNames
from .name_tools import (
    _CAPITALISED_REST, _CAPITALISED_WORD, _contains_ci, _LEADING_FUNCTION_WORDS, _LETTERS, _overlaps, _ROMAN, _similar,
    _strip_possessive, _target_tokens, GlossaryMiss, is_english_word, NameAnalysis, SourceName, TargetName
)
from .name_words import _GENERIC_ACRONYMS, _LATIN_RUN, _UNITS


class _NameSources(_TargetNames):
    """Finds the names on each side; :class:`tqcheck.check.name_matching._NameMatching` matches them."""

    def __init__(self, source: str, target: str, src: str, tgt: str, glossary: Mapping[str, tuple[str, ...]]) -> None:
        self.source, self.target, self.src, self.tgt, self.glossary = source, target, src, tgt, glossary
        self.gaz = get_gazetteer()
        self.idx = _SourceIndex(source, src)
        self.out = NameAnalysis()

    @cached
    def _source_capitalised(self) -> tuple[re.Match[str], ...]:
        """The capitalised words of the source (_CAPITALISED_WORD), found once for the demonyms and the copied names."""
        return tuple(_CAPITALISED_WORD.finditer(self.source))

    # -- glossary -----------------------------------------------------------------------------
    def _same_as_gazetteer(self, term: str, targets: Sequence[str], hits: list[PlaceHit]) -> bool:
        """A glossary row that only restates the gazetteer (俄罗斯 -> Russia) is left to the place
        rules, which also accept Russian, Moscow or 俄 in 日俄."""
        for h in hits:
            if h.text == term:
                names = {n.lower() for k in h.keys for n in self.gaz.names_in(k, self.tgt)}
                return all(t.lower() in names for t in targets)
        return False

    def _glossary(self, src_hits: list[PlaceHit], tgt_hits: list[PlaceHit]) -> tuple[list[GlossaryMiss], list[tuple[int, int]]]:
        found: list[GlossaryMiss] = []
        tgt_spans: list[tuple[int, int]] = []
        if not self.glossary:
            return found, tgt_spans
        index = term_index(self.glossary)
        in_source = index.find(self.source, self.src, "source")
        in_target = index.find(self.target, self.tgt, "target")
        spans: list[tuple[int, int]] = []
        for term in sorted(in_source, key=index.by_length.__getitem__):  # longest term first
            if self._same_as_gazetteer(term, self.glossary[term], src_hits):
                continue
            for s, e in in_source[term]:
                if _overlaps((s, e), spans):
                    continue
                spans.append((s, e))
                found.append(GlossaryMiss(s, e, self.source[s:e], tuple(self.glossary[term])))
        for g in found:
            where = [sp for t in g.expected for sp in in_target.get(t, ())]
            if where:
                tgt_spans.extend(where)
            else:
                self.out.glossary_misses.append(g)
        # Glossary names in the translation whose source term is absent: known names added.
        places = [(h.start, h.end) for h in tgt_hits]
        for _, term, t in sorted((n, term, t) for t in in_target for n, term in index.pairs[t]):
            for s, e in in_target[t]:
                if _overlaps((s, e), tgt_spans) or _overlaps((s, e), places):
                    continue
                tgt_spans.append((s, e))
                if any(src in in_source for src in index.sources[t]):
                    continue
                self.out.target.append(TargetName(s, e, self.target[s:e], "glossary", known=True,
                                                  keys=(term,)))
        for g in self.out.glossary_misses:
            span = self._loose_counterpart(g.expected)
            if span:
                g.found = self.target[span[0]:span[1]]
                tgt_spans.append(span)  # the rendering is reported here, not again as an added name
        return found, tgt_spans

    def _loose_counterpart(self, expected: Sequence[str]) -> tuple[int, int] | None:
        """The rendering close to the glossary's (Andrey Sokolov for Andrei Sokolov; Igor Petrov
        for Igor Petrenko): the capitalised words around a word that matches, if any."""
        words = [tr.fold(w) for t in expected for w in re.findall(r"[^\W\d_]+", t) if not is_english_word(w)]
        tokens = _target_tokens(self.target)
        for i, tok in enumerate(tokens):
            f = tr.fold(_strip_possessive(tok.text))
            if tok.text[0].isupper() and any(f == w or _similar(f, w, 0.8) for w in words):
                lo = hi = i
                while lo > 0 and self.target[tokens[lo - 1].end:tokens[lo].start] == " " and tokens[lo - 1].text[0].isupper() \
                        and not is_english_word(tokens[lo - 1].text):
                    lo -= 1
                while hi + 1 < len(tokens) and self.target[tokens[hi].end:tokens[hi + 1].start] == " " \
                        and tokens[hi + 1].text[0].isupper() and not is_english_word(tokens[hi + 1].text):
                    hi += 1
                return (tokens[lo].start, tokens[hi].end)
        return None

    # -- source names ---------------------------------------------------------------------------
    def _source_names(self, taken: list[tuple[int, int]]) -> None:
        text = self.source
        add = self.out.source.append
        if language.get(self.src).latin_is_foreign:  # Latin words in a zh, ja or ru source are names kept
            for m in _LATIN_RUN.finditer(text):
                word = m.group().rstrip(".-'’ ")
                s, e = m.start(), m.start() + len(word)
                lead = _LEADING_FUNCTION_WORDS.match(word)
                if lead and lead.end() < len(word):
                    word, s = word[lead.end():], s + lead.end()  # "of Houston", "The Wall Street Journal"
                if _overlaps((s, e), taken) or word.lower() in _UNITS or len(word) < 2:
                    continue
                if word.islower() or (word.isupper() and len(word) <= 1):
                    continue
                severity = Severity.ERROR
                # measured on WMT22 references: acronyms, English words (WEB, OFF) and codes with
                # digits (AM9, iOS14) in a CJK or Russian source are often translated or dropped
                if (word.upper() in _GENERIC_ACRONYMS or len(word) <= 3
                        or any(c.isdigit() for c in word) or all(is_english_word(w) for w in _LETTERS.findall(word))):
                    severity = Severity.WARNING  # Spring Summer, Bridge Race: titles made of words get translated
                if " " not in word and (len(word) <= 2 or (word.isupper() and is_english_word(word.lower()))):
                    severity = Severity.INFO  # PC, WEB, OFF, OK: a word of the text more than a name, rendered in words
                add(SourceName(s, e, word, "latin", expected=(word,), severity=severity))
                taken.append((s, e))
        self._language_names(taken)
        if language.get(self.src).script == language.get(self.tgt).script == "Latn":
            self._demonym_names(taken)
            self._copied_names(taken)
            self._speaker_names(taken)
        self.out.source.extend(read_source_names(text, self.target, self.src, taken))  # 大谷, 諏訪: read by sound

    def _copied_names(self, taken: list[tuple[int, int]]) -> None:
        """Between languages of the Latin script names are copied (Stephen Colbert, Troyes, Lim Yew Soon):
        runs of capitalised words, not at a sentence's start, with a word that the source language's
        dictionary does not know. A missing one is a warning: some names are translated."""
        text = self.source
        words_of = language.get(self.src)
        known_name = language.get(self.tgt).is_name  # the translation's dictionary of names (Daniel, Hamilton)
        lower, noun = words_of.is_lowercase_word, words_of.is_common_noun
        tgt_english = language.get(self.tgt).names_in_translation  # (English's reading: is_english_word)

        def proper(m: re.Match[str], first: bool = False) -> bool:
            """A name the translation's dictionary has, which is no word of the source's small classes (Les)
            nor, in a language that capitalises its nouns, a noun: one with plurals (Mann, Roman), a sentence's
            first word (Habe), one after an article or an inflected adjective (die Kids, fertige Leisten)."""
            word = m.group()
            if known_name is None or not known_name(word) or word.lower() in words_of.function_words:
                return False
            if words_of.capitalises_nouns and (first or noun is None or noun(word) or _after_article(
                    text, m.start(), words_of)):
                return False
            return not (lower is not None and lower(word))

        def name_like(m: re.Match[str]) -> bool:
            return proper(m) or words_of.may_be_name(m.group())  # (proper first: the cheaper one)

        def uninflected(m: re.Match[str]) -> bool:
            return words_of.lemma(m.group()) == m.group().lower()  # (not Irans, Ortes, Briten)

        def borrowed(m: re.Match[str]) -> bool:
            """In a language that capitalises its nouns, an English word that is none of the language's nouns
            (no plural), nor of its lower-case classes: a word of an English name (Bethnal Green, Mount Vinson,
            Sentinel Range), which translations into English keep."""
            word = m.group()
            return (words_of.capitalises_nouns and tgt_english and word.isascii() and word.isalpha() and len(word) >= 3
                    and word.lower() not in words_of.function_words and is_english_word(word)
                    and not (noun is not None and noun(word)) and not (lower is not None and lower(word)))

        runs: list[list[re.Match[str]]] = []
        found = list(self._source_capitalised)
        if ("'" in text or "’" in text) and language.get(self.tgt).lexicon_complete:
            # after an elided article (qu'Emin, l'Athletico): only into English, as other languages
            # translate more names (measured on WMT22 fr-de references)
            found = sorted(found + list(_ELIDED_CAPITALISED.finditer(text)), key=lambda m: m.start())
        for m in found:
            if runs and text[runs[-1][-1].end():m.start()] == " ":
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            if (_SENT_START.search(text[max(0, run[0].start() - 3):run[0].start()]) or run[0].start() == 0) \
                    and not proper(run[0], first=True):
                run = run[1:]  # a sentence's first word is capitalised anyway (unless it is a known name)
            if len(run) == 1 and "-" in run[0].group() and not name_like(run[0]):
                head = _NAME_HEAD.match(text, run[0].start())
                if head and words_of.may_be_name(head.group()):
                    run = [head]  # Rakoczy-Reitturnier, Merkel-Regierung: a name heads the compound
            # titles and nouns around a name are words of the language: Vorstandschef Wilhelm Wellner,
            # Valve Reactor-Schaltung; a run of such words only is no name (Ihre Meinung), unless the
            # translation's dictionary knows it as a name (Lewis Hamilton, Daniel Ortega)
            if len(run) >= 2 and all(borrowed(w) and (w is run[-1] or uninflected(w)) for w in run):
                pass  # an English name of words alone (Sentinel Range, National Hurricane Center)
            else:
                # the English words after a name, and an English place word before one, are part of it
                # (Bethnal Green, Mount Vinson; not Premier in Premier Boris Johnson)
                while run and not (name_like(run[0]) or run[0].group() in _PLACE_OPENERS and len(run) > 1):
                    run = run[1:]
                while run and not (name_like(run[-1]) or borrowed(run[-1]) and len(run) > 1):
                    run = run[:-1]
            if not run or len(run) == 1 and (len(run[0].group()) <= 3 or text[run[0].end():run[0].end() + 1] == "." and (
                    words_of.capitalises_nouns or len(run[0].group()) <= 5 or not language.get(self.tgt).lexicon_complete)):
                continue  # Std., Prof.: an abbreviation (not Melbourne ending a French sentence translated into English)
            s, e = run[0].start(), run[-1].end()
            if _overlaps((s, e), taken):
                continue
            self.out.source.append(SourceName(s, e, text[s:e], "latin", expected=(text[s:e],),
                                              severity=Severity.WARNING))
            taken.append((s, e))
        self._copied_acronyms(taken)

    def _demonym_names(self, taken: list[tuple[int, int]]) -> None:
        """A demonym names its place (ein Münchner: "a Munich resident"; die Grazer Kinderklinik: "the children's
        hospital in Graz"): a city or a state the gazetteer knows, in any of the demonym's forms; into English, also
        a place the source language's dictionary has as a name (no plural, no lower-case form) where the demonym
        stands uninflected before a common noun, as only a place's does. A missing one is a warning."""
        words_of = language.get(self.src)
        derive = words_of.demonym_places
        if derive is None or not language.get(self.tgt).names_in_translation:
            return  # (French renders them as adjectives: berlinois, londonienne)
        text = self.source
        for m in self._source_capitalised:
            places, uninflected = derive(m.group())  # (asked first: most words are no demonym)
            if not places or _overlaps(m.span(), taken) or m.group().lower() in words_of.function_words:
                continue
            hits = [self.gaz.find(p, self.src) for p in places]
            found = _demonym_place(places, hits, self.gaz)
            if found is None and any(hits):
                continue  # a country's (der Österreicher): the language's adjectives, evidence only
            if found is not None:
                self.out.source.append(SourceName(m.start(), m.end(), m.group(), "place", found.keys,
                                                  tuple(self.gaz.display_cached(k, self.tgt) for k in found.keys),
                                                  Severity.WARNING))
                taken.append(m.span())
                continue
            if not uninflected or _SENT_START.search(text[max(0, m.start() - 3):m.start()]) \
                    or m.start() == 0 or words_of.is_word is None or words_of.is_lowercase_word is None:
                continue
            nxt = _NEXT_WORD.match(text, m.end())
            noun = words_of.is_common_noun
            is_name = language.get(self.tgt).is_name
            if nxt is None or noun is None or not noun(nxt.group(1)) or (is_name is not None and is_name(nxt.group(1))):
                continue  # before a name, a word in -er is a title (Trainer John Smith)
            for place in places[:2]:
                if words_of.is_word(place) and not noun(place) and not words_of.is_lowercase_word(place):
                    self.out.source.append(SourceName(m.start(), m.end(), m.group(), "latin", expected=(place,),
                                                      severity=Severity.WARNING))
                    taken.append(m.span())
                    break

    def _speaker_names(self, taken: list[tuple[int, int]]) -> None:
        """A speaker named after a verb of saying in inverted order ("…", sagt Zimmermann, der …): a surname, even
        one the dictionary has as a noun (Zimmermann, Becker), which translations keep. The last capitalised word
        before the clause ends is the name (sagte Bürgermeister Müller: Müller). A missing one is a warning."""
        words_of = language.get(self.src)
        if words_of.speaker_before is None:
            return
        text = self.source
        for m in words_of.speaker_before.finditer(text):
            run = _SPEAKER_RUN.match(text, m.end())
            if run is None:
                continue
            last = list(_LETTERS.finditer(run.group(1)))[-1]
            s, e = m.end() + last.start(), m.end() + last.end()
            word = last.group()
            if len(word) < 3 or _overlaps((s, e), taken) or word.lower() in words_of.function_words \
                    or word.lower() in words_of.determiners or (
                        words_of.is_lowercase_word is not None and words_of.is_lowercase_word(word)):
                continue
            self.out.source.append(SourceName(s, e, word, "latin", expected=(word,), severity=Severity.WARNING))
            taken.append((s, e))

    def _copied_acronyms(self, taken: list[tuple[int, int]]) -> None:
        """Between languages of the Latin script, an acronym of two to six capitals that the source language's
        dictionary does not know (CTMO, NHK, PALM; BA, whose lower case "ba" is no matter) names a body or a project, which translations copy: a missing
        one is a warning. The translation's own acronym is its counterpart where it has the same letters in
        another order (ADN: DNA, OTAN: NATO), one letter fewer or changed (ONU: UN, SSSR: USSR, HDP: GDP), or is
        a rendering the source language lists (DDR: GDR, DPH: VAT). Only into a language whose dictionary is
        complete (English): measured on WMT22 de-fr, fr-de and en-de references, acronyms between the other
        languages are translated as often as not (TVA: MwSt., VTT: Mountainbike)."""
        text = self.source
        words_of = language.get(self.src)
        known = words_of.is_word
        if known is None or not language.get(self.tgt).lexicon_complete or not _SOURCE_ACRONYM.search(text):
            return
        words = _LETTERS.findall(text)
        if sum(w.isupper() for w in words) > 0.3 * len(words):
            return  # a headline in capitals
        theirs = set(_TARGET_ACRONYM.findall(self.target))
        for m in _SOURCE_ACRONYM.finditer(text):
            a = m.group()
            if _overlaps(m.span(), taken) or _ROMAN.fullmatch(a) or known(a) or len(a) > 2 and known(a.lower()) \
                    or a.lower() in words_of.kept_words or any(_same_acronym(a, t) for t in theirs):
                continue
            if (a in self.target) if len(a) > 2 else re.search(rf"(?<![^\W\d_]){a}(?![^\W\d_])", self.target):
                continue
            if any(_contains_ci(self.target, r) for r in words_of.given_names.get(a.lower(), ())):
                continue
            self.out.source.append(SourceName(m.start(), m.end(), a, "latin", expected=(a,), severity=Severity.WARNING))
            taken.append(m.span())

    def _language_names(self, taken: list[tuple[int, int]]) -> None:
        """The names the source language's own reader finds (``Language.source_names``: Chinese transliterations
        and persons before a speech verb, Japanese names before a title, Russian capitalised runs): an error
        when sure, else a warning."""
        read = language.get(self.src).source_names
        if read is None:
            return
        for s, e, name, kind, sure in read(self.source, lambda a, b: not _overlaps((a, b), taken)):
            self.out.source.append(SourceName(s, e, name, kind, severity=Severity.ERROR if sure else Severity.WARNING))
            taken.append((s, e))


def _demonym_place(places: tuple[str, ...], hits: list[list[PlaceHit]], gaz: Gazetteer) -> PlaceHit | None:
    """The city or state of the gazetteer that one of ``places`` names whole (``hits``: what it finds in each),
    if any."""
    for place, found in zip(places, hits):
        for h in found:
            if h.start == 0 and h.end == len(place) and not h.adjective and all(
                    (p := gaz.place(k)) is not None and p.kind in ("city", "province") for k in h.keys):
                return h
    return None


def _after_article(text: str, at: int, words_of: language.Language) -> bool:
    """Whether the word at ``at`` follows an article of its language or an inflected adjective (the lemma and
    an ending: fertige, neuen): it heads a noun phrase, as a noun does (die Kids, fertige Leisten)."""
    before = word_before(text, at)
    return before is not None and before.islower() and words_of.opens_noun_phrase(before)


#: (the first capital before the look-behinds, which look past it: the pattern is searched for by that capital)
_SOURCE_ACRONYM = re.compile(r"[A-ZÀ-ÖØ-Þ](?:(?<=\b[dDlL]['’].)|(?<![\w'’.-].))[A-ZÀ-ÖØ-Þ]{1,5}(?![\w'’-])")  # l'ISL too
_TARGET_ACRONYM = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ]{2,7}(?![\w'’-])")


def _same_acronym(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` in another language: the same letters in another order (ADN, DNA), or one letter
    changed or left out (SSSR, USSR; ONU, UN)."""
    if len(a) == len(b):
        return sorted(a) == sorted(b) or len(a) > 2 and sum(x != y for x, y in zip(a, b)) <= 1
    return len(b) == len(a) - 1 and len(b) >= 2 and set(b) <= set(a)


#: English words that open the name of a place (Mount Vinson, Lake Placid): before a name in a German or
#: French source, they are part of it.
_PLACE_OPENERS = frozenset({"Mount", "Lake", "Cape", "Fort", "Port", "Saint", "Glen", "Point", "Mont", "Monte"})
#: Capitalised words, one to three, that end a clause (before a stop, a comma, a bracket, "und" or the end).
_SPEAKER_RUN = re.compile(r"((?:[A-ZÄÖÜ][^\W\d_]+ ){0,2}[A-ZÄÖÜ][^\W\d_]+)(?=\s*(?:[,.;:!?)(]|$)|\s+und\b)")
#: The word after a word and a space.
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
#: The first part of a hyphenated compound, four letters or more.
_NAME_HEAD = re.compile(r"[^\W\d_]{4,}(?=-)")
#: A capitalised word after an elided article or preposition (qu'Emin, l'Athletico).
_ELIDED_CAPITALISED = re.compile(r"(?:(?<=\b[dDlL]['’])|(?<=\b[qQ]u['’]))[A-ZÀ-ÖØ-Þ]" + _CAPITALISED_REST)
