"""Where tqcheck keeps its files: a folder an environment variable names, else the platform's user folder."""
from __future__ import annotations

import os
from pathlib import Path

#: The environment variable naming tqcheck's cache folder (embeddings, translations, prepared copies).
CACHE_ENV = "TQCHECK_CACHE_DIR"


def user_dir(env: str, kind: str) -> Path:
    """``$env`` if set, else platformdirs' user ``kind`` folder (``data`` or ``cache``) for tqcheck."""
    value = os.environ.get(env)
    if value:
        return Path(value).expanduser()
    import platformdirs

    folder = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    return Path(folder("tqcheck"))


def display_path(path: str | os.PathLike[str] | bytes) -> str:
    """``path`` as text any report, table or page can carry: the bytes of a file name that is not valid
    UTF-8 (POSIX names are bytes, which Python reads as surrogate escapes) as ``\\xNN``, any other lone
    surrogate as ``\\uNNNN``; no UTF-8 writer, JSON or HTML page accepts a lone surrogate."""
    raw = os.fspath(path)
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "backslashreplace")
    try:
        raw.encode("utf-8")
        return raw
    except UnicodeEncodeError:
        pass
    out = []
    for ch in raw:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)
