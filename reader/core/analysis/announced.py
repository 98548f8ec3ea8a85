"""A quote announced by the sentence before it: 'Rowe did have one parting word for his players. "…"' — the
person who has, gives or offers a word, a message or a warning in that sentence says the quote after it; and
words on show that the words before announce ('signs reading "…"', 'chanting slogans like "…"'), nobody's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import PARAGRAPH_BREAK, paragraph_start
from .cues import QUOTE_MARK, VERB, has_sentence_break, sentence_start
from .story import opens_with
from .values import Entity

INTRODUCING_WORDS = 10  # 'Mallory was in no doubt.': a paragraph of one short sentence about a person
ANNOUNCED_WORDS = 24  # a longer sentence before the quote is about more than the words to come
# 'did have one parting word', 'had a simple message', 'offered her own verdict', 'issued a stark warning'
_ANNOUNCES = re.compile(
    r"\b(?:had|has|did\s+have|offered|offers|gave|gives|delivered|delivers|sent|sends|issued|issues|saved|"
    r"reserved|shared|shares|left|added)\s+(?:(?:also|only|just|then)\s+)?"
    r"(?:a|an|one|the|some|this|his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?:words?|message|warning|plea|reply|answer|advice|verdict|promise|reminder|retort|response|prediction|"
    r"explanation|assessment|challenge|apology|thoughts|rallying\s+cry)\b(?!\s+from\b)"
)

# a short description before the name: 'Kenyan runner ', 'Rovers' new signing '
_DESCRIBED = re.compile(r"[A-Z][\w'’-]*\s+(?:(?!(?:for|to|with|by|from|about|of|and|on|at|in)\s)[a-z][\w-]*\s+){1,2}")


# 'As Heald told The Huffington Post, …', 'As NARAL President Ilyse Hogue pointed out, …'
_AS_SAID = re.compile(rf"As\s+(?P<who>[^,;:\"“]{{2,80}}?)\s+(?:{VERB}|put\s+it)\b[^,;:\"“]{{0,60}},")


def as_said(text: str, start: int, entities: Sequence[Entity]) -> str | None:
    """The person of 'As X told the Echo, …' that opens the sentence the quote at `start` closes after a
    semicolon, or the sentence just before it in its paragraph: 'As Heald told The Huffington Post, ozone
    has dropped. "…"'."""
    para = paragraph_start(text, start)
    begin = sentence_start(text, start, para)
    if begin == start:  # the quote opens its sentence: the one before it
        stop = len(text[:start].rstrip())
        if stop <= para:
            return None
        begin = sentence_start(text, stop - 1, para)
    elif not text[:start].rstrip().endswith(";"):
        return None
    said = _AS_SAID.match(text, begin, start)
    if said is None or QUOTE_MARK.search(text, begin, start):
        return None
    who = [e for e in entities if e.label in ("PERSON", "ORG") and said.start("who") <= e.start < said.end("who")]
    people = [e for e in who if e.label == "PERSON"]
    return (people or who)[-1].canonical if who else None


def announcer(text: str, start: int, entities: Sequence[Entity]) -> str | None:
    """The person whose word, message or warning the sentence just before the quote at `start` (in its paragraph)
    announces, where that person opens the sentence: 'Faith Chebet had a simple message for the shoe companies.'
    Not a message for someone ('The banner carried a message for owner X'), nor one received from someone."""
    para = paragraph_start(text, start)
    stop = len(text[:start].rstrip())
    if stop <= para or text[stop - 1 : stop] not in (".", "!") or sentence_start(text, start, para) != start:
        return None
    begin = sentence_start(text, stop - 1, para)
    if QUOTE_MARK.search(text, begin, stop) or len(text[begin:stop].split()) > ANNOUNCED_WORDS:
        return None
    announces = _ANNOUNCES.search(text, begin, stop)
    if announces is None:
        return None
    people = [e for e in entities if e.label == "PERSON" and begin <= e.start and e.end <= announces.start()]
    if not people or not (
        opens_with(text, begin, people[0].start) or _DESCRIBED.fullmatch(text, begin, people[0].start)
    ):
        return None
    return people[0].canonical


def paragraph_introducer(text: str, start: int, entities: Sequence[Entity]) -> str | None:
    """The person a paragraph of one short sentence opens with, where the quote at `start` opens the next
    paragraph: 'Mallory was in no doubt.' then '"This club means everything to me."'."""
    para = paragraph_start(text, start)
    if para != start or para < len(PARAGRAPH_BREAK) + 1:
        return None
    before = paragraph_start(text, para - len(PARAGRAPH_BREAK))
    sentence = text[before:para].strip()
    if (
        not sentence.endswith(".")
        or len(sentence.split()) > INTRODUCING_WORDS
        or has_sentence_break(sentence[:-1])
        or QUOTE_MARK.search(sentence)
    ):
        return None
    opener = next((e for e in entities if before <= e.start < para and opens_with(text, before, e.start)), None)
    return opener.canonical if opener is not None and opener.label == "PERSON" else None


# the words a sign, a banner or a crowd's slogan shows, right before them: 'signs reading "…"', 'A banner in the
# curva read "…"', 'chanting slogans like "…"'; and the next of a list of them: '"…", "…" and "…"'
_SHOWN_BEFORE = re.compile(
    r"(?:\b(?i:banner|sign|placard|poster|bedsheet|flag|t-shirt|graffiti)s?\b[^.!?;:\"“”]{0,50}?\s"
    r"(?:read|reads|reading|included|include|saying|demanding|proclaiming|bearing)"
    r"|\b(?:chant(?:ing|ed|s)?|slogans?)\s+(?:slogans?\s+)?(?:like|such\s+as|including))\s*[:,]?\s*$"
)
_NEXT_SHOWN = re.compile(r"\s*,?\s*(?:and\s+|or\s+)?$")


def shown(text: str, start: int, previous_end: int | None) -> bool:
    """Whether the quote at `start` is words on show (a sign, a banner, a slogan), as the words right before it
    say, or the next of a list that began with such words (the last of them ended at `previous_end`)."""
    if previous_end is not None and _NEXT_SHOWN.fullmatch(text, previous_end, start):
        return True
    begin = max(paragraph_start(text, start), start - 90)
    return bool(_SHOWN_BEFORE.search(text, begin, start))
