"""``tqcheck models ...``: list, install and remove translation packages and embedders."""
from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..guard import guarded
from .options import notifier

_note = notifier(quiet=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def models() -> None:
    """List, install and remove translation packages (argostranslate) and embedders."""


@models.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (kind, name, version, path, note, "
              "from_code, to_code) instead of a table.")
@guarded
def list_cmd(as_json: bool) -> None:
    """Installed models: argostranslate translation packages, the bundled embedder, and
    sentence-transformers models in the Hugging Face cache (usable as --embedder st:NAME)."""
    from ..models.manage import list_models
    from ..models.translators import argos_dir

    found = list_models()
    if as_json:
        click.echo(json.dumps([asdict(m) for m in found], ensure_ascii=False, indent=2))
    else:
        click.echo(f"{'KIND':<10} {'NAME':<40} {'VERSION':<10} PATH")
        for model in found:
            click.echo(str(model))
    if not any(m.kind == "translate" for m in found):
        _note(f"no translation package is installed in {argos_dir() / 'packages'}; add one with "
              "`tqcheck models install SRC TGT` or `tqcheck models install-file PATH.argosmodel`")


@models.command()
@click.argument("src")
@click.argument("tgt")
@click.option("--timeout", type=click.FloatRange(min=0.1), metavar="SECONDS", default=None,
              help="How long to wait for argostranslate's package index (default: 10).")
@guarded
def install(src: str, tgt: str, timeout: float | None) -> None:
    """Download and install the argostranslate package translating SRC to TGT (language codes such
    as zh en); when there is none, the two that pivot through English. Needs the internet: offline,
    copy the .argosmodel file over and use `tqcheck models install-file`."""
    from ..models import manage

    done = manage.install(src.strip().lower(), tgt.strip().lower(),
                          manage.INDEX_TIMEOUT if timeout is None else timeout)
    for model in done:
        click.echo(f"installed {model.name} {model.version} in {model.path}")
    if len(done) > 1:
        _note(f"no direct {src}-{tgt} package: {src} -> {tgt} translates through "
              + " and ".join(m.name for m in done))


@models.command("install-file")
@click.argument("path")
@guarded
def install_file(path: str) -> None:
    """Install a downloaded PATH.argosmodel file (replaces an installed package for the same pair)."""
    from ..models.manage import install_file as install

    model = install(path)
    click.echo(f"installed {model.name} {model.version} in {model.path}")


@models.command()
@click.argument("src")
@click.argument("tgt")
@guarded
def remove(src: str, tgt: str) -> None:
    """Uninstall the argostranslate package translating SRC to TGT."""
    from ..models.manage import remove as uninstall

    for model in uninstall(src.strip().lower(), tgt.strip().lower()):
        click.echo(f"removed {model.name} {model.version} from {model.path}")
