"""The labels that stand before a quote and a colon: a transcript's turn ('A. Joe Brannigan: "…"'), a release's
('Statement from Northfield Rovers: "…"'), a name's ('Sam Ito, Channel 4: "…"', '@jaycee_fw: "…"'), and a
person's or a body's word for what follows ('Her verdict: "…"', 'His reply? "…"'), where the pronoun the
possessive stands for speaks."""

from __future__ import annotations

import re

from .names import ROLE_WORDS
from .phrases import HANDLE, LABEL, LEAD_IN, ROLE_COLON, TURN
from .sources import Source, looks_like_name, span

_POSSESSIVE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<who>His|Her|Their|Its)\s+(?:[a-z][\w-]*\s+)?"
    r"(?:verdict|reply|response|answer|message|advice|view|take|assessment|prediction|explanation|retort|"
    r"reaction|summary|conclusion|warning|promise|plea)(?:\s+(?:to|on)\s+[^:?.\"“]{1,40})?\s*[:?]\s*$"
)
_PRONOUN_OF = {"his": "he", "her": "she", "their": "they", "its": "it"}


def possessive_label(text: str, floor: int, quote_start: int) -> tuple[int, int, str] | None:
    """Where the possessive of a label like 'Her verdict:' or 'His reply?' right before the quote at
    `quote_start` runs (as a sentence of its own or the start of the quote's, not before `floor`), and the
    pronoun it stands for; None where no such label comes before the quote."""
    m = _POSSESSIVE.search(text[floor:quote_start])
    return (floor + m.start("who"), floor + m.end("who"), _PRONOUN_OF[m.group("who").lower()]) if m else None


def transcript_turn(head: str, at: int) -> Source | None:
    # a transcript's 'Q (MARA LINDQVIST, THE COURIER): "'   'A. Joe Brannigan: "'   'Q — Sam Ito (BBC): "'
    m = TURN.fullmatch(head)
    return span(head, at, m.start("name"), m.end("name")) if m and looks_like_name(m.group("name")) else None


def statement_label(head: str, at: int) -> Source | None:
    # a release's label: 'Statement from Northfield Rovers: "'   'Full statement by X: "'
    m = LABEL.fullmatch(head)
    return span(head, at, m.start("name"), m.end("name")) if m else None


def before_colon(head: str, at: int) -> Source | None:
    # a panel's 'Sam Ito, Channel 4: "'   a headline's 'Bach: "'
    m = re.fullmatch(  # and with an aside in brackets: 'Joe Mallory (on his future): "'
        r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\s*\([^()]{1,40}\))?(?:,\s*[^,:]{1,40})?"
        r"(?:\s+(?:again|too|also|later|then))?\s*:\s*",
        head,
    )
    on = re.fullmatch(r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s+on\s+[^,:()]{1,40}:\s*", head)
    m = m or on  # a round-up's 'Jonny Sexton on his hamstring: "'; a two-word name, not 'Pressure on Leeds'
    handle = re.fullmatch(rf"\s*({HANDLE.pattern})\s*:\s*", head)
    if handle:  # a social-media reaction's account: '@jaycee_fw: "'
        return span(head, at, handle.start(1), handle.end(1))
    held = ROLE_COLON.fullmatch(head)  # 'Leeds Rhinos head coach Brad Arthur: "'
    if not m and held and held.group("role").split()[-1] in ROLE_WORDS:
        return span(head, at, held.start("name"), held.end("name"))
    if (
        not m
        or len(m.group("name")) < 2
        or not looks_like_name(m.group("name"))
        or LEAD_IN.match(m.group("name") + ",")
    ):
        return None
    return span(head, at, m.start("name"), m.end("name"))
