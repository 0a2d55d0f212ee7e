"""Table-driven tests of each rule: (source language, source, translation, expected codes)."""
import math

import pytest

from tqcheck.check.facts import facts_of
from tqcheck.check.registry import CheckContext, RegistryError, build_registry, rule
from tqcheck.check.rules import REGISTRY
from tqcheck.check.runner import Selection, run_checks
from tqcheck.errors import UsageError
from tqcheck.types import Link, Pair, PairEvidence, Segment, Severity


def make_pair(src: str, tgt: str, index: int = 0) -> Pair:
    s = (Segment(0, src, 0, len(src), 1, 1),) if src else ()
    t = (Segment(0, tgt, 0, len(tgt), 1, 1),) if tgt else ()
    return Pair(index, Link((0,) if src else (), (0,) if tgt else (), 1.0), src, tgt, s, t)


def codes(src_lang, src, tgt, tgt_lang="en", selection=Selection()):
    findings = run_checks([make_pair(src, tgt)], [CheckContext(src_lang, tgt_lang)], selection)
    return sorted(f.code for f in findings)


ROWS = [
    # TQ101 gap markers
    ("zh", "日本政府宣布对俄罗斯实施新一轮制裁。", "Japan** announced a new round of sanctions against Russia.", ["TQ101"]),
    ("zh", "俄罗斯发起了一场反击。", "Russia launched a ** against them.", ["TQ101"]),
    ("ja", "地元の特産品が並んだ。", "Local ## products were on display.", ["TQ101"]),
    ("ru", "Губернатор заявил об этом.", "The <unk> said so.", ["TQ101"]),
    ("de", "Der Minister sprach.", "El [UNK] habló.", ["TQ101"]),
    ("es", "El ministro dijo **todo**.", "The minister said **everything**.", []),  # markdown copied: fine
    ("es", "El precio subió un 5 %.", "The price rose by 5%.", []),
    # TQ102 replacement character
    ("de", "Zürich ist teuer.", "Z\ufffdrich est cher.", ["TQ102"]),
    # TQ201 malformed numbers
    ("zh", "进口总额达40.5亿美元。", "Imports totaled 40$500 million.", ["TQ201"]),
    ("ru", "Рост составил 12,5%.", "Growth was 12..5%.", ["TQ201"]),
    ("ja", "総額は12億5000万円。", "The total is 1.2.5 billion yen.", ["TQ201"]),
    ("es", "Asistieron 3500 personas.", "3,50,0 people attended.", ["TQ201"]),
    # must NOT fire: valid groupings of every locale, dates, a 亿 -> billion conversion
    ("zh", "进口总额达40.5亿美元。", "Imports totaled 4.05 billion dollars.", []),
    ("de", "Es kostet 1.234,50 Euro.", "It costs 1,234.50 euros.", []),
    ("de", "Es kostet 1.234,50 Euro.", "Cela coûte 1.234,50 euros.", []),
    ("ru", "Бюджет — 1 234,5 млн рублей.", "The budget is 1,234.5 million roubles.", []),
    ("es", "El 1.12.2024 llegó.", "On 1.12.2024 it arrived.", []),
    ("ja", "12万人が訪れた。", "1,20,000 people visited.", []),  # Indian grouping is a valid grouping
    ("zh", "版本1.2.5发布。", "Version 1.2.5 was released.", []),  # copied from the source
    # TQ501 untranslated text
    ("zh", "码头改造工程今天开工。", "The 码头 reconstruction started today.", ["TQ501"]),
    ("ja", "復旧工事が始まった。", "The 復旧工事 has begun.", ["TQ501"]),
    ("ru", "Пассажирский терминал откроется.", "The пассажирский терминал will open.", ["TQ501"]),
    ("ru", "Он сказал «да».", "He said «да».", []),  # two letters: too short to be sure
    ("ja", "東京で会議。", "A meeting in Tokyo.", []),
    ("de", "Das Haus ist alt.", "La maison est vieille.", []),  # same script: not this rule's business
    ("zh", "他说：“好”。", "He said: “Good”.", []),
]


@pytest.mark.parametrize("src_lang,src,tgt,expected", ROWS)
def test_rule_table(src_lang, src, tgt, expected):
    tgt_lang = "fr" if src_lang == "de" and not tgt.startswith(("It", "El")) else ("es" if tgt.startswith("El") else "en")
    assert codes(src_lang, src, tgt, tgt_lang) == expected


