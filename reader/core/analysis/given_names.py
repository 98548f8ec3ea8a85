"""A person's name that is also a country's or a town's, standing alone: a first name ('Chad', 'Jordan', 'Unai')
or a surname ('Shelton'), the one person of the article with it, or the place where the words around it name the
place. Steps of `consistency.merge_partial`, once each mention has its label."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import looks_like_full_name
from .gazetteer import PLACE_LABELS, word_list
from .names import surname
from .sides import reads_as_place
from .values import Entity

_STATE_AFTER = re.compile(r",\s+[A-Z][a-z]")
_IN_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
_OF_NAME = re.compile(r" of (?:the )?[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def first_names_of_places(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A first name of one person of the article ('Chad Marlow') that is also a place's, alone: the place where it
    reads as one ('aid workers in Chad'); else the person where spaCy called it a place ('what Chad called a great
    strategy'), unless another mention names the place."""
    people: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and looks_like_full_name(e.canonical.split())):
        people.setdefault(e.canonical.split()[0], set()).add(e.canonical)
    towns, countries = word_list("towns"), word_list("countries")
    taken = {surname(full) for fulls in people.values() for full in fulls}
    words = {
        first: min(fulls)
        for first, fulls in people.items()
        if len(fulls) == 1 and (first in towns or first in countries) and first not in taken
    }
    if not words or not any(e.text in words for part in parts for e in part):
        return parts
    lower = set(_LOWER_WORD.findall(" ".join(texts)))  # not a name whose surname is a word ('Bristol Street')
    words = {first: full for first, full in words.items() if surname(full).lower() not in lower}
    words = {  # nor the start of an institution's name: 'London School' of 'London School of Economics'
        first: full
        for first, full in words.items()
        if not any(
            e.canonical == full and _OF_NAME.match(text, e.end) for text, part in zip(texts, parts) for e in part
        )
    }
    placed = {
        e.text
        for text, part in zip(texts, parts)
        for e in part
        if e.text in words and not e.note and reads_as_place(text, e.start, e.end)
    }
    out = []
    for text, part in zip(texts, parts):
        kept = []
        for e in part:
            if e.text not in words or e.note or e.canonical not in (e.text, words[e.text]):
                kept.append(e)
            elif reads_as_place(text, e.start, e.end):
                kept.append(Entity(e.start, e.end, e.text, "GPE", e.text))
            elif e.text not in placed and e.label in PLACE_LABELS:
                kept.append(Entity(e.start, e.end, e.text, "PERSON", words[e.text]))
            else:
                kept.append(e)
        out.append(kept)
    return out


def surnames_of_places(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A surname of one person of the article that is also a place's ('Wigan Shelton' … 'Shelton'), alone: the
    place where the words around it name one ('trains in Shelton'), else the person where spaCy called it a place
    or a person ('Shelton meanwhile caused unrest')."""
    people: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and looks_like_full_name(e.canonical.split())):
        people.setdefault(surname(e.canonical), set()).add(e.canonical)
    towns, countries = word_list("towns"), word_list("countries")
    words = {
        family: min(fulls)
        for family, fulls in people.items()
        if len(fulls) == 1 and family in towns and family not in countries
    }
    if not words or not any(e.text in words for part in parts for e in part):
        return parts
    lower = set(_LOWER_WORD.findall(" ".join(texts)))  # not spaCy's 'Boycott Israel'
    words = {family: full for family, full in words.items() if not any(w.lower() in lower for w in full.split())}
    out = []
    for text, part in zip(texts, parts):
        kept = []
        for e in part:
            if e.label in PLACE_LABELS and _STATE_AFTER.match(text, e.end):
                pass  # a town with its state or country: 'Allen, Texas'
            elif e.text in words and not e.note and e.label in (*PLACE_LABELS, "PERSON"):
                place = reads_as_place(text, e.start, e.end) and (  # not spaCy's person 'a cross from Shelton'
                    e.label != "PERSON" or bool(_IN_BEFORE.search(text, max(0, e.start - 12), e.start))
                )
                e = Entity(e.start, e.end, e.text, *(("GPE", e.text) if place else ("PERSON", words[e.text])))
            kept.append(e)
        out.append(kept)
    return out
