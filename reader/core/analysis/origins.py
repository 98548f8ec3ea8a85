"""Where a story says its people come from ('Pieter Visser, a Dutch software millionaire,', 'French rider
Julien Morel', 'Kenyan Eliud Maina'), worked out once per document, so that 'the Dutchman' or 'the Kenyan'
in an attribution is the one person the story gave that nationality."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .gazetteer import word_list
from .names import COUNTRY_ADJECTIVES, DEMONYMS
from .per_document import PerDocument
from .values import Entity

# a person's demonym noun → the adjective a story writes beside a name ('the Dutchman' → 'Dutch')
_ADJECTIVE = {
    **{w: w[: -len("man")] for w in DEMONYMS if w.endswith("man")},
    **{w: w[: -len("woman")] for w in DEMONYMS if w.endswith("woman")},
    "scotsman": "scottish",
    "scot": "scottish",
    "spaniard": "spanish",
    "briton": "british",
    "swede": "swedish",
    "dane": "danish",
    "pole": "polish",
    "finn": "finnish",
    "turk": "turkish",
    "croat": "croatian",
    "serb": "serbian",
    "argentine": "argentinian",
    "kiwi": "new zealand",
    "aussie": "australian",
}
_REGIONS = frozenset("african european asian arab latin caribbean nordic scandinavian balkan".split())
_ADJECTIVES = sorted({a.title() for a in _ADJECTIVE.values()} | {w.title() for w in DEMONYMS}, key=len, reverse=True)
_WORD = rf"(?:{'|'.join(re.escape(a) for a in _ADJECTIVES)})"
_BEFORE = re.compile(rf"(?<![\w-])({_WORD})\s+(?:[a-z][\w-]*\s+){{0,2}}$")  # 'French rider ', 'Kenyan '
# "Spain's Pablo Navarro", "Sweden's world number four Mats Lindqvist": a country's player
_COUNTRY = rf"(?:{'|'.join(re.escape(c) for c in sorted(COUNTRY_ADJECTIVES, key=len, reverse=True))})"
_COUNTRY_BEFORE = re.compile(rf"(?<![\w-])({_COUNTRY})['’]s\s+(?:[a-z][\w-]*\s+){{0,3}}$")
_AFTER = re.compile(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?({_WORD})(?![\w-])")  # ', a Dutch software …'


def _origin(word: str) -> str:
    word = word.lower()
    return _ADJECTIVE.get(word, word)


def _read(text: str, entities: Sequence[Entity]) -> dict[str, str]:
    said: dict[str, set[str]] = {}
    people = [(e.start, e.end, e.canonical) for e in entities if e.label == "PERSON"]
    tagged = {start for start, _, _ in people}
    for name in {who for _, _, who in people if " " in who}:  # the full name spaCy missed: "Spain's Pablo Navarro"
        first = text.find(name)
        if first >= 0 and first not in tagged:
            people.append((first, first + len(name), name))
    for start, end, who in people:
        before = _BEFORE.search(text, max(0, start - 40), start)
        after = _AFTER.match(text, end, end + 50)
        for found in (before, after):
            if found:
                said.setdefault(who, set()).add(_origin(found.group(1)))
        country = _COUNTRY_BEFORE.search(text, max(0, start - 50), start)
        if country:
            said.setdefault(who, set()).add(_origin(COUNTRY_ADJECTIVES[country.group(1)]))
    return {who: next(iter(found)) for who, found in said.items() if len(found) == 1}


origins = PerDocument(_read)  # each person's nationality, where the story gives one and only one


def of_origin(phrase: str, text: str, entities: Sequence[Entity]) -> str | None:
    """The one person of the story whose nationality 'the Dutchman' or 'the Kenyan' in `phrase` gives."""
    words = phrase.split()
    if len(words) != 2 or words[1].lower() not in DEMONYMS:
        return None
    wanted = _origin(words[1])
    found = [who for who, origin in origins(text, entities).items() if origin == wanted]
    return found[0] if len(found) == 1 else None


def nationality(word: str) -> bool:
    """'Kenyan', 'Dutch', 'African': a word for where people come from, never a person's name alone."""
    word = word.lower()
    return word in DEMONYMS or word in _REGIONS or word in _ADJECTIVE.values()


# a faith's word, which spaCy's small model sometimes calls a person ('a Catholic country', 'Roman Catholic Pope')
_FAITHS = frozenset(
    """catholic catholics orthodox protestant protestants muslim muslims jewish jews anglican anglicans hindu
hindus sikh sikhs buddhist buddhists evangelical evangelicals methodist methodists sunni shia shiite shiites""".split()
)
_BEFORE_PEOPLES_WORD = frozenset(("South", "North", "East", "West", "Central", "Southern", "Northern", "Roman"))


def peoples_words(name: str) -> bool:
    """'Irish', 'South African', 'Roman Catholic', 'Spaniards': where people come from or what they believe,
    never a person, whatever spaCy called it; not a word that is also a first name ('Finn', 'Scot', 'German')."""
    *lead, last = name.split() or [""]
    if last in word_list("first_names") or not all(w in _BEFORE_PEOPLES_WORD or nationality(w) for w in lead):
        return False
    word = last.lower()
    return nationality(word) or word in _FAITHS or (word.endswith("s") and word[:-1] in DEMONYMS)
