"""Words of the source left in a translation into a language of the same script that the source
language's dictionary can place: a noun after a determiner, a sentence's first word of no capitalised class,
a place written as the source language writes it, a word behind a clitic (used by TQ501 in untranslated.py)."""
from __future__ import annotations

import re
from typing import Iterator

from .. import lang
from ..types import Pair, Severity, Span
from .gazetteer_build import get_gazetteer
from .name_tools import _lowers_alike, found_whole
from .registry import CheckContext, Hit

QUOTED = re.compile(r"“[^”]{1,80}”|„[^“”]{1,80}[“”]|«[^»]{1,80}»|\"[^\"]{1,80}\"")


_CLITICS = ("'s", "’s", "n't", "n’t")


def bare(word: str, src_lang: lang.Language) -> str:
    """A word without an English clitic glued to it (sismo's, pouvaisn't) or a source article elided
    before it (L'humidité, d'Europe: l', d' are le, de of the source's function words)."""
    if "'" not in word and "’" not in word:
        return word  # (every clitic and every elision holds an apostrophe)
    for c in _CLITICS:
        if word.endswith(c) and len(word) > len(c) + 1:
            return word[:-len(c)]
    head, _, rest = word.replace("’", "'").partition("'")
    if rest and len(head) <= 2 and {head.lower() + "e", head.lower() + "a"} & src_lang.function_words:
        return word[len(head) + 1:]
    return word


def titles(text: str, words: list[re.Match[str]], source_words: set[str]) -> list[tuple[int, int]]:
    """Spans of quotes half of whose words are copied from the source: a title kept in its language
    (“Guten Tag, liebes Glück”), not a quoted speech (“Valentino is indiferente to fashion”)."""
    out = []
    for q in QUOTED.finditer(text):
        inside = [m.group().casefold() for m in words if q.start() < m.start() < q.end()]
        if 2 * sum(w in source_words for w in inside) >= len(inside):
            out.append(q.span())
    return out


def source_places_left(pair: Pair, ctx: CheckContext, words: list[re.Match[str]],
                        quoted: list[tuple[int, int]]) -> Iterator[Hit]:
    """A place the translation writes as the source language does, which the gazetteer does not know as
    a name of it in the translation's language (a warning): "moved to Kalifornien", "in Komoren". Places
    a translation keeps in their own form are names of them in both languages (Thüringen, Bayern), and
    a place inside a longer name (Europa Park) is left alone."""
    gaz = get_gazetteer()
    hits = gaz.find(pair.target, ctx.src_lang)
    if not hits:
        return
    own = {(h.start, h.end) for h in gaz.find(pair.target, ctx.tgt_lang)}
    starts = {m.start(): k for k, m in enumerate(words)}
    source = pair.source.casefold()
    for h in hits:
        k = starts.get(h.start)
        if h.adjective or (h.start, h.end) in own or k is None or h.text.casefold() not in source:
            continue
        if any(h.text.casefold() == n.casefold() for key in h.keys for n in gaz.names_in(key, ctx.tgt_lang)):
            continue
        if not alone(pair.target, words, k, quoted) or pair.target[h.end:h.end + 2].strip()[:1].isupper():
            continue  # a place inside a longer name: Europa Park
        yield Hit(f"{ctx.src_lang} place name {h.text!r} left untranslated ({gaz.display(h.keys[0], ctx.tgt_lang)})",
                  Span("target", h.start, h.end), {"text": h.text, "kind": "source-place"}, Severity.WARNING)