@pytest.mark.parametrize(
    "src,tgt,expected",
    [
        ("日本政府宣布对俄罗斯实施新一轮制裁，涉及35名军人。", "", ["TQ401"]),
        ("日本对俄制裁", "", ["TQ401"]),
        ("", "Subscribe for more news!", ["TQ402"]),
    ],
)
def test_omission_and_addition(src, tgt, expected):
    assert codes("zh", src, tgt) == expected


def test_omission_severity_depends_on_content():
    long = run_checks([make_pair("日本政府宣布对俄罗斯实施新一轮制裁，涉及35名军人。", "")], [CheckContext("zh", "en")], Selection())
    short = run_checks([make_pair("日本对俄制裁", "")], [CheckContext("zh", "en")], Selection())
    assert long[0].severity == Severity.ERROR and short[0].severity == Severity.WARNING


def test_gate_suppresses_the_rules_it_covers():
    from tqcheck.check.registry import Hit

    @rule("TQ901", "empty-gate", Severity.ERROR, "Test", suppresses=("TQ902",))
    def gate(pair, ctx):
        """Fires on an empty target."""
        if not pair.target:
            yield Hit("empty")

    @rule("TQ902", "noise", Severity.ERROR, "Test")
    def noise(pair, ctx):
        """Always fires."""
        yield Hit("noise")

    @rule("TQ903", "other", Severity.WARNING, "Test")
    def other(pair, ctx):
        """Always fires."""
        yield Hit("other")

    registry = build_registry([gate, noise, other])
    sel = Selection(select=("TQ",))
    pairs = [make_pair("源", "", 0), make_pair("源", "Target", 1)]
    found = run_checks(pairs, [CheckContext("zh", "en")] * 2, sel, registry)
    assert sorted((f.pair, f.code) for f in found) == [(0, "TQ901"), (0, "TQ903"), (1, "TQ902"), (1, "TQ903")]


def test_findings_in_the_order_of_the_pairs_and_their_rules():
    """The rules run rule by rule over blocks of pairs; the findings still come pair by pair, each pair's in the
    order of its rules, and a gate suppresses rules on the pairs it fires on only."""
    from tqcheck.check.registry import Hit
    from tqcheck.check.runner import BLOCK_PAIRS

    @rule("TQ901", "gate", Severity.ERROR, "Test", suppresses=("TQ903",))
    def gate(pair, ctx):
        """Fires on every third pair."""
        if pair.index % 3 == 0:
            yield Hit("gate")

    @rule("TQ902", "twice", Severity.WARNING, "Test")
    def twice(pair, ctx):
        """Fires twice on every other pair."""
        if pair.index % 2:
            yield Hit("a")
            yield Hit("b")

    @rule("TQ903", "suppressed", Severity.WARNING, "Test")
    def suppressed(pair, ctx):
        """Always fires."""
        yield Hit("c")

    n = 2 * BLOCK_PAIRS + 5
    pairs = [make_pair("源", "Target", k) for k in range(n)]
    found = run_checks(pairs, [CheckContext("zh", "en")] * n, Selection(), build_registry([suppressed, twice, gate]))
    expected = []
    for k in range(n):
        expected += [(k, "TQ901", "gate")] if k % 3 == 0 else []
        expected += [(k, "TQ902", "a"), (k, "TQ902", "b")] if k % 2 else []
        expected += [] if k % 3 == 0 else [(k, "TQ903", "c")]
    assert [(f.pair, f.code, f.message) for f in found] == expected


def test_selection_longest_prefix_wins():
    sel = Selection(select=("TQ",), ignore=("TQ1",))
    assert not sel.enabled("TQ101") and sel.enabled("TQ201")
    sel = Selection(select=("TQ",), ignore=("TQ1",)).__class__(select=("TQ101",), ignore=("TQ1",))
    assert sel.enabled("TQ101") and not sel.enabled("TQ102")


def test_severity_override():
    sel = Selection(severity={"TQ101": Severity.WARNING})
    findings = run_checks([make_pair("日本宣布。", "Japan** announced.")], [CheckContext("zh", "en")], sel)
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_unknown_prefix_is_a_usage_error():
    with pytest.raises(UsageError, match="TQ9"):
        Selection(select=("TQ9",))


def test_registry_validation_fails_loudly():
    def undecorated(pair, ctx):
        """x"""
    with pytest.raises(RegistryError, match="undecorated"):
        build_registry([undecorated])

    @rule("TQ1", "bad-code", Severity.ERROR, "Test")
    def bad(pair, ctx):
        """x"""
    with pytest.raises(RegistryError, match="malformed code"):
        build_registry([bad])

    @rule("TQ101", "dupe", Severity.ERROR, "Test")
    def dupe(pair, ctx):
        """x"""
    with pytest.raises(RegistryError, match="reuses code TQ101"):
        build_registry([REGISTRY["TQ101"].func, dupe])

    @rule("TQ901", "unknown-fact", Severity.ERROR, "Test", uses=("syntax",))
    def unknown_fact(pair, ctx):
        """x"""
    with pytest.raises(RegistryError, match="uses unknown facts"):
        build_registry([unknown_fact])


