"""What the story around a quote says about who speaks: whom a sentence is about (its subject, the subject
'he said' continues, the person a question or a short introduction is about), and what a description in an
attribution stands for: 'the governor' (the Gov. Alan Pierce of the story), 'the club' and 'the trust' (the
organisation named before), 'the statement' (whoever issued it), 'the 28-year-old' (the person the story is
about); else the words as written ('a club spokesman')."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import PARAGRAPH_BREAK, paragraph_start
from .ages import of_age
from .attribution import LEAD_IN, QUOTE_MARK, STATEMENT_NOUNS, sentence_around, sentence_start
from .groups import one_of  # noqa: F401 - quotes.py reads it as story's
from .names import DEMONYMS, ROLE_WORDS
from .offices import athlete, office_holders
from .origins import of_origin
from .per_document import PerDocument
from .referents import (  # LOOK_BACK and possessed also for quotes.py
    LOOK_BACK,
    document_owner,
    last_word_is,
    named_with,
    organisation_before,
    paragraph_subject,
    possessed,
    role_of,
    written_with,
)
from .spelling import misspelt_person, same_word, spelled_out  # noqa: F401 - quotes.py reads them as story's
from .values import Entity

_TITLE_WORDS = 6  # at most this many words of a title before a sentence's subject
INTRODUCTION_WORDS = 8  # 'Finch is unbothered.': a short sentence about the person, then the quote
TOPIC_SENTENCES = 4  # sentences read back for the subject 'he said' continues
TOPIC_LOOK_BACK = 1200  # characters, likewise
# before a sentence's subject: 'Later Conte spoke', 'On Sunday, Conte spoke'
OPENING_ADVERB = re.compile(
    r"^(?:(?:Later|Earlier|Afterwards|Then|Meanwhile|Now|Today|Yesterday|Tonight|But|And|So|Yet|Still)\s+|"
    r"(?:On|In|At|After|Before|During)\s+[^,]{1,30},\s+|(?:Asked|Pressed|Questioned|Speaking|Writing)\s+[^,]{1,40},\s+)+"
)
# a role in apposition before the name: "Lund's successor, Ingrid Dahl", 'The Speaker of the House, Republican
# Paul Ryan', "The club's new owner, American investor Dale Whitford"
_APPOSED_ROLE = re.compile(
    r"(?:The|His|Her|Their|Its|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+,\s*"
    r"(?!(?:and|but|or|as|while|when|who|which|that)\s)(?:[A-Z][a-z-]+\s+)?(?:[a-z-]+\s+)?"
)
_ROLE_OF_BODY_APPOSED = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][^,.;]{0,60},\s*"
)

# "…," the airline said: a description that stands for the organisation named before it
ORG_NOUNS = frozenset(
    """
airline club league federation company firm group sponsor brand team body association union organisers
organizers committee board bank broadcaster network channel council ministry government agency side
franchise outfit carrier maker manufacturer retailer operator partner owners organisation organization department
regulator authority commission watchdog bookmaker bookie charity insurer lender brewer carmaker automaker
conglomerate giant startup start-up chain supermarket supplier platform publisher
""".split()
)


# what an issuer does with a statement: 'issued a statement', 'said in a statement', 'passed a resolution'
_ISSUED = re.compile(
    r"\b(?:(?:issued|released|published|passed|posted|sent|adopted|put\s+out|handed\s+down|delivered)\s+"
    r"(?:a|an|its|their|his|her|the)|said\s+in\s+(?:a|an|its|their|his|her))\s+"
)
# "…," the coach said: a description that names a person's role, resolved when the article gave the role
# beside a name ("Barcelona coach Hansi Flick"); else kept as written
PERSON_ROLES = frozenset(
    """
