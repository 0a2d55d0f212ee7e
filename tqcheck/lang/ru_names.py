"""The persons and names a Russian text has: runs of capitalised words read with given names, surname endings
and pymorphy3's tags; the reader the name check asks through ``Language.source_names``."""
from __future__ import annotations

import re
from typing import Callable, Iterator

from .sentences import SENTENCE_START as _SENT_START

FIRST_NAMES = frozenset("""
александр алексей анатолий андрей антон аркадий артём артем борис вадим валентин валерий василий
виктор виталий владимир владислав вячеслав геннадий георгий глеб григорий даниил денис дмитрий
евгений егор иван игорь илья кирилл константин лев леонид максим марат михаил никита николай олег
павел пётр петр роман руслан сергей станислав степан тимур фёдор федор эдуард юрий яков ярослав
александра алина алла анастасия анна валентина валерия вера виктория галина дарья евгения екатерина
елена елизавета жанна зоя ирина кира ксения лариса любовь людмила маргарита марина мария надежда
наталья наталия нина оксана ольга полина светлана софья софия тамара татьяна юлия яна
""".split())
PERSON_SUFFIX = re.compile(
    r"(ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|енко|ко|ук|юк|ич|ова|ева|ёва|ина|ына|вич|вна|ична)"
    r"(а|у|ым|ом|е|ой|ым|ого|ому|ым)?$", re.IGNORECASE)
#: A capitalised word, of one piece or of capitalised pieces (МакГрегор, ДиКаприо): a word of its own, not the
#: capitalised inside of one (пишИте, УрФО, ОМОНовцы, МАЗе).
_CAPITALISED = re.compile(r"(?<![^\W\d_])[А-ЯЁ][а-яё]+(?:[А-ЯЁ][а-яё]+)*(?:-[А-ЯЁ][а-яё]+)?(?![^\W\d_])")
_ADJECTIVE = re.compile(r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их)$")


#: A ruler's ordinal after the name (Николай Второй, Петра Первого): translated (the Second, I), no part of it.
REGNAL = re.compile(r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ый|ой|ий|ого|его|ому|ему"
                    r"|ым|им|ом|ем|ая|ья|ую|ью)$")


def source_names(text: str, free: Callable[[int, int], bool], name_tag: Callable[[str], str],
                 function_words: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, str, str, bool]]:
    """(start, end, name, kind, sure) of each run of capitalised words that names someone (``person``: a given
    name, or two words one with a surname ending the dictionary tags as a name; sure with two words or more)
    or something (``latin``, a warning), where ``free(start, end)`` allows. ``name_tag`` is pymorphy3's; a
    sentence's first word that is one of ``function_words`` (На Александра) is never part of a name."""
    words = [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text)]
    groups: list[list[tuple[int, int, str]]] = []
    for w in words:
        if groups and text[groups[-1][-1][1]:w[0]] == " ":
            groups[-1].append(w)
        else:
            groups.append([w])
    for g in groups:
        s, e = g[0][0], g[-1][1]
        if not free(s, e):
            continue
        initial = bool(_SENT_START.search(text[max(0, s - 3):s])) or s == 0
        lowered = [w[2].lower() for w in g]
        first_name = any(w in FIRST_NAMES for w in lowered)
        person = first_name or (len(g) >= 2 and any(PERSON_SUFFIX.search(w) for w in lowered))
        if initial and (not first_name or lowered[0] in function_words):
            if len(g) == 1:
                continue
            g = g[1:]
            s = g[0][0]
            first_name = any(w[2].lower() in FIRST_NAMES for w in g)
            person = first_name or len(g) >= 2 and any(PERSON_SUFFIX.search(w[2].lower()) for w in g)
        if not person and all(_ADJECTIVE.search(w[2].lower()) for w in g):
            continue
        while len(g) > 1 and REGNAL.match(g[-1][2].lower()):
            g = g[:-1]
            e = g[-1][1]
        tags = [name_tag(w[2]) for w in g]
        while len(g) > 1 and tags[0] == "common":
            g, tags = g[1:], tags[1:]  # Пульмонолог Сергей Пурясев, Глава ... Анна Попова: the title goes
            s = g[0][0]
        if "place" in tags and "person" not in tags:
            continue  # Новой Каледонии: the dictionary knows it as a place; the place rules see to it
        if person and not first_name and "person" not in tags:
            person = False  # a suffix like -ова alone is not enough where the dictionary knows no name
        if len(g) == 1 and tags[0] in ("common", "other") and not person:
            continue  # Антрацит, Ассоциации, Не: a word of the language, capitalised
        # a first name alone (Александр, Максим) is often an address, dropped or kept: a warning
        yield s, e, text[s:e], "person" if person else "latin", len(g) > 1 and person