def test_facts_are_worked_out_once_per_pair_for_the_rules_that_use_them():
    seen = []

    @rule("TQ901", "first", Severity.ERROR, "Test", uses=("names",))
    def first(pair, ctx):
        """x"""
        seen.append(("first", pair.index, id(facts_of(pair, ctx)), facts_of(pair, ctx).names))
        return ()

    @rule("TQ902", "second", Severity.ERROR, "Test", uses=("names",))
    def second(pair, ctx):
        """x"""
        seen.append(("second", pair.index, id(facts_of(pair, ctx)), facts_of(pair, ctx).names))
        return ()

    pairs = [make_pair("日本宣布制裁。", "Japan announced sanctions.", 0), make_pair("俄罗斯。", "Russia.", 1)]
    run_checks(pairs, [CheckContext("zh", "en")] * 2, Selection(), build_registry([first, second]))
    # each rule over the pairs, then the next
    assert [(name, i) for name, i, *_ in seen] == [("first", 0), ("first", 1), ("second", 0), ("second", 1)]
    (_, _, f0, n0), (_, _, g0, m0), (_, _, f1, n1), (_, _, g1, m1) = seen
    assert f0 == f1 and n0 is n1 and g0 == g1 and m0 is m1 and n0 is not m0  # one analysis per pair
    assert [s.text for s in n0.source] == ["日本"] and [s.text for s in m0.source] == ["俄罗斯"]
    # a rule called on its own gets facts of its own
    ctx = CheckContext("zh", "en")
    assert facts_of(pairs[0], ctx) is not facts_of(pairs[0], ctx)


def test_every_rule_is_documented():
    for code, r in REGISTRY.items():
        assert r.title and "Why it matters" in r.doc and "Example" in r.doc, code
        assert r.category.startswith(("Accuracy/", "Fluency/")), code


@pytest.mark.parametrize(
    "src_lang,src,tgt,evidence,expected",
    [
        # zh-en usual log ratio 1.218: 30 Chinese characters make about 100 English ones
        ("zh", "日本政府宣布对俄罗斯实施新一轮制裁，涉及三十五名军人和四十四个团体。", "Japan acted.", {}, ["TQ403"]),
        ("zh", "日本政府宣布对俄罗斯实施新一轮制裁，涉及三十五名军人和四十四个团体。",
         "The Japanese government announced a new round of sanctions against Russia, covering 35 servicemen and 44 groups.",
         {}, []),
        ("zh", "普京发表了讲话，感谢了所有人长期以来的支持和帮助。",
         "Putin gave a speech in which he thanked everyone for their support, announced new gas deliveries to Europe, "
         "praised the harvest, criticised the weather, and promised a new bridge over the river to every village and every town in the whole region.",
         {}, ["TQ404"]),
        # the document's own ratio wins over the table
        ("zh", "日本政府宣布对俄罗斯实施新一轮制裁，涉及三十五名军人和四十四个团体。",
         "The Japanese government announced a new round of sanctions against Russia, covering 35 servicemen and 44 groups.",
         {"expected_log_ratio": 2.5}, ["TQ403"]),
        ("xx", "Some sentence that is long enough to be judged here.", "Short.", {}, []),  # unknown pair: no table
        # English a Chinese sentence quotes is carried over as written: it does not count
        ("zh", "战略在于“do the right thing and keep going”，也就是做正确的事。",
         "The key of the strategy is “do the right thing and keep going”.", {}, []),
        ("zh", "战略在于“do the right thing and keep going”，也就是做正确的事情，三十五名军人和四十四个团体都同意。",
         "“do the right thing and keep going”.", {}, ["TQ403"]),
    ],
)
def test_length_ratio(src_lang, src, tgt, evidence, expected):
    findings = run_checks([make_pair(src, tgt)], [CheckContext(src_lang, "en", PairEvidence(**evidence))], Selection(select=("TQ403", "TQ404")))
    assert sorted(f.code for f in findings) == expected


