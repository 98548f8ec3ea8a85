"""Whom or what a description's noun stands for where the story named it: the person or body the text
gave the noun to ('coach Hansi Flick', 'Flick, the coach', 'the Spanish airline Iberojet'), the organisation
'the airline' or 'the league' means among those named before."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import paragraph_start
from .attribution import sentence_start
from .context import reads_as_company
from .mentions import compiled, named_as
from .names import HONORIFICS, SENTENCE_OPENERS
from .values import Entity

LOOK_BACK = 1500  # characters searched back for the organisation or person a description stands for
SIDE_NOUNS = frozenset("club team side franchise outfit owners organisation organization partner".split())
# 'the governor' is the 'Gov. Alan Pierce' of the story: the title a role is written as before a name
TITLE_OF_ROLE = {
    "governor": "Gov",
    "senator": "Sen",
    "representative": "Rep",
    "congressman": "Rep",
    "congresswoman": "Rep",
    "general": "Gen",
    "lieutenant": "Lt",
    "colonel": "Col",
    "captain": "Capt",
    "sergeant": "Sgt",
    "inspector": "Insp",
    "superintendent": "Supt",
    "detective": "Det",
    "professor": "Prof",
    "doctor": "Dr",
    "president": "Pres",
    "reverend": "Rev",
    "commander": "Cmdr",
    "councillor": "Cllr",
    "councilor": "Cllr",
}

_SIDES = frozenset("club team side franchise outfit".split())
_PRESS_WORDS = frozenset(
    "Express News Mail Mirror Record Standard Sun Star Times Post Herald Gazette Telegraph Guardian Observer "
    "Chronicle Journal Tribune Echo Argus Sport Sports Press France-Presse Reuters Bloomberg".split()
)
_PRESS_NOUNS = frozenset("agency network broadcaster channel".split())  # 'the agency said' may be a news service


def possessed(text: str, entity: Entity) -> bool:
    """ "Lund's successor": Lund is not the sentence's subject."""
    return text[entity.end : entity.end + 2] in ("'s", "’s")


def organisation_before(earlier: Sequence[Entity], text: str, at: int, noun: str = "") -> str | None:
    """The organisation 'the airline', 'the league' or 'the statement' stands for (of those whose name has the
    noun, if any: the Premier League; before the paragraph's sentence that opens with it, if one does): the
    last one named in the paragraph, else the one the story so far is
    most about (the most mentioned, the latest of equals); never a listed club or team for a noun that is not
    one ('the airline')."""
    para_start = paragraph_start(text, at)
    # 'The league said the deal would fund the Women's Premier League. "…," the league said': as the first
    told = compiled(rf"(?:^|[.!?]\s+)The {noun}\b").search(text[para_start:at]) if noun else None
    at = para_start + told.start() if told else at
    orgs = named_as(noun, [e for e in earlier if e.label == "ORG" and _fits(noun, e) and e.end <= at])
    if noun not in _PRESS_NOUNS:  # 'WASHINGTON (AP) —', 'reported by the Evening News': who files, not who speaks
        orgs = [e for e in orgs if not _press(e.canonical)]
    if noun in _SIDES:  # 'the club said': not the company it has a shirt deal with, named nearer
        others = {e.canonical for e in orgs if reads_as_company(text, e.start, e.end)}
        orgs = [e for e in orgs if e.canonical not in others] or orgs
    in_paragraph = [e for e in orgs if e.start >= para_start]
    if noun in _SIDES:  # "Udinese's main sponsor, the furniture maker Friulcasa, …, the club said": the club
        in_paragraph = [e for e in in_paragraph if _SPORTING.search(e.note)] or in_paragraph
    if in_paragraph:
        subjects = [e for e in in_paragraph if _opens_sentence(text, e, para_start)]
        return (subjects or in_paragraph)[-1].canonical
    counts: dict[str, tuple[int, int]] = {}
    for n, e in enumerate(orgs):
        counts[e.canonical] = (
            counts.get(e.canonical, (0, 0))[0] + 1,
            -n if e.canonical not in counts else counts[e.canonical][1],
        )
    return max(counts, key=counts.__getitem__) if counts else None


