"""A directory feed with every kind of broken pair completes: each is one failed document with its
reason, the good ones are audited, the exit code is 1; the direction of a pair is what the user said."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
from audit_helpers import audit, doc_texts, sample, tables


def _write(folder: Path, name: str, data: str | bytes) -> None:
    path = os.path.join(os.fsencode(folder), name.encode("utf-8", "surrogateescape"))
    with open(path, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


def _every_broken_kind(folder: Path) -> Path:
    folder.mkdir()
    _, src, tgt = doc_texts(1)
    _write(folder, "good.ru.txt", src)
    _write(folder, "good.en.txt", tgt)
    _write(folder, "nosource.en.txt", sample("kuril", "en"))                      # missing side: no original
    _write(folder, "notarget.zh.txt", sample("kuril", "zh"))                      # missing side: no translation
    _write(folder, "extra.de.txt", "Der Bericht wurde am Montag veröffentlicht.\n")  # two non-target languages,
    _write(folder, "extra.fr.txt", "Le rapport a été publié lundi.\n")               # no translation
    zh = sample("kuril", "zh").encode("utf-8")
    _write(folder, "undecodable.zh.txt", zh[:300] + b"\xff\xfe\x80" + zh[300:])
    _write(folder, "undecodable.en.txt", sample("kuril", "en"))
    _write(folder, "empty.zh.txt", b"")
    _write(folder, "empty.en.txt", sample("kuril", "en"))
    _write(folder, "swapped.zh.txt", sample("kuril", "en"))                       # the sides the wrong way round
    _write(folder, "swapped.en.txt", sample("kuril", "zh"))
    _write(folder, "bad\udcffname.zh.txt", sample("kuril", "zh"))                 # a name that is not UTF-8
    _write(folder, "bad\udcffname.en.txt", sample("kuril", "en"))
    os.mkfifo(folder / "fifo.ru.txt")                                             # not a regular file
    _write(folder, "fifo.en.txt", sample("riverport", "en"))
    return folder


def test_every_kind_of_broken_pair_is_a_failed_document(tmp_path: Path) -> None:
    feed = _every_broken_kind(tmp_path / "feed")
    out = tmp_path / "out"
    r = audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", "--format", "csv,jsonl",
              "--html-per-document")
    assert r.exit_code == 1, r.stderr
    docs, findings = tables(out)
    status = dict(zip(docs["id"], docs["status"]))
    reasons = dict(zip(docs["id"], docs["error"]))
    assert status == {"bad\\xffname": "ok", "empty": "failed", "extra": "failed", "fifo": "failed", "good": "ok",
                      "nosource": "failed", "notarget": "failed", "swapped": "failed", "undecodable": "failed"}
    assert pd.isna(reasons["good"]) and pd.isna(reasons["bad\\xffname"])
    assert "no original: found only the en file nosource.en.txt" in reasons["nosource"]
    assert "no translation: found notarget.zh.txt but no en file" in reasons["notarget"]
    assert "no translation: found extra.de.txt, extra.fr.txt but no en file" in reasons["extra"]
    assert "undecodable.zh.txt:3: invalid UTF-8" in reasons["undecodable"]
    assert "empty.zh.txt: file is empty" in reasons["empty"]
    assert "fifo.ru.txt" in reasons["fifo"]
    assert "swapped.zh.txt: reads as en" in reasons["swapped"] and "look swapped" in reasons["swapped"]
    # the name that is not UTF-8, escaped in every table and page, its report written
    assert docs.set_index("id").loc["bad\\xffname", "source_path"] == str(feed / "bad\\xffname.zh.txt")
    assert (findings["document"] == "bad\\xffname").sum() == docs.set_index("id").loc["bad\\xffname", "pairs"]
    for name in ("documents.csv", "findings.csv", "documents.jsonl", "summary.json", "dashboard.html"):
        assert "bad\\\\xffname" in (out / name).read_text("utf-8") or "bad\\xffname" in (out / name).read_text("utf-8")
    assert len(list((out / "reports").glob("bad_xffname-*.html"))) == 1
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["totals"]["documents"] == 9 and summary["totals"]["failed"] == 7 and summary["exit_code"] == 1
    page = (out / "dashboard.html").read_text("utf-8")
    for doc in ("nosource", "notarget", "extra", "undecodable", "empty", "swapped", "fifo"):
        assert reasons[doc].replace("'", "&#x27;") in page or reasons[doc] in page
    # --resume of the finished audit repeats nothing, and agrees
    again = audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", "--format", "csv,jsonl",
                  "--html-per-document", "--resume")
    assert again.exit_code == 1 and "0 checked" in again.stderr
    assert json.loads((out / "summary.json").read_text("utf-8"))["totals"] == summary["totals"]


def test_the_direction_is_what_the_user_said(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    zh, en = sample("kuril", "zh"), sample("kuril", "en")
    (feed / "a.en.txt").write_text(en, "utf-8")  # an English original and its Chinese translation
    (feed / "a.zh.txt").write_text(zh, "utf-8")
    (feed / "a.fr.txt").write_text("Le rapport a été publié lundi.\n", "utf-8")
    # without a word, the en file is the translation, and the audit says so
    r = audit(feed, "-o", tmp_path / "default", "--embedder", "none", "--isolated", "-j", "1")
    assert "the en file of each pair is taken as the translation (fr->en, zh->en)" in r.stderr
    docs, _ = tables(tmp_path / "default")
    assert list(zip(docs["id"], docs["src_lang"], docs["tgt_lang"])) == [("a.fr", "fr", "en"), ("a.zh", "zh", "en")]
    # --src-lang en alone: en is the original; two other languages leave the translation unknown
    r = audit(feed, "-o", tmp_path / "src", "--embedder", "none", "--isolated", "-j", "1", "--src-lang", "en")
    docs, _ = tables(tmp_path / "src")
    assert list(docs["status"]) == ["failed"] and "cannot tell the translation" in docs["error"][0]
    assert "pass --tgt-lang" in docs["error"][0]
    # both said: en->zh, and the French file is reported as neither side
    r = audit(feed, "-o", tmp_path / "both", "--embedder", "none", "--isolated", "-j", "1", "--src-lang", "en",
              "--tgt-lang", "zh")
    assert r.exit_code == 1 and "taken as the translation" not in r.stderr
    docs, findings = tables(tmp_path / "both")
    rows = docs.set_index("id")
    assert (rows.loc["a", "src_lang"], rows.loc["a", "tgt_lang"], rows.loc["a", "status"]) == ("en", "zh", "ok")
    assert rows.loc["a", "source_path"].endswith("a.en.txt") and rows.loc["a", "target_path"].endswith("a.zh.txt")
    assert "a.fr.txt: a file in fr, neither the original (en) nor the translation (zh)" in rows.loc["a.fr", "error"]
    # a pair whose text contradicts the direction given is reported, not audited backwards
    (feed / "a.fr.txt").unlink()
    r = audit(feed, "-o", tmp_path / "wrong", "--embedder", "none", "--isolated", "-j", "1", "--src-lang", "zh",
              "--tgt-lang", "en", "--pattern", "{name}.{lang}.txt")
    docs, _ = tables(tmp_path / "wrong")
    assert list(docs["status"]) == ["ok"]  # zh->en is a real direction of these files: nothing to contradict
    (feed / "a.zh.txt").write_text(en, "utf-8")  # the "Chinese" file holds the English text
    r = audit(feed, "-o", tmp_path / "wrong2", "--embedder", "none", "--isolated", "-j", "1", "--src-lang", "en",
              "--tgt-lang", "zh")
    docs, _ = tables(tmp_path / "wrong2")
    assert list(docs["status"]) == ["failed"] and "should be zh but reads as en" in docs["error"][0]


def test_a_feed_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = os.path.join(os.fsencode(tmp_path), b"feed\xff")
    os.mkdir(folder)
    feed = Path(os.fsdecode(folder))
    _write(feed, "a.zh.txt", sample("kuril", "zh"))
    _write(feed, "a.en.txt", sample("kuril", "en"))
    _write(feed, "b.zh.txt", sample("kuril", "zh"))  # no translation: its reason names the folder
    out = tmp_path / "out"
    r = audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", "--format", "csv")
    assert r.exit_code == 1 and "internal error" not in r.stderr, r.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["input"]["path"].endswith("feed\\xff") and summary["totals"]["ok"] == 1
    assert summary["failed_documents"][0]["source_path"].endswith("feed\\xff/b.zh.txt")
    assert "feed\\xff" in (out / "dashboard.html").read_text("utf-8")
