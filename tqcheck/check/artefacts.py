"""TQ1xx: traces the MT pipeline left in the translation (lost-token gaps, unknown-token markers)."""
from __future__ import annotations

import re
from typing import Iterator

from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

# A run of two or more asterisks or hashes, or an unknown/mask token of the usual toolkits.
_GAP = re.compile(r"\*{2,}|#{2,}|<unk>|\[UNK\]|<mask>|\[MASK\]|<UNK>", re.IGNORECASE)


@rule("TQ101", "mt-gap", Severity.ERROR, "Accuracy/Omission")
def mt_gap(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A token the MT pipeline lost, left as a gap marker (`**`, `##`, `<unk>`, `[UNK]`).

    What it catches: literal gap markers in the translation, which some MT pipelines emit where
    a word could not be produced ("Japan** announced", "launched a ** against them").

    Why it matters: the reader sees a hole in the sentence and the lost word is usually content
    (a name, a verb, an object), so the sentence no longer says what the original said.

    Example: source 日本政府宣布对俄追加制裁 -> "Japan** announced new sanctions".
    Markers present in the source too (markdown emphasis copied over) are not flagged.
    """
    for m in _GAP.finditer(pair.target):
        if m.group() in pair.source:
            continue
        yield Hit(
            f"gap marker {m.group()!r}: a word was lost here",
            Span("target", m.start(), m.end()),
            {"marker": m.group()},
        )


@rule("TQ102", "replacement-character", Severity.ERROR, "Fluency/Character encoding")
def replacement_character(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """The Unicode replacement character U+FFFD in the translation.

    What it catches: characters lost to a decoding error somewhere in the pipeline.

    Why it matters: the lost character is often part of a name or number, and the reader sees
    a black diamond instead.

    Example: "Zürich" decoded badly becomes "Z\ufffdrich".
    """
    for m in re.finditer("\ufffd+", pair.target):
        if "\ufffd" in pair.source:
            return
        yield Hit("replacement character: text was lost to a decoding error", Span("target", m.start(), m.end()))
