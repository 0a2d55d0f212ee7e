"""Table-driven tests of the artefact rules (TQ103-TQ107) and the language rules (TQ501-TQ503).

Rows are (source language, source, translation, expected codes); only codes of the TQ1 and TQ5
families are compared, so that rules of other families do not make these rows brittle.
"""
import pytest

from tqcheck.check.registry import CheckContext
from tqcheck.check.runner import Selection, run_checks
from tqcheck.types import Finding, Link, Pair, Segment, Severity

FAMILIES = ("TQ1", "TQ5")


def make_pair(src: str, tgt: str, index: int = 0) -> Pair:
    s = (Segment(0, src, 0, len(src), 1, 1),) if src else ()
    t = (Segment(0, tgt, 0, len(tgt), 1, 1),) if tgt else ()
    return Pair(index, Link((0,) if src else (), (0,) if tgt else (), 1.0), src, tgt, s, t)


def all_findings(src_lang: str, src: str, tgt: str, tgt_lang: str = "en") -> list[Finding]:
    return run_checks([make_pair(src, tgt)], [CheckContext(src_lang, tgt_lang)], Selection())


def findings(src_lang: str, src: str, tgt: str, tgt_lang: str = "en") -> list[Finding]:
    return [f for f in all_findings(src_lang, src, tgt, tgt_lang) if f.code.startswith(FAMILIES)]


def codes(src_lang: str, src: str, tgt: str, tgt_lang: str = "en") -> list[str]:
    return sorted(f.code for f in findings(src_lang, src, tgt, tgt_lang))


