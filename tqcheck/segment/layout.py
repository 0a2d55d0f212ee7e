"""How a document is laid out in lines: hard-wrapped at a fixed width, or one paragraph (or headline,
dateline, byline, list item) per line.

The two call for opposite readings of a single newline. In hard-wrapped text (an MT system or an
editor that wraps at 70 columns) a newline inside a paragraph is a space: ``December⏎15.`` is one date,
``Northeast⏎Asia.`` one place. In paragraph-per-line text every newline ends what comes before it: a
headline is its own sentence whatever case the next line starts with.

Hard-wrapped text gives itself away by its line lengths: the lines inside a paragraph (all but its
last) are *full*, within a word or two of one width, the next line's first word would not have fitted
on them (what a wrapping tool does), and most end in the middle of a sentence. No width is assumed: it
is read off the text.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Layout", "detect_layout", "PARAGRAPHS", "UNKNOWN"]

#: Widths editors and tools wrap at lie in this range (characters; 72-80 is usual).
MIN_WIDTH, MAX_WIDTH = 50, 110
#: Where a document has too few lines to measure its width, a line longer than the usual widths (72-80:
#: terminals, e-mail, textwrap's 70) is taken for a line typed as it is, not for a wrap.
USUAL_WIDTH = 80
#: A line inside a paragraph is *full* when at least this share of the width (textwrap at 70 leaves
#: lines of 55-70 characters: the next word did not fit).
FULL_SHARE = 0.7
#: Hard-wrapped: at least this share of the inner lines are full and the next line's first word would
#: not have fitted on them (the others end paragraphs, or are headlines) ...
MIN_FULL_SHARE = 0.5
#: ... at least this share of those end in the middle of a sentence ...
MIN_MID_SENTENCE = 0.6
#: ... and there are at least this many of them: a few short lines (a shop's taglines, chat turns) can
#: look alike by chance.
MIN_INNER = 3
#: A line this long is a paragraph on one line, not a wrapped one.
LONG_LINE = 160
_ENDS = frozenset(".!?…。！？\"'”’»」』)]）:")


@dataclass(frozen=True)
class Layout:
    """``kind`` is ``wrapped`` (at ``width`` columns), ``paragraphs`` (a line per paragraph) or
    ``unknown`` (too few lines to tell, the longest ``longest`` characters)."""

    kind: str
    width: int = 0
    longest: int = 0

    @property
    def wrapped(self) -> bool:
        return self.kind == "wrapped"

    def full(self, length: int) -> bool:
        """Whether a line of ``length`` characters filled the width (so its newline is a wrap)."""
        return length >= FULL_SHARE * self.width


PARAGRAPHS = Layout("paragraphs")
UNKNOWN = Layout("unknown")


def _lines(text: str) -> list[list[str]]:
    """Paragraphs (runs of non-blank lines), each a list of its lines without surrounding space."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        content = line.strip()
        if content:
            current.append(content)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def detect_layout(text: str, cjk: bool = False) -> Layout:
    """The layout of ``text``. ``cjk``: the language is written without spaces, where tqcheck takes
    every newline as the end of a sentence (such text is not hard-wrapped in practice)."""
    if cjk:
        return PARAGRAPHS
    paragraphs = _lines(text)
    inner = [line for para in paragraphs for line in para[:-1]]
    following = [line for para in paragraphs for line in para[1:]]
    lengths = [len(line) for para in paragraphs for line in para]
    if not lengths:
        return UNKNOWN
    if max(lengths) >= LONG_LINE:
        return PARAGRAPHS
    if len(inner) < MIN_INNER:
        return Layout("unknown", longest=max(lengths))
    inner_lengths = sorted(len(line) for line in inner)
    # The width: what the longest inner lines reach (the 90th percentile, so one odd line does not set it).
    width = inner_lengths[min(len(inner_lengths) - 1, int(0.9 * len(inner_lengths)))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return PARAGRAPHS if width > MAX_WIDTH else Layout("unknown", longest=max(lengths))
    # Full lines, on which the next line's first word would not have fitted; the others end a
    # paragraph that no blank line closes, or are headlines.
    full = [line for line, nxt in zip(inner, following)
            if len(line) >= FULL_SHARE * width and len(line) + 1 + len(nxt.split()[0]) > width]
    mid = sum(1 for line in full if line[-1] not in _ENDS)
    if len(full) >= max(MIN_INNER, MIN_FULL_SHARE * len(inner)) and mid >= MIN_MID_SENTENCE * len(full):
        return Layout("wrapped", width)
    return PARAGRAPHS if len(inner) >= 2 * MIN_INNER else Layout("unknown", longest=max(lengths))
