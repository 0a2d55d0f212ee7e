"""Formatters by name, and atomic writing (a report file is whole or absent, never half-written)."""
from __future__ import annotations

import os
import tempfile
from typing import Callable

from ..errors import TQCheckError
from ..result import Report
from .json_report import render_json
from .text_report import render_text

Formatter = Callable[..., str]
FORMATTERS: dict[str, Formatter] = {"text": render_text, "json": render_json}


def write_atomic(path: str, content: str) -> None:
    """Write to a temporary file beside ``path`` and rename it over ``path``."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise TQCheckError(f"{path}: cannot write the report: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".tqcheck-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise TQCheckError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