ROWS = [
    # TQ103 mojibake
    ("de", "Zürich ist teuer.", "ZÃ¼rich is expensive.", ["TQ103"]),
    ("es", "El ministro dijo que es verdad.", "The minister said itâ€™s true.", ["TQ103"]),
    ("ru", "Он написал «Привет».", 'He wrote "ÐŸÑ€Ð¸Ð²ÐµÑ‚".', ["TQ103"]),
    ("ja", "日本の首相が演説した。", "The æ—¥æœ¬ prime minister spoke.", ["TQ103"]),
    ("zh", "他说：“好”。", "He said: â€œGoodâ€.", ["TQ103"]),
    ("de", "Wałęsa sprach in Warschau.", "WaÅ‚Ä™sa spoke in Warsaw.", ["TQ103"]),  # one stretch, one finding
    ("es", "José dijo: «es el café…»", "José said: “it’s the café…”", []),  # é…” is ordinary text
    ("de", "Der Fußballer Ødegaard traf.", "The footballer Ødegaard scored.", []),
    ("de", "Das Wort ZÃ¼rich war falsch.", "The word ZÃ¼rich was wrong.", []),  # copied from the source
    ("ja", "サンパウロ（SÃO PAULO）で会議。", "A meeting in SÃO PAULO.", []),
    # TQ104 subword markers; a free-standing "##" stays a gap (TQ101)
    ("zh", "部长说。", "▁The▁minister▁said.", ["TQ104"]),
    ("de", "Der Wiederaufbau des Hafens beginnt.", "The reconstru@@ ction of the port begins.", ["TQ104"]),
    ("ru", "Это невероятно.", "This is un ##believ ##able.", ["TQ104"]),
    ("ja", "地元の特産品が並んだ。", "Local ## products were on display.", ["TQ101"]),
    ("es", "La campaña #MeToo creció.", "The #MeToo campaign grew.", []),
    # TQ105 repetition loops
    ("zh", "前往美国的航班已经恢复。", "Flights to the United States States have resumed.", ["TQ105"]),
    ("zh", "他们参观了这座城市。", "They visited the the the city.", ["TQ105"]),
    ("ru", "Он вернулся в центр города.", "He returned to the centre of the city of the city of the city.", ["TQ105"]),
    ("es", "Llegó ayer por la tarde.", "He arrived yesterday afternoon. He arrived yesterday afternoon.", ["TQ105"]),
    ("de", "Die Preise stiegen um 60 Prozent.", "Prices rose by 60 60 percent.", ["TQ105"]),
    ("zh", "韩寒作为一个赛车手。", "Han Han as a racer.", []),  # 韩寒: two characters read han
    ("zh", "他作为一个赛车手。", "Han Han as a racer.", ["TQ105"]),  # a doubled name the source lacks: a warning
    ("es", "Fue muy, muy difícil.", "It was very, very difficult.", []),
    ("de", "Er sagte tschüss.", "He said bye-bye.", []),
    ("ru", "Ха-ха, ответил он.", "Ha ha, he replied.", []),
    ("es", "Lo que él había tenido fue suficiente.", "What he had had was enough.", []),
    ("zh", "谢谢，谢谢大家！", "Thank you, thank you all!", []),
    ("zh", "他演唱了《纽约，纽约》。", "He sang New York, New York.", []),
    ("es", "Viajó a Bora Bora.", "She travelled to Bora Bora.", []),
    ("zh", "“冲冲冲冲！”他喊道。", '"Charge charge charge charge!" he shouted.', []),  # the source repeats too
    ("zh", "融资融券标的名单将公布。", "The list of financing and financing and lending targets will be published.", []),
    # TQ106 unbalanced brackets and quotes
    ("zh", "他说：“我们会回来的。”", "He said: “We will be back.", ["TQ106"]),
    ("ja", "（仮称）新駅が開業する。", "The (provisional name new station will open.", ["TQ106"]),
    ("de", "Er sagte: „Wir kommen zurück.“", 'He said: "We will be back.', ["TQ106"]),
    ("ru", "Песков заявил, что «это не так».", "Putin’s spokesman said it’s “not so”.", []),
    ("es", "Dijo: «Es “muy” importante».", "He said: “It is ‘very’ important”.", []),  # nested
    ("ja", "健一さんは「大丈夫」と言った。", "Ken'ichi said: “It's fine, don't worry.”", []),
    ("zh", "措施包括：1）减税；2）补贴。", "Measures include: 1) tax cuts; 2) subsidies.", []),
    ("zh", "他说：“我们会回来的。", "He said: “We will be back.", []),  # the quote closes in the next sentence
    ("es", "Los sindicatos de jugadores protestaron.", "The players’ unions protested.", []),
    ("de", "Die Musik der 90er Jahre.", "The music of the ‘90s.", []),
    # TQ107 empty translation (a gate: nothing else of TQ1/TQ5 is reported)
    ("zh", "彗星可能是地球上水的来源。", ".", ["TQ107"]),
    ("ru", "Губернатор подписал указ.", " … ", ["TQ107"]),
    ("ja", "「東京」", "「」", ["TQ107"]),
    ("es", "2024", "2024", []),
    ("zh", "2024年", "2024", []),
    ("de", "—", "—", []),
    # TQ501 one Chinese character is a word
    ("zh", "罗斯贝数越小，恒星越不活跃。", "The smaller the Rossby 数, the less active the star.", ["TQ501"]),
    ("ja", "東京", "東京", ["TQ501"]),  # too short to call a copy; still untranslated
    # TQ502 copied source
    ("de", "Die Regierung hat das Gesetz gestern verabschiedet.",
     "Die Regierung hat das Gesetz gestern verabschiedet.", ["TQ502"]),
    ("es", "El gobierno aprobó la ley ayer por la tarde.", "el gobierno aprobó la ley ayer por la tarde", ["TQ502"]),
    ("es", "El gobierno aprobó ayer la nueva ley de vivienda social.",
     "El gobierno aprobó ayer la nueva ley of vivienda social.", ["TQ502"]),
    ("zh", "日本政府宣布对俄罗斯实施新一轮制裁。", "日本政府宣布对俄罗斯实施新一轮制裁。", ["TQ502"]),
    ("ru", "Пассажирский терминал откроется в мае.", "Пассажирский терминал откроется в мае.", ["TQ502"]),
    ("de", "COVID-19", "COVID-19", []),
    ("de", "Pause.", "Pause.", []),
    ("es", "Fuente: https://www.example.com/noticias/2024", "Fuente: https://www.example.com/noticias/2024", []),
    ("zh", "12.5%", "12.5%", []),
    ("de", "Angela Merkel", "Angela Merkel", []),
    ("de", "Bayern München – Borussia Dortmund", "Bayern München – Borussia Dortmund", ["TQ502"]),  # a warning
    # TQ503 wrong language
    ("zh", "会议将于明天在北京举行，届时各国代表将讨论气候问题。",
     "La reunión se celebrará mañana en Pekín y los representantes discutirán el clima.", ["TQ503"]),
    ("ja", "首相は来週、ベルリンを訪問する予定だと発表した。",
     "Der Premierminister wird nächste Woche Berlin besuchen, teilte sein Büro am Montag mit.", ["TQ503"]),
    ("de", "Die Regierung hat das Gesetz gestern verabschiedet.",
     "Gestern hat die Regierung endlich das umstrittene neue Gesetz beschlossen.", ["TQ503"]),  # source language
    ("zh", "会议将于明天在北京举行，届时各国代表将讨论气候问题。",
     "明天北京将召开会议，各国代表届时会讨论气候变化问题。", ["TQ503"]),  # a paraphrase, not TQ501 runs
    ("ru", "Министр заявил, что новые санкции вступят в силу в январе.",
     "Міністр заявив, що нові санкції набудуть чинності в січні.", ["TQ503"]),
    ("es", "Jean-Baptiste Lefèvre llegó a París el lunes.",
     "Jean-Baptiste Lefèvre de la Rochefoucauld arrived in Paris on Monday.", []),
    ("zh", "他高喊“法兰西万岁，共和国万岁”后离开了房间。",
     "He shouted «Vive la France, vive la République!» and left the room.", []),
    ("ru", "Спасибо большое.", "Danke schön.", []),  # too short to judge
]


