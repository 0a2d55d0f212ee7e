"""German: simplemma lemmas (Frankreichs -> Frankreich) and the adjectives of places (französisch)."""
import re

from ._libs import (
    simplemma_affix_negation, simplemma_common_noun, simplemma_lemmatizer, simplemma_lexicon, simplemma_lowercase_word,
    wordfreq_zipf
)
from .base import Language, Negation, NumberWords
from .number_context import NumberContext

#: Lemma of a place adjective -> gazetteer key. Lower-case, as German writes them.
ADJECTIVES = {
    "amerikanisch": "US", "britisch": "GB", "englisch": "GB", "russisch": "RU", "chinesisch": "CN",
    "japanisch": "JP", "deutsch": "DE", "französisch": "FR", "italienisch": "IT", "spanisch": "ES",
    "ukrainisch": "UA", "polnisch": "PL", "türkisch": "TR", "indisch": "IN", "iranisch": "IR",
    "israelisch": "IL", "koreanisch": "KR", "südkoreanisch": "KR", "nordkoreanisch": "KP", "kanadisch": "CA",
    "australisch": "AU", "österreichisch": "AT", "schweizerisch": "CH", "niederländisch": "NL",
    "belgisch": "BE", "schwedisch": "SE", "norwegisch": "NO", "dänisch": "DK", "finnisch": "FI",
    "griechisch": "GR", "tschechisch": "CZ", "ungarisch": "HU", "irisch": "IE", "portugiesisch": "PT",
    "brasilianisch": "BR", "mexikanisch": "MX", "afghanisch": "AF", "belarussisch": "BY", "weißrussisch": "BY",
    "europäisch": "region:Europe", "asiatisch": "region:Asia", "afrikanisch": "region:Africa",
    "neuseeländisch": "NZ", "südafrikanisch": "ZA", "libysch": "LY", "ägyptisch": "EG", "syrisch": "SY",
    "irakisch": "IQ", "saudisch": "SA", "pakistanisch": "PK", "afghanisch": "AF", "vietnamesisch": "VN",
    "thailändisch": "TH", "indonesisch": "ID", "philippinisch": "PH", "nigerianisch": "NG", "kenianisch": "KE",
    "argentinisch": "AR", "chilenisch": "CL", "kolumbianisch": "CO", "venezolanisch": "VE", "kubanisch": "CU",
    "litauisch": "LT", "lettisch": "LV", "estnisch": "EE", "rumänisch": "RO", "bulgarisch": "BG",
    "serbisch": "RS", "kroatisch": "HR", "slowakisch": "SK", "slowenisch": "SI", "georgisch": "GE",
    "kasachisch": "KZ", "schottisch": "GB", "walisisch": "GB",
    "sowjetisch": "state:Soviet Union", "wiener": "city:Vienna", "londoner": "city:London",
    "sächsisch": "DE-SN", "bayerisch": "DE-BY", "berliner": "city:Berlin",
    "rheinland-pfälzisch": "DE-RP", "nordrhein-westfälisch": "DE-NW", "baden-württembergisch": "DE-BW",
    "hessisch": "DE-HE", "niedersächsisch": "DE-NI", "thüringisch": "DE-TH", "brandenburgisch": "DE-BB",
    "oberbayerisch": "DE-BY", "oberbayern": "DE-BY", "niederbayern": "DE-BY", "oberfranken": "DE-BY",
    "unterfranken": "DE-BY", "mittelfranken": "DE-BY", "oberpfalz": "DE-BY",
    # demonyms (der Niederländer Max Verstappen: "Max Verstappen from the Netherlands") and -weit
    "niederländer": "NL", "amerikaner": "US", "brite": "GB", "engländer": "GB", "russe": "RU", "chinese": "CN",
    "japaner": "JP", "franzose": "FR", "italiener": "IT", "spanier": "ES", "ukrainer": "UA", "türke": "TR",
    "inder": "IN", "iraner": "IR", "israeli": "IL", "koreaner": "KR", "südkoreaner": "KR", "nordkoreaner": "KP",
    "kanadier": "CA", "australier": "AU", "österreicher": "AT", "belgier": "BE", "schwede": "SE",
    "norweger": "NO", "däne": "DK", "finne": "FI", "grieche": "GR", "tscheche": "CZ", "ungar": "HU",
    "portugiese": "PT", "brasilianer": "BR", "mexikaner": "MX", "europäer": "region:Europe",
    "afrikaner": "region:Africa", "asiate": "region:Asia", "europaweit": "region:Europe",
    "deutschlandweit": "DE",
}
# simplemma leaves hyphenated adjectives inflected (rheinland-pfälzische): their forms are listed too
ADJECTIVES.update({adj + end: key for adj, key in list(ADJECTIVES.items()) if "-" in adj
                   for end in ("e", "en", "er", "es", "em")})

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
#: (each pattern opens on a look-ahead for the first letters of its words, so that the regex engine skips to them
#: instead of trying its word boundary and every word at each position)
NEGATION = Negation(
    any=re.compile(r"(?=[aefknovw])\b(?:nicht|nich|kein\w*|nie|niemals|ohne|weder|nichts|nix|niemand\w*|nirgend\w*|"
                   r"verweiger\w*|verbot\w*|abgelehnt|nein|"
                   # words a translation renders with a negation (Nichtbemerken "if they are not noticed",
                   # ausgenommen "not included", fehlt "is not there", erst "not until")
                   r"nicht\w+|kaum|fehl\w*|ausgenommen|au(?:ß|ss)er|verfall\w*|vermeid\w*|verhinder\w*|"
                   r"verzicht\w*|erst|vergeblich|vergessen|vergaß\w*|verpass\w*|verloren|egal)\b", re.I),
    explicit=re.compile(r"(?=[kn])\b(?:nicht|nich|kein\w*|nie|niemals|nichts|nix|niemand\w*|nirgend\w*)\b", re.I),
    not_negation=re.compile(r"(?=n)\b(?:nicht nur|nicht zuletzt|nichtsdestotrotz)\b", re.I),
    marks=("cht",),  # (in every match of not_negation; c, h and t match no other letters when the case is ignored)
    affixed=simplemma_affix_negation("de", ("un",), ("los", "lose", "losen", "loser", "loses")),
)

