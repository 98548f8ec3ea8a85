"""Names found by their head word, whatever spaCy made of them or where it saw nothing: organisations
('Human Rights Watch', 'Swiss Federal Tribunal', 'Federal Bureau of Investigation'), venues ('StoneX
Stadium', 'Utilita Bowl') and events ('MLS Cup', 'BMW PGA Championship'). One compiled pattern a label
over the text, no pass per token."""

from __future__ import annotations

import functools
import re

from .gazetteer import PLACE_LABELS, word_list
from .names import FUNCTION_WORDS, ROLE_WORDS, SENTENCE_OPENERS
from .values import Entity

# the last word of an organisation's name, never of a person's, a place's, a venue's or an event's
ORG_HEADS = (
    "Tribunal Campaign Watch Industries Council Ministry Agency Department Office Bureau University Party "
    "Commission Committee Institute Foundation Association Federation Confederation Society Authority Board "
    "Museum Corporation Conglomerate Airlines Airways College Service Guard Movement Ambulance Army Navy Police "
    "Forces"
).split()
# the last word of a company's or a league's name, never followed by 'of …' ('Capital of the Surf')
FIRM_HEADS = (
    "Premiership Foods Holdings Bank Insurance Mutual Ventures Energy Telecom Technologies Solutions Motorsport "
    "Motorsports Racing "
    "Media Studios Entertainment Brewery Pharmaceuticals Logistics"
).split()
# the last word of a venue's name ('Field', 'Hall' and 'Centre' are also surnames or bodies)
FAC_HEADS = (
    "Stadium Stadion Estadio Arena Ground Bowl Velodrome Speedway Racecourse Circuit Park Mall Airport Bridge "
    "Embassy Courthouse Bazaar Barracks Manor Superdome Dome ArenA"
).split()
# the first word of a venue's name in its own language
_HEADS_FIRST = ("Stadio", "Stade", "Estadio", "Estádio", "Stadion", "Palazzetto")
# the last word of an event's name ('Tour' is also a body: the 'PGA Tour')
EVENT_HEADS = (
    "Cup Championship Championships Trophy Classic Invitational Tournament Olympics Paralympics Contest Marathon "
    "Regatta Prix Open Derby Fair"
).split()
# a capitalised word: 'U.S', 'Sea-Air-Space', "Supporters'"; not 'NSW's' nor a sentence's full stop
_WORD = r"[A-Z][\w-]*(?:['’.](?!s\b)[\w-]+)*(?:['’](?= ))?"
_PREFIX = rf"(?<![\w'’.-])(?=[A-Z])((?:{_WORD} (?:& |and )?){{0,5}})"  # a name starts with a capital
# each label's pattern, with its head words; a head word of a company, a venue or an event is not followed by
# another name word: 'Stadium' of 'Stadium Australia', 'Insurance' of 'Official Insurance Partner' is no head
_COURT_KINDS = (
    "Crown High Supreme District Circuit Federal Magistrates County Appeal Appeals Constitutional Criminal Family "
    "Sheriff Tax Arbitration Justice Cassation Session"
).split()
# 'and' or 'at' within a body's 'of …', unless another body's name follows: 'Institute of Technology and
# Colorado State University', 'Museum of Art at Northwestern University' are two names
_ANOTHER_BODY = rf"(?:and|at) (?!(?:{_WORD} ){{0,3}}(?:{'|'.join(ORG_HEADS)})\b)"
_COUNTRY_CODE = r"(?:US|UK|USA|EU)\b"  # 'Colorado State University of the US': the country is no part of its name
# a word of quantity before a number at a sentence's start: 'Over 900 refugees', 'Nearly 500 fans'
_ABOUT = r"(?:Over|Nearly|Almost|About|Around|Some|More|Up|Just|Only|Roughly|Approximately|Under|Another|Top)"
_STORMS = ("Hurricane", "Typhoon", "Cyclone", "Storm")
_ROLES = "|".join(sorted(ROLE_WORDS))
_CAUSE_HEADS = (
    "Voice Voices Students Muslims Christians Jews Doctors Lawyers Scientists Parents Mothers Fathers Veterans "
    "Women Citizens Americans Athletes Families Campaign Movement Coalition Alliance Action"
).split()
_PATTERNS = (
    (
        "ORG",
        ORG_HEADS,
        re.compile(
            _PREFIX + rf"(?:{'|'.join(ORG_HEADS)})\b"
            rf"(?: (?:of|for) (?:the )?(?!{_COUNTRY_CODE}){_WORD}(?: (?:{_ANOTHER_BODY}|& |of )?{_WORD}){{0,5}})?"
        ),
    ),
    # a court of law by its kind ('Norwich Crown Court', 'Supreme Court of Appeals'), not a tennis court
    (
        "ORG",
        ("Court",),
        re.compile(
            _PREFIX + rf"(?:(?:{'|'.join(_COURT_KINDS)}) Court\b|Court(?= of (?:{'|'.join(_COURT_KINDS)})\b))"
            rf"(?: of (?:the )?{_WORD}(?: (?:and |for |of )?{_WORD}){{0,4}})?"
        ),
    ),
    ("ORG", FIRM_HEADS, re.compile(_PREFIX + rf"(?:{'|'.join(FIRM_HEADS)})\b(?! [A-Z])")),
    # a campaign group named for its cause: 'Jewish Voice for Peace', 'National Students for Justice in
    # Palestine', 'Movement for Democratic Change', 'Friends of the Earth'
    (
        "ORG",
        (*(f"{head} for " for head in _CAUSE_HEADS), "Friends of "),
        re.compile(
            _PREFIX + rf"(?:(?:{'|'.join(_CAUSE_HEADS)}) for|Friends of) (?:the )?{_WORD}"
            rf"(?: (?:in |of |and |for |the )?{_WORD}){{0,4}}(?! [A-Z])"
        ),
    ),
    ("FAC", FAC_HEADS, re.compile(_PREFIX + rf"(?:{'|'.join(FAC_HEADS)})\b(?! [A-Z])")),
    # a venue named in its own language with its head word first: 'Stadio Olimpico', 'Estadio da Luz'
    (
        "FAC",
        _HEADS_FIRST,
        re.compile(
            rf"(?<![\w'’.-])()(?:{'|'.join(_HEADS_FIRST)}) (?:(?:de la|de|del|della|da|do|dos|di|du|des|la|le) )?"
            r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
        ),
    ),
    (
        "EVENT",
        EVENT_HEADS,
        re.compile(
            r"(?<![\w'’.-])(?=[A-Z12])((?:(?:19|20)\d\d )?"
            + _PREFIX[len(r"(?<![\w'’.-])(?=[A-Z])(") :]
            + rf"(?:{'|'.join(EVENT_HEADS)})\b(?: of (?:the )?{_WORD}(?: {_WORD}){{0,2}})?(?! [A-Z])"
        ),
    ),
    # a race named by its distance: 'Brickyard 400', '2016 Ford EcoBoost 400', 'Indianapolis 500'; not a count
    # or a cricket total ('England 350 all out', '450 for 7')
    (
        "EVENT",
        ("00", "50"),
        re.compile(
            rf"(?<![\w'’.-])(?!{_ABOUT} )((?:(?:19|20)\d\d )?(?:{_WORD} ){{1,3}})(?:[1-9](?:00|50)|1000)\b"
            r"(?![\w'’-]| [A-Z]| *(?:[-–/]|for\b|all out\b|runs?\b|laps?\b|miles?\b|km\b|points?\b|yards?\b))"
        ),
    ),
    # a storm's name: the word for the storm first ('Hurricane Sandy', 'Storm Ciarán')
    ("EVENT", _STORMS, re.compile(rf"(?<![\w'’.-])()(?:{'|'.join(_STORMS)}) [A-Z][^\W\d_]+\b(?! [A-Z])")),
    # a team named 'Team' first: 'Team TotalEnergies', 'Team Sky', 'Team GB' (not 'Team Manager John Smith')
    ("ORG", ("Team",), re.compile(rf"(?<![\w'’.-])()Team (?!(?i:{_ROLES})\b)[A-Z][\w-]*(?:-[A-Z][\w-]*)?\b(?! [A-Z])")),
)
# a national body named by its sport or its field and its country: 'Athletics Canada', 'Sport Ireland',
# 'Environment Canada'; or by its nation and its sport: 'British Cycling', 'England Netball'
_FIELDS = (
    "Sport Athletics Swimming Cycling Rowing Tennis Hockey Netball Rugby Golf Basketball Volleyball Triathlon "
    "Gymnastics Badminton Squash Sailing Canoe Archery Judo Boxing Football Cricket Environment Health Statistics "
    "Transport Parks Fencing Equestrian Police"
).split()
_NATIONS = "British English Scottish Welsh Irish England Scotland Wales UK USA".split()
_NATIONAL_SPORTS = (
    "Athletics Swimming Cycling Rowing Gymnastics Hockey Netball Triathlon Sailing Canoe Badminton Fencing "
    "Equestrian Judo Squash Sport"
).split()  # each also a field: the name holds one of `_FIELDS`
_COUNTRY_SPORT = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]* ){1,3})(?:Rugby|Cricket)(?![\w'’-]| [A-Z])")
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)['’]s (?=[A-Z])")  # 'Kenya’s' of 'Kenya’s Maji Trust'
_POSSESSIVE = re.compile(r"['’]s$")
_AND = re.compile(r" and (?=[A-Z])")
_QUALIFIERS = frozenset("Former Ex Then Acting Interim Outgoing Incoming".split())  # 'Former … Agency head'
_NOT_LAST = frozenset({"and", "of", "at", "for", "the", "&"})
_KINDS = frozenset({"Grand Prix", "Grand Slam"})  # a kind of event, no event's name


# a company's legal form after a comma: 'Bayview Loan Servicing, LLC', 'Handgun Control, Inc.'
_LEGAL_SUFFIX = re.compile(r", (?:Inc|LLC|Ltd|Corp|Plc|PLC|GmbH|LLP)\b\.?")
_CAPITALISED_BEFORE = re.compile(r"(?:(?<![\w'’.-])[A-Z][\w&'’-]* )+$")


def with_legal_suffixes(text: str, found: list[Entity]) -> list[Entity]:
    """A company's name with its legal form after a comma ('Gunnar Tool Works, Inc.') one organisation: spaCy's
    name before it, a person or an organisation, widened over the form (whose own tag goes), or its tag of
    the form; widened back over the untagged capitalised words before ('Control, Inc.' of 'Handgun Control,
    Inc.')."""
    if ", " not in text:
        return found
    out = list(found)
    for x in found:
        if x.note or x.label not in ("ORG", "PERSON"):
            continue
        m = _LEGAL_SUFFIX.match(text, x.end)
        s, e = x.start, m.end() if m else x.end
        if not m and not _LEGAL_SUFFIX.search(x.text):
            continue
        before = _CAPITALISED_BEFORE.search(text, max(0, s - 60), s)
        words = before.group().split() if before else []
        while words and (words[0].lower() in FUNCTION_WORDS or words[0] in SENTENCE_OPENERS):
            words.pop(0)
        if words and not any(_POSSESSIVE.search(w) for w in words):
            s -= len(" ".join(words)) + 1  # 'Bayview' of spaCy's person 'Loan Servicing', '… Control, Inc.'
        if any(y.start < x.start and s < y.end for y in out):
            s = x.start  # a name tagged before it is not part of the company's
        if (s, e) == (x.start, x.end) or any(y.note and y.start < e and s < y.end for y in out if y is not x):
            continue
        out = [y for y in out if not (y.start < e and s < y.end)] + [Entity(s, e, text[s:e], "ORG", text[s:e])]
    return sorted(out, key=lambda x: x.start)


def _without_possessors(found: list[Entity]) -> list[Entity]:
    """A name spaCy tagged with a country or a town as its possessor ('Kenya’s Maji Trust'): the place, and
    the name without it; a name with 'ex-' before it ('ex-England'): the name."""
    found = [  # 'ex-England': a former side's or body's name without the prefix
        Entity(x.start + 3, x.end, x.text[3:], x.label, x.text[3:] if x.canonical == x.text else x.canonical, x.note)
        if x.text.startswith("ex-") and x.text[3:4].isupper()
        else x
        for x in found
    ]
    if not any(_POSSESSOR.match(x.text) for x in found):
        return found
    out = []
    for x in found:
        m = _POSSESSOR.match(x.text) if x.label in ("ORG", "FAC", "EVENT") and not x.note else None
        owner = m.group(1) if m else ""
        if m is None or not (owner in word_list("countries") or owner in word_list("towns")):
            out.append(x)  # 'Women's Premier League', 'People's Daily': the possessive is the name's
            continue
        out.append(Entity(x.start, x.start + len(owner), owner, "GPE", owner))
        name = x.text[m.end() :]
        out.append(Entity(x.start + m.end(), x.end, name, x.label, name if x.canonical == x.text else x.canonical))
    return out


def with_headed_names(text: str, found: list[Entity]) -> list[Entity]:
    """`found` with each name that ends in a head word (see `ORG_HEADS`, `FAC_HEADS`, `EVENT_HEADS`), or
    is an organisation's head word with 'of …' after it, a name of that label over its whole span: the tags
    of spaCy it covers (its person 'Federal Tribunal', its 'Federal Bureau') give way. A tag that runs past
    it, or a person or a role after its head word ('Ministry of Sport Kate Ellis') stand; so does a listed
    name, but a listed organisation inside a venue's or an event's ('StoneX Stadium', 'MLS Cup')."""
    out = with_legal_suffixes(text, _without_possessors(found))
    for label, heads, pattern in _PATTERNS:
        if any(head in text for head in heads):
            for span in [_span(text, m) for m in pattern.finditer(text)]:
                out = _with_name(text, out, label, *span) if span else out
    if any(word in text for word in _FIELDS):
        for s, e in _national_body_spans(text):  # spaCy's place over the whole name gives way too
            out = [x for x in out if x.note or (x.start, x.end) != (s, e) or x.label not in PLACE_LABELS]
            out = _with_name(text, out, "ORG", s, text.index(" ", s), e)
    return sorted(out, key=lambda x: x.start)


def _national_body_spans(text: str) -> list[tuple[int, int]]:
    """The spans of national bodies' names (see `_national_bodies`), and of a country's name with its rugby or
    cricket after it ('New Zealand Rugby', 'Sri Lanka Cricket')."""
    spans = [m.span() for m in _national_bodies().finditer(text)]
    if "Rugby" in text or "Cricket" in text:
        spans += [m.span() for m in _COUNTRY_SPORT.finditer(text) if m.group(1).strip() in word_list("countries")]
    return sorted(spans)


@functools.cache
def _national_bodies() -> re.Pattern:
    """The pattern of a national body's name (see `_FIELDS`), not a longer name's start ('Athletics Canada
    Championships'); the countries from the lists, with the home nations."""
    countries = sorted(word_list("countries") | {"England", "Scotland", "Wales", "Britain", "USA"}, key=len)
    return re.compile(
        rf"(?<![\w'’.-])()(?:(?:{'|'.join(_FIELDS)}) (?:{'|'.join(map(re.escape, reversed(countries)))})|"
        rf"(?:{'|'.join(_NATIONS)}) (?:{'|'.join(_NATIONAL_SPORTS)}))(?![\w'’-]| [A-Z])"
    )


def _with_name(text: str, out: list[Entity], label: str, s: int, head: int, e: int) -> list[Entity]:
    # a person after the head word ends the name: 'Ministry of Sport Kate Ellis'
    e = min((x.start - 1 for x in out if x.label == "PERSON" and head < x.start < e), default=e)
    # an organisation and another named by its head word: 'Amnesty International and Human Rights Watch'
    s = next((x.end + 5 for x in out if x.label == "ORG" and x.start == s and _AND.match(text, x.end, head)), s)
    name = text[s:e]
    while name.split()[-1].lower() in ROLE_WORDS and e - len(name.split()[-1]) - 1 > head:
        e -= len(name.split()[-1]) + 1  # the 'Museum of Flight' of 'Museum of Flight CEO Mark Lane'
        name = text[s:e]
    inside = [x for x in out if x.start < e and s < x.end]
    if (
        name.split()[-1] in _NOT_LAST
        or name in _KINDS
        or any(
            x.start < s or x.end > e or not _gives_way(x, label, s, e, text.startswith("Team ", s), _town(text, s, x))
            for x in inside
        )
    ):
        return out
    exact = [x for x in inside if x.start == s and x.end == e]
    if any(x.label == label or x.note or x.label in PLACE_LABELS for x in exact):
        return out  # already this name, a listed one ('United Rugby Championship'), a town ('Seaside Park')
    # a listed venue with its head word ('Santiago Bernabéu' 'Stadium') or its town ('New Orleans' 'Superdome'):
    # the listed venue, written in full
    listed = next(
        (x for x in inside if x.label == label == "FAC" and x.note and (x.start == s or _town(text, s, x))), None
    )
    canonical, note = (listed.canonical, listed.note) if listed else (name, "")
    return [x for x in out if x not in inside] + [Entity(s, e, name, label, canonical, note)]


def _gives_way(x: Entity, label: str, s: int, e: int, team: bool = False, town: bool = False) -> bool:
    """Whether a tag inside a name found by its head word gives way to it: spaCy's always, a listed one
    only where it is an organisation inside a venue's or an event's name ('MLS' of 'MLS Cup'), a listed
    event after its sponsor's name ('PGA Championship' of the 'BMW PGA Championship'), a listed venue
    before its head word, or a listed club of one word inside a body's name ('Norwich Crown Court')."""
    sponsored = label == x.label == "EVENT" and s < x.start and x.end == e
    headless = label == x.label == "FAC" and x.start == s  # the listed 'Santiago Bernabéu' of '… Stadium'
    headless |= town and label == x.label == "FAC" and x.end == e  # the listed 'Superdome' of 'New Orleans …'
    inside_name = label in ("FAC", "EVENT") or team  # a team named after its sponsor: 'Team TotalEnergies'
    town_club = label == x.label == "ORG" and " " not in x.text  # 'Lyon' of the 'University of Lyon'
    return not x.note or sponsored or headless or (inside_name and x.label == "ORG") or town_club


def _town(text: str, s: int, x: Entity) -> bool:
    """Whether the words from `s` to the listed name `x` are a town or a country: 'New Orleans' of the 'New
    Orleans Superdome'."""
    before = text[s : x.start].strip()
    return bool(before) and (before in word_list("towns") or before in word_list("countries"))


def _span(text: str, m: re.Match) -> tuple[int, int, int] | None:
    """The name's span in a match and the end of its head word: past the words before it that are no part
    of a name ('The', 'Britain's', a headline's 'To', 'Former'); None for a head word alone ('the Council')."""
    s = m.start()
    for word in re.finditer(r"\S+", m.group(1)):
        w = word.group()
        if w.lower() in FUNCTION_WORDS or w in SENTENCE_OPENERS or w in _QUALIFIERS or _POSSESSIVE.search(w):
            s = m.start(1) + word.end() + 1
    head = text.find(" ", m.end(1), m.end())
    head = m.end() if head < 0 else head
    if s >= m.end(1) and head == m.end():
        return None
    return s, head, m.end()


# a newspaper's name with its article, as the paper writes it: 'The Guardian', 'The New York Times'
_PAPERS = (
    "Times|Guardian|Sun|Telegraph|Independent|Observer|Mirror|Economist|Post|Journal|Herald|Express|Mail|Scotsman|"
    "Tribune|Chronicle|Globe|Athletic"
)
_NEWSPAPER = re.compile(
    r"(?<![\w'’.-])The (?:[A-Z][\w.-]* (?:and )?){0,3}(?:" + _PAPERS + r")(?![\w'’-]| [A-Z])"
)  # 'The Globe and Mail'
# in capitals, as a transcript or a byline writes it: 'Q (TOM FAIRLEY, THE TIMES):'
_NEWSPAPER_CAPS = re.compile(r"(?<![\w'’.-])THE (?:[A-Z][A-Z.-]* ){0,3}(?:" + _PAPERS.upper() + r")(?![\w'’-]| [A-Z])")


def with_newspapers(text: str, found: list[Entity]) -> list[Entity]:
    """`found` with each newspaper written with a capital 'The' within a sentence ('told The Guardian', 'and
    The New York Times reported') an organisation over its whole name, 'The' included, in place of the tags
    it covers; at a sentence's start 'The' is every sentence's ('The Sun rose') unless an organisation tag ends
    the name ('The Straits Times noted'). In capitals ('THE TIMES'), the paper anywhere, over spaCy's
    organisation inside it."""
    out = list(found)
    for m in _NEWSPAPER.finditer(text) if "The " in text else ():
        s, e = m.span()
        inside = [x for x in out if x.start < e and s < x.end]
        first = s == 0 or _SENTENCE_START.search(text, max(0, s - 3), s)
        if first and not any(x.end == e and x.label == "ORG" for x in inside):
            continue
        if any(x.start < s or x.end > e or x.label not in ("ORG", "PERSON", "GPE", "NORP", "FAC") for x in inside):
            continue
        out = [x for x in out if x not in inside] + [Entity(s, e, m.group(), "ORG", m.group())]
    for m in _NEWSPAPER_CAPS.finditer(text) if "THE " in text else ():
        s, e = m.span()
        if all(x.end <= s or x.start >= e or (x.label == "ORG" and s <= x.start and x.end <= e) for x in out):
            out = [x for x in out if x.end <= s or x.start >= e] + [Entity(s, e, m.group(), "ORG", m.group().title())]
    return sorted(out, key=lambda x: x.start)


_SENTENCE_START = re.compile(r"(?:[.!?:]\s|\n|^)$")
