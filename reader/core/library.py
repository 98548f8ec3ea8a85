"""The façade the UI and the CLI share: one articles folder, its index, what changed, loading, search and bookmarks."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import articles as _articles
from . import importing, paths
from .analysis import Analysis, Analyzer
from .analysis.cache import AnalysisCache
from .anchoring import Selector, locate, locate_text
from .articles import Article, ArticleError, ArticleFile, Skipped
from .bookmarks import (
    ARTICLE_MISSING,
    OK,
    TEXT_CHANGED,
    Bookmark,
    BookmarkError,
    BookmarkStore,
)
from .errors import ReaderError
from .index import INDEX_DELETED, Index, IndexDamaged, IndexDeleted
from .index.schema import name_entry
from .model import ArticleRow, Document, SearchResult

Progress = Callable[[int, int], None]
ANALYSIS_CHUNK = 256  # articles whose names are indexed (one small Whoosh commit) and listed together
ANALYSIS_LOAD_BATCH = 16  # articles read and looked up in the cache together, as the taggers need more
ANALYSIS_CACHE_BATCH = 32  # analyses written to the cache together
ANALYSIS_PARALLEL_MIN = 64  # uncached articles before a second spaCy process pays for itself
BOOKMARKS_FILE = "bookmarks.sqlite"
FILE_GONE = "the file is gone"


class LibraryError(ReaderError):
    """A problem with the library as a whole, told to the user in one line."""


class SyncCancelled(LibraryError):
    """The caller asked an index update to stop; the index is left as it was."""


@dataclass
class ReanchorReport:
    """What re-attaching this folder's bookmarks to their articles did; a status counts when it changes."""

    checked: int = 0
    moved: int = 0  # found at new offsets, or with its text slightly edited
    changed: int = 0  # newly marked "text changed": the passage is no longer in the article
    missing: int = 0  # newly marked "article missing"
    restored: int = 0  # back to "ok" after being marked changed or missing
    error: str | None = None  # the bookmarks file could not be used

    @property
    def eventful(self) -> bool:
        return bool(self.moved or self.changed or self.missing or self.restored or self.error)

    def to_json(self) -> dict:
        out = {"checked": self.checked, "moved": self.moved, "changed": self.changed,
               "missing": self.missing, "restored": self.restored}
        if self.error:
            out["error"] = self.error
        return out


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


@dataclass
class AnalysisReport:
    analyzed: int = 0  # by spaCy in this run
    cached: int = 0  # found in the analysis cache
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0  # words analyzed by spaCy
    notice: str | None = None

    def to_json(self) -> dict:
        out = {"analyzed": self.analyzed, "cached": self.cached,
               "skipped": [s.to_json() for s in self.skipped], "seconds": round(self.seconds, 3)}
        if self.notice:
            out["notice"] = self.notice
        return out


@dataclass(frozen=True)
class Changes:
    """Files added and changed since the index was written, and the ids of the articles of files removed."""

    added: list[ArticleFile]
    changed: list[ArticleFile]
    removed: list[str]
    replaced: list[str] = field(default_factory=list)  # the ids of the changed files' articles, as indexed


