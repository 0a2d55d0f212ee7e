"""Figures written as two numbers on one side of a pair and as one figure on the other: a date with a slash
(9/11 for "September 11"), a score or a ratio with a colon or a dash (16:32 for "16-32"). Used by
``numbers.compare_quantities``."""
from __future__ import annotations

import re

from .numparse import Quantity


def slashed_dates(text: str, qs: list[Quantity]) -> list[tuple[int, int, tuple[Quantity, ...]]]:
    """Two whole numbers joined by a slash and nothing more (9/11, 24/2): the month/day and day/month
    dates they may be, with the positions of the two numbers."""
    out = []
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if (a.kind == b.kind == "number" and text[a.end:b.start] == "/" and a.text.isdigit() and b.text.isdigit()
                and not text[b.end:b.end + 1] == "/" and not text[max(a.start - 1, 0):a.start] == "/"):
            m, d = int(a.text), int(b.text)
            readings = tuple(Quantity(float(day), "date", None, a.start, b.end, text[a.start:b.end], (None, mon, day))
                             for mon, day in ((m, d), (d, m)) if 1 <= mon <= 12 and 1 <= day <= 31)
            if readings:
                out.append((i, i + 1, readings))
    return out


def _clock_digits(q: Quantity) -> tuple[int, int] | None:
    """The two figures of a time written with a colon (16:32), or None."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", q.text)
    return (int(m[1]), int(m[2])) if m else None


def _score_pairs(text: str, qs: list[Quantity]) -> dict[tuple[int, int], tuple[int, int]]:
    """Two whole numbers joined by a dash or a colon and nothing more (16-32, 8–13): their values, and the
    positions of the two numbers."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if a.kind == b.kind == "number" and text[a.end:b.start] in ("-", "–", ":") and a.text.isdigit() \
                and b.text.isdigit():
            out.setdefault((int(a.text), int(b.text)), (i, i + 1))
    return out


def scores_matched(src: list[Quantity], source: str, tgt: list[Quantity], target: str) -> tuple[set[int], set[int]]:
    """A score or a ratio that one side writes with a colon, read there as a time (beim 16:32), and the other
    as two numbers with a dash (a 16-32 loss): the positions of the figures it accounts for in the source's
    quantities and in the translation's."""
    in_src: set[int] = set()
    in_tgt: set[int] = set()
    for times, other, other_text, mine, theirs in ((src, tgt, target, in_src, in_tgt),
                                                   (tgt, src, source, in_tgt, in_src)):
        if not any(q.kind == "time" for q in times):
            continue
        pairs = _score_pairs(other_text, other)
        for n, q in enumerate(times):
            clock = _clock_digits(q) if q.kind == "time" else None
            hit = pairs.get(clock) if clock is not None else None
            if hit is not None:
                mine.add(n)
                theirs.update(hit)
    return in_src, in_tgt
