"""Hostile, broken and huge input through the CLI: every case ends with the documented exit code and one
clear line, never a traceback, and a refused run writes no report (nor leaves a temporary file behind).

Each row builds SRC and OUT (and any config or glossary) in a fresh folder, runs
``tqcheck compare SRC OUT -f json -o report.json`` and checks the exit code and the message. Refused input
(exit 2) must produce exactly one ``tqcheck: error:`` line naming the file and the problem; accepted input
(exit 0/1) must produce a whole JSON report. The huge cases are refused by the documented work limits of
``tqcheck.segment.modes`` within about a second; ``scripts/bench_limits.py`` measures time and memory on them.
"""
from __future__ import annotations

import codecs
import errno
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.segment.modes import MAX_DOCUMENT_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCES

ZH = "日本政府宣布对俄罗斯实施新一轮制裁。普京表示，日本仍在使用俄罗斯的电力。\n"
EN = ("The Japanese government announced a new round of sanctions on Russia. "
      "Putin said Japan was still using Russian electricity.\n")
RU = "Правительство Японии объявило о новом раунде санкций против России. Путин сказал, что Япония всё ещё использует российское электричество.\n"
JA = "日本政府はロシアに対する新たな制裁を発表した。プーチン氏は、日本がまだロシアの電力を使っていると述べた。\n"
AR = ("\u200fأعلنت الحكومة اليابانية جولة جديدة من العقوبات على روسيا.\u200f "
      "قال بوتين إن اليابان لا تزال تستخدم الكهرباء الروسية.\n")
TW = "日本政府宣佈對俄羅斯實施新一輪制裁。普京表示，日本仍在使用俄羅斯的電力。\n"

REPORT = "report.json"


class Missing:
    """No file at this path."""


class Directory:
    """A directory at this path."""


class UnderAFile:
    """A path whose parent is a regular file (ENOTDIR)."""


@dataclass
class Sparse:
    """A sparse file of ``size`` bytes (zeros), made without writing them."""

    size: int


@dataclass
class Case:
    id: str
    src: Any = ZH
    out: Any = EN
    args: tuple[str, ...] = ()
    files: dict[str, Any] = field(default_factory=dict)  # extra files (config, glossary), by name
    exit: int | tuple[int, ...] = 2
    #: Substrings of the error line (exit 2), or of stderr (accepted input).
    says: tuple[str, ...] = ()
    #: The file the error line must name: "src", "out", or a name from ``files``.
    names: str | None = "out"
    #: Accepted input: codes the report must contain.
    codes: tuple[str, ...] = ()
    embedder: str = "none"
    #: Called with (monkeypatch, {"src": path, "out": path}) before the run.
    patch: Callable[[pytest.MonkeyPatch, dict[str, Path]], None] | None = None
    marks: tuple[Any, ...] = ()


def _deny(mp: pytest.MonkeyPatch, target: Path, exc: OSError) -> None:
    """Make ``open(target)`` inside the reader fail with ``exc`` (root ignores chmod, so simulate it)."""
    import builtins

    import tqcheck.read.reader as reader

    real_open = builtins.open

    def fake_open(path: Any, *a: Any, **kw: Any) -> Any:
        if os.fspath(path) == str(target):
            raise exc
        return real_open(path, *a, **kw)

    mp.setattr(reader, "open", fake_open, raising=False)


def _utf8_then(bad: bytes, text: str = RU) -> bytes:
    return text.encode() + bad + text.encode()  # mostly UTF-8: reported, not read as a legacy encoding


