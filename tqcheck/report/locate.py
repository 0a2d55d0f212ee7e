"""Where a pair with nothing on the translation side is shown in the translation file (an omission's
annotation); a finding's own place is its ``Location``, attached by the check stage."""
from __future__ import annotations

from typing import Sequence

from ..types import Pair


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
