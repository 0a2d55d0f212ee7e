"""Batch audits (``tqcheck audit``): many document pairs through the compare pipeline, in parallel,
locally or on a Dask cluster, with failures isolated, results written as they come and resumable.

    inputs (stream of jobs) -> runner (local processes or Dask) -> work (one document) -> store
    (journal, resume) -> aggregate (final tables, summary.json, dashboard.html)
"""
from __future__ import annotations

#: Where the documents are checked (``--executor``), the default first. Kept here, free of imports, so
#: that the CLI can offer the names without loading the executors.
EXECUTORS = ("local", "dask")
#: How many worst documents summary.json and the dashboard list (``--worst``).
DEFAULT_WORST = 20
#: Seconds between two plain progress lines (``--progress-every``).
PROGRESS_EVERY = 10.0
#: Table formats written besides parquet (``--format``).
EXTRA_FORMATS = ("csv", "jsonl")
