"""tqcheck compare with semantic evidence, end to end on the tiny models the fixtures build: a
sentence-transformers embedder, argostranslate back- and forward-translation, a back-translation file,
a reference, sacrebleu scores and signatures, the quality score, and the cache on a second run."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

import tqcheck
from tqcheck.models.translators import ArgosTranslator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tqcheck" / "report" / "schema" / "report-1.json").read_text(encoding="utf-8"))

SRC_ZH = "政府说，市场很大。今天的新闻在这里。警察和法院说了两次。水和学校都是新的。\n"
OUT_EN = "The government said the market is big. The news is here today. Police and court said it twice. " \
         "Water and school are new.\n"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tqcheck.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture
def docs(tmp_path: Path) -> tuple[Path, Path]:
    src, out = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    src.write_text(SRC_ZH, encoding="utf-8")
    out.write_text(OUT_EN, encoding="utf-8")
    return src, out


def test_cli_st_embedder_and_argos_translator(installed: dict, st_model_dir: Path, docs: tuple[Path, Path],
                                              tmp_path: Path, no_network: list[str]) -> None:
    src, out = docs
    report = tmp_path / "r.json"
    proc = _run("compare", str(src), str(out), "--embedder", f"st:{st_model_dir}", "--translator", "argos",
                "--translate", "both", "-f", "json", "-o", str(report), "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["signature"]["embedder"] == f"st:{st_model_dir}"
    assert data["signature"]["translator"]["backend"] == "argostranslate"
    assert set(data["signature"]["metrics"]) == {"zh", "en"}  # back-translation scored in zh, the MT in en
    assert "tok:zh" in data["signature"]["metrics"]["zh"]["BLEU"]
    assert data["pairs"]
    for pair in data["pairs"]:
        assert isinstance(pair["translations"]["back_translation"], str)
        assert isinstance(pair["translations"]["forward_translation"], str)
        assert "back_translation_chrf" in pair["scores"] and "forward_translation_ter" in pair["scores"]
        assert isinstance(pair["scores"]["similarity"], float)
        assert 0.0 <= pair["scores"]["quality"] <= 1.0
    # the random model emits text, which is scored (chrF 0-100)
    chrfs = [p["scores"]["back_translation_chrf"] for p in data["pairs"]]
    assert any(c is not None for c in chrfs) and all(c is None or 0 <= c <= 100 for c in chrfs)
    assert set(data["summary"]["metrics"]) == {"back_translation", "forward_translation"}
    assert no_network == []


def test_api_back_translation_matches_the_translator_and_is_cached(installed: dict, monkeypatch: pytest.MonkeyPatch,
                                                                   st_model_dir: Path) -> None:
    first = tqcheck.compare(SRC_ZH, OUT_EN, "zh", "en", embedder=f"st:{st_model_dir}", translator="argos")
    # the pair's back-translation is argostranslate's output for the pair's target
    direct = ArgosTranslator().translate([pr.pair.target for pr in first.pairs], "en", "zh")
    assert [pr.texts["back_translation"] for pr in first.pairs] == direct

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the second run must come from the cache")

    monkeypatch.setattr(ArgosTranslator, "_run_route", refuse)
    from tqcheck.models import st_embedder

    monkeypatch.setattr(st_embedder.STEmbedder, "encode", refuse)
    second = tqcheck.compare(SRC_ZH, OUT_EN, "zh", "en", embedder=f"st:{st_model_dir}", translator="argos")
    assert [pr.scores for pr in second.pairs] == [pr.scores for pr in first.pairs]
    assert [pr.texts for pr in second.pairs] == [pr.texts for pr in first.pairs]


def test_back_translation_file_is_aligned_and_scored(docs: tuple[Path, Path], tmp_path: Path) -> None:
    src, out = docs
    # A back-translation with its own segmentation: one sentence per line, one of them split in two.
    bt = tmp_path / "bt.zh.txt"
    bt.write_text("政府说，市场很大。\n今天的新闻在这里。\n警察和法院。他们说了两次。\n水和学校都是新的。\n", encoding="utf-8")
    report = tmp_path / "r.json"
    proc = _run("compare", str(src), str(out), "--embedder", "none", "--back-translation", str(bt),
                "-f", "json", "-o", str(report), "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    got = [p["translations"]["back_translation"] for p in data["pairs"]]
    assert got == ["政府说，市场很大。", "今天的新闻在这里。", "警察和法院。他们说了两次。", "水和学校都是新的。"]
    scores = [p["scores"] for p in data["pairs"]]
    assert [s["back_translation_chrf"] for s in scores][0] == 100.0  # identical to its source sentence
    assert scores[2]["back_translation_chrf"] < 100.0
    assert data["signature"]["translator"]["back_translation_file"] == str(bt)
    assert data["summary"]["metrics"]["back_translation"]["chrf"] > 80


def test_reference_scores(docs: tuple[Path, Path], tmp_path: Path) -> None:
    src, out = docs
    ref = tmp_path / "ref.en.txt"
    ref.write_text("The government said that the market was big. Here is today's news. Police and the court "
                   "said it twice. Water and school are new.\n", encoding="utf-8")
    report = tqcheck.compare_files(str(src), str(out), tqcheck.pipeline.Options(
        "zh", "en", embedder="none", reference=str(ref)))
    assert [pr.texts["reference"] for pr in report.pairs][3] == "Water and school are new."
    assert report.pairs[3].scores["reference_chrf"] == 100.0 and report.pairs[3].scores["reference_ter"] == 0.0
    assert report.pairs[0].scores["reference_bleu"] < 100.0
    doc = report.summary()["metrics"]["reference"]
    assert 0 < doc["chrf"] < 100 and 0 < doc["bleu"] < 100 and doc["ter"] > 0
    assert "tok:13a" in report.signature["metrics"]["en"]["BLEU"]


def test_translator_not_installed_fails_fast_with_the_install_command(docs: tuple[Path, Path]) -> None:
    src, out = docs
    start = time.monotonic()
    proc = _run("compare", str(src), str(out), "--embedder", "none", "--translator", "argos")
    assert time.monotonic() - start < 60  # a process start and an empty package folder: no retries
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "no argostranslate package translates en to zh" in proc.stderr
    assert "tqcheck models install en zh" in proc.stderr


def test_quality_ranks_a_broken_translation_below_a_clean_one() -> None:
    clean = tqcheck.compare(SRC_ZH, OUT_EN, "zh", "en", embedder="none")
    broken = tqcheck.compare(SRC_ZH, OUT_EN.replace("twice", "** times 40$500"), "zh", "en", embedder="none")
    assert broken.quality() < clean.quality()
    q_clean = [pr.scores["quality"] for pr in clean.pairs]
    q_broken = [pr.scores["quality"] for pr in broken.pairs]
    assert q_broken[2] < 0.3 < q_clean[2]  # an error keeps a quarter of the score at most
    assert q_broken[:2] == q_clean[:2]


def test_audit_with_the_argos_translator(installed: dict, tmp_path: Path, no_network: list[str]) -> None:
    """tqcheck audit passes --translator to every document: the findings table carries the back-translations."""
    import pandas as pd

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{k}", "source": SRC_ZH, "translation": OUT_EN, "src_lang": "zh",
                                        "tgt_lang": "en"}, ensure_ascii=False) + "\n" for k in range(2)),
                    encoding="utf-8")
    out = tmp_path / "out"
    proc = _run("audit", str(feed), "-o", str(out), "--embedder", "none", "--translator", "argos", "--jobs", "1",
                "--exit-zero", "-q")
    assert proc.returncode == 0, proc.stderr
    rows = pd.read_parquet(out / "findings.parquet")
    assert len(rows) == 8 and rows["back_translation"].map(lambda v: isinstance(v, str)).all()
    assert rows["back_translation_chrf"].notna().any()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"]["failed"] == 0
