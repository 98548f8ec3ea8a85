"""The people a story names, worked out once per document for its quotes' speakers: the full name a surname
stands for ('Ben Haddou' → 'Karim Ben Haddou', 'Al-Majid' → 'Ali Hassan al-Majid'), also where spaCy took
the surname for something else ('Shell was just as happy. "…," he said.' after 'Callum Shell')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .cues import PORTFOLIO, mood_word
from .gazetteer import word_list
from .gender import KIN
from .names import COMPANY_WORDS, PARTICLES, SENTENCE_OPENERS, SUFFIXES, birth_names_in, trim_name
from .origins import nationality
from .story import ORG_NOUNS, PERSON_ROLES
from .values import Entity

_PARTICLES = "|".join(sorted(PARTICLES))
_SURNAME_HEADS = PARTICLES | {"ben", "abu", "ould", "mac", "st"}  # the first word of a two-word surname
_WORD = rf"(?:[JS]r\.|[A-Z][\w'’-]*|(?:{_PARTICLES})[-'’][A-Z][\w'’-]*)"  # 'Haddou', 'al-Majid'
# a run of two to five name words, particles between them: 'Karim Ben Haddou', 'Pieter van der Berg'
_PARTICLE_BEFORE = re.compile(rf"^(?:{_PARTICLES})[-'’](?=\w)")  # 'al-' of 'al-mansouri'
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:\s+(?:(?:{_PARTICLES})\s+)*{_WORD}){{1,4}}(?![\w'’-])")


def _key(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().split())


def _ends_with(name: str, short: str) -> bool:
    whole, tail = _key(name), _key(short)
    return len(whole) > len(tail) and whole[-len(tail) :] == tail


def _by_tail(names: set[str]) -> dict[tuple[str, ...], set[str]]:
    """Each name under every shorter run of its last words: 'Karim Ben Haddou' under 'haddou', 'ben haddou'."""
    index: dict[tuple[str, ...], set[str]] = {}
    for name in names:
        key = _key(name)
        for i in range(1, len(key)):
            index.setdefault(key[i:], set()).add(name)
        if name.split()[-1] in SUFFIXES and len(key) > 2:  # 'Pruitt' for 'Darnell Pruitt Jr.'
            for i in range(1, len(key) - 1):
                index.setdefault(key[i:-1], set()).add(name)
        bare = _PARTICLE_BEFORE.sub("", key[-1]) if len(key) > 1 else key[-1]
        if bare != key[-1]:  # 'Mansouri' for 'Karim al-Mansouri', as copy often writes it
            index.setdefault((bare,), set()).add(name)
    return index


def _written_names(text: str) -> set[str]:
    """Every run of name words in `text`, without a sentence's opening word ('But Karim Ben Haddou',
    'Standing Sam Durham': a word the text also writes in lower case)."""
    found = set()
    lower = set(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", text))
    for m in _RUN.finditer(text):
        words = trim_name(m.group()).split()
        while words and (words[0] in SENTENCE_OPENERS or words[0].lower() in lower):
            words.pop(0)
        first = next((i for i, w in enumerate(words[:-1]) if w in word_list("first_names")), 0)
        words = words[first:]  # 'Minister for Defence Ignazio La Russa': from the first name on
        if len(words) > 1:
            found.add(" ".join(words))
    return found


class Cast:
    """The full names of a story's people: those spaCy found, else those written as runs of name words."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.people = {e.canonical for e in entities if e.label == "PERSON" and " " in e.canonical}
        self._people = _by_tail(self.people)
        self._text = text
        self._listed = {name for e in entities if e.note for name in (e.text, e.canonical)}  # 'Aston Villa'
        self._written: dict[tuple[str, ...], set[str]] | None = None  # read only when a surname needs it

    def people_named(self, surname: str) -> set[str]:
        """The full names spaCy found that end with `surname`."""
        return set(self._people.get(_key(surname), set()))

    def full_name(self, short: str, written: bool = True) -> str | None:
        """The one full name of the story that ends with `short` (as spaCy found the people, else, with
        `written`, as the text writes names); None where there is none, or more than one."""
        found = self._people.get(_key(short), set())
        if not found and written:
            if self._written is None:
                self._written = _by_tail(_written_names(self._text) - self._listed - birth_names_in(self._text))
            found = self._written.get(_key(short), set())
            # 'Standing Sam Durham' and 'Sam Durham': the shortest of names that end with one another
            found = {n for n in found if not any(m != n and _ends_with(n, m) for m in found)}
        return next(iter(found)) if len(found) == 1 else None


