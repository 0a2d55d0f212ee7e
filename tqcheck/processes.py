"""Child processes that never outlive the process that started them (audit workers, the check stage's
forked helpers)."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

def available_cores() -> int:
    """The cores this process may run on (its affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


#: Linux prctl option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1
#: How often a worker checks that the audit that started it is still there.
WATCHDOG_EVERY = 0.5


def die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does, however the parent ends (SIGKILL included): the
    kernel sends SIGKILL on the parent's death (Linux ``PR_SET_PDEATHSIG``), and a watchdog thread
    also exits when the parent is gone (other systems, or a parent that died before the prctl)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl: the watchdog still works
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_EVERY)
        os._exit(70)

    if os.getppid() != parent:
        os._exit(70)
    threading.Thread(target=watch, name="tqcheck-parent-watchdog", daemon=True).start()


def worker_init(parent: int) -> None:
    """What a worker process does first: end with ``parent`` (``die_with_parent``) and ignore Ctrl-C, which
    goes to the whole process group: the parent handles it and ends its workers itself."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
