"""The watchlist: the names a user follows (sponsors, properties, people, organisations), as CSV in the data dir."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ReaderError
from ..paths import shipped, write_whole

SPONSOR, PROPERTY, PERSON, ORGANISATION = "sponsor", "property", "person", "organisation"
KINDS = (SPONSOR, PROPERTY, PERSON, ORGANISATION)
COLUMNS = ("name", "kind", "aliases", "sponsor")
WATCHLIST_FILE = "watchlist.csv"
BUILT_IN_SPONSORS = shipped("resources") / "gazetteer" / "sponsors.csv"


class WatchlistError(ReaderError):
    """A watchlist file cannot be read or written; the message names the file (and line)."""


@dataclass(frozen=True)
class Watched:
    """One followed name. A property's `name` is its official, sponsored name; `sponsor` the sponsor it should carry,
    and its `aliases` include the unsponsored forms."""

    name: str
    kind: str = SPONSOR
    aliases: tuple[str, ...] = ()
    sponsor: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and its aliases, each once."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    @property
    def unsponsored_forms(self) -> tuple[str, ...]:
        """The aliases that leave the sponsor out ("Premier League" for "Barclays Premier League"); none without a
        sponsor."""
        if self.kind != PROPERTY or not self.sponsor:
            return ()
        sponsor = self.sponsor.casefold()
        return tuple(a for a in self.aliases if sponsor not in a.casefold() and a.casefold() != self.name.casefold())


@dataclass
class Watchlist:
    """The followed names in the user's order; a name is followed once (compared without case)."""

    names: list[Watched] = field(default_factory=list)

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def find(self, name: str) -> Watched | None:
        key = name.strip().casefold()
        return next((w for w in self.names if w.name.casefold() == key), None)

    def add(self, watched: Watched) -> Watched:
        """Follow a name; a name already followed is replaced in place."""
        watched = _clean(watched)
        for i, w in enumerate(self.names):
            if w.name.casefold() == watched.name.casefold():
                self.names[i] = watched
                return watched
        self.names.append(watched)
        return watched

    def remove(self, name: str) -> bool:
        before = len(self.names)
        self.names = [w for w in self.names if w.name.casefold() != name.strip().casefold()]
        return len(self.names) != before

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for w in self.names:
            writer.writerow((w.name, w.kind, "|".join(w.aliases), w.sponsor))
        return out.getvalue()

    @classmethod
    def from_csv(cls, text: str, where: str = "watchlist") -> Watchlist:
        """Read `name,kind,aliases,sponsor` rows; a missing kind is `sponsor`, a bad one is an error naming its line."""
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        if reader.fieldnames is None or "name" not in [f.strip().lower() for f in reader.fieldnames]:
            raise WatchlistError(f"{where}: the first line must name the columns {','.join(COLUMNS)}")
        watchlist = cls()
        for row in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
            if not row.get("name"):
                continue
            kind = (row.get("kind") or SPONSOR).lower()
            if kind not in KINDS:
                raise WatchlistError(f"{where} line {reader.line_num}: kind {kind!r} is not one of {', '.join(KINDS)}")
            watchlist.add(Watched(row["name"], kind, _split(row.get("aliases", "")), row.get("sponsor", "")))
        return watchlist

    @classmethod
    def built_in(cls) -> Watchlist:
        """A new watchlist: every sponsor of the built-in list, with its aliases."""
        watchlist = cls()
        for row in csv.DictReader(io.StringIO(BUILT_IN_SPONSORS.read_text("utf-8-sig"))):
            if (row.get("name") or "").strip():
                watchlist.add(Watched(row["name"], SPONSOR, _split(row.get("aliases") or "")))
        return watchlist


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _clean(w: Watched) -> Watched:
    name = " ".join(w.name.split())
    aliases = tuple(dict.fromkeys(" ".join(a.split()) for a in w.aliases if a.strip() and a.strip() != name))
    return replace(w, name=name, aliases=aliases, sponsor=" ".join(w.sponsor.split()))


def load(data_dir: Path) -> Watchlist:
    """The user's watchlist; the built-in sponsors when none has been saved yet."""
    path = Path(data_dir) / WATCHLIST_FILE
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        return Watchlist.built_in()
    except (OSError, UnicodeDecodeError) as exc:
        raise WatchlistError(f"{path}: cannot be read ({exc.__class__.__name__})") from exc
    return Watchlist.from_csv(text, str(path))


def save(data_dir: Path, watchlist: Watchlist) -> Path:
    """Write the watchlist whole or not at all."""
    path = Path(data_dir) / WATCHLIST_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, watchlist.to_csv())
    except OSError as exc:
        raise WatchlistError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    return path


def merged(watchlist: Watchlist, more: Iterable[Watched]) -> Watchlist:
    """`watchlist` with `more` added (an imported CSV): names already followed take the imported row."""
    out = Watchlist(list(watchlist.names))
    for w in more:
        out.add(w)
    return out


__all__: Sequence[str] = (
    "KINDS",
    "ORGANISATION",
    "PERSON",
    "PROPERTY",
    "SPONSOR",
    "Watched",
    "Watchlist",
    "WatchlistError",
    "load",
    "merged",
    "save",
)
