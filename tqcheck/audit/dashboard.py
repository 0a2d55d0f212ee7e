"""The audit dashboard: one self-contained HTML page (no network) with the totals, findings by code with
the severities they fired at, each language pair with its quality distribution, the worst documents
(linked to their reports, with their top codes), the changes since a baseline audit, the documents
that failed and why, and a table of every document that can be filtered (pair, code, severity,
quality) and sorted by any column.

As in the compare report, every text from the input goes through ``html.escape`` and a strict
Content-Security-Policy allows only the page's own stylesheet and script (by hash), nothing from
elsewhere. Without script the page is complete; the script only filters and sorts. The table of
documents is streamed to a side file while the audit's results are read back, so the page is built
without holding the feed.
"""
from __future__ import annotations

import base64
import hashlib
import json
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
h1 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; } h2 { font-size: 16px; margin: 20px 0 8px; }
.sub, footer, .muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); } .card.failed b { color: var(--error); }
.card.good b { color: var(--ok); }
table { border-collapse: collapse; width: 100%; margin: 0 0 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); position: sticky; top: 0; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort=ascending] button::after { content: " \\25B2"; } th[aria-sort=descending] button::after { content: " \\25BC"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.err, td.id { overflow-wrap: anywhere; } td.nw { white-space: nowrap; }
.bar { fill: #9cc3e6; } .hist { fill: #6f9fcf; } svg { vertical-align: middle; }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; }
.sev-info { color: var(--info); } .failed { color: var(--error); font-weight: 600; } .ok { color: var(--ok); }
.new { color: var(--error); } .fixed { color: var(--ok); }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin: 0 0 8px; padding: 8px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.filters input, .filters select { font: inherit; min-width: 90px; }
tr:target { background: #fff6cc; }
code { font-family: ui-monospace, monospace; }
footer { padding: 12px 20px 24px; font-size: 12px; }
"""
SCRIPT = """(function () {
  var table = document.getElementById("docs");
  if (!table) return;
  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
  var rank = {"": 0, info: 1, warning: 2, error: 3};
  var f = {};
  ["pair", "code", "sev", "qmin", "qmax", "text"].forEach(function (k) { f[k] = document.getElementById("f-" + k); });
  var count = document.getElementById("f-count");
  function apply() {
    var pair = f.pair.value, code = f.code.value.trim().toUpperCase(), sev = f.sev.value;
    var qmin = parseFloat(f.qmin.value), qmax = parseFloat(f.qmax.value), text = f.text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var d = r.dataset, q = parseFloat(d.quality), ok = true;
      if (pair && d.pair !== pair) ok = false;
      if (ok && code && !d.codes.split(" ").some(function (c) { return c && c.indexOf(code) === 0; })) ok = false;
      if (ok && sev === "failed" && d.status !== "failed") ok = false;
      if (ok && sev && sev !== "failed" && rank[d.worst || ""] < rank[sev]) ok = false;
      if (ok && !isNaN(qmin) && !(q >= qmin)) ok = false;
      if (ok && !isNaN(qmax) && !(q <= qmax)) ok = false;
      if (ok && text && d.id.toLowerCase().indexOf(text) < 0) ok = false;
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " documents shown";
  }
  Object.keys(f).forEach(function (k) { f[k].addEventListener("input", apply); f[k].addEventListener("change", apply); });
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf("filter:") !== 0) return;
    ["pair", "code", "sev", "qmin", "qmax", "text"].forEach(function (k) { f[k].value = ""; });
    h.slice(7).split("&").forEach(function (kv) {
      var i = kv.indexOf("="), k = kv.slice(0, i), v = kv.slice(i + 1);
      if (f[k]) f[k].value = v;
    });
    apply();
    table.scrollIntoView();
  }
  window.addEventListener("hashchange", fromHash);
  Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-key]"), function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var key = th.dataset.key, numeric = th.dataset.type === "n";
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.dataset[key] || "", y = b.dataset[key] || "";
        if (numeric) {
          x = x === "" ? Infinity : parseFloat(x); y = y === "" ? Infinity : parseFloat(y);
          if (x === y) return (parseInt(a.dataset.seq, 10) - parseInt(b.dataset.seq, 10));
          return (x < y ? -1 : 1) * dir;
        }
        return x.localeCompare(y) * dir || (parseInt(a.dataset.seq, 10) - parseInt(b.dataset.seq, 10));
      });
      var frag = document.createDocumentFragment();
      rows.forEach(function (r) { frag.appendChild(r); });
      body.appendChild(frag);
    });
  });
  apply();
  fromHash();
})();
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


