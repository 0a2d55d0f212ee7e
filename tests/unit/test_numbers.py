"""Figures compared by value across languages (TQ202-TQ204) and the parser behind them.

Tables of (source language, source, translation, expected codes); only the number rules are selected, so
other families cannot change a row's outcome.
"""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.check.numbers import compare_quantities, describe, is_weak, same_value
from tqcheck.check.numparse import extract_quantities
from tqcheck.check.registry import CheckContext
from tqcheck.check.runner import Selection, run_checks
from tqcheck.types import Link, Pair, Segment, Severity

def make_pair(src: str, tgt: str) -> Pair:
    s = (Segment(0, src, 0, len(src), 1, 1),) if src else ()
    t = (Segment(0, tgt, 0, len(tgt), 1, 1),) if tgt else ()
    return Pair(0, Link((0,) if src else (), (0,) if tgt else (), 1.0), src, tgt, s, t)


NUMBER_RULES = Selection(select=("TQ201", "TQ202", "TQ203", "TQ204"))


def codes(src_lang, src, tgt, tgt_lang="en"):
    findings = run_checks([make_pair(src, tgt)], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES)
    return sorted(f.code for f in findings)


# A wrong or missing figure: the rules must fire.
MUST_FIRE = [
    ('zh', '中国驻休斯敦总领馆建于1979年。', 'The consulate was established in 1997.', ['TQ203']),
    ('zh', '该联赛于6月20日开始复赛。', 'The league resumed on June 4.', ['TQ203']),
    ('zh', '进口总额达40.5亿美元。', 'Imports totaled 40.5 million dollars.', ['TQ203']),
    ('zh', '效率可提升20%左右。', 'Efficiency can rise by about 52%.', ['TQ203']),
    ('zh', '效率可提升20%左右。', 'Efficiency can rise considerably.', ['TQ202']),
    ('zh', '排查隧道1.7万余座。', 'They inspected more than 19,000 tunnels.', ['TQ203']),
    ('zh', '两州确诊均逾14万例。', 'Both states have more than 135,000 cases.', ['TQ203']),
    ('zh', '财政下达资金6000万元。', 'The finance department issued 56 million yuan.', ['TQ203']),
    ('zh', '12月15日，日本宣布制裁。', 'On December 16, Japan announced sanctions.', ['TQ203']),
    ('zh', '从2024年1月起禁止进口。', 'From January 2025 imports are banned.', ['TQ203']),
    ('zh', '出口增长了3个百分点。', 'Exports grew by 4 percentage points.', ['TQ203']),
    ('zh', '海地自19世纪初以来从未遇到过这种问题。', 'Haiti had not had the problem since the early 20th century.', ['TQ203']),
    ('zh', '新一轮制裁涉及35名军人。', 'The new sanctions involve 53 soldiers.', ['TQ203']),
    ('zh', '截至7月25日24时，现有确诊病例135例。', 'As of 24:00 on July 15, there were 135 cases.', ['TQ203']),
    ('zh', '公司获得资金6000万美元。', 'The company received 60 million euros.', ['TQ203']),
    ('zh', '他的月薪是5000元。', 'His monthly salary is high.', ['TQ202']),
    ('zh', '日本禁止向63个俄罗斯机构提供服务。', 'Japan banned services to 36 Russian agencies.', ['TQ203']),
    ('zh', '日本宣布追加制裁。', 'Japan announced 12 new sanctions.', ['TQ204']),
    ('zh', '这是蓝黑军团队史第3000场比赛。', "It is the 2,000th match in the club's history.", ['TQ203']),
    ('ja', '国が3億5000万円を補助した。', 'The national government provided 35 million yen.', ['TQ203']),
    ('ja', '3月15日に運転を再開する。', 'Service will resume on March 5.', ['TQ203']),
    ('ja', '全国から約4800万円が集まった。', 'About 4.8 million yen was raised nationwide.', ['TQ203']),
    ('ja', '延べ1万8000人が携わった。', 'A total of 1,800 workers took part.', ['TQ203']),
    ('ja', '住民の3割が反対した。', '20% of residents objected.', ['TQ203']),
    ('ja', '2月20日の記者会見で発表した。', 'He announced it at a press conference.', ['TQ202']),
    ('ru', '15 марта губернатор подписал постановление.', 'On March 16, the governor signed a decree.', ['TQ203']),
    ('ru', 'Выделено 1,5 млрд рублей.', '1.5 million rubles were allocated.', ['TQ203']),
    ('ru', 'Грузооборот снизился на 12,5%.', 'Cargo turnover fell by 15%.', ['TQ203']),
    ('ru', 'Паводок в апреле 2023 года был сильным.', 'The flood in April 2022 was severe.', ['TQ203']),
    ('ru', 'Около 12 тыс. жителей остались без света.', 'About 1,200 residents were left without power.', ['TQ203']),
    ('ru', 'Работы завершатся до 1 октября.', 'The work will be completed in the autumn.', ['TQ202']),
    ('ru', 'Уровень воды поднялся на 6,8 метра.', 'The water level rose by 8.6 meters.', ['TQ203']),
    ('de', 'Am 15. März 2024 wurde der Vertrag unterzeichnet.', 'The contract was signed on March 15, 2023.', ['TQ203']),
    ('de', 'Es kostet 1.234,50 Euro.', 'It costs 1,243.50 euros.', ['TQ203']),
    ('de', 'Rund 3,5 Millionen Menschen waren betroffen.', 'Around 35 million people were affected.', ['TQ203']),
    ('de', 'Die Quote stieg auf 12,5 Prozent.', 'The rate rose sharply.', ['TQ202']),
    ('es', 'El 15 de marzo de 2024 llegó.', 'It arrived on March 13, 2024.', ['TQ203']),
    ('es', 'Costó 40 mil millones de dólares.', 'It cost 40 million dollars.', ['TQ203']),
    ('es', 'El paro bajó un 5 por ciento.', 'Unemployment fell by 8%.', ['TQ203']),
    ('es', 'Asistieron 3500 personas.', 'Many people attended.', ['TQ202']),
    # regressions: the samples' planted defects
    ("ru", "15 марта губернатор Приозёрной области подписал постановление.",
     "On March 16, the governor of the Priozyornaya Region signed a decree.", ["TQ203"]),
    ("ja", "復旧費用のうち、国が3億5000万円、県が2億円を補助した。",
     "Of the costs, the national government provided 35 million yen and the prefecture 200 million yen.", ["TQ203"]),
    ("zh", "今年前10个月，日本从俄罗斯进口的能源总额达40.5亿美元。",
     "In the first 10 months of the year, Japan's energy imports from Russia totaled 40$500 million.", ["TQ201"]),
    ("zh", "会议3点开始。", "The meeting starts at 4 p.m.", ["TQ202", "TQ204"]),
    ("zh", "140多台农机具。", "More than 160 machines.", ["TQ203"]),
]

