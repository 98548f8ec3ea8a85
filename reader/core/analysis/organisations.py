"""Organisations named by their head word: 'Human Rights Watch', 'Swiss Federal Tribunal', 'Reliance
Industries', 'Federal Bureau of Investigation', 'University of North Carolina at Greensboro', whatever spaCy
made of them or where it saw nothing. One compiled pattern over the text, no pass per token."""

from __future__ import annotations

import re

from .names import FUNCTION_WORDS, ROLE_WORDS, SENTENCE_OPENERS
from .values import Entity

# the last word of an organisation's name, never of a person's, a place's, a venue's or an event's
HEADS = (
    "Tribunal Campaign Watch Industries Council Ministry Agency Department Office Bureau University Party "
    "Commission Committee Institute Foundation Association Federation Confederation Society Authority Board "
    "Museum Corporation Conglomerate Airlines Airways"
).split()
# a capitalised word: 'U.S', 'Sea-Air-Space', "Supporters'"; not 'NSW's' nor a sentence's full stop
_WORD = r"[A-Z][\w-]*(?:['’.](?!s\b)[\w-]+)*(?:['’](?= ))?"
_HEADED = re.compile(
    rf"(?<![\w'’.-])((?:{_WORD} (?:& |and )?){{0,5}})(?:{'|'.join(HEADS)})\b"
    rf"(?: (?:of|for) (?:the )?{_WORD}(?: (?:and |at |& |of )?{_WORD}){{0,5}})?"
)
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_LAST = frozenset({"and", "of", "at", "for", "the", "&"})


def with_headed_orgs(text: str, found: list[Entity]) -> list[Entity]:
    """`found` with each name that ends in an organisation's head word (see `HEADS`), or is one with 'of …'
    after it, an organisation over its whole span: the tags of spaCy it covers (its person 'Federal
    Tribunal', its 'Federal Bureau') give way; a listed name, a tag that runs past it, or a person inside
    its 'of …' ('Ministry of Sport Kate Ellis') stand."""
    spans = [_span(text, m) for m in _HEADED.finditer(text)] if _any_head(text) else []
    out = list(found)
    for s, head, e in (span for span in spans if span):
        # a person after the head word ends the name: 'Ministry of Sport Kate Ellis'
        e = min((x.start - 1 for x in out if x.label == "PERSON" and head < x.start < e), default=e)
        inside = [x for x in out if x.start < e and s < x.end]
        name = text[s:e]
        while name.split()[-1].lower() in ROLE_WORDS and e - len(name.split()[-1]) - 1 > head:
            e -= len(name.split()[-1]) + 1  # the 'Museum of Flight' of 'Museum of Flight CEO Mark Lane'
            name = text[s:e]
        if any(x.note or x.start < s or x.end > e for x in inside) or name.split()[-1] in _NOT_LAST:
            continue
        out = [x for x in out if x not in inside] + [Entity(s, e, name, "ORG", name)]
    return sorted(out, key=lambda x: x.start)


def _any_head(text: str) -> bool:
    return any(head in text for head in HEADS)


def _span(text: str, m: re.Match) -> tuple[int, int, int] | None:
    """The organisation's span in a match and the end of its head word: past the words before it that are
    no part of a name ('The', 'Britain's', a headline's 'To'); None for a head word alone ('the Council')."""
    s = m.start()
    for word in re.finditer(r"\S+", m.group(1)):
        w = word.group()
        if w.lower() in FUNCTION_WORDS or w in SENTENCE_OPENERS or _POSSESSIVE.search(w):
            s = m.start(1) + word.end() + 1
    head = text.find(" ", m.end(1), m.end())
    head = m.end() if head < 0 else head
    if s >= m.end(1) and head == m.end():
        return None
    return s, head, m.end()
