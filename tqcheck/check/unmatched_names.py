"""TQ306: a name in the translation that nothing in the source accounts for, in a language pair the name
analysis (TQ301-TQ304: gazetteer, name matching) does not cover yet (Czech, Ukrainian)."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .. import lang as language
from ..types import Pair, Severity, Span
from .gazetteer_build import get_gazetteer
from .registry import CheckContext, Hit, rule
from .translit import cyrillic_to_latin, fold, latin_skeleton, latin_skeletons, russian_stem, similarity, skeletons_match

#: A word of the Latin or the Cyrillic script, three letters or more (capitalised ones are names' candidates).
_LETTERS = re.compile(r"(?<![\w'’-])[^\W\d_]{3,}(?![\w'’-])")
#: Any word of the source (names are compared with every one: a Czech or Ukrainian name may be inflected,
#: and a place may be named by its adjective, 'український').
_WORD = re.compile(r"[^\W\d_]+")
#: What comes before a word that opens a sentence, a heading, a quotation or a bracket.
_OPENS = re.compile(r"(?:^|[.!?…:;\"“”„«»()\[\]–—-])[\s\"“”„«»'‘’(\[]*$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: A word is copied or inflected from a source word it shares its first letters with, this many at least
#: (Ted, Tedem; Peňová, Peña) and four where both are longer (Babiš, Babišovi) ...
_SHARED_PREFIX = 3
#: ... or transliterated from one this close, once both are romanised and folded (Роджерс rodjers, Rogers).
_FOLD_SIMILARITY = 0.7
#: Ukrainian г is an h (Ігор Ihor, Гора Hora), and у before a vowel an English w (Уолт Walt).
_UK_VARIANTS = ((re.compile(r"г", re.I), "х"), (re.compile(r"^у(?=[аоеиі])", re.I), "в"))


@functools.lru_cache(maxsize=65536)
def _romanised(word: str) -> frozenset[str]:
    """A Cyrillic word and its stem without a case ending, romanised, with the Ukrainian readings."""
    forms = {word, russian_stem(word)}
    for pattern, repl in _UK_VARIANTS:
        forms |= {pattern.sub(repl, f) for f in forms}
    return frozenset(cyrillic_to_latin(f) for f in forms)


@functools.lru_cache(maxsize=65536)
def _folds(word: str) -> frozenset[str]:
    """A word romanised and folded."""
    if _CYRILLIC.search(word):
        return frozenset(fold(f) for f in _romanised(word))
    return frozenset({fold(word)})


@functools.lru_cache(maxsize=65536)
def _skeletons(word: str) -> frozenset[str]:
    """A word's consonant skeletons (romanised)."""
    if _CYRILLIC.search(word):
        return frozenset(latin_skeleton(f) for f in _romanised(word))
    return frozenset(latin_skeletons(word))


def _source_words(source: str) -> list[str]:
    return [w for w in _WORD.findall(source) if len(w) >= 2]


@functools.lru_cache(maxsize=1024)
def _source_folds(source: str) -> tuple[str, frozenset[str]]:
    """The source's words folded, joined by spaces (for parts of compounds: českobudějovické), and each folded
    word."""
    folds: set[str] = set()
    for w in _source_words(source):
        folds |= _folds(w)
    return " ".join(sorted(folds)), frozenset(folds)


@functools.lru_cache(maxsize=1024)
def _source_skeletons(source: str) -> frozenset[str]:
    """The consonant skeletons of the source's words (worked out only for a name its folded words do not
    account for: they cost more)."""
    skeletons: set[str] = set()
    for w in _source_words(source):
        skeletons |= _skeletons(w)
    return frozenset(skeletons)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _accounted_for(word: str, source: str) -> bool:
    """Whether a source word is this name, copied (Paypal), inflected (Tedem, Peňová), part of a compound
    (Uherskohradišťsku) or transliterated (Єрмак Yermak, Роджерс Rogers): romanised and folded, they share
    their first letters, or one holds the other's stem, or they are close; or their consonant skeletons are."""
    joined, folds = _source_folds(source)
    mine = _folds(word)
    for a in mine:
        if len(a) >= 6 and a[:len(a) - 2] in joined:
            return True
        for b in folds:
            if _shared_prefix(a, b) >= max(_SHARED_PREFIX, min(4, len(a) - 1, len(b) - 1)) or similarity(
                    a, b) >= _FOLD_SIMILARITY:
                return True
    skeletons = _source_skeletons(source)
    return any(skeletons_match(a, b) for a in _skeletons(word) for b in skeletons)


@rule("TQ306", "name-unaccounted", Severity.WARNING, "Accuracy/Mistranslation/Entity")
def name_unaccounted(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A name in the translation that no word of the source accounts for, where the name rules cannot run.

    What it catches: in a language pair the name analysis does not cover yet (Czech or Ukrainian on
    either side: TQ301-TQ304 are skipped), a capitalised word inside a sentence of the translation that
    the translation's dictionary does not know (a name), that is no known place, and that no source word
    accounts for: none copied or inflected from it (Paypal, Paypalu) and none transliterated from it
    (Єрмак, Yermak; Harrington, Харрингтон).

    Why it matters: a name the source does not have puts a false fact in the story (a person, a church,
    a country), and without the name rules nothing else notices it.

    Example: "pokřtěn v pravoslavné církvi" -> "baptized in the Harrington Church". Names opening a
    sentence or a quotation are left alone (the dictionary cannot tell them from other words there).
    """
    if language.supports(ctx.src_lang, "names") and language.supports(ctx.tgt_lang, "names"):
        return  # TQ302 covers the pair
    if not pair.src_segments or not pair.tgt_segments:
        return
    gaz = get_gazetteer()
    target = pair.target
    words = language.get(ctx.tgt_lang)
    for m in _LETTERS.finditer(target):
        word = m.group()
        if not word[0].isupper() or sum(c.isupper() for c in word) > 1 or _OPENS.search(target, 0, m.start()):
            continue
        if not words.may_be_name(word) or gaz.find(word, ctx.tgt_lang):
            continue
        lemma = words.lemma(word)
        if lemma != word.lower() and words.is_word is not None and words.is_word(lemma):
            continue  # a form of a dictionary word the dictionary lacks (Odhlášení, of odhlásit)
        if _accounted_for(word, pair.source):
            continue
        yield Hit(f"name {word!r} in the translation has no counterpart in the source",
                  Span("target", m.start(), m.end()), {"name": word})
