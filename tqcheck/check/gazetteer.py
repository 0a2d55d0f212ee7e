"""A multilingual table of countries, regions, cities and a few news organisations.

Country names in zh, ja, ru, de, es, fr come from pycountry's translation catalogues; what news
needs and pycountry lacks (short forms, continents, major cities, English demonyms, the Chinese and
Japanese one-character abbreviations inside compounds such as 日俄 or 中美) is in the tables of
:mod:`tqcheck.check.gazetteer_data`. :func:`tqcheck.check.gazetteer_build.get_gazetteer` builds it on
first use and caches it; ``find_source``/``find_target`` return the places
named in a text with their character offsets.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .. import lang as language
from .gazetteer_data import ABBREVIATION_RUNS, CJK_ABBREV, DECLINED_PLACES, PLACE_TRAPS, WORD_LETTERS
from .gazetteer_words import (_ASCII_LATIN_WORD, _ascii_name_words, _ELIDED, _LATIN_WORD, _NAME_SEPARATORS, _ascii_words,
                              _latin_tokens_key, _norm_token)

#: The languages the gazetteer names places in (the columns of its tables).
LANGS = ("en", "zh", "ja", "ru", "de", "es", "fr")


@dataclass(frozen=True)
class Place:
    """One named place or body; ``names[lang]`` lists its names, the first one for messages."""

    key: str
    kind: str  # country, region, city, province, org, body
    names: Mapping[str, tuple[str, ...]]
    #: Names of related places that also count as a counterpart (Washington for the US).
    related: tuple[str, ...] = ()

    def display(self, lang: str) -> str:
        names = self.names.get(lang) or self.names.get("en") or (self.key,)
        return names[0]


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    #: A demonym or adjective ("Russian"): evidence of the place, but weak evidence of an addition.
    adjective: bool = False
    #: Named by an abbreviation inside a compound (日俄, 美方), not by its full name.
    abbreviated: bool = False


def _place_hit(start: int, end: int, text: str, keys: tuple[str, ...], adjective: bool = False,
               abbreviated: bool = False) -> PlaceHit:
    """``PlaceHit(...)``: the same object, its fields set at once rather than one by one through
    the frozen dataclass's ``object.__setattr__`` (PlaceHit has no __post_init__ and no slots)."""
    hit = object.__new__(PlaceHit)
    hit.__dict__.update(start=start, end=end, text=text, keys=keys, adjective=adjective, abbreviated=abbreviated)
    return hit


assert _place_hit(0, 2, "US", ("US",), True) == PlaceHit(0, 2, "US", ("US",), True) and vars(
    _place_hit(0, 2, "US", ("US",))) == vars(PlaceHit(0, 2, "US", ("US",)))


