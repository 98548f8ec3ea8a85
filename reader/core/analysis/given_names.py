"""A first name that is also a country's or a town's ('Chad', 'Jordan', 'Unai'), standing alone: the one person
of the article with that first name, or the place where the article names the place. A step of
`consistency.merge_partial`, once each mention has its label."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import looks_like_full_name
from .gazetteer import PLACE_LABELS, word_list
from .names import surname
from .sides import reads_as_place
from .values import Entity

_OF_NAME = re.compile(r" of (?:the )?[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def first_names_of_places(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A first name of one person of the article ('Chad Marlow') that is also a place's, alone: the place where it
    reads as one ('aid workers in Chad'); else the person where spaCy called it a place ('what Chad called a great
    strategy'), unless another mention names the place."""
    people: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and looks_like_full_name(e.canonical.split())):
        people.setdefault(e.canonical.split()[0], set()).add(e.canonical)
    places = word_list("countries") | word_list("towns")
    taken = {surname(full) for fulls in people.values() for full in fulls}
    words = {
        first: min(fulls)
        for first, fulls in people.items()
        if len(fulls) == 1 and first in places and first not in taken
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
