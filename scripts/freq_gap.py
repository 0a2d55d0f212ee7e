#!/usr/bin/env python3
"""How often faithful English holds a word that TQ501 common-source-word would read as another language's.

    python scripts/freq_gap.py [DATA_DIR] [--common 4.0] [--rare 3.0]

TQ501 reports a lower-case source word left in an English translation that English's dictionary knows when
the word is common in the source language (Zipf >= COMMON_IN_SOURCE) and rare in English (Zipf <
RARE_IN_TARGET). Here, over every English reference line of WMT22 (zh, ja, ru, de, uk, cs -> en), the lines
holding such a word for each source language (fr, es, de, cs) are counted *whatever the source says*: an upper
bound on the rule's false alarms, since it also needs the source to have the word. Then the words the DEMETR
"untranslated" perturbations planted that English's dictionary knows, with their two frequencies, and
whether the thresholds take them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck import lang  # noqa: E402
from tqcheck.check.untranslated import COMMON_IN_SOURCE, RARE_IN_TARGET  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev")
INTO_ENGLISH = ("zh", "ja", "ru", "de", "uk", "cs")
SOURCES = ("fr", "es", "de", "cs")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=DEFAULT)
    ap.add_argument("--common", type=float, default=COMMON_IN_SOURCE)
    ap.add_argument("--rare", type=float, default=RARE_IN_TARGET)
    args = ap.parse_args()
    from wordfreq import zipf_frequency

    en = lang.get("en")
    assert en.frequency is not None and en.is_current_word is not None
    lines = []
    for sl in INTO_ENGLISH:
        path = os.path.join(args.data, "wmt22", f"wmt22_{sl}en.jsonl")
        if os.path.exists(path):
            for row in map(json.loads, open(path, encoding="utf-8")):
                lines.append(row[next(k for k in ("ref_A", "ref_B", "ref_C") if k in row)])
    print(f"{len(lines):,} English reference lines; common: Zipf >= {args.common} in the source language, "
          f"rare: Zipf < {args.rare} in English")
    for code in SOURCES:
        freq = lang.get(code).frequency
        assert freq is not None
        words: Counter[str] = Counter()
        flagged = 0
        for text in lines:
            found = [w for w in (m.group() for m in WORD.finditer(text)) if len(w) > 1 and w.islower()
                     and en.frequency(w) < args.rare and freq(w) >= args.common and en.is_current_word(w)]
            words.update(found)
            flagged += bool(found)
        print(f"  {code}: {flagged} lines ({flagged / max(len(lines), 1):.4f}): "
              + ", ".join(f"{w} {n}" for w, n in words.most_common(12)))
    print("DEMETR untranslated perturbations: planted words English's dictionary knows (source, English Zipf)")
    for code in ("fr", "es", "de"):
        path = os.path.join(args.data, f"demetr_{code}en_dev.jsonl")
        if not os.path.exists(path):
            continue
        freq = lang.get(code).frequency
        assert freq is not None
        for row in map(json.loads, open(path, encoding="utf-8")):
            if row["expected_issue"] != "untranslated":
                continue
            planted = {m.group() for m in WORD.finditer(row["mt"])} - {m.group() for m in WORD.finditer(row["mt_clean"])}
            for w in sorted(planted):
                low = w.casefold()
                if w.islower() and en.is_current_word(low):
                    # the hook's lists stop at Zipf 3: wordfreq's large ones say how rare the word is below it
                    taken = "taken" if freq(low) >= args.common and en.frequency(low) < args.rare else "-"
                    print(f"  {code} {w:16} {zipf_frequency(low, code):4.2f} {zipf_frequency(low, 'en'):4.2f} {taken}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
