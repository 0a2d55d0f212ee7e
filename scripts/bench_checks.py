#!/usr/bin/env python3
"""Checking alone (aligned pairs in, findings out): tqcheck's rules vs translate-toolkit's pofilter
standard checks, on the same distinct real pairs, one pass each, one core, in one run.

    pip install translate-toolkit   # only for this comparison
    python scripts/bench_checks.py [--pairs 1500] [--warm 100] [--data FILE] [--pair-lang zh] [--rounds N]

Pairs: WMT22 source lines and their first reference (``ref_A``, or ``ref_B`` where there is no A), e.g. zh-en, each line once: real
documents do not repeat sentences, so caches stay as cold as they are in use. The first ``--warm`` lines
warm both checkers' loaders (dictionaries, models) and are not timed; dictionaries those lines did not
happen to need (Japanese readings, which the name check also looks up in Chinese text) are loaded
before timing too. The next ``--pairs`` lines are timed, one pass, in CPU time (steadier than wall time
on a shared machine); the process is pinned to one core. Prints pairs per second for each and their
ratio (tqcheck / pofilter). ``--rounds N`` repeats the whole comparison in N new processes, one after the
other, and prints each round's ratio and their median (this machine's speed moves from run to run; the
ratio within one process is the comparable figure). ``--by-rule`` times each rule instead, on the same pairs in one pass in the runner's
order (rule by rule over blocks of pairs; a fact of the pair, its names or figures, counts for the first rule
that asks for it), to see where the time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "data" / "external_eval_dev" / "wmt22"


def real_pairs(path: Path, count: int) -> list[tuple[str, str]]:
    """The first ``count`` distinct (source, reference) lines of a WMT22 file."""
    seen, out = set(), []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            first = min(k for k in item if k.startswith("ref_"))  # cs-en has no ref_A: ref_B, ref_C
            src, ref = " ".join(item["source"].split()), " ".join(item[first].split())
            if src and ref and src not in seen:
                seen.add(src)
                out.append((src, ref))
            if len(out) == count:
                break
    return out


def as_pairs(lines: list[tuple[str, str]]):
    from tqcheck.types import Link, Pair, Segment

    return [Pair(k, Link((0,), (0,), 1.0), s, t, (Segment(0, s, 0, len(s), 1, 1),), (Segment(0, t, 0, len(t), 1, 1),))
            for k, (s, t) in enumerate(lines)]


def warm_loaders(lang: str) -> None:
    """Load the dictionaries a check loads on first use, so that no load falls in the timed pass."""
    from tqcheck import lang as language
    from tqcheck.check import translit

    if lang in ("zh", "ja"):
        translit.read_all_readings()  # pykakasi's table: prepared copies read a character's entries when asked
    for code in (lang, "en"):
        analyser = language.get(code)
        text = "岸田文雄说" if code in ("zh", "ja") else "Kishida said"
        analyser.tokenize(text)
        analyser.person_names(text)
        analyser.lemmatize("said")
        if analyser.is_word is not None:
            analyser.is_word("said")


def by_rule(pairs, ctx, selection) -> None:
    """CPU time of each rule over ``pairs``, one pass, largest first."""
    from dataclasses import replace

    from tqcheck.check.facts import PairFacts
    from tqcheck.check.runner import BLOCK_PAIRS

    rules = [r for r in selection.rules() if r.skipped_because(ctx.src_lang, ctx.tgt_lang) is None]
    spent = dict.fromkeys((r.code for r in rules), 0.0)
    for at in range(0, len(pairs), BLOCK_PAIRS):  # in the runner's order: rule by rule over a block of pairs
        block = [(pair, replace(ctx, facts=PairFacts(pair, ctx))) for pair in pairs[at:at + BLOCK_PAIRS]]
        for r in rules:
            t = time.process_time()
            for pair, here in block:
                for _ in r.func(pair, here):
                    pass
            spent[r.code] += time.process_time() - t
    total = sum(spent.values())
    for code, cpu in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{code} {cpu:7.3f} s  {cpu / total:6.1%}")
    print(f"all   {total:7.3f} s  ({len(pairs) / total:.0f} pairs/s, without the runner's own work)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=1500)
    ap.add_argument("--warm", type=int, default=100)
    ap.add_argument("--pair-lang", default="zh", help="source language of WMT22 xx-en (zh, ja, ru, de, cs, uk)")
    ap.add_argument("--data", type=Path, help="a WMT22-style JSONL file (default: the dev set's xx-en)")
    ap.add_argument("--by-rule", action="store_true", help="time each rule instead (no pofilter)")
    ap.add_argument("--rounds", type=int, default=1, help="repeat in this many new processes; print the median ratio")
    args = ap.parse_args()
    if args.rounds > 1:
        return rounds(args)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from tqcheck.check.registry import CheckContext
    from tqcheck.check.runner import Selection, run_checks

    lines = real_pairs(args.data or DEV / f"wmt22_{args.pair_lang}en.jsonl", args.warm + args.pairs)
    warm, timed = as_pairs(lines[: args.warm]), as_pairs(lines[args.warm :])
    selection = Selection()
    ctx = CheckContext(args.pair_lang, "en")
    run_checks(warm, [ctx] * len(warm), selection)
    warm_loaders(args.pair_lang)
    if args.by_rule:
        by_rule(timed, ctx, selection)
        return 0
    t = time.process_time()
    found = run_checks(timed, [ctx] * len(timed), selection)
    tq = time.process_time() - t
    print(f"{len(timed)} distinct WMT22 {args.pair_lang}-en pairs, one pass, one core "
          f"(loaders warmed on {len(warm)} other pairs)")
    print(f"{'checker':<28} {'rules':>6} {'pairs/s':>10} {'findings':>9}")
    print(f"{'tqcheck (all rules)':<28} {len(selection.rules()):>6} {len(timed) / tq:>10.0f} {len(found):>9}")
    try:
        from translate.filters import checks
        from translate.storage.pypo import pounit
    except ImportError:
        print("translate-toolkit is not installed: pip install translate-toolkit", file=sys.stderr)
        return 0
    checker = checks.StandardChecker()

    def units(pairs):
        out = []
        for p in pairs:
            u = pounit(p.source)
            u.target = p.target
            out.append(u)
        return out

    for u in units(warm):
        checker.run_filters(u)
    timed_units = units(timed)
    t = time.process_time()
    n_pof = sum(len(checker.run_filters(u)) for u in timed_units)
    pof = time.process_time() - t
    print(f"{'pofilter StandardChecker':<28} {len(checker.defaultfilters):>6} {len(timed) / pof:>10.0f} {n_pof:>9}")
    print(f"ratio tqcheck / pofilter: {pof / tq:.2f}")
    return 0


def rounds(args: argparse.Namespace) -> int:
    """The comparison in ``args.rounds`` new processes; each round's figures, then the median ratio."""
    import statistics
    import subprocess

    cmd = [sys.executable, __file__, "--pairs", str(args.pairs), "--warm", str(args.warm), "--pair-lang", args.pair_lang]
    if args.data:
        cmd += ["--data", str(args.data)]
    ratios = []
    for k in range(args.rounds):
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows = [line for line in out.splitlines() if line.startswith(("tqcheck (", "pofilter ", "ratio "))]
        if len(rows) < 3:
            sys.exit(f"round {k + 1} printed no ratio:\n{out}")
        ratios.append(float(rows[-1].rsplit(":", 1)[1]))
        print(f"round {k + 1}: " + "; ".join(" ".join(r.split()) for r in rows))
    print(f"{args.pair_lang}-en ratio tqcheck / pofilter over {args.rounds} rounds: "
          f"{min(ratios):.2f}-{max(ratios):.2f}, median {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
