"""A place or a side: whether a country's or a town's name means the place, or the team or club that plays
under it ('England beat Wales 20-10', 'in Barcelona')."""

from __future__ import annotations

import re
from collections.abc import Collection

from .context import ORG_WORDS
from .gazetteer import Entry, Gazetteer, nicknames, word_list
from .mentions import occurrences, with_untagged
from .values import Entity

# sporting context of a place named as a side: a result, a score, a fixture
_RESULT_AFTER = re.compile(
    r"\s+(?:(?:beat|beats|beating|defeated|thrashed|hammered|edged|overcame|routed|crushed|stunned|trounced|"
    r"whitewashed|outplayed|eased past|saw off|v|vs|versus)\b|(?:host|hosts|hosted|face|faces|faced|meet|meets|"
    r"met|play|plays|played)\s+[A-Z]|(?:won|win|wins|lost|lose|loses|clinched|sealed|levelled|drew)\s+the\s+"
    r"(?:series|match|game|test|tie|toss|final|first|second|third|fourth|fifth|opener|decider)\b|(?:drew|draw|drawing|lost|lose|loses|losing|won|win|wins|winning|led|trailed|trail|lead)\s+"
    r"(?:with\b|to\b|\d)|\d+\s*[-–]\s*\d+|(?:failed to |did not |didn't )?qualif(?:y|ied|ies)\b|"
    r"(?:secured|booked|clinched|earned) (?:a|their|its) (?:place|berth|spot)\b|"
    r"(?:were|was) knocked out\b|crashed out\b)"
)
_RESULT_BEFORE = re.compile(
    r"(?:\b(?:beat|beating|beats|defeated|defeating|against|over|lost to|losing to|loss to|defeat to|defeat by|"
    r"beaten by|drew with|draw with|drawing with|faced|face|faces|facing|host|hosts|hosted|hosting|v|vs|"
    r"versus|play|plays|played|playing)\.?|\d+\s*[-–]\s*\d+(?:\s+to)?)\s+$"
)
# a side named by a player's or a coach's tie to it: 'head coach of La Rochelle', 'signed for Leinster'
_ROLE_BEFORE = re.compile(
    r"\b(?:(?:coach|coaches|coaching|manager|captain|skipper|boss|director of (?:rugby|football|cricket)|"
    r"fly-half|scrum-half|striker|midfielder|defender|goalkeeper|winger|prop|hooker|lock|flanker|full-back)"
    r"\s+(?:of|at)|(?:signed|signs|signing|plays|played|playing|scored|scores|goals?|caps?|tries|"
    r"appearances|wickets|debut|hat-trick|player) for|captained|captains)\s+$"
)
# a player's career for a side: 'played in two World Cups for the United States'
_PLAYED_FOR = re.compile(r"\b(?:played|plays|playing|appeared|featured|starred)\b[^.;:,\n]{0,30}\bfor\s+(?:the\s+)?$")
_SCORE = re.compile(r"\b\d+\s*[-–]\s*\d+\b")
# 'England captain', 'England fast bowler', 'the England head coach'
_SIDE_NOUN = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:captain|coach|manager|boss|squad|side|team|international|full-back|fly-half|"
    r"scrum-half|striker|midfielder|defender|goalkeeper|keeper|forward|winger|prop|lock|hooker|flanker|batsman|"
    r"batter|bowler|all-rounder|opener|seamer|spinner|wicketkeeper|"
    r"chief executive|chairman|director of (?:cricket|rugby|football))\b"
)
# a fixture to come: 'England will face India', 'Wales are due to host Italy' (a side where the sentence is sport's)
_FIXTURE_AFTER = re.compile(
    r"\s+(?:will|would|must|could|can|(?:are|is) (?:due )?to)\s+(?:host|face|meet|play)\s+[A-Z]"
)
_SPORT_WORD = re.compile(
    r"\b(?:match|game|win|victory|defeat|draw|clash|fixture|tie|final|semi-final|quarter-final|qualifier|"
    r"cricket|rugby|football|hockey|netball|basketball|volleyball|handball|season|squad|"
    r"friendly|test|series|scored|goals?|tries|try|points|wickets?|runs|stadium|kick-off|extra time|"
    r"penalt(?:y|ies)|shoot-?out|world cup|medal|tournament)\b",
    re.I,
)
# a country in a medal table or a results summary: 'Spain and Great Britain both had a gold', 'China, Britain
# and France all reached the semifinals', 'Great Britain's gold medal', 'the bronze to Armenia'
_MEDAL_WORDS = r"(?:gold|silver|bronze|medals?|semi-?finals?|quarter-?finals?|final|points)\b"
_MEDAL_AFTER = re.compile(
    r"(?:,?\s+(?:and\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*\s+(?:both\s+|each\s+|all\s+)?"
    r"(?:did not |didn't |failed to )?(?:had|has|have|won|win|wins|took|claimed|earned|collected|reached|"
    r"finished with)\b[^.;:\n]{0,30}?\b" + _MEDAL_WORDS + r"|['’]s\s+(?:[a-z]+\s+)?" + _MEDAL_WORDS
)
_MEDAL_BEFORE = re.compile(r"\b(?:gold|silver|bronze|medal)\s+(?:going\s+|went\s+)?to\s+(?:the\s+)?$")
# a place named as such: 'in Barcelona', 'Barcelona-based', 'the city of Barcelona'
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|around|across|throughout|inside|within|city of|streets of|centre of|center of|"
    r"born in|based in|visit|visited|visiting|flew to|travelled to|traveled to|arrived in|diverted to|mayor of|"
    r"(?<!signed )(?<!joined )(?<!loan )(?<!moved )(?<!transfer )(?<!switch )(?<!statement )(?<!spokesman )"
    r"(?<!spokeswoman )(?<!spokesperson )(?<!official )(?<!offer )(?<!bid )(?<!approach )from)\s+$",
    re.I,
)
# a player's move between clubs: 'joined Chelsea from Everton'
_TRANSFER_BEFORE = re.compile(
    r"\b(?:joined|joins|signed|signs|signing|moved|moves|arrived|arrives|loan|transfer|switch|recruited)\b"
    r"[^.;:]{0,40}\bfrom\s+$"
)
_PLACE_AFTER = re.compile(
    r"(?:-based\b|\s+(?:airport|city centre|city|mayor|residents|police|council)\b|,\s+"
    r"(?:Spain|Italy|France|Germany|England|Portugal|Netherlands|Scotland|Brazil|Argentina)\b)"
)
# a side's country as a person's nationality or a dateline's country: 'Alberto Suarez Laso of Spain',
# 'ELDORET, Kenya'
_AS_NATIONALITY = re.compile(r"(?:\b[A-Z][\w'’-]+\s+of\s+(?:the\s+)?|(?:^|\n)[A-Z][A-Z .'’-]+,\s+)$")


