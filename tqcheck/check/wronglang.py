"""TQ503: a translation written in another language than the one asked for (a German page in an English feed)."""
from __future__ import annotations

import operator
import re
from typing import Iterator

from ..read.langid import detect_language
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule
from .untranslated import _UNKNOWN, _lang

#: A translation needs this many letters (a Han/kana/Hangul character counts two) or words
#: before its language is judged.
MIN_LANG_LETTERS = 40
MIN_LANG_WORDS = 6
#: Share of words that are function words of the target language above which the text is
#: taken to be in it without asking the language identifier.
FUNCTION_WORD_SHARE = 0.12
# Only words that are not also common in the other languages of the same script ("a", "in",
# "de", "la" are left out), so that a sentence in Italian never passes for English.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to is that for it was with by from be has have are this which said "
                    "not will were its their his he she they we but or would been also who".split()),
    "de": frozenset("der die das und den von zu mit sich auf für ist im dem nicht ein eine als auch er "
                    "hat aus bei sie nach wird wurde zum zur sind".split()),
    "es": frozenset("el y los del las por para una como más pero sus fue este entre también".split()),
    "fr": frozenset("le et les des une du est pour dans qui sur au pas ce il elle sont ont avec aux "
                    "été".split()),
    "it": frozenset("il che per del è non della sono gli dei delle anche".split()),
    "pt": frozenset("não uma os do da em com dos ao foi mais pelo pela também".split()),
    "ru": frozenset("и в не на что с по о к из за от для как это он она они но до его ее их был была "
                    "было были также".split()),
}
# Languages a statistical identifier confuses with each other on one sentence.
_RELATED: tuple[frozenset[str], ...] = (
    frozenset({"es", "gl", "pt", "ca", "an", "ast", "oc"}),
    frozenset({"fr", "oc", "wa", "ht", "ca"}),
    frozenset({"it", "co", "sc", "la", "vec"}),
    frozenset({"de", "lb", "nl", "af", "fy", "li", "nds", "gsw", "bar"}),
    frozenset({"da", "no", "nb", "nn", "sv", "fo", "is"}),
    frozenset({"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tt", "mn"}),
    frozenset({"sr", "hr", "bs", "sh", "sl", "mk", "me"}),
    frozenset({"cs", "sk"}),
    frozenset({"ms", "id", "jv", "su", "tl"}),
    frozenset({"hi", "mr", "ne", "sa"}),
    frozenset({"ar", "fa", "ur", "ps"}),
    frozenset({"en", "sco"}),
)
_CAPITALISED = re.compile(r"\b[^\W\d_][^\s]*")


_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")  # _LETTERS, for ASCII text


def _weighted_letters(text: str) -> int:
    """Letters of ``text``, a Han/kana/Hangul (or other U+2E80 and beyond) letter counting two."""
    letters = list(filter(str.isalpha, text))
    return len(letters) + sum(1 for c in letters if c >= "\u2e80")


def _same_language(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _RELATED)


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
    function_words = _FUNCTION_WORDS.get(tgt)
    if function_words:
        folded = text.casefold()
        tokens = (_ASCII_LETTERS if folded.isascii() else _LETTERS).findall(folded)
        if tokens and operator.countOf(map(function_words.__contains__, tokens), True) >= FUNCTION_WORD_SHARE * len(tokens):
            return  # plainly in the target language: no need to ask the identifier
    guess = detect_language(text)
    if not guess.reliable or _same_language(guess.lang, tgt):
        return
    # Make sure it is not the names speaking (a French name in an English sentence).
    rest = detect_language(_without_names(text))
    if not rest.reliable or not _same_language(rest.lang, guess.lang):
        return
    if not _same_language(guess.lang, src):
        message = f"translation is in {guess.lang}, not {tgt}"
    else:
        message = f"translation is in the source language ({guess.lang}), not {tgt}"
    yield Hit(
        message,
        Span("target", 0, len(text)),
        {"detected": guess.lang, "confidence": guess.confidence},
    )