coach manager captain president chairman chairwoman chair chief executive director secretary minister
commissioner boss owner founder spokesman spokeswoman spokesperson principal skipper head referee umpire
""".split()
)
# "…," the 28-year-old said: a description of the person the story is about
PERSON_NOUNS = re.compile(
    r"\b(?:\d+-year-old|(?:[a-z]+-)?year-old|" + "|".join(sorted(DEMONYMS)) + "|"
    r"world\s+number\s+\w+|champion|midfielder|striker|forward|defender|goalkeeper|keeper|winger|batsman|"
    r"bowler|all-rounder|fly-half|scrum-half|prop|lock|flanker|rider|driver|sprinter|veteran|youngster|"
    r"teenager|player|star|ace|skipper|olympian|paralympian|debutant|rookie|quarterback|freshman|sophomore|junior|"
    r"senior|wideout|receiver|linebacker|guard|pitcher|goaltender|netminder|native|runner|jockey|cyclist|swimmer|"
    r"golfer|boxer|fighter|athlete|racer|skater|skier|climber|marathoner|hurdler|batter|hitter|shortstop|catcher|"
    r"playmaker|finisher|hooker|left-hander|right-hander|seed|qualifier|wildcard|favourite|favorite|underdog|"
    r"newcomer|runner-up|winner|title-holder|welshman|frenchman|englishman|irishman|scotsman|dutchman|spaniard|"
    r"briton|scot|swede|dane|kiwi|aussie)\b",
    re.I,
)
_PERSON_HEAD = re.compile(rf"(?:{PERSON_NOUNS.pattern})\W*$", re.I)  # 'the Italian', not 'the Chinese court'
DESCRIPTION_WORDS = 7


_STATEMENT_FROM = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?statement\s+(?:from|by|issued\s+by)\s+(the\s+[a-z][\w\s'’-]*)$"
)

# 'a statement on the club's website', "a post on Kestrel Energy's official account": the owner of the site
_POSTED_ON = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:statement|post|message|notice|letter|tweet)\s+(?:posted\s+|published\s+)?"
    r"on\s+(.+?)['’]s?\s+(?:official\s+|own\s+)?(?:website|web\s+site|site|account|page|feed|channels?|social\s+media)$"
)

# a body's people, named by the body: 'Pride in London organisers', 'Real Oviedo officials'
_BODY_PEOPLE = re.compile(
    r"(?!(?:The|A|An|Its|Their|His|Her|Our|Some|Many|Other|Local|Club|Team)\s)"  # not 'The organisers'
    r"([A-Z][\w'’&.-]*(?:\s+(?:(?:of|in|and|for|the|&)\s+)*[A-Z][\w'’&.-]*)*)\s+"
    r"(?:organisers|organizers|officials|executives|bosses|chiefs|directors)"
)
# a role of a body the phrase names: 'the chief technology officer for Renesys', 'the head of Visit Wales'
_ROLE_OF_BODY = re.compile(
    rf"((?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{'|'.join(sorted(PERSON_ROLES))}|officer|official))\s+"
    r"(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|and|&|[A-Z][\w'’&.-]*))*$"
)


def is_description(phrase: str) -> bool:
    """'the coach', 'a club spokesman', 'the Barcelona coach', 'the Belgian'; not 'the IOC', not 'club
    president X'."""
    words = phrase.split()
    if len(words) < 2:
        return False
    if _ROLE_OF_BODY.match(phrase) or _BODY_PEOPLE.fullmatch(phrase):
        return True  # 'the chief technology officer for Renesys': a person, not Renesys; 'Pride in London organisers'
    if (PERSON_NOUNS.fullmatch(words[-1]) or words[-1].lower() in ROLE_WORDS) and words[0].lower() == "the":
        return True  # 'the striker'; 'the Prime Minister', 'the Chief Executive' as some copy capitalises them
    if re.search(r"['’]s$", words[0]) and words[-1][:1].islower():
        return True  # "Wolf's husband and coach"
    return words[-1][:1].islower() and (
        phrase[:1].islower() or bool(re.match(r"(?:the|a|an|his|her|their|its|one|two|both|our)$", words[0], re.I))
    )


