"""English: simplemma lemmas; names (the gazetteer's English names and demonyms), number words, negation."""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

from ._libs import _simplemma, simplemma_lemmatizer, simplemma_lexicon, wordfreq_zipf
from .base import Language, Negation, NumberWords
from .gaps import GapKind
from .number_context import NumberContext


@functools.lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Lower-case English dictionary words (GCIDE headwords, from the english-words package)."""
    try:
        from english_words import get_english_words_set  # type: ignore[import-untyped]

        return frozenset(get_english_words_set(["gcide"], alpha=True, lower=True))
    except Exception:  # pragma: no cover - the package is a dependency; degrade to no lexicon
        return frozenset()


_known_to_simplemma = simplemma_lexicon("en")


@functools.lru_cache(maxsize=1)
def _web2() -> frozenset[str]:
    """Webster's Second (the english-words package's web2 list), with its capitals: its proper names
    (Daniel, Hamilton, Elisabeth) are the entries it writes only with a capital."""
    try:
        from english_words import get_english_words_set

        return frozenset(get_english_words_set(["web2"], alpha=True, lower=False))
    except Exception:  # pragma: no cover - the package is a dependency; degrade to no names
        return frozenset()


@functools.lru_cache(maxsize=65536)
def is_name(word: str) -> bool:
    """Whether a capitalised word is a proper name by the dictionary: Webster's Second has it only
    capitalised (Daniel, Hamilton, Elisabeth; not Green, Bush, Chase, which are words too)."""
    if not word[:1].isupper() or word.isupper():
        return False
    return word in _web2() and word.lower() not in _web2()


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("es", ""), ("s", ""), ("ed", ""),
             ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("er", "e"), ("est", ""),
             ("ness", ""), ("ment", ""), ("ers", ""), ("ians", "ia"), ("ian", "ia"), ("n", ""))


def is_word(word: str) -> bool:
    """Whether a lower-case word is English: in GCIDE, or in simplemma's current dictionary (website,
    carport, showdown, which GCIDE is too old to have)."""
    return in_gcide(word) or _known_to_simplemma(word)


@functools.lru_cache(maxsize=65536)
def in_gcide(word: str) -> bool:
    """Whether a lower-case word is a GCIDE headword, directly or through a regular ending. The names
    checks use this dictionary alone: simplemma's also holds names (Stanley)."""
    lex = _lexicon()
    return word in lex or any(stem in lex or bool(undoubled) and undoubled in lex for stem, undoubled in _stems(word, _SUFFIXES))


def _stems(word: str, suffixes: tuple[tuple[str, str], ...]) -> Iterator[tuple[str, str]]:
    """What each regular ending of ``suffixes`` leaves of ``word`` (a stem of three letters or more), and that
    stem with a doubled last consonant undone (stopped: stopp, stop; "" where there is none)."""
    for suffix, repl in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + repl
            yield stem, stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else ""


def _simplemma_headword(word: str) -> bool:
    """Whether simplemma's English dictionary has ``word`` as its own lemma, or as a name's (wagner: Wagner)."""
    lemma = _simplemma()[1].get_lemma(word, "en")
    return lemma is not None and str(lemma).lower() == word


#: The regular endings a headword's forms take: not a bare -n (bode-n), which GCIDE's loose reading allows.
_HEADWORD_SUFFIXES = tuple((suffix, repl) for suffix, repl in _SUFFIXES if suffix != "n")


@functools.lru_cache(maxsize=65536)
def is_headword(word: str) -> bool:
    """Whether a lower-case word is English as a headword (GCIDE's, or its own lemma in simplemma's dictionary:
    website) or a regular form of one (mountains, websites); not a word English has only as an irregular or
    archaic form of another (boden, simplemma's form of bede), nor one read off a doubtful ending (bode-n)."""
    lex = _lexicon()
    return word in lex or _simplemma_headword(word) or any(
        stem in lex or _simplemma_headword(stem) or bool(undoubled) and undoubled in lex
        for stem, undoubled in _stems(word, _HEADWORD_SUFFIXES))


