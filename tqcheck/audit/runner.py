"""Executors: run :func:`.work.audit_document` over a stream of jobs, with at most ``IN_FLIGHT`` jobs
per worker submitted at a time (so neither the input nor the results pile up), handing each result to
``on_result`` as it comes. In this process (``--jobs 1``), in a pool of local processes (``--jobs N``),
or on a Dask distributed cluster; the results are the same."""
from __future__ import annotations

import logging
import os
from typing import Any, Callable, Iterable, Iterator

from ..errors import UsageError
from ..processes import available_cores as default_jobs, worker_init
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


#: Memory a worker process takes (bytes): the pipeline, its models and one document; with the bundled
#: embedder (TensorFlow) a worker peaks near 800 MB on real news (scripts/bench_audit.py), without it
#: about 150 MB.
WORKER_MEMORY = {"with_embedder": 800 * 2**20, "without": 160 * 2**20}


def available_memory() -> int | None:
    """Bytes of memory available to new processes (Linux MemAvailable), or None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def cap_workers(requested: int, documents: int, embedder: str | None) -> tuple[int, str | None]:
    """The number of local worker processes to start for ``requested`` (--jobs): no more than the cores
    this process may use, than the memory available holds (at an estimate per worker) and than the
    documents to check. Returns it with a note saying why when it is fewer than requested."""
    cores = default_jobs()
    per_worker = WORKER_MEMORY["without" if embedder == "none" else "with_embedder"]
    memory = available_memory()
    by_memory = max(1, memory // per_worker) if memory is not None else requested
    workers = max(1, min(requested, cores, by_memory, max(1, documents)))
    if workers >= requested:
        return workers, None
    why = []
    if workers == cores:
        why.append(f"{cores} core(s)")
    if workers == by_memory and memory is not None:
        why.append(f"{memory / 2**30:.1f} GB of memory available at about {per_worker / 2**20:.0f} MB per worker")
    if workers == documents:
        why.append(f"{documents} document(s) to check")
    return workers, (f"--jobs {requested} capped to {workers} worker process(es): " + ", ".join(why or ["limits"]))


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

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_init,
                                   initargs=(os.getpid(),))

    pool = new_pool()
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
                pool = new_pool()
    finally:
        _stop(pool, wait=not inflight)


def _stop(pool: Any, wait: bool) -> None:
    """Shut the pool down; when not waiting for its work (interrupted), its workers are killed, so that
    none outlives the audit."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=wait, cancel_futures=True)
    if not wait:
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join(timeout=5)


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