# A correct rendering, written another way: the rules must stay silent.
MUST_NOT_FIRE = [
    ('zh', '进口总额达40.5亿美元。', 'Imports totaled 4.05 billion dollars.', []),
    ('zh', '进口总额达40.5亿美元。', 'Imports totaled about 4 billion US dollars.', []),
    ('zh', '进口总额达40.5亿美元。', 'Imports totaled $4.05 billion.', []),
    ('zh', '6月1日起实施。', 'It takes effect on June 1.', []),
    ('zh', '项目投资1000万元。', 'The project involves an investment of 10 million yuan.', []),
    ('zh', '观众达92万人。', 'The audience reached 920,000.', []),
    ('zh', '塞阿拉州确诊超过16万例。', 'Ceara has more than 160,000 confirmed cases.', []),
    ('zh', '排查隧道1.7万余座。', 'They inspected more than 17,000 tunnels.', []),
    ('zh', '效率提升百分之二十。', 'Efficiency rose by 20%.', []),
    ('zh', '联赛在中断近5个月后复赛。', 'The league resumed after a break of nearly five months.', []),
    ('zh', '12月15日，日本宣布制裁。', 'Japan announced sanctions on 15 December 2022.', []),
    ('zh', '12月15日，日本宣布制裁。', 'On Dec. 15, Japan announced sanctions.', []),
    ('zh', '25日，博览会开幕。', 'On the 25th, the expo opened.', []),
    ('zh', '截至7月25日24时，现有确诊病例135例。', 'As of 24:00 on July 25, there were 135 cases.', []),
    ('zh', '7月17和7月22日，江西省下达资金6000万元和2亿元。', 'On July 17 and 22, Jiangxi released 60 million and 200 million yuan.', []),
    ('zh', '面积为3850平方公里，其中约三分之一为水域。', 'It covers 3,850 square kilometers, about one-third of which is water.', []),
    ('zh', '海地自19世纪初以来从未遇到过这种问题。', 'Haiti had not encountered such problems since the 1800s.', []),
    ('zh', '日俄两国至今没有签署和平条约。', 'Japan and Russia have never signed a peace treaty.', []),
    ('zh', '受疫情影响，CBA联赛在中断近5个月后复赛。', 'Because of the epidemic, CBA games resumed after 5 months.', []),
    ('zh', '新冠肺炎疫情仍在蔓延。', 'The COVID-19 epidemic is still spreading.', []),
    ('zh', '一架波音737客机降落。', 'A Boeing 737 airliner landed.', []),
    ('zh', '七国集团峰会开幕。', 'The G7 summit opened.', []),
    ('zh', '现在每月5000多的工资。', 'Now a salary of more than RMB 5,000 a month.', []),
    ('zh', '中新网2月11日电 2月10日，救援队营救出1名被困人员。', 'On February 10th, the rescue team rescued one trapped person.', []),
    ('zh', '今年的产量是去年的3倍。', "This year's output is three times last year's.", []),
    ('zh', '从2024年1月起，日本将禁止进口钻石。', 'From January 2024, Japan will ban diamond imports.', []),
    ('zh', '出口增长了3个百分点。', 'Exports grew by 3 percentage points.', []),
    ('zh', '你给远在千里之外的人打电话。', 'You call someone thousands of miles away.', []),
    ('zh', '这是蓝黑军团队史第3000场比赛。', "It is the 3,000th match in the club's history.", []),
    ('zh', '版本1.2.5发布。', 'Version 1.2.5 was released.', []),
    ('zh', '日本对俄罗斯实施了多项制裁。', 'Japan imposed a number of sanctions on Russia.', []),
    ('zh', '上午10时30分，会议开始。', 'The meeting began at 10.30 a.m.', []),
    ('zh', '下午3点，会议结束。', 'The meeting ended at 3 p.m.', []),
    ('zh', '他在2002年加入公司。', 'He joined the company in 2002.', []),
    ('ja', '被害額は12億5000万円に上った。', 'The damage amounted to 1.25 billion yen.', []),
    ('ja', '国が3億5000万円を補助した。', 'The state provided a subsidy of 350 million yen.', []),
    ('ja', '3月15日から17日まで祭りを開催する。', 'The festival will be held from March 15 to 17.', []),
    ('ja', '1日30往復を運行する。', 'It will run 30 round trips a day.', []),
    ('ja', '全線での運行は約7か月ぶりとなる。', 'It is the first time in about seven months that trains run.', []),
    ('ja', '延べ1万8000人が携わった。', 'A total of 18,000 workers took part.', []),
    ('ja', '所要時間は列車の約2倍かかっていた。', 'The journey took about twice as long as by train.', []),
    ('ja', '台風7号で被害を受けた。', 'It was damaged by Typhoon No. 7.', []),
    ('ja', '昨年8月の台風で被害を受けた。', 'It was damaged by a typhoon last August.', []),
    ('ja', '住民の3割が反対した。', '30% of residents objected.', []),
    ('ru', 'Выделено 1,5 млрд рублей.', '1.5 billion roubles were allocated.', []),
    ('ru', 'Около 12 тыс. жителей остались без света.', 'About 12,000 residents were left without power.', []),
    ('ru', '15 марта губернатор подписал постановление.', 'On 15 March the governor signed a decree.', []),
    ('ru', 'Паводок в апреле 2023 года стал самым сильным за последние 40 лет.', 'The April 2023 flood was the worst in the last 40 years.', []),
    ('ru', 'Бюджет — 1 234,5 млн рублей.', 'The budget is 1,234.5 million roubles.', []),
    ('ru', 'Из них 920 млн рублей пойдут на ремонт трёх причалов.', 'Of this, 920 million rubles will go to repairing three berths.', []),
    ('ru', 'Порт сможет принимать суда до 5 тыс. тонн.', 'The port will take ships of up to 5,000 tonnes.', []),
    ('ru', 'На объекте будут работать двадцать пять человек.', '25 people will work at the site.', []),
    ('ru', 'Подрядчика выберут до конца апреля.', 'The contractor will be chosen by the end of April.', []),
    ('ru', 'Его доходы выросли на 9% по сравнению с прошлым годом.', 'Its revenue grew by 9 percent year on year.', []),
    ('de', 'Es kostet 1.234,50 Euro.', 'It costs 1,234.50 euros.', []),
    ('de', 'Rund 3,5 Millionen Menschen waren betroffen.', 'Around 3.5 million people were affected.', []),
    ('de', 'Am 15. März 2024 wurde der Vertrag unterzeichnet.', 'The contract was signed on 15 March 2024.', []),
    ('de', 'Die Quote stieg auf 12,5 Prozent.', 'The rate rose to 12.5%.', []),
    ('de', 'Zweihundertfünfzig Gäste kamen.', '250 guests came.', []),
    ('de', 'Im Mai 2023 kamen 1,2 Mio. Touristen.', 'In May 2023, 1.2 million tourists came.', []),
    ('es', 'El 15 de marzo de 2024 llegó.', 'It arrived on March 15, 2024.', []),
    ('es', 'Costó 40 mil millones de dólares.', 'It cost $40 billion.', []),
    ('es', 'El paro bajó un 5 por ciento.', 'Unemployment fell by 5%.', []),
    ('es', 'Asistieron 3.500 personas.', '3,500 people attended.', []),
    ('es', 'Vinieron treinta y dos delegaciones.', '32 delegations came.', []),
    ('es', 'La inflación fue del 1,5 %.', 'Inflation was 1.5%.', []),
    ("zh", "1-5月出口增长。", "Exports grew in January-May.", []),
    ("zh", "外交部发言人11日表示。", "A foreign ministry spokesman said on Tuesday.", []),
    ("zh", "会议3点开始。", "The meeting starts at 3 p.m.", []),
    ("zh", "产量增长了2倍。", "Output tripled.", []),
    ("zh", "产量增长了2倍。", "Output grew by 200%.", []),
    ("zh", "10多个国家参加。", "More than a dozen countries took part.", []),
    ("zh", "50%的人反对。", "Half of the people objected.", []),
    ("zh", "进口总额达40.5亿美元。", "", []),  # an empty target is the omission rules' business
    ("ja", "被害額は12億5000万円に上った。", "The damage amounted to 1.2.5 billion yen.", ["TQ201"]),  # TQ201 alone
]


