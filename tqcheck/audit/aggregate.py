"""The audit's outputs, built from the journal in input order without holding it: the documents and
findings tables (Parquet, streamed a row group at a time; CSV and JSONL on request), the aggregate
statistics (``summary.json``) and the dashboard. Every file is written beside its final name and
renamed into place at the end, so OUTDIR never shows a half-written output."""
from __future__ import annotations

import csv
import heapq
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .._version import __version__
from ..report.table import defuse
from ..types import Severity
from . import DEFAULT_WORST
from .baseline import CHANGE_COLUMNS, Baseline, Changes
from .store import Store
from .tables import (DOCUMENT_COLUMNS, FINDING_COLUMNS, arrow_schema, columns, convert, document_row, finding_rows,
                     fired, needs_conversion)

#: Documents per Parquet row group of documents.parquet (findings.parquet: rows per group).
DOC_GROUP = 5000
FINDING_GROUP = 20000
SEVERITIES = ("error", "warning", "info")
#: Bins of the quality histogram of each language pair (equal widths over 0-1).
QUALITY_BINS = 20
#: Codes shown for each of the worst documents.
TOP_CODES = 3
#: Summary keys that are not extra scores (everything else numeric is aggregated: mean, min, max).
_NOT_SCORES = frozenset(DOCUMENT_COLUMNS)


@dataclass
class Totals:
    """The aggregate statistics, updated one document at a time."""

    worst_n: int = DEFAULT_WORST
    documents: int = 0
    ok: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    pairs: int = 0
    source_sentences: int = 0
    target_sentences: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    #: code -> severity -> findings that fired with it
    by_code_severity: dict[str, Counter[str]] = field(default_factory=dict)
    by_pair: dict[str, dict[str, Any]] = field(default_factory=dict)
    scores: dict[str, list[float]] = field(default_factory=dict)  # name -> [n, sum, min, max]
    worst: list[tuple[Any, ...]] = field(default_factory=list)
    signatures: dict[str, Any] = field(default_factory=dict)
    worst_severity: Severity | None = None

    def add(self, result: dict[str, Any], row: dict[str, Any], findings: list[dict[str, Any]]) -> None:
        self.documents += 1
        lp = f"{row.get('src_lang') or '?'}-{row.get('tgt_lang') or '?'}"
        pair = self.by_pair.setdefault(lp, {"documents": 0, "failed": 0, "pairs": 0, "findings": 0,
                                            "findings_by_severity": Counter(), "findings_by_code": Counter(),
                                            "quality_histogram": [0] * QUALITY_BINS})
        for finding in findings:
            for code, severity in fired(finding):
                self.by_code_severity.setdefault(code, Counter())[severity or "unknown"] += 1
        pair["documents"] += 1
        if result["status"] != "ok":
            pair["failed"] += 1
            self.failed.append({k: row.get(k) for k in ("id", "error", "source_path", "target_path")})
            return
        self.ok += 1
        s = result["summary"]
        self.pairs += s.get("pairs", 0)
        self.source_sentences += s.get("source_sentences", 0)
        self.target_sentences += s.get("target_sentences", 0)
        sev = s.get("findings_by_severity", {})
        codes = s.get("findings_by_code", {})
        self.by_severity.update(sev)
        self.by_code.update(codes)
        pair["pairs"] += s.get("pairs", 0)
        pair["findings"] += s.get("findings", 0)
        pair["findings_by_severity"].update(sev)
        pair["findings_by_code"].update(codes)
        if s.get("worst_severity"):
            worst = Severity.parse(s["worst_severity"])
            self.worst_severity = max(worst, self.worst_severity or worst)
        for key, value in row.items():
            if key not in _NOT_SCORES and isinstance(value, (int, float)) and not isinstance(value, bool):
                n = self.scores.setdefault(key, [0, 0.0, float(value), float(value)])
                n[0] += 1
                n[1] += value
                n[2] = min(n[2], value)
                n[3] = max(n[3], value)
        self.signatures.setdefault(lp, result.get("signature"))
        quality = row.get("quality")
        errors, warnings, found = row.get("errors") or 0, row.get("warnings") or 0, row.get("findings") or 0
        if isinstance(quality, (int, float)) and not isinstance(quality, bool):
            pair["quality_histogram"][min(QUALITY_BINS - 1, max(0, int(float(quality) * QUALITY_BINS)))] += 1
            rank: tuple[Any, ...] = (0, float(quality), -errors, -warnings, -found)
        elif found:
            rank = (1, 0.0, -errors, -warnings, -found)
        else:
            return
        top = sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CODES]
        entry = (*rank, result["seq"], {k: row.get(k) for k in ("id", "src_lang", "tgt_lang", "pairs", "findings",
                                                                 "errors", "warnings", "infos", "worst_severity")
                                       } | ({"quality": quality} if quality is not None else {})
                 | {"seq": result["seq"], "top_codes": dict(top)})
        # A max-heap of the N worst by negating is awkward with mixed tuples: keep a short sorted list.
        self.worst.append(entry)
        if len(self.worst) > 4 * self.worst_n + 64:
            self.worst = heapq.nsmallest(self.worst_n, self.worst, key=lambda e: e[:-1])

    def worst_documents(self) -> list[dict[str, Any]]:
        return [e[-1] for e in heapq.nsmallest(self.worst_n, self.worst, key=lambda e: e[:-1])]

    def summary(self) -> dict[str, Any]:
        by_pair = {}
        for lp, p in sorted(self.by_pair.items()):
            by_pair[lp] = {**p, "findings_by_severity": {s: p["findings_by_severity"].get(s, 0) for s in SEVERITIES},
                           "findings_by_code": dict(sorted(p["findings_by_code"].items()))}
        return {
            "totals": {
                "documents": self.documents, "ok": self.ok, "failed": len(self.failed), "pairs": self.pairs,
                "source_sentences": self.source_sentences, "target_sentences": self.target_sentences,
                "findings": sum(self.by_severity.values()),
                "findings_by_severity": {s: self.by_severity.get(s, 0) for s in SEVERITIES},
                "worst_severity": str(self.worst_severity) if self.worst_severity else None,
            },
            "findings_by_code": dict(sorted(self.by_code.items())),
            "findings_by_code_and_severity": {c: {s: n for s, n in sorted(v.items())}
                                              for c, v in sorted(self.by_code_severity.items())},
            "by_language_pair": by_pair,
            "scores": {k: {"documents": v[0], "mean": round(v[1] / v[0], 4), "min": v[2], "max": v[3]}
                       for k, v in sorted(self.scores.items())},
            "worst_documents": self.worst_documents(),
            "failed_documents": self.failed,
            "signatures": self.signatures,
        }


