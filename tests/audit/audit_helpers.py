"""Feeds for the audit tests, built from the bundled samples (zh-en, ru-en, ja-en), and ways to run
``tqcheck audit``: in this process (fast, for ``--jobs 1``) or as a separate process (to kill it)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

os.environ.setdefault("HF_HUB_OFFLINE", "1")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
KINDS = (("kuril", "zh", "第{n}号报告于{d}日发布。"), ("riverport", "ru", "Отчёт номер {n} опубликован {d} числа."),
         ("railway", "ja", "第{n}号の報告書は{d}日に公表された。"))
ADDED_EN = "Report number {n} was published on day {d}."


def sample(name: str, lang: str) -> str:
    return (SAMPLES / f"{name}.{lang}.txt").read_text("utf-8")


def doc_texts(n: int) -> tuple[str, str, str]:
    """Document ``n`` of a test feed: (source language, source, translation), each a sample with a
    numbered sentence of its own, and every third one missing a paragraph of its translation."""
    name, lang, added = KINDS[n % len(KINDS)]
    values = {"n": n + 1, "d": n % 28 + 1}
    src = sample(name, lang).rstrip("\n") + "\n\n" + added.format(**values) + "\n"
    paras = sample(name, "en").rstrip("\n").split("\n\n")
    if n % 3 == 2:
        del paras[1 + n % (len(paras) - 1)]
    return lang, src, "\n\n".join(paras) + "\n\n" + ADDED_EN.format(**values) + "\n"


def make_dir_feed(folder: Path, docs: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(docs):
        lang, src, tgt = doc_texts(n)
        (folder / f"doc{n:03d}.{lang}.txt").write_text(src, "utf-8")
        (folder / f"doc{n:03d}.en.txt").write_text(tgt, "utf-8")
    return folder


def audit(*args: Any) -> Any:
    """``tqcheck audit ARGS`` in this process; returns click's Result (exit_code, stdout, stderr)."""
    from tqcheck.cli import main

    return CliRunner().invoke(main, ["audit", *map(str, args)], catch_exceptions=False)


def audit_process(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``tqcheck audit ARGS`` as its own process."""
    return subprocess.run([sys.executable, "-m", "tqcheck.cli", "audit", *map(str, args)], capture_output=True,
                          text=True, timeout=300, **kwargs)


def tables(outdir: Path) -> tuple[Any, Any]:
    import pandas as pd

    return pd.read_parquet(outdir / "documents.parquet"), pd.read_parquet(outdir / "findings.parquet")
