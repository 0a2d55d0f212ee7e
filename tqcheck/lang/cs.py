"""Czech: simplemma lemmas and dictionary (Prahy -> Praha, milionu -> milion), function words, number words."""
from __future__ import annotations

from ._libs import simplemma_lemmatizer, simplemma_lexicon, wordfreq_zipf
from .base import Language, NumberWords

#: Function words: what tells a Czech clause from one in another language of the Latin script.
FUNCTION_WORDS = frozenset("""
    a v ve na se je že s z ze do o k i to by byl byla bylo byli jsou jako pro ale jak jsem jsme jste abyste aby
    už od po při za nebo také který která které kteří jeho její jejich tak podle mezi než bude budou má mají
    není však když protože tento tato toto tyto jsem mi mě mne nás vás jim jsou své svůj si ho jej ani jen""".split())

#: Number words in their case forms -> value (pět, pěti; dva, dvou, dvěma).
UNITS = {
    **dict.fromkeys("jeden jedna jedno jednoho jedné jednomu jednom jedním".split(), 1),
    **dict.fromkeys("dva dvě dvou dvěma".split(), 2), **dict.fromkeys("tři tří třech třem třemi".split(), 3),
    **dict.fromkeys("čtyři čtyř čtyřech čtyřem čtyřmi".split(), 4), "devět": 9, "devíti": 9,
    **{w: v for stem, v in (("pět", 5), ("šest", 6), ("sedm", 7), ("osm", 8), ("deset", 10), ("jedenáct", 11),
                            ("dvanáct", 12), ("třináct", 13), ("čtrnáct", 14), ("patnáct", 15), ("šestnáct", 16),
                            ("sedmnáct", 17), ("osmnáct", 18), ("devatenáct", 19), ("dvacet", 20), ("třicet", 30),
                            ("čtyřicet", 40), ("padesát", 50), ("šedesát", 60), ("sedmdesát", 70), ("osmdesát", 80),
                            ("devadesát", 90))
       for w in (stem, stem + "i")},
}
#: Stems of number words in compounds (osmnáctiletý "18-year-old", dvoutýdenní "two-week") -> value.
COMPOUND_STEMS = {"jedno": 1, "dvou": 2, "tří": 3, "čtyř": 4, "pěti": 5, "šesti": 6, "sedmi": 7, "osmi": 8,
                  "devíti": 9, "deseti": 10, "jedenácti": 11, "dvanácti": 12, "třinácti": 13, "čtrnácti": 14,
                  "patnácti": 15, "šestnácti": 16, "sedmnácti": 17, "osmnácti": 18, "devatenácti": 19,
                  "dvaceti": 20, "třiceti": 30, "čtyřiceti": 40, "padesáti": 50, "šedesáti": 60, "sedmdesáti": 70,
                  "osmdesáti": 80, "devadesáti": 90, "sto": 100}
#: Endings of such compounds: aged so many years, lasting so many weeks, days, months, hours.
COMPOUND_ENDINGS = tuple(f"{head}{end}" for head in ("let", "týdenn", "denn", "měsíčn", "hodinov")
                         for end in (("ý", "á", "é", "ého", "ému", "ém", "ým", "ou", "ých", "ými")
                                     if head in ("let", "hodinov") else ("í", "ího", "ímu", "ím", "ích", "ími")))
#: Counts of tens, hundreds, thousands (tři desítky "thirty", dvě stovky "two hundred"): what came before times it.
TIMES_WORDS = {**dict.fromkeys("desítka desítky desítek desítkách desítkami desítku".split(), 10),
               **dict.fromkeys("stovka stovky stovek stovkách stovkami stovku".split(), 100),
               **dict.fromkeys("tisícovka tisícovky tisícovek".split(), 1000)}
#: Scale words, with the multiplier each stands for.
SCALES = {**dict.fromkeys("tisíc tisíce tisíci tisícům tisících tisícem".split(), 1e3),
          **dict.fromkeys("milion milionu milionů miliony milionech milionem milionům milión miliónu miliónů "
                          "milióny".split(), 1e6),
          **dict.fromkeys("miliarda miliardy miliard miliardu miliardách miliardami miliardou".split(), 1e9),
          **dict.fromkeys("bilion bilionu bilionů biliony".split(), 1e12)}
