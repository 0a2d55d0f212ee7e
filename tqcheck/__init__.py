"""tqcheck: find critical defects in machine-translated news by aligning a translation with its original."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .result import Report

__all__ = ["__version__", "compare", "compare_files", "Report"]


def __getattr__(name: str) -> Any:
    # The pipeline imports numpy and the checks; keep `import tqcheck` light until they are needed.
    if name in ("compare", "compare_files"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Report":
        from .result import Report

        return Report
    raise AttributeError(name)
