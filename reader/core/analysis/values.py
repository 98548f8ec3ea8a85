"""The values analysis produces: quotes and entities as spans over an article's parts, and the groups the UI shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from ..model import BODY, Part, Span

SPEECH, TERM = "speech", "term"

# spaCy's OntoNotes labels, grouped the way a reader thinks of them; other labels are not kept
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "people": ("People", ("PERSON",)),
    "orgs": ("Organisations & sponsors", ("ORG",)),
    "places": ("Places", ("GPE", "LOC", "FAC")),
    "events": ("Events", ("EVENT",)),
    "money": ("Money & dates", ("MONEY", "DATE", "TIME", "PERCENT")),
}
GROUP_OF_LABEL = {label: key for key, (_, labels) in GROUPS.items() for label in labels}
LABEL_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "venue",
    "EVENT": "event",
    "MONEY": "money",
    "DATE": "date",
    "TIME": "time",
    "PERCENT": "percentage",
}


@dataclass(frozen=True)
class Quote(Span):
    """Quoted text from its opening mark to its closing mark (or the paragraph's end, if never closed).

    `kind` is SPEECH for reported speech and TERM for a quoted term or scare quote, which has no speaker.
    """

    text: str
    speaker: str | None = None
    kind: str = SPEECH

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker, "kind": self.kind}


@dataclass(frozen=True)
class Entity(Span):
    """A named thing; `canonical` is the one name every mention of it shares."""

    text: str
    label: str
    canonical: str
    note: str = ""  # what the gazetteer says about it, e.g. "Olympic TOP partner"

    @property
    def group(self) -> str:
        return GROUP_OF_LABEL[self.label]

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "canonical": self.canonical,
        }


@dataclass(frozen=True)
class Analysis:
    """Quotes and entities of one article, each a span of one of its parts, in the order of `Article.parts()`."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()

    def in_part(self, part: str) -> Analysis:
        """The quotes and entities of one part of the article: BODY, TITLE or caption_part(i)."""
        return Analysis(
            tuple(q for q in self.quotes if q.part == part), tuple(e for e in self.entities if e.part == part)
        )

    @property
    def speeches(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == SPEECH]

    def speakers(self) -> list[str]:
        return sorted({q.speaker for q in self.speeches if q.speaker})

    def speaker_of(self, start: int, end: int, part: str = BODY) -> str | None:
        """Who said text[start:end] of `part`: the speaker of the direct quote it lies within, if any."""
        return next((q.speaker for q in self.speeches if q.part == part and q.start <= start and end <= q.end), None)

    def entity_names(self) -> list[str]:
        return sorted({e.canonical for e in self.entities})

    def entity_forms(self) -> list[str]:
        """Every way the article names its entities besides their canonical names, e.g. 'IOC'."""
        canonical = set(self.entity_names())
        return sorted({" ".join(e.text.split()) for e in self.entities} - canonical)

    def to_cache(self, parts: Sequence[Part]) -> dict:
        """Rows of plain values; a span's part is its place in `parts`, and its text is read from there again."""
        place = {p.name: i for i, p in enumerate(parts)}
        return {
            "q": [[place[q.part], q.start, q.end, q.speaker, q.kind] for q in self.quotes],
            "e": [[place[e.part], e.start, e.end, e.label, e.canonical, e.note] for e in self.entities],
        }

    @classmethod
    def from_cache(cls, data: dict, parts: Sequence[Part]) -> Analysis:
        """The analysis `to_cache` wrote for an article with these `parts`."""

        def text(p: int, s: int, e: int) -> str:
            return parts[p].text[s:e]

        return cls(
            tuple(
                Quote(s, e, text(p, s, e), speaker, kind, part=parts[p].name) for p, s, e, speaker, kind in data["q"]
            ),
            tuple(
                Entity(s, e, text(p, s, e), label, canonical, note, part=parts[p].name)
                for p, s, e, label, canonical, note in data["e"]
            ),
        )


S = TypeVar("S", bound=Span)


def as_part(spans: Iterable[S], part: str) -> tuple[S, ...]:
    """The same quotes or entities, made spans of `part` (the finders make spans of the body)."""
    return tuple(replace(x, part=part) if x.part != part else x for x in spans)
