"""Shared types passed between the pipeline stages: small, frozen, and easy to serialise."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``>=`` compares with ``--fail-on``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            valid = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {name!r}; valid values: {valid}") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Segment:
    """One sentence of a document, with where it came from.

    ``start``/``end`` are character offsets into the decoded, newline-normalised text of the
    file (``end`` exclusive); ``line`` and ``column`` are 1-based and point at ``start``.
    """

    index: int
    text: str
    start: int
    end: int
    line: int
    column: int


@dataclass(frozen=True)
class Document:
    """A decoded input file and its sentences."""

    path: str
    text: str
    lang: str
    encoding: str
    segments: tuple[Segment, ...]
    lang_confidence: float = 1.0
    lang_detected: bool = False


@dataclass(frozen=True)
class Link:
    """An alignment bead: source sentence indices to target sentence indices (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float
    similarity: float | None = None

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class Span:
    """A character range inside one side of a pair, relative to the pair's joined text."""

    side: str  # "source" or "target"
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """Where a span is in its file: offsets into the decoded text (``end`` exclusive), 1-based line and
    column of its start and just after its end (as SARIF counts it), and the text there."""

    path: str
    side: str  # "source" or "target"
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    #: ``Segment.index`` of the sentence holding the span; None when it lies between sentences (the
    #: location is then the side's first sentence).
    sentence: int | None = None

    @property
    def where(self) -> str:
        """``path:line:column``, as compilers and linters print it."""
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    """One defect found by a check in one aligned pair.

    ``evidence`` holds the facts the finding rests on (the number read, the name expected ...), as the
    report's ``evidence`` shows them; ``location`` is where its span is in the file, set by the check
    stage once the document is known (None for a finding without a span)."""

    code: str
    name: str
    severity: Severity
    message: str
    pair: int
    span: Span | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    location: Location | None = None


@dataclass(frozen=True)
class Pair:
    """An aligned unit handed to the checks: joined source and target text of one link."""

    index: int
    link: Link
    source: str
    target: str
    src_segments: tuple[Segment, ...]
    tgt_segments: tuple[Segment, ...]


#: The texts a pair can be compared with, in report order (fields of ``PairEvidence``).
COMPARED_TEXTS = ("back_translation", "forward_translation", "reference")


@dataclass(frozen=True)
class PairEvidence:
    """What the evidence stage knows about an aligned pair's meaning besides its own two texts: the
    embedder's similarity, the document's usual length ratio, and other translations to compare it with.
    None: not measured (no embedder, too few pairs, no such text)."""

    #: Cross-lingual similarity of the pair (the alignment's).
    similarity: float | None = None
    #: Median log length ratio (target / source, letters) of the document's 1-1 pairs.
    expected_log_ratio: float | None = None
    #: For a pair of several source sentences, each one's similarity to the whole target.
    source_sentence_similarity: tuple[float, ...] | None = None
    #: For a pair whose translation is short, the parts of its source that may be sentences run into one
    #: another (a headline into the first sentence): (start, end) in the source, the part's similarity to
    #: the target, that of the rest of the source without it, and whether the part reads as a sentence of
    #: its own whose absence accounts for the translation's shortness (``evidence.signals.part_similarities``).
    source_part_similarity: tuple[tuple[int, int, float, float, bool], ...] | None = None
    #: The target translated back into the source language (a file, or the translator).
    back_translation: str | None = None
    #: The source translated by another system into the target language.
    forward_translation: str | None = None
    #: A human reference translation of the source.
    reference: str | None = None

    def texts(self) -> dict[str, str]:
        """The texts the pair is compared with, by name (``PairResult.texts``)."""
        return {name: text for name in COMPARED_TEXTS if (text := getattr(self, name)) is not None}