@pytest.mark.parametrize("src_lang,src,tgt,expected", ROWS)
def test_rule_table(src_lang, src, tgt, expected):
    assert codes(src_lang, src, tgt) == expected


# Translations into other languages than English: (source language, target language, source,
# translation, expected codes).
OTHER_TARGETS = [
    ("en", "de", "Please keep it in the sun for a few days.", "Stellen Sie sie für einige Tage in die Sonne.", []),
    ("ja", "zh", "彼は来た人だ。", "他是来的的的人。", ["TQ105"]),
    ("ja", "zh", "彼はよく本を読む。", "他常常看看书。", []),  # reduplication is grammar
    ("ja", "zh", "研究してみよう。", "我们研究研究吧。", []),
    ("zh", "ja", "朗格朗格文字が見つかった。", "ロンゴロンゴ文字が見つかった。", []),  # a name in katakana
    ("zh", "ja", "他说了。他说了。", "彼は言った。彼は言った。", []),  # the source repeats the sentence
    ("zh", "ja", "他说了。", "彼は言った。彼は言った。", ["TQ105"]),
    ("ru", "de", "Женщины, которые ухаживают за детьми, получат больше денег.",
     "Frauen, die die Kinder betreuen, bekommen mehr Geld.", []),
    ("es", "fr", "Nos veremos mañana.", "Nous nous verrons demain.", []),
    ("zh", "de", "会议将于明天在北京举行，发言人说。", "Die Sitzung findet morgen in Peking statt, sagte der Sprecher.", []),
    ("de", "es", "Die Regierung hat das Gesetz gestern verabschiedet.", "El gobierno aprobó ayer la ley.", []),
    ("zh", "es", "会议将于明天在北京举行，届时各国代表将讨论气候问题。",
     "The meeting will be held in Beijing tomorrow, when representatives will discuss the climate.", ["TQ503"]),
]


@pytest.mark.parametrize("src_lang,tgt_lang,src,tgt,expected", OTHER_TARGETS)
def test_other_target_languages(src_lang, tgt_lang, src, tgt, expected):
    assert codes(src_lang, src, tgt, tgt_lang) == expected


# The gates are tested against every rule of the registry: nothing else may be reported.
def test_empty_translation_gates_the_checks_it_covers():
    found = all_findings("zh", "日本政府宣布对俄罗斯实施新一轮制裁，涉及35名军人。", "**.")
    assert [f.code for f in found] == ["TQ107"]


def test_copied_source_gates_untranslated_text_names_and_length():
    found = all_findings("zh", "日本政府宣布对俄罗斯实施新一轮制裁，涉及35名军人。", "日本政府宣布对俄罗斯实施新一轮制裁，涉及35名军人。")
    assert [f.code for f in found] == ["TQ502"]


def test_wrong_language_gates_untranslated_text_names_and_length():
    found = all_findings("zh", "会议将于明天在北京举行，届时各国代表将讨论气候问题。", "明天北京将召开会议，各国代表届时会讨论气候变化问题。")
    assert [f.code for f in found] == ["TQ503"]


