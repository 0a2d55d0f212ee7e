"""What a language module provides: words with offsets, lemmas, and the capabilities the checks ask for."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping

from .gaps import GapKind
from .negation import Negation, Polarity
from .number_context import NumberContext
from .runcuts import run_cuts, run_holding

#: What a language can provide to the checks. A rule that needs one is skipped for a language without it.
#: ``names``: places and names found and matched in its script (a gazetteer in the language, name forms);
#: ``numbers``: its number words, scale words and date formats are read; ``negation``: its negators are known.
CAPABILITIES = ("names", "numbers", "negation")
#: The ways a text of a language is searched for a name written in Latin letters (``Language.name_reading``).
NAME_READINGS = ("pinyin", "japanese", "cyrillic", "latin")

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True)
class Word:
    """A word of a text with its character offsets."""

    start: int
    end: int
    text: str


def regex_words(text: str) -> list[Word]:
    """Words of an alphabetic text: runs of letters and digits, joined by apostrophes and hyphens."""
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def _spelling_variants(word: str) -> Iterator[str]:
    """A German word as Swiss and ASCII keyboards write it, spelt back: ss as ß, ae/oe/ue as umlauts,
    and one vowel as its umlaut (Grusse -> Grüße)."""
    if not word.isascii():
        return
    bases = {word, word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")}
    if "ss" in word:
        bases |= {b.replace("ss", "ß") for b in bases}
    for b in bases:
        if b != word:
            yield b
        for i, c in enumerate(b):
            if c in _UMLAUTS:
                yield b[:i] + _UMLAUTS[c] + b[i + 1:]


_LETTERS_DE = "abcdefghijklmnopqrstuvwxyzäöüß"


def _one_typo(word: str) -> list[str]:
    """The words one keystroke away from ``word`` (a letter left out, added, changed or two swapped), the
    first letter kept: names and nouns differ there. Those a letter added or changed at one place makes are
    written as one string (a + the letters joined by rest, sep and a, + rest), all split at once."""
    head, rest = word[0], word[1:]
    n = len(rest)
    before = [head + rest[:i] for i in range(n + 1)]  # the head and the first i letters of the rest
    sep = "\n" if "\n" not in word else next(c for c in map(chr, range(1 << 20)) if c not in word + _LETTERS_DE)
    added = [a + (rest[i:] + sep + a).join(_LETTERS_DE) + rest[i:] for i, a in enumerate(before)]
    changed = [a + (rest[i + 1:] + sep + a).join(_LETTERS_DE) + rest[i + 1:] for i, a in enumerate(before[:n])]
    return ([before[i] + rest[i + 1:] for i in range(n)]  # left out
            + [before[i] + rest[i + 1] + rest[i] + rest[i + 2:] for i in range(n - 1)]  # swapped
            + sep.join(added + changed).split(sep))


@functools.lru_cache(maxsize=65536)
def _variant_known(known: Callable[[str], bool], word: str) -> bool:
    """Whether the dictionary ``known`` has ``word`` as Swiss and ASCII keyboards spell it (Grusse, anschliessend)
    or, for a word of seven letters or more, one keystroke off (Problemem): worked out once per word, as the
    name checks ask about the same capitalised words pair after pair."""
    any_known = getattr(known, "any_known", None) or (lambda words: any(map(known, words)))  # (many words faster)
    return any_known(_spelling_variants(word)) or (len(word) >= 7 and any_known(_one_typo(word)))


@dataclass(frozen=True)
class NumberWords:
    """How a language writes quantities, as data for the number reader (``check/numparse``): a language
    module's ``number_words()`` builds it on first use; the reader knows no language of its own.

    ``units`` maps every form of a number word to (value, type): "u" a unit that adds, "h" a hundred that
    multiplies what came before, "s" a scale word (tisíc, мільйон), "o" an ordinal. The patterns are regular
    expressions: ``scales`` and ``currencies`` are read after a figure (1,5 milionu; 300 тис. грн),
    ``date_context`` is (a day after a month name, a day before it, a year after it). ``decimal_comma`` and
    ``group_spaces`` (None: as CLDR says, babel, where a decimal comma goes with grouping by spaces) say whether
    "1,5" is one and a half and "1 000" a thousand."""

    units: Mapping[str, tuple[float, str]]
    scales: tuple[tuple[str, float], ...]
    percent: str
    points: str
    currencies: tuple[tuple[str, str], ...]
    times: str
    months: Mapping[str, int]
    month_anywhere: str
    month_before: str
    date_context: tuple[str, str, str]
    ordinal_suffix: str = r"(?!)"
    eras: tuple[tuple[str, tuple[str, ...]], ...] = ()
    decimal_comma: bool | None = None
    group_spaces: bool | None = None
    #: Words between the two ends of a range (až, na in "z 10 na 20 %").
    range_words: tuple[str, ...] = ()
    #: Words that join number words (two hundred *and* five, vingt *et* un), and whether hyphens do too
    #: (twenty-five, vingt-deux); without either, number words follow one another with spaces.
    joiners: tuple[str, ...] = ()
    hyphens: bool = False
    #: Articles that stand for one before the scale words ``after_article`` (a hundred, a dozen).
    articles: tuple[str, ...] = ()
    after_article: frozenset[str] = frozenset()
    #: Scale words that are a number on their own (mil personas, тысяча человек); other scale words alone
    #: are vague plurals (millions, тысячи).
    lone_scales: frozenset[str] = frozenset()
    #: Month names are capitalised (January, Januar) and matched as written; else in any case.
    months_capitalised: bool = False
    #: The month forms a day may stand before (Russian genitives: 5 марта); None: every form.
    day_month_forms: frozenset[str] | None = None
    #: Times of day written with a word (13 Uhr, 13 h 30): patterns with groups ``h`` and ``mi``, each with
    #: the words one of which a text needs for the pattern to be worth running.
    clock: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The morphemes of number words written as one word (einundzwanzig: ein, und, zwanzig), longest
    #: first, and the one that joins them without a value (und).
    morphemes: tuple[str, ...] = ()
    morpheme_joiner: str = ""
    #: What a run of number-word tokens means where the language combines them other than by adding and
    #: multiplying (quatre-vingt is 4 x 20): (the run's text, its tokens) -> tokens.
    combine: Callable[[str, list[tuple[float, str]]], list[tuple[float, str]]] | None = None
    #: Halves, fractions and multipliers written in words (``half_word``: half), as patterns: half of a
    #: scale word (``half_a``, group ``s``: half a million), a fraction (``fraction``, groups ``n``, an article or
    #: a number word of ``units``, and ``f``, a key of ``fractions``: a third, two thirds), a half alone (``half``),
    #: a multiplier (``multiplier``, group ``n``, a key of ``multipliers``: twice, tripled).
    half_word: str = ""
    half_a: str = ""
    fraction: str = ""
    half: str = ""
    multiplier: str = ""
    fractions: Mapping[str, int] = field(default_factory=dict)
    multipliers: Mapping[str, int] = field(default_factory=dict)
    #: Decades in words (the sixties) and their values.
    decade_words: Mapping[str, int] = field(default_factory=dict)
    #: Numeric dates put the month first (5/3/2021 is May 3rd in English); else the day.
    month_first: bool = False


@dataclass(frozen=True)
class Language:
    """One language as the checks see it; built by ``tqcheck.lang.get`` from the language's module.

    ``tokenize`` and ``lemmatize`` are the module's functions (jieba, Sudachi, pymorphy3, simplemma); each
    loads its library on first call. ``adjectives`` maps a lemma of a place adjective or demonym in the
    language (französisch, британский) to the gazetteer key of its place.
    """

    code: str
    name: str
    provides: frozenset[str]
    tokenize: Callable[[str], list[Word]] = regex_words
    lemmatize: Callable[[str], str] = str.lower
    adjectives: Mapping[str, str] = None  # type: ignore[assignment]
    #: Words are not separated by spaces (zh, ja): a match must fall on the word boundaries ``tokenize`` gives.
    unspaced: bool = False
    #: Person names its analyser tags (jieba's nr, Sudachi's 人名): evidence that the text names someone.
    person_names: Callable[[str], list[Word]] = lambda text: []
    #: What a capitalised word is by the language's dictionary: "person" (a given name, surname or
    #: patronymic), "place", "common" (a common noun), "other" (a word of another part of speech), or ""
    #: when the dictionary does not say (pymorphy3's tags, Sudachi's parts of speech).
    name_tag: Callable[[str], str] = lambda word: ""
    #: A declined name in its dictionary form (Кирой -> Кира, Пескова -> Песков); the word itself if unknown.
    name_form: Callable[[str], str] = lambda word: word
    #: Given names -> their usual renderings in English (Александр: Alexander, Alexandr, Aleksandr).
    given_names: Mapping[str, tuple[str, ...]] = None  # type: ignore[assignment]
    #: The language capitalises its nouns (German): a capitalised word is a name only if the dictionary
    #: knows neither it nor its last part (Lautsprecheröffnung ends in öffnung).
    capitalises_nouns: bool = False
    #: Word endings that make names as often as compounds (-berg, -mann): a word ending so may be a name.
    name_endings: frozenset[str] = frozenset()
    #: Prefixes of direction that make an adjective of a part of a place (westafrikanisch, mitteldeutsch).
    compass_prefixes: tuple[str, ...] = ()
    #: Endings of street names (-straße): a word ending so that the dictionary does not have is a name.
    street_endings: frozenset[str] = frozenset()
    #: The places a capitalised word may be the demonym of, as written in the language, likeliest first, and
    #: whether the word is the uninflected form that stands before a noun (Grazer: Graz; Münchnern: München);
    #: None where the layer does not derive them.
    demonym_places: Callable[[str], tuple[tuple[str, ...], bool]] | None = None
    #: Where a speaker is named after a verb of saying in inverted order ("…", sagt Zimmermann; so Müller): the
    #: pattern ends right before the speaker's words; None where the layer has none.
    speaker_before: re.Pattern[str] | None = None
    #: Words of the language that translations keep as they are (news agency credits: dpa, sid).
    kept_words: frozenset[str] = frozenset()
    #: Whether a lower-case word is in the language's dictionary; None where the layer has no lexicon.
    is_word: Callable[[str], bool] | None = None
    #: The dictionary is large enough (loanwords, technical words) that a word it lacks may be called
    #: foreign: only then are source words left in a translation into the language reported.
    lexicon_complete: bool = False
    #: Whether it is a word in current use (a smaller dictionary than ``is_word``'s, which also holds
    #: rare and borrowed words: que, tournois); ``is_word`` where the module gives none.
    is_current_word: Callable[[str], bool] | None = None
    #: In a language written without spaces, whether a word its tokenizer gives is one of its dictionary
    #: (jieba's); a word it is not may be a compound abbreviation (中价协, China's cost engineering association).
    in_dictionary: Callable[[str], bool] | None = None
    #: Words that refer to a country without naming it (我国 "our country", 回国 "return home"): where the
    #: source has one, a translation may name the country.
    deictic_country: re.Pattern[str] | None = None
    #: Words of opposite directions, by name of the pair ("up-down", "import-export", "buy-sell",
    #: "highest-lowest"): (the first direction, the second). TQ407 compares the pairs two languages share.
    directions: Mapping[str, tuple[re.Pattern[str], re.Pattern[str]]] = None  # type: ignore[assignment]
    #: The language's negation words; None where it has none (then no negation check runs for it).
    negation: Negation | None = None
    #: ISO 15924 code of the script the language is written in (Latn, Cyrl, Hani, Jpan); "" if unknown.
    script: str = ""
    #: Its commonest function words (articles, prepositions, conjunctions, pronouns), lower-case: what
    #: tells a clause of the language from one of another language of the same script.
    function_words: frozenset[str] = frozenset()
    #: Function words of the language that are not common words of the others of its script (not "a",
    #: "in", "de", "la"): a text in which they are frequent is in the language, and an Italian sentence
    #: never passes for English by them (TQ503).
    distinctive_words: frozenset[str] = frozenset()
    #: Its number words, scale words, months and currency words, built on first call; None where the
    #: module has none (the number reader then reads its words as English ones).
    number_words: Callable[[], NumberWords] | None = None
    #: Words the language writes around figures (approximators, range and month connectors, day and decade
    #: markers), which the number reader looks for in text of any language (``lang/number_context.py``).
    number_context: NumberContext = NumberContext()
    #: What may follow a glossary term in a word of the language (Russian case endings: Газпром-а; an
    #: English possessive 's), and whether terms keep their case (Russian: a lower-case word is another word).
    term_ending: str = r"(?:['’]s)?"
    terms_keep_case: bool = False
    #: The names a text has that its dictionary does not list, as the language's own reader finds them (Chinese
    #: transliterations 泽连斯基 and persons before a speech verb 主任王明说, Japanese names before a title 田中社長,
    #: Russian runs of capitalised words Сергей Пурясев), where ``free(start, end)`` allows: (start, end, name,
    #: kind, sure), kind "translit", "person" or "latin", a sure one an error when missing; None: no such reader.
    source_names: Callable[[str, Callable[[int, int], bool]], Iterable[tuple[int, int, str, str, bool]]] | None = None
    #: How a name written in Latin letters in a translation is looked for in a text of the language: "pinyin"
    #: (Han characters read in pinyin, transliterations by their consonants, Japanese readings), "japanese"
    #: (kanji and kana readings, katakana by consonants), "cyrillic" (romanised words and stems) or "latin" (the
    #: words as written, folded, and the language's given names).
    name_reading: str = "latin"
    #: Words by which a sentence refers back to a place named in an earlier one (its, the country, both sides):
    #: where a translation has one, a source place it does not name may be meant; None where not listed.
    place_anaphors: re.Pattern[str] | None = None
    #: Translations into the language get the full reading of their names (capitalised words no dictionary
    #: of it has, persons no analyser of the source tagged, the scars a deleted name leaves, a demonym rendered as
    #: its place): written for English, with English's word lists; other targets get names in Latin letters,
    #: katakana and names copied from the source.
    names_in_translation: bool = False
    #: pycountry's catalogue of the language's country and subdivision names (zh_CN, ja, de); "" if none.
    place_locale: str = ""
    #: Other forms a first-level subdivision's name takes in the language, given its country code and its
    #: catalogue name (广东省: 广东; 大阪: 大阪府); None where it has none.
    subdivision_forms: Callable[[str, str], tuple[str, ...]] | None = None
    #: Currency signs whose currency is the language's (¥ is the yuan in Chinese, the yen in Japanese).
    currency_signs: Mapping[str, str] = None  # type: ignore[assignment]
    #: Letters the language writes and English does not (Czech ř, ů): where given, a lone word of the
    #: language left in a translation is told from a loanword (spyware) by one of them.
    own_letters: str = ""
    #: Words that open a noun phrase (articles, demonstratives, possessives, lower-case): a capitalised
    #: word right after one, in a language that capitalises only names, stands where a noun does.
    determiners: frozenset[str] = frozenset()
    #: Endings an adjective takes before a noun (German neu-en, fertig-e): with ``determiners``, what shows that
    #: the next word heads a noun phrase (``opens_noun_phrase``).
    adjective_endings: tuple[str, ...] = ()
    #: Whether a capitalised word is by the dictionary a common noun (it has plural forms: Krankheit,
    #: Krankheiten), and whether it is a word of no capitalised class at all (its dictionary form is
    #: lower-case: Beispielsweise, Drei); None where the layer cannot tell.
    is_common_noun: Callable[[str], bool] | None = None
    is_lowercase_word: Callable[[str], bool] | None = None
    #: Whether a capitalised word is a proper name by the language's dictionary (Daniel, Hamilton): the
    #: names that Latin-script languages copy, even where a source language's dictionary also lists them.
    is_name: Callable[[str], bool] | None = None
    #: Whether a lower-case word is one of the language's as a headword or a regular form of one (mountains,
    #: websites), not only as an irregular or archaic form of another word (simplemma's English reads "boden" as
    #: a form of "bede"): what a capitalised word of another language must be to be read as this language's.
    #: ``is_word`` where the module gives none.
    is_headword: Callable[[str], bool] | None = None
    #: Capitals that the language's writers often leave without the accent its dictionary writes them with, and
    #: the letters they stand for (French Etats for États, Ecole for École): a capitalised word the dictionary
    #: lacks is looked up again with each of them.
    accented_capitals: dict[str, str] = field(default_factory=dict)
    #: Whether a lower-case word is in the language's standard dictionary alone (GCIDE for English), without
    #: the lists of current use that also hold loanwords and other languages' small words (simplemma's English
    #: has début, dos, el): what a function word or a phrase of another language must be to pass as this
    #: language's. ``is_word`` where the module gives none.
    is_standard_word: Callable[[str], bool] | None = None
    #: How common a word is in the language, as a Zipf frequency (log10 of its occurrences per billion words:
    #: "the" 7.7, "debut" 4.5, a word once in a million 3), case-folded; 0 for a word rarer than once in a
    #: million words, which the list does not hold; None where the layer has no frequency list.
    frequency: Callable[[str], float] | None = None
    #: Runs that ``tokenize`` segments each on its own (jieba: runs of Han characters, Latin letters and
    #: digits, each character between them a word): whether a span is made of whole words is then read
    #: from the runs it touches alone, not from the whole text. None: the text is one run.
    runs: re.Pattern[str] | None = None
    #: Offsets of one of the ``runs`` where its words start or end, found for less than its words: every one (True),
    #: or some surely so, for less again (False). None: its words are made.
    run_bounds: Callable[[str, bool], frozenset[int]] | None = None
    #: The proper nouns its analyser reads in a text that a translation writes by their sound (people and
    #: places, as (start, end, text, reading in kana)); None where the language has no such analyser.
    read_names: Callable[[str], list[tuple[int, int, str, str]]] | None = None
    #: The sentences that cannot stand as written around a lost word (TQ108), built on first call; None
    #: where the language has none.
    silent_gaps: Callable[[], tuple[GapKind, ...]] | None = None
    #: What a name deleted from a sentence of the language leaves behind (a preposition with no object):
    #: (start, end, text, reason) of each in a text; None where the language has no such reading.
    name_scars: Callable[[str], list[tuple[int, int, str, str]]] | None = None

    def __post_init__(self) -> None:
        unknown = set(self.provides) - set(CAPABILITIES)
        if unknown:
            raise ValueError(f"language {self.code}: unknown capabilities {sorted(unknown)}")
        if self.name_reading not in NAME_READINGS:
            raise ValueError(f"language {self.code}: unknown name reading {self.name_reading!r}; one of {NAME_READINGS}")
        if self.adjectives is None:
            object.__setattr__(self, "adjectives", {})
        if self.given_names is None:
            object.__setattr__(self, "given_names", {})
        if self.currency_signs is None:
            object.__setattr__(self, "currency_signs", {})
        if self.directions is None:
            object.__setattr__(self, "directions", {})
        if self.is_current_word is None and self.is_word is not None:
            object.__setattr__(self, "is_current_word", self.is_word)
        if self.is_headword is None and self.is_word is not None:
            object.__setattr__(self, "is_headword", self.is_word)
        if self.is_standard_word is None and self.is_word is not None:
            object.__setattr__(self, "is_standard_word", self.is_word)
        if self.negation is not None and "negation" not in self.provides:
            object.__setattr__(self, "provides", self.provides | {"negation"})

    def may_be_name(self, word: str) -> bool:
        """Whether a capitalised word may be a name rather than a word of the language's dictionary (a
        language without a dictionary cannot tell: every word may be)."""
        known = self.is_word
        if known is None:
            return True
        if known(word) or known(word.lower()):
            return False
        if word[:1] in self.accented_capitals and any(
                known(a + word[1:]) or known((a + word[1:]).lower()) for a in self.accented_capitals[word[:1]]):
            return False  # Etats, Emirats: États, Émirats written without the capital's accent
        if self.capitalises_nouns:
            parts = word.split("-")
            tail = parts[-1]
            if any(known(p) or known(p.lower()) for p in parts if len(p) >= 3) and len(parts) > 1:
                return False  # Röhren-Sound, Corona-Krise
            # a head of 3 letters or more and a known tail of 4 or more, or a prefix of 2 letters before
            # a long one (Reelektrifizierung)
            for k in range(2, len(tail) - 3):
                rest = tail[k:]
                if rest.lower() in self.street_endings:
                    # a street the dictionary does not have (Aidenbachstraße, Talstraße, Bahnhofstraße), whatever
                    # its head: the compounds that are common nouns (Hauptstraße, Seitenstraße) it has
                    return True
                if rest.lower() in self.name_endings:
                    break  # Thunberg, Colbert, Hoffmann: endings of names as much as of compounds
                if k == 2 and len(rest) < 8:
                    continue
                if known(rest.capitalize()) or known(rest):
                    return False  # a compound of known words: Detailbewertungen, Motorstrom
            if _variant_known(known, word):
                return False  # Grusse (Grüße), Problemem (Problemen): a noun spelt otherwise or mistyped
        return True

    def supports(self, capability: str) -> bool:
        return capability in self.provides

    @property
    def latin_is_foreign(self) -> bool:
        """Written in another script than Latin, with its names read by the layer (zh, ja, ru): a word in Latin
        letters in its text is a name or a code kept as written (Apple, iPhone, COVID-19)."""
        return self.script not in ("", "Latn") and "names" in self.provides

    def opens_noun_phrase(self, word: str) -> bool:
        """Whether a lower-case word makes the word after it the head of a noun phrase: one of the language's
        determiners (der, einen), or an adjective inflected with one of ``adjective_endings`` (neu-en,
        fertig-e), a superlative too (höchster, größten); not a function word nor a verb (sagte: sagen)."""
        if word in self.determiners:
            return True
        endings = self.adjective_endings
        if not endings or word in self.function_words or self.is_word is None or not self.is_word(word):
            return False
        base = self.lemma(word)
        return base != word and (any(word == base + e for e in endings)
                                 or any(word.endswith("st" + e) for e in endings))

    def may_open_sentence(self, word: str) -> bool:
        """Whether a capitalised word inside a sentence may be the first word of another sentence run into
        it (a headline with no final stop before the next sentence): in a language that capitalises its
        nouns only a word whose dictionary form is lower-case (Streng, Wie; not Christkind, Nikolaus, nor
        an unknown name); in the others any."""
        if not self.capitalises_nouns:
            return True
        return self.lemmatize(word)[:1].islower()

    def polarity(self, text: str) -> Polarity | None:
        """Whether ``text`` is negated, and where its first explicit negator is; None without a table. Any
        trace of a negator counts as negation (无 in 无意), so that none is reported as added by mistake; in a
        language written without spaces an explicit negator must be a word of its own (不 in 不容易, not in
        不错), so that none is reported as dropped by mistake."""
        table = self.negation
        if table is None:
            return None
        # blanked to the same length, so that offsets still point into the text
        low = text.lower()
        blank = not table.marks or any(map(low.__contains__, table.marks))
        plain = table.not_negation.sub(lambda m: " " * len(m.group()), text) if table.not_negation and blank and (
            table.not_negation_marks is None or table.not_negation_marks.search(low)) else text
        weak = blank and (table.weak_marks is None or table.weak_marks.search(low) is not None)

        def words(pattern: re.Pattern[str], plain: str) -> Iterator[re.Match[str]]:
            for m in pattern.finditer(plain):
                if not self.unspaced or self.on_word_boundaries(text, m.start(), m.end(), prefix_ok=False):
                    yield m

        # (the blanking makes no negator: every phrase it blanks holds one)
        def explicit() -> tuple[int, int] | None:
            if not table.may_be_explicit(text, low):
                return None
            strong = table.weak.sub(lambda m: " " * len(m.group()), plain) if weak and table.weak else plain
            first = next(words(table.explicit, strong), None)
            return first.span() if first else None

        def implied() -> bool:
            return ((table.any is not table.explicit or table.may_be_explicit(text, low))
                    and table.any.search(plain) is not None) or bool(
                table.implied and table.implied(plain)) or bool(table.affixed and table.affixed(plain))

        return Polarity(explicit, implied, self.unspaced)

    def lemma(self, word: str) -> str:
        """The word's dictionary form, lower-cased (Frankreichs -> frankreich, Вены -> вена)."""
        return _lemma(self.lemmatize, word)

    def bounds(self, text: str) -> tuple[frozenset[int], frozenset[int]]:
        """Offsets where the words of ``text`` start and end."""
        return _bounds(self.tokenize, text)

    def on_word_boundaries(self, text: str, start: int, end: int, prefix_ok: bool = True) -> bool:
        """Whether text[start:end] is made of whole words: it starts where a word starts and ends where a
        word ends, or (``prefix_ok``) it begins a longer word (中国人, 日本側). 发展中国家 does not contain
        中国, nor ビーチリゾート チリ, nor 11日中午 日中."""
        run = run_holding(self.runs, text, start, end) if self.runs is not None else None
        if run is not None and self.run_bounds is not None:  # in one run, read from its bounds, not its words
            first, block = run[0], text[run[0]:run[1]]
            if {start - first, end - first} <= self.run_bounds(block, False):
                return True
            # (start < end: start is not the run's end, nor end its start) its bounds are its words' starts and ends
            starts = ends = frozenset(b + first for b in self.run_bounds(block, True))
        else:
            starts, ends = self.bounds(text) if self.runs is None else self._bounds_around(text, start, end)
        if start not in starts:
            return False
        if end in ends:
            return True
        # a Han prefix is a compound's first part (中国人); a kana one is part of another word (タイム)
        return prefix_ok and not any(start < s < end for s in starts) and _HAN.fullmatch(text[start:end]) is not None

    def _bounds_around(self, text: str, start: int, end: int) -> tuple[frozenset[int], frozenset[int]]:
        """``bounds`` of the runs from the one holding ``start`` to the one holding ``end``: the same
        offsets as the whole text's in that stretch, for a fraction of the segmentation."""
        assert self.runs is not None
        if end <= start:  # (an empty span's end is the end of a word of the run before it)
            return self.bounds(text)
        cuts = run_cuts(self.runs, text)
        first = cuts[bisect.bisect_right(cuts, start) - 1]
        last = cuts[bisect.bisect_right(cuts, end - 1)] if end <= len(text) else len(text)
        if first == 0 and last == len(text):
            return self.bounds(text)
        starts, ends = self.bounds(text[first:last])
        return frozenset(x + first for x in starts), frozenset(x + first for x in ends)


@functools.lru_cache(maxsize=65536)
def _lemma(func: Callable[[str], str], word: str) -> str:
    return func(word).lower()


@functools.lru_cache(maxsize=4096)
def _bounds(func: Callable[[str], list[Word]], text: str) -> tuple[frozenset[int], frozenset[int]]:
    words = func(text)
    return frozenset(w.start for w in words), frozenset(w.end for w in words)
