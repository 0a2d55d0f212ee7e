"""``tqcheck audit INPUT -o OUTDIR``: parses options and calls :func:`tqcheck.audit.batch.run_audit`;
nothing else lives here."""
from __future__ import annotations

import codecs
import sys
from typing import Any

import click

from ..audit import DEFAULT_WORST, EXECUTORS, EXTRA_FORMATS, PROGRESS_EVERY
from ..errors import UsageError
from ..guard import guarded
from .options import model_options, notifier, quiet_option, rule_options, run_options


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=str))
@click.option("-o", "--output-dir", "outdir", metavar="OUTDIR", required=True,
              help="Folder for the results (created if missing).")
@click.option("--translated-feed", metavar="FILE",
              help="INPUT is an RSS/Atom feed of originals and FILE the feed of its translations; "
                   "items are paired by guid, then by link.")
@click.option("--pattern", metavar="PATTERN",
              help="How the files of a directory INPUT are named, with {name} and {lang} "
                   "(default: {name}.{lang}.txt, e.g. kuril.zh.txt + kuril.en.txt).")
@click.option("--allow-outside", is_flag=True,
              help="Let manifest paths (and links in a directory) reach outside INPUT's folder.")
@model_options(src_lang="Language of the originals when the input does not say (ISO 639-1, e.g. zh).",
               tgt_lang="Language of the translations when the input does not say (directory INPUT: default en).",
               encoding="Encoding of every file (default: detected per file).")
@rule_options(exit_zero="Exit 0 even with findings or failed documents (usage and input errors still exit 2).")
@click.option("-j", "--jobs", type=int, metavar="N", help="Worker processes (default: every core; 1: in this process).")
@click.option("--executor", type=click.Choice(EXECUTORS), default=EXECUTORS[0], show_default=True,
              help="local processes, or Dask (a local cluster of --jobs workers unless --dask names a scheduler).")
@click.option("--dask", "scheduler", metavar="SCHEDULER",
              help="Run on the Dask cluster at SCHEDULER (e.g. tcp://scheduler:8786); implies --executor dask.")
@click.option("--resume", is_flag=True, help="Continue the interrupted audit in OUTDIR (same input and options).")
@click.option("--overwrite", is_flag=True, help="Replace the audit already in OUTDIR.")
@click.option("--format", "formats", metavar="LIST", default="",
              help=f"Also write the tables as {' and/or '.join(EXTRA_FORMATS)} (comma-separated); Parquet is always "
                   "written.")
@click.option("--html-per-document", is_flag=True, help="Also write the HTML report of each document to OUTDIR/reports/.")
@click.option("--worst", type=int, default=DEFAULT_WORST, show_default=True, metavar="N",
              help="How many worst documents summary.json and the dashboard list.")
@click.option("--progress/--no-progress", default=None,
              help="Progress on stderr (default: a bar when stderr is a terminal). --progress with stderr to a "
                   "file or pipe (cron, CI) prints a plain progress line every --progress-every seconds.")
@click.option("--progress-every", type=float, default=PROGRESS_EVERY, show_default=True, metavar="SECONDS",
              help="Seconds between two plain progress lines.")
@click.option("--baseline", metavar="OLD_OUTDIR",
              help="Compare with an earlier audit's output folder: what is new and what is fixed, per document "
                   "and per code (summary.json, changes.parquet, the dashboard).")
@quiet_option("No progress bar and no notes; the final line is still printed.")
@guarded
def audit(input_path: str, outdir: str, translated_feed: str | None, pattern: str | None, allow_outside: bool,
          exit_zero: bool, jobs: int | None, executor: str, scheduler: str | None, resume: bool, overwrite: bool,
          formats: str, html_per_document: bool, worst: int, progress: bool | None, progress_every: float,
          baseline: str | None, quiet: bool, **shared: Any) -> None:
    """Audit many document pairs: INPUT is a directory of pairs, a manifest (CSV or JSONL), a JSONL feed
    with the texts inline, or an RSS/Atom feed (with --translated-feed). Results go to OUTDIR:
    documents.parquet, findings.parquet, summary.json and dashboard.html (see docs/audit.md).

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it, or a document that could
    not be audited (listed with its reason); 2 usage or input error (nothing written).
    """
    from ..audit.batch import AuditOptions, run_audit
    from ..audit.work import WorkSettings
    from ..models.embedders import get_embedder

    # Checked here once rather than failing every document: language codes (by Options), embedder, encoding.
    options, severity = run_options(shared)
    if options.embedder:
        get_embedder(options.embedder)
    if options.encoding:
        try:
            codecs.lookup(options.encoding)
        except LookupError:
            raise UsageError(f"--encoding {options.encoding}: unknown encoding") from None
    notify = notifier(quiet)
    audit_options = AuditOptions(
        input_path, outdir, WorkSettings(options), translated_feed, pattern, allow_outside, jobs, executor, scheduler,
        resume, overwrite, tuple(f.strip().lower() for f in formats.split(",") if f.strip()), html_per_document,
        worst, severity, exit_zero, (sys.stderr.isatty() if progress is None else progress) and not quiet,
        progress_every, baseline,
    )
    run = run_audit(audit_options, notify)
    t = run.summary["totals"]
    sev = t["findings_by_severity"]
    rate = f"{run.checked / run.seconds:.1f} documents/s" if run.checked and run.seconds > 0 else "nothing left to check"
    click.echo(f"tqcheck: audited {t['documents']:,} documents ({t['ok']:,} ok, {t['failed']:,} failed), "
               f"{t['pairs']:,} aligned pairs, {t['findings']:,} findings ({sev['error']:,} errors, "
               f"{sev['warning']:,} warnings, {sev['info']:,} info); {run.checked:,} checked in {run.seconds:.1f}s "
               f"({rate}); results in {outdir}", err=True)
    sys.exit(run.summary["exit_code"])
