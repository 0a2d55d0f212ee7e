"""TQ503: a translation written in another language than the one asked for (a German page in an English feed)."""
from __future__ import annotations

import operator
import re
from typing import Iterator, Sequence

from .. import lang as language
from ..lang.families import confused
from ..lang.letter_runs import letter_runs
from ..read.langid import detect_language, language_lead
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule
from .copied import _UNKNOWN, _lang

#: A translation needs this many letters (a Han/kana/Hangul character counts two) or words
#: before its language is judged.
MIN_LANG_LETTERS = 40
MIN_LANG_WORDS = 6
#: Share of words that are function words of the target language above which the text is
#: taken to be in it without asking the language identifier.
FUNCTION_WORD_SHARE = 0.12

_CAPITALISED = re.compile(r"\b[^\W\d_][^\s]*")


_LETTERS = re.compile(r"[^\W\d_]+")


def _weighted_letters(text: str) -> int:
    """Letters of ``text``, a Han/kana/Hangul (or other U+2E80 and beyond) letter counting two."""
    letters = list(filter(str.isalpha, text))
    return len(letters) + sum(1 for c in letters if c >= "\u2e80")


def _without_names(text: str) -> str:
    """The text less its capitalised words: what is left of a sentence made mostly of names."""
    return _CAPITALISED.sub(lambda m: "" if m.group()[0].isupper() else m.group(), text)


@rule(
    "TQ503", "wrong-language", Severity.ERROR, "Accuracy/Mistranslation",
    suppresses=("TQ3", "TQ403", "TQ404", "TQ501"),
)
def wrong_language(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """The translation is written in another language than the target language.

    What it catches: a target sentence in a third language (a zh->en "translation" in German
    or Spanish, as multilingual MT produces when it picks the wrong output language), or in the
    source language without being a copy of the source (the MT paraphrased instead of translating).

    Why it matters: the reader of the target language cannot read the sentence at all.

    Example: 会议将于明天在北京举行。 -> "La reunión se celebrará mañana en Pekín."
    Judged only on sentences of at least 40 letters or 6 words, when the language identifier is
    sure, and not between languages it confuses (Spanish/Galician, Russian/Ukrainian, ...).
    A sentence made mostly of names (an English sentence about Jean-Baptiste Lefèvre de la
    Rochefoucauld) is judged on its other words. This rule is a gate: the untranslated runs of
    a sentence in the wrong language (TQ501), its length (TQ403, TQ404) and its names (TQ3xx)
    are not reported again.
    """
    text = pair.target
    words = text.split()
    # (the letters are counted only when the words are too few to decide)
    if len(words) < MIN_LANG_WORDS and _weighted_letters(text) < MIN_LANG_LETTERS:
        return
    tgt, src = _lang(ctx.tgt_lang), _lang(ctx.src_lang)
    if tgt in _UNKNOWN:
        return
    function_words = language.get(tgt).distinctive_words
    if function_words:
        runs = letter_runs(text)  # (lower-casing is case-folding in a plain text)
        if runs is not None:
            tokens: Sequence[str] = runs
        else:
            tokens = _LETTERS.findall(text.casefold())
        if tokens and operator.countOf(map(function_words.__contains__, tokens), True) >= FUNCTION_WORD_SHARE * len(tokens):
            return  # plainly in the target language: no need to ask the identifier
    lead = language_lead(text)
    if confused(lead.lang, tgt):
        return  # (however reliable: its sentences are not judged)
    guess = lead.guess()
    if not guess.reliable:
        return
    # Make sure it is not the names speaking (a French name in an English sentence).
    rest = detect_language(_without_names(text))
    if not rest.reliable or not confused(rest.lang, guess.lang):
        return
    if not confused(guess.lang, src):
        message = f"translation is in {guess.lang}, not {tgt}"
    else:
        message = f"translation is in the source language ({guess.lang}), not {tgt}"
    yield Hit(
        message,
        Span("target", 0, len(text)),
        {"detected": guess.lang, "confidence": guess.confidence},
    )