class _Outputs:
    """The tables being written: temporary files in OUTDIR, renamed into place by ``commit``."""

    def __init__(self, outdir: str, formats: tuple[str, ...], doc_cols: list[tuple[str, str]],
                 finding_cols: list[tuple[str, str]], convert_cols: dict[str, list[tuple[str, str]]]) -> None:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        self.outdir = outdir
        self.tmp: dict[str, str] = {}
        self.doc_cols, self.finding_cols = doc_cols, finding_cols
        self.convert_cols = convert_cols
        self.doc_schema, self.finding_schema = arrow_schema(doc_cols), arrow_schema(finding_cols)
        self.parquet = {
            "documents": pq.ParquetWriter(self._temp("documents.parquet"), self.doc_schema, compression="zstd"),
            "findings": pq.ParquetWriter(self._temp("findings.parquet"), self.finding_schema, compression="zstd"),
        }
        self.text: dict[str, Any] = {}
        self.csv: dict[str, Any] = {}
        for table, cols in (("documents", doc_cols), ("findings", finding_cols)):
            if "csv" in formats:
                fh = open(self._temp(f"{table}.csv"), "w", encoding="utf-8", newline="")
                self.text[f"{table}.csv"] = fh
                self.csv[table] = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
                self.csv[table].writerow([c for c, _ in cols])
            if "jsonl" in formats:
                self.text[f"{table}.jsonl"] = open(self._temp(f"{table}.jsonl"), "w", encoding="utf-8")
        self.buffers: dict[str, list[dict[str, Any]]] = {"documents": [], "findings": []}

    def _temp(self, name: str) -> str:
        fd, path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.outdir)
        os.close(fd)
        self.tmp[name] = path
        return path

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        names = [name for name, _ in (self.doc_cols if table == "documents" else self.finding_cols)]
        conversions = self.convert_cols[table]
        jsonl = self.text.get(f"{table}.jsonl")
        for row in rows:
            if conversions:
                row = {**row, **{name: convert(row.get(name), kind) for name, kind in conversions}}
            self.buffers[table].append(row)
            if table in self.csv or jsonl is not None:
                values = [row.get(name) for name in names]
                if table in self.csv:
                    self.csv[table].writerow([defuse(v) if isinstance(v, str) else ("" if v is None else v)
                                              for v in values])
                if jsonl is not None:
                    jsonl.write(json.dumps(dict(zip(names, values)), ensure_ascii=False) + "\n")
        if len(self.buffers[table]) >= (DOC_GROUP if table == "documents" else FINDING_GROUP):
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa  # type: ignore[import-untyped]

        rows = self.buffers[table]
        if rows:
            schema = self.doc_schema if table == "documents" else self.finding_schema
            self.parquet[table].write_table(pa.Table.from_pylist(rows, schema=schema))
            self.buffers[table] = []

    def close(self) -> None:
        for table in ("documents", "findings"):
            self._flush(table)
            self.parquet[table].close()
        for fh in self.text.values():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()

    def discard(self) -> None:
        for path in self.tmp.values():
            try:
                os.unlink(path)
            except OSError:
                pass