@pytest.mark.parametrize(
    "sims, merged, fires",
    [
        ((0.72, 0.12), 0.68, True),   # the translation says the first sentence alone
        ((0.72, 0.45), 0.70, True),   # a weak match of the second, the pair no better than the first alone
        ((0.72, 0.45), 0.78, False),  # the pair matches better than either sentence: both are said
        ((0.72, 0.12), 0.80, False),
        ((0.72, 0.61), 0.70, False),  # both sentences match
        ((0.45, 0.12), 0.40, False),  # nothing matches well: a loose translation, not a drop
        (None, None, False),          # no embedder: no evidence, no finding
    ],
)
def test_sentence_dropped_in_merge(sims, merged, fires):
    s1, s2 = "他说领土问题已经解决。", "俄方不会让步。"
    segs = (Segment(0, s1, 0, len(s1), 1, 1), Segment(1, s2, len(s1), len(s1) + len(s2), 1, len(s1) + 1))
    tgt = "He said the territorial issue was resolved."
    pair = Pair(0, Link((0, 1), (0,), 0.9, merged), s1 + s2, tgt, segs, (Segment(0, tgt, 0, len(tgt), 1, 1),))
    evidence = PairEvidence(similarity=merged, source_sentence_similarity=sims)
    found = run_checks([pair], [CheckContext("zh", "en", evidence)], Selection(select=("TQ405",)))
    assert [(f.code, f.span.start) for f in found] == ([("TQ405", len(s1))] if fires else [])


@pytest.mark.parametrize(
    "parts, merged, spans",
    [
        (((0, 21, 0.10, 0.80, False),), 0.70, [(0, 21)]),  # the headline left out: the rest matches better
        (((0, 21, 0.10, 0.71, False),), 0.70, []),  # the rest no better than the whole (within PART_MARGIN): said
        (((0, 21, 0.10, 0.45, False),), 0.40, []),  # nothing matches well
        # overlapping parts (a sentence's beginning up to two breaks): the least similar one only
        (((0, 21, 0.30, 0.80, False), (0, 40, 0.10, 0.90, False), (22, 54, 0.60, 0.20, False)), 0.70, [(0, 40)]),
        # a sentence of its own whose absence accounts for the translation's length: no margin needed
        (((21, 54, 0.10, 0.71, True),), 0.70, [(21, 54)]),
        (((21, 54, 0.10, 0.69, True),), 0.70, []),  # the whole matches better: it is said
        (((21, 54, 0.55, 0.80, True),), 0.70, []),  # the part itself matches the translation
    ],
)
def test_part_dropped_in_sentence(parts, merged, spans):
    src = "Markets fall sharply Investors sold shares on Monday."
    tgt = "Investors sold shares on Monday."
    pair = Pair(0, Link((0,), (0,), 0.9, merged), src, tgt, (Segment(0, src, 0, len(src), 1, 1),),
                (Segment(0, tgt, 0, len(tgt), 1, 1),))
    evidence = PairEvidence(similarity=merged, source_part_similarity=parts)
    found = run_checks([pair], [CheckContext("en", "en", evidence)], Selection(select=("TQ405",)))
    assert [(f.span.start, f.span.end) for f in found] == spans


# Every rule of this file's families, on sources in five languages: rows that must fire and rows
# that must not (the correct translation).
SOURCES = {
    "zh": ("日本政府宣布对俄罗斯实施新一轮制裁，涉及三十五名军人。", "The Japanese government announced new sanctions against Russia covering 35 servicemen."),
    "ja": ("政府は新たな制裁措置を発表し、三十五人の軍人が対象となった。", "The government announced new sanctions covering 35 servicemen."),
    "ru": ("Правительство объявило о новых санкциях против тридцати пяти военных.", "The government announced new sanctions against 35 servicemen."),
    "de": ("Die Regierung kündigte neue Sanktionen gegen fünfunddreißig Soldaten an.", "The government announced new sanctions against 35 soldiers."),
    "es": ("El gobierno anunció nuevas sanciones contra treinta y cinco militares.", "The government announced new sanctions against 35 servicemen."),
}


