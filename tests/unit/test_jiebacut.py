"""The segmentation that finds each run's dictionary path once gives jieba's own words and offsets."""
import pytest

from tqcheck.lang import _jiebacut, _libs
from zh_texts import sample_and_random_texts


def _texts() -> list[str]:
    # rare characters outside the dictionary, and the characters jieba keeps inside a run (+#&._%-)
    rnd, texts = sample_and_random_texts(7, mixed=200, rare=80)
    glued = ["".join(rnd.choice("中国的人民币2022年GDP增长5.5%-+#&_ .\r\n") for _ in range(rnd.randint(1, 25)))
             for _ in range(80)]
    edges = ["", " ", "\r\n", "\t\t", "郭梅说", "罗冠聪与段梦琪在杜伊斯堡", "2022年GDP增长5.5%", "a b\tc", "。。",
             "王小明abc李四", "长江大桥", "研究生命起源", "结婚的和尚未结婚的"]
    return texts + glued + edges


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    _libs._jieba()


def test_same_words_and_offsets_as_jieba() -> None:
    tokenizer = _libs._jieba().dt
    texts = _texts()
    assert len(texts) > 400
    for text in texts:
        assert list(_jiebacut.tokenize(text, tokenizer)) == list(tokenizer.tokenize(text)), text


def test_the_path_is_jieba_s() -> None:
    tokenizer = _libs._jieba().dt
    for text in ("研究生命起源", "结婚的和尚未结婚的", "长江大桥上的行人", "一"):
        route: dict[int, tuple[float, int]] = {}
        tokenizer.calc(text, tokenizer.get_DAG(text), route)
        assert _jiebacut.route(text, tokenizer) == tuple(route[x][1] + 1 for x in range(len(text)))


def test_the_patterns_are_jieba_s() -> None:
    import jieba

    assert _jiebacut._HAN.pattern == jieba.re_han_default.pattern
    assert _jiebacut._SKIP.pattern == jieba.re_skip_default.pattern


def test_the_model_s_words_are_finalseg_s() -> None:
    from jieba import finalseg

    texts = _texts() + ["".join(t) for t in zip(*[iter("罗冠聪段梦琪郭梅皮莱格雷琴惠特默")] * 3)]
    for text in texts:
        assert _jiebacut._finalseg_cut(text, finalseg) == list(finalseg.cut(text)), text
    word = list(finalseg.cut("罗冠聪说"))[0]
    assert len(word) > 1
    finalseg.add_force_split(word)  # a word the model is told to split, as jieba.del_word does
    try:
        assert _jiebacut._finalseg_cut("罗冠聪说", finalseg) == list(finalseg.cut("罗冠聪说")) == [*word, "说"]
    finally:
        finalseg.Force_Split_Words.discard(word)


def test_sure_bounds_start_and_end_words() -> None:
    """Every offset ``sure_bounds`` gives for a run is where one of jieba's words starts and the one before ends, so a
    place or a negator from one to another is whole words (``Language.on_word_boundaries`` asks no segmentation)."""
    tokenizer = _libs._jieba().dt
    seen = 0
    for text in _texts():
        for run in _jiebacut._HAN.findall(text):
            words = list(tokenizer.tokenize(run))
            starts, ends = {s for _, s, _ in words}, {e for _, _, e in words}
            sure = _jiebacut.sure_bounds(run, tokenizer)
            assert {0, len(run)} <= sure <= starts | {len(run)} and sure <= ends | {0}, run
            seen += len(sure) > 2
    assert seen > 100


def test_all_bounds_are_the_words_starts_and_ends() -> None:
    tokenizer = _libs._jieba().dt
    for text in _texts():
        for run in _jiebacut._HAN.findall(text):
            bounds = {s for _, s, _ in tokenizer.tokenize(run)} | {len(run)}
            assert _jiebacut.all_bounds(run, tokenizer) == bounds, run
