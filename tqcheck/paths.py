"""Where tqcheck keeps its files: a folder an environment variable names, else the platform's user folder."""
from __future__ import annotations

import os
from pathlib import Path


def user_dir(env: str, kind: str) -> Path:
    """``$env`` if set, else platformdirs' user ``kind`` folder (``data`` or ``cache``) for tqcheck."""
    value = os.environ.get(env)
    if value:
        return Path(value).expanduser()
    import platformdirs

    folder = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    return Path(folder("tqcheck"))


def display_path(path: str | os.PathLike[str] | bytes) -> str:
    """``path`` as text any report can carry: a file name that is not valid UTF-8 (POSIX names are
    bytes) gets its stray bytes escaped as ``\\xff`` instead of lone surrogates, which no UTF-8 writer,
    JSON or HTML page accepts."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")
