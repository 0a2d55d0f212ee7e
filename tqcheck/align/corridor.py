"""The corridor of the alignment search: a path of 1-1, 1-0 and 0-1 steps found on documents halved until
small enough to search in full, then refined level by level within a band around the path one level up
(``windows``); the aligner's full search (``aligner._Search``) looks only inside it."""
from __future__ import annotations

from typing import Protocol

import numpy as np

from .features import unit_rows as _unit

_INF = float("inf")


class Corridor(Protocol):
    """What the corridor reads of the aligner's settings (``aligner.AlignerConfig``)."""

    @property
    def band(self) -> int: ...

    @property
    def full_search(self) -> int: ...


def new_row(lo: int, hi: int, first: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A row of the dynamic programme over target boundaries lo..hi: the boundaries, their best costs (none
    reached yet, but the start) and the bead that reached each."""
    js = np.arange(lo, hi + 1)
    best = np.full(len(js), _INF)
    if first and lo == 0:
        best[0] = 0.0
    return js, best, np.full(len(js), -1, dtype=np.int8)


def windows(
    src_vecs: np.ndarray, tgt_vecs: np.ndarray, src_len: np.ndarray, tgt_len: np.ndarray, cfg: Corridor, mu: float
) -> list[tuple[int, int]]:
    """For each source boundary 0..n, the inclusive range of target boundaries to search: all of them for
    a short document, else a band around the path found on halved documents."""
    n, m = len(src_vecs), len(tgt_vecs)
    if short(n, m, cfg):
        return [(0, m)] * (n + 1)
    return _band(_coarse_path(src_vecs, tgt_vecs, src_len, tgt_len, cfg, mu), n, m, cfg.band)


def short(n: int, m: int, cfg: Corridor) -> bool:
    """Whether both sides are short enough to search every pair of boundaries."""
    return n <= cfg.full_search and m <= cfg.full_search


def _band(path: list[tuple[int, int]], n: int, m: int, band: int) -> list[tuple[int, int]]:
    """Each source boundary's range of target boundaries: those the path reaches near it, widened by ``band``."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i, j in path:
        lo[i] = min(lo[i], j)
        hi[i] = max(hi[i], j)
    out = []
    for i in range(n + 1):
        a = max(0, i - band)
        b = min(n, i + band)
        out.append((max(0, min(lo[a : b + 1]) - band), min(m, max(hi[a : b + 1]) + band)))
    return out


def _coarse_path(
    src: np.ndarray, tgt: np.ndarray, src_len: np.ndarray, tgt_len: np.ndarray, cfg: Corridor, mu: float
) -> list[tuple[int, int]]:
    """Boundary points (i, j) of a 1-1/1-0/0-1 path, found on halved documents and refined."""
    n, m = len(src), len(tgt)
    if short(n, m, cfg):
        return simple_path(src, tgt, src_len, tgt_len, [(0, m)] * (n + 1), cfg, mu)
    cs, cl = _halve(src, src_len)
    ts, tl = _halve(tgt, tgt_len)
    coarse = _coarse_path(cs, ts, cl, tl, cfg, mu)
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for I, J in coarse:
        for i in (min(2 * I, n), min(2 * I + 1, n)):
            lo[i] = min(lo[i], min(2 * J, m))
            hi[i] = max(hi[i], min(2 * J + 1, m))
    band = cfg.band
    windows = []
    last_lo, last_hi = 0, 0
    for i in range(n + 1):
        if lo[i] > hi[i]:  # row not touched by the projection: inherit its neighbour's range
            lo[i], hi[i] = last_lo, last_hi
        last_lo, last_hi = lo[i], hi[i]
    for i in range(n + 1):
        a, b = max(0, i - 2), min(n, i + 2)
        windows.append((max(0, min(lo[a : b + 1]) - band), min(m, max(hi[a : b + 1]) + band)))
    return simple_path(src, tgt, src_len, tgt_len, windows, cfg, mu)


def _halve(vecs: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(vecs)
    even = n - n % 2
    v = vecs[0:even:2] + vecs[1:even:2]
    ln = lengths[0:even:2] + lengths[1:even:2]
    if n % 2:
        v = np.vstack([v, vecs[-1:]])
        ln = np.concatenate([ln, lengths[-1:]])
    return _unit(v), ln


def simple_path(
    src: np.ndarray, tgt: np.ndarray, src_len: np.ndarray, tgt_len: np.ndarray,
    windows: list[tuple[int, int]], cfg: Corridor, mu: float,
) -> list[tuple[int, int]]:
    """Banded DP with 1-1, 1-0 and 0-1 only, on unnormalised cosine: enough to find the corridor."""
    n, m = len(src), len(tgt)
    del_cost = 0.6
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []
    los = [w[0] for w in windows]
    # the 1-1 steps each row takes from the one before, worked out for the whole document first: their
    # cosines row by row (the same products the search always compared), the rest elementwise at once
    spans, sources, targets, coss, at = [(1, 0, 0)], [], [], [], 0
    for i in range(1, n + 1):
        (plo, phi), (lo, hi) = windows[i - 1], windows[i]
        first, last = max(lo, plo + 1, 1), min(hi, phi + 1)
        spans.append((first, last, at))
        if first <= last:
            j0 = np.arange(first - 1, last)
            sources.append(np.full(len(j0), i - 1))
            targets.append(j0)
            coss.append(tgt[j0] @ src[i - 1])
            at += len(j0)
    if targets:
        i0, j0 = np.concatenate(sources), np.concatenate(targets)
        cum_s = np.concatenate([[0.0], np.cumsum(src_len)])
        cum_t = np.concatenate([[0.0], np.cumsum(tgt_len)])
        dissimilar = 1.0 - np.concatenate(coss)
        dev = np.log((tgt_len[j0] + 8.0) / (src_len[i0] + 8.0)) - mu
        # Also keep the path near the cumulative-length diagonal, so that documents with
        # weak similarity (model-free) still get a sensible corridor.
        drift = (cum_t[j0 + 1] / max(cum_t[-1], 1.0)) - (cum_s[i0 + 1] / max(cum_s[-1], 1.0))
        off_length, off_diagonal = 0.3 * dev * dev, 2.0 * drift * drift
    for i in range(n + 1):
        lo, hi = windows[i]
        js, best, arg = new_row(lo, hi, i == 0)
        if i > 0:
            plo = los[i - 1]
            prow = rows[i - 1]
            # 1-0: boundaries j of this row that row i - 1 reached too (a contiguous range)
            first, last = max(lo, plo), min(hi, plo + len(prow) - 1)
            if first <= last:
                here, cand = best[first - lo : last - lo + 1], prow[first - plo : last - plo + 1] + del_cost
                better = cand < here
                here[better] = cand[better]
                arg[first - lo : last - lo + 1][better] = 1
            # 1-1: from boundary j - 1 of row i - 1
            first, last, at = spans[i]
            if first <= last:
                step = slice(at, at + last - first + 1)
                cand = prow[first - 1 - plo : last - plo] + dissimilar[step] + off_length[step] + off_diagonal[step]
                here = best[first - lo : last - lo + 1]
                better = cand < here
                here[better] = cand[better]
                arg[first - lo : last - lo + 1][better] = 0
        ramp = np.arange(len(js)) * del_cost
        chained = np.minimum.accumulate(best - ramp) + ramp
        took = chained < best - 1e-12
        arg[took] = 2
        rows.append(np.minimum(best, chained))
        back.append(arg)
    path = [(n, m)]
    i, j = n, m
    while i > 0 or j > 0:
        k = back[i][j - los[i]]
        if k == 0:
            i, j = i - 1, j - 1
        elif k == 1:
            i -= 1
        elif k == 2:
            j -= 1
        else:  # pragma: no cover
            raise RuntimeError("alignment search lost its path")
        path.append((i, j))
    path.reverse()
    return path