@pytest.mark.parametrize("src_lang,src,tgt,expected", MUST_FIRE + MUST_NOT_FIRE)
def test_number_rules_table(src_lang, src, tgt, expected):
    assert codes(src_lang, src, tgt) == expected


# Translations into the other target languages: (source language, target language, source, translation, codes).
OTHER_TARGETS = [
    ('zh', 'de', '进口总额达40.5亿美元。', 'Die Importe beliefen sich auf 4,05 Milliarden US-Dollar.', []),
    ('zh', 'fr', '进口总额达40.5亿美元。', 'Les importations ont atteint 4,05 milliards de dollars.', []),
    ('zh', 'ru', '进口总额达40.5亿美元。', 'Импорт составил 4,05 млрд долларов.', []),
    ('zh', 'es', '12月15日，日本宣布制裁。', 'El 15 de diciembre, Japón anunció sanciones.', []),
    ('zh', 'ru', '进口总额达40.5亿美元。', 'Импорт составил 40,5 млн долларов.', ['TQ203']),
    ('en', 'de', 'Imports rose 12.5% to $4.05 billion.', 'Die Importe stiegen um 12,5 % auf 4,05 Mrd. Dollar.', []),
    ('en', 'fr', 'The fee is 1,500 euros.', "Les frais s'élèvent à 1 500 euros.", []),
    ('en', 'es', 'The fee is 1,500 euros.', 'La tarifa es de 1.500 euros.', []),
    ('en', 'ru', 'On March 15, 2024, twenty people came.', '15 марта 2024 года пришли двадцать человек.', []),
    ('en', 'de', 'The fee is 1,500 euros.', 'Die Gebühr beträgt 1.800 Euro.', ['TQ203']),
    ('ja', 'fr', '国が3億5000万円を補助した。', "L'État a versé 350 millions de yens.", []),
]


@pytest.mark.parametrize("src_lang,tgt_lang,src,tgt,expected", OTHER_TARGETS)
def test_number_rules_into_other_languages(src_lang, tgt_lang, src, tgt, expected):
    assert codes(src_lang, src, tgt, tgt_lang) == expected


def test_mismatch_message_names_both_values_and_points_at_the_target():
    src, tgt = "进口总额达40.5亿美元。", "Imports totaled 40.5 million dollars."
    [finding] = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert finding.code == "TQ203" and finding.severity == Severity.ERROR
    assert finding.message == "expected 4.05 billion USD (40.5亿美元), found 40.5 million USD"
    assert finding.span.side == "target" and tgt[finding.span.start:finding.span.end] == "40.5 million dollars"


def test_missing_points_at_the_source_and_added_is_a_warning():
    src, tgt = "日本宣布制裁35名军人。", "Japan announced sanctions on soldiers, 12 new ones."
    found = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert [(f.code, f.severity) for f in found] == [("TQ203", Severity.ERROR)]
    src, tgt = "日本宣布制裁35名军人。", "Japan announced sanctions on soldiers."
    [missing] = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert missing.code == "TQ202" and missing.span.side == "source"
    assert src[missing.span.start:missing.span.end] == "35"
    [added] = run_checks([make_pair("日本宣布制裁。", "Japan announced 12 sanctions.")], [CheckContext("zh", "en")],
                         NUMBER_RULES)
    assert added.code == "TQ204" and added.severity == Severity.WARNING


def test_comparison_is_pure():
    a = compare_quantities("进口总额达40.5亿美元。", "Imports totaled 4.05 billion dollars.", "zh", "en")
    b = compare_quantities("进口总额达40.5亿美元。", "Imports totaled 4.05 billion dollars.", "zh", "en")
    assert a == b and not a.missing and not a.mismatched and not a.added


