"""GitHub Actions workflow commands: one annotation per finding, on the translation file's lines.

    ::error file=samples/kuril.en.txt,line=4,col=110,endLine=4,endColumn=112,title=TQ101 mt-gap::gap marker '**': ...

A finding on the source side (an omitted sentence) has no line in the translation: it is annotated
where the missing sentence belongs, just after the previous translated sentence, and its message
names the source line.
"""
from __future__ import annotations

from ..result import Report
from ..types import Severity
from .base import RenderOptions
from .locate import target_anchor

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: How much of an omitted source sentence the message quotes.
QUOTE_CHARS = 80


def escape_data(text: str) -> str:
    """Escape a command's message the way @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value (``file=``, ``title=``) the way @actions/core does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, options: RenderOptions) -> str:
    pairs = [pr.pair for pr in report.pairs]
    out = []
    for pr in report.pairs:
        for f in pr.findings:
            props = {"file": report.target.path}
            message = f.message
            loc = f.location
            if loc is not None and loc.side == "target":
                props.update(line=str(loc.line), col=str(loc.column), endLine=str(loc.end_line),
                             endColumn=str(loc.end_column))
            else:
                line, _ = target_anchor(pairs, pr.pair.index)
                props["line"] = str(line)
                if loc is not None:
                    quote = loc.text if len(loc.text) <= QUOTE_CHARS else loc.text[:QUOTE_CHARS - 1] + "…"
                    message += f" (source {report.source.path}:{loc.line}: {quote})"
            props["title"] = f"{f.code} {f.name}"
            head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
            out.append(f"::{COMMAND[f.severity]} {head}::{escape_data(message)}\n")
    return "".join(out)
