"""The audit dashboard: one self-contained HTML page (no script, no network) with the totals, findings
by code and by language pair, the worst documents, the documents that failed and why, and a table of
every document (linking to its own report with ``--html-per-document``).

As in the compare report, every text from the input goes through ``html.escape`` and a strict
Content-Security-Policy allows only the page's own stylesheet (by hash) and no script at all.
The table of documents is streamed to a side file while the audit's results are read back, so the
page is built without holding the feed.
"""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import tempfile
from html import escape
from typing import Any

from ..check.rules import REGISTRY
from .inputs import safe_name
from .store import REPORTS

CSS = """
:root { --error: #c62828; --warning: #a15c00; --info: #0b6e99; --ok: #2e7d32; --muted: #5f6b7a; --line: #d9dee5;
  --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #1f2328; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 8px; }
.sub, footer, .muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); } .card.failed b { color: var(--error); }
table { border-collapse: collapse; width: 100%; margin: 0 0 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.err { overflow-wrap: anywhere; }
.bar { fill: #9cc3e6; } svg { vertical-align: middle; }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; }
.sev-info { color: var(--info); } .failed { color: var(--error); font-weight: 600; } .ok { color: var(--ok); }
code { font-family: ui-monospace, monospace; }
footer { padding: 12px 20px 24px; font-size: 12px; }
"""
CSP = ("default-src 'none'; style-src 'sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode()
       + "'; script-src 'none'; img-src data:; base-uri 'none'; form-action 'none'")


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def _n(value: object) -> str:
    return f'<td class="n">{_e(value if value is not None else "")}</td>'


