"""argostranslate end to end on tiny packages built by the fixtures: install, list, translate both ways,
pivot, tqcheck's sentence splitter, caching, and fast, helpful failures without the network."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import sacrebleu

from tqcheck.cache import DiskCache
from tqcheck.errors import InputError, ModelError
from tqcheck.models import manage, translators
from tqcheck.models.translators import (
    ArgosTranslator,
    SegmenterSBD,
    Translator,
    argos_dir,
    find_route,
)

ZH = ["今天的新闻。", "政府说，市场很大。第二句在这里。", "第一段。\n第二段。", ""]
EN = ["The minister said today.", "Police and court. Two sentences here!", "one\ntwo", "   "]


def _shape_ok(out: list[str], texts: list[str]) -> None:
    assert isinstance(out, list) and len(out) == len(texts) and all(isinstance(s, str) for s in out)
    for o, t in zip(out, texts):
        assert o.count("\n") == t.count("\n")  # paragraphs are kept
        if not t.strip():
            assert o == ""  # nothing to translate, nothing sent to the model
    assert any(out)  # the random model does emit tokens, and they are decoded


def test_install_file_and_list(installed: dict[tuple[str, str], Path]) -> None:
    models = manage.list_models()
    pairs = {m.name for m in models if m.kind == "translate"}
    assert pairs == {"zh-en", "en-zh", "en-de"}
    for m in models:
        if m.kind == "translate":
            assert Path(m.path).parent == argos_dir() / "packages"
            assert m.version == "1.0"
    assert any(m.kind == "embedder" and m.name == "use" for m in models)
    assert str(argos_dir()).startswith(os.environ["TQCHECK_DATA_DIR"])


def test_reinstall_replaces(installed: dict[tuple[str, str], Path]) -> None:
    manage.install_file(installed[("zh", "en")])
    assert [m.name for m in manage.list_models() if m.kind == "translate"].count("zh-en") == 1


def test_translate_both_directions(installed: dict[tuple[str, str], Path], no_network: list[str]) -> None:
    tr = ArgosTranslator()
    assert isinstance(tr, Translator)
    _shape_ok(tr.translate(ZH, "zh", "en"), ZH)  # back-translation of a Chinese translation
    _shape_ok(tr.translate(EN, "en", "zh"), EN)  # forward translation of an English source
    assert tr.translate(EN, "en", "en") == EN and tr.translate([], "zh", "en") == []
    assert no_network == []  # no splitter or model download was even attempted


def test_pivot_through_english(installed: dict[tuple[str, str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    tr = ArgosTranslator()
    assert [(p.from_code, p.to_code) for p in tr.route("zh", "de")] == [("zh", "en"), ("en", "de")]
    seen: list[str] = []
    real = ArgosTranslator._run_package
    monkeypatch.setattr(ArgosTranslator, "_run_package",
                        lambda self, pkg, texts: seen.append(f"{pkg.from_code}-{pkg.to_code}") or real(self, pkg, texts))
    _shape_ok(tr.translate(ZH, "zh", "de"), ZH)
    assert seen == ["zh-en", "en-de"]


@pytest.mark.parametrize(
    ("pairs", "src", "tgt", "route"),
    [
        ({("zh", "en")}, "zh", "en", [("zh", "en")]),
        ({("zh", "en"), ("en", "de")}, "zh", "de", [("zh", "en"), ("en", "de")]),
        ({("zh", "fr"), ("fr", "de"), ("zh", "en"), ("en", "de")}, "zh", "de", [("zh", "en"), ("en", "de")]),
        ({("zh", "fr"), ("fr", "de")}, "zh", "de", [("zh", "fr"), ("fr", "de")]),
        ({("zh", "en"), ("de", "en")}, "zh", "de", None),
        (set(), "zh", "en", None),
    ],
)
def test_find_route(pairs: set[tuple[str, str]], src: str, tgt: str, route: list[tuple[str, str]] | None) -> None:
    assert find_route(pairs, src, tgt) == route


def test_sentences_split_by_tqcheck(installed: dict[tuple[str, str], Path], monkeypatch: pytest.MonkeyPatch,
                                    no_network: list[str]) -> None:
    split: list[str] = []
    real = SegmenterSBD.split_sentences
    monkeypatch.setattr(SegmenterSBD, "split_sentences", lambda self, text: split.extend(real(self, text)) or real(self, text))
    ArgosTranslator().translate(["政府说。市场很大！", "“你好。”他说。"], "zh", "en")
    assert split == ["政府说。", "市场很大！", "“你好。”", "他说。"]
    assert no_network == []


def test_argostranslate_own_api_uses_tqcheck_splitter(installed: dict[tuple[str, str], Path],
                                                      no_network: list[str]) -> None:
    translators.use_tqcheck_sbd()
    import argostranslate.translate as at

    translation = at.get_translation_from_codes("zh", "en")
    sentencizer = translation.underlying.sentencizer
    assert isinstance(sentencizer, SegmenterSBD)
    import argostranslate.sbd as sbd

    assert isinstance(sentencizer, sbd.ISentenceBoundaryDetectionModel)
    out = at.translate("政府说。市场很大！", "zh", "en")
    assert isinstance(out, str) and out
    assert no_network == []  # no MiniSBD/stanza/spaCy model was fetched


def test_translations_are_cached(installed: dict[tuple[str, str], Path], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = ArgosTranslator._run_package
    monkeypatch.setattr(ArgosTranslator, "_run_package",
                        lambda self, pkg, texts: calls.append(len(texts)) or real(self, pkg, texts))
    first = ArgosTranslator(cache=DiskCache(tmp_path)).translate(ZH + ZH[:1], "zh", "en")
    assert calls == [len(ZH)]  # the duplicate is translated once
    second = ArgosTranslator(cache=DiskCache(tmp_path)).translate(ZH + ZH[:1], "zh", "en")
    assert second == first and calls == [len(ZH)]
    ArgosTranslator(cache=DiskCache(tmp_path), beam_size=1).translate(ZH, "zh", "en")
    assert calls[-1] == len(ZH)  # another beam width is another model id


def test_missing_package_names_the_install_command(installed: dict[tuple[str, str], Path]) -> None:
    t0 = time.perf_counter()
    with pytest.raises(ModelError) as err:
        ArgosTranslator().translate(["Bonjour."], "fr", "ja")
    msg = str(err.value)
    assert "tqcheck models install fr ja" in msg and "install-file" in msg and "fr en and en ja" in msg
    assert "en->de" in msg  # what is installed
    assert time.perf_counter() - t0 < 5


def test_install_from_index_fails_fast_offline(no_network: list[str]) -> None:
    t0 = time.perf_counter()
    with pytest.raises(ModelError, match="install-file"):
        manage.install("zh", "en")
    assert time.perf_counter() - t0 < 5
    assert no_network  # it did try, once


def test_remove(installed: dict[tuple[str, str], Path]) -> None:
    removed = manage.remove("en", "zh")
    assert [m.name for m in removed] == ["en-zh"] and not Path(removed[0].path).exists()
    assert "en-zh" not in {m.name for m in manage.list_models()}
    with pytest.raises(ModelError, match="no argostranslate package en-zh is installed"):
        manage.remove("en", "zh")
    with pytest.raises(ModelError, match="tqcheck models install en zh"):
        ArgosTranslator().translate(["Hello."], "en", "zh")


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"metadata.json": "{}"}, "exactly one folder"),
        ({"p/README.md": "x"}, "no p/metadata.json"),
        ({"p/metadata.json": "{nope"}, "not valid JSON"),
        ({"p/metadata.json": '{"type": "sbd"}'}, "not a translation package"),
        ({"p/metadata.json": '{"from_code": "zh"}'}, "no from_code/to_code"),
        ({"p/metadata.json": '{"from_code": "zh", "to_code": "en"}'}, "model.bin"),
        ({"p/metadata.json": '{"from_code": "zh", "to_code": "en"}', "p/model/model.bin": ""}, "sentencepiece"),
    ],
)
def test_install_file_rejects_bad_archives(tmp_path: Path, files: dict[str, str], problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        manage.install_file(_zip(tmp_path / "bad.argosmodel", files))
    packages = argos_dir() / "packages"
    assert not packages.exists() or not any(packages.iterdir())  # nothing half-installed


def test_install_file_not_a_zip(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        manage.install_file(tmp_path / "missing.argosmodel")
    (tmp_path / "x.argosmodel").write_text("plain text")
    with pytest.raises(InputError, match="zip archive"):
        manage.install_file(tmp_path / "x.argosmodel")


def test_argos_folders_stay_under_tqcheck_data_dir(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_"))}
    env.update(HOME=str(home), TQCHECK_DATA_DIR=str(tmp_path / "data"))
    code = "from tqcheck.models.manage import list_models; print(len(list_models()))"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=120)
    assert list(home.rglob("*")) == []  # nothing in the home folder
    assert (tmp_path / "data" / "argos" / "packages").is_dir()


def test_back_translation_scores(installed: dict[tuple[str, str], Path], st_model_dir: Path, tmp_path: Path) -> None:
    """The semantic evidence chain: back-translate, score against the source, embed both sides."""
    from tqcheck.cache import CachedEmbedder
    from tqcheck.models.st_embedder import STEmbedder

    source = ["The minister said today.", "Police and court."]
    translation = ["今天的新闻。", "政府说。"]
    back = ArgosTranslator(cache=DiskCache(tmp_path)).translate(translation, "zh", "en")
    chrf = [sacrebleu.sentence_chrf(b, [s]).score for b, s in zip(back, source)]
    assert all(0.0 <= c <= 100.0 for c in chrf)
    emb = CachedEmbedder(STEmbedder(str(st_model_dir)), DiskCache(tmp_path))
    sims = (emb.encode(source) * emb.encode(back)).sum(axis=1)
    assert sims.shape == (2,) and all(-1.0001 <= s <= 1.0001 for s in sims)


def test_translators_are_looked_up_in_the_backends_table():
    from tqcheck.errors import ModelError
    from tqcheck.models.translators import ArgosTranslator, get_translator

    assert get_translator(None) is None and get_translator("none") is None
    assert isinstance(get_translator("argos"), ArgosTranslator)
    with pytest.raises(ModelError, match="valid values: argos, none"):
        get_translator("deepl")
