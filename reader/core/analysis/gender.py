"""Whom 'he' or 'she' after a quote means in a story about a man and a woman, by what the story itself says
of each: an honorific ('Mr Dunmore', 'Mrs. Okafor'), a family word beside the name ('Her father, Tomás'),
the pronoun of the sentence the person opens ('Elena Vasquez was eleven when she …'). Never guessed from a
first name. Worked out once per document."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import PARAGRAPH_BREAK, paragraph_start
from .attribution import sentence_end, sentence_start
from .per_document import PerDocument
from .story import opens_with
from .values import Entity

MAN, WOMAN = "he", "she"
_PARAGRAPHS_BACK = 3  # paragraphs read back for the people a quote that opens its own may be by
_HONORIFIC = {
    **dict.fromkeys("Mr Mr. Sir Lord Mister".split(), MAN),
    **dict.fromkeys("Mrs Mrs. Ms Ms. Miss Dame Lady Madam".split(), WOMAN),
}
KIN = {
    **dict.fromkeys("father husband brother son uncle grandfather boyfriend nephew dad".split(), MAN),
    **dict.fromkeys("mother wife sister daughter aunt grandmother girlfriend niece mum mom".split(), WOMAN),
}
# only a subject's own pronoun: 'her' and 'his' may be someone else's ('Sarkozy said her safe return …')
_PRONOUN = re.compile(r"\b(?:(he|himself)|(she|herself))\b", re.I)
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")  # what a quote says of anyone is not the story's pronoun
# 'Her father, ' (an apposition that must close after the name), 'her husband ' (tight to it)
_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[\w'’-]+['’]s)\s+(?:\w+\s+)?(\w+)(,?)\s*$")
_KIN_AFTER = re.compile(r"^,\s+(?:his|her|their|[\w'’-]+['’]s)\s+(?:\w+\s+)?(\w+)\b")  # ', his wife,'


def _read(text: str, entities: Sequence[Entity]) -> dict[str, str]:
    said: dict[str, set[str]] = {}
    people = [e for e in entities if e.label == "PERSON"]
    shared = _shared_surnames(people)
    for e in people:
        before = text[max(0, e.start - 40) : e.start]
        words = before.split()
        # 'Mr Pike' says nothing of which Pike where the story names two: its canonical may be the other one
        clues = [_HONORIFIC.get(words[-1])] if words and (" " in e.text or e.text not in shared) else []
        # 'Her father, Tomás, strung it': the apposition closes after the name (not 'to see his mother, Montalvo said')
        kin = _KIN_BEFORE.search(before)
        if kin and kin.group(2) and text[e.end : e.end + 1] != ",":
            kin = None
        kin = kin or _KIN_AFTER.match(text, e.end, e.end + 40)
        clues.append(KIN.get(kin.group(1).lower()) if kin else None)
        clues.append(_own_pronoun(text, e, people))
        said.setdefault(e.canonical, set()).update(c for c in clues if c)
    return {who: next(iter(found)) for who, found in said.items() if len(found) == 1}


def _shared_surnames(people: Sequence[Entity]) -> set[str]:
    """The surnames two of the story's full names end with ('Graham Pike', 'Sandra Pike')."""
    full = {e.canonical for e in people if " " in e.canonical}
    surnames = [name.split()[-1] for name in full]
    return {s for s in surnames if surnames.count(s) > 1}


def _own_pronoun(text: str, person: Entity, people: Sequence[Entity]) -> str | None:
    """The first he or she after the person, where the person opens the sentence ('Elena Vasquez was eleven
    when she first held a racket'), before any quote and before anyone else is named ('Coates said Hood
    told her he …' says nothing of Coates)."""
    floor = paragraph_start(text, person.start)
    begin = sentence_start(text, person.start, floor)
    if not opens_with(text, begin, person.start):
        return None
    end = sentence_end(text, person.end, len(text))
    end = min([end] + [e.start for e in people if person.end <= e.start < end])
    rest = re.split(r"[\"“”«»‘’]", text[person.end : end], maxsplit=1)[0]
    found = _PRONOUN.search(rest)
    return None if found is None else (MAN if found.group(1) else WOMAN)


genders = PerDocument(_read)  # each person's 'he' or 'she', where the story says it and never both ways


def by_gender(pronoun: str, text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """Whom 'he' or 'she' after the quote at `at` means where the people named before it in its paragraph
    (or in the last of the few before that names anyone) include one the story gives the other gender: the
    last one named of the pronoun's own; None where that does not decide."""
    wanted = pronoun.lower()
    if wanted not in (MAN, WOMAN):
        return None
    para = paragraph_start(text, at)
    quoted = [m.span() for m in _QUOTED.finditer(text, para, at)]
    named = [e for e in entities if e.label == "PERSON" and para <= e.start < at]
    named = [e for e in named if not any(s <= e.start < t for s, t in quoted)]
    for _ in range(_PARAGRAPHS_BACK):  # the paragraphs before, up to the last that names anyone
        if named or para < len(PARAGRAPH_BREAK):
            break
        para, end = paragraph_start(text, para - len(PARAGRAPH_BREAK)), para
        named = [e for e in entities if e.label == "PERSON" and para <= e.start < end]
    known = genders(text, entities)
    if not any(known.get(e.canonical) not in (None, wanted) for e in named):
        return None  # nobody of the other gender named: the usual reading decides
    mine = [e.canonical for e in named if known.get(e.canonical) == wanted]
    return mine[-1] if mine else None


def by_honorific(phrase: str, speaker: str, text: str, entities: Sequence[Entity]) -> str | None:
    """'Mrs Pike said' where the story names Graham Pike and his wife Sandra Pike: the one person with that
    surname the honorific fits, where `speaker` (whom the surname was resolved to) is of the other gender or
    the surname is shared; None where that does not decide."""
    words = phrase.split()
    wanted = _HONORIFIC.get(words[0]) if len(words) == 2 else None
    if wanted is None or not speaker.endswith(words[1]):
        return None
    known = genders(text, entities)
    same = {e.canonical for e in entities if e.label == "PERSON" and e.canonical.split()[-1] == words[1]}
    if len(same) < 2 or known.get(speaker) == wanted:
        return None
    for fits in ({n for n in same if known.get(n) == wanted}, {n for n in same if known.get(n) in (None, wanted)}):
        if len(fits) == 1:
            return fits.pop()
    return None
