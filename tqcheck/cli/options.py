"""The options ``compare`` and ``audit`` share, declared once: their choices and defaults come from
``tqcheck.options`` and the backends table, and ``run_options`` turns them into the one ``Options``."""
from __future__ import annotations

from typing import Any, Callable, Mapping, TypeVar

import click

from ..config import Config, find_config, load_config
from ..models.backends import EMBEDDERS, TRANSLATORS, describe
from ..options import DEFAULT_TRANSLATE, TRANSLATE_DIRECTIONS, Options
from ..types import Severity

F = TypeVar("F", bound=Callable[..., Any])

_MODEL_OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "src_lang": (("--src-lang",), dict(metavar="LANG", help="Language of the originals (ISO 639-1, e.g. zh); "
                                                            "detected when omitted.")),
    "tgt_lang": (("--tgt-lang",), dict(metavar="LANG", help="Language of the translations; detected when omitted.")),
    "embedder": (("--embedder",), dict(metavar="NAME", help="Sentence embedder for alignment and similarity: "
                                                            f"{describe(EMBEDDERS)}.")),
    "translator": (("--translator",), dict(type=click.Choice(list(TRANSLATORS)), default=None,
                                           help=f"Machine translation for semantic evidence: {describe(TRANSLATORS)}.")),
    "translate": (("--translate",), dict(type=click.Choice(TRANSLATE_DIRECTIONS), default=DEFAULT_TRANSLATE,
                                         show_default=True,
                                         help="With --translator: back-translate the translation into the source "
                                              "language, forward-translate the original, or both.")),
    "no_cache": (("--no-cache",), dict(is_flag=True, help="Do not read or write the on-disk cache of embeddings "
                                                          "and translations (`tqcheck cache info`).")),
    "encoding": (("--encoding",), dict(metavar="CODEC", help="Encoding of every input file (default: detected).")),
}
_RULE_OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "select": (("--select",), dict(metavar="CODES", help="Comma-separated code prefixes to run (default: all).")),
    "ignore": (("--ignore",), dict(metavar="CODES", help="Comma-separated code prefixes to skip.")),
    "fail_on": (("--fail-on",), dict(type=click.Choice([str(s) for s in Severity]),
                                     help="Exit 1 when a finding is at or above this severity (default: error).")),
    "glossaries": (("--glossary", "glossaries"), dict(multiple=True, metavar="FILE", help="Term glossary (TSV, CSV "
                                                      "or TBX); repeatable; adds to the config's.")),
    "config_path": (("--config", "config_path"), dict(metavar="FILE", help="Config file (default: nearest "
                                                      "tqcheck.toml, or pyproject.toml with [tool.tqcheck]).")),
    "isolated": (("--isolated",), dict(is_flag=True, help="Ignore every config file.")),
    "exit_zero": (("--exit-zero",), dict(is_flag=True, help="Exit 0 even with findings (usage and input errors "
                                                            "still exit 2).")),
}


def _declare(table: dict[str, tuple[tuple[str, ...], dict[str, Any]]], helps: Mapping[str, str]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for name, (decls, kwargs) in reversed(table.items()):  # click lists the last decorator applied first
            func = click.option(*decls, **{**kwargs, **({"help": helps[name]} if name in helps else {})})(func)
        return func

    return apply


def model_options(**helps: str) -> Callable[[F], F]:
    """--src-lang, --tgt-lang, --embedder, --translator, --translate, --no-cache, --encoding; ``helps``
    words an option's help for one command (keyed by parameter name)."""
    return _declare(_MODEL_OPTIONS, helps)


def rule_options(**helps: str) -> Callable[[F], F]:
    """--select, --ignore, --fail-on, --glossary, --config, --isolated, --exit-zero."""
    return _declare(_RULE_OPTIONS, helps)


def quiet_option(help: str) -> Callable[[F], F]:
    return click.option("-q", "--quiet", is_flag=True, help=help)


def prefixes(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip().upper() for p in value.split(",") if p.strip()) if value else ()


def run_options(shared: Mapping[str, Any], **more: Any) -> tuple[Options, Severity]:
    """The ``Options`` the values of ``model_options`` and ``rule_options`` ask for (``more``: fields
    from a command's own options), and the severity to fail on; the config file is read here, once."""
    config = Config()
    if not shared["isolated"]:
        found = shared["config_path"] or find_config(".")
        if found:
            config = load_config(found)
    translator = shared["translator"]
    options = Options(shared["src_lang"], shared["tgt_lang"], embedder=shared["embedder"],
                      encoding=shared["encoding"], select=prefixes(shared["select"]) or None,
                      ignore=prefixes(shared["ignore"]) if shared["ignore"] is not None else None,
                      glossaries=tuple(shared["glossaries"]), config=config,
                      translator=None if translator == "none" else translator, translate=shared["translate"],
                      cache=not shared["no_cache"], **more)
    fail_on = shared["fail_on"]
    return options, Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.ERROR)


def notifier(quiet: bool) -> Callable[[str], None]:
    """A command's notes on stderr, none with -q."""

    def notify(msg: str) -> None:
        if not quiet:
            click.echo(f"tqcheck: note: {msg}", err=True)

    return notify
