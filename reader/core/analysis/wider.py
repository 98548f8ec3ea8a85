"""Where a listed organisation's name is part of a longer one: its group or foundation ('Volkswagen Group',
'Fundación Sevilla FC'), its branch ('BBC Scotland', 'BBC Radio 5 Live'), a party named after it ('Social
Democratic Party'). Compiled patterns around the name, no pass over the text."""

from __future__ import annotations

import re

from .gazetteer import Entry, word_list
from .names import COMPANY_WORDS, COUNTRY_ADJECTIVES, DEMONYMS, SENTENCE_OPENERS
from .towns import is_town
from .trimming import tidy_span

_PARTY_BEFORE = re.compile(r"(?<![\w'’.-])(?:[A-Z][a-z]+ ){1,2}$")  # 'National' of 'National Democratic Party'
_FIRM_AFTER = re.compile(  # 'Volkswagen Group', 'Liverpool City Council', 'BBC News', "IOC Athletes' Commission"
    r" (?:(?:City|County|Borough|Town|District|Metropolitan) |[A-Z][a-z]+['’]? )?(?:"
    + "|".join(sorted(w for w in COMPANY_WORDS if w[0].isupper() and w.isalpha()))
    + r"|News|Academy|Commission|Assembly|Media|Network|Radio|Television|Studios|Echo|Live|Post|Herald|Gazette|"
    r"Argus)\b"
)
# a broadcaster's or a firm's branch after its name: a country, a region or a town; a numbered radio station
_STATION = re.compile(r"(?: Radio)? \d{1,2}(?: Live| Extra)?\b")
_PLACE_BRANCH = re.compile(r" ([A-Z][\w'’-]{3,})(?![\w'’-]| [A-Z]| of\b)")  # not 'Budweiser Man of the Match'
_REGIONS = frozenset("UK Scotland Wales England Ireland Nederland Deutschland España Italia Europe Asia Africa".split())
# a body's name that goes on with a listed organisation's: 'the Court of Justice of the ', 'Council of the '
_BODY_OF = re.compile(
    r"(?:[Tt]he )?(?:Court|Council|Commission|Parliament|Assembly|Ministry|Department|Office|Bank|Tribunal|"
    r"Secretariat|Committee)(?: of [A-Z][\w'’-]*)* of (?:the )?"
)
_SIDE_NOTE = re.compile(r"\b(?:club|team|franchise|side)\b", re.I)
# before a listed name, the start of another organisation's: its foundation, or its women's league ('Women's
# Premier League' is not the Premier League)
_FOUNDATION_BEFORE = re.compile(
    r"\b(?:Fundación|Fundació|Fundação|Fondazione|Fondation|Stiftung|Women['’]s|Men['’]s) $"
)

# a nationality before a listed governing body's name: another country's body of the same name
_NATION_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) $")
_NATIONAL_BODIES = (" Union", " Federation", " Association", " Board", " Council", " Committee", " League")
_HOME_NATIONS = frozenset({"Scottish", "Welsh", "English"})


def _nationality(word: str) -> bool:
    """'Irish', 'Kenyan', 'Scottish': a country's adjective."""
    return word.lower() in DEMONYMS or word in COUNTRY_ADJECTIVES.values() or word in _HOME_NATIONS


def wider_firm(text: str, s: int, e: int, entry: Entry, cut: dict[int, int]) -> tuple[int, int]:
    """The span of the organisation whose name holds the listed `entry` at `s`-`e`: its group, foundation or
    branch, or the party named after it; `cut` maps the end of each spaCy organisation the gazetteer cut
    short to its start."""
    wider = _firm_around(text, s, e)
    nation = _NATION_BEFORE.search(text, max(0, s - 16), s)
    if nation and _nationality(nation.group(1)) and entry.name.endswith(_NATIONAL_BODIES):
        wider = nation.start(), wider[1]  # 'Irish' 'Rugby Football Union': another country's body
    body = _BODY_OF.fullmatch(text, cut[s - 1], s) if s - 1 in cut else None
    if body:  # spaCy's 'Court of Justice of the' before the listed 'European Union'
        wider = tidy_span(text, body.start(), s, "ORG")[0], wider[1]
    if entry.name.endswith(" Party") and text[s - 1 : s] == " ":
        wider = _party_start(text, s, cut), wider[1]
    if not _SIDE_NOTE.search(entry.note):
        wider = wider[0], _branch_end(text, *wider)  # 'BBC Scotland', 'ESPN Nederland', 'BBC Radio 5 Live'
    return wider


def _party_start(text: str, s: int, cut: dict[int, int]) -> int:
    """Where a party's name begins that ends with a listed one's: at spaCy's organisation before it ('The
    Social' 'Democratic Party'), or at the capitalised words before it that are no function word, country or
    nationality ('the ruling National Democratic Party'; not 'In Democratic Party circles')."""
    if s - 1 in cut:
        return tidy_span(text, cut[s - 1], s, "ORG")[0]
    before = _PARTY_BEFORE.search(text, max(0, s - 30), s)
    start = s
    for word in reversed(before.group().split()) if before else ():
        if word in SENTENCE_OPENERS or word.lower() in DEMONYMS or word in word_list("countries"):
            break
        start = text.rfind(word, 0, start)
    return start


def _branch_end(text: str, s: int, e: int) -> int:
    """The end of a broadcaster's or a firm's branch named after it: a numbered station ('BBC Radio 5 Live',
    'BBC News 24') or a country, a region or a town ('BBC Scotland', 'ESPN Nederland')."""
    station = _STATION.match(text, e)
    if station and (station.group().startswith(" Radio") or text.endswith(("Radio", "News"), s, e)):
        return station.end()
    place = _PLACE_BRANCH.match(text, e)
    if place and (place.group(1) in _REGIONS or is_town(text, *place.span(1), "ORG", ())):
        return place.end()
    return e


def _firm_around(text: str, s: int, e: int) -> tuple[int, int]:
    """The span of an organisation named after a listed one: its group or foundation ('Volkswagen' 'Group',
    'Fundación' 'Sevilla FC')."""
    after = _FIRM_AFTER.match(text, e)
    before = _FOUNDATION_BEFORE.search(text, max(0, s - 12), s)
    return (before.start() if before else s), (after.end() if after else e)
