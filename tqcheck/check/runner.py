"""Run the selected rules over aligned pairs; apply gates and severity overrides."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from .. import progress
from ..errors import UsageError
from ..types import Finding, Pair, Severity
from .facts import PairFacts
from .registry import CheckContext, Rule
from .rules import REGISTRY


class RuleError(Exception):
    """A rule raised: an internal error, reported with the rule and the pair it failed on, so that the
    report of the bug says where to look."""

    def __init__(self, rule: Rule, pair: Pair, cause: Exception) -> None:
        self.code, self.pair_index = rule.code, pair.index
        super().__init__(f"rule {rule.code} ({rule.name}) failed on aligned pair #{pair.index + 1}: "
                         f"{type(cause).__name__}: {cause}")


@dataclass(frozen=True)
class Selection:
    """Which rules are on: longest matching prefix of ``select``/``ignore`` wins (flake8, ruff)."""

    select: tuple[str, ...] = ("TQ",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for prefix in (*self.select, *self.ignore, *self.severity):
            if not any(code.startswith(prefix) for code in REGISTRY):
                valid = ", ".join(REGISTRY)
                raise UsageError(f"no rule code starts with {prefix!r}; known codes: {valid}")

    def enabled(self, code: str) -> bool:
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return sel > ign

    def rules(self, registry: Mapping[str, Rule] = REGISTRY) -> list[Rule]:
        return [r for code, r in registry.items() if self.enabled(code)]

    def skipped(self, src_lang: str, tgt_lang: str, registry: Mapping[str, Rule] = REGISTRY) -> dict[str, str]:
        """Selected rules that cannot run for this language pair, with the reason."""
        out = {}
        for r in self.rules(registry):
            why = r.skipped_because(src_lang, tgt_lang)
            if why:
                out[r.code] = why
        return out

    def severity_of(self, rule: Rule) -> Severity | None:
        best = max((p for p in self.severity if rule.code.startswith(p)), key=len, default=None)
        return self.severity[best] if best is not None else None


def run_checks(
    pairs: Sequence[Pair], ctx_for: Iterable[CheckContext], selection: Selection,
    registry: Mapping[str, Rule] = REGISTRY,
) -> list[Finding]:
    rules = selection.rules(registry)
    gates = [r for r in rules if r.is_gate]
    others = [r for r in rules if not r.is_gate]
    findings: list[Finding] = []
    runnable: dict[tuple[str, str], tuple[list[Rule], bool]] = {}
    for pair, ctx in zip(pairs, ctx_for):
        suppressed: list[str] = []
        langs = (ctx.src_lang, ctx.tgt_lang)
        if langs not in runnable:
            can = [r for r in gates + others if r.skipped_because(*langs) is None]
            runnable[langs] = can, any(r.uses for r in can)
        rules_here, uses_facts = runnable[langs]
        if uses_facts:
            ctx = replace(ctx, facts=PairFacts(pair, ctx))  # worked out once, for every rule that uses them
        for rule in rules_here:
            if suppressed and any(rule.code.startswith(p) for p in suppressed):
                continue
            fired = False
            try:
                for hit in rule.func(pair, ctx):
                    fired = True
                    override = selection.severity_of(rule)
                    severity = override or hit.severity or rule.severity
                    findings.append(
                        Finding(rule.code, rule.name, severity, hit.message, pair.index, hit.span, dict(hit.evidence))
                    )
            except Exception as exc:  # noqa: BLE001 - named, then reported as an internal error
                raise RuleError(rule, pair, exc) from exc
            if fired and rule.is_gate:
                suppressed.extend(rule.suppresses)
        progress.advance()
    return findings
