"""The main window: assembles the list, search bar, reading pane and status bar and wires their signals."""

from __future__ import annotations

import gc
import html
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from .. import __version__
from ..core import paths, versions
from ..core.analysis import shared_analyzer
from ..core.model import split_id
from ..core.scanning import Skipped
from ..core.importing import DUPLICATE, IMPORTED, ImportReport
from ..core.index import IndexDeleted
from ..core.model import SearchResult
from ..core.library import AnalysisReport, Library, LibraryError, SyncReport
from ..core.view import LAYER_KEYS, ArticleView
from .adding import FORMATS_FILTER, DetailsDialog, DropOverlay, PasteDialog, dropped_paths
from .article_list import ArticleListView
from .article_model import ID_ROLE, WORDS, ArticleTableModel
from .bookmarking import Bookmarking
from .folder_watch import FolderWatcher
from .legend import Legend
from .look import set_kind
from .reading_pane import ReadingPane
from .search_bar import SearchBar
from .skipped_files import SkippedFilesDialog
from .workers import Job, Jobs

ACTION_MESSAGE_S = 4.0  # how long a message confirming the user's action holds off background status lines
RESULT_LIMIT = 100  # each result carries a snippet, about 2.5 ms apiece
ROW_BATCH_SECONDS = 0.3  # rows listed while indexing, in batches: each one sorts and repaints the list
SETTLE_EVERY_ROWS = 2_000  # while a first index fills the list, its new rows are frozen this many at a time
QUIET_PROGRESS_FROM = 50  # a quiet update of fewer files than this shows no progress bar
# spaCy runs in these processes only, never in the window's: for the articles opened and the whole library
ANALYSIS_WORKERS = min(2, os.cpu_count() or 1)


def settle_heap() -> None:
    """Leave what the app holds now (its modules, widgets and the list's rows) out of garbage collection.

    Python's full collections walk every object the process holds, holding the GIL: 60,000 objects with
    10,000 articles listed, 40 ms on the UI thread and 60-120 ms on a low-priority worker thread sharing
    the cores with spaCy's processes, while the UI thread waits. Frozen objects are still freed when no
    longer used; only cycles among them wait for the app to exit. Called when a long phase ends, and as
    a first index fills the list.
    """
    gc.freeze()


def article_view(library: Library, article_id: str, words: frozenset[str],
                 names: frozenset[tuple[str, ...]] = frozenset(),
                 early: Callable[[ArticleView], None] | None = None, analyze: bool = True) -> ArticleView:
    """Runs on a worker: what the reading pane shows of the article (see `Library.article_view`)."""
    return library.article_view(article_id, words, names, early=early, analyze=analyze)


