"""The progress of an audit on stderr: a bar on a terminal; on anything else (a log file, cron, CI),
when asked with ``--progress``, a plain line every few seconds (done/total, rate, time left, failures
so far), so that a log shows the audit is alive. The one-line summary at the end is printed in any case."""
from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO

from . import PROGRESS_EVERY


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    def __init__(self, total: int, done: int, enabled: bool, *, every: float = PROGRESS_EVERY,
                 stream: TextIO | None = None) -> None:
        self.total, self.done = total, done
        self.sentences = 0
        self.documents = 0
        self.failed = 0
        self.start = time.monotonic()
        self.stream = stream or sys.stderr
        self._bar: Any = None
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        if not enabled or total <= done:
            return
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, \
                TimeElapsedColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                            TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]}"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=True)
            self._task = self._bar.add_task("audit", total=total, completed=done, rate="", failed="")
            self._bar.start()
        else:
            # A thread of its own, so that a line comes even while one long document holds every worker.
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._lines, args=(every,), name="tqcheck-progress", daemon=True)
            self._thread.start()

    def advance(self, result: dict[str, Any]) -> None:
        self.documents += 1
        summary = result.get("summary") or {}
        self.sentences += summary.get("source_sentences", 0)
        self.failed += result.get("status") != "ok"
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=f"{self.rate():,.0f} sentences/s",
                             failed=f"{self.failed} failed" if self.failed else "")

    def rate(self) -> float:
        return self.sentences / max(time.monotonic() - self.start, 1e-9)

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def line(self) -> str:
        """One progress line: documents done of all, rate, elapsed time, time left, failures so far."""
        elapsed = self.elapsed()
        done = self.done + self.documents
        per_second = self.documents / elapsed if elapsed > 0 else 0.0
        left = self.total - done
        eta = _duration(left / per_second) if per_second > 0 else "unknown"
        share = 100.0 * done / self.total if self.total else 100.0
        return (f"tqcheck: progress: {done:,}/{self.total:,} documents ({share:.0f}%), {per_second:.2f} documents/s, "
                f"{self.rate():,.0f} sentences/s, {_duration(elapsed)} elapsed, ETA {eta}, {self.failed:,} failed")

    def _lines(self, every: float) -> None:
        assert self._stop is not None
        while not self._stop.wait(every):
            self._print(self.line())

    def _print(self, text: str) -> None:
        try:
            self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # stderr closed or gone: progress is not worth failing over
            pass

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        if self._stop is not None and self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._stop = None
            if self.documents:
                self._print(self.line())
