"""The bundled samples: every planted defect the current rules cover is found, at the right place."""
import csv
import json

import pytest
from click.testing import CliRunner

from tqcheck.check.rules import REGISTRY
from tqcheck.cli import main

#: (name, source language, translation language): files NAME.SRC.txt, NAME.TGT.txt, NAME.expected.tsv.
SAMPLES = [("kuril", "zh", "en"), ("riverport", "ru", "en"), ("railway", "ja", "en"), ("harbour", "en", "zh")]


def expected_rows(path):
    with open(path, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t")]
    return rows


def run_json(tmp_path, src, out, *extra):
    report = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["compare", str(src), str(out), "-f", "json", "-o", str(report), *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(report.read_text(encoding="utf-8")), result.exit_code


@pytest.mark.parametrize("name,lang,tgt", SAMPLES)
def test_planted_defects_found(samples, tmp_path, name, lang, tgt):
    src, out = samples / f"{name}.{lang}.txt", samples / f"{name}.{tgt}.txt"
    data, code = run_json(tmp_path, src, out)
    assert code == 1  # the samples have errors
    assert data["source"]["lang"] == lang and data["translation"]["lang"] == tgt
    assert not data["notes"], "a correct pair of languages needs no note"
    found = [(f["code"], f["location"]) for p in data["pairs"] for f in p["findings"]]
    texts = {"source": src.read_text(encoding="utf-8"), "target": out.read_text(encoding="utf-8")}
    rows = [r for r in expected_rows(samples / f"{name}.expected.tsv") if r["code"] in REGISTRY]
    assert rows, "every sample plants defects the current rules cover"
    for row in rows:
        side = "source" if row["code"] in ("TQ401", "TQ406") and row["snippet"] in texts["source"] else "target"
        at = texts[side].index(row["snippet"])
        span = range(at, at + len(row["snippet"]))
        hits = [loc for c, loc in found if c == row["code"] and loc and
                (loc["start"] in span or at in range(loc["start"], loc["end"]))]
        assert hits, f"{name}: {row['code']} {row['snippet']!r} not reported"


@pytest.mark.parametrize("name,lang,tgt", SAMPLES)
def test_no_unexpected_errors(samples, tmp_path, name, lang, tgt):
    """Every error-severity finding corresponds to a planted defect (no false alarms on the samples)."""
    src, out = samples / f"{name}.{lang}.txt", samples / f"{name}.{tgt}.txt"
    data, _ = run_json(tmp_path, src, out)
    rows = expected_rows(samples / f"{name}.expected.tsv")
    snippets = [r["snippet"] for r in rows]
    for p in data["pairs"]:
        for f in p["findings"]:
            if f["severity"] != "error":
                continue
            side_text = p["source"]["text"] if f["side"] == "source" else p["target"]["text"]
            assert any(s in side_text or side_text in s for s in snippets), f"unexpected {f['code']}: {side_text}"


def test_kuril_every_source_sentence_linked(samples, tmp_path):
    data, _ = run_json(tmp_path, samples / "kuril.zh.txt", samples / "kuril.en.txt")
    linked = sorted(i["index"] for p in data["pairs"] if p["target"]["sentences"] for i in p["source"]["sentences"])
    assert linked == list(range(data["source"]["sentences"]))
    assert not [p for p in data["pairs"] if not p["target"]["sentences"]]


def test_kuril_model_free_path_also_finds_the_defects(samples, tmp_path):
    data, _ = run_json(tmp_path, samples / "kuril.zh.txt", samples / "kuril.en.txt", "--embedder", "none")
    assert data["signature"]["embedder"] == "none"
    codes = sorted(f["code"] for p in data["pairs"] for f in p["findings"] if f["severity"] == "error")
    assert codes.count("TQ101") == 3 and codes.count("TQ201") == 1