def description(phrase: str, start: int, end: int, text: str, entities: Sequence[Entity]) -> str | None:
    """'the airline' → the organisation named just before; 'the coach' → the person given that role;
    'the 28-year-old' → the person named just before; else the phrase as written (if short)."""
    by_form = _by_its_form(phrase, start, end, text, entities) or document_owner(phrase, start, end, text, entities)
    if by_form:
        return by_form
    issued = _STATEMENT_FROM.match(phrase)
    if issued:  # 'a statement from the company': the company
        phrase = issued.group(1)
    words = re.findall(r"[\w'’-]+", phrase.lower())
    bodies_before = [e for e in entities if e.label == "ORG" and e.end <= start]  # the whole story's
    definite = words[:1] in (["the"], ["his"], ["her"], ["their"], ["its"])
    head = words[-1] if words else ""
    if head in STATEMENT_NOUNS:  # 'said a statement on Amaury's website', 'the statement said'
        owner = _statement_owner(phrase, head, start, end, text, entities)
        if owner:
            return owner
    # the body the quote's own paragraph is about ('Puma said it would raise its dividend.'), else whom an
    # earlier '…, the company said' meant ('Lumberline Tools will not return …, the company said.')
    told = paragraph_subject(head, text, start, bodies_before) if definite and head in ORG_NOUNS else None
    told = told or (said_before(head, text, start, entities) if definite and head else None)
    if told:
        return told
    if definite and head in ORG_NOUNS:
        org = (
            named_with(head, ("ORG",), text, start, entities)
            or written_with(head, text, start, entities)
            or organisation_before(bodies_before, text, start, head)
        )
        if org:
            return org
    elif definite and head:  # 'the trust', 'the court': an organisation whose name ends with the noun
        bodies = [e for e in bodies_before if last_word_is(e.canonical, head)]
        org = organisation_before(bodies, text, start, head) if bodies else written_with(head, text, start, entities)
        if org:
            return org
    person = _person_of(phrase, words, start, text, entities) if definite else None
    if person:
        return person
    if definite and head:
        earlier_form = re.findall(
            rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(head)}\b"
            r"(?:\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)\s+[^,.;:]+)?",
            text[max(0, start - 4 * LOOK_BACK) : start],
        )
        if earlier_form and len(earlier_form[-1].split()) > 2:  # 'a panel' says no more than 'the panel'
            return earlier_form[-1][0].lower() + earlier_form[-1][1:]  # 'the spokesman': 'a club spokesman'
    if len(words) > DESCRIPTION_WORDS:
        return None
    return phrase[0].lower() + phrase[1:] if phrase.split()[0] in ("The", "A", "An") else phrase


def _by_its_form(phrase: str, start: int, end: int, text: str, entities: Sequence[Entity]) -> str | None:
    """What a description stands for by its form alone: a body's people ('Pride in London organisers'), a
    role of a body ('the chief technology officer for Renesys'), a statement on a body's site ('a statement
    on the club's website'); None for any other description."""
    people_of = _BODY_PEOPLE.fullmatch(phrase)
    if people_of:  # 'Pride in London organisers': the body, as the story tags it or as written
        name = people_of.group(1)
        return next((e.canonical for e in entities if e.label == "ORG" and e.text == name), name)
    role = _ROLE_OF_BODY.match(phrase)
    if role:  # the person the story gave that role, else as written: 'the chief technology officer for Renesys'
        words = role.group(1).lower().split()
        person = _person_of(role.group(1), words, start, text, entities)
        people = {e.canonical for e in entities if e.label == "PERSON"}
        return person if person in people else phrase[0].lower() + phrase[1:]
    posted = _POSTED_ON.match(phrase)
    if posted:  # 'a statement on the club's website': whom 'the club' stands for, else as written
        owner = posted.group(1)
        if not re.match(r"(?:the|his|her|its|their)\s", owner, re.I):  # "a post on Kestrel Energy's account"
            return next((e.canonical for e in entities if e.text == owner and e.label in ("ORG", "PERSON")), owner)
        found = description(owner, start, end, text, entities)
        unresolved = not found or found.lower() == owner.lower() or found.lower() in phrase.lower()  # its own words
        return phrase[0].lower() + phrase[1:] if unresolved else found
    return None


