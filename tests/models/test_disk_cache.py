"""The disk cache: round trips, LRU size limit, clear, several processes at once, CachedEmbedder."""
from __future__ import annotations

import multiprocessing
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from tqcheck import cache as cache_mod
from tqcheck.cache import CachedEmbedder, DiskCache, clear_cache, default_cache_dir


def _vec(text: str, dim: int = 8) -> np.ndarray:
    rng = np.random.default_rng(zlib.crc32(text.encode("utf-8", "surrogatepass")))  # stable across processes
    return rng.standard_normal(dim).astype(np.float32)


class CountingEmbedder:
    name = "counting"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def supports(self, lang: str) -> bool:
        return lang != "xx"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if not texts:
            return np.zeros((0, 8), np.float32)
        return np.vstack([_vec(t) for t in texts])


def test_default_dir_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    assert DiskCache().path == tmp_path / "here" / "cache.sqlite3"


@pytest.mark.parametrize(
    "texts",
    [["a"], ["a", "b", "a"], ["", "  ", "新闻。", "emoji 🙂", "lone \udc80 surrogate"], [f"s{i}" for i in range(2500)]],
)
def test_vectors_and_texts_round_trip(tmp_path: Path, texts: list[str]) -> None:
    c = DiskCache(tmp_path)
    assert c.get_vectors("m", texts) == [None] * len(texts)
    uniq = list(dict.fromkeys(texts))
    c.put_vectors("m", uniq, np.vstack([_vec(t) for t in uniq]))
    c.put_texts("m", uniq, [t[::-1] for t in uniq])
    got = c.get_vectors("m", texts)
    for t, v in zip(texts, got):
        assert v is not None and v.dtype == np.float32
        np.testing.assert_array_equal(v, _vec(t))
    assert c.get_texts("m", texts) == [t[::-1] for t in texts]
    assert c.get_vectors("other-model", texts[:1]) == [None]  # keyed by model
    assert c.get_texts("m", ["missing"]) == [None]


def test_kinds_do_not_collide(tmp_path: Path) -> None:
    c = DiskCache(tmp_path)
    c.put_texts("m", ["x"], ["translated"])
    assert c.get_vectors("m", ["x"]) == [None]
    assert c.stats().by_kind == {"tr": 1}


def test_size_limit_evicts_least_recently_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_mod, "_TOUCH_AFTER", -1.0)  # every hit refreshes its access time
    # 512 kB on disk: about 180 entries of 2 kB (three to an 8 kB page, plus the indexes and schema)
    c = DiskCache(tmp_path, max_mb=0.5)
    old = [f"old{i}" for i in range(50)]
    mid = [f"mid{i}" for i in range(50)]
    c.put_many("emb", "m", [(t, b"x" * 2048) for t in old])
    c.put_many("emb", "m", [(t, b"x" * 2048) for t in mid])
    assert all(v is not None for v in c.get_many("emb", "m", old))  # old is now more recent than mid
    new = [f"new{i}" for i in range(100)]
    c.put_many("emb", "m", [(t, b"x" * 2048) for t in new])  # 200 entries: about 20 too many
    stats = c.stats()
    assert stats.bytes <= c.max_bytes
    assert stats.entries < 180
    gone = [v is None for v in c.get_many("emb", "m", mid)]
    assert any(gone)  # the least recently used batch pays (entries of one write share a time)
    assert all(v is not None for v in c.get_many("emb", "m", old + new))
    wal = Path(f"{c.path}-wal")
    assert c.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0) <= c.max_bytes


def test_size_limit_counts_the_files_on_disk(tmp_path: Path) -> None:
    """The limit holds for the database file and its log, not only for the bytes of the values:
    20 MB of vectors written through a 1 MB cache leave at most 1 MB of files."""
    c = DiskCache(tmp_path, max_mb=1)
    largest = 0
    for batch in range(40):
        c.put_many("emb", "m", [(f"t{batch}.{i}", bytes(2048)) for i in range(250)])
        wal = Path(f"{c.path}-wal")
        largest = max(largest, c.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0))
    assert largest <= c.max_bytes
    stats = c.stats()
    assert stats.entries > 150  # it still caches: about 300 entries fit
    assert stats.disk_bytes <= c.max_bytes + 64 * 1024  # the shared-memory index (32 kB) beside them
    assert all(v is not None for v in c.get_many("emb", "m", [f"t39.{i}" for i in range(250)]))


