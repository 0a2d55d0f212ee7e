"""TQ5xx: source-language text left in the translation, a copied source, a translation in the
wrong language."""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

from .. import lang
from ..types import Pair, Severity, Span
from .leftwords import (
    _OPENS, QUOTED, alone, bare, capitalised_left, moved_noun, prefixed_noun, source_places_left, titles
)
from .numparse import number_word_forms
from .registry import CheckContext, Hit, rule

#: Letters of each script, and the shortest run of them that counts as left-over text
#: (one Chinese character is a word: 史, 元, 数 left in English are untranslated words).
SCRIPTS: dict[str, tuple[str, int]] = {
    "Han": (r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", 1),
    "Kana": (r"[\u3040-\u30ff\u31f0-\u31ff]", 2),
    "Hangul": (r"[\uac00-\ud7af\u1100-\u11ff]", 2),
    "Cyrillic": (r"[\u0400-\u04ff]", 3),
    "Arabic": (r"[\u0600-\u06ff\u0750-\u077f]", 3),
    "Greek": (r"[\u0370-\u03ff]", 3),
    "Hebrew": (r"[\u0590-\u05ff]", 3),
}
#: The letters above that each writing system (ISO 15924, as ``tqcheck.lang.script`` gives a language's) uses.
SCRIPT_LETTERS: dict[str, tuple[str, ...]] = {
    "Hani": ("Han",), "Hans": ("Han",), "Hant": ("Han",),
    "Jpan": ("Han", "Kana"),
    "Kore": ("Hangul", "Han"),
    "Cyrl": ("Cyrillic",), "Arab": ("Arabic",), "Grek": ("Greek",), "Hebr": ("Hebrew",),
}


def lang_scripts(code: str) -> tuple[str, ...]:
    """The letters TQ501 looks for in a translation from language ``code`` (none for a Latin-script one)."""
    return SCRIPT_LETTERS.get(lang.script(code), ())

_RUNS: dict[str, re.Pattern[str]] = {}
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|de|fr|es|ru|html?)\b\S*")
#: What every match of _URL holds (its second branch tries every position of a text: it is run only where this is)
_URL_MARK = re.compile(r"://|www\.|\.(?:com|org|net|de|fr|es|ru|html?)\b")
#: Han characters used as punctuation (丨 as a vertical bar in headlines).
_SEPARATOR_LETTERS = frozenset("丨")
_LETTER_OF = {name: re.compile(pattern) for name, (pattern, _) in SCRIPTS.items()}


def _run_pattern(scripts: tuple[str, ...]) -> re.Pattern[str]:
    key = "+".join(scripts)
    if key not in _RUNS:
        letters = "|".join(SCRIPTS[s][0] for s in scripts)
        # A run of script letters, allowing spaces and in-word marks between them.
        _RUNS[key] = re.compile(rf"(?:{letters})(?:(?:{letters})|[\s·・ー'’-](?={letters}))*")
    return _RUNS[key]


