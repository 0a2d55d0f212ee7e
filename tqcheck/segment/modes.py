"""The three ways a document is cut into units (``--sentences-per-line``, ``--aligned`` or running text),
and the work limits that refuse a document before alignment."""
from __future__ import annotations

from typing import Callable, Sequence

from ..errors import InputError
from ..types import Segment
from .segmenter import document_layout, segment_lines, segment_text

# Work limits: past them a document is refused with an InputError before alignment, so pathological
# input (a 20 MB line, a million lines) fails in seconds instead of running for many minutes. Time
# grows linearly up to them (about a minute for 10,000 sentences without the embedder on two cores).
#: Most characters in one document (a long book); the 64 MB file limit bounds memory, these bound time.
MAX_DOCUMENT_CHARS = 2_000_000
#: Most sentences in one document.
MAX_SENTENCES = 10_000
#: Longest sentence: text with no sentence punctuation for pages is not prose tqcheck can check.
MAX_SENTENCE_CHARS = 10_000


def segment_document(path: str, text: str, lang: str, mode: str,
                     note: Callable[[str], None] | None = None) -> tuple[Segment, ...]:
    """The units of a document in ``mode`` (``tqcheck.options.MODES``). In running text, ``note`` hears
    when the lines look hard-wrapped (a wrap is then read as a space)."""
    if mode == "document":
        layout = document_layout(text, lang)
        if note is not None and layout.wrapped:
            note(f"{path}: lines look hard-wrapped at {layout.width} columns; a line break inside a "
                 "paragraph was read as a space")
        return segment_text(text, lang)
    if mode == "sentences-per-line":
        return segment_lines(text)
    return every_line(text)


def every_line(text: str) -> tuple[Segment, ...]:
    """--aligned: every line is a unit, blank ones included, so that line i faces line i."""
    out = []
    pos = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for k, line in enumerate(lines):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        out.append(Segment(k, stripped, pos + lead, pos + lead + len(stripped), k + 1, lead + 1))
        pos += len(line) + 1
    return tuple(out)


def check_document_size(path: str, text: str) -> None:
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(path, f"{len(text):,} characters, over the limit of {MAX_DOCUMENT_CHARS:,} per "
                         "document; split the file (by chapter or section) and compare the parts")


def check_segments(*documents: tuple[str, Sequence[Segment]]) -> None:
    """Refuse a document (path, units) with no sentence, then one over the work limits."""
    for path, segs in documents:
        if not any(s.text for s in segs):
            raise InputError(path, "no sentences found")
    for path, segs in documents:
        if len(segs) > MAX_SENTENCES:
            raise InputError(path, f"{len(segs):,} sentences, over the limit of {MAX_SENTENCES:,} per document; "
                             "split the file (by chapter or section) and compare the parts")
        longest = max(segs, key=lambda s: len(s.text))
        if len(longest.text) > MAX_SENTENCE_CHARS:
            raise InputError(path, f"a sentence of {len(longest.text):,} characters, over the limit of "
                             f"{MAX_SENTENCE_CHARS:,}; is this running text with sentence punctuation? "
                             "split it into sentences or lines", line=longest.line)