def _umask_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_outputs(store: Store, formats: tuple[str, ...], meta: dict[str, Any], worst_n: int,
                  fail_on: Severity, exit_zero: bool, html_reports: bool,
                  baseline: Baseline | None = None) -> dict[str, Any]:
    """Write every output from the journal; returns the content of summary.json."""
    from .dashboard import Dashboard

    doc_cols = columns(DOCUMENT_COLUMNS, store.summary_kinds)
    finding_cols = columns(FINDING_COLUMNS, store.row_kinds)
    convert_cols = {"documents": needs_conversion(doc_cols, store.summary_kinds),
                    "findings": needs_conversion(finding_cols, store.row_kinds)}
    out = _Outputs(store.outdir, formats, doc_cols, finding_cols, convert_cols)
    dashboard = Dashboard(out._temp("dashboard.html"), html_reports)
    totals = Totals(worst_n)
    changes = Changes(baseline) if baseline is not None else None
    try:
        for result in store.results():
            row = document_row(result)
            findings = finding_rows(result)
            totals.add(result, row, findings)
            out.add("documents", [row])
            out.add("findings", findings)
            dashboard.add(row)
            if changes is not None:
                changes.add(row)
        out.close()
        agg = totals.summary()
        if changes is not None:
            changes.finish()
            _write_changes(out, changes.rows, formats)
            agg["baseline"] = changes.summary()
        code = exit_code_of(agg, fail_on, exit_zero)
        summary = {"tool": "tqcheck audit", "version": __version__, **meta,
                   "fail_on": str(fail_on), "exit_code": code, **agg}
        dashboard.finish(summary)
        summary_path = out._temp("summary.json")
        with open(summary_path, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        dashboard.discard()
        out.discard()
        raise
    mode = _umask_mode()
    # summary.json goes last: when it is there, every other output is whole.
    for name in sorted(out.tmp, key=lambda n: n == "summary.json"):
        os.chmod(out.tmp[name], mode)
        os.replace(out.tmp[name], os.path.join(store.outdir, name))
    return summary


def _write_changes(out: _Outputs, rows: list[dict[str, Any]], formats: tuple[str, ...]) -> None:
    """changes.parquet (and .csv/.jsonl on request): one row per document that changed since the baseline."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = [name for name, _ in CHANGE_COLUMNS]
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(list(CHANGE_COLUMNS))),
                   out._temp("changes.parquet"), compression="zstd")
    if "csv" in formats:
        with open(out._temp("changes.csv"), "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
            writer.writerow(names)
            for r in rows:
                writer.writerow([defuse(r[n]) if isinstance(r[n], str) else ("" if r[n] is None else r[n])
                                 for n in names])
    if "jsonl" in formats:
        with open(out._temp("changes.jsonl"), "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({n: r[n] for n in names}, ensure_ascii=False) + "\n")


def exit_code_of(agg: dict[str, Any], fail_on: Severity, exit_zero: bool) -> int:
    """1 when a document has a finding at or above ``fail_on`` or could not be audited; else 0."""
    if exit_zero:
        return 0
    worst = agg["totals"]["worst_severity"]
    if agg["totals"]["failed"] or (worst is not None and Severity.parse(worst) >= fail_on):
        return 1
    return 0