def _person_of(phrase: str, words: list[str], start: int, text: str, entities: Sequence[Entity]) -> str | None:
    """The person a definite description before `start` stands for: 'the coach', 'the club's chief
    executive'; else any role the article put before or beside a name: 'the governor' (Gov. Alan Pierce),
    'the goaltender', 'the mayor' (Lord Mayor Anne Whitby); else whom 'the Italian' or 'the teenager' is."""
    head = words[-1] if words else ""
    earlier = [e for e in entities if start - LOOK_BACK < e.end <= start]
    role = next((w for w in reversed(words) if w in PERSON_ROLES), head if head.isalpha() else None)
    of = role_of(phrase, role) if role else ""  # 'the Harlow captain': Harlow's, not "Tenby's captain, Dai Pritchard"
    person = named_with(role, ("PERSON",), text, start, entities, of=of) if role and of else None
    if person is None and role and of and role in PERSON_ROLES:  # as written later: 'Harlow captain Jack Ormond'
        person = named_with(role, ("PERSON",), text, len(text), entities, of=of)
    person = person or (named_with(role, ("PERSON",), text, start, entities) if role else None)
    if person is None and role and not of and (role in PERSON_ROLES or role in ROLE_WORDS):
        # 'what his agent called "…"' before 'The agent, Federico Bellandi-Rosa, said …'
        person = named_with(role, ("PERSON",), text, len(text), entities)
    if person:
        return person
    if role in PERSON_ROLES:  # 'Coach Gareth Southgate praised his side. "…," the England manager said.'
        people = [e for e in earlier if e.label == "PERSON" and " " in e.canonical]
        subject = subject_before(text, start, paragraph_start(text, start), people)
        if subject:
            return subject.canonical
        if of:  # 'Jack Ormond did not pretend …  "…," the Harlow captain said.'
            return _person_described(text, start, earlier, entities)
    if not _PERSON_HEAD.search(phrase):
        return None
    # 'Emma Raducanu-Lowe, 17, won … "…," the teenager said'; else whom the paragraph is about
    if athlete(phrase):  # 'the runner' is not the federation's secretary quoted since
        officials = office_holders(text, entities)
        earlier = [e for e in earlier if e.canonical not in officials]
    return (
        of_age(phrase, text, entities)
        or of_origin(phrase, text, entities)
        or _person_described(text, start, earlier, entities)
    )


def _person_described(text: str, start: int, earlier: Sequence[Entity], entities: Sequence[Entity]) -> str | None:
    """Whom 'the Italian' before `start` stands for: the subject just before, whom the paragraph is about…"""
    para_start = paragraph_start(text, start)
    people = [e for e in earlier if e.label == "PERSON"]  # people named in full first: not a lone 'Williams'
    people = [e for e in people if " " in e.canonical] or people
    subject = subject_before(text, start, para_start, people)
    if subject:  # 'Team boss Toto Wolff was less guarded. "…," the Austrian said.'
        return subject.canonical
    described = described_subject(text, para_start, start, entities)
    if described:  # 'The coach was asked again. "…," the Portuguese said.'
        return described
    if people:  # the first person of the paragraph, else of the last paragraph that names one
        last_para = paragraph_start(text, people[-1].start)
        start = para_start if people[-1].start >= para_start else last_para
        return next(e for e in people if e.start >= start).canonical
    return None


# '…, the company said on Tuesday': a description that stands for the subject of its sentence
_SAID_BY = re.compile(
    r",\s+the\s+(?:[\w'’-]+\s+){0,3}?([a-z][\w-]*)\s+(?:said|says|announced|confirmed|added|told|reported)\b"
)
_DATELINE = re.compile(r"[A-Z][A-Z .,'’()-]{1,40}[A-Za-z.)]\s+[—–-]\s+|[A-Z][\w .,'’-]{1,40}\([A-Z]{2,8}\)\s+[—–-]\s+")


