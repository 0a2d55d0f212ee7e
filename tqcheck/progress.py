"""Progress of one comparison, per stage (reading, embedding, aligning, checking).

The stages report through ``stage`` and ``advance``, which do nothing unless a tracker is active
(``tracking``): the Python API and batch audits stay silent. ``for_terminal`` gives the command's
tracker: a rich progress bar on stderr, shown only on a terminal, only without ``-q``, and only once
the work has taken longer than ``DELAY`` seconds, so short runs print nothing.
"""
from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, Any, Iterator, Protocol

#: Seconds of work before a bar appears.
DELAY = 2.0
STAGES = ("reading", "embedding", "aligning", "checking")


class Tracker(Protocol):
    def stage(self, name: str, total: int | None) -> None: ...

    def advance(self, n: int) -> None: ...

    def close(self) -> None: ...


_current: ContextVar[Tracker | None] = ContextVar("tqcheck_progress", default=None)


def stage(name: str, total: int | None = None) -> None:
    """A stage begins: ``total`` units of work, or None when it is not counted."""
    tracker = _current.get()
    if tracker is not None:
        tracker.stage(name, total)


def advance(n: int = 1) -> None:
    """``n`` units of the current stage are done."""
    tracker = _current.get()
    if tracker is not None:
        tracker.advance(n)


@contextmanager
def tracking(tracker: Tracker | None) -> Iterator[None]:
    """Report stages to ``tracker`` (None: to nobody) inside the block; closes it at the end."""
    token = _current.set(tracker)
    try:
        yield
    finally:
        _current.reset(token)
        if tracker is not None:
            tracker.close()


class RichTracker:
    """A rich progress bar, started by a timer after ``delay`` seconds and removed when done."""

    def __init__(self, stream: IO[str] | None = None, delay: float = DELAY, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = console or Console(file=stream or sys.stderr)
        self.progress = Progress(TextColumn("tqcheck: {task.description:<9}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=self.console, transient=True)
        self._lock = threading.Lock()
        self._task: Any = None
        self._started = False
        self._closed = False
        self._timer = threading.Timer(delay, self._start)
        self._timer.daemon = True
        self._timer.start()

    def _start(self) -> None:
        with self._lock:
            if not self._closed and not self._started:
                self._started = True
                self.progress.start()

    def stage(self, name: str, total: int | None) -> None:
        with self._lock:
            if self._task is not None:
                task = self.progress.tasks[-1]
                if task.total is not None:
                    self.progress.update(self._task, completed=task.total)
                self.progress.stop_task(self._task)
            self._task = self.progress.add_task(name, total=total)

    def advance(self, n: int) -> None:
        with self._lock:
            if self._task is not None:
                self.progress.advance(self._task, n)

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._started:
                self.progress.stop()


def for_terminal(quiet: bool, stream: IO[str] | None = None) -> Tracker | None:
    """The command's tracker: a bar on ``stream`` (stderr) when it is a terminal and not ``quiet``."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return None
    return RichTracker(stream)
