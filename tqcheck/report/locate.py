"""Map a finding's span (relative to a pair's joined text) back to the file: offset, line, column."""
from __future__ import annotations

from dataclasses import dataclass

from ..read.lines import LineIndex
from ..types import Finding, Pair


@dataclass(frozen=True)
class Location:
    side: str
    start: int  # offset in the decoded file
    end: int
    line: int
    column: int
    text: str


def locate(finding: Finding, pair: Pair, lines: LineIndex) -> Location | None:
    if finding.span is None:
        return None
    side = finding.span.side
    segs = pair.src_segments if side == "source" else pair.tgt_segments
    joined = pair.source if side == "source" else pair.target
    if not segs:
        return None
    pos = 0
    for seg in segs:
        at = joined.find(seg.text, pos)
        if at <= finding.span.start < at + max(len(seg.text), 1):
            start = seg.start + finding.span.start - at
            end = min(seg.end, seg.start + finding.span.end - at)
            line, column = lines.line_col(start)
            return Location(side, start, end, line, column, joined[finding.span.start:finding.span.end])
        pos = at + len(seg.text)
    seg = segs[0]
    line, column = lines.line_col(seg.start)
    return Location(side, seg.start, seg.end, line, column, seg.text)
