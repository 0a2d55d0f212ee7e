"""TQ502: a translation that is a copy of its source sentence (the MT passed it through)."""
from __future__ import annotations

import functools
import operator
import re
import unicodedata
from difflib import SequenceMatcher
from typing import Iterator

from ..read.langid import detect_language, normalise_lang
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

# Codes that name no language.
_UNKNOWN = frozenset({"", "und", "mul", "zxx", "mis"})


@functools.lru_cache(maxsize=256)
def _lang(code: str) -> str:
    try:
        return normalise_lang(code)
    except ValueError:
        return code.lower()


_HAN_KANA = "\u3041-\u30fa\u30fd-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Words, or single Han/kana characters (written without spaces, each is compared on its own).
_WORDS = re.compile(rf"[{_HAN_KANA}]|[^\W_{_HAN_KANA}]+")
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
#: Share of the source's letters found copied, in order, in the translation ...
COPIED_SHARE = 0.9
#: ... which must also make up this share of the translation's letters.
COPIED_SHARE_OF_TARGET = 0.75
#: Lines shorter than this (words, or Han/kana characters) are often the same in both
#: languages ("COVID-19", "Pause.", "iPhone 15").
MIN_COPIED_WORDS = 3
MIN_COPIED_CJK = 4


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    if "://" in text or "www." in text or "@" in text:  # (what every address and e-mail of _URL holds)
        text = _URL.sub(" ", text)
    return _WORDS.findall(text.casefold())


def _copied_share(src: list[str], tgt: list[str]) -> tuple[float, float]:
    """Letters of the source found copied in the translation (as a share of each side)."""
    src_total = sum(map(len, src))
    tgt_total = sum(map(len, tgt))
    if not src_total or not tgt_total:
        return 0.0, 0.0
    # Cheap bound first: words of the source absent from the translation cannot be copied.
    present = set(tgt)
    if sum(map(len, filter(present.__contains__, src))) < COPIED_SHARE * src_total:
        return 0.0, 0.0
    blocks = SequenceMatcher(None, src, tgt, autojunk=False).get_matching_blocks()
    copied = sum(len(w) for b in blocks for w in src[b.a : b.a + b.size])
    return copied / src_total, copied / tgt_total


def _names_only(source: str) -> bool:
    """Every word capitalised (in a cased script): a line of names, the same in both languages."""
    words = [w for w in re.findall(r"[^\W\d_]+", source) if w.lower() != w.upper()]
    return bool(words) and all(w[0].isupper() for w in words)


# A copy or a sentence in another language also has the wrong length for the language pair,
# and its names are not in their target-language form: the length-ratio (TQ403, TQ404) and
# name (TQ3xx) checks would only repeat the finding.
@rule(
    "TQ502", "copied-source", Severity.ERROR, "Accuracy/Untranslated",
    suppresses=("TQ3", "TQ403", "TQ404", "TQ501", "TQ503"),
)
def copied_source(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """The translation is a copy of the source sentence.

    What it catches: a target sentence identical to its source once case, spaces and
    punctuation are set aside, or nearly so (at least 90% of the source's letters copied, in
    order, making up most of the translation): the MT passed the sentence through.

    Why it matters: the sentence is not translated at all; a reader of the target language
    gets nothing from it (or, between related languages, may not notice that it is foreign).

    Example: de "Die Regierung hat das Gesetz gestern verabschiedet." -> the same German
    sentence in the English translation.
    Not flagged: lines the same in both languages: numbers, URLs, very short lines
    ("COVID-19", "Pause.", under 3 words or 4 Chinese/Japanese characters), a source sentence
    already in the target language (an English quotation in a German article). A line of names
    only ("Bayern München – Borussia Dortmund") is a warning. This rule is a gate: a copied
    sentence is not also reported as untranslated text (TQ501), wrong language (TQ503), of
    the wrong length (TQ403, TQ404) or for its names (TQ3xx).
    """
    # Cheap bound first: letters of the source absent from the translation cannot be copied
    # (a Chinese source and an English translation share none).
    source = pair.source.casefold()
    n_letters = operator.countOf(map(str.isalpha, source), True)
    if not n_letters:
        return
    target = pair.target.casefold()
    if target.isascii() and len(source.encode("ascii", "ignore")) < COPIED_SHARE * n_letters:
        return  # only the source's ASCII letters can be in an ASCII translation, and they are too few
    letters = list(filter(str.isalpha, source))
    in_target = set(target)
    if operator.countOf(map(in_target.__contains__, letters), True) < COPIED_SHARE * len(letters):
        return
    src, tgt = _words(pair.source), _words(pair.target)
    if not any(map(str.isalpha, "".join(src))):
        return  # numbers and URLs only (no word has a letter)
    share_src, share_tgt = _copied_share(src, tgt)
    if share_src < COPIED_SHARE or share_tgt < COPIED_SHARE_OF_TARGET:
        return
    cjk = sum(1 for w in src if len(w) == 1 and re.match(f"[{_HAN_KANA}]", w))
    spaced = sum(1 for w in src if any(c.isalpha() for c in w)) - cjk
    if spaced < MIN_COPIED_WORDS and cjk < MIN_COPIED_CJK:
        return
    if not cjk and _lang(ctx.tgt_lang) not in _UNKNOWN:
        # A source sentence already in the target language (an English quote in a German
        # article) is rightly copied.
        guess = detect_language(pair.source)
        if guess.reliable and guess.lang == _lang(ctx.tgt_lang):
            return
    severity = Severity.WARNING if not cjk and _names_only(pair.source) else None
    how = "identical to" if share_src == 1.0 and share_tgt == 1.0 else f"{share_src:.0%} copied from"
    yield Hit(
        f"translation is {how} the source",
        Span("target", 0, len(pair.target)),
        {"copied_share": round(share_src, 3)},
        severity,
    )