_APOS = "['’]"
#: Negation implied by a word: enough to account for a source negator, never reported as added.
_IMPLIED = re.compile(
    r"\b(?:unable|fail(?:s|ed|ing|ure)?|lack(?:s|ed|ing)?|refus(?:e|es|ed|ing|al)|den(?:y|ies|ied|ial)|"
    r"absen(?:t|ce)|free|avoid\w*|prevent\w*|stop\w*|ban(?:s|ned)?|prohibit\w*|halt\w*|oppos\w*|reject\w*|"
    r"less|rarely|seldom|hardly|barely|poor\w*|bad\w*|insufficient\w*|few|little|only|instead|"
    r"still|yet|remain\w*|pending|ongoing)\b",  # 尚未/余波未平 "still", "remains"
    re.I,
)
#: Negation by affixes: unfriendly, nonviolent, asymptomatic, endless (the stem must be a word itself).
_AFFIX = re.compile(r"\b(?:un|non-?|dis|in|im|ir|il)([a-z]{4,})\b|\b([a-z]{3,})less(?:ly|ness)?\b|"
                    r"\ba(symptomatic|typical|political|moral|sexual)\b", re.I)


def _implied(text: str) -> bool:
    if _IMPLIED.search(text):
        return True
    return any(m.group(3) or is_word((m.group(1) or m.group(2)).lower()) for m in _AFFIX.finditer(text))


# (every negator starts with n, w or c: the pattern opens on that letter, in both cases and outside the ignored
# case, so that the regex engine skips to those letters in its own loop (four times as fast as a look-ahead); the
# word boundary before it, and which letter it was, are looked at behind it)
_EXPLICIT = re.compile(r"(?-i:[nNwWcC])(?:(?<!\w.)(?:(?<=n)(?:ot|o(?!\.?\s*\d)|ever|one|obody|othing|owhere|either|or)|"
                       rf"(?<=w)ithout|(?<=c)annot)\b|(?<=n){_APOS}t\b)", re.I)
#: Negators: explicit ones (reported when added), words that contain one without negating, and negation a
#: word or an affix implies (failed, lack, unfriendly: enough to account for a source negator).
NEGATION = Negation(
    any=_EXPLICIT,
    explicit=_EXPLICIT,
    # (every match starts with n or a space: the look-ahead lets the regex engine skip the rest)
    not_negation=re.compile(r"(?=[n ])(?:\b(?:not only|not just|not least|no doubt|no matter|nothing but|"
                            r"no longer than|none other than)\b|"
                            r"(?-i:(?<=[A-Z][a-z]) no (?=[A-Z])))", re.I),  # Ai no Bushotai
    implied=_implied,
    # litotes and set phrases a translation may or may not carry over ("not bad" for 还好 or for 悪くない)
    # (every match starts with n, w, o, a comma or a capital: the look-ahead lets the regex engine skip the rest)
    weak=re.compile(r"(?=[nwo,]|(?-i:[A-Z]))(?:\b(?:not long (?:after|before|ago)|(?:whether )?or not|not (?:so |too |that )?bad)\b|n[’']t (?:just|only)\b|"
                    r"\bno\.(?= (?:is|was|#|\d))|"
                    r"\bwithout\b|\bwhy not\b|(?:^|(?<=[.!?…\"“]\s)|(?<=\.\.\.)|(?<=…))no(?=\s*[,!.…])|\bnowhere (?:more|else|near)\b|"  # 税抜 "without tax"; an answer's "No,"
                    r",\s*(?:is|are|was|were|do|does|did|have|has|can|could|would|will|should)n[’']t (?:it|they|you|we|he|"
                    r"she|there|i|that)(?=\s*[?.!])|"  # tag questions: "pretty versatile, aren't they?"
                    r"(?-i:\b[A-Z][a-z]+ no [A-Z][a-z]+))", re.I),  # Kimetsu no Yaiba
    # what every match of the two above contains (n, o, t, h and u match no other letters when the case is
    # ignored, unlike i in "without", which also matches a dotless ı)
    marks=("no", "n't", "n’t", "hout"),
    # and each its own: "not only", "no doubt", "nothing but", "none other than", "Ai no Bushotai"; "not bad",
    # "n't just", "without", "No," and "no." (n, o, t, h, u and w match no other letters when the case is ignored;
    # the blanking of the first leaves no "no" before a space it made: it blanks from a word's start)
    not_negation_marks=re.compile(r"not |no |nothing|none"),
    weak_marks=re.compile(r"not|n['’]t|hout|no(?:[\s,!.…]|where)"),
    # what every match of _EXPLICIT is (a whole word) or holds; every phrase the two above blank holds one too
    explicit_words=frozenset("not no never none nobody nothing nowhere neither nor without cannot".split()),
    explicit_marks=("n't", "n’t"),
)

