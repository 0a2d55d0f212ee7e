"""An audit killed with SIGKILL and resumed gives the results of an uninterrupted one; a Dask cluster
gives the results of a local run; the default embedder works in worker processes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_helpers import audit, audit_process, make_dir_feed, tables

from tqcheck.audit.store import JOURNAL, WORK_DIR


def _journal_lines(out: Path) -> int:
    try:
        return (out / WORK_DIR / JOURNAL).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _assert_same_tables(a: Path, b: Path) -> None:
    (da, fa), (db, fb) = tables(a), tables(b)
    assert da.equals(db)
    assert fa.equals(fb)
    sa, sb = (json.loads((p / "summary.json").read_text("utf-8")) for p in (a, b))
    for key in ("totals", "findings_by_code", "by_language_pair", "worst_documents", "failed_documents"):
        assert sa[key] == sb[key], key


def test_sigkill_halfway_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    feed = make_dir_feed(tmp_path / "feed", 48)
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    args = [feed, "--embedder", "none", "--jobs", "2", "--no-progress"]
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck.cli", "audit", "-o", str(killed), *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _journal_lines(killed) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the audit and its workers, mid-document
        proc.wait()
    done = _journal_lines(killed)
    assert 10 <= done < 48, f"the audit was not killed halfway ({done} of 48 done)"
    assert not (killed / "summary.json").exists()
    # a torn last line, as a kill in the middle of a write leaves it
    with open(killed / WORK_DIR / JOURNAL, "ab") as fh:
        fh.write(b'{"v":1,"seq":47,"id":"doc047","status":"ok","summ')
    again = audit_process("-o", killed, *args, "--resume")
    assert again.returncode == 1, again.stderr
    assert f"resuming: {done} of 48 documents already done" in again.stderr
    docs, findings = tables(killed)
    assert list(docs["id"]) == [f"doc{n:03d}" for n in range(48)]  # none lost, none twice
    assert _journal_lines(killed) == 48
    uninterrupted = audit_process("-o", whole, *args)
    assert uninterrupted.returncode == 1
    _assert_same_tables(whole, killed)


def test_interrupted_serial_run_resumes(tmp_path: Path) -> None:
    """The same in this process: an audit stopped after some documents, continued with --resume."""
    from tqcheck.audit import batch

    feed = make_dir_feed(tmp_path / "feed", 6)
    calls = {"n": 0}
    real = batch.run_serial

    def stop_after_three(jobs, settings, on_result):  # type: ignore[no-untyped-def]
        def counted(result):  # type: ignore[no-untyped-def]
            on_result(result)
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
        real(jobs, settings, counted)

    batch.run_serial = stop_after_three
    try:
        r = audit(feed, "-o", tmp_path / "out", "--embedder", "none", "-j", "1")
    finally:
        batch.run_serial = real
    assert r.exit_code == 130 and "--resume" in r.stderr
    r = audit(feed, "-o", tmp_path / "out", "--embedder", "none", "-j", "1", "--resume")
    assert r.exit_code == 1 and "3 checked" in r.stderr
    assert audit(feed, "-o", tmp_path / "whole", "--embedder", "none", "-j", "1").exit_code == 1
    _assert_same_tables(tmp_path / "whole", tmp_path / "out")


@pytest.fixture(scope="module")
def dask_cluster():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    try:
        yield cluster
    finally:
        cluster.close()


def test_dask_cluster_gives_the_local_results(tmp_path: Path, dask_cluster) -> None:  # type: ignore[no-untyped-def]
    feed = make_dir_feed(tmp_path / "feed", 12)
    (feed / "broken.zh.txt").write_bytes(b"")
    (feed / "broken.en.txt").write_text("Nothing.\n", "utf-8")
    local = audit_process(feed, "-o", tmp_path / "local", "--embedder", "none", "--jobs", "1")
    assert local.returncode == 1, local.stderr
    dask = audit_process(feed, "-o", tmp_path / "dask", "--embedder", "none", "--dask", dask_cluster.scheduler_address)
    assert dask.returncode == 1, dask.stderr
    _assert_same_tables(tmp_path / "local", tmp_path / "dask")
    docs, _ = tables(tmp_path / "dask")
    assert docs.set_index("id").loc["broken", "status"] == "failed"


def test_default_embedder_in_worker_processes(tmp_path: Path) -> None:
    """The bundled USE embedder, in two worker processes (one BLAS thread each) and in this process."""
    feed = make_dir_feed(tmp_path / "feed", 3)
    pool = audit_process(feed, "-o", tmp_path / "pool", "--jobs", "2")
    assert pool.returncode == 1, pool.stderr
    docs, findings = tables(tmp_path / "pool")
    assert set(docs["status"]) == {"ok"}
    assert findings["similarity"].notna().mean() > 0.8  # the embedder's own measure
    summary = json.loads((tmp_path / "pool" / "summary.json").read_text("utf-8"))
    assert summary["signatures"]["zh-en"]["embedder"] == "use-multilingual-v3"
    serial = audit(feed, "-o", tmp_path / "serial", "--jobs", "1")
    assert serial.exit_code == 1
    sd, sf = tables(tmp_path / "serial")
    assert list(sf["codes"]) == list(findings["codes"])
    assert (sf["similarity"] - findings["similarity"]).abs().max() < 0.002
