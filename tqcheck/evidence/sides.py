"""A side document (a back-translation or a reference, as a file) segmented and aligned with the source
once, so that each aligned pair gets the part of it facing the pair's source sentences."""
from __future__ import annotations

from typing import Callable, Sequence

from ..align.aligner import Aligner
from ..align.features import join_sentences
from ..errors import InputError
from ..models.embedders import Embedder, NgramEmbedder
from ..read.langid import detect_language
from ..segment.modes import check_segments, segment_document
from ..types import Pair, Segment


def facing_texts(
    path: str, text: str, lang: str, what: str, src_segs: Sequence[Segment], src_lang: str,
    pairs: Sequence[Pair], mode: str, embedder: Embedder | None, note: Callable[[str], None],
) -> list[str]:
    """Per pair, the text of the side document (in ``lang``) facing the pair's source sentences."""
    guess = detect_language(text)
    if guess.reliable and guess.lang not in (lang, "und"):
        note(f"{path}: the {what} should be in {lang} but reads as {guess.lang}")
    segs = segment_document(path, text, lang, mode)
    check_segments((path, segs))
    facing: dict[int, list[int]] = {}
    if mode == "aligned":
        if len(segs) != len(src_segs):
            raise InputError(path, f"--aligned needs one line per source line: the source has {len(src_segs)} "
                             f"lines, the {what} {len(segs)}", line=min(len(segs), len(src_segs)) + 1)
        facing = {k: [k] for k in range(len(segs)) if segs[k].text}
    else:
        if lang == src_lang:  # same language: shared character n-grams are the best measure
            embedder = NgramEmbedder()
        covered = embedder is not None and embedder.supports(src_lang) and embedder.supports(lang)
        links = Aligner(embedder if covered else None).align(
            [s.text for s in src_segs], [s.text for s in segs], src_lang, lang)
        for link in links:
            for i in link.src:
                facing.setdefault(i, []).extend(link.tgt)
    out = []
    for p in pairs:
        idx = sorted({j for s in p.src_segments for j in facing.get(s.index, ())})
        out.append(join_sentences([segs[j].text for j in idx], lang))
    return out