def test_names_only_copy_is_a_warning_and_a_sentence_copy_an_error():
    names = findings("de", "Bayern München – Borussia Dortmund", "Bayern München – Borussia Dortmund")
    sentence = findings("de", "Die Regierung hat das Gesetz verabschiedet.", "Die Regierung hat das Gesetz verabschiedet.")
    assert [(f.code, f.severity) for f in names] == [("TQ502", Severity.WARNING)]
    assert [(f.code, f.severity) for f in sentence] == [("TQ502", Severity.ERROR)]


def test_unbalanced_brackets_is_a_warning_with_a_span_on_the_mark():
    tgt = "He said: “We will be back."
    (finding,) = findings("zh", "他说：“我们会回来的。”", tgt)
    assert finding.severity == Severity.WARNING
    assert finding.span is not None and tgt[finding.span.start : finding.span.end] == "“"


def test_mojibake_names_the_likely_original():
    (finding,) = findings("de", "Zürich ist teuer.", "ZÃ¼rich is expensive.")
    assert finding.evidence["fixed"] == "ü"
    (finding,) = findings("ja", "日本の首相", "The æ—¥æœ¬ prime minister")
    assert finding.evidence["fixed"] == "日本"
    (finding,) = findings("es", "Dijo que sí.", "He said itÃ¢â‚¬â„¢s true.")  # encoded twice
    assert finding.evidence["fixed"] == "’"


def test_czech_letters_are_no_mojibake():
    """ú, í are lead bytes in latin-1 and ž, š continuation bytes in cp1252: Úžasné and nevíš“ are Czech."""
    ctx = CheckContext("en", "cs")
    for src, tgt in (("Amazing.", "Úžasné."), ("He said: “You know.”", "Řekl: „To víš“.")):
        assert [f.code for f in run_checks([make_pair(src, tgt)], [ctx], Selection(select=("TQ103", "TQ106")))] == []
    # mojibake in a Czech translation is still found
    found = run_checks([make_pair("Amazing.", "ÃšÅ¾asnÃ©.")], [ctx], Selection(select=("TQ103",)))
    assert [f.code for f in found] == ["TQ103"]


def test_repetition_span_covers_the_loop():
    tgt = "They visited the the the city."
    (finding,) = findings("zh", "他们参观了这座城市。", tgt)
    assert finding.span is not None and tgt[finding.span.start : finding.span.end] == "the the the"
    assert finding.evidence["count"] == 3


def test_a_doubled_capitalised_word_is_a_warning_and_a_loop_an_error():
    from tqcheck.types import Severity

    [f] = [f for f in findings("zh", "他作为一个赛车手。", "Han Han as a racer.") if f.code == "TQ105"]
    assert f.severity == Severity.WARNING
    [f] = [f for f in findings("zh", "他们参观了这座城市。", "They visited the the the city.") if f.code == "TQ105"]
    assert f.severity == Severity.ERROR


