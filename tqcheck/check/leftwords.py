"""Words of the source left in a translation into a language of the same script that the source
language's dictionary can place: a noun after a determiner, a sentence's first word of no capitalised class,
a place written as the source language writes it, a word behind a clitic (used by TQ501 in untranslated.py)."""
from __future__ import annotations

import re
from typing import Iterator

from .. import lang
from ..types import Pair, Severity, Span
from .gazetteer_build import get_gazetteer
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
                      src_lang: lang.Language, tgt_lang: lang.Language, source_words: set[str]) -> str | None:
    """A capitalised source word left in the translation where the source language's dictionary says what
    it is (a warning: the evidence is one word): a sentence's first word that is no name nor noun there
    (Beispielsweise, Drei; a function word of a language that has no such dictionary: Pero), "source-word";
    or a common noun with plural forms (Krankheit, Krankheiten), five letters or more and no compound,
    right after a determiner of the translation
    ("a Gruppe of musician friends", "the Krankheit"), where a name is rarely written, "source-noun"."""
    m = words[k]
    w, low = m.group(), m.group().casefold()
    if low not in source_words or w.isupper() or len(w) < 3 or any(s < m.start() < e for s, e in quoted):
        return None
    before = text[:m.start()].rstrip()
    if not before or before[-1] in _OPENS:
        if tgt_lang.is_current_word is None or tgt_lang.is_current_word(low) or low in tgt_lang.function_words:
            return None
        lower = src_lang.is_lowercase_word
        return "source-word" if (lower(w) if lower is not None else low in src_lang.function_words) else None
    noun = src_lang.is_common_noun
    if noun is None or len(w) < 5 or k == 0 or _compound(w, src_lang) or text[m.end():m.end() + 1] in ("®", "™") or not noun(w):
        return None
    if tgt_lang.is_word is None or tgt_lang.is_word(low) or text[words[k - 1].end():m.start()] != " ":
        return None
    if words[k - 1].group().casefold() not in tgt_lang.determiners or not alone(text, words, k, quoted):
        return None
    return "source-noun"


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