class Gazetteer:
    """All places, with per-language indexes built on first use."""

    def __init__(self, places: dict[str, Place], adjectives: dict[str, dict[str, tuple[str, ...]]],
                 cjk_compounds: dict[str, dict[str, tuple[str, ...]]]) -> None:
        """``adjectives``: per language, the adjectives of each place (English: Russian, Japanese)."""
        self.places = places
        self.adjectives = adjectives
        self.cjk_compounds = cjk_compounds

    def place(self, key: str) -> Place | None:
        return self.places.get(key)

    def related(self, key: str) -> tuple[str, ...]:
        try:
            return self._related_cache[key]
        except KeyError:
            pass
        p = self.places.get(key)
        if p is None:
            return ()
        back = self._related_back().get(key, ())
        out = self._related_cache[key] = tuple(dict.fromkeys(p.related + back))
        return out

    @functools.cached_property
    def _related_cache(self) -> dict[str, tuple[str, ...]]:
        return {}

    @functools.cached_property
    def _related_back_map(self) -> dict[str, tuple[str, ...]]:
        back: dict[str, list[str]] = {}
        for p in self.places.values():
            for r in p.related:
                back.setdefault(r, []).append(p.key)
        return {k: tuple(v) for k, v in back.items()}

    def _related_back(self) -> dict[str, tuple[str, ...]]:
        return self._related_back_map

    def display(self, key: str, lang: str) -> str:
        p = self.places.get(key)
        return p.display(lang) if p else key

    @functools.cached_property
    def _display_cache(self) -> dict[tuple[str, str], str]:
        return {}

    def display_cached(self, key: str, lang: str) -> str:
        """``display``, remembered (places do not change)."""
        out = self._display_cache.get((key, lang))
        if out is None:
            out = self._display_cache[(key, lang)] = self.display(key, lang)
        return out

    # -- CJK source scanning ---------------------------------------------------------------
    @functools.lru_cache(maxsize=None)
    def _cjk_index(self, lang: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]], frozenset[str],
                                             dict[str, tuple[int, ...]]]:
        """Names and compounds of ``lang`` -> place keys; their lengths by first character (all forms,
        and names only); the set of names. Everything is per language: one process checks many."""
        index: dict[str, tuple[str, ...]] = {}
        for p in self.places.values():
            for name in p.names.get(lang, ()):
                if len(name) >= 2:
                    index[name] = tuple(dict.fromkeys(index.get(name, ()) + (p.key,)))
        names = frozenset(index)
        for form, keys in self.cjk_compounds.get(lang, {}).items():
            if form not in names or not keys:
                index[form] = keys
        sizes: dict[str, set[int]] = {}
        for form in index:
            sizes.setdefault(form[0], set()).add(len(form))
        name_sizes: dict[str, set[int]] = {}
        for form in names:
            name_sizes.setdefault(form[0], set()).add(len(form))
        by_first = {c: tuple(sorted(v, reverse=True)) for c, v in sizes.items()}
        name_sizes_by_first = {c: tuple(sorted(v, reverse=True)) for c, v in name_sizes.items()}
        return index, by_first, names, name_sizes_by_first

    @functools.lru_cache(maxsize=None)
    def _cjk_starts(self, lang: str) -> re.Pattern[str]:
        """Where a match can start: at a first letter of a form of the index followed by a second
        letter of one (every form has two letters or more), and in Chinese at three letters of
        abbreviated countries in a row. Other positions are skipped."""
        index, by_first, _, _ = self._cjk_index(lang)

        def letters(chars: Iterable[str]) -> str:
            return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"

        first = letters(by_first)
        second = "" if self._cjk_pairs(lang) is None else "(?=" + letters(form[1] for form in index) + ")"
        runs = ABBREVIATION_RUNS.get(lang)
        if not runs:
            return re.compile(first + second)
        # One class of all the letters that can start something comes first, so that the scan
        # jumps from one of them to the next; the look-arounds then tell which start it is.
        run = letters(runs)
        either = letters(set(by_first) | runs)
        return re.compile(f"{either}(?:(?<={first}){second}|(?<={run})(?={run}{run}))")

    @functools.lru_cache(maxsize=None)
    def _cjk_pairs(self, lang: str) -> dict[str, tuple[int, ...]] | None:
        """The lengths of the index's forms by their first two letters, longest first: at one
        position only the forms starting with its two letters can match, in the order the lengths
        of ``by_first`` try them. None if a form has a single letter (none has)."""
        index, _, _, _ = self._cjk_index(lang)
        sizes: dict[str, set[int]] = {}
        for form in index:
            if len(form) < 2:
                return None
            sizes.setdefault(form[:2], set()).add(len(form))
        return {c: tuple(sorted(v, reverse=True)) for c, v in sizes.items()}

    def _find_cjk(self, text: str, lang: str) -> list[PlaceHit]:
        out: list[PlaceHit] = []
        index, by_first, names, name_sizes = self._cjk_index(lang)
        by_pair = self._cjk_pairs(lang)
        next_start = self._cjk_starts(lang).search
        runs, traps, word_letter = ABBREVIATION_RUNS.get(lang, frozenset()), PLACE_TRAPS.get(lang, {}), WORD_LETTERS.get(lang)
        i, n = 0, len(text)
        while i < n:
            # a position whose letter starts no form can hold no match: jump to the next one that can
            m = next_start(text, i)
            if m is None:
                return out
            i = m.start()
            hit = None
            sizes = by_pair.get(text[i:i + 2], ()) if by_pair is not None else by_first.get(text[i], ())
            if not sizes and text[i] not in runs:
                i += 1  # (no form starts here, nor a run of abbreviated countries)
                continue
            for size in sizes:
                if i + size > n:
                    continue
                form = text[i:i + size]
                keys = index.get(form)
                if keys is None:
                    continue
                trap = traps.get(form)
                if trap and ((i and text[i - 1] in trap[0]) or (i + size < n and text[i + size] in trap[1])):
                    continue
                if form[0] == "日" and i and (text[i - 1].isdigit() or text[i - 1] in "〇一二三四五六七八九十"):
                    continue  # 12日朝 is the morning of the 12th, 11日中午 noon on the 11th: a day, no Japan
                if word_letter and size == 2 and i and word_letter.match(text[i - 1]) and word_letter.match(form[0]):
                    continue  # 白石川 is the Shiraishi River, not 石川 (Ishikawa) inside a longer word
                if form not in names and self._name_overlaps(text, i, size, names, name_sizes):
                    continue  # 在华盛顿 is Washington, not 在华 + 盛顿; 从中美洲 is not 从中 + 美洲
                hit = _place_hit(i, i + size, form, keys, abbreviated=form not in names)
                break
            if runs and (hit is None or hit.end - i <= 2):
                run = i
                while run < n and text[run] in runs:
                    run += 1
                if run - i >= 3:  # 美日印澳 "四边机制", 中日韩: a list of abbreviated countries
                    abbrev = CJK_ABBREV[lang]
                    hit = _place_hit(i, run, text[i:run], tuple(dict.fromkeys(abbrev[c] for c in text[i:run])),
                                     abbreviated=True)
            if hit is not None:
                if hit.keys:
                    out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    @staticmethod
    def _name_overlaps(text: str, i: int, size: int, names: frozenset[str],
                       name_sizes: dict[str, tuple[int, ...]]) -> bool:
        """Whether a place name starts inside text[i:i+size] and runs past its end."""
        for j in range(i + 1, i + size):
            for k in name_sizes.get(text[j], ()):
                if j + k > i + size and text[j:j + k] in names:
                    return True
        return False

    # -- declined names (Cyrillic) ----------------------------------------------------------------
    @functools.lru_cache(maxsize=None)
    def _declined_index(self, lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        from .translit import russian_stem

        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for p in self.places.values():
            for name in p.names.get(lang, ()):
                words = tuple(russian_stem(w).lower() for w in re.findall(r"[\w’'-]+", name))
                if words:
                    index.setdefault(words[0][:4], []).append((words, p.key))
        for stem, key in DECLINED_PLACES[lang][0]:
            index.setdefault(stem[:4], []).append(((stem,), key))
        return index

    def _find_declined(self, text: str, lang: str) -> list[PlaceHit]:
        """Places named in a language whose names decline (``DECLINED_PLACES``): words matched by their stems,
        lower-case words only as adjectives of places (российский)."""
        out: list[PlaceHit] = []
        index = self._declined_index(lang)
        words_of, adjective_endings = language.get(lang), DECLINED_PLACES[lang][1]
        words = _RU_WORD.findall(text)
        lows = list(map(str.lower, words))
        n = len(words)
        spans: list[tuple[int, int]] | None = None  # offsets of the words, found when first needed
        i = 0
        while i < n:
            candidates = index.get(lows[i][:4])
            if not candidates:
                i += 1
                continue
            best: tuple[int, str] | None = None
            for stems, key in candidates:
                if len(stems) > n - i:
                    continue
                if all(_ru_word_matches(lows[i + k], w) for k, w in enumerate(stems)):
                    if best is None or len(stems) > best[0]:
                        best = (len(stems), key)
            if best:
                if spans is None:
                    # each word again from where the previous one ended: no Cyrillic letter, with
                    # which every word starts, lies between two words
                    spans = []
                    at = 0
                    for w in words:
                        at = text.find(w, at)
                        spans.append((at, at + len(w)))
                        at += len(w)
                s, e = spans[i][0], spans[i + best[0] - 1][1]
                if best[0] == 1 and words[i][0].isupper() and words_of.name_tag(words[i]) == "other":
                    i += 1  # Самой (the adjective самый) is not Samoa
                    continue
                if not words[i][0].isupper() and not words_of.lemma(words[i]).endswith(adjective_endings):
                    i += 1  # lower case, a place only as its adjective (российский): самом, газ, палатой are none
                    continue
                out.append(_place_hit(s, e, text[s:e], (best[1],), adjective=not words[i][0].isupper()))
                i += best[0]
            else:
                i += 1
        return out

    # -- Latin ---------------------------------------------------------------------------------
    @functools.lru_cache(maxsize=None)
    def _latin_index(self, lang: str) -> tuple[dict[tuple[str, ...], tuple[tuple[str, ...], bool, bool]], dict[str, int]]:
        """Token tuple -> (keys, is an adjective, is an acronym that must match case exactly)."""
        index: dict[tuple[str, ...], tuple[tuple[str, ...], bool, bool]] = {}

        def add(name: str, key: str, adjective: bool) -> None:
            toks = tuple(_latin_tokens_key(name))
            if not toks or name in _AMBIGUOUS_ACRONYMS:
                return
            acronym = len(toks) == 1 and name.replace(".", "").isupper() and len(name.replace(".", "")) <= 5
            keys, adj, acr = index.get(toks, ((), adjective, acronym))
            if key not in keys:
                index[toks] = (keys + (key,), adj and adjective, acr and acronym)

        for p in self.places.values():
            for name in p.names.get(lang, ()):
                add(name, p.key, False)
        for key, adjs in self.adjectives.get(lang, {}).items():
            for a in adjs:
                add(a, key, True)
        firsts: dict[str, int] = {}
        for toks in index:
            firsts[toks[0]] = max(firsts.get(toks[0], 0), len(toks))
        return index, firsts

    def _find_latin(self, text: str, lang: str) -> Iterator[PlaceHit]:
        if _ascii_words(text):
            yield from self._find_latin_ascii(text, lang)
        else:
            yield from self._find_latin_words(text, lang)

    def _find_latin_words(self, text: str, lang: str) -> Iterator[PlaceHit]:
        """``_find_latin`` word by word, for any text."""
        index, firsts = self._latin_index(lang)
        toks = [(m.start(), m.end(), m.group()) for m in _LATIN_WORD.finditer(text)]
        ntoks = len(toks)
        i = 0
        while i < ntoks:
            # only a capitalised word can start a name: others are passed over one by one
            word = toks[i][2]
            if not word[0].isupper():
                # l'Irak, d'Europe: the name starts after the article (the pattern needs an apostrophe)
                elided = _ELIDED.match(word) if "'" in word or "’" in word else None
                if elided is None:
                    i += 1
                    continue
                toks[i] = (toks[i][0] + elided.end(), toks[i][1], word[elided.end():])
                word = toks[i][2]
            longest = firsts.get(_norm_token(word), 0)
            if not longest:
                i += 1
                continue
            # words of one name are separated by a space, a hyphen or nothing else: no window
            # runs past the first other separator
            reach = 1
            while reach < longest and i + reach < ntoks and text[toks[i + reach - 1][1]:toks[i + reach][0]] in _NAME_SEPARATORS:
                reach += 1
            window = toks[i:i + reach]
            found = _latin_window(text, lang, index, window, tuple(_norm_token(t[2]) for t in window))
            if found:
                yield found
                while i < len(toks) and toks[i][0] < found.end:
                    i += 1
            else:
                i += 1

    @functools.lru_cache(maxsize=None)
    def _latin_prefixes(self, lang: str) -> frozenset[tuple[str, ...]]:
        """Every leading run of words of a name of ``_latin_index`` (the names themselves included)."""
        index, _ = self._latin_index(lang)
        return frozenset(toks[:k] for toks in index for k in range(1, len(toks) + 1))

    def _find_latin_ascii(self, text: str, lang: str) -> list[PlaceHit]:
        """``_find_latin`` for ASCII text: the same words, but only those that can start a name
        (capitalised, at the start of a word of _LATIN_WORD) are looked for, and the words after
        one only as far as a name of the index starting with it can reach."""
        out: list[PlaceHit] = []
        index, firsts = self._latin_index(lang)
        prefixes = self._latin_prefixes(lang)
        next_word = _ASCII_LATIN_WORD.search
        done = 0  # words starting before this offset are part of a name found already
        for first in _ascii_name_words(text):
            at = first.start()
            if at < done:
                continue
            word = first.group()
            norm = _norm_token(word)
            if norm not in firsts:
                continue  # (firsts has the first word of every name: the prefixes of one word)
            key: tuple[str, ...] = (norm,)
            # the following words, as long as they continue a name of the index (windows any
            # longer have no entry)
            toks = [(at, first.end(), word)]
            end = toks[0][1]
            while (nxt := next_word(text, end)) is not None and text[end:nxt.start()] in _NAME_SEPARATORS:
                longer = key + (_norm_token(nxt.group()),)
                if longer not in prefixes:
                    break
                key = longer
                end = nxt.end()
                toks.append((nxt.start(), end, nxt.group()))
            found = _latin_window(text, lang, index, toks, key)
            if found:
                out.append(found)
                done = found.end
        return out

    def _names_of(self, key: str, lang: str) -> tuple[str, ...]:
        p = self.places.get(key)
        names = p.names.get(lang, ()) if p else ()
        return names + self.adjectives.get(lang, {}).get(key, ())

    def find(self, text: str, lang: str) -> list[PlaceHit]:
        """Places named in ``text`` (written in ``lang``), longest match first, left to right."""
        lang = language.primary(lang)
        if lang not in LANGS:
            return []
        words = language.get(lang)
        if words.unspaced:
            hits = self._find_cjk(text, lang)
            if hits:  # whole words only: 发展中国家 names no country, nor スタイル Thailand
                hits = [h for h in hits if words.on_word_boundaries(text, h.start, h.end)]
            return hits
        if lang in DECLINED_PLACES:
            return self._find_declined(text, lang)
        if _ascii_words(text):
            return self._find_latin_ascii(text, lang)
        return list(self._find_latin(text, lang))

    def abbreviation_of(self, key: str, lang: str) -> str | None:
        """The one-letter abbreviation of a country in Chinese or Japanese compounds (英 in 英独仏), if any."""
        return next((c for c, k in CJK_ABBREV.get(lang, {}).items() if k == key), None)

    def names_in(self, key: str, lang: str) -> tuple[str, ...]:
        """Every name (and English adjective) of a place in one language."""
        return self._names_of(key, lang)


_RU_WORD = re.compile(r"[А-Яа-яЁё][\w’'-]*")
_CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b|yuan\b|yen\b|won\b|rupees?\b|roubles?\b|rubles?\b|pounds?\b|"
                             r"francs?\b|pesos?\b|Dollar|Euro)")
