"""The progress bar of a comparison: per stage, on a terminal only, only for long work."""
from __future__ import annotations

import io

from click.testing import CliRunner
from rich.console import Console

from tqcheck import progress
from tqcheck.cli import main
from tqcheck.pipeline import Options, compare_files


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        self.closed = False

    def stage(self, name, total):
        self.events.append(("stage", name, total))

    def advance(self, n):
        self.events.append(("advance", n))

    def close(self):
        self.closed = True


def test_stages_in_order_with_their_work(samples):
    rec = _Recorder()
    with progress.tracking(rec):
        report = compare_files(str(samples / "kuril.zh.txt"), str(samples / "kuril.en.txt"),
                               Options("zh", "en", embedder="use", cache=False))
    stages = [e[1] for e in rec.events if e[0] == "stage"]
    assert stages == ["reading", "embedding", "aligning", "checking"]
    n_src, n_tgt = len(report.source.segments), len(report.target.segments)
    assert ("stage", "embedding", n_src + n_tgt) in rec.events
    assert ("stage", "checking", len(report.pairs)) in rec.events
    checked = rec.events[rec.events.index(("stage", "checking", len(report.pairs))) + 1 :]
    assert sum(e[1] for e in checked) == len(report.pairs)
    assert rec.closed


def test_no_tracker_no_output(samples, capsys):
    compare_files(str(samples / "kuril.zh.txt"), str(samples / "kuril.en.txt"), Options("zh", "en", embedder="none"))
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_bar_shows_stages_after_the_delay(samples):
    out = _Terminal()
    console = Console(file=out, force_terminal=True, width=100)
    with progress.tracking(progress.RichTracker(delay=0.0, console=console)):
        compare_files(str(samples / "kuril.zh.txt"), str(samples / "kuril.en.txt"), Options("zh", "en", embedder="none"))
    text = out.getvalue()
    assert "tqcheck: checking" in text and "tqcheck: reading" in text


def test_short_work_shows_nothing():
    out = _Terminal()
    console = Console(file=out, force_terminal=True)
    with progress.tracking(progress.RichTracker(delay=30.0, console=console)):
        progress.stage("checking", 3)
        progress.advance(3)
    assert out.getvalue() == ""


def test_only_on_a_terminal_and_not_quiet():
    assert progress.for_terminal(False, io.StringIO()) is None
    assert progress.for_terminal(True, _Terminal()) is None
    tracker = progress.for_terminal(False, _Terminal())
    assert isinstance(tracker, progress.RichTracker)
    tracker.close()


def test_command_piped_prints_report_only(samples):
    result = CliRunner().invoke(main, ["compare", "--embedder", "none", "--no-cache", "--isolated", "-f", "json",
                                       str(samples / "kuril.zh.txt"), str(samples / "kuril.en.txt")])
    assert result.exit_code in (0, 1)
    assert result.output.lstrip().startswith("{")
    assert "tqcheck: checking" not in result.output
