"""One row per aligned pair, as a pandas DataFrame: ``Report.to_pandas()``, and the csv and parquet reports.

The CSV is bound for spreadsheets, so no cell of it may run as a formula: a text cell that starts
with ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP's CSV injection advice),
which spreadsheets show as text. The DataFrame and the parquet file keep the text as it is.
"""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from ..result import EVIDENCE_LABELS, Report
from .base import RenderOptions

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]  # no stubs needed to use the API

COLUMNS = (
    "index", "link", "confidence", "similarity", "length_ratio", "quality",
    "source_path", "source_line", "source_text", "target_path", "target_line", "target_text",
    "findings", "worst_severity", "codes", "messages",
    "back_translation", "back_translation_chrf", "forward_translation", "forward_translation_chrf",
    "reference", "reference_chrf", "reference_bleu", "reference_ter",
)
_FLOATS = ("confidence", "similarity", "length_ratio", "quality", "back_translation_chrf",
           "forward_translation_chrf", "reference_chrf", "reference_bleu", "reference_ter")
#: A spreadsheet reads a cell starting with one of these as a formula (or a DDE command).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(report: Report) -> list[dict[str, Any]]:
    """The rows of ``to_pandas`` as plain dicts, in document order."""
    out = []
    for pr in report.pairs:
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
            "source_path": report.source.path,
            "source_line": p.src_segments[0].line if p.src_segments else None,
            "source_text": p.source,
            "target_path": report.target.path,
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


def to_pandas(report: Report) -> "pandas.DataFrame":
    import pandas as pd

    frame = pd.DataFrame(rows(report), columns=list(COLUMNS))
    frame = frame.astype({
        "index": "int64", **{k: "float64" for k in _FLOATS},
        "source_line": "Int64", "target_line": "Int64", "findings": "int64",
    })
    frame.attrs["signature"] = report.signature
    frame.attrs["summary"] = report.summary()
    return frame


def defuse(cell: str) -> str:
    """A text cell a spreadsheet shows as text, never runs."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def render_csv(report: Report, options: RenderOptions) -> str:
    buf = io.StringIO()
    frame = to_pandas(report)
    for column in frame.columns:
        if not str(frame[column].dtype).startswith(("int", "Int", "float")):
            frame[column] = frame[column].map(lambda v: defuse(v) if isinstance(v, str) else v)
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    return buf.getvalue()


def render_parquet(report: Report, options: RenderOptions) -> bytes:
    buf = io.BytesIO()
    to_pandas(report).to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()
