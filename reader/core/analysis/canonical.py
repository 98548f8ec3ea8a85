"""The speaker of a quote under the name the article gives: a person's name without the title or the
possessive origin before it ('Premier Lu Wenhai', "Croatia's Mila Brekalo"), a peer's or a judge's title kept
('Lord Carrowmore'), a bare title resolved to its holder ('the Premier said'), and an unnamed source's
description as the article first wrote it in full ('a senior executive at one of the big two kit makers')."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .gazetteer import word_list
from .mentions import compiled
from .names import ROLE_WORDS, SENTENCE_OPENERS, trim_name
from .values import Entity

# titles that are part of the name in press style and in the gold: 'Lord Carrowmore', 'Baroness Grey-Thompson'
PEERAGE = frozenset({"lord", "lady", "baroness", "baron", "earl", "viscount", "countess"})
# titles before a name that are not part of it, besides the roles the names module knows
TITLES = (ROLE_WORDS - PEERAGE - {"st"}) | frozenset(
    "premier cardinal archbishop bishop pope rabbi imam pastor chancellor ambassador envoy".split()
)
_ORIGIN = re.compile(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+(?=[A-Z])")  # "Croatia's ", "New Zealand's "
_NAME = r"(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+"
_PEER = re.compile(r"(?<!First )\b(?:Lord|Lady|Baroness|Baron|Earl|Viscount|Countess)\s+([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
_WORD = r"[\w'’-]+"
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_KIN = r"(?:father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|grandfather|grandmother)"
_RELATIVE = re.compile(rf"\b(([A-Z][\w'’-]+)['’]s\s+{_KIN})\s*,?\s+([A-Z][a-z][\w'’-]*)\b(?!\s+[A-Z])")


def canonical_speakers(speakers: Sequence[str | None], text: str, entities: Sequence[Entity]) -> dict[str, str]:
    """Each distinct speaker → its canonical form in this article (once per speaker, not per quote)."""
    people = list({e.canonical for e in entities if e.label == "PERSON"})
    bodies = {e.canonical for e in entities if e.label != "PERSON"}
    peers = {m.group(1): m.group(0) for m in _PEER.finditer(text)}
    # "Okafor's father Dominic": 'Dominic Okafor', whether the speaker came out as 'Dominic' or "Okafor's father"
    kin = {k: f"{m.group(3)} {m.group(2)}" for m in _RELATIVE.finditer(text) for k in (m.group(3), m.group(1))}
    return {s: kin.get(s) or _canonical(s, text, people, peers, s in bodies) for s in set(speakers) if s}


def _canonical(speaker: str, text: str, people: list[str], peers: dict[str, str], body: bool) -> str:
    if " " not in speaker and speaker in peers and not any(p != speaker and p.endswith(" " + speaker) for p in people):
        return peers[speaker]  # 'Carrowmore' → 'Lord Carrowmore', where the article gives no first name
    if speaker[:1].islower():
        return _described(speaker, text) or speaker
    if all(w[:1].isupper() for w in speaker.split()) and (title := _title(speaker)):
        return _holder(title, text, people) or speaker  # 'the Premier said', 'National Security Advisor'
    if speaker.endswith(("s'", "s’")):
        return _owned(speaker, text) or speaker
    if " " not in speaker and speaker not in people:
        return _spelled(speaker, text) or _longer(speaker, text) or speaker
    return speaker if body else _untitled(speaker, people)  # 'St. Louis Blues' is no title and a name


def _owned(owner: str, text: str) -> str | None:
    """ "Dark Blues'" → "the Dark Blues' head coach": the description a plural possessive opens, as written."""
    found = re.search(
        rf"{re.escape(owner)}(?:\s+[a-z][\w-]*){{1,3}}(?=[,.;:]|\s+(?:who|was|is|said|says)\b)",
        text,
    )
    return "the " + found.group(0) if found else None


def _untitled(speaker: str, people: list[str]) -> str:
    """'Premier Lu Wenhai' → 'Lu Wenhai', "Croatia's Mila Brekalo" → 'Mila Brekalo', 'Cardinal Orlen' → the
    'Matthew Orlen' the article names: what remains is a person's name (a first name or a person of the story)."""
    origin = _ORIGIN.match(speaker)
    name = speaker[origin.end() :] if origin else speaker
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words.pop(0)
    rest = " ".join(words)
    if rest == speaker or trim_name(rest) != rest:
        return speaker
    fuller = {u for p in people if (u := _untitled(p, [])).endswith(" " + rest) and u.split()[0].lower() not in TITLES}
    if len(words) == 1:
        return fuller.pop() if len(fuller) == 1 else speaker
    return rest if rest in people or words[0] in word_list("first_names") else speaker