def alone(text: str, words: list[re.Match[str]], k: int, quoted: list[tuple[int, int]],
          copied: set[str] | None = None) -> bool:
    """Whether words[k] stands among lower-case words, outside quotes, brackets and hyphenated names: not
    part of a name of several words (Deutsche Bank, Halle (Saale), Leipzig-Wahren, “Guten Tag”). Given the
    source's words (``copied``), a capitalised neighbour the translation did not copy is no part of a name
    kept as it is ("the United Nationen")."""
    m = words[k]
    if any(s < m.start() < e for s, e in quoted) or text[m.start() - 1:m.start()] in ("(", "-") \
            or text[m.end():m.end() + 1] in (")", "-"):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(words) and words[j].group()[0].isupper() and (
                copied is None or words[j].group().casefold() in copied):
            gap = text[words[j].end():m.start()] if j < k else text[m.end():words[j].start()]
            if gap.strip(" ") == "":
                return False
    # coordinated with a name: "between Simbach and Pfarrkirchen"
    return not (k >= 2 and words[k - 1].group() in ("and", "or", "und") and words[k - 2].group()[0].isupper())


_OPENS = frozenset(".!?:;\"“”„«»‘'(")


def capitalised_left(text: str, words: list[re.Match[str]], k: int, quoted: list[tuple[int, int]],
                      src_lang: lang.Language, tgt_lang: lang.Language, source_words: set[str],
                      source: str = "") -> str | None:
    """A capitalised source word left in the translation where the source language's dictionary says what
    it is (a warning: the evidence is one word): a sentence's first word that is no name nor noun there
    (Beispielsweise, Drei; a function word of a language that has no such dictionary: Pero), "source-word";
    or a common noun with plural forms (Krankheit, Krankheiten; Boden, Böden), five letters or more, that the
    source has on its own or as the first part of a compound (Fleisch in Fleischbranche; not only before a
    hyphen, Schwalbe-Seite, where a name stands as often), heading a
    noun phrase of the translation, where a name is rarely written, "source-noun": right after a determiner
    ("a Gruppe of musician friends", "the Krankheit"), or after a determiner and one lower-case word where the
    source, too, has the word after an article or an adjective ("the highest Gipfel" for "höchster Gipfel").
    A compound (Königspalast, Reichsbahn) names a building or a body as often as it is a common noun: it
    counts only right after a determiner that no name takes ("this Zeitpunkt", "a Zeitpunkt"; not "the")."""
    m = words[k]
    w, low = m.group(), m.group().casefold()
    if w.isupper() or len(w) < 3 or any(s < m.start() < e for s, e in quoted):
        return None
    copied = low in source_words
    before = text[:m.start()].rstrip()
    if not before or before[-1] in _OPENS:
        if not copied:
            return None
        if tgt_lang.is_current_word is None or tgt_lang.is_current_word(low) or low in tgt_lang.function_words:
            return None
        lower = src_lang.is_lowercase_word
        if lower(w) if lower is not None else low in src_lang.function_words:
            return "source-word"
        return "source-noun" if _opening_noun(text, words, k, src_lang, tgt_lang, source) else None
    noun = src_lang.is_common_noun
    if noun is None or len(w) < 5 or k == 0 or text[m.end():m.end() + 1] in ("®", "™") or not noun(w):
        return None
    if not copied and not compound_head(w, source, src_lang):
        return None
    if copied and source and not _whole_in(source, w):
        return None  # only a hyphenated compound's first part in the source (Schwalbe-Seite): a name, as often
    known = tgt_lang.is_headword
    if known is None or known(low) or tgt_lang.is_name is not None and tgt_lang.is_name(w):
        return None
    phrase = _noun_phrase_before(text, words, k, tgt_lang)
    if phrase is None or not alone(text, words, k, quoted):
        return None
    determiner, modifiers = phrase
    if _compound(w, src_lang) and (modifiers or determiner in _DEFINITE):
        return None
    if modifiers and not _heads_noun_phrase(source, w, src_lang):
        return None
    return "source-noun"


