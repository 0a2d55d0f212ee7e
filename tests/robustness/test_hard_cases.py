"""Hard cases at the edges of ``tqcheck compare``: where a report may be written, file names that are
not UTF-8, signals while writing, streams that are closed, full or in a legacy codec, pipes with no
writer, conflicting options, oversized glossaries and configs, and caches that are damaged or
read-only. Every refused case is one ``tqcheck: error:`` line and exit 2, with nothing left behind.

Device nodes and FIFOs are made under the test's own temporary folder, never the system's.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from tqcheck.cli import main

ZH = "日本政府宣布对俄罗斯实施新一轮制裁。普京表示，日本仍在使用俄罗斯的电力。\n"
EN = ("The Japanese government announced a new round of sanctions on Russia. "
      "Putin said Japan was still using Russian electricity.\n")


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TQCHECK_DEBUG", raising=False)
    src, out = tmp_path / "src.zh.txt", tmp_path / "out.en.txt"
    src.write_text(ZH, encoding="utf-8")
    out.write_text(EN, encoding="utf-8")
    return src, out


def _compare(src: Path, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, ["compare", str(src), str(out), "--embedder", "none", *extra])


def _one_error(result: Any, *needles: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error: "), result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _debris(folder: Path) -> list[Path]:
    return list(folder.glob(".tqcheck-*"))


# -- where a report may go --------------------------------------------------------------------------


def test_report_to_a_fifo_is_refused_and_the_fifo_stays(pair: tuple[Path, Path], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _one_error(_compare(*pair, "-o", str(fifo)), str(fifo), "a pipe (FIFO)", "regular files")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not _debris(tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_report_to_a_device_node_is_refused_and_the_node_stays(pair: tuple[Path, Path], tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    _one_error(_compare(*pair, "-o", str(node)), str(node), "a character device")
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_report_to_a_symlink_to_a_stream_is_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    link = tmp_path / "stdout-link"
    os.symlink("/proc/self/fd/0", link)  # stdin of the test process: a pipe or a terminal, never a file
    target_kind = os.stat(link).st_mode
    if stat.S_ISREG(target_kind):
        pytest.skip("stdin of this test run is a regular file")
    _one_error(_compare(*pair, "-o", str(link)), str(link), "cannot write the report")
    assert link.is_symlink()


def test_report_through_a_symlink_lands_at_its_target(pair: tuple[Path, Path], tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    os.symlink(real, link)
    result = _compare(*pair, "-f", "json", "-o", str(link))
    assert result.exit_code in (0, 1), result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["schema_version"] == "1.0"
    assert not _debris(tmp_path) and not _debris(real.parent)


def test_report_to_a_dangling_symlink_or_a_folder_is_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    link = tmp_path / "dangling.json"
    os.symlink(tmp_path / "nowhere" / "x.json", link)
    _one_error(_compare(*pair, "-o", str(link)), str(link), "symlink to a missing file")
    _one_error(_compare(*pair, "-o", str(tmp_path)), "it is a directory")


def test_dash_writes_to_stdout(pair: tuple[Path, Path], tmp_path: Path) -> None:
    result = _compare(*pair, "-f", "json", "-o", "-")
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["schema_version"] == "1.0"
    assert not (tmp_path / "-").exists()


def test_unwritable_folder_is_one_line_and_leaves_nothing(pair: tuple[Path, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import tqcheck.report.output as output

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)  # root writes anywhere: simulate it
    for option in ("-o", "--write-baseline"):
        _one_error(_compare(*pair, option, str(tmp_path / "r.json")), "r.json", "cannot write the report",
                   "Permission denied")
    assert not (tmp_path / "r.json").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_refused_before_the_work(pair: tuple[Path, Path], tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _one_error(_compare(*pair, "-o", str(folder / "r.json")), "is not writable")
    finally:
        folder.chmod(0o755)


# -- processes: names, signals, streams ---------------------------------------------------------------

DRIVER = textwrap.dedent("""
    import os, signal, sys
    import tqcheck.report.output as output
    from tqcheck.cli import main
    real_fsync = os.fsync
    def fsync_then_signal(fd):
        real_fsync(fd)
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    output.os.fsync = fsync_then_signal
    main(sys.argv[2:], prog_name="tqcheck")
