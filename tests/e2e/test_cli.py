"""The command line: exit codes, one-line errors without tracebacks, modes, rules and explain."""
import json

import pytest
from click.testing import CliRunner

from tqcheck.cli import main

ZH = "日本政府宣布对俄罗斯实施新一轮制裁。普京表示，日本仍在使用俄罗斯的电力。\n"
EN_OK = "The Japanese government announced a new round of sanctions on Russia. Putin said Japan was still using Russian electricity.\n"
EN_GAP = "Japan** announced a new round of sanctions on Russia. Putin said Japan was still using Russian electricity.\n"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def pair(tmp_path):
    def make(src: str | bytes, out: str | bytes, names=("src.txt", "out.txt")):
        paths = []
        for name, content in zip(names, (src, out)):
            p = tmp_path / name
            p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
            paths.append(p)
        return paths
    return make


@pytest.mark.parametrize(
    "translation,fail_on,exit_zero,expected",
    [
        (EN_OK, "error", False, 0),
        (EN_GAP, "error", False, 1),
        (EN_GAP, "error", True, 0),
        (EN_GAP, "warning", False, 1),
        (EN_OK, "info", False, 0),
    ],
)
def test_exit_codes(pair, translation, fail_on, exit_zero, expected):
    src, out = pair(ZH, translation)
    args = ["compare", src, out, "--fail-on", fail_on] + (["--exit-zero"] if exit_zero else [])
    assert invoke(*args).exit_code == expected


