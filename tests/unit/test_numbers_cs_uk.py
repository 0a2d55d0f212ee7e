"""Czech and Ukrainian quantities, read from the number data of their language modules (tqcheck/lang)."""
import pytest

from tqcheck.check.numparse import extract_quantities

ROWS = [
    # (language, text, [(value, kind, unit)])
    ("cs", "Dluh činí 1,5 milionu korun.", [(1.5e6, "currency", "CZK")]),
    ("cs", "Přišlo 2\u00a0000 lidí, tedy 12,5 %.", [(2000, "number", None), (12.5, "percent", None)]),
    ("cs", "Útok začal 18. listopadu 2021.", [(18, "date", None)]),
    ("cs", "Za dvě stě tisíc Kč a 3,2 mld. dolarů.", [(2e5, "currency", "CZK"), (3.2e9, "currency", "USD")]),
    ("cs", "Osmnáctiletý řidič, tři desítky lidí.", [(18, "number", None), (30, "number", None)]),
    ("cs", "Tlačítko držte 30 sekund.", [(30, "number", None)]),
    ("uk", "Він буде через 10–15 хвилин.", [(10, "number", None), (15, "number", None)]),
    ("uk", "Зібрали 2 тисячі гривень і 1,5 млн доларів.", [(2000, "currency", "UAH"), (1.5e6, "currency", "USD")]),
    ("uk", "Дві тисячі людей, 20 000 осіб, трьох дітей.", [(2000, "number", None), (20000, "number", None),
                                                      (3, "number", None)]),
    ("uk", "24 лютого 2022 року, після важких 1990-х.", [(24, "date", None), (1990, "decade", None)]),
    # сім'я "family" is no seven
    ("uk", "Моя сім'я живе тут.", []),
    # a range shares its unit (z 10 na 20 %), vague plurals are no number (desítky milionů "tens of millions")
    ("cs", "Podíl vzrostl z 10 na 20 %.", [(10, "percent", None), (20, "percent", None)]),
    ("cs", "Desítky milionů lidí.", []),
    ("uk", "Від 5 до 10 відсотків, у 1800-х роках.", [(5, "percent", None), (10, "percent", None),
                                                    (19, "century", None)]),
    # a month in the nominative needs a preposition: за березень is "for March", not a date by itself
    ("uk", "Виплата за березень.", []),
    # every case form of a scale word, from pymorphy3 (мільйони, the nominative plural)
    ("uk", "23 мільйони людей і 2 мільярди гривень.", [(23e6, "number", None), (2e9, "currency", "UAH")]),
    # a word of the language's figures glued to the digits: Czech writes 66krát
    ("cs", "Je asi 66krát dražší, dnes 2miliony USD.", [(66, "multiplier", None), (2e6, "currency", "USD")]),
]


@pytest.mark.parametrize("lang,text,expected", ROWS)
def test_quantities(lang, text, expected):
    got = [(q.value, q.kind, q.unit) for q in extract_quantities(text, lang)]
    assert got == [(float(v), k, u) for v, k, u in expected]


def test_a_decade_and_a_dozen():
    got = [q.value for q in extract_quantities("for a decade, a dozen eggs", "en")]
    assert got == [10.0, 12.0]


def test_ukrainian_names_still_tagged_after_loading_both_dictionaries():
    from tqcheck import lang

    extract_quantities("2 тисячі", "uk")  # loads pymorphy3's uk dictionary beside the ru one
    assert lang.get("ru").name_tag("Бориса") == "person"


def test_units_before_a_teen_are_two_numbers():
    # "dva jedenáctileté žáky": two eleven-year-old pupils, not 13
    got = [q.value for q in extract_quantities("dva jedenáctileté žáky a třemi sty miliony", "cs")]
    assert 13.0 not in got and 11.0 in got and 3e8 in got
