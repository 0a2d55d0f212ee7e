"""What a large glossary adds to ``tqcheck compare`` on the kuril sample: glossaries of 0, 5,000, 20,000
and 50,000 terms (made-up Chinese terms with English targets, plus the sample's real ones), each run
in-process after one warm-up run, alternating sizes so that a noisy machine slows every size alike.
Prints the median time per size and what each adds over no glossary; the target (issue 16) is under
1 s added by 50,000 terms.

Usage: python scripts/bench_glossary.py [--repeat 3] [--embedder none|use]
Exit status 1 if 50,000 terms add 1 s or more.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck.pipeline import Options, compare_files  # noqa: E402

SIZES = (0, 5_000, 20_000, 50_000)
SRC, OUT = ROOT / "samples" / "kuril.zh.txt", ROOT / "samples" / "kuril.en.txt"
REAL = ROOT / "reference" / "glossary.zh-en.tsv"


def _glossary(folder: Path, size: int) -> str:
    rng = random.Random(size)
    chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
    rows, seen = [], set()
    while len(rows) < size:
        term = "".join(rng.choice(chars) for _ in range(rng.randint(2, 4)))
        if term not in seen:
            seen.add(term)
            rows.append(f"{term}\tTerm {len(rows)}")
    real = REAL.read_text(encoding="utf-8").splitlines()[1:]
    path = folder / f"g{size}.tsv"
    path.write_text("source\ttarget\n" + "\n".join(rows + real) + "\n", encoding="utf-8")
    return str(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--embedder", default="none")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = {size: _glossary(Path(tmp), size) if size else None for size in SIZES}
        times: dict[int, list[float]] = {size: [] for size in SIZES}
        findings: dict[int, int] = {}

        def run(size: int) -> float:
            glossary = (paths[size],) if paths[size] else ()
            options = Options(src_lang="zh", tgt_lang="en", embedder=args.embedder, glossaries=glossary, cache=False)
            start = time.perf_counter()
            report = compare_files(str(SRC), str(OUT), options)
            findings[size] = len(report.findings)
            return time.perf_counter() - start

        run(0)  # warm-up: imports, dictionaries, the embedder
        for _ in range(args.repeat):
            for size in SIZES:
                times[size].append(run(size))
    base = statistics.median(times[0])
    print(f"kuril sample, embedder {args.embedder}, median of {args.repeat} in-process runs")
    print(f"{'terms':>8} {'seconds':>8} {'added':>8} {'findings':>9}")
    for size in SIZES:
        med = statistics.median(times[size])
        print(f"{size:>8,} {med:>8.3f} {med - base:>+8.3f} {findings[size]:>9}")
    added = statistics.median(times[SIZES[-1]]) - base
    ok = added < 1.0
    print(f"50,000 terms add {added:.3f} s: {'meets' if ok else 'misses'} the target (< 1 s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
