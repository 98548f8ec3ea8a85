"""A label before a quote that is not a name but a person's or a body's word for it: 'Her verdict: "…"', 'His
reply? "…"', 'Its response to the protest: "…"': the pronoun the possessive stands for speaks."""

from __future__ import annotations

import re

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
