"""The four input kinds (directory, manifest, inline JSONL, RSS/Atom feeds) and the outputs they give."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from audit_helpers import audit, doc_texts, sample, tables

from tqcheck.audit.htmltext import html_to_text
from tqcheck.audit.inputs import safe_name


def test_directory_of_pairs(feed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = audit(feed_dir, "-o", out, "--embedder", "none", "--jobs", "1", "--format", "csv,jsonl")
    assert r.exit_code == 1, r.stderr  # the samples hold errors
    docs, findings = tables(out)
    assert list(docs["id"]) == [f"doc{n:03d}" for n in range(6)]
    assert set(docs["status"]) == {"ok"}
    assert list(docs["src_lang"]) == ["zh", "ru", "ja"] * 2 and set(docs["tgt_lang"]) == {"en"}
    assert docs["source_path"][0] == str(feed_dir / "doc000.zh.txt")
    assert len(findings) == docs["pairs"].sum()
    assert list(findings.columns[:2]) == ["document", "index"]
    assert list(findings["document"].drop_duplicates()) == list(docs["id"])  # input order
    assert (findings.groupby("document")["findings"].sum() == docs.set_index("id")["findings"]).all()
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["totals"]["documents"] == 6 and summary["totals"]["failed"] == 0
    assert summary["totals"]["findings"] == docs["findings"].sum()
    assert sum(summary["findings_by_code"].values()) == summary["totals"]["findings"]
    assert set(summary["by_language_pair"]) == {"zh-en", "ru-en", "ja-en"}
    assert summary["worst_documents"] and summary["exit_code"] == 1
    assert "TQ401" in summary["findings_by_code"]  # the dropped paragraphs
    # CSV and JSONL hold the same rows
    with open(out / "findings.csv", encoding="utf-8") as fh:
        assert sum(1 for _ in csv.DictReader(fh)) == len(findings)
    assert sum(1 for _ in open(out / "documents.jsonl", encoding="utf-8")) == 6
    page = (out / "dashboard.html").read_text("utf-8")
    assert "Content-Security-Policy" in page and "script-src 'sha256-" in page and "doc005" in page
    assert "unsafe-inline" not in page
    assert "tqcheck: audited 6 documents (6 ok, 0 failed)" in r.stderr


def test_exit_codes(feed_dir: Path, tmp_path: Path) -> None:
    assert audit(feed_dir, "-o", tmp_path / "a", "--embedder", "none", "-j", "1", "--exit-zero").exit_code == 0
    # only a rule the feed does not break: clean
    clean = audit(feed_dir, "-o", tmp_path / "b", "--embedder", "none", "-j", "1", "--select", "TQ102")
    assert clean.exit_code == 0, clean.stderr
    assert json.loads((tmp_path / "b" / "summary.json").read_text())["totals"]["findings"] == 0


def test_pattern_and_target_language(tmp_path: Path) -> None:
    feed = tmp_path / "nested"
    for name, lang in (("kuril", "zh"), ("riverport", "ru")):
        (feed / name).mkdir(parents=True)
        (feed / name / f"{lang}.md").write_text(sample(name, lang), "utf-8")
        (feed / name / "en.md").write_text(sample(name, "en"), "utf-8")
    r = audit(feed, "-o", tmp_path / "out", "--pattern", "{name}/{lang}.md", "--embedder", "none", "-j", "1")
    assert r.exit_code == 1
    docs, _ = tables(tmp_path / "out")
    assert list(docs["id"]) == ["kuril", "riverport"] and set(docs["status"]) == {"ok"}


def _copy_samples(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(3):
        lang, src, tgt = doc_texts(n)
        (folder / f"d{n}.{lang}.txt").write_text(src, "utf-8")
        (folder / f"d{n}.en.txt").write_text(tgt, "utf-8")


def test_csv_manifest(tmp_path: Path) -> None:
    _copy_samples(tmp_path / "texts")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("id,source_path,translation_path,src_lang,tgt_lang,desk\n"
                        "story-1,texts/d0.zh.txt,texts/d0.en.txt,zh,en,world\n"
                        "story-2,texts/d1.ru.txt,texts/d1.en.txt,,,economy\n"
                        "story-3,texts/d2.ja.txt,texts/d2.en.txt,ja-JP,en-GB,\n", "utf-8")
    r = audit(manifest, "-o", tmp_path / "out", "--embedder", "none", "-j", "1")
    assert r.exit_code == 1, r.stderr
    docs, findings = tables(tmp_path / "out")
    assert list(docs["id"]) == ["story-1", "story-2", "story-3"]
    assert list(docs["src_lang"]) == ["zh", "ru", "ja"] and set(docs["status"]) == {"ok"}
    assert docs["source_path"][0] == str(tmp_path / "texts" / "d0.zh.txt")
    assert set(findings["document"]) == {"story-1", "story-2", "story-3"}


def test_jsonl_manifest_and_inline_feed_agree(tmp_path: Path) -> None:
    _copy_samples(tmp_path / "texts")
    paths = tmp_path / "paths.jsonl"
    inline = tmp_path / "inline.jsonl"
    with open(paths, "w", encoding="utf-8") as p, open(inline, "w", encoding="utf-8") as i:
        for n in range(3):
            lang, src, tgt = doc_texts(n)
            p.write(json.dumps({"id": f"a{n}", "source_path": f"texts/d{n}.{lang}.txt",
                                "translation_path": f"texts/d{n}.en.txt", "src_lang": lang}) + "\n")
            i.write(json.dumps({"id": f"a{n}", "source": src, "translation": tgt, "src_lang": lang,
                                "tgt_lang": "en"}, ensure_ascii=False) + "\n\n")
    assert audit(paths, "-o", tmp_path / "p", "--embedder", "none", "-j", "1").exit_code == 1
    assert audit(inline, "-o", tmp_path / "i", "--embedder", "none", "-j", "1").exit_code == 1
    (pd_, pf), (id_, if_) = tables(tmp_path / "p"), tables(tmp_path / "i")
    assert list(id_["source_path"]) == ["a0/source", "a1/source", "a2/source"]
    assert list(pd_["findings"]) == list(id_["findings"])
    assert list(pf["codes"]) == list(if_["codes"]) and list(pf["target_text"]) == list(if_["target_text"])
    assert json.loads((tmp_path / "i" / "summary.json").read_text())["input"]["kind"] == "jsonl"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Новости</title><link>https://example.org/ru</link><language>ru</language>
<description>d</description>
<item><title>Порт Новоречинска</title><guid isPermaLink="false">riverport-1</guid>
<link>https://example.org/ru/1</link><description>{body}</description></item>
<item><title>Без перевода</title><guid>lonely-1</guid><link>https://example.org/ru/2</link>
<description>&lt;p&gt;Текст без перевода.&lt;/p&gt;</description></item>
<item><title>По ссылке</title><link>https://example.org/ru/3</link><description>{body2}</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>News</title><id>urn:x</id>
<updated>2024-01-01T00:00:00Z</updated>
<entry><title>Novorechinsk port</title><id>riverport-1</id><link href="https://example.org/en/1"/>
<updated>2024-01-01T00:00:00Z</updated><content type="html">{body}</content></entry>
<entry><title>By link</title><id>urn:other</id><link href="https://example.org/ru/3"/>
<updated>2024-01-01T00:00:00Z</updated><content type="html">{body2}</content></entry>
<entry><title>Orphan</title><id>orphan-1</id><link href="https://example.org/en/9"/>
<updated>2024-01-01T00:00:00Z</updated><summary>Only here.</summary></entry>
</feed>"""


