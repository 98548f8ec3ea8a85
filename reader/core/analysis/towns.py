"""Towns, countries and counties in press copy: whether a name spaCy tags a person or an organisation is a
place (the GeoNames lists of `place_names`), and whether an English county is its cricket club."""

from __future__ import annotations

import re
from collections.abc import Collection

from .context import looks_like_full_name, reads_as_company
from .gazetteer import Entry, Gazetteer, place_names
from .sides import reads_as_place, sporting_side
from .tagger import RawEntity

_TO_PLACE = re.compile(r"\b(?:in|to|at|from|near|outside|via|towards?)\s+$")
_CRICKET = re.compile(r"\bcricket", re.I)
_COUNTY_CLUB = " County Cricket Club"


def name_words(text: str, raw: list[RawEntity]) -> set[str]:
    """Words of the article's longer names that are no town where spaCy tags them alone: the first word of a
    listed organisation ('Tata' of 'Tata Group'), the last of a full name ('Holt' of 'Lester Holt')."""
    out = set()
    for s, e, label, known in raw:
        words = text[s:e].split()
        if known and label == "ORG" and len(words) > 1:
            out.add(words[0])
        elif label in ("PERSON", "ORG") and not known and looks_like_full_name(words):
            out.add(words[-1])
    return out


def is_town(text: str, s: int, e: int, label: str, named: Collection[str]) -> bool:
    """A country's or a town's name (see `place_names`) that is not a word of a person's or a firm's name
    in the article (see `name_words`) and that the text does not call a company; a town spaCy calls a
    person only where the words before it lead to a place ('a flat stage to Brescia'): many towns are
    also first names. A side the text shows playing is one again in `_town_or_side`."""
    name = text[s:e]
    if name in named or reads_as_company(text, s, e):
        return False
    if name in place_names("countries"):
        return True
    return name in place_names("towns") and (label == "ORG" or bool(_TO_PLACE.search(text, max(0, s - 12), s)))


def county_club(text: str, s: int, e: int, gazetteer: Gazetteer, people: Collection[str]) -> Entry | None:
    """The county cricket club a county's bare name stands for ('with Surrey keeping the rest', 'against
    Hampshire at the Utilita Bowl') in a text about cricket, where the words around it do not name the
    county as a place ('in Surrey') and it is no person's of the article, unless shown playing ('Kemar
    Hampshire' and 'Hampshire keeps asking' are the bowler)."""
    name = text[s:e]
    club = gazetteer.by_name.get(name + _COUNTY_CLUB) if name[:1].isupper() and " " not in name else None
    if club is None or not _CRICKET.search(text) or reads_as_place(text, s, e):
        return None
    return club if name not in people or sporting_side(text, s, e) else None
