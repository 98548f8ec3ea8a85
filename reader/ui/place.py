"""Where the reader was: the search, the article read and its scroll, saved when the window closes and
brought back when the same folder is opened again (issue 21, item 9)."""

from __future__ import annotations

from dataclasses import astuple
from typing import cast

from PySide6.QtCore import QObject, QPoint, QSettings
from PySide6.QtGui import QTextCursor

from ..core.model import Filters
from .browsing import Browsing
from .reading import Reading
from .reading_pane import ReadingPane
from .session import LibrarySession
from .session_values import LibraryChange, LoadedArticle

FILTER_KEYS = ("source", "dateFrom", "dateTo")  # Filters' fields, in order


class Place(QObject):
    """Saves the reader's place in the settings (`save`), and restores it once the folder it was in is listed."""

    def __init__(
        self,
        session: LibrarySession,
        browsing: Browsing,
        reading: Reading,
        pane: ReadingPane,
        settings: QSettings,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session, self.browsing, self.reading, self.pane, self.settings = session, browsing, reading, pane, settings
        self._folder = cast(str, settings.value("place/folder", "", str))
        self._search = cast(str, settings.value("place/search", "", str))
        self._filters = Filters(*(cast(str, settings.value(f"place/{k}", "", str)) or None for k in FILTER_KEYS))
        self._article = cast(str, settings.value("place/article", "", str))
        self._position = cast(int, settings.value("place/position", 0, int))  # the text at the pane's top
        self._waiting = bool(self._folder and (self._search or self._filters or self._article))  # to restore
        self._asked = False  # the saved article was asked for: its scroll comes back as it is shown
        session.library_changed.connect(self._on_changed)
        session.synced.connect(lambda _report: self._restore())
        session.article_loaded.connect(self._on_loaded)  # after the pane showed it: Reading is connected first
        browsing.search_finished.connect(lambda _result: self._show_article())

    def save(self) -> None:
        library = self.session.library
        if library is None:
            return
        s = self.settings
        s.setValue("place/folder", str(library.root))
        s.setValue("place/search", self.browsing.search_bar.text())
        for key, value in zip(FILTER_KEYS, astuple(self.browsing.search_bar.filters()), strict=True):
            s.setValue(f"place/{key}", value or "")
        article = self.reading.article.id if self.reading.article is not None else ""
        s.setValue("place/article", article)
        s.setValue("place/position", self.pane.cursorForPosition(QPoint(0, 0)).position() if article else 0)

    def _on_changed(self, change: LibraryChange) -> None:
        if change.opened and self.session.library is not None and str(self.session.library.root) != self._folder:
            self._waiting = False  # another folder: its place is not this one
        if self._article and self.browsing.model.row_of(self._article) >= 0:
            self._restore()

    def _restore(self) -> None:
        """The saved search first (the article is shown among its results), else the saved article at once."""
        if not self._waiting or self.session.library is None:
            return
        self._waiting = False
        if self._search or self._filters:
            self.browsing.search_bar.set_search(self._search, self._filters)
        else:
            self._show_article()

    def _show_article(self) -> None:
        """Once, after the restored search listed its results; a later search forgets the saved scroll."""
        if self._asked or self.browsing.model.row_of(self._article) < 0:  # a later search, or not listed
            self._article = ""
            return
        self._asked = True
        self.browsing.show_article(self._article)
        if self.reading.article is not None and self.reading.article.id == self._article:  # shown already
            self._scroll()

    def _on_loaded(self, loaded: LoadedArticle) -> None:
        if not self._asked or not self._article:  # (its first load may keep the place: it ends an update)
            return
        if loaded.view.article.id == self._article:
            self._scroll()
        self._article = ""  # shown, or the user chose another: done

    def _scroll(self) -> None:
        if self._position <= 0:
            return
        document = self.pane.document()
        cursor = QTextCursor(document)
        cursor.setPosition(min(self._position, document.characterCount() - 1))
        bar = self.pane.verticalScrollBar()
        bar.setValue(bar.value() + self.pane.cursorRect(cursor).top())
