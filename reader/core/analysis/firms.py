"""Companies spaCy takes for people: a name the article never gives a person's full name for, which one of
its mentions shows to be a firm ('Quorvia, which is registered in Malta', "Quorvia's chief executive",
'Quorvia is a Dublin company', 'Quorvia has ended its sponsorship', 'the regulator Quorvia'), is an
organisation in every mention. Only the few lone names spaCy tagged PERSON are looked at, each with one
search of its own name."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from .context import ORG_NOUN
from .mentions import led_finditer, with_untagged
from .names import FUNCTION_WORDS, PRONOUNS, SENTENCE_OPENERS
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
_FIRM_WORD = r"(?:regulator|watchdog|wallet|charity|retailer|chain|lender)"
_FIRM_BEFORE = r"\b" + _FIRM_WORD + r"\s+"
_NAME = r"([A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3})"
# the lookbehind after the first capital (not before it): the regex engine then skips to capitals
_NAME_THEN_FIRM = re.compile(r"([A-Z](?<![\w'’.&-].)[\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3})(?=" + _FIRM_AFTER + r")")
_FIRM_THEN_NAME = re.compile(_FIRM_BEFORE + _NAME)
_FIRM_THEN_NAME_LEAD = re.compile(_FIRM_WORD)  # where one may start (see `led_finditer`)
# a sponsor's deal, the surest sign of a firm where spaCy tagged nothing: 'Gallagher has extended its title
# sponsorship', 'Betfred will renew its deal'
_SPONSOR_DEAL = re.compile(
    r"([A-ZÀ-Ý](?<![\w'’.&-].)(?<!the .)[^\W\d_]+(?: [A-ZÀ-Ý][^\W\d_]+)?)\s+(?:has|had|have|will|would)\s+"
    r"(?:not\s+)?"
    r"(?:extended|extend|renewed|renew|ended|end|signed|agreed|terminated|terminate|withdrawn)\s+its\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sponsorship|deal|partnership|contract)\b"
)


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
    if firms:
        found = [
            Entity(x.start, x.end, x.text, "ORG", x.text, x.note) if x.label == "PERSON" and x.text in firms else x
            for x in found
        ]
    # a name spaCy left out that reads as a firm's: 'Gallagher has extended its title sponsorship'
    untagged = {
        m.group(1)
        for m in (_SPONSOR_DEAL.finditer(text) if " its " in text else ())
        if m.group(1) not in people and _may_start_a_name(m.group(1).split()[0])
    }
    return with_untagged(text, found, untagged, "ORG") if untagged else found


def _may_start_a_name(word: str) -> bool:
    return word not in SENTENCE_OPENERS and word.lower() not in FUNCTION_WORDS and word.lower() not in PRONOUNS


def _named_as_firms(text: str) -> set[str]:
    """The names `text` writes where a firm's stands (see `_FIRM_AFTER`, `_FIRM_BEFORE`), with the capitalised
    words before or after them that may not belong to them ('Then Quorvia, which …': 'Quorvia' too); one pass
    of each pattern over the text."""
    out: set[str] = set()
    for m in _NAME_THEN_FIRM.finditer(text):
        words = m.group(1).split()
        out.update(" ".join(words[i:]) for i in range(len(words)))
    for m in led_finditer(_FIRM_THEN_NAME, _FIRM_THEN_NAME_LEAD, text):
        words = m.group(1).split()
        out.update(" ".join(words[: i + 1]) for i in range(len(words)))
    return out