""")


def _tqcheck(*args: str | bytes, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", **kwargs.pop("env", {})}
    env.pop("TQCHECK_DEBUG", None)
    if "stdout" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run([sys.executable, "-m", "tqcheck.cli", *args], env=env, timeout=180, **kwargs)


@pytest.mark.parametrize("sig,code,says", [("SIGTERM", 143, "terminated"), ("SIGINT", 130, "interrupted")])
def test_signal_while_the_report_is_written_leaves_no_debris(pair: tuple[Path, Path], tmp_path: Path,
                                                              sig: str, code: int, says: str) -> None:
    src, out = pair
    report = tmp_path / "report.json"
    report.write_text("previous", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", DRIVER, sig, "compare", str(src), str(out), "--embedder", "none",
                           "-f", "json", "-o", str(report)], capture_output=True, timeout=180, cwd=tmp_path,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert proc.returncode == code, proc.stderr
    assert proc.stderr.decode().strip() == f"tqcheck: {says}"
    assert report.read_text(encoding="utf-8") == "previous"
    assert not _debris(tmp_path)


def test_file_names_that_are_not_utf8_reach_every_report(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    src = folder + b"/bad\xffname.zh.txt"
    with open(src, "wb") as fh:
        fh.write(ZH.encode())
    # a finding on the source side, so that the finding-only formats (github) name the source too
    (tmp_path / "out.en.txt").write_text(EN.replace("on Russia", "on **"), encoding="utf-8")
    for fmt in ("json", "sarif", "html", "csv", "junit", "github", "text"):
        report = tmp_path / f"report.{fmt}"
        proc = _tqcheck(b"compare", src, os.fsencode(tmp_path / "out.en.txt"), b"--embedder", b"none",
                        b"-f", fmt.encode(), b"-o", os.fsencode(report))
        assert proc.returncode in (0, 1), proc.stderr
        text = report.read_bytes().decode("utf-8")  # valid UTF-8 whatever the name
        # the stray byte shown as \xff (JSON doubles the backslash, a SARIF URI percent-encodes it)
        assert any(form in text for form in ("bad\\xffname", "bad\\\\xffname", "bad%5Cxffname")), fmt
    proc = _tqcheck(b"compare", src, os.fsencode(tmp_path / "out.en.txt"), b"--embedder", b"none", b"-f", b"json")
    assert json.loads(proc.stdout)["source"]["path"].endswith("bad\\xffname.zh.txt")


def test_full_or_closed_stdout_is_one_line(pair: tuple[Path, Path]) -> None:
    src, out = pair
    with open("/dev/full", "wb") as full:
        proc = _tqcheck("compare", str(src), str(out), "--embedder", "none", stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == ("tqcheck: error: cannot write the report to standard output: "
                                            "no space left on the device")
    closed = subprocess.run(f'"{sys.executable}" -m tqcheck.cli compare "{src}" "{out}" --embedder none >&-',
                            shell=True, capture_output=True, timeout=180)
    assert closed.returncode == 2
    assert closed.stderr.decode().strip() == ("tqcheck: error: standard output is closed: pass -o FILE to write "
                                              "the report")


def test_report_is_utf8_whatever_the_locale(pair: tuple[Path, Path]) -> None:
    src, out = pair
    proc = _tqcheck("compare", str(src), str(out), "--embedder", "none", "--exit-zero",
                    env={"PYTHONIOENCODING": "cp1252", "LC_ALL": "C"})
    assert proc.returncode == 0, proc.stderr
    assert "日本政府" in proc.stdout.decode("utf-8")


def test_a_pipe_nothing_writes_to_is_refused(pair: tuple[Path, Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import tqcheck.read.reader as reader

    monkeypatch.setattr(reader, "PIPE_WAIT", 0.3)
    fifo = tmp_path / "silent.en.txt"
    os.mkfifo(fifo)
    _one_error(_compare(pair[0], fifo), str(fifo), "nothing wrote to")


def test_a_pipe_with_a_writer_is_read(pair: tuple[Path, Path]) -> None:
    src, out = pair
    proc = subprocess.run(f'"{sys.executable}" -m tqcheck.cli compare "{src}" <(cat "{out}") --embedder none '
                          "-f json --exit-zero", shell=True, executable="/bin/bash", capture_output=True,
                          timeout=180, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["pairs"]) == 2


def test_conflicting_modes_fail(pair: tuple[Path, Path]) -> None:
    _one_error(_compare(*pair, "--aligned", "--sentences-per-line"), "--aligned", "--sentences-per-line")


# -- glossaries and configs --------------------------------------------------------------------------


def test_glossary_cell_over_the_csv_limit_names_the_row(pair: tuple[Path, Path], tmp_path: Path) -> None:
    for name, body in (("g.csv", 'source,target\n日本,"Japan\n' + "x" * 140_000 + "\n"),
                       ("g.tsv", "source\ttarget\n日本\t" + "x" * 140_000 + "\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
        _one_error(_compare(*pair, "--glossary", name), f"{name}:2", "row 2", "characters")  # where it starts


def test_glossary_term_over_the_limit(pair: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "g.tsv").write_text("source\ttarget\n日本\tJapan\n俄罗斯\t" + "R" * 5_000 + "\n", encoding="utf-8")
    _one_error(_compare(*pair, "--glossary", "g.tsv"), "g.tsv:3", "5,000 characters", "1,000")


def test_config_nested_too_deep_names_the_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text("select = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    _one_error(_compare(*pair, "--config", "deep.toml"), "deep.toml", "nested too deeply")


# -- the cache ----------------------------------------------------------------------------------------


def test_read_only_cache_serves_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.cache import DiskCache

    writer = DiskCache(tmp_path)
    writer.put_vectors("m", ["a", "b"], np.ones((2, 4)))
    writer.close()

    def read_only(self: DiskCache) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(DiskCache, "_open_writable", read_only)  # root writes anywhere: simulate it
    reader = DiskCache(tmp_path)
    with pytest.warns(RuntimeWarning, match="read-only"):
        got = reader.get_vectors("m", ["a", "b", "c"])
    assert reader.readonly
    assert got[2] is None and np.array_equal(got[0], np.ones(4, dtype=np.float32))
    reader.put_vectors("m", ["c"], np.zeros((1, 4)))  # quietly not stored
    monkeypatch.undo()
    assert DiskCache(tmp_path).get_vectors("m", ["c"]) == [None]


def test_cache_warning_is_a_note_and_quiet_silences_it(pair: tuple[Path, Path], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "cache"
    broken.mkdir()
    (broken / "cache.sqlite3").write_bytes(b"not a database" * 1000)
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(broken))
    loud = _compare(*pair, "--embedder", "use", "--exit-zero")
    assert loud.exit_code == 0, loud.output
    notes = [line for line in loud.stderr.splitlines() if "cache" in line]
    assert notes == [f"tqcheck: note: tqcheck cache {broken / 'cache.sqlite3'} is unusable, continuing without it: "
                     "file is not a database (`tqcheck cache clear` starts it afresh)"]
    quiet = _compare(*pair, "--embedder", "use", "--exit-zero", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
