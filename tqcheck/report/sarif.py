"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, VS Code's SARIF viewer, ...).

One run. Its driver documents the rules with results (the signature, in the run's properties, lists
every rule that ran). Each finding is a result located in the file its span is in (the translation,
or the source for an omitted sentence), with the other side of the pair as a related location and the
baseline fingerprint as a partial fingerprint. Columns count Unicode code points, as tqcheck's do.
"""
from __future__ import annotations

import json
import os
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from ..check.fingerprint import FINGERPRINT_VERSION, fingerprint
from ..check.rules import REGISTRY
from ..result import Report
from ..types import Document, Location, Severity
from .base import RenderOptions

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the checkout); an absolute
    one becomes a file: URI."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/")


def _region(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column,
            "snippet": {"text": loc.text}}


def _physical(doc: Document, index: int, region: dict[str, Any]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc.path), "index": index},
                                 "region": region}}


def _rule(code: str) -> dict[str, Any]:
    rule = REGISTRY[code]
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.doc or rule.title},
        "help": {"text": rule.doc or rule.title},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": ["translation", rule.category]},
    }


def to_sarif(report: Report) -> dict[str, Any]:
    docs = {"source": report.source, "target": report.target}
    artifact_index = {"source": 0, "target": 1}
    # The rules with results (the signature lists every rule that ran): documentation for what is shown.
    codes = sorted({f.code for f in report.findings})
    rule_index = {c: k for k, c in enumerate(codes)}
    results = []
    for pr in report.pairs:
        p = pr.pair
        for f in pr.findings:
            side = f.span.side if f.span else ("target" if p.tgt_segments else "source")
            region = _region(f.location or pr.locations.get(side))
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": rule_index[f.code],
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [_physical(docs[side], artifact_index[side], region)] if region else [],
                "partialFingerprints": {FINGERPRINT_VERSION: fingerprint(f, p)},
                "properties": {"pair": p.index, "link": p.link.kind, "category": REGISTRY[f.code].category,
                               "scores": pr.scores, "evidence": f.evidence},
            }
            other = "source" if side == "target" else "target"
            other_region = _region(pr.locations.get(other))
            if other_region:
                related = _physical(docs[other], artifact_index[other], other_region)
                related.update(id=1, message={"text": "the original" if other == "source" else "the translation"})
                result["relatedLocations"] = [related]
            results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "tqcheck",
                "version": str(report.signature.get("version", "")),
                "rules": [_rule(c) for c in codes],
            }},
            "invocations": [{
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"level": "note", "message": {"text": n}} for n in report.notes],
            }],
            "artifacts": [
                {"location": {"uri": artifact_uri(d.path)}, "encoding": d.encoding, "sourceLanguage": d.lang,
                 "roles": ["analysisTarget"] if side == "target" else ["referencedOnCommandLine"]}
                for side, d in docs.items()
            ],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"signature": report.signature, "summary": report.summary()},
        }],
    }


def render_sarif(report: Report, options: RenderOptions) -> str:
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"
