"""People the press names by surname alone because its readers know them ('Obama said', 'a header from Puyol'):
the well-known person of the built-in list (`resources/gazetteer/people.csv`), where the article gives no full
name for that surname. A step of `consistency.merge_partial`, once each mention has its label."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from .gazetteer import GAZETTEER_DIR, PEOPLE_LIST, read_list, unaccented, word_list
from .mentions import with_untagged
from .people import reads_as_person
from .sides import reads_as_place, sporting_side
from .values import Entity

# an office or a title just before a surname: 'President Obama', 'Speaker Boehner', 'Mr Blair', 'coach Klopp'
_TITLE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Mr|Mrs|Ms|Dr|Sir|Dame|President|Senator|Sen|Speaker|Chancellor|Minister|Secretary|Governor|Gov|"
    r"Premier|Vice|Coach|coach|[Mm]anager|[Cc]aptain|General|Gen)\.?\s+$"
)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_NOT_PERSON = frozenset(("ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"))
# what match copy says about play: a footballer's surname alone is a person there
_MATCH_COPY = re.compile(
    r"\b(?:goals?|scored|striker|midfielder|defender|goalkeeper|penalty|half-time|substitute|free[- ]kick|header|"
    r"yellow card|red card|kick-off)\b"
)


@functools.cache
def known_surnames(folder: Path = GAZETTEER_DIR) -> dict[str, str]:
    """Each surname alone of the list that one listed person has (an alias two of them share, 'Williams', is
    nobody's), with that person's full name as the form spells it: 'Mbappe' is 'Kylian Mbappe', 'Mbappé'
    'Kylian Mbappé'. A surname that is also a common word ('May') is no alias in the list."""
    owners: dict[str, set[str]] = {}
    spelt: dict[str, str] = {}
    for entry in read_list(Path(folder) / PEOPLE_LIST):
        plain = unaccented(entry.name)
        for form in entry.aliases:
            for written in dict.fromkeys((form, unaccented(form))):
                owners.setdefault(written, set()).add(entry.name)
                spelt[written] = plain if written not in entry.name and written in plain else entry.name
    return {form: spelt[form] for form, names in owners.items() if len(names) == 1}


@functools.cache
def _listed_names() -> frozenset[str]:
    return frozenset(known_surnames().values())


@functools.cache
def _forms() -> dict[str, tuple[str, ...]]:
    """Each listed name as `known_surnames` spells it -> its forms alone ('Muammar Gaddafi' -> 'Gaddafi', 'Qaddafi')."""
    forms: dict[str, tuple[str, ...]] = {}
    for form, name in known_surnames().items():
        forms[name] = (*forms.get(name, ()), form)
    return forms


@functools.cache
def _family_name_first(folder: Path = GAZETTEER_DIR) -> dict[str, str]:
    """Each listed name of two words written the other way round ('Kitajima Kosuke'), with the listed name."""
    names = [entry.name.split() for entry in read_list(Path(folder) / PEOPLE_LIST)]
    return {f"{family} {first}": f"{first} {family}" for first, family in (n for n in names if len(n) == 2)}


def well_known_people(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A listed surname standing alone that no mention resolved ('Obama', 'Puyol') is the well-known person,
    in each mention spaCy called a person and each other one that reads as a person's ('Speaker Boehner',
    'Puyol said'); never where the article names someone else with it in full ('Michelle Obama'), writes it
    as a common word ('a bolt of lightning'), or uses it for something else ('Kerry beat Mayo'). Where the article
    names the listed person in full ('Muammar Gaddafi'), each mention of a form of the surname ('Qaddafi forces')
    is that person, whatever spaCy called it, unless it names a place or a listed thing."""
    parts = _in_full(_in_listed_order(parts))
    known = known_surnames()
    found = {e.text for part in parts for e in part if e.text in known and e.canonical == e.text}
    fulls = {e.canonical for part in parts for e in part if e.label == "PERSON" and " " in e.canonical}
    found |= {form for name in fulls & _listed_names() for form in _forms()[name]}  # 'Gaddafi', spaCy's or not
    if not found:
        return parts
    others = [full for full in fulls if full not in _listed_names()]  # the namesakes the article names in full
    found -= {word for full in others for word in full.split()}
    found -= {form for form in found if " " in form and any(full.endswith(" " + form) for full in others)}
    whole = " ".join(texts)
    if found and any(form.lower() in whole for form in found):
        found -= set(form for form in found if form.lower() in _LOWER_WORD.findall(whole))
    named = {form for form in found if known[form] in fulls}  # the person the article names in full: any mention
    for text, part in zip(texts, parts):  # a club, a side, a place or a listed name in the article: not the person
        found -= {
            e.text
            for i, e in enumerate(part)
            if e.text in found and (_other_thing(text, part, i) if e.text not in named else _place_or_listed(text, e))
        }
    if not found:
        return parts
    people = {form: known[form] for form in found}  # also where spaCy tagged nothing: 'the Bush administration'
    return [
        with_untagged(
            text,
            [Entity(e.start, e.end, e.text, "PERSON", known[e.text]) if e.text in found else e for e in part],
            people,
            "PERSON",
        )
        for text, part in zip(texts, parts)
    ]


def _in_full(parts: list[list[Entity]]) -> list[list[Entity]]:
    """A listed person's full name that spaCy called an organisation or a place ('the addition of Arjen Robben'):
    the person; not a listed club's or place's name."""
    listed = _listed_names()
    if not any(e.text in listed and e.label in _NOT_PERSON for part in parts for e in part):
        return parts
    return [
        [
            Entity(e.start, e.end, e.text, "PERSON", e.text)
            if e.text in listed and e.label in _NOT_PERSON and not e.note
            else e
            for e in part
        ]
        for part in parts
    ]


def _in_listed_order(parts: list[list[Entity]]) -> list[list[Entity]]:
    """A listed person's name that the article writes family name first ('Kitajima Kosuke') is the listed name; a
    name of two words it writes both ways round ('Haruto Sakamaki', 'Sakamaki Haruto') is the person the way round
    it writes more often as a person's, or first, whatever spaCy called the other."""
    turned = _family_name_first()
    counts: dict[str, int] = {}  # a person's name of two words -> its mentions, in reading order
    for e in (e for part in parts for e in part if e.label == "PERSON" and e.canonical.count(" ") == 1):
        counts[e.canonical] = counts.get(e.canonical, 0) + 1
    order = {name: i for i, name in enumerate(counts)}
    for name in {e.canonical for part in parts for e in part if e.canonical.count(" ") == 1}:
        other = " ".join(reversed(name.split()))
        if other in counts and (counts[other], -order[other]) > (counts.get(name, 0), -order.get(name, -1)):
            turned = {**turned, name: other}
    if not any(e.canonical in turned for part in parts for e in part):
        return parts
    return [
        [
            Entity(e.start, e.end, e.text, "PERSON", turned[e.canonical])
            if e.canonical in turned and (e.label == "PERSON" or (e.label in _NOT_PERSON and not e.note))
            else e
            for e in part
        ]
        for part in parts
    ]


def _place_or_listed(text: str, e: Entity) -> bool:
    return bool(e.note) or reads_as_place(text, e.start, e.end)


def _other_thing(text: str, part: list[Entity], i: int) -> bool:
    """Whether a mention names something other than a person: a listed club or body, a side playing a club or a
    place ('Kerry beat Mayo', not 'Federer beat Nadal'), or an organisation or a place that does not read as a
    person's surname here (not 'Puyol said')."""
    e = part[i]
    if e.note:
        return True
    after = part[i + 1] if i + 1 < len(part) else None
    if after and after.label in _NOT_PERSON and after.start - e.end < 40 and sporting_side(text, e.start, e.end):
        return True
    if e.label not in _NOT_PERSON:
        return False
    return not (reads_as_person(text, e.start, e.end) or _TITLE_BEFORE.search(text, max(0, e.start - 20), e.start))


@functools.cache
def _footballers(folder: Path = GAZETTEER_DIR) -> dict[str, str]:
    """Each footballer's surname alone with the name the person goes by: a World Cup player's own surname
    (`footballers.txt`), a listed footballer's or manager's full name ('Drogba' is 'Didier Drogba')."""
    known = known_surnames(folder)
    players = dict.fromkeys(word_list("footballers", folder), "")
    for entry in read_list(Path(folder) / PEOPLE_LIST):
        if entry.note.startswith("football"):
            players.update({form: known[form] for form in entry.aliases if known.get(form) == entry.name})
    return {form: name or form for form, name in players.items()}


def footballers(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A World Cup player's surname standing alone (`footballers.txt`) that spaCy called an organisation or a place,
    in match copy ('the addition of Robben at the expense of Makelele', 'Senderos headed clear'): the person, under
    the full name the article gives him (one person of the article with that surname), else the surname. Not a
    listed club or place, a side playing, a place after 'in', nor a word the article also writes in lower case."""
    whole = " ".join(texts)
    if not _MATCH_COPY.search(whole):
        return parts
    listed = _footballers()
    found = {e.text for part in parts for e in part if e.text in listed and e.label in _NOT_PERSON and not e.note}
    found -= {e.text for part in parts for e in part if e.note}  # a listed club's or place's name somewhere
    if found:
        lower = set(_LOWER_WORD.findall(whole))
        found = {form for form in found if form.lower() not in lower}
    if not found:
        return parts
    fulls: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        fulls.setdefault(e.canonical.split()[-1], set()).add(e.canonical)
    names = {form: next(iter(fulls[form])) if len(fulls.get(form, ())) == 1 else listed[form] for form in found}
    return [
        [
            Entity(e.start, e.end, e.text, "PERSON", names[e.text])
            if e.text in found
            and e.label in _NOT_PERSON
            and not e.note
            and not (reads_as_place(text, e.start, e.end) or sporting_side(text, e.start, e.end))
            else e
            for e in part
        ]
        for text, part in zip(texts, parts)
    ]
