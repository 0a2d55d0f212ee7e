"""Baselines: findings a team has accepted, so that CI reports (and fails on) only new ones; with the
rule selection (``runner.Selection``), the other way findings are left out of a report.

``--write-baseline FILE`` records every finding of a run; ``--baseline FILE`` drops the findings it
records. Findings are matched by fingerprint (see ``fingerprint.py``), counted, so that a second
identical defect in the same sentence is still new.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import Any, Callable

from ..errors import InputError
from ..result import Report
from .fingerprint import FINGERPRINT_VERSION, fingerprint

BASELINE_VERSION = 1


def render_baseline(report: Report) -> str:
    """The baseline file for every finding of ``report``: JSON, sorted, one finding per entry.
    Path, line and message are there for the people reviewing it; only the fingerprint matches."""
    entries = []
    for pr in report.pairs:
        for f in pr.findings:
            loc = f.location
            entries.append({
                "fingerprint": fingerprint(f, pr.pair),
                "code": f.code,
                "path": loc.path if loc else report.target.path,
                "line": loc.line if loc else None,
                "text": loc.text if loc else None,
                "message": f.message,
            })
    entries.sort(key=lambda e: (e["path"], e["line"] or 0, e["code"], e["fingerprint"]))
    data = {"tool": "tqcheck", "baseline_version": BASELINE_VERSION, "fingerprint": FINGERPRINT_VERSION,
            "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str) -> Counter[str]:
    """Fingerprints recorded in a baseline file, with how often each was recorded."""
    try:
        with open(path, encoding="utf-8") as fh:
            data: Any = json.load(fh)
    except FileNotFoundError as exc:
        raise InputError(path, "no such baseline file; create it with --write-baseline") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory, not a baseline file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the baseline: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a tqcheck baseline (invalid JSON: {exc.msg})", line=exc.lineno) from exc
    if not isinstance(data, dict) or data.get("tool") != "tqcheck" or not isinstance(data.get("findings"), list):
        raise InputError(path, "not a tqcheck baseline (expected the JSON that --write-baseline writes)")
    if data.get("baseline_version") != BASELINE_VERSION:
        raise InputError(path, f"baseline version {data.get('baseline_version')!r} is not supported "
                               f"(this tqcheck writes {BASELINE_VERSION}); rewrite it with --write-baseline")
    counts: Counter[str] = Counter()
    for k, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError(path, f"baseline entry {k} has no fingerprint; rewrite it with --write-baseline")
        counts[entry["fingerprint"]] += 1
    return counts


def apply_baseline(report: Report, baseline: Counter[str], path: str,
                   notify: Callable[[str], None] | None = None) -> Report:
    """A copy of ``report`` without the findings ``baseline`` records; the signature names the baseline."""
    left = Counter(baseline)
    known = 0
    pairs = []
    for pr in report.pairs:
        kept = []
        for f in pr.findings:
            fp = fingerprint(f, pr.pair)
            if left[fp] > 0:
                left[fp] -= 1
                known += 1
            else:
                kept.append(f)
        pairs.append(replace(pr, findings=kept))
    stale = sum(left.values())
    note = f"baseline {path}: {known} known finding(s) not reported"
    if stale:
        note += f"; {stale} baseline entr{'y' if stale == 1 else 'ies'} no longer found (fixed? rewrite it with --write-baseline)"
    if notify:
        notify(note)
    return replace(report, pairs=pairs, notes=[*report.notes, note], signature={**report.signature, "baseline": path})
