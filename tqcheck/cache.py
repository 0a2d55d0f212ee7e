"""On-disk cache of embeddings and translations, keyed by (kind, model, text), shared safely by processes.

One SQLite file in WAL mode: readers never block, writers queue on SQLite's own lock, so several
tqcheck processes (a CI matrix, ``xargs -P``) can share it. Values are raw float32 bytes or UTF-8 text,
never pickles, so a cache file from elsewhere cannot run code. Least-recently-used entries are evicted
once the cache grows past its size limit.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .errors import TQCheckWarning
from .paths import CACHE_ENV, user_dir

if TYPE_CHECKING:
    from .models.embedders import Embedder

#: Environment variables: where the cache lives and how large it may grow (in MB).
ENV_DIR = CACHE_ENV
ENV_MAX_MB = "TQCHECK_CACHE_MAX_MB"
DEFAULT_MAX_MB = 1024.0
DB_NAME = "cache.sqlite3"
KIND_EMBEDDING = "emb"
KIND_TRANSLATION = "tr"
#: How long a process waits for another one's write before giving up (seconds).
DEFAULT_TIMEOUT = 60.0
# Keys per SELECT: old SQLite builds allow only 999 bound variables.
_CHUNK = 900
# Per-entry bookkeeping (key, row and index overhead) counted against the limit with the value.
_ROW_OVERHEAD = 64
# A hit refreshes its access time only when it is older than this, so warm reads rarely write.
_TOUCH_AFTER = 60.0
# Eviction frees down to this fraction of the limit, so a full cache does not evict on every write.
_EVICT_TO = 0.9
_VEC_DTYPE = np.dtype("<f4")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key BLOB PRIMARY KEY,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    atime REAL NOT NULL,
    value BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_atime ON entries (atime);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta (name, value) VALUES ('bytes', 0);
"""


def default_cache_dir() -> Path:
    """``$TQCHECK_CACHE_DIR``, else the platform's user cache folder for tqcheck."""
    return user_dir(ENV_DIR, "cache")


def _default_max_mb() -> float:
    env = os.environ.get(ENV_MAX_MB)
    if env:
        try:
            return float(env)
        except ValueError:
            warnings.warn(f"{ENV_MAX_MB}={env!r} is not a number; using {DEFAULT_MAX_MB:g} MB", TQCheckWarning,
                          stacklevel=3)
    return DEFAULT_MAX_MB


def cache_key(kind: str, model: str, text: str) -> bytes:
    """16-byte digest of (kind, model, text); the NUL separators keep the three fields apart."""
    data = f"{kind}\x00{model}\x00{text}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(frozen=True)
class CacheStats:
    """What ``tqcheck cache info`` shows."""

    path: str
    entries: int
    bytes: int
    max_bytes: int
    by_kind: dict[str, int]
    #: the database file, its write-ahead log and shared memory, as the file system counts them
    disk_bytes: int = 0


