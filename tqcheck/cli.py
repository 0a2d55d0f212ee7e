"""The ``tqcheck`` command: parses options and calls the pipeline; nothing else lives here."""
from __future__ import annotations

import os
import sys

import click

from ._version import __version__
from .errors import TQCheckError, UsageError
from .report import BINARY_FORMATS, FORMAT_NAMES
from .types import Severity

# Re-exported: the audit and admin commands, and tests, reach them here.
from .guard import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail as _fail, guarded as _guarded  # noqa: E402,F401


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """tqcheck: find critical defects in machine-translated news (dropped words, broken numbers,
    omissions, untranslated text) by aligning the translation with its original."""


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either is missing: nothing to overwrite, or the reader reports it
        return False


def _prefixes(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip().upper() for p in value.split(",") if p.strip()) if value else ()


@main.command()
@click.argument("src", type=click.Path(dir_okay=True, path_type=str))
@click.argument("out", type=click.Path(dir_okay=True, path_type=str))
@click.option("--src-lang", metavar="LANG", help="Language of SRC (ISO 639-1, e.g. zh); detected when omitted.")
@click.option("--tgt-lang", metavar="LANG", help="Language of OUT; detected when omitted.")
@click.option("--sentences-per-line", "sentences_per_line", is_flag=True,
              help="Each line is one sentence already; still aligned.")
@click.option("--aligned", is_flag=True,
              help="Line i of SRC is the original of line i of OUT: no alignment, only checks and scores.")
@click.option("--embedder", metavar="NAME",
              help="Sentence embedder for alignment and similarity: use (bundled multilingual USE, the default), "
                   "st:NAME_OR_PATH (an installed sentence-transformers model, e.g. st:LaBSE) or none.")
@click.option("--translator", type=click.Choice(["argos", "none"]), default=None,
              help="Machine translation for semantic evidence: argos (installed argostranslate packages; "
                   "`tqcheck models list`), or none (the default).")
@click.option("--translate", "translate", type=click.Choice(["back", "forward", "both"]), default="back",
              show_default=True, help="With --translator: back-translate OUT into the source language, "
                                      "forward-translate SRC, or both.")
@click.option("--back-translation", metavar="FILE",
              help="A back-translation of OUT into the source language you already have; aligned with SRC "
                   "and compared like one from --translator (chrF, BLEU, TER per sentence).")
@click.option("--ref", "reference", metavar="FILE",
              help="A human reference translation of SRC: aligned too; chrF, BLEU and TER of OUT against it "
                   "per sentence and for the document.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the on-disk cache of embeddings and "
                                               "translations (`tqcheck cache info`).")
@click.option("--encoding", metavar="CODEC", help="Encoding of every input file (default: detected).")
@click.option("--src-encoding", metavar="CODEC", help="Encoding of SRC (and --back-translation), over --encoding.")
@click.option("--tgt-encoding", metavar="CODEC", help="Encoding of OUT (and --ref), over --encoding.")
@click.option("-f", "--output-format", "fmt", type=click.Choice(FORMAT_NAMES), default="text",
              show_default=True, envvar="TQCHECK_OUTPUT_FORMAT", help="Report format.")
@click.option("-o", "--output", metavar="FILE",
              help="Write the report to FILE (atomically: whole or not at all) instead of stdout; FILE must be a "
                   "regular file or not exist yet, '-' is stdout.")
@click.option("--select", metavar="CODES", help="Comma-separated code prefixes to run (default: all).")
@click.option("--ignore", metavar="CODES", help="Comma-separated code prefixes to skip.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]),
              help="Exit 1 when a finding is at or above this severity (default: error).")
@click.option("--glossary", "glossaries", multiple=True, metavar="FILE",
              help="Term glossary (TSV, CSV or TBX); repeatable; adds to the config's.")
@click.option("--config", "config_path", metavar="FILE",
              help="Config file (default: nearest tqcheck.toml, or pyproject.toml with [tool.tqcheck]).")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (usage and input errors still exit 2).")
@click.option("--only-findings", is_flag=True, help="Text report: show only pairs with findings.")
@click.option("--statistics", is_flag=True, help="Text report: close with counts by code.")
@click.option("--baseline", "baseline_path", metavar="FILE",
              help="Report (and fail on) only findings not recorded in FILE (written by --write-baseline).")
@click.option("--write-baseline", "write_baseline_path", metavar="FILE",
              help="Record every finding in FILE as accepted, and exit 0 (input and usage errors still exit 2).")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print notes or the progress bar on stderr.")
