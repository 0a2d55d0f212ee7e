"""The dashboard in headless Chromium (the DevTools client of tests/e2e): links lead to existing
reports and rows, filters and sorting work, no console error or CSP violation, every text escaped; and
the audit against a baseline (what is new and what is fixed since an earlier audit)."""
from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from audit_helpers import ADDED_EN, audit, doc_texts, make_dir_feed, sample, tables

E2E = Path(__file__).resolve().parents[1] / "e2e" / "test_formats.py"
HOSTILE = "<img src=x onerror=alert(1)>"


def _e2e() -> Any:
    spec = importlib.util.spec_from_file_location("tqcheck_e2e_formats", E2E)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def browser(tmp_path: Path) -> Any:
    e2e = _e2e()
    if e2e.CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    b = e2e.Browser(e2e.CHROMIUM, profile)
    try:
        yield b
    finally:
        b.close()


def _feed(folder: Path) -> Path:
    make_dir_feed(folder, 9)
    lang, src, tgt = doc_texts(2)
    (folder / f"{HOSTILE}.{lang}.txt").write_text(src, "utf-8")   # a hostile name, audited
    (folder / f"{HOSTILE}.en.txt").write_text(tgt, "utf-8")
    (folder / f"{HOSTILE}2.zh.txt").write_text("", "utf-8")        # and one that fails
    (folder / f"{HOSTILE}2.en.txt").write_text(tgt, "utf-8")
    return folder


def _codes(cell: Any) -> dict[str, int]:
    return json.loads(cell) if isinstance(cell, str) else {}


def _visible(page: Any) -> list[str]:
    return page.js("Array.from(document.querySelectorAll('#docs tbody tr')).filter(r => !r.hidden)"
                   ".map(r => r.dataset.id)")


def _set(page: Any, control: str, value: str) -> list[str]:
    page.js(f"(() => {{ const e = document.getElementById('f-{control}'); e.value = {json.dumps(value)};"
            " e.dispatchEvent(new Event('input')); })()")
    return _visible(page)


