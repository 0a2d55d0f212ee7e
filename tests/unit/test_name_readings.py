"""Proper nouns of a Chinese or Japanese source read by their sound (tqcheck.check.name_readings)."""
import pytest

from tqcheck.check.name_readings import read_source_names
from tqcheck.types import Severity

from test_names import findings


def _missing(src_lang, src, tgt):
    return [f.evidence["name"] for f in findings(src_lang, src, tgt)
            if f.code == "TQ301" and f.severity >= Severity.WARNING]


@pytest.mark.parametrize("src,tgt,missing", [
    # a surname whose dictionary reading (Ōya) is not the player's: the translation drops it or has another name
    ("大谷は9回最後の打者だったため、二塁走者に。", "Was the last batter in the 9th inning.", ["大谷"]),
    ("大谷は9回最後の打者だったため、二塁走者に。", "Buddha was the last batter in the 9th inning.", ["大谷"]),
    ("四国から東海にかけて雨が降りそうです。", "From the Gorodische District to the Tokai region, rain is likely.", ["四国"]),
    ("諏訪赤十字病院は24日夜、公表しました。", "McDonald's announced on the night of the 24th.", ["諏訪"]),
    # the name written as its readings say, whole, in part or in another of its readings
    ("大谷は9回最後の打者だったため、二塁走者に。", "Otani was the last batter in the 9th inning.", []),
    ("四国から東海にかけて雨が降りそうです。", "From Shikoku to the Tokai region, rain is likely.", []),
    ("諏訪赤十字病院は24日夜、公表しました。", "The Suwa Red Cross Hospital announced on the night of the 24th.", []),
    ("胡錦濤国家主席は呼びかけました。", "President Hu Jintao called on them.", []),
    ("大学生の理世は海利と出会う。", "College student Riyo meets Kairi.", []),  # li in pinyin: an r to Japanese
    # a name Sudachi reads character by character, before a word that makes it a place's
    ("湯涌温泉の旅館に贈る。", "It is presented at the inns in Mulan.", ["湯涌"]),
    ("湯涌温泉の旅館に贈る。", "It is presented at the traditional inns in Yuwaku Onsen.", []),
    # a name inside a longer kanji word (青葉山 holds no 葉山) and one holding a known place are left alone
    ("高浜町の青葉山で始まった。", "It began at Aobayama in Takahama.", []),
    ("２０１９年の東日本台風だった。", "It was the typhoon that hit eastern Japan in 2019.", []),
])
def test_japanese_names_read_by_sound(src, tgt, missing):
    assert _missing("ja", src, tgt) == missing


@pytest.mark.parametrize("src,tgt,missing", [
    # a katakana subject Sudachi has never seen, or reads as a compound of words: a foreign name
    ("ポトロは、この時点で肩の治療を受けていました。", "Was treated for his shoulder at this point.", ["ポトロ"]),
    ("ポトロは、この時点で肩の治療を受けていました。", "Garavani was treated for his shoulder.", ["ポトロ"]),
    ("ブランビーズが２４－０で快勝した。", "Easily won 24-0.", ["ブランビーズ"]),
    ("ポトロは、この時点で肩の治療を受けていました。", "Potro was treated for his shoulder at this point.", []),
    ("ブランビーズが２４－０で快勝した。", "The Brumbies easily won 24-0.", []),
    ("最終スコア21対20で、オールブラックスの15連勝に終止符が打たれました。",
     "A final score of 21 to 20 put an end to 15 consecutive victories.", ["オールブラックス"]),
    ("最終スコア21対20で、オールブラックスの15連勝に終止符が打たれました。",
     "A final score of 21 to 20 put an end to the All Blacks' 15 consecutive victories.", []),
    # one that names a place
    ("1994年にモルドバ東部のトランスニストリア共和国が誕生した。", "In 1994 the republic was created in eastern Moldova.",
     ["トランスニストリア"]),
    ("1994年にモルドバ東部のトランスニストリア共和国が誕生した。",
     "In 1994 the Republic of Transnistria was created in eastern Moldova.", []),
    # loanwords written out, in parts or with a v for the b
    ("イベントチケットは2,500円です。", "Event tickets are 2,500 yen.", []),
    ("キッチンスポンジは細菌が繁殖する。", "Bacteria multiply in kitchen sponges.", []),
    # not the sentence's subject, opening it: left to the other rules
    ("寝かしすぎてトマホがいかれてるか", "Did it mess it up?", []),
])
def test_katakana_subjects_read_by_sound(src, tgt, missing):
    assert _missing("ja", src, tgt) == missing


def test_a_missing_read_name_is_a_warning_that_makes_an_added_name_one_too():
    found = findings("ja", "相馬は有名だ。", "Khabib Nurmagomedov is famous.")
    assert {(f.code, f.severity) for f in found} == {("TQ301", Severity.WARNING), ("TQ302", Severity.WARNING)}


def test_languages_without_an_analyser_of_names_read_none():
    assert read_source_names("Der Hafen von Hamburg.", "The port of Hamburg.", "de", []) == []
