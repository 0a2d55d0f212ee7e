"""A finding's fingerprint: stable across edits elsewhere in the files, so a baseline survives them.

It hashes what the finding is about, never where it is: the rule code, the side, the flagged text and
the sentence holding it (whitespace and Unicode compatibility forms normalised). Moving the sentence,
editing other sentences or changing the alignment around it keeps the fingerprint; editing the
sentence itself makes the finding new, which is what a reviewer wants to see again.
"""
from __future__ import annotations

import hashlib
import unicodedata

from ..types import Finding, Pair

#: Bump when the recipe changes: old baselines then match nothing, visibly, instead of wrongly.
FINGERPRINT_VERSION = "tqcheck/v1"


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(finding: Finding, pair: Pair) -> str:
    side = finding.span.side if finding.span else "target"
    joined = pair.source if side == "source" else pair.target
    if finding.span is not None:
        flagged = joined[finding.span.start:finding.span.end]
        segs = pair.src_segments if side == "source" else pair.tgt_segments
        at = finding.location.sentence if finding.location else None
        sentence = next((s.text for s in segs if s.index == at), joined)
    else:
        flagged, sentence = "", joined
    sentence_hash = hashlib.sha256(normalise(sentence).encode("utf-8")).hexdigest()
    key = "\x1f".join((FINGERPRINT_VERSION, finding.code, side, normalise(flagged), sentence_hash))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
