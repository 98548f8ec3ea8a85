"""The main window: assembles the list, search bar, reading pane and status bar and wires their signals."""

from __future__ import annotations

import html
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QSplitter,
                               QVBoxLayout, QWidget)

from .. import __version__
from ..core import paths
from ..core.index import SearchResult, hit_spans
from ..core.library import Library, LibraryError, SyncReport
from .article_list import ArticleListView
from .article_model import ID_ROLE, ArticleSortProxy, ArticleTableModel
from .look import set_kind
from .reading_pane import ArticleView, ReadingPane
from .search_bar import SearchBar
from .workers import Job, Jobs

RESULT_LIMIT = 100  # each result carries a snippet, about 2.5 ms apiece
ROW_BATCH_SECONDS = 0.15


def article_view(library: Library, article_id: str, words: frozenset[str]) -> ArticleView:
    """Runs on a worker: load the article and find the search hits in each part of it."""
    article = library.load(article_id)

    def marks(text: str):
        return [(s, e, "hit") for s, e in hit_spans(text, words)]

    return ArticleView(article, marks(article.title), marks(article.body), [marks(c.text) for c in article.captions])


class MainWindow(QMainWindow):
    sync_finished = Signal(object)  # SyncReport
    search_finished = Signal(object)  # SearchResult, or None when the library is shown
    article_shown = Signal(str)
    index_progress = Signal(int, int)

    def __init__(self, data_dir: Path, articles_dir: Path | None = None):
        super().__init__()
        self.setWindowTitle("Press Reader")
        self.settings = QSettings()
        self.data_dir = Path(data_dir)
        self.library: Library | None = None
        self.index_jobs = Jobs(1)
        self.query_jobs = Jobs(1)
        self._sync_job: Job | None = None
        self._search_gen = 0
        self._article_gen = 0
        self._words: frozenset[str] = frozenset()
        self._current_id: str | None = None
        self.indexing = False

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
        self.proxy = ArticleSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_bar = SearchBar()
        self.list = ArticleListView()
        self.list.setModel(self.proxy)
        self.pane = ReadingPane()

        left = QWidget()
        left.setObjectName("listPanel")
        layout = QVBoxLayout(left)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.list, 1)

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.search_bar.query_changed.connect(self.search)
        self.search_bar.step.connect(self.step)
        self.list.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.list.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setObjectName("indexProgress")
        self.progress.setFixedWidth(200)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.index_state = QLabel()
        self.index_state.setObjectName("indexState")
        self.counts = QLabel()
        self.counts.setObjectName("articleCounts")
        bar.addWidget(self.index_state, 1)
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
        action(file_menu, "&Quit", self.close, QKeySequence.Quit, role=QAction.QuitRole)

        view_menu = self.menuBar().addMenu("&View")
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
        if not self.splitter.restoreState(s.value("window/splitter", b"")):
            self.splitter.setSizes([int(self.width() * 0.42), int(self.width() * 0.58)])
        self._restore_sort()
        self.pane.set_zoom(s.value("reader/zoom", 0, int))

    def _restore_sort(self) -> None:
        self.list.sortByColumn(self.settings.value("list/sortColumn", -1, int),
                               Qt.SortOrder(self.settings.value("list/sortOrder", 0, int)))

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("reader/zoom", self.pane.zoom)
        if self.library:
            s.setValue("library/lastFolder", str(self.library.root))
        s.sync()

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
            library = Library(folder, self.data_dir)
        except LibraryError as exc:
            self.show_status(str(exc).capitalize(), error=True)
            if self.library is None:
                self.pane.show_placeholder("No articles folder is open. Use File › Open articles folder…")
            return
        if self._sync_job:
            self._sync_job.stop()
        if self.library:
            old = self.library
            self.index_jobs.start(lambda job: old.close())
        self.library = library
        self.settings.setValue("library/lastFolder", str(library.root))
        paths.remember_folder(self.data_dir, library.root)
        self._current_id = None
        self.model.set_rows([])
        self.pane.show_placeholder("Select an article to read it.")
        self.search_bar.edit.clear()
        self.sync()

    def reindex(self) -> None:
        self.sync(rebuild=True)

    def sync(self, rebuild: bool = False) -> None:
        if self.library is None:
            return
        library = self.library
        self.indexing = True
        self.reindex_action.setEnabled(False)
        self.show_status("Rebuilding the index…" if rebuild else "Opening the library…")

        def work(job: Job) -> SyncReport:
            rows = library.rows()
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
            progress=lambda done, total, lib=library: self._on_index_progress(lib, done, total),
            finished=lambda report, lib=library: self._on_synced(lib, report),
            failed=lambda message, lib=library: self._on_sync_failed(lib, message),
        )

    def _on_rows(self, library: Library, value) -> None:
        if library is not self.library:
            return
        kind, rows = value
        if kind == "rows":
            self.model.set_rows(rows)
            if rows:
                self.show_status(f"Checking {len(rows):,} articles for changes…")
        else:
            self.model.upsert_rows(rows)
        self._update_counts()
        if self._current_id is None and self.proxy.rowCount():
            self.select_row(0)

    def _on_index_progress(self, library: Library, done: int, total: int) -> None:
        if library is not self.library:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.index_progress.emit(done, total)
        if done < total:
            self.show_status(f"Indexing {done:,} of {total:,} articles…")
        else:
            self.show_status("Saving the index…")

    def _on_synced(self, library: Library, report: SyncReport) -> None:
        if library is not self.library:
            return
        self._sync_finished_common()
        self.model.remove_ids(report.removed_ids)
        self._update_counts()
        text = f"Index up to date · {report.indexed:,} articles"
        if report.updated or report.removed:
            text += f" · {report.updated:,} updated, {report.removed:,} removed in {report.seconds:.1f} s"
        if report.skipped:
            text += f" · {len(report.skipped):,} files skipped"
            self.index_state.setToolTip("\n".join(f"{s.path}: {s.reason}" for s in report.skipped[:40]))
        if report.rebuilt:
            text = f"{report.rebuilt[0].upper()}{report.rebuilt[1:]} · " + text
        self.show_status(text)
        if self.search_bar.text():
            self.search_bar.rerun()
        elif not report.indexed:
            self.pane.show_placeholder(f"There are no .txt or .md articles in {library.root}. Add some, "
                                       "or open another folder with File › Open articles folder… (Ctrl+O).")
        self.sync_finished.emit(report)

    def _on_sync_failed(self, library: Library, message: str) -> None:
        if library is not self.library:
            return
        self._sync_finished_common()
        self.show_status(f"Indexing stopped: {message}", error=True)

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
        self.query_jobs.start(lambda job: library.search(text, limit=RESULT_LIMIT),
                              finished=lambda result: self._on_results(gen, result),
                              failed=lambda message: self._on_search_failed(gen, message))

    def _show_library(self) -> None:
        self.search_bar.hide_status()
        self._words = frozenset()
        self.model.show_library()
        self.list.set_search_mode(False)
        self._restore_sort()
        self._update_counts()
        self._reselect()
        self.search_finished.emit(None)

    def _on_results(self, gen: int, result: SearchResult) -> None:
        if gen != self._search_gen:
            return
        self._words = result.words
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
        self._reselect(first_if_missing=True)
        self.search_finished.emit(result)

    def _on_search_failed(self, gen: int, message: str) -> None:
        if gen == self._search_gen:
            self.search_bar.show_error(f"Can't search: {message}")
            self.search_finished.emit(None)

    # ------------------------------------------------------------------ reading

    def _on_current_row(self, current, _previous) -> None:
        if current.isValid():
            self.load_article(current.data(ID_ROLE))

    def load_article(self, article_id: str) -> None:
        if self.library is None:
            return
        self._current_id = article_id
        self._article_gen += 1
        library, gen, words = self.library, self._article_gen, self._words
        self.query_jobs.start(lambda job: article_view(library, article_id, words),
                              finished=lambda view: self._on_article(gen, view),
                              failed=lambda message: self._on_article_failed(gen, article_id, message))

    def _on_article(self, gen: int, view: ArticleView) -> None:
        if gen != self._article_gen:
            return
        self.pane.show_article(view)
        self.article_shown.emit(view.article.id)

    def _on_article_failed(self, gen: int, article_id: str, message: str) -> None:
        if gen == self._article_gen:
            self.pane.show_placeholder(f"“{article_id}” could not be opened: {message}.")
            self.show_status(f"Could not open {article_id}: {message}", error=True)

    def step(self, delta: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.list.currentIndex()
        row = 0 if not current.isValid() else max(0, min(rows - 1, current.row() + delta))
        self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.list.scrollTo(index)

    def _reselect(self, first_if_missing: bool = False) -> None:
        """Keep the article being read selected after the list changed; else pick the first."""
        row = self.model.row_of(self._current_id) if self._current_id else -1
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.list.selectionModel().blockSignals(True)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.list.selectionModel().blockSignals(False)
            self.list.scrollTo(index)
            self.load_article(self._current_id)  # re-render with the new hits
        elif first_if_missing and self.proxy.rowCount():
            self.select_row(0)

    # ------------------------------------------------------------------ view

    def set_zoom(self, level: int) -> None:
        self.pane.set_zoom(level)
        self.settings.setValue("reader/zoom", self.pane.zoom)

    def show_status(self, text: str, error: bool = False) -> None:
        self.index_state.setText(text)
        set_kind(self.index_state, "error" if error else "")

    def _update_counts(self) -> None:
        total = self.model.article_count()
        if self.model.searching:
            self.counts.setText(f"{self.model.rowCount():,} of {total:,} articles")
        else:
            self.counts.setText(f"{total:,} {'article' if total == 1 else 'articles'}")

    def about(self) -> None:
        import whoosh
        from PySide6 import __version__ as pyside_version

        folder = self.library.root if self.library else "none"
        index_dir = self.library.index_dir if self.library else "none"
        QMessageBox.about(
            self, "About Press Reader",
            f"<h3>Press Reader {__version__}</h3>"
            "<p>Read, search and quote sponsorship press coverage, offline.</p>"
            f"<p>Articles: {html.escape(str(folder))}<br>Index: {html.escape(str(index_dir))}</p>"
            f"<p>Qt {pyside_version} · Whoosh {whoosh.versionstring()}</p>")

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event) -> None:
        self._save_settings()
        self.index_jobs.stop_all()
        self.query_jobs.stop_all()
        if self.library:
            self.library.close()
        super().closeEvent(event)
