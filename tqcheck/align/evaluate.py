"""Alignment scoring against a gold standard, counted the way vecalign's score.py counts it."""
from __future__ import annotations

import ast
from typing import Iterable, Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def read_beads(lines: Iterable[str]) -> list[Bead]:
    """Parse ``[0, 1]:[2]`` lines (vecalign / bertalign gold format)."""
    out: list[Bead] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        left, right = line.split(":", 1)
        out.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right.split(":")[0]))))
    return out


def _counts(gold: Sequence[Bead], test: Sequence[Bead]) -> tuple[int, int]:
    gold_set = {g for g in gold if g[0] or g[1]}
    test_set = {t for t in test if t[0] or t[1]}
    tp = sum(1 for t in test_set if t in gold_set)
    return tp, len(test_set) - tp


def strict_scores(gold: Sequence[Bead], test: Sequence[Bead]) -> dict[str, float]:
    """Strict precision, recall and F1. Precision counts every test bead (null beads included);
    recall counts only the gold beads with both sides non-empty, as in vecalign."""
    tp_p, fp_p = _counts(gold, test)
    test_nn = [t for t in test if t[0] and t[1]]
    gold_nn = [g for g in gold if g[0] and g[1]]
    tp_r, fn_r = _counts(test_nn, gold_nn)
    p = tp_p / (tp_p + fp_p) if tp_p + fp_p else 0.0
    r = tp_r / (tp_r + fn_r) if tp_r + fn_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}
