"""One article: one label and one canonical name per entity, decided by the evidence of all its mentions
(see `merge_partial`): the sides it shows playing, the companies it describes, short names of its firms and
clubs, teams' nicknames and the acronyms it spells out."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from .context import FIRM_ENDINGS, ORG_WORDS, looks_like_full_name, reads_as_company
from .famous import footballers, well_known_people
from .fullnames import with_first_names
from .gazetteer import PLACE_LABELS, word_list
from .given_names import first_names_of_places, surnames_of_places
from .mentions import occurrences, with_untagged
from .names import COMPANY_WORDS, COUNTRY_ADJECTIVES, DEMONYMS, FUNCTION_WORDS, surname
from .origins import peoples_words
from .people import in_capitals, latest_namesakes, people_of_the_article
from .sides import as_nationality, reads_as_place, sporting_side
from .trimming import NAME_LABELS
from .values import Entity

_COMPETITION_WORDS = frozenset("Tour Championship Championships Cup Games Open Series Trophy Prix Classic".split())
# capitalised before a side at a sentence's start, never a side's first word ('On Saturday England beat …')
_NOT_SIDE_WORDS = frozenset(
    "On In At After Before But And When While Monday Tuesday Wednesday Thursday Friday Saturday Sunday Then".split()
)
# a government body's name without its country: 'Interior Ministry', 'Ministry of Sport'
_MINISTRY = re.compile(r"(?:[A-Z][\w-]+\s+){1,2}Ministry|Ministry\s+of\s+[A-Z][\w'’&, -]+")
_COUNTRY_BEFORE = re.compile(r"\b([A-Z][\w]+(?:\s[A-Z]\w+)?)(?:['’]s)?\s+$")
_LISTED_NEXT = re.compile(r",\s+(?:and\s+)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_TEAM_NOTE = re.compile(r"\b(?:club|team|franchise)\b", re.I)
# 'Korean Central News Agency (KCNA)', 'Board of Control for Cricket in India (BCCI)'
_SPELLED_OUT = re.compile(
    r"((?:[A-Z][\w'’&-]*\s+(?:(?:of|the|for|and|in|de|du|des|la|le)\s+)*){1,7}[A-Z][\w'’-]*)"
    r"\s*\(\s*(?:the\s+)?([A-Z][A-Z&]{1,6})\s*\)"
)
_SIDE_NAME = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
# an office holder's title around spaCy's organisation: 'Home| Secretary', 'Secretary of |State'
_OFFICE_AFTER = re.compile(r" (?:Secretary|Minister)\b(?! of| for|[- ]General)")
_OFFICE_BEFORE = re.compile(r"\b(?:Secretary|Minister) of (?:the )?$")
_SPORTS = frozenset("Netball Football Rugby Cricket Tennis Golf Hockey Basketball Baseball Cycling Swimming".split())
_FIXTURE = re.compile(
    _SIDE_NAME
    + r" (?:beat|defeated|edged|drew with|lost to|v|vs\.?|\d+ ?[-–] ?\d+|\d+|"
    + r"to an? (?:\d+ ?[-–] ?\d+ )?(?:win|victory) over) "
    + _SIDE_NAME
    + r"(?= \d| at\b| in\b|[,.;:]|$)",
    re.M,
)
# a fixture to come or a meeting of two sides: 'Partizan meet Cedevita Zagreb in the semi-final', 'Leeds
# Rhinos against Bolton Blaze at the Copper Box'
_MEETING = re.compile(
    _SIDE_NAME + r" (?:meet|meets|against|v|vs\.?|versus) " + _SIDE_NAME + r"(?= \d| at\b| in\b| on\b|[,.;:]|$)",
    re.M,
)


def merge_partial(parts: list[list[Entity]], texts: Sequence[str] = ()) -> list[list[Entity]]:
    """Within one article: 'Alibaba' and 'Alibaba Group' are one entity, and each entity has one label.

    The label is the one most of its mentions have, a person with a full name counting double (see
    `_weight`): spaCy takes a surname for an organisation or a place more often than the other way round.
    With the parts' `texts`: a country or town the article shows playing ('England beat Wales 20-10') is
    the side, an organisation, in each mention that does not name it as a place ('in England'); a name
    the text calls a company ('the airline Iberojet') is an organisation in every mention; a listed
    team's nickname ('Bulls') is the team; all of them also where spaCy left them out.
    """
    if texts:
        parts = people_of_the_article(parts, texts)
    every = [e for part in parts for e in part]
    longer = sorted({(e.canonical, e.label) for e in every if e.label == "ORG"}, key=lambda c: -len(c[0]))
    labels: dict[str, dict[str, float]] = {}  # an entity's votes for each label, weighted by `_weight`
    for e in every:
        votes = labels.setdefault(_merged_name(e, longer), {})
        label = "ORG" if e.label == "PERSON" and _firms_name(e.canonical) else e.label
        votes[label] = votes.get(label, 0) + _weight(e)
    sides = _sides(parts, texts, labels)
    companies = {
        e.canonical
        for text, part in zip(texts, parts)
        for e in part
        if e.label == "ORG" and not e.note and reads_as_company(text, e.start, e.end)
    } - sides
    nicknames = _nicknames(every)
    firms = _firms(every)
    for text, part in zip(texts, parts):  # 'Qatar' of 'Qatar Telecom' stays the country where it reads as one
        for e in part:
            if e.text in firms and e.label in PLACE_LABELS and reads_as_place(text, e.start, e.end):
                del firms[e.text]
    if firms:
        companies |= {firm.canonical for firm in firms.values() if not firm.note}
        in_full = {e.canonical for e in every if e.note and " " in e.text}
        parts = [[_as_firm(text, e, firms, in_full) for e in part] for text, part in zip(texts, parts)]
    # also a company's short name where spaCy tagged nothing: 'Adani offered less', after 'Adani Group'
    untagged = {n: f.canonical for n, f in firms.items() if not f.note and n not in ORG_WORDS}
    untagged.update({name: name for name in sides | companies})
    parts = [with_untagged(text, part, untagged, "ORG") for text, part in zip(texts, parts)]
    if nicknames:
        parts = [_with_nicknames(text, part, nicknames) for text, part in zip(texts, parts)]
    acronyms = _acronyms(texts, every)
    if acronyms:
        parts = [_with_acronyms(text, part, acronyms) for text, part in zip(texts, parts)]
    result = []
    for i, part in enumerate(parts):
        merged = []
        for e in part:
            canonical = _merged_name(e, longer)
            if _side_or_its_town(e, canonical, sides):
                label = "GPE" if _named_as_place(texts[i], e, sides, labels) else "ORG"
            elif (canonical in companies or e.text in companies) and not e.note:
                label, canonical = "ORG", e.text if e.text in companies else canonical
            else:
                label = e.label if e.note else _most_voted(labels[canonical])
            merged.append(Entity(e.start, e.end, e.text, label, canonical, e.note))
        result.append(merged)
    return _across_the_article(result, texts) if texts else result


def _side_or_its_town(e: Entity, canonical: str, sides: Collection[str]) -> bool:
    """Whether a mention is of a side the article shows playing, as a side or as its town (see
    `_named_as_place`): spaCy's place, organisation or lone person; not a dateline's town ('CINCINNATI -')."""
    return (
        canonical in sides
        and (e.label in ("GPE", "LOC", "ORG") or (e.label == "PERSON" and e.text == canonical))
        and not (e.text.isupper() and e.text.title() == canonical)
    )


def _named_as_place(text: str, e: Entity, sides: Collection[str], labels: dict[str, dict[str, float]]) -> bool:
    """Whether a side's mention names the place ('in England', 'Alberto Suarez Laso of Spain'): not where a
    comma puts it in a list of the article's sides or teams ('Sweden, Belgium, England win three points')."""
    listed = _LISTED_NEXT.match(text, e.end)
    if listed and (listed.group(1) in sides or "ORG" in labels.get(listed.group(1), {})):
        return as_nationality(text, e.start)
    return reads_as_place(text, e.start, e.end) or as_nationality(text, e.start)


