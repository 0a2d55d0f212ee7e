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
class Finding:
    """One defect found by a check in one aligned pair."""

    code: str
    name: str
    severity: Severity
    message: str
    pair: int
    span: Span | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    """An aligned unit handed to the checks: joined source and target text of one link."""

    index: int
    link: Link
    source: str
    target: str
    src_segments: tuple[Segment, ...]
    tgt_segments: tuple[Segment, ...]
