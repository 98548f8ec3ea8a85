"""The open library as the window sees it: opening a folder, the index updates and the analysis pass, searches,
article loads and bringing articles in, each on a worker thread; the panels follow its signals.

Every job carries the ticket taken when it started. What it sends back is dropped unless that ticket is still
current: its library still open and, for a search or an article, no newer one asked for since. No panel ever
sees the answer to a question no longer asked, and none has to check.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core import paths
from ..core.analysis import shared_analyzer
from ..core.importing import ImportReport
from ..core.index import IndexDeleted
from ..core.library import AnalysisReport, Library, LibraryError, SyncCancelled, SyncReport
from ..core.model import ArticleRow, ArticleView, Filters, SearchResult, split_id
from ..core.results_export import write_results
from ..core.workers import worker_count
from .folder_watch import FolderWatcher
from .session_coverage import WatchlistRequests
from .session_values import (
    NO_HITS,
    AddFailed,
    AnalysisFailed,
    ArticleFailed,
    ArticleRequest,
    Hits,
    LibraryChange,
    LoadedArticle,
    OpenFailed,
    Progress,
    SaveFailed,
    SearchFailed,
    SyncFailed,
    Task,
    Ticket,
    Update,
)
from .workers import Job, Jobs

ROW_BATCH_SECONDS = 0.3  # rows listed while indexing, in batches: each one sorts and repaints the list
SETTLE_EVERY_ROWS = 2_000  # while a first index fills the list, its new rows are frozen this many at a time
# spaCy runs in these processes only, never in the window's: for the articles opened and the whole library
ANALYSIS_WORKERS = worker_count()  # the cores and memory the machine has (reader/core/workers.py)
FIRST_SNIPPETS = 30  # a search's hits with their snippets at once: a screen's; the list asks for the others
NO_FILTERS = Filters()
SEARCH, ARTICLE = "search", "article"  # the kinds of request of which only the latest counts


def settle_heap() -> None:
    """Leave what the app holds now (its modules, widgets and the list's rows) out of garbage collection.

    Python's full collections walk every object the process holds, holding the GIL: 60,000 objects with
    10,000 articles listed, 40 ms on the UI thread and 60-120 ms on a low-priority worker thread sharing
    the cores with spaCy's processes, while the UI thread waits. Frozen objects are still freed when no
    longer used; only cycles among them wait for the app to exit. Called when a long phase ends, and as
    a first index fills the list.
    """
    gc.freeze()


class LibrarySession(QObject, WatchlistRequests):
    """The library open in the window, and everything done with it in the background.

    Each kind of work has a pool of its own, so that none waits behind another: an index update or the
    analysis pass (one at a time, at background priority), a search, an article's text, an article's
    analysis (spaCy's model may take seconds to load), and copying articles in.
    """

    library_changed = Signal(object)  # LibraryChange: what changed; each panel refreshes what it shows of it
    updating = Signal(object)  # Update as an index update starts; None once it has ended
    progress = Signal(object)  # Progress of an update, the analysis pass or an import
    synced = Signal(object)  # SyncReport: an update ended (after library_changed said what it changed)
    analysed = Signal(object)  # AnalysisReport: the analysis pass ended
    imported = Signal(object)  # ImportReport: articles were copied in; the update that indexes them follows
    saved = Signal(str)  # what an import, a paste or a correction did; the update it asks for follows
    results = Signal(object)  # SearchResult: every hit, without snippets (make_snippets makes those shown)
    snippets_made = Signal(str, object)  # (query, {article id: (snippet, spans)}) for make_snippets
    article_loaded = Signal(object)  # LoadedArticle
    reveal = Signal(str)  # an article just added or corrected: to select and show
    notice = Signal(str)  # what the analysis lacks (names from the built-in lists only), once known
    failed = Signal(object)  # a Failed (a ReaderError): what could not be done, and why
    watchlist_changed = Signal(object)  # the Watchlist, saved: what the coverage figures follow
    watchlist_read = Signal(object)  # a Watchlist imported from a CSV file, for the watchlist dialog to merge
    watchlist_written = Signal(str)  # the watchlist was exported to this file
    coverage_ready = Signal(object)  # Coverage: the figures last asked for (count_coverage)
    coverage_exported = Signal(object)  # list[Path]: the files a coverage report wrote

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.library: Library | None = None
        self.background = Jobs(1, background=True)  # index updates, the analysis pass, the index's writers
        self.searching = Jobs(1)
        self.reading = Jobs(1)  # an article's text, its search hits and its cached analysis
        self.analysing = Jobs(1)  # the analysis of the article opened, when it is not cached
        self.saving = Jobs(1)  # copying files in, saving pasted text and corrections
        self.snippeting = Jobs(1)  # the snippets of the hits the list shows, and exports of the results
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(lambda: self.sync(quiet=True))
        self._opened: object | None = None  # stands for the library open now in the tickets
        self._latest: dict[str, Ticket] = {}
        self._notice: str | None = None
        self._start_watchlist()
        self._forget()

    def _forget(self) -> None:
        """What the session knows of the library open: nothing, before one is."""
        self._job: Job | None = None  # the index update, or the analysis pass that follows it
        self._update: Update | None = None  # the update running
        self._queued: Update | None = None  # one asked for while it runs
        self._rows: dict = {}  # every article, as the index last reported it
        self._rows_are_index = True  # False after a failed update: some may never have been committed
        self._settled = 0  # articles known when the heap was last settled
        self._reading: ArticleRequest | None = None  # the article asked for last
        self._reading_changed = False  # the running update re-read it
        self._analysing_job: Job | None = None
        self._query = ""
        self._filters = Filters()  # searched within, with the query
        self._hits = NO_HITS  # of the last search, marked in the articles loaded
        self._reveal: str | None = None  # the article to show once the update under way has listed it

    # ------------------------------------------------------------------ tickets

    def _take(self, kind: str | None = None) -> Ticket:
        """A ticket for a job starting now; of `kind`, it makes the tickets taken before it stale."""
        ticket = Ticket(self._opened, kind)
        if kind is not None:
            self._latest[kind] = ticket
        return ticket

    def _current(self, ticket: Ticket) -> bool:
        return (
            ticket.opened is not None
            and ticket.opened is self._opened
            and (ticket.kind is None or self._latest.get(ticket.kind) is ticket)
        )

    def _start(self, jobs: Jobs, ticket: Ticket, work: Callable[[Job], object], **slots) -> Job:
        """Start `work`; each of `slots` (finished, failed, progress, partial) hears from it while `ticket` is
        current."""

        def current(slot):
            return lambda *args: slot(*args) if self._current(ticket) else None

        return jobs.start(work, **{name: current(slot) for name, slot in slots.items()})

    # ------------------------------------------------------------------ the library

    @property
    def indexing(self) -> bool:
        """Whether an index update is running."""
        return self._update is not None

    @property
    def query(self) -> str:
        """The search the list shows; "" while it shows the whole library."""
        return self._query

    @property
    def filters(self) -> Filters:
        """The filters the list's search is within."""
        return self._filters

    @property
    def reading_id(self) -> str | None:
        """The article asked for last: the one the reading pane shows, or is about to."""
        return self._reading.id if self._reading else None

    def open(self, folder: Path) -> None:
        """Open the articles folder `folder` in place of the one open, and bring its index up to date."""
        try:
            library = Library(folder, self.data_dir, analyzer=shared_analyzer(ANALYSIS_WORKERS))
        except LibraryError as exc:
            self.failed.emit(OpenFailed(exc))
            return
        self._let_go()
        self.library, self._opened = library, object()
        paths.remember_folder(self.data_dir, library.root)
        self.library_changed.emit(LibraryChange(opened=True))
        self.sync()

    def _let_go(self) -> None:
        """Forget the library open, if any: what its jobs still send is dropped, and it closes in the background."""
        if self._job:
            self._job.stop()
        self.watcher.clear()
        old, self.library, self._opened = self.library, None, None
        self._latest.clear()
        self._forget()
        if old is not None:
            self.background.start(lambda job: old.close())

    def close(self) -> None:
        """The window closes: stop every job (waiting for each to end) and close the library."""
        self.watcher.clear()
        for jobs in (
            self.saving,
            self.background,
            self.searching,
            self.reading,
            self.analysing,
            self.writing,
            self.counting,
            self.snippeting,
        ):
            jobs.stop_all()
        if self.library is not None:
            self.library.close()
        self.library, self._opened = None, None

    def check_folder(self) -> None:
        """Look at the folder again soon: a safety net for changes the watcher missed (past its file cap,
        on a network share, or made while the watches were being set up)."""
        if self.library is not None and not self.indexing:
            self.watcher.poke()

    # ------------------------------------------------------------------ index updates

    def sync(self, rebuild: bool = False, quiet: bool = False) -> None:
        """Bring the index in line with the folder, in the background; rows arrive as articles are read.

        A quiet update is for a folder that changed while the window is open: only what changed is read.
        One update runs at a time (the index has one writer): one asked for while another runs starts when
        that one ends, however often it was asked for.
        """
        if self.library is None:
            return
        if self._update is not None:
            queued = self._queued or Update(rebuild=False, quiet=True)
            self._queued = Update(rebuild or queued.rebuild, quiet and queued.quiet)
            return
        if self._job:  # the analysis pass gives way; it starts again after the update
            self._job.stop()
        self._update = Update(rebuild, quiet)
        self._reading_changed = False
        self.updating.emit(self._update)
        library = self.library
        known = list(self._rows.values()) if quiet and self._rows_are_index else None
        self._job = self._start(
            self.background,
            self._take(),
            lambda job: _sync(library, job, rebuild, quiet, known),
            partial=self._rows_arrived,
            finished=self._synced,
            failed=self._sync_failed,
            progress=lambda done, total: self.progress.emit(Progress(Task.INDEXING, done, total, quiet)),
        )

    def _rows_arrived(self, change: LibraryChange) -> None:
        """Rows from an update or the analysis pass: kept here, then shown by the panels."""
        if change.listed is not None:
            self._rows = {r.id: r for r in change.listed}
        else:
            before = self._rows.get(self.reading_id) if self._reading else None
            self._rows.update((r.id, r) for r in change.rows)
            if before is not None and _as_read(self._rows[before.id]) != _as_read(before):
                self._reading_changed = True  # its text, or its details corrected
        self.library_changed.emit(change)
        if change.listed is not None or len(self._rows) >= self._settled + SETTLE_EVERY_ROWS:
            self._settled = len(self._rows)  # a first index fills the list
            settle_heap()

    def _synced(self, report: SyncReport) -> None:
        self._update_ended()
        self._rows_are_index = True
        unreadable = [s.path for s in report.skipped if s.path in self._rows]  # they left the index too
        removed = [*report.removed_ids, *unreadable]
        for article_id in removed:
            self._rows.pop(article_id, None)
        eventful = report.bookmarks is not None and report.bookmarks.eventful  # re-attached to edited articles
        self.library_changed.emit(LibraryChange(removed=removed, bookmarks=eventful))
        self.synced.emit(report)
        if (self._query or self._filters) and (report.updated or report.removed or report.rebuilt or report.skipped):
            self.search(self._query, self._filters)
        reading = self._reading
        if reading is not None and reading.id in self._rows and (self._reading_changed or not reading.analyse):
            self.load(ArticleRequest(reading.id, keep_place=True))  # edited, or opened during the update
        self._reveal_added()
        self._watch(report)
        settle_heap()
        self._next()

    def _sync_failed(self, exc: Exception) -> None:
        self._update_ended()
        self._rows_are_index = False
        self.failed.emit(SyncFailed(exc))
        if self._reading is not None and not self._reading.analyse:  # its highlights waited for the update
            self.load(ArticleRequest(self._reading.id, keep_place=True))
        if self._queued is not None:
            self._next()

    def _update_ended(self) -> None:
        self._update, self._job = None, None
        self.updating.emit(None)

    def _next(self) -> None:
        """Run the update asked for meanwhile, else go on finding quotes and names."""
        queued, self._queued = self._queued, None
        if queued is not None:
            self.sync(rebuild=queued.rebuild, quiet=queued.quiet)
        else:
            self.analyse()

    def _reveal_added(self) -> None:
        """Show the article just added or corrected: by its id, or the first article of its file (a feed)."""
        wanted, self._reveal = self._reveal, None
        if wanted:
            target = (
                wanted
                if wanted in self._rows
                else min((i for i in self._rows if split_id(i)[0] == wanted), default=None)
            )
            if target:
                self.reveal.emit(target)

    def _watch(self, report: SyncReport) -> None:
        """Watch the folders the update walked and the article files, the most recently changed first."""
        data_dir = self.data_dir.resolve()  # the index is written there: watching it would never settle
        folders = [f for f in report.folders if f != data_dir and data_dir not in f.parents]
        if self.library is None:
            return
        rows = sorted(self._rows.values(), key=lambda r: r.mtime_ns, reverse=True)
        root = str(self.library.root)
        files = dict.fromkeys(split_id(r.id)[0] for r in rows)  # a feed's entries are one file
        self.watcher.watch(folders, (os.path.join(root, f) for f in files))

    # ------------------------------------------------------------------ the analysis pass

    def analyse(self) -> None:
        """Find quotes and entities in every article not yet analysed, in the background."""
        if self.library is None:
            return
        library = self.library
        known = dict(self._rows)  # the rows the window lists, as it last heard of them

        def work(job: Job) -> AnalysisReport:
            rows = library.rows()
            counted = _counted_elsewhere(rows, known)
            if counted:  # analysed by another process: this pass has nothing to do for them, yet the list must learn
                job.emit(LibraryChange(rows=counted))
            return library.analyze_all(
                progress=job.progress,
                cancel=job.stopped,
                on_rows=lambda rows: job.emit(LibraryChange(rows=rows)),
                rows=rows,
            )

        self._job = self._start(
            self.background,
            self._take(),
            work,
            partial=self._rows_arrived,
            finished=self._analysed,
            failed=self._analysis_failed,
            progress=lambda done, total: self.progress.emit(Progress(Task.ANALYSING, done, total)),
        )

    def _analysed(self, report: AnalysisReport) -> None:
        self._analysis_ended()
        settle_heap()
        self._tell_notice(report.notice)
        self.analysed.emit(report)
        if report.analyzed and self._hits.names and self._query:
            self.search(self._query, self._filters)  # entity: and speaker: now know more articles

    def _analysis_failed(self, exc: Exception) -> None:
        self._analysis_ended()
        if not isinstance(exc, SyncCancelled):  # stopped for an update, which runs it again after
            self.failed.emit(AnalysisFailed(exc))

    def _analysis_ended(self) -> None:
        if not self.indexing:  # else the pass was stopped for an update, which is the job now
            self._job = None

    def _tell_notice(self, notice: str | None) -> None:
        if notice and self._notice is None:
            self._notice = notice[0].upper() + notice[1:]
            self.notice.emit(self._notice)

    # ------------------------------------------------------------------ searching

    def search(self, text: str, filters: Filters = NO_FILTERS) -> None:
        """Search the library within `filters`; an empty text and no filters is the whole library again, with
        no hits to mark (an empty text with filters: every article they let through)."""
        self._query, self._filters = text, filters
        ticket = self._take(SEARCH)
        if not text and not filters:
            before, self._hits = self._hits, NO_HITS
            self._reload_with_hits(before, self._rows)
            return
        if self.library is None:
            return
        library = self.library
        self._start(
            self.searching,
            ticket,
            lambda job: library.search(text, limit=None, filters=filters, snippets=FIRST_SNIPPETS),
            finished=self._found,
            failed=self._search_failed,
        )

    def _found(self, result: SearchResult) -> None:
        reading = self._reading
        before, self._hits = self._hits, Hits(result.words, result.names, result.phrases)
        self.results.emit(result)
        if self._reading is reading:  # else the list chose another article as it showed the results
            self._reload_with_hits(before, {h.article_id for h in result.hits})

    def _reload_with_hits(self, before: Hits, listed) -> None:
        """The hits to mark changed: the article being read, if still `listed`, is loaded again with them."""
        if self._hits != before and self._reading is not None and self._reading.id in listed:
            self.load(ArticleRequest(self._reading.id))

    def _search_failed(self, exc: Exception) -> None:
        if isinstance(exc, IndexDeleted):  # the update rebuilds it, then the search runs again
            self.sync(quiet=True)
        self.failed.emit(SearchFailed(exc))

    def make_snippets(self, query: str, ids: list[str]) -> None:
        """Make the snippets of these hits of `query`; `snippets_made` answers, with none if they failed."""
        if self.library is None:
            return
        library = self.library
        self._start(
            self.snippeting,
            self._take(),
            lambda job: library.snippets(query, ids),
            finished=lambda made: self.snippets_made.emit(query, made),
            failed=lambda exc: self._snippets_failed(query, exc),
        )

    def _snippets_failed(self, query: str, exc: Exception) -> None:
        self.snippets_made.emit(query, {})
        if isinstance(exc, IndexDeleted):  # or damaged: rebuilt, then searched again
            self._search_failed(exc)

    def export_results(self, path: Path, query: str, rows: list, done: Callable, failed: Callable) -> None:
        """Write `rows` (ResultRow, as listed) to `path` as CSV or XLSX, making the snippets not yet made;
        then `done(rows written)` or `failed(exception)`."""
        if self.library is None:
            return
        library = self.library
        snippets = partial(library.snippets, query)
        work = partial(write_results, path, rows, snippets)
        self._start(self.snippeting, self._take(), lambda job: work(), finished=done, failed=failed)

    # ------------------------------------------------------------------ reading

    def load(self, request: ArticleRequest) -> None:
        """Load an article for the reading pane: its text at once, then its analysis if that has to be made.

        While the index is written, spaCy's processes are not started beside its writer processes (the
        memory of both at once): an article opened meanwhile gets its highlights when the update ends.
        """
        if self.library is None:
            return
        if self.indexing:
            request = replace(request, analyse=False)
        self._reading = request
        if self._analysing_job is not None:  # the article read before: its analysis, if not begun, is not made
            self._analysing_job.stop()
        self._load(self.library, request, self._take(ARTICLE), self.reading, analyse=False)

    def _load(self, library: Library, request: ArticleRequest, ticket: Ticket, jobs: Jobs, analyse: bool) -> Job:
        """The one loader: `request`'s article with the hits of the last search (analysed now if `analyse`)."""
        hits = self._hits

        def work(job: Job) -> ArticleView | None:
            if job.stopped():  # another article was asked for before this one's turn came
                return None
            return library.article_view(request.id, hits.words, hits.names, analyze=analyse, phrases=hits.phrases)

        return self._start(
            jobs,
            ticket,
            work,
            finished=lambda view: self._loaded(library, request, ticket, view, analyse),
            failed=lambda exc: self.failed.emit(ArticleFailed(exc, request.id)),
        )

    def _loaded(
        self, library: Library, request: ArticleRequest, ticket: Ticket, view: ArticleView | None, analysed: bool
    ) -> None:
        if view is None:
            return
        early = view.analysis is None and request.analyse and not analysed
        self.article_loaded.emit(LoadedArticle(view, request, early))
        self._tell_notice(library.analysis_notice)
        if early:  # its analysis next, on a pool of its own: a search or another article need not wait for it
            self._analysing_job = self._load(
                library, replace(request, keep_place=True), ticket, self.analysing, analyse=True
            )

    # ------------------------------------------------------------------ bringing articles in

    def add(self, given: list[Path]) -> None:
        """Copy files and folders into the library, then index them; the first one is then shown."""
        if self.library is None or not given:
            return
        library = self.library
        self._start(
            self.saving,
            self._take(),
            lambda job: library.add(given, progress=job.progress),
            finished=self._imported,
            failed=lambda exc: self.failed.emit(AddFailed(exc)),
            progress=lambda done, total: self.progress.emit(Progress(Task.ADDING, done, total)),
        )

    def _imported(self, report: ImportReport) -> None:
        self.imported.emit(report)
        landed = [f.article_id for f in report.files if f.article_id]
        if landed:
            self._saved(landed[0], "Added to the library: " + report.summary)

    def save(self, save: Callable[[Library], str], note: str, doing: str) -> None:
        """Run `save(library)`, which returns an article id, on a worker; then index the article and show it.

        `note` says what was done, `doing` what could not be, should it fail."""
        if self.library is None:
            return
        library = self.library
        self._start(
            self.saving,
            self._take(),
            lambda job: save(library),
            finished=lambda article_id: self._saved(article_id, note),
            failed=lambda exc: self.failed.emit(SaveFailed(exc, doing)),
        )

    def _saved(self, article_id: str, note: str) -> None:
        self._reveal = article_id
        self.saved.emit(note)
        self.sync(quiet=True)


def _sync(library: Library, job: Job, rebuild: bool, quiet: bool, known: list | None) -> SyncReport:
    """Runs on a worker: the update, sending the rows as they come (all of them first, unless quiet)."""
    rows = known
    if not quiet:
        rows = library.rows()
        if rows or not library.index_deleted:  # a deleted index is rebuilt under the list as it is
            job.emit(LibraryChange(listed=rows))
    batch, last = [], 0.0  # the first new row is shown at once

    def on_row(row) -> None:
        nonlocal last
        batch.append(row)
        if time.monotonic() - last > ROW_BATCH_SECONDS:
            job.emit(LibraryChange(rows=batch[:]))
            batch.clear()
            last = time.monotonic()

    report = library.sync(rebuild=rebuild, progress=job.progress, on_row=on_row, cancel=job.stopped, known=rows)
    if batch:
        job.emit(LibraryChange(rows=batch[:]))
    return report


def _counted_elsewhere(rows: list[ArticleRow], known: dict[str, ArticleRow]) -> list[ArticleRow]:
    """The index's rows of the same text as the window lists, whose analysis the window has not heard of: made
    by another process (`press-reader add` or `index`) after the window read the article."""
    return [
        r
        for r in rows
        if r.analyzed
        and (k := known.get(r.id)) is not None
        and k.content_hash == r.content_hash
        and (k.analyzed, k.quotes, k.entities) != (r.analyzed, r.quotes, r.entities)
    ]


def _as_read(row) -> tuple:
    """What the reading pane shows of a row: a change means the article is shown again."""
    return row.content_hash, row.title, row.date, row.source