# --- the parser ---------------------------------------------------------------------------------------

def q(text, lang):
    return [(x.kind, x.value, x.unit) for x in extract_quantities(text, lang)]


PARSES = [
    # digits in every locale's grouping
    ("en", "It costs 1,234.5 dollars.", [("currency", 1234.5, "USD")]),
    ("de", "Es kostet 1.234,5 Euro.", [("currency", 1234.5, "EUR")]),
    ("fr", "Il coûte 1 234,5 euros.", [("currency", 1234.5, "EUR")]),
    ("fr", "Il coûte 1\u202f234,5 euros.", [("currency", 1234.5, "EUR")]),
    ("ru", "Стоит 1\u00a0234,5 рубля.", [("currency", 1234.5, "RUB")]),
    ("de", "Es kostet 1'234.5 Franken.", [("currency", 1234.5, "CHF")]),
    ("ru", "Рост составил 1,5 раза.", [("multiplier", 1.5, None)]),
    ("en", "About 1,500 people.", [("number", 1500, None)]),
    ("de", "Etwa 1,500 Tonnen.", [("number", 1.5, None)]),
    ("es", "Asistieron 3.500 personas.", [("number", 3500, None)]),
    ("en", "Version 0.125 of it.", [("number", 0.125, None)]),
    ("en", "A 12..5% rise and 40$500 million.", []),  # broken figures are TQ201's
    # CJK numerals and scale characters
    ("zh", "总额达40.5亿美元。", [("currency", 4.05e9, "USD")]),
    ("ja", "被害額は3億5000万円。", [("currency", 3.5e8, "JPY")]),
    ("zh", "投资1000万元，观众92万人。", [("currency", 1e7, "CNY"), ("number", 920000, None)]),
    ("zh", "十二万人、两千名、三点五倍、一百零五个。", [("number", 120000, None), ("number", 2000, None),
                                          ("multiplier", 3.5, None), ("number", 105, None)]),
    ("zh", "１２３４５人", [("number", 12345, None)]),  # full-width digits
    ("zh", "３成的人，增长3倍，百分之五，3个百分点。", [("percent", 30, None), ("multiplier", 3, None),
                                        ("percent", 5, None), ("percentage_point", 3, None)]),
    ("zh", "约三分之一为水域。", [("fraction", 1 / 3, None)]),
    ("zh", "一些人在千里之外，十分重要。", []),  # numerals inside words
    # Russian and other scale words, number words
    ("ru", "1,5 млрд рублей и 12 тыс. жителей", [("currency", 1.5e9, "RUB"), ("number", 12000, None)]),
    ("ru", "двадцать пять человек, две тысячи домов, полтора миллиона", [("number", 25, None), ("number", 2000, None),
                                                                     ("number", 1.5e6, None)]),
    # Russian decades and centuries, with and without годы after them; 2020-м году is a year's ordinal form
    ("ru", "Нью-Йорк 1880-х, жизнь в 1990-е и в 80-е годы", [("decade", 1880, None), ("decade", 1990, None),
                                                         ("decade", 80, None)]),
    ("ru", "здание 1800-х годов, на 5-м месте", [("decade", 1800, None), ("ordinal", 5, None)]),
    ("ru", "здание 1800-х, на 5-м месте", [("century", 19, None), ("ordinal", 5, None)]),
    ("en", "twenty-five, two hundred and fifty, a dozen, half a million, 4.05 billion", [
        ("number", 25, None), ("number", 250, None), ("number", 12, None), ("number", 5e5, None),
        ("number", 4.05e9, None)]),
    ("en", "one of the members, a year ago", []),  # "one", "a": not quantities on their own
    ("de", "3,5 Mio. Euro und zwei Milliarden, dreihundertfünfzig", [("currency", 3.5e6, "EUR"), ("number", 2e9, None),
                                                                  ("number", 350, None)]),
    ("fr", "4 millions d'euros et quatre-vingt-dix", [("currency", 4e6, "EUR"), ("number", 90, None)]),
    ("es", "40 mil millones de dólares y treinta y dos", [("currency", 4e10, "USD"), ("number", 32, None)]),
    # percentages and points
    ("en", "up 3 percentage points to 12.5 per cent", [("percentage_point", 3, None), ("percent", 12.5, None)]),
    ("ru", "на 2 п.п. и 9 процентов", [("percentage_point", 2, None), ("percent", 9, None)]),
    ("es", "un 5 por ciento", [("percent", 5, None)]),
    ("fr", "5 pour cent", [("percent", 5, None)]),
    # currencies before the figure
    ("en", "US$5 billion, HK$3m, £3bn, RMB 5,000, €20", [("currency", 5e9, "USD"), ("currency", 3e6, "HKD"),
                                                      ("currency", 3e9, "GBP"), ("currency", 5000, "CNY"),
                                                      ("currency", 20, "EUR")]),
    # ordinals, multipliers, eras, ranges
    ("en", "the 3rd, third, 3,000th, twice, three times", [("ordinal", 3, None), ("ordinal", 3, None),
                                                       ("ordinal", 3000, None), ("multiplier", 2, None),
                                                       ("multiplier", 3, None)]),
    ("ru", "3-й раз", [("ordinal", 3, None)]),
    ("zh", "第三次，第3000场", [("ordinal", 3, None), ("ordinal", 3000, None)]),
    ("en", "the 19th century, the 1800s, the 1990s", [("century", 19, None), ("century", 19, None),
                                                    ("decade", 1990, None)]),
    ("zh", "19世纪初，90年代", [("century", 19, None), ("decade", 90, None)]),
    ("en", "3-5 million and 3 to 5%", [("number", 3e6, None), ("number", 5e6, None), ("percent", 3, None),
                                       ("percent", 5, None)]),
    ("zh", "3至5亿元", [("currency", 3e8, "CNY"), ("currency", 5e8, "CNY")]),
    # codes are not quantities
    ("en", "COVID-19, G7, 5G and the Boeing 737", [("number", 737, None)]),
    # regressions (robustness fuzzing): a scale after a scale, a zero, a run of digits no float holds
    ("zh", "1万亿元和0万人", [("currency", 1e12, "CNY"), ("number", 0, None)]),
    ("en", "The budget was " + "9" * 400 + ".", []),
    ("ja", "合計" + "9" * 400 + "個。", []),
]


