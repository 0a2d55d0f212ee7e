"""The HTML report: one self-contained page (inline CSS, JS and SVG; nothing fetched) for editors.

Source and translation side by side, pair by pair; flagged spans highlighted by severity; filters by
code and severity; a summary with charts of findings by category and of the per-pair scores.

Every piece of text from the documents or the findings goes through ``html.escape``, and the page's
Content-Security-Policy allows only its own script and stylesheet (by hash): a translation that
contains ``<script>`` or ``<img onerror=...>`` shows as text and could not run even if it slipped through.
"""
from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape
from typing import Iterable

from ..check.rules import REGISTRY
from ..result import EVIDENCE_LABELS, PairResult, Report
from ..types import Finding, Severity
from .base import RenderOptions

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

CSS = """
:root { --error: #c62828; --error-bg: #ffd7d5; --warning: #a15c00; --warning-bg: #ffe8a3; --info: #0b6e99;
  --info-bg: #cdeefb; --ok: #2e7d32; --muted: #5f6b7a; --line: #d9dee5; --bg: #f6f8fa; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
  color: #1f2328; background: #fff; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 8px; }
.sub, .note, footer { color: var(--muted); }
.note { margin: 2px 0; }
details.sig { margin: 6px 0 0; color: var(--muted); }
details.sig dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; margin: 6px 0; }
details.sig dt { font-weight: 600; }
details.sig dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
.summary { display: grid; grid-template-columns: minmax(220px, 1fr) minmax(280px, 1.4fr) minmax(340px, 2fr); gap: 16px;
  margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff; }
.counts { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; margin: 0; }
.counts dt { color: var(--muted); }
.counts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.counts .error { color: var(--error); } .counts .warning { color: var(--warning); } .counts .info { color: var(--info); }
svg { width: 100%; height: auto; display: block; }
svg text { font: 11px system-ui, sans-serif; fill: #1f2328; }
svg .axis { stroke: #9aa4b2; stroke-width: 1; }
svg .grid { stroke: #e6e9ee; stroke-width: 1; }
svg .q.sev-none { fill: #9cc3e6; }
.evidence { margin: .3em .6em; font-size: .9em; color: #57606a; } .evidence .label { font-weight: 600; }
svg .docq { stroke: #1f4e79; stroke-dasharray: 4 3; stroke-width: 1; }
svg .sim { fill: #1f4e79; }
svg .sev-error { fill: var(--error); } svg .sev-warning { fill: #e0a100; } svg .sev-info { fill: var(--info); }
svg .sev-none { fill: #cfd6de; }
svg a:hover rect { opacity: .75; }
.caption { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
form#filters { position: sticky; top: 0; z-index: 2; background: var(--bg); border: 1px solid var(--line); border-radius: 8px;
  padding: 8px 12px; margin: 0 0 12px; display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
form#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
form#filters legend { float: left; font-weight: 600; margin-right: 6px; }
form#filters label { white-space: nowrap; cursor: pointer; }
#shown { margin-left: auto; color: var(--muted); }
.pair { display: grid; grid-template-columns: 1fr 1fr; border: 1px solid var(--line); border-left: 5px solid #cfd6de;
  border-radius: 6px; margin: 0 0 10px; background: #fff; }
.pair.worst-error { border-left-color: var(--error); } .pair.worst-warning { border-left-color: #e0a100; }
.pair.worst-info { border-left-color: var(--info); }
.pair > .head { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 4px 10px;
  background: var(--bg); border-bottom: 1px solid var(--line); color: var(--muted); font-size: 12px; }
.pair > .head a { color: inherit; font-weight: 600; text-decoration: none; }
.side { padding: 8px 10px; overflow-wrap: anywhere; white-space: pre-wrap; }
.side + .side { border-left: 1px solid var(--line); }
.side .where { display: block; color: var(--muted); font-size: 12px; white-space: normal; }
.side.empty .text { color: var(--muted); font-style: italic; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
mark.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px #e0a100; }
mark.sev-info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
mark.off { background: none; box-shadow: none; }
ul.findings { grid-column: 1 / -1; list-style: none; margin: 0; padding: 6px 10px; border-top: 1px dashed var(--line); }
.finding { margin: 2px 0; }
.badge { display: inline-block; min-width: 58px; text-align: center; border-radius: 10px; padding: 0 6px; font-size: 12px;
  font-weight: 600; color: #fff; }
.badge.sev-error { background: var(--error); } .badge.sev-warning { background: #b86e00; } .badge.sev-info { background: var(--info); }
.code { font-family: ui-monospace, monospace; font-weight: 600; }
.finding .loc, .finding .cat { color: var(--muted); font-size: 12px; }
.finding .loc { font-family: ui-monospace, monospace; }
.clean { color: var(--ok); }
footer { padding: 12px 20px 24px; font-size: 12px; }
@media (max-width: 900px) { .summary { grid-template-columns: 1fr; } .pair { grid-template-columns: 1fr; }
  .side + .side { border-left: 0; border-top: 1px solid var(--line); } }
"""