@pytest.mark.parametrize("src_lang,src,tgt,left", [
    ("de", "Als plötzlich viele Unternehmen Kurzarbeit beantragten.", "When many companies plötzlich applied for short-time work.", "plötzlich"),
    ("fr", "Les accusés sont arrivés après le tremblement de terre.", "The accused arrived après the earthquake.", "après"),
    ("es", "Antes de las elecciones, ningún estado exigía fotos.", "Before the elections, no US estado required photos.", "estado"),
    # a German noun, inflected, left among English words (names are copied, and do not inflect)
    ("de", "Wir haben enorme Fortschritte gemacht.", "We have made enormous Fortschritte.", "Fortschritte"),
    ("de", "Alle Spieler und Teammitglieder wurden getestet.", "All players and Teammitglieder were tested.", "Teammitglieder"),
    # a German noun with plurals right after an English determiner; a sentence's first word that is no noun
    ("de", "Er kam mit einer Gruppe von Freunden.", "He came with a Gruppe of friends.", "Gruppe"),
    ("de", "Sie fuhren in einer Kutsche nach Paris.", "They went to Paris in a Kutsche.", "Kutsche"),
    ("de", "Beispielsweise wird Lernen genannt.", "Beispielsweise, learning is named.", "Beispielsweise"),
    ("de", "Drei Menschen wurden verletzt.", "Drei people were injured.", "Drei"),
    ("es", "Pero ningún estudiante lo creyó.", "Pero no student believed it.", "Pero"),
    # a short source word before a figure is no particle of the name after the figure
    ("de", "Die Emissionen sollen bis 2020 sinken, sagte Hu.", "Emissions are to fall bis 2020, Hu said.", "bis"),
    # a word with an English clitic glued on, or a French article elided before it; a quoted speech is no title
    ("es", "El epicentro del sismo se localizó cerca de Dillon.", "The sismo's epicenter was near Dillon.", "sismo"),
    ("fr", "Je ne pouvais pas voir l'éclipse.", "I pouvaisn't see the eclipse.", "pouvais"),
    ("fr", "L'humidité sur vos mains va réagir.", "L'humidité on your hands will react.", "humidité"),
    ("es", "\"Valentino es indiferente a la moda\", explica.", "\"Valentino is indiferente to fashion,\" she says.",
     "indiferente"),
    ("de", "Verkehrsfluss ist die Untersuchung der Bewegung.", "Traffic flow is the Untersuchung of movement.",
     "Untersuchung"),
    # an inflected German noun after a capitalised English word the translation did not copy
    ("de", "Nach Angaben der Vereinten Nationen ist es arm.", "According to the United Nationen, it is poor.",
     "Nationen"),
    # a place written as the source language writes it
    ("de", "Sie zog als Kleinkind nach Kalifornien.", "She moved to Kalifornien as a toddler.", "Kalifornien"),
    # a noun whose plural umlauts (Böden); English has "boden" only as an old form of another word
    ("de", "Der Ball rollte langsam zu Boden.", "The ball rolled slowly to the Boden.", "Boden"),
    # a compound after a determiner no name takes; a noun after a determiner and an adjective, as in the source
    ("de", "Zu diesem Zeitpunkt war niemand im Haus.", "At this Zeitpunkt nobody was in the house.", "Zeitpunkt"),
    ("de", "Der höchste Gipfel liegt im Süden.", "The highest Gipfel lies in the south.", "Gipfel"),
    # the first part of a source compound, its rest translated
    ("de", "Er sagte, die Möbelbranche klage.", "He said the Möbel industry was complaining.", "Möbel"),
    # a noun the source puts before a name, moved behind it as English orders a head noun
    ("de", "Wir trafen uns am Bahnhof Marienplatz.", "We met at the Marienplatz Bahnhof.", "Bahnhof"),
    ("de", "Er fährt für die Mannschaft Blau Weiss.", "He drives for the Blau Weiss Mannschaft.", "Mannschaft"),
    # a sentence's first word that the source has as a noun after an article; a noun after an English prefix
    ("de", "Die Soldaten der Regierung rückten vor.", "Regierung and army soldiers advanced.", "Regierung"),
    ("de", "Sie starteten die anti-Rauchkampagne.", "They launched the anti-Rauchkampagne.", "anti-Rauchkampagne"),
    # a number word of the source that only a list of current English holds (simplemma's has dos)
    ("es", "Esperamos dos horas en la estación.", "We waited dos hours at the station.", "dos"),
    # a function word of the source and a word of its dictionary that only a list of current English holds
    ("fr", "Au début, le projet était petit.", "Au début, the project was small.", "Au début"),
])
def test_a_source_word_left_in_an_english_translation(src_lang, src, tgt, left):
    [f] = [f for f in findings(src_lang, src, tgt) if f.code == "TQ501"]
    assert tgt[f.span.start:f.span.end] == left


