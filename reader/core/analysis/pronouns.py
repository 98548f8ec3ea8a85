"""What a pronoun after a quote stands for where the story decides it beyond the usual reading of 'he said'
(the person named just before): the document a report's 'it' is, the two people a 'they' names together,
the one of a man and a woman a 'she' means, the person a description opening the paragraph stands for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import paragraph_start
from .attribution import LEAD_IN, QUOTE_MARK, sentence_start
from .cues import sentence_end
from .gender import KIN, by_gender, genders
from .referents import possessed
from .story import (
    LOOK_BACK,
    OPENING_ADVERB,
    TOPIC_SENTENCES,
    UNNAMED_SOURCE,
    description,
    is_description,
    joint_subject,
    opens_with,
)
from .values import Entity

_HE_SHE = ("he", "she")


def stands_for(pronoun: str, text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """What a pronoun at `at` after a quote stands for, where the story decides it beyond the usual reading:
    'it', the document before ('The review accuses …. It says …'); 'they', two people named together
    before; 'he' or 'she', the one of that gender where the story names a man and a woman, else the person
    a description opening the paragraph stands for ('The champion plays X. … "…," she said')."""
    word = pronoun.lower()
    if word == "it":
        return document_before(text, at)
    if word == "they":
        return joint_subject(text, at, entities)
    if word in _HE_SHE and (kin := possessed_subject(word, text, at, entities) or unnamed_before(text, at, entities)):
        return kin  # "Ion's father, who is a senator, urged …. He said, '…'"
    return by_gender(word, text, at, entities) or (
        described_topic(text, at, entities, word) if word in _HE_SHE else None
    )


_CLAUSE_FIRST = re.compile(r"^(?:Asked|Pressed|Questioned|When|After|As|Before|While|Although)\b[^,.]{1,80},\s+")
_DESCRIBED_OPENING = re.compile(r"(The\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?=[a-z])")


def described_topic(text: str, at: int, entities: Sequence[Entity], pronoun: str) -> str | None:
    """Whom 'she said' at `at` means where its paragraph is about a person it calls by a description: 'The
    champion plays X on Wednesday. Asked …, she laughed. "…," she said.' Read back over the sentences
    before the quote, past those whose subject is the pronoun again; None where a named person opens one."""
    para = paragraph_start(text, at)
    end = sentence_start(text, at, para)
    people = {e.canonical for e in entities if e.label == "PERSON"}
    for _ in range(TOPIC_SENTENCES):
        stop = len(text[:end].rstrip()) - 1
        if stop <= para:
            return None
        start = sentence_start(text, stop, para)
        if any(e.label == "PERSON" and start <= e.start < stop and opens_with(text, start, e.start) for e in entities):
            return None  # a named subject: the usual reading decides
        head = _CLAUSE_FIRST.sub("", OPENING_ADVERB.sub("", text[start:stop]))
        if re.match(rf"{pronoun}\b", head, re.I):
            end = start
            continue
        described = _DESCRIBED_OPENING.match(head)
        if not described or not is_description(described.group(1)):
            return None
        where = start + text[start:stop].index(described.group(1))
        who = description(described.group(1), where, where + len(described.group(1)), text, entities)
        return who if who in people else None
    return None


# a document that speaks for itself ('The report accuses …. It says …'), named in the sentence before
_DOCUMENT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,4}?(report|review|study|survey|declaration|document|"
    r"manifesto|ruling|judgment|verdict|resolution|charter|white\s+paper)\b"
)


def document_before(text: str, at: int) -> str | None:
    """'the report' where 'it' at `at` opens a sentence after one that names a document: 'The
    review accuses owners …. It says …', '… approved a declaration in which …. It also mentioned …'."""
    begin = sentence_start(text, at, paragraph_start(text, at))
    if text[begin:at].strip() and not LEAD_IN.fullmatch(text[begin:at]):
        return None  # not '"…", it said': the pronoun after a quote
    last_mark = max(0, len(text[:begin].rstrip()) - 1)  # the previous sentence's full stop
    previous = text[sentence_start(text, last_mark, max(0, begin - LOOK_BACK)) : begin]
    if QUOTE_MARK.search(previous):
        return None  # a quote in between: 'it' goes on from its speaker
    found = list(_DOCUMENT.finditer(previous))
    return "the " + " ".join(found[-1].group(1).split()) if found else None


def subject_goes_on(
    pronoun: str,
    text: str,
    at: int,
    scope: int,
    named: Sequence[Entity],
    previous: str | None,
    entities: Sequence[Entity],
) -> str | None:
    """The previous speaker, where everyone `named` between `scope` and the quote at `at` stands in a sentence
    that opens with the attribution's own 'he' or 'she' ('She called on President Henri Vasseur to keep
    working. "…," she said'): the people of that sentence are whom its subject spoke of or to, and the
    pronoun goes on from the subject. None where that does not decide, or the story says the previous
    speaker is of the other gender."""
    word = pronoun.lower()
    if word not in _HE_SHE or not named or not previous or genders(text, entities).get(previous, word) != word:
        return None
    floor = max(scope, paragraph_start(text, at))
    for e in named:
        begin = sentence_start(text, e.start, floor)
        if not re.match(rf"{word}\s", OPENING_ADVERB.sub("", text[begin : e.start]), re.I):
            return None
    return previous


