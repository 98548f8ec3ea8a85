"""The phrase that names who spoke, as it stands in the text, with where it is (what attribution.py and
labels.py find)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import PARTICLES


@dataclass(frozen=True)
class Source:
    """The phrase naming who spoke, as it stands in the text, with where it is."""

    start: int
    end: int
    text: str
    pronoun: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


def span(body: str, at: int, start: int, end: int, pronoun: bool = False) -> Source | None:
    phrase = body[start:end].strip(" ,")
    if not phrase:
        return None
    offset = body.index(phrase, start)
    return Source(at + offset, at + offset + len(phrase), phrase, pronoun)


def looks_like_name(phrase: str) -> bool:
    words = [w for w in re.findall(r"[\w'’.-]+", phrase) if w not in PARTICLES]
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 5
