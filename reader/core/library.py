"""The façade the UI and the CLI share: one articles folder, its index, loading, search, analysis and bookmarks.

An index update, the analysis pass and re-attaching bookmarks are in sync.py, analysis_pass.py and
reanchoring.py; their reports and errors are named here too, as part of what this façade answers.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import paths
from .errors import LibraryError, ReaderError, SyncCancelled
from .files import ArticleError
from .index import INDEX_DELETED, Index, IndexDamaged, IndexDeleted, hit_spans
from .model import Article, ArticleRow, Caption, Document, Filters, Phrase, SearchResult, Span, split_id
from .scanning import NAME_NOT_UTF8, inside, is_undecodable, readable_name
from .sync import IndexUpdate, SyncReport

if TYPE_CHECKING:  # and imported where used: a search from the command line needs none of them
    from . import importing
    from .analysis import Analysis, Analyzer
    from .analysis.cache import AnalysisCache
    from .analysis_pass import AnalysisReport
    from .bookmarks import Bookmark, BookmarkStore
    from .coverage.store import StoredFacts
    from .coverage.values import Coverage, Scope
    from .coverage.watchlist import Watchlist
    from .reanchoring import ReanchorReport
    from .view import ArticleView

__all__ = [
    "BOOKMARKS_FILE",
    "AnalysisReport",
    "Library",
    "LibraryError",
    "ReanchorReport",
    "SyncCancelled",
    "SyncReport",
]

Progress = Callable[[int, int], None]
BOOKMARKS_FILE = "bookmarks.sqlite"
_T = TypeVar("_T")


class Library:
    def __init__(self, root: Path, data_dir: Path, analyzer: Analyzer | None = None):
        root = Path(root).expanduser()
        if not root.is_dir():
            raise LibraryError(f"articles folder not found: {root}")
        self.root = root.resolve()
        if is_undecodable(str(self.root)):  # its articles' ids and bookmarks could not be stored
            raise LibraryError(
                f"the articles folder {readable_name(str(self.root))}: {NAME_NOT_UTF8.replace('index', 'open')}"
            )
        self.data_dir = Path(data_dir)
        self.index_dir = self.data_dir / "index" / _folder_key(self.root)
        self._index: Index | None = None
        self._opening = threading.Lock()
        self._writing = threading.Lock()  # Whoosh allows one writer: sync and analysis take turns
        self.rebuilt_reason: str | None = None
        self.index_deleted = False  # the index was found deleted and made again empty; a sync refills it
        self._analyzer = analyzer
        self._cache: AnalysisCache | None = None
        self._bookmarks: BookmarkStore | None = None
        self._data_checked = False
        self._read_only: str | None = None
        self._last_feed: tuple[list[str | int], dict[str, Article]] | None = None  # (its files' stat, its articles)
        self._facts: tuple[tuple, StoredFacts] | None = None  # the coverage facts last read, and what they were for

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
        return current if current is not None else self.index  # None: closed meanwhile; reopened, as on any use

    @property
    def analyzer(self) -> Analyzer:
        def make() -> Analyzer:
            from .analysis import Analyzer

            return Analyzer()

        return self._opened("_analyzer", make)

    @property
    def cache(self) -> AnalysisCache:
        from .analysis.cache import AnalysisCache

        analyzer = self.analyzer  # made first: `_opened` holds its lock while it makes the cache
        return self._opened(
            "_cache",
            lambda: AnalysisCache(
                self.data_dir / "analysis.sqlite", analyzer.fingerprint, read_only=bool(self._read_only)
            ),
        )

    @property
    def bookmarks(self) -> BookmarkStore:
        from .bookmarks import BookmarkStore

        return self._opened(
            "_bookmarks", lambda: BookmarkStore(self.data_dir / BOOKMARKS_FILE, read_only=self._read_only)
        )

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

    def sync(
        self,
        rebuild: bool = False,
        progress: Progress | None = None,
        on_row: Callable[[ArticleRow], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        known: list[ArticleRow] | None = None,
        reanchor: bool = True,
    ) -> SyncReport:
        """Bring the index in line with the folder: only added, changed and removed files are read.

        With `rebuild` every file is read again and the new index replaces the old one at commit.
        `cancel` is polled between files; when it returns True the update stops and nothing changes.
        `known` is what `rows()` just returned, if the caller has it, so it is not read again.
        With `reanchor` False the folder's bookmarks are not re-attached to their articles (which reads each
        bookmarked article): for a caller that shows none, leaving it to the next that does.
        """
        start = time.perf_counter()
        index = self._present_index()
        report = SyncReport(rebuilt=self.rebuilt_reason)
        self.rebuilt_reason = None
        IndexUpdate(self, index, report, progress, on_row, cancel).run(rebuild, known)
        self.index_deleted = False
        report.indexed = index.doc_count()
        if reanchor and (self._bookmarks is not None or (self.data_dir / BOOKMARKS_FILE).exists()):  # no file: none
            from .bookmarks import BookmarkError

            try:
                report.bookmarks = self.reanchor_bookmarks()
            except BookmarkError as exc:  # the index is fine; the bookmarks wait for the next sync
                report.bookmarks = _reports()["ReanchorReport"](error=str(exc))
        report.seconds = time.perf_counter() - start
        return report

    def indexed_count(self) -> int:
        """How many articles the index holds."""
        return self.index.doc_count()

    def resolve(self, path_or_id: str | Path) -> Path:
        """An article id (relative to the folder) or a file path, as a path to the file."""
        candidate = Path(split_id(str(path_or_id))[0]).expanduser()
        if not candidate.is_absolute() and not candidate.exists():
            candidate = self.root / candidate
        return candidate

    def load(self, path_or_id: str | Path) -> Article:
        """The article with this id, or in this file; an entry of a feed is "feed.rss#key"."""
        from . import articles

        path = self.resolve(path_or_id)
        root = self.root if inside(path, self.root) else path.parent
        if not path.exists():
            raise ArticleError(path_or_id, "no such article file")
        key = split_id(str(path_or_id))[1]
        if key is not None:
            return articles.load(path, root, key)
        found = articles.load_file(path, root)
        if len(found) > 1:
            raise ArticleError(
                path_or_id, f"a feed of {len(found)} articles; give one by its id, such as {found[0].id}"
            )
        return found[0]

    # ------------------------------------------------------------ bringing articles in

    def add(self, paths_given, progress: Progress | None = None) -> importing.ImportReport:
        """Copy article files and folders into this folder (see `importing.add`); a `sync` indexes them."""
        from . import importing

        known = importing.Known()
        for row in self._present_index().rows().values():
            known.by_fingerprint.setdefault(row.fingerprint, row.id)
            if split_id(row.id)[1] is None:  # a whole file's bytes, not a feed entry's text
                known.by_hash.setdefault(row.content_hash, row.id)
        return importing.add(self.root, paths_given, known, progress)

    def paste(self, text: str, title: str, source: str = "", date: str = "") -> str:
        """Save pasted text as a new article of this folder; returns its id. A `sync` indexes it."""
        from . import importing

        return importing.save_pasted(self.root, text, title, source, date).relative_to(self.root).as_posix()

    def correct(self, article_id: str, **values: str | None) -> Article:
        """Correct the article's title, date or source (a sidecar beside its file); returns it corrected.

        The index shows the correction after the next `sync`, which sees the sidecar as a change.
        """
        from .corrections import save_corrections

        save_corrections(self.load(article_id), **values)
        return self.load(article_id)

    def search(
        self, text: str, limit: int | None = 50, filters: Filters | None = None, snippets: int | None = None
    ) -> SearchResult:
        """Search the index, within `filters` (with no text: every article they let through, newest first): the
        best `limit` hits (None or 0: all), the first `snippets` (None: all) with their snippets (`snippets()`
        makes the others'). IndexDeleted while an index found deleted has not been filled again by a sync."""
        return self._searching(
            lambda index: index.search(text, limit, self._analysis_of_hit, snippets=snippets, filters=filters)
        )

    def snippets(self, text: str, ids: Iterable[str]) -> dict[str, tuple[str, tuple[Span, ...]]]:
        """{article id: (snippet, its hit spans)} of these hits of the query `text`, as `search` makes them."""
        return self._searching(lambda index: index.snippets(text, ids, self._analysis_of_hit))

    def _searching(self, read: Callable[[Index], _T]) -> _T:
        index = self._present_index()
        if self.index_deleted:  # the new index is empty: finding nothing would mislead
            raise IndexDeleted(self.rebuilt_reason or INDEX_DELETED)
        try:
            return read(index)
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

    def _analysis_of_hit(self, fields: dict) -> Analysis | None:
        """The cached analysis of a hit, from the text the index stored (its files are not read): a name
        search's snippet is the sentence that names the name, or the speaker's quote."""
        captions = fields.get("captions", "")
        article = Article(
            fields["id"],
            self.root / split_id(fields["id"])[0],
            fields.get("title", ""),
            None,
            "",
            fields.get("body", ""),
            tuple(Caption(line, "", 0) for line in captions.split("\n")) if captions else (),
            fields.get("hash", ""),
        )
        import sqlite3  # the cache's: imported with it

        try:
            return self.cache.get(article)
        except (ReaderError, sqlite3.Error):  # a snippet can do without
            return None

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

    def analyze_all(
        self,
        progress: Progress | None = None,
        on_rows: Callable[[list[ArticleRow]], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        n_process: int | None = None,
        rows: list[ArticleRow] | None = None,
    ) -> AnalysisReport:
        """Analyze every indexed article not yet analyzed, through one `nlp.pipe`, and index the names found.

        Cached analyses are reused. Results are written to the names index (the articles' own documents
        are not rewritten), and passed to `on_rows`, a chunk at a time, so that `entity:` and `speaker:`
        searches and the list's counts fill in as it goes. `cancel` is polled between articles. `rows`: the
        index's rows, when the caller has just read them (else they are read here).
        """
        from .analysis_pass import AnalysisPass

        return AnalysisPass(self, progress, on_rows, cancel, rows).run(n_process)

    @property
    def analysis_notice(self) -> str | None:
        """What the user is missing when there is no spaCy model; known before spaCy is loaded."""
        return self.analyzer.notice

    def article_view(
        self,
        article_id: str,
        words: frozenset[str],
        names: frozenset[tuple[str, ...]] = frozenset(),
        early: Callable[[ArticleView], None] | None = None,
        analyze: bool = True,
        phrases: frozenset[Phrase] = frozenset(),
    ) -> ArticleView:
        """What the reading pane shows of the article: its text with its quotes and entities (analyzed now if
        not cached), the search hits of `words` and `phrases` in each part, and the entities a search for
        `names` matched.

        When the analysis has to be made, `early` first gets the view without it, so the text shows at once.
        With `analyze` False, an analysis not cached is not made: the view has none.
        """
        from .view import build_view

        article = self.load(article_id)
        title_hits, body_hits, *caption_hits = (
            hit_spans(part.text, words, part.name, phrases) for part in article.parts()
        )
        try:
            analysis = self.cached_analysis(article)
            if analysis is None and analyze:
                if early is not None:
                    early(build_view(article, None, title_hits, body_hits, caption_hits))
                analysis = self.analysis(article)
        except Exception:  # the article is still worth reading without highlights
            analysis = None
        return build_view(article, analysis, title_hits, body_hits, caption_hits, names)

    # ------------------------------------------------------------ coverage

    def coverage(
        self,
        watchlist: Watchlist,
        scope: Scope | None = None,
        by: str = "month",
        per_outlet: bool = False,
        rows: list[ArticleRow] | None = None,
    ) -> Coverage:
        """The coverage figures of `watchlist` over `scope` (coverage/figures.py) from the cached facts: no article
        is read or analysed; those without facts count as `unanalysed`. `rows`: the index's rows, if the caller
        has them. The facts stay in memory until new ones are written, so another scope or period is quick."""
        from .coverage.figures import WHOLE_LIBRARY, compute

        scope = scope or WHOLE_LIBRARY
        ids = None
        if scope.query:
            ids = {hit.article_id for hit in self.search(scope.query, limit=None, snippets=0).hits}
        rows = rows if rows is not None else self.rows()
        return compute(rows, self.coverage_facts(watchlist), watchlist, scope, by, per_outlet, ids)

    def coverage_facts(self, watchlist: Watchlist) -> StoredFacts:
        """The facts the watchlist's figures need, read from the cache once while no new facts are written."""
        from .coverage.matching import keys_of

        stamp = (frozenset(keys_of(watchlist)), self.cache.facts_stamp())
        last = self._facts
        if last is None or last[0] != stamp:
            last = self._facts = (stamp, self.cache.facts(stamp[0]))
        return last[1]

    # ------------------------------------------------------------ bookmarks

    def add_bookmark(self, article: Article, start: int, end: int, note: str = "", tags=()) -> Bookmark:
        """Bookmark article.body[start:end], with the speaker of the direct quote it lies within, if any."""
        speaker = None
        if 0 <= start < end <= len(article.body):
            speaker = self.analysis(article).speaker_of(start, end)
        return self.bookmarks.add(
            article, start, end, folder=self._folder_of(article), speaker=speaker, note=note, tags=tags
        )

    def add_bookmark_text(self, path_or_id: str | Path, text: str, note: str = "", tags=()) -> Bookmark:
        """Bookmark the first place `text` is in the article (runs of whitespace may differ)."""
        path = self.resolve(path_or_id)
        if not path.exists():
            raise ArticleError(path_or_id, "no such article file")
        article = self.load(path.resolve())  # a path relative to the working dir gets its id in this folder
        from .anchoring import locate_text
        from .bookmarks import BookmarkError

        found = locate_text(article.body, text.strip())
        if found is None:
            words = " ".join(text.split())
            shown = words if len(words) <= 60 else words[:60] + "…"
            raise BookmarkError(f"the text is not in {article.id}: “{shown}”")
        return self.add_bookmark(article, *found, note=note, tags=tags)

    def bookmarks_for(self, article: Article) -> list[Bookmark]:
        """This folder's bookmarks of the article, in the order they appear in it."""
        return self.bookmarks.for_article(self._folder_of(article), article.id)

    def all_bookmarks(self) -> list[Bookmark]:
        """Every bookmark, of every folder."""
        return self.bookmarks.all()

    def update_bookmark(self, bookmark_id: int, *, note: str | None = None, tags=None) -> Bookmark:
        """Change a bookmark's note or tags (None leaves it as it is)."""
        return self.bookmarks.update(bookmark_id, note=note, tags=tags)

    def delete_bookmark(self, bookmark_id: int) -> Bookmark:
        """Delete a bookmark; `restore_bookmark` with what this returns brings it back."""
        return self.bookmarks.delete(bookmark_id)

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Bring back a deleted bookmark, with its id."""
        return self.bookmarks.restore(bookmark)

    def reanchor_bookmarks(self) -> ReanchorReport:
        """Find every bookmark of this folder in its article as it is now, and mark those that cannot be
        (see `reanchoring.reanchor`)."""
        from .reanchoring import reanchor

        return reanchor(self)

    def _folder_of(self, article: Article) -> Path:
        """The folder `article.id` is relative to, as `load` decided it."""
        path = Path(article.path)
        return self.root if inside(path, self.root) else path.parent

    def _document(self, article: Article, size: int, mtime_ns: int, analysis: Analysis | None) -> Document:
        return Document(article, size, mtime_ns, analysis, self.analyzer.fingerprint if analysis else "")

    def _load_indexed(self, article_id: str) -> Article:
        """The article of this folder with this id. A feed is read once for all its entries in turn."""
        from . import articles
        from .corrections import sidecar

        file_id, key = split_id(article_id)
        path = self.root / file_id
        if not path.is_file():
            raise ArticleError(article_id, articles.FILE_GONE)
        if key is None:
            return articles.load(path, self.root)
        stamp: list[str | int] = [file_id]
        for part in (path, sidecar(path)):  # its corrections are part of its articles
            with contextlib.suppress(OSError):
                st = part.stat()
                stamp += [st.st_size, st.st_mtime_ns]
        last = self._last_feed
        if last is None or last[0] != stamp:
            last = self._last_feed = (stamp, {a.id: a for a in articles.load_file(path, self.root)})
        try:
            return last[1][article_id]
        except KeyError:
            raise ArticleError(article_id, articles.ENTRY_GONE) from None


def _folder_key(root: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", root.name).strip("-")[:40] or "articles"
    return f"{slug}-{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"


def _reports() -> dict[str, type]:
    """The reports this façade answers with that are made in modules a search does not need."""
    from .analysis_pass import AnalysisReport
    from .reanchoring import ReanchorReport

    return {"AnalysisReport": AnalysisReport, "ReanchorReport": ReanchorReport}


def __getattr__(name: str):
    """`from reader.core.library import AnalysisReport` (or ReanchorReport) imports its module only then."""
    if name in ("AnalysisReport", "ReanchorReport"):
        return _reports()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
