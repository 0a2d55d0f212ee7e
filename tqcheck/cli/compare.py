"""``tqcheck compare SRC OUT``: parses options and calls the pipeline; nothing else lives here."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from ..errors import UsageError
from ..guard import guarded
from ..report import BINARY_FORMATS, FORMAT_NAMES
from .options import model_options, notifier, quiet_option, rule_options, run_options


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either is missing: nothing to overwrite, or the reader reports it
        return False


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("src", type=click.Path(dir_okay=True, path_type=str))
@click.argument("out", type=click.Path(dir_okay=True, path_type=str))
@model_options(src_lang="Language of SRC (ISO 639-1, e.g. zh); detected when omitted.",
               tgt_lang="Language of OUT; detected when omitted.",
               translate="With --translator: back-translate OUT into the source language, forward-translate SRC, "
                         "or both.")
@click.option("--sentences-per-line", "sentences_per_line", is_flag=True,
              help="Each line is one sentence already; still aligned.")
@click.option("--aligned", is_flag=True,
              help="Line i of SRC is the original of line i of OUT: no alignment, only checks and scores.")
@click.option("--back-translation", metavar="FILE",
              help="A back-translation of OUT into the source language you already have; aligned with SRC "
                   "and compared like one from --translator (chrF, BLEU, TER per sentence).")
@click.option("--ref", "reference", metavar="FILE",
              help="A human reference translation of SRC: aligned too; chrF, BLEU and TER of OUT against it "
                   "per sentence and for the document.")
@click.option("--src-encoding", metavar="CODEC", help="Encoding of SRC (and --back-translation), over --encoding.")
@click.option("--tgt-encoding", metavar="CODEC", help="Encoding of OUT (and --ref), over --encoding.")
@click.option("-f", "--output-format", "fmt", type=click.Choice(FORMAT_NAMES), default="text",
              show_default=True, envvar="TQCHECK_OUTPUT_FORMAT", help="Report format.")
@click.option("-o", "--output", metavar="FILE",
              help="Write the report to FILE (atomically: whole or not at all) instead of stdout; FILE must be a "
                   "regular file or not exist yet, '-' is stdout.")
@rule_options()
@click.option("--only-findings", is_flag=True, help="Text report: show only pairs with findings.")
@click.option("--statistics", is_flag=True, help="Text report: close with counts by code.")
@click.option("--baseline", "baseline_path", metavar="FILE",
              help="Report (and fail on) only findings not recorded in FILE (written by --write-baseline).")
@click.option("--write-baseline", "write_baseline_path", metavar="FILE",
              help="Record every finding in FILE as accepted, and exit 0 (input and usage errors still exit 2).")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, envvar="TQCHECK_JOBS", metavar="N",
              help="Processes that share the checks of a long document (200 aligned pairs or more; Linux). "
                   "Default: the cores no other process keeps busy, at most 4; 1: none.")
@quiet_option("Do not print notes or the progress bar on stderr.")
@guarded
def compare(src: str, out: str, sentences_per_line: bool, aligned: bool, back_translation: str | None,
            reference: str | None, src_encoding: str | None, tgt_encoding: str | None, fmt: str,
            output: str | None, exit_zero: bool, only_findings: bool, statistics: bool, baseline_path: str | None,
            write_baseline_path: str | None, color: bool | None, jobs: int | None, quiet: bool,
            **shared: Any) -> None:
    """Align OUT (a machine translation) with SRC (its original) and report defects per sentence.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input error.
    """
    from ..pipeline import compare_files
    from ..progress import for_terminal, tracking
    from ..report.base import RenderOptions
    from ..check.baseline import apply_baseline, load_baseline, render_baseline
    from ..report.output import STDOUT, output_target, render, write_atomic
    from ..result import exit_code
    from ..options import default_jobs

    if sentences_per_line and aligned:
        raise UsageError("--aligned and --sentences-per-line exclude each other: --aligned already reads one "
                         "sentence per line and pairs line i with line i; pass one of them")
    mode = "aligned" if aligned else "sentences-per-line" if sentences_per_line else None
    if output == STDOUT:
        output = None
    if output is None and sys.stdout is None:
        raise UsageError("standard output is closed: pass -o FILE to write the report")
    options, severity = run_options(shared, mode=mode or "document", back_translation=back_translation,
                                    reference=reference, src_encoding=src_encoding, tgt_encoding=tgt_encoding,
                                    keep_models=False, jobs=jobs or default_jobs())
    notify = notifier(quiet)
    if fmt in BINARY_FORMATS and not output and sys.stdout.isatty():
        raise UsageError(f"-f {fmt} is binary and would garble the terminal; pass -o FILE")
    for written in (output, write_baseline_path):
        if not written:
            continue
        inputs = (src, out, *shared["glossaries"], *(p for p in (back_translation, reference) if p))
        clobbered = next((p for p in inputs if _same_file(written, p)), None)
        if clobbered:
            raise UsageError(f"{written}: writing the report there would overwrite the input file {clobbered}")
        output_target(written)  # refused before the work, not after it
    baseline = load_baseline(baseline_path) if baseline_path else None
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