#: Names too ambiguous to be read as places in running text.
_AMBIGUOUS_ACRONYMS = frozenset({"IS", "LA", "EI", "UE", "ROK"})
def _latin_window(text: str, lang: str, index: dict[tuple[str, ...], tuple[tuple[str, ...], bool, bool]],
                  toks: list[tuple[int, int, str]], norms: tuple[str, ...]) -> PlaceHit | None:
    """The longest name of the index made of the first words of ``toks`` (consecutive words, each
    separated from the next by a space, a hyphen or nothing; ``norms`` are their _norm_token), if any."""
    for size in range(len(toks), 0, -1):
        window = toks[:size]
        entry = index.get(norms[:size])
        if entry is None:
            continue
        first = window[0][2]
        if entry[2]:
            if first.rstrip(".").replace(".", "") != first.rstrip(".").replace(".", "").upper():
                continue  # "US" is the country, "us" is not
        elif not first[0].isupper():
            continue  # names and adjectives alike (English writes "Russian" with a capital)
        end = window[-1][1]
        if text[end - 1] == "." and "." not in window[-1][2][:-1]:
            end -= 1  # a full stop, not part of an abbreviation like U.S.
        currency = bool(_CURRENCY_AFTER.match(text, end))  # "US dollars" names a currency
        return _place_hit(window[0][0], end, text[window[0][0]:end], entry[0], entry[1] or currency)
    return None


def _ru_word_matches(token: str, stem: str) -> bool:
    if not token.startswith(stem):
        return False
    return len(token) - len(stem) <= 4
