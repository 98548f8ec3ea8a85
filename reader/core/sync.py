"""An index update: what changed between a library's folder and its index, those files read again, and the report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SyncCancelled
from .files import ArticleError
from .index import Index
from .indexed_stamps import Stamps, indexed_stamps
from .model import ENTRY_MARK, ArticleRow, Document, split_id
from .scanning import ArticleFile, Skipped, scan

if TYPE_CHECKING:
    from .analysis.cache import AnalysisCache
    from .library import Library
    from .reanchoring import ReanchorReport

Progress = Callable[[int, int], None]


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
    bookmarks: ReanchorReport | None = None
    folders: list[Path] = field(default_factory=list)  # the folders scanned, for a watcher to watch

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
        if self.bookmarks is not None and self.bookmarks.eventful:
            out["bookmarks"] = self.bookmarks.to_json()
        return out


@dataclass(frozen=True)
class Changes:
    """Files added and changed since the index was written, and the ids of the articles of files removed."""

    added: list[ArticleFile]
    changed: list[ArticleFile]
    removed: list[str]
    replaced: list[str] = field(default_factory=list)  # the ids of the changed files' articles, as indexed


def changes(files: list[ArticleFile], stamps: Stamps) -> Changes:
    """What differs between the files and the articles indexed; a feed's entries are articles of one file.

    One pass over each: a search from the command line compares 10,000 files this way before it answers."""
    on_disk = {f.id: (f.size, f.mtime_ns) for f in files}
    if on_disk == stamps and ENTRY_MARK not in "".join(stamps):  # as indexed, and no feed's entries to group
        return Changes([], [], [])
    indexed: dict[str, list[str]] = {}  # file id: the ids of its articles
    for aid in stamps:
        fid = split_id(aid)[0] if ENTRY_MARK in aid else aid
        found = indexed.get(fid)
        if found is None:
            indexed[fid] = [aid]
        else:
            found.append(aid)
    added: list[ArticleFile] = []
    changed: list[ArticleFile] = []
    for f in files:
        found = indexed.get(f.id)
        if found is None:
            added.append(f)
        elif (f.size, f.mtime_ns) != stamps[found[0]] or (
            len(found) > 1 and any(stamps[aid] != (f.size, f.mtime_ns) for aid in found)
        ):
            changed.append(f)
    removed = [aid for fid, found in indexed.items() if fid not in on_disk for aid in found]
    replaced = [aid for f in changed for aid in indexed[f.id]]
    return Changes(added, changed, removed, replaced)


def stamps_of(rows: list[ArticleRow]) -> Stamps:
    return {r.id: (r.size, r.mtime_ns) for r in rows}


class IndexUpdate:
    """One run of `Library.sync` over `index`: reads the files added and changed, and writes them in one commit.

    `cancel` is polled between files; when it returns True the update stops and nothing changes.
    """

    def __init__(
        self,
        library: Library,
        index: Index,
        report: SyncReport,
        progress: Progress | None = None,
        on_row: Callable[[ArticleRow], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ):
        self.library, self.index, self.report = library, index, report
        self.progress, self.on_row, self.cancel = progress, on_row, cancel
        self.written: set[str] = set()  # the ids of the articles written

    def run(self, rebuild: bool, known: list[ArticleRow] | None) -> None:
        """Fill in the report's counts; with `rebuild` every file is read again and replaces the old index."""
        found = scan(self.library.root)
        todo_changes = self._changes(found.files, rebuild, known)
        todo = todo_changes.added + todo_changes.changed
        self.report.skipped = list(found.skipped)
        self.report.folders = found.folders
        gone = [] if rebuild else todo_changes.removed + todo_changes.replaced
        if todo or gone or rebuild:  # else nothing is opened nor imported to read or analyse articles
            cache = self.library.cache  # a rebuilt or re-read article keeps an analysis made for the same text
            with self.library._writing:
                self.index.write(self._documents(todo, cache), remove=gone, expected=len(todo), replace_all=rebuild)
        self._count(todo_changes)

    def _changes(self, files: list[ArticleFile], rebuild: bool, known: list[ArticleRow] | None) -> Changes:
        # rows known, but an empty index: one made again after it was deleted, or a rebuild that never committed
        remade = bool(known) and not self.index.doc_count()
        if known is not None and not remade:
            stamps, doubled = stamps_of(known), self.index.doubled()
        else:  # kept beside the index for its last commit, else three of its columns, not its rows
            stamps, doubled = indexed_stamps(self.index)
        found = changes(files, stamps)
        if remade:  # what the caller lists and the folder no longer has is gone as well
            listed = changes(files, stamps_of(known or []))
            found = Changes(found.added, found.changed, listed.removed, listed.replaced)
        if rebuild:  # read everything again; the commit drops every older document
            return Changes(list(files), [], found.removed, found.replaced)
        return _repairing(found, doubled, files, stamps)

    def _documents(self, todo: list[ArticleFile], cache: AnalysisCache) -> Iterator[Document]:
        from .articles import load_file

        for done, f in enumerate(todo, 1):
            if self.cancel and self.cancel():
                raise SyncCancelled("index update cancelled")
            try:
                found = load_file(f.path, self.library.root)
            except ArticleError as exc:
                self.report.skipped.append(Skipped(f.id, exc.reason))
                found = []
            for article in found:
                doc = self.library._document(article, f.size, f.mtime_ns, cache.get(article))
                self.written.add(article.id)
                if self.on_row:
                    self.on_row(ArticleRow.of(doc))
                yield doc
            if self.progress:
                self.progress(done, len(todo))

    def _count(self, done: Changes) -> None:
        report = self.report
        unreadable = {s.path for s in report.skipped}  # read but unusable: not added, nor changed
        report.added = sum(f.id not in unreadable for f in done.added)
        report.changed = sum(f.id not in unreadable for f in done.changed)
        report.removed = len(done.removed)
        # and the entries gone from a changed feed, and the articles of a file that became unreadable
        report.removed_ids = done.removed + [aid for aid in done.replaced if aid not in self.written]


def _repairing(found: Changes, doubled: set[str], files: list[ArticleFile], stamps: Stamps) -> Changes:
    """`found`, with the files of articles indexed twice read again: each is then indexed once."""
    todo = {f.id for f in found.added + found.changed}
    again = {split_id(aid)[0] for aid in doubled} - todo
    reread = [f for f in files if f.id in again]
    if not reread:
        return found
    ids = {f.id for f in reread}
    replaced = [aid for aid in stamps if split_id(aid)[0] in ids]
    return Changes(found.added, found.changed + reread, found.removed, found.replaced + replaced)
