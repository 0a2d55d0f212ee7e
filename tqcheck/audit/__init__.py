"""Batch audits (``tqcheck audit``): many document pairs through the compare pipeline, in parallel,
locally or on a Dask cluster, with failures isolated, results written as they come and resumable.

    inputs (stream of jobs) -> runner (local processes or Dask) -> work (one document) -> store
    (journal, resume) -> aggregate (final tables, summary.json, dashboard.html)
"""