def said_before(noun: str, text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """Whom 'the {noun}' stands for where a sentence before `at` said '…, the {noun} said' after naming them
    as its subject: 'Marlow Bet has ended its sponsorship …, the bookmaker said yesterday'."""
    found = [who for where, said, who in _said_by(text, entities) if said == noun and where < at]
    return found[-1] if found else None


def _sentences_said_by(text: str, entities: Sequence[Entity]) -> list[tuple[int, str, str]]:
    out = []
    for m in _SAID_BY.finditer(text):
        begin = sentence_start(text, m.start(), paragraph_start(text, m.start()))
        dateline = _DATELINE.match(text, begin, m.start())
        begin = dateline.end() if dateline else begin  # 'CONCORD, N.C. — Lumberline Tools will not …'
        opener = next(
            (e for e in entities if begin <= e.start < m.start() and e.label in ("ORG", "PERSON")),
            None,
        )
        if (
            opener is not None
            and opens_with(text, begin, opener.start)
            and not QUOTE_MARK.search(text, begin, m.start())
        ):
            out.append((m.start(), m.group(1).lower(), opener.canonical))
    return out


_said_by = PerDocument(_sentences_said_by)  # worked out once per document


# someone unnamed who speaks for a body the phrase names: 'a Lumberline spokesman', 'an Ironbridge Bank official'
UNNAMED_SOURCE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w-]*\s+)?(?:[A-Z][\w'’&.-]*\s+){1,4}(?:[a-z][\w-]*\s+)?"
    r"(?:spokes(?:man|woman|person)|official|representative|source|insider|executive|employee|staffer|aide)"
)
# an unnamed source of an organisation: 'a spokesperson for the FA', 'an official at the club'
_UNNAMED_FOR = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|representative|official|source|insider)"
    r"\s+(?:for|at|of|from|with|close\s+to)\s"
)
LEADING_THE = re.compile(r"^[Tt]he\s+")  # also quotes.py's
_UNNAMED_SUBJECT = re.compile(rf"(?:(?<=\n)|(?<=[.!?] )|^)({UNNAMED_SOURCE.pattern})\s+(?=[a-z])")
_DEFINITE_SUBJECT = re.compile(r"(?:(?<=\n)|(?<=[.!?] ))(The\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?=[a-z])")


def described_subject(text: str, start: int, end: int, entities: Sequence[Entity]) -> str | None:
    """'The manager agreed. "…," he said.': the person the last sentence subject in text[start:end] that is a
    description ('The manager', 'The 24-year-old', 'The Brazilian') stands for, where the article named them."""
    people = {e.canonical for e in entities if e.label == "PERSON"}
    found, at = None, -1
    for m in _DEFINITE_SUBJECT.finditer(text, start, end):
        if is_description(m.group(1)):
            who = description(m.group(1), m.start(1), m.end(1), text, entities)
            found, at = (who, m.start()) if who in people else (found, at)
    unnamed = list(_UNNAMED_SUBJECT.finditer(text, start, end))
    if unnamed and unnamed[-1].start() > at:  # 'A Harcourt Mutual spokeswoman declined to say. "…," she said.'
        return unnamed[-1].group(1)[0].lower() + unnamed[-1].group(1)[1:]
    return found


def unnamed_source(phrase: str, entities: Sequence[Entity]) -> bool:
    """'a Lumberline spokesman', 'an Ironbridge Bank official': someone unnamed who speaks for a body; 'One
    resident of Dunriding Lane': someone unnamed, not the place named after them; 'a spokesperson for the
    Northfield and District Amateur Football Association': one for a body named after them, however long."""
    unnamed = _UNNAMED_FOR.match(phrase)
    short = len(phrase.split()) <= DESCRIPTION_WORDS
    if unnamed and (short or _names_a_body(phrase[unnamed.end() :], entities)):
        return True
    return short and bool(UNNAMED_SOURCE.fullmatch(phrase) or _UNNAMED_PERSON.fullmatch(phrase))


def _names_a_body(rest: str, entities: Sequence[Entity]) -> bool:
    """'the Northfield and District Amateur Football Association': an organisation's name, as the article tags it
    or in title case."""
    name = LEADING_THE.sub("", rest.strip())
    words = name.split()
    titled = bool(words) and all(w[:1].isupper() or w in ("and", "of", "for", "the", "&") for w in words)
    return titled or any(e.label == "ORG" and LEADING_THE.sub("", e.text) == name for e in entities)


