"""Where an audit keeps its work: OUTDIR/.tqcheck-audit/ holds ``state.json`` (what is audited, with
which options) and ``journal.jsonl``, one line per finished document (its summary and rows), appended
and flushed as each document finishes. A line is the document's commit: a document is done exactly
when its line is whole, so a run killed at any moment loses at most the documents in flight, and
``--resume`` skips every document with a whole line and drops a torn last line. The final tables are
built from the journal (see :mod:`.aggregate`), in input order, whatever order documents finished in.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from typing import Any, Iterator

from ..errors import InputError, UsageError
from ..report.output import write_atomic
from .inputs import printable, safe_name
from .tables import document_row, finding_rows
from .work import RESULT_VERSION

WORK_DIR = ".tqcheck-audit"
#: The lock file of OUTDIR (beside WORK_DIR, which --overwrite removes): held by the audit writing there.
LOCK = ".tqcheck-audit.lock"
STATE = "state.json"
JOURNAL = "journal.jsonl"
REPORTS = "reports"
#: Everything an audit writes in OUTDIR (besides WORK_DIR and REPORTS).
OUTPUTS = ("documents.parquet", "findings.parquet", "documents.csv", "findings.csv", "documents.jsonl",
           "findings.jsonl", "changes.parquet", "changes.csv", "changes.jsonl", "summary.json", "dashboard.html")
#: The journal is flushed to the OS after every document (which survives the process being killed)
#: and fsynced at most this often (which survives the machine going down).
FSYNC_EVERY = 1.0


class Lock:
    """An advisory lock on OUTDIR (``flock`` on OUTDIR/.tqcheck-audit.lock), held for the whole audit
    and released by the kernel when the process ends, however it ends. The file holds the holder's pid,
    to name it to the audit that is refused."""

    def __init__(self, outdir: str) -> None:
        self.path = os.path.join(outdir, LOCK)
        self._fd: int | None = None
        self._created: str | None = None

    def acquire(self) -> None:
        import fcntl

        folder = os.path.dirname(self.path) or "."
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise UsageError(f"{folder}: the output folder is a file")
        try:
            if not os.path.isdir(folder):
                os.makedirs(folder)
                self._created = folder
            while True:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                    os.close(fd)
                    who = f"process {holder}" if holder.isdigit() else "another process"
                    raise UsageError(f"{folder} is in use by another audit ({who}); wait for it to finish, "
                                     "or choose another output folder") from None
                # The holder before us removes the file as it lets go: a lock on a removed file is no lock.
                if os.path.exists(self.path) and os.path.samestat(os.fstat(fd), os.stat(self.path)):
                    break
                os.close(fd)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError as exc:
            raise UsageError(f"{folder}: cannot write to the output folder: {exc.strerror or exc}") from None
        self._fd = fd

    def release(self) -> None:
        """Remove the lock file (while still holding it) and let go; a folder this audit created and
        left empty (it failed before writing anything) is removed too."""
        if self._fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self._fd)  # closing the last descriptor releases the lock
        self._fd = None
        if self._created:
            try:
                os.rmdir(self._created)
            except OSError:  # not empty: the audit wrote its results there
                pass


class Store:
    """The output folder of one audit: its state, its journal, and what is already done."""

    def __init__(self, outdir: str) -> None:
        self.outdir = outdir
        self.work = os.path.join(outdir, WORK_DIR)
        self.journal_path = os.path.join(self.work, JOURNAL)
        self.done: set[str] = set()
        #: (seq, offset, length) of every journal line, to read them back in input order.
        self.entries: list[tuple[int, int, int]] = []
        #: Kinds of value seen per column of the documents and findings tables (to type them).
        self.summary_kinds: dict[str, set[str]] = {}
        self.row_kinds: dict[str, set[str]] = {}
        self._fd: int | None = None
        self._offset = 0
        self._synced = 0.0

    # --- opening -----------------------------------------------------------------------------

    def holds_audit(self) -> bool:
        return os.path.isdir(self.work) or any(os.path.exists(os.path.join(self.outdir, n)) for n in OUTPUTS)

    def check(self, *, resume: bool, overwrite: bool) -> None:
        """Refuse an OUTDIR that is a file, or that holds an audit without --resume or --overwrite."""
        if os.path.exists(self.outdir) and not os.path.isdir(self.outdir):
            raise UsageError(f"{self.outdir}: the output folder is a file")
        if self.holds_audit() and not resume and not overwrite:
            raise UsageError(f"{self.outdir} already holds an audit: pass --resume to continue it, "
                             "or --overwrite to start again")

    def open(self, state: dict[str, Any], *, resume: bool, overwrite: bool) -> bool:
        """Create or reopen the store; True when an earlier run is resumed. A folder that cannot be
        written (read-only, no permission, full) is a UsageError naming the path."""
        try:
            return self._open(state, resume=resume, overwrite=overwrite)
        except OSError as exc:
            where = exc.filename if isinstance(exc.filename, str) else self.outdir
            raise UsageError(f"{where}: cannot write the audit: {exc.strerror or exc}") from None

    def _open(self, state: dict[str, Any], *, resume: bool, overwrite: bool) -> bool:
        self.check(resume=resume, overwrite=overwrite)
        if overwrite and self.holds_audit():
            self._clear()
        resumed = False
        if resume and os.path.isfile(os.path.join(self.work, STATE)):
            self._check_state(state)
            self._load_journal()
            resumed = True
        else:
            if os.path.isdir(self.work):
                shutil.rmtree(self.work)
            try:
                os.makedirs(self.work, exist_ok=True)
            except OSError as exc:
                raise UsageError(f"{self.outdir}: cannot create the output folder: {exc.strerror or exc}") from None
            write_atomic(os.path.join(self.work, STATE), json.dumps(state, indent=1, sort_keys=True) + "\n")
        self._fd = os.open(self.journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._offset = os.fstat(self._fd).st_size
        return resumed

    def _clear(self) -> None:
        if os.path.isdir(self.work):
            shutil.rmtree(self.work)
        for name in OUTPUTS:
            try:
                os.unlink(os.path.join(self.outdir, name))
            except FileNotFoundError:
                pass
        reports = os.path.join(self.outdir, REPORTS)
        if os.path.isdir(reports):
            for name in os.listdir(reports):
                if name.endswith(".html"):
                    os.unlink(os.path.join(reports, name))

    def _check_state(self, state: dict[str, Any]) -> None:
        path = os.path.join(self.work, STATE)
        try:
            with open(path, encoding="utf-8") as fh:
                old = json.load(fh)
        except (OSError, ValueError) as exc:
            raise InputError(path, f"cannot read the audit state ({exc}); pass --overwrite to start again") from None
        differs = _differences(old, state)
        if differs:
            raise UsageError(f"{self.outdir} holds an audit of another input or with other options (differs in: "
                             f"{'; '.join(differs)}); run it with the same ones, or pass --overwrite to start again")

    def _load_journal(self) -> None:
        """Read what is done; a torn last line (the run was killed while writing it) is cut off."""
        good = 0
        try:
            fh = open(self.journal_path, "rb")
        except FileNotFoundError:
            return
        with fh:
            for k, line in enumerate(fh, 1):
                if not line.endswith(b"\n"):
                    break
                try:
                    result = json.loads(line)
                except ValueError:
                    break
                if result.get("v") != RESULT_VERSION:
                    raise InputError(self.journal_path, "written by another version of tqcheck; pass --overwrite "
                                     "to start again", line=k)
                if result["id"] not in self.done:
                    self._note(result, good, len(line))
                good += len(line)
        if good != os.path.getsize(self.journal_path):
            with open(self.journal_path, "r+b") as out:
                out.truncate(good)

    # --- recording -----------------------------------------------------------------------------

    def _note(self, result: dict[str, Any], offset: int, length: int) -> None:
        self.done.add(result["id"])
        self.entries.append((result["seq"], offset, length))
        for key, value in document_row(result).items():
            self.summary_kinds.setdefault(key, set()).add(_kind(value))
        for row in finding_rows(result):
            for key, value in row.items():
                kinds = self.row_kinds.get(key)
                if kinds is None:
                    kinds = self.row_kinds[key] = set()
                kind = _kind(value)
                if kind not in kinds:
                    kinds.add(kind)

    def record(self, result: dict[str, Any]) -> None:
        """Make one document's result durable: its HTML report first, then its journal line."""
        html = result.pop("html", None)
        if html is not None:
            folder = os.path.join(self.outdir, REPORTS)
            os.makedirs(folder, exist_ok=True)
            write_atomic(os.path.join(folder, safe_name(result["id"]) + ".html"), html)
        text = json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate got through (a name, a message): shown escaped
            result = printable_value(result)
            data = (json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        assert self._fd is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]
        self._note(result, self._offset, len(data))
        self._offset += len(data)
        now = time.monotonic()
        if now - self._synced >= FSYNC_EVERY:
            os.fsync(self._fd)
            self._synced = now

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    # --- reading back ----------------------------------------------------------------------------

    def results(self) -> Iterator[dict[str, Any]]:
        """Every finished document's result, in input order."""
        with open(self.journal_path, "rb") as fh:
            for _, offset, length in sorted(self.entries):
                fh.seek(offset)
                yield json.loads(fh.read(length))


#: The option of ``tqcheck audit`` behind each key of the saved state.
OPTION_NAMES = {
    "src_lang": "--src-lang", "tgt_lang": "--tgt-lang", "embedder": "--embedder", "encoding": "--encoding",
    "select": "--select", "ignore": "--ignore", "glossaries": "--glossary", "config": "--config (or the tqcheck.toml found)",
    "html": "--html-per-document", "translator": "--translator", "translate": "--translate",
    "pattern": "--pattern", "translated": "--translated-feed", "input": "INPUT", "kind": "the kind of INPUT",
    "documents": "the number of documents in INPUT", "size": "the size of INPUT",
}


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What differs between two saved states, each named by its option, with the old and new values."""
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(_differences(a, b))
        else:
            out.append(f"{OPTION_NAMES.get(key, key)} (was {json.dumps(a, ensure_ascii=False)}, "
                       f"now {json.dumps(b, ensure_ascii=False)})")
    return out


def printable_value(value: Any) -> Any:
    """``value`` with every text in it :func:`.inputs.printable` (a name that is not UTF-8 escaped)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(k) if isinstance(k, str) else k: printable_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable_value(v) for v in value]
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        return "dict"
    return "json"
