"""Tests for tqcheck.read.langid: script profile, language guess, language codes."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tqcheck.read import langid
from tqcheck.read.langid import SCRIPTS, LangGuess, detect_language, normalise_lang, script_profile

# All sentences written for these tests.
SENTENCES = {
    "zh": [
        "委员会推迟了决定，等审计人员核对完账目再说。",
        "我們昨天去了圖書館，借了三本關於歷史的書。",
    ],
    "ja": [
        "委員会は、監査人が帳簿の確認を終えるまで決定を延期した。",
        "駅の近くに新しいパン屋ができたので、明日の朝に行ってみます。",
    ],
    "ko": [
        "위원회는 감사인들이 장부 검토를 마칠 때까지 결정을 미루었다.",
        "역 근처에 새 빵집이 생겨서 내일 아침에 가 보려고 합니다.",
    ],
    "ru": [
        "Комитет отложил своё решение, пока аудиторы не закончили проверку счетов.",
        "Сохраните чек: он понадобится, если чайник перестанет работать.",
    ],
    "en": [
        "The committee postponed its decision until the auditors had finished reviewing the accounts.",
        "Please keep the receipt; you will need it if the kettle stops working.",
    ],
    "de": [
        "Der Ausschuss hat seine Entscheidung verschoben, bis die Prüfer die Konten durchgesehen haben.",
        "Bitte bewahren Sie den Kassenbon auf, falls der Wasserkocher nicht mehr funktioniert.",
    ],
    "fr": [
        "Le comité a reporté sa décision jusqu'à ce que les auditeurs aient terminé l'examen des comptes.",
        "Gardez le ticket de caisse, vous en aurez besoin si la bouilloire tombe en panne.",
    ],
    "es": [
        "El comité aplazó su decisión hasta que los auditores terminaran de revisar las cuentas.",
        "Guarde el recibo; lo necesitará si el hervidor deja de funcionar.",
    ],
    "ar": [
        "أجّلت اللجنة قرارها حتى ينتهي المدققون من مراجعة الحسابات.",
        "احتفظ بالإيصال، فستحتاج إليه إذا توقف الغلاية عن العمل.",
    ],
}

CASES = [(lang, text) for lang, texts in SENTENCES.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_one_sentence(lang: str, text: str) -> None:
    guess = detect_language(text)
    assert guess.lang == lang
    assert guess.reliable
    assert 0.5 < guess.confidence <= 1.0


@pytest.mark.parametrize("text", [text for _, text in CASES] + [" ".join(texts) for texts in SENTENCES.values()] + [
    "", "123", "OK", "Hello world, this is fine.", "Jean-Baptiste Lefèvre de la Rochefoucauld arrive demain à Paris."])
def test_the_lead_is_the_guess_before_its_sentences_are_judged(text: str) -> None:
    lead = langid.language_lead(text)
    assert lead.lang == detect_language(text).lang
    assert lead.guess() == detect_language(text)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_two_sentences(lang: str) -> None:
    text = " ".join(SENTENCES[lang])
    guess = detect_language(text)
    assert guess == LangGuess(lang, guess.confidence, True)
    assert guess.confidence >= detect_language(SENTENCES[lang][0]).confidence - 0.05


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Good morning", "en"),
        ("Guten Tag", None),
        ("Да", None),
        ("你好", "zh"),
        ("はい", "ja"),
        ("네", "ko"),
        ("OK", None),
        ("مرحبا", None),
    ],
)
def test_very_short_input_is_not_reliable(text: str, lang: str | None) -> None:
    guess = detect_language(text)
    assert not guess.reliable
    if lang is not None:
        assert guess.lang == lang
    assert 0.0 <= guess.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is tomorrow morning. Die Sitzung ist morgen früh um neun.",
        "The meeting is tomorrow morning. Совещание состоится завтра утром.",
        "Please read the manual 请先阅读说明书 before you start.",
        "Комитет отложил решение. The committee postponed the decision.",
        "Merci beaucoup pour votre aide. Muchas gracias por tu ayuda, amigo.",
    ],
)
def test_mixed_input_is_not_reliable(text: str) -> None:
    guess = detect_language(text)
    assert not guess.reliable
    assert guess.confidence < 0.8


@pytest.mark.parametrize("text", ["", "   \n\t", "12345 67.8 !!", "---- ==== ****", "🙂🙂🙂"])
def test_no_letters_is_undetermined(text: str) -> None:
    assert detect_language(text) == LangGuess("und", 0.0, False)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A stray kana in Chinese, or a quoted Chinese name in English, does not flip it.
        ("台北の夜市非常熱鬧，小吃種類繁多，價格也很便宜，值得一去再去。", "zh"),
        ("The sign on the door said 营业中, which means the shop is open for business.", "en"),
        # Japanese with many kanji is still Japanese; Korean with hanja is still Korean.
        ("国際連合安全保障理事会常任理事国の議決権について議論した。", "ja"),
        ("大韓民國 憲法 第一條는 國民主權을 規定하고 있으며 모든 權力은 國民으로부터 나온다.", "ko"),
    ],
)
def test_script_rules(text: str, lang: str) -> None:
    assert detect_language(text).lang == lang


def test_one_megabyte_is_fast() -> None:
    detect_language("warm up the model")  # loading the model once is not what we time
    paragraph = " ".join(text for texts in SENTENCES.values() for text in texts[:1]) + "\n"
    english = " ".join(SENTENCES["en"]) + "\n"
    for text, lang in ((english * (1_000_000 // len(english)), "en"),
                       (SENTENCES["zh"][0] * 45_000, "zh"),
                       (paragraph * (1_000_000 // len(paragraph)), None)):
        start = time.perf_counter()
        guess = detect_language(text)
        elapsed = time.perf_counter() - start
        assert elapsed < 1.0, f"{elapsed:.2f}s for {len(text)} characters"
        if lang:
            assert guess == LangGuess(lang, guess.confidence, True)


def test_model_is_loaded_lazily_and_once() -> None:
    code = (
        "import sys, tqcheck.read.langid as m; "
        "sys.exit(1 if 'py3langid' in sys.modules or m._identifier is not None else 0)"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0
    detect_language(SENTENCES["en"][0])
    first = langid._get_identifier()
    detect_language(SENTENCES["de"][0])
    assert langid._get_identifier() is first


# --- script profile -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abc", {"Latin": 1.0}),
        ("Привет, мир!", {"Cyrillic": 1.0}),
        ("日本語のテキスト", {"Han": 3 / 8, "Kana": 5 / 8}),
        ("한국어 文字", {"Hangul": 3 / 5, "Han": 2 / 5}),
        ("سلام abcd", {"Arabic": 0.5, "Latin": 0.5}),
        ("Ελληνικά", {"Other": 1.0}),
        ("ＡＢＣ ｱｲｳ", {"Latin": 0.5, "Kana": 0.5}),  # fullwidth Latin, halfwidth katakana
        ("123 ... !!", {}),
        ("", {}),
    ],
)
def test_script_profile(text: str, expected: dict[str, float]) -> None:
    profile = script_profile(text)
    assert list(profile) == list(SCRIPTS)
    for script in SCRIPTS:
        assert profile[script] == pytest.approx(expected.get(script, 0.0))
    total = sum(profile.values())
    assert total == pytest.approx(1.0 if expected else 0.0)


# --- language codes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh_Hans", "zh"),
        ("zh-Hant-TW", "zh"),
        ("cmn", "zh"),
        ("chi", "zh"),
        ("zho", "zh"),
        ("jpn", "ja"),
        ("EN", "en"),
        ("en-US", "en"),
        (" de ", "de"),
        ("ger", "de"),
        ("fre", "fr"),
        ("rus", "ru"),
        ("ara", "ar"),
        ("arb", "ar"),
        ("kor", "ko"),
        ("pt-BR", "pt"),
        ("iw", "he"),
        ("fil", "fil"),  # no ISO 639-1 code: the 639-3 code stands
        ("und", "und"),
    ],
)
def test_normalise_lang(code: str, expected: str) -> None:
    assert normalise_lang(code) == expected


@pytest.mark.parametrize("code", ["xx", "qqq", "", "english", "z", "12", "zh!", "中文"])
def test_normalise_lang_rejects_unknown(code: str) -> None:
    with pytest.raises(ValueError) as caught:
        normalise_lang(code)
    message = str(caught.value)
    assert repr(code) in message
    assert "ISO 639-1" in message and "BCP 47" in message