class DiskCache:
    """A size-limited key-value store in one SQLite file; every method is safe across processes.

    A cache that cannot be opened or written (read-only folder, full disk, a lock held past
    ``timeout``) warns once and then behaves as empty: caching never makes a check fail.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str] | None = None,
        max_mb: float | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / DB_NAME
        self.max_bytes = int((max_mb if max_mb is not None else _default_max_mb()) * 1024 * 1024)
        self.timeout = timeout
        self._local = threading.local()
        self._warned = False
        self.readonly = False

    # -- connection -----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # One connection per process and thread: a connection inherited through fork() is unusable.
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        try:
            conn = self._open_writable()
            self.readonly = False
        except (sqlite3.Error, OSError) as exc:
            # A cache someone shared read-only (a CI image, a read-only mount) still serves reads.
            conn = self._open_readonly(exc)
            self.readonly = True
        self._local.conn = conn
        self._local.pid = os.getpid()
        return conn

    def _open_writable(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            # Both must be chosen before the first table exists. auto_vacuum lets eviction return pages;
            # 8 kB pages hold a 2 kB vector without overflow pages (writes measured 4-8x faster than 4 kB).
            conn.execute("PRAGMA page_size = 8192")
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # The write-ahead log counts against the size limit too: checkpoint it well before it
            # outgrows the cache, and cut it back to nothing after each checkpoint.
            pages = max(16, min(1000, self.max_bytes // (8 * 8192)))
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
            conn.execute("PRAGMA journal_size_limit = 0")
            with _transaction(conn):
                _create_schema(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_readonly(self, cause: Exception) -> sqlite3.Connection:
        if not self.path.is_file():
            raise cause
        last: Exception = cause
        # mode=ro still needs the write-ahead log's shared memory; immutable=1 reads the file as it is.
        for query in ("mode=ro", "immutable=1"):
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?{query}", uri=True, timeout=self.timeout,
                                   isolation_level=None, check_same_thread=False)
            try:
                conn.execute("SELECT 1 FROM entries LIMIT 1").fetchall()
            except sqlite3.Error as exc:
                conn.close()
                last = exc
                continue
            self._note(f"tqcheck cache {self.path} is read-only ({cause}); reading from it, adding nothing")
            return conn
        raise last

    def __getstate__(self) -> dict[str, object]:
        # Picklable for worker processes: they open their own connection.
        state = self.__dict__.copy()
        del state["_local"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._local = threading.local()

    def close(self) -> None:
        """Close this thread's connection (it reopens on next use)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            conn.close()
        self._local.conn = None

    def _note(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            warnings.warn(message, TQCheckWarning, stacklevel=4)

    def _failed(self, exc: Exception) -> None:
        self._note(f"tqcheck cache {self.path} is unusable, continuing without it: {exc} "
                   "(`tqcheck cache clear` starts it afresh)")

    # -- raw bytes ------------------------------------------------------------------------------

    def get_many(self, kind: str, model: str, texts: Sequence[str]) -> list[bytes | None]:
        """The cached value for each text, or None where there is none."""
        if not texts:
            return []
        keys = [cache_key(kind, model, t) for t in texts]
        try:
            found = self._select(keys)
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)
            return [None] * len(texts)
        return [found.get(k) for k in keys]

    def put_many(self, kind: str, model: str, items: Sequence[tuple[str, bytes]]) -> None:
        """Store (text, value) pairs; an existing entry for a text is kept (values are deterministic)."""
        if not items:
            return
        now = time.time()
        rows = []
        for text, value in items:
            key = cache_key(kind, model, text)
            rows.append((key, kind, value, len(key) + len(value) + _ROW_OVERHEAD, now))
        try:
            conn = self._connect()
            if self.readonly:
                return
            with _transaction(conn):
                # Inside the write lock, so no other process can add one of these keys meanwhile.
                present = _existing(conn, [r[0] for r in rows])
                fresh = list({r[0]: r for r in rows if r[0] not in present}.values())
                conn.executemany("INSERT INTO entries (key, kind, value, size, atime) VALUES (?, ?, ?, ?, ?)", fresh)
                total = _add_bytes(conn, sum(r[3] for r in fresh))
            if self._on_disk(conn) > self.max_bytes:
                self._shrink(conn, total)
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)

    def _on_disk(self, conn: sqlite3.Connection, log: bool = True) -> int:
        """What the cache really takes: the pages in use (entries, indexes, page slack) and the log."""
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        (free,) = conn.execute("PRAGMA freelist_count").fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
        wal = 0
        if log:
            try:
                wal = os.path.getsize(f"{self.path}-wal")
            except OSError:
                pass
        return int((pages - free) * size) + wal

    def _shrink(self, conn: sqlite3.Connection, total: int) -> None:
        """Evict the least recently used entries until the file, not only the entries' bytes, is
        back under the limit; then give the freed pages and the log back to the file system."""
        for _ in range(3):  # the page overhead per entry is measured, then corrected once or twice
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            used = self._on_disk(conn, log=False)
            if used <= self.max_bytes:
                break
            overhead = used / max(total, 1)  # bytes of pages per byte counted
            with _transaction(conn):
                total = _add_bytes(conn, 0)
                keep = int(self.max_bytes * _EVICT_TO / max(overhead, 1.0))
                _evict(conn, max(total - keep, 1))
                total = _add_bytes(conn, 0)
            conn.executescript("PRAGMA incremental_vacuum;")  # execute() would free one page only
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _select(self, keys: list[bytes]) -> dict[bytes, bytes]:
        conn = self._connect()
        found: dict[bytes, bytes] = {}
        stale: list[bytes] = []
        now = time.time()
        unique = list(dict.fromkeys(keys))
        for k in range(0, len(unique), _CHUNK):
            chunk = unique[k : k + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for key, value, atime in conn.execute(
                f"SELECT key, value, atime FROM entries WHERE key IN ({marks})", chunk
            ):
                found[key] = value
                if now - atime > _TOUCH_AFTER:
                    stale.append(key)
        if stale and not self.readonly:
            with _transaction(conn):
                for k in range(0, len(stale), _CHUNK):
                    chunk = stale[k : k + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    conn.execute(f"UPDATE entries SET atime = ? WHERE key IN ({marks})", [now, *chunk])
            if self._on_disk(conn) > self.max_bytes:  # the touched pages went to the log
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return found

    # -- typed helpers --------------------------------------------------------------------------

    def get_vectors(self, model: str, texts: Sequence[str]) -> list[np.ndarray | None]:
        """Cached float32 vectors of ``texts`` under ``model``."""
        return [None if v is None else np.frombuffer(v, dtype=_VEC_DTYPE) for v in
                self.get_many(KIND_EMBEDDING, model, texts)]

    def put_vectors(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store one row of ``vectors`` per text."""
        vecs = np.asarray(vectors, dtype=_VEC_DTYPE)
        self.put_many(KIND_EMBEDDING, model, [(t, vecs[i].tobytes()) for i, t in enumerate(texts)])

    def get_texts(self, model: str, texts: Sequence[str]) -> list[str | None]:
        """Cached translations of ``texts`` by ``model`` (which names the language pair)."""
        return [None if v is None else v.decode("utf-8", "surrogatepass") for v in
                self.get_many(KIND_TRANSLATION, model, texts)]

    def put_texts(self, model: str, texts: Sequence[str], outputs: Sequence[str]) -> None:
        """Store ``outputs[i]`` as the translation of ``texts[i]``."""
        self.put_many(KIND_TRANSLATION, model,
                      [(t, o.encode("utf-8", "surrogatepass")) for t, o in zip(texts, outputs, strict=True)])

    # -- maintenance ----------------------------------------------------------------------------

    def clear(self) -> int:
        """Remove every entry; returns how many there were. A cache file that cannot be read (not a
        database, damaged) is deleted with its log: clearing always leaves an empty cache."""
        if not self.path.exists():
            return 0
        try:
            conn = self._connect()
            if self.readonly:
                raise sqlite3.OperationalError("the cache is read-only")
            with _transaction(conn):
                (count,) = conn.execute("SELECT COUNT(*) FROM entries").fetchone()
                conn.execute("DELETE FROM entries")
                conn.execute("UPDATE meta SET value = 0 WHERE name = 'bytes'")
            conn.executescript("PRAGMA incremental_vacuum;")  # execute() would free one page only
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return int(count)
        except sqlite3.DatabaseError:
            self.close()
            self.remove_files()
            return 0

    def remove_files(self) -> None:
        """Delete the cache file, its log and its shared memory (they are recreated on next use).
        Raises OSError when they cannot be deleted (a read-only folder)."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass

    def stats(self) -> CacheStats:
        """Entries and bytes, in total and per kind, and the file's real size."""
        if not self.path.exists():
            return CacheStats(str(self.path), 0, 0, self.max_bytes, {})
        conn = self._connect()
        by_kind = dict(conn.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind").fetchall())
        (total,) = conn.execute("SELECT value FROM meta WHERE name = 'bytes'").fetchone()
        return CacheStats(str(self.path), sum(by_kind.values()), int(total), self.max_bytes, by_kind,
                          self.files_size())

    def files_size(self) -> int:
        """Bytes the cache's files take on disk (the database, its log and shared memory)."""
        size = 0
        for suffix in ("", "-wal", "-shm"):
            try:
                size += os.path.getsize(f"{self.path}{suffix}")
            except OSError:
                pass
        return size


def _create_schema(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA.strip().split(";"):
        if statement.strip():
            conn.execute(statement)


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    # IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking on upgrade.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _existing(conn: sqlite3.Connection, keys: list[bytes]) -> set[bytes]:
    found: set[bytes] = set()
    for k in range(0, len(keys), _CHUNK):
        chunk = keys[k : k + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in conn.execute(f"SELECT key FROM entries WHERE key IN ({marks})", chunk))
    return found


def _add_bytes(conn: sqlite3.Connection, delta: int) -> int:
    if delta:
        conn.execute("UPDATE meta SET value = value + ? WHERE name = 'bytes'", (delta,))
    (total,) = conn.execute("SELECT value FROM meta WHERE name = 'bytes'").fetchone()
    return int(total)


def _evict(conn: sqlite3.Connection, to_free: int) -> None:
    freed = 0
    while freed < to_free:
        rows = conn.execute("SELECT key, size FROM entries ORDER BY atime LIMIT 500").fetchall()
        if not rows:
            break
        batch = []
        for key, size in rows:
            batch.append(key)
            freed += size
            if freed >= to_free:
                break
        marks = ",".join("?" * len(batch))
        conn.execute(f"DELETE FROM entries WHERE key IN ({marks})", batch)
    _add_bytes(conn, -freed)


def clear_cache(directory: str | os.PathLike[str] | None = None) -> int:
    """``tqcheck cache clear``: empty the cache (default location unless ``directory``); returns entries removed."""
    return DiskCache(directory).clear()


def _embedder_id(embedder: object) -> str:
    explicit = getattr(embedder, "cache_id", None)
    if explicit:
        return str(explicit)
    cls = type(embedder)
    return f"{cls.__module__}.{cls.__qualname__}:{getattr(embedder, 'name', '')}"


class CachedEmbedder:
    """Wraps an ``Embedder`` so that only texts missing from the cache are embedded.

    The cache key uses the wrapped embedder's ``cache_id`` when it has one (a model fingerprint),
    else its class and name. ``hits`` and ``misses`` count texts, for reports and tests.
    """

    def __init__(self, embedder: Embedder, cache: DiskCache, model_id: str | None = None) -> None:
        self.embedder = embedder
        self.cache = cache
        self.name = embedder.name
        self.model_id = model_id or _embedder_id(embedder)
        self.hits = 0
        self.misses = 0

    def supports(self, lang: str) -> bool:
        return self.embedder.supports(lang)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.embedder.encode(texts)
        unique = list(dict.fromkeys(texts))
        vectors: dict[str, np.ndarray] = {}
        for text, vec in zip(unique, self.cache.get_vectors(self.model_id, unique)):
            if vec is not None:
                vectors[text] = vec
        missing = [t for t in unique if t not in vectors]
        if missing:
            fresh = np.asarray(self.embedder.encode(missing), dtype=np.float32)
            self.cache.put_vectors(self.model_id, missing, fresh)
            vectors.update(zip(missing, fresh))
        missed = set(missing)
        n_missed = sum(1 for t in texts if t in missed)
        self.misses += n_missed
        self.hits += len(texts) - n_missed
        return np.vstack([vectors[t] for t in texts]).astype(np.float32, copy=False)

    def encode_adjacent(self, texts: Sequence[str], sep: str) -> tuple[np.ndarray, np.ndarray]:
        """Each text and each text joined to the next: from the cache, the missing ones composed by the
        wrapped embedder (``encode_adjacent``) over the fewest sentences that hold them, and stored."""
        from .models.embedders import compose_missing

        joined = [texts[i] + sep + texts[i + 1] for i in range(len(texts) - 1)]
        if getattr(self.embedder, "encode_adjacent", None) is None:
            return self.encode(texts), self.encode(joined)
        wanted = list(dict.fromkeys([*texts, *joined]))
        found = {t: v for t, v in zip(wanted, self.cache.get_vectors(self.model_id, wanted)) if v is not None}
        fresh = {t: v for t, v in compose_missing(self.embedder, texts, sep, found.__contains__).items()
                 if t not in found}  # a run also recomputes cached neighbours: only the new ones are stored
        if fresh:
            self.cache.put_vectors(self.model_id, list(fresh), np.asarray(list(fresh.values()), dtype=np.float32))
            found.update(fresh)
        n_missed = sum(1 for t in (*texts, *joined) if t in fresh)
        self.misses += n_missed
        self.hits += len(texts) + len(joined) - n_missed
        singles = np.vstack([found[t] for t in texts]).astype(np.float32, copy=False)
        pairs = np.vstack([found[t] for t in joined]).astype(np.float32, copy=False) if joined else singles[:0]
        return singles, pairs
