"""Configuration: [tool.tqcheck] / tqcheck.toml, validation naming the key, CLI precedence."""
import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.config import find_config, load_config
from tqcheck.errors import InputError
from tqcheck.types import Severity

ZH = "日本政府宣布对俄罗斯实施新一轮制裁。\n"
EN_GAP = "Japan** announced a new round of sanctions on Russia.\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_pyproject_table_and_pair_section(tmp_path):
    p = write(tmp_path, "pyproject.toml", """
[project]
name = "x"
[tool.tqcheck]
ignore = ["TQ402"]
fail-on = "warning"
glossary = ["terms.tsv"]
[tool.tqcheck.severity]
TQ101 = "warning"
[tool.tqcheck.pairs.zh-en]
ignore = ["TQ1"]
severity = { TQ201 = "info" }
""")
    cfg = load_config(p)
    assert cfg.fail_on == Severity.WARNING
    assert cfg.base.ignore == ("TQ402",)
    assert cfg.base.glossary == (str((tmp_path / "terms.tsv").resolve()),)
    zh = cfg.for_pair("zh", "en")
    assert zh.ignore == ("TQ1",) and zh.severity == {"TQ101": Severity.WARNING, "TQ201": Severity.INFO}
    assert cfg.for_pair("ru", "en").ignore == ("TQ402",)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("selct = ['TQ1']\n", "unknown key 'selct'"),
        ("select = ['TQ999']\n", "unknown rule code 'TQ999'"),
        ("select = 'TQ1'\nfail-on = 'fatal'\n", "fail-on"),
        ("[severity]\nTQ101 = 'loud'\n", "severity.TQ101"),
        ("[pairs.chinese]\nignore = []\n", "pairs.chinese"),
        ("[pairs.zh-en]\nfoo = 1\n", "unknown key 'pairs.zh-en.foo'"),
        ("select = [\n", "invalid TOML"),
        ("glossary = 3\n", "glossary"),
    ],
)
def test_bad_config_names_the_key(tmp_path, text, needle):
    p = write(tmp_path, "tqcheck.toml", text)
    with pytest.raises(InputError) as err:
        load_config(p)
    assert needle in str(err.value) and str(p) in str(err.value)


def test_bad_toml_names_the_line(tmp_path):
    p = write(tmp_path, "tqcheck.toml", "select = ['TQ1']\nignore = [\n")
    with pytest.raises(InputError) as err:
        load_config(p)
    assert err.value.line is not None


def test_find_config_walks_up_and_skips_foreign_pyproject(tmp_path):
    write(tmp_path, "tqcheck.toml", "ignore = ['TQ402']\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    write(tmp_path / "a", "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(sub) == tmp_path / "tqcheck.toml"


def test_cli_uses_config_and_options_override(tmp_path, monkeypatch):
    src, out = write(tmp_path, "s.txt", ZH), write(tmp_path, "o.txt", EN_GAP)
    write(tmp_path, "tqcheck.toml", "ignore = ['TQ101']\n")
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke
    assert run(main, ["compare", str(src), str(out)]).exit_code == 0  # config ignores the gap rule
    assert run(main, ["compare", str(src), str(out), "--ignore", ""]).exit_code == 1  # CLI overrides
    assert run(main, ["compare", str(src), str(out), "--isolated"]).exit_code == 1
    write(tmp_path, "tqcheck.toml", "[severity]\nTQ101 = 'warning'\n")
    assert run(main, ["compare", str(src), str(out)]).exit_code == 0
    assert run(main, ["compare", str(src), str(out), "--fail-on", "warning"]).exit_code == 1


def test_cli_bad_config_exit_2(tmp_path, monkeypatch):
    src, out = write(tmp_path, "s.txt", ZH), write(tmp_path, "o.txt", EN_GAP)
    write(tmp_path, "tqcheck.toml", "colour = true\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["compare", str(src), str(out)])
    assert r.exit_code == 2 and "unknown key 'colour'" in r.output and "Traceback" not in r.output