def _huge_line(size: int) -> str:
    return ("The minister said the plan was approved. " * (size // 41 + 1))[:size]


def _rows() -> list[Case]:
    nul = "\x00"
    return [
        # --- paths -------------------------------------------------------------------------------------
        Case("missing-source", src=Missing(), names="src", says=("no such file",)),
        Case("missing-translation", out=Missing(), says=("no such file",)),
        Case("source-is-directory", src=Directory(), names="src", says=("is a directory",)),
        Case("translation-is-directory", out=Directory(), says=("is a directory",)),
        Case("parent-is-a-file", out=UnderAFile(), says=("parent of it is not a directory",)),
        Case("unreadable-chmod-000", out=EN, says=("permission denied",),
             patch=lambda mp, p: p["out"].chmod(0),
             marks=(pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                                       reason="root reads any file; see unreadable-eacces"),)),
        Case("unreadable-eacces", says=("permission denied",),
             patch=lambda mp, p: _deny(mp, p["out"], PermissionError(errno.EACCES, "Permission denied"))),
        Case("read-io-error", names="src", says=("cannot read", "Input/output error"),
             patch=lambda mp, p: _deny(mp, p["src"], OSError(errno.EIO, "Input/output error"))),
        Case("over-64-mb", out=Sparse(65 * 1024 * 1024), says=("65.0 MB", "over the 64 MB limit")),
        # --- empty and whitespace ------------------------------------------------------------------
        Case("empty-source", src="", names="src", says=("file is empty",)),
        Case("empty-translation", out=b"", says=("file is empty",)),
        Case("whitespace-only", out=" \n\t\n  \r\n", says=("only whitespace",)),
        Case("unicode-whitespace-only", out="\u3000\u00a0\u2003\n\u2028\n", says=("only whitespace",)),
        Case("bom-only", out=codecs.BOM_UTF8, says=("only a byte-order mark",)),
        Case("zero-width-only", out="\u200b\u200c\u200d\u2060\ufeff\n", says=("cannot tell the translation language",)),
        Case("emoji-only", out="😀👍🏽🇩🇪\n", says=("cannot tell the translation language",)),
        # --- binary and NUL --------------------------------------------------------------------------
        Case("elf-binary", out=b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, says=("binary", "executable")),
        Case("pdf", out=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", says=("PDF",)),
        Case("docx-zip", src=b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), names="src", says=("ZIP",)),
        Case("png", out=b"\x89PNG\r\n\x1a\n" + bytes(100), says=("PNG",)),
        Case("gzip", out=b"\x1f\x8b\x08\x00" + bytes(50), says=("gzip",)),
        Case("nul-in-utf8-text", out=EN + nul + EN, says=("binary", "NUL")),
        Case("random-bytes", out=bytes((i * 7919 + 13) % 256 for i in range(8192)), says=("binary",)),
        Case("control-characters", out="\x01\x02\x03\x04 text \x05\x06\x07\x08" * 50, says=("binary", "control characters")),
        # --- encodings -------------------------------------------------------------------------------
        Case("invalid-utf8-byte", out=_utf8_then(b"broken \xff here\n"), args=("--tgt-lang", "ru"),
             says=("invalid UTF-8 at line 2", "0xFF")),
        Case("invalid-utf8-explicit", out=EN.encode() + b"Second line.\nThird \xff\xfe\xc3\x28 line.\n",
             args=("--encoding", "utf-8"), says=("cannot decode as utf-8 at line 3",)),
        Case("utf8-and-gbk-mixed", src=ZH.encode() + "这是第二行。\n".encode("gbk"), names="src",
             says=("invalid UTF-8 at line 2",)),
        Case("truncated-utf16", out=codecs.BOM_UTF16_LE + EN.encode("utf-16-le") + b"A",
             says=("UTF-16 byte-order mark", "not valid UTF-16")),
        Case("unknown-encoding", args=("--encoding", "klingon-8"), names="src", says=("unknown encoding 'klingon-8'",)),
        Case("not-a-text-codec", args=("--encoding", "base64"), names="src", says=("unknown encoding 'base64'",)),
        Case("wrong-explicit-encoding", args=("--encoding", "utf-16"), names="src", says=("cannot decode as utf-16",)),
        Case("gb18030-source", src=ZH.encode("gb18030"), exit=(0, 1), names=None),
        Case("big5-source", src=TW.encode("big5"), exit=(0, 1), names=None),
        Case("shift-jis-source", src=JA.encode("shift_jis"), exit=(0, 1), names=None),
        Case("cp1251-source", src=RU.encode("cp1251"), exit=(0, 1), names=None),
        Case("utf16-bom-translation", out=EN.encode("utf-16"), exit=(0, 1), names=None),
        Case("utf16-no-bom-translation", out=EN.encode("utf-16-le"), exit=(0, 1), names=None),
        Case("utf8-bom-crlf-and-cr", out=codecs.BOM_UTF8 + EN.replace("\n", "\r\n").encode() + b"More text.\rEnd.\r",
             exit=(0, 1), names=None),
        Case("ascii-with-stray-latin1", out="The café in Zürich said the naïve plan was approved.\n".encode("cp1252"),
             exit=(0, 1), names=None),
        # --- huge input: refused by the work limits ----------------------------------------------
        Case("20mb-no-newline", out=_huge_line(20 * 1024 * 1024),
             says=(f"over the limit of {MAX_DOCUMENT_CHARS:,}", "split the file")),
        Case("1m-lines", out="Line number one here.\n" * 1_000_000,
             says=(f"over the limit of {MAX_DOCUMENT_CHARS:,}", "split the file")),
        Case("too-many-sentences", out="Ok. " * (MAX_SENTENCES + 2000), args=("--tgt-lang", "en"),
             says=(f"{MAX_SENTENCES + 2000:,} sentences", f"over the limit of {MAX_SENTENCES:,}")),
        Case("one-endless-sentence", out="word " * (MAX_SENTENCE_CHARS // 5 + 500) + ".\n", args=("--tgt-lang", "en"),
             says=("a sentence of", f"over the limit of {MAX_SENTENCE_CHARS:,}", "sentence punctuation")),
        Case("1m-lines-mostly-blank", out="\n" * 999_999 + EN, args=("--tgt-lang", "en"), exit=(0, 1), names=None),
        # --- text that must stay text ------------------------------------------------------------
        Case("rtl-arabic-source", src=AR, exit=(0, 1), names=None, embedder="use"),
        Case("bidi-overrides", out=EN.replace("government", "\u202egovernment\u202c").replace("new", "\u2067new\u2069"),
             exit=(0, 1), names=None, embedder="use"),
        Case("combining-marks", out="".join(c + "\u0301\u0308\u0336" * 3 if c.isalpha() else c for c in EN),
             args=("--tgt-lang", "en"), exit=(0, 1), names=None, embedder="use"),
        Case("emoji-sequences", out="👨‍👩‍👧‍👦 " + EN.replace("Japan ", "Japan 🇯🇵 ").replace("said", "👍🏽 said"),
             exit=(0, 1), names=None, embedder="use"),
        Case("zero-width-characters", out=EN.replace(" ", " \u200b").replace("a", "a\u200d\u2060"),
             args=("--tgt-lang", "en"), exit=(0, 1), names=None, embedder="use"),
        Case("zero-width-in-source", src=ZH.replace("。", "。\u200b\u200c").replace("日本", "日\ufeff本"),
             exit=(0, 1), names=None, embedder="use"),
        Case("markup-and-format-strings", out="<script>alert(1)</script> {0.__class__} %s%n $(rm -rf ~) `id` " + EN,
             exit=(0, 1), names=None),
        Case("huge-numbers", out=f"The budget was {'9' * 400} dollars, 1e999 and {','.join(['999'] * 200)} yuan. " + EN,
             args=("--tgt-lang", "en"), exit=(0, 1), names=None),
        Case("gap-markers-and-fffd", out="Japan** announced ## a <unk> [UNK] round \ufffd\ufffd of sanctions. " + EN,
             exit=1, names=None, codes=("TQ101", "TQ102")),
        # --- wrong pairing ---------------------------------------------------------------------------
        Case("same-language", src=EN, says=("both in en", "nothing was translated")),
        Case("same-language-explicit", src=EN, args=("--src-lang", "en", "--tgt-lang", "en"), says=("both in en",)),
        Case("same-file-twice", out="@src", says=("both in zh",)),
        # the languages given and the files plainly the other way round: an input error
        Case("swapped", src=EN, out=ZH, args=("--src-lang", "zh", "--tgt-lang", "en"), names="src",
             says=("swapped", "--src-lang zh")),
        # no languages given: English into Chinese is a direction like any other, and gets no note
        Case("english-source-no-swap-note", src=EN, out=ZH, args=("--exit-zero",), exit=0, names=None),
        Case("translation-50x-longer", out=EN * 50, exit=1, names=None, codes=("TQ402",)),
        Case("aligned-line-count-mismatch", src="一。\n二。\n三。\n", out="One.\nTwo.\n",
             args=("--aligned", "--src-lang", "zh", "--tgt-lang", "en"), says=("--aligned", "has 3 lines")),
        # --- options ---------------------------------------------------------------------------------
        Case("unknown-language", args=("--src-lang", "klingon"), names=None, says=("unknown language", "klingon")),
        Case("unknown-rule-prefix", args=("--select", "TQ9"), names=None, says=("TQ9",)),
        Case("report-would-overwrite-input", args=("-o", "@out"), says=("would overwrite the input file",)),
        Case("report-path-is-directory", args=("-o", "@dir"), names=None, says=("cannot write the report", "it is a directory")),
        Case("report-folder-missing", args=("-o", "nowhere/report.json"), names=None,
             says=("cannot write the report", "does not exist")),
        # --- config ----------------------------------------------------------------------------------
        Case("config-bad-toml", files={"tqcheck.toml": 'select = ["TQ1"\n'}, names="tqcheck.toml",
             says=("invalid TOML",)),
        Case("config-duplicate-key", files={"tqcheck.toml": 'select = ["TQ1"]\nselect = ["TQ2"]\n'},
             names="tqcheck.toml", says=("tqcheck.toml:2", "invalid TOML")),
        Case("config-unknown-key", files={"tqcheck.toml": 'colour = "red"\n'}, names="tqcheck.toml",
             says=("unknown key 'colour'", "valid keys")),
        Case("config-unknown-code", files={"tqcheck.toml": 'select = ["TQ999"]\n'}, names="tqcheck.toml",
             says=("select", "unknown rule code 'TQ999'")),
        Case("config-unknown-severity-code", files={"tqcheck.toml": '[severity]\nTQ999 = "error"\n'},
             names="tqcheck.toml", says=("severity.TQ999",)),
        Case("config-bad-severity", files={"tqcheck.toml": 'fail-on = "fatal"\n'}, names="tqcheck.toml",
             says=("fail-on", "unknown severity 'fatal'")),
        Case("config-unknown-pair-key", files={"tqcheck.toml": '[pairs.zh-en]\nembedder = "use"\n'},
             names="tqcheck.toml", says=("pairs.zh-en.embedder",)),
        Case("config-bad-pair-name", files={"tqcheck.toml": '[pairs.zh_en]\nignore = ["TQ1"]\n'},
             names="tqcheck.toml", says=("pairs.zh_en",)),
        Case("config-wrong-type", files={"tqcheck.toml": "select = 5\n"}, names="tqcheck.toml",
             says=("select must be a list",)),
        Case("config-unknown-embedder", files={"tqcheck.toml": 'embedder = "gpt"\n'}, names="tqcheck.toml",
             says=("embedder", "unknown embedder 'gpt'"), embedder=""),
        Case("config-pyproject-unknown-key", files={"pyproject.toml": "[tool.tqcheck]\nfoo = 1\n"},
             names="pyproject.toml", says=("tool.tqcheck.foo",)),
        Case("config-not-utf8", files={"tqcheck.toml": "# caf\xe9\n".encode("latin-1")}, names="tqcheck.toml",
             says=("not UTF-8",)),
        Case("config-missing", files={"tqcheck.toml": Missing()}, names="tqcheck.toml", says=("no such config file",)),
        # --- reference and back-translation files ------------------------------------------------------
        Case("reference-missing", files={"ref.en.txt": Missing()}, names="ref.en.txt", says=("no such file",)),
        Case("reference-empty", files={"ref.en.txt": ""}, names="ref.en.txt", says=("file is empty",)),
        Case("reference-binary", files={"ref.en.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4},
             names="ref.en.txt", says=("binary",)),
        Case("back-translation-bad-utf8", files={"bt.zh.txt": ZH.encode() + b"\xff\xfe broken\n"},
             names="bt.zh.txt", says=("invalid UTF-8 at line 2",)),
        Case("back-translation-whitespace-only", files={"bt.zh.txt": " \n\u3000\n"}, names="bt.zh.txt",
             says=("only whitespace",)),
        Case("back-translation-zero-width-only", files={"bt.zh.txt": "\u200b\n"}, exit=(0, 1), names=None),
        Case("back-translation-is-the-report", files={"bt.zh.txt": ZH}, args=("-o", "@cfg/bt.zh.txt"),
             names=None, says=("would overwrite the input file",)),
        Case("back-translation-and-argos", files={"bt.zh.txt": ZH}, args=("--translator", "argos"), names=None,
             says=("--back-translation FILE and --translator argos",)),
        Case("reference-accepted", files={"ref.en.txt": EN}, exit=(0, 1), names=None),
        # --- glossary --------------------------------------------------------------------------------
        Case("glossary-broken-row", files={"broken.tsv": "source\ttarget\n日本\tJapan\n俄罗斯\n普京\tPutin\n"},
             names="broken.tsv", says=("row 3", "expected a source and a target term")),
        Case("glossary-empty-target", files={"broken.tsv": "source\ttarget\n日本\tJapan\n普京\t\n"},
             names="broken.tsv", says=("row 3", "empty target term")),
        Case("glossary-no-header", files={"broken.tsv": "日本\tJapan\n"}, names="broken.tsv",
             says=("row 1", "header")),
        Case("glossary-not-utf8", files={"broken.tsv": "source\ttarget\n日本\tJapan\n".encode("gbk")},
             names="broken.tsv", says=("not UTF-8",)),
        Case("glossary-missing", files={"broken.tsv": Missing()}, names="broken.tsv", says=("cannot read glossary",)),
        Case("glossary-tbx-entity-expansion", files={"broken.tbx": (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
            '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&lol2;</term></tig></langSet>'
            '</termEntry></body></text></martif>\n')}, names="broken.tbx", says=("ENTITY", "refused")),
        Case("glossary-tbx-external-entity", files={"broken.tbx": (
            '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&xxe;</term></tig></langSet>'
            '</termEntry></body></text></martif>\n')}, names="broken.tbx", says=("ENTITY", "refused")),
        Case("glossary-tbx-not-xml", files={"broken.tbx": '<?xml version="1.0"?>\n<martif><text><body>'},
             names="broken.tbx", says=("not well-formed XML",)),
    ]


def _write(path: Path, content: Any) -> None:
    if isinstance(content, Missing):
        return
    if isinstance(content, Directory):
        path.mkdir()
    elif isinstance(content, UnderAFile):
        raise AssertionError("handled by the caller")
    elif isinstance(content, Sparse):
        with open(path, "wb") as fh:
            fh.truncate(content.size)
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _glossary_exists() -> bool:
    return (Path(__file__).resolve().parents[2] / "tqcheck" / "check" / "glossary.py").exists()


def _params() -> list[Any]:
    out = []
    for case in _rows():
        marks = list(case.marks)
        if any(name.endswith((".tsv", ".tbx")) for name in case.files):
            marks.append(pytest.mark.skipif(not _glossary_exists(), reason="tqcheck/check/glossary.py not written yet"))
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


def test_table_is_large_enough() -> None:
    assert len(_rows()) >= 45


@pytest.mark.parametrize("case", _params())
def test_bad_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no stray tqcheck.toml above the test folder is picked up
    monkeypatch.delenv("TQCHECK_DEBUG", raising=False)
    paths = {"src": tmp_path / "src.txt", "out": tmp_path / "out.txt"}
    for side in ("src", "out"):
        content = getattr(case, side)
        if isinstance(content, UnderAFile):
            (tmp_path / "plain").write_text("x", encoding="utf-8")
            paths[side] = tmp_path / "plain" / f"{side}.txt"
        elif content == "@src":
            paths[side] = paths["src"]
        else:
            _write(paths[side], content)
    extra: list[str] = []
    named: dict[str, Path] = {}
    for name, content in case.files.items():
        p = tmp_path / "cfg" / name
        p.parent.mkdir(exist_ok=True)
        _write(p, content)
        named[name] = p
        if name.endswith(".toml"):
            extra += ["--config", str(p)]
        elif name.startswith("ref."):
            extra += ["--ref", str(p)]
        elif name.startswith("bt."):
            extra += ["--back-translation", str(p)]
        else:
            extra += ["--glossary", str(p)]
    report = tmp_path / REPORT
    args = [a.replace("@out", str(paths["out"])).replace("@dir", str(tmp_path)).replace("@cfg", str(tmp_path / "cfg"))
            for a in case.args]
    if "-o" not in args:
        args += ["-o", str(report)]
    else:
        report = Path(args[args.index("-o") + 1])
    if case.embedder:
        args += ["--embedder", case.embedder]
    if case.patch:
        case.patch(monkeypatch, paths)

    result = CliRunner().invoke(main, ["compare", str(paths["src"]), str(paths["out"]), "-f", "json", *args, *extra])

    stderr = result.stderr
    assert "Traceback" not in result.output + stderr, result.output
    assert "internal error" not in stderr, stderr
    expected = case.exit if isinstance(case.exit, tuple) else (case.exit,)
    assert result.exit_code in expected, (result.exit_code, stderr, result.exception)
    if 2 in expected:
        errors = [line for line in stderr.splitlines() if line.startswith("tqcheck: error:")]
        assert len(errors) == 1, stderr
        line = errors[0]
        if case.names in ("src", "out"):
            assert str(paths[case.names]) in line, line
        elif case.names:
            assert named[case.names].name in line, line
        for bit in case.says:
            assert bit in line, line
        assert result.stdout == ""
        if report.is_file() and report in (paths["src"], paths["out"], *named.values()):
            assert report.read_bytes()[:20] != b"{", "an input was overwritten"
        else:
            assert not report.is_file(), "a refused run wrote a report"
    else:
        assert "tqcheck: error:" not in stderr, stderr
        for bit in case.says:
            assert bit in stderr, stderr
        data = json.loads(report.read_text(encoding="utf-8"))  # whole, parseable
        codes = {f["code"] for p in data["pairs"] for f in p["findings"]}
        assert set(case.codes) <= codes, codes
        _assert_positions_point_back(data, paths)
    leftovers = [p.name for p in tmp_path.rglob(".tqcheck-*")]
    assert not leftovers, leftovers


def _assert_positions_point_back(data: dict[str, Any], paths: dict[str, Path]) -> None:
    """Every sentence is in the report exactly once, in order, and its offsets and line point back to it
    in the decoded file."""
    for side, key, top in (("source", "src", "source"), ("target", "out", "translation")):
        doc = data[top]
        text = paths[key].read_bytes().decode(doc["encoding"]).replace("\r\n", "\n").replace("\r", "\n")
        text = text[1:] if text.startswith("\ufeff") else text
        sents = [s for p in data["pairs"] for s in p[side]["sentences"]]
        assert [s["index"] for s in sents] == list(range(doc["sentences"]))
        for p in data["pairs"]:
            for s in p[side]["sentences"]:
                piece = text[s["start"] : s["end"]]
                assert piece and piece == piece.strip() and piece in p[side]["text"]
                assert s["line"] == text.count("\n", 0, s["start"]) + 1


# --- faults: a crash mid-run, an interrupt, a previous report ----------------------------------------------


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TQCHECK_DEBUG", raising=False)
    src, out = tmp_path / "src.txt", tmp_path / "out.txt"
    src.write_text(ZH, encoding="utf-8")
    out.write_text(EN, encoding="utf-8")
    return src, out, tmp_path / REPORT


def _run(src: Path, out: Path, report: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, ["compare", str(src), str(out), "-f", "json", "-o", str(report),
                                     "--embedder", "none", *extra])


def test_refused_run_keeps_the_previous_report(pair: tuple[Path, Path, Path]) -> None:
    src, out, report = pair
    report.write_text("previous report", encoding="utf-8")
    out.write_bytes(b"")
    result = _run(src, out, report)
    assert result.exit_code == 2 and "file is empty" in result.stderr
    assert report.read_text(encoding="utf-8") == "previous report"


def test_crash_in_a_check_is_one_line_and_writes_nothing(pair: tuple[Path, Path, Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a check blew up")

    monkeypatch.setattr("tqcheck.check.runner._run", boom)  # in the forked checker and here alike
    src, out, report = pair
    result = _run(src, out, report)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error: RuntimeError: a check blew up" in lines[0]
    assert "Traceback" not in result.output
    assert not report.exists()


def test_crash_while_writing_leaves_no_half_report(pair: tuple[Path, Path, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import tqcheck.report.output as output

    src, out, report = pair
    report.write_text("previous report", encoding="utf-8")
    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> "Exploding":
            return self

        def __exit__(self, *exc: Any) -> None:
            self.fh.close()

        def write(self, text: str) -> int:
            self.fh.write(text[: len(text) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fdopen", lambda *a, **kw: Exploding(real_fdopen(*a, **kw)))
    result = _run(src, out, report)
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert report.read_text(encoding="utf-8") == "previous report"
    assert not list(report.parent.glob(".tqcheck-*"))


@pytest.mark.parametrize("where, jobs", [("tqcheck.pipeline.run_checks", "1"),  # checks in this process
                                         ("tqcheck.check.runner.ForkedChecker.run", "2")])  # waiting for the checker
def test_interrupt_exits_130_and_writes_nothing(pair: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch,
                                                where: str, jobs: str) -> None:
    import multiprocessing

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(where, interrupted)
    src, out, report = pair
    result = _run(src, out, report, "-j", jobs)
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert not report.exists()
    assert multiprocessing.active_children() == []  # the forked checker is ended, not left behind


def test_text_stays_text_in_the_json_report(pair: tuple[Path, Path, Path]) -> None:
    """Markup, shell syntax and control characters come back verbatim as JSON strings, never interpreted."""
    src, out, report = pair
    hostile = "<script>alert(1)</script> $(id) \x1b[2J\x1b]0;pwned\x07 {0} %s. " + EN
    out.write_text(hostile, encoding="utf-8")
    result = _run(src, out, report, "--tgt-lang", "en")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    joined = " ".join(p["target"]["text"] for p in data["pairs"])
    assert "<script>alert(1)</script>" in joined and "\x1b[2J" in joined
    assert "\x1b" not in report.read_text(encoding="utf-8")  # escaped as \u001b in the file


def test_text_report_does_not_pass_terminal_escapes(pair: tuple[Path, Path, Path]) -> None:
    src, out, report = pair
    out.write_text("The \x1b[2J\x1b]0;pwned\x07government announced sanctions on Russia. " + EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(src), str(out), "--embedder", "none", "--tgt-lang", "en",
                                       "--no-color"])
    assert result.exit_code in (0, 1), result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_no_network_at_run_time(pair: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The default run (bundled embedder included) works with every socket refused."""
    import socket

    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"network access attempted: {args[:2]!r}")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    src, out, report = pair
    result = CliRunner().invoke(main, ["compare", str(src), str(out), "-f", "json", "-o", str(report)])
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["signature"]["embedder"] != "none"


def test_a_crashing_rule_is_named_with_its_pair(pair: tuple[Path, Path, Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from tqcheck.check.rules import REGISTRY

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("division by zero")
        yield  # a generator, as rules are

    monkeypatch.setitem(REGISTRY, "TQ201", dataclasses.replace(REGISTRY["TQ201"], func=boom))
    src, out, report = pair
    result = _run(src, out, report)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" in lines[0]
    assert "rule TQ201 (malformed-number) failed on aligned pair #1: ZeroDivisionError: division by zero" in lines[0]
    assert "Traceback" not in result.output and not report.exists()
