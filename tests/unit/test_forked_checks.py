"""A long document's checks shared among forked processes (``run_checks(..., jobs=N)``): the same findings
in the same order as in one process, a failed or killed process's pairs checked again in the parent, no
process left behind."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from dataclasses import replace

import pytest

from tqcheck.check import runner
from tqcheck.check.registry import CheckContext, Hit, Rule
from tqcheck.check.rules import REGISTRY
from tqcheck.check.runner import FORK_MIN_PAIRS, RuleError, Selection, run_checks
from tqcheck.types import Link, Pair, Segment, Severity, Span

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the checks fork on Linux only")

CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京"]
CITIES_EN = ["Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Hangzhou", "Nanjing"]


def _pair(k: int, source: str, target: str) -> Pair:
    return Pair(k, Link((k,), (k,), 1.0), source, target, (Segment(k, source, 0, len(source), 1, 1),),
                (Segment(k, target, 0, len(target), 1, 1),))


def _document(n: int) -> list[Pair]:
    """``n`` pairs of a sales report of our own writing; every seventh has a wrong figure, every eleventh
    the wrong city, every thirteenth loses its second half."""
    pairs = []
    for k in range(n):
        city, city_en = CITIES[k % 6], CITIES_EN[k % 6]
        sold = 120 + 7 * k
        source = f"{city}的门店去年卖出{sold}台洗衣机，比前年多{k % 9 + 2}成。"
        told = sold + 40 if k % 7 == 3 else sold
        where = CITIES_EN[(k + 1) % 6] if k % 11 == 5 else city_en
        target = f"The {where} store sold {told} washing machines last year"
        target += "." if k % 13 == 6 else f", {k % 9 + 2}0 percent more than the year before."
        pairs.append(_pair(k, source, target))
    return pairs


def _ctxs(pairs: list[Pair]) -> list[CheckContext]:
    return [CheckContext("zh", "en")] * len(pairs)


def _keys(findings):
    return [(f.code, f.pair, f.severity, f.message, f.span) for f in findings]


def test_forked_findings_equal_one_process():
    pairs = _document(FORK_MIN_PAIRS + 60)
    one = run_checks(pairs, _ctxs(pairs), Selection())
    two = run_checks(pairs, _ctxs(pairs), Selection(), jobs=2)
    assert _keys(two) == _keys(one)
    # the planted defects are there, in the second half too (checked by the forked process)
    assert {f.pair for f in one if f.code.startswith("TQ2")} >= {k for k in range(len(pairs)) if k % 7 == 3}
    assert any(f.pair > len(pairs) // 2 for f in two)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("jobs", [2, 3])
def test_the_processes_share_the_blocks_and_the_findings_keep_their_order(jobs: int):
    """Each process claims the next block of pairs when done with its last: every pair is checked once, some
    by each forked process, and the findings come back in the order of the pairs."""
    pairs = _document(FORK_MIN_PAIRS + 8 * runner.BLOCK_PAIRS)

    def who_checked(pair, ctx):
        time.sleep(0.001)  # long enough that the forked process, once started, claims blocks too
        yield Hit(f"checked by {os.getpid()}", Span("target", 0, 1), {})

    found = [f for f in run_checks(pairs, _ctxs(pairs), Selection(), _registry_with(who_checked), jobs=jobs)
             if f.code == "TQ999"]
    assert [f.pair for f in found] == list(range(len(pairs)))
    checkers = {f.message for f in found}
    assert f"checked by {os.getpid()}" in checkers and len(checkers) == jobs
    assert multiprocessing.active_children() == []


def test_a_lock_left_held_costs_time_not_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process killed while it held the claims' lock leaves it held: the others stop claiming after a while,
    and the parent checks every block nobody reported on."""
    pairs = _document(FORK_MIN_PAIRS + 60)
    one = run_checks(pairs, _ctxs(pairs), Selection())
    real = runner._Claims.__init__

    def held(self, fork, start, end):
        real(self, fork, start, end)
        self.next.get_lock().acquire()  # as a process killed while claiming would leave it

    monkeypatch.setattr(runner._Claims, "__init__", held)
    monkeypatch.setattr(runner._Claims, "PATIENCE", 0.2)
    assert _keys(run_checks(pairs, _ctxs(pairs), Selection(), jobs=2)) == _keys(one)
    assert multiprocessing.active_children() == []


