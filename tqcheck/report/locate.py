"""Map a finding's span (relative to a pair's joined text) back to the file: offset, line, column."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..read.lines import LineIndex
from ..types import Finding, Pair, Segment


@dataclass(frozen=True)
class Location:
    side: str
    start: int  # offset in the decoded file
    end: int
    line: int
    column: int
    text: str


def segment_at(pair: Pair, side: str, offset: int) -> tuple[Segment, int] | None:
    """The sentence of ``side`` holding ``offset`` of the pair's joined text, and where it starts there."""
    segs = pair.src_segments if side == "source" else pair.tgt_segments
    joined = pair.source if side == "source" else pair.target
    pos = 0
    for seg in segs:
        at = joined.find(seg.text, pos)
        if at <= offset < at + max(len(seg.text), 1):
            return seg, at
        pos = at + len(seg.text)
    return None


def locate(finding: Finding, pair: Pair, lines: LineIndex) -> Location | None:
    if finding.span is None:
        return None
    side = finding.span.side
    segs = pair.src_segments if side == "source" else pair.tgt_segments
    joined = pair.source if side == "source" else pair.target
    if not segs:
        return None
    hit = segment_at(pair, side, finding.span.start)
    if hit is not None:
        seg, at = hit
        start = seg.start + finding.span.start - at
        end = min(seg.end, seg.start + finding.span.end - at)
        line, column = lines.line_col(start)
        return Location(side, start, end, line, column, joined[finding.span.start:finding.span.end])
    seg = segs[0]
    line, column = lines.line_col(seg.start)
    return Location(side, seg.start, seg.end, line, column, seg.text)


def end_line_col(loc: Location, lines: LineIndex) -> tuple[int, int]:
    """1-based line and column just after the located span (exclusive end, as SARIF counts it)."""
    if loc.end <= loc.start:
        return loc.line, loc.column
    line, column = lines.line_col(loc.end - 1)
    return line, column + 1


def target_anchor(pairs: Sequence[Pair], index: int) -> tuple[int, int]:
    """Line and column in the translation where pair ``index`` is, or would be if it has no
    translation (just after the previous translated sentence): where an omission is annotated."""
    pair = pairs[index]
    if pair.tgt_segments:
        return pair.tgt_segments[0].line, pair.tgt_segments[0].column
    for k in range(index - 1, -1, -1):
        if pairs[k].tgt_segments:
            last = pairs[k].tgt_segments[-1]
            return last.line, last.column
    for k in range(index + 1, len(pairs)):
        if pairs[k].tgt_segments:
            first = pairs[k].tgt_segments[0]
            return first.line, first.column
    return 1, 1
