"""One quality number per aligned pair and per document, combining the evidence a reader would weigh:
how close the two sides are in meaning (embedding similarity, back- and forward-translation chrF)
and what the checks found. 1.0 is a pair with no finding whose meaning evidence is at the level of
a good translation; 0.0 is a pair with nothing on one side. See docs/quality-score.md.

    quality = meaning x findings

* ``meaning`` is the mean of the available meaning signals, each mapped linearly onto 0-1 between
  the value of an unrelated pair (LOW) and that of a good translation (HIGH) and clipped; with no
  signal at all (no embedder covering the pair, no translation) it is 1.0 and the score rests on the
  findings alone.
* ``findings`` multiplies one factor per finding: FINDING_FACTOR by severity (an error keeps a
  quarter of the score, a warning 60%, a note 90%), so two errors sink a pair further than one.

The document's quality is the mean of its pairs' weighted by their length (characters of the
source side, or of the target side for an added sentence), so a long broken sentence weighs more.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..types import Finding, Severity

#: (LOW, HIGH) per meaning signal: the values of an unrelated pair and of a good translation.
SIGNAL_RANGES: dict[str, tuple[float, float]] = {
    "similarity": (0.2, 0.85),  # cosine of the two sides' sentence embeddings
    "back_translation_chrf": (10.0, 70.0),  # chrF of the back-translation against the source
    "forward_translation_chrf": (10.0, 70.0),  # chrF of the MT against the forward-translation
}
#: What each finding leaves of the score, by severity.
FINDING_FACTOR: dict[Severity, float] = {Severity.ERROR: 0.25, Severity.WARNING: 0.6, Severity.INFO: 0.9}
QUALITY_VERSION = "tqcheck-quality/1"


def _unit(value: float, low: float, high: float) -> float:
    return min(max((value - low) / (high - low), 0.0), 1.0)


def meaning(scores: Mapping[str, float | None]) -> float | None:
    """Mean of the available meaning signals on a 0-1 scale; None when there is none."""
    parts = [_unit(float(v), *SIGNAL_RANGES[k]) for k in SIGNAL_RANGES if (v := scores.get(k)) is not None]
    return sum(parts) / len(parts) if parts else None


def findings_factor(findings: Iterable[Finding]) -> float:
    out = 1.0
    for f in findings:
        out *= FINDING_FACTOR[f.severity]
    return out


def pair_quality(scores: Mapping[str, float | None], findings: Sequence[Finding], has_source: bool,
                 has_target: bool) -> float:
    """The pair's quality in 0-1 (higher is better)."""
    if not (has_source and has_target):
        return 0.0
    m = meaning(scores)
    return round((1.0 if m is None else m) * findings_factor(findings), 3)


def document_quality(qualities: Sequence[float], weights: Sequence[float]) -> float | None:
    """Length-weighted mean of the pairs' qualities."""
    total = sum(weights)
    if not qualities or total <= 0:
        return None
    return round(sum(q * w for q, w in zip(qualities, weights)) / total, 3)


def description() -> dict[str, object]:
    """What the report's signature records about the score, so two reports compare honestly."""
    return {
        "version": QUALITY_VERSION,
        "signals": {k: list(v) for k, v in SIGNAL_RANGES.items()},
        "finding_factor": {str(k): v for k, v in FINDING_FACTOR.items()},
    }
