"""The values analysis produces: quotes and entities as character spans, and the groups the UI shows."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    "PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "venue",
    "EVENT": "event", "MONEY": "money", "DATE": "date", "TIME": "time", "PERCENT": "percentage",
}


@dataclass(frozen=True)
class Quote:
    """Quoted text from its opening mark to its closing mark (or the paragraph's end, if never closed).

    `kind` is SPEECH for reported speech and TERM for a quoted term or scare quote, which has no speaker.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    kind: str = SPEECH

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "kind": self.kind}


@dataclass(frozen=True)
class Entity:
    """A named thing; `canonical` is the one name every mention of it shares."""

    start: int
    end: int
    text: str
    label: str
    canonical: str
    note: str = ""  # what the gazetteer says about it, e.g. "Olympic TOP partner"

    @property
    def group(self) -> str:
        return GROUP_OF_LABEL[self.label]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "label": self.label, "canonical": self.canonical}


@dataclass(frozen=True)
class Analysis:
    """Quotes and entities of one article; body spans index into `Article.body`."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    title_quotes: tuple[Quote, ...] = ()
    title_entities: tuple[Entity, ...] = ()
    caption_entities: tuple[tuple[Entity, ...], ...] = field(default_factory=tuple)

    @property
    def speeches(self) -> list[Quote]:
        return [q for q in (*self.title_quotes, *self.quotes) if q.kind == SPEECH]

    def speakers(self) -> list[str]:
        return sorted({q.speaker for q in self.speeches if q.speaker})

    def speaker_of(self, start: int, end: int) -> str | None:
        """Who said body[start:end]: the speaker of the direct quote it lies within, if any."""
        return next((q.speaker for q in self.quotes if q.kind == SPEECH and q.start <= start and end <= q.end), None)

    @property
    def all_entities(self) -> list[Entity]:
        return [*self.entities, *self.title_entities, *(e for cap in self.caption_entities for e in cap)]

    def entity_names(self) -> list[str]:
        return sorted({e.canonical for e in self.all_entities})

    def entity_forms(self) -> list[str]:
        """Every way the article names its entities besides their canonical names, e.g. 'IOC'."""
        canonical = set(self.entity_names())
        return sorted({" ".join(e.text.split()) for e in self.all_entities} - canonical)

    def to_cache(self) -> dict:
        return {
            "q": [_quote_row(q) for q in self.quotes],
            "e": [_entity_row(e) for e in self.entities],
            "tq": [_quote_row(q) for q in self.title_quotes],
            "te": [_entity_row(e) for e in self.title_entities],
            "ce": [[_entity_row(e) for e in cap] for cap in self.caption_entities],
        }

    @classmethod
    def from_cache(cls, data: dict, body: str, title: str, captions: list[str]) -> Analysis:
        def quotes(rows, text):
            return tuple(Quote(s, e, text[s:e], speaker, kind) for s, e, speaker, kind in rows)

        def entities(rows, text):
            return tuple(Entity(s, e, text[s:e], label, canonical, note) for s, e, label, canonical, note in rows)

        return cls(
            quotes(data["q"], body), entities(data["e"], body),
            quotes(data["tq"], title), entities(data["te"], title),
            tuple(entities(rows, captions[i] if i < len(captions) else "") for i, rows in enumerate(data["ce"])),
        )


def _quote_row(q: Quote) -> list:
    return [q.start, q.end, q.speaker, q.kind]


def _entity_row(e: Entity) -> list:
    return [e.start, e.end, e.label, e.canonical, e.note]
