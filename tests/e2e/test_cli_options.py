"""compare and audit share one declaration of their common options, whose choices, defaults and help
come from the tables that define them; the package has no import cycle."""
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.errors import ModelError
from tqcheck.models.backends import EMBEDDERS, TRANSLATORS
from tqcheck.models.embedders import get_embedder
from tqcheck.options import DEFAULT_TRANSLATE, TRANSLATE_DIRECTIONS, Options

ROOT = Path(__file__).resolve().parents[2]
SHARED = ("src_lang", "tgt_lang", "embedder", "translator", "translate", "no_cache", "encoding", "select", "ignore",
          "fail_on", "glossaries", "config_path", "isolated", "exit_zero", "quiet")


def _params(name: str) -> dict[str, click.Parameter]:
    command = main.commands[name]
    return {p.name: p for p in command.params if p.name}


def _help(*args: str) -> str:
    return re.sub(r"\s+", " ", CliRunner().invoke(main, [*args, "--help"]).output)


@pytest.mark.parametrize("name", SHARED)
def test_compare_and_audit_declare_a_shared_option_alike(name):
    compare, audit = _params("compare")[name], _params("audit")[name]
    assert compare.opts == audit.opts and compare.default == audit.default
    assert getattr(compare.type, "choices", None) == getattr(audit.type, "choices", None)


def test_choices_and_defaults_come_from_the_options():
    params = _params("compare")
    assert tuple(params["translate"].type.choices) == TRANSLATE_DIRECTIONS
    assert params["translate"].default == DEFAULT_TRANSLATE == Options().translate
    assert tuple(params["translator"].type.choices) == tuple(TRANSLATORS)


@pytest.mark.parametrize("command", ["compare", "audit"])
def test_help_lists_every_backend(command):
    text = _help(command)
    for backend in (*EMBEDDERS.values(), *TRANSLATORS.values()):
        assert f"{backend.usage} ({backend.about})" in text


@pytest.mark.parametrize("spec,expected", [(None, "USEEmbedder"), ("use", "USEEmbedder"), ("none", None)])
def test_get_embedder_looks_the_backend_up(spec, expected):
    embedder = get_embedder(spec)
    assert (type(embedder).__name__ if embedder is not None else None) == expected


@pytest.mark.parametrize("spec", ["labse", "st", "use:x", "none:", "bogus:"])
def test_unknown_embedder_lists_the_table(spec):
    with pytest.raises(ModelError, match="valid values: use, none, st:NAME_OR_PATH"):
        get_embedder(spec)


def test_audit_checks_the_embedder_before_any_work(tmp_path):
    result = CliRunner().invoke(main, ["audit", str(tmp_path), "-o", str(tmp_path / "out"), "--embedder", "labse"])
    assert result.exit_code == 2 and "unknown embedder 'labse'" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("module", ["tqcheck", "tqcheck.cli"])
def test_python_dash_m(module):
    proc = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("tqcheck, version")


def test_no_import_cycles():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_imports.py")], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout
    assert " 0 cycle(s)" in proc.stdout.splitlines()[0]