@pytest.mark.parametrize("src_lang,src,tgt", [
    ("de", "Die Registrierung erfolgt unter www.bosch-pt.com/warranty.", "Register at www.bosch-pt.com/warranty."),
    ("de", "Charles de Gaulle kam nach Berlin.", "Charles de Gaulle came to Berlin."),  # a name's particle
    ("de", "Sein Programm „Guten Tag, liebes Glück“ läuft.", "His show “Guten Tag, liebes Glück” runs."),  # a title
    ("de", "Das Plus betrug 65 Prozent. dpa", "The increase was 65 percent. dpa"),  # an agency credit
    ("de", "Die Deutsche Bank zahlt.", "Deutsche Bank pays."),  # a name of several words
    ("de", "Das Kabel verbindet Simbach und Pfarrkirchen.", "The cable connects Simbach and Pfarrkirchen."),
    ("de", "Ein Museum in Halle (Saale) hat die Lok.", "A museum in Halle (Saale) has the locomotive."),
    # a name (no plural in the dictionary), a compound naming a building, a place kept in its own form
    ("de", "Das sagte Zimmermann am Montag.", "Zimmermann said that on Monday."),
    ("de", "Ein Räuber wurde nahe dem Königspalast erschossen.", "A robber was shot near the Königspalast."),
    ("de", "In Thüringen und im Europa-Park schneit es.", "It is snowing in Thüringen and in the Europa Park."),
    ("de", "Er kam mit der Gruppe „Die Ärzte“.", "He came with the group “Die Ärzte”."),
    # a name English knows (Wagner), a compound after "the" and an adjective, an English word (Bank), a name
    # after a title in the source (Trainer Fuchs), a name kept in its order
    ("de", "Die Wagner-Brüder spielten gut.", "The Wagner brothers played well."),
    ("de", "Der alte Reichstag brannte.", "The old Reichstag burned."),
    ("de", "Er sagte, die Bank habe Gewinne gemacht.", "He said the Bank made profits."),
    ("de", "Die Commerzbank hatte die Grenze gesenkt.", "The Commerzbank had lowered the limit."),
    ("de", "Trainer Fuchs lobte das Team.", "The coach Fuchs praised the team."),
    ("de", "Wir trafen uns am Bahnhof Marienplatz.", "We met at the Bahnhof Marienplatz."),
    # a name opening the sentence in both, a name after a prefix
    ("de", "Fischer sagte, die Lage sei gut.", "Fischer said the situation was good."),
    ("de", "Die anti-Merkel-Proteste wuchsen.", "The anti-Merkel protests grew."),
    # a particle of a name, a name of the source's words
    ("es", "João dos Santos habló ayer.", "João dos Santos spoke yesterday."),
    ("fr", "Le Monde a publié la lettre.", "Le Monde published the letter."),
])
def test_no_source_word_reported_where_it_belongs(src_lang, src, tgt):
    assert [f.code for f in findings(src_lang, src, tgt) if f.code == "TQ501"] == []


def test_an_umlaut_plural_is_made_from_a_singular_not_from_an_inflected_form() -> None:
    """Boden, Gast, Haus are nouns by their umlaut plurals (Böden, Gäste, Häuser); Range is an old dative of
    Rang, not the singular of Ränge, so an English name made of it (a mountain range) stays a name."""
    from tqcheck import lang

    noun = lang.get("de").is_common_noun
    assert noun is not None
    assert all(noun(w) for w in ("Boden", "Gast", "Haus", "Bahnhof"))
    assert not noun("Range")


def test_a_language_without_a_module_is_read_in_the_script_cldr_gives_it() -> None:
    """bg and kk have no module: CLDR's likely script (babel) says they are written in Cyrillic, so Cyrillic
    left in an English translation is untranslated text, as it is from Russian; Latin-script languages
    have no script run to look for."""
    import tqcheck
    from tqcheck import lang
    from tqcheck.check.untranslated import lang_scripts

    assert lang.script("bg") == "Cyrl" and lang.script("fa") == "Arab" and lang.script("ru") == "Cyrl"
    assert lang_scripts("kk") == ("Cyrillic",) and lang_scripts("de") == () and lang_scripts("xx") == ()
    report = tqcheck.compare("Новото пристанище ще бъде открито през март.", "The new пристанище will open in March.",
                             "bg", "en", embedder="none", cache=False)
    assert [(f.code, f.evidence.get("text")) for f in report.findings if f.code == "TQ501"] == [("TQ501", "пристанище")]


def test_repetition_in_text_with_typographic_punctuation_is_read_as_in_ascii():
    # (’ “ ” – and a no-break space are no part of a word: the text is read as ASCII text is)
    tgt = "He said: “They visited the\u00a0the\u00a0the city’s centre” – twice."
    (finding,) = [f for f in findings("zh", "他说：“他们参观了这座城市的中心。”", tgt) if f.code == "TQ105"]
    assert finding.span is not None and tgt[finding.span.start : finding.span.end] == "the\u00a0the\u00a0the"
    from tqcheck.check.repetition import _loops

    assert [lp.unit for lp in _loops("It’s it’s it’s “done”")] == [("it’s",)]
