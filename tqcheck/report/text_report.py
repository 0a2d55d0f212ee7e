"""The terminal report: each aligned pair side by side, findings under it, the offending span marked."""
from __future__ import annotations

import functools
import io
import itertools
import re
import shutil
from typing import Sequence

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.containers import Lines
from rich.rule import Rule
from rich.text import Text

from ..check.rules import REGISTRY
from ..result import EVIDENCE_LABELS, PairResult, Report
from ..types import Severity
from .base import RenderOptions

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK_STYLE = {Severity.ERROR: "bold white on red", Severity.WARNING: "black on yellow", Severity.INFO: "black on cyan"}
#: Without colour the span is bracketed with these.
OPEN, CLOSE = "⟦", "⟧"
#: Blank cells between the source and the translation column.
GUTTER = 2


#: Control characters from the input must never reach the terminal as control sequences (an ESC
#: could clear the screen or retitle the window): each is shown as its Unicode "control picture",
#: one character for one, so span offsets stay valid.
_VISIBLE = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\n\t"}
_VISIBLE.update({0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}})


def safe(text: str) -> str:
    """The text with terminal control characters made visible."""
    return text.translate(_VISIBLE)


def _marked(pr: PairResult, side: str) -> tuple[str, list[tuple[int, int, Severity]]]:
    """One side's text made safe, and the spans of its findings to mark, in order, none overlapping."""
    joined = safe(pr.pair.source if side == "source" else pr.pair.target)
    spans = sorted(
        ((f.span.start, f.span.end, f.severity) for f in pr.findings if f.span and f.span.side == side
         and not (f.span.start == 0 and f.span.end == len(joined))),
        key=lambda s: s[0],
    )
    kept, pos = [], 0
    for start, end, sev in spans:
        if start >= pos:
            kept.append((start, end, sev))
            pos = end
    return joined, kept


def _side_text(pr: PairResult, side: str, color: bool) -> Text:
    if not color:
        return Text(_side_plain(pr, side))
    joined, spans = _marked(pr, side)
    text = Text()
    pos = 0
    for start, end, sev in spans:
        text.append(joined[pos:start])
        text.append(joined[start:end], style=MARK_STYLE[sev])
        pos = end
    text.append(joined[pos:])
    if not joined:
        text.append("(nothing)", style="dim italic")
    return text


def _side_plain(pr: PairResult, side: str) -> str:
    """One side's text without colour: each finding's span bracketed (OPEN, CLOSE)."""
    joined, spans = _marked(pr, side)
    if not joined:
        return "(nothing)"
    parts, pos = [], 0
    for start, end, _ in spans:
        parts.append(joined[pos:start] + OPEN + joined[start:end] + CLOSE)
        pos = end
    parts.append(joined[pos:])
    return "".join(parts)


def _side_by_side(console: Console, width: int, left: tuple[Text, ...], right: tuple[Text, ...]) -> Text:
    """Rows of two columns of half the width each, every cell folded to its column: the layout of rich's
    ``Table.grid(expand=True, padding=(0, 2))`` with two ``ratio=1, overflow="fold"`` columns, without a
    table's measuring and nested renders per pair (a table per pair was a fifth of a long document's run)."""
    left_width = (width + 1) // 2 - GUTTER
    right_width = width - left_width - GUTTER
    gutter = " " * GUTTER
    out = Text()
    for left_cell, right_cell in zip(left, right):
        lines_l = _fold(console, left_cell, left_width)
        lines_r = _fold(console, right_cell, right_width)
        for n in range(max(len(lines_l), len(lines_r))):
            out.append_text(lines_l[n] if n < len(lines_l) else Text(" " * left_width))
            out.append(gutter)
            out.append_text(lines_r[n] if n < len(lines_r) else Text(" " * right_width))
            out.append("\n")
    out.right_crop(1)
    return out


def _fold(console: Console, text: Text, width: int) -> Lines:
    """The text's lines folded to ``width`` cells and padded to it, as a table cell lays them out."""
    return text.wrap(console, width, justify="left", overflow="fold")


_TRAILING_SPACE = re.compile(r"\s+$")


