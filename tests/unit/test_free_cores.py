"""The defaults sized to the cores other work leaves free: ``processes.busy_cores`` reads the kernel's count
of running tasks, ``free_cores`` what is left of this process's cores, and compare's check processes and
the embedder's BLAS threads follow it."""
from __future__ import annotations

import pytest

from tqcheck import options, processes

STAT = "cpu  1 2 3 4\nintr 5 6\nctxt 7\nprocs_running {n}\nprocs_blocked 0\n"


def _stat(tmp_path, monkeypatch, *counts: int) -> None:
    """A /proc/stat whose procs_running line gives ``counts`` on successive reads."""
    path = tmp_path / "stat"
    left = list(counts)
    real_open = open

    def fake_open(name, mode="r", *args, **kwargs):
        if name == str(path):
            path.write_text(STAT.format(n=left.pop(0) if len(left) > 1 else left[0]))
        return real_open(name, mode, *args, **kwargs)

    monkeypatch.setattr(processes, "PROC_STAT", str(path))
    monkeypatch.setattr("builtins.open", fake_open)
    monkeypatch.setattr(processes, "LOOK_GAP", 0.0)
    monkeypatch.setattr(processes, "_own_running", lambda: 1)  # the test's own thread


@pytest.mark.parametrize("counts, busy", [
    ((1, 1, 1), 0),  # only the process looking
    ((3, 3, 3), 2),  # two others running
    ((3, 1, 3), 0),  # a process that woke for one look does not count
    ((0, 0, 0), 0),  # never below none
])
def test_busy_cores_reads_the_running_tasks_less_this_one(tmp_path, monkeypatch, counts, busy):
    _stat(tmp_path, monkeypatch, *counts)
    assert processes.busy_cores() == busy


@pytest.mark.parametrize("states, running", [("RS", 1), ("RRS", 2), ("SS", 1)])
def test_own_running_threads_are_not_other_work(tmp_path, monkeypatch, states, running):
    """This process's threads in state R (the one asking, BLAS threads numpy's import just started) are its own."""
    for k, state in enumerate(states):
        (tmp_path / str(100 + k)).mkdir()
        (tmp_path / str(100 + k) / "stat").write_text(f"{100 + k} (a (b) c) {state} 1 2 3\n")
    monkeypatch.setattr(processes, "OWN_TASKS", str(tmp_path))
    assert processes._own_running() == running


def test_busy_cores_is_none_where_the_system_does_not_say(tmp_path, monkeypatch):
    monkeypatch.setattr(processes, "PROC_STAT", str(tmp_path / "missing"))
    assert processes.busy_cores() == 0
    (tmp_path / "stat").write_text("cpu 1 2 3\n")  # no procs_running line
    monkeypatch.setattr(processes, "PROC_STAT", str(tmp_path / "stat"))
    assert processes.busy_cores() == 0


@pytest.mark.parametrize("cores, busy, free, jobs", [(2, 0, 2, 2), (2, 1, 1, 1), (2, 5, 1, 1), (8, 2, 6, 4)])
def test_defaults_follow_the_free_cores(monkeypatch, cores, busy, free, jobs):
    monkeypatch.setattr(processes, "available_cores", lambda: cores)
    monkeypatch.setattr(processes, "busy_cores", lambda: busy)
    processes.free_cores.cache_clear()
    try:
        assert processes.free_cores() == free
        # looked at once: later work of this process's own does not change it
        monkeypatch.setattr(processes, "busy_cores", lambda: cores)
        assert processes.free_cores() == free
        monkeypatch.setattr(options, "free_cores", processes.free_cores)
        assert options.default_jobs() == jobs
    finally:
        processes.free_cores.cache_clear()


def test_this_machine_reads(monkeypatch):
    """On Linux the count is there: at least this test's process is running while it looks."""
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("/proc/stat is Linux's")
    with open(processes.PROC_STAT, "rb") as fh:
        assert any(line.startswith(b"procs_running ") and int(line.split()[1]) >= 1 for line in fh)
    assert 0 <= processes.busy_cores()