#: Endings of family and place names that are also the last part of compounds.
NAME_ENDINGS = frozenset({"berg", "bert", "mann", "burg", "stein", "dorf", "feld", "hardt", "hart", "horst", "heim"})

#: Endings of street names (Aidenbachstraße, Talstraße): a word ending so is a name unless the dictionary has
#: it (Hauptstraße, Landstraße, Seitenstraße are common nouns).
STREET_ENDINGS = frozenset({"straße", "strasse", "gasse", "allee"})

_DEMONYM = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{2,}?)(er|ern|ers|erin|erinnen)")
_DEMONYM_ENDINGS = ("er", "ern", "ers", "erin", "erinnen")  # (what a word must end with for _DEMONYM to match it)


def demonym_places(word: str) -> tuple[tuple[str, ...], bool]:
    """The places a word ending in -er may be the demonym of, likeliest first (Grazer: Graz; Münchner, Dresdner:
    München, Dresden; Bremer: Brem, Bremen), and whether it is the uninflected -er form, which also stands as an
    adjective before a noun (die Grazer Kinderklinik); ((), False) for another word."""
    m = _DEMONYM.fullmatch(word) if word.endswith(_DEMONYM_ENDINGS) else None
    if m is None:
        return (), False
    base = m.group(1)
    places = [base]
    if base[-1] == "n" and base[-2] not in "aeiouäöü":
        places.append(base[:-1] + "en")  # Münchner, Dresdner
    places.append(base + "en")  # Bremer
    return tuple(places), m.group(2) == "er"


#: A verb of saying (present or past, third person) or a clause-final "so", after which a speaker is named:
#: "Es hat funktioniert", sagt Zimmermann; Das sei falsch, so Becker.
SPEAKER_BEFORE = re.compile(  # (opens on a look-ahead for the first characters of its words and marks)
    r"(?=[abefkmrsvw,\u201c\u201d\"])"
    r"(?:\b(?:sagt|sagte|sagten|erklärt|erklärte|betont|betonte|meint|meinte|berichtet|berichtete|ergänzt|ergänzte|"
    r"erzählt|erzählte|schreibt|schrieb|warnt|warnte|fordert|forderte|kritisiert|kritisierte|bestätigt|bestätigte|"
    r"erläutert|erläuterte|resümiert|resümierte|bilanziert|bilanzierte|verspricht|versprach|räumt|räumte|"
    r"antwortet|antwortete|fügt|fügte)|[,\u201c\u201d\"]\s*so)\s+(?=[A-ZÄÖÜ])")


#: Given names and figures whose English renderings differ (the name as written is always accepted).
GIVEN_NAMES = {
    "nikolaus": ("Nicholas", "Santa Claus", "St. Nicholas", "Saint Nicholas"), "weihnachtsmann": ("Santa Claus",
    "Father Christmas", "Santa"), "christkind": ("Christ Child", "Christkind"), "heinrich": ("Henry",),
    "wilhelm": ("William",), "friedrich": ("Frederick",), "karl": ("Charles", "Carl"), "ludwig": ("Louis",),
    "johann": ("John",), "johannes": ("John",), "josef": ("Joseph",), "franz": ("Francis",), "georg": ("George",),
    "mariä": ("Mary",), "maria": ("Mary",), "jesus": ("Jesus",), "petrus": ("Peter",), "paulus": ("Paul",),
}

