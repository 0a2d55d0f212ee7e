"""What every formatter is given besides the report: the presentation options the CLI collects."""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Severity


@dataclass(frozen=True)
class RenderOptions:
    """Options a formatter may use; each ignores those that do not concern it."""

    color: bool = False
    #: Text report: show only pairs with findings.
    only_findings: bool = False
    #: Text report: close with counts by code.
    statistics: bool = False
    #: JUnit: a pair fails when it has a finding at or above this (as the exit code does).
    fail_on: Severity = Severity.ERROR
    #: Text report: columns (default: the terminal's, 80 to 160).
    width: int | None = None
