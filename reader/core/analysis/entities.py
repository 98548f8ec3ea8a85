"""Named entities of one text: the tagger's raw tags cleaned into entities with canonical names, and the
full names of the people an article names.

The cleaning after spaCy is regular expressions and dictionary lookups over each text, linear in its
length: no second spaCy pass. One label per entity across the article is `consistency.merge_partial`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .context import ORG_NOUN, looks_like_full_name, reads_as_company, relabel
from .firms import firms_taken_for_people
from .fullnames import aged, first_name_before, role_named, whole_names
from .gazetteer import PLACE_LABELS, Entry, Gazetteer
from .headed import with_headed_names, with_newspapers
from .layout import dateline, table_rows
from .layout import split_runs as split_runs  # the package imports it from here
from .mentions import led_finditer, occurrences, with_untagged
from .names import (
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    PARTICLES,
    PRONOUNS,
    ROLE_WORDS,
    SUFFIXES,
    Names,
    is_name_token,
    trim_name,
)
from .sides import (
    SIDE_NOTE,
    named_after_town,
    reads_as_place,
    sporting_side,
    team_nicknames,
    tied_side,
    with_club_short_names,
    with_team_nicknames,
)
from .tagger import RawEntity
from .towns import (
    country_named,
    county_club,
    first_name_here,
    first_named,
    first_named_spans,
    is_town,
    name_words,
    with_first_named_people,
    with_untagged_places,
)
from .trimming import NAME_LABELS, name_at, tidy_span
from .values import GROUP_OF_LABEL, Entity
from .wider import wider_firm

_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|spring|summer|"
    r"autumn|fall|winter|year|month|week|day|season|decade|century|"
    r"morning|afternoon|evening|night|hour|minute|era|weekend)",
    re.I,
)
_NAME_AND_SCORE = re.compile(r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})\s+\d+\s*[-–]\s*\d+")
_ORG_RUN = r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})"
_DESCRIBED_ORG = re.compile(r"\b" + ORG_NOUN + r"\s+" + _ORG_RUN)
_WIRE = re.compile(r"\(" + _ORG_RUN + r"\)\s+[-–—]\s")  # a dateline's agency: 'MADRID (Sportwire) - '
_ORG_JOINS = (" for the ", " for ", " of the ")
_JOINED_ORG = re.compile(
    r"[\w'’&.-]+(?: [\w'’&.-]+)*? (?:Foundation|Association|Institute|Council|Federation|"
    r"Union|Society|Centre|Center|Museum|Court|Committee|Agency|Department|Ministry|School|"
    r"University|College|Academy|Fund|Trust|Commission|Office)(?: for the | for | of the )"
    r"[A-Z][\w'’&.-]*(?: [\w'’&.-]+)*"
)
_DIGIT = re.compile(r"\d")
_TO_A_BUILDING = re.compile(
    r"\b(?:at|(?<!according )to|outside|inside|into|near|in front of|visited|visit|visits|visiting|reception at)"
    r" (?:the )?\[?$"
)
# a hospital, an embassy: the building where the text puts someone in it or at it, else the institution that acts
_INSTITUTIONS = frozenset("Hospital Embassy Consulate Clinic Infirmary".split())
_IN_A_BUILDING = re.compile(
    r"\b(?:at|in|(?<!according )to|from|outside|inside|into|near|in front of|visited|visit|visits|visiting)"
    r" (?:the )?$"
)
_WOMEN_AFTER = re.compile(r" (?:Women|Ladies)(?![\w'’])")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d $")
# an edition after an event's name: a year, a Roman numeral or a number ('Super Bowl XLVII', 'Super Bowl 50');
# not a score, a time or a count ('Wimbledon 6-4', 'the Olympics 12 years ago')
_YEAR_AFTER = re.compile(
    r" (?:(?:19|20)\d\d\b|[IVXL]{2,}\b|\d{1,3}\b(?![-–:/.,]?\d| *(?:[-–:/%]|years?\b|days?\b|months?\b|"
    r"weeks?\b|times?\b|points?\b|per\b|m\b|km\b|miles?\b|laps?\b)))"
)
_HONORIFIC = r"(?:" + "|".join(h.capitalize() for h in sorted(HONORIFICS)) + r")"
_HONORIFIC_NAME = re.compile(r"\b" + _HONORIFIC + r"\.?\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)")
_HONORIFIC_LEAD = re.compile(_HONORIFIC)  # where one may start (see `led_finditer`)
_BODY_AND_EVENT = re.compile(
    r" (?:(football|rugby|cricket|basketball|hockey|volleyball|handball|athletics|"
    r"swimming|cycling|men's|women's) )?"
)
_BODY_NOTE = re.compile(r"\b(?:federation|confederation|governing|body|league|association|union)\b", re.I)
# a relative's word and what stands before the first name: 'parents of Jules Bianchi, Philippe and ', 'his brother '
_SPOUSE = re.compile(r"(?:wife|husband|widow|widower)\b")
_KIN_BEFORE = re.compile(
    r"\b(?:father|mother|parents|brother|brothers|sister|sisters|son|sons|daughter|daughters|"
    r"wife|husband|widow|widower|uncle|aunt|cousin|grandfather|grandmother|siblings)"
    r"(?:\s+of\s+[A-Z][^,.;:]{1,40})?,?\s+(?:[A-Z][\w'’-]+(?:,\s+|\s+and\s+))*$"
)


def person_names(parts: Sequence[str], raw: Sequence[list[RawEntity]], model: bool = True) -> Names:
    """Full names of the people the article names, in reading order; without a `model`, none of those only
    the words around them show ('Coach Ana Ruiz'): people come from the model."""
    names = Names(model=model)
    singles: list[str] = []
    for text, ents in zip(parts, raw):
        for s, e, label, known in _joined_people(text, ents):
            if label in ("ORG", "NORP", "GPE", "PERSON") and not known:
                s, e, label = relabel(text, *tidy_span(text, s, e, label), label, {})  # 'Brazilian Thiago Lisboa'
                label = "PERSON" if first_named(text[s:e], text) and not reads_as_company(text, s, e) else label
            if label == "PERSON" and not known:
                s, e = tidy_span(text, s, e, label)
                name = name_at(text, s, e) if e > s and not _after_the(text, s) else ""
                if name:
                    names.add(name)
                    singles += [name] if " " not in name else []
    for text, ents in zip(parts, raw):  # the text's own name-like words, minus what is not a person
        for s, e, label, _ in sorted(ents, reverse=True):
            if label != "PERSON":
                text = text[:s] + "," + " " * (e - s - 1) + text[e:]
        names.guess_from(text)
    for text, ents in zip(parts, raw):
        for name in (*_opponents(text, names), *(role_named(text) + aged(text) if model else ())):
            names.add(name)
        for s, e, _ in first_named_spans(text, list(ents)) if model else ():
            names.add(text[s:e])  # 'Jamal Okoro', where spaCy saw a place and a person
    for text in parts:
        names.forget_birth_names(text)
    sure = {name for text in parts for name in (aged(text) if model else ()) if " " not in name}  # 'Reid, 19,'
    for name in [*singles, *sure]:  # 'O’Gara-Reid', a person, stands for the 'Conor O’Gara-Reid' spaCy did not tag
        full = names.resolve(name)
        if " " not in full:  # 'Irish fly-half Cian Brannigan', where spaCy saw a nationality and a date
            full = first_name_before(parts, raw, name, name in sure) or full
        if " " in full:
            names.add(full)
    return names


def _opponents(text: str, names: Names) -> list[str]:
    """The full names a person of the article beat, lost to or drew with ('Coco Gauff beat Aryna Sabalenka
    6-2 6-3'): one player's opponent is a player, whatever spaCy made of the name."""
    out = []
    for m in _RESULT.finditer(text):
        for one, other in ((m.group(1), m.group(2)), (m.group(2), m.group(1))):
            person, other = names.resolve(trim_name(one) or one), trim_name(other) or other  # not "Chile's"
            if " " in person and person in names.full and looks_like_full_name(other.split()):
                out.append(other)
    return out


def _joined_people(text: str, ents: Sequence[RawEntity]) -> list[RawEntity]:
    """spaCy's tags with a person it cut in two made one: 'Elkin Alonso' 'Serna Moreno', its organisation
    'Dries' before its person 'Mertens' (a single capitalised word, not a nationality)."""
    out: list[RawEntity] = []
    for s, e, label, known in sorted(ents):
        if out and text[out[-1][1] : s] == " " and not (known or out[-1][3]) and label == "PERSON":
            before, before_label = text[out[-1][0] : out[-1][1]], out[-1][2]
            if before_label == "PERSON" or (
                before_label == "ORG"
                and _NAME_ALONE.fullmatch(before)
                and not _DEMONYM_LIKE.search(before)
                and is_name_token(before)
            ):
                out[-1] = (out[-1][0], e, "PERSON", "")
                continue
        out.append((s, e, label, known))
    return out


_PLAYER = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
# an individual result between two named players: 'Gauff beat Aryna Sabalenka 6-2 6-3', '… drew with …'
_RESULT = re.compile(
    _PLAYER + r" (?:beat|beats|defeated|defeats|edged|edges|outlasted|overcame|thrashed|stunned|upset|lost to|"
    r"loses to|drew with|halved with) " + _PLAYER + r"(?= \d| by | in (?:the )?(?:final|semi|quarter|straight|three|"
    r"four|five|a )|,)"
)


_SUFFIX = re.compile(r",? (?:Jr\.|Sr\.|Jr\b|Sr\b|II\b|III\b|IV\b)")


@dataclass
class _Mention:
    """A raw tag on its way to an entity: each step may move its span, change its label or drop its entry."""

    start: int
    end: int
    label: str
    entry: Entry | None
    canonical: str = ""
    note: str = ""


def entities(text: str, raw: list[RawEntity], gazetteer: Gazetteer, names: Names) -> list[Entity]:
    """Clean raw tags into entities with canonical names: trimmed, mislabels dropped, short names merged."""
    out: list[Entity] = []
    people, firsts = _people(names), _first_names(names)
    places_at = {s for s, _, label, _ in raw if label in PLACE_LABELS}
    named = name_words(text, raw) | people.keys() | firsts.keys()
    cut = {e: s for s, e, label, known in raw if label == "ORG" and not known}  # spaCy's ORG the gazetteer cut short
    for s, e, label, known in raw:
        entry = gazetteer.by_name.get(known) if known else None
        span = _tidy_tag(text, s, e, label, entry, people, firsts, places_at, named)
        if span is None or span[2] not in GROUP_OF_LABEL:
            continue
        mention = _Mention(*span, entry)
        _town_or_side(text, mention, gazetteer, out[-1] if out else None)
        club = None if mention.entry else county_club(text, mention.start, mention.end, gazetteer, people)
        if club:
            mention.entry, mention.label = club, "ORG"  # 'with Surrey keeping the rest': the county's side
        _womens_side(text, mention)
        _widen_to_firm(text, mention, gazetteer, out, cut)
        mention.canonical, mention.note = _canonical(text, mention, names)
        if mention.canonical:
            _add(text, mention, out, gazetteer, names)
    out = with_newspapers(text, with_headed_names(text, _people_in_lists(text, out, names)))
    teams = team_nicknames(text, people)
    out = with_club_short_names(text, with_untagged(text, out, _described_companies(text) | teams, "ORG"), people)
    out = with_team_nicknames(text, out)
    out = firms_taken_for_people(text, _with_untagged_people(text, out, names, people), people, teams)
    if names.model:  # without a model, no place or person is guessed
        out = with_untagged_places(text, with_first_named_people(text, out, names.resolve))
    return dateline(text, table_rows(text, _relatives(text, _with_suffixes(text, whole_names(text, out)))))


def _with_suffixes(text: str, found: list[Entity]) -> list[Entity]:
    """A person's name with the suffix after it ('Dale Earnhardt, Jr.', 'Earnhardt Jr.', 'Ken Griffey Sr.',
    'Davis Love III'): one name, whose canonical keeps the suffix."""
    out = []
    for i, x in enumerate(found):
        suffix = _SUFFIX.match(text, x.end) if x.label == "PERSON" else None
        if suffix and not (i + 1 < len(found) and found[i + 1].start < suffix.end()):
            written = suffix.group().strip(", ").rstrip(".")
            canonical = x.canonical if x.canonical.rstrip(".").endswith(written) else x.canonical + suffix.group()
            x = Entity(x.start, suffix.end(), text[x.start : suffix.end()], "PERSON", canonical, x.note)
        out.append(x)
    return out


def _tidy_tag(
    text: str,
    s: int,
    e: int,
    label: str,
    entry: Entry | None,
    people: dict[str, str],
    firsts: dict[str, str],
    places_at: set[int],
    named: Collection[str] = (),
) -> tuple[int, int, str] | None:
    """The span and label of a raw tag once trimmed and relabelled (a listed name's stay as they are), or
    None for no name at all."""
    side = _NAME_AND_SCORE.fullmatch(text, s, e) if label not in NAME_LABELS else None
    if side:
        e, label = side.end(1), "ORG"  # spaCy's PRODUCT 'England 2-1': a side and its score
    if entry:
        # the White House as a building: 'visited the White House', 'outside the White House'
        at = entry.name == "White House" and _TO_A_BUILDING.search(text, max(0, s - 24), s)
        return s, e, "FAC" if at else label
    s, e = tidy_span(text, s, e, label)
    if e <= s:
        return None
    if label == "PERSON" and _after_the(text, s):
        return None  # 'the Cloud' is not a person
    if label in ("DATE", "TIME") and not _DATE_WORD.search(text[s:e]):
        return None  # spaCy's small model calls 'Olympic' a date; a bare 'today' dates nothing
    if label in NAME_LABELS and text[s:e].isdigit():
        return None  # spaCy's organisation '2014' of 'the 2014 NASCAR Cup Series season': a year
    if label in PLACE_LABELS and (_DIGIT.search(text, s, e) or text[s:e].lower() in DEMONYMS):
        return None  # spaCy's places 'IE6', 'STS-134', 'Ukrainian': a version, a mission, a nationality
    s, e, label = relabel(text, s, e, label, people, firsts)
    words = text[s:e].split()
    if label in ("ORG", "FAC") and len(words) > 1 and _INSTITUTIONS.intersection((words[0], words[-1])):
        # 'died at Hospital Sírio Libanês', 'fled to the Dutch Embassy'; 'The U.S. Embassy reminds citizens'
        label = "FAC" if _IN_A_BUILDING.search(text, max(0, s - 24), s) else "ORG"
    if label in ("ORG", "GPE", "NORP") and first_named(text[s:e], text) and not reads_as_company(text, s, e):
        return s, e, "PERSON"  # spaCy's organisation 'Paul Pogba', 'Matthijs de Ligt'
    if label in PLACE_LABELS and text[s:e] in firsts and first_name_here(text, s, e):
        return s, e, "PERSON"  # 'stay out of Tyler's way', where the article names one Tyler
    if label in ("PERSON", "ORG") and is_town(text, s, e, label, named):
        return s, e, "GPE"  # spaCy's person 'Monte Carlo', its organisation 'Copenhagen': towns
    if label == "ORG" and text[e : e + 2] == ", " and e + 2 in places_at and " " not in text[s:e]:
        label = "GPE"  # 'Evansville, Indiana'
    elif (
        label == "ORG" and text[e : e + 4] == " of " and e + 4 in places_at and looks_like_full_name(text[s:e].split())
    ):
        label = "PERSON"  # 'ninth place Ildar Pomykalov of Russia'
    return s, e, label


def _town_or_side(text: str, m: _Mention, gazetteer: Gazetteer, prev: Entity | None) -> None:
    """A listed club named after its town where the text means the town, also after a place in a list
    ('diverted to Rotterdam, Antwerp and London Gateway', 'from Newcastle and Leeds'); a place named as a side."""
    surface = text[m.start : m.end]
    listed = prev is not None and prev.label in PLACE_LABELS and text[prev.end : m.start] in (", ", " and ")
    if (
        m.entry
        and m.entry.label == "ORG"
        and named_after_town(m.entry, surface, gazetteer)
        and (listed or reads_as_place(text, m.start, m.end))
    ):
        # 'in Barcelona': the city, not the club
        m.entry = gazetteer.place_named.get(surface)
        m.label = "GPE"
    if m.label in PLACE_LABELS and sporting_side(text, m.start, m.end):
        m.label = "ORG"  # 'England beat Wales 20-10': the national sides
    elif m.label == "PERSON" and not m.entry and tied_side(text, m.start):
        m.label = "ORG"  # 'who plays for Bath': nobody plays for a person


def _womens_side(text: str, m: _Mention) -> None:
    """A listed club's women's side, one name: 'Brighton & Hove Albion Women', 'Arsenal Ladies'; its own
    entity, named after the club's canonical name."""
    after = _WOMEN_AFTER.match(text, m.end) if m.entry and m.label == "ORG" else None
    if after and m.entry and SIDE_NOTE.search(m.entry.note):
        m.end, m.entry = after.end(), Entry(f"{m.entry.name}{after.group()}", "ORG", (), m.entry.note)


def _widen_to_firm(text: str, m: _Mention, gazetteer: Gazetteer, out: list[Entity], cut: dict[int, int]) -> None:
    """A listed organisation's name within an unlisted one's: 'Volkswagen Group', 'USTA Foundation',
    'Fundación Sevilla FC', and a party spaCy tagged whole ('Social' 'Democratic Party') are organisations of
    their own (see `wider.wider_firm`)."""
    if not (m.entry and m.entry.label == "ORG" and m.label == "ORG"):
        return
    wider = wider_firm(text, m.start, m.end, m.entry, cut)
    if wider != (m.start, m.end) and text[wider[0] : wider[1]] not in gazetteer.by_form:
        (m.start, m.end), m.entry = wider, None
        while out and out[-1].end > m.start:
            out.pop()  # spaCy's place 'Fundación'


def _canonical(text: str, m: _Mention, names: Names) -> tuple[str, str]:
    """The mention's canonical name and note: the listed entry's, a person's full name, or its own words."""
    surface = text[m.start : m.end]
    if m.entry:
        return m.entry.name, m.entry.note
    if m.label == "PERSON":
        return names.resolve(name_at(text, m.start, m.end) or surface), ""
    return " ".join(surface.split()), ""


def _add(text: str, m: _Mention, out: list[Entity], gazetteer: Gazetteer, names: Names) -> None:
    """The mention at the end of `out`, or joined to the entity before it where the two are one name."""
    prev = out[-1] if out else None
    if prev and m.label == prev.label == "EVENT" and text[prev.end : m.start] == " " and not (prev.note and m.note):
        # spaCy's 'Tokyo' before the gazetteer's 'Olympics': one event, the 'Tokyo Olympics'
        surface = text[prev.start : m.end]
        entry = gazetteer.by_form.get(surface)
        out[-1] = Entity(
            prev.start, m.end, surface, m.label, entry.name if entry else surface, entry.note if entry else ""
        )
        return
    if prev and m.start < prev.end:
        return  # a span cut back from a line break may meet its neighbour
    prev = _joined_to_body(text, m, prev, out)
    if m.label == "EVENT":
        _with_edition(text, m, out, gazetteer)
    if prev and text[prev.end : m.start] == " " and _one_name(prev, m.label, text[m.start : m.end], m.entry):
        out[-1] = _one_name_entity(text, prev, m, gazetteer, names)
        return
    if (
        prev
        and m.label == prev.label == "ORG"
        and not (prev.note or m.note)
        and _JOINED_ORG.fullmatch(text, prev.start, m.end)
        and text[prev.end : m.start] in _ORG_JOINS
    ):
        # spaCy's 'Andy Warhol Foundation' and 'Visual Arts': one name
        whole = text[prev.start : m.end]
        out[-1] = Entity(prev.start, m.end, whole, m.label, " ".join(whole.split()))
        return
    out.append(Entity(m.start, m.end, text[m.start : m.end], m.label, m.canonical, m.note))


def _joined_to_body(text: str, m: _Mention, prev: Entity | None, out: list[Entity]) -> Entity | None:
    """An event just after the body that holds it, one name: 'FIFA football World Cup', 'FIFA World Cup'; not
    after a sponsor ('the Alibaba Group Olympic Games showcase'). The entity now before the mention."""
    if prev is None or m.label != "EVENT" or prev.label != "ORG":
        return prev
    joined = _BODY_AND_EVENT.fullmatch(text, prev.end, m.start)
    if not (joined and (joined.group(1) or _BODY_NOTE.search(prev.note))):
        return prev
    m.start = prev.start
    out.pop()
    m.canonical = m.entry.name if m.entry else text[m.start : m.end]
    return out[-1] if out else None


def _with_edition(text: str, m: _Mention, out: list[Entity], gazetteer: Gazetteer) -> None:
    """'FIFA World Cup 2018', '2018 FIFA World Cup': the edition is part of the event's name."""
    before, after = _YEAR_BEFORE.search(text, max(0, m.start - 5), m.start), _YEAR_AFTER.match(text, m.end)
    if not (before or after):
        return
    m.start, m.end = before.start() if before else m.start, after.end() if after else m.end
    while out and out[-1].end > m.start:
        out.pop()  # spaCy's date '2018'
    surface = text[m.start : m.end]
    listed = gazetteer.by_form.get(surface)
    # the listed event's name and note, or spaCy's event with its edition
    m.canonical, m.note = (listed.name, listed.note) if listed else (m.canonical if m.entry else surface, m.note)


def _one_name_entity(text: str, prev: Entity, m: _Mention, gazetteer: Gazetteer, names: Names) -> Entity:
    """A listed club's name and its neighbour as one entity (see `_one_name`): 'Kirsty Coventry', not the club;
    the 'Barcelona Olympics', not the club and an event."""
    surface = text[prev.start : m.end]
    if m.label == "PERSON" or prev.label == "PERSON":
        return Entity(prev.start, m.end, surface, "PERSON", names.resolve(surface), "")
    listed = gazetteer.by_form.get(surface)
    canonical, note = (listed.name, listed.note) if listed else (surface, "")
    return Entity(prev.start, m.end, surface, m.label, canonical, note)


def _people(names: Names) -> dict[str, str]:
    """Each form that stands for one person of the article ('Claxton', 'Sarah Claxton') -> the full name."""
    forms: dict[str, str] = {}
    for full in names.full:
        forms.setdefault(full, full)
        words = full.split()
        if words[-1] in SUFFIXES and len(words) > 2:  # 'Beckham' for 'Odell Beckham Jr.'
            words = words[:-1]
            forms.setdefault(" ".join(words), full)
        if len(words[-1]) > 2 and words[-1][0].isupper() and not country_named(words):
            forms.setdefault(words[-1], full)
        forms |= {form: full for form in names.particle_forms(words[-1]) if form not in forms}  # 'Al-Rashidi'
        if len(words) > 2 and words[-2][0].isupper():
            forms.setdefault(" ".join(words[-2:]), full)  # 'El Amrani', 'Naranjo Jaramillo', 'De Bruyne'
        particle = next((i for i, w in enumerate(words[1:-1], 1) if w in PARTICLES), 0)
        if particle:  # 'Del Valle-Carrasco' and 'Fernández de la Vega' for 'Antonio Fernández de la Vega'
            rest = " ".join(words[particle:])
            forms.setdefault(rest[0].upper() + rest[1:], full)
            if particle > 1:
                forms.setdefault(" ".join(words[particle - 1 :]), full)
    return forms


def _first_names(names: Names) -> dict[str, str]:
    """First names that stand for one person of the article alone ('Jean-Baptiste' for 'Jean-Baptiste
    Lafleur'); only to correct spaCy's label, never to find a mention it left out."""
    firsts: dict[str, list[str]] = {}
    for full in names.full:
        firsts.setdefault(full.split()[0], []).append(full)
    return {first: fulls[0] for first, fulls in firsts.items() if len(fulls) == 1 and len(first) > 2}


_DEMONYM_LIKE = re.compile(r"(?:ian|ians|ese|ish|ean|ans)$")
_NAME_ALONE = re.compile(r"[A-Z][a-z\u00c0-\u024f'’-]{2,}")  # one capitalised word: 'Dries', not 'FIFA'


def _one_name(prev: Entity, label: str, surface: str, entry: Entry | None) -> bool:
    """Whether a listed club's one-word name and its neighbour are one name: a person's ('Kirsty' 'Coventry',
    'Chelsea' 'Clinton') or an event's ('Barcelona' 'Olympics')."""
    prev_club = prev.label == "ORG" and prev.note.startswith("Football club") and " " not in prev.text
    this_club = label == "ORG" and entry is not None and entry.note.startswith("Football club") and " " not in surface
    if (label == "PERSON" and prev_club) or (prev.label == "PERSON" and this_club):
        return True
    if "PERSON" in (label, prev.label) and not (prev.note or entry):
        # spaCy's 'Elkin Alonso' and 'Serna Moreno', or its organisation 'Dries' and person 'Mertens'
        other, other_label = (surface, label) if prev.label == "PERSON" else (prev.text, prev.label)
        return other_label == "PERSON" or (
            other_label == "ORG"
            and bool(_NAME_ALONE.fullmatch(other))
            and not _DEMONYM_LIKE.search(other)
            and is_name_token(other)
        )
    return label == "EVENT" and entry is not None and " " not in prev.text and (prev_club or prev.label == "GPE")


def _people_in_lists(text: str, found: list[Entity], names: Names) -> list[Entity]:
    """A full name spaCy called an organisation in a list of people ('Hamlin, Aric Almirola, Kurt Busch')
    is a person."""
    out = list(found)
    for i, x in enumerate(found):
        if x.label != "ORG" or x.note or not looks_like_full_name(x.text.split()):
            continue
        near = [
            (found[j], text[found[j].end : x.start] if j < i else text[x.end : found[j].start])
            for j in (i - 1, i + 1)
            if 0 <= j < len(found)
        ]
        if any(n.label == "PERSON" and between in (", ", " and ", ", and ") for n, between in near):
            out[i] = Entity(x.start, x.end, x.text, "PERSON", names.resolve(x.text))
    return out


def _with_untagged_people(text: str, found: list[Entity], names: Names, people: dict[str, str]) -> list[Entity]:
    """`found` and the mentions of the article's people spaCy left out: surnames of people it tagged
    elsewhere, and names after a title ('Mrs. Okafor'), as long as they overlap nothing found."""
    spans: list[tuple[int, int]] = []
    if people:
        spans += occurrences(text, people.keys())
    titled = led_finditer(_HONORIFIC_NAME, _HONORIFIC_LEAD, text)
    spans += [m.span(1) for m in titled if trim_name(m.group(1)) == m.group(1)]
    if not spans:
        return found
    taken = [(x.start, x.end) for x in found]
    added = []
    for s, e in sorted(set(spans)):
        if any(s < b and a < e for a, b in taken) or _after_the(text, s):
            continue
        taken.append((s, e))
        surface = text[s:e]
        added.append(Entity(s, e, surface, "PERSON", people.get(surface) or names.resolve(surface)))
    return sorted([*found, *added], key=lambda x: x.start) if added else found


def _described_companies(text: str) -> set[str]:
    """Names the text calls a company before them ('the airline Iberojet') or a dateline's agency."""
    found = {m.group(1) for pattern in (_DESCRIBED_ORG, _WIRE) for m in pattern.finditer(text)}
    return {
        name
        for name in found
        if len(name) > 1
        and name.split()[0].lower() not in FUNCTION_WORDS | PRONOUNS
        and not any(w.lower() in ROLE_WORDS for w in name.split())
    }


def _relatives(text: str, found: list[Entity]) -> list[Entity]:
    """A first name alone after a word for a relative (not a spouse's) is the relative of the person named last,
    with the family name: 'Bianchi's father, Philippe' and 'his brother Tom' -> Philippe and Tom Bianchi."""
    out, last = list(found), None
    for i, x in enumerate(found):
        if x.label != "PERSON":
            continue
        if " " in x.canonical:
            last = x
        elif last is not None and x.canonical == x.text and is_name_token(x.text):
            kin = _KIN_BEFORE.search(text, max(0, last.start - 30, x.start - 80), x.start)
            if kin and not _SPOUSE.match(kin.group()):  # a husband or wife may not share the surname
                out[i] = Entity(x.start, x.end, x.text, "PERSON", f"{x.text} {last.canonical.split()[-1]}", x.note)
    return out


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4) : start].lower() == "the "
