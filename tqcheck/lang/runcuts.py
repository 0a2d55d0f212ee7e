"""Where the runs of a text begin and end that an unspaced language's segmenter reads each on its own
(``Language.runs``: jieba's runs of Han characters, Latin letters and digits): whether a span is made of whole
words is read from the runs it touches alone."""
from __future__ import annotations

import bisect
import functools
import re


@functools.lru_cache(maxsize=4096)
def run_cuts(runs: re.Pattern[str], text: str) -> list[int]:
    """Where the runs of ``text`` (and the stretches between them) begin and end, in order."""
    cuts = [0]
    for m in runs.finditer(text):
        cuts += (m.start(), m.end())
    cuts.append(len(text))
    return cuts


def run_holding(runs: re.Pattern[str], text: str, start: int, end: int) -> tuple[int, int] | None:
    """(first, last) of the run of ``text`` that holds text[start:end] (not empty) whole; None if no run does."""
    cuts = run_cuts(runs, text)
    k = bisect.bisect_right(cuts, start)
    if k == len(cuts) or not start < end <= cuts[k] or not runs.fullmatch(text, cuts[k - 1], cuts[k]):
        return None
    return cuts[k - 1], cuts[k]
