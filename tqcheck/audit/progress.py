"""The progress bar of an audit on stderr (documents, sentences per second, time left), shown only on a
terminal, and the one-line summary printed at the end in any case."""
from __future__ import annotations

import sys
import time
from typing import Any


class Progress:
    def __init__(self, total: int, done: int, enabled: bool) -> None:
        self.total, self.done = total, done
        self.sentences = 0
        self.documents = 0
        self.failed = 0
        self.start = time.monotonic()
        self._bar: Any = None
        if enabled and total > done:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, \
                TimeElapsedColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                            TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]}"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            console=Console(file=sys.stderr), transient=True)
            self._task = self._bar.add_task("audit", total=total, completed=done, rate="", failed="")
            self._bar.start()

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

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