class MainWindow(QMainWindow):
    sync_finished = Signal(object)  # SyncReport
    analysis_finished = Signal(object)  # AnalysisReport
    search_finished = Signal(object)  # SearchResult, or None when the library is shown
    article_shown = Signal(str)
    index_progress = Signal(int, int)
    import_finished = Signal(object)  # ImportReport

    def __init__(self, data_dir: Path, articles_dir: Path | None = None):
        super().__init__()
        self.setWindowTitle("Press Reader")
        self.settings = QSettings()
        self.data_dir = Path(data_dir)
        self.library: Library | None = None
        self.index_jobs = Jobs(1, background=True)  # indexing and analysis, and the index's writer processes
        self.query_jobs = Jobs(1)
        self.import_jobs = Jobs(1)  # copying files in, saving pasted text and corrections
        self._reveal: str | None = None  # the article to select when the update under way has listed it
        self._import_note = ""  # what the last import did, said with the state of the index after it
        self.current_article = None  # the Article shown in the reading pane
        self.import_box: QMessageBox | None = None
        self._sync_job: Job | None = None  # the index update or the analysis pass that follows it
        self._search_gen = 0
        self._article_gen = 0
        self._early_gen = 0  # the article load whose text is shown, its highlights still to come
        self._keep_place_gen = 0  # the article load that re-reads the article shown, keeping the reader's place
        self._unanalyzed_gen = 0  # the article load made during an update: not analyzed until the update ends
        self._words: frozenset[str] = frozenset()
        self._names: frozenset[tuple[str, ...]] = frozenset()
        self._index_text = ""
        self._notice: str | None = None  # what names are missing without a spaCy model
        self._current_id: str | None = None
        self.indexing = False
        self._queued_sync: tuple[bool, bool] | None = None  # (rebuild, quiet) asked for while one ran
        self._list_is_index = True  # False after a failed update: the list may hold rows never committed
        self._current_changed = False  # the article being read was re-read by the running update
        self._settled_rows = 0  # articles listed when the heap was last settled
        self.skipped: list[Skipped] = []  # the files of the folder the last update could not read
        self._skipped_dialog: SkippedFilesDialog | None = None

        self._build_widgets()
        self._build_status_bar()
        self._build_menus()
        self._build_shortcuts()
        self._restore_settings()
        folder = articles_dir or self._remembered_folder() or paths.default_articles(self.data_dir)
        QTimer.singleShot(0, lambda: self.open_folder(Path(folder)))

    # ------------------------------------------------------------------ building

    def _build_widgets(self) -> None:
        self.model = ArticleTableModel(self)
        self.search_bar = SearchBar()
        self.list = ArticleListView()
        self.list.setModel(self.model)
        self.pane = ReadingPane()
        self.legend = Legend()
        self.bookmarking = Bookmarking(self)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.bookmarking.panel)
        self.bookmarking.panel.hide()

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(_column("listPanel", (8, 8, 0, 0), 6, self.search_bar, self.list))
        self.splitter.addWidget(_column("readingPanel", (0, 0, 0, 0), 0, self.legend, self.pane))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.search_bar.query_changed.connect(self.search)
        self.search_bar.step.connect(self.step)
        self.list.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.list.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        self.legend.layers_changed.connect(self._on_layers_changed)
        self.list.columns_changed.connect(
            lambda hidden: self.settings.setValue("list/hiddenColumns", ",".join(map(str, hidden))))
        self.pane.entity_clicked.connect(self.search_entity)
        self.setAcceptDrops(True)
        self.drop_overlay = DropOverlay(self)
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(lambda: self.sync(quiet=True))
        QGuiApplication.instance().applicationStateChanged.connect(self._on_app_state)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setObjectName("indexProgress")
        self.progress.setFixedWidth(200)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.index_state = QLabel()
        self.index_state.setObjectName("indexState")
        self.index_state.setTextFormat(Qt.PlainText)  # it names files, folders and queries
        # what the user just did ('Bookmarked …') stays a moment before background progress replaces it
        self._status_held_until = 0.0
        self._pending_status: str | None = None
        self._status_hold = QTimer(self, singleShot=True)
        self._status_hold.timeout.connect(self._show_pending_status)
        self.counts = QLabel()
        self.counts.setObjectName("articleCounts")
        self.skipped_button = QPushButton()
        self.skipped_button.setObjectName("skippedButton")
        self.skipped_button.setFlat(True)
        self.skipped_button.setCursor(Qt.PointingHandCursor)
        self.skipped_button.setToolTip("Files of this folder that could not be read as articles, and why")
        self.skipped_button.clicked.connect(self.show_skipped)
        self.skipped_button.hide()
        bar.addWidget(self.index_state, 1)
        bar.addPermanentWidget(self.skipped_button)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.counts)

    def _build_menus(self) -> None:
        def action(menu, text, slot, *shortcuts, role=None):
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in shortcuts])
            if role is not None:
                act.setMenuRole(role)
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        file_menu = self.menuBar().addMenu("&File")
        self.open_action = action(file_menu, "&Open articles folder…", self.choose_folder, QKeySequence.Open)
        self.reindex_action = action(file_menu, "&Reindex", lambda: self.reindex(), "Ctrl+R")
        file_menu.addSeparator()
        self.add_action = action(file_menu, "&Add articles…", self.add_articles_dialog, "Ctrl+Shift+O")
        self.add_folder_action = action(file_menu, "Add a &folder of articles…", self.add_folder_dialog)
        self.paste_action = action(file_menu, "&Paste article…", self.paste_article, "Ctrl+Shift+V")
        file_menu.addSeparator()
        self.export_action = action(file_menu, "&Export bookmarks…", self.bookmarking.export_dialog, "Ctrl+E")
        file_menu.addSeparator()
        action(file_menu, "&Quit", self.close, QKeySequence.Quit, role=QAction.QuitRole)

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.bookmarking.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.Undo)
        redo = self.bookmarking.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.Redo)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self.bookmark_action = action(edit_menu, "&Bookmark quote or selection", self.bookmarking.bookmark_target,
                                      "Ctrl+D")
        action(edit_menu, "Copy with &citation", self._cite_target, "Ctrl+Shift+C")
        edit_menu.addSeparator()
        self.details_action = action(edit_menu, "Article &details…", self.edit_details, "Ctrl+I")
        self.details_action.setEnabled(False)

        view_menu = self.menuBar().addMenu("&View")
        self.bookmarks_action = self.bookmarking.panel.toggleViewAction()
        self.bookmarks_action.setText("&Bookmarks")
        self.bookmarks_action.setShortcut(QKeySequence("Ctrl+B"))
        view_menu.addAction(self.bookmarks_action)
        self.skipped_action = action(view_menu, "&Skipped files…", self.show_skipped)
        self.skipped_action.setEnabled(False)
        view_menu.addSeparator()
        self.zoom_in_action = action(view_menu, "Zoom &in", lambda: self.set_zoom(self.pane.zoom + 1),
                                     QKeySequence.ZoomIn, "Ctrl+=")
        self.zoom_out_action = action(view_menu, "Zoom &out", lambda: self.set_zoom(self.pane.zoom - 1),
                                      QKeySequence.ZoomOut)
        action(view_menu, "&Reset zoom", lambda: self.set_zoom(0), "Ctrl+0")

        help_menu = self.menuBar().addMenu("&Help")
        action(help_menu, "&About Press Reader", self.about, role=QAction.AboutRole)

    def _build_shortcuts(self) -> None:
        for keys in ("Ctrl+F", "/"):
            QShortcut(QKeySequence(keys), self, activated=self.search_bar.focus)
        QShortcut(QKeySequence("J"), self, activated=lambda: self.step(1))
        QShortcut(QKeySequence("K"), self, activated=lambda: self.step(-1))

    # ------------------------------------------------------------------ settings

    def _remembered_folder(self) -> Path | None:
        folder = self.settings.value("library/lastFolder", "", str)
        return Path(folder) if folder and Path(folder).is_dir() else None

    def _restore_settings(self) -> None:
        s = self.settings
        if not self.restoreGeometry(s.value("window/geometry", b"")):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.92)), min(820, int(screen.height() * 0.92)))
        self.restoreState(s.value("window/state", b""))
        if not self.splitter.restoreState(s.value("window/splitter", b"")):
            self.splitter.setSizes([int(self.width() * 0.42), int(self.width() * 0.58)])
        self._restore_sort()
        hidden_columns = s.value("list/hiddenColumns", str(WORDS), str)
        self.list.set_hidden_columns({int(c) for c in hidden_columns.split(",") if c.isdigit()})
        self.pane.set_zoom(s.value("reader/zoom", 0, int))
        hidden = set(s.value("reader/hiddenLayers", "", str).split(","))
        self.legend.set_layers([key for key in LAYER_KEYS if key not in hidden])

    def _restore_sort(self) -> None:
        self.list.sortByColumn(self.settings.value("list/sortColumn", -1, int),
                               Qt.SortOrder(self.settings.value("list/sortOrder", 0, int)))

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/state", self.saveState())
        s.setValue("reader/zoom", self.pane.zoom)
        if self.library:
            s.setValue("library/lastFolder", str(self.library.root))
        s.sync()

    def _on_layers_changed(self, layers: frozenset[str]) -> None:
        self.pane.set_layers(layers)
        self.settings.setValue("reader/hiddenLayers", ",".join(k for k in LAYER_KEYS if k not in layers))

    def _on_sort_changed(self, column: int, order) -> None:
        if not self.model.searching:
            self.settings.setValue("list/sortColumn", column)
            self.settings.setValue("list/sortOrder", order.value)

    # ------------------------------------------------------------------ library

    def choose_folder(self) -> None:
        start = str(self.library.root) if self.library else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Open articles folder", start)
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path) -> None:
        try:
            library = Library(folder, self.data_dir, analyzer=shared_analyzer(ANALYSIS_WORKERS))
        except LibraryError as exc:
            self.show_status(str(exc).capitalize(), error=True)
            if self.library is None:
                self.pane.show_placeholder("No articles folder is open. Use File › Open articles folder…")
            return
        if self._sync_job:
            self._sync_job.stop()
        self.indexing, self._queued_sync, self._list_is_index = False, None, True  # the old update is let go
        self.watcher.clear()
        if self.library:
            old = self.library
            self.index_jobs.start(lambda job: old.close())
        self.library = library
        self.settings.setValue("library/lastFolder", str(library.root))
        paths.remember_folder(self.data_dir, library.root)
        self._current_id = None
        self.current_article = None
        self.details_action.setEnabled(False)
        self._set_skipped([])
        self.model.set_rows([])
        self.pane.show_placeholder("Select an article to read it.")
        self.search_bar.edit.clear()
        self.bookmarking.reload()
        self.sync()

    def handle_request(self, message: dict) -> None:
        """Press Reader was launched again on this data dir: come to the front, opening the folder it named."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        folder = message.get("articles")
        if folder and (self.library is None or Path(folder).resolve() != self.library.root):
            self.open_folder(Path(folder))

    def reindex(self) -> None:
        self.sync(rebuild=True)

    def sync(self, rebuild: bool = False, quiet: bool = False) -> None:
        """Bring the index in line with the folder, in the background; the list fills as articles are read.

        A quiet update is for a folder that changed while the window is open: the list keeps its rows,
        selection and search, and only what changed is applied. One update runs at a time (the index has
        one writer), so one asked for while another runs starts when that one ends.
        """
        if self.library is None:
            return
        if self.indexing:
            rebuild_queued, quiet_queued = self._queued_sync or (False, True)
            self._queued_sync = (rebuild or rebuild_queued, quiet and quiet_queued)
            return
        library = self.library
        if self._sync_job:  # an analysis pass gives way; it resumes after the update
            self._sync_job.stop()
        self.indexing = True
        self._current_changed = False
        self.reindex_action.setEnabled(False)
        if not quiet:
            self.show_status("Rebuilding the index…" if rebuild else "Opening the library…")
        known = self.model.library_rows() if quiet and self._list_is_index else None  # copied on this thread

        def work(job: Job) -> SyncReport:
            rows = known
            if not quiet:
                rows = library.rows()
                if rows or not library.index_deleted:  # a deleted index is rebuilt under the list as it is
                    job.emit(("rows", rows))
            batch, last = [], 0.0  # the first new row is shown at once

            def on_row(row):
                nonlocal last
                batch.append(row)
                if time.monotonic() - last > ROW_BATCH_SECONDS:
                    job.emit(("more", batch[:]))
                    batch.clear()
                    last = time.monotonic()

            report = library.sync(rebuild=rebuild, progress=job.progress, on_row=on_row, cancel=job.stopped,
                                  known=rows)
            if batch:
                job.emit(("more", batch[:]))
            return report

        self._sync_job = self.index_jobs.start(
            work,
            partial=lambda value, lib=library: self._on_rows(lib, value),
            progress=lambda done, total, lib=library: self._on_index_progress(lib, done, total, quiet=quiet),
            finished=lambda report, lib=library: self._on_synced(lib, report),
            failed=lambda message, lib=library: self._on_sync_failed(lib, message),
        )

    def _on_app_state(self, state) -> None:
        """Coming back to the app, look at the folder again: a safety net for changes the watcher missed
        (past its file cap, on a network share, or made while the watches were being set up)."""
        if state == Qt.ApplicationActive and self.library is not None and not self.indexing:
            self.watcher.poke()

    def _watch(self, library: Library, report: SyncReport) -> None:
        """Watch the folders the update walked and the article files, the most recently changed first."""
        data_dir = self.data_dir.resolve()  # the index is written there: watching it would never settle
        folders = [f for f in report.folders if f != data_dir and data_dir not in f.parents]
        rows = sorted(self.model.library_rows(), key=lambda r: r.mtime_ns, reverse=True)
        root = str(library.root)
        files = dict.fromkeys(split_id(r.id)[0] for r in rows)  # a feed's entries are one file
        self.watcher.watch(folders, (os.path.join(root, f) for f in files))

    def _on_rows(self, library: Library, value) -> None:
        if library is not self.library:
            return
        kind, rows = value
        if kind == "rows":
            self.model.set_rows(rows)
            self._settled_rows = len(rows)
            settle_heap()
            if rows:
                self.show_status(f"Checking {len(rows):,} articles for changes…")
        else:
            shown = self.model.library_row(self._current_id) if self._current_id else None
            self.model.upsert_rows(rows)
            if self.model.article_count() >= self._settled_rows + SETTLE_EVERY_ROWS:  # a first index fills the list
                self._settled_rows = self.model.article_count()
                settle_heap()
            if shown is not None and _as_read(self.model.library_row(self._current_id)) != _as_read(shown):
                self._current_changed = True  # its text, or its details corrected
        self._update_counts()
        if self._current_id is None and self.model.rowCount():
            self.select_row(0)

    def _on_index_progress(self, library: Library, done: int, total: int, analyzing: bool = False,
                           quiet: bool = False) -> None:
        if library is not self.library or (quiet and total < QUIET_PROGRESS_FROM):
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.index_progress.emit(done, total)
        if analyzing:
            self.show_status(f"{self._index_text} · finding quotes and names: {done:,} of {total:,} articles…",
                             background=True)
        elif done < total:
            self.show_status(f"Indexing {done:,} of {total:,} articles…", background=True)
        else:
            self.show_status("Saving the index…", background=True)

    def _on_synced(self, library: Library, report: SyncReport) -> None:
        if library is not self.library:
            return
        self._sync_finished_common()
        self._list_is_index = True
        unreadable = [s.path for s in report.skipped if self.model.library_row(s.path)]  # left the index too
        self.model.remove_ids(report.removed_ids + unreadable)
        self._update_counts()
        text = f"Index up to date · {self._articles_text()}"
        if report.updated or report.removed:
            text += f" · {report.updated:,} updated, {report.removed:,} removed in {report.seconds:.1f} s"
        self._set_skipped(report.skipped)
        if report.rebuilt:
            text = f"{report.rebuilt[0].upper()}{report.rebuilt[1:]} · " + text
        if library.read_only:
            text = f"Read-only: {library.read_only}; bookmarks can't be changed · " + text
        if self._import_note:
            text, self._import_note = f"{self._import_note} · {text}", ""
        self._index_text = text
        self._show_index_state()
        if report.bookmarks is not None and report.bookmarks.eventful:
            self.bookmarking.reload()  # the sync re-attached bookmarks to edited articles
        if self.search_bar.text() and (report.updated or report.removed or report.rebuilt or report.skipped):
            self.search_bar.rerun()
        elif not report.indexed:
            self.pane.show_placeholder(f"There are no articles in {library.root} yet. Drop web pages, feeds, "
                                       "PDFs, e-mails or text files here, use File › Add articles… "
                                       "(Ctrl+Shift+O), or open another folder (Ctrl+O).")
        if (self._current_changed or self._unanalyzed_gen == self._article_gen) and \
                self.model.library_row(self._current_id):
            # edited: show its new text; or opened during the update: now its highlights
            self.load_article(self._current_id, keep_place=True)
        if self._reveal:
            self._show_added(self._reveal)
            self._reveal = None
        self._watch(library, report)
        settle_heap()
        self.sync_finished.emit(report)
        self._after_sync()

    def _articles_text(self) -> str:
        """"N articles", and how many more files are copies of them."""
        total, copies = self.model.article_count(), self.model.copy_count()
        text = f"{total:,} {'article' if total == 1 else 'articles'}"
        if copies:
            text += f" (and {copies:,} {'copy' if copies == 1 else 'copies'} of them)"
        return text

    def _show_added(self, article_or_file_id: str) -> None:
        """Show an article just added or corrected: by its id, or the first article of its file (a feed)."""
        target = article_or_file_id if self.model.library_row(article_or_file_id) else min(
            (r.id for r in self.model.library_rows() if split_id(r.id)[0] == article_or_file_id), default=None)
        if target:
            self.show_article_id(target)

    def _set_skipped(self, skipped: list[Skipped]) -> None:
        """The files the update could not read: a status bar button and View › Skipped files open their list."""
        self.skipped = sorted(skipped, key=lambda s: s.path)
        n = len(self.skipped)
        self.skipped_button.setText(f"⚠ {n:,} {'file' if n == 1 else 'files'} skipped")
        self.skipped_button.setVisible(bool(n))
        self.skipped_action.setEnabled(bool(n))
        self.skipped_action.setText(f"&Skipped files ({n:,})…" if n else "&Skipped files…")
        if self._skipped_dialog is not None and self.library is not None:
            self._skipped_dialog.set_skipped(self.library.root, self.skipped)

    def show_skipped(self) -> SkippedFilesDialog:
        if self._skipped_dialog is None:
            self._skipped_dialog = SkippedFilesDialog(self)
        if self.library is not None:
            self._skipped_dialog.set_skipped(self.library.root, self.skipped)
        self._skipped_dialog.show()
        self._skipped_dialog.raise_()
        self._skipped_dialog.activateWindow()
        return self._skipped_dialog

    def _after_sync(self) -> None:
        """Run the update asked for meanwhile, else go on finding quotes and names."""
        if self._queued_sync is not None:
            rebuild, quiet = self._queued_sync
            self._queued_sync = None
            self.sync(rebuild=rebuild, quiet=quiet)
        else:
            self.analyze()

    def analyze(self) -> None:
        """Find quotes and entities in every article not yet analyzed, in the background."""
        if self.library is None:
            return
        library = self.library

        def work(job: Job) -> AnalysisReport:
            return library.analyze_all(progress=job.progress, on_rows=lambda rows: job.emit(("more", rows)),
                                       cancel=job.stopped)

        self._sync_job = self.index_jobs.start(
            work,
            partial=lambda value, lib=library: self._on_rows(lib, value),
            progress=lambda done, total, lib=library: self._on_index_progress(lib, done, total, True),
            finished=lambda report, lib=library: self._on_analyzed(lib, report),
            failed=lambda message, lib=library: self._on_analysis_failed(lib, message),
        )

    def _on_analyzed(self, library: Library, report: AnalysisReport) -> None:
        if library is not self.library:
            return
        self._analysis_ended()
        settle_heap()
        self._tell_notice(report.notice)
        self._show_index_state()
        if report.analyzed and self._names and self.search_bar.text():
            self.search_bar.rerun()  # entity: and speaker: now know more articles
        self.analysis_finished.emit(report)

    def _on_analysis_failed(self, library: Library, message: str) -> None:
        if library is not self.library:
            return
        self._analysis_ended()
        if "cancelled" not in message:
            self.show_status(f"{self._index_text} · finding quotes and names stopped: {message}", error=True)

    def _analysis_ended(self) -> None:
        if not self.indexing:  # else the pass was stopped for an update, which is the job now
            self._sync_job = None
            self.progress.hide()

    def _tell_notice(self, notice: str | None) -> None:
        """From the first notice on, the index state says that names come from the built-in lists only."""
        if notice and self._notice is None:
            self._notice = notice[0].upper() + notice[1:]
            if self._index_text:
                self._show_index_state()

    def _show_index_state(self) -> None:
        """The index's state, with the no-model notice if there is one."""
        text = self._index_text
        if self._notice:
            text += " · names from the built-in lists only (no spaCy model)"
        self.show_status(text, background=True)
        self.index_state.setToolTip(self._notice or "")

    def _on_sync_failed(self, library: Library, message: str) -> None:
        if library is not self.library:
            return
        self._sync_finished_common()
        self._list_is_index = False
        self.show_status(f"Indexing stopped: {message}", error=True)
        if self._unanalyzed_gen == self._article_gen and self._current_id:
            self.load_article(self._current_id, keep_place=True)  # its highlights, which waited for the update
        if self._queued_sync is not None:
            self._after_sync()

    def _sync_finished_common(self) -> None:
        self.indexing = False
        self._sync_job = None
        self.progress.hide()
        self.reindex_action.setEnabled(True)

    # ------------------------------------------------------------------ search

    def search(self, text: str) -> None:
        self._search_gen += 1
        if not text:
            self._show_library()
            return
        if self.library is None:
            return
        library, gen = self.library, self._search_gen

        def work(job: Job) -> SearchResult | IndexDeleted:
            try:
                return library.search(text, limit=RESULT_LIMIT)
            except IndexDeleted as exc:  # not a failure: the update rebuilds it, then the search runs again
                job.emit(library)
                return exc

        self.query_jobs.start(
            work,
            finished=lambda result: (self._on_results(gen, result) if isinstance(result, SearchResult)
                                     else self._on_search_failed(gen, str(result))),
            partial=lambda lib: self.sync(quiet=True) if lib is self.library else None,
            failed=lambda message: self._on_search_failed(gen, message))

    def search_entity(self, name: str) -> None:
        """List every article that mentions the entity `name`."""
        self.search_bar.set_text(f'entity:"{name}"')

    def _show_library(self) -> None:
        self.search_bar.hide_status()
        had_hits = bool(self._words or self._names)
        self._words = frozenset()
        self._names = frozenset()
        self.model.show_library()
        self.list.set_search_mode(False)
        self._restore_sort()
        self._update_counts()
        self._reselect(reload=had_hits)
        self.search_finished.emit(None)

    def _on_results(self, gen: int, result: SearchResult) -> None:
        if gen != self._search_gen:
            return
        same_hits = (result.words, result.names) == (self._words, self._names)  # e.g. rerun after an update
        self._words = result.words
        self._names = result.names
        self.model.show_hits(result.hits)
        self.list.set_search_mode(True)
        self.list.sortByColumn(-1, Qt.AscendingOrder)  # rank order
        if result.total == 0:
            message = "No articles match."
        else:
            message = f"{result.total:,} {'article matches' if result.total == 1 else 'articles match'}"
            if result.total > len(result.hits):
                message += f"; showing the best {len(result.hits):,}"
        if result.notice:
            message += f" ({result.notice})"
        self.search_bar.show_info(message)
        self._update_counts()
        self._reselect(first_if_missing=True, reload=not same_hits)
        self.search_finished.emit(result)

    def _on_search_failed(self, gen: int, message: str) -> None:
        if gen == self._search_gen:
            self.search_bar.show_error(f"Can't search: {message}")
            self.search_finished.emit(None)

    # ------------------------------------------------------------------ reading

    def _on_current_row(self, current, _previous) -> None:
        if current.isValid():
            self.load_article(current.data(ID_ROLE))

    def load_article(self, article_id: str, keep_place: bool = False) -> None:
        if self.library is None:
            return
        self._current_id = article_id
        self._article_gen += 1
        if keep_place:
            self._keep_place_gen = self._article_gen
        library, gen, words, names = self.library, self._article_gen, self._words, self._names
        # While the index is written, spaCy's processes are not started beside its writer processes (the
        # memory of both at once); an article opened meanwhile gets its highlights when the update ends.
        analyze = not self.indexing
        self._unanalyzed_gen = 0 if analyze else gen
        self.query_jobs.start(lambda job: article_view(library, article_id, words, names, early=job.emit,
                                                       analyze=analyze),
                              partial=lambda view: self._on_article(gen, view, early=True),
                              finished=lambda view: self._on_article(gen, view),
                              failed=lambda message: self._on_article_failed(gen, article_id, message))

    def _on_article(self, gen: int, view: ArticleView, early: bool = False) -> None:
        """Show the article; an `early` view has no analysis yet, and the full one keeps the reader's place."""
        if gen != self._article_gen:
            return
        keep_place = gen in (self._early_gen, self._keep_place_gen)
        copies = tuple(f"{r.source} ({r.id})" for r in self.model.copies_of(view.article.id))
        view = replace(view, copies=copies) if copies else view
        self.pane.show_article(self.bookmarking.marked(view), keep_place=keep_place)
        self.current_article = view.article
        self.details_action.setEnabled(True)
        self._early_gen = gen if early else 0
        self.legend.set_counts(view.layer_counts() if view.analysis else None)
        if self.library is not None:
            self._tell_notice(self.library.analysis_notice)
        if not early:
            self.bookmarking.article_shown()
        self.article_shown.emit(view.article.id)

    def show_article_id(self, article_id: str) -> None:
        """Select the article in the list if it is there (else the list keeps its search) and show it."""
        row = self.model.row_of(article_id)
        if row >= 0:
            self.select_row(row)
        else:
            self.load_article(article_id)

    def _cite_target(self) -> None:
        span = self.pane.target_span()
        if span is None:
            self.show_status("To copy with a citation, click in a quote or select some of the article's text.")
        else:
            self.bookmarking.cite_span(*span)

    def _on_article_failed(self, gen: int, article_id: str, message: str) -> None:
        if gen == self._article_gen:
            self.pane.show_placeholder(f"“{article_id}” could not be opened: {message}.")
            self.show_status(f"Could not open {article_id}: {message}", error=True)

    def step(self, delta: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.list.currentIndex()
        row = 0 if not current.isValid() else max(0, min(rows - 1, current.row() + delta))
        self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.list.scrollTo(index)

    def _reselect(self, first_if_missing: bool = False, reload: bool = True) -> None:
        """Keep the article being read selected after the list changed (shown again with the new hits
        if `reload`); else pick the first."""
        row = self.model.row_of(self._current_id) if self._current_id else -1
        if row >= 0:
            index = self.model.index(row, 0)
            self.list.selectionModel().blockSignals(True)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.list.selectionModel().blockSignals(False)
            self.list.scrollTo(index)
            if reload:
                self.load_article(self._current_id)
        elif first_if_missing and self.model.rowCount():
            self.select_row(0)

    # ------------------------------------------------------------------ bringing articles in

    def add_articles_dialog(self) -> None:
        if self.library is None:
            return
        files, _ = QFileDialog.getOpenFileNames(self, "Add articles", self._add_from(), ";;".join(FORMATS_FILTER))
        if files:
            self.add_paths([Path(f) for f in files])

    def add_folder_dialog(self) -> None:
        if self.library is None:
            return
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles", self._add_from())
        if folder:
            self.add_paths([Path(folder)])

    def _add_from(self) -> str:
        return self.settings.value("library/addFrom", str(Path.home()), str)

    def add_paths(self, given: list[Path]) -> None:
        """Copy files and folders into the library on a worker, then index them; the first one is selected."""
        if self.library is None or not given:
            return
        library = self.library
        self.settings.setValue("library/addFrom", str(given[0].parent))
        self.show_status(f"Adding {len(given):,} {'item' if len(given) == 1 else 'items'} to the library…")
        self.import_jobs.start(lambda job: library.add(given, progress=job.progress),
                               progress=lambda done, total, lib=library: self._on_import_progress(lib, done, total),
                               finished=lambda report, lib=library: self._on_imported(lib, report),
                               failed=lambda message: self._on_import_failed(message))

    def _on_import_progress(self, library: Library, done: int, total: int) -> None:
        if library is self.library and not self.indexing:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()
            self.show_status(f"Adding {done:,} of {total:,} files…")

    def _on_imported(self, library: Library, report: ImportReport) -> None:
        if library is not self.library:
            return
        if not self.indexing:
            self.progress.hide()
        self.import_finished.emit(report)
        landed = [f for f in report.files if f.article_id]
        if landed:
            self._reveal = landed[0].article_id
            self._import_note = "Added to the library: " + report.summary
            self.sync(quiet=True)
        else:
            self.show_status(f"Nothing added: {report.summary}", error=not report.count(DUPLICATE))
        if any(f.status != IMPORTED for f in report.files):
            self._tell_import(report)

    def _tell_import(self, report: ImportReport) -> None:
        """What was not simply imported, and why, in a box that does not stop the work."""
        box = QMessageBox(QMessageBox.Information, "Add articles", f"Added to the library: {report.summary}.",
                          QMessageBox.Ok, self)
        box.setObjectName("importReport")
        box.setTextFormat(Qt.PlainText)
        lines = [f.line for f in report.files if f.status != IMPORTED]
        box.setInformativeText("\n".join(lines[:8]) + (f"\n… and {len(lines) - 8:,} more" if len(lines) > 8 else ""))
        box.setDetailedText("\n".join(f.line for f in report.files))
        box.open()
        self.import_box = box

    def _on_import_failed(self, message: str) -> None:
        if not self.indexing:
            self.progress.hide()
        self.show_status(f"Could not add the articles: {message}", error=True)

    def paste_article(self) -> PasteDialog | None:
        """Paste article: the clipboard's text in a dialog where its title (and date, source) are set."""
        if self.library is None:
            return None
        library = self.library
        dialog = PasteDialog(self, QGuiApplication.clipboard().text(), library.root)

        def save() -> None:
            v = dialog.values()
            self._save_then_show(library, lambda: library.paste(v["text"], v["title"], v["source"], v["date"]),
                                 f"Added “{_clip(v['title'])}”", "Could not add the article")

        dialog.accepted.connect(save)
        dialog.open()
        self.paste_dialog = dialog
        return dialog

    def edit_details(self) -> DetailsDialog | None:
        """Correct the title, date or source of the article being read; saved beside its file."""
        if self.library is None or self.current_article is None:
            return None
        library, article = self.library, self.current_article
        dialog = DetailsDialog(self, article)

        def save() -> None:
            changes = dialog.changes()
            if changes:
                self._save_then_show(library, lambda: library.correct(article.id, **changes).id,
                                     f"Details of “{_clip(article.title)}” saved", "Could not save the details")

        dialog.accepted.connect(save)
        dialog.open()
        self.details_dialog = dialog
        return dialog

    def _save_then_show(self, library: Library, save: Callable[[], str], note: str, failure: str) -> None:
        """Run `save` (which returns an article id) on a worker; then index the article and show it."""
        def saved(article_id: str) -> None:
            if library is self.library:
                self._import_note, self._reveal = note, article_id
                self.sync(quiet=True)

        self.import_jobs.start(lambda job: save(), finished=saved,
                               failed=lambda message: self.show_status(f"{failure}: {message}", error=True))

    def dragEnterEvent(self, event) -> None:
        found = dropped_paths(event.mimeData())
        if found and self.library is not None:
            event.acceptProposedAction()
            self.drop_overlay.show_for(found, self.library.root)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self.drop_overlay.isVisible():
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.drop_overlay.hide()

    def dropEvent(self, event) -> None:
        self.drop_overlay.hide()
        found = dropped_paths(event.mimeData())
        if found:
            event.acceptProposedAction()
            self.add_paths(found)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.drop_overlay.isVisible():
            self.drop_overlay.setGeometry(self.rect())

    # ------------------------------------------------------------------ view

    def set_zoom(self, level: int) -> None:
        self.pane.set_zoom(level)
        self.settings.setValue("reader/zoom", self.pane.zoom)

    def show_status(self, text: str, error: bool = False, hold: bool = False, background: bool = False) -> None:
        """Show a status line. One that confirms what the user just did (`hold`) stays a few seconds against
        `background` lines (progress, the index's state), which then show the latest of them."""
        left = self._status_held_until - time.monotonic()
        if background and not error and left > 0:
            self._pending_status = text
            self._status_hold.start(int(left * 1000) + 1)
            return
        self._status_held_until = time.monotonic() + ACTION_MESSAGE_S if hold else 0.0
        self._pending_status = None
        self.index_state.setText(text)
        set_kind(self.index_state, "error" if error else "")

    def _show_pending_status(self) -> None:
        if self._pending_status is not None:
            self.show_status(self._pending_status, background=True)

    def _update_counts(self) -> None:
        total = self.model.article_count()
        if self.model.searching:
            self.counts.setText(f"{self.model.rowCount():,} of {total:,} articles")
        else:
            self.counts.setText(f"{total:,} {'article' if total == 1 else 'articles'}")

    def about(self) -> None:
        folder = self.library.root if self.library else "none"
        index_dir = self.library.index_dir if self.library else "none"
        QMessageBox.about(
            self, "About Press Reader",
            f"<h3>Press Reader {__version__}</h3>"
            "<p>Read, search and quote sponsorship press coverage, offline.</p>"
            f"<p>Articles: {html.escape(str(folder))}<br>Index: {html.escape(str(index_dir))}</p>"
            f"<p>{'<br>'.join(html.escape(line) for line in versions.lines())}</p>")

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event) -> None:
        self._save_settings()
        self.watcher.clear()
        self.import_jobs.stop_all()
        self.index_jobs.stop_all()
        self.query_jobs.stop_all()
        self.bookmarking.finish()
        if self.library:
            self.library.close()
        # What the stopped jobs still report is for a library that is gone and widgets about to be.
        self.library = None
        self._search_gen += 1
        self._article_gen += 1
        super().closeEvent(event)


def _clip(title: str, chars: int = 40) -> str:
    return title if len(title) <= chars else title[:chars - 1] + "…"


def _as_read(row) -> tuple:
    """What the reading pane shows of a row: a change means the article is shown again."""
    return row.content_hash, row.title, row.date, row.source


def _column(name: str, margins: tuple[int, int, int, int], spacing: int, top: QWidget, main: QWidget) -> QWidget:
    """A panel of the splitter: `top` above `main`, which takes the height left."""
    panel = QWidget()
    panel.setObjectName(name)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    layout.addWidget(top)
    layout.addWidget(main, 1)
    return panel
