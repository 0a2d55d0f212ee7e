"""Benchmark ``tqcheck audit``: documents and aligned pairs per second and peak memory, for --jobs 1,
--jobs 2 (and a 2-worker Dask LocalCluster), and peak memory for a small and a large feed (memory must
not grow with the feed). The
--jobs 1 and --jobs 2 runs are repeated on a feed of one document per direction, which loads every
language's libraries as the whole feed does: the difference is the work of the extra documents, so the
fixed part of each run (start, loading, outputs) and the speed-up per document past it are printed too.

The feed (``--feed wmt22``, the default) is made of distinct real documents: the WMT22 general test set
of the dev data (/work/shared/data/external_eval_dev/wmt22/: source and the first reference), a few
documents per direction in every direction there is (zh-en, ja-en, ru-en, de-en, uk-en, cs-en, en-zh,
en-ja, en-ru, en-de, en-uk, en-cs, de-fr, fr-de), rebuilt with their paragraphs; a direction whose file
has no document ids is cut into documents of 12 segments, paragraphs of 3. A CSV manifest names the
files and the languages. Nothing repeats, so the embedding cache helps no document (``--feed samples``
is the old synthetic feed of the three bundled samples repeated, which the cache serves after the
first copy: it measures the pipeline without the model, not a real feed).

Peak memory is that of the whole process tree (the audit and its workers), sampled every 0.1 s with
psutil; every run has an empty embedding cache of its own (cold); cpu is the CPU time of the whole
tree (user + system), and load the 1-minute load average at the end (other work on the machine slows
the parallel runs most). The libraries' prepared copies (tqcheck/prepared.py: the model and the
dictionaries in a form that opens fast), which a machine makes on its first run and keeps, are made once
by an untimed audit and shared by the runs; ``--cold-prepared`` makes every run (and every worker) make
its own, as on a machine's first run.

    python scripts/bench_audit.py                                  # WMT22, 12 documents per direction, use
    python scripts/bench_audit.py --per-direction 4 --skip-memory  # a quick look
    python scripts/bench_audit.py --feed samples --embedder none --docs 2000
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
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
WMT22 = Path(os.environ.get("TQCHECK_WMT22", "/work/shared/data/external_eval_dev/wmt22"))
#: Languages written without spaces between sentences.
NO_SPACE = ("zh", "ja")
#: Documents of a direction without document ids: segments per document and per paragraph.
CHUNK, PARA = 12, 3
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


def wmt22_documents(per_direction: int, min_segments: int = 5, max_segments: int = 40,
                    seed: int = 7) -> list[dict[str, Any]]:
    """``per_direction`` real documents of every WMT22 direction: dicts with id, src_lang, tgt_lang and
    the segments of each side as paragraphs (lists of segments), in a fixed random choice."""
    rng = random.Random(seed)
    out = []
    for path in sorted(WMT22.glob("wmt22_*.jsonl")):
        pair = path.stem.split("_")[1]
        src_lang, tgt_lang = pair[:2], pair[2:]
        docs: dict[str, list[dict[str, Any]]] = {}
        with open(path, encoding="utf-8") as fh:
            lines = [json.loads(line) for line in fh]
        if len({line.get("doc") for line in lines}) <= 1:  # no document ids: cut into documents
            for k, line in enumerate(lines):
                docs.setdefault(f"chunk{k // CHUNK}", []).append({**line, "para": (k % CHUNK) // PARA})
        else:
            for line in lines:
                docs.setdefault(str(line.get("doc")), []).append(line)
        names = sorted(n for n, segs in docs.items() if min_segments <= len(segs) <= max_segments)
        rng.shuffle(names)
        for name in sorted(names[:per_direction]):
            segs = sorted(docs[name], key=lambda s: s["seg"])
            paras: dict[Any, list[tuple[str, str]]] = {}
            for seg in segs:
                # the first reference there is (cs-en and en-cs have ref_B and ref_C only)
                ref = next((seg[r] for r in ("ref_A", "ref_B", "ref_C") if (seg.get(r) or "").strip()), "")
                if (seg.get("source") or "").strip() and ref.strip():
                    paras.setdefault(seg.get("para") or 0, []).append((seg["source"].strip(), ref.strip()))
            out.append({"id": f"{pair}-{re.sub(r'[^A-Za-z0-9._-]', '_', name)[:60]}", "src_lang": src_lang,
                        "tgt_lang": tgt_lang, "paragraphs": [paras[k] for k in sorted(paras, key=str)]})
    return out


#: How a sentence of Chinese or Japanese ends (a final stop, perhaps inside a closing quote or bracket).
_CJK_END = ("。", "！", "？", "!", "?", "…", "」", "』", "）", ")", "】", "》", "”")


def join(paragraphs: list[list[str]], lang: str, breaks: list[list[bool]] | None = None) -> str:
    """Paragraphs of segments as a text: segments joined (with a space, or none in Chinese and Japanese),
    paragraphs separated by a blank line; where ``breaks`` says so, a segment ends its line instead."""
    sep = "" if lang in NO_SPACE else " "
    out = []
    for p, para in enumerate(paragraphs):
        kept = [(s, bool(breaks and breaks[p][k])) for k, s in enumerate(para) if s]
        out.append("".join(s + ("\n" if brk else sep) for s, brk in kept[:-1]) + (kept[-1][0] if kept else ""))
    return "\n\n".join(out) + "\n"


def write_manifest(folder: Path, docs: list[dict[str, Any]], cjk_lines: bool = False) -> Path:
    """Each document's two sides as files in ``folder``, and manifest.csv naming them with their languages.
    With ``cjk_lines``, in a document with a Chinese or Japanese side, a segment that does not end like a
    sentence there (a headline, a post without a final stop) ends its line on both sides, as such documents
    are written, instead of running into the next segment with nothing between them."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["id,source_path,translation_path,src_lang,tgt_lang"]
    for doc in docs:
        cjk = 0 if doc["src_lang"] in NO_SPACE else 1 if doc["tgt_lang"] in NO_SPACE else None
        breaks = [[not pair[cjk].endswith(_CJK_END) for pair in p] for p in doc["paragraphs"]] if (
            cjk_lines and cjk is not None) else None
        src = join([[s for s, _ in p] for p in doc["paragraphs"]], doc["src_lang"], breaks)
        tgt = join([[t for _, t in p] for p in doc["paragraphs"]], doc["tgt_lang"], breaks)
        for side, lang, text in (("src", doc["src_lang"], src), ("tgt", doc["tgt_lang"], tgt)):
            (folder / f"{doc['id']}.{side}.{lang}.txt").write_text(text, "utf-8")
        rows.append(f"{doc['id']},{doc['id']}.src.{doc['src_lang']}.txt,{doc['id']}.tgt.{doc['tgt_lang']}.txt,"
                    f"{doc['src_lang']},{doc['tgt_lang']}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return folder / "manifest.csv"


def _tree_rss(proc: Any) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except Exception:  # noqa: BLE001 - a child that just ended
            pass
    return total


#: Where the runs share the libraries' prepared copies (None: each run makes its own, as on a new machine).
PREPARED: Path | None = None


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
    if PREPARED is not None:
        # ... but for the libraries' prepared data (tqcheck/prepared.py), which a machine makes once, on its
        # first run, and shares between every run and worker after: kept in one folder for the benchmark
        cache.mkdir(parents=True)
        (cache / "prepared").symlink_to(PREPARED, target_is_directory=True)
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
    ap.add_argument("--feed", choices=("wmt22", "samples"), default="wmt22",
                    help="distinct real WMT22 documents (default), or the bundled samples repeated")
    ap.add_argument("--per-direction", type=int, default=12, help="WMT22 documents per direction (default 12)")
    ap.add_argument("--docs", type=int, default=2000, help="documents of the samples feed (default 2000)")
    ap.add_argument("--embedder", default="use", help="use or none (default use)")
    ap.add_argument("--skip-speed", action="store_true", help="skip --jobs 1 / --jobs 2 / Dask")
    ap.add_argument("--dask", action="store_true", help="also a Dask LocalCluster run")
    ap.add_argument("--skip-memory", action="store_true", help="skip the memory check")
    ap.add_argument("--cold-prepared", action="store_true",
                    help="every run makes the libraries' prepared copies itself, as on a machine's first run")
    ap.add_argument("--memory-jobs", type=int, default=2, help="--jobs of the memory check (default 2)")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    a = ap.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tqcheck-bench-audit-"))
    work.mkdir(parents=True, exist_ok=True)
    common = ["--embedder", a.embedder, "--isolated"]

    def feed_of(size: float) -> Path:
        """The feed with ``size`` of its documents (1: all of them)."""
        if a.feed == "samples":
            folder = work / f"samples{int(a.docs * size)}"
            if not folder.exists():
                make_feed(folder, int(a.docs * size))
            return folder
        docs = wmt22_documents(a.per_direction)
        docs = docs[::round(1 / size)] if size < 1 else docs
        return write_manifest(work / f"wmt22-{len(docs)}", docs)

    print(f"tqcheck audit benchmark: {a.feed} feed, embedder {a.embedder}, {os.cpu_count()} cores, "
          f"work folder {work}", flush=True)
    global PREPARED
    if not a.cold_prepared and a.feed == "wmt22":
        # the prepared copies of every language's dictionaries and of the model, made by an untimed audit of one
        # document per direction; the timed runs then start as a machine does after its first run
        PREPARED = work / "prepared"
        PREPARED.mkdir(exist_ok=True)
        run(write_manifest(work / "warm-up", wmt22_documents(1)), work / "out-warm-up", [*common, "--jobs", "1"])
        print("libraries' prepared copies made once (an untimed audit of one document per direction) and shared; "
              "embedding caches cold", flush=True)
    two: dict[str, Any] | None = None
    try:
        if not a.skip_speed:
            feed = feed_of(1)
            one = run(feed, work / "out-j1", [*common, "--jobs", "1"])
            show("--jobs 1 (cold cache)", one)
            two = run(feed, work / "out-j2", [*common, "--jobs", "2"])
            show("--jobs 2 (cold cache)", two)
            print(f"speed-up --jobs 2 over --jobs 1: {one['wall'] / two['wall']:.2f}x (target >= 1.7x)", flush=True)
            if a.feed == "wmt22" and a.per_direction > 1:
                # the same two runs on a feed of one document per direction (every language's libraries are still
                # loaded): the difference is the work of the extra documents, the rest the runs' start and end
                tiny = write_manifest(work / "wmt22-tiny", wmt22_documents(1))
                one_t = run(tiny, work / "out-tiny-j1", [*common, "--jobs", "1"])
                two_t = run(tiny, work / "out-tiny-j2", [*common, "--jobs", "2"])
                extra = one["docs"] - one_t["docs"]
                w1, w2 = one["wall"] - one_t["wall"], two["wall"] - two_t["wall"]
                f1 = one_t["wall"] - w1 / extra * one_t["docs"]
                f2 = two_t["wall"] - w2 / extra * two_t["docs"]
                print(f"start-up and wrap-up (fixed): --jobs 1 {f1:.1f} s, --jobs 2 {f2:.1f} s "
                      f"(from {one_t['docs']} documents: {one_t['wall']:.1f} s and {two_t['wall']:.1f} s); "
                      f"per document past them: {w1 / extra * 1000:.0f} ms and {w2 / extra * 1000:.0f} ms, "
                      f"speed-up {w1 / w2:.2f}x", flush=True)
            many = run(feed, work / "out-j64", [*common, "--jobs", "64"])
            show("--jobs 64 (capped)", many)
            print(f"--jobs 64 / --jobs 2 wall time: {many['wall'] / two['wall']:.2f} (target <= 1.0, noise aside); "
                  f"{many['line']}", flush=True)
            if a.dask:
                dask = run(feed, work / "out-dask", [*common, "--executor", "dask", "--jobs", "2"])
                show("Dask LocalCluster, 2 workers", dask)
        if not a.skip_memory:
            small = run(feed_of(1 / 4), work / "out-mem-small", [*common, "--jobs", str(a.memory_jobs)])
            show(f"memory, 1/4 feed, --jobs {a.memory_jobs}", small)
            large = two if two is not None and a.memory_jobs == 2 else \
                run(feed_of(1), work / "out-mem-large", [*common, "--jobs", str(a.memory_jobs)])
            show(f"memory, whole feed, --jobs {a.memory_jobs}", large)
            print(f"peak memory whole feed / quarter feed: {large['peak_mb'] / small['peak_mb']:.3f} "
                  f"({large['docs']} / {small['docs']} documents; target <= 1.20)", flush=True)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
