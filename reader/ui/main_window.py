"""The main window: builds the panels, menus and shortcuts around one LibrarySession and connects their signals."""

from __future__ import annotations

import html
from pathlib import Path
from typing import cast

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from .. import __version__
from ..core import paths, versions
from .adding import Adding
from .article_list import ArticleListView
from .article_model import ArticleTableModel
from .bookmarking import Bookmarking
from .browsing import Browsing
from .chosen_articles import ChosenArticles
from .coverage_export import CoverageExport
from .coverage_panel import CoveragePanel, scrollable
from .dropping import Dropping
from .exporting_results import ResultsExporting
from .help_dialogs import show_search_syntax, show_shortcuts
from .legend import Legend
from .menus import Menus
from .place import Place
from .reading import Reading
from .reading_pane import ReadingPane
from .search_bar import SearchBar
from .session import LibrarySession
from .session_values import LibraryChange
from .skipped_files import SkippedFiles
from .status import StatusBar
from .watching import Watching
from .watchlist_dialog import edit_watchlist


class MainWindow(QMainWindow):
    """The search bar and article list beside the reading pane and its legend, the bookmarks docked below,
    the status bar; each follows the session on its own."""

    def __init__(self, data_dir: Path, articles_dir: Path | None = None):
        super().__init__()
        self.setWindowTitle("Press Reader")
        self.settings = QSettings()
        self.data_dir = Path(data_dir)
        self.session = LibrarySession(self.data_dir, self)
        self._build_panels()
        self._build_bars()
        self._build_shortcuts()
        self._connect_panels()
        self._connect_menus()
        self._restore_settings()
        folder = articles_dir or self._remembered_folder() or paths.default_articles(self.data_dir)
        QTimer.singleShot(0, lambda: self.session.open(Path(folder)))

    # ------------------------------------------------------------------ building

    def _build_panels(self) -> None:
        session, settings = self.session, self.settings
        self.model = ArticleTableModel(self)
        self.search_bar = SearchBar()
        self.list = ArticleListView()
        self.list.setModel(self.model)
        self.pane = ReadingPane()
        self.legend = Legend()
        self.bookmarking = Bookmarking(session, self.pane, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.bookmarking.panel)
        self.bookmarking.panel.hide()
        self.browsing = Browsing(session, self.search_bar, self.list, self.model, settings, self)
        self.reading = Reading(
            session,
            self.pane,
            self.legend,
            settings,
            copies_of=self.model.copies_of,
            mark=self.bookmarking.marked,
            parent=self,
        )
        self.watching = Watching(session, self.pane, self.bookmarking.undo_stack, self)
        self.place = Place(session, self.browsing, self.reading, self.pane, settings, self)
        self.adding = Adding(session, self.reading, settings, self)
        self.drops = Dropping(self, lambda: session.library.root if session.library else None)
        self.exporting = ResultsExporting(session, self.model, self)
        self.coverage = CoveragePanel(session)
        self.chosen = ChosenArticles(self.browsing, self)
        self.coverage_export = CoverageExport(session, self.coverage, self)

        self.tabs = QTabWidget()  # the article read, or the coverage of the library
        self.tabs.setObjectName("readingTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(_column("readingPanel", (0, 0, 0, 0), 0, self.legend, self.pane), "Article")
        self.tabs.addTab(scrollable(self.coverage), "Coverage")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(_column("listPanel", (8, 8, 0, 0), 6, self.search_bar, self.chosen.banner, self.list))
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_bars(self) -> None:
        self.menus = Menus(self, self.bookmarking.undo_stack, self.bookmarking.panel)
        self.skipped = SkippedFiles(self.session, self.menus.skipped, self)
        self.status = StatusBar(self.session, self.model, beside=self.skipped.button)
        self.setStatusBar(self.status)

    def _build_shortcuts(self) -> None:
        for keys, does, slot in (  # what each does is what Help › Keyboard shortcuts says
            ("Ctrl+F", "Search articles", self.search_bar.focus),
            ("/", "Search articles", self.search_bar.focus),
            ("J", "Next article in the list", lambda: self.browsing.step(1)),
            ("K", "Previous article in the list", lambda: self.browsing.step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setWhatsThis(does)
            shortcut.activated.connect(slot)

    def _connect_panels(self) -> None:
        """What one panel does reaches another through these signals only."""
        self.pane.entity_clicked.connect(self.browsing.search_entity)
        self.reading.settled.connect(self.bookmarking.article_shown)
        self.bookmarking.bookmarks_changed.connect(self.reading.remark)
        self.bookmarking.open_article.connect(self.browsing.show_article)
        self.drops.dropped.connect(self.adding.add_paths)
        self.coverage.articles_chosen.connect(self.chosen.show)
        self.list.clicked.connect(lambda: self.tabs.setCurrentIndex(0))  # an article chosen: read it
        for panel in (self.bookmarking, self.adding, self.watching, self.exporting, self.coverage_export):
            panel.status.connect(self.status.say)
        self.browsing.search_finished.connect(self.menus.follow_results)
        self.session.updating.connect(self.menus.follow_indexing)
        self.reading.article_changed.connect(self.menus.follow_article)
        self.session.library_changed.connect(self._remember_folder)
        app = QGuiApplication.instance()  # typed as QCoreApplication, which has no application state
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    def _connect_menus(self) -> None:
        menus, session, reading = self.menus, self.session, self.reading
        for action, slot in (
            (menus.open, self.choose_folder),
            (menus.reindex, lambda: session.sync(rebuild=True)),
            (menus.add, self.adding.add_articles_dialog),
            (menus.add_folder, self.adding.add_folder_dialog),
            (menus.paste, self.adding.paste_article),
            (menus.export, self.bookmarking.export_dialog),
            (menus.export_results, self.exporting.export_dialog),
            (menus.export_coverage, self.coverage_export.export_dialog),
            (menus.quit, self.close),
            (menus.bookmark, self.bookmarking.bookmark_target),
            (menus.cite, self.bookmarking.cite_target),
            (menus.details, self.adding.edit_details),
            (menus.watchlist, lambda: edit_watchlist(session, self)),
            (menus.zoom_in, lambda: reading.set_zoom(self.pane.zoom + 1)),
            (menus.zoom_out, lambda: reading.set_zoom(self.pane.zoom - 1)),
            (menus.zoom_reset, lambda: reading.set_zoom(0)),
            (menus.syntax, lambda: show_search_syntax(self)),
            (menus.shortcuts, lambda: show_shortcuts(self)),
            (menus.about, self.about),
        ):
            action.triggered.connect(slot)

    # ------------------------------------------------------------------ settings

    def _remembered_folder(self) -> Path | None:
        folder = cast(str, self.settings.value("library/lastFolder", "", str))
        return Path(folder) if folder and Path(folder).is_dir() else None

    def _remember_folder(self, change: LibraryChange) -> None:
        if change.opened and self.session.library is not None:
            self.settings.setValue("library/lastFolder", str(self.session.library.root))

    def _restore_settings(self) -> None:
        s = self.settings
        if not self.restoreGeometry(_saved(s, "window/geometry")):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.92)), min(820, int(screen.height() * 0.92)))
        self.restoreState(_saved(s, "window/state"))
        if not self.splitter.restoreState(_saved(s, "window/splitter")):
            self.splitter.setSizes([int(self.width() * 0.42), int(self.width() * 0.58)])
        self.browsing.restore()
        self.reading.restore()
        self.coverage.scope_bar.restore(s)

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/state", self.saveState())
        s.setValue("reader/zoom", self.pane.zoom)
        self.place.save()
        self.coverage.scope_bar.save(s)
        if self.session.library:
            s.setValue("library/lastFolder", str(self.session.library.root))
        s.sync()

    # ------------------------------------------------------------------ the window's own

    def choose_folder(self) -> None:
        library = self.session.library
        folder = QFileDialog.getExistingDirectory(
            self, "Open articles folder", str(library.root if library else Path.home())
        )
        if folder:
            self.session.open(Path(folder))

    def handle_request(self, message: dict) -> None:
        """Press Reader was launched again on this data dir: come to the front, opening the folder it named."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        folder, library = message.get("articles"), self.session.library
        if folder and (library is None or Path(folder).resolve() != library.root):
            self.session.open(Path(folder))

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        """Coming back to the app, look at the folder again: the watcher may have missed a change."""
        if state == Qt.ApplicationState.ApplicationActive:
            self.session.check_folder()

    def about(self) -> None:
        library = self.session.library
        folder = library.root if library else "none"
        index_dir = library.index_dir if library else "none"
        QMessageBox.about(
            self,
            "About Press Reader",
            f"<h3>Press Reader {__version__}</h3>"
            "<p>Read, search and quote sponsorship press coverage, offline.</p>"
            f"<p>Articles: {html.escape(str(folder))}<br>Index: {html.escape(str(index_dir))}</p>"
            f"<p>{'<br>'.join(html.escape(line) for line in versions.lines())}</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        self.bookmarking.finish()  # every bookmark written before the library closes
        self.session.close()
        super().closeEvent(event)


def _column(name: str, margins: tuple[int, int, int, int], spacing: int, *widgets: QWidget) -> QWidget:
    """A panel of the splitter: `widgets` one above the other, the last taking the height left."""
    panel = QWidget()
    panel.setObjectName(name)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    for widget in widgets[:-1]:
        layout.addWidget(widget)
    layout.addWidget(widgets[-1], 1)
    return panel


def _saved(settings: QSettings, key: str) -> QByteArray | bytes:
    """A saved geometry or state: a QByteArray, or b"" if none was saved (`value()` is typed as `object`)."""
    return cast("QByteArray | bytes", settings.value(key, b""))
