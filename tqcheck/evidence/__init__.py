"""The evidence stage: what is known about each aligned pair's meaning besides its own two texts.

    pairs -> similarities (the alignment's embedder), the document's length ratio, and the texts to
    compare each pair with: a back-translation and a reference given as files (each segmented and
    aligned with the source once, ``sides``) and the translator's back- or forward-translations

One ``PairEvidence`` per pair, in pair order, for the checks (``CheckContext.evidence``) and the scores.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from .. import lang as language
from ..models.embedders import Embedder
from ..types import Pair, PairEvidence, Segment
from .sides import facing_texts
from .signals import doc_log_ratio, merged_similarities, part_similarities

if TYPE_CHECKING:
    from ..models.translators import Translator


def gather_evidence(
    pairs: Sequence[Pair], src_segs: Sequence[Segment], src_lang: str, tgt_lang: str, mode: str, *,
    sides: Mapping[str, tuple[str, str]], translator: "Translator | None", directions: str,
    embedder: Embedder | None, active: Embedder | None, note: Callable[[str], None],
) -> list[PairEvidence]:
    """The evidence of each pair. ``sides`` holds the files given, as ``(path, text)``, by name
    (``back_translation``, ``reference``); ``translator`` runs in ``directions`` (back, forward or both);
    ``active`` is the embedder when it covers the language pair (else None), ``embedder`` the one loaded."""
    texts: list[dict[str, str]] = [{} for _ in pairs]
    for name, lang, has_side in (("back_translation", src_lang, "target"), ("reference", tgt_lang, "source")):
        if name in sides:
            path, text = sides[name]
            facing = facing_texts(path, text, lang, name.replace("_", "-"), src_segs, src_lang, pairs, mode,
                                  embedder, note)
            for found, t, p in zip(texts, facing, pairs):
                if getattr(p, has_side):
                    found[name] = t
    if translator is not None:
        for name, direction, side, langs in (("back_translation", "back", "target", (tgt_lang, src_lang)),
                                             ("forward_translation", "forward", "source", (src_lang, tgt_lang))):
            if directions in (direction, "both"):
                todo = [p for p in pairs if getattr(p, side).strip()]
                for p, out in zip(todo, translator.translate([getattr(p, side) for p in todo], *langs)):
                    texts[p.index][name] = out
    merged = merged_similarities(pairs, active)
    ratio = doc_log_ratio(pairs) if mode != "aligned" else None
    source_language = language.get(src_lang)
    parts = part_similarities(pairs, active, ratio, source_language.may_open_sentence, source_language)
    return [PairEvidence(p.link.similarity, ratio, merged.get(p.index), parts.get(p.index), t.get("back_translation"),
                         t.get("forward_translation"), t.get("reference")) for p, t in zip(pairs, texts)]