@pytest.mark.parametrize("lang,text,expected", PARSES)
def test_extract_quantities(lang, text, expected):
    got = q(text, lang)
    assert [(k, u) for k, _, u in got] == [(k, u) for k, _, u in expected]
    assert all(math.isclose(a, b, rel_tol=1e-9) for (_, a, _), (_, b, _) in zip(got, expected))


DATES = [
    ("zh", "12月15日", (None, 12, 15)), ("zh", "2024年1月", (2024, 1, None)), ("ja", "3月15日", (None, 3, 15)),
    ("zh", "二〇二四年十二月十五日", (2024, 12, 15)), ("en", "December 15", (None, 12, 15)),
    ("en", "15 December 2024", (2024, 12, 15)), ("en", "Dec. 15", (None, 12, 15)), ("en", "the 15th of December", (None, 12, 15)),
    ("en", "January 2024", (2024, 1, None)), ("en", "in March", (None, 3, None)), ("ru", "15 марта", (None, 3, 15)),
    ("ru", "в апреле 2023 года", (2023, 4, None)), ("de", "15. März", (None, 3, 15)), ("es", "15 de marzo", (None, 3, 15)),
    ("fr", "1er mai 2024", (2024, 5, 1)), ("en", "2024-01-15", (2024, 1, 15)), ("de", "1.12.2024", (2024, 12, 1)),
]


@pytest.mark.parametrize("lang,text,parts", DATES)
def test_dates_keep_their_parts(lang, text, parts):
    [date] = extract_quantities(text, lang)
    assert date.kind == "date" and date.date == parts and date.text.strip() in text


@pytest.mark.parametrize("lang,text,hours", [
    ("zh", "10时30分", 10.5), ("zh", "下午3点", 15), ("ja", "午後3時", 15), ("en", "10:30", 10.5), ("en", "10.30 a.m.", 10.5),
    ("en", "3 p.m.", 15), ("de", "10.30 Uhr", 10.5), ("fr", "10h30", 10.5), ("zh", "24时", 24),
])
def test_times(lang, text, hours):
    [time] = extract_quantities(text, lang)
    assert time.kind == "time" and time.value == hours


def test_spans_and_texts_agree_with_the_input():
    text = "Imports totaled $4.05 billion on December 15, up 12.5%."
    for x in extract_quantities(text, "en"):
        assert text[x.start:x.end] == x.text
    assert [x.text for x in extract_quantities(text, "en")] == ["$4.05 billion", "December 15", "12.5%"]


def test_precision_and_approximation_marks():
    [rounded] = extract_quantities("about 4 billion", "en")
    assert rounded.precision == 1e9 and rounded.approx
    [exact] = extract_quantities("40.5亿", "zh")
    assert exact.precision == 1e7 and not exact.approx
    [odd] = extract_quantities("140多台", "zh")
    assert odd.at_least


def test_unknown_languages_and_empty_text():
    assert extract_quantities("", "zh") == []
    assert [x.value for x in extract_quantities("Custa 1.500 reais.", "pt")] == [1500]
    assert [x.value for x in extract_quantities("It costs 1,500 won.", "ko")] == [1500]


def test_same_value_rules():
    def one(text, lang):
        [x] = extract_quantities(text, lang)
        return x
    assert same_value(one("40.5亿美元", "zh"), one("about 4 billion dollars", "en"))  # the target rounds
    assert not same_value(one("14万例", "zh"), one("135,000 cases", "en"))  # the target adds precision
    assert same_value(one("12月15日", "zh"), one("15 December 2024", "en"))  # the source has no year
    assert not same_value(one("2024年12月15日", "zh"), one("15 December 2023", "en"))
    assert not same_value(one("6000万美元", "zh"), one("60 million euros", "en"))
    assert same_value(one("5个月", "zh"), one("five months", "en"))


def test_weak_figures_are_never_reported_alone():
    assert is_weak(extract_quantities("两国", "zh")[0])
    assert is_weak(extract_quantities("the first time", "en")[0])
    assert not is_weak(extract_quantities("35名", "zh")[0])


def test_describe():
    def d(text, lang):
        return describe(extract_quantities(text, lang)[0])
    assert d("40.5亿美元", "zh") == "4.05 billion USD"
    assert d("15 марта", "ru") == "March 15"
    assert d("12,5%", "ru") == "12.5%"
    assert d("第3000场", "zh") == "3,000th"


# --- property: a figure formatted in a language's conventions parses back to its value -------------------

def _group(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    return sep.join([s, *parts])


def _digits(value_int: int, decimals: str, lang: str) -> str:
    group, point = {"en": (",", "."), "de": (".", ","), "es": (".", ","), "fr": ("\u202f", ","),
                    "ru": ("\u00a0", ",")}[lang]
    return _group(value_int, group) + (point + decimals if decimals else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", "5", "25", "125"]),
       st.sampled_from(["en", "de", "es", "fr", "ru"]))
def test_locale_digits_parse_back(n, decimals, lang):
    text = f"Total: {_digits(n, decimals, lang)} units."
    [x] = extract_quantities(text, lang)
    assert math.isclose(x.value, float(f"{n}.{decimals or 0}"), rel_tol=1e-12)


def _zh(yi: int, wan: int, rest: int) -> str:
    out = ""
    if yi:
        out += f"{yi}亿"
    if wan:
        out += f"{wan}万"
    if rest or not out:
        out += str(rest)
    return out


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999))
def test_zh_scale_characters_parse_back(yi, wan, rest):
    value = yi * 10**8 + wan * 10**4 + rest
    [x] = extract_quantities(f"总额达{_zh(yi, wan, rest)}元。", "zh")
    assert x.value == value and x.kind == "currency" and x.unit == "CNY"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99999), st.sampled_from([(1e4, "万"), (1e8, "亿")]))
def test_zh_decimal_scale_parses_back(hundredths, scale):
    mantissa = hundredths / 100
    [x] = extract_quantities(f"达{mantissa:g}{scale[1]}美元", "zh")
    assert math.isclose(x.value, mantissa * scale[0], rel_tol=1e-12) and x.unit == "USD"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99999), st.sampled_from([(1e3, "thousand"), (1e6, "million"), (1e9, "billion")]))
