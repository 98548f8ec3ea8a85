"""People across one article: a surname two people share read as the nearest of them, and people written in
capitals; steps of `consistency.merge_partial` once each mention has its label."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..model import PARAGRAPH_BREAK
from .names import surname
from .values import Entity

# a run of words in capitals: 'HELEN MARSH', 'OKORO-BANKS'
_CAPITALS = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}(?![\w'’-])")


def in_capitals(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A person of the article written in capitals, full name or surname ('HELEN MARSH:' labelling a
    transcript's speaker, 'OKORO-BANKS' in a headline), is that person, in place of spaCy's tags over it."""
    fulls = {e.canonical for part in parts for e in part if e.label == "PERSON" and " " in e.canonical}
    if not fulls or not any(_CAPITALS.search(text) for text in texts):
        return parts
    # a surname of four letters or more: 'BAT' or 'ITV' in capitals is more likely a company's than 'Tom Bat'
    known = {surname(n).upper(): n for n in fulls if len(surname(n)) > 3} | {n.upper(): n for n in fulls}
    out = []
    for text, part in zip(texts, parts):
        found = [(m.start(), m.end(), known[m.group()]) for m in _CAPITALS.finditer(text) if m.group() in known]
        if found:
            part = [e for e in part if not any(s < e.end and e.start < x for s, x, _ in found)]
            part = sorted(
                [*part, *(Entity(s, e, text[s:e], "PERSON", name) for s, e, name in found)], key=lambda x: x.start
            )
        out.append(part)
    return out


def latest_namesakes(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A surname two people of the article share ('John Smith', his brother 'Peter Smith') is the one of
    them named last before it in its paragraph (press copy refers back to the nearest), else the one its
    part has mentioned most so far, the latest of equals (before any: the one the article writes in full
    most); not simply the first named."""
    fulls: dict[str, dict[str, None]] = {}  # a surname -> its people's full names, in reading order
    written: dict[str, int] = {}  # each full name's mentions written in full, in the whole article
    people = [e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical]
    for e in sorted(people, key=lambda e: " " not in e.text):  # names written in full first
        fulls.setdefault(surname(e.canonical), {})[e.canonical] = None
        written[e.canonical] = written.get(e.canonical, 0) + (" " in e.text)
    shared = {family for family, people in fulls.items() if len(people) > 1}
    if not shared:
        return parts
    headline = _headline_people(parts[0], shared) if len(parts) > 1 else {}
    out = []
    for text, part in zip(texts, parts):
        seen: dict[str, tuple[int, int]] = {}  # a full name -> (its mentions so far, where it was last)
        kept = []
        for e in part:
            family = surname(e.canonical) if e.label == "PERSON" else ""
            if family in shared and e.text == family:
                para = text.rfind(PARAGRAPH_BREAK, 0, e.start)
                near = [(at, name) for name, (_, at) in seen.items() if at > para and name in fulls[family]]
                most = [(n, at, name) for name, (n, at) in seen.items() if name in fulls[family]]
                if family in headline and not (near and max(near)[0] > _sentence_start(text, e.start)):
                    best = headline[family]  # the story's subject, unless its sentence named a relative
                elif near or most:
                    best = max(near)[1] if near else max(most)[2]
                else:
                    best = max(fulls[family], key=lambda name: written[name])
                e = Entity(e.start, e.end, e.text, e.label, best, e.note)
            if family in shared:
                seen[e.canonical] = (seen.get(e.canonical, (0, 0))[0] + 1, e.start)
            kept.append(e)
        out.append(kept)
    return out


def _headline_people(title: list[Entity], shared: Collection[str]) -> dict[str, str]:
    """The surnames of `shared` whose family the headline names one person of in full: that person."""
    named: dict[str, set[str]] = {}
    for e in title:
        if e.label == "PERSON" and " " in e.text and surname(e.canonical) in shared:
            named.setdefault(surname(e.canonical), set()).add(e.canonical)
    return {family: next(iter(people)) for family, people in named.items() if len(people) == 1}


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence around `at` starts (roughly: after the last full stop, question mark or line break)."""
    return max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at), text.rfind("\n", 0, at))