def _fold_plain(text: str, width: int, pad: bool) -> list[str]:
    """A plain string's lines as ``Text(text).wrap(console, width, overflow="fold")`` lays them out, padded
    to ``width`` (``justify="left"``) when ``pad``: rich's own line division (``divide_line``), without a
    Text and its spans per piece, which were most of a long report's time; measured by each character's
    cells where every character is one grapheme of one or two (``_divide``). Not for text with a tab (rich
    expands tabs first)."""
    lines = []
    for line in text.split("\n"):
        divided = _divide(line, width)
        if divided is None:
            offsets, cum = divide_line(line, width, fold=True), None
        else:
            offsets, cum = divided
        for start, end in zip((0, *offsets), (*offsets, len(line))):
            piece = line[start:end]
            if len(piece) > width:  # Text.rstrip_end: the whitespace beyond the width goes
                space = _TRAILING_SPACE.search(piece)
                if space is not None:
                    piece = piece[:len(piece) - min(len(space.group()), len(piece) - width)]
            # Text.truncate (with pad for justify="left")
            cells = cell_len(piece) if cum is None else cum[start + len(piece)] - cum[start]
            if cells > width:
                piece = set_cell_size(piece, width)
            elif pad and cells < width:
                piece += " " * (width - cells)
            lines.append(piece)
    return lines


#: A word and the spaces after it, as rich's line division reads them (``rich._wrap.words``).
_WORD = re.compile(r"\s*\S+\s*")


#: The cells of one character (a character of no width joins the one before it: a combining mark, a joiner).
_cells = functools.lru_cache(maxsize=4096)(cell_len)


def _divide(line: str, width: int) -> tuple[list[int], Sequence[int]] | None:
    """``rich._wrap.divide_line(line, width, fold=True)``, and the cells of each prefix of the line, where every
    character is one grapheme of one or two cells (printable ASCII, Chinese, Cyrillic, curly quotes); else None.
    rich's division: a word goes to the next line when it does not fit, one longer than the line is cut where the
    cells of a line run out. Each character measured once: the plain report of a 1,041-pair document renders
    in 0.07 s instead of 0.13."""
    cum: Sequence[int]
    if line.isascii() and line.isprintable():
        cum = range(len(line) + 1)  # one cell a character
    elif 0 in (widths := list(map(_cells, line))):
        return None
    else:
        cum = list(itertools.accumulate(widths, initial=0))
    breaks: list[int] = []
    used = 0
    for word in _WORD.finditer(line):
        start, end = word.span()
        length = cum[start + len(word.group().rstrip())] - cum[start]
        if width - used >= length:
            used += cum[end] - cum[start]
        elif length > width:  # cut in pieces of the width; the last one opens a line
            at = start
            for k in range(start, end):
                if cum[k + 1] - cum[at] > width:
                    if at:
                        breaks.append(at)
                    at = k
            if at:
                breaks.append(at)
            used = cum[end] - cum[at]
        elif used and start:
            breaks.append(start)
            used = cum[end] - cum[start]
    return breaks, cum


def _pair_plain(width: int, head: str, cells: tuple[tuple[str, str], ...], lines: list[str]) -> str | None:
    """A pair's rule, columns and lines as the report prints them without colour (``Rule``, ``_side_by_side``
    and each line wrapped), as one string; None where only rich lays them out (a tab, a very long head)."""
    if any("\t" in text for row in cells for text in row) or any("\t" in line for line in lines) \
            or cell_len(head) > width - 2:
        return None
    left_width = (width + 1) // 2 - GUTTER
    right_width = width - left_width - GUTTER
    gutter = " " * GUTTER
    rows = [head + " " + "─" * (width - cell_len(head) - 1)]
    for left, right in cells:
        lines_l, lines_r = _fold_plain(left, left_width, True), _fold_plain(right, right_width, True)
        for n in range(max(len(lines_l), len(lines_r))):
            rows.append((lines_l[n] if n < len(lines_l) else " " * left_width) + gutter
                        + (lines_r[n] if n < len(lines_r) else " " * right_width))
    for line in lines:
        rows.extend(_fold_plain(line, width, False))
    return "\n".join(rows) + "\n"


