"""``tqcheck cache ...``: where the cache of translations and embeddings is, what it holds, and emptying it."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

import click

from .. import prepared
from ..errors import InputError
from ..guard import guarded

_CACHE_DIR_HELP = "Cache folder (default: $TQCHECK_CACHE_DIR, else the user cache folder)."
_KINDS = {"tr": "translations", "emb": "embeddings"}


def _size(n: int) -> str:
    """Bytes in binary units, as TQCHECK_CACHE_MAX_MB counts them: 512 B, 1.5 kB, 1.0 GB."""
    if n < 1024:
        return f"{n} B"
    value, unit = n / 1024, "kB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}"


def _open_cache(cache_dir: str | None) -> Any:
    from ..cache import DiskCache

    return DiskCache(cache_dir)


def _cache_call(cache: Any, method: str) -> Any:
    try:
        return getattr(cache, method)()
    except (sqlite3.Error, OSError) as exc:
        raise InputError(str(cache.path), f"cannot read the cache: {exc}; `tqcheck cache clear` starts it afresh") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cache() -> None:
    """Inspect or empty the cache of translations and embeddings."""


@cache.command()
@click.option("--cache-dir", metavar="DIR", type=click.Path(file_okay=False), help=_CACHE_DIR_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of text.")
@guarded
def info(cache_dir: str | None, as_json: bool) -> None:
    """Where the cache is, how many entries it holds, its size and its limit (TQCHECK_CACHE_MAX_MB, kept
    by the files on disk: entries, page slack and the write-ahead log)."""
    disk = _open_cache(cache_dir)
    stats = _cache_call(disk, "stats")
    copies, copies_bytes = prepared.usage(disk.directory)
    if as_json:
        click.echo(json.dumps({"folder": str(disk.directory), "file": stats.path, "entries": stats.entries,
                               "bytes": stats.bytes, "disk_bytes": stats.disk_bytes, "max_bytes": stats.max_bytes,
                               "by_kind": {_KINDS.get(k, k): v for k, v in sorted(stats.by_kind.items())},
                               "prepared": {"copies": copies, "bytes": copies_bytes}}))
        return
    kinds = ", ".join(f"{v} {_KINDS.get(k, k)}" for k, v in sorted(stats.by_kind.items(), key=lambda kv: kv[0]))
    click.echo(f"folder:  {disk.directory}")
    click.echo(f"entries: {stats.entries}" + (f" ({kinds})" if kinds else ""))
    click.echo(f"size:    {_size(stats.bytes)} ({stats.bytes} bytes) of entries, {_size(stats.disk_bytes)} on disk")
    click.echo(f"limit:   {_size(stats.max_bytes)} ({stats.max_bytes} bytes)")
    click.echo(f"prepared copies of the language libraries' data: {copies}, {_size(copies_bytes)} "
               f"(not counted in the limit; `tqcheck cache clear --prepared` deletes them)")


@cache.command()
@click.option("--cache-dir", metavar="DIR", type=click.Path(file_okay=False), help=_CACHE_DIR_HELP)
@click.option("--prepared", "with_prepared", is_flag=True,
              help="Also delete the prepared copies of the language libraries' data (rebuilt when next needed).")
@guarded
def clear(cache_dir: str | None, with_prepared: bool) -> None:
    """Remove every cached translation and embedding (a damaged cache file is deleted)."""
    disk = _open_cache(cache_dir)
    if with_prepared:
        try:
            n = prepared.remove_all(disk.directory)
        except OSError as exc:
            raise InputError(str(prepared.root_folder(disk.directory)),
                             f"cannot delete the prepared copies: {exc.strerror or exc}") from exc
        click.echo(f"removed {n} prepared {'copy' if n == 1 else 'copies'} from {prepared.root_folder(disk.directory)}")
    try:
        before = disk.stats()
    except (sqlite3.Error, OSError) as exc:
        try:
            disk.close()
            disk.remove_files()
        except OSError as err:
            raise InputError(str(disk.path), f"cannot read the cache ({exc}) nor delete it: "
                                             f"{err.strerror or err}") from err
        click.echo(f"the cache could not be read ({exc}); removed its files from {disk.directory}")
        return
    try:
        removed = disk.clear()
    except (sqlite3.Error, OSError) as exc:
        raise InputError(str(disk.path), f"cannot clear the cache: {exc}") from exc
    size = f" ({_size(before.bytes)})" if removed else ""
    click.echo(f"removed {removed} {'entry' if removed == 1 else 'entries'}{size} from {disk.directory}")