def _statement_owner(phrase: str, noun: str, start: int, end: int, text: str, entities: Sequence[Entity]) -> str | None:
    """Whose statement 'the statement' (at text[start:end]) is: the possessor ("Cornyn's statement"), whoever
    the story said issued it, the organisation named after it in its sentence, else the one before."""
    together = joint_subject(text, start, entities) if phrase.lower().startswith("their ") else None
    if together:  # 'In a joint statement, X and Y said … "…," their statement said.'
        return together
    owner = re.match(r"(.+?)['’]s?\s", phrase)
    if owner and not re.match(r"(?:the|his|her|their|its)\s", phrase, re.I):  # "Cornyn's statement added"
        earlier = [e for e in entities if start - LOOK_BACK < e.end <= start and e.label in ("PERSON", "ORG")]
        named = [e for e in earlier if e.text.startswith(owner.group(1))]
        return named[-1].canonical if named else owner.group(1)
    issuer = _issuer(noun, text, start, entities) if re.match(r"(?:the|his|her|their|its)\s", phrase, re.I) else None
    if issuer:
        return issuer
    sentence_end = sentence_around(text, start, end)[1]
    after = [e for e in entities if e.label == "ORG" and e.start >= end and e.end <= sentence_end]
    if after:
        return after[0].canonical
    return organisation_before([e for e in entities if e.label == "ORG" and e.end <= start], text, start)


_TOLD_AFTER = re.compile(r",\s+(the\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*)\s+$")


def _issuer(noun: str, text: str, before: int, entities: Sequence[Entity]) -> str | None:
    """Who issued the statement 'the statement read' quotes, as the text said before: 'The team said in a
    statement …', 'the council passed a resolution …', 'Senator X issued a statement …' (in the paragraph or
    the one before)."""
    floor = paragraph_start(text, max(0, paragraph_start(text, before) - len(PARAGRAPH_BREAK)))
    issued = list(re.finditer(_ISSUED.pattern + rf"(?:[\w'’-]+\s+){{0,3}}{noun}s?\b", text[floor:before], re.I))
    if not issued:
        return None
    verb = floor + issued[-1].start()
    begin = sentence_start(text, verb, floor)
    subject = LEAD_IN.sub("", text[begin:verb].strip())
    start = text.index(subject, begin) if subject else verb
    told = _TOLD_AFTER.search(text, start, verb)  # '…, the club said in a statement': the club
    if told and is_description(told.group(1)):
        subject, start = told.group(1), told.start(1)
    named = [e for e in entities if e.label in ("ORG", "PERSON") and start <= e.start and e.end <= verb]
    if named:
        return named[-1].canonical
    words = subject.split()
    if 1 < len(words) <= DESCRIPTION_WORDS and any(w[:1].isupper() for w in words[1:]):
        return re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", subject)  # 'the Dublin city council', a name spaCy missed
    if is_description(subject) and len(words) <= DESCRIPTION_WORDS:
        return description(subject, start, start, text, entities)
    return None


# ------------------------------------------------------------------ whom a sentence is about

# an unnamed person opening a sentence: 'One supporter from Swansea', 'A club steward'
_UNNAMED_PERSON = re.compile(
    r"(?:One|A|An|Another)\s+(?:[a-z][\w'’-]*\s+){0,2}(?:supporter|fan|spectator|resident|official|source|witness|"
    r"visitor|member|executive|insider|observer|analyst|agent|parent|voter|onlooker|steward|volunteer|worker|"
    r"employee|mechanic|engineer|journalist|reporter|critic|expert|economist|lawyer|officer|student|teacher|"
    r"player|driver|rider|coach|holder|shareholder|owner|neighbour|bystander|passenger|customer|commuter|"
    r"spokes(?:man|woman|person))s?"
    r"(?:\s+(?:from|at|of|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?(?=[\s,]|$)"
)
_APPOSITION = re.compile(r",[^,]*,")  # 'One supporter, queuing for the train, was less moved.'


def opens_with(text: str, sentence: int, name: int) -> bool:
    """Whether the name at `name` opens the sentence starting at `sentence`, as its subject: at most 'The'
    or a time word before it ('Later Conte spoke'), a title ending in a role ('Toyota team principal
    Jari-Matti Latvala', 'Full-back Tomasz Nowak'), or a possessor's role in apposition ('Lund's
    successor, Ingrid Dahl,')."""
    if name < sentence or name - sentence <= len("The "):
        return sentence <= name
    head = OPENING_ADVERB.sub("", text[sentence:name])
    words = head.split()
    if not words:
        return True
    role_of = _ROLE_OF_BODY_APPOSED.fullmatch(head)  # 'Vice President of Taxpayers for Common Sense, Steve Ellis'
    return (
        bool(_APPOSED_ROLE.fullmatch(head))
        or bool(role_of and _role(role_of.group(1).split()[-1]))
        or (
            len(words) <= _TITLE_WORDS
            and _role(words[-1])  # 'Toyota team principal', and a sportsman's: 'Race winner', 'Defending champion'
            and all(_role(w) or (w[:1].isupper() and w not in ("He", "She", "They", "It")) for w in words)
        )
    )