def _opening_noun(text: str, words: list[re.Match[str]], k: int, src_lang: lang.Language, tgt_lang: lang.Language,
                  source: str) -> bool:
    """Whether a sentence's first word is a common noun of the source (with plurals, five letters or more,
    no compound, no word nor name of the translation's language) that the source has inside a sentence, after
    an article or an adjective, and that a lower-case word follows ("Koalition and Afghan forces moved" for
    "Truppen der Koalition"): a name would be capitalised anyway, a noun of the translation's language would
    not be this one."""
    w = words[k].group()
    noun, known = src_lang.is_common_noun, tgt_lang.is_headword
    if noun is None or known is None or len(w) < 5 or k + 1 >= len(words) or not noun(w) or known(w.casefold()) \
            or tgt_lang.is_name is not None and tgt_lang.is_name(w) or _compound(w, src_lang):
        return False
    after = words[k + 1]
    if text[words[k].end():after.start()] != " " or not after.group().islower():
        return False
    return _heads_noun_phrase(source, w, src_lang)


def compound_head(word: str, source: str, src_lang: lang.Language) -> bool:
    """Whether ``word`` is the first part of a compound of the source whose rest is a common noun of four
    letters or more (Fleisch in Fleischbranche, with a linking s: Arbeit in Arbeitsmarkt): a part of a source
    word left in the translation, the rest translated ("the Fleisch industry")."""
    noun = src_lang.is_common_noun
    if noun is None or not src_lang.capitalises_nouns or word not in source:
        return False  # (the pattern below finds the word as it is written)
    low = word.casefold()
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(s?)([^\W\d_]{{4,}})(?![\w-])", source):
        rest = m.group(2)
        if rest[:1].islower() and noun(rest.capitalize()) and noun(word) and low != m.group().casefold():
            return True
    return False


def moved_noun(text: str, words: list[re.Match[str]], k: int, source: str, src_lang: lang.Language,
               tgt_lang: lang.Language) -> tuple[int, int] | None:
    """A common noun of the source (with plurals, five letters or more, no word of the translation's
    language) that the source puts before a name and the translation after it, as the translation's language
    orders a head noun, without translating it: "U-Bahnhof Aidenbachstraße" -> "the Aidenbachstraße
    U-Bahnhof", "Renngemeinschaft Graf Zeppelin" -> "the Graf Zeppelin Renngemeinschaft". A name kept as it
    is keeps its order. Its span (with a hyphenated first part: U-Bahnhof), or None."""
    noun, known = src_lang.is_common_noun, tgt_lang.is_headword
    m = words[k]
    w = m.group()
    if noun is None or known is None or not w[:1].isupper() or w.isupper() or len(w) < 5 or not noun(w) \
            or known(w.casefold()) or text[m.end():m.end() + 1] == "-":
        return None
    start = m.start()
    while start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():  # U-Bahnhof
        start = re.search(r"[^\W_]+-$", text[:start]).start()  # type: ignore[union-attr]
    token = text[start:m.end()]
    run: list[str] = []
    at = start
    for j in range(k - 1, -1, -1):  # the capitalised words right before the token: the name
        if words[j].end() > start:
            continue
        if text[words[j].end():at] != " " or not words[j].group()[:1].isupper():
            break
        run.insert(0, words[j].group())
        at = words[j].start()
    if not run:
        return None
    for i in range(len(run)):  # the name may begin after a capitalised word of the translation's
        name = " ".join(run[i:])
        if f"{token} {name}" in source and re.search(  # (what the pattern finds, as it is written)
                rf"(?<![\w-]){re.escape(token)} {re.escape(name)}(?![\w-])", source) and \
                not re.search(rf"(?<![\w-]){re.escape(name)} {re.escape(token)}(?![\w-])", source):
            return start, m.end()
    return None


