"""How a story spells the names it gives: a surname mistyped ('Demriel' for 'Füsun Demirel'), initials
spelled out where the article gave them ('KCNA' → 'Korean Central News Agency')."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .values import Entity


def same_word(a: str, b: str) -> bool:
    """The same word, or one of five letters or more with two letters swapped or one mistyped."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 5 or a[0] != b[0]:
        return False
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    swapped = len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]]
    return len(differ) == 1 or (swapped and a[differ[1]] == b[differ[0]])


def spelled_out(acronym: str, text: str) -> str:
    """'KCNA' → 'Korean Central News Agency' where the article wrote 'Korean Central News Agency (KCNA)'."""
    m = re.search(
        rf"((?:[A-Z][\w'’&-]*\s+(?:(?:of|the|for|and|de|du|des|la|le)\s+)*){{1,7}}[A-Z][\w'’-]*)\s*"
        rf"\(\s*(?:the\s+)?{re.escape(acronym)}\s*\)",
        text,
    )
    if m:
        words = m.group(1).split()
        initials = [w for w in words if w[0].isupper()]
        # drop leading words the initials do not cover: 'Pyongyang's Korean Central News Agency (KCNA)'
        while len(initials) > len(acronym) and words:
            if words[0][0].isupper():
                initials.pop(0)
            words.pop(0)
        return " ".join(words)
    return acronym


def misspelt_person(surname: str, entities: Sequence[Entity]) -> str | None:
    """The one person of the story whose surname `surname` misspells (two letters swapped or one mistyped),
    where nobody is called by it as written: 'Demriel' → 'Füsun Demirel'."""
    people = {e.canonical for e in entities if e.label == "PERSON" and " " in e.canonical}
    if any(p.split()[-1] == surname for p in people):
        return None
    found = {p for p in people if same_word(p.split()[-1], surname)}
    return found.pop() if len(found) == 1 else None