def test_en_scale_words_parse_back(hundredths, scale):
    mantissa = hundredths / 100
    [x] = extract_quantities(f"It cost {mantissa:,g} {scale[1]} dollars.", "en")
    assert math.isclose(x.value, mantissa * scale[0], rel_tol=1e-12) and x.unit == "USD"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99999), st.sampled_from([(1e3, "тыс."), (1e6, "млн"), (1e9, "млрд")]))
def test_ru_scale_words_parse_back(hundredths, scale):
    mantissa = hundredths / 100
    text = f"{mantissa:g}".replace(".", ",")
    [x] = extract_quantities(f"Выделено {text} {scale[1]} рублей.", "ru")
    assert math.isclose(x.value, mantissa * scale[0], rel_tol=1e-12) and x.unit == "RUB"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99999), st.sampled_from([(1e4, "万", 1e6, "million"), (1e8, "亿", 1e9, "billion")]))
def test_conversion_between_zh_and_en_is_never_flagged(hundredths, scales):
    """The same amount written with 万/亿 and with million/billion compares equal."""
    value = hundredths / 100 * scales[0]
    src = f"达{hundredths / 100:g}{scales[1]}美元。"
    tgt = f"It reached {value / scales[2]:,.10g} {scales[3]} dollars."
    assert codes("zh", src, tgt) == []


@pytest.mark.parametrize("text,value,kind", [
    # WMT typesets figures in Chinese with spaces around them
    ("英国将提供 7500 万英镑的援助", 75_000_000, "currency"),
    ("价格约为 35 亿美元", 3_500_000_000, "currency"),
    ("在 12 月 11 日庆祝", 11, "date"),
    ("他的雕像在 2020 年 6 月遭到毁坏", 6, "date"),
    ("市值蒸发 2510 亿美元", 251_000_000_000, "currency"),
])
def test_spaced_cjk_figures_are_read(text, value, kind):
    from tqcheck.check.numparse import extract_quantities

    (q,) = extract_quantities(text, "zh")
    assert (q.value, q.kind) == (value, kind)
    assert text[q.start:q.end] == q.text and q.text[0].isdigit()


@pytest.mark.parametrize("src,tgt,severity", [
    # a small count is often paraphrased ("Yale and two other" for 耶鲁等3所): a warning
    ("耶鲁等3所名校", "Yale and two other Ivy League universities", Severity.WARNING),
    ("耶鲁等35所名校", "Yale and other Ivy League universities", Severity.ERROR),
    ("英国将提供 7500 万英镑的援助", "The UK will give £75 million in aid", None),
])
def test_number_severity_follows_confidence(src, tgt, severity):
    found = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert max((f.severity for f in found), default=None) == severity


@pytest.mark.parametrize("lang,src,tgt", [
    ("de", "Das Studio nahm sie für sieben Jahre unter Vertrag.", "The studio signed her for nine years."),
    ("es", "En apenas dos semanas llegaron.", "In just four weeks they arrived."),
    ("de", "Am ersten November fahren sie in Imola.", "On November 10th they race in Imola."),
])
def test_a_changed_number_written_out_is_reported(lang, src, tgt):
    found = run_checks([make_pair(src, tgt)], [CheckContext(lang, "en")], NUMBER_RULES)
    assert [f.code for f in found] == ["TQ203"]


def test_an_ordinal_before_a_month_is_a_date():
    [q] = extract_quantities("Am ersten November", "de")
    assert (q.kind, q.date, q.text) == ("date", (None, 11, 1), "ersten November")


@pytest.mark.parametrize("lang,src,tgt", [
    ("ja", "住んでいるのは５０代と６０代の男性です。", "They are men in their fifties and sixties."),  # 50代
    ("fr", "Dans les années 70 et 80, la télévision changea.", "In the 1970s and 80s, television changed."),
    ("ru", "С начала 20-х роман развивался.", "Since the early 20s the affair evolved."),
    ("ja", "70代くらいの男性が見つかった。", "A man around 70 was found."),  # an age in that decade
])
def test_decades_of_every_form_match(lang, src, tgt):
    assert run_checks([make_pair(src, tgt)], [CheckContext(lang, "en")], NUMBER_RULES) == []


@pytest.mark.parametrize(("lang", "src", "tgt"), [
    ("ja", "玉野商工高３年生徒（１８）は話す。", "A third-year student (18) of Tamano High said."),  # third-year: 3rd
    ("ja", "累計販売数70万本突破", "Over 700,000 units sold"),  # 販売数 "sales count", not 数 "several"
    ("zh", "每年的3至6月是开花的时间。", "March to June each year is the time to blossom."),  # a range of months
    ("zh", "两位都是非常有创意的新人。", "You are both very creative newcomers."),  # both: the two of them
    ("zh", "16至19世纪的传统。", "The tradition of the 16th to 19th centuries."),  # centuries, plural
    ("zh", "我们庆祝建党一百周年。", "We celebrated the centenary of the party."),
])
def test_figures_read_in_context(lang, src, tgt):
    assert run_checks([make_pair(src, tgt)], [CheckContext(lang, "en")], NUMBER_RULES) == []


def test_a_list_number_added_is_information():
    # （三）参加... -> "3. Participate ...": the list marker is a figure only the translation writes
    [f] = run_checks([make_pair("（三）参加继续教育授课。", "3. Participate in further education courses.")],
                     [CheckContext("zh", "en")], NUMBER_RULES)
    assert f.code == "TQ204" and f.severity == Severity.INFO


@pytest.mark.parametrize(("src", "tgt"), [
    ("江西将培训万名乡村教师。", "Jiangxi will train 10,000 rural teachers."),  # 万 alone is ten thousand
    ("“十四五”实现良好开局。", "The 14th Five-Year Plan has seen a good start."),  # 十四五: the 14th plan
    ("百分之七八十能救过来。", "70% or 80% of them can be saved."),  # 七八十: seventy or eighty
])
def test_a_figure_a_cjk_numeral_may_stand_for_is_information(src, tgt):
    found = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert found and all(f.code == "TQ204" and f.severity == Severity.INFO for f in found)


