"""Executors: run :func:`.work.audit_document` over a stream of jobs, with at most ``IN_FLIGHT`` jobs
per worker submitted at a time (so neither the input nor the results pile up), handing each result to
``on_result`` as it comes. In this process (``--jobs 1``), in a pool of local processes (``--jobs N``),
or on a Dask distributed cluster; the results are the same."""
from __future__ import annotations

import logging
import os
from typing import Any, Callable, Iterable, Iterator

from ..errors import UsageError
from .inputs import Job
from .work import RESULT_VERSION, WorkSettings, audit_document

OnResult = Callable[[dict[str, Any]], None]
#: Jobs submitted per worker ahead of the results: enough to keep every worker busy, few enough that
#: memory stays flat whatever the size of the feed.
IN_FLIGHT = 2
AUDIT_EXTRA = "pip install 'tqcheck[audit]'"


def _lost(job: Job, why: str) -> dict[str, Any]:
    """The result of a job whose worker died under it (crash, out of memory, killed)."""
    return {"v": RESULT_VERSION, "seq": job.seq, "id": job.id, "source_path": job.source_path,
            "target_path": job.target_path, "src_lang": job.src_lang, "tgt_lang": job.tgt_lang,
            "status": "failed", "error": why}


def run_serial(jobs: Iterable[Job], settings: WorkSettings, on_result: OnResult) -> None:
    for job in jobs:
        on_result(audit_document(job, settings))


def run_processes(jobs: Iterable[Job], settings: WorkSettings, workers: int, on_result: OnResult) -> None:
    """A pool of ``workers`` processes (spawned: no state inherited from this one); a worker that dies
    fails the documents it held, and the pool is started again for the rest."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    pending: Iterator[Job] = iter(jobs)
    limit = IN_FLIGHT * workers
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    inflight: dict[Future[dict[str, Any]], Job] = {}
    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < limit:
                job = next(pending, None)
                if job is None:
                    exhausted = True
                    break
                inflight[pool.submit(audit_document, job, settings)] = job
            if not inflight:
                break
            finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
            broken = False
            for future in sorted(finished, key=lambda f: inflight[f].seq):
                job = inflight.pop(future)
                try:
                    on_result(future.result())
                except BrokenProcessPool:
                    broken = True
                    on_result(_lost(job, "the worker process died while checking this document "
                                          "(crashed or ran out of memory)"))
            if broken:
                for future, job in sorted(inflight.items(), key=lambda kv: kv[1].seq):
                    on_result(_lost(job, "the worker process died while checking this document "
                                         "(crashed or ran out of memory)"))
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    finally:
        pool.shutdown(wait=not inflight, cancel_futures=True)


def dask_client(address: str | None, workers: int) -> Any:
    """A client of the scheduler at ``address``, or of a new local cluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(f"the Dask executor needs dask.distributed: {AUDIT_EXTRA}") from None
    if address:
        try:
            return Client(address, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    import dask

    # The workers' statistical profiler samples every thread's stack every 10 ms: a real cost for
    # CPU-bound Python like the pipeline, and nobody looks at it here.
    dask.config.set({"distributed.worker.profile.enabled": False,
                     "distributed.admin.system-monitor.gil.enabled": False})
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster)


def run_dask(jobs: Iterable[Job], settings: WorkSettings, client: Any, on_result: OnResult) -> None:
    """Submit jobs to the cluster, at most IN_FLIGHT per worker thread ahead of the results."""
    import uuid

    from distributed import as_completed

    threads = max(1, sum(client.nthreads().values()))
    limit = IN_FLIGHT * threads
    token = uuid.uuid4().hex[:12]
    pending = iter(jobs)
    inflight: dict[str, Job] = {}
    done = as_completed(with_results=False)

    def submit() -> bool:
        job = next(pending, None)
        if job is None:
            return False
        future = client.submit(audit_document, job, settings, key=f"tqcheck-audit-{token}-{job.seq}", pure=False)
        inflight[future.key] = job
        done.add(future)
        return True

    while len(inflight) < limit and submit():
        pass
    for future in done:
        job = inflight.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker that died (KilledWorker) or lost the task
            result = _lost(job, f"the Dask worker failed on this document: {type(exc).__name__}: {exc}")
        future.release()
        on_result(result)
        if len(inflight) < limit:
            submit()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
