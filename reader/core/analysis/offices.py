"""The people a story gives an office ('the federation's secretary, Daniel Ochieng', 'Her team manager, Joost
de Wit', 'Alan Birchall, the club's chairman'), worked out once per document, so that an athlete's
description in an attribution ('the runner', 'the striker', 'the rider') is never one of them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .per_document import PerDocument
from .values import Entity

_OFFICES = (
    "president|chairman|chairwoman|chair|chief|executive|director|secretary|minister|commissioner|official|"
    "spokesman|spokeswoman|spokesperson|manager|coach|boss|owner|founder|organiser|organizer|agent|referee|"
    "umpire|steward|chief executive|principal|promoter|trainer"
)
_BEFORE = re.compile(rf"\b(?:{_OFFICES}),?\s+$", re.I)  # "the federation's secretary, ", 'coach '
_AFTER = re.compile(  # ", the club's chairman"
    rf",\s+(?:the|a|an|his|her|its|their|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){{0,3}}(?:{_OFFICES})\b", re.I
)
# an athlete's description: someone who plays, never whoever runs the club or the race
_ATHLETE = re.compile(
    r"\b(?:runner|striker|midfielder|forward|defender|goalkeeper|keeper|winger|batsman|bowler|all-rounder|"
    r"fly-half|scrum-half|prop|flanker|rider|driver|sprinter|player|quarterback|wideout|receiver|linebacker|"
    r"pitcher|goaltender|netminder|jockey|cyclist|swimmer|golfer|boxer|fighter|athlete|racer|skater|skier|"
    r"climber|marathoner|hurdler|batter|hitter|shortstop|catcher|playmaker|hooker|olympian|paralympian|"
    r"debutant|rookie|seed|qualifier|wildcard)\W*$",
    re.I,
)


def _read(text: str, entities: Sequence[Entity]) -> frozenset[str]:
    return frozenset(
        e.canonical
        for e in entities
        if e.label == "PERSON"
        and (_BEFORE.search(text, max(0, e.start - 30), e.start) or _AFTER.match(text, e.end, e.end + 80))
    )


office_holders = PerDocument(_read)  # the people the story gives an office, anywhere


def athlete(phrase: str) -> bool:
    """'the runner', 'the Dutch rider', 'the 24-year-old striker': a description of someone who plays."""
    return bool(_ATHLETE.search(phrase))
