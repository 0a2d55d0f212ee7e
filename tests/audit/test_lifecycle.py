"""The audit's processes and its output folder: no worker outlives the audit (SIGKILL included), one
audit at a time per OUTDIR, --jobs capped by the machine, progress lines in a log, a folder that
cannot be written is a one-line error."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil  # installed with dask[distributed], a test extra
import pytest
from audit_helpers import audit, make_dir_feed

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TQCHECK_CACHE_DIR": ""}


def _start(feed: Path, out: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tqcheck.cli", "audit", str(feed), "-o", str(out), "--embedder",
                             "none", "--isolated", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**ENV, "TQCHECK_CACHE_DIR": str(out.parent / "cache")})


def _descendants(pid: int, count: int, timeout: float = 120) -> list:  # type: ignore[type-arg]
    """The processes under ``pid`` once there are at least ``count`` of them."""
    main = psutil.Process(pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = main.children(recursive=True)
        if len(kids) >= count:
            return kids
        time.sleep(0.2)
    raise AssertionError(f"fewer than {count} processes under the audit after {timeout}s")


def _wait_journal(out: Path, timeout: float = 120) -> None:
    journal = out / ".tqcheck-audit" / "journal.jsonl"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if journal.exists() and journal.stat().st_size > 0:
            return
        time.sleep(0.1)
    raise AssertionError("no document finished")


def _gone_after(processes: list, seconds: float) -> list[str]:  # type: ignore[type-arg]
    deadline = time.monotonic() + seconds
    alive = processes
    while time.monotonic() < deadline:
        alive = [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        if not alive:
            return []
        time.sleep(0.2)
    return [f"{p.pid} {' '.join(p.cmdline()[:4])}" for p in alive]


@pytest.mark.parametrize("executor", ["local", "dask"])
def test_sigkill_of_the_audit_leaves_no_process(tmp_path: Path, executor: str) -> None:
    if executor == "dask":
        pytest.importorskip("distributed")
    feed = make_dir_feed(tmp_path / "feed", 60)
    out = tmp_path / "out"
    proc = _start(feed, out, "--jobs", "2", "--executor", executor)
    kids = []
    try:
        # two workers, and for local processes the resource tracker too
        kids = _descendants(proc.pid, 2 if executor == "dask" else 3)
        _wait_journal(out)
        kids = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        left = _gone_after(kids, 5.0)
        assert not left, f"processes left behind: {left}"
    finally:
        if proc.poll() is None:
            proc.kill()
        for p in kids:  # whatever the audit left, when it failed
            try:
                p.kill()
            except psutil.Error:
                pass
    # the killed audit can be resumed, and leaves no lock behind
    r = audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", "--resume")
    assert r.exit_code == 1 and "resuming:" in r.stderr, r.stderr


def test_a_second_audit_on_the_same_outdir_is_refused(tmp_path: Path) -> None:
    feed = make_dir_feed(tmp_path / "feed", 30)
    out = tmp_path / "out"
    first = _start(feed, out, "--jobs", "1")
    try:
        _wait_journal(out)
        for extra in ((), ("--resume",), ("--overwrite",)):
            r = audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", *extra)
            assert r.exit_code == 2, (extra, r.stderr)
            assert f"is in use by another audit (process {first.pid})" in r.stderr, r.stderr
            assert len(r.stderr.strip().splitlines()) == 1
        assert first.wait(timeout=300) == 1, first.stderr.read().decode() if first.stderr else ""
    finally:
        if first.poll() is None:
            first.kill()
    summary = (out / "summary.json").read_text("utf-8")
    assert '"documents": 30' in summary
    assert not (out / ".tqcheck-audit.lock").exists()
    # once the first is done, the folder is free again
    assert audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1", "--resume").exit_code == 1


def test_jobs_are_capped_by_cores_and_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.audit import runner

    monkeypatch.setattr(runner, "default_jobs", lambda: 2)
    assert runner.cap_workers(64, 500, "none")[0] == 2
    assert "capped to 2" in (runner.cap_workers(64, 500, "none")[1] or "")
    assert runner.cap_workers(2, 1, "none") == (1, "--jobs 2 capped to 1 worker process(es): 1 document(s) to check")
    monkeypatch.setattr(runner, "available_memory", lambda: 600 * 2**20)
    workers, note = runner.cap_workers(2, 500, "use")
    assert workers == 1 and note is not None and "memory" in note
    assert runner.cap_workers(1, 500, "use") == (1, None)
    feed = make_dir_feed(tmp_path / "feed", 3)
    r = audit(feed, "-o", tmp_path / "out", "--embedder", "none", "--isolated", "-j", "64")
    assert r.exit_code == 1 and "--jobs 64 capped to 2 worker process(es): 2 core(s)" in r.stderr, r.stderr


def test_progress_lines_when_stderr_is_a_log(tmp_path: Path) -> None:
    feed = make_dir_feed(tmp_path / "feed", 12)
    log = tmp_path / "audit.log"
    with open(log, "wb") as fh:
        r = subprocess.run([sys.executable, "-m", "tqcheck.cli", "audit", str(feed), "-o", str(tmp_path / "out"),
                            "--embedder", "none", "--isolated", "-j", "1", "--progress", "--progress-every", "0.2"],
                           stdout=subprocess.DEVNULL, stderr=fh, env={**ENV, "TQCHECK_CACHE_DIR": str(tmp_path / "c")},
                           timeout=300)
    assert r.returncode == 1
    lines = [ln for ln in log.read_text("utf-8").splitlines() if ln.startswith("tqcheck: progress: ")]
    assert len(lines) >= 2, log.read_text("utf-8")
    assert lines[-1].startswith("tqcheck: progress: 12/12 documents (100%)")
    assert all("documents/s" in ln and "ETA" in ln and "failed" in ln for ln in lines)
    assert "\x1b" not in log.read_text("utf-8")  # no terminal codes in a log
    # without --progress a log gets no progress lines
    r2 = audit(feed, "-o", tmp_path / "out2", "--embedder", "none", "--isolated", "-j", "1")
    assert "progress:" not in r2.stderr


def test_an_outdir_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    import shutil

    feed = make_dir_feed(tmp_path / "feed", 2)
    out = tmp_path / "out"
    assert audit(feed, "-o", out, "--embedder", "none", "--isolated", "-j", "1").exit_code == 1
    base = [sys.executable, "-m", "tqcheck.cli", "audit", str(feed), "-o", str(out), "--embedder", "none",
            "--isolated", "-j", "1", "--no-cache"]
    if os.geteuid() == 0:
        # root writes through file modes: the folder is made read-only by a read-only bind mount of its
        # own, in a mount namespace of the audit's own
        if shutil.which("unshare") is None or subprocess.run(["unshare", "--mount", "true"]).returncode != 0:
            pytest.skip("running as root without unshare: cannot make a read-only folder")
        wrap = ["unshare", "--mount", "sh", "-c", 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && '
                'exec "$@"', str(out)]
        expected = "Read-only file system"
    else:
        for path in [out, *out.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        wrap, expected = [], "Permission denied"
    try:
        for extra in ("--resume", "--overwrite"):
            r = subprocess.run([*wrap, *base, extra], capture_output=True, text=True, env=ENV, timeout=300)
            lines = r.stderr.strip().splitlines()
            assert r.returncode == 2 and len(lines) == 1, r.stderr
            assert lines[0].startswith(f"tqcheck: error: {out}") and "internal error" not in r.stderr, r.stderr
            assert "cannot write" in lines[0] and expected in lines[0], r.stderr
    finally:
        for path in [out, *out.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert (out / "summary.json").exists()