@pytest.mark.parametrize(
    "src_content,problem",
    [
        (None, "no such file"),
        ("DIR", "is a directory"),
        ("", "file is empty"),
        ("  \n\t\n ", "only whitespace"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_source_file_exit_2_one_line(tmp_path, src_content, problem):
    out = tmp_path / "out.txt"
    out.write_text(EN_OK, encoding="utf-8")
    src = tmp_path / "src.txt"
    if src_content == "DIR":
        src.mkdir()
    elif isinstance(src_content, bytes):
        src.write_bytes(src_content)
    elif src_content is not None:
        src.write_text(src_content, encoding="utf-8")
    report = tmp_path / "report.json"
    result = invoke("compare", src, out, "-f", "json", "-o", report)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(src) in lines[0] and problem in lines[0], result.output
    assert "Traceback" not in result.output
    assert not report.exists()  # nothing half-written


def test_undecodable_bytes_named_with_line(pair):
    src, out = pair(ZH, EN_OK.encode() + b"Second line is fine.\nThird \xff\xfe\xc3\x28 is broken.\n")
    result = invoke("compare", src, out, "--encoding", "utf-8")
    assert result.exit_code == 2
    assert str(out) in result.output and "line 3" in result.output


def test_same_language_is_an_input_error(pair):
    src, out = pair(EN_OK, EN_GAP)
    result = invoke("compare", src, out)
    assert result.exit_code == 2 and "both in en" in result.output


def test_swapped_files_are_an_input_error(pair):
    # --src-lang/--tgt-lang given and the files plainly the other way round: exit 2, even with --exit-zero
    src, out = pair(EN_OK, ZH)
    result = invoke("compare", src, out, "--src-lang", "zh", "--tgt-lang", "en", "--exit-zero")
    assert result.exit_code == 2
    assert "swapped" in result.output and "Traceback" not in result.output


def test_english_source_gets_no_swap_note(pair):
    src, out = pair(EN_OK, ZH)
    result = invoke("compare", src, out, "--exit-zero")
    assert result.exit_code == 0
    assert "swapped" not in result.output


def test_unknown_language_and_rule_prefix_are_usage_errors(pair):
    src, out = pair(ZH, EN_OK)
    r = invoke("compare", src, out, "--src-lang", "klingon")
    assert r.exit_code == 2 and "unknown language" in r.output
    r = invoke("compare", src, out, "--select", "TQ9")
    assert r.exit_code == 2 and "TQ9" in r.output


def test_select_and_ignore(pair):
    src, out = pair(ZH, EN_GAP)
    assert invoke("compare", src, out, "--ignore", "TQ1").exit_code == 0
    assert invoke("compare", src, out, "--select", "TQ101").exit_code == 1


def test_aligned_mode_pairs_line_by_line(pair, tmp_path):
    src, out = pair("第一行有35人。\n第二行有44个团体。\n第三行。\n", "Line one has 35 people.\n\nLine three.\n")
    report = tmp_path / "r.json"
    result = invoke("compare", src, out, "--aligned", "--src-lang", "zh", "--tgt-lang", "en", "-f", "json", "-o", report)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["signature"]["mode"] == "aligned"
    assert [(p["source"]["sentences"][0]["line"], [s["line"] for s in p["target"]["sentences"]]) for p in data["pairs"]] == [
        (1, [1]), (2, [2]), (3, [3])]


def test_aligned_mode_line_count_mismatch(pair):
    src, out = pair("一。\n二。\n三。\n", "One.\nTwo.\n")
    result = invoke("compare", src, out, "--aligned", "--src-lang", "zh", "--tgt-lang", "en")
    assert result.exit_code == 2 and "--aligned" in result.output and str(out) in result.output


def test_sentences_per_line_mode_still_aligns(pair, tmp_path):
    src, out = pair(
        "日本宣布制裁。\n普京发表讲话。\n拉夫罗夫接受采访。\n",
        "Japan announced sanctions.\nLavrov gave an interview.\n",
    )
    report = tmp_path / "r.json"
    invoke("compare", src, out, "--sentences-per-line", "-f", "json", "-o", report, "--src-lang", "zh", "--tgt-lang", "en")
    data = json.loads(report.read_text(encoding="utf-8"))
    kinds = [p["link"] for p in data["pairs"]]
    assert kinds == ["1-1", "1-0", "1-1"]
    omitted = [f for p in data["pairs"] for f in p["findings"] if f["code"] == "TQ401"]
    assert len(omitted) == 1 and omitted[0]["location"]["line"] == 2


def test_rules_and_explain():
    r = invoke("rules")
    assert r.exit_code == 0 and "TQ101" in r.output and "TQ401" in r.output
    r = invoke("explain", "tq201")
    assert r.exit_code == 0 and "40$500" in r.output and "Why it matters" in r.output
    r = invoke("explain", "TQ999")
    assert r.exit_code == 2 and "unknown rule code" in r.output


def test_text_report_marks_span(pair):
    src, out = pair(ZH, EN_GAP)
    r = invoke("compare", src, out, "--no-color")
    assert r.exit_code == 1
    assert "Japan⟦**⟧" in r.output and "TQ101 error" in r.output
    assert f"{out}:1:6" in r.output  # file:line:column of the gap


def test_output_file_is_written_atomically(pair, tmp_path):
    src, out = pair(ZH, EN_GAP)
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    r = invoke("compare", src, out, "-f", "json", "-o", target)
    assert r.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tqcheck-")]


# Short news texts of our own in five languages, each a faithful translation of the others.
NEWS = {
    "en": "The port reopened on Monday after three weeks of floods. Ships had waited at anchor since November, "
          "the harbour authority said.\n",
    "zh": "港口在三周的洪水之后于周一重新开放。港务局说，船只自十一月以来一直在锚地等待。\n",
    "ja": "港は三週間の洪水の後、月曜日に再開した。港湾当局によると、船は十一月から沖で待機していた。\n",
    "de": "Der Hafen wurde am Montag nach drei Wochen Hochwasser wieder geöffnet. Die Schiffe hatten seit "
          "November vor Anker gewartet, teilte die Hafenbehörde mit.\n",
    "fr": "Le port a rouvert lundi après trois semaines d'inondations. Les navires attendaient au mouillage "
          "depuis novembre, a indiqué l'autorité portuaire.\n",
    "ru": "Порт вновь открылся в понедельник после трёх недель наводнения. Суда стояли на якоре с ноября, "
          "сообщило управление порта.\n",
}
DIRECTIONS = [("en", "zh"), ("zh", "en"), ("ja", "en"), ("en", "ja"), ("de", "fr"), ("fr", "de"), ("en", "ru"),
              ("ru", "en")]


@pytest.mark.parametrize(("sl", "tl"), DIRECTIONS)
def test_correct_direction_gets_no_swap_note(pair, sl, tl):
    src, out = pair(NEWS[sl], NEWS[tl])
    for given in ([], ["--src-lang", sl], ["--tgt-lang", tl], ["--src-lang", sl, "--tgt-lang", tl]):
        result = invoke("compare", src, out, "--exit-zero", "--embedder", "none", "--no-cache", *given)
        assert result.exit_code == 0, result.output
        assert "swap" not in result.output and "the other way round" not in result.output


@pytest.mark.parametrize(("sl", "tl"), DIRECTIONS)
def test_languages_given_the_other_way_round_are_an_input_error(pair, tmp_path, sl, tl):
    src, out = pair(NEWS[tl], NEWS[sl])  # the files in the wrong order for --src-lang sl --tgt-lang tl
    report = tmp_path / "report.json"
    for given in (["--src-lang", sl, "--tgt-lang", tl], ["--src-lang", sl], ["--tgt-lang", tl]):
        result = invoke("compare", src, out, "--exit-zero", "--embedder", "none", "--no-cache", "-o", report, *given)
        assert result.exit_code == 2, (given, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and str(src) in lines[0] and "swapped" in lines[0], result.output
        assert not report.exists()
