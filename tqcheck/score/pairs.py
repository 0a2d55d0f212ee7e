"""Per-pair scores (confidence, similarity, length ratio, chrF/BLEU/TER against the texts the pair is
compared with, quality) and the document's metrics."""
from __future__ import annotations

import math
from typing import Iterator, Sequence

from ..types import COMPARED_TEXTS, Finding, Pair, PairEvidence
from .metrics import metrics_for
from .quality import pair_quality

Scores = dict[str, float | None]


def score_pairs(pairs: Sequence[Pair], evidence: Sequence[PairEvidence], findings: Sequence[Sequence[Finding]],
                src_lang: str, tgt_lang: str) -> list[Scores]:
    """The scores of each pair, in pair order; ``findings`` holds each pair's findings."""
    ratio = doc_ratio(pairs)
    out = []
    for p, ev, found in zip(pairs, evidence, findings):
        scores = length_scores(p, ratio)
        for name, lang, hypothesis, reference in _compared(p, ev, src_lang, tgt_lang):
            for k, v in metrics_for(lang).sentence(hypothesis, reference).items():
                scores[f"{name}_{k}"] = v
        scores["quality"] = pair_quality(scores, found, bool(p.source.strip()), bool(p.target.strip()))
        out.append(scores)
    return out


def _compared(pair: Pair, ev: PairEvidence, src_lang: str, tgt_lang: str) -> Iterator[tuple[str, str, str, str]]:
    """(name, language, hypothesis, reference) of each comparison the pair's evidence allows: the
    back-translation against the source (in the source language), the MT against the forward-translation
    and the reference."""
    for name in COMPARED_TEXTS:
        text = getattr(ev, name)
        if text is None:
            continue
        if name == "back_translation":
            yield name, src_lang, text, pair.source
        else:
            yield name, tgt_lang, pair.target, text


def document_metrics(pairs: Sequence[Pair], evidence: Sequence[PairEvidence], src_lang: str,
                     tgt_lang: str) -> dict[str, object]:
    """Document-level (corpus) chrF, BLEU and TER for each kind of text compared with."""
    got: dict[str, tuple[str, list[str], list[str]]] = {}
    for p, ev in zip(pairs, evidence):
        for name, lang, hypothesis, reference in _compared(p, ev, src_lang, tgt_lang):
            _, hyps, refs = got.setdefault(name, (lang, [], []))
            hyps.append(hypothesis)
            refs.append(reference)
    return {name: metrics_for(got[name][0]).corpus(got[name][1], got[name][2])
            for name in COMPARED_TEXTS if name in got}


def metric_signatures(evidence: Sequence[PairEvidence], src_lang: str, tgt_lang: str) -> dict[str, dict[str, str]]:
    """sacrebleu's signature of each metric used, per language compared."""
    langs = [src_lang if name == "back_translation" else tgt_lang
             for name in COMPARED_TEXTS if any(getattr(ev, name) is not None for ev in evidence)]
    return {lang: metrics_for(lang).signatures() for lang in dict.fromkeys(langs)}


def doc_ratio(pairs: Sequence[Pair]) -> float:
    src = sum(len(p.source) for p in pairs if p.source and p.target)
    tgt = sum(len(p.target) for p in pairs if p.source and p.target)
    return tgt / src if src else 1.0


def length_scores(pair: Pair, doc_ratio: float) -> Scores:
    """Alignment confidence, cross-lingual similarity, and length ratio relative to the document's own
    ratio (1.0 = as long as the rest of the translation would predict)."""
    rel = None
    if pair.source and pair.target and doc_ratio > 0:
        rel = round((len(pair.target) / len(pair.source)) / doc_ratio, 3)
    return {
        "confidence": pair.link.confidence,
        "similarity": pair.link.similarity,
        "length_ratio": rel,
        "log_length_ratio": round(math.log(rel), 3) if rel else None,
    }