@pytest.mark.parametrize(("src", "tgt"), [
    ("六四孤儿都大学毕业了。", "All the June 4th orphans graduated."),  # 六四: June 4th
    ("上世纪六七十年代，英特尔是明珠。", "In the 1960s and 1970s, Intel was the pearl."),  # 六七十年代
])
def test_dates_and_decades_cjk_numerals_may_stand_for_are_information(src, tgt):
    found = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert all(f.severity == Severity.INFO for f in found)


@pytest.mark.parametrize(("src", "tgt"), [
    ("这是自20世纪80年代以来第二次公开访问。", "It is the second public visit since the 1980s."),
    ("二十世纪八十年代，这里还是农田。", "In the 1980s, this was still farmland."),
    ("20世纪六七十年代，鱼的数量锐减。", "In the 1960s and 1970s, the number of fish fell sharply."),
])
def test_a_decade_of_a_century_is_one_decade(src, tgt):
    found = run_checks([make_pair(src, tgt)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert all(f.severity == Severity.INFO for f in found)
    # another decade in the translation is still found
    wrong = tgt.replace("1980s", "1950s").replace("1960s and 1970s", "1940s")
    found = run_checks([make_pair(src, wrong)], [CheckContext("zh", "en")], NUMBER_RULES)
    assert any(f.code in ("TQ202", "TQ203") and f.severity >= Severity.WARNING for f in found)


@pytest.mark.parametrize(("src", "tgt", "src_lang", "tgt_lang"), [
    ("Wieso wird der Versand erst am 16.3. gestartet?", "Why is the delivery only sent out on 03/16?", "de", "en"),
    ("Ich wurde am 18.01. per Mail informiert.", "I was told by email on 18 January.", "de", "en"),
    ("Die Email wurde am 26.12.#NUMBER# versendet.", "L'e-mail a été envoyé le 26 décembre #NUMBER#.", "de", "fr"),
    ("Kapitel 1.2. zeigt das.", "Chapter 1.2 shows it.", "de", "en"),  # a section number, the same figures
])
def test_a_day_and_a_month_without_a_year(src, tgt, src_lang, tgt_lang):
    assert run_checks([make_pair(src, tgt)], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES) == []
    wrong = tgt.replace("16", "17").replace("18 January", "18 February").replace("26", "27").replace("1.2", "1.3")
    found = run_checks([make_pair(src, wrong)], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES)
    assert any(f.severity >= Severity.WARNING for f in found)


def test_a_day_and_a_month_need_a_decimal_comma():
    """In English 16.3. ends a sentence after a decimal figure."""
    from tqcheck.check.numparse import extract_quantities

    assert [(q.kind, q.value) for q in extract_quantities("It grew by 16.3.", "en")] == [("number", 16.3)]
    assert [(q.kind, q.date) for q in extract_quantities("Bis zum 16.3. offen.", "de")] == [("date", (None, 3, 16))]


@pytest.mark.parametrize(("src", "tgt", "src_lang", "tgt_lang"), [
    ("Die Auswahl verlor beim 16:32 (8:13) deutlich.", "The team lost clearly, 16-32 (8-13).", "de", "en"),
    ("The team lost 16-32 at home.", "Die Mannschaft verlor 16:32 zu Hause.", "en", "de"),
])
def test_a_score_written_with_a_colon_or_a_dash(src, tgt, src_lang, tgt_lang):
    assert run_checks([make_pair(src, tgt)], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES) == []
    found = run_checks([make_pair(src, tgt.replace("32", "30"))], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES)
    assert any(f.severity >= Severity.WARNING for f in found)


@pytest.mark.parametrize(("src", "tgt", "src_lang", "tgt_lang"), [
    ("The rider came to your location at 12:39.", "Der Fahrer kam um 12.39 bei Ihrer Adresse an.", "en", "de"),
    ("Delivery is normally before 5.30pm.", "Die Zustellung erfolgt in der Regel bis 17.30.", "en", "de"),
    ("The mill was built in the 1800s.", "工場は1800年代に建てられた。", "en", "ja"),
])
def test_the_same_time_or_era_written_another_way(src, tgt, src_lang, tgt_lang):
    assert run_checks([make_pair(src, tgt)], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES) == []
    wrong = tgt.replace("12.39", "12.49").replace("17.30", "17.45").replace("1800", "1700")
    found = run_checks([make_pair(src, wrong)], [CheckContext(src_lang, tgt_lang)], NUMBER_RULES)
    assert any(f.severity >= Severity.WARNING for f in found)


def test_a_currency_glued_on_and_a_scale_word_in_a_title():
    from tqcheck.check.numparse import extract_quantities

    assert [(q.value, q.unit) for q in extract_quantities("I saw it on sale for 3,280yen.", "en")] == [(3280, "JPY")]
    assert [(q.value, q.unit) for q in extract_quantities("Mir wurden nur 20EUR angeboten.", "de")] == [(20, "EUR")]
    assert [q.value for q in extract_quantities("10 Million Copies Sold", "en")] == [1e7]
    assert extract_quantities("the 5G network, the 737MAX", "en") == []  # codes stay codes


def test_a_day_and_a_month_with_a_point_is_the_other_sides_date():
    ctx = [CheckContext("en", "zh")]
    assert run_checks([make_pair("The item was due to dispatch 18.12", "这个商品应该是 12 月 18 日就发货了")], ctx,
                      NUMBER_RULES) == []
    found = run_checks([make_pair("The item was due to dispatch 18.12", "这个商品应该是 12 月 19 日就发货了")], ctx,
                       NUMBER_RULES)
    assert any(f.severity >= Severity.WARNING for f in found)


@pytest.mark.parametrize(("text", "lang", "days"), [
    ("Die Schäden vom 26. und 27. November waren groß.", "de", [26, 27]),
    ("Útoky zesílily ve dnech 3., 10. a 15. listopadu.", "cs", [3, 10, 15]),
    ("Attacks rose on November 3rd, 10th and 15th.", "en", [3, 10, 15]),
])
def test_the_days_of_a_list_share_its_month(text, lang, days):
    from tqcheck.check.numparse import extract_quantities

    assert [(q.kind, q.date) for q in extract_quantities(text, lang)] == [("date", (None, 11, d)) for d in days]


def test_a_figure_after_a_date_and_a_comma_stays_a_figure():
    from tqcheck.check.numparse import extract_quantities

    assert [q.kind for q in extract_quantities("On March 5, 12 people died.", "en")] == ["date", "number"]


def test_dots_do_not_group_digits_by_twos():
    """Indian grouping is written with commas; 27.60.55.001 is a model number, not 276,055,001."""
    from tqcheck.check.numparse import extract_quantities

    assert [q.value for q in extract_quantities("女表424.10.0.20.02.002/27.60.55.001", "zh")] == []
    assert [q.value for q in extract_quantities("Rs 12,34,567 was paid.", "en")] == [1234567]
    assert [q.value for q in extract_quantities("Es kostet 1.234.567 Euro.", "de")] == [1234567]


def test_a_round_the_clock_span_left_out_is_only_a_warning():
    # "open 24/7" is "цілодобово" (around the clock): the 24 is a time span, not a figure of the news
    found = run_checks([make_pair("Our chat is open 24/7 for you.", "Наш чат працює цілодобово.")],
                       [CheckContext("en", "uk")], NUMBER_RULES)
    assert found and all(f.code == "TQ202" and f.severity == Severity.WARNING for f in found)
    [f] = run_checks([make_pair("Our chat is open 24 hours.", "Наш чат працює цілодобово.")],
                     [CheckContext("en", "uk")], NUMBER_RULES)
    assert f.code == "TQ202" and f.severity == Severity.ERROR


def test_an_invented_figure_beside_cjk_numerals_is_still_a_warning():
    [f] = run_checks([make_pair("江西将培训万名乡村教师。", "Jiangxi will train 12,000 rural teachers.")],
                     [CheckContext("zh", "en")], NUMBER_RULES)
    assert f.code == "TQ204" and f.severity == Severity.WARNING


def test_a_publication_credit_date_may_be_left_out():
    # 毎日新聞 2021/3/31 closing a headline: the translation routinely leaves the credit out
    src = "照ノ富士復帰、大関の奮起促すか 毎日新聞 2021/3/31"
    assert run_checks([make_pair(src, "Terunofuji's return: will it rouse the Ozeki?")], [CheckContext("ja", "en")],
                      NUMBER_RULES) == []
    # a date inside the sentence is still a figure the translation must give
    found = run_checks([make_pair("2021年3月31日に発表した。", "It was announced.")], [CheckContext("ja", "en")],
                       NUMBER_RULES)
    assert [f.code for f in found] == ["TQ202"]


def test_a_year_left_out_of_a_date_is_not_a_wrong_date():
    src = "Les fouilles sont devenues plus intrusives depuis le 11 septembre 2001."
    ok = run_checks([make_pair(src, "Searches have become more intrusive since September 11.")],
                    [CheckContext("fr", "en")], NUMBER_RULES)
    wrong = run_checks([make_pair(src, "Searches have become more intrusive since September 11, 2002.")],
                       [CheckContext("fr", "en")], NUMBER_RULES)
    assert ok == [] and [f.code for f in wrong] == ["TQ203"]


@pytest.mark.parametrize("translation,codes", [
    ("Searches have become more intrusive since 9/11.", []),           # month/day, the year left out
    ("Searches have become more intrusive since 11/9.", []),           # day/month
    ("Searches have become more intrusive since 9/12.", ["TQ202", "TQ204", "TQ204"]),  # another day
    ("Searches have become more intrusive since 9/11/2002.", ["TQ203"]),
])
def test_a_slashed_month_and_day_is_the_sources_date(translation: str, codes: list[str]) -> None:
    src = "Les fouilles sont devenues plus intrusives depuis le 11 septembre 2001."
    found = run_checks([make_pair(src, translation)], [CheckContext("fr", "en")], NUMBER_RULES)
    assert sorted(f.code for f in found) == codes


@pytest.mark.parametrize("text,expected", [
    ("换了三四套服装", [(3.0, "number"), (4.0, "number")]),       # three or four sets, not 34
    ("这两三年应该不足以支撑", [(2.0, "number"), (3.0, "number")]),
    ("小学二四五年级课外书", [(2.0, "number"), (4.0, "number"), (5.0, "number")]),
    ("一九九八年", [(1998.0, "year")]),                             # a year digit by digit stays one
    ("一块大木板", [(1.0, "number")]),                              # 块 the measure word, not yuan
    ("十块钱", [(10.0, "currency")]),
    ("我竟一时没有认出自己", []),                                   # 一时 "for a moment"
    ("下午三时开会", [(15.0, "time")]),
    ("21日、22日两日，北京", [(21.0, "date"), (22.0, "date"), (2.0, "number")]),  # 两日 "two days"
    ("贡献率超过23 % 。", [(23.0, "percent")]),                      # a percent sign spaced off, as WMT writes it
])
def test_chinese_numerals_in_context(text: str, expected: list[tuple[float, str]]) -> None:
    from tqcheck.check.numparse import extract_quantities

    assert [(q.value, q.kind) for q in extract_quantities(text, "zh")] == expected


@pytest.mark.parametrize("source,translation", [
    ("8/26(月)AM9:00まで、対象アイテム全品50%OFF!", "Save 50% on all items until 9:00am, August 26th (Mon)"),  # 8/26 is the date
    ("５Ｖでおおよそ２Ａまでですから、たかだか１０Ｗです。", "5V and up to about 2A, giving you only 10W."),  # full-width digits
])
def test_japanese_figures_written_otherwise_are_found(source: str, translation: str) -> None:
    assert run_checks([make_pair(source, translation)], [CheckContext("ja", "en")], NUMBER_RULES) == []


def test_a_source_without_figures_and_a_translation_without_digits_compare_to_nothing():
    # every figure of such a translation is spelled out, and a spelled figure is never reported as added
    cmp = compare_quantities("他们讨论了这个问题。", "They discussed two or three questions, twice.", "zh", "en")
    assert (cmp.missing, cmp.mismatched, cmp.added) == ((), (), ())
    # a digit in the translation is still read, and reported as added
    cmp = compare_quantities("他们讨论了这个问题。", "They discussed 25 questions.", "zh", "en")
    assert [q.value for q in cmp.added] == [25]


def test_chinese_text_without_digits_or_numerals_has_no_figure():
    assert extract_quantities("他们讨论了这个问题。", "zh") == []
    assert [q.value for q in extract_quantities("他们讨论了三个问题。", "zh")] == [3]
    assert [q.value for q in extract_quantities("增长了５％。", "zh")] == [5]
