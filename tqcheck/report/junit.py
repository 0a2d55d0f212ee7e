"""JUnit XML: one test case per aligned pair (a sentence and its translation), for CI test dashboards.

A pair fails when it has a finding at or above ``--fail-on``, as the exit code counts; findings below
that are kept in the test case's ``system-out``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..result import PairResult, Report
from ..types import Finding
from .base import RenderOptions
from .locate import target_anchor

#: Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: How much of the translated sentence a test case's name quotes.
NAME_CHARS = 60


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _finding_line(f: Finding) -> str:
    where = f"{f.location.where}  " if f.location else ""
    return f"{f.code} {f.severity}  {where}{f.message} [{f.name}]"


def render_junit(report: Report, options: RenderOptions) -> str:
    pairs = [pr.pair for pr in report.pairs]
    suites = ET.Element("testsuites", name="tqcheck")
    suite = ET.SubElement(suites, "testsuite", name=xml_text(f"tqcheck {report.source.path} -> {report.target.path}"))
    props = ET.SubElement(suite, "properties")
    for key in ("version", "mode", "src_lang", "tgt_lang", "embedder", "aligner"):
        ET.SubElement(props, "property", name=key, value=xml_text(str(report.signature.get(key, ""))))
    ET.SubElement(props, "property", name="fail_on", value=str(options.fail_on))
    failures = 0
    for pr in report.pairs:
        p = pr.pair
        line, _ = target_anchor(pairs, p.index)
        quote = " ".join((p.target or p.source).split())
        if len(quote) > NAME_CHARS:
            quote = quote[:NAME_CHARS - 1] + "…"
        case = ET.SubElement(suite, "testcase", classname=xml_text(report.target.path),
                             name=xml_text(f"pair {p.index + 1} ({p.link.kind}) line {line}: {quote}"),
                             file=xml_text(report.target.path), line=str(line), time="0")
        failing = [f for f in pr.findings if f.severity >= options.fail_on]
        context = f"source:      {p.source or '(none)'}\ntranslation: {p.target or '(none)'}"
        if failing:
            failures += 1
            first = failing[0]
            more = f" (+{len(failing) - 1} more)" if len(failing) > 1 else ""
            failure = ET.SubElement(case, "failure", message=xml_text(f"{first.code} {first.message}{more}"),
                                    type=" ".join(dict.fromkeys(f.code for f in failing)))
            failure.text = xml_text("\n".join(_finding_line(f) for f in failing) + "\n\n" + context)
        others = [f for f in pr.findings if f.severity < options.fail_on]
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = xml_text("\n".join(_finding_line(f) for f in others) + "\n\n" + context)
    for element in (suites, suite):
        element.set("tests", str(len(report.pairs)))
        element.set("failures", str(failures))
        element.set("errors", "0")
        element.set("skipped", "0")
        element.set("time", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
