"""Benchmark ``tqcheck audit``: documents per second and peak memory, for --jobs 1, --jobs 2 and a
2-worker Dask LocalCluster, and peak memory for a small and a large feed (memory must not grow with the feed).

The feed is generated from the bundled samples (zh-en, ru-en, ja-en): each document is a sample with a
numbered sentence of its own added to both sides, and in about a third of them a paragraph of the
translation dropped (an omission), so documents differ and findings vary. 2,000 documents hold about
60,000 aligned pairs. Peak memory is that of the whole process tree (the audit and its workers),
sampled every 0.1 s with psutil; every run has an empty embedding cache of its own; cpu is the CPU time of the whole tree (user + system), and load the
1-minute load average at the end (other work on the machine slows the parallel runs most).

    python scripts/bench_audit.py                              # everything, --embedder none
    python scripts/bench_audit.py --embedder use --docs 300    # the bundled embedder, a smaller feed
    python scripts/bench_audit.py --skip-dask --skip-memory    # only --jobs 1 and --jobs 2
    python scripts/bench_audit.py --skip-speed --memory-docs 1000,10000
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: (sample, source language, weight, the added sentence in the source language)
KINDS = (
    ("kuril", "zh", 2, "第{n}号报告于{d}日发布，涉及{k}个项目。"),
    ("riverport", "ru", 1, "Отчёт номер {n} опубликован {d} числа и охватывает {k} проектов."),
    ("railway", "ja", 1, "第{n}号の報告書は{d}日に公表され、{k}件の事業を扱っている。"),
)
ADDED_EN = "Report number {n} was published on day {d} and covers {k} projects."


def make_feed(folder: Path, docs: int, seed: int = 7) -> int:
    """Write ``docs`` pairs NAME.LANG.txt + NAME.en.txt into ``folder``; returns the number of bytes."""
    rng = random.Random(seed)
    texts = {name: ((SAMPLES / f"{name}.{lang}.txt").read_text("utf-8"), (SAMPLES / f"{name}.en.txt").read_text("utf-8"))
             for name, lang, _, _ in KINDS}
    choices = [k for k in KINDS for _ in range(k[2])]
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for n in range(docs):
        name, lang, _, added = choices[n % len(choices)]
        src, tgt = texts[name]
        values = {"n": n + 1, "d": rng.randint(1, 28), "k": rng.randint(2, 99)}
        src = src.rstrip("\n") + "\n\n" + added.format(**values) + "\n"
        paras = tgt.rstrip("\n").split("\n\n")
        if rng.random() < 0.33 and len(paras) > 3:
            del paras[rng.randrange(1, len(paras))]
        tgt = "\n\n".join(paras) + "\n\n" + ADDED_EN.format(**values) + "\n"
        stem = f"doc{n:06d}"
        for suffix, text in ((lang, src), ("en", tgt)):
            data = text.encode("utf-8")
            (folder / f"{stem}.{suffix}.txt").write_bytes(data)
            size += len(data)
    return size


def _tree_rss(proc: Any) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except Exception:  # noqa: BLE001 - a child that just ended
            pass
    return total


def run(feed: Path, out: Path, args: list[str]) -> dict:
    """Run one audit; wall time, peak RSS of the process tree, and its summary."""
    import psutil

    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "tqcheck.cli", "audit", str(feed), "-o", str(out), "--exit-zero", "--no-progress",
           *args]
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # A cache of its own for every run: each starts cold, as the first would (and the user's stays as it was).
    cache = out.parent / f"{out.name}-cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(cache)}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    ps = psutil.Process(proc.pid)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, _tree_rss(ps))
            except psutil.NoSuchProcess:
                return
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"audit failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    return {"wall": wall, "cpu": cpu, "load": os.getloadavg()[0], "peak_mb": peak / 2**20, "docs": summary["totals"]["documents"],
            "pairs": summary["totals"]["pairs"], "failed": summary["totals"]["failed"],
            "findings": summary["totals"]["findings"], "line": err.strip().splitlines()[-1]}


def show(label: str, r: dict) -> None:
    print(f"{label:<26} {r['docs']:>6} docs {r['pairs']:>7} pairs {r['wall']:7.1f} s {r['docs'] / r['wall']:7.1f} docs/s "
          f"{r['pairs'] / r['wall']:8.0f} pairs/s  peak {r['peak_mb']:7.1f} MB  cpu {r['cpu']:7.1f} s  "
          f"load {r['load']:.1f}  ({r['findings']} findings, {r['failed']} failed)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="documents in the speed feed (default 2000)")
    ap.add_argument("--embedder", default="none", help="use or none (default none)")
    ap.add_argument("--skip-speed", action="store_true", help="skip --jobs 1 / --jobs 2 / Dask")
    ap.add_argument("--skip-dask", action="store_true", help="skip the Dask LocalCluster run")
    ap.add_argument("--skip-memory", action="store_true", help="skip the memory check")
    ap.add_argument("--memory-docs", default="1000,10000", help="feeds for the memory check (default 1000,10000)")
    ap.add_argument("--memory-jobs", type=int, default=1, help="--jobs of the memory check (default 1)")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    a = ap.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tqcheck-bench-audit-"))
    work.mkdir(parents=True, exist_ok=True)
    common = ["--embedder", a.embedder]
    print(f"tqcheck audit benchmark: embedder {a.embedder}, {os.cpu_count()} cores, work folder {work}", flush=True)
    try:
        if not a.skip_speed:
            feed = work / f"feed{a.docs}"
            if not feed.exists():
                make_feed(feed, a.docs)
            one = run(feed, work / "out-j1", [*common, "--jobs", "1"])
            show("--jobs 1", one)
            two = run(feed, work / "out-j2", [*common, "--jobs", "2"])
            show("--jobs 2", two)
            print(f"speed-up --jobs 2 over --jobs 1: {one['wall'] / two['wall']:.2f}x (target >= 1.7x)", flush=True)
            if not a.skip_dask:
                dask = run(feed, work / "out-dask", [*common, "--executor", "dask", "--jobs", "2"])
                show("Dask LocalCluster, 2 workers", dask)
                same = all((work / "out-j1" / t).read_bytes() == (work / "out-dask" / t).read_bytes()
                           for t in ("documents.parquet", "findings.parquet"))
                print(f"Dask tables identical to --jobs 1: {same}", flush=True)
        if not a.skip_memory:
            peaks = []
            for n in (int(x) for x in a.memory_docs.split(",")):
                feed = work / f"feed{n}"
                if not feed.exists():
                    make_feed(feed, n)
                r = run(feed, work / f"out-mem{n}", [*common, "--jobs", str(a.memory_jobs)])
                show(f"memory, --jobs {a.memory_jobs}", r)
                peaks.append((n, r["peak_mb"]))
                shutil.rmtree(feed)
            (small, p0), (large, p1) = peaks[0], peaks[-1]
            print(f"peak memory {large} docs / {small} docs: {p1 / p0:.3f} (target <= 1.20)", flush=True)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