def render_text(report: Report, options: RenderOptions) -> str:
    color, only_findings = options.color, options.only_findings
    width = options.width or max(80, min(shutil.get_terminal_size((100, 24)).columns, 160))
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    src, tgt = report.source, report.target
    console.print(Text(safe(f"tqcheck {report.signature['version']}: {src.path} ({src.lang}) -> {tgt.path} "
                            f"({tgt.lang}); mode {report.mode}, embedder {report.signature['embedder']}"), style="bold"))
    for n in report.notes:
        console.print(Text(safe(f"note: {n}"), style="dim"))
    for pr in report.pairs:
        if only_findings and not pr.findings:
            continue
        p = pr.pair
        where_s = f"{src.path}:{p.src_segments[0].line}" if p.src_segments else "-"
        where_t = f"{tgt.path}:{p.tgt_segments[0].line}" if p.tgt_segments else "-"
        sim = pr.scores.get("similarity")
        head = f"#{p.index + 1}  {p.link.kind}  confidence {p.link.confidence:.2f}"
        if sim is not None:
            head += f"  similarity {sim:.2f}"
        if pr.scores.get("quality") is not None:
            head += f"  quality {pr.scores['quality']:.2f}"
        evidence = []
        for name, label in EVIDENCE_LABELS.items():
            if pr.texts.get(name):
                chrf = pr.scores.get(f"{name}_chrf")
                score = f" (chrF {chrf:.1f})" if chrf is not None else ""
                evidence.append(safe(f"  {label}{score}: {pr.texts[name]}"))
        found = [(f"{f.code} {f.severity}", f.severity,
                  safe(f"  {f.location.where if f.location else ''}  {f.message} [{f.name}]")) for f in pr.findings]
        if not color:  # a thousand pairs: laid out as strings, the same characters as rich's layout below
            plain = _pair_plain(width, head, ((safe(where_s), safe(where_t)),
                                              (_side_plain(pr, "source"), _side_plain(pr, "target"))),
                                evidence + [f"  {code}{rest}" for code, _, rest in found])
            if plain is not None:
                buf.write(plain)
                continue
        # one print per pair: the rule, then the columns, evidence and findings as one text folded here (a
        # print has a fixed cost that a thousand pairs with a few lines each multiply)
        block = _side_by_side(console, width, (Text(safe(where_s), style="dim"), _side_text(pr, "source", color)),
                              (Text(safe(where_t), style="dim"), _side_text(pr, "target", color)))
        lines = [Text(line, style="dim") for line in evidence]
        for code, severity, rest in found:
            line = Text("  ")
            line.append(code, style=STYLE[severity])
            line.append(rest)
            lines.append(line)
        for line in lines:
            block.append("\n")
            block.append_text(Text("\n").join(line.wrap(console, width)))
        console.print(Rule(Text(head, style=STYLE[pr.worst] if pr.worst else "green"), align="left"), block,
                      no_wrap=True, overflow="ignore", crop=False)
    s = report.summary()
    sev = s["findings_by_severity"]
    console.rule()
    console.print(Text(
        f"{s['pairs']} pairs ({s['source_sentences']} source / {s['target_sentences']} target sentences; "
        f"links {', '.join(f'{k} x{v}' for k, v in s['links_by_kind'].items())}); "
        f"{s['findings']} findings: {sev['error']} errors, {sev['warning']} warnings, {sev['info']} info",
        style="bold"))
    if s.get("quality") is not None:
        quality = f"quality {s['quality']:.2f} (0-1, length-weighted mean of the pairs' scores)"
        for name, m in s.get("metrics", {}).items():
            quality += f"; {name.replace('_', '-')}: chrF {m['chrf']}, BLEU {m['bleu']}, TER {m['ter']}"
        console.print(quality)
    if s["findings_by_code"]:
        console.print("by code: " + ", ".join(f"{c} x{n}" for c, n in s["findings_by_code"].items()))
    if options.statistics:
        _statistics(console, report)
    return buf.getvalue()


def _statistics(console: Console, report: Report) -> None:
    """Counts by code, most frequent first, with each rule's severities and title (flake8 --statistics)."""
    by_code: dict[str, list[Severity]] = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f.severity)
    console.print(Text("statistics:", style="bold"))
    if not by_code:
        console.print("  no findings")
    for code, sevs in sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rule = REGISTRY.get(code)
        worst = max(sevs)
        line = Text(f"{len(sevs):>6}  ")
        line.append(f"{code} {str(worst):<7}", style=STYLE[worst])
        line.append(f"  {rule.name if rule else ''}: {rule.title if rule else ''}")
        console.print(line, no_wrap=True, overflow="ellipsis")
