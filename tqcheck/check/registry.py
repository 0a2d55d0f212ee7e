"""The rule registry: every check has a stable code, a name, a severity, an MQM category and a docstring.

A check is a pure function ``(pair, context) -> iterable of Hit``; the ``@rule`` decorator attaches its
metadata, and ``tqcheck/check/rules.py`` lists the rules explicitly (no discovery by scanning names).
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from ..types import Pair, PairEvidence, Severity, Span
from .facts import FACTS

if TYPE_CHECKING:
    from .facts import PairFacts

CODE_RE = re.compile(r"^TQ[1-9]\d{2}$")

#: Families of codes, by their first digit.
FAMILIES = {
    "TQ1": "artefacts",
    "TQ2": "numbers",
    "TQ3": "names",
    "TQ4": "omission and addition",
    "TQ5": "untranslated and wrong language",
    "TQ6": "agreement with a forward-translation",
}


@dataclass(frozen=True)
class Hit:
    """What a check reports; the runner adds the rule's code, name and severity."""

    message: str
    span: Span | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # overrides the rule's default for this hit only


@dataclass(frozen=True)
class CheckContext:
    """What a check may know besides the pair: the languages and the pair's evidence (the evidence stage's)."""

    src_lang: str
    tgt_lang: str
    evidence: PairEvidence = field(default_factory=PairEvidence)
    #: Glossary entries in force for this language pair: source term -> accepted target terms.
    glossary: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Facts of the pair being checked that several rules share (``tqcheck.check.facts``), attached by
    #: the runner; rules read them through ``facts_of``.
    facts: PairFacts | None = field(default=None, compare=False, repr=False)

    def with_facts(self, facts: PairFacts) -> CheckContext:
        """This context with ``facts`` attached, as ``dataclasses.replace(self, facts=facts)`` makes it, but by a
        copy of the fields' dict: replace reads every field and runs the frozen ``__init__``, which sets each
        through ``object.__setattr__`` (the runner attaches facts for every pair). (The same fields, in the same
        order: tests/unit/test_checks.py.)"""
        new = object.__new__(type(self))
        object.__setattr__(new, "__dict__", {**self.__dict__, "facts": facts})
        return new


CheckFunc = Callable[[Pair, CheckContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    category: str
    func: CheckFunc
    suppresses: tuple[str, ...] = ()
    #: Capabilities of the language layer (``tqcheck.lang.CAPABILITIES``) both languages must provide;
    #: for a pair where one lacks them the rule is skipped and the report says so.
    needs: tuple[str, ...] = ()
    #: Shared facts of the pair (``tqcheck.check.facts.FACTS``) the rule reads: the runner works them
    #: out once per pair for all the rules that use them.
    uses: tuple[str, ...] = ()

    def skipped_because(self, src_lang: str, tgt_lang: str) -> str | None:
        """Why the rule cannot run for this language pair, or None if it can."""
        from .. import lang

        for capability in self.needs:
            for code in (src_lang, tgt_lang):
                if not lang.supports(code, capability):
                    return f"no {capability} analysis for {lang.get(code).code}"
        return None

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def title(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name

    @property
    def is_gate(self) -> bool:
        return bool(self.suppresses)


def rule(
    code: str, name: str, severity: Severity, category: str, suppresses: Sequence[str] = (),
    needs: Sequence[str] = (), uses: Sequence[str] = (),
) -> Callable[[CheckFunc], CheckFunc]:
    """Attach rule metadata to a check function. ``suppresses`` lists code prefixes that this rule,
    when it fires on a pair, makes redundant for that pair (a gate); ``needs``, the language-layer
    capabilities it relies on in both languages; ``uses``, the shared facts of the pair it reads."""

    def wrap(func: CheckFunc) -> CheckFunc:
        func.__tqcheck_rule__ = Rule(code, name, severity, category, func, tuple(suppresses),  # type: ignore[attr-defined]
                                     tuple(needs), tuple(uses))
        return func

    return wrap


class RegistryError(Exception):
    pass


def build_registry(funcs: Iterable[CheckFunc]) -> dict[str, Rule]:
    """Validate and index rules by code; fails loudly, naming the offending rule."""
    out: dict[str, Rule] = {}
    names: set[str] = set()
    for func in funcs:
        meta = getattr(func, "__tqcheck_rule__", None)
        if not isinstance(meta, Rule):
            raise RegistryError(f"{getattr(func, '__name__', func)!r} is not decorated with @rule")
        if not CODE_RE.match(meta.code):
            raise RegistryError(f"rule {meta.name!r} has a malformed code {meta.code!r} (want TQ + 3 digits)")
        if meta.code in out:
            raise RegistryError(f"rule {meta.name!r} reuses code {meta.code} of {out[meta.code].name!r}")
        if meta.name in names:
            raise RegistryError(f"rule name {meta.name!r} is used twice")
        from ..lang import CAPABILITIES

        if set(meta.needs) - set(CAPABILITIES):
            raise RegistryError(f"rule {meta.code} {meta.name!r} needs unknown capabilities {meta.needs}")
        if set(meta.uses) - set(FACTS):
            raise RegistryError(f"rule {meta.code} {meta.name!r} uses unknown facts {meta.uses}; known: {FACTS}")
        if not meta.doc:
            raise RegistryError(f"rule {meta.code} {meta.name!r} has no docstring")
        out[meta.code] = meta
        names.add(meta.name)
    return dict(sorted(out.items()))
