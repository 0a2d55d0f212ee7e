"""An audit against an earlier one (``--baseline OLD_OUTDIR``): per document and per code, how many
findings are new and how many are fixed since, which documents are new to the input or gone from it,
and which fail now or no longer fail. Findings are compared by their count per document and code (a
sentence edited between two runs moves its findings, so exact positions are not comparable).

The earlier audit's documents table is read once (id, status, findings by code, quality): memory grows
by a small dict per document of the baseline, never with the findings."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, UsageError

#: Columns of changes.parquet: one row per document that changed since the baseline.
CHANGE_COLUMNS = (("id", "str"), ("change", "str"), ("status_before", "str"), ("status_now", "str"),
                  ("findings_before", "int"), ("findings_now", "int"), ("new_findings", "int"),
                  ("fixed_findings", "int"), ("new_codes", "str"), ("fixed_codes", "str"),
                  ("quality_before", "float"), ("quality_now", "float"))
#: Documents listed in summary.json and the dashboard for each kind of change.
LISTED = 50


@dataclass
class Baseline:
    path: str
    #: id -> (status, findings by code, quality)
    docs: dict[str, tuple[str, dict[str, int], float | None]]


def _codes(cell: Any) -> dict[str, int]:
    if not cell:
        return {}
    try:
        value = json.loads(cell) if isinstance(cell, str) else cell
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def load_baseline(path: str, outdir: str) -> Baseline:
    """The documents of the audit in ``path``; an InputError when it holds no finished audit."""
    table = os.path.join(path, "documents.parquet")
    if not os.path.isdir(path):
        raise InputError(path, "--baseline: no such folder" if not os.path.exists(path) else "--baseline: not a folder")
    if os.path.isdir(outdir) and os.path.samefile(path, outdir):
        raise UsageError(f"--baseline {path} is OUTDIR itself; keep the earlier audit in another folder")
    if not os.path.isfile(table):
        raise InputError(path, "--baseline: no documents.parquet here: not the output folder of a finished audit")
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        names = set(pq.read_schema(table).names)
        wanted = [c for c in ("id", "status", "findings_by_code", "quality") if c in names]
        if not {"id", "status", "findings_by_code"} <= set(wanted):
            raise InputError(table, "--baseline: not an audit's documents table (missing columns)")
        data = pq.read_table(table, columns=wanted).to_pydict()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds for a damaged file
        raise InputError(table, f"--baseline: cannot read: {exc}") from None
    quality = data.get("quality") or [None] * len(data["id"])
    docs = {str(i): (str(st), _codes(c), q if isinstance(q, (int, float)) else None)
            for i, st, c, q in zip(data["id"], data["status"], data["findings_by_code"], quality)}
    return Baseline(path, docs)


@dataclass
class Changes:
    """The comparison, one document at a time (in input order), then the documents gone from the input."""

    baseline: Baseline
    seen: set[str] = field(default_factory=set)
    rows: list[dict[str, Any]] = field(default_factory=list)
    new_by_code: Counter[str] = field(default_factory=Counter)
    fixed_by_code: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, row: dict[str, Any]) -> None:
        doc = str(row["id"])
        self.seen.add(doc)
        now_codes = _codes(row.get("findings_by_code")) if row["status"] == "ok" else {}
        quality = row.get("quality") if isinstance(row.get("quality"), (int, float)) else None
        old = self.baseline.docs.get(doc)
        self.counts["compared"] += old is not None
        if old is None:
            self._change(doc, "new document", None, row["status"], {}, now_codes, None, quality)
            return
        before_status, before_codes, before_quality = old
        if before_status != "ok" and row["status"] == "ok":
            self.counts["no_longer_failed"] += 1
            self._change(doc, "no longer fails", before_status, row["status"], {}, now_codes, None, quality)
            return
        if row["status"] != "ok":
            if before_status == "ok":
                self.counts["newly_failed"] += 1
                self._change(doc, "fails now", before_status, row["status"], before_codes, {}, before_quality, None)
            return
        self._change(doc, "changed", before_status, row["status"], before_codes, now_codes, before_quality, quality)

    def _change(self, doc: str, kind: str, before_status: str | None, status: str | None, before: dict[str, int],
                now: dict[str, int], before_quality: float | None, quality: float | None) -> None:
        new = {c: n - before.get(c, 0) for c, n in sorted(now.items()) if n > before.get(c, 0)}
        fixed = {c: n - now.get(c, 0) for c, n in sorted(before.items()) if n > now.get(c, 0)}
        if kind == "changed" and not new and not fixed:
            return
        if kind == "changed":
            self.counts["with_new_findings"] += bool(new)
            self.counts["with_fixed_findings"] += bool(fixed)
        else:
            self.counts[kind.replace(" ", "_")] += kind in ("new document", "no longer in the input")
        # Only a document audited both times has new or fixed findings; the findings of one new to the
        # input, gone from it, or failed either time are told by its change, not counted as new or fixed.
        if kind == "changed":
            self.new_by_code.update(new)
            self.fixed_by_code.update(fixed)
        self.rows.append({
            "id": doc, "change": kind, "status_before": before_status, "status_now": status,
            "findings_before": sum(before.values()) if before_status == "ok" else None,
            "findings_now": sum(now.values()) if status == "ok" else None,
            "new_findings": sum(new.values()), "fixed_findings": sum(fixed.values()),
            "new_codes": json.dumps(new) if new else None, "fixed_codes": json.dumps(fixed) if fixed else None,
            "quality_before": before_quality, "quality_now": quality,
        })

    def finish(self) -> None:
        for doc, (status, codes, quality) in self.baseline.docs.items():
            if doc not in self.seen:
                self._change(doc, "no longer in the input", status, None, codes if status == "ok" else {}, {},
                             quality, None)

    def summary(self) -> dict[str, Any]:
        def listed(kind: str, key: str | None = None) -> list[dict[str, Any]]:
            rows = [r for r in self.rows if r["change"] == kind and (key is None or r[key])]
            rows.sort(key=lambda r: -(r[key] or 0) if key else 0)
            return [{k: v for k, v in r.items() if v is not None} for r in rows[:LISTED]]

        codes = sorted(set(self.new_by_code) | set(self.fixed_by_code))
        return {
            "path": self.baseline.path,
            "documents": {
                "in_baseline": len(self.baseline.docs), "compared": self.counts["compared"],
                "new_to_the_input": self.counts["new_document"],
                "gone_from_the_input": self.counts["no_longer_in_the_input"],
                "with_new_findings": self.counts["with_new_findings"],
                "with_fixed_findings": self.counts["with_fixed_findings"],
                "fail_now": self.counts["fails_now"], "no_longer_fail": self.counts["no_longer_fails"],
            },
            "findings": {"new": sum(self.new_by_code.values()), "fixed": sum(self.fixed_by_code.values())},
            "by_code": {c: {"new": self.new_by_code.get(c, 0), "fixed": self.fixed_by_code.get(c, 0)} for c in codes},
            "documents_with_new_findings": listed("changed", "new_findings"),
            "documents_with_fixed_findings": listed("changed", "fixed_findings"),
            "documents_that_fail_now": listed("fails now"),
            "documents_that_no_longer_fail": listed("no longer fails"),
        }
