"""Broken documents are listed with their reason and the audit goes on; bad input to the audit itself is
one line on stderr naming the file and line, exit 2, and nothing written."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from audit_helpers import audit, doc_texts, sample, tables


def _broken_feed(folder: Path) -> Path:
    folder.mkdir()
    _, src, tgt = doc_texts(1)
    (folder / "good.ru.txt").write_text(src, "utf-8")
    (folder / "good.en.txt").write_text(tgt, "utf-8")
    zh = sample("kuril", "zh").encode("utf-8")
    (folder / "undecodable.zh.txt").write_bytes(zh[:300] + b"\xff\xfe\x80" + zh[300:])
    (folder / "undecodable.en.txt").write_text(sample("kuril", "en"), "utf-8")
    (folder / "empty.zh.txt").write_bytes(b"")
    (folder / "empty.en.txt").write_text(sample("kuril", "en"), "utf-8")
    (folder / "untranslated.ru.txt").write_text(sample("riverport", "ru"), "utf-8")
    (folder / "sameenglish.ru.txt").write_text(sample("riverport", "en"), "utf-8")  # labelled ru, is English
    (folder / "sameenglish.en.txt").write_text(sample("riverport", "en"), "utf-8")
    (folder / "mislabelled.zh.txt").write_text(sample("railway", "ja"), "utf-8")  # labelled zh, is Japanese
    (folder / "mislabelled.en.txt").write_text(sample("railway", "en"), "utf-8")
    return folder


def test_broken_documents_are_listed_with_reasons(tmp_path: Path) -> None:
    feed = _broken_feed(tmp_path / "feed")
    manifest = feed / "manifest.jsonl"
    manifest.write_text(
        json.dumps({"id": "missing", "source_path": "nowhere.zh.txt", "translation_path": "good.en.txt"}) + "\n"
        + json.dumps({"id": "same-language", "source_path": "good.en.txt", "translation_path": "good.en.txt"}) + "\n"
        + json.dumps({"id": "ok", "source_path": "good.ru.txt", "translation_path": "good.en.txt"}) + "\n", "utf-8")
    r = audit(feed, "-o", tmp_path / "out", "--embedder", "none", "-j", "1")
    assert r.exit_code == 1
    docs, _ = tables(tmp_path / "out")
    reasons = dict(zip(docs["id"], docs["error"]))
    status = dict(zip(docs["id"], docs["status"]))
    assert status["good"] == "ok" and pd.isna(reasons["good"])
    assert "undecodable.zh.txt:3: invalid UTF-8" in reasons["undecodable"]
    assert "empty.zh.txt: file is empty" in reasons["empty"]
    assert "no translation" in reasons["untranslated"] and "untranslated.ru.txt" in reasons["untranslated"]
    assert "wrong language" in reasons["sameenglish"] and "reads as en" in reasons["sameenglish"]
    assert "should be zh but reads as ja" in reasons["mislabelled"]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert {d["id"] for d in summary["failed_documents"]} == {"undecodable", "empty", "untranslated",
                                                               "sameenglish", "mislabelled"}
    assert summary["totals"]["ok"] == 1 and summary["exit_code"] == 1
    assert "could not be audited" in (tmp_path / "out" / "dashboard.html").read_text("utf-8")

    r = audit(manifest, "-o", tmp_path / "out2", "--embedder", "none", "-j", "1")
    docs, _ = tables(tmp_path / "out2")
    reasons = dict(zip(docs["id"], docs["error"]))
    assert reasons["missing"].endswith("nowhere.zh.txt: no such file")
    assert "both in en" in reasons["same-language"]
    assert pd.isna(reasons["ok"])
    # a failed document alone makes the exit code 1, unless --exit-zero
    r = audit(manifest, "-o", tmp_path / "out3", "--embedder", "none", "-j", "1", "--select", "TQ102")
    assert r.exit_code == 1 and "2 failed" in r.stderr
    assert audit(manifest, "-o", tmp_path / "out4", "--embedder", "none", "-j", "1", "--exit-zero").exit_code == 0


def _one_line_error(r, *parts: str) -> None:  # type: ignore[no-untyped-def]
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error: "), r.stderr
    for part in parts:
        assert part in lines[0], lines[0]
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("name, content, parts", [
    ("m.csv", "source,translation\na.txt,b.txt\n", ["m.csv:1: missing column source_path, translation_path"]),
    ("m.csv", "source_path,translation_path\na.zh.txt\n", ["m.csv:2: 1 cells where the header has 2 columns"]),
    ("m.csv", "", ["m.csv:1: the manifest is empty"]),
    ("m.csv", "source_path,translation_path,src_lang\na,b,klingonish\n", ["m.csv:2: src_lang"]),
    ("m.jsonl", '{"source": "a", "translation": "b"}\n{"source": "a", "translation": "b"}\n{"source": \n',
     ["m.jsonl:3: bad JSON"]),
    ("m.jsonl", '["a", "b"]\n', ["m.jsonl:1: each line must be a JSON object"]),
    ("m.jsonl", '{"id": 1, "source": "a"}\n', ["m.jsonl:1: missing 'translation'"]),
    ("m.jsonl", '{"id": "x", "source": "a", "translation": "b"}\n{"id": "x", "source": "a", "translation": "b"}\n',
     ["m.jsonl:2: duplicate id 'x' (first on line 1)"]),
    ("m.jsonl", '{"id": "x", "title": "a"}\n', ["m.jsonl:1: missing source and translation"]),
    ("m.jsonl", b'{"id": "x", "source": "\xff"}\n', ["m.jsonl:1: not UTF-8"]),
    ("m.csv", "source_path,translation_path\n../../etc/passwd,b.txt\n",
     ["m.csv:2: source_path '../../etc/passwd' is outside the manifest's folder", "--allow-outside"]),
    ("m.csv", "source_path,translation_path\na.txt,/etc/hostname\n",
     ["m.csv:2: translation_path '/etc/hostname' is outside"]),
    ("feed.txt", "hello", ["cannot tell what kind of input this is"]),
])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, name: str, content: str | bytes,
                                                  parts: list[str]) -> None:
    path = tmp_path / "in" / name
    path.parent.mkdir()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    r = audit(path, "-o", tmp_path / "out", "--embedder", "none", "-j", "1")
    _one_line_error(r, *parts)
    assert not (tmp_path / "out").exists()


def test_bad_usage_is_one_line(tmp_path: Path, feed_dir: Path) -> None:
    _one_line_error(audit(tmp_path / "nothing", "-o", tmp_path / "out"), "nothing: no such file or directory")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--jobs", "0"), "--jobs must be at least 1")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--format", "xlsx"), "unknown format 'xlsx'")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--src-lang", "xx-klingon"), "")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--embedder", "bogus"), "unknown embedder 'bogus'")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--encoding", "bogus"), "unknown encoding")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--resume", "--overwrite"), "contradict")
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--pattern", "{name}.txt"), "must contain {name} and {lang}")
    (tmp_path / "x.xml").write_text("<rss/>", "utf-8")
    _one_line_error(audit(tmp_path / "x.xml", "-o", tmp_path / "out"), "--translated-feed")
    (tmp_path / "bad.xml").write_text("this is not a feed", "utf-8")
    _one_line_error(audit(tmp_path / "bad.xml", "--translated-feed", tmp_path / "bad.xml", "-o", tmp_path / "out"),
                    "bad.xml: not an RSS/Atom feed")
    assert not (tmp_path / "out").exists()


def test_outside_paths_allowed_on_request(tmp_path: Path) -> None:
    _, src, tgt = doc_texts(1)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.ru.txt").write_text(src, "utf-8")
    (tmp_path / "texts" / "a.en.txt").write_text(tgt, "utf-8")
    (tmp_path / "manifests").mkdir()
    manifest = tmp_path / "manifests" / "m.csv"
    manifest.write_text("source_path,translation_path\n../texts/a.ru.txt,../texts/a.en.txt\n", "utf-8")
    _one_line_error(audit(manifest, "-o", tmp_path / "out", "--embedder", "none", "-j", "1"), "m.csv:2:")
    r = audit(manifest, "-o", tmp_path / "out", "--embedder", "none", "-j", "1", "--allow-outside")
    assert r.exit_code == 1
    docs, _ = tables(tmp_path / "out")
    assert list(docs["status"]) == ["ok"] and list(docs["id"]) == ["line-2"]


def test_symlink_out_of_a_directory_is_a_failed_document(tmp_path: Path) -> None:
    _, src, tgt = doc_texts(1)
    (tmp_path / "secret.txt").write_text(src, "utf-8")
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "a.ru.txt").symlink_to(tmp_path / "secret.txt")
    (feed / "a.en.txt").write_text(tgt, "utf-8")
    audit(feed, "-o", tmp_path / "out", "--embedder", "none", "-j", "1")
    docs, _ = tables(tmp_path / "out")
    assert docs["status"][0] == "failed" and "outside" in docs["error"][0]


def test_an_existing_audit_needs_resume_or_overwrite(feed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert audit(feed_dir, "-o", out, "--embedder", "none", "-j", "1").exit_code == 1
    before = (out / "summary.json").read_bytes()
    _one_line_error(audit(feed_dir, "-o", out, "--embedder", "none", "-j", "1"), "already holds an audit",
                    "--resume", "--overwrite")
    assert (out / "summary.json").read_bytes() == before
    _one_line_error(audit(feed_dir, "-o", out, "--embedder", "none", "-j", "1", "--resume", "--select", "TQ1"),
                    "another input or with other options (differs in: --select (was null, now [\"TQ1\"]))")
    again = audit(feed_dir, "-o", out, "--embedder", "none", "-j", "1", "--resume")  # nothing left to do
    assert again.exit_code == 1 and "0 checked" in again.stderr
    assert json.loads((out / "summary.json").read_text()) == json.loads(before)
    r = audit(feed_dir, "-o", out, "--embedder", "none", "-j", "1", "--overwrite", "--select", "TQ102")
    assert r.exit_code == 0 and json.loads((out / "summary.json").read_text())["totals"]["findings"] == 0


def test_missing_extras_name_the_install_command(feed_dir: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    _one_line_error(audit(feed_dir, "-o", tmp_path / "out", "--executor", "dask"), "pip install 'tqcheck[audit]'")
    monkeypatch.setitem(sys.modules, "feedparser", None)  # import feedparser raises ImportError
    (tmp_path / "a.xml").write_text("<rss/>", "utf-8")
    _one_line_error(audit(tmp_path / "a.xml", "--translated-feed", tmp_path / "a.xml", "-o", tmp_path / "out"),
                    "pip install 'tqcheck[audit]'")
    assert not (tmp_path / "out").exists()
