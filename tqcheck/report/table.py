"""The csv and parquet reports: ``Report.to_pandas()``, one row per aligned pair, written out.

The CSV is bound for spreadsheets, so no cell of it may run as a formula: a text cell that starts
with ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP's CSV injection advice),
which spreadsheets show as text. The DataFrame and the parquet file keep the text as it is.
"""
from __future__ import annotations

import csv
import io

from ..result import Report
from .base import RenderOptions

#: A spreadsheet reads a cell starting with one of these as a formula (or a DDE command).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """A text cell a spreadsheet shows as text, never runs."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def render_csv(report: Report, options: RenderOptions) -> str:
    buf = io.StringIO()
    frame = report.to_pandas()
    for column in frame.columns:
        if not str(frame[column].dtype).startswith(("int", "Int", "float")):
            frame[column] = frame[column].map(lambda v: defuse(v) if isinstance(v, str) else v)
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    return buf.getvalue()


def render_parquet(report: Report, options: RenderOptions) -> bytes:
    buf = io.BytesIO()
    report.to_pandas().to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()
