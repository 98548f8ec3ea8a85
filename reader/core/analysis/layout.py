"""Names the layout of a text decides rather than spaCy: the town of a dateline that opens wire copy, the
teams of a league table's rows, and spaCy's tags that run two names together across a full stop or an
office and its holder, cut in two.
"""

from __future__ import annotations

import re

from .context import looks_like_full_name
from .gazetteer import Gazetteer
from .headed import ORG_HEADS
from .tagger import RawEntity
from .towns import first_named
from .values import Entity

# a dateline's town: capitals at the start of the text, then a comma, an agency in brackets or a dash
_DATELINE = re.compile(r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2}(?=,\s|\s+\(|\s+[—–-]\s)")
_HEADING_LINES = re.compile(r"(?:[^a-z\n]*[A-Z][^a-z\n]*\n+){0,2}")
# a line of a league table: 'Wolfsburg (Germany) 4 2 1 1 7', '3. St. Pölten (Austria) 4 0 0 4 0'
# (also run together on one line, as a .txt article's single line breaks are)
_TABLE_ROW = re.compile(
    r"(?:^|(?<=\d ))(?:\d+\.?\s+)?([A-Z][^\n()\d]*?)\s+\(([^\n()]+)\)(?:\s+[-+]?\d+){3,}"
    r"(?=\s*$|\s+[A-Z])",
    re.M,
)
# two bodies' names joined by 'and' or 'at', each with its head word: 'Museum of Art at Northwestern University'
_BODY_WORDS = r"[A-Z][\w&'’.-]*(?: (?:of |for |the |& )*[A-Z][\w&'’.-]*)*?"
_HEADS = "|".join(ORG_HEADS)
_JOINED_BODIES = re.compile(
    rf"(?:[Tt]he )?((?:{_BODY_WORDS} )?(?:{_HEADS})\b(?: (?:of|for) (?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*?)?) "
    rf"(?:and|at) (?:the )?((?:{_BODY_WORDS} )?(?:{_HEADS}))"
)
# a line of results, two sides and their scores: 'Roma 3 Verona 1', 'AC Milan 2 Como 0' (also run together on
# one line, as a .txt article's single line breaks are: 'Saturday: Napoli 1 Bologna 1 Roma 3 Verona 1')
_SIDE = r"([A-Z][^\W\d][^\W\d]*(?: [A-Z][^\W\d][\w.'’-]*){0,2})"
_RESULT_LINE = re.compile(
    rf"(?:^|(?<=: )|(?<=\d ))(?<![\w'’-]){_SIDE} \d{{1,3}} {_SIDE} \d{{1,3}}(?=\s*$|\s+[A-Z])",
    re.M,
)
_DASH = re.compile(r"\s+[—–-]+\s+(?=[A-Z])")  # between a dateline's date and the first words of the story
_OFFICE_OF = re.compile(r"\b(?:[Mm]ayor|[Gg]overnor|[Pp]resident|[Pp]remier|[Pp]rime [Mm]inister|[Cc]hancellor) of $")


def dateline(text: str, found: list[Entity]) -> list[Entity]:
    """The town in capitals that opens wire copy ('MADRID, March 5 (Sportwire) -', 'SWANSEA —'): a place,
    whatever spaCy made of it or where it saw nothing; only in a text of several paragraphs (a body)."""
    heading = _HEADING_LINES.match(text)  # past 'PRESS RELEASE — FOR IMMEDIATE RELEASE'
    start = heading.end() if heading else 0
    m = _DATELINE.match(text, start)
    listed = m and any(x.note and x.start < m.end() and m.start() < x.end for x in found)
    if not m or listed or "\n\n" not in text:
        return found  # a title's 'ARSENAL - CHELSEA' is no dateline, nor a listed club
    town = Entity(start, m.end(), m.group(), "GPE", m.group().title())
    return [*(x for x in found if x.end <= start), town, *(x for x in found if x.start >= m.end())]


def split_runs(text: str, raw: list[RawEntity], gazetteer: Gazetteer) -> list[RawEntity]:
    """spaCy's tags, with those that run two names together cut in two (see `_split_at_full_stops`,
    `_split_office_holders`, `_split_joined_bodies`)."""
    raw = _split_at_full_stops(text, raw, gazetteer)
    return _split_joined_bodies(text, _split_office_holders(text, _dates_cut_at_a_dash(text, raw)))


def _dates_cut_at_a_dash(text: str, raw: list[RawEntity]) -> list[RawEntity]:
    """'Sept 4 - Faith Chebet' of a dateline: a date up to its dash, and the full name after it a person,
    where spaCy ran the two together."""
    out: list[RawEntity] = []
    for s, e, label, known in raw:
        dash = _DASH.search(text, s, e) if label in ("DATE", "TIME") else None
        if dash is None:
            out.append((s, e, label, known))
            continue
        out.append((s, dash.start(), label, known))
        if looks_like_full_name(text[dash.end() : e].split()):
            out.append((dash.end(), e, "PERSON", ""))
    return out


def _split_joined_bodies(text: str, raw: list[RawEntity]) -> list[RawEntity]:
    """'Linden Museum of Art at Eastbrook University', 'Harwell Institute and Brackley State University': two
    bodies, each named by its head word, where spaCy made them one name."""
    out: list[RawEntity] = []
    for s, e, label, known in raw:
        m = _JOINED_BODIES.fullmatch(text, s, e) if not known and label in ("ORG", "FAC", "GPE", "PERSON") else None
        if m is None:
            out.append((s, e, label, known))
        else:
            out += [(m.start(1), m.end(1), "ORG", ""), (m.start(2), e, "ORG", "")]
    return out


def _split_office_holders(text: str, raw: list[RawEntity]) -> list[RawEntity]:
    """'Mayor of Pichilemu Roberto Córdova', 'Governor of Washington Chris Gregoire': a place and a person,
    where spaCy made them one name."""
    out: list[RawEntity] = []
    for s, e, label, known in raw:
        words = text[s:e].split()
        if (
            label in ("ORG", "GPE", "FAC", "PERSON")
            and not known
            and len(words) >= 3
            and _OFFICE_OF.search(text, max(0, s - 24), s)
            and looks_like_full_name(words[-2:])
        ):
            person = text.rindex(words[-2], s, e)
            out += [(s, len(text[:person].rstrip()), "GPE", ""), (person, e, "PERSON", "")]
        else:
            out.append((s, e, label, known))
    return out


def _split_at_full_stops(text: str, raw: list[RawEntity], gazetteer: Gazetteer) -> list[RawEntity]:
    """spaCy's tags, where one runs into or across a sentence's end after a listed name ending in a capital
    letter, which it read as an initial ('Serie A.', 'Serie A. Inter', 'Formula E. Jaguar'): the listed name,
    and what follows the full stop as a tag of its own."""
    out: list[RawEntity] = []
    for s, e, label, known in raw:
        stop = text.find(". ", s, e + 1)
        stop = e - 1 if stop < 0 and text[s:e].endswith(".") else stop
        listed = gazetteer.by_form.get(text[s:stop]) if stop > s and not known else None
        if listed is None:
            out.append((s, e, label, known))
            continue
        out.append((s, stop, listed.label, listed.name))
        if stop + 2 < e and text[stop + 2].isupper():
            rest = gazetteer.by_form.get(text[stop + 2 : e])
            out.append((stop + 2, e, rest.label if rest else label, rest.name if rest else ""))
    return out


def table_rows(text: str, found: list[Entity]) -> list[Entity]:
    """A league table's rows and a results line's sides ('Roma 3 Verona 1'): the name a team, an organisation
    (unless a first name the lists know starts it: 'Michael Phelps (USA) 8 0 0 8'), and the country in brackets
    after it a table column, no name."""
    rows = list(_TABLE_ROW.finditer(text)) if "(" in text else []
    results = list(_RESULT_LINE.finditer(text))
    if not rows and not results:
        return found
    out = list(found)
    for m in rows:
        (cs, ce) = m.span(2)
        out = _as_team(text, [x for x in out if not (x.start < ce and cs < x.end)], *m.span(1))
    for m in results:
        out = _as_team(text, _as_team(text, out, *m.span(1)), *m.span(2))
    return sorted(out, key=lambda x: x.start)


def _as_team(text: str, out: list[Entity], s: int, e: int) -> list[Entity]:
    """`out` with the name at s:e a team, in place of the tags over it; a person's name stays."""
    if first_named(text[s:e], text) or any(
        x.label == "PERSON" and first_named(x.canonical) and x.start < e and s < x.end for x in out
    ):
        return out
    kept = [x for x in out if x.start == s and x.end == e and x.label == "ORG"]
    team = kept or [Entity(s, e, text[s:e], "ORG", text[s:e])]
    return [x for x in out if not (x.start < e and s < x.end)] + team
