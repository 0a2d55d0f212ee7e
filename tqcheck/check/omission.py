"""TQ4xx: content with no counterpart on the other side."""
from __future__ import annotations

from typing import Iterator

from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

#: A source sentence shorter than this (in letters; CJK characters count 3) is a fragment or a
#: heading: losing it is worth a warning, not an error.
MIN_CONTENT_LETTERS = 15
#: A unit that does not end like a sentence is a heading, caption or fragment.
SENTENCE_END = tuple(".!?。！？…؟;；:：")


def content_letters(text: str) -> int:
    n = 0
    for c in text:
        if c.isalpha():
            n += 3 if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" else 1
    return n


@rule("TQ401", "omitted-sentence", Severity.ERROR, "Accuracy/Omission", suppresses=("TQ",))
def omitted_sentence(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A source sentence with no counterpart in the translation.

    What it catches: sentences the aligner could not link to anything in the translation,
    i.e. content the MT (or the publishing pipeline) dropped.

    Why it matters: the reader never learns what the sentence said, and nothing in the
    translation shows that something is missing.

    Example: a five-sentence paragraph translated as four sentences, the third one gone.
    Short fragments and headings are reported as warnings. This rule is a gate: no other check
    runs on a pair that has no translation.
    """
    if pair.src_segments and not pair.tgt_segments:
        letters = content_letters(pair.source)
        sentence = pair.source.rstrip("\"'”’」』)）»").endswith(SENTENCE_END)
        severity = Severity.ERROR if letters >= MIN_CONTENT_LETTERS and sentence else Severity.WARNING
        yield Hit(
            "source sentence has no counterpart in the translation",
            Span("source", 0, len(pair.source)),
            {"confidence": pair.link.confidence},
            severity,
        )


@rule("TQ402", "added-sentence", Severity.WARNING, "Accuracy/Addition", suppresses=("TQ",))
def added_sentence(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A translated sentence with no counterpart in the source.

    What it catches: sentences of the translation the aligner could not link to the source:
    hallucinated content, boilerplate added by a pipeline, or text from another article.

    Why it matters: the reader takes it for the original's words.

    Example: a translation that ends with "Subscribe for more news!" absent from the source.
    Reported as a warning: credits and captions are often legitimately added.
    """
    if pair.tgt_segments and not pair.src_segments:
        yield Hit(
            "translated sentence has no counterpart in the source",
            Span("target", 0, len(pair.target)),
            {"confidence": pair.link.confidence},
        )
