"""The JSON report, a documented, versioned schema (docs/report-schema.md, schema/report-1.json); and
JSON Lines, one aligned pair per line, each as an item of the report's ``pairs``."""
from __future__ import annotations

import json
from typing import Any

from ..check.rules import REGISTRY
from ..result import PairResult, Report
from ..types import Document, Segment
from .base import RenderOptions

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://tqcheck.dev/schema/report-1.json"


def _segment(seg: Segment) -> dict[str, Any]:
    return {"index": seg.index, "start": seg.start, "end": seg.end, "line": seg.line, "column": seg.column}


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "encoding": doc.encoding,
        "lang": doc.lang,
        "lang_detected": doc.lang_detected,
        "lang_confidence": round(doc.lang_confidence, 3),
        "sentences": len(doc.segments),
    }


def pair_dict(report: Report, pr: PairResult) -> dict[str, Any]:
    """One item of the report's ``pairs``."""
    p = pr.pair
    findings = []
    for f in pr.findings:
        rule = REGISTRY[f.code]
        loc = f.location
        findings.append({
            "code": f.code,
            "name": f.name,
            "severity": str(f.severity),
            "category": rule.category,
            "message": f.message,
            "side": f.span.side if f.span else None,
            "span": {"start": f.span.start, "end": f.span.end} if f.span else None,
            "location": None if loc is None else {
                "path": loc.path,
                "start": loc.start, "end": loc.end, "line": loc.line, "column": loc.column, "text": loc.text,
            },
            "evidence": f.evidence,
        })
    return {
        "index": p.index,
        "link": p.link.kind,
        "confidence": p.link.confidence,
        "source": {"text": p.source, "sentences": [_segment(s) for s in p.src_segments]},
        "target": {"text": p.target, "sentences": [_segment(s) for s in p.tgt_segments]},
        "scores": pr.scores,
        "translations": pr.texts,
        "findings": findings,
    }


def to_dict(report: Report) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "signature": report.signature,
        "source": _document(report.source),
        "translation": _document(report.target),
        "notes": report.notes,
        "summary": report.summary(),
        "pairs": [pair_dict(report, pr) for pr in report.pairs],
    }


def render_json(report: Report, options: RenderOptions) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report: Report, options: RenderOptions) -> str:
    return "".join(json.dumps(pair_dict(report, pr), ensure_ascii=False) + "\n"
                   for pr in report.pairs)