_TITLE_TAIL = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]+$")  # 'National Security Advisor', 'U.S. Secretary'


def titled_holder(phrase: str, text: str, entities: Sequence[Entity]) -> str | None:
    """A source phrase that ends in a title ("said the minister's National Security Advisor") → the one holder
    the article names after that title ('National Security Advisor, Lieutenant General H.R. McMaster')."""
    title = _title(phrase)
    return _holder(title, text, [e.canonical for e in entities if e.label == "PERSON"]) if title else None


def _title(phrase: str) -> str | None:
    """The capitalised words a phrase ends in, where the last is a title: 'National Security Advisor'."""
    tail = _TITLE_TAIL.search(phrase)
    return tail.group(0) if tail and tail.group(0).split()[-1].lower() in TITLES else None


def _holder(title: str, text: str, people: list[str]) -> str | None:
    """'the Premier said' → 'Lu Wenhai', where the article names one holder: 'Premier Lu Wenhai'."""
    holders = {
        _untitled(m.group(1), people)
        for m in compiled(rf"\b{re.escape(title)},?\s+((?:[A-Z][\w'’.-]+\s+){{0,3}}[A-Z][\w'’-]+)").finditer(text)
    }
    holders = {h for h in holders if h in people or h.split()[0] in word_list("first_names")}
    return holders.pop() if len(holders) == 1 else None


def _spelled(acronym: str, text: str) -> str | None:
    """'WHPA' → 'Welsh Hockey Players Association', where the article wrote the name out without the initials
    in brackets: capitalised words whose initials are the acronym's letters."""
    if not _ACRONYM.fullmatch(acronym):
        return None
    found = re.search(r"\s+(?:(?:of|the|for|and|&)\s+)*".join(rf"\b{c}[a-z'’-]+" for c in acronym), text)
    return found.group(0) if found else None


def _longer(name: str, text: str) -> str | None:
    """'Halvard' → 'Halvard Cycling Collective', the one longer name the article writes it in (where the rest is
    no first name, as in 'Ineos Grenadiers' or 'ATP Tour')."""
    found = list(compiled(rf"\b{re.escape(name)}((?:\s+[A-Z][a-z][\w'’-]*)+)").finditer(text))
    rests = {" ".join(m.group(1).split()) for m in found}
    if len(rests) != 1:
        return None
    alone = compiled(rf"\b{re.escape(name)}\b(?!\s+[A-Z])").search(text)
    if alone and alone.start() < found[0].start():
        return None  # 'Ryanair' named on its own before 'Ryanair Pilots Group': a body of its own, no short form
    rest = rests.pop().split()
    if len(rest) > 3 or any(w in word_list("first_names") or w in SENTENCE_OPENERS for w in rest):
        return None
    return " ".join([name, *rest])


def _described(speaker: str, text: str) -> str | None:
    """'a senior executive' → 'a senior executive at one of the big two kit makers', as the article first wrote
    it: the description followed by 'at'/'of'/'for'/'from'/'with' and a few lowercase words, up to a comma."""
    if not re.match(r"an?\s", speaker):
        return None
    head = re.escape(speaker[1:])
    full = compiled(rf"\b[Aa]{head}((?:\s+(?:at|of|for|from|with)(?:\s+[a-z]{_WORD}){{1,7}}))(?=,)").search(text)
    return speaker + full.group(1) if full else None
