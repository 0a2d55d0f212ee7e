"""Planted defects in a real feed: does ``tqcheck audit`` find each kind in every direction, and where do
the planted documents rank among the clean ones?

The feed is the WMT22 one of ``bench_audit.py`` (distinct real documents, source and professional
first human reference, every direction of the dev data), with one difference: in a document with a Chinese or
Japanese side, a segment that does not end like a sentence there (a headline, a post without a final stop)
ends its line on both sides, as such documents are written, rather than running into the next segment with
nothing between them (``cjk_lines``). Between other languages segments are joined by a space, so a
headline may run into the first sentence. For each direction, one copy of a clean
document is made per kind of defect, with that one defect planted in its translation:

    gap          a word of a sentence replaced by a gap marker ``**`` (two characters in zh/ja)
    number       a number that source and translation share changed in the translation (a quantity, date
                 or amount; not the figures of a code such as S-300 or COVID-19, which name a thing)
    name         a capitalised word of the translation (a name) replaced by another name
    dropped      one sentence of the translation removed
    untranslated the second half of one translated sentence replaced by the source's (left untranslated)

A planted kind counts as found when the planted copy has more findings of its codes (gap TQ1xx,
number TQ2xx, name TQ3xx, dropped TQ4xx, untranslated TQ5xx) than the clean document it was copied
from. The rank of a planted document is its place in the audit's ranking of the worst documents
(lowest quality first, then most errors, warnings, findings: the order of summary.json's
``worst_documents``), among all documents of the feed.

    python scripts/eval_audit.py                       # 10 clean documents per direction, embedder use
    python scripts/eval_audit.py --per-direction 4 --embedder none
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_audit import NO_SPACE, wmt22_documents, write_manifest  # noqa: E402

KINDS = ("gap", "number", "name", "dropped", "untranslated")
FAMILY = {"gap": "TQ1", "number": "TQ2", "name": "TQ3", "dropped": "TQ4", "untranslated": "TQ5"}
NAMES = {"latin": "Harrington", "cyrillic": "Харрингтон", "katakana": "ハリントン"}
_KATAKANA = re.compile(r"[ァ-ヴ][ァ-ヴー]{2,}")
_WORD = re.compile(r"(?<=\s)([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,}|[А-ЯЁІЇЄҐ][а-яёіїєґ]{3,})\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
#: A figure that is part of a code (S-300, Su-27, 5G, A4): a model or product name, not a quantity.
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿА-яЁёІіЇїЄєҐґ"
_CODE_BEFORE, _CODE_AFTER = re.compile(rf"[{_LETTER}][-‐]?$"), re.compile(rf"[{_LETTER}]")
_PLAIN = re.compile(r"(?<=\s)[a-zà-öø-ÿа-яёіїєґ]{5,}\b")

Segments = list[list[tuple[str, str]]]
Planter = Callable[[Segments, str, str, random.Random], bool]


def _segments(paras: Segments) -> list[tuple[int, int]]:
    spots = [(p, k) for p, para in enumerate(paras) for k in range(len(para))]
    return spots[1:] or spots  # never the headline, when there is more


def _plant_first(paras: Segments, edit: Callable[[str, str], str | None]) -> bool:
    """Plant in the first segment (after the headline) where ``edit(source, translation)`` gives a new
    translation; False where none does."""
    for p, k in _segments(paras):
        s, t = paras[p][k]
        changed = edit(s, t)
        if changed is not None:
            paras[p][k] = (s, changed)
            return True
    return False


def _gap(paras: Segments, src: str, tgt: str, rng: random.Random) -> bool:
    def edit(s: str, t: str) -> str | None:
        if tgt in NO_SPACE:
            mid = len(t) // 2
            return t[:mid] + "**" + t[mid + 2:] if len(t) >= 12 else None
        m = _PLAIN.search(t) or _WORD.search(t)
        return t[:m.start()] + "**" + t[m.end():] if m else None

    return _plant_first(paras, edit)


def _number(paras: Segments, src: str, tgt: str, rng: random.Random) -> bool:
    def edit(s: str, t: str) -> str | None:
        for m in _NUMBER.finditer(t):
            if _CODE_BEFORE.search(t, 0, m.start()) or _CODE_AFTER.match(t, m.end()):
                continue
            if m.group() in s and m.group() not in ("0", "1"):
                value = m.group()
                digits = [i for i, c in enumerate(value) if c.isdigit()]
                i = digits[-1] if len(digits) < 3 else digits[1]
                return t[:m.start()] + value[:i] + str((int(value[i]) + 3) % 10) + value[i + 1:] + t[m.end():]
        return None

    return _plant_first(paras, edit)


def _name(paras: Segments, src: str, tgt: str, rng: random.Random) -> bool:
    def edit(s: str, t: str) -> str | None:
        for m in _WORD.finditer(t):
            word = m.group()
            # a name: written the same in the source (a Latin name kept in any script), or capitalised
            # inside the sentence of a language that capitalises only names (not German nouns)
            if word in s or (tgt not in ("de",) and m.start() > 0 and not t[:m.start()].rstrip().endswith((".", ":"))):
                other = NAMES["cyrillic" if re.match(r"[А-ЯЁІЇЄҐ]", word) else "latin"]
                return t[:m.start()] + other + t[m.end():]
        return None

    def katakana(s: str, t: str) -> str | None:  # names in katakana: one whose source sentence has a capitalised name
        m = _KATAKANA.search(t)
        if m and _WORD.search(" " + s) and m.group() != NAMES["katakana"]:
            return t[:m.start()] + NAMES["katakana"] + t[m.end():]
        return None

    return _plant_first(paras, edit) or (tgt == "ja" and _plant_first(paras, katakana))


def _dropped(paras: Segments, src: str, tgt: str, rng: random.Random) -> bool:
    for p, k in _segments(paras):
        s, t = paras[p][k]
        if len(paras[p]) >= 2 and len(t) >= 20:
            paras[p][k] = (s, "")  # the source sentence stays, its translation goes
            return True
    return False


def _untranslated(paras: Segments, src: str, tgt: str, rng: random.Random) -> bool:
    def edit(s: str, t: str) -> str | None:
        if len(s) < 40 or len(t) < 30:
            return None
        cut_s = s.rfind(" ", 0, len(s) // 2) if src not in NO_SPACE else len(s) // 2
        cut_t = t.rfind(" ", 0, len(t) // 2) if tgt not in NO_SPACE else len(t) // 2
        if cut_s <= 0 or cut_t <= 0:
            return None
        return t[:cut_t] + (" " if tgt not in NO_SPACE else "") + s[cut_s:].strip()

    return _plant_first(paras, edit)


PLANT: dict[str, Planter] = {"gap": _gap, "number": _number, "name": _name, "dropped": _dropped,
                             "untranslated": _untranslated}


def planted_feed(per_direction: int, seed: int = 11) -> tuple[list[dict[str, Any]], dict[str, tuple[str, str, str]]]:
    """The clean documents and, per direction and kind, one planted copy; and planted id -> (direction,
    kind, clean id)."""
    rng = random.Random(seed)
    clean = wmt22_documents(per_direction)
    by_direction: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in clean:
        by_direction[f"{doc['src_lang']}-{doc['tgt_lang']}"].append(doc)
    planted, origin = [], {}
    for direction, docs in sorted(by_direction.items()):
        for n, kind in enumerate(KINDS):
            for doc in docs[n:] + docs[:n]:  # a different document per kind, when it fits
                paras = [[(s, t) for s, t in p] for p in copy.deepcopy(doc["paragraphs"])]
                if PLANT[kind](paras, doc["src_lang"], doc["tgt_lang"], rng):
                    pid = f"{doc['id']}-planted-{kind}"
                    planted.append({**doc, "id": pid, "paragraphs": paras})
                    origin[pid] = (direction, kind, doc["id"])
                    break
            else:
                print(f"{direction}: no document to plant {kind} in", flush=True)
    return clean + planted, origin


def _codes(cell: Any) -> dict[str, int]:
    return json.loads(cell) if isinstance(cell, str) else {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-direction", type=int, default=10, help="clean WMT22 documents per direction (default 10)")
    ap.add_argument("--embedder", default="use", help="use or none (default use)")
    ap.add_argument("--jobs", default="2", help="--jobs of the audit (default 2)")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    a = ap.parse_args()
    import pandas as pd

    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tqcheck-eval-audit-"))
    docs, origin = planted_feed(a.per_direction)
    manifest = write_manifest(work / "feed", docs, cjk_lines=True)
    out = work / "out"
    cmd = [sys.executable, "-m", "tqcheck.cli", "audit", str(manifest), "-o", str(out), "--embedder", a.embedder,
           "--isolated", "--jobs", a.jobs, "--exit-zero", "--overwrite", "--worst", "20"]
    print(f"{len(docs)} documents ({len(origin)} planted) in {work}", flush=True)
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    print(r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "", flush=True)
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    table = pd.read_parquet(out / "documents.parquet")
    table["q"] = table["quality"] if "quality" in table else float("nan")
    # the audit's ranking: lowest quality first (documents without one after), then most errors, warnings
    table["has_q"] = table["q"].notna()
    ranked = table.sort_values(["has_q", "q", "errors", "warnings", "findings"],
                               ascending=[False, True, False, False, False], kind="stable").reset_index(drop=True)
    rank = {d: k + 1 for k, d in enumerate(ranked["id"])}
    codes = dict(zip(table["id"], (_codes(c) for c in table["findings_by_code"])))
    found: dict[tuple[str, str], bool] = {}
    for pid, (direction, kind, clean_id) in origin.items():
        fam = FAMILY[kind]
        n_planted = sum(v for c, v in codes.get(pid, {}).items() if c.startswith(fam))
        n_clean = sum(v for c, v in codes.get(clean_id, {}).items() if c.startswith(fam))
        found[(direction, kind)] = n_planted > n_clean
    directions = sorted({d for d, _ in found})
    print(f"\n{'direction':<10}" + "".join(f"{k:>13}" for k in KINDS))
    for d in directions:
        print(f"{d:<10}" + "".join(f"{('found' if found[(d, k)] else 'MISSED') if (d, k) in found else '-':>13}"
                                   for k in KINDS))
    per_kind = {k: (sum(found[(d, k)] for d in directions if (d, k) in found),
                    sum(1 for d in directions if (d, k) in found)) for k in KINDS}
    print("found per kind: " + ", ".join(f"{k} {a_}/{b_}" for k, (a_, b_) in per_kind.items()))
    print(f"found overall: {sum(found.values())}/{len(found)}")
    ranks = sorted(rank[p] for p in origin)
    n = len(table)
    median = ranks[len(ranks) // 2]
    print(f"planted documents among the worst 20: {sum(r_ <= 20 for r_ in ranks)} of {min(20, len(ranks))} "
          f"possible; median rank of a planted document {median} of {n}; planted share of the feed "
          f"{len(origin) / n:.0%}")
    per_kind_rank = {k: sorted(rank[p] for p, o in origin.items() if o[1] == k) for k in KINDS}
    print("median rank per kind: " + ", ".join(f"{k} {v[len(v) // 2]}" for k, v in per_kind_rank.items() if v))
    clean_top = ranked[~ranked["id"].isin(origin)].head(20)
    top_codes: dict[str, int] = defaultdict(int)
    for c in clean_top["findings_by_code"]:
        for code, v in _codes(c).items():
            top_codes[code] += v
    print("codes of the clean documents in the worst 20: "
          + ", ".join(f"{c} {v}" for c, v in sorted(top_codes.items(), key=lambda kv: -kv[1])[:8]))


if __name__ == "__main__":
    main()
