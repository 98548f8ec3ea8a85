"""The façade the UI and the CLI share: one articles folder, its index, what changed, loading and search."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import articles as _articles
from .articles import Article, ArticleError, ArticleFile, Skipped
from .index import ArticleRow, Index, SearchResult

Progress = Callable[[int, int], None]


class LibraryError(Exception):
    """A problem with the library as a whole, told to the user in one line."""


class SyncCancelled(LibraryError):
    """The caller asked an index update to stop; the index is left as it was."""


@dataclass
class SyncReport:
    indexed: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: str | None = None
    removed_ids: list[str] = field(default_factory=list)

    @property
    def updated(self) -> int:
        return self.added + self.changed

    def to_json(self) -> dict:
        out = {
            "indexed": self.indexed,
            "updated": self.updated,
            "removed": self.removed,
            "skipped": [s.to_json() for s in self.skipped],
            "seconds": round(self.seconds, 3),
            "added": self.added,
            "changed": self.changed,
        }
        if self.rebuilt:
            out["rebuilt"] = self.rebuilt
        return out


@dataclass(frozen=True)
class Changes:
    added: list[ArticleFile]
    changed: list[ArticleFile]
    removed: list[str]


class Library:
    def __init__(self, root: Path, data_dir: Path):
        root = Path(root).expanduser()
        if not root.is_dir():
            raise LibraryError(f"articles folder not found: {root}")
        self.root = root.resolve()
        self.data_dir = Path(data_dir)
        self.index_dir = self.data_dir / "index" / _folder_key(self.root)
        self._index: Index | None = None
        self._opening = threading.Lock()
        self.rebuilt_reason: str | None = None

    @property
    def index(self) -> Index:
        with self._opening:  # the UI's index and query workers may both ask first
            if self._index is None:
                try:
                    self._index, self.rebuilt_reason = Index.open(self.index_dir)
                except OSError as exc:
                    raise LibraryError(f"cannot use the data folder {self.data_dir}: "
                                       f"{exc.strerror or exc}") from None
            return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def rows(self) -> list[ArticleRow]:
        return sorted(self.index.rows().values(), key=lambda r: r.id)

    def changes(self, files: list[ArticleFile], rows: dict[str, ArticleRow]) -> Changes:
        on_disk = {f.id: f for f in files}
        added = [f for aid, f in on_disk.items() if aid not in rows]
        changed = [f for aid, f in on_disk.items()
                   if aid in rows and (rows[aid].size, rows[aid].mtime_ns) != (f.size, f.mtime_ns)]
        removed = [aid for aid in rows if aid not in on_disk]
        return Changes(added, changed, removed)

    def sync(self, rebuild: bool = False, progress: Progress | None = None,
             on_row: Callable[[ArticleRow], None] | None = None,
             cancel: Callable[[], bool] | None = None,
             known: list[ArticleRow] | None = None) -> SyncReport:
        """Bring the index in line with the folder: only added, changed and removed files are read.

        With `rebuild` every file is read again and the new index replaces the old one at commit.
        `cancel` is polled between files; when it returns True the update stops and nothing changes.
        `known` is what `rows()` just returned, if the caller has it, so it is not read again.
        """
        start = time.perf_counter()
        index = self.index
        report = SyncReport(rebuilt=self.rebuilt_reason)
        self.rebuilt_reason = None
        scan = _articles.scan(self.root)
        rows = {r.id: r for r in known} if known is not None else index.rows()
        changes = self.changes(scan.files, rows)
        if rebuild:  # read everything again; the commit drops every older document
            changes = Changes(list(scan.files), [], changes.removed)
        todo = changes.added + changes.changed
        report.skipped = list(scan.skipped)

        def parsed():
            for done, f in enumerate(todo, 1):
                if cancel and cancel():
                    raise SyncCancelled("index update cancelled")
                try:
                    article = _articles.load(f.path, self.root)
                except ArticleError as exc:
                    report.skipped.append(Skipped(f.id, exc.reason))
                else:
                    if on_row:
                        on_row(ArticleRow.of(article, f.size, f.mtime_ns))
                    yield article, f.size, f.mtime_ns
                if progress:
                    progress(done, len(todo))

        gone = [] if rebuild else changes.removed + [f.id for f in changes.changed]
        if todo or gone or rebuild:
            index.write(parsed(), remove=gone, expected=len(todo), replace_all=rebuild)
        report.added, report.changed, report.removed = len(changes.added), len(changes.changed), len(changes.removed)
        report.removed_ids = changes.removed
        report.indexed = index.doc_count()
        report.seconds = time.perf_counter() - start
        return report

    def resolve(self, path_or_id: str | Path) -> Path:
        """An article id (relative to the folder) or a file path, as a path to the file."""
        candidate = Path(path_or_id).expanduser()
        if not candidate.is_absolute() and not candidate.exists():
            candidate = self.root / candidate
        return candidate

    def load(self, path_or_id: str | Path) -> Article:
        path = self.resolve(path_or_id)
        root = self.root if _inside(path, self.root) else path.parent
        if not path.exists():
            raise ArticleError(path_or_id, "no such article file")
        return _articles.load(path, root)

    def search(self, text: str, limit: int | None = 50) -> SearchResult:
        return self.index.search(text, limit=limit)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _folder_key(root: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", root.name).strip("-")[:40] or "articles"
    return f"{slug}-{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"