def _role(word: str) -> bool:
    return word.lower() in ROLE_WORDS or bool(PERSON_NOUNS.fullmatch(word))


def subject_before(text: str, at: int, floor: int, candidates: Sequence[Entity]) -> Entity | None:
    """Of `candidates`, the subject of the sentence a quote at `at` stands in, else of the sentence before
    ('Federer, who…, snapped … "…," he said'), not before `floor`."""
    last_sentence = sentence_start(text, at, floor)
    previous = sentence_start(text, max(floor, len(text[:last_sentence].rstrip()) - 1), floor)
    for start in (last_sentence, previous):
        subject = next((e for e in candidates if opens_with(text, start, e.start) and not possessed(text, e)), None)
        if subject:
            return subject
    return None


# a sentence about the subject before it: 'It was his first win.', 'His contract runs until 2027.'
_POSSESSIVE_OPENING = r"(?:It\s+(?:was|is|had\s+been|has\s+been)\s+(?:his|her|their)|His|Her|Their)"


def topic(text: str, at: int, entities: Sequence[Entity], labels: tuple[str, ...], pronoun: str) -> Entity | None:
    """Whom 'he said' opening a paragraph means: the subject of the sentences before it, read back over a
    few sentences, past those whose subject is `pronoun` again or a description ('He replaces Tom Reilly.'
    after 'Rossi, 48, left Parma.'; 'The German company said …' after 'Adidas reported …'); None where a
    sentence's subject is anyone else."""
    end, floor = at, max(0, at - TOPIC_LOOK_BACK)
    for _ in range(TOPIC_SENTENCES):
        end = len(text[:end].rstrip()) - 1  # within the sentence before, not after its full stop
        start = sentence_start(text, end, max(floor, paragraph_start(text, end)))  # a heading has no full stop
        if start >= end:
            return None
        subject = next((e for e in entities if start <= e.start < end and opens_with(text, start, e.start)), None)
        if subject is not None:
            return subject if subject.label in labels else None
        if not re.match(rf"(?:{pronoun}|The (?:[\w'’-]+ ){{0,2}}[a-z][\w-]*|{_POSSESSIVE_OPENING})\s", text[start:end]):
            return None
        end = start
    return None


_ASKED = re.compile(r"Q(?:uestion)?\s*[.:]\s")
# a transcript's turn: 'LINDQVIST: "…"', 'Petra Lindqvist, Sweden: "…"'
_TURN = re.compile(r"(?:^|\n)([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,[^:\n]{1,60})?:\s")
TURN_LOOK_BACK = 3000  # characters read back for the last turn before a transcript's question


def _last_turn(text: str, before: int, entities: Sequence[Entity]) -> str | None:
    """Who spoke the last turn of a transcript before `before` (not the questioner 'Q')."""
    turns = [m for m in _TURN.finditer(text, max(0, before - TURN_LOOK_BACK), before) if m.group(1) != "Q"]
    if not turns:
        return None
    at = turns[-1].start(1)
    person = next((e for e in entities if e.label == "PERSON" and e.start == at), None)
    name = person.canonical if person else turns[-1].group(1)
    return name.title() if name.isupper() else name