def test_short_documents_are_not_shared():
    calls = []
    pairs = _document(FORK_MIN_PAIRS - 1)
    real = runner._run_forked
    try:
        runner._run_forked = lambda *a: calls.append(a) or real(*a)  # type: ignore[assignment]
        run_checks(pairs, _ctxs(pairs), Selection(), jobs=4)
        assert calls == []
        run_checks(_document(FORK_MIN_PAIRS + 60), _ctxs(_document(FORK_MIN_PAIRS + 60)), Selection(), jobs=4)
        (_, _, _, _, start, jobs), = calls
        # each process has at least FORK_MIN_PAIRS // 2 pairs to share: two here, not four
        assert jobs == 2 and start == runner.WARM_PAIRS
    finally:
        runner._run_forked = real  # type: ignore[assignment]


def _registry_with(func) -> dict[str, Rule]:
    return {**REGISTRY, "TQ999": Rule("TQ999", "test-rule", Severity.ERROR, "Other", func)}


def test_a_rule_that_fails_in_a_forked_process_is_reported_as_in_one_process():
    parent = os.getpid()
    pairs = _document(FORK_MIN_PAIRS + 60)
    last = len(pairs) - 1

    def fails_on_the_last(pair, ctx):
        if pair.index == last:
            raise ValueError(f"broken in {'the parent' if os.getpid() == parent else 'a child'}")
        yield from ()

    with pytest.raises(RuleError) as raised:
        run_checks(pairs, _ctxs(pairs), Selection(), _registry_with(fails_on_the_last), jobs=2)
    assert raised.value.code == "TQ999" and raised.value.pair_index == last
    assert "broken in the parent" in str(raised.value)  # checked again here, so the error is this process's
    assert multiprocessing.active_children() == []


def test_a_killed_process_loses_nothing():
    parent = os.getpid()
    pairs = _document(FORK_MIN_PAIRS + 60)

    def killed_in_a_child(pair, ctx):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        if pair.index % 50 == 0:
            yield Hit("a mark on every fiftieth pair", Span("target", 0, 1), {})

    registry = _registry_with(killed_in_a_child)
    found = run_checks(pairs, _ctxs(pairs), Selection(), registry, jobs=2)
    assert _keys(found) == _keys(run_checks(pairs, _ctxs(pairs), Selection(), registry))
    assert [f.pair for f in found if f.code == "TQ999"] == list(range(0, len(pairs), 50))
    assert multiprocessing.active_children() == []


def test_a_daemon_process_does_not_fork():
    """An audit's worker is a daemon process, which may not start processes of its own."""
    process = multiprocessing.current_process()
    was = process.daemon
    try:
        process._config["daemon"] = True  # what multiprocessing sets in a pool's worker
        assert not runner.can_fork()
    finally:
        process._config["daemon"] = was
    assert runner.can_fork()


def test_the_cli_shares_the_checks_and_reports_the_same(tmp_path):
    from click.testing import CliRunner

    from tqcheck.cli import main

    pairs = _document(FORK_MIN_PAIRS + 40)
    src, out = tmp_path / "src.zh.txt", tmp_path / "out.en.txt"
    src.write_text("\n".join(p.source for p in pairs) + "\n", encoding="utf-8")
    out.write_text("\n".join(p.target for p in pairs) + "\n", encoding="utf-8")
    reports = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["compare", str(src), str(out), "--aligned", "--embedder", "none", "-q",
                                           "--no-cache", "-f", "json", "-j", jobs])
        assert result.exit_code == 1, result.output
        reports.append(result.output)
    assert reports[0] == reports[1]
    assert '"TQ2' in reports[0]


