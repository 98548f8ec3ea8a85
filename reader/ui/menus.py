"""The window's menus: their actions, named and given their shortcuts here; the window connects what they do."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from .bookmarks_panel import BookmarksPanel


class Menus:
    def __init__(self, window: QMainWindow, undo_stack: QUndoStack, bookmarks_panel: BookmarksPanel):
        self.window = window
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        self.open = self._add(file_menu, "&Open articles folder…", QKeySequence.StandardKey.Open)
        self.reindex = self._add(file_menu, "&Reindex", "Ctrl+R")
        file_menu.addSeparator()
        self.add = self._add(file_menu, "&Add articles…", "Ctrl+Shift+O")
        self.add_folder = self._add(file_menu, "Add a &folder of articles…")
        self.paste = self._add(file_menu, "&Paste article…", "Ctrl+Shift+V")
        file_menu.addSeparator()
        self.export = self._add(file_menu, "&Export bookmarks…", "Ctrl+E")
        bookmarks_panel.leave_to_window(self.export.shortcuts())  # not "end of line" in its filter box
        self.export_results = self._add(file_menu, "Export res&ults…", "Ctrl+Shift+E")
        self.export_results.setEnabled(False)  # until a search lists results
        self.export_coverage = self._add(file_menu, "Export &coverage…")
        file_menu.addSeparator()
        self.quit = self._add(file_menu, "&Quit", QKeySequence.StandardKey.Quit, role=QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu("&Edit")
        undo = undo_stack.createUndoAction(window, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(window, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self.bookmark = self._add(edit_menu, "&Bookmark quote or selection", "Ctrl+D")
        self.cite = self._add(edit_menu, "Copy with &citation", "Ctrl+Shift+C")
        edit_menu.addSeparator()
        self.details = self._add(edit_menu, "Article &details…", "Ctrl+I")
        self.details.setEnabled(False)  # until an article is shown
        edit_menu.addSeparator()
        self.watchlist = self._add(edit_menu, "&Watchlist…")

        view_menu = bar.addMenu("&View")
        self.bookmarks = bookmarks_panel.toggleViewAction()
        self.bookmarks.setText("&Bookmarks")
        self.bookmarks.setShortcut(QKeySequence("Ctrl+B"))
        view_menu.addAction(self.bookmarks)
        self.skipped = self._add(view_menu, "&Skipped files…")
        self.skipped.setEnabled(False)
        view_menu.addSeparator()
        self.zoom_in = self._add(view_menu, "Zoom &in", QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out = self._add(view_menu, "Zoom &out", QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset = self._add(view_menu, "&Reset zoom", "Ctrl+0")

        help_menu = bar.addMenu("&Help")
        self.syntax = self._add(help_menu, "&Search syntax…")
        self.shortcuts = self._add(help_menu, "&Keyboard shortcuts…")
        help_menu.addSeparator()
        self.about = self._add(help_menu, "&About Press Reader", role=QAction.MenuRole.AboutRole)

    def _add(
        self, menu: QMenu, text: str, *shortcuts: QKeySequence.StandardKey | str, role: QAction.MenuRole | None = None
    ) -> QAction:
        act = QAction(text, self.window)
        act.setShortcuts([QKeySequence(k) for k in shortcuts])
        if role is not None:
            act.setMenuRole(role)
        menu.addAction(act)
        return act

    def follow_indexing(self, update) -> None:
        """Reindex is offered while no update runs (`update` is the session's Update, or None)."""
        self.reindex.setEnabled(update is None)

    def follow_results(self, result) -> None:
        """Export results is offered while a search lists results (`result` is a SearchResult, or None)."""
        self.export_results.setEnabled(result is not None and result.total > 0)

    def follow_article(self, article) -> None:
        """Article details are offered while an article is shown."""
        self.details.setEnabled(article is not None)
