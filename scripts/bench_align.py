#!/usr/bin/env python3
"""Time and peak memory of sentence alignment on synthetic documents of 1k, 5k and 20k sentences.

    python scripts/bench_align.py [--sizes 1000 5000 20000] [--embedder none|use|both]

Each size runs in a fresh process (so peak RSS is that run's own). The synthetic pair: English
sentences drawn from a small vocabulary, "translated" word by word into German, with 3% of the
source sentences dropped, 3% of target sentences merged with the next and 2% split in two, so
the path leaves the diagonal. Prints time (embedding included), peak RSS, the 20k/1k time ratio
(linear = 20; quadratic = 400) and strict F1 against the known alignment.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

LEXICON = {
    "the": "die", "government": "Regierung", "city": "Stadt", "council": "Rat", "announced": "verkündete",
    "new": "neue", "sanctions": "Sanktionen", "against": "gegen", "company": "Firma", "workers": "Arbeiter",
    "river": "Fluss", "bridge": "Brücke", "budget": "Haushalt", "million": "Millionen", "euros": "Euro",
    "minister": "Minister", "said": "sagte", "today": "heute", "yesterday": "gestern", "train": "Zug",
    "station": "Bahnhof", "school": "Schule", "children": "Kinder", "police": "Polizei", "storm": "Sturm",
    "damage": "Schaden", "houses": "Häuser", "mayor": "Bürgermeister", "election": "Wahl", "voters": "Wähler",
    "prices": "Preise", "rose": "stiegen", "fell": "fielen", "percent": "Prozent", "market": "Markt",
    "festival": "Fest", "visitors": "Besucher", "museum": "Museum", "opened": "eröffnete", "closed": "schloss",
    "hospital": "Krankenhaus", "doctors": "Ärzte", "patients": "Patienten", "port": "Hafen", "ships": "Schiffe",
    "farmers": "Bauern", "harvest": "Ernte", "water": "Wasser", "energy": "Energie", "gas": "Gas",
    "border": "Grenze", "talks": "Gespräche", "peace": "Frieden", "court": "Gericht", "judge": "Richter",
    "report": "Bericht", "found": "fand", "plan": "Plan", "road": "Straße", "repairs": "Reparaturen",
    "will": "wird", "start": "beginnen", "in": "im", "march": "März", "spring": "Frühling", "and": "und",
}


def make_pair(n: int, seed: int = 7) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    rng = random.Random(seed)
    words = list(LEXICON)
    src: list[str] = []
    tgt: list[str] = []
    gold = []
    for i in range(n):
        k = rng.randint(6, 18)
        ws = [rng.choice(words) for _ in range(k)]
        num = str(rng.randint(2, 9999)) if rng.random() < 0.4 else None
        if num:
            ws.insert(rng.randint(0, k), num)
        s = " ".join(ws).capitalize() + "."
        t = " ".join(LEXICON.get(w, w) for w in ws).capitalize() + "."
        src.append(s)
        r = rng.random()
        if r < 0.03:  # dropped in translation
            gold.append(((i,), ()))
            continue
        if r < 0.05 and len(ws) > 8:  # split in two
            cut = len(ws) // 2
            tgt.append(" ".join(LEXICON.get(w, w) for w in ws[:cut]).capitalize() + ".")
            tgt.append(" ".join(LEXICON.get(w, w) for w in ws[cut:]).capitalize() + ".")
            gold.append(((i,), (len(tgt) - 2, len(tgt) - 1)))
            continue
        tgt.append(t)
        gold.append(((i,), (len(tgt) - 1,)))
    # merge 3% of target neighbours (two source sentences -> one target sentence)
    merged_src, merged_gold = src, []
    out_tgt: list[str] = []
    remap: dict[int, int] = {}
    j = 0
    rng2 = random.Random(seed + 1)
    while j < len(tgt):
        if j + 1 < len(tgt) and rng2.random() < 0.03:
            remap[j] = remap[j + 1] = len(out_tgt)
            out_tgt.append(tgt[j][:-1] + ", " + tgt[j + 1][0].lower() + tgt[j + 1][1:])
            j += 2
        else:
            remap[j] = len(out_tgt)
            out_tgt.append(tgt[j])
            j += 1
    # rebuild gold with merges: beads sharing a target become one bead
    beads: list[tuple[list[int], list[int]]] = []
    for s_idx, t_idx in gold:
        new_t = sorted({remap[t] for t in t_idx})
        if beads and new_t and beads[-1][1] and beads[-1][1][-1] in new_t:
            beads[-1][0].extend(s_idx)
            beads[-1][1][:] = sorted(set(beads[-1][1]) | set(new_t))
        else:
            beads.append((list(s_idx), new_t))
    merged_gold = [(tuple(a), tuple(b)) for a, b in beads]
    return merged_src, out_tgt, merged_gold


def run(n: int, embedder_name: str, q: "mp.Queue[tuple]") -> None:
    from tqcheck.align.aligner import Aligner
    from tqcheck.align.evaluate import strict_scores
    from tqcheck.models.embedders import get_embedder

    src, tgt, gold = make_pair(n)
    emb = get_embedder(embedder_name)
    if emb is not None:
        emb.encode(["warm up"])  # model load is not alignment time
    t = time.perf_counter()
    links = Aligner(emb).align(src, tgt, "en", "de")
    secs = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    f1 = strict_scores(gold, [(lk.src, lk.tgt) for lk in links])["f1"]
    q.put((n, len(tgt), secs, peak_mb, f1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--embedder", choices=["none", "use", "both"], default="both")
    args = ap.parse_args()
    names = ["none", "use"] if args.embedder == "both" else [args.embedder]
    ctx = mp.get_context("spawn")
    for name in names:
        print(f"embedder={name}")
        print(f"{'src':>7} {'tgt':>7} {'seconds':>9} {'peak MB':>9} {'F1':>6}")
        times = {}
        for n in args.sizes:
            q: mp.Queue = ctx.Queue()
            p = ctx.Process(target=run, args=(n, name, q))
            p.start()
            n_, m, secs, peak, f1 = q.get()
            p.join()
            times[n] = secs
            print(f"{n_:>7} {m:>7} {secs:>9.2f} {peak:>9.0f} {f1:>6.3f}", flush=True)
        lo, hi = min(times), max(times)
        if lo != hi:
            print(f"time ratio {hi}/{lo}: {times[hi] / times[lo]:.1f} (linear would be {hi / lo:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
