"""Run the selected rules over aligned pairs; apply gates and severity overrides."""
from __future__ import annotations

import gc
import itertools
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from .. import progress
from ..errors import UsageError
from ..processes import worker_init
from ..types import Finding, Link, Pair, Segment, Severity
from .facts import PairFacts
from .registry import CheckContext, Rule
from .rules import REGISTRY


class RuleError(Exception):
    """A rule raised: an internal error, reported with the rule and the pair it failed on, so that the
    report of the bug says where to look."""

    def __init__(self, rule: Rule, pair: Pair, cause: Exception) -> None:
        self.code, self.pair_index = rule.code, pair.index
        super().__init__(f"rule {rule.code} ({rule.name}) failed on aligned pair #{pair.index + 1}: "
                         f"{type(cause).__name__}: {cause}")


@dataclass(frozen=True)
class Selection:
    """Which rules are on: longest matching prefix of ``select``/``ignore`` wins (flake8, ruff)."""

    select: tuple[str, ...] = ("TQ",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for prefix in (*self.select, *self.ignore, *self.severity):
            if not any(code.startswith(prefix) for code in REGISTRY):
                valid = ", ".join(REGISTRY)
                raise UsageError(f"no rule code starts with {prefix!r}; known codes: {valid}")

    def enabled(self, code: str) -> bool:
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return sel > ign

    def rules(self, registry: Mapping[str, Rule] = REGISTRY) -> list[Rule]:
        return [r for code, r in registry.items() if self.enabled(code)]

    def skipped(self, src_lang: str, tgt_lang: str, registry: Mapping[str, Rule] = REGISTRY) -> dict[str, str]:
        """Selected rules that cannot run for this language pair, with the reason."""
        out = {}
        for r in self.rules(registry):
            why = r.skipped_because(src_lang, tgt_lang)
            if why:
                out[r.code] = why
        return out

    def severity_of(self, rule: Rule) -> Severity | None:
        best = max((p for p in self.severity if rule.code.startswith(p)), key=len, default=None)
        return self.severity[best] if best is not None else None


#: A document's checks are shared among processes (``jobs``) from this many aligned pairs on, and each
#: process takes at least ``FORK_MIN_PAIRS // 2``: below that, starting a process costs more than it saves.
FORK_MIN_PAIRS = 200
#: Pairs checked before the processes start, so that the dictionaries the rules load on first use (jieba's,
#: Sudachi's, the gazetteer) are loaded once, here, and shared with the forked processes.
WARM_PAIRS = 40


def run_checks(
    pairs: Sequence[Pair], ctx_for: Iterable[CheckContext], selection: Selection,
    registry: Mapping[str, Rule] = REGISTRY, jobs: int = 1,
) -> list[Finding]:
    """Every selected rule over every pair, findings in the order of the pairs. With ``jobs`` over 1, on a
    system that forks (Linux), a long document's pairs are shared among that many processes; the findings
    are the same. A process that fails has its pairs checked here again, so a rule's error is raised as it
    is without workers, and nothing is lost."""
    ctxs = list(ctx_for)
    rest = len(pairs) - WARM_PAIRS
    jobs = min(jobs, rest // (FORK_MIN_PAIRS // 2)) if len(pairs) >= FORK_MIN_PAIRS and can_fork() else 1
    with _LongLived() as long_lived:
        found = _run(pairs[:WARM_PAIRS], ctxs[:WARM_PAIRS], selection, registry)
        long_lived.freeze()  # and what the first pairs loaded
        if jobs < 2:
            return found + _run(pairs[WARM_PAIRS:], ctxs[WARM_PAIRS:], selection, registry)
        return found + _run_forked(pairs, ctxs, selection, registry, WARM_PAIRS, jobs)


class _LongLived:
    """Python's garbage collector set aside, while the checks run, for the objects that were there before them and
    those the first pairs load: the dictionaries the rules read (jieba's, the gazetteer, the readings: 600,000
    objects for Chinese) live as long as the process, yet each full collection walked them all (0.1 s, a tenth of
    the checks of 1,500 sentence pairs, whenever one fell among them). Objects made by the checks are collected
    as before; the others return to the collector afterwards (``gc.freeze``, ``gc.unfreeze``; forked processes
    inherit the arrangement, which also spares their copies of those pages). A program that freezes objects
    itself keeps its own arrangement. The youngest generation is collected every ``YOUNG_COLLECTION``
    allocations instead of Python's 700: the checks make short-lived objects by the million (matches, tuples,
    lists), which reference counting frees, and each collection walked those still alive for nothing (1% of
    the checks' instructions on Chinese text); the threshold is given back afterwards."""

    YOUNG_COLLECTION = 20000

    def __enter__(self) -> "_LongLived":
        self.owned = gc.get_freeze_count() == 0
        self.threshold = gc.get_threshold()
        if self.threshold[0]:  # (0: the program collects by itself)
            gc.set_threshold(max(self.threshold[0], self.YOUNG_COLLECTION), *self.threshold[1:])
        self.freeze()
        return self

    def freeze(self) -> None:
        if self.owned:
            gc.freeze()

    def __exit__(self, *exc: object) -> None:
        gc.set_threshold(*self.threshold)
        if self.owned:
            gc.unfreeze()


def can_fork() -> bool:
    """Whether this process can share work with forked copies of itself: Linux (fork is the default start
    method there, and safe for what the rules use), and not a daemon process (an audit's worker)."""
    import multiprocessing

    return sys.platform.startswith("linux") and not multiprocessing.current_process().daemon


def _run_forked(pairs: Sequence[Pair], ctxs: list[CheckContext], selection: Selection, registry: Mapping[str, Rule],
                start: int, jobs: int) -> list[Finding]:
    """The pairs from ``start`` on, checked by this process and ``jobs - 1`` forked ones, which send their findings
    back. Each process claims the next unchecked block of pairs (``BLOCK_PAIRS``) when done with its last, so
    that one slowed down (by other work on its core, by the pages it must copy from this one, by longer
    sentences) takes fewer: shared in fixed halves, a 1,000-sentence zh-en document kept the parent waiting
    for its child 0.13 s of 0.52. A block no process reports on (one died) is checked here again."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    claims = _Claims(fork, start, len(pairs))
    children = []
    try:
        for _ in range(jobs - 1):
            receive, send = fork.Pipe(duplex=False)
            child = fork.Process(target=_child, args=(pairs, ctxs, selection, registry, claims, send, os.getpid()),
                                 name="tqcheck-checks", daemon=True)
            child.start()
            send.close()
            children.append((child, receive))
        done = _run_claimed(pairs, ctxs, selection, registry, claims)
        for child, receive in children:
            try:
                theirs = receive.recv()
            except (EOFError, OSError):  # the process died (killed, out of memory)
                theirs = None
            child.join()
            if theirs is not None:
                progress.advance(sum(len(pairs[a:a + BLOCK_PAIRS]) for a in theirs))
                done.update(theirs)
        found: list[Finding] = []
        for a in range(start, len(pairs), BLOCK_PAIRS):
            if a not in done:  # checked here: a rule's error is raised as without workers
                done[a] = _run(pairs[a:a + BLOCK_PAIRS], ctxs[a:a + BLOCK_PAIRS], selection, registry)
            found.extend(done[a])
        return found
    finally:
        for child, _ in children:
            if child.is_alive():
                child.kill()
                child.join()


class _Claims:
    """The blocks of pairs still to check, claimed one at a time by the processes that share them: the
    start of the next block, in memory all of them share."""

    #: Seconds a process waits for the others to let it claim (each holds the lock for a few microseconds):
    #: past that, one was killed holding it, and this one stops claiming. The parent then checks every block
    #: nobody reported on itself, so a lock left held costs time, not findings.
    PATIENCE = 10.0

    def __init__(self, fork: Any, start: int, end: int) -> None:
        self.next, self.end = fork.Value("q", start), end

    def claim(self) -> int | None:
        """The start of a block of ``BLOCK_PAIRS`` pairs no process has claimed yet, or None when all are (or
        the lock stays held)."""
        lock = self.next.get_lock()
        if not lock.acquire(timeout=self.PATIENCE):
            return None
        try:
            at = self.next.value
            if at >= self.end:
                return None
            self.next.value = at + BLOCK_PAIRS
            return int(at)
        finally:
            lock.release()


def _run_claimed(pairs: Sequence[Pair], ctxs: list[CheckContext], selection: Selection, registry: Mapping[str, Rule],
                 claims: _Claims) -> dict[int, list[Finding]]:
    """The findings of each block this process claims, by the block's first pair."""
    done = {}
    while (at := claims.claim()) is not None:
        done[at] = _run(pairs[at:at + BLOCK_PAIRS], ctxs[at:at + BLOCK_PAIRS], selection, registry)
    return done


def _child(pairs: Sequence[Pair], ctxs: list[CheckContext], selection: Selection, registry: Mapping[str, Rule],
           claims: _Claims, send: Any, parent: int) -> None:
    """A forked process's work: check the blocks it claims and send their findings (None if a rule failed: the
    parent checks them again and reports the error). It ends with the parent, ignores Ctrl-C (the parent
    handles it and ends it) and reports no progress of its own."""
    worker_init(parent)
    try:
        with progress.tracking(None):
            found: dict[int, list[Finding]] | None = _run_claimed(pairs, ctxs, selection, registry, claims)
    except Exception:  # noqa: BLE001 - reported by the parent, which checks these pairs again
        found = None
    send.send(found)
    send.close()


#: Pairs checked together, rule by rule: each rule over all of them before the next rule (what a rule reads,
#: Sudachi's dictionary, the gazetteer, the language identifier's model, is then still in the processor's caches
#: for the next pair, instead of pushed out by every other rule's in between).
BLOCK_PAIRS = 64


def _run(pairs: Sequence[Pair], ctx_for: Iterable[CheckContext], selection: Selection,
         registry: Mapping[str, Rule]) -> list[Finding]:
    rules = selection.rules(registry)
    ordered = [r for r in rules if r.is_gate] + [r for r in rules if not r.is_gate]
    findings: list[Finding] = []
    runnable: dict[tuple[str, str], tuple[frozenset[str], bool]] = {}
    todo = zip(pairs, ctx_for)
    while block := list(itertools.islice(todo, BLOCK_PAIRS)):
        findings += _run_block(block, ordered, selection, runnable)
        progress.advance(len(block))
    return findings


def _run_block(block: list[tuple[Pair, CheckContext]], ordered: list[Rule], selection: Selection,
               runnable: dict[tuple[str, str], tuple[frozenset[str], bool]]) -> list[Finding]:
    """The findings of a few pairs, in their order: every pair's rules run in the order of ``ordered`` (the gates
    first: a gate that fires keeps the rules it suppresses from running on that pair), one rule over all the
    pairs, then the next."""
    here: list[tuple[Pair, CheckContext, frozenset[str]]] = []
    for pair, ctx in block:
        langs = (ctx.src_lang, ctx.tgt_lang)
        if langs not in runnable:
            can = [r for r in ordered if r.skipped_because(*langs) is None]
            runnable[langs] = frozenset(r.code for r in can), any(r.uses for r in can)
        codes, uses_facts = runnable[langs]
        if uses_facts:
            ctx = ctx.with_facts(PairFacts(pair, ctx))  # worked out once, for every rule that uses them
        here.append((pair, ctx, codes))
    found: list[list[Finding]] = [[] for _ in block]
    suppressed: list[list[str]] = [[] for _ in block]
    for rule in ordered:
        override = selection.severity_of(rule)
        code, func = rule.code, rule.func  # (read once for the block's pairs)
        for (pair, ctx, codes), out, off in zip(here, found, suppressed):
            if code not in codes or off and any(code.startswith(p) for p in off):
                continue
            fired = False
            try:
                for hit in func(pair, ctx):
                    fired = True
                    severity = override or hit.severity or rule.severity
                    out.append(Finding(code, rule.name, severity, hit.message, pair.index, hit.span,
                                       dict(hit.evidence)))
            except Exception as exc:  # noqa: BLE001 - named, then reported as an internal error
                raise RuleError(rule, pair, exc) from exc
            if fired and rule.is_gate:
                off.extend(rule.suppresses)
    return [f for out in found for f in out]


class ForkedChecker:
    """The checks of one document in a process forked before the document is embedded and aligned: it loads
    what the rules need for these languages (jieba's dictionary, Sudachi's, the gazetteer: half a second for
    Chinese) on the other core while this process reads the model and aligns, then checks the pairs it is
    sent, shared among ``jobs`` processes of its own where the document is long (``run_checks``), and sends
    the findings back with its progress. ``run`` returns None where the process failed or died: the caller
    checks the pairs itself, so a rule's error is reported as without it, and nothing is lost."""

    #: Pairs checked between two progress messages.
    PROGRESS_EVERY = 20

    def __init__(self, source: Sequence[Segment], target: Sequence[Segment], ctx: CheckContext,
                 selection: Selection, jobs: int, registry: Mapping[str, Rule] = REGISTRY) -> None:
        import multiprocessing

        fork = multiprocessing.get_context("fork")
        sample = [Pair(k, Link((k,), (k,), 1.0), s.text, t.text, (s,), (t,))
                  for k, (s, t) in enumerate(zip(source[:WARM_UP_SENTENCES], target[:WARM_UP_SENTENCES]))]
        self.conn, theirs = fork.Pipe()
        # not a daemon: it may start processes of its own; it ends when this end of the pipe closes
        self.process = fork.Process(target=_serve, args=(theirs, sample, ctx, selection, registry, jobs, os.getpid()),
                                    name="tqcheck-checker", daemon=False)
        self.process.start()
        theirs.close()
        self.finished = False

    def run(self, pairs: Sequence[Pair], ctxs: list[CheckContext]) -> list[Finding] | None:
        """The findings of ``pairs``, in their order, or None where the process failed."""
        try:
            self.conn.send((list(pairs), ctxs))
            while True:
                kind, value = self.conn.recv()
                if kind == "advance":
                    progress.advance(value)
                else:
                    self.finished = True
                    return value  # type: ignore[no-any-return]
        except (EOFError, OSError):  # the process died (killed, out of memory)
            return None

    def close(self) -> None:
        """End the process: it ends by itself once it has sent its findings; before that (the document failed
        before its checks, or Ctrl-C) there is nothing it could still give, and it is killed."""
        self.conn.close()
        if self.finished:
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


#: Sentences of each side the forked checker checks against each other (the first against the first, and so
#: on) while it waits for the pairs, stopping when they come.
WARM_UP_SENTENCES = 50


class _PipeProgress:
    """Progress of a forked checker, sent to the process that waits for its findings."""

    def __init__(self, conn: Any) -> None:
        self.conn, self.done = conn, 0

    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int) -> None:
        self.done += n
        if self.done >= ForkedChecker.PROGRESS_EVERY:
            self.close()

    def close(self) -> None:
        if self.done:
            self.conn.send(("advance", self.done))
            self.done = 0


def _serve(conn: Any, sample: list[Pair], ctx: CheckContext, selection: Selection, registry: Mapping[str, Rule],
           jobs: int, parent: int) -> None:
    """The forked checker's work (``ForkedChecker``): warm up on ``sample``, then check the pairs it is sent."""
    worker_init(parent)
    with progress.tracking(None):
        for pair in sample:  # until the pairs come: what the first ones do not load, later ones may
            if conn.poll():
                break
            try:
                _run([pair], [ctx], selection, registry)
            except Exception:  # noqa: BLE001 - a rule that fails here fails again on the document's pairs
                pass
    try:
        pairs, ctxs = conn.recv()
    except (EOFError, OSError):  # the document ended before its checks (an error, or Ctrl-C)
        return
    tracker = _PipeProgress(conn)
    try:
        with progress.tracking(tracker):  # (closing the tracker sends the last progress)
            found: list[Finding] | None = run_checks(pairs, ctxs, selection, registry, jobs)
    except Exception:  # noqa: BLE001 - reported by the parent, which checks the pairs again
        found = None
    try:
        conn.send(("done", found))
    except (OSError, ValueError):  # the parent is gone
        pass
    conn.close()
