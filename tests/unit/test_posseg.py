"""The faster part-of-speech segmentation gives jieba.posseg.cut's words, and its tags wherever they come
from jieba's model rather than its dictionary."""
import pytest

from tqcheck.lang import _libs, _posseg
from zh_texts import sample_and_random_texts


def _jieba_cut(text: str) -> list[tuple[str, str]]:
    import jieba.posseg

    return [(p.word, p.flag) for p in jieba.posseg.cut(text)]


def _cut(text: str) -> list[tuple[str, str | None]]:
    return list(_posseg.cut(text, _libs._jieba().dt))


def _texts() -> list[str]:
    # rare characters the tagger has no states for, digits, Latin letters and spaces between them
    _, texts = sample_and_random_texts(14, mixed=150, rare=60)
    edges = ["", " ", "\r\n", "郭梅说", "罗冠聪与段梦琪在杜伊斯堡", "2022年GDP增长5.5%", "a b\tc", "。。", "王小明abc李四"]
    return texts + edges


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    _libs._jieba()


@pytest.mark.parametrize("chunk", range(4))
def test_same_words_and_model_tags_as_jieba(chunk: int) -> None:
    texts = _texts()[chunk::4]
    ours = [_cut(t) for t in texts]
    theirs = [_jieba_cut(t) for t in texts]
    assert [[w for w, _ in words] for words in ours] == [[w for w, _ in words] for words in theirs]
    tagged = [(a, b) for words, others in zip(ours, theirs) for a, b in zip(words, others) if a[1] is not None]
    assert len(tagged) > 100 and all(a == b for a, b in tagged)
    # a word left untagged is one jieba tags from its dictionary: a word of it, or one character
    freq = _libs._jieba().dt.FREQ
    assert all(len(w) == 1 or freq.get(w) for words in ours for w, tag in words if tag is None)


def test_the_model_and_patterns_are_jieba_posseg_s() -> None:
    from jieba import posseg

    states, start, trans, emit, *_ = _posseg._model()
    assert (states, start, trans, emit) == (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    for ours, theirs in ((_posseg._HAN_DETAIL, posseg.re_han_detail), (_posseg._SKIP_DETAIL, posseg.re_skip_detail),
                         (_posseg._HAN_INTERNAL, posseg.re_han_internal),
                         (_posseg._SKIP_INTERNAL, posseg.re_skip_internal), (_posseg._ENG, posseg.re_eng),
                         (_posseg._NUM, posseg.re_num)):
        assert ours.pattern == theirs.pattern


def test_person_names_come_from_the_tagger() -> None:
    names = [w.text for w in _libs.jieba_person_names("站长段梦琪说，罗冠聪昨天到了。")]
    assert names and names == [w for w, tag in _jieba_cut("站长段梦琪说，罗冠聪昨天到了。") if tag == "nr" and len(w) >= 2
                               and not _libs._jieba().dt.FREQ.get(w)]


def test_model_words_are_cut_s_words_of_the_model() -> None:
    """``model_words`` gives, at their offsets, every word of ``cut`` that is neither a word of the dictionary (it has
    a frequency) nor one character, nor the line break \\r\\n outside the runs: the only words that can be person names
    no dictionary has."""
    tokenizer = _libs._jieba().dt
    freq = tokenizer.FREQ
    for text in _texts():
        at, wanted = 0, []
        for word, flag in _cut(text):
            if len(word) >= 2 and not freq.get(word) and word != "\r\n":
                wanted.append((at, word, flag))
            at += len(word)
        assert at == len(text)
        got = [(s, w, f) for s, w, f in _posseg.model_words(text, tokenizer) if len(w) >= 2 and not freq.get(w)]
        assert got == wanted, text