class Library:
    def __init__(self, root: Path, data_dir: Path, analyzer: Analyzer | None = None):
        root = Path(root).expanduser()
        if not root.is_dir():
            raise LibraryError(f"articles folder not found: {root}")
        self.root = root.resolve()
        if _articles.is_undecodable(str(self.root)):  # its articles' ids and bookmarks could not be stored
            raise LibraryError(f"the articles folder {_articles.readable_name(str(self.root))}: "
                               f"{_articles.NAME_NOT_UTF8.replace('index', 'open')}")
        self.data_dir = Path(data_dir)
        self.index_dir = self.data_dir / "index" / _folder_key(self.root)
        self._index: Index | None = None
        self._opening = threading.Lock()
        self._writing = threading.Lock()  # Whoosh allows one writer: sync and analysis take turns
        self.rebuilt_reason: str | None = None
        self.index_deleted = False  # the index was found deleted and made again empty; a sync refills it
        self.analyzer = analyzer or Analyzer()
        self._cache: AnalysisCache | None = None
        self._bookmarks: BookmarkStore | None = None
        self._data_checked = False
        self._read_only: str | None = None
        self._last_feed: tuple[list, dict[str, Article]] | None = None  # (its files' stat, its articles)

    @property
    def read_only(self) -> str | None:
        """Why the data folder cannot be written, if it cannot: then the index is kept in memory, cached
        analyses are read but new ones not saved, and bookmarks are shown but cannot be changed."""
        with self._opening:
            self._check_data_dir()
        return self._read_only

    def _check_data_dir(self) -> None:
        if not self._data_checked:
            self._read_only = paths.unwritable(self.data_dir)
            self._data_checked = True

    @property
    def index(self) -> Index:
        def open_index() -> Index:
            if not self._read_only:
                try:
                    index, self.rebuilt_reason = Index.open(self.index_dir)
                    return index
                except OSError as exc:  # e.g. a full disk: read-only from now on
                    self._read_only = paths.cannot_write(self.data_dir, exc)
            return Index.in_memory()

        return self._opened("_index", open_index)  # the UI's index and query workers may both ask first

    def _present_index(self) -> Index:
        """`self.index`, made again (empty, for the next sync to fill) if its files were deleted meanwhile.

        The user or a disk cleaner may delete the index folder while the app runs. `index_deleted` and
        `rebuilt_reason` say so until a sync has filled the new one.
        """
        index = self.index
        if not index.deleted():
            return index
        with self._opening:
            replacing = self._index is index  # else another thread has made it again already
            if replacing:
                try:
                    self._index, _ = Index.open(self.index_dir)
                except OSError as exc:
                    raise self._unusable(exc) from None
                self.rebuilt_reason, self.index_deleted = INDEX_DELETED, True
            current = self._index
        if replacing:
            index.close()  # its searchers still hold the deleted files open
        return current

    @property
    def cache(self) -> AnalysisCache:
        return self._opened("_cache", lambda: AnalysisCache(self.data_dir / "analysis.sqlite",
                                                            self.analyzer.fingerprint,
                                                            read_only=bool(self._read_only)))

    @property
    def bookmarks(self) -> BookmarkStore:
        return self._opened("_bookmarks", lambda: BookmarkStore(self.data_dir / BOOKMARKS_FILE,
                                                                read_only=self._read_only))

    def _opened(self, attr: str, make):
        """`self.<attr>`, made by `make()` on first use, once however many threads ask at the same time."""
        with self._opening:
            self._check_data_dir()
            if getattr(self, attr) is None:
                try:
                    setattr(self, attr, make())
                except OSError as exc:
                    raise self._unusable(exc) from None
            return getattr(self, attr)

    def _unusable(self, exc: OSError) -> LibraryError:
        return LibraryError(f"cannot use the data folder {self.data_dir}: {exc.strerror or exc}")

    def close(self) -> None:
        if self._bookmarks is not None:
            self._bookmarks.close()
            self._bookmarks = None
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def rows(self) -> list[ArticleRow]:
        return sorted(self._present_index().rows().values(), key=lambda r: r.id)

    def changes(self, files: list[ArticleFile], rows: dict[str, ArticleRow]) -> Changes:
        """What differs between the files and the rows indexed; a feed's entries are rows of one file."""
        on_disk = {f.id: f for f in files}
        indexed: dict[str, list[ArticleRow]] = {}
        for row in rows.values():
            indexed.setdefault(_articles.split_id(row.id)[0], []).append(row)
        added = [f for fid, f in on_disk.items() if fid not in indexed]
        changed = [f for fid, f in on_disk.items()
                   if fid in indexed and any((r.size, r.mtime_ns) != (f.size, f.mtime_ns) for r in indexed[fid])]
        removed = [r.id for fid, found in indexed.items() if fid not in on_disk for r in found]
        replaced = [r.id for f in changed for r in indexed[f.id]]
        return Changes(added, changed, removed, replaced)

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
        index = self._present_index()
        report = SyncReport(rebuilt=self.rebuilt_reason)
        self.rebuilt_reason = None
        scan = _articles.scan(self.root)
        # rows known, but an empty index: one made again after it was deleted, or a rebuild that never committed
        remade = bool(known) and not index.doc_count()
        rows = {r.id: r for r in known} if known is not None and not remade else index.rows()
        changes = self.changes(scan.files, rows)
        if remade:  # what the caller lists and the folder no longer has is gone as well
            listed = self.changes(scan.files, {r.id: r for r in known})
            changes = Changes(changes.added, changes.changed, listed.removed, listed.replaced)
        if not rebuild:
            changes = _repairing(changes, index.doubled(), scan.files, rows)
        if rebuild:  # read everything again; the commit drops every older document
            changes = Changes(list(scan.files), [], changes.removed, changes.replaced)
        todo = changes.added + changes.changed
        report.skipped = list(scan.skipped)
        report.folders = scan.folders

        written: set[str] = set()

        def parsed():
            for done, f in enumerate(todo, 1):
                if cancel and cancel():
                    raise SyncCancelled("index update cancelled")
                try:
                    found = _articles.load_file(f.path, self.root)
                except ArticleError as exc:
                    report.skipped.append(Skipped(f.id, exc.reason))
                    found = []
                for article in found:
                    doc = self._document(article, f.size, f.mtime_ns, cache.get(article))
                    written.add(article.id)
                    if on_row:
                        on_row(ArticleRow.of(doc))
                    yield doc
                if progress:
                    progress(done, len(todo))

        gone = [] if rebuild else changes.removed + changes.replaced
        cache = self.cache  # a rebuilt or re-read article keeps an analysis made for the same text
        if todo or gone or rebuild:
            with self._writing:
                index.write(parsed(), remove=gone, expected=len(todo), replace_all=rebuild)
        self.index_deleted = False
        unreadable = {s.path for s in report.skipped}  # read but unusable: not added, nor changed
        report.added = sum(f.id not in unreadable for f in changes.added)
        report.changed = sum(f.id not in unreadable for f in changes.changed)
        report.removed = len(changes.removed)
        # and the entries gone from a changed feed, and the articles of a file that became unreadable
        report.removed_ids = changes.removed + [aid for aid in changes.replaced if aid not in written]
        report.indexed = index.doc_count()
        if self._bookmarks is not None or (self.data_dir / BOOKMARKS_FILE).exists():  # none made yet: no file
            try:
                report.bookmarks = self.reanchor_bookmarks()
            except BookmarkError as exc:  # the index is fine; the bookmarks wait for the next sync
                report.bookmarks = ReanchorReport(error=str(exc))
        report.seconds = time.perf_counter() - start
        return report

    def resolve(self, path_or_id: str | Path) -> Path:
        """An article id (relative to the folder) or a file path, as a path to the file."""
        candidate = Path(_articles.split_id(str(path_or_id))[0]).expanduser()
        if not candidate.is_absolute() and not candidate.exists():
            candidate = self.root / candidate
        return candidate

    def load(self, path_or_id: str | Path) -> Article:
        """The article with this id, or in this file; an entry of a feed is "feed.rss#key"."""
        path = self.resolve(path_or_id)
        root = self.root if _articles.inside(path, self.root) else path.parent
        if not path.exists():
            raise ArticleError(path_or_id, "no such article file")
        key = _articles.split_id(str(path_or_id))[1]
        if key is not None:
            return _articles.load(path, root, key)
        found = _articles.load_file(path, root)
        if len(found) > 1:
            raise ArticleError(path_or_id, f"a feed of {len(found)} articles; give one by its id, "
                               f"such as {found[0].id}")
        return found[0]

    # ------------------------------------------------------------ bringing articles in

    def add(self, paths_given, progress: Progress | None = None) -> importing.ImportReport:
        """Copy article files and folders into this folder (see `importing.add`); a `sync` indexes them."""
        known = importing.Known()
        for row in self._present_index().rows().values():
            known.by_fingerprint.setdefault(row.fingerprint, row.id)
            if _articles.split_id(row.id)[1] is None:  # a whole file's bytes, not a feed entry's text
                known.by_hash.setdefault(row.content_hash, row.id)
        return importing.add(self.root, paths_given, known, progress)

    def paste(self, text: str, title: str, source: str = "", date: str = "") -> str:
        """Save pasted text as a new article of this folder; returns its id. A `sync` indexes it."""
        return importing.save_pasted(self.root, text, title, source, date).relative_to(self.root).as_posix()

    def correct(self, article_id: str, **values: str | None) -> Article:
        """Correct the article's title, date or source (a sidecar beside its file); returns it corrected.

        The index shows the correction after the next `sync`, which sees the sidecar as a change.
        """
        _articles.save_corrections(self.load(article_id), **values)
        return self.load(article_id)

    def search(self, text: str, limit: int | None = 50) -> SearchResult:
        """Search the index; IndexDeleted while an index found deleted has not been filled again by a sync."""
        index = self._present_index()
        if self.index_deleted:  # the new index is empty: finding nothing would mislead
            raise IndexDeleted(self.rebuilt_reason or INDEX_DELETED)
        try:
            return index.search(text, limit=limit)
        except IndexDamaged as exc:  # made again empty, as if deleted: a sync refills it
            self._discard(index, str(exc))
            raise

    def _discard(self, index: Index, why: str) -> None:
        """Replace a damaged index with an empty one, which the next sync fills; `rebuilt_reason` says why."""
        with self._writing, self._opening:  # no sync writes to it meanwhile
            if self._index is not index:  # another thread has replaced it already
                return
            index.discard()
            try:
                self._index, _ = Index.open(self.index_dir) if index.directory else (Index.in_memory(), None)
            except OSError as exc:
                raise self._unusable(exc) from None
            self.rebuilt_reason, self.index_deleted = why, True

    # ------------------------------------------------------------ analysis

    def cached_analysis(self, article: Article) -> Analysis | None:
        """The article's quotes and entities if they are cached, else None (nothing is analyzed)."""
        return self.cache.get(article)

    def analysis(self, article: Article) -> Analysis:
        """The article's quotes and entities: from the cache, else analyzed now and cached."""
        found = self.cache.get(article)
        if found is None:
            found = self.analyzer.analyze(article)
            self.cache.put_many([(article, found)])
        return found

    def unanalyzed(self, rows: list[ArticleRow] | None = None) -> list[ArticleRow]:
        """Indexed articles whose analysis is missing or was made by another analyzer."""
        fingerprint = self.analyzer.fingerprint
        rows = rows if rows is not None else self.rows()
        return [r for r in rows if r.analyzed != fingerprint]

    def analyze_all(self, progress: Progress | None = None,
                    on_rows: Callable[[list[ArticleRow]], None] | None = None,
                    cancel: Callable[[], bool] | None = None, n_process: int | None = None) -> AnalysisReport:
        """Analyze every indexed article not yet analyzed, through one `nlp.pipe`, and index the names found.

        Cached analyses are reused. Results are written to the names index (the articles' own documents
        are not rewritten), and passed to `on_rows`, a chunk at a time, so that `entity:` and `speaker:`
        searches and the list's counts fill in as it goes.

        Built for running beside a window: files are read a few at a time as the taggers need them, and
        what waits to be written is plain strings (a cache row, a names entry, a list row), so this
        process never has a long stretch of Python to do, nor many live objects for its garbage collector.
        """
        start = time.perf_counter()
        report = AnalysisReport()
        todo = self.unanalyzed()
        cache = self.cache
        names: list[tuple[dict, ArticleRow]] = []  # names index entries and list rows, not yet written
        fresh: list[tuple[Article, Analysis]] = []  # analyses not yet cached
        done = 0
        if progress and todo:
            progress(0, len(todo))  # loading spaCy takes a second or two: say at once that work has begun

        def analyzed(article: Article, row: ArticleRow, analysis: Analysis) -> None:
            doc = self._document(article, row.size, row.mtime_ns, analysis)
            names.append((name_entry(doc), ArticleRow.of(doc)))

        def flush(force: bool = False) -> None:
            nonlocal done
            if len(fresh) >= ANALYSIS_CACHE_BATCH or (force and fresh):
                cache.put_many(fresh)
                fresh.clear()
            if not names or (len(names) < ANALYSIS_CHUNK and not force):
                return
            batch = names[:]
            names.clear()
            with self._writing:
                self._present_index().write_names(entry for entry, _ in batch)
            done += len(batch)
            if on_rows:
                on_rows([row for _, row in batch])
            if progress:
                progress(done + len(report.skipped), len(todo))

        def uncached():
            for i in range(0, len(todo), ANALYSIS_LOAD_BATCH):
                loaded = []
                for row in todo[i:i + ANALYSIS_LOAD_BATCH]:
                    if cancel and cancel():
                        raise SyncCancelled("analysis cancelled")
                    try:
                        article = self._load_indexed(row.id)
                    except ArticleError as exc:
                        report.skipped.append(Skipped(row.id, exc.reason))
                        continue
                    if article.content_hash == row.content_hash:  # else edited since: the next sync re-reads it
                        loaded.append((article, row))
                hits = cache.get_many([a for a, _ in loaded])
                for article, row in loaded:
                    if article.content_hash in hits:
                        report.cached += 1
                        analyzed(article, row, hits[article.content_hash])
                    else:
                        yield article, row
                flush()

        procs = n_process or (2 if len(todo) >= ANALYSIS_PARALLEL_MIN and (os.cpu_count() or 1) > 1 else 1)
        pending: dict[str, ArticleRow] = {}  # the row (the file's stat as indexed) of each article being analyzed

        def articles():
            for article, row in uncached():
                pending[article.id] = row
                yield article

        try:
            for article, analysis in self.analyzer.analyze_many(articles(), n_process=procs):
                report.analyzed += 1
                report.words += article.words
                fresh.append((article, analysis))
                analyzed(article, pending.pop(article.id), analysis)
                flush()
                if cancel and cancel():
                    raise SyncCancelled("analysis cancelled")
        finally:
            cache.put_many(fresh)  # even when stopped: what was analyzed is not analyzed again
            fresh.clear()
        flush(force=True)
        report.notice = self.analyzer.notice
        report.seconds = time.perf_counter() - start
        return report

    # ------------------------------------------------------------ bookmarks

    def add_bookmark(self, article: Article, start: int, end: int, note: str = "", tags=()) -> Bookmark:
        """Bookmark article.body[start:end], with the speaker of the direct quote it lies within, if any."""
        speaker = None
        if 0 <= start < end <= len(article.body):
            speaker = self.analysis(article).speaker_of(start, end)
        return self.bookmarks.add(article, start, end, folder=self._folder_of(article), speaker=speaker,
                                  note=note, tags=tags)

    def add_bookmark_text(self, path_or_id: str | Path, text: str, note: str = "", tags=()) -> Bookmark:
        """Bookmark the first place `text` is in the article (runs of whitespace may differ)."""
        path = self.resolve(path_or_id)
        if not path.exists():
            raise ArticleError(path_or_id, "no such article file")
        article = self.load(path.resolve())  # a path relative to the working dir gets its id in this folder
        found = locate_text(article.body, text.strip())
        if found is None:
            words = " ".join(text.split())
            shown = words if len(words) <= 60 else words[:60] + "…"
            raise BookmarkError(f"the text is not in {article.id}: “{shown}”")
        return self.add_bookmark(article, *found, note=note, tags=tags)

    def bookmarks_for(self, article: Article) -> list[Bookmark]:
        """This folder's bookmarks of the article, in the order they appear in it."""
        return self.bookmarks.for_article(self._folder_of(article), article.id)

    def reanchor_bookmarks(self) -> ReanchorReport:
        """Find every bookmark of this folder in its article as it is now, and mark those that cannot be.

        A bookmark whose article is unchanged is left alone; one whose passage is found again gets its new
        offsets; one whose passage is gone, or whose file is gone, is marked so and keeps its stored quote.
        Bookmarks from an older file with no folder are adopted when their passage is found here.
        """
        store, report = self.bookmarks, ReanchorReport()
        if store.read_only:  # nothing can be marked; they are shown as they were saved
            return report
        loaded: dict[str, Article | ArticleError] = {}  # an error: there, but unreadable for now
        for b in store.in_folder(self.root) + store.unclaimed():
            adopting, path = not b.folder, self.root / _articles.split_id(b.article_id)[0]
            if adopting and not path.is_file():
                continue  # not one of this folder's
            report.checked += 1
            if b.article_id not in loaded:
                try:
                    loaded[b.article_id] = self._load_indexed(b.article_id)
                except ArticleError as exc:
                    loaded[b.article_id] = exc
            article = loaded[b.article_id]
            if isinstance(article, ArticleError):
                # the file, or the feed's entry, is gone; else it is there, but unreadable for now
                if article.reason in (FILE_GONE, _articles.ENTRY_GONE) and not adopting and \
                        b.status != ARTICLE_MISSING:
                    store.set_status(b.id, ARTICLE_MISSING)
                    report.missing += 1
                continue
            if article.content_hash == b.content_hash and b.status == OK:
                continue
            found = locate(article.body, Selector(b.exact, b.prefix, b.suffix, b.start, b.end))
            if found is None:
                if not adopting and b.status != TEXT_CHANGED:
                    store.set_status(b.id, TEXT_CHANGED)
                    report.changed += 1
                continue
            start, end, _ = found
            store.reanchor(b.id, article, start, end, folder=self.root if adopting else None)
            if b.status != OK:
                report.restored += 1
            elif (start, end) != (b.start, b.end) or article.body[start:end] != b.exact:
                report.moved += 1
        self._follow_moved_folders(store, report)
        return report

    def _follow_moved_folders(self, store: BookmarkStore, report: ReanchorReport) -> None:
        """Bookmarks whose articles folder no longer exists (moved or renamed): each is attached to the same
        article in this folder, the one with the text it was made on (its content hash), if there is one;
        else it is marked "article missing". Its folder coming back finds it again as ever."""
        folders: dict[str, bool] = {}
        gone = [b for b in store.all() if b.folder and b.folder != str(self.root)
                and not folders.setdefault(b.folder, Path(b.folder).is_dir())]
        if not gone:
            return
        rows = self._present_index().rows()
        if not rows:  # this folder is not indexed yet: nothing can be told until a sync has read it
            return
        by_hash: dict[str, str] = {}
        for row in rows.values():
            by_hash.setdefault(row.content_hash, row.id)
        for b in gone:
            report.checked += 1
            same = rows.get(b.article_id)
            article_id = b.article_id if same and same.content_hash == b.content_hash else by_hash.get(b.content_hash)
            try:
                article = self._load_indexed(article_id) if article_id else None
            except ArticleError:
                article = None
            if article is not None and article.content_hash == b.content_hash:  # the same text: same place
                store.reanchor(b.id, article, b.start, b.end, folder=self.root)
                report.moved += 1
            elif b.status != ARTICLE_MISSING:
                store.set_status(b.id, ARTICLE_MISSING)
                report.missing += 1

    def _folder_of(self, article: Article) -> Path:
        """The folder `article.id` is relative to, as `load` decided it."""
        path = Path(article.path)
        return self.root if _articles.inside(path, self.root) else path.parent

    def _document(self, article: Article, size: int, mtime_ns: int, analysis: Analysis | None) -> Document:
        return Document(article, size, mtime_ns, analysis, self.analyzer.fingerprint if analysis else "")

    def _load_indexed(self, article_id: str) -> Article:
        """The article of this folder with this id. A feed is read once for all its entries in turn."""
        file_id, key = _articles.split_id(article_id)
        path = self.root / file_id
        if not path.is_file():
            raise ArticleError(article_id, FILE_GONE)
        if key is None:
            return _articles.load(path, self.root)
        stamp = [file_id]
        for part in (path, _articles.sidecar(path)):  # its corrections are part of its articles
            with contextlib.suppress(OSError):
                st = part.stat()
                stamp += [st.st_size, st.st_mtime_ns]
        last = self._last_feed
        if last is None or last[0] != stamp:
            last = self._last_feed = (stamp, {a.id: a for a in _articles.load_file(path, self.root)})
        try:
            return last[1][article_id]
        except KeyError:
            raise ArticleError(article_id, _articles.ENTRY_GONE) from None


def _repairing(changes: Changes, doubled: set[str], files: list[ArticleFile],
               rows: dict[str, ArticleRow]) -> Changes:
    """`changes`, with the files of articles indexed twice read again: each is then indexed once."""
    todo = {f.id for f in changes.added + changes.changed}
    again = {_articles.split_id(aid)[0] for aid in doubled} - todo
    reread = [f for f in files if f.id in again]
    if not reread:
        return changes
    ids = {f.id for f in reread}
    replaced = [aid for aid in rows if _articles.split_id(aid)[0] in ids]
    return Changes(changes.added, changes.changed + reread, changes.removed, changes.replaced + replaced)


def _folder_key(root: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", root.name).strip("-")[:40] or "articles"
    return f"{slug}-{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"