def _html_paragraphs(text: str) -> str:
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return escape(body + "<script>alert(1)</script>")  # escaped once more: markup inside XML text


def test_rss_and_atom_feeds_paired_by_guid_then_link(tmp_path: Path) -> None:
    ru, en = sample("riverport", "ru"), sample("riverport", "en")
    _, ru2, en2 = doc_texts(4)
    (tmp_path / "orig.xml").write_text(RSS.format(body=_html_paragraphs(ru), body2=_html_paragraphs(ru2)), "utf-8")
    (tmp_path / "trans.xml").write_text(ATOM.format(body=_html_paragraphs(en), body2=_html_paragraphs(en2)), "utf-8")
    r = audit(tmp_path / "orig.xml", "--translated-feed", tmp_path / "trans.xml", "-o", tmp_path / "out",
              "--embedder", "none", "-j", "1")
    assert r.exit_code == 1, r.stderr
    docs, findings = tables(tmp_path / "out")
    by_id = docs.set_index("id")
    assert list(docs["id"]) == ["riverport-1", "lonely-1", "https://example.org/ru/3", "orphan-1"]
    assert by_id.loc["riverport-1", "status"] == "ok" and by_id.loc["riverport-1", "src_lang"] == "ru"
    assert by_id.loc["https://example.org/ru/3", "status"] == "ok"  # paired by link
    assert by_id.loc["https://example.org/ru/3", "target_path"] == f"{tmp_path / 'trans.xml'}#2"
    assert "has no counterpart" in by_id.loc["lonely-1", "error"]
    assert "has no original" in by_id.loc["orphan-1", "error"]
    text = " ".join(findings["source_text"]) + " ".join(findings["target_text"])
    assert "alert(1)" not in text and "<p>" not in text and "Порт Новоречинска" in text


def test_html_to_text() -> None:
    assert html_to_text("<p>One &amp; two.</p><p>Three<br>four</p><script>x()</script>") == \
        "One & two.\n\nThree\n\nfour"


@pytest.mark.parametrize("doc_id", ["a/b", "../x", "ü", "CON", "a" * 150])
def test_safe_names(doc_id: str) -> None:
    name = safe_name(doc_id)
    assert "/" not in name and not name.startswith(".") and len(name) <= 90


def test_html_per_document(tmp_path: Path) -> None:
    lang, src, tgt = doc_texts(1)
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "world/../1", "source": src, "translation": tgt}) + "\n", "utf-8")
    assert audit(feed, "-o", tmp_path / "out", "--embedder", "none", "-j", "1", "--html-per-document").exit_code == 1
    reports = list((tmp_path / "out" / "reports").iterdir())
    assert [p.name for p in reports] == [safe_name("world/../1") + ".html"]
    assert f'href="reports/{reports[0].name}"' in (tmp_path / "out" / "dashboard.html").read_text("utf-8")