# a person's role right before a name: "the club's chairman, Len Poulter", 'First-team manager Steve Akinola'
# not a verb ('to head Rugby Australia'); and those a sport gives a person ('His driver, Elfyn Evans,')
_ROLES = sorted(
    PERSON_ROLES - {"head", "chair", "owner", "principal"}
    | set("driver rider striker midfielder defender goalkeeper winger player teammate team-mate agent".split())
)
# a comma only after a role someone holds: "The club's chairman, Len Poulter", not 'communications manager, Team X'
_ROLE_BEFORE = re.compile(
    rf"(?:\b(?:the|his|her|its|their|[\w'’-]+['’]s)\s+(?:[\w-]+\s+){{0,2}}(?:{'|'.join(_ROLES)}),\s*"
    rf"|\b(?:{'|'.join(_ROLES)})\s+)$",
    re.I,
)
# and after it: "Priya Venkataraman, the firm's head of brand"
_ROLE_AFTER = re.compile(
    rf",\s+(?:the|a|an|his|her|its|their|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){{0,3}}(?:{'|'.join(sorted(PERSON_ROLES))})\b",
    re.I,
)


_WHICH = re.compile(r",\s+which\s")
# a word that makes a name a sports body's, never a person's: 'Premiership Rugby', 'World Athletics', 'Cricket Wales'
_SPORT_WORDS = frozenset(
    """Rugby Football Athletics Cricket Tennis Golf Hockey Basketball Netball Cycling Rowing Swimming Sailing
Boxing Motorsport Motorsports Sport Sports FC AFC""".split()
)


# 'Minister of the ', 'High Commissioner for ', 'director of operations for the Iraqi '
_TITLE_OF = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$")
# the last word of an institution named after a person: 'the Woodrow Wilson Center', not a glued 'Wilson Center'
_INSTITUTIONS = frozenset("center centre institute school college hospital museum library trust prize award".split())
# 'of the ', 'for Eastern ' right before an organisation's name that spaCy glued to a person's
_GLUED_AFTER = re.compile(r"\b(?:of|for|at|from)\s+(?:the\s+)?(?:[A-Z][\w'’-]*,?\s+(?:and\s+|&\s+)?)*$")


def _name_within(person: Entity, text: str, cast: Cast) -> str | None:
    """The name inside a person spaCy tagged with words before it: the end of a title (`after_title`); a
    tabloid's adjective before the surname of one fuller name
    of the story ('Fuming Kane' → 'Tommy Kane'). None where neither reading holds."""
    words = person.text.split()
    if len(words) > 2:
        return after_title(person.text, text, person.start)
    if len(words) == 2 and mood_word(words[0]):
        fuller = cast.people_named(words[1]) - {person.text}
        return fuller.pop() if len(fuller) == 1 else None
    return None


def after_title(name: str, text: str, at: int) -> str | None:
    """'Arye Derry' of the 'Interior Arye Derry' at `at` in 'Minister of the Interior Arye Derry': the end of a
    title whose 'of' or 'for' comes before the name, taken from a known first name if there is one, else
    from the last two words; None where no such title comes before."""
    words = name.split()
    if len(words) < 3 or not _TITLE_OF.search(text, max(0, at - 40), at):
        return None
    firsts = word_list("first_names")
    first = next((i for i in range(1, len(words) - 1) if words[i] in firsts), len(words) - 2)
    return " ".join(words[first:])


def unglued(speaker: str, text: str) -> str:
    """'Patricia Curtis' of 'Board member of TransPALS Patricia Curtis', 'Navi Pillay' of 'High Commissioner for
    Human Rights Navi Pillay', where spaCy glued what follows 'of' or 'for' to the name: the words after a
    minister's portfolio, else from the first known first name, where two or three words remain (not 'the Jimmy
    Carter Center')."""
    words = speaker.split()
    if len(words) < 3 or words[-1].lower() in ORG_NOUNS | _INSTITUTIONS or words[-1] in COMPANY_WORDS:
        return speaker
    held = next((i for i, w in enumerate(words) if w.lower().rstrip(",") not in PORTFOLIO), 0)  # 'Human Rights'
    at = held or next((i for i, w in enumerate(words) if w in word_list("first_names")), 0)
    if not 1 <= at <= len(words) - 2 or len(words) - at > 3:
        return speaker
    found = text.find(speaker)
    while found >= 0 and not _GLUED_AFTER.search(text, max(0, found - 60), found):
        found = text.find(speaker, found + 1)
    return " ".join(words[at:]) if found >= 0 else speaker


def _surname_like(short: str) -> bool:
    """'Okonkwo-Davies', or a two-word surname that opens with a particle: 'La Russa', 'Di Palma'."""
    words = short.split()
    return len(words) == 1 or (len(words) == 2 and words[0].lower() in _SURNAME_HEADS)


