"""``tqcheck models ...`` and ``tqcheck cache ...`` through the real click commands, on the tiny packages
the fixtures build; TQCHECK_DATA_DIR and TQCHECK_CACHE_DIR point into tmp_path (conftest), and nothing
here can reach the network."""
from __future__ import annotations

import inspect
import json
import re
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tqcheck.cache import DB_NAME, DiskCache
from tqcheck.cli import main
from tqcheck.errors import ModelError
from tqcheck.models import manage
from tqcheck.models.translators import argos_dir


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def assert_one_line_error(result: Result, *needles: str) -> str:
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert "\n" not in err and err.startswith("tqcheck: error: "), err
    assert "Traceback" not in result.output and "internal error" not in err
    for needle in needles:
        assert needle in err, err
    return err


def installed_dirs() -> list[str]:
    packages = argos_dir() / "packages"
    return sorted(p.name for p in packages.iterdir()) if packages.exists() else []


# -- models ---------------------------------------------------------------------------------------


def test_env_points_into_tmp_path(tmp_path: Path) -> None:
    assert os.environ["TQCHECK_DATA_DIR"] == str(tmp_path / "data")
    assert os.environ["TQCHECK_CACHE_DIR"] == str(tmp_path / "cache")


def test_install_file_list_remove(argos_files: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    before = run("models", "list")
    assert before.exit_code == 0 and "zh-en" not in before.stdout
    assert "no translation package is installed" in before.stderr

    result = run("models", "install-file", str(argos_files[("zh", "en")]))
    assert result.exit_code == 0, result.output
    dest = tmp_path / "data" / "argos" / "packages" / "translate-zh_en-1_0"
    assert result.stdout == f"installed zh-en 1.0 in {dest}\n"
    assert (dest / "metadata.json").is_file() and (dest / "model" / "model.bin").is_file()
    assert installed_dirs() == ["translate-zh_en-1_0"]

    listed = run("models", "list")
    assert listed.exit_code == 0 and listed.stderr == ""
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["KIND", "NAME", "VERSION", "PATH"]
    row = next(line for line in lines if " zh-en " in line)
    assert row.split()[:4] == ["translate", "zh-en", "1.0", str(dest)] and "Chinese -> English" in row
    assert any(line.split()[:2] == ["embedder", "use"] for line in lines)  # the bundled embedder

    as_json = run("models", "list", "--json")
    assert as_json.exit_code == 0
    entries = json.loads(as_json.stdout)
    (zh_en,) = [e for e in entries if e["kind"] == "translate"]
    assert zh_en == {"kind": "translate", "name": "zh-en", "version": "1.0", "path": str(dest),
                     "note": "Chinese -> English", "from_code": "zh", "to_code": "en"}
    assert any(e["kind"] == "embedder" and e["name"] == "use" for e in entries)

    removed = run("models", "remove", "zh", "en")
    assert removed.exit_code == 0, removed.output
    assert removed.stdout == f"removed zh-en 1.0 from {dest}\n"
    assert not dest.exists() and installed_dirs() == []
    assert "zh-en" not in run("models", "list").stdout

    again = run("models", "remove", "zh", "en")
    assert_one_line_error(again, "no argostranslate package zh-en is installed", "installed: none")


def test_install_file_replaces_and_remove_names_what_is_left(argos_files: dict[tuple[str, str], Path]) -> None:
    for pair in (("zh", "en"), ("en", "de"), ("zh", "en")):
        assert run("models", "install-file", str(argos_files[pair])).exit_code == 0
    assert installed_dirs() == ["translate-en_de-1_0", "translate-zh_en-1_0"]
    assert_one_line_error(run("models", "remove", "de", "en"), "de-en", "installed: en-de, zh-en")
    assert installed_dirs() == ["translate-en_de-1_0", "translate-zh_en-1_0"]  # nothing else touched


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


_COMPLETE = {
    "p/metadata.json": b'{"type": "translate", "from_code": "zh", "to_code": "en"}',
    "p/model/model.bin": b"A" * 4000,
    "p/sentencepiece.model": b"sp",
}


def _bad_file(kind: str, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / f"{kind}.argosmodel"
    if kind == "missing":
        return path, "no such file"
    if kind == "folder":
        path.mkdir()
        return path, "is a folder"
    if kind == "text":
        path.write_text("not a zip at all\n")
        return path, "it must be a zip archive"
    if kind == "truncated":
        data = _zip(tmp_path / "whole.zip", _COMPLETE).read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return path, "it must be a zip archive"
    if kind == "no-metadata":
        _zip(path, {"p/README.md": b"x", "p/model/model.bin": b"x"})
        return path, "no p/metadata.json in the archive"
    if kind == "bad-metadata":
        _zip(path, {"p/metadata.json": b"{nope"})
        return path, "not valid JSON"
    if kind == "corrupt":  # a well-formed zip whose model.bin bytes no longer match their CRC
        data = _zip(path, _COMPLETE).read_bytes()
        path.write_bytes(data.replace(b"A" * 4000, b"B" * 4000))
        return path, "damaged .argosmodel archive"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["missing", "folder", "text", "truncated", "no-metadata", "bad-metadata", "corrupt"])
def test_install_file_bad_input(kind: str, tmp_path: Path) -> None:
    path, problem = _bad_file(kind, tmp_path)
    result = run("models", "install-file", str(path))
    err = assert_one_line_error(result, problem)
    assert err.startswith(f"tqcheck: error: {path}: ")  # names the file first
    assert result.stdout == ""
    assert installed_dirs() == []  # nothing half-installed
    leftovers = [p for p in (argos_dir() / "cache").rglob("*") if p.name != "downloads"]
    assert leftovers == []  # no staging folder left behind


def test_install_offline_fails_fast_with_install_file_hint(monkeypatch: pytest.MonkeyPatch,
                                                           no_network: list[str]) -> None:
    calls: list[tuple[str, float]] = []

    def offline(url: str, timeout: float) -> bytes:
        calls.append((url, timeout))
        # what urllib raises when the name cannot be resolved
        raise urllib.error.URLError(socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"))

    monkeypatch.setattr(manage, "_fetch", offline)
    t0 = time.perf_counter()
    result = run("models", "install", "xx", "yy")
    assert time.perf_counter() - t0 < 5
    err = assert_one_line_error(result, "cannot read argostranslate's package index",
                                "Temporary failure in name resolution",
                                "tqcheck models install-file PATH.argosmodel")
    assert "index.json" in err
    assert result.stdout == ""
    assert [t for _, t in calls] == [manage.INDEX_TIMEOUT]
    assert no_network == []  # the fake fetch stood in for the network
    assert installed_dirs() == []

    calls.clear()
    assert run("models", "install", "xx", "yy", "--timeout", "2.5").exit_code == 2
    assert [t for _, t in calls] == [2.5]


def test_real_index_fetch_has_a_short_timeout(monkeypatch: pytest.MonkeyPatch, no_network: list[str]) -> None:
    assert 0 < manage.INDEX_TIMEOUT <= 15 and 0 < manage.DOWNLOAD_TIMEOUT <= 60
    assert inspect.signature(manage.install).parameters["timeout"].default == manage.INDEX_TIMEOUT
    assert inspect.signature(manage.available_packages).parameters["timeout"].default == manage.INDEX_TIMEOUT
    seen: list[object] = []

    def urlopen(req: urllib.request.Request, timeout: float | None = None) -> None:
        seen.append(timeout)
        raise urllib.error.URLError(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    with pytest.raises(ModelError, match="install-file"):
        manage.install("xx", "yy")  # the real _fetch, with urlopen faked
    assert seen == [manage.INDEX_TIMEOUT]


def test_models_help_lists_the_subcommands() -> None:
    result = run("models", "--help")
    assert result.exit_code == 0
    for name in ("list", "install", "install-file", "remove"):
        assert f"  {name} " in result.stdout


# -- cache ----------------------------------------------------------------------------------------


def _populate(directory: Path | None = None, n: int = 3) -> DiskCache:
    cache = DiskCache(directory)
    cache.put_texts("argos:zh-en", [f"句子{i}" for i in range(n)], [f"sentence {i}" for i in range(n)])
    cache.close()
    return cache


def test_cache_info_and_clear(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    empty = run("cache", "info")
    assert empty.exit_code == 0 and f"folder:  {folder}\n" in empty.stdout and "entries: 0\n" in empty.stdout

    cache = _populate()
    stats = cache.stats()
    assert stats.entries == 3 and stats.path == str(folder / DB_NAME)

    info = run("cache", "info")
    assert info.exit_code == 0, info.output
    lines = info.stdout.splitlines()
    assert lines[:2] + lines[3:] == [
        f"folder:  {folder}",
        "entries: 3 (3 translations)",
        f"limit:   1.0 GB ({1024 ** 3} bytes)",
        "prepared copies of the language libraries' data: 0, 0 B (not counted in the limit; "
        "`tqcheck cache clear --prepared` deletes them)",
    ]
    # the files' size depends on whether SQLite's log and shared memory are open at that moment
    assert re.fullmatch(rf"size:    {stats.bytes} B \({stats.bytes} bytes\) of entries, \d+\.\d kB on disk", lines[2])
    as_json = json.loads(run("cache", "info", "--json").stdout)
    assert as_json.pop("disk_bytes") >= (folder / DB_NAME).stat().st_size > 0
    assert as_json == {"folder": str(folder), "file": str(folder / DB_NAME), "entries": 3, "bytes": stats.bytes,
                       "max_bytes": 1024 ** 3, "by_kind": {"translations": 3},
                       "prepared": {"copies": 0, "bytes": 0}}

    cleared = run("cache", "clear")
    assert cleared.exit_code == 0, cleared.output
    assert cleared.stdout == f"removed 3 entries ({stats.bytes} B) from {folder}\n"
    after = DiskCache().stats()
    assert (after.entries, after.bytes) == (0, 0)
    assert DiskCache().get_texts("argos:zh-en", ["句子0"]) == [None]
    assert "entries: 0\n" in run("cache", "info").stdout

    assert run("cache", "clear").stdout == f"removed 0 entries from {folder}\n"


def test_cache_limit_follows_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_MAX_MB", "2.5")
    assert "limit:   2.5 MB (2621440 bytes)" in run("cache", "info").stdout


def test_cache_dir_option(tmp_path: Path) -> None:
    other = tmp_path / "other"
    _populate(other, n=2)
    _populate(n=5)  # the default folder, from TQCHECK_CACHE_DIR
    assert "entries: 2 (2 translations)" in run("cache", "info", "--cache-dir", str(other)).stdout
    cleared = run("cache", "clear", "--cache-dir", str(other))
    assert cleared.exit_code == 0 and cleared.stdout.startswith("removed 2 entries (")
    assert cleared.stdout.endswith(f" from {other}\n")
    assert DiskCache(other).stats().entries == 0
    assert DiskCache().stats().entries == 5  # the other cache is untouched


def test_clear_on_missing_cache_creates_nothing(tmp_path: Path) -> None:
    result = run("cache", "clear")
    assert result.exit_code == 0 and result.stdout == f"removed 0 entries from {tmp_path / 'cache'}\n"
    assert not (tmp_path / "cache").exists()


def test_unreadable_cache_is_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not an SQLite database" * 100)
    (folder / f"{DB_NAME}-wal").write_bytes(b"junk")
    assert_one_line_error(run("cache", "info"), str(folder / DB_NAME), "cannot read the cache", "cache clear")


def test_clear_always_clears_a_damaged_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not an SQLite database" * 100)
    (folder / f"{DB_NAME}-wal").write_bytes(b"junk")
    cleared = run("cache", "clear")
    assert cleared.exit_code == 0, cleared.output
    assert cleared.stdout == f"the cache could not be read (file is not a database); removed its files from {folder}\n"
    assert not list(folder.iterdir())
    _populate(n=2)  # and it works again
    assert DiskCache(folder).stats().entries == 2


def test_entry_point_in_a_subprocess(tmp_path: Path) -> None:
    _populate(n=4)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "tqcheck.cli", "cache", "clear"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("removed 4 entries (") and proc.stdout.endswith(f" from {tmp_path / 'cache'}\n")
    proc = subprocess.run([sys.executable, "-m", "tqcheck.cli", "models", "remove", "xx", "yy"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "no argostranslate package xx-yy" in proc.stderr
