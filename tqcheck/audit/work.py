"""One document of an audit, as a worker computes it: the compare pipeline on one job, returned as
small plain data (the summary, one row per aligned pair, the error of a failed document), never the
Report itself, so that it crosses process and machine boundaries cheaply and the same way for every
executor."""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, TQCheckError
from ..options import Options
from ..result import Report
from .inputs import Job

#: A declared language is contradicted when detection is reliable and at least this sure.
WRONG_LANGUAGE_CONFIDENCE = 0.9
#: Version of the result dicts in the journal; a journal of another version cannot be resumed.
RESULT_VERSION = 1


@dataclass(frozen=True)
class WorkSettings:
    """What every document of an audit is checked with: compare's ``Options`` (each document's own
    languages, where the input gives them, over its languages), and whether to render its HTML report."""

    options: Options = dataclasses.field(default_factory=Options)
    html: bool = False

    def with_threads(self, threads: int) -> "WorkSettings":
        """BLAS threads of the embedder in each worker."""
        return dataclasses.replace(self, options=dataclasses.replace(self.options, threads=threads))


class DocumentError(TQCheckError):
    """A document that cannot be audited; the message is the reason listed for it."""


_prepared: list[bool] = []
def _prepare(settings: WorkSettings) -> None:
    """Once per process, before its first document: with ``settings.options.threads`` (N worker
    processes), BLAS gets that many threads for the numpy work of the aligner, so N workers with one thread
    each do not fight over N cores (OpenBLAS threads spin while they wait, taking cores from the other
    workers). The bundled embedder gets the same count through ``Options.threads``.
    """
    if _prepared:
        return
    _prepared.append(True)
    if settings.options.threads is None:
        return
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=settings.options.threads, user_api="blas")  # for the life of this process


def _decode(job: Job, settings: WorkSettings) -> tuple[Any, Any]:
    from ..read.reader import decode_bytes, read_text_file

    if job.source_text is not None and job.target_text is not None:
        out = []
        for text, shown, side in ((job.source_text, job.source_path, "source"),
                                  (job.target_text, job.target_path, "translation")):
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(shown or side, f"not valid Unicode: a lone surrogate U+{ord(text[exc.start]):04X} "
                                 f"at character {exc.start}") from None
            out.append(decode_bytes(data, shown or side, "utf-8"))
        return out[0], out[1]
    out = []
    for file, shown in ((job.source_file, job.source_path), (job.target_file, job.target_path)):
        assert file is not None and shown is not None
        _regular(file, shown)
        try:
            decoded = read_text_file(file, settings.options.encoding)
        except InputError as exc:  # name the file as the input names it, not by its absolute path
            raise InputError(shown, exc.problem, exc.line) from None
        out.append(dataclasses.replace(decoded, path=shown))
    return out[0], out[1]


def _regular(file: str, shown: str) -> None:
    """An audit reads regular files only: a FIFO or a device in a feed would hold a worker forever."""
    import stat

    try:
        mode = os.stat(file).st_mode
    except OSError:
        return  # missing or unreadable: the reader says which
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise InputError(shown, f"not a regular file ({kind}); an audit reads regular files only")


def _check_declared(report: Report, side: str, declared: str | None) -> None:
    """A document whose text reliably reads as another language than the one declared for it."""
    guess = report.detected.get(side)
    if not declared or guess is None:
        return
    if guess.reliable and guess.confidence >= WRONG_LANGUAGE_CONFIDENCE and guess.lang not in (declared, "und"):
        doc, what = (report.source, "source") if side == "source" else (report.target, "translation")
        raise DocumentError(f"{doc.path}: wrong language: the {what} should be {declared} but reads as {guess.lang} "
                            f"(confidence {guess.confidence:.2f})")


def audit_document(job: Job, settings: WorkSettings) -> dict[str, Any]:
    """The result of one job: never raises for a problem with the document itself (it is returned as
    ``status: failed`` with the reason), so one bad document cannot stop the audit."""
    base: dict[str, Any] = {
        "v": RESULT_VERSION, "seq": job.seq, "id": job.id, "source_path": job.source_path,
        "target_path": job.target_path, "src_lang": job.src_lang or settings.options.src_lang,
        "tgt_lang": job.tgt_lang or settings.options.tgt_lang,
    }
    if job.error:
        return {**base, "status": "failed", "error": job.error}
    try:
        return {**base, **_audit(job, settings)}
    except TQCheckError as exc:
        return {**base, "status": "failed", "error": str(exc)}
    except RecursionError as exc:
        return {**base, "status": "failed", "error": f"internal error: RecursionError: {exc}"}
    except MemoryError:
        return {**base, "status": "failed", "error": "internal error: out of memory on this document"}
    except Exception as exc:  # noqa: BLE001 - a crash on one document must not stop the feed
        return {**base, "status": "failed", "error": f"internal error: {type(exc).__name__}: {exc}"}


def _audit(job: Job, settings: WorkSettings) -> dict[str, Any]:
    from ..pipeline import compare_decoded

    _prepare(settings)
    options = dataclasses.replace(settings.options, src_lang=job.src_lang or settings.options.src_lang,
                                  tgt_lang=job.tgt_lang or settings.options.tgt_lang)
    src, tgt = _decode(job, settings)
    report = compare_decoded(src, tgt, options)
    # The pipeline detects both languages anyway; a declared one it is sure the text is not in fails the document.
    _check_declared(report, "source", options.src_lang)
    _check_declared(report, "target", options.tgt_lang)
    rows = report.rows()
    for row, pr in zip(rows, report.pairs):
        # Scores the table does not show yet (e.g. quality) are kept, whatever their names.
        for key, value in pr.scores.items():
            row.setdefault(key, value)
        # The severity each finding fired with, in the order of ``codes`` (a rule's severity depends on
        # the finding: the same code can be an error in one pair and a warning in another).
        row["severities"] = " ".join(str(f.severity) for f in pr.findings)
    out: dict[str, Any] = {
        "status": "ok", "error": None, "src_lang": report.source.lang, "tgt_lang": report.target.lang,
        "summary": report.summary(), "notes": list(report.notes), "signature": report.signature,
        "rows": [{"document": job.id, **row} for row in rows],
    }
    if settings.html:
        from ..report.base import RenderOptions
        from ..report.html_report import render_html

        out["html"] = render_html(report, RenderOptions())
    return out
