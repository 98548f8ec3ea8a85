"""Whom 'One' stands for after a sentence that opens with a group of people: 'Pals say …. One told us: "…"'
is 'a pal'."""

from __future__ import annotations

import re

from ..model import paragraph_start
from .attribution import sentence_start
from .names import DEMONYMS
from .referents import LOOK_BACK

# a group the sentence before opens with: 'Pals say …', 'Fans flooded social media.', 'Team-mates rallied round'
_GROUP_FIRST = re.compile(r"(?:(?:Some|Many|Several|Other|Local|Angry|Furious)\s+)?([A-Z][a-z-]+s)\s+[a-z]")


def one_of(text: str, at: int) -> str | None:
    """'a pal' for the 'One' at `at` that opens a sentence after one that opens with a group of people ('Pals
    say …. One told us: "…"'); None where none does."""
    begin = sentence_start(text, at, paragraph_start(text, at))
    if text[begin:at].strip():
        return None
    floor = max(0, begin - LOOK_BACK)
    previous = text[sentence_start(text, max(floor, len(text[:begin].rstrip()) - 1), floor) : begin]
    group = _GROUP_FIRST.match(previous)
    if not group or group.group(1).lower() in DEMONYMS or group.group(1).endswith("ss"):
        return None
    noun = group.group(1).lower()
    return "a " + (noun[:-3] + "y" if noun.endswith("ies") else noun[:-1])