def _sport_body(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and (words[0] in _SPORT_WORDS or words[-1] in _SPORT_WORDS)


def _given_a_role(text: str, entity: Entity) -> bool:
    """A name of two or three words, no list knows, that the text gives a person's role ('chairman, Len
    Poulter'), whatever label spaCy gave it."""
    words = entity.text.split()
    return (
        entity.label in ("ORG", "GPE", "LOC", "FAC")
        and not entity.note
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[-1] not in COMPANY_WORDS
        and bool(
            _ROLE_BEFORE.search(text, max(0, entity.start - 30), entity.start)
            or _ROLE_AFTER.match(text, entity.end, entity.end + 60)
        )
    )


def as_people(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """`entities` as the quotes' speakers read them: a surname as the one person of the story who has it,
    whatever label spaCy gave it ('Sarkozy' tagged ORG after 'Nicolas Sarkozy'); a short name with the full
    name the text wrote ('Ben Haddou' after 'Karim Ben Haddou', 'Okonkwo-Davies' after 'Keiran Okonkwo-Davies'
    where spaCy saw no person)."""
    cast = Cast(text, entities)
    roled = {e.canonical for e in entities if _given_a_role(text, e)}  # "The club's chairman, Len Poulter,"
    # 'Lumenpay, which is registered in Lithuania': a thing, where spaCy saw a person
    things = {
        e.canonical for e in entities if e.label == "PERSON" and " " not in e.canonical and _WHICH.match(text, e.end)
    } | {e.canonical for e in entities if e.label == "PERSON" and _sport_body(e.canonical)}  # 'Premiership Rugby'
    resolved: dict[str, set[str]] = {}  # 'Roger' → {'Roger Mansell'}: a mention the analysis gave a full name
    for e in entities:
        if e.label == "PERSON" and " " not in e.text and " " in e.canonical:
            resolved.setdefault(e.text, set()).add(e.canonical)
    out = []
    for e in entities:
        if e.label == "PERSON" and " " not in e.text and nationality(e.text):
            out.append(replace(e, label="NORP"))  # 'southern African leaders', where spaCy saw a person
            continue
        once = resolved.get(e.text, set()) if e.canonical == e.text and e.label == "PERSON" else set()
        if len(once) == 1:  # "Robert Mansell's father Roger …. Roger said": the Roger Mansell of before
            out.append(replace(e, canonical=next(iter(once))))
            continue
        named = _name_within(e, text, cast) if e.label == "PERSON" and e.canonical == e.text else None
        if named:  # 'Minister of the Interior Arye Derry', 'Fuming Kane hit back'
            out.append(replace(e, canonical=named))
            continue
        if e.canonical in things:
            out.append(replace(e, label="ORG"))
            continue
        if e.canonical in roled and e.label != "PERSON":  # a person, also by surname, where spaCy saw a company
            out.append(replace(e, label="PERSON"))
            continue
        short = e.canonical if e.canonical == e.text else None  # not an alias the analysis resolved
        full = None
        if short and _surname_like(short) and e.label != "PERSON":
            full = cast.full_name(short)  # 'Okonkwo-Davies'; not a club's 'Villa' (a listed 'Aston Villa')
            if full and full not in cast.people:  # a name only the text wrote: its label stays as spaCy saw it,
                person = full.split()[0] in word_list("first_names")  # unless it opens with a first name
                out.append(replace(e, canonical=full, label="PERSON" if person else e.label))
                continue
        elif short and e.label == "PERSON" and len(short.split()) <= 2:
            # a two-word surname ('Ben Haddou', 'De Rossi', 'Pruitt Jr.'), not a full name a title went before
            words = short.split()
            written = len(words) == 1 or words[0].lower() in _SURNAME_HEADS or words[-1] in SUFFIXES
            full = cast.full_name(short, written=written)
        out.append(replace(e, label="PERSON", canonical=full) if full else e)
    return _not_the_relative(text, out)


_RELATIVE = re.compile(rf"\b([A-Z][\w'’-]*)['’]s\s+(?:\w+\s+)?(?:{'|'.join(sorted(KIN))}),?\s+$")  # "Pruitt's mother, "
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord)\.?\s+$")


def _not_the_relative(text: str, people: list[Entity]) -> list[Entity]:
    """A bare surname is not the relative the story introduced as its bearer's ("Pruitt's mother, Renee
    Pruitt"; then 'Pruitt said' is the one other person of that surname), unless an honorific says so
    ('Mrs. Pruitt')."""
    relatives = {
        e.canonical
        for e in people
        if e.label == "PERSON"
        and (found := _RELATIVE.search(text, max(0, e.start - 40), e.start))
        and found.group(1) == e.canonical.split()[-1]
    }
    if not relatives:
        return people
    out = []
    for e in people:
        if e.canonical in relatives and " " not in e.text and not _HONORIFIC.search(text, max(0, e.start - 6), e.start):
            others = {p.canonical for p in people if p.label == "PERSON" and e.text in p.canonical.split()} - relatives
            e = replace(e, canonical=others.pop()) if len(others) == 1 else e
        out.append(e)
    return out
