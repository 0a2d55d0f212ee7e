"""Sentence segmentation: a table of (lang, text, expected sentences) plus offset and coverage properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.segment.languages import SUPPORTED_LANGS
from tqcheck.segment.segmenter import segment_lines, segment_text, split_spans

CASES = [
    # --- English ---
    ("en", "It rained. The sun came out. We left!", ["It rained.", "The sun came out.", "We left!"]),
    ("en", "Mr. Smith met Dr. Jones at 5 p.m. on Main St. in town.", ["Mr. Smith met Dr. Jones at 5 p.m. on Main St. in town."]),
    ("en", "Use fruit, e.g. apples. Or i.e. pears? Yes.", ["Use fruit, e.g. apples.", "Or i.e. pears?", "Yes."]),
    ("en", "He moved to the U.S. in 1990. It was cold.", ["He moved to the U.S. in 1990.", "It was cold."]),
    ("en", "Prices rose 3.5 per cent. See No. 7 and p. 12 for details.", ["Prices rose 3.5 per cent.", "See No. 7 and p. 12 for details."]),
    ("en", "J. R. R. Tolkien wrote it. So did I. We read it.", ["J. R. R. Tolkien wrote it.", "So did I.", "We read it."]),
    ("en", "Apples, pears etc. and plums. Nuts, seeds, etc. Then water.", ["Apples, pears etc. and plums.", "Nuts, seeds, etc.", "Then water."]),
    ("en", 'He said "Stop." Then he left. (It was late.) Nobody came.', ['He said "Stop."', "Then he left.", "(It was late.)", "Nobody came."]),
    ("en", "Wait... what was that? Oh... Nothing.", ["Wait... what was that?", "Oh...", "Nothing."]),
    ("en", "The year was 1999. 2000 came next.", ["The year was 1999.", "2000 came next."]),
    ("en", "The sky is blue.\n\nThe grass is green", ["The sky is blue.", "The grass is green"]),
    ("en", "Introduction\nThis report covers sales.\n\nResults and Discussion\nSales rose.", ["Introduction", "This report covers sales.", "Results and Discussion", "Sales rose."]),
    ("en", "This sentence was wrapped by an editor at a fixed width so that it\ncontinues on the next line. Done.", ["This sentence was wrapped by an editor at a fixed width so that it\ncontinues on the next line.", "Done."]),
    # A short line is a headline, whatever case the next line starts with (a longer one runs on).
    ("en", "Floods close the port\nthe authority said on Monday.", ["Floods close the port", "the authority said on Monday."]),
    ("en", "Bring these:\n- bread\n- milk", ["Bring these:", "- bread", "- milk"]),
    ("en", "I met Dr.\nSmith there.", ["I met Dr.\nSmith there."]),
    ("en", "The drone flies as high as 3 thousand m. After tests it enters service.", ["The drone flies as high as 3 thousand m.", "After tests it enters service."]),
    # A line longer than wraps usually are (80), or broken before it was full (the document has longer
    # lines), was typed as it is: a chat turn, whatever case the next line starts in.
    ("de", "aber oben am Rand von dem Holzteil sind zwei tiefe Kerben, die mit irgendwas Gelbem gefüllt wurden\nund auf dem Spiegel ist ein Kratzer",
     ["aber oben am Rand von dem Holzteil sind zwei tiefe Kerben, die mit irgendwas Gelbem gefüllt wurden", "und auf dem Spiegel ist ein Kratzer"]),
    ("fr", "j'ai acheté 5 livres groupés et il en manque un sur ma liseuse\npouvez vous me dire comment récupérer celui qui est payé mais qui n'apparaît pas ?",
     ["j'ai acheté 5 livres groupés et il en manque un sur ma liseuse", "pouvez vous me dire comment récupérer celui qui est payé mais qui n'apparaît pas ?"]),
    # Chat starts sentences in lower case after a question (not after a brand's exclamation mark).
    ("en", "How did it go? did you get the link? Yes.", ["How did it go?", "did you get the link?", "Yes."]),
    ("en", "It works now! thanks a lot. The Yahoo! homepage is up.", ["It works now!", "thanks a lot.", "The Yahoo! homepage is up."]),
    # ... and after a full stop between ordinary words, with a clause to follow (not after an abbreviation).
    ("en", "I sent the link to reset your password. please check your mail.", ["I sent the link to reset your password.", "please check your mail."]),
    ("en", "Prices are shown incl. taxes and fees. The shop opens at nine.", ["Prices are shown incl. taxes and fees.", "The shop opens at nine."]),
    ("en", "Two rods and three AA bat. not incl.", ["Two rods and three AA bat. not incl."]),
    ("fr", "Je reverrai cela demain. merci pour votre aide.", ["Je reverrai cela demain.", "merci pour votre aide."]),
    ("uk", "сьогодні не мій день. зламались жалюзі у вітальні.", ["сьогодні не мій день.", "зламались жалюзі у вітальні."]),
    # A unit after a number ends a sentence though the abbreviation lists hold it (French MM., Russian см.).
    ("fr", "Les feuilles mesurent 15 mm. Les fleurs sont jaunes.", ["Les feuilles mesurent 15 mm.", "Les fleurs sont jaunes."]),
    ("ru", "Высота матраса 23 см. Чехол съёмный. См. рис. 2.", ["Высота матраса 23 см.", "Чехол съёмный.", "См. рис. 2."]),
    ("en", "Hello there. Hello there. Hello there.", ["Hello there.", "Hello there.", "Hello there."]),
    ("en", "   ", []),
    ("en", "", []),
    # --- German ---
    ("de", "Am 3. Oktober 1990 kam die Einheit. Das war z.B. wichtig.", ["Am 3. Oktober 1990 kam die Einheit.", "Das war z.B. wichtig."]),
    ("de", "Der 2. Weltkrieg endete 1945. Danach kam der Frieden.", ["Der 2. Weltkrieg endete 1945.", "Danach kam der Frieden."]),
    ("de", "Er kostet ca. 1.234,5 Euro bzw. mehr. Das sind 5 Mio. Euro im Jahr.", ["Er kostet ca. 1.234,5 Euro bzw. mehr.", "Das sind 5 Mio. Euro im Jahr."]),
    ("de", "Siehe Nr. 4 und Abs. 2. Dr. Müller kam usw. Dann ging er.", ["Siehe Nr. 4 und Abs. 2.", "Dr. Müller kam usw.", "Dann ging er."]),
    ("de", "Sie sagte: „Ja.“ Dann ging sie.", ["Sie sagte: „Ja.“", "Dann ging sie."]),
    ("de", "Vertessen kam (65. Minute) und glich aus (80. Minute, 1:1). Dann war Schluss.", ["Vertessen kam (65. Minute) und glich aus (80. Minute, 1:1).", "Dann war Schluss."]),
    ("de", "Der Tempel wurde im Jahr 70 n. Chr. zerstört. Heute steht dort eine Moschee.", ["Der Tempel wurde im Jahr 70 n. Chr. zerstört.", "Heute steht dort eine Moschee."]),
    # --- French ---
    ("fr", "M. Dupont et Mme. Durand sont là. Ils partent.", ["M. Dupont et Mme. Durand sont là.", "Ils partent."]),
    ("fr", "Il a dit « Oui. » Puis il est parti.", ["Il a dit « Oui. »", "Puis il est parti."]),
    ("fr", "Des fruits, p. ex. des pommes. César est mort en 44 av. J.-C. Rome changea.", ["Des fruits, p. ex. des pommes.", "César est mort en 44 av. J.-C.", "Rome changea."]),
    ("fr", "Compatible avec les batteries 10.8 V. Ceux-ci se commandent en ligne.", ["Compatible avec les batteries 10.8 V.", "Ceux-ci se commandent en ligne."]),
    ("fr", "Il mesure 3,5 m. Il a 12 ans.", ["Il mesure 3,5 m.", "Il a 12 ans."]),
    # --- Spanish ---
    ("es", "El Sr. García y la Sra. López llegaron. ¿Vienes? No. Me quedo.", ["El Sr. García y la Sra. López llegaron.", "¿Vienes?", "No.", "Me quedo."]),
    ("es", "EE.UU. es grande. Ud. lo sabe. Ver pág. 5.", ["EE.UU. es grande.", "Ud. lo sabe.", "Ver pág. 5."]),
    ("es", "¡Hola! ¿Qué tal? Bien, gracias.", ["¡Hola!", "¿Qué tal?", "Bien, gracias."]),
    # --- Russian ---
    ("ru", "Это т.е. пример. А. С. Пушкин родился в 1799 г. в Москве. Хорошо.", ["Это т.е. пример.", "А. С. Пушкин родился в 1799 г. в Москве.", "Хорошо."]),
    ("ru", "Цена 5 млн. руб. и 3 тыс. долл. Проф. Иванов живёт на ул. Ленина.", ["Цена 5 млн. руб. и 3 тыс. долл.", "Проф. Иванов живёт на ул. Ленина."]),
    ("ru", "Столы, стулья и т.д. и т.п. Потом обед. Рост 1,5 м.", ["Столы, стулья и т.д. и т.п.", "Потом обед.", "Рост 1,5 м."]),
    ("ru", "Он сказал: „Да.“ Потом ушёл.", ["Он сказал: „Да.“", "Потом ушёл."]),
    # One-letter words are no initials (я, є), and a unit after a figure and its scale word ends a sentence.
    ("ru", "Кто там? Это я. Открой дверь.", ["Кто там?", "Это я.", "Открой дверь."]),
    ("uk", "Звісно ж, так і є. Але Дейв дещо забув.", ["Звісно ж, так і є.", "Але Дейв дещо забув."]),
    ("ru", "Высота полета достигает 3 тыс. м. После испытаний БПЛА поступит в армию.", ["Высота полета достигает 3 тыс. м.", "После испытаний БПЛА поступит в армию."]),
    ("ru", "Глава 1\nВ начале было слово.\nКонец", ["Глава 1", "В начале было слово.", "Конец"]),
    # --- Chinese ---
    ("zh", "今天天气很好。我们去公园吧！你去吗？", ["今天天气很好。", "我们去公园吧！", "你去吗？"]),
    ("zh", "他说：“你好。”我走了。价格是3.5元，很便宜。", ["他说：“你好。”", "我走了。", "价格是3.5元，很便宜。"]),
    ("zh", "我走了。“你好，”他说。“再见！”", ["我走了。", "“你好，”他说。", "“再见！”"]),
    ("zh", "他想了想……然后离开了。（这是真的。）结束。", ["他想了想……", "然后离开了。", "（这是真的。）", "结束。"]),
    ("zh", "第一章\n天很蓝\n我很好。", ["第一章", "天很蓝", "我很好。"]),
    ("zh", "你好。你好。你好。", ["你好。", "你好。", "你好。"]),
    ("zh", "全角数字３．５不分句。对吧？", ["全角数字３．５不分句。", "对吧？"]),
    # --- Japanese ---
    ("ja", "今日は晴れです。散歩に行きましょう！いいですか？", ["今日は晴れです。", "散歩に行きましょう！", "いいですか？"]),
    # ASCII dots as an ellipsis between sentences (but not before a quotative particle).
    ("ja", "勉強以外で...ゲームを見てます。", ["勉強以外で...", "ゲームを見てます。"]),
    ("ja", "あれば...と思っていた。", ["あれば...と思っていた。"]),
    ("ja", "「こんにちは。」と彼は言った。『さようなら。』また明日。", ["「こんにちは。」と彼は言った。", "『さようなら。』", "また明日。"]),
    # A quote before a particle is part of the sentence; so is an exclamation mark inside a Latin-script name.
    ("ja", "もし「作業継続！」みたいな感じだったら、「避難せよ！」の代わりにね。それは別。", ["もし「作業継続！」みたいな感じだったら、「避難せよ！」の代わりにね。", "それは別。"]),
    ("ja", "竜巻の被害（日刊スポーツ） - Yahoo!ニュース。発売中です!次へ", ["竜巻の被害（日刊スポーツ） - Yahoo!ニュース。", "発売中です!", "次へ"]),
    # --- Korean ---
    ("ko", "안녕하세요. 저는 학생입니다. 정말요? 네!", ["안녕하세요.", "저는 학생입니다.", "정말요?", "네!"]),
    ("ko", "그는 3.5점을 받았다.그리고 집에 갔다.", ["그는 3.5점을 받았다.", "그리고 집에 갔다."]),
    # --- Arabic ---
    ("ar", "هل أنت بخير؟ نعم، أنا بخير. شكراً لك!", ["هل أنت بخير؟", "نعم، أنا بخير.", "شكراً لك!"]),
    ("ar", "السعر 3.5 دينار. هذا رخيص.", ["السعر 3.5 دينار.", "هذا رخيص."]),
    # --- unknown language: generic rules, no error ---
    ("xx", "Dr. Who is here. He left.", ["Dr. Who is here.", "He left."]),
    ("pt-BR", "O Sr. Silva chegou. Ele saiu.", ["O Sr. Silva chegou.", "Ele saiu."]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_spans(text, lang)] == expected
    # A sentence's text is re-flowed: a line break inside it reads as a space, and its length is kept.
    assert [seg.text for seg in segment_text(text, lang)] == [e.replace("\n", " ") for e in expected]


def test_supported_langs() -> None:
    assert {"zh", "ja", "ko", "ru", "en", "de", "fr", "es", "ar"} <= SUPPORTED_LANGS


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "It rained. It rained.\n\nIt rained."), ("zh", "你好。你好。\n你好。"), ("de", "Ja. Ja. Ja.")],
)
def test_repeated_sentences_get_distinct_offsets(lang: str, text: str) -> None:
    segs = segment_text(text, lang)
    assert len(segs) == 3
    assert len({seg.text for seg in segs}) == 1
    assert len({seg.start for seg in segs}) == 3
    for seg in segs:
        assert text[seg.start : seg.end] == seg.text


def test_segment_positions() -> None:
    text = "Title\n\n  First one. Second one.\nThird one."
    segs = segment_text(text, "en")
    assert [(s.index, s.text, s.line, s.column) for s in segs] == [
        (0, "Title", 1, 1),
        (1, "First one.", 3, 3),
        (2, "Second one.", 3, 14),
        (3, "Third one.", 4, 1),
    ]


def test_segment_lines() -> None:
    text = "  One. Two.\n\n\tThree \n \nFour"
    segs = segment_lines(text)
    assert [(s.index, s.text, s.start, s.line, s.column) for s in segs] == [
        (0, "One. Two.", 2, 1, 3),
        (1, "Three", 14, 3, 2),
        (2, "Four", 23, 5, 1),
    ]


# --- properties --------------------------------------------------------------------------------

_SPECIAL = (
    list(" \t\n\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u2029\u3000")  # whitespace, incl. Unicode line breaks
    + list(".!?…。！？．؟۔;,:\"'“”‘’«»「」『』（）()[]¿¡-—•#")  # terminators, quotes, brackets
    + list("\u200b\u200c\u200d\u200e\u200f\u202e\u2066\u2069\ufeff")  # zero-width and bidi controls
    + list("\u0301\u0308\u20dd")  # combining marks
    + ["😀", "👍🏽", "🇩🇪", "👨‍👩‍👧"]  # emoji, with modifiers and ZWJ sequences
    + list("aZéßДжあ漢한국ع\u05d0٣0123456789")
    + ["Dr.", "e.g.", "U.S.", "3.5", "Mr. ", "т.е.", "z.B.", "am 3. Oktober", "...", "\n\n", "다.", "A. "]
    + ["\x01", "\x07", "\x1b", "\x7f"]  # NUL-free control characters
)
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_SPECIAL),
        st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    ),
    max_size=80,
).map("".join)
_LANG = st.sampled_from(sorted(SUPPORTED_LANGS) + ["xx", ""])


def _check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    covered = [0] * len(text)
    prev_end = 0
    for start, end in spans:
        assert prev_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] += 1
        prev_end = end
    for ch, count in zip(text, covered):
        if not ch.isspace():
            assert count == 1, repr(ch)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, lang=_LANG)
def test_spans_cover_every_character_once(text: str, lang: str) -> None:
    spans = split_spans(text, lang)
    _check_cover(text, spans)
    segs = segment_text(text, lang)
    assert [(s.start, s.end) for s in segs] == spans
    for i, seg in enumerate(segs):
        assert seg.index == i
        assert seg.text == text[seg.start : seg.end].replace("\n", " ") == seg.text.strip()
        before = text[: seg.start]
        assert seg.line == before.count("\n") + 1
        assert seg.column == seg.start - (before.rfind("\n") + 1) + 1


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_segment_lines_one_per_non_blank_line(text: str) -> None:
    segs = segment_lines(text)
    lines = text.split("\n")
    assert [s.text for s in segs] == [line.strip() for line in lines if line.strip()]
    _check_cover(text.replace("\n", " "), [(s.start, s.end) for s in segs])
    for i, seg in enumerate(segs):
        assert seg.index == i
        assert text[seg.start : seg.end] == seg.text
        assert seg.line == text[: seg.start].count("\n") + 1
