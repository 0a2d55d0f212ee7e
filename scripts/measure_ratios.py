#!/usr/bin/env python3
"""Measure the usual translation length ratio of language pairs (log of non-space characters,
target over source) on parallel data, for tqcheck/lang/pairs.py.

    python scripts/measure_ratios.py [DATA_DIR]

Sources: WMT23 zh-en references and DEMETR (FLORES) zh-en references in DATA_DIR (default
../shared/data/external_eval_dev), the Text+Berg de-fr gold beads there, the reference
translations of the bundled samples (ru-en, ja-en; document level only), and the WMT22 references
(``wmt22/``, every direction, the even-numbered segments only: the odd ones stay for checking).
"""
from __future__ import annotations

import ast
import json
import math
import os
import statistics as st
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "data", "external_eval_dev")


def chars(s: str) -> int:
    return len("".join(s.split()))


def main() -> int:
    data = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    vals: dict[str, list[float]] = {"zh-en": [], "de-fr": []}
    seen = set()
    for name, ref in (("mqm_wmt23_zhen_dev.jsonl", "reference"), ("demetr_zhen_dev.jsonl", "reference")):
        for line in open(os.path.join(data, name), encoding="utf-8"):
            r = json.loads(line)
            if r["source"] in seen or chars(r["source"]) < 10:
                continue
            seen.add(r["source"])
            vals["zh-en"].append(math.log(chars(r[ref]) / chars(r["source"])))
    d = os.path.join(data, "align_textberg_defr_003")
    de = open(os.path.join(d, "de.txt"), encoding="utf-8").read().splitlines()
    fr = open(os.path.join(d, "fr.txt"), encoding="utf-8").read().splitlines()
    for line in open(os.path.join(d, "gold.txt"), encoding="utf-8"):
        a, b = (ast.literal_eval(x) for x in line.strip().split(":"))
        x, y = sum(chars(de[i]) for i in a), sum(chars(fr[j]) for j in b)
        if a and b and x >= 10:
            vals["de-fr"].append(math.log(y / x))
    for pair, v in vals.items():
        print(f"{pair}: mean {st.mean(v):.3f} sd {st.pstdev(v):.3f} over {len(v)} sentence pairs")
    for name in sorted(os.listdir(os.path.join(data, "wmt22"))):
        if not name.endswith(".jsonl"):
            continue
        pair = f"{name[6:8]}-{name[8:10]}"
        v = []
        for line in open(os.path.join(data, "wmt22", name), encoding="utf-8"):
            r = json.loads(line)
            ref = next((r[k] for k in ("ref_A", "ref_B", "ref_C") if k in r), None)
            if r["seg"] % 2 or not ref or chars(r["source"]) < 10 or not chars(ref):
                continue
            v.append(math.log(chars(ref) / chars(r["source"])))
        print(f"{pair} (WMT22): mean {st.mean(v):.3f} sd {st.pstdev(v):.3f} over {len(v)} segments")
    root = os.path.join(HERE, "..")
    for name, lang in (("riverport", "ru"), ("railway", "ja"), ("kuril", "zh")):
        src = open(os.path.join(root, "samples", f"{name}.{lang}.txt"), encoding="utf-8").read()
        ref = open(os.path.join(root, "reference", f"{name}.ref.en.txt"), encoding="utf-8").read()
        print(f"{lang}-en ({name}, whole document): {math.log(chars(ref) / chars(src)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