def test_replace_keeps_contexts_apart():
    """Each pair's context reaches the forked process with its pair (a glossary of one pair only)."""
    pairs = _document(FORK_MIN_PAIRS + 60)
    ctxs = _ctxs(pairs)
    ctxs[-1] = replace(ctxs[-1], glossary={"洗衣机": ("tumble dryers",)})
    one = run_checks(pairs, ctxs, Selection())
    two = run_checks(pairs, ctxs, Selection(), jobs=2)
    assert _keys(two) == _keys(one)
    assert any(f.pair == len(pairs) - 1 and f.code.startswith("TQ3") for f in one)


# -- the checker forked before alignment (ForkedChecker) ------------------------------------------------

def _segments(pairs: list[Pair]) -> tuple[list[Segment], list[Segment]]:
    return [p.src_segments[0] for p in pairs], [p.tgt_segments[0] for p in pairs]


class _Count:
    def __init__(self) -> None:
        self.done = 0

    def stage(self, name, total) -> None:
        pass

    def advance(self, n: int) -> None:
        self.done += n

    def close(self) -> None:
        pass


@pytest.mark.parametrize("n", [12, FORK_MIN_PAIRS + 60])
def test_forked_checker_finds_what_one_process_finds_and_reports_progress(n):
    from tqcheck import progress

    pairs = _document(n)
    checker = runner.ForkedChecker(*_segments(pairs), CheckContext("zh", "en"), Selection(), jobs=2)
    counted = _Count()
    try:
        with progress.tracking(counted):
            found = checker.run(pairs, _ctxs(pairs))
    finally:
        checker.close()
    assert found is not None
    assert _keys(found) == _keys(run_checks(pairs, _ctxs(pairs), Selection()))
    assert counted.done == n  # every pair, the forked process's own workers' included
    assert not checker.process.is_alive() and multiprocessing.active_children() == []


def test_forked_checker_that_dies_or_fails_gives_none():
    pairs = _document(12)
    checker = runner.ForkedChecker(*_segments(pairs), CheckContext("zh", "en"), Selection(), jobs=2)
    os.kill(checker.process.pid, signal.SIGKILL)
    checker.process.join()
    assert checker.run(pairs, _ctxs(pairs)) is None
    checker.close()

    def fails(pair, ctx):
        raise ValueError("broken")
        yield

    checker = runner.ForkedChecker(*_segments(pairs), CheckContext("zh", "en"), Selection(), jobs=2,
                                   registry=_registry_with(fails))
    try:
        assert checker.run(pairs, _ctxs(pairs)) is None
    finally:
        checker.close()
    assert multiprocessing.active_children() == []


def test_forked_checker_ends_when_not_asked():
    """A document that fails before its checks (an embedder error, Ctrl-C): closing ends the process."""
    pairs = _document(12)
    checker = runner.ForkedChecker(*_segments(pairs), CheckContext("zh", "en"), Selection(), jobs=2)
    started = time.monotonic()
    checker.close()
    assert time.monotonic() - started < 2  # not left to finish its warm-up
    assert not checker.process.is_alive() and multiprocessing.active_children() == []


def test_pipeline_falls_back_when_the_checker_fails(monkeypatch):
    """The pipeline checks the pairs itself when the forked checker gives nothing back."""
    from tqcheck.pipeline import compare

    pairs = _document(12)
    src, out = "\n".join(p.source for p in pairs), "\n".join(p.target for p in pairs)
    expected = compare(src, out, "zh", "en", mode="aligned", embedder="none", cache=False).findings
    assert expected  # the planted defects
    used = []
    monkeypatch.setattr(runner.ForkedChecker, "run", lambda self, p, c: used.append(len(p)))
    from tqcheck.options import Options
    from tqcheck.pipeline import compare_decoded
    from tqcheck.read.reader import decode_bytes

    options = Options("zh", "en", mode="aligned", embedder="none", jobs=2, cache=False)
    report = compare_decoded(decode_bytes(src.encode(), "<source>", "utf-8"),
                             decode_bytes(out.encode(), "<translation>", "utf-8"), options)
    assert used == [12]
    assert _keys(report.findings) == _keys(expected)
