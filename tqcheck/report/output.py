"""Formatters by name, and atomic writing (a report file is whole or absent, never half-written)."""
from __future__ import annotations

import os
import tempfile
from typing import Callable

from ..errors import TQCheckError
from ..result import Report
from . import BINARY_FORMATS, FORMAT_NAMES
from .base import RenderOptions
from .github import render_github
from .html_report import render_html
from .json_report import render_json, render_jsonl
from .junit import render_junit
from .sarif import render_sarif
from .table import render_csv, render_parquet
from .text_report import render_text

#: A formatter renders the whole report; text formats return str, binary ones bytes.
Formatter = Callable[[Report, RenderOptions], "str | bytes"]
FORMATTERS: dict[str, Formatter] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "parquet": render_parquet,
    "html": render_html,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}
if tuple(FORMATTERS) != FORMAT_NAMES or not BINARY_FORMATS <= set(FORMATTERS):
    raise RuntimeError(f"tqcheck.report.FORMAT_NAMES {FORMAT_NAMES} and FORMATTERS {tuple(FORMATTERS)} disagree")


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """The report in format ``fmt`` (one of FORMAT_NAMES)."""
    if fmt not in FORMATTERS:
        raise TQCheckError(f"unknown output format {fmt!r}; valid values: {', '.join(FORMATTERS)}")
    return FORMATTERS[fmt](report, options or RenderOptions())


def _existing_mode(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str, content: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over ``path``."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise TQCheckError(f"{path}: cannot write the report: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".tqcheck-", suffix=".tmp", dir=folder)
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); a report gets the mode a plain open() would give it.
        os.chmod(tmp, _existing_mode(path))
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