def paragraph_subject(noun: str, text: str, at: int, bodies: Sequence[Entity]) -> str | None:
    """The organisation a sentence of the paragraph before `at` opens with, as its subject, that 'the {noun}'
    may be: 'NRG, which has had its name on the stadium since 2002, said it would not match the offer.'"""
    para = paragraph_start(text, at)
    subjects = [e for e in bodies if e.start >= para and _fits(noun, e) and _opens_sentence(text, e, para)]
    subjects = [e for e in subjects if not _press(e.canonical) and not possessed(text, e)]
    subjects = [e for e in subjects if not _ITS_PEOPLE.match(text, e.end)]  # not 'Facebook users argued …'
    if subjects:
        return subjects[-1].canonical
    # 'The Crew, who won the MLS Cup in 2020, stayed out of it.': a short name spaCy did not tag, which is the
    # last word of one organisation of the story ('Columbus Crew')
    for short in reversed(_THE_NAME.findall(text, para, at)):
        named = {
            e.canonical for e in bodies if _fits(noun, e) and short in (e.text.split()[-1], e.canonical.split()[-1])
        }
        if len(named) == 1:
            return named.pop()
    return None


# a body's name before its people is not the sentence's subject: 'Facebook users', 'Nike executives said'
_ITS_PEOPLE = re.compile(
    r"\s+(?:users|fans|supporters|executives|officials|staff|employees|workers|players|customers|shareholders|"
    r"members|bosses|chiefs|sources|insiders|spokes(?:man|woman|person)|lawyers|owners|directors|managers)\b"
)
_THE_NAME = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))The\s+([A-Z][\w'’-]+)(?=[\s,])")  # 'The Crew, who …'


def _press(name: str) -> bool:
    """A newspaper's or a news service's name: 'Paisley Daily Express', 'Manchester Evening News'."""
    words = name.split()  # not 'Ministry of Sport'
    return bool(words) and words[-1] in _PRESS_WORDS and "of" not in words


def last_word_is(name: str, noun: str) -> bool:
    words = name.split()
    return bool(words) and words[-1].lower().rstrip("s") == noun.rstrip("s")


def _opens_sentence(text: str, entity: Entity, floor: int) -> bool:
    """'PlayLine said in a statement …': the entity is its sentence's subject (or starts it)."""
    return sentence_start(text, entity.start, floor) >= entity.start - len("The ")


def _fits(noun: str, org: Entity) -> bool:
    """Whether 'the {noun}' may be `org`: not a listed club for 'the airline', not a governing body, a league
    or a ministry for 'the club' ('The FA fined the club. … "…," the club said')."""
    sporting = _SPORTING.search(org.note)
    if noun in _SIDES:
        words = org.canonical.split()
        body = not sporting and _BODY_NOTE.search(org.note)
        return not (body or (not sporting and words[-1:] in _BODY_ENDS))
    return not (sporting and noun and noun not in SIDE_NOUNS)


_SPORTING = re.compile(
    r"^[^;,(]*\b(?:club|team)\b", re.I
)  # "Football club, London", not "Sportswear; club kit supplier"
_BODY_NOTE = re.compile(r"governing body|league|federation|confederation|division|association|competition", re.I)
_BODY_ENDS = [
    [w] for w in "Association Federation Committee Council Commission Board League Ministry Department".split()
]


# not 'director and Marco Sala'; a title before the name: "The team's physician, Dr. Ellen Sato"
_BEFORE_NAME = re.compile(
    rf"[\s,]*(?:(?!(?:and|or|but)\s)[a-z][\w-]*\s+){{0,2}}(?:(?i:{'|'.join(sorted(HONORIFICS))})\.?\s+)?"
)
_COMMAS = re.compile(r"[\s,]{0,4}")
# 'Sue Ackroyd, 64, has been the club secretary', 'Lena Brandt became the federation's president'
_HOLDS = re.compile(
    r"(?:,\s*\d{1,2},)?\s+(?:is|was|has\s+been|had\s+been|became|has\s+become|remains)\s+"
    r"(?:the|their|its|[\w'’-]+['’]s)\s(?:[\w'’-]+\s){0,3}"
)
# 'A spokesman for the Australian Wagering Council, Ben Corliss': the role's organisation, then the name
_FOR_BODY = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][^,.;:\"“]{0,60},\s+")


def named_with(
    noun: str, labels: tuple[str, ...], text: str, before: int, entities: Sequence[Entity], of: str = ""
) -> str | None:
    """The last entity the text gave `noun` to before `before`: 'coach Hansi Flick', 'Flick, the coach',
    'the Spanish airline Iberojet'; with `of`, only as that body's: 'Kinsale (head) coach Ronan Tierney'."""
    named = [e for e in entities if e.label in labels and e.end <= before]
    floor = max(0, before - 4 * LOOK_BACK)
    best: tuple[int, str] | None = None
    short = TITLE_OF_ROLE.get(noun.lower())
    said = rf"\b(?:{re.escape(noun)}\b|{short}\b\.?)" if short else rf"\b{re.escape(noun)}\b"  # 'Cllr', 'Gov.'
    if of:
        said = rf"\b{re.escape(of)}(?:['’]s)?\s+(?:[\w'’-]+\s+){{0,2}}?{said}"
    for m in compiled(said, re.I).finditer(text[floor:before]):
        at, said_end = m.start() + floor, m.end() + floor
        for e in named:
            # 'coach Hansi Flick'; a person also 'junior wideout DeShawn Ellery' (not 'league sponsor Betway')
            gap = _BEFORE_NAME if e.label == "PERSON" else _COMMAS
            right_after = 0 <= e.start - said_end <= 25 and gap.fullmatch(text[said_end : e.start])
            if e.label == "PERSON" and not right_after and 0 <= e.start - said_end <= 80:
                right_after = _FOR_BODY.fullmatch(text[said_end : e.start])
            apposition = 0 <= at - e.end <= 40 and re.fullmatch(
                r",\s+(?:the|their|its|an?|[\w'’-]+'s)\s[^,.;]*", text[e.end : at]
            )
            apposition = apposition or (0 <= at - e.end <= 60 and _HOLDS.fullmatch(text, e.end, at))
            if (right_after or apposition) and (best is None or at >= best[0]):  # the nearer of two
                best = (at, e.canonical)
    return best[1] if best else _does_the_role(noun, text, floor, before, named)


# a role the story gives by its verb: 'Michael Ackroyd coaches the under-12s', 'Lena Brandt, who captains the side'
_ROLE_VERBS = {
    "coach": "coaches|coached",
    "manager": "manages|managed",
    "captain": "captains|captained|skippers|skippered",
    "skipper": "captains|captained|skippers|skippered",
    "owner": "owns|owned",
    "chairman": "chairs|chaired",
    "chair": "chairs|chaired",
    "trainer": "trains|trained",
}


def _does_the_role(noun: str, text: str, floor: int, before: int, named: Sequence[Entity]) -> str | None:
    """The last person before `before` the text says does what the role does ('X coaches', 'X, who captains')."""
    verbs = _ROLE_VERBS.get(noun.lower())
    if verbs is None:
        return None
    does = re.compile(rf",?\s+(?:who\s+)?(?:now\s+|also\s+)?(?:{verbs})\s+(?:the|a|an|his|her|their)\b")
    found = [e for e in named if e.label == "PERSON" and e.start >= floor and does.match(text, e.end, before)]
    return found[-1].canonical if found else None


# a body's name as the text writes it before its description: 'Show Racism the Red Card, a charity advocating …'
_NAME_RUN = r"[A-Z](?:[\w'’&-]|\.(?!\s))*(?:\s+(?:(?:the|of|and|for|in|on|&)\s+)*[A-Z](?:[\w'’&-]|\.(?!\s))*){0,6}"


def written_with(noun: str, text: str, before: int, entities: Sequence[Entity]) -> str | None:
    """The last name written before `before` with 'a {noun}' or 'the {noun}' in apposition after it, where
    spaCy did not tag it as one organisation ('Show Racism the Red Card, a charity', where it saw a person in
    'Red Card'); never a person's name."""
    floor = max(0, before - 4 * LOOK_BACK)
    said = rf"(?<![\w'’-])({_NAME_RUN}),\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(noun)}\b"
    for m in reversed(list(compiled(said).finditer(text[floor:before]))):
        words = m.group(1).split()
        while words and words[0] in SENTENCE_OPENERS:
            words.pop(0)
        name = " ".join(words)
        if len(words) > 1 and not any(e.label == "PERSON" and e.text == name for e in entities):
            return name
    return None


def role_of(phrase: str, role: str) -> str:
    """'the Harlow captain' → 'Harlow': the team or body written before the role, if any."""
    found = compiled(rf"\b((?:[A-Z][\w'’.-]*\s+){{1,3}})(?i:{re.escape(role)})\b").search(phrase)
    if not found or found.group(1).split()[0] in ("The", "A", "An"):
        return ""
    return found.group(1).strip()


_DOCUMENTS = r"(?:report|study|survey|review|analysis|audit|findings|figures|accounts|submission|filing)"
# "the unit's annual report": a body's document, named by what the story called the body
_OWNED_DOCUMENT = re.compile(rf"(?:the|its|their)\s+([a-z][\w-]*)['’]s?\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENTS}", re.I)
_THEIR_DOCUMENT = re.compile(rf"[Tt]heir\s+(?:[\w-]+\s+)?(?:{_DOCUMENTS}|decision|ruling|verdict|statement)")
_GROUP_OPENS = re.compile(r"(The\s+[a-z]+s)\s+[a-z]")  # 'The stewards gave …', 'The judges ruled …'
# 'a report in the Valdane Herald', 'a study by the Kell Institute': the body written after the document
_PUBLISHED_IN = re.compile(r"\s+(?:in|by|from|published\s+by|for)\s+(?:[Tt]he\s+)?")


def document_owner(phrase: str, start: int, end: int, text: str, entities: Sequence[Entity]) -> str | None:
    """Whose report a source like 'the unit's annual report' or 'a report in the Valdane Herald' (of the quote
    at text[start:end]) is: the body the possessor stands for, or the one named right after; None for any
    other phrase."""
    owned = _OWNED_DOCUMENT.fullmatch(phrase)
    if owned:
        noun = owned.group(1).lower()
        bodies = [e for e in entities if e.label == "ORG" and e.end <= start and last_word_is(e.canonical, noun)]
        return organisation_before(bodies, text, start, noun) if bodies else None
    at = text.find(phrase, end, end + LOOK_BACK // 4)  # the attribution after the quote, else before it
    at = at if at >= 0 else text.rfind(phrase, max(0, start - LOOK_BACK // 4), start)
    if at >= 0 and _THEIR_DOCUMENT.fullmatch(phrase):  # 'The stewards gave … . Their decision said …'
        para = paragraph_start(text, at)
        begin = sentence_start(text, at, para)
        group = _GROUP_OPENS.match(text, sentence_start(text, max(para, len(text[:begin].rstrip()) - 1), para))
        return group.group(1)[0].lower() + group.group(1)[1:] if group and begin > para else None
    if not re.fullmatch(rf"(?:an?|the)\s+(?:[\w-]+\s+)?{_DOCUMENTS}", phrase, re.I):
        return None
    after = _PUBLISHED_IN.match(text, at + len(phrase)) if at >= 0 else None
    named = after and next((e for e in entities if e.label == "ORG" and after.start() < e.start <= after.end()), None)
    return named.canonical if named else None
