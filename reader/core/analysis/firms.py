"""Companies spaCy takes for people: a name the article never gives a person's full name for, which one of
its mentions shows to be a firm ('Quorvia, which is registered in Malta', "Quorvia's chief executive",
'Quorvia is a Dublin company', 'Quorvia has ended its sponsorship', 'the regulator Quorvia'), is an
organisation in every mention. Only the few lone names spaCy tagged PERSON are looked at, each with one
search of its own name."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from .context import ORG_NOUN
from .values import Entity

# what follows a firm's name and never a person's: 'which' (people are 'who'), its board or team principal,
# 'is a … company', its sponsorship or its logo
_FIRM_AFTER = (
    r",\s+which\b|['’]s?\s+(?:team principal|chief executive|chief operating officer|chairman|chairwoman|board|"
    r"shareholders|headquarters|head office|spokes(?:man|woman|person)|CEO)\b|\s+(?:is|was)\s+an?\s+"
    r"(?:[\w'’-]+\s+){0,4}?" + ORG_NOUN + r"(?![\w'’-])|\s+(?:(?:has|had|have|will|would)\s+(?:not\s+)?)?"
    r"[a-z]+\s+its\s+(?:[\w-]+\s+){0,2}?(?:sponsorship|deal|partnership|contract|logo|brand|customers|shares|"
    r"stake)\b"
)
# what stands before a firm's name: 'the regulator Ofgem', 'the cryptocurrency wallet Lumenpay'
_FIRM_BEFORE = r"\b(?:regulator|watchdog|wallet|charity|retailer|chain|lender)\s+"
_NAME = r"([A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3})"
_NAME_THEN_FIRM = re.compile(r"(?<![\w'’.&-])" + _NAME + r"(?=" + _FIRM_AFTER + r")")
_FIRM_THEN_NAME = re.compile(_FIRM_BEFORE + _NAME)


def firms_taken_for_people(
    text: str, found: list[Entity], people: Mapping[str, str], teams: Collection[str] = ()
) -> list[Entity]:
    """`found` with each lone name spaCy called a person (no full name of the article explains it) made an
    organisation in every mention, where one occurrence of it in `text` reads as a firm's, or where it is one
    of the `teams` the text names ('Bearcats coach Dale Rourke')."""
    lone = {
        x.text
        for x in found
        if x.label == "PERSON" and not x.note and x.canonical == x.text and people.get(x.text, x.text) == x.text
    }
    firms = lone & (set(teams) | _named_as_firms(text)) if lone else set()
    if not firms:
        return found
    return [
        Entity(x.start, x.end, x.text, "ORG", x.text, x.note) if x.label == "PERSON" and x.text in firms else x
        for x in found
    ]


def _named_as_firms(text: str) -> set[str]:
    """The names `text` writes where a firm's stands (see `_FIRM_AFTER`, `_FIRM_BEFORE`), with the capitalised
    words before or after them that may not belong to them ('Then Quorvia, which …': 'Quorvia' too); one pass
    of each pattern over the text."""
    out: set[str] = set()
    for m in _NAME_THEN_FIRM.finditer(text):
        words = m.group(1).split()
        out.update(" ".join(words[i:]) for i in range(len(words)))
    for m in _FIRM_THEN_NAME.finditer(text):
        words = m.group(1).split()
        out.update(" ".join(words[: i + 1]) for i in range(len(words)))
    return out
