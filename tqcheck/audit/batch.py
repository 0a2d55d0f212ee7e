"""One audit from start to end: validate the input, open (or resume) the output folder, run the
documents not done yet on the chosen executor, then write the tables, summary and dashboard."""
from __future__ import annotations

import dataclasses
import signal
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..errors import UsageError
from ..types import Severity
from . import DEFAULT_WORST, EXECUTORS, EXTRA_FORMATS, PROGRESS_EVERY
from .aggregate import write_outputs
from .baseline import Baseline, load_baseline
from .inputs import Job, open_input
from .progress import Progress
from .runner import AUDIT_EXTRA, cap_workers, dask_client, default_jobs, run_dask, run_processes, run_serial
from .store import Lock, Store, printable_value
from .work import WorkSettings



@dataclass
class AuditOptions:
    """Everything ``tqcheck audit`` is asked to do (the CLI only fills this in)."""

    input: str
    outdir: str
    settings: WorkSettings = field(default_factory=WorkSettings)
    translated_feed: str | None = None
    pattern: str | None = None
    allow_outside: bool = False
    jobs: int | None = None  # None: every core this process may use
    executor: str = EXECUTORS[0]
    scheduler: str | None = None  # a Dask scheduler address; None with executor dask: a local cluster
    resume: bool = False
    overwrite: bool = False
    formats: tuple[str, ...] = ()  # besides parquet: csv, jsonl
    html_per_document: bool = False
    worst: int = DEFAULT_WORST
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    progress: bool = False
    #: Seconds between two progress lines when stderr is not a terminal (a log, CI).
    progress_every: float = PROGRESS_EVERY
    #: An earlier audit's OUTDIR to compare with: what is new and what is fixed since.
    baseline: str | None = None

    def __post_init__(self) -> None:
        if self.scheduler:
            self.executor = "dask"
        if self.executor not in EXECUTORS:
            raise UsageError(f"unknown executor {self.executor!r}; valid values: {', '.join(EXECUTORS)}")
        if self.jobs is not None and self.jobs < 1:
            raise UsageError(f"--jobs must be at least 1, not {self.jobs}")
        bad = [f for f in self.formats if f not in EXTRA_FORMATS and f != "parquet"]
        if bad:
            raise UsageError(f"unknown format {bad[0]!r}; valid values: parquet (always written), "
                             f"{', '.join(EXTRA_FORMATS)}")
        if self.resume and self.overwrite:
            raise UsageError("--resume and --overwrite contradict each other; pass one")
        if self.worst < 0:
            raise UsageError("--worst must be 0 or more")
        if not self.progress_every > 0:
            raise UsageError("--progress-every must be more than 0 seconds")


@dataclass
class AuditRun:
    """What the audit did: the content of summary.json, and this run's own figures."""

    summary: dict[str, Any]
    resumed: bool
    checked: int  # documents checked by this run (the rest were done before --resume)
    seconds: float
    sentences: int


def _settings_state(settings: WorkSettings) -> dict[str, Any]:
    s = settings.options
    return {"src_lang": s.src_lang, "tgt_lang": s.tgt_lang, "embedder": s.embedder, "encoding": s.encoding,
            "select": list(s.select) if s.select is not None else None,
            "ignore": list(s.ignore) if s.ignore is not None else None, "glossaries": list(s.glossaries),
            "config": s.config.path if s.config.path is None else str(s.config.path), "html": settings.html,
            "translator": s.translator, "translate": s.translate}


def _check_executor(options: AuditOptions) -> None:
    if options.executor == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise UsageError(f"the Dask executor needs dask.distributed: {AUDIT_EXTRA}")


def run_audit(options: AuditOptions, notify: Callable[[str], None] | None = None) -> AuditRun:
    """Audit ``options.input`` into ``options.outdir``; raises TQCheckError for bad input or options, before
    anything is written. Documents that cannot be checked are listed as failed, never raised."""
    _check_executor(options)
    src = open_input(options.input, translated_feed=options.translated_feed, pattern=options.pattern,
                     allow_outside=options.allow_outside, src_lang=options.settings.options.src_lang,
                     tgt_lang=options.settings.options.tgt_lang)
    workers = options.jobs or default_jobs()
    notes = list(src.notes)
    if not options.scheduler:
        workers, capped = cap_workers(workers, src.total, options.settings.options.embedder)
        if capped and options.jobs:
            notes.append(capped)
    baseline = load_baseline(options.baseline, options.outdir) if options.baseline else None
    settings = dataclasses.replace(options.settings, html=options.html_per_document)
    state = {"input": src.fingerprint, "settings": _settings_state(settings)}
    store = Store(options.outdir)
    lock = Lock(options.outdir)
    client = None
    try:
        lock.acquire()  # a second audit on the same OUTDIR stops here, naming this one's pid
        store.check(resume=options.resume, overwrite=options.overwrite)
        # The cluster is reached before anything is written: a wrong address leaves OUTDIR as it was.
        client = dask_client(options.scheduler, workers) if options.executor == "dask" else None
        return _run(options, src, store, state, settings, workers, client, notify, baseline, notes)
    finally:
        lock.release()
        if client is not None:
            cluster = getattr(client, "cluster", None) if not options.scheduler else None
            client.close()
            if cluster is not None:
                cluster.close()


def _run(options: AuditOptions, src: Any, store: Store, state: dict[str, Any], settings: WorkSettings,
         workers: int, client: Any, notify: Callable[[str], None] | None, baseline: Baseline | None,
         notes: list[str]) -> AuditRun:
    resumed = store.open(state, resume=options.resume, overwrite=options.overwrite)
    for note in notes:  # once the audit is sure to start
        if notify:
            notify(note)
    if options.resume and not resumed and notify:
        notify(f"{options.outdir} holds no audit to resume; starting one")
    if resumed and notify:
        notify(f"resuming: {len(store.done)} of {src.total} documents already done")

    def todo() -> Iterator[Job]:
        for job in src.jobs():
            if job.id not in store.done:
                yield job

    progress = Progress(src.total, len(store.done), options.progress, every=options.progress_every)

    def on_result(result: dict[str, Any]) -> None:
        store.record(result)
        progress.advance(result)

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM) if main_thread else None
    if previous is signal.SIG_DFL:  # stop like Ctrl-C: the journal is closed and the run can be resumed
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        if client is not None:
            run_dask(todo(), settings.with_threads(1), client, on_result)
        elif workers == 1:
            run_serial(todo(), settings, on_result)
        else:
            threads = max(1, default_jobs() // workers)
            run_processes(todo(), settings.with_threads(threads), workers, on_result)
    except KeyboardInterrupt:
        progress.close()
        store.close()  # flushed and fsynced: every finished document survives
        if notify:
            notify(f"interrupted: {len(store.done)} of {src.total} documents are done and kept; "
                   "run the same command with --resume to finish")
        raise
    finally:
        progress.close()
        store.close()
        if previous is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, previous)
    missing = src.total - len(store.done)
    if missing:  # cannot happen unless the input changed under the audit
        raise UsageError(f"{options.input}: {missing} document(s) were not audited; did the input change? "
                         "run again with --resume")
    meta = printable_value({
        "input": {**{k: v for k, v in src.fingerprint.items() if k not in ("size", "mtime_ns")}, "path": src.path},
        "options": {k: v for k, v in _settings_state(settings).items()},
    })
    summary = write_outputs(store, tuple(options.formats), meta, options.worst, options.fail_on,
                            options.exit_zero, options.html_per_document, baseline)
    return AuditRun(summary, resumed, progress.documents, progress.elapsed(), progress.sentences)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
