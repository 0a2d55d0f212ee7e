"""Time and memory of ``tqcheck compare`` on pathological input, each case in its own subprocess.

Cases: (a) a 20 MB single-line translation against a normal source; (b) a 20 MB single-line source and
translation pair (Latin-script text with sentence punctuation); (c) a 1,000,000-line translation; (d) a
small document just over the sentence limit; (e) one endless sentence; (f) a 60 MB GB18030 file.
Each must finish, or be refused with a clear one-line error, within 60 s and under 2 GB of peak memory
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``, measured for each case in a fresh wrapper process).
The default embedder (the bundled model) is used, as a pipeline would run it; ``--embedder none`` times
the model-free path.

Usage: python scripts/bench_limits.py [--embedder use|none] [--keep DIR]
Exit status 1 if any case misses the target.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck.segment.modes import MAX_SENTENCE_CHARS, MAX_SENTENCES  # noqa: E402

MB = 1024 * 1024
TIME_LIMIT_S = 60.0
MEMORY_LIMIT_MB = 2048.0
SAMPLES = ROOT / "samples"

_EN = ("the minister said that the council approved a plan to rebuild the river port after the flood of last "
       "year while critics warned about costs of 4.5 billion and delays").split()
_DE = ("der Minister sagte dass der Rat einen Plan zum Wiederaufbau des Flusshafens nach dem Hochwasser des "
       "letzten Jahres genehmigt habe während Kritiker vor Kosten von 4,5 Milliarden warnten").split()

# Runs one command in a fresh process and reports its wall time, peak RSS, exit code and stderr: the
# wrapper is its own process, so RUSAGE_CHILDREN holds exactly this one tqcheck run.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
try:
    p = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1]))
    code, err, timed_out = p.returncode, p.stderr, False
except subprocess.TimeoutExpired as e:
    code, err, timed_out = None, (e.stderr or b"").decode("utf-8", "replace") if isinstance(e.stderr, bytes) else (e.stderr or ""), True
wall = time.perf_counter() - t0
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss_mb": rss_kb / 1024, "code": code, "stderr": err, "timed_out": timed_out}))
"""


def _prose(words: list[str], size: int, seed: int) -> str:
    """Sentences of 6-25 words with final punctuation, joined by spaces, no newline, about ``size`` chars."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        s = " ".join(rng.choice(words) for _ in range(rng.randint(6, 25)))
        s = s[0].upper() + s[1:] + rng.choice("..!?")
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)[:size]


def make_inputs(folder: Path) -> list[tuple[str, Path, Path, list[str]]]:
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, text: str) -> Path:
        p = folder / name
        p.write_text(text, encoding="utf-8")
        return p

    zh = SAMPLES / "kuril.zh.txt"
    en20 = write("a-translation-20mb.en.txt", _prose(_EN, 20 * MB, 1))
    de20 = write("b-source-20mb.de.txt", _prose(_DE, 20 * MB, 2))
    lines = write("c-1m-lines.en.txt", "".join(f"Line {k} of the report says the port reopened.\n" for k in range(1_000_000)))
    many = write("d-over-sentence-limit.en.txt", _prose(_EN, 1, 3) + " ".join(["It rained."] * (MAX_SENTENCES + 1)))
    endless = write("e-endless-sentence.en.txt", _prose(_EN, 3 * MAX_SENTENCE_CHARS, 4).translate(str.maketrans("", "", ".!?")))
    zh_sentences = [x + "。" for x in (SAMPLES / "kuril.zh.txt").read_text(encoding="utf-8").split("。") if x.strip()]
    gb = folder / "f-source-60mb.gb18030.txt"
    with open(gb, "wb") as fh:
        block = "".join(zh_sentences).replace("\n", "").encode("gb18030")
        for _ in range(60 * MB // len(block)):
            fh.write(block)
    return [
        ("(a) 20 MB single-line translation vs normal source", zh, en20, []),
        ("(b) 20 MB single-line source and translation (de-en)", de20, en20, ["--src-lang", "de", "--tgt-lang", "en"]),
        ("(c) 1,000,000-line translation", zh, lines, []),
        (f"(d) {MAX_SENTENCES + 1:,} sentences (over the sentence limit)", zh, many, []),
        (f"(e) one sentence of about {3 * MAX_SENTENCE_CHARS:,} characters (over the sentence-length limit)", zh,
         endless, []),
        ("(f) 60 MB single-line GB18030 source (under the 64 MB file limit)", gb, SAMPLES / "kuril.en.txt", []),
    ]


def make_accepted(folder: Path) -> list[tuple[str, Path, Path, list[str]]]:
    """Large inputs under the limits, for information: how long the biggest accepted documents take."""
    def pair(n: int, seed: int) -> tuple[Path, Path]:
        rng = random.Random(seed)
        de = [" ".join(rng.choice(_DE) for _ in range(rng.randint(6, 20))) + "." for _ in range(n)]
        en = [" ".join(rng.choice(_EN) for _ in range(rng.randint(6, 20))) + "." for _ in range(n)]
        a, b = folder / f"g-{n}.de.txt", folder / f"g-{n}.en.txt"
        a.write_text(" ".join(x.capitalize() for x in de), encoding="utf-8")
        b.write_text(" ".join(x.capitalize() for x in en), encoding="utf-8")
        return a, b

    big_de, big_en = pair(MAX_SENTENCES, 5)
    mid_de, mid_en = pair(1000, 6)
    langs = ["--src-lang", "de", "--tgt-lang", "en"]
    return [
        (f"(g) {MAX_SENTENCES:,} sentences each side, at the sentence limit, model-free", big_de, big_en,
         langs + ["--embedder", "none"]),
        ("(h) 1,000 sentences each side", mid_de, mid_en, langs),
    ]


_SEGMENT = r"""
import sys, time
from tqcheck.segment.segmenter import segment_text
line = ("The minister said the plan was approved. Dr. Smith agreed on 3.5 per cent! Why? " * 300000)
for mb in (5, 10, 20):
    text = line[: mb * 1024 * 1024]
    t0 = time.perf_counter()
    n = len(segment_text(text, "en"))
    print(f"  {mb:2d} MB single line: {n:,} sentences in {time.perf_counter() - t0:.2f} s", flush=True)