def test_dashboard_in_chromium(tmp_path: Path, browser: Any) -> None:
    feed = _feed(tmp_path / "feed")
    out = tmp_path / "out"
    r = audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", "--html-per-document", "--worst", "5")
    assert r.exit_code == 1, r.stderr
    docs, findings = tables(out)
    html = (out / "dashboard.html").read_text("utf-8")
    assert HOSTILE not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    page = browser.open((out / "dashboard.html").as_uri())
    assert page.js("document.querySelectorAll('img').length") == 0  # the name stayed text
    assert page.js("document.querySelectorAll('script').length") == 1
    # every link leads somewhere: a report that exists, or a row of the page
    links = page.js("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
    assert links
    for href in links:
        if href.startswith("#doc-"):
            assert page.js(f"!!document.getElementById({json.dumps(href[1:])})"), href
        elif href.startswith("#filter:"):
            continue
        else:
            assert (out / href).is_file(), href
    worst = page.js("Array.from(document.querySelectorAll('h2')).find(h => h.textContent === 'Worst documents')"
                    ".nextElementSibling.nextElementSibling.tBodies[0].rows.length")
    assert worst == 5
    worst_links = page.js("Array.from(document.querySelectorAll('h2')).find(h => h.textContent === 'Worst documents')"
                          ".nextElementSibling.nextElementSibling.querySelectorAll('a')")
    assert worst_links is not None
    first = page.js("document.querySelector('h2 + p + table a').getAttribute('href')")
    assert first.startswith("reports/") and (out / first).is_file()
    assert "TQ" in page.js("document.querySelector('h2 + p + table tbody tr td:last-child').textContent")
    # filters: each against the tables
    ids = list(docs["id"])
    assert _visible(page) == ids
    pair = docs[(docs["src_lang"] == "ru")]
    assert _set(page, "pair", "ru-en") == list(pair["id"])
    _set(page, "pair", "")
    with_code = [d for d, c in zip(docs["id"], docs["findings_by_code"]) if "TQ401" in _codes(c)]
    assert with_code and _set(page, "code", "TQ401") == with_code
    assert _set(page, "code", "tq4") == [d for d, c in zip(docs["id"], docs["findings_by_code"])
                                          if any(k.startswith("TQ4") for k in _codes(c))]
    _set(page, "code", "")
    assert _set(page, "sev", "failed") == list(docs[docs["status"] == "failed"]["id"]) == [f"{HOSTILE}2"]
    assert _set(page, "sev", "error") == list(docs[docs["worst_severity"] == "error"]["id"])
    _set(page, "sev", "")
    if "quality" in docs and docs["quality"].notna().any():
        cut = float(docs["quality"].median())
        assert _set(page, "qmin", f"{cut:.3f}") == [d for d, q in zip(docs["id"], docs["quality"])
                                                      if pd.notna(q) and round(q, 3) >= round(cut, 3)]
        _set(page, "qmin", "")
        # sort by quality: ascending, then descending on a second click
        page.js("document.querySelector('#docs th[data-key=quality] button').click()")
        shown = page.js("Array.from(document.querySelectorAll('#docs tbody tr')).map(r => r.dataset.quality)")
        values = [float(v) for v in shown if v]
        assert values == sorted(values)
        page.js("document.querySelector('#docs th[data-key=quality] button').click()")
        shown = page.js("Array.from(document.querySelectorAll('#docs tbody tr')).map(r => r.dataset.quality)")
        assert [float(v) for v in shown if v] == sorted(values, reverse=True)
    assert page.js("document.getElementById('f-count').textContent") == f"{len(ids)} of {len(ids)} documents shown"
    # a code in "findings by code" filters the table
    page.js("document.querySelector('a[href=\"#filter:code=TQ401\"]').click()")
    page.js("new Promise(r => setTimeout(r, 200))")
    assert page.js("document.getElementById('f-code').value") == "TQ401"
    # findings by code: the severities they fired at add up to the findings
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    fired = summary["findings_by_code_and_severity"]
    assert {c: sum(v.values()) for c, v in fired.items()} == summary["findings_by_code"]
    sev = findings["severities"].str.split().explode().dropna()
    assert sev.value_counts().to_dict() == {k: v for k, v in summary["totals"]["findings_by_severity"].items() if v}
    assert page.problems() == []
    (tmp_path / "dashboard.png").write_bytes(page.screenshot())


def test_baseline_tells_new_and_fixed(tmp_path: Path) -> None:
    feed = make_dir_feed(tmp_path / "feed", 6)
    old = tmp_path / "monday"
    assert audit(feed, "-o", old, "--embedder", "none", "--isolated", "-j", "1").exit_code == 1
    before, _ = tables(old)
    # doc002 is fixed (its translation made whole), doc004 loses a paragraph, doc005 is gone, doc006 is new
    (feed / "doc002.en.txt").write_text(sample("railway", "en").rstrip("\n") + "\n\n"
                                        + ADDED_EN.format(n=3, d=3) + "\n", "utf-8")
    paras = (feed / "doc004.en.txt").read_text("utf-8").split("\n\n")
    (feed / "doc004.en.txt").write_text("\n\n".join(paras[:1] + paras[3:]), "utf-8")
    (feed / "doc005.ja.txt").unlink()
    (feed / "doc005.en.txt").unlink()
    _, src0, tgt0 = doc_texts(0)
    (feed / "doc006.zh.txt").write_text(src0, "utf-8")
    (feed / "doc006.en.txt").write_text(tgt0, "utf-8")
    new = tmp_path / "tuesday"
    r = audit(feed, "-o", new, "--embedder", "none", "--isolated", "-j", "1", "--baseline", old, "--format", "csv")
    assert r.exit_code == 1, r.stderr
    after, _ = tables(new)
    b = json.loads((new / "summary.json").read_text("utf-8"))["baseline"]
    changes = pd.read_parquet(new / "changes.parquet")
    kinds = dict(zip(changes["id"], changes["change"]))
    assert kinds["doc005"] == "no longer in the input" and kinds["doc006"] == "new document"
    codes_then = {d: _codes(c) for d, c in zip(before["id"], before["findings_by_code"])}
    codes_now = {d: _codes(c) for d, c in zip(after["id"], after["findings_by_code"])}
    for doc in ("doc000", "doc001", "doc002", "doc003", "doc004"):
        a, n = codes_then[doc], codes_now[doc]
        new_codes = {c: k - a.get(c, 0) for c, k in n.items() if k > a.get(c, 0)}
        fixed_codes = {c: k - n.get(c, 0) for c, k in a.items() if k > n.get(c, 0)}
        if not new_codes and not fixed_codes:
            assert doc not in kinds
            continue
        row = changes.set_index("id").loc[doc]
        assert _codes(row["new_codes"]) == new_codes and _codes(row["fixed_codes"]) == fixed_codes
    assert codes_now["doc004"].get("TQ401", 0) > codes_then["doc004"].get("TQ401", 0)  # the paragraph dropped
    assert codes_now["doc002"].get("TQ401", 0) < codes_then["doc002"].get("TQ401", 0)  # the paragraph restored
    assert b["documents"]["new_to_the_input"] == 1 and b["documents"]["gone_from_the_input"] == 1
    assert b["by_code"]["TQ401"]["new"] >= 1 and b["findings"]["fixed"] >= 1
    assert b["findings"]["new"] == sum(v["new"] for v in b["by_code"].values())
    assert "doc004" in [d["id"] for d in b["documents_with_new_findings"]]
    assert "doc002" in [d["id"] for d in b["documents_with_fixed_findings"]]
    assert (new / "changes.csv").exists()
    page = (new / "dashboard.html").read_text("utf-8")
    assert "Since the baseline" in page and re.search(r"\+\d+ TQ401", page)
    # a baseline that is no audit, or OUTDIR itself, is a one-line error
    r = audit(feed, "-o", tmp_path / "x", "--embedder", "none", "--isolated", "--baseline", feed)
    assert r.exit_code == 2 and "not the output folder of a finished audit" in r.stderr
    r = audit(feed, "-o", new, "--embedder", "none", "--isolated", "--baseline", new, "--overwrite")
    assert r.exit_code == 2 and "is OUTDIR itself" in r.stderr