def _sentence_before(text: str, at: int) -> tuple[int, int] | None:
    """Where the sentence before the one at `at` starts and ends, in its paragraph; None where it opens it."""
    para = paragraph_start(text, at)
    stop = len(text[: sentence_start(text, at, para)].rstrip()) - 1
    return None if stop <= para else (sentence_start(text, stop, para), stop)


_ROLE_GENDER = {**KIN, "spokesman": "he", "spokeswoman": "she"}
_RELATION = "|".join(sorted({*KIN, "coach", "manager", "agent", "lawyer", "attorney", "trainer", "promoter", "caddie"}))
_RELATION += "|spokes(?:man|woman|person)"
# "Ion's father", "Tommy Kane's mother", "Benassi's manager, Paolo Greco,": someone known by whose they are
_POSSESSED_SUBJECT = re.compile(
    rf"((?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]*['’]s\s+(?:[a-z-]+\s+)?({_RELATION}))\b[\s,]*"
)


def possessed_subject(pronoun: str, text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """Whom 'he' or 'she' at `at` means where the sentence before the pronoun's opens with someone known by
    whose they are: "Ion's father, who is a senator, urged the Parliament to act. He said, '…'" → "Ion's
    father" as written, or the person named right after it ("Benassi's manager, Paolo Greco,"); None where
    no such sentence comes just before, or the relation is of the other gender ('his mother' for 'he')."""
    before = _sentence_before(text, at)
    found = _POSSESSED_SUBJECT.match(text, before[0]) if before else None
    if not found or _ROLE_GENDER.get(found.group(2).lower(), pronoun) != pronoun:
        return None
    named = next((e for e in entities if e.label == "PERSON" and e.start == found.end()), None)
    return named.canonical if named else found.group(1)


_UNNAMED = re.compile(rf"(?<![\w'’-]){UNNAMED_SOURCE.pattern}")  # not the 'an' of 'The Russian Defence Ministry'


def unnamed_before(text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """Someone unnamed who speaks for a body, named in the sentence before the pronoun's where the only
    people it names are someone's ("… an unnamed U.S. official confirmed …, at the time of Bush's
    statement. '…' he said", "A Rosengard spokeswoman confirmed Lindgren's move."): as written."""
    before = _sentence_before(text, at)
    if before is None:
        return None
    start, stop = before
    found = _UNNAMED.search(text, start, stop)
    people = [e for e in entities if e.label == "PERSON" and start <= e.start < stop]
    if not found or not all(possessed(text, e) for e in people):
        return None
    return found.group()[0].lower() + found.group()[1:]


# a person written as a passive's agent: 'When challenged by Piet Maas …, he replied': not whom 'he' is
_AGENT = re.compile(r"\b[a-z]+ed\s+by\s+(?:[A-Z][\w.'’-]*\s+){0,2}$")


def candidates(pronoun: str, text: str, people: Sequence[Entity], after_quote: bool) -> list[Entity]:
    """Of `people`, those 'he' or 'she' may stand for: not one written as the agent of a passive ('challenged
    by Piet Maas'), nor, after a quote of the paragraph, one named as a possessor ('the media from Wolf's
    home country'): the pronoun goes on from its speaker."""
    if pronoun.lower() not in _HE_SHE:
        return list(people)
    return [
        e
        for e in people
        if not _AGENT.search(text, max(0, e.start - 40), e.start) and not (after_quote and possessed(text, e))
    ]


# after a quote that ends its own sentence: '… with pride." Women's captain Jess Moreno …'
_NEW_SENTENCE = re.compile(r"\s+[\"“]?[A-Z]")


def after_quote(text: str, end: int, limit: int) -> int:
    """Where the sentence of a quote ending at `end` ends: at the quote where it closes with a full stop and a
    new sentence follows ('… with pride." Jess Moreno welcomed …'), else at the sentence's own end."""
    if text[end - 2 : end - 1] == "." and _NEW_SENTENCE.match(text, end):
        return end
    return sentence_end(text, end, limit)


# a person who reports in the sentence before: 'Ilse Varga of the federation said the rider …'
_REPORTS = re.compile(
    r"(?:\s+(?:of|at|from)\s+(?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*){0,3})?(?:,[^,.;:\"“]{1,80},)?\s+"
    r"(?:said|says|told|explained|confirmed|announced|insisted|argued|warned|added)\b"
)


def reporter_before(text: str, at: int, floor: int, people: Sequence[Entity]) -> Entity | None:
    """Of `people`, the one who reports in the sentence just before the quote at `at` ('Chief commissaire Ilse
    Varga of the federation said the rider had been fined. "…," she said'), where just one does."""
    begin = sentence_start(text, at, floor)
    previous = sentence_start(text, max(floor, len(text[:begin].rstrip()) - 1), floor)
    found = [e for e in people if previous <= e.start < begin and _REPORTS.match(text, e.end)]
    return found[0] if len({e.canonical for e in found}) == 1 else None