@rule("TQ501", "untranslated-text", Severity.ERROR, "Accuracy/Untranslated")
def untranslated_text(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Source text left untranslated in the translation.

    What it catches: runs of the source language's script (Chinese characters, kana, Hangul,
    Cyrillic, Arabic, ...) inside a translation into a language written in another script.

    Why it matters: the reader cannot read it, and what it said is missing from the translation.

    Example: 码头改造 -> "the 码头 reconstruction", or "the пассажирский терминал will open".
    A single Chinese character counts (it is a word); kana and Hangul need two letters, Cyrillic,
    Greek, Arabic and Hebrew three. Between languages of one script, a lower-case source word that
    the translation's dictionary does not know ("companies plötzlich applied", into English), and as
    warnings a small word or two-word phrase of the source ("just dos weeks", "Au début, when"), a word of
    both dictionaries that is common in the source language and rare in the target's ("saw this from loin"), and a
    German noun where English puts a noun ("the Boden", "this Zeitpunkt", "the Fleisch industry",
    "the Aidenbachstraße U-Bahnhof"); from a Latin-script language into another script, a run of
    three source words or more, two of them ordinary words ("当地渔民曾抗议该项目，fearing the loss of their moorings"). Names, quoted titles,
    hashtags, addresses and agency credits (dpa) are not untranslated text.
    """
    src_scripts = lang_scripts(ctx.src_lang)
    if not src_scripts:
        hits = [*_source_words_left(pair, ctx), *_source_phrase_left(pair, ctx), *_latin_clause_left(pair, ctx),
                *_copied_clause_left(pair, ctx)]
        # a word told by its frequency alone is not reported again inside a phrase or clause found otherwise
        # ("Au début" holds début)
        yield from (h for h in hits if not (h.evidence.get("kind") == "common-source-word" and h.span and any(
            o is not h and o.span and o.span.start <= h.span.start and h.span.end <= o.span.end for o in hits)))
        return
    if set(src_scripts) & set(lang_scripts(ctx.tgt_lang)):
        yield from _copied_clause_left(pair, ctx)
        return
    if pair.target.isascii():
        return  # no script of SCRIPTS has an ASCII letter
    pattern = _run_pattern(src_scripts)
    urls = [u.span() for u in _URL.finditer(pair.target)] if "://" in pair.target or "www." in pair.target else []
    for m in pattern.finditer(pair.target):
        if any(s <= m.start() < e for s, e in urls):
            continue  # https://премияарсеньева.рф/: an address is copied, not translated
        letters = sum(1 for c in m.group() if c.isalpha() and c not in _SEPARATOR_LETTERS)
        # The run's own scripts set the bar: one Han character, but three Cyrillic letters.
        shortest = min(SCRIPTS[s][1] for s in src_scripts if _LETTER_OF[s].search(m.group()))
        if letters >= shortest:
            yield Hit(
                f"untranslated {ctx.src_lang} text {m.group()!r}",
                Span("target", m.start(), m.end()),
                {"text": m.group()},
            )


_WORD_AT = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


#: Any text: matched between two offsets, the match of what stands there (of a word without its clitic), with no
#: pattern compiled for the word.
_SPAN = re.compile(r".*", re.DOTALL)


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> tuple[str, ...]:
    """The words (_WORD_AT) of a text, read once for the parts of TQ501 that each look at them."""
    return tuple(_WORD_AT.findall(text))


@functools.lru_cache(maxsize=4)
def _word_matches(text: str) -> tuple[re.Match[str], ...]:
    """``_words_of`` with their places in the text."""
    return tuple(_WORD_AT.finditer(text))


def _source_words_left(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Between two languages of one script (de -> en): a word of the source left as it is, that the
    target language's dictionary does not know ("the companies plötzlich applied", "could nicht be met"), or
    knows but that is common in the source language and rare in the target's (a warning: "from loin").
    Names are not words left untranslated: only lower-case words are looked at, and none next to a
    capitalised word (de in "Charles de Gaulle")."""
    src_lang, tgt_lang = lang.get(ctx.src_lang), lang.get(ctx.tgt_lang)
    if not tgt_lang.lexicon_complete or not _same_script(src_lang, tgt_lang):
        return
    found = _words_of(pair.source)
    source_words = set(map(str.casefold, found))  # each word, and without its clitic (bare: only with an apostrophe)
    if "'" in pair.source or "’" in pair.source:
        source_words.update(bare(w, src_lang).casefold() for w in found if "'" in w or "’" in w)
    words = list(_word_matches(pair.target))
    quoted = titles(pair.target, words, source_words)
    urls = [u.span() for u in _URL.finditer(pair.target)] if _URL_MARK.search(pair.target) else []
    closed = _closed_class(src_lang.code, tgt_lang.code)
    for k, m in enumerate(words):
        w = m.group()
        if "'" in w or "’" in w:  # (bare() leaves a word without an apostrophe as it is)
            w = bare(w, src_lang)
            if w != m.group():  # L'humidité, sismo's, pouvaisn't: the word without its clitic
                at = m.start() + m.group().index(w)
                m = words[k] = _SPAN.match(pair.target, at, at + len(w))  # type: ignore[assignment]
        low = w.casefold()
        if not w[:1].isupper():
            if low not in source_words:
                continue  # (what the last test below says of a word that does not start with a capital)
        elif _inflected_noun(w, low, src_lang, tgt_lang, source_words) and alone(
                pair.target, words, k, quoted, source_words):
            yield Hit(f"{ctx.src_lang} word {w!r} left untranslated", Span("target", m.start(), m.end()),
                      {"text": w, "kind": "source-noun"})
            continue
        kind = capitalised_left(pair.target, words, k, quoted, src_lang, tgt_lang, source_words, pair.source) \
            if w[:1].isupper() else None
        if kind:
            yield Hit(f"{ctx.src_lang} word {w!r} left untranslated", Span("target", m.start(), m.end()),
                      {"text": w, "kind": kind}, Severity.WARNING)
            continue
        moved = (moved_noun(pair.target, words, k, pair.source, src_lang, tgt_lang)
                 or prefixed_noun(pair.target, words, k, pair.source, src_lang, tgt_lang)) \
            if w[:1].isupper() and src_lang.capitalises_nouns else None
        if moved:
            text = pair.target[moved[0]:moved[1]]
            yield Hit(f"{ctx.src_lang} word {text!r} left untranslated", Span("target", *moved),
                      {"text": text, "kind": "source-noun"}, Severity.WARNING)
            continue
        if len(w) < 2 or not w.islower() or low not in source_words or low in src_lang.kept_words:
            continue  # capitalised: a name (Bosch, Verstappen), a noun German capitalises, eBay
        if pair.target[m.end():m.end() + 1] == "." and m.end() + 1 < len(pair.target) \
                or any(s <= m.start() < e for s, e in urls):
            continue  # an abbreviation (incl.), an address or a file name
        # a word of the target language's dictionary is not left untranslated, unless only a large one
        # has it (que, tournois) and the source language's knows it too; a small word of the source (a function
        # word, a number word: dos, des) is left unless the standard dictionary has it (simplemma's English
        # holds dos and des, GCIDE does not)
        small = low in closed and (tgt_lang.is_standard_word is None or not tgt_lang.is_standard_word(low))
        frequent = None
        if not small and (tgt_lang.is_current_word(low) or tgt_lang.is_word(low) and not (  # type: ignore[misc]
                src_lang.is_word is not None and src_lang.is_word(low))):
            frequent = _commoner_in_source(low, src_lang, tgt_lang)
            if frequent is None:
                continue
        if pair.target[m.start() - 1:m.start()] == "#" or any(s < m.start() < e for s, e in quoted):
            continue  # a hashtag, a quoted title (“Guten Tag, liebes Glück”)
        if len(w) <= 3 and any(0 < j < len(words) and words[j].group()[0].isupper() and pair.target[
                min(words[j].end(), m.end()):max(words[j].start(), m.start())] == " " for j in (k - 1, k + 1)):
            continue  # de Gaulle, van Gogh, del Toro: a particle of a name (not "bis 2020," Hu said)
        if src_lang.own_letters and not any(c in src_lang.own_letters for c in low):
            continue  # spyware, molnupiravir, pacta sunt: loanwords both dictionaries may lack
        if pair.target[m.start() - 1:m.start()] == "." or _in_name(
                pair.target, words, k, source_words, tgt_lang.is_word, src_lang.is_word,  # type: ignore[arg-type]
                tgt_lang.function_words):
            continue  # efotbal.cz, .exe; České dráhy, Sdružení nezávislých kandidátů: a name kept as it is
        if frequent is not None:
            yield Hit(f"{ctx.src_lang} word {w!r} left untranslated (common in {ctx.src_lang}, rare in {ctx.tgt_lang})",
                      Span("target", m.start(), m.end()), {"text": w, "kind": "common-source-word",
                                                           "zipf": frequent}, Severity.WARNING)
            continue
        yield Hit(f"{ctx.src_lang} word {w!r} left untranslated", Span("target", m.start(), m.end()),
                  {"text": w, "kind": "source-word"}, Severity.WARNING if small and tgt_lang.is_current_word is not None and tgt_lang.is_current_word(low) else None)
    yield from source_places_left(pair, ctx, words, quoted)