CSP = (f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; img-src data:; "
       "base-uri 'none'; form-action 'none'")
SEVERITIES = ("error", "warning", "info")


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def _n(value: object) -> str:
    return f'<td class="n">{_e(value if value is not None else "")}</td>'


def _quality(value: object) -> str | None:
    return f"{value:.3f}" if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _top_codes(codes: dict[str, int], limit: int = 3) -> str:
    """The most frequent codes of a document, with their rule names: why it is bad, in a few words."""
    out = []
    for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
        rule = REGISTRY.get(code)
        out.append(f"<code>{_e(code)}</code> {_e(rule.name if rule else '')} ×{n}")
    return ", ".join(out)


def _codes_of(row: dict[str, Any]) -> dict[str, int]:
    cell = row.get("findings_by_code")
    try:
        codes = json.loads(cell) if isinstance(cell, str) else (cell or {})
    except ValueError:
        return {}
    return codes if isinstance(codes, dict) else {}


def _filter_link(text: str, **params: str) -> str:
    from urllib.parse import quote

    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    return f'<a href="#filter:{_e(query)}">{text}</a>'


class Dashboard:
    def __init__(self, path: str, html_reports: bool) -> None:
        self.path = path
        self.html_reports = html_reports
        fd, self.rows_path = tempfile.mkstemp(prefix=".dashboard-rows.", suffix=".tmp", dir=os.path.dirname(path))
        self.rows = os.fdopen(fd, "w", encoding="utf-8")
        self.has_quality = False
        self.seq = 0
        self.pairs: set[str] = set()

    def link(self, doc_id: str, seq: int | None, ok: bool) -> str:
        """Where a document's name leads: its own report, else its row in the table of documents."""
        if self.html_reports and ok:
            return _e(REPORTS + "/" + safe_name(doc_id) + ".html")
        return f"#doc-{seq}" if seq is not None else ""

    def add(self, row: dict[str, Any]) -> None:
        seq = self.seq
        self.seq += 1
        ok = row["status"] == "ok"
        doc = f'<a href="{self.link(row["id"], seq, ok)}">{_e(row["id"])}</a>' if self.html_reports and ok \
            else _e(row["id"])
        quality = row.get("quality")
        if isinstance(quality, (int, float)):
            self.has_quality = True
        pair = f"{row.get('src_lang') or '?'}-{row.get('tgt_lang') or '?'}"
        self.pairs.add(pair)
        codes = _codes_of(row)
        status = ('<span class="ok">ok</span>' if ok else '<span class="failed">failed</span>')
        worst = row.get("worst_severity")
        data = {"seq": seq, "id": row["id"], "pair": pair, "status": row["status"], "worst": worst or "",
                "codes": " ".join(sorted(codes)), "quality": _quality(quality) or "", "pairs": row.get("pairs"),
                "errors": row.get("errors"), "warnings": row.get("warnings"), "infos": row.get("infos"),
                "findings": row.get("findings")}
        attrs = " ".join(f'data-{k}="{_e("" if v is None else v)}"' for k, v in data.items())
        self.rows.write(
            f'<tr id="doc-{seq}" {attrs}><td class="id">{doc}</td><td class="nw">{_e(pair)}</td><td>{status}</td>'
            + _n(row.get("pairs")) + _n(row.get("errors")) + _n(row.get("warnings")) + _n(row.get("infos"))
            + _n(_quality(quality)) + f'<td class="sev-{_e(worst)}">{_e(worst)}</td><td>{_top_codes(codes)}</td>'
            + f'<td class="err">{_e(row.get("error"))}</td></tr>\n')

    def finish(self, summary: dict[str, Any]) -> None:
        self.rows.close()
        t = summary["totals"]
        sev = t["findings_by_severity"]
        title = f"tqcheck audit: {summary.get('input', {}).get('path', '')}"
        embedder = summary.get("options", {}).get("embedder")
        if not embedder:
            used = sorted({str(s.get("embedder")) for s in summary.get("signatures", {}).values()
                           if isinstance(s, dict) and s.get("embedder")})
            embedder = ", ".join(used) + " (default)" if used else "default"
        cards = "".join(
            f'<div class="card {cls}"><b>{value:,}</b>{_e(label)}</div>' for cls, value, label in (
                ("", t["documents"], "documents"), ("failed" if t["failed"] else "good", t["failed"], "failed"),
                ("", t["pairs"], "aligned pairs"), ("", t["findings"], "findings"),
                ("error" if sev["error"] else "", sev["error"], "errors"),
                ("warning" if sev["warning"] else "", sev["warning"], "warnings"), ("", sev["info"], "info")))
        for name, s in summary.get("scores", {}).items():
            cards += f'<div class="card"><b>{s["mean"]:.3f}</b>mean {_e(name)} (min {s["min"]:.3f})</div>'
        head = [
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">',
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
            f"<header><h1>{_e(title)}</h1><p class=\"sub\">tqcheck {_e(summary.get('version'))} · input "
            f"{_e(summary.get('input', {}).get('kind'))} · embedder {_e(embedder)} · "
            f"fail on {_e(summary.get('fail_on'))} · exit code {_e(summary.get('exit_code'))}</p></header><main>",
            f'<div class="cards">{cards}</div>',
            self._worst(summary), self._baseline(summary), self._codes(summary), self._pairs(summary),
            self._failed(summary), self._table_head(summary),
        ]
        tail = (f"</tbody></table></main><footer>Generated by tqcheck audit. Per-pair findings (with the severity "
                f"of each) are in findings.parquet; aggregates in summary.json.</footer><script>{SCRIPT}</script>"
                "</body></html>\n")
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

    def _table_head(self, summary: dict[str, Any]) -> str:
        pairs = "".join(f'<option value="{_e(p)}">{_e(p)}</option>' for p in sorted(self.pairs))
        codes = "".join(f'<option value="{_e(c)}"></option>' for c in summary["findings_by_code"])
        filters = (
            '<div class="filters" role="search">'
            f'<label>language pair<select id="f-pair"><option value="">all</option>{pairs}</select></label>'
            '<label>code (or prefix)<input id="f-code" list="f-codes" placeholder="e.g. TQ301" size="10">'
            f'<datalist id="f-codes">{codes}</datalist></label>'
            '<label>worst severity<select id="f-sev"><option value="">any</option><option value="error">error</option>'
            '<option value="warning">warning or worse</option><option value="info">info or worse</option>'
            '<option value="failed">failed documents</option></select></label>'
            '<label>quality from<input id="f-qmin" type="number" min="0" max="1" step="0.05" size="5"></label>'
            '<label>quality to<input id="f-qmax" type="number" min="0" max="1" step="0.05" size="5"></label>'
            '<label>document<input id="f-text" type="search" placeholder="name contains" size="14"></label>'
            f'<span id="f-count" class="muted" aria-live="polite">{self.seq:,} documents</span></div>')
        cols = (("document", "id", "s"), ("languages", "pair", "s"), ("status", "status", "s"),
                ("pairs", "pairs", "n"), ("errors", "errors", "n"), ("warnings", "warnings", "n"),
                ("info", "infos", "n"), ("quality", "quality", "n"), ("worst", "worst", "s"),
                ("top codes", None, None), ("error", None, None))
        ths = "".join(f'<th data-key="{k}" data-type="{t}">{_e(label)}</th>' if k else f"<th>{_e(label)}</th>"
                      for label, k, t in cols)
        return (f'<h2 id="documents">Documents</h2>{filters}<table id="docs"><thead><tr>{ths}</tr></thead><tbody>\n')

    @staticmethod
    def _codes(summary: dict[str, Any]) -> str:
        codes = summary["findings_by_code"]
        if not codes:
            return '<h2>Findings by code</h2><p class="ok">No findings.</p>'
        fired = summary.get("findings_by_code_and_severity", {})
        top = max(codes.values())
        rows = []
        for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = REGISTRY.get(code)
            by = fired.get(code, {})
            cells = "".join(f'<td class="n sev-{s}">{by[s]:,}</td>' if by.get(s) else '<td class="n"></td>'
                            for s in SEVERITIES)
            rows.append(f"<tr><td>{_filter_link(f'<code>{_e(code)}</code>', code=code)}</td>"
                        f"<td>{_e(rule.name if rule else '')}</td>{cells}{_n(n)}"
                        f'<td><svg width="200" height="10" role="img" aria-label="{n}"><rect class="bar" '
                        f'width="{max(1, round(200 * n / top))}" height="10"/></svg></td>'
                        f'<td class="muted">{_e(rule.severity if rule else "")}</td></tr>')
        return ("<h2>Findings by code</h2><p class=\"muted\">Each code with the severities its findings fired at "
                "(a rule can fire at another severity than its default); a code filters the documents.</p><table>"
                "<thead><tr><th>code</th><th>rule</th><th>errors</th><th>warnings</th><th>info</th><th>findings</th>"
                "<th></th><th>default severity</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")

    @staticmethod
    def _histogram(bins: list[int]) -> str:
        total = sum(bins)
        if not total:
            return '<span class="muted">no quality score</span>'
        top, width = max(bins), 8
        bars = []
        for k, n in enumerate(bins):
            h = round(30 * n / top) if n else 0
            lo, hi = k / len(bins), (k + 1) / len(bins)
            bars.append(f'<rect class="hist" x="{k * width}" y="{30 - h}" width="{width - 1}" height="{max(h, 0)}">'
                        f"<title>{lo:.2f}-{hi:.2f}: {n} document(s)</title></rect>")
        seen, median = 0, 0.0
        for k, n in enumerate(bins):
            seen += n
            if seen * 2 >= total:
                median = (k + 0.5) / len(bins)
                break
        return (f'<svg width="{width * len(bins)}" height="32" role="img" aria-label="quality from 0 to 1">'
                f'{"".join(bars)}<line x1="0" y1="31" x2="{width * len(bins)}" y2="31" stroke="#999"/></svg> '
                f'<span class="muted">median ≈ {median:.2f}</span>')

    def _pairs(self, summary: dict[str, Any]) -> str:
        rows = []
        for lp, p in summary["by_language_pair"].items():
            sev = p["findings_by_severity"]
            top = ", ".join(f"{_e(c)} ×{n}" for c, n in sorted(p["findings_by_code"].items(), key=lambda kv: -kv[1])[:5])
            rows.append(f'<tr><td class="nw">{_filter_link(_e(lp), pair=lp)}</td>{_n(p["documents"])}'
                        f"{_n(p['failed'])}{_n(p['pairs'])}{_n(sev['error'])}{_n(sev['warning'])}{_n(sev['info'])}"
                        f'<td class="nw">{self._histogram(p.get("quality_histogram") or [])}</td><td>{top}</td></tr>')
        return ("<h2>By language pair</h2><table><thead><tr><th>pair</th><th>documents</th><th>failed</th>"
                "<th>aligned pairs</th><th>errors</th><th>warnings</th><th>info</th><th>quality distribution</th>"
                "<th>most frequent codes</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")

    def _worst(self, summary: dict[str, Any]) -> str:
        docs = summary["worst_documents"]
        if not docs:
            return ""
        rows = "".join(
            f'<tr><td class="id"><a href="{self.link(d["id"], d.get("seq"), True)}">{_e(d["id"])}</a></td>'
            f"<td>{_e(d.get('src_lang'))}-{_e(d.get('tgt_lang'))}</td>"
            f"{_n(_quality(d.get('quality')))}{_n(d.get('errors'))}{_n(d.get('warnings'))}"
            f"<td>{_top_codes(d.get('top_codes') or {})}</td></tr>"
            for d in docs)
        where = "its report" if self.html_reports else "its row in the table of documents"
        return (f'<h2>Worst documents</h2><p class="muted">Lowest quality first (then most errors); a name leads to '
                f"{where}.</p><table><thead><tr><th>document</th><th>languages</th><th>quality</th><th>errors</th>"
                "<th>warnings</th><th>why: top codes</th></tr></thead><tbody>" + rows + "</tbody></table>")

    @staticmethod
    def _baseline(summary: dict[str, Any]) -> str:
        b = summary.get("baseline")
        if not b:
            return ""
        d, f = b["documents"], b["findings"]
        cards = "".join(f'<div class="card {cls}"><b>{v:,}</b>{_e(label)}</div>' for cls, v, label in (
            ("error" if f["new"] else "", f["new"], "new findings"), ("good", f["fixed"], "fixed findings"),
            ("", d["with_new_findings"], "documents with new findings"),
            ("", d["with_fixed_findings"], "documents with fixed findings"),
            ("failed" if d["fail_now"] else "", d["fail_now"], "fail now"), ("", d["no_longer_fail"], "no longer fail"),
            ("", d["new_to_the_input"], "new documents"), ("", d["gone_from_the_input"], "documents gone")))
        codes = "".join(f"<tr><td><code>{_e(c)}</code></td>"
                        f'<td class="n new">{v["new"] or ""}</td><td class="n fixed">{v["fixed"] or ""}</td></tr>'
                        for c, v in sorted(b["by_code"].items(), key=lambda kv: (-kv[1]["new"], -kv[1]["fixed"], kv[0])))

        def changes(r: dict[str, Any]) -> str:
            parts = [f'<span class="new">+{n} {_e(c)}</span>' for c, n in json.loads(r.get("new_codes") or "{}").items()]
            parts += [f'<span class="fixed">−{n} {_e(c)}</span>' for c, n in json.loads(r.get("fixed_codes") or "{}").items()]
            return " ".join(parts)

        listed = [*b["documents_with_new_findings"], *b["documents_that_fail_now"], *b["documents_with_fixed_findings"],
                  *b["documents_that_no_longer_fail"]]
        docs = "".join(f'<tr><td class="id">{_e(r["id"])}</td><td>{_e(r["change"])}</td><td>{changes(r)}</td>'
                       f"{_n(_quality(r.get('quality_before')))}{_n(_quality(r.get('quality_now')))}</tr>" for r in listed)
        return (f'<h2>Since the baseline</h2><p class="muted">Compared with the audit in {_e(b["path"])}: findings '
                f"counted per document and code (changes.parquet has every changed document).</p>"
                f'<div class="cards">{cards}</div>'
                + ("<table><thead><tr><th>code</th><th>new</th><th>fixed</th></tr></thead><tbody>" + codes
                   + "</tbody></table>" if codes else "")
                + ("<table><thead><tr><th>document</th><th>change</th><th>findings</th><th>quality before</th>"
                   "<th>quality now</th></tr></thead><tbody>" + docs + "</tbody></table>" if docs else ""))

    @staticmethod
    def _failed(summary: dict[str, Any]) -> str:
        docs = summary["failed_documents"]
        if not docs:
            return ""
        rows = "".join(f'<tr><td class="id">{_e(d["id"])}</td><td class="err">{_e(d["error"])}</td></tr>' for d in docs)
        return ('<h2>Documents that could not be audited</h2><table><thead><tr><th>document</th><th>reason</th>'
                "</tr></thead><tbody>" + rows + "</tbody></table>")
