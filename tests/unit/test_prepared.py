"""Prepared copies of the libraries' data (tqcheck/prepared.py) give exactly what the libraries load their own way."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tqcheck import prepared as prep


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(prep.ENV_DIR, str(tmp_path))
    return tmp_path


def test_built_once_then_reused(cache_dir: Path) -> None:
    source = cache_dir / "lib.txt"
    source.write_text("data", encoding="utf-8")
    calls = []

    def build(folder: Path) -> None:
        calls.append(folder)
        (folder / "copy.txt").write_text(source.read_text(encoding="utf-8").upper(), encoding="utf-8")

    first = prep.prepared("lib", [source], build)
    assert first is not None and (first / "copy.txt").read_text(encoding="utf-8") == "DATA"
    assert prep.prepared("lib", [source], build) == first and len(calls) == 1
    source.write_text("other data", encoding="utf-8")  # a new version of the library: a new copy
    second = prep.prepared("lib", [source], build)
    assert second != first and (second / "copy.txt").read_text(encoding="utf-8") == "OTHER DATA"
    assert not [p for p in (cache_dir / "prepared").iterdir() if p.name.startswith(".")]  # no half-built folder


def test_unwritable_cache_gives_none(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = cache_dir / "lib.txt"
    source.write_text("data", encoding="utf-8")
    blocker = cache_dir / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(prep.ENV_DIR, str(blocker))  # a file where the folder should be
    assert prep.prepared("lib", [source], lambda folder: None) is None


def test_failed_build_leaves_nothing(cache_dir: Path) -> None:
    source = cache_dir / "lib.txt"
    source.write_text("data", encoding="utf-8")

    def build(folder: Path) -> None:
        raise OSError("disk full")

    assert prep.prepared("lib", [source], build) is None
    assert list((cache_dir / "prepared").iterdir()) == []


def test_jieba_prefix_dictionary(cache_dir: Path) -> None:
    import jieba

    from tqcheck.lang._libs import _prepared_jieba

    own = jieba.Tokenizer()
    own.initialize()
    assert _prepared_jieba(jieba.Tokenizer()) is None  # the first call builds from jieba's own load
    loaded = _prepared_jieba(jieba.Tokenizer())
    assert loaded is not None
    freq, total = loaded
    assert total == own.total and freq == own.FREQ and list(freq) == list(own.FREQ)


def test_py3langid_model(cache_dir: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from tqcheck.read.langid import _prepared_identifier

    ours, own = _prepared_identifier(), LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert ours is not None
    for slot in LanguageIdentifier.__slots__:
        assert pickle.dumps(getattr(ours, slot)) == pickle.dumps(getattr(own, slot)), slot
    for text in ("Japan announced new sanctions", "日本宣布对俄罗斯实施制裁", "Das ist gut", "Привет, мир"):
        assert ours.rank(text) == own.rank(text)


def test_pykakasi_readings(cache_dir: Path) -> None:
    from pykakasi.properties import Configurations

    from tqcheck.check.translit import _KanjiReadings

    with open(Configurations.dictpath(Configurations.jisyo_kanwa), "rb") as fh:  # type: ignore[call-arg,arg-type]
        own = pickle.load(fh)
    table = _KanjiReadings.open()
    assert table is not None
    for char in "岸田文雄日本東京公司々":
        ours = table.get(ord(char))
        as_tuples = {word: [tuple(r) for r in readings] for word, readings in ours.items()} if ours else ours
        assert as_tuples == own.get(ord(char)), char
        assert table.longest(ord(char)) == max(map(len, own.get(ord(char), ())), default=0), char
    assert table.longest(ord("a")) == 0
    assert table.get(ord("a")) is None and table.get(ord("a"), "missing") == "missing"
    table.read_all()  # what a benchmark of the checks alone reads before timing
    assert {cp for cp, entries in table._rows.items() if entries} == set(own)


@pytest.mark.parametrize("lang, words", [
    ("en", ["houses", "went", "Houses", "better", "e-mail", "don't", "Qwzx", "Kishida's", "ﬁnance"]),
    ("de", ["Häuser", "ging", "hoffnungslos", "Frankreichs", "rheinland-pfälzische", "Qwzx", "u\u0308ber"]),
])
def test_simplemma_dictionaries(cache_dir: Path, lang: str, words: list[str]) -> None:
    import unicodedata

    import simplemma

    from tqcheck.lang._libs import _simplemma_dictionary, simplemma_lemmatizer, simplemma_lexicon
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    assert _simplemma_dictionary(lang) == _load_dictionary_from_disk(lang)  # built, then read back
    assert _simplemma_dictionary(lang) == _load_dictionary_from_disk(lang)
    known, lemma = simplemma_lexicon(lang), simplemma_lemmatizer(lang)
    for word in words:
        assert known(word) == simplemma.is_known(unicodedata.normalize("NFC", word), lang=lang), word
        assert lemma(word) == simplemma.lemmatize(word, lang=lang), word


def test_damaged_readings_copy_leaves_pykakasi_to_load(cache_dir: Path) -> None:
    from tqcheck.check.translit import _KANWA_COPY, _KanjiReadings

    assert _KanjiReadings.open() is not None
    (copy,) = (cache_dir / "prepared").glob(f"{_KANWA_COPY}-*/kanwa.sqlite3")
    copy.write_bytes(b"not a database" * 100)
    assert _KanjiReadings.open() is None


def test_a_new_version_replaces_the_old_copy(cache_dir: Path) -> None:
    source = cache_dir / "lib.txt"
    source.write_text("data", encoding="utf-8")
    other = cache_dir / "other.txt"
    other.write_text("x", encoding="utf-8")

    def build(folder: Path) -> None:
        (folder / "copy.txt").write_text("copy", encoding="utf-8")

    first = prep.prepared("lib", [source], build)
    kept = prep.prepared("lib-other", [other], build)  # another library whose name begins the same way
    source.write_text("new version", encoding="utf-8")
    second = prep.prepared("lib", [source], build)
    assert first is not None and second is not None and kept is not None
    assert not first.exists() and second.is_dir() and kept.is_dir()
    copies, size = prep.usage()
    assert copies == 2 and size == 2 * len("copy")
    assert prep.remove_all() == 2 and prep.usage() == (0, 0)
    assert prep.prepared("lib", [source], build) == second  # built again when next needed


def test_two_installations_keep_their_own_copies(cache_dir: Path) -> None:
    """Two installations of a library sharing one cache folder (two virtual environments, two checkouts) each
    keep their copy: replacing each other's, every run after the other's would build its copy again."""
    calls = []
    mine, theirs = cache_dir / "env1" / "lib.txt", cache_dir / "env2" / "lib.txt"
    for source in (mine, theirs):
        source.parent.mkdir()
        source.write_text("data", encoding="utf-8")

    def build(folder: Path) -> None:
        calls.append(folder)
        (folder / "copy.txt").write_text("copy", encoding="utf-8")

    first = prep.prepared("lib", [mine], build)
    other = prep.prepared("lib", [theirs], build)
    assert first is not None and other is not None and first != other
    assert prep.prepared("lib", [mine], build) == first and prep.prepared("lib", [theirs], build) == other
    assert len(calls) == 2 and first.is_dir() and other.is_dir()
    assert prep.usage() == (2, 2 * len("copy"))
    mine.write_text("new version", encoding="utf-8")  # this installation's library replaced: its old copy goes
    second = prep.prepared("lib", [mine], build)
    assert second is not None and not first.exists() and other.is_dir()


def test_cache_commands_show_and_clear_prepared_copies(cache_dir: Path) -> None:
    from click.testing import CliRunner

    from tqcheck.cli import main

    source = cache_dir / "lib.txt"
    source.write_text("data", encoding="utf-8")
    assert prep.prepared("lib", [source], lambda f: (f / "copy.txt").write_text("12345", encoding="utf-8"))
    info = CliRunner().invoke(main, ["cache", "info"], catch_exceptions=False)
    assert "prepared copies of the language libraries' data: 1, 5 B" in info.stdout
    plain = CliRunner().invoke(main, ["cache", "clear"], catch_exceptions=False)
    assert plain.exit_code == 0 and prep.usage() == (1, 5)  # embeddings and translations only
    cleared = CliRunner().invoke(main, ["cache", "clear", "--prepared"], catch_exceptions=False)
    assert cleared.exit_code == 0 and "removed 1 prepared copy from" in cleared.stdout
    assert prep.usage() == (0, 0)


def test_gazetteer_copy_is_the_gazetteer(cache_dir: Path) -> None:
    """The gazetteer opened from its prepared copy holds every place, name, adjective and compound of the one
    built from pycountry and the hand tables, in the same order; a damaged copy is built again."""
    from tqcheck.check import gazetteer_build as gb

    built = gb.build_gazetteer()
    gb.get_gazetteer.cache_clear()
    try:
        first = gb.get_gazetteer()  # builds the copy
        (copy,) = (cache_dir / "prepared").glob("gazetteer-*/gazetteer.json")
        gb.get_gazetteer.cache_clear()
        opened = gb.get_gazetteer()  # opens it
        for g in (first, opened):
            assert list(g.places) == list(built.places) and g.places == built.places
            assert g.adjectives == built.adjectives and g.cjk_compounds == built.cjk_compounds
        assert opened.places["DE"].names["fr"] == built.places["DE"].names["fr"]
        copy.write_text("{", encoding="utf-8")
        gb.get_gazetteer.cache_clear()
        assert gb.get_gazetteer().places == built.places
    finally:
        gb.get_gazetteer.cache_clear()