@pytest.mark.parametrize("lang", sorted(SOURCES))
@pytest.mark.parametrize(
    "code,make_target,evidence,fires",
    [
        ("TQ101", lambda t: t.replace("announced", "** announced"), {}, True),
        ("TQ101", lambda t: t, {}, False),
        ("TQ102", lambda t: t.replace("new", "n\ufffdw"), {}, True),
        ("TQ102", lambda t: t, {}, False),
        ("TQ201", lambda t: t.replace("35", "3$5"), {}, True),
        ("TQ201", lambda t: t, {}, False),
        ("TQ403", lambda t: "Sanctions.", {"expected_log_ratio": 0.0}, True),
        ("TQ403", lambda t: t, {}, False),  # evidence: the pair's own ratio, set in the test
        ("TQ404", lambda t: t + " " + t + " " + t + " " + t + " " + t + " " + t, {"expected_log_ratio": 0.0}, True),
        ("TQ404", lambda t: t, {}, False),
    ],
)
def test_rules_across_source_languages(lang, code, make_target, evidence, fires):
    src, tgt = SOURCES[lang]
    if code in ("TQ403", "TQ404") and not fires:
        evidence = {"expected_log_ratio": math.log(len(tgt.replace(" ", "")) / len(src.replace(" ", "")))}
    found = run_checks([make_pair(src, make_target(tgt))], [CheckContext(lang, "en", PairEvidence(**evidence))], Selection(select=(code,)))
    assert bool(found) == fires, (code, lang, [f.message for f in found])


@pytest.mark.parametrize("lang", sorted(SOURCES))
def test_one_sided_pairs_across_source_languages(lang):
    src, tgt = SOURCES[lang]
    assert codes(lang, src, "") == ["TQ401"]
    assert codes(lang, "", tgt) == ["TQ402"]
    assert codes(lang, src, tgt) == []


def test_the_young_objects_are_collected_less_often_while_the_checks_run():
    import gc

    from tqcheck.check.registry import Rule
    from tqcheck.check.runner import _LongLived

    seen: list[tuple[int, int, int]] = []

    def notes_the_threshold(pair, ctx):
        seen.append(gc.get_threshold())
        yield from ()

    registry = {"TQ999": Rule("TQ999", "test-rule", Severity.ERROR, "Other", notes_the_threshold)}
    pairs = [make_pair(f"第{k}句。", f"Sentence {k}.", k) for k in range(3)]
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert run_checks(pairs, [CheckContext("zh", "en")] * len(pairs), Selection(), registry) == []
        assert seen == [(_LongLived.YOUNG_COLLECTION, 10, 10)] * 3
        assert gc.get_threshold() == (700, 10, 10)  # given back
        seen.clear()
        gc.set_threshold(0, 10, 10)  # a program that collects by itself keeps doing so
        run_checks(pairs, [CheckContext("zh", "en")] * len(pairs), Selection(), registry)
        assert seen == [(0, 10, 10)] * 3 and gc.get_threshold() == (0, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_the_objects_there_before_the_checks_are_set_aside_from_the_collector_while_they_run():
    import gc

    from tqcheck.check.registry import Rule
    from tqcheck.check.runner import WARM_PAIRS

    frozen: list[int] = []
    loaded: list[list[int]] = []

    def notes_the_collector(pair, ctx):
        frozen.append(gc.get_freeze_count())
        if pair.index == 0:
            loaded.extend([k] for k in range(5000))  # a dictionary the first pair loads, kept for good
        yield from ()

    registry = {"TQ999": Rule("TQ999", "test-rule", Severity.ERROR, "Other", notes_the_collector)}
    pairs = [make_pair(f"第{k}句。", f"Sentence {k}.", k) for k in range(WARM_PAIRS + 5)]
    ctxs = [CheckContext("zh", "en")] * len(pairs)
    assert gc.get_freeze_count() == 0
    assert run_checks(pairs, ctxs, Selection(), registry) == []
    assert gc.get_freeze_count() == 0  # given back to the collector
    # what the first pairs loaded too (a frozen object that dies leaves the count: a margin for those)
    assert all(n > 0 for n in frozen) and frozen[WARM_PAIRS] >= frozen[0] + 4000
    # a program that froze objects itself keeps them frozen, and no more are
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        frozen.clear()
        run_checks(pairs, ctxs, Selection(), registry)
        assert mine >= frozen[0] >= frozen[WARM_PAIRS] >= gc.get_freeze_count() > mine - 1000
    finally:
        gc.unfreeze()


def test_a_context_with_facts_is_the_one_replace_makes() -> None:
    import dataclasses

    from tqcheck.check.facts import PairFacts

    ctx = CheckContext("zh", "en", glossary={"北京": ("Beijing",)})
    pair = Pair(0, Link((0,), (0,), 1.0), "北京", "Beijing", (), ())
    facts = PairFacts(pair, ctx)
    made, replaced = ctx.with_facts(facts), dataclasses.replace(ctx, facts=facts)
    assert type(made) is CheckContext and made == replaced and made.facts is facts and ctx.facts is None
    assert list(vars(made).items()) == list(vars(replaced).items())
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.src_lang = "ja"  # type: ignore[misc]