"""


def run_case(src: Path, out: Path, extra: list[str], embedder: str, report: Path) -> dict[str, object]:
    if "--embedder" not in extra:
        extra = [*extra, "--embedder", embedder]
    cmd = [sys.executable, "-m", "tqcheck.cli", "compare", str(src), str(out), "-f", "json", "-o", str(report),
           "--isolated", *extra]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    wrapper = subprocess.run([sys.executable, "-c", _WRAPPER, str(TIME_LIMIT_S * 3), *cmd],
                             capture_output=True, text=True, env=env, cwd=ROOT)
    return json.loads(wrapper.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--embedder", default="use", help="use (default, as shipped) or none")
    ap.add_argument("--keep", type=Path, help="write the inputs here and keep them (default: a temporary folder)")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tqcheck-bench-limits-"))
    try:
        cases = make_inputs(folder)
        print(f"embedder {args.embedder}; target: under {TIME_LIMIT_S:.0f} s and {MEMORY_LIMIT_MB:.0f} MB, "
              f"a report (exit 0/1) or one clear error (exit 2)\n")
        failed = 0
        accepted = make_accepted(folder)
        for k, (label, src, out, extra) in enumerate(cases + accepted):
            if k == len(cases):
                print("For information, the largest accepted inputs (no target):\n")
            report = folder / "report.json"
            report.unlink(missing_ok=True)
            r = run_case(src, out, extra, args.embedder, report)
            err_lines = [x for x in str(r["stderr"]).splitlines() if x.strip()]
            first_error = next((x for x in err_lines if x.startswith("tqcheck: error:")), err_lines[0] if err_lines else "")
            clear = r["code"] in (0, 1) and report.exists() or (
                r["code"] == 2 and first_error.startswith("tqcheck: error:") and "internal error" not in first_error
                and not report.exists())
            ok = not r["timed_out"] and r["wall"] <= TIME_LIMIT_S and r["rss_mb"] <= MEMORY_LIMIT_MB and clear
            failed += not ok and k < len(cases)
            size = out.stat().st_size / MB
            print(f"{label}\n  input {src.stat().st_size / MB:.1f} MB + {size:.1f} MB   wall {r['wall']:.1f} s   "
                  f"peak RSS {r['rss_mb']:.0f} MB   exit {r['code']}{' (TIMED OUT)' if r['timed_out'] else ''}   "
                  f"{('ok' if ok else 'MISSED THE TARGET') if k < len(cases) else ''}\n"
                  f"  stderr: {first_error[:300] or '(none)'}\n", flush=True)
        print("The segmenter alone (linear in the input: 20 MB takes about twice 10 MB):")
        subprocess.run([sys.executable, "-c", _SEGMENT], cwd=ROOT, check=False)
        print()
        print("all cases within the limits" if not failed else f"{failed} case(s) missed the target")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
