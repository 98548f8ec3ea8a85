"""The gazetteer: the built-in lists of sponsors, bodies, events and venues (resources/gazetteer/*.csv)."""

from __future__ import annotations

import csv
import functools
import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReaderError
from ..paths import shipped

GAZETTEER_DIR = shipped("resources") / "gazetteer"
GAZETTEER_LABELS = ("ORG", "EVENT", "FAC", "GPE", "LOC", "PERSON", "PRODUCT")
PLACE_LABELS = ("GPE", "LOC")
PEOPLE_LIST = "people.csv"
NICKNAMES_LIST = "nicknames.csv"


class GazetteerError(ReaderError):
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
        places = [e for e in self.entries if e.label in PLACE_LABELS]
        # a place listed besides an organisation of the same name ('Barcelona' the city and the club):
        # the organisation is tagged and the context decides (see `reads_as_place`)
        self.by_form = {
            form: e
            for e in (*places, *(e for e in self.entries if e.label not in PLACE_LABELS))
            for form in (e.name, *e.aliases)
        }
        # a form without its accents, as copy often writes it ('Stade Francais'), where no entry has it as written
        plain = {unaccented(form): e for form, e in self.by_form.items() if unaccented(form) != form}
        self.by_form |= {form: e for form, e in plain.items() if form not in self.by_form}
        self.place_named = {
            form: e for e in places for form in (e.name, *e.aliases) if self.by_form[form].label not in PLACE_LABELS
        }
        self.fingerprint = fingerprint

    @classmethod
    def load(cls, folder: Path = GAZETTEER_DIR) -> Gazetteer:
        entries: list[Entry] = []
        digest = hashlib.sha1()
        for path in sorted(Path(folder).glob("*.csv")) if Path(folder).is_dir() else []:
            raw = path.read_bytes()
            digest.update(path.name.encode() + raw)
            # well-known people and teams' nicknames: not tagged wherever they occur (see `famous`, `sides`)
            if path.name not in (PEOPLE_LIST, NICKNAMES_LIST):
                entries.extend(_read_entries(path, raw.decode("utf-8-sig")))
        for kind in WORD_LISTS:  # they change what the cleaning makes of the tags: part of the fingerprint
            path = Path(folder) / f"{kind}.txt"
            digest.update(path.read_bytes() if path.is_file() else b"")
        return cls(entries, digest.hexdigest()[:12])

    def patterns(self) -> list[dict]:
        out = []
        for e in self.entries:
            for form in dict.fromkeys((e.name, *e.aliases, *(unaccented(f) for f in (e.name, *e.aliases)))):
                if self.by_form[form] is e:
                    out.append({"label": e.label, "pattern": form, "id": e.name})
        return out


WORD_LISTS = ("towns", "countries", "first_names", "footballers")


@functools.cache
def word_list(kind: str, folder: Path = GAZETTEER_DIR) -> frozenset[str]:
    """One of the word lists beside the gazetteer (`<kind>.txt`): the world's towns of 15,000 people or more
    ('towns') and its countries ('countries'), from GeoNames; people's first names ('first_names'), from
    Faker. Not in the entity ruler: 'Reading', 'Bath' and 'Chelsea' are towns too, and spaCy's tags of
    them stand where they name something else (see `towns`)."""
    path = Path(folder) / f"{kind}.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def nicknames(folder: Path = GAZETTEER_DIR) -> dict[str, tuple[str, ...]]:
    """Teams' nicknames (`nicknames.csv`, each team's row with its nicknames as aliases): each nickname -> the
    canonical names of the teams it is said of ('Saints': Southampton FC, St Helens R.F.C.). Not in the
    entity ruler: a nickname stands for a team only where the article names the team (see `sides`)."""
    out: dict[str, list[str]] = {}
    for entry in read_list(Path(folder) / NICKNAMES_LIST):
        for nickname in entry.aliases:
            out.setdefault(nickname, []).append(entry.name)
    return {nickname: tuple(teams) for nickname, teams in out.items()}


def unaccented(form: str) -> str:
    """`form` without its accents: 'Stade Francais' for 'Stade Français'."""
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


def read_list(path: Path) -> list[Entry]:
    """The rows of one list beside the gazetteer, if it is there."""
    return _read_entries(path, path.read_text(encoding="utf-8-sig")) if path.is_file() else []


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