def sporting_side(text: str, s: int, e: int) -> bool:
    """A country or city named as a side: 'England beat Wales 20-10', 'England captain Owen Farrell', 'Spain
    and Great Britain both had a gold', 'head coach of La Rochelle'."""
    if _RESULT_AFTER.match(text, e) or _SIDE_NOUN.match(text, e) or tied_side(text, s):
        return True
    if (_MEDAL_AFTER.match(text, e) or _MEDAL_BEFORE.search(text, max(0, s - 24), s)) and not (
        reads_as_place(text, s, e) or as_nationality(text, s)
    ):
        return True
    if _RESULT_BEFORE.search(text, max(0, s - 20), s) or _FIXTURE_AFTER.match(text, e):
        sentence = _sentence(text, s, e)
        return bool(_SCORE.search(sentence) or _SPORT_WORD.search(sentence))
    return False


def tied_side(text: str, s: int) -> bool:
    """A name right after a player's or a coach's tie to a side ('plays for Bath', 'head coach of La
    Rochelle'): the side, even where spaCy saw a person."""
    return bool(_ROLE_BEFORE.search(text, max(0, s - 28), s) or _PLAYED_FOR.search(text, max(0, s - 60), s))


def _sentence(text: str, s: int, e: int) -> str:
    start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
    ends = [i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def reads_as_place(text: str, s: int, e: int) -> bool:
    """Whether a club named after its town ('Barcelona', 'Liverpool') means the town here: after 'in',
    'near', 'based in' and the like, or before '-based', 'city', 'mayor'; otherwise it is the club."""
    if text[e : e + 2] in ("'s", "’s"):
        return False  # 'in Barcelona's 3-0 win': the club
    before = _PLACE_BEFORE.search(text, max(0, s - 16), s)
    if before and before.group().lower().startswith("from") and _TRANSFER_BEFORE.search(text, max(0, s - 50), s):
        return False  # 'joined Chelsea from Everton', 'signed on loan from Hearts'
    return bool(before or _PLACE_AFTER.match(text, e))


def as_nationality(text: str, s: int) -> bool:
    """Whether the country's name at `s` follows a person's name ('Alberto Suarez Laso of Spain') or a
    dateline's town ('ELDORET, Kenya')."""
    return bool(_AS_NATIONALITY.search(text, max(0, s - 40), s))


def named_after_town(entry: Entry, surface: str, gazetteer: Gazetteer) -> bool:
    """Whether `surface`, a form of the organisation `entry`, is also a town's name: one the lists give as a
    town, or a club's one-word name ('Copenhagen' for FC Copenhagen, whose town the list spells København)."""
    return (
        surface in gazetteer.place_named
        or (entry.note.startswith("Football club") and " " not in surface and surface != entry.name)
        or (surface != entry.name and surface in word_list("towns"))  # 'in Santa Clara, California'
    )


# a team's nickname, a capitalised plural, before a player's or a coach's role or its fans: 'Bearcats coach
# Dale Rourke', 'Griffins quarterback Tate Morrow', 'Otters fans'
_NICKNAME_BEFORE_ROLE = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]{2,}s) (?=(?:head coach|coach|quarterback|QB|captain|skipper|manager|boss|fans|"
    r"supporters|linebacker|receiver|running back|point guard|guard|forward|striker|defender|midfielder|"
    r"goalkeeper|winger|fly-half|scrum-half|full-back|flanker|hooker)\b)"
)

_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")


def team_nicknames(text: str, people: Collection[str]) -> set[str]:
    """The capitalised plurals the text writes before a player's or a coach's role ('Bearcats coach Dale
    Rourke'): teams' nicknames; not a person's name ('Williams coach')."""
    found = {
        m.group(1)
        for m in _NICKNAME_BEFORE_ROLE.finditer(text)
        if not _CAPITALISED_BEFORE.search(text, max(0, m.start() - 24), m.start())  # 'New South Wales captain'
    }
    return {name for name in found if name not in people and name not in word_list("countries")}


SIDE_NOTE = re.compile(r"\b(?:club|team|franchise|side)\b", re.I)
_SHORT_NAME = re.compile(r"[A-Z][a-z]{3,}")  # 'Crew', 'Tigers', 'United'; not 'FC'


def with_club_short_names(text: str, found: list[Entity], people: Collection[str]) -> list[Entity]:
    """`found` with a listed club's last or first word alone as the club ('Columbus Crew' … 'the Crew', 'Crew
    fans'; 'Leicester Tigers' … 'Tigers'; 'Real Sociedad' … 'Real'), where one club of the article ends or
    starts with it and it is no town ('Real Madrid' … 'in Madrid'), country, person or organisation's word."""
    ends: dict[str, set[str]] = {}
    for x in found:
        if x.label == "ORG" and " " in x.text and SIDE_NOTE.search(x.note):
            for word in {x.text.split(" ", 1)[0], x.text.rsplit(" ", 1)[-1]}:  # 'Real' of 'Real Sociedad'
                if _SHORT_NAME.fullmatch(word):
                    ends.setdefault(word, set()).add(x.canonical)
    short = {
        w: next(iter(clubs))
        for w, clubs in ends.items()
        if len(clubs) == 1
        and w not in ORG_WORDS
        and w not in people
        and w not in word_list("towns")
        and w not in word_list("countries")
    }
    return _as_teams(text, found, short) if short else found


def with_team_nicknames(text: str, found: list[Entity]) -> list[Entity]:
    """`found` with the nicknames of the teams the article names, each the team: 'Gunners' where it names
    Arsenal, 'the Old Lady' where it names Juventus, 'Azzurri' where it names Italy, 'Saints' where it names
    St Helens R.F.C.; not a nickname two teams of the article share ('Reds': Liverpool and Manchester United)."""
    listed = nicknames()
    written = {text[s:e] for s, e in occurrences(text, listed)} if listed else set()
    if not written:
        return found
    # a club named, or only its women's side ('Brighton & Hove Albion FC Women'): the side it names
    sides = {x.canonical: x.canonical for x in found} | {
        x.canonical.rsplit(" ", 1)[0]: x.canonical for x in found if x.canonical.endswith((" Women", " Ladies"))
    }
    short = {}
    for nickname in written:
        teams = [sides[team] for team in listed[nickname] if team in sides]
        if len(teams) == 1:
            short[nickname] = teams[0]
    return _as_teams(text, found, short)


def _as_teams(text: str, found: list[Entity], short: dict[str, str]) -> list[Entity]:
    """`found` with each mention of a form of `short` the team it names (form -> the team's canonical name),
    whatever label spaCy gave it, and the mentions it left out."""
    found = [
        Entity(x.start, x.end, x.text, "ORG", short[x.text], x.note)
        if x.text in short and (x.label != "ORG" or x.canonical == x.text)
        else x
        for x in found
    ]
    return with_untagged(text, found, short, "ORG")
