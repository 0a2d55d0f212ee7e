#!/usr/bin/env python3
"""False alarms of TQ108 (silent-gap) on English prose that has no lost words.

    python scripts/scan_silentgap.py [FILE_OR_GLOB ...]

Splits each file into paragraphs and sentences, skips code-like paragraphs (backquotes, tables,
assignments), runs TQ108 on every sentence of five words or more as if it were a translation of a
Chinese source, and prints the hits per kind with examples. With no argument it reads the English
READMEs and text files under /usr/share/doc and the Markdown/reST files of the installed Python packages:
software documentation, which is harder on the rule than news (code, list labels, placeholders).
"""
from __future__ import annotations

import glob
import os
import re
import site
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.check.registry import CheckContext  # noqa: E402
from tqcheck.check.silentgap import silent_gap  # noqa: E402
from tqcheck.types import Link, Pair  # noqa: E402


def default_files() -> list[str]:
    out = glob.glob("/usr/share/doc/**/README*", recursive=True) + glob.glob("/usr/share/doc/**/*.txt", recursive=True)
    for sp in site.getsitepackages():
        out += glob.glob(f"{sp}/**/*.md", recursive=True) + glob.glob(f"{sp}/**/*.rst", recursive=True)
    return out


def sentences(path: str) -> list[str]:
    try:
        text = open(path, encoding="utf-8", errors="ignore").read()
    except OSError:
        return []
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if len(para) < 40 or not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", para) or any(c in para for c in "`|="):
            continue
        out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para) if len(s.split()) >= 5]
    return out


def main() -> int:
    files = [f for arg in sys.argv[1:] for f in (glob.glob(arg, recursive=True) or [arg])] or default_files()
    ctx = CheckContext("zh", "en")
    total = 0
    hits: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in files:
        for s in sentences(path):
            total += 1
            for h in silent_gap(Pair(0, Link((0,), (0,), 1.0), "源", s, (), ()), ctx):
                kind = h.evidence["kind"]
                hits[kind] += 1
                if len(examples[kind]) < 5 and h.span is not None:
                    examples[kind].append(s[max(0, h.span.start - 40):h.span.end + 30])
    flagged = sum(hits.values())
    print(f"{len(files)} files, {total} sentences, {flagged} hits ({1e4 * flagged / max(total, 1):.1f} per 10,000 sentences)")
    for kind, n in hits.most_common():
        print(f"  {kind}: {n}")
        for e in examples[kind]:
            print(f"      ...{e}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
