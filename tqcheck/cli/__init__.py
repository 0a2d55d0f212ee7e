"""The ``tqcheck`` command: a click group of subcommands, one module each (compare, audit, rules and
explain, models, cache). The commands parse options and call the pipeline; nothing else lives here."""
from __future__ import annotations

import click

from .._version import __version__
from .audit import audit
from .cache import cache
from .compare import compare
from .models import models
from .rules import explain, rules

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """tqcheck: find critical defects in machine-translated news (dropped words, broken numbers,
    omissions, untranslated text) by aligning the translation with its original."""


for _command in (compare, rules, explain, models, cache, audit):
    main.add_command(_command)