#: A word of the target language's dictionary is still a source word left untranslated where it is common in
#: the source language (at least once in 100,000 words: Zipf 4) and rare in the target language (under once in a
#: million words: Zipf 3), as "loin" (French 5.4, English 2.8) and "clave" (Spanish 4.8, English 2.3) are; a word
#: the two languages share in use (die: German 7.5, English 5.1; kilometer: 4.8 and 3.2; euro) is not. Measured
#: on the 11,349 English reference lines of WMT22 (zh, ja, ru, de, uk, cs -> en), whatever their source: 7 lines
#: hold a word common in French by this measure, 1 in Spanish, 1 in German, 1 in Czech (scripts/freq_gap.py).
COMMON_IN_SOURCE = 4.0
RARE_IN_TARGET = 3.0


def _commoner_in_source(word: str, src_lang: lang.Language, tgt_lang: lang.Language) -> tuple[float, float] | None:
    """The Zipf frequencies of a lower-case word in the source and the target language where it is common in
    the source's and rare in the target's (COMMON_IN_SOURCE, RARE_IN_TARGET); None otherwise, or where either
    language has no frequency list."""
    src_f, tgt_f = src_lang.frequency, tgt_lang.frequency
    if src_f is None or tgt_f is None:
        return None
    zt = tgt_f(word)
    if zt >= RARE_IN_TARGET:
        return None
    zs = src_f(word)
    return (zs, zt) if zs >= COMMON_IN_SOURCE else None


