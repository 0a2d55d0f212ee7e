"""The columns of the audit's tables: one row per document (``documents.*``) and one per aligned pair
(``findings.*``, the compare table's columns with the document id first). Summary keys and pair
scores the pipeline adds later (e.g. ``quality``) become columns of their own, typed by their values."""
from __future__ import annotations

import json
from typing import Any, Iterable

from ..result import PAIR_COLUMNS

DOCUMENT_COLUMNS = (
    "id", "status", "error", "source_path", "target_path", "src_lang", "tgt_lang", "pairs", "source_sentences",
    "target_sentences", "findings", "errors", "warnings", "infos", "pairs_with_errors", "worst_severity",
    "findings_by_code", "links_by_kind", "notes",
)
#: ``severities``: the severity of each finding of the pair, space-separated in the order of ``codes``.
FINDING_COLUMNS = ("document", *(c for name in PAIR_COLUMNS for c in ((name, "severities") if name == "codes" else (name,))))
#: Summary keys with a column (or columns) of their own above; every other key is added as it comes.
KNOWN_SUMMARY = frozenset({"pairs", "source_sentences", "target_sentences", "links_by_kind", "findings",
                           "findings_by_severity", "findings_by_code", "pairs_with_errors", "worst_severity"})
_INT = "int"
_FLOAT = "float"
_STR = "str"
#: Types of the fixed columns (others: inferred from the values seen).
FIXED_TYPES = {
    "pairs": _INT, "source_sentences": _INT, "target_sentences": _INT, "findings": _INT, "errors": _INT,
    "warnings": _INT, "infos": _INT, "pairs_with_errors": _INT, "index": _INT, "source_line": _INT,
    "target_line": _INT, "confidence": _FLOAT, "similarity": _FLOAT, "length_ratio": _FLOAT,
}


def _cell(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else \
        json.dumps(value, ensure_ascii=False, sort_keys=True)


def document_row(result: dict[str, Any]) -> dict[str, Any]:
    """A journal result as one row of the documents table."""
    s = result.get("summary") or {}
    sev = s.get("findings_by_severity") or {}
    ok = result.get("status") == "ok"
    row: dict[str, Any] = {
        "id": result["id"], "status": result["status"], "error": result.get("error"),
        "source_path": result.get("source_path"), "target_path": result.get("target_path"),
        "src_lang": result.get("src_lang"), "tgt_lang": result.get("tgt_lang"),
        "pairs": s.get("pairs"), "source_sentences": s.get("source_sentences"),
        "target_sentences": s.get("target_sentences"), "findings": s.get("findings"),
        "errors": sev.get("error") if ok else None, "warnings": sev.get("warning") if ok else None,
        "infos": sev.get("info") if ok else None, "pairs_with_errors": s.get("pairs_with_errors"),
        "worst_severity": s.get("worst_severity"),
        "findings_by_code": _cell(s["findings_by_code"]) if "findings_by_code" in s else None,
        "links_by_kind": _cell(s["links_by_kind"]) if "links_by_kind" in s else None,
        "notes": "\n".join(result.get("notes") or ()) or None,
    }
    for key, value in s.items():
        if key in KNOWN_SUMMARY:
            continue
        name = f"summary_{key}" if key in DOCUMENT_COLUMNS else key
        if isinstance(value, dict):
            for sub, v in value.items():
                row[f"{name}_{sub}"] = _cell(v)
        else:
            row[name] = _cell(value)
    return row


def finding_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """A journal result's rows of the findings table (as they are: a value a column's type does not
    take is converted when written, see :func:`needs_conversion`)."""
    rows: list[dict[str, Any]] = result.get("rows") or []
    return rows


#: Values of these kinds go into a column of this type as they are (pyarrow makes an int a float).
_TAKES = {_INT: {"int", "null"}, _FLOAT: {"int", "float", "null"}, "bool": {"bool", "null"}, _STR: {"str", "null"}}


def needs_conversion(cols: list[tuple[str, str]], kinds: dict[str, set[str]]) -> list[tuple[str, str]]:
    """The columns holding a value their type does not take as it is (e.g. a number in a text column)."""
    return [(name, kind) for name, kind in cols if not kinds.get(name, set()) <= _TAKES[kind]]


def column_type(name: str, kinds: Iterable[str]) -> str:
    """int, float, bool or str: the fixed type of a known column, else what its values allow."""
    if name in FIXED_TYPES:
        return FIXED_TYPES[name]
    seen = set(kinds) - {"null"}
    if not seen:
        return _FLOAT if name not in DOCUMENT_COLUMNS and name not in FINDING_COLUMNS else _STR
    if seen <= {"int"}:
        return _INT
    if seen <= {"int", "float"}:
        return _FLOAT
    if seen == {"bool"}:
        return "bool"
    return _STR


def columns(fixed: tuple[str, ...], kinds: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(name, type) of every column: the fixed ones in order, then the others by name."""
    extra = sorted(k for k in kinds if k not in fixed)
    return [(name, column_type(name, kinds.get(name, ()))) for name in (*fixed, *extra)]


def convert(value: Any, kind: str) -> Any:
    """A cell as its column's type (a number in a text column is written as text)."""
    if value is None:
        return None
    if kind == _FLOAT:
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == _INT:
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "bool":
        return bool(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def arrow_schema(cols: list[tuple[str, str]]) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    types = {_INT: pa.int64(), _FLOAT: pa.float64(), "bool": pa.bool_(), _STR: pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in cols])


def fired(row: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, severity it fired with) of each finding of a findings row. Rows of a journal written
    before the ``severities`` column give the severity at the start of each message line."""
    codes = (row.get("codes") or "").split()
    severities = (row.get("severities") or "").split()
    if len(severities) != len(codes):
        severities = [line.split(" ", 2)[1] if line.count(" ") >= 1 else "" for line in
                      (row.get("messages") or "").split("\n") if line.startswith(tuple(codes) or ("\0",))]
    if len(severities) != len(codes):
        severities = [""] * len(codes)
    return list(zip(codes, severities))
