"""Monolingual string metrics through sacrebleu: chrF, BLEU and TER per sentence and per document,
with the tokenisation each language needs and sacrebleu's signatures for the report."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

#: Languages written without spaces between words: BLEU and TER need their own tokenisation.
_CHAR_LANGS = frozenset({"ja", "ko", "th", "lo", "km", "my"})
METRIC_NAMES = ("chrf", "bleu", "ter")


def bleu_tokenizer(lang: str) -> str:
    """sacrebleu's tokenizer for ``lang``: its Chinese one, characters for other unspaced scripts, else 13a."""
    if lang == "zh":
        return "zh"
    if lang in _CHAR_LANGS:
        return "char"
    return "13a"


@dataclass(frozen=True)
class Metrics:
    """sacrebleu's metric objects for one language: chrF (default settings), BLEU with effective
    order (sentence level), TER with Asian-script support where the language needs it."""

    lang: str
    chrf: Any
    bleu: Any
    ter: Any

    def signatures(self) -> dict[str, str]:
        return {"chrF": self.chrf.get_signature().format(), "BLEU": self.bleu.get_signature().format(),
                "TER": self.ter.get_signature().format()}

    def sentence(self, hypothesis: str, reference: str, which: Sequence[str] = METRIC_NAMES) -> dict[str, float | None]:
        """Scores (0-100; TER is an edit rate, lower is better) of one hypothesis against one reference;
        None where either side is empty."""
        if not hypothesis.strip() or not reference.strip():
            return {name: None for name in which}
        out: dict[str, float | None] = {}
        for name in which:
            metric = getattr(self, name)
            out[name] = round(float(metric.sentence_score(hypothesis, [reference]).score), 2)
        return out

    def corpus(self, hypotheses: Sequence[str], references: Sequence[str],
               which: Sequence[str] = METRIC_NAMES) -> dict[str, float | None]:
        """Document-level scores over the pairs where both sides have text."""
        kept = [(h, r) for h, r in zip(hypotheses, references) if h.strip() and r.strip()]
        if not kept:
            return {name: None for name in which}
        hyps, refs = [h for h, _ in kept], [r for _, r in kept]
        return {name: round(float(getattr(self, name).corpus_score(hyps, [refs]).score), 2) for name in which}


@lru_cache(maxsize=16)
def metrics_for(lang: str) -> Metrics:
    """The metrics for comparing two texts in ``lang`` (built once per language)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    asian = lang in _CHAR_LANGS or lang == "zh"
    metrics = Metrics(
        lang,
        CHRF(),
        BLEU(effective_order=True, tokenize=bleu_tokenizer(lang)),
        # sacrebleu applies Asian-script splitting only to normalised text.
        TER(normalized=asian, asian_support=asian),
    )
    for metric in (metrics.chrf, metrics.bleu, metrics.ter):
        # A signature needs the number of references, which sacrebleu learns from a first score: a
        # document whose pairs all have an empty side is scored nowhere but still signs its report.
        metric.sentence_score("a", ["a"])
    return metrics