def _source_phrase_left(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Between two languages of one script, into one with a complete dictionary (fr -> en): two words of the
    source left in their order, a function word of the source language that the target language does not
    have and a lower-case word of the source's dictionary that the target's standard dictionary lacks
    ("Au début, when you travelled"; simplemma's English has début, GCIDE does not). A warning: a set phrase
    may be kept (joie de vivre). A capitalised word inside the sentence makes a name (Le Monde, de Gaulle)."""
    src_lang, tgt_lang = lang.get(ctx.src_lang), lang.get(ctx.tgt_lang)
    if not tgt_lang.lexicon_complete or not _same_script(src_lang, tgt_lang):
        return
    foreign = _foreign_function_words(src_lang.code, tgt_lang.code)
    standard, source_known = tgt_lang.is_standard_word, src_lang.is_word
    if not foreign or standard is None or source_known is None:
        return
    src = list(map(str.casefold, _words_of(pair.source)))
    if foreign.isdisjoint(src[:-1]):
        return  # no two-word phrase of the source opens with such a function word
    folded = list(map(str.casefold, _words_of(pair.target)))
    # the two-word phrases of both that open with such a function word: a phrase left must be one of them
    pairs = {p for p in set(zip(src, src[1:])).intersection(zip(folded, folded[1:])) if p[0] in foreign}
    if not pairs:
        return
    tgt = list(_word_matches(pair.target))
    quoted: list[tuple[int, int]] | None = None
    for k in [k for k, p in enumerate(zip(folded, folded[1:]), start=1) if p in pairs]:
        a, b = tgt[k - 1], tgt[k]
        first, second = a.group(), b.group()
        if pair.target[a.end():b.start()] != " ":
            continue
        if not second.islower() or second in src_lang.function_words:
            continue
        if first[0].isupper() and pair.target[:a.start()].rstrip()[-1:] not in ("", *_OPENS):
            continue  # a name: Le Monde
        if standard(second) or not source_known(second):
            continue
        if quoted is None:
            quoted = [q.span() for q in QUOTED.finditer(pair.target)]
        if any(s < a.start() < e for s, e in quoted) or _in_name(
                pair.target, tgt, k, set(src), tgt_lang.is_word, source_known,  # type: ignore[arg-type]
                tgt_lang.function_words):
            continue  # a title quoted in its language; a name kept as it is (Milion chvilek pro demokracii)
        text = pair.target[a.start():b.end()]
        yield Hit(f"untranslated {ctx.src_lang} text {text!r}", Span("target", a.start(), b.end()),
                  {"text": text, "kind": "source-phrase"}, Severity.WARNING)


def _same_script(src_lang: lang.Language, tgt_lang: lang.Language) -> bool:
    """Two languages written in one known script (de and en, not de and de): where a source word may be left."""
    return bool(src_lang.script) and src_lang.script == tgt_lang.script and src_lang.code != tgt_lang.code


@functools.lru_cache(maxsize=64)
def _foreign_function_words(code: str, other: str) -> frozenset[str]:
    """The function words of a language that are not the other language's."""
    return lang.get(code).function_words - lang.get(other).function_words


@functools.lru_cache(maxsize=64)
def _closed_class(code: str, other: str) -> frozenset[str]:
    """The small words of a language, its function words and the words that write its numbers, that are not
    function words of the other language."""
    return (lang.get(code).function_words | number_word_forms(code)) - lang.get(other).function_words


def _inflected_noun(w: str, low: str, src_lang: lang.Language, tgt_lang: lang.Language, source_words: set[str]) -> bool:
    """A capitalised word of the source left in the translation that its language's dictionary reads as an
    inflected form of another word (Fortschritte, Nationen, Teammitglieder): a noun of a language that
    capitalises nouns, not a name (names are copied, and do not inflect)."""
    if not src_lang.capitalises_nouns or len(w) < 5 or low not in source_words or src_lang.is_word is None:
        return False
    if tgt_lang.is_word is not None and (tgt_lang.is_word(low) or tgt_lang.is_word(w)):
        return False
    lemma = src_lang.lemma(w)
    return lemma != low and len(lemma) >= 4 and w.startswith(lemma[:3].capitalize()) and src_lang.is_word(
        lemma.capitalize())


def _in_name(text: str, words: list[re.Match[str]], k: int, source_words: set[str],
             known: Callable[[str], bool], source_known: Callable[[str], bool], function_words: frozenset[str]) -> bool:
    """Whether words[k] ends a run of source words, one space apart, that opens with a capitalised word of
    the source language's dictionary that the target language does not know: the lower-case part of a
    name kept in its language (České dráhy, Milion chvilek pro demokracii; not "US estado", nor "Robin
    Uthappa obtuvo" or "Jessica Lange chantant", whose head is a person's name)."""
    j = k - 1
    while j >= 0 and text[words[j].end():words[j + 1].start()] == " ":
        w = words[j].group()
        if w[0].isupper():
            before = words[j - 1].group() if j and text[words[j - 1].end():words[j].start()] == " " else ""
            if before[:1].isupper() and before.lower() not in function_words:
                return False  # Jessica Lange chantant: the head ends a person's name (The Sdružení does not)
            return not known(w.lower()) and source_known(w)
        if w.casefold() not in source_words:
            return False
        j -= 1
    return False


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")


def _latin_clause_left(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """From a Latin-script language into another script (en -> zh): a run of three source words or more
    left in the translation, two of them lower-case words of the source language's dictionary
    ("当地渔民曾抗议该项目，fearing the loss of their moorings。"). Names, titles and product names,
    which translations keep, are capitalised words and do not count."""
    src_lang, tgt_lang = lang.get(ctx.src_lang), lang.get(ctx.tgt_lang)
    if src_lang.script != "Latn" or not tgt_lang.script or tgt_lang.script == "Latn" or src_lang.is_word is None:
        return
    if pair.target.isascii() or not any("a" <= c.lower() <= "z" for c in pair.target):
        return
    source_words = set(map(str.casefold, _WORD_AT.findall(pair.source)))
    for m in _LATIN_RUN.finditer(pair.target):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group())
        common = [w for w in words if w.islower() and w in source_words and src_lang.is_word(w)]
        if len(common) >= 2 and sum(w.casefold() in source_words for w in words) >= 0.8 * len(words):
            yield Hit(f"untranslated {ctx.src_lang} text {m.group()!r}", Span("target", m.start(), m.end()),
                      {"text": m.group(), "kind": "source-clause"})


#: A run of this many words or more copied from the source in its order, with a function word of the
#: source language that the target language does not have, and this many words foreign to the target
#: language (such function words, and lower-case words its dictionary does not know), making up half of the
#: run, is a clause left untranslated; a longer one, with more such words, is certain.
COPIED_RUN_WORDS = 4
COPIED_RUN_FOREIGN = 3
CERTAIN_RUN_WORDS, CERTAIN_RUN_FOREIGN = 6, 5
_RUN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")


def _copied_runs(source: str, target: str) -> Iterator[list[re.Match[str]]]:
    """Runs of target words (COPIED_RUN_WORDS or more) that the source has in the same order."""
    n = COPIED_RUN_WORDS
    src = list(map(str.casefold, _RUN_WORD.findall(source)))
    if len(src) < n:
        return
    folded = list(map(str.casefold, _RUN_WORD.findall(target)))
    if len(folded) < n:
        return
    in_source = frozenset(src).__contains__
    if b"\1" * n not in bytes(map(in_source, folded)):
        return  # no n consecutive words of the target are all words of the source: no n-gram of it is one
    tgt = list(_RUN_WORD.finditer(target))
    grams = set(zip(*(src[k:] for k in range(n))))  # every n consecutive words
    covered = [False] * len(tgt)
    for i, gram in enumerate(zip(*(folded[k:] for k in range(n)))):
        if gram in grams:
            covered[i:i + n] = [True] * n
    i = 0
    while i < len(tgt):
        j = i
        while j < len(tgt) and covered[j]:
            j += 1
        if j > i:
            yield tgt[i:j]
        i = j + 1


def _copied_clause_left(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Between two languages of one script (en -> de, de -> fr): a clause of the source copied into the
    translation as it is, told by its words: a run of four source words or more, in the source's order,
    with a function word of the source language that the target language does not have, and half of its
    words (three at least) foreign to the target language: such function words, and lower-case words its
    dictionary does not know ("Garantie auf years for pro-fuel applications", "des sécurité lors de ces
    essais"). Quoted titles and runs without a lower-case content word (names, titles: Lord of the Rings)
    are left alone."""
    src_lang, tgt_lang = lang.get(ctx.src_lang), lang.get(ctx.tgt_lang)
    if not src_lang.function_words or not _same_script(src_lang, tgt_lang):
        return
    foreign = _foreign_function_words(src_lang.code, tgt_lang.code)
    known, source_known = tgt_lang.is_word, src_lang.is_word
    quoted: list[tuple[int, int]] | None = None
    for run in _copied_runs(pair.source, pair.target):
        words = [m.group() for m in run]
        function = sum(w.casefold() in foreign for w in words)
        if not function:
            continue
        unknown = sum(1 for w in words if w.islower() and w not in src_lang.function_words and known is not None
                      and not known(w) and (source_known is None or source_known(w)))
        if words[0][0].isupper():
            continue  # a name or a title (Place des martyrs de la résistance, FOMO (fear of missing out)
        if function + unknown < max(COPIED_RUN_FOREIGN, len(words) / 2) or not any(
                w.islower() and w not in src_lang.function_words for w in words):
            continue
        start, end = run[0].start(), run[-1].end()
        if quoted is None:
            quoted = [q.span() for q in QUOTED.finditer(pair.target)]
        if any(s < end and start < e for s, e in quoted):
            continue  # a title quoted in its language
        certain = len(run) >= CERTAIN_RUN_WORDS and function + unknown >= CERTAIN_RUN_FOREIGN
        text = pair.target[start:end]
        yield Hit(f"untranslated {ctx.src_lang} text {text!r}", Span("target", start, end),
                  {"text": text, "kind": "copied-clause"}, None if certain else Severity.WARNING)
