"""Where findings are in the files: the check stage gives each finding with a span its ``Location``
(path, line, column, offsets) as soon as the checks have run, so that formatters only format."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..align.features import joiner
from ..read.lines import LineIndex
from ..types import Document, Finding, Location, Pair, Segment


class Locator:
    """Maps spans of a pair's joined text to the source and target files (one line index per file)."""

    def __init__(self, source: Document, target: Document) -> None:
        self._docs = {"source": source, "target": target}
        self._lines = {"source": LineIndex(source.text), "target": LineIndex(target.text)}

    def locate(self, findings: Sequence[Finding], pairs: Sequence[Pair]) -> list[Finding]:
        """The findings, each with its location (``pairs[f.pair]`` is the pair it was found in)."""
        return [replace(f, location=self.span(f, pairs[f.pair])) if f.span else f for f in findings]

    def span(self, finding: Finding, pair: Pair) -> Location | None:
        """Where the finding's span is: in the sentence holding its start, or, for a span between two
        sentences, the side's first sentence. None without a span or a sentence on its side."""
        if finding.span is None:
            return None
        side = finding.span.side
        segs, joined = _side(pair, side)
        if not segs:
            return None
        sep = len(joiner(self._docs[side].lang))
        at = 0  # where the sentence starts in the joined text (joined as ``align.features.join_sentences`` does)
        for seg in segs:
            if at <= finding.span.start < at + max(len(seg.text), 1):
                start = seg.start + finding.span.start - at
                end = min(seg.end, seg.start + finding.span.end - at)
                line, column = self._lines[side].line_col(start)
                return self._location(side, start, end, line, column,
                                      joined[finding.span.start:finding.span.end], seg.index)
            at += len(seg.text) + sep
        first = segs[0]
        line, column = self._lines[side].line_col(first.start)
        return self._location(side, first.start, first.end, line, column, first.text, None)

    def sides(self, pair: Pair) -> dict[str, Location]:
        """Where each side of the pair is, from its first sentence to its last (an empty side has none)."""
        out = {}
        for side in ("source", "target"):
            segs, joined = _side(pair, side)
            if segs:
                out[side] = self._location(side, segs[0].start, segs[-1].end, segs[0].line, segs[0].column,
                                           joined, None)
        return out

    def _location(self, side: str, start: int, end: int, line: int, column: int, text: str,
                  sentence: int | None) -> Location:
        end_line, end_column = line, column
        if end > start:  # just after the last character (SARIF's exclusive end)
            end_line, end_column = self._lines[side].line_col(end - 1)
            end_column += 1
        return Location(self._docs[side].path, side, start, end, line, column, end_line, end_column, text, sentence)


def _side(pair: Pair, side: str) -> tuple[tuple[Segment, ...], str]:
    return (pair.src_segments, pair.source) if side == "source" else (pair.tgt_segments, pair.target)
