"""The language libraries' own data, prepared once into a form that opens fast, kept in the user's cache folder.

Some dictionaries the checks use ship in a form that is slow to open on every run: jieba's prefix
dictionary (a marshal of half a million Chinese strings, 0.6 s), py3langid's model (an LZMA archive, 0.35 s
to decompress), pykakasi's kanji readings (one 10 MB pickle, 0.4 s, for the few characters a document
looks up), simplemma's dictionaries (front-coded streams decoded whole: German 0.9 s). The first run that
needs one writes a prepared copy under ``<cache folder>/prepared/``; later runs open that copy.

This is not the cache ``--no-cache`` turns off: that one holds results that depend on the input
(embeddings, translations); this holds the libraries' data, rebuilt from them, and is used either way.
A prepared copy is named after the library's files (path, size, modification time), so a new version of
a library gets a new copy, which replaces the old one; installations that share a cache folder (two virtual
environments, two checkouts) each keep their own. Nothing here is a pickle: arrays are ``.npy`` files read without pickles,
tables are text or SQLite. A cache folder that cannot be written makes the caller load the library's
data its own way.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from .paths import CACHE_ENV as ENV_DIR, user_dir

#: Bumped when the layout of a prepared copy changes.
FORMAT = 1


#: A copy's folder: its name, then the digest of what it was built from.
_FOLDER = re.compile(r"(.+)-[0-9a-f]{20}")


def root_folder(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where prepared copies are kept: ``prepared/`` in the cache folder."""
    return (Path(cache_dir) if cache_dir else user_dir(ENV_DIR, "cache")) / "prepared"


def usage(cache_dir: str | os.PathLike[str] | None = None) -> tuple[int, int]:
    """How many prepared copies there are, and their size on disk in bytes."""
    root = root_folder(cache_dir)
    copies = [p for p in root.iterdir() if p.is_dir() and _FOLDER.fullmatch(p.name)] if root.is_dir() else []
    size = sum(f.stat().st_size for p in copies for f in p.rglob("*") if f.is_file() and f.name != _SOURCES)
    return len(copies), size


def remove_all(cache_dir: str | os.PathLike[str] | None = None) -> int:
    """Delete every prepared copy (the next run that needs one builds it again); how many there were."""
    root = root_folder(cache_dir)
    if not root.is_dir():
        return 0
    copies = [p for p in root.iterdir() if p.is_dir() and _FOLDER.fullmatch(p.name)]
    for p in copies:
        shutil.rmtree(p)
    return len(copies)


#: In each copy, the library files it was built from, one path a line: what tells an old version of this
#: installation's library (replaced, so its copy goes) from another installation's (its copy stays).
_SOURCES = ".sources"


def _remove_stale(root: Path, name: str, keep: Path, paths: str) -> None:
    """Copies of ``name`` built from other versions of the same library files: a new version left them unused.
    Copies of another installation's files (another virtual environment, another checkout sharing the cache
    folder) are theirs: removed, each would rebuild its copy on every run after the other's."""
    for p in root.iterdir():
        m = _FOLDER.fullmatch(p.name)
        if m and m.group(1) == name and p != keep:
            try:
                theirs = (p / _SOURCES).read_text(encoding="utf-8", errors="surrogateescape")
            except OSError:
                theirs = paths  # a copy from before the record was kept: it is replaced
            if theirs == paths:
                shutil.rmtree(p, ignore_errors=True)


def prepared(name: str, sources: Sequence[Path], build: Callable[[Path], None]) -> Path | None:
    """The folder holding ``name`` prepared from the library files ``sources``, which ``build(folder)``
    fills on first use; None when it cannot be written (read-only or full disk)."""
    stamp = [name, str(FORMAT)]
    paths = []
    try:
        for source in sources:
            st = source.stat()
            paths.append(str(source.resolve()))
            stamp += [paths[-1], str(st.st_size), str(st.st_mtime_ns)]
    except OSError:
        return None  # the library's layout changed: the caller loads the data its own way, or fails there
    digest = hashlib.blake2b("\x00".join(stamp).encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()
    root = user_dir(ENV_DIR, "cache") / "prepared"
    folder = root / f"{name}-{digest}"
    if folder.is_dir():
        return folder
    tmp: str | None = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.mkdtemp(dir=root, prefix=f".{name}-")
        build(Path(tmp))
        record = "\n".join(paths)
        Path(tmp, _SOURCES).write_text(record, encoding="utf-8", errors="surrogateescape")
        os.rename(tmp, folder)  # atomic: a reader sees no folder or a whole one
        tmp = None
        _remove_stale(root, name, folder, record)
    except OSError:
        pass  # another process got there first (the rename fails onto its folder), or no room
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return folder if folder.is_dir() else None