def _across_the_article(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """The steps that read the whole article again once each mention has its label: repeats spaCy left out,
    namesakes, people in capitals, national bodies, events' short names; last, no nationality or faith is a
    person ('Irish', 'South African', 'Roman Catholic', see `peoples_words`)."""
    parts = latest_namesakes(_with_repeats(_without_common_words(_as_in_the_body(parts), texts), texts), texts)
    parts = footballers(well_known_people(with_first_names(in_capitals(parts, texts), texts), texts), texts)
    parts = surnames_of_places(first_names_of_places(parts, texts), texts)
    parts = _event_short_names(_national_bodies(parts, texts), texts)
    return [
        [replace(e, label="NORP", canonical=e.text) if e.label == "PERSON" and peoples_words(e.text) else e for e in p]
        for p in parts
    ]


def _as_in_the_body(parts: list[list[Entity]]) -> list[list[Entity]]:
    """A name of the title or a caption that the body gives as a listed entry under the same words ('Somerset
    sell ground rights' over a body that names the county cricket club 'Somerset'): the body's entity. A
    headline has too few words around a name to say what it is; the body has them."""
    if len(parts) < 2:
        return parts
    listed = {e.text: e for e in parts[1] if e.note}
    if not listed:
        return parts
    return [
        part
        if i == 1
        else [
            Entity(e.start, e.end, e.text, listed[e.text].label, listed[e.text].canonical, listed[e.text].note)
            if e.text in listed and not e.note and e.label != listed[e.text].label
            else e
            for e in part
        ]
        for i, part in enumerate(parts)
    ]


def _without_common_words(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """Without spaCy's organisations that are one common word the article also writes in lower case ('State'
    of 'Secretary of State', 'Parliament', 'Millions' opening a sentence), a sport's name ('Netball's
    audience') or words of an office's title ('Shadow Home' of 'Shadow Home Secretary', 'State' of 'Secretary
    of State'): no name, a word. Listed names ('Sky', 'Shell') and acronyms ('WHO') stay."""
    lower = set(_LOWER_WORD.findall(" ".join(texts)))
    return [
        [
            e
            for e in part
            if not (
                e.label == "ORG"
                and not e.note
                and (
                    e.text in _SPORTS
                    or (e.text.istitle() and e.text.lower() in lower)
                    or (
                        not any(w.isupper() for w in e.text.split())  # 'FIFA Secretary General' keeps FIFA
                        and (
                            _OFFICE_AFTER.match(text, e.end)
                            or _OFFICE_BEFORE.search(text, max(0, e.start - 16), e.start)
                        )
                    )
                )
            )
        ]
        for text, part in zip(texts, parts)
    ]


def _event_short_names(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A listed event's first word alone, where the article names the event in full: the event ('the Tour'
    after the 'Tour de France', 'Europa' after the 'Europa League'), wherever spaCy called it an
    organisation or a region or tagged nothing; not a town's or a country's name ('London' of the 'London
    Marathon' stays the town)."""
    events = {
        name.split()[0]: e
        for part in parts
        for e in part
        if e.label == "EVENT" and e.note
        for name in (e.canonical, e.text)  # 'UEFA Europa League' written 'Europa League'
        if " " in name and name[:1].isupper()
    }
    events = {w: e for w, e in events.items() if len(w) > 3 and not _place_or_people(w)}
    if not events:
        return parts
    out = []
    for text, part in zip(texts, parts):
        kept = [
            Entity(e.start, e.end, e.text, "EVENT", events[e.text].canonical, events[e.text].note)
            if e.text in events and e.label in ("ORG", "LOC") and not e.note
            else e
            for e in part
        ]
        added = [
            Entity(s, e, text[s:e], "EVENT", events[text[s:e]].canonical, events[text[s:e]].note)
            for s, e in occurrences(text, events)
            if not any(s < x.end and x.start < e for x in kept) and _alone(text, s, e)
        ]
        out.append(sorted([*kept, *added], key=lambda x: x.start) if added else kept)
    return out


def _place_or_people(word: str) -> bool:
    """A town's, a country's or a people's name: 'London', 'Japanese', 'Olympic' never stand for an event."""
    return (
        word in word_list("towns")
        or word in word_list("countries")
        or _is_adjective(word)
        or word.lower() in FUNCTION_WORDS
        or word in ("Olympic", "Paralympic", "World", "Grand", "Champions", "Super", "Premier", "National")
    )


def _national_bodies(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A ministry the article names with its country ("Russia's Interior Ministry", "the Russian Interior
    Ministry") is that country's in every mention: 'Russian Interior Ministry', also where the text says
    only 'the Interior Ministry' (and so 'the ministry' who speaks)."""
    national: dict[str, str] = {}
    for text, part in zip(texts, parts):
        for e in part:
            first, _, rest = e.canonical.partition(" ")
            if e.label == "ORG" and _is_adjective(first) and _MINISTRY.fullmatch(rest):
                national.setdefault(rest, e.canonical)  # 'the Russian Sports Ministry'
                continue
            country = _COUNTRY_BEFORE.search(text, max(0, e.start - 40), e.start) if e.label == "ORG" else None
            if country and _MINISTRY.fullmatch(e.canonical):
                word = country.group(1)
                adjective = COUNTRY_ADJECTIVES.get(word) or (word if _is_adjective(word) else "")
                if adjective:
                    national.setdefault(e.canonical, f"{adjective} {e.canonical}")
    if not national:
        return parts
    return [
        [Entity(e.start, e.end, e.text, e.label, national.get(e.canonical, e.canonical), e.note) for e in part]
        for part in parts
    ]


def _is_adjective(word: str) -> bool:
    return word.lower() in DEMONYMS or word in COUNTRY_ADJECTIVES.values()


def _adjective_like(words: str) -> bool:
    """A nationality ('Danish', 'Palestinian'): a body's first word, not its short name ('the Palestinian
    people' is not the 'Palestinian Authority'); 'Meridian' of 'Meridian Telecom' is a short name."""
    return _is_adjective(words)


def with_speakers(parts: list[list[Entity]], texts: Sequence[str], speakers: Iterable[str]) -> list[list[Entity]]:
    """Each quote's speaker that is a person's full name no entity has ('Patrice Clerc, head of …, stated'
    at a sentence's start, where spaCy saw nobody) a person in every mention of it: the full name wherever
    the text writes it, and the surname where spaCy tagged it alone and unresolved (an organisation that
    speaks is often named like a person: only names nothing tagged are taken)."""
    known = {e.canonical for part in parts for e in part}
    people = {name for name in speakers if name not in known and looks_like_full_name(name.split())}
    if not people:
        return parts
    surnames = {surname(name): name for name in people}
    out = []
    for text, part in zip(texts, parts):
        kept = [
            Entity(e.start, e.end, e.text, "PERSON", surnames[e.text], "")
            if e.text in surnames and e.canonical == e.text and not e.note
            else e
            for e in part
        ]
        out.append(with_untagged(text, kept, people, "PERSON"))
    return out


def _with_repeats(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """Each name the article tags with one label, also where spaCy left a mention of it out ('PlayLine
    said in a statement…' after 'PlayLine, a sportsbook'): a word the article never writes in lower case,
    standing alone (not part of a longer capitalised name)."""
    seen: dict[str, set[str]] = {}
    first: dict[str, Entity] = {}
    for e in (e for part in parts for e in part):  # a person by the full name the article gives
        if e.label == "ORG" or (e.label == "PERSON" and " " in e.canonical):
            seen.setdefault(e.text, set()).add(e.label)
            first.setdefault(e.text, e)
    lower = " ".join(texts).lower() != " ".join(texts) and set(re.findall(r"\b[a-z][\w'’-]*", " ".join(texts)))
    forms = {
        name: first[name]
        for name, labels in seen.items()
        if len(labels) == 1 and _repeatable(name) and not (lower and name.lower() in lower)
    }
    if not forms:
        return parts
    out = []
    for text, part in zip(texts, parts):
        added = [
            Entity(s, e, text[s:e], forms[text[s:e]].label, forms[text[s:e]].canonical, forms[text[s:e]].note)
            for s, e in occurrences(text, forms)
            if not any(s < x.end and x.start < e for x in part) and _alone(text, s, e)
        ]
        out.append(sorted([*part, *added], key=lambda x: x.start) if added else part)
    return out


def _repeatable(name: str) -> bool:
    """A name worth finding again: not 'T12' or 'Group G', not a competition ('Tour', 'County
    Championship': an organisation only by spaCy's mistake), not 'Spaniards'."""
    words = name.split()
    return (
        len(name) > 2
        and name[:1].isupper()
        and not re.search(r"\d", name)
        and len(words[-1]) > 1
        and words[-1] not in _COMPETITION_WORDS
        and name.lower().rstrip("s") not in DEMONYMS
    )


def _alone(text: str, s: int, e: int) -> bool:
    """Not a piece of a longer capitalised name: 'Wigan' in 'Wigan Athletic', 'Tercera' in 'La Tercera'."""
    after = re.match(r" [A-Z]", text[e : e + 2])
    before = re.search(r"([A-Za-z][\w'’-]*) $", text[max(0, s - 30) : s])
    return not after and not (before and before.group(1)[0].isupper() and before.group(1).lower() not in FUNCTION_WORDS)


def _weight(e: Entity) -> float:
    """A mention's vote for its label: a person with a full name counts double, a lone word a person
    only by spaCy's say-so loses a tie ('Brackley' once a person, once a place, is a place)."""
    if e.label != "PERSON":
        return 1
    return 2 if " " in e.canonical else 0.9


def _firms_name(name: str) -> bool:
    """Whether a name ends with a word of companies' names, never of people's ('Lumberline Tools', 'Hinkley
    Mutual'): a mention spaCy called a person under that name votes for the company."""
    words = name.split()
    return len(words) > 1 and words[-1] in FIRM_ENDINGS


def _most_voted(votes: dict[str, float]) -> str:
    """The label with the most votes; of a tie, the first voted (as `Counter.most_common` would pick)."""
    return max(votes, key=votes.__getitem__)


def _merged_name(entity: Entity, orgs: list[tuple[str, str]]) -> str:
    """The organisation of the article a mention is the short name of ('Tata' of 'Tata Group'); also a lone
    word spaCy took for a person, which no full name of the article explains."""
    lone_person = entity.label == "PERSON" and " " not in entity.canonical
    if entity.note or (entity.label != "ORG" and not lone_person) or entity.canonical in COUNTRY_ADJECTIVES:
        return entity.canonical  # a country is not short for a club named after it ('Austria Vienna')
    for name, _ in orgs:
        if name != entity.canonical and name.startswith(entity.canonical + " "):
            return name
    return entity.canonical


def _sides(parts: list[list[Entity]], texts: Sequence[str], labels: dict[str, dict[str, float]]) -> set[str]:
    """The places the article shows as sides: tagged a place somewhere and playing somewhere; and the
    opponents of its sides where spaCy tagged nothing ('England beat Wales 23-19', 'England 23 Wales 19'),
    also of a side it tagged an organisation each time it named it, or a listed team ('Bath 31 Bristol Bears
    28')."""
    playing = {
        e.canonical
        for text, part in zip(texts, parts)
        for e in part
        if e.label == "ORG" and (sporting_side(text, e.start, e.end) or _TEAM_NOTE.search(e.note))
    }
    sides = {side for side in playing if any(labels.get(side, {}).get(p) for p in PLACE_LABELS)}
    sides |= _teams_towns(parts, texts, labels)
    if playing:
        # people the article names in full; a lone word only spaCy calls a person may be a side
        people = {e.canonical for part in parts for e in part if e.label == "PERSON" and " " in e.canonical} | {
            e.text for part in parts for e in part if e.label == "PERSON" and " " in e.canonical
        }
        for text in texts:
            for m in _FIXTURE.finditer(text):
                one, other = m.group(1), m.group(2)
                for a, b in ((one, other), (other, one)):
                    if b in people or a not in playing:
                        continue
                    untagged = set(labels.get(b, {})) <= {"PERSON"}  # nothing, or a lone word spaCy's person
                    place = any(labels.get(b, {}).get(p) for p in PLACE_LABELS)  # a place playing a side
                    if a in sides or ((untagged or place) and _repeatable(b) and b.split()[0] not in _NOT_SIDE_WORDS):
                        sides.add(b)
        sides |= {side.split()[1] for side in sides if side.split()[0] in ("South", "North") and side.count(" ") == 1}
    teams = playing | sides | {e.text for part in parts for e in part if e.label == "ORG"}
    return sides | _met_by_a_team(texts, labels, teams)


def _met_by_a_team(texts: Sequence[str], labels: dict[str, dict[str, float]], teams: Collection[str]) -> set[str]:
    """The other side of a meeting with a team ('Partizan meet Cedevita Zagreb', 'Leeds Rhinos against Bolton
    Blaze'), where spaCy saw a person: a name of two words, the first no first name the lists know, one of
    them a town's ('Zagreb', 'Bolton'); not 'Daniel Moreno against Leeds Rhinos'."""
    firsts, towns = word_list("first_names"), word_list("towns")
    met = set()
    for text in texts:
        for m in _MEETING.finditer(text):
            for a, b in ((m.group(1), m.group(2)), (m.group(2), m.group(1))):
                words = b.split()
                if a not in teams or len(words) != 2:
                    continue
                person = _most_voted(labels.get(b, {"": 0})) == "PERSON"
                if person and words[0] not in firsts and any(w in towns and w not in firsts for w in words):
                    met.add(b)
    return met


def _teams_towns(parts: list[list[Entity]], texts: Sequence[str], labels: dict[str, dict[str, float]]) -> set[str]:
    """The town word of each team the article names in full and by its plural nickname alone ('Denver' of
    the 'Denver Broncos' … 'the Broncos'), where spaCy tags the town word a place: alone, it is the side."""
    teams = {
        tuple(words)
        for words in (e.canonical.split() for part in parts for e in part if e.label == "ORG")
        if len(words) == 2
        and words[1].endswith("s")
        and words[1][:1].isupper()
        and words[1] not in COMPANY_WORDS
        and words[1] not in ORG_WORDS
        and any(labels.get(words[0], {}).get(p) for p in PLACE_LABELS)
    }
    if not teams:
        return set()
    joined = "\n".join(texts)
    return {town for town, nickname in teams if re.search(rf"(?<!{re.escape(town)} )\b{re.escape(nickname)}\b", joined)}


def _firms(every: list[Entity]) -> dict[str, Entity]:
    """Short names for the article's organisations, where it names them in full and nobody it names as a
    person has that name: a company's name without its last word ('Hinkley' for 'Hinkley Mutual', 'Halvorsen'
    for 'Halvorsen Racing'), and a listed team's town when no other team of the article has it ('Wigan' for
    the 'Wigan Warriors')."""
    people = {w for e in every if e.label == "PERSON" and " " in e.canonical for w in e.canonical.split()}
    out: dict[str, Entity] = {}
    towns: dict[str, set[str]] = {}
    for e in every:
        words = e.canonical.split()
        if e.label != "ORG" or len(words) < 2 or people & set(words[:-1]) or words[0].lower() in FUNCTION_WORDS:
            continue
        short = " ".join(words[:-1])
        if not e.note and words[-1] in COMPANY_WORDS and not _adjective_like(short):
            out.setdefault(short, e)
        elif e.note and e.text == e.canonical and _TEAM_NOTE.search(e.note) and short not in COUNTRY_ADJECTIVES:
            towns.setdefault(short, set()).add(e.canonical)
            out.setdefault(short, e)
    return {short: e for short, e in out.items() if len(towns.get(short, ())) < 2}


def _as_firm(text: str, e: Entity, firms: dict[str, Entity], in_full: Collection[str] = ()) -> Entity:
    """A mention of a company spaCy cut short ('Hinkley' of 'Hinkley Mutual') or called a person or a place
    by its short name: the company, over its whole name where the text has it. A team's town is the team
    only where spaCy called it a person or an organisation: a town it tagged as a place stays one; and
    where the lists took it for another club the article never names in full ('Leeds' beside 'Leeds
    Rhinos' is not Leeds United)."""
    full = firms.get(e.text)
    if (
        full is None
        or (e.note and (not full.note or e.canonical == full.canonical or e.canonical in in_full))
        or e.label not in (*NAME_LABELS, "NORP")
        or (full.note and e.label not in ("PERSON", "ORG"))
    ):
        return e
    end = e.start + len(full.canonical)
    if text.startswith(full.canonical, e.start) and (end == len(text) or not text[end].isalnum()):
        return Entity(e.start, end, full.canonical, "ORG", full.canonical, full.note)
    return Entity(e.start, e.end, e.text, "ORG", full.canonical, full.note)


def _acronyms(texts: Sequence[str], every: list[Entity]) -> dict[str, Entity]:
    """The initials the article spells out after a name it tagged ('Korean Central News Agency (KCNA)'),
    each with that name's entity: its mentions take the name's label and the name as canonical, as a listed
    alias ('IOC') does."""
    named = {e.text: e for e in every if e.label != "PERSON"}
    out: dict[str, Entity] = {}
    for text in texts:
        for m in _SPELLED_OUT.finditer(text):
            acronym, words = m.group(2), m.group(1).split()
            capitals = [i for i, w in enumerate(words) if w[0].isupper()][-len(acronym.replace("&", "")) :]
            full = " ".join(words[capitals[0] :])
            if "".join(words[i][0] for i in capitals) == acronym.replace("&", "") and full in named:
                out.setdefault(acronym, named[full])
    return out


def _with_acronyms(text: str, found: list[Entity], acronyms: dict[str, Entity]) -> list[Entity]:
    """`found` with each spelled-out acronym its name's label and canonical name, also where spaCy left it out."""

    def named(s: int, e: int) -> Entity:
        full = acronyms[text[s:e]]
        return Entity(s, e, text[s:e], full.label, full.canonical, full.note)

    kept = [named(e.start, e.end) if e.text in acronyms and not e.note else e for e in found]
    added = [named(s, e) for s, e in occurrences(text, acronyms) if not any(s < x.end and x.start < e for x in kept)]
    return sorted([*kept, *added], key=lambda x: x.start)


def _nicknames(every: list[Entity]) -> dict[str, Entity]:
    """A listed team's last word, plural, for the team where the article names it in full: 'Bulls' for
    the 'Chicago Bulls', 'Rhinos' for the 'Leeds Rhinos'."""
    out: dict[str, Entity] = {}
    for e in every:
        words = e.canonical.split()
        if (
            e.label == "ORG"
            and e.note
            and len(words) > 1
            and words[-1].endswith("s")
            and words[-1][0].isupper()
            and ("team" in e.note.lower() or "club" in e.note.lower())
            and words[-1] not in ORG_WORDS
        ):
            out.setdefault(words[-1], e)
    return out


def _with_nicknames(text: str, found: list[Entity], nicknames: dict[str, Entity]) -> list[Entity]:
    """`found` with each nickname an organisation of its team, whatever spaCy made of it or left out."""
    kept = [
        e
        if e.text not in nicknames or e.note
        else Entity(e.start, e.end, e.text, "ORG", nicknames[e.text].canonical, nicknames[e.text].note)
        for e in found
    ]
    added = [
        Entity(s, e, text[s:e], "ORG", nicknames[text[s:e]].canonical, nicknames[text[s:e]].note)
        for s, e in occurrences(text, nicknames)
        if not any(s < x.end and x.start < e for x in kept)
    ]
    return sorted([*kept, *added], key=lambda x: x.start)