class Dashboard:
    def __init__(self, path: str, html_reports: bool) -> None:
        self.path = path
        self.html_reports = html_reports
        fd, self.rows_path = tempfile.mkstemp(prefix=".dashboard-rows.", suffix=".tmp", dir=os.path.dirname(path))
        self.rows = os.fdopen(fd, "w", encoding="utf-8")
        self.has_quality = False

    def add(self, row: dict[str, Any]) -> None:
        doc = _e(row["id"])
        if self.html_reports and row["status"] == "ok":
            doc = f'<a href="{_e(REPORTS + "/" + safe_name(row["id"]) + ".html")}">{doc}</a>'
        quality = row.get("quality")
        if isinstance(quality, (int, float)):
            self.has_quality = True
        status = ('<span class="ok">ok</span>' if row["status"] == "ok" else '<span class="failed">failed</span>')
        worst = row.get("worst_severity")
        self.rows.write(
            f"<tr><td>{doc}</td><td>{_e(row.get('src_lang'))}→{_e(row.get('tgt_lang'))}</td><td>{status}</td>"
            + _n(row.get("pairs")) + _n(row.get("errors")) + _n(row.get("warnings")) + _n(row.get("infos"))
            + _n(f"{quality:.3f}" if isinstance(quality, (int, float)) else None)
            + f'<td class="sev-{_e(worst)}">{_e(worst)}</td><td class="err">{_e(row.get("error"))}</td></tr>\n')

    def finish(self, summary: dict[str, Any]) -> None:
        self.rows.close()
        t = summary["totals"]
        sev = t["findings_by_severity"]
        title = f"tqcheck audit: {summary.get('input', {}).get('path', '')}"
        cards = "".join(
            f'<div class="card {cls}"><b>{value:,}</b>{_e(label)}</div>' for cls, value, label in (
                ("", t["documents"], "documents"), ("failed", t["failed"], "failed"), ("", t["pairs"], "aligned pairs"),
                ("", t["findings"], "findings"), ("error", sev["error"], "errors"),
                ("warning", sev["warning"], "warnings"), ("", sev["info"], "info")))
        for name, s in summary.get("scores", {}).items():
            cards += f'<div class="card"><b>{s["mean"]:.3f}</b>mean {_e(name)} (min {s["min"]:.3f})</div>'
        head = [
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">',
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
            f"<header><h1>{_e(title)}</h1><p class=\"sub\">tqcheck {_e(summary.get('version'))} · input "
            f"{_e(summary.get('input', {}).get('kind'))} · embedder {_e(summary.get('options', {}).get('embedder'))} · "
            f"fail on {_e(summary.get('fail_on'))} · exit code {_e(summary.get('exit_code'))}</p></header><main>",
            f'<div class="cards">{cards}</div>',
            self._codes(summary), self._pairs(summary), self._worst(summary), self._failed(summary),
            "<h2>Documents</h2><table><thead><tr><th>document</th><th>languages</th><th>status</th><th>pairs</th>"
            "<th>errors</th><th>warnings</th><th>info</th><th>quality</th><th>worst</th><th>error</th></tr></thead>"
            "<tbody>\n",
        ]
        tail = ("</tbody></table></main><footer>Generated by tqcheck audit. Per-pair findings are in "
                "findings.parquet; aggregates in summary.json.</footer></body></html>\n")
        with open(self.path, "w", encoding="utf-8") as out:
            out.write("".join(head))
            with open(self.rows_path, encoding="utf-8") as rows:
                shutil.copyfileobj(rows, out)
            out.write(tail)
            out.flush()
            os.fsync(out.fileno())
        os.unlink(self.rows_path)

    def discard(self) -> None:
        if not self.rows.closed:
            self.rows.close()
        for path in (self.rows_path, self.path):
            try:
                os.unlink(path)
            except OSError:
                pass

    @staticmethod
    def _codes(summary: dict[str, Any]) -> str:
        codes = summary["findings_by_code"]
        if not codes:
            return '<h2>Findings by code</h2><p class="ok">No findings.</p>'
        top = max(codes.values())
        rows = []
        for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = REGISTRY.get(code)
            rows.append(f"<tr><td><code>{_e(code)}</code></td><td>{_e(rule.name if rule else '')}</td>"
                        f'<td class="sev-{_e(rule.severity if rule else "")}">{_e(rule.severity if rule else "")}</td>'
                        f'{_n(n)}<td><svg width="200" height="10" role="img" aria-label="{n}"><rect class="bar" '
                        f'width="{max(1, round(200 * n / top))}" height="10"/></svg></td></tr>')
        return ("<h2>Findings by code</h2><table><thead><tr><th>code</th><th>rule</th><th>default severity</th>"
                "<th>findings</th><th></th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")

    @staticmethod
    def _pairs(summary: dict[str, Any]) -> str:
        rows = []
        for lp, p in summary["by_language_pair"].items():
            sev = p["findings_by_severity"]
            top = ", ".join(f"{c} ×{n}" for c, n in sorted(p["findings_by_code"].items(), key=lambda kv: -kv[1])[:5])
            rows.append(f"<tr><td>{_e(lp)}</td>{_n(p['documents'])}{_n(p['failed'])}{_n(p['pairs'])}"
                        f"{_n(sev['error'])}{_n(sev['warning'])}{_n(sev['info'])}<td>{_e(top)}</td></tr>")
        return ("<h2>By language pair</h2><table><thead><tr><th>pair</th><th>documents</th><th>failed</th>"
                "<th>aligned pairs</th><th>errors</th><th>warnings</th><th>info</th><th>most frequent codes</th>"
                "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")

    @staticmethod
    def _worst(summary: dict[str, Any]) -> str:
        docs = summary["worst_documents"]
        if not docs:
            return ""
        rows = "".join(
            f"<tr><td>{_e(d['id'])}</td><td>{_e(d.get('src_lang'))}→{_e(d.get('tgt_lang'))}</td>{_n(d.get('pairs'))}"
            f"{_n(d.get('errors'))}{_n(d.get('warnings'))}"
            f"{_n(format(d['quality'], '.3f') if isinstance(d.get('quality'), (int, float)) else None)}</tr>"
            for d in docs)
        return ("<h2>Worst documents</h2><table><thead><tr><th>document</th><th>languages</th><th>pairs</th>"
                "<th>errors</th><th>warnings</th><th>quality</th></tr></thead><tbody>" + rows + "</tbody></table>")

    @staticmethod
    def _failed(summary: dict[str, Any]) -> str:
        docs = summary["failed_documents"]
        if not docs:
            return ""
        rows = "".join(f'<tr><td>{_e(d["id"])}</td><td class="err">{_e(d["error"])}</td></tr>' for d in docs)
        return ('<h2>Documents that could not be audited</h2><table><thead><tr><th>document</th><th>reason</th>'
                "</tr></thead><tbody>" + rows + "</tbody></table>")
