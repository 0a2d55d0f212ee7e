#!/usr/bin/env python3
"""Alignment on whole documents laid out as articles: WMT22 documents rebuilt, segments recovered exactly.

    python scripts/eval_align_docs.py [DATA_DIR] [--pairs ja-en,en-zh] [--embedder use|none|both]
                                      [--split all|even|odd] [--worst N] [--per-doc] [--losses] [--examples N]

DATA_DIR defaults to ../shared/data/external_eval_dev. Each WMT22 file with documents
(``wmt22/wmt22_<src><tgt>.jsonl``: ja-en, ru-en, uk-en, en-zh, en-ja, en-uk, de-fr, fr-de) is rebuilt
into documents: segment 0 (the headline, in news) on a line of its own, the other segments grouped
into paragraphs of one to four segments (a segment without final punctuation ends its paragraph, one
ending in a comma or dash goes on into the next on its line), one paragraph per line, segments of a
paragraph joined by a space (in zh and ja by nothing after a CJK character), the source and the first reference
grouped *differently* (each side's grouping drawn with its own seed), so the line breaks of the two
sides do not meet. Each side is then split into sentences by tqcheck's segmenter and aligned by
tqcheck's aligner, as ``tqcheck compare`` would.

A WMT segment ends where its translator's unit ended, not always where a sentence does: 「…番よ！！」 and
とチョップを…, "seit ca." and "14 Tagen", "… bad people exist, …" and "but what does it have to do …"
are halves of one sentence, and no sentence segmenter should split them. The gold beads are therefore the
WMT segments, merged where a sentence of either side runs across their boundary, and each such boundary
is one of three kinds:

* *mid-sentence*: the text shows the sentence going on (the segment ends in a comma or dash; the next
  starts in lower case, or with a mark no sentence starts with, ``)``, ``、``; a Japanese quotative
  particle follows a closing quote, 」と; a short lower-case abbreviation is followed by a figure or an
  initial, "ca. 14", "им. Н.И."). The merged bead is the finest any sentence aligner can give: its
  segments count as recovered when the alignment holds exactly their sentences, on both sides.
* *line*: the segmenter ran a sentence across a line break of the article (every line is a paragraph,
  a headline or a chat turn; a line break ends a sentence);
* *missed*: inside a line, a sentence end the segmenter missed (final punctuation, then a sentence start).

Segments merged across a *line* or *missed* boundary are lost to segmentation, counted apart, so that
the aligner's own figure is the share of the other segments it recovers. A segment that is recovered
neither way is the aligner's loss: *coarse* when its link also holds whole neighbouring gold beads and
nothing else (a correct but too coarse m-n bead), *wrong* otherwise. ``--losses`` prints how many of each.

Printed: per direction, pooled figures and the spread over documents (the share of documents recovered
entirely, the worst documents); with --per-doc every document. ``--split even|odd`` keeps every other
document (by order in the file), to check that what is tuned on one half holds on the other.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.align.aligner import Aligner  # noqa: E402
from tqcheck.models.embedders import Embedder, USEEmbedder  # noqa: E402
from tqcheck.segment.segmenter import segment_text  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev")
PAIRS = ("ja-en", "ru-en", "uk-en", "en-zh", "en-ja", "en-uk", "de-fr", "fr-de")
NO_SPACE = ("zh", "ja")
FINAL = frozenset(".!?。！？…")
CLOSERS = "\"'”’»」』)）] "
#: A segment ending in one of these goes on into the next: it is half of a sentence.
CONTINUES = frozenset(",;-–—/&+、，；")
#: No sentence starts with one of these: a segment starting with one continues the one before.
NO_START = frozenset(",;:%.!?…、，；：)]}」』）】〕〉》")
#: Japanese particles that make a closed quote part of the sentence that goes on: 「…！」と言った.
QUOTATIVE = ("と", "って", "など")
_SHORT_ABBREVIATION = re.compile(r"[^\W\d_]{1,3}\.")
_INITIAL = re.compile(r"[^\W\d_]\.")
SIZES = (1, 2, 2, 3, 3, 4)


def _ends_sentence(seg: str) -> bool:
    """Whether ``seg`` ends in sentence-final punctuation (closing quotes and brackets after it allowed)."""
    return seg.rstrip(CLOSERS)[-1:] in FINAL


def _goes_on(seg: str, nxt: str) -> bool:
    """Whether the text shows the sentence of ``seg`` going on into the next segment ``nxt`` (see the
    module's docstring: a boundary *mid-sentence*). Read off the two segments, not off tqcheck's
    segmenter, which is what is measured."""
    end = seg.rstrip()
    first = nxt.lstrip()[:1]
    if not end or not first:
        return False
    if end[-1] in CONTINUES or first.islower() or first in NO_START:
        return True
    if end[-1] in "」』" and nxt.startswith(QUOTATIVE):
        return True  # 「これからはわたしがねらう番よ ！ ！ 」 | とチョップを叩きつけようとする。
    last = end.split()[-1]
    # seit ca. | 14 Tagen; им. | Н.И. Пирогова: a short lower-case abbreviation before a figure or an initial
    return (_SHORT_ABBREVIATION.fullmatch(last) is not None and last[0].islower()
            and (first.isdigit() or _INITIAL.match(nxt.lstrip()) is not None))


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80 and ch.isprintable()


@dataclass
class Doc:
    name: str
    domain: str | None
    src: list[str]  # WMT segments
    tgt: list[str]


def load_docs(path: str) -> list[Doc]:
    docs: OrderedDict[str, Doc] = OrderedDict()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            ref = row.get("ref_A") or row.get("ref_B")
            if row.get("doc") is None or not ref or not row["source"].strip() or not ref.strip():
                continue
            doc = docs.setdefault(row["doc"], Doc(row["doc"], row.get("domain"), [], []))
            doc.src.append(" ".join(row["source"].split()))
            doc.tgt.append(" ".join(ref.split()))
    return list(docs.values())


def layout(segs: list[str], lang: str, seed: str) -> tuple[str, list[tuple[int, int]]]:
    """The article text and each segment's character span in it: the first segment on its own line,
    the others in paragraphs of 1-4 segments (sizes drawn from ``seed``), a paragraph per line. A segment
    without final punctuation (a title, a list item, a chat turn) ends its paragraph, as in an article;
    one ending in a comma or a dash is half of a sentence and goes on into the next on the same line.
    Segments are joined by a space, in zh and ja by nothing after a CJK character (not after a sentence
    in Latin script: "… dragged below. > ハンミョウ …")."""
    rng = random.Random(seed)
    lines: list[list[int]] = []
    k = 0
    while k < len(segs):
        size = rng.choice(SIZES) if lines else 1
        line = [k]
        while k + 1 < len(segs) and (segs[k].rstrip()[-1:] in CONTINUES
                                     or (len(line) < size and _ends_sentence(segs[k]))):
            k += 1
            line.append(k)
        lines.append(line)
        k += 1
    text = ""
    spans: list[tuple[int, int]] = [(0, 0)] * len(segs)
    for n, line in enumerate(lines):
        if n:
            text += "\n"
        for m, k in enumerate(line):
            if m:
                text += "" if lang in NO_SPACE and _is_cjk(text[-1]) else " "
            spans[k] = (len(text), len(text) + len(segs[k]))
            text += segs[k]
    return text + "\n", spans


def sentence_owners(text: str, lang: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[set[int]]]:
    """Sentences of ``text`` and, for each, the segments it overlaps."""
    sents = segment_text(text, lang)
    owners = []
    for s in sents:
        owners.append({k for k, (a, b) in enumerate(spans) if a < s.end and s.start < b})
    return [s.text for s in sents], owners


#: What happened to a segment: recovered alone or in a bead merged at a mid-sentence boundary; lost to
#: segmentation across a line break or a sentence end inside a line; the aligner's loss, coarse or wrong.
OUTCOMES = ("recovered", "recovered-merged", "lost-line", "lost-missed", "coarse", "wrong")


@dataclass
class DocScore:
    name: str
    domain: str | None
    segments: int
    outcomes: Counter[str]
    sentences: tuple[int, int]
    examples: list[tuple[str, str]]  # (outcome, what happened), for --examples

    @property
    def recovered(self) -> int:
        return self.outcomes["recovered"] + self.outcomes["recovered-merged"]

    @property
    def lost_to_segmentation(self) -> int:
        return self.outcomes["lost-line"] + self.outcomes["lost-missed"]


class _Groups:
    """Union-find over a document's segments: the gold beads."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, k: int) -> int:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)


def score_doc(doc: Doc, sl: str, tl: str, aligner: Aligner) -> DocScore:
    sides = []
    for segs, lang, part in ((doc.src, sl, "source"), (doc.tgt, tl, "target")):
        text, spans = layout(segs, lang, f"{doc.name}/{part}")
        sents, owners = sentence_owners(text, lang, spans)
        sides.append((segs, text, spans, sents, owners))
    n = len(doc.src)
    groups = _Groups(n)
    lost: dict[int, str] = {}  # first segment of a boundary a sentence runs across -> how it was lost
    examples: list[tuple[str, str]] = []
    own: list[list[set[int]]] = [[set() for _ in range(n)], [set() for _ in range(n)]]
    for side, (segs, text, spans, _, owners) in enumerate(sides):
        for i, owner in enumerate(owners):
            for k in owner:
                own[side][k].add(i)
            ks = sorted(owner)
            for a, b in zip(ks, ks[1:]):
                groups.join(a, b)
                if "\n" in text[spans[a][1]:spans[b][0]]:
                    lost[a] = "lost-line"
                elif not _goes_on(segs[a], segs[b]):
                    lost.setdefault(a, "lost-missed")
                else:
                    continue
                examples.append((lost[a], f"{'ST'[side]} {segs[a][-60:]!r} | {segs[b][:60]!r}"))
    members: dict[int, list[int]] = {}
    for k in range(n):
        members.setdefault(groups.find(k), []).append(k)
    gold_of_src = {i: g for g, ks in members.items() for k in ks for i in own[0][k]}
    gold_of_tgt = {j: g for g, ks in members.items() for k in ks for j in own[1][k]}
    links = aligner.align(sides[0][3], sides[1][3], sl, tl)
    link_of_src = {i: li for li, link in enumerate(links) for i in link.src}
    link_of_tgt = {j: li for li, link in enumerate(links) for j in link.tgt}
    outcomes: Counter[str] = Counter()
    for g, ks in members.items():
        want_s = set().union(*(own[0][k] for k in ks))
        want_t = set().union(*(own[1][k] for k in ks))
        why = next((lost[k] for k in ks if k in lost), None)
        touching = {link_of_src[i] for i in want_s} | {link_of_tgt[j] for j in want_t}
        got_s = {i for li in touching for i in links[li].src}
        got_t = {j for li in touching for j in links[li].tgt}
        if why is not None:
            outcome = why
        elif got_s == want_s and got_t == want_t:
            outcome = "recovered" if len(ks) == 1 else "recovered-merged"
        else:
            # Coarse: the links hold whole gold beads, no part of one.
            held = {gold_of_src[i] for i in got_s} | {gold_of_tgt[j] for j in got_t}
            whole_s = {i for h in held for k in members[h] for i in own[0][k]}
            whole_t = {j for h in held for k in members[h] for j in own[1][k]}
            outcome = "coarse" if (whole_s, whole_t) == (got_s, got_t) else "wrong"
            shown = " || ".join(f"{[sides[0][3][i][:50] for i in links[li].src]} ~ "
                                f"{[sides[1][3][j][:50] for j in links[li].tgt]}" for li in sorted(touching))
            examples.append((outcome, f"segments {ks}: {shown}"))
        outcomes[outcome] += len(ks)
    return DocScore(doc.name, doc.domain, n, outcomes, (len(sides[0][3]), len(sides[1][3])), examples)


def embedder_for(kind: str) -> Embedder | None:
    if kind == "none":
        return None
    from tqcheck.cache import CachedEmbedder, DiskCache

    cache_dir = os.environ.get("TQCHECK_EVAL_CACHE", os.path.join(tempfile.gettempdir(), "tqcheck-eval-align-cache"))
    return CachedEmbedder(USEEmbedder(), DiskCache(cache_dir, max_mb=2000))


def _print_examples(scores: list[DocScore], per_kind: int) -> None:
    """Up to ``per_kind`` losses of each kind, with the document they come from."""
    shown: Counter[str] = Counter()
    for s in scores:
        for outcome, what in s.examples:
            if shown[outcome] < per_kind:
                shown[outcome] += 1
                print(f"      {outcome:<12} {s.name[:40]}: {what}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=DEFAULT)
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--embedder", choices=("use", "none", "both"), default="use")
    ap.add_argument("--split", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--worst", type=int, default=3, help="worst documents shown per direction")
    ap.add_argument("--per-doc", action="store_true", help="print every document")
    ap.add_argument("--losses", action="store_true", help="per direction, segments by outcome (see above)")
    ap.add_argument("--examples", type=int, default=0, help="losses of each kind shown per direction")
    args = ap.parse_args()
    kinds = ("use", "none") if args.embedder == "both" else (args.embedder,)
    t0 = time.perf_counter()
    print(f"{'set':<6} {'embedder':<10} {'docs':>5} {'segs':>6} {'seg-lost':>8} {'recovered':>9} "
          f"{'aligner':>8} {'docs 100%':>9} {'doc median':>10} {'doc min':>8}")
    tallies: list[tuple[str, str, Counter[str]]] = []
    for kind in kinds:
        aligner = Aligner(embedder_for(kind))
        total_segs = total_rec = total_lost = 0
        total_outcomes: Counter[str] = Counter()
        for pair in args.pairs.split(","):
            sl, tl = pair.split("-")
            docs = load_docs(os.path.join(args.data, "wmt22", f"wmt22_{sl}{tl}.jsonl"))
            if args.split != "all":
                docs = docs[(0 if args.split == "even" else 1)::2]
            scores = [score_doc(d, sl, tl, aligner) for d in docs]
            segs = sum(s.segments for s in scores)
            rec = sum(s.recovered for s in scores)
            lost = sum(s.lost_to_segmentation for s in scores)
            total_segs, total_rec, total_lost = total_segs + segs, total_rec + rec, total_lost + lost
            outcomes: Counter[str] = sum((s.outcomes for s in scores), Counter())
            total_outcomes += outcomes
            tallies.append((pair, kind, outcomes))
            shares = sorted(s.recovered / (s.segments - s.lost_to_segmentation) for s in scores
                            if s.segments > s.lost_to_segmentation) or [1.0]
            full = sum(1 for s in scores if s.recovered == s.segments - s.lost_to_segmentation)
            print(f"{pair:<6} {kind:<10} {len(scores):>5} {segs:>6} {lost:>8} {rec / segs:>9.3f} "
                  f"{rec / max(1, segs - lost):>8.3f} {full / len(scores):>9.3f} {shares[len(shares) // 2]:>10.3f} "
                  f"{shares[0]:>8.3f}")
            shown = scores if args.per_doc else sorted(
                scores, key=lambda s: s.recovered - (s.segments - s.lost_to_segmentation))[: args.worst]
            for s in shown:
                ok = s.segments - s.lost_to_segmentation
                if args.per_doc or s.recovered < ok:
                    print(f"    {s.name[:60]:<60} {s.domain or '-':<12} {s.recovered:>3}/{ok:<3} "
                          f"(+{s.lost_to_segmentation} lost) sentences {s.sentences[0]}-{s.sentences[1]}")
            _print_examples(scores, args.examples)
        print(f"{'all':<6} {kind:<10} {'':>5} {total_segs:>6} {total_lost:>8} {total_rec / total_segs:>9.3f} "
              f"{total_rec / max(1, total_segs - total_lost):>8.3f}")
        tallies.append(("all", kind, total_outcomes))
    if args.losses:
        print(f"\n{'set':<6} {'embedder':<10} " + " ".join(f"{o:>16}" for o in OUTCOMES))
        for pair, kind, outcomes in tallies:
            print(f"{pair:<6} {kind:<10} " + " ".join(f"{outcomes[o]:>16}" for o in OUTCOMES))
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
