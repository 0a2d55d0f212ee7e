"""The ``tqcheck audit`` command: parses options and calls :func:`.batch.run_audit`; nothing else lives here."""
from __future__ import annotations

import codecs
import sys
from typing import Any

import click


def _prefixes(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip().upper() for p in value.split(",") if p.strip()) if value else ()


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
@click.option("--src-lang", metavar="LANG", help="Language of the originals when the input does not say.")
@click.option("--tgt-lang", metavar="LANG",
              help="Language of the translations when the input does not say (directory INPUT: default en).")
@click.option("--embedder", metavar="NAME", help="use (bundled multilingual USE, the default) or none.")
@click.option("--translator", type=click.Choice(["argos", "none"]), default=None,
              help="Semantic evidence from installed argostranslate packages (tqcheck models list).")
@click.option("--translate", type=click.Choice(["back", "forward", "both"]), default="back", show_default=True,
              help="With --translator: back-translate, forward-translate, or both.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the embedding and translation cache.")
@click.option("--encoding", metavar="CODEC", help="Encoding of every file (default: detected per file).")
@click.option("--select", metavar="CODES", help="Comma-separated code prefixes to run (default: all).")
@click.option("--ignore", metavar="CODES", help="Comma-separated code prefixes to skip.")
@click.option("--glossary", "glossaries", multiple=True, metavar="FILE", help="Term glossary; repeatable.")
@click.option("--config", "config_path", metavar="FILE",
              help="Config file (default: nearest tqcheck.toml, or pyproject.toml with [tool.tqcheck]).")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]),
              help="Exit 1 when a finding is at or above this severity (default: error).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even with findings or failed documents (usage and input errors still exit 2).")
@click.option("-j", "--jobs", type=int, metavar="N", help="Worker processes (default: every core; 1: in this process).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local processes, or Dask (a local cluster of --jobs workers unless --dask names a scheduler).")
@click.option("--dask", "scheduler", metavar="SCHEDULER",
              help="Run on the Dask cluster at SCHEDULER (e.g. tcp://scheduler:8786); implies --executor dask.")
@click.option("--resume", is_flag=True, help="Continue the interrupted audit in OUTDIR (same input and options).")
@click.option("--overwrite", is_flag=True, help="Replace the audit already in OUTDIR.")
@click.option("--format", "formats", metavar="LIST", default="",
              help="Also write the tables as csv and/or jsonl (comma-separated); Parquet is always written.")
@click.option("--html-per-document", is_flag=True, help="Also write the HTML report of each document to OUTDIR/reports/.")
@click.option("--worst", type=int, default=20, show_default=True, metavar="N",
              help="How many worst documents summary.json and the dashboard list.")
@click.option("--progress/--no-progress", default=None,
              help="Progress on stderr (default: a bar when stderr is a terminal). --progress with stderr to a "
                   "file or pipe (cron, CI) prints a plain progress line every --progress-every seconds.")
@click.option("--progress-every", type=float, default=10.0, show_default=True, metavar="SECONDS",
              help="Seconds between two plain progress lines.")
@click.option("--baseline", metavar="OLD_OUTDIR",
              help="Compare with an earlier audit's output folder: what is new and what is fixed, per document "
                   "and per code (summary.json, changes.parquet, the dashboard).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no notes; the final line is still printed.")
def audit(**kwargs: Any) -> None:
    """Audit many document pairs: INPUT is a directory of pairs, a manifest (CSV or JSONL), a JSONL feed
    with the texts inline, or an RSS/Atom feed (with --translated-feed). Results go to OUTDIR:
    documents.parquet, findings.parquet, summary.json and dashboard.html (see docs/audit.md).

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it, or a document that could
    not be audited (listed with its reason); 2 usage or input error (nothing written).
    """
    from ..cli import _guarded  # imported here: tqcheck.cli registers this command at its end

    _guarded(_audit)(**kwargs)


def _audit(input_path: str, outdir: str, translated_feed: str | None, pattern: str | None, allow_outside: bool,
           src_lang: str | None, tgt_lang: str | None, embedder: str | None, translator: str | None,
           translate: str, no_cache: bool, encoding: str | None,
           select: str | None, ignore: str | None, glossaries: tuple[str, ...], config_path: str | None,
           isolated: bool, fail_on: str | None, exit_zero: bool, jobs: int | None, executor: str,
           scheduler: str | None, resume: bool, overwrite: bool, formats: str, html_per_document: bool, worst: int,
           progress: bool | None, progress_every: float, baseline: str | None, quiet: bool) -> None:
    from ..config import Config, find_config, load_config
    from ..errors import UsageError
    from ..models.embedders import get_embedder
    from ..pipeline import Options
    from ..types import Severity
    from .batch import AuditOptions, run_audit
    from .work import WorkSettings

    config = Config()
    if not isolated:
        found = config_path or find_config(".")
        if found:
            config = load_config(found)
    # Checked here once rather than failing every document: language codes, embedder, encoding.
    checked = Options(src_lang=src_lang, tgt_lang=tgt_lang, embedder=embedder, encoding=encoding)
    if embedder:
        get_embedder(embedder)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"--encoding {encoding}: unknown encoding") from None
    settings = WorkSettings(checked.src_lang, checked.tgt_lang, embedder, encoding, _prefixes(select) or None,
                            _prefixes(ignore) if ignore is not None else None, tuple(glossaries), config,
                            translator=None if translator == "none" else translator, translate=translate,
                            cache=not no_cache)
    severity = Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.ERROR)

    def notify(msg: str) -> None:
        if not quiet:
            click.echo(f"tqcheck: note: {msg}", err=True)

    options = AuditOptions(
        input_path, outdir, settings, translated_feed, pattern, allow_outside, jobs, executor, scheduler, resume,
        overwrite, tuple(f.strip().lower() for f in formats.split(",") if f.strip()), html_per_document, worst,
        severity, exit_zero, (sys.stderr.isatty() if progress is None else progress) and not quiet,
        progress_every, baseline,
    )
    run = run_audit(options, notify)
    t = run.summary["totals"]
    sev = t["findings_by_severity"]
    rate = f"{run.checked / run.seconds:.1f} documents/s" if run.checked and run.seconds > 0 else "nothing left to check"
    click.echo(f"tqcheck: audited {t['documents']:,} documents ({t['ok']:,} ok, {t['failed']:,} failed), "
               f"{t['pairs']:,} aligned pairs, {t['findings']:,} findings ({sev['error']:,} errors, "
               f"{sev['warning']:,} warnings, {sev['info']:,} info); {run.checked:,} checked in {run.seconds:.1f}s "
               f"({rate}); results in {outdir}", err=True)
    sys.exit(run.summary["exit_code"])