def prefixed_noun(text: str, words: list[re.Match[str]], k: int, source: str, src_lang: lang.Language,
                  tgt_lang: lang.Language) -> tuple[int, int] | None:
    """A common noun of the source, or a compound of its words, joined by a hyphen to a lower-case word of the
    translation's language and copied so from the source ("the anti-Obszönitätsinitiative"): a language that
    capitalises nouns writes them so after a prefix, English only names (anti-Trump, mid-March). Its span, or
    None."""
    noun, known = src_lang.is_common_noun, tgt_lang.is_headword
    m = words[k]
    w = m.group()
    if noun is None or known is None or tgt_lang.is_word is None or k == 0 or len(w) < 5 \
            or text[m.start() - 1:m.start()] != "-" or text[m.end():m.end() + 1] == "-":
        return None
    prefix = words[k - 1]
    if prefix.end() != m.start() - 1 or not prefix.group().islower() or not tgt_lang.is_word(prefix.group()) \
            or text[prefix.start() - 1:prefix.start()] == "-":
        return None
    token = text[prefix.start():m.end()]
    if not _whole_in(source, token) or known(w.casefold()) \
            or tgt_lang.is_name is not None and tgt_lang.is_name(w) or not (noun(w) or _compound(w, src_lang)):
        return None
    return prefix.start(), m.end()


#: Determiners a name takes ("the Reichsbahn"): after them, a compound may be a name kept as it is.
_DEFINITE = frozenset({"the"})
_WORD_END = re.compile(r"([^\W\d_]+)\s+$")


def _noun_phrase_before(text: str, words: list[re.Match[str]], k: int,
                        tgt_lang: lang.Language) -> tuple[str, int] | None:
    """The determiner of the translation that opens a noun phrase ending in words[k], and how many words
    stand between them: none, or one lower-case word of the language that is no function word ("the highest
    Gipfel"); None when words[k] heads no such phrase."""
    for modifiers in (0, 1):
        j = k - 1 - modifiers
        if j < 0 or text[words[j].end():words[j + 1].start()] != " ":
            return None
        word = words[j].group()
        if word.casefold() in tgt_lang.determiners:
            return word.casefold(), modifiers
        if modifiers or not word.islower() or word in tgt_lang.function_words or tgt_lang.is_word is None \
                or not tgt_lang.is_word(word):
            return None
    return None


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _whole_in(text: str, phrase: str) -> bool:
    """Whether ``text`` has ``phrase`` case-blind, neither glued to a word character or a hyphen nor
    followed by one (``re.search(rf"(?<![\\w-]){re.escape(phrase)}(?![\\w-])", text, re.I)``): for an ASCII
    phrase in a text whose letters lower as they match (``name_tools._lowers_alike``), found in the lowered text
    without compiling a pattern for the phrase."""
    if not (phrase and phrase.isascii() and _lowers_alike(text)):
        return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text, re.I) is not None
    return found_whole(text, text.lower(), phrase.lower(), _WORD_OR_HYPHEN)


def _heads_noun_phrase(source: str, word: str, src_lang: lang.Language) -> bool:
    """Whether the source has ``word`` after an article or an inflected adjective (der Gipfel, neuen Gipfel,
    höchster Gipfel): a common noun there, not a name after a title (Trainer Fuchs) or a verb (sagte Fuchs)."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", source):
        before = word_before(source, m.start())
        if before is not None and before.islower() and src_lang.opens_noun_phrase(before):
            return True
    return False


def word_before(text: str, at: int) -> str | None:
    """The word that ends, with the spaces after it, at ``at`` (within 40 characters), if any."""
    m = _WORD_END.search(text, max(0, at - 40), at)
    return m.group(1) if m else None

def _compound(word: str, src_lang: lang.Language) -> bool:
    """Whether a word is two words of its language's dictionary, the last a noun of five letters or more: a compound
    (Königs-palast, Reichs-bahn), which names a building or a body as often as it is a common noun."""
    known = src_lang.is_word
    if known is None:
        return False
    noun = src_lang.is_common_noun or known
    lower = src_lang.is_lowercase_word
    return any(
        noun(word[i:].capitalize()) and any(known(h) and not (lower and lower(h)) for h in (word[:i], word[:i - 1]))
        for i in range(3, len(word) - 4))  # not Unter-suchung: a head of no capitalised class is a prefix
