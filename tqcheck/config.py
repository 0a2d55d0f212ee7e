"""Project configuration: ``[tool.tqcheck]`` in pyproject.toml or a ``tqcheck.toml``; CLI options override.

    [tool.tqcheck]                      # or, in tqcheck.toml, the same keys at the top level
    select = ["TQ"]                     # code prefixes to run; the longest matching prefix wins
    ignore = ["TQ402"]
    fail-on = "error"
    embedder = "use"
    glossary = ["reference/glossary.zh-en.tsv"]   # relative to the config file
    [tool.tqcheck.severity]
    TQ302 = "error"
    [tool.tqcheck.pairs.zh-en]          # per language pair: select, ignore, severity, glossary
    ignore = ["TQ106"]
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .errors import InputError, reading
from .types import Severity

CONFIG_FILES = ("tqcheck.toml", "pyproject.toml")
#: A config is a few lines; anything this large is another file given by mistake.
MAX_CONFIG_BYTES = 1024 ** 2
TOP_KEYS = {"select", "ignore", "severity", "glossary", "fail-on", "embedder", "pairs"}
PAIR_KEYS = {"select", "ignore", "severity", "glossary"}
_PAIR_RE = re.compile(r"^[a-z]{2,3}-[a-z]{2,3}$")


@dataclass(frozen=True)
class RuleSettings:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    glossary: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    path: str | None = None
    base: RuleSettings = field(default_factory=RuleSettings)
    pairs: Mapping[str, RuleSettings] = field(default_factory=dict)
    fail_on: Severity | None = None
    embedder: str | None = None

    def for_pair(self, src_lang: str, tgt_lang: str) -> RuleSettings:
        """The base settings with the ``src-tgt`` section laid over them."""
        over = self.pairs.get(f"{src_lang}-{tgt_lang}")
        if over is None:
            return self.base
        return RuleSettings(
            over.select if over.select is not None else self.base.select,
            over.ignore if over.ignore is not None else self.base.ignore,
            {**self.base.severity, **over.severity},
            self.base.glossary + over.glossary,
        )


def find_config(start: str | os.PathLike[str] = ".") -> Path | None:
    """The nearest tqcheck.toml, or pyproject.toml with a [tool.tqcheck] table, from ``start`` upwards."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and "[tool.tqcheck" not in candidate.read_text(encoding="utf-8", errors="replace"):
                    continue
                return candidate
    return None


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a config file; every problem is an InputError naming the file and key."""
    p = Path(path)
    shown = str(path)
    with reading(shown, "config file"):
        with p.open("rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    if len(raw) > MAX_CONFIG_BYTES:
        raise InputError(shown, f"config is over {MAX_CONFIG_BYTES // 1024 ** 2} MB; is this the right file?")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(shown, "config is not UTF-8") from exc
    except RecursionError:
        raise InputError(shown, "invalid TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else raw.count(b"\n") + 1  # "at end of document"
        raise InputError(shown, f"invalid TOML: {exc}", line=line) from exc
    if p.name == "pyproject.toml":
        table = data.get("tool", {}).get("tqcheck", {})
        prefix = "tool.tqcheck"
    else:
        table = data
        prefix = ""
    return _parse(table, shown, prefix, p.parent)


def _key(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _codes(value: Any, where: str, path: str) -> tuple[str, ...]:
    from .check.rules import REGISTRY

    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(path, f"{where} must be a list of code prefixes, e.g. [\"TQ1\", \"TQ201\"]")
    out = tuple(v.strip().upper() for v in value)
    for prefix in out:
        if not any(code.startswith(prefix) for code in REGISTRY):
            raise InputError(path, f"{where}: unknown rule code {prefix!r} (`tqcheck rules` lists them)")
    return out


def _severity(value: Any, where: str, path: str) -> Severity:
    if not isinstance(value, str):
        raise InputError(path, f"{where} must be one of info, warning, error")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise InputError(path, f"{where}: {exc}") from None


def _subtable(table: Mapping[str, Any], key: str, prefix: str, path: str, what: str) -> dict[str, Any]:
    """The table under ``key`` (empty when absent); an InputError naming the key when it is something else."""
    sub = table.get(key, {})
    if not isinstance(sub, dict):
        raise InputError(path, f"{_key(prefix, key)} must be a table {what}")
    return sub


def _settings(table: Mapping[str, Any], allowed: set[str], prefix: str, path: str, base: Path) -> RuleSettings:
    for key in table:
        if key not in allowed:
            raise InputError(path, f"unknown key {_key(prefix, key)!r}; valid keys: {', '.join(sorted(allowed))}")
    sev_table = _subtable(table, "severity", prefix, path, 'of CODE = "severity"')
    severity = {}
    for code, value in sev_table.items():
        where = _key(prefix, f"severity.{code}")
        (prefix_code,) = _codes([code], where, path)
        severity[prefix_code] = _severity(value, where, path)
    gl = table.get("glossary", [])
    if isinstance(gl, str):
        gl = [gl]
    if not isinstance(gl, list) or not all(isinstance(g, str) for g in gl):
        raise InputError(path, f"{_key(prefix, 'glossary')} must be a list of file paths")
    return RuleSettings(
        _codes(table["select"], _key(prefix, "select"), path) if "select" in table else None,
        _codes(table["ignore"], _key(prefix, "ignore"), path) if "ignore" in table else None,
        severity,
        tuple(str((base / g).resolve()) if not os.path.isabs(g) else g for g in gl),
    )


def _parse(table: Mapping[str, Any], path: str, prefix: str, base: Path) -> Config:
    if not isinstance(table, dict):
        raise InputError(path, f"{prefix or 'config'} must be a table")
    unknown = sorted(set(table) - TOP_KEYS)
    if unknown:
        raise InputError(path, f"unknown key {_key(prefix, unknown[0])!r}; valid keys: {', '.join(sorted(TOP_KEYS))}")
    base_settings = _settings({k: v for k, v in table.items() if k in PAIR_KEYS}, PAIR_KEYS, prefix, path, base)
    pairs_table = _subtable(table, "pairs", prefix, path, "of language pairs")
    pairs = {}
    for name, sub in pairs_table.items():
        where = _key(prefix, f"pairs.{name}")
        if not _PAIR_RE.match(name):
            raise InputError(path, f"{where}: a pair is named like zh-en (source-target language codes)")
        if not isinstance(sub, dict):
            raise InputError(path, f"{where} must be a table")
        pairs[name] = _settings(sub, PAIR_KEYS, where, path, base)
    fail_on = _severity(table["fail-on"], _key(prefix, "fail-on"), path) if "fail-on" in table else None
    embedder = table.get("embedder")
    if embedder is not None and not isinstance(embedder, str):
        raise InputError(path, f"{_key(prefix, 'embedder')} must be a string such as \"use\" or \"none\"")
    return Config(path, base_settings, pairs, fail_on, embedder)