@_guarded
def compare(src: str, out: str, src_lang: str | None, tgt_lang: str | None, sentences_per_line: bool, aligned: bool,
            embedder: str | None, translator: str | None, translate: str, back_translation: str | None,
            reference: str | None, no_cache: bool, encoding: str | None, src_encoding: str | None,
            tgt_encoding: str | None, fmt: str, output: str | None, select: str | None,
            ignore: str | None, fail_on: str | None, glossaries: tuple[str, ...], config_path: str | None,
            isolated: bool, exit_zero: bool, only_findings: bool, statistics: bool, baseline_path: str | None,
            write_baseline_path: str | None, color: bool | None, quiet: bool) -> None:
    """Align OUT (a machine translation) with SRC (its original) and report defects per sentence.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input error.
    """
    from .config import Config, find_config, load_config
    from .pipeline import Options, compare_files
    from .report.base import RenderOptions
    from .report.baseline import apply_baseline, load_baseline, render_baseline
    from .report.output import STDOUT, output_target, render, write_atomic
    from .result import exit_code

    if sentences_per_line and aligned:
        raise UsageError("--aligned and --sentences-per-line exclude each other: --aligned already reads one "
                         "sentence per line and pairs line i with line i; pass one of them")
    mode = "aligned" if aligned else "sentences-per-line" if sentences_per_line else None
    if output == STDOUT:
        output = None
    if output is None and sys.stdout is None:
        raise UsageError("standard output is closed: pass -o FILE to write the report")
    config = Config()
    if not isolated:
        found = config_path or find_config(".")
        if found:
            config = load_config(found)
    options = Options(src_lang, tgt_lang, mode or "document", embedder, encoding,
                      _prefixes(select) or None, _prefixes(ignore) if ignore is not None else None,
                      tuple(glossaries), config, translator=None if translator == "none" else translator,
                      translate=translate, back_translation=back_translation, reference=reference,
                      cache=not no_cache, src_encoding=src_encoding, tgt_encoding=tgt_encoding,
                      keep_models=False)
    severity = Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.ERROR)

    def notify(msg: str) -> None:
        if not quiet:
            click.echo(f"tqcheck: note: {msg}", err=True)

    if fmt in BINARY_FORMATS and not output and sys.stdout.isatty():
        raise UsageError(f"-f {fmt} is binary and would garble the terminal; pass -o FILE")
    for written in (output, write_baseline_path):
        if not written:
            continue
        inputs = (src, out, *glossaries, *(p for p in (back_translation, reference) if p))
        clobbered = next((p for p in inputs if _same_file(written, p)), None)
        if clobbered:
            raise UsageError(f"{written}: writing the report there would overwrite the input file {clobbered}")
        output_target(written)  # refused before the work, not after it
    baseline = load_baseline(baseline_path) if baseline_path else None
    from .progress import for_terminal, tracking

    with tracking(for_terminal(quiet)):
        report = compare_files(src, out, options, notify)
    if write_baseline_path:
        write_atomic(write_baseline_path, render_baseline(report))
    if baseline is not None and baseline_path:
        report = apply_baseline(report, baseline, baseline_path, notify)
    if color is None:
        color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = render(report, fmt, RenderOptions(color=bool(color), only_findings=only_findings,
                                                 statistics=statistics, fail_on=severity))
    if output:
        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
    sys.exit(exit_code(report, severity, exit_zero or bool(write_baseline_path)))


@main.command()
@_guarded
def rules() -> None:
    """List every rule: code, default severity, name and title."""
    from .check.rules import REGISTRY

    for code, rule in REGISTRY.items():
        click.echo(f"{code}  {str(rule.severity):<8} {rule.name:<24} {rule.title}")


@main.command()
@click.argument("code")
@_guarded
def explain(code: str) -> None:
    """Explain one rule: what it catches, why it matters, an example."""
    from .check.rules import REGISTRY

    rule = REGISTRY.get(code.upper())
    if rule is None:
        raise TQCheckError(f"unknown rule code {code!r}; `tqcheck rules` lists them")
    click.echo(f"{rule.code} {rule.name} ({rule.severity}, {rule.category})\n")
    click.echo(rule.doc)
    if rule.suppresses:
        click.echo(f"\nGate: when it fires, rules starting with {', '.join(rule.suppresses)} are skipped for that pair.")
    if rule.needs:
        from .lang import MODULES, supports

        langs = [code for code in MODULES if all(supports(code, c) for c in rule.needs)]
        click.echo(f"\nNeeds {' and '.join(rule.needs)} analysis in both languages: {', '.join(langs)} "
                   "(docs/languages.md); skipped, with a note, for other languages.")


from .cli_admin import cache as _cache, models as _models  # noqa: E402
main.add_command(_models)
main.add_command(_cache)

from .audit.cli import audit as _audit  # noqa: E402
main.add_command(_audit)

if __name__ == "__main__":  # pragma: no cover
    main()
