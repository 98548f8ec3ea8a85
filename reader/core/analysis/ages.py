"""The ages a story gives its people ('Emma Raducanu-Lowe, 17,', 'the 24-year-old Jannik Moretti',
'Tom Reilly (31)'), worked out once per document, so that 'the teenager' or 'the 24-year-old' in an
attribution is the one person of that age."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .per_document import PerDocument
from .values import Entity

_AFTER = re.compile(r",\s*(\d{1,2}),|\s+\((\d{1,2})\)")  # 'Emma Raducanu-Lowe, 17,', 'Tom Reilly (31)'
_BEFORE = re.compile(r"\b(\d{1,2})-year-old\s+(?:[a-z][\w-]*\s+){0,2}$")  # 'the 24-year-old Italian Jannik Moretti'
_DESCRIBED = re.compile(r"\b(?:(\d{1,2})-year-old|(teenager|teen|youngster))\b", re.I)
_TEENS = range(13, 20)


def _read(text: str, entities: Sequence[Entity]) -> dict[str, int]:
    said: dict[str, set[int]] = {}
    for e in entities:
        if e.label != "PERSON":
            continue
        after = _AFTER.match(text, e.end, e.end + 6)
        before = _BEFORE.search(text, max(0, e.start - 40), e.start)
        for found in (after and (after.group(1) or after.group(2)), before and before.group(1)):
            if found:
                said.setdefault(e.canonical, set()).add(int(found))
    return {who: next(iter(found)) for who, found in said.items() if len(found) == 1}


ages = PerDocument(_read)  # each person's age, where the story gives one and only one


def of_age(phrase: str, text: str, entities: Sequence[Entity]) -> str | None:
    """The one person of the story whose age 'the 24-year-old' or 'the teenager' in `phrase` gives."""
    described = _DESCRIBED.search(phrase)
    if not described:
        return None
    known = ages(text, entities)
    wanted = [int(described.group(1))] if described.group(1) else _TEENS
    found = {who for who, age in known.items() if age in wanted}
    return found.pop() if len(found) == 1 else None
