"""Formatters by name, and atomic writing (a report file is whole or absent, never half-written)."""
from __future__ import annotations

import os
import stat
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


#: ``-o -``: the report goes to standard output.
STDOUT = "-"

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def output_target(path: str) -> str:
    """The regular file a report for ``path`` is written to, checked before any work is done.

    Reports go only to regular files (or ``-``, standard output): a device, a pipe, a socket or a
    folder at ``path`` is refused, so ``-o /dev/null`` can never replace the system's device node. A
    symlink to a regular file is written through (the report lands at the link's target and the link
    stays); a symlink to anything else, or to nothing, is refused. Raises TQCheckError naming ``path``.
    """
    try:
        st = os.stat(path)  # follows symlinks: what would really be replaced
    except FileNotFoundError:
        if os.path.islink(path):
            raise TQCheckError(f"{path}: cannot write the report: it is a symlink to a missing file "
                               f"({os.readlink(path)}); remove the link or name another file") from None
        st = None
    except OSError as exc:
        raise TQCheckError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        raise TQCheckError(f"{path}: cannot write the report: it is {kind}; reports are written only to "
                           f"regular files (or '-o -' for standard output)")
    target = os.path.realpath(path) if os.path.islink(path) else path
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise TQCheckError(f"{path}: cannot write the report: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TQCheckError(f"{path}: cannot write the report: folder {folder} is not writable")
    return target


def write_atomic(path: str, content: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over ``path``.

    The report is whole or absent: the temporary file is removed on any error, on Ctrl-C and on
    SIGTERM (the CLI turns SIGTERM into an exception, so this cleanup runs). See ``output_target``
    for what ``path`` may be.
    """
    target = output_target(path)
    folder = os.path.dirname(os.path.abspath(target))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tqcheck-", suffix=".tmp", dir=folder)
        data = content.encode("utf-8", "backslashreplace") if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); a report gets the mode a plain open() would give it.
        os.chmod(tmp, _existing_mode(target))
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise TQCheckError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
