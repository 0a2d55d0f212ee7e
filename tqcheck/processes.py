"""Child processes that never outlive the process that started them (audit workers, the check stage's
forked helpers)."""
from __future__ import annotations

import functools
import os
import signal
import sys
import threading
import time

#: Where Linux counts the tasks running or ready to run this instant (its ``procs_running`` line), and where
#: it lists this process's own threads with their states.
PROC_STAT = "/proc/stat"
OWN_TASKS = "/proc/self/task"
#: Looks at that count, LOOK_GAP seconds apart (16 ms in all): the smallest is taken, so a process that only woke
#: for a moment (a shell, a short command) does not count as keeping a core busy. On this 2-core machine, 200
#: looks each: with nothing else running, all 200 saw no core busy
#: (3 looks 1 ms apart: 189); with other agents' work running, all 200 saw one or more.
LOOKS, LOOK_GAP = 5, 0.004


def available_cores() -> int:
    """The cores this process may run on (its affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def busy_cores() -> int:
    """How many cores other processes keep busy now: the tasks the kernel has running or ready to run,
    less this process's own (the thread looking, and BLAS threads that numpy's import has just started), the
    smallest of LOOKS looks; 0 where the system does not say."""
    counts = []
    for k in range(LOOKS):
        if k:
            time.sleep(LOOK_GAP)
        try:
            with open(PROC_STAT, "rb") as fh:
                line = next((ln for ln in fh if ln.startswith(b"procs_running ")), b"")
            counts.append(int(line.split()[1]) - _own_running())
        except (OSError, ValueError, IndexError):  # not Linux, or a /proc that does not say
            return 0
    return max(0, min(counts))


def _own_running() -> int:
    """This process's threads running or ready to run (at least the one asking)."""
    running = 0
    try:
        for task in os.listdir(OWN_TASKS):
            try:
                with open(os.path.join(OWN_TASKS, task, "stat"), "rb") as fh:
                    running += fh.read().rpartition(b")")[2].split()[0] == b"R"
            except (OSError, IndexError):  # a thread that ended meanwhile
                continue
    except OSError:
        return 1
    return max(1, running)


@functools.lru_cache(maxsize=1)
def free_cores() -> int:
    """The cores this process may run on that no other process keeps busy (at least one), looked at once,
    when first asked (before this process starts any work of its own): what the defaults of the compare's
    check processes and the embedder's BLAS threads are sized to. On a machine other work already fills, a
    second process or thread of ours only takes turns with it, and BLAS threads that wait for each other
    then run several times slower than one."""
    return max(1, available_cores() - busy_cores())


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
