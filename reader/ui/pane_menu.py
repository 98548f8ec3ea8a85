"""The reading pane's mouse: a click in a quote offers to bookmark or cite it, Ctrl+click on a name lists the
articles naming it, and the right-click menu offers both, and to watch the name (a plain click on a name only
places the cursor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication, QMenu

if TYPE_CHECKING:
    from .reading_pane import ReadingPane

ENTITY_SCHEME = "entity"


class PaneMouse:
    """What the pane's clicks and context menu do; `quote_menu` is the last quote click menu (kept for tests)."""

    def __init__(self, pane: ReadingPane):
        self.pane = pane
        self.entities: list[str] = []  # canonical names, indexed by the N of entity:N links
        self.ctrl = False  # the click being released holds Ctrl
        self.quote_menu: QMenu | None = None
        self.menu: QMenu | None = None  # the last right-click menu (kept for tests)
        # set by whoever keeps the watchlist (watching.py); without them the menu offers no "Watch"
        self.watched: Callable[[str], bool] | None = None  # whether a canonical name is watched
        self.watch: Callable[[str, str, str], None] | None = None  # watch (canonical name, label, note)
        pane.anchorClicked.connect(self._on_anchor)

    def entity_at(self, pos: QPoint) -> str | None:
        """The canonical name of the name shown at `pos` (viewport coordinates), if there is one."""
        return self._entity(QUrl(self.pane.anchorAt(pos)))

    def _entity(self, url: QUrl) -> str | None:
        if url.scheme() != ENTITY_SCHEME:
            return None  # article text never names a link that does anything
        try:
            return self.entities[int(url.path())]
        except (ValueError, IndexError):
            return None

    def _on_anchor(self, url: QUrl) -> None:
        name = self._entity(url)
        if name is not None and self.ctrl:
            self.pane.entity_clicked.emit(name)

    def pressed(self, event: QtGui.QMouseEvent) -> None:
        self.ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def released(self, event: QtGui.QMouseEvent) -> None:
        """After Qt's own handling (the cursor placed, a Ctrl+clicked name searched): a quote's menu."""
        pane, pos = self.pane, event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or pane.textCursor().hasSelection():
            return
        if self.ctrl and pane.anchorAt(pos):
            return
        span = pane.quote_span_at(pane.cursorForPosition(pos).position())
        if span is not None:
            menu = QMenu(pane)
            self._quote_actions(menu, span, "quote")
            menu.popup(event.globalPosition().toPoint())
            self.quote_menu = menu

    def context_menu(self, event: QtGui.QContextMenuEvent) -> None:
        pane = self.pane
        menu = pane.createStandardContextMenu(event.pos())
        name = self.entity_at(event.pos())
        for action in menu.actions():
            if name is not None and action.objectName() in ("link-copy", "edit-copy"):
                menu.removeAction(action)  # "entity:3" is nothing to copy; the name's own Copy replaces Copy
        first = menu.actions()[0] if menu.actions() else None
        extra = QMenu(menu)
        if name is not None:
            extra.addAction(f"List articles naming {name}", lambda: pane.entity_clicked.emit(name))
            extra.addAction("Copy", lambda: self._copy_name(name))
            self._watch_action(extra, name)
            extra.addSeparator()
        span = pane.selected_span() or pane.quote_span_at(pane.cursorForPosition(event.pos()).position())
        if span is not None:
            self._quote_actions(extra, span, "selection" if pane.textCursor().hasSelection() else "quote")
        if extra.actions():
            menu.insertActions(first, extra.actions())  # type: ignore[arg-type]  # stubs omit None, which appends
            menu.insertSeparator(first)  # type: ignore[arg-type]  # the same
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        self.menu = menu

    def _watch_action(self, menu: QMenu, name: str) -> None:
        """ "Watch X", or "Watching X" checked and disabled when the watchlist follows it already."""
        watched, watch = self.watched, self.watch
        if watched is None or watch is None:
            return
        on = watched(name)
        act = menu.addAction(
            f"Watching {name}" if on else f"Watch {name}", lambda: watch(name, *self.entity_kind(name))
        )
        act.setCheckable(True)
        act.setChecked(on)
        act.setEnabled(not on)

    def entity_kind(self, name: str) -> tuple[str, str]:
        """The label and note of the entity shown with canonical name `name` ("", "" if it is not shown)."""
        analysis = self.pane.view.analysis if self.pane.view is not None else None
        found = next((e for e in analysis.entities if e.canonical == name), None) if analysis else None
        return (found.label, found.note) if found else ("", "")

    def _copy_name(self, name: str) -> None:
        """The selection, if there is one; else the name, in full."""
        cursor = self.pane.textCursor()
        text = cursor.selection().toPlainText() if cursor.hasSelection() else name
        QApplication.clipboard().setText(text)

    def _quote_actions(self, menu: QMenu, span: tuple[int, int], what: str) -> None:
        pane = self.pane
        marked = pane.bookmark_at(span)
        act = menu.addAction(
            "Bookmarked" if marked else f"Bookmark {what}", lambda: pane.bookmark_requested.emit(*span)
        )
        act.setEnabled(marked is None)
        menu.addAction("Copy with citation", lambda: pane.cite_requested.emit(*span))