def _words(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b", re.I)


#: Opposite directions (TQ407). Bare "up" and "down" are left out on purpose: phrasal verbs (set up, step
#: down) use them without any direction.
DIRECTIONS = {
    "up-down": (_words(r"increas\w*|ris(?:e|es|en|ing)|rose|grow\w*|grew|climb\w*|jump\w*|gain\w*|higher|"
                       r"expand\w*|boost\w*|surg\w*|soar\w*"),
                _words(r"decreas\w*|fall\w*|fell|drop\w*|declin\w*|lower\w*|reduc\w*|shrink\w*|shrank|slump\w*|"
                       r"plung\w*|sank|sink\w*")),
    "import-export": (_words(r"import\w*"), _words(r"export\w*")),
    "buy-sell": (_words(r"buy\w*|bought|purchas\w*|acquir\w*"), _words(r"sell\w*|sold|sales?")),
    "highest-lowest": (_words(r"highest|most|largest|biggest|maximum|greatest"),
                       _words(r"lowest|least|smallest|minimum|fewest")),
}

#: Words that refer to a country without naming it (我国 "our country", 国内 "domestic").
DEICTIC_COUNTRY = re.compile(r"\b(?:our|the|this|that|their|its|whole|home) (?:country|nation)\b|"
                             r"\b(?:national(?:ly)?|nationwide|domestic(?:ally)?|homeland)\b", re.I)

#: Function words: what tells a clause in this language from one in another language of its script.
FUNCTION_WORDS = frozenset("""
    the of and to in is that for it was with as on by at from be has have are this which not will were its
    a i their his he she they we but or would been also who an you your our them than there these those what when where
    while if into about after over unless because so such can could should may might must does did had him her
    us me my i'm it's don't isn't""".split())

#: Words that open a noun phrase: a capitalised word right after one stands where a noun does.
DETERMINERS = frozenset("""
    the a an this that these those its his her their our my your some any every each another such""".split())


@functools.lru_cache(maxsize=1)
def _silent_gaps() -> tuple[GapKind, ...]:
    from .en_gaps import GAPS  # (loaded on first use; the import statement is not run again for every pair)

    return GAPS


#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset(("the of and to is that for it was with by from be has have are this which said "
                    "not will were its their his he she they we but or would been also who").split())


def _number_words() -> "NumberWords":
    from .en_numbers import number_words

    return number_words()


@functools.lru_cache(maxsize=1)
def _scar_reader() -> Callable[[str], list[tuple[int, int, str, str]]]:
    from .en_scars import name_scars  # (loaded on first use, once)

    return name_scars


def _name_scars(text: str) -> list[tuple[int, int, str, str]]:
    return _scar_reader()(text)


#: Words by which a sentence may refer back to a place named in an earlier one ("its sudden announcement").
PLACE_ANAPHORS = re.compile(r"\b(?:[Ii]ts?|[Tt]heirs?|[Tt]hey|[Tt]hem|(?:[Tt]he|[Tt]his|[Tt]hat) (?:country|nation|city|region)|"
                      r"(?:[Tt]he two|[Bb]oth) (?:countries|sides|nations)|[Tt]he two sides|[Ee]ach other|"
                      r"[Tt]he (?:latter|former))\b")


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("about", "around", "approximately", r"approx\.", "roughly", "nearly", "almost", "some", r"close\s+to",
                   r"an\s+estimated", "estimated", "circa", r"ca\."),
    approximators_after=(r"or\s+so\b",),
    range_joiners=("to", "and", "or"),
    month_connectors=("to", "through", "and", "until", "till", "or"),
    day_suffixes=("st", "nd", "rd", "th"),
    day_followers=("in", "of", "at", "and", "this", "last", "next", "respectively"),
    decade_suffixes=(r"s\b", r"’s\b", r"'s\b"),
    period_prefixes=("mid", "pre", "post", "early", "late", "end"),
    glued_units=("mph", "kph"),
    glued_scales=(("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("k", 1e3)),
    glued_scales_after_currency=("m", "k"),
    glued_percent=("pc",),
    glued_times=("am", "pm"),
)


LANGUAGE = Language("en", "English", frozenset({"names", "numbers"}), frequency=wordfreq_zipf("en"),
                    lemmatize=simplemma_lemmatizer("en"),
                    function_words=FUNCTION_WORDS, script="Latn", negation=NEGATION, is_word=is_word,
                    is_current_word=_known_to_simplemma, lexicon_complete=True, directions=DIRECTIONS,
                    deictic_country=DEICTIC_COUNTRY, determiners=DETERMINERS, is_name=is_name, is_headword=is_headword,
                    is_standard_word=in_gcide,
                    silent_gaps=_silent_gaps,
                    number_words=_number_words, distinctive_words=DISTINCTIVE_WORDS, name_scars=_name_scars,
                    place_anaphors=PLACE_ANAPHORS, names_in_translation=True, number_context=NUMBER_CONTEXT)