JS = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-f]"));
  var pairs = Array.prototype.slice.call(document.querySelectorAll("section.pair"));
  function checked(attr) {
    var on = {};
    form.querySelectorAll("input[" + attr + "]").forEach(function (box) { on[box.getAttribute(attr)] = box.checked; });
    return on;
  }
  function apply() {
    var sev = checked("data-sev"), code = checked("data-code");
    var showClean = document.getElementById("show-clean").checked;
    var visible = {}, count = 0;
    findings.forEach(function (f) {
      var on = sev[f.getAttribute("data-sev")] !== false && code[f.getAttribute("data-code")] !== false;
      f.hidden = !on;
      if (on) { visible[f.id] = true; count += 1; }
    });
    marks.forEach(function (m) {
      var ids = m.getAttribute("data-f").split(" ");
      m.classList.toggle("off", !ids.some(function (id) { return visible[id]; }));
    });
    pairs.forEach(function (p) {
      var all = p.querySelectorAll("li.finding").length;
      var on = p.querySelectorAll("li.finding:not([hidden])").length;
      p.hidden = all ? on === 0 : !showClean;
    });
    shown.textContent = count + " of " + findings.length + " findings shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


#: Only the page's own stylesheet and script, by hash; no network, no inline handlers.
CSP = (f"default-src 'none'; style-src '{_sha256(CSS)}'; script-src '{_sha256(JS)}'; img-src data:; "
       f"base-uri 'none'; form-action 'none'")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _highlighted(pr: PairResult, side: str, ids: dict[int, str]) -> str:
    """The side's text, each stretch covered by findings in a <mark> naming them; overlaps split."""
    text = pr.pair.source if side == "source" else pr.pair.target
    spans = [(max(0, f.span.start), min(len(text), f.span.end), f) for f in pr.findings
             if f.span and f.span.side == side and f.span.end > f.span.start]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [f for s, e, f in spans if s <= a and b <= e]
        piece = _e(text[a:b])
        if covering:
            worst = max(f.severity for f in covering)
            title = "; ".join(f"{f.code} {f.message}" for f in covering)
            out.append(f'<mark class="sev-{worst}" data-f="{" ".join(ids[id(f)] for f in covering)}" '
                       f'title="{_e(title)}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _category_chart(findings: list[Finding]) -> str:
    by_cat: dict[str, Counter[Severity]] = {}
    for f in findings:
        rule = REGISTRY.get(f.code)
        by_cat.setdefault(rule.category if rule else "Other", Counter())[f.severity] += 1
    if not by_cat:
        return '<p class="clean">No findings.</p>'
    rows = sorted(by_cat.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    top = max(sum(c.values()) for _, c in rows)
    bar_w, row_h = 280, 36
    height = row_h * len(rows) + 4
    parts = [f'<svg viewBox="0 0 {bar_w + 40} {height}" role="img" aria-labelledby="cat-title">'
             '<title id="cat-title">Findings by category and severity</title>']
    for k, (cat, counts) in enumerate(rows):
        y = 2 + k * row_h
        parts.append(f'<text x="0" y="{y + 12}">{_e(cat)}</text>')
        x = 0.0
        for sev in SEVERITIES:
            n = counts.get(sev, 0)
            if not n:
                continue
            w = bar_w * n / top
            parts.append(f'<rect class="sev-{sev}" x="{x:.1f}" y="{y + 16}" width="{w:.1f}" height="14">'
                         f'<title>{_e(cat)}: {n} {sev}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 5:.1f}" y="{y + 27}">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _score_chart(report: Report) -> str:
    """The quality score of every pair (bars, coloured by the pair's worst finding) with the
    cross-lingual similarity (dots) and the document's quality (a line); every column links to its pair."""
    n = len(report.pairs)
    left, top, plot_h = 30, 8, 120
    width = 520
    step = (width - left - 10) / max(n, 1)
    height = top + plot_h + 18
    base = top + plot_h
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="score-title">'
             '<title id="score-title">Quality score and similarity per aligned pair</title>']
    for v in (0.0, 0.5, 1.0):
        y = base - v * plot_h
        parts.append(f'<line class="grid" x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    for pr in report.pairs:
        p = pr.pair
        x = left + p.index * step
        quality = min(max(float(pr.scores.get("quality") or 0.0), 0.0), 1.0)
        sim = pr.scores.get("similarity")
        worst = str(pr.worst) if pr.worst else "none"
        tip = f"pair {p.index + 1} ({p.link.kind}): quality {quality:.2f}"
        if sim is not None:
            tip += f", similarity {sim:.2f}"
        if pr.findings:
            tip += f"; {len(pr.findings)} finding(s), worst {worst}"
        bar_w = max(step * 0.8, 0.5)
        # an empty bar still gets a sliver, so a pair scored 0 stays visible and clickable
        h = max(quality * plot_h, 2.0)
        parts.append(f'<a href="#pair-{p.index + 1}"><title>{_e(tip)}</title>'
                     f'<rect class="q sev-{worst}" x="{x:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" '
                     f'height="{h:.1f}"/>')
        if sim is not None:
            s = min(max(float(sim), 0.0), 1.0)
            parts.append(f'<circle class="sim" cx="{x + bar_w / 2:.1f}" cy="{base - s * plot_h:.1f}" '
                         f'r="{max(min(step * 0.35, 3.0), 1.0):.1f}"/>')
        parts.append("</a>")
    doc_q = report.quality()
    if doc_q is not None:
        y = base - doc_q * plot_h
        parts.append(f'<line class="docq" x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}"/>')
    parts.append(f'<line class="axis" x1="{left}" x2="{width - 10}" y1="{base}" y2="{base}"/>'
                 f'<text x="{left}" y="{height - 2}">pair 1</text>'
                 f'<text x="{width - 10}" y="{height - 2}" text-anchor="end">pair {n}</text></svg>')
    has_sim = any(pr.scores.get("similarity") is not None for pr in report.pairs)
    caption = ("Bars: quality score (0-1) of each aligned pair, coloured by its worst finding (blue: none); "
               "it combines the meaning evidence with the findings (docs/quality-score.md).")
    if doc_q is not None:
        caption += f" Dashed line: the document's quality, {doc_q:.2f}."
    caption += (" Dots: cross-lingual similarity of the pair's two sides (cosine of their embeddings)." if has_sim
                else f" Similarity was not computed (embedder {_e(report.signature.get('embedder', 'none'))}), "
                     "so the score rests on the findings.")
    caption += " Click a column to jump to its pair."
    return "".join(parts) + f'<p class="caption">{caption}</p>'


def _filters(findings: list[Finding]) -> str:
    by_sev = Counter(f.severity for f in findings)
    by_code = Counter(f.code for f in findings)
    out = ['<form id="filters" aria-label="Filters"><fieldset><legend>Severity</legend>']
    for sev in SEVERITIES:
        out.append(f'<label><input type="checkbox" data-sev="{sev}" checked> '
                   f'<span class="badge sev-{sev}">{sev}</span> {by_sev.get(sev, 0)}</label>')
    out.append("</fieldset><fieldset><legend>Code</legend>")
    for code, n in sorted(by_code.items()):
        rule = REGISTRY.get(code)
        out.append(f'<label title="{_e(rule.title if rule else code)}"><input type="checkbox" data-code="{_e(code)}" '
                   f'checked> <span class="code">{_e(code)}</span> {_e(rule.name if rule else "")} ({n})</label>')
    if not by_code:
        out.append('<span class="sub">none</span>')
    out.append('</fieldset><label><input type="checkbox" id="show-clean" checked> pairs without findings</label>'
               f'<span id="shown">{len(findings)} of {len(findings)} findings shown</span></form>')
    return "".join(out)


def _side(report: Report, pr: PairResult, side: str, ids: dict[int, str]) -> str:
    doc = report.source if side == "source" else report.target
    segs = pr.pair.src_segments if side == "source" else pr.pair.tgt_segments
    where = f"{doc.path}:{segs[0].line}" if segs else doc.path
    if not segs:
        body = "(no counterpart)"
        return (f'<div class="side {side} empty" lang="{_e(doc.lang)}"><span class="where">{_e(where)}</span>'
                f'<span class="text">{body}</span></div>')
    return (f'<div class="side {side}" lang="{_e(doc.lang)}"><span class="where">{_e(where)}</span>'
            f'<span class="text">{_highlighted(pr, side, ids)}</span></div>')


def _pairs(report: Report, ids: dict[int, str]) -> Iterable[str]:
    for pr in report.pairs:
        p = pr.pair
        worst = f" worst-{pr.worst}" if pr.worst else ""
        head = [f'<a href="#pair-{p.index + 1}">#{p.index + 1}</a>', f"link {_e(p.link.kind)}",
                f"confidence {p.link.confidence:.2f}"]
        for key, label in (("quality", "quality"), ("similarity", "similarity"), ("length_ratio", "length ratio")):
            value = pr.scores.get(key)
            if value is not None:
                head.append(f"{label} {float(value):.2f}")
        evidence = ""
        for key, label in EVIDENCE_LABELS.items():
            if pr.texts.get(key):
                chrf = pr.scores.get(f"{key}_chrf")
                score = f" (chrF {float(chrf):.1f})" if chrf is not None else ""
                evidence += (f'<p class="evidence"><span class="label">{label}{score}:</span> '
                             f'<span>{_e(pr.texts[key])}</span></p>')
        yield (f'<section class="pair{worst}" id="pair-{p.index + 1}"><div class="head">'
               + "".join(f"<span>{h}</span>" for h in head) + "</div>"
               + _side(report, pr, "source", ids) + _side(report, pr, "target", ids) + evidence)
        if pr.findings:
            yield '<ul class="findings">'
            for f in pr.findings:
                at = f.location.where if f.location else ""
                rule = REGISTRY.get(f.code)
                yield (f'<li class="finding" id="{ids[id(f)]}" data-sev="{f.severity}" data-code="{_e(f.code)}">'
                       f'<span class="badge sev-{f.severity}">{f.severity}</span> <span class="code">{_e(f.code)}</span> '
                       f'<span class="msg">{_e(f.message)}</span> <span class="loc">{_e(at)}</span> '
                       f'<span class="cat">[{_e(f.name)}{", " + _e(rule.category) if rule else ""}]</span></li>')
            yield "</ul>"
        yield "</section>"


def render_html(report: Report, options: RenderOptions) -> str:
    findings = report.findings
    ids = {id(f): f"f{k + 1}" for k, f in enumerate(findings)}
    s = report.summary()
    sig = report.signature
    src, tgt = report.source, report.target
    title = f"tqcheck: {src.path} ({src.lang}) → {tgt.path} ({tgt.lang})"
    sev = s["findings_by_severity"]
    notes = "".join(f'<p class="note">note: {_e(n)}</p>' for n in report.notes)
    signature = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))}</dd>"
                        for k, v in sig.items())
    links = ", ".join(f"{_e(k)} ×{v}" for k, v in s["links_by_kind"].items())
    counts = (
        f'<dl class="counts"><dt>aligned pairs</dt><dd>{s["pairs"]}</dd>'
        f'<dt>sentences (source / translation)</dt><dd>{s["source_sentences"]} / {s["target_sentences"]}</dd>'
        f'<dt>findings</dt><dd>{s["findings"]}</dd>'
        f'<dt class="error">errors</dt><dd class="error">{sev["error"]}</dd>'
        f'<dt class="warning">warnings</dt><dd class="warning">{sev["warning"]}</dd>'
        f'<dt class="info">info</dt><dd class="info">{sev["info"]}</dd>'
        f'<dt>pairs with errors</dt><dd>{s["pairs_with_errors"]}</dd>'
        + (f'<dt>quality (0-1)</dt><dd>{s["quality"]:.2f}</dd>' if s.get("quality") is not None else "")
        + "".join(f'<dt>{_e(k.replace("_", "-"))} chrF / BLEU / TER</dt><dd>{m["chrf"]} / {m["bleu"]} / {m["ter"]}</dd>'
                  for k, m in s.get("metrics", {}).items())
        + '</dl>'
        f'<p class="caption">links: {links}</p>'
    )
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="sub">tqcheck {_e(sig.get("version", ""))} · mode {_e(report.mode)} · embedder '
        f'{_e(sig.get("embedder", ""))} · {s["findings"]} findings in {s["pairs"]} aligned pairs</p>',
        notes,
        f'<details class="sig"><summary>Signature (what produced this report)</summary><dl>{signature}</dl></details>',
        "</header><main>",
        '<div class="summary">',
        f'<div class="card"><h2>Summary</h2>{counts}</div>',
        f'<div class="card"><h2>Findings by category</h2>{_category_chart(findings)}</div>',
        f'<div class="card"><h2>Quality score per pair</h2>{_score_chart(report)}</div>',
        "</div>",
        _filters(findings),
        *_pairs(report, ids),
        "</main>",
        f"<footer>Generated by tqcheck {_e(sig.get('version', ''))}. Source on the left, translation on the right; "
        "highlighted spans are the findings' evidence.</footer>",
        f"<script>{JS}</script></body></html>\n",
    ]
    return "".join(parts)