def test_clear(tmp_path: Path) -> None:
    c = DiskCache(tmp_path)
    c.put_texts("m", ["a", "b"], ["1", "2"])
    assert clear_cache(tmp_path) == 2
    assert c.get_texts("m", ["a"]) == [None]
    assert c.stats().entries == 0 and c.stats().bytes == 0
    assert DiskCache(tmp_path / "never-used").clear() == 0


def test_unusable_cache_warns_and_computes(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    emb = CountingEmbedder()
    cached = CachedEmbedder(emb, DiskCache(blocker / "sub"))
    with pytest.warns(RuntimeWarning, match="continuing without it"):
        out = cached.encode(["a", "b"])
    assert out.shape == (2, 8)


def test_cached_embedder_only_embeds_misses(tmp_path: Path) -> None:
    emb = CountingEmbedder()
    cached = CachedEmbedder(emb, DiskCache(tmp_path))
    assert cached.name == "counting" and cached.supports("en") and not cached.supports("xx")
    first = cached.encode(["a", "b", "a"])
    assert emb.calls == [["a", "b"]]  # duplicates embedded once
    second = cached.encode(["b", "c", "a"])
    assert emb.calls[-1] == ["c"]
    np.testing.assert_array_equal(second[0], first[1])
    np.testing.assert_array_equal(second[2], first[0])
    third = CachedEmbedder(CountingEmbedder(), DiskCache(tmp_path)).encode(["a", "b", "c"])  # a new process, say
    np.testing.assert_array_equal(third, np.vstack([_vec("a"), _vec("b"), _vec("c")]))
    assert cached.hits == 2 and cached.misses == 4  # counted per text: a, b, a, c missed; b, a hit
    assert cached.encode([]).shape == (0, 8)


def _worker(c: DiskCache, worker: int, rounds: int, queue: "multiprocessing.Queue[str]") -> None:
    try:
        for r in range(rounds):
            # Overlapping keys between workers, so they race on the same rows.
            texts = [f"t{(worker * 7 + r * 13 + i) % 400}" for i in range(40)]
            got = c.get_vectors("m", texts)
            for t, v in zip(texts, got):
                if v is not None and not np.array_equal(v, _vec(t)):
                    raise AssertionError(f"wrong vector for {t}")
            missing = [t for t, v in zip(texts, got) if v is None]
            c.put_vectors("m", missing, np.vstack([_vec(t) for t in missing]) if missing else np.zeros((0, 8)))
            c.put_texts("m", texts[:5], [t.upper() for t in texts[:5]])
        queue.put("ok")
    except BaseException as exc:  # report to the parent instead of dying silently
        queue.put(f"{type(exc).__name__}: {exc}")


def test_several_processes_share_the_cache(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")  # no fork of a process that has torch loaded
    queue = ctx.Queue()
    shared = DiskCache(tmp_path, max_mb=0.3, timeout=30)
    shared.get_texts("m", ["opened in the parent first"])
    procs = [ctx.Process(target=_worker, args=(shared, w, 25, queue)) for w in range(4)]  # pickled to each
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert results == ["ok"] * 4
    c = DiskCache(tmp_path, max_mb=0.3)
    stats = c.stats()
    assert 0 < stats.entries and stats.bytes <= c.max_bytes
    texts = [f"t{i}" for i in range(400)]
    for t, v in zip(texts, c.get_vectors("m", texts)):
        assert v is None or np.array_equal(v, _vec(t))
    # The byte counter matches the rows: no update was lost between processes.
    conn = c._connect()
    (real,) = conn.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()
    assert real == stats.bytes
