"""The model backends by name: which embedders and translators exist, how each is written on the
command line and what it is. The one table the options, the CLI's choices and help text, and the
factories (``embedders.get_embedder``) read; free of heavy imports, so the CLI can offer it cheaply."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Backend:
    name: str
    about: str
    #: What follows ``name:`` (``st:NAME_OR_PATH``); empty for a backend written as its bare name.
    argument: str = ""

    @property
    def usage(self) -> str:
        return f"{self.name}:{self.argument}" if self.argument else self.name


def _table(*backends: Backend) -> dict[str, Backend]:
    table = {b.name: b for b in backends}
    if len(table) != len(backends):
        raise RuntimeError(f"backend names repeated: {', '.join(b.name for b in backends)}")
    return table


#: Sentence embedders for alignment and similarity (``--embedder``); the first is the default.
EMBEDDERS = _table(
    Backend("use", "bundled multilingual USE, the default"),
    Backend("none", "no model: sentence lengths and anchors only"),
    Backend("st", "an installed sentence-transformers model, e.g. st:LaBSE", argument="NAME_OR_PATH"),
)
DEFAULT_EMBEDDER = "use"

#: Machine translation for semantic evidence (``--translator``); ``none`` is the default.
TRANSLATORS = _table(
    Backend("argos", "installed argostranslate packages; `tqcheck models list`"),
    Backend("none", "the default"),
)


def parse(table: dict[str, Backend], spec: str, kind: str) -> tuple[Backend, str]:
    """The backend ``spec`` names and its argument (``st:LaBSE`` -> st, ``LaBSE``); ValueError listing
    the valid values for anything else."""
    name, colon, argument = spec.partition(":")
    backend = table.get(name)
    if backend is None or bool(colon) != bool(backend.argument):
        raise ValueError(f"unknown {kind} {spec!r}; valid values: {', '.join(b.usage for b in table.values())}")
    return backend, argument


def describe(table: dict[str, Backend]) -> str:
    """``use (bundled ...), st:NAME_OR_PATH (...) or none (...)``: the values of a table for help text."""
    items = [f"{b.usage} ({b.about})" for b in table.values()]
    return f"{', '.join(items[:-1])} or {items[-1]}" if len(items) > 1 else items[0]
