"""The article being read: the reading pane and its legend follow what the session loads, and the user's view
settings (zoom, layers shown)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

from PySide6.QtCore import QObject, QSettings, Signal

from ..core.library import SyncReport
from ..core.model import Article, ArticleView
from .legend import Legend
from .reading_pane import ReadingPane
from .session import LibrarySession
from .session_values import ArticleFailed, Failed, LibraryChange, LoadedArticle, OpenFailed

EMPTY_FOLDER = (
    "There are no articles in {root} yet. Drop web pages, feeds, PDFs, e-mails or text files here, "
    "use File › Add articles… (Ctrl+Shift+O), or open another folder (Ctrl+O)."
)


class Reading(QObject):
    article_shown = Signal(str)  # the pane shows this article: its text, or its text and analysis
    settled = Signal(str)  # the pane shows the article as it will stay: its analysis, if any, with it
    article_changed = Signal(object)  # the Article shown, or None

    def __init__(
        self,
        session: LibrarySession,
        pane: ReadingPane,
        legend: Legend,
        settings: QSettings,
        copies_of: Callable[[str], list],
        mark: Callable[[ArticleView], ArticleView],
        parent: QObject | None = None,
    ):
        """`copies_of(id)`: the article's other copies as the list knows them; `mark(view)`: with its bookmarks."""
        super().__init__(parent)
        self.session, self.pane, self.legend, self.settings = session, pane, legend, settings
        self.copies_of, self.mark = copies_of, mark
        self.article: Article | None = None
        legend.layers_changed.connect(self._on_layers_changed)
        session.article_loaded.connect(self._show)
        session.failed.connect(self._on_failed)
        session.library_changed.connect(self._on_changed)
        session.synced.connect(self._on_synced)

    def restore(self) -> None:
        """The zoom and the layers shown, as the user left them."""
        self.pane.set_zoom(cast(int, self.settings.value("reader/zoom", 0, int)))  # `value()` is typed as `object`
        hidden = set(cast(str, self.settings.value("reader/hiddenLayers", "", str)).split(","))
        self.legend.set_layers([key for key in self.legend.boxes if key not in hidden])

    def set_zoom(self, level: int) -> None:
        self.pane.set_zoom(level)
        self.settings.setValue("reader/zoom", self.pane.zoom)

    def _on_layers_changed(self, layers: frozenset[str]) -> None:
        self.pane.set_layers(layers)
        self.settings.setValue("reader/hiddenLayers", ",".join(k for k in self.legend.boxes if k not in layers))

    def _show(self, loaded: LoadedArticle) -> None:
        view = loaded.view
        copies = tuple(f"{r.source} ({r.id})" if r.source else r.id for r in self.copies_of(view.article.id))
        view = replace(view, copies=copies) if copies else view
        self.pane.show_article(self.mark(view), keep_place=loaded.request.keep_place)
        self.article = view.article
        self.legend.set_counts(view.layer_counts() if view.analysis else None)
        self.article_changed.emit(self.article)
        if not loaded.early:
            self.settled.emit(view.article.id)
        self.article_shown.emit(view.article.id)

    def remark(self) -> None:
        """Mark the article's bookmarks anew (they changed), keeping the reader's place."""
        view = self.pane.view
        if view is None:
            return
        new = self.mark(view)
        if [(b.id, b.start, b.end, b.status) for b in new.bookmarks] != [
            (b.id, b.start, b.end, b.status) for b in view.bookmarks
        ]:
            self.pane.show_article(new, keep_place=True)

    def _on_failed(self, failure: Failed) -> None:
        if isinstance(failure, ArticleFailed):
            self.pane.show_placeholder(f"“{failure.article_id}” could not be opened: {failure.why}.")
        elif isinstance(failure, OpenFailed) and self.session.library is None:
            self.pane.show_placeholder("No articles folder is open. Use File › Open articles folder…")

    def _on_changed(self, change: LibraryChange) -> None:
        if change.opened:
            self.article = None
            self.article_changed.emit(None)
            self.pane.show_placeholder("Select an article to read it.")

    def _on_synced(self, report: SyncReport) -> None:
        if not report.indexed and self.session.library is not None:
            self.pane.show_placeholder(EMPTY_FOLDER.format(root=self.session.library.root))
