"""The result of a comparison: documents, aligned pairs, findings, scores, notes and signature."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .read.langid import LangGuess
from .types import Document, Finding, Location, Pair, Severity

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]  # no stubs needed to use the API


#: The texts a pair can be compared with (keys of ``PairResult.texts``, fields of ``types.PairEvidence``),
#: in report order, and their labels.
EVIDENCE_LABELS = {"back_translation": "back-translation", "forward_translation": "forward-translation",
                   "reference": "reference"}
#: Columns of ``Report.to_pandas()`` (and of the csv and parquet reports), in order.
PAIR_COLUMNS = (
    "index", "link", "confidence", "similarity", "length_ratio", "quality",
    "source_path", "source_line", "source_text", "target_path", "target_line", "target_text",
    "findings", "worst_severity", "codes", "messages",
    "back_translation", "back_translation_chrf", "forward_translation", "forward_translation_chrf",
    "reference", "reference_chrf", "reference_bleu", "reference_ter",
)
_FLOATS = ("confidence", "similarity", "length_ratio", "quality", "back_translation_chrf",
           "forward_translation_chrf", "reference_chrf", "reference_bleu", "reference_ter")


@dataclass
class PairResult:
    pair: Pair
    findings: list[Finding]
    scores: dict[str, float | None]
    #: Texts the pair was compared with: back_translation, forward_translation, reference (where present).
    texts: dict[str, str] = field(default_factory=dict)
    #: Where each side of the pair is in its file ("source", "target"; none for an empty side).
    locations: dict[str, Location] = field(default_factory=dict)

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass
class Report:
    """Everything a formatter needs; produced by the pipeline, never by a formatter."""

    source: Document
    target: Document
    mode: str
    pairs: list[PairResult]
    signature: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    #: Document-level chrF, BLEU and TER per kind of evidence (back_translation, forward_translation, reference).
    metrics: dict[str, Any] = field(default_factory=dict)
    #: What language detection made of each text ("source", "target"), whether or not its language was
    #: given: a given language the text plainly is not in can be told from here, not from the notes.
    detected: dict[str, LangGuess] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [f for p in self.pairs for f in p.findings]

    def worst_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def summary(self) -> dict[str, Any]:
        findings = self.findings
        by_sev = Counter(str(f.severity) for f in findings)
        return {
            "pairs": len(self.pairs),
            "source_sentences": len(self.source.segments),
            "target_sentences": len(self.target.segments),
            "links_by_kind": dict(sorted(Counter(p.pair.link.kind for p in self.pairs).items())),
            "findings": len(findings),
            "findings_by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "info")},
            "findings_by_code": dict(sorted(Counter(f.code for f in findings).items())),
            "pairs_with_errors": sum(1 for p in self.pairs if p.worst == Severity.ERROR),
            "worst_severity": str(self.worst_severity()) if findings else None,
            "quality": self.quality(),
            "metrics": self.metrics,
        }

    def quality(self) -> float | None:
        """The document's quality in 0-1: its pairs' quality scores, weighted by length (docs/quality-score.md)."""
        from .score.quality import document_quality

        kept = [(q, len(pr.pair.source) or len(pr.pair.target)) for pr in self.pairs
                if (q := pr.scores.get("quality")) is not None]
        return document_quality([q for q, _ in kept], [w for _, w in kept])

    def rows(self) -> list[dict[str, Any]]:
        """The rows of ``to_pandas`` as plain dicts, in document order."""
        out = []
        for pr in self.pairs:
            p = pr.pair
            messages = []
            for f in pr.findings:
                where = f"{f.location.where} " if f.location else ""
                messages.append(f"{f.code} {f.severity} {where}{f.message}")
            out.append({
                "index": p.index,
                "link": p.link.kind,
                "confidence": pr.scores.get("confidence"),
                "similarity": pr.scores.get("similarity"),
                "length_ratio": pr.scores.get("length_ratio"),
                "source_path": self.source.path,
                "source_line": p.src_segments[0].line if p.src_segments else None,
                "source_text": p.source,
                "target_path": self.target.path,
                "target_line": p.tgt_segments[0].line if p.tgt_segments else None,
                "target_text": p.target,
                "findings": len(pr.findings),
                "worst_severity": str(pr.worst) if pr.worst else None,
                "codes": " ".join(f.code for f in pr.findings),
                "messages": "\n".join(messages),
                **{k: pr.texts.get(k) for k in EVIDENCE_LABELS},
                **{k: pr.scores.get(k) for k in ("quality", "back_translation_chrf", "forward_translation_chrf",
                                                   "reference_chrf", "reference_bleu", "reference_ter")},
            })
        return out

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per aligned pair, in document order: texts, lines, scores, findings (the csv and
        parquet reports' rows; ``attrs`` holds the signature and summary)."""
        import pandas as pd  # loads only when asked for

        frame = pd.DataFrame(self.rows(), columns=list(PAIR_COLUMNS))
        frame = frame.astype({
            "index": "int64", **{k: "float64" for k in _FLOATS},
            "source_line": "Int64", "target_line": "Int64", "findings": "int64",
        })
        frame.attrs["signature"] = self.signature
        frame.attrs["summary"] = self.summary()
        return frame


def exit_code(report: Report | None, fail_on: Severity, exit_zero: bool = False) -> int:
    """0 nothing at or above ``fail_on``, 1 findings at or above it; ``exit_zero`` turns 1 into 0.
    Errors (exit 2) never reach here: they are raised before a report exists."""
    if report is None or exit_zero:
        return 0
    worst = report.worst_severity()
    return 1 if worst is not None and worst >= fail_on else 0
