"""Benchmark tqcheck's sentence segmenter: sentences/s on a 2,000-sentence document, and the time for
a 20 MB single-line text (it must grow linearly with the input).

Usage: python scripts/bench_segment.py [--pysbd]   (--pysbd also times pySBD on the 2,000 sentences)
"""
from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from tqcheck.segment.segmenter import segment_text, split_spans  # noqa: E402

T = TypeVar("T")

_WORDS = (
    "the quick brown fox jumps over a lazy dog while Dr. Smith reads about 3.5 per cent of the "
    "sales figures in the U.S. and e.g. Canada"
).split()


def _sentences(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        s = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 18)))
        out.append(s[0].upper() + s[1:] + rng.choice(".!?"))
    return out


def _time(fn: Callable[[], T]) -> tuple[T, float]:
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def main() -> None:
    sents = _sentences(2000)
    doc = " ".join(sents[:1000]) + "\n\n" + "\n".join(sents[1000:])
    segs, dt = _time(lambda: segment_text(doc, "en"))
    print(f"2,000-sentence document ({len(doc):,} chars): {len(segs)} segments in {dt * 1000:.1f} ms "
          f"= {len(segs) / dt:,.0f} sentences/s")

    line = " ".join(_sentences(1000, seed=1))
    for target in (5_000_000, 10_000_000, 20_000_000):
        big = (line + " ") * (target // (len(line) + 1) + 1)
        big = big[:target]
        spans, dt = _time(lambda: split_spans(big, "en"))
        print(f"single line {len(big) / 1e6:.0f} MB: {len(spans):,} sentences in {dt:.2f} s "
              f"({len(big) / dt / 1e6:.1f} MB/s, {len(spans) / dt:,.0f} sentences/s)")

    if "--pysbd" in sys.argv:
        import pysbd  # type: ignore[import-untyped]

        seg = pysbd.Segmenter(language="en", char_span=True, clean=False)
        flat = " ".join(sents)
        out, dt = _time(lambda: seg.segment(flat))
        print(f"pySBD, same 2,000 sentences as one paragraph: {len(out)} in {dt:.2f} s "
              f"= {len(out) / dt:,.0f} sentences/s")


if __name__ == "__main__":
    main()