ORDINALS = {f"{stem}{end}": v for stem, v in (("první", 1), ("druh", 2), ("třetí", 3), ("čtvrt", 4), ("pát", 5),
                                              ("šest", 6), ("sedm", 7), ("osm", 8), ("devát", 9), ("desát", 10))
            for end in (("",) if stem.endswith("í") else ("ý", "á", "é", "ého", "ém", "ou", "ých"))}
MONTHS = {
    **{m: i for i, m in enumerate("ledna února března dubna května června července srpna září října listopadu "
                                  "prosince".split(), 1)},
    **{m: i for i, m in enumerate("leden únor březen duben květen červen červenec srpen září říjen listopad "
                                  "prosinec".split(), 1)},
    **{m: i for i, m in enumerate("lednu únoru březnu dubnu květnu červnu červenci srpnu září říjnu listopadu "
                                  "prosinci".split(), 1)},
}


def number_words() -> NumberWords:
    units: dict[str, tuple[float, str]] = {w: (float(v), "u") for w, v in UNITS.items()}
    units.update({w: (100.0, "h") for w in ("sto", "sta", "stě", "set", "sty", "stech")})
    units.update({w: (v, "s") for w, v in SCALES.items()})
    units.update({w: (float(v), "x") for w, v in TIMES_WORDS.items()})
    units.update({stem + end: (float(v), "u") for stem, v in COMPOUND_STEMS.items() for end in COMPOUND_ENDINGS})
    units.update({w: (float(v), "o") for w, v in ORDINALS.items() if w not in ("druhé", "druhou")})
    return NumberWords(
        units=units,
        scales=((r"bil(?:ion(?:u|ů|y)?|\.)", 1e12), (r"mld\.?", 1e9), (r"miliard(?:a|y|u|ou|ách|ami)?", 1e9),
                (r"mil\.", 1e6), (r"mili?[oó]n(?:u|ů|y|em|ech|ům)?", 1e6), (r"tis\.", 1e3),
                (r"tisíc(?:e|i|ích|ům|em)?", 1e3)),
        percent=r"%|procent(?:a|o|u|ech|y)?\b",
        points=r"procentní(?:ch|ho|mi)?\s+bod(?:y|ů|u|ech)?\b|p\.\s?b\.",
        currencies=((r"Kč\b|korun(?:a|y|u|ou|ách|ami)?\b", "CZK"), (r"dolar(?:ů|y|u|ech|em)?\b", "USD"),
                    (r"eur(?:o|a|ech|ům)?\b", "EUR"), (r"liber\b|libr(?:a|y|ách)?\b", "GBP"),
                    (r"rubl(?:ů|y|u|ech)?\b", "RUB")),
        times=r"-?krát\b|násob(?:ek|ně|ku)\b",
        months=MONTHS,
        month_anywhere="ledna února března dubna května června července srpna října listopadu prosince",
        month_before=r"v|ve|od|do|na|začátkem|koncem|počátkem|během|polovině|konci|začátku",
        # 18. listopadu 2021: a day before the month with its full stop, a year after it
        date_context=(r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})\.\s*$", r"\s+{year}"),
        eras=((r"(?P<n>\d{1,2})\.\s+stolet(?:í|ích)", ("stolet",)),),
        range_words=("až", "na", "nebo"),
    )


#: Czech abbreviations and what an English translation writes for them (DPH: VAT), looked up as names are.
ABBREVIATIONS = {
    "dph": ("VAT",), "hdp": ("GDP",), "sssr": ("USSR", "Soviet Union"), "čr": ("Czech Republic", "CR"),
    "zzs": ("ambulance", "EMS", "emergency medical service"), "pvo": ("air defence", "air defense"),
    "phm": ("fuel",), "čt": ("Czech Television", "CT"), "spz": ("licence plate", "license plate", "registration"),
}

LANGUAGE = Language("cs", "Czech", frozenset({"numbers"}), frequency=wordfreq_zipf("cs"),
                    lemmatize=simplemma_lemmatizer("cs"),
                    is_word=simplemma_lexicon("cs"), number_words=number_words,
                    function_words=FUNCTION_WORDS, own_letters="áčďéěíňóřšťúůýž", script="Latn",
                    given_names=ABBREVIATIONS)
