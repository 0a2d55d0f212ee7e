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