def answerer(text: str, start: int, entities: Sequence[Entity]) -> str | None:
    """'Why did Lena Hoffmann turn down England?' then '"Because Wolfsburg believed in me."': a quote that
    opens its sentence right after a question (in its paragraph, or ending the paragraph before) answers
    it. The one person the question names; for 'Why did she …?', the subject of the sentences before it,
    else the person the story has named most."""
    para = paragraph_start(text, start)
    floor = para if start > para else paragraph_start(text, max(0, para - len(PARAGRAPH_BREAK)))
    stop = len(text[:start].rstrip())
    if start < len(PARAGRAPH_BREAK) or text[stop - 1 : stop] != "?" or sentence_start(text, start, para) != start:
        return None
    begin = sentence_start(text, stop - 1, floor)
    if QUOTE_MARK.search(text, begin, stop):
        return None  # a question someone asked in quotes is no question of the story's
    asked = paragraph_start(text, begin)
    if _ASKED.match(text, asked):  # a transcript's 'Q. Does that take pressure off?': whoever answers there
        return _last_turn(text, asked, entities)
    named = {e.canonical for e in entities if e.label == "PERSON" and begin <= e.start < stop}
    if len(named) == 1:
        return named.pop()
    if named or not re.search(r"\b(?:he|she|him|her)\b", text[begin:stop], re.I):
        return None
    subject = topic(text, begin, entities, ("PERSON",), "He|She")  # whom the story was about
    if subject:
        return subject.canonical
    # else the person the story has named most so far, the latest of equals ('Did the sprinter ever doubt …?')
    told = [e.canonical for e in entities if e.label == "PERSON" and e.end <= begin]
    return max(reversed(told), key=told.count) if told else None


def introducer(text: str, start: int, entities: Sequence[Entity]) -> str | None:
    """'Finch is unbothered. "Let them say that."': a quote that follows, in its paragraph, a short sentence
    whose subject is a person is that person's."""
    para = paragraph_start(text, start)
    stop = len(text[:start].rstrip())
    if stop <= para or text[stop - 1 : stop] not in (".", "!") or sentence_start(text, start, para) != start:
        return None
    begin = sentence_start(text, stop - 1, para)
    if QUOTE_MARK.search(text, begin, stop):
        return None
    # the person of a title that opens the sentence: 'Deputy White House Press Secretary Sarah Sanders'
    openers = [e for e in entities if begin <= e.start < stop and opens_with(text, begin, e.start)]
    subject = next((e for e in reversed(openers) if e.label == "PERSON"), openers[0] if openers else None)
    unnamed = _UNNAMED_PERSON.match(text, begin, stop) if subject is None else None
    if unnamed and len(_APPOSITION.sub("", text[begin:stop]).split()) <= INTRODUCTION_WORDS:
        return unnamed.group()[0].lower() + unnamed.group()[1:]  # 'One supporter from Swansea, …, was less moved.'
    if subject is None or subject.label != "PERSON" or " " not in subject.canonical:
        return None  # only a person the article names in full: not spaCy's 'Supporters'
    if len(text[subject.start : stop].split()) > INTRODUCTION_WORDS:
        return None  # the words about the person, not their title, make the sentence short
    return subject.canonical


# ------------------------------------------------------------------ several people in one attribution

# between two people named together: ' and ', ', the deputy principal, and student union president '
_JOINED = re.compile(r"(?:,[^,.;:\"“”]{1,60},)?\s+and\s+(?:[\w'’.-]+,?\s+){0,4}?")  # "and the club's chairman, '


def joint(text: str, start: int, end: int, entities: Sequence[Entity]) -> str | None:
    """'co-owners Daniel Hargreaves and Priya Lal': 'A and B', where text[start:end] names two people
    together and nobody else."""
    people = [e for e in entities if e.label == "PERSON" and start <= e.start and e.end <= end]
    if len(people) != 2 or people[0].canonical == people[1].canonical:
        return None
    first, second = people
    return f"{first.canonical} and {second.canonical}" if _JOINED.fullmatch(text, first.end, second.start) else None


def joint_subject(text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """'A and B' where the sentence before the one at `at` opens with two people named together: 'Club
    chairman Rhys Talbot and chief executive Nadia Ferreira wrote to supporters. "…," they wrote.'"""
    para = paragraph_start(text, at)
    begin = sentence_start(text, at, para)
    if begin <= para:
        return None
    previous = sentence_start(text, max(para, len(text[:begin].rstrip()) - 1), para)
    people = [e for e in entities if e.label == "PERSON" and previous <= e.start and e.end <= begin][:2]
    if len(people) < 2:
        return None
    head = OPENING_ADVERB.sub("", text[previous : people[0].start]).split()  # 'In a joint statement, Professor'
    titled = len(head) <= _TITLE_WORDS and all(w[:1].isupper() or w.lower() in ROLE_WORDS for w in head)
    if not (titled or opens_with(text, previous, people[0].start)):
        return None
    return joint(text, people[0].start, people[1].end, people)