#: German abbreviations and the English ones a translation writes for them (DDR: GDR), looked up like the
#: given names above.
ABBREVIATIONS = {
    "ddr": ("GDR", "East Germany"), "brd": ("FRG", "West Germany"), "ptbs": ("PTSD",), "kptbs": ("PTSD", "CPTSD"),
    "uno": ("UN",), "ezb": ("ECB",), "iwf": ("IMF",), "ki": ("AI",), "eu": ("EU",), "usa": ("US", "USA"),
    "gus": ("CIS",), "akw": ("NPP",), "nrw": ("NRW",), "who": ("WHO",), "adhs": ("ADHD",), "pkw": ("car",),
    "lkw": ("truck", "lorry", "HGV"), "gmbh": ("GmbH", "Ltd"), "ag": ("AG", "plc"), "mwst": ("VAT",),
    "agb": ("terms and conditions", "T&C", "T&Cs", "GTC"), "pkv": ("private health insurance", "private insurance"),
    "gkv": ("statutory health insurance", "public health insurance"), "öpnv": ("public transport",), "bip": ("GDP",), "dgb": ("DGB", "Confederation of German Trade Unions"),
}
GIVEN_NAMES.update(ABBREVIATIONS)

#: News agency credits that translations keep as written.
KEPT_WORDS = frozenset({"dpa", "sid", "epd", "kna", "afp", "apa", "dts", "ap"})

#: Function words: what tells a clause in this language from one in another language of its script.
FUNCTION_WORDS = frozenset("""
    der die das und den von zu mit sich auf für ist im dem nicht ein eine als auch er hat aus bei sie nach
    wird wurde zum zur sind des einer eines einem einen es wie noch nur oder aber vor um über war werden kann dass
    sein seine seiner ihre ihr ihren wir ich man mehr schon wenn durch bis diese dieser dieses unter gegen zwischen
    sehr haben hatte keine kein wurden können soll muss ob weil damit""".split())

#: Words that open a noun phrase: a capitalised word right after one is a noun or a name used as one.
DETERMINERS = frozenset("""
    der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen dieser diese
    dieses diesem diesen jeder jede jedes jedem jeden sein seine seiner seines seinem seinen ihr ihre ihrer ihres
    ihrem ihren mein meine meiner meinem meinen unser unsere unserer unserem unseren euer eure alle allen aller
    viele vielen mehrere einige wenige""".split())


#: Function words not common in the other languages of the script (TQ503: a text in the language).
DISTINCTIVE_WORDS = frozenset(("der die das und den von zu mit sich auf für ist im dem nicht ein eine als auch er "
                    "hat aus bei sie nach wird wurde zum zur sind").split())


def _number_words() -> "NumberWords":
    from .de_numbers import number_words

    return number_words()


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("etwa", "rund", "ungefähr", "fast", "knapp", "gut"),
    range_joiners=("bis", "und"),
    month_connectors=("bis", "und"),
    decade_suffixes=(r"er(?:n|jahren?|-jahren?)?\b",),
    period_prefixes=("Mitte", "Ende", "Anfang"),
)


LANGUAGE = Language("de", "German", frozenset({"names", "numbers"}), frequency=wordfreq_zipf("de"),
                    lemmatize=simplemma_lemmatizer("de"),
                    is_word=simplemma_lexicon("de"),
                    adjectives=ADJECTIVES, kept_words=KEPT_WORDS, capitalises_nouns=True,
                    name_endings=NAME_ENDINGS, street_endings=STREET_ENDINGS, given_names=GIVEN_NAMES,
                    compass_prefixes=("west", "ost", "nord", "süd", "mittel", "zentral"),
                    function_words=FUNCTION_WORDS, script="Latn",
                    negation=NEGATION,
                    # plurals: Krankheiten, Gruppen, Verluste, Gipfeln, Kinder, Männern; Böden, Gäste, Häuser
                    is_common_noun=simplemma_common_noun("de", ("e", "en", "n", "er", "ern"), ("", "e", "er")),
                    is_lowercase_word=simplemma_lowercase_word("de"), determiners=DETERMINERS,
                    adjective_endings=("e", "en", "er", "es", "em"),
                    demonym_places=demonym_places, speaker_before=SPEAKER_BEFORE,
                    number_words=_number_words, distinctive_words=DISTINCTIVE_WORDS, place_locale="de", number_context=NUMBER_CONTEXT)
