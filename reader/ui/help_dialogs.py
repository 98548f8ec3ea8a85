"""Help › Search syntax and Help › Keyboard shortcuts: two windows that stay open beside the main one."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.index.query import EXAMPLES

SYNTAX_NOTES = (
    "Words match their other forms (sponsor finds sponsors, sponsored, sponsorship). "
    "A query with no word of the text to rank by (a date range, a source, a name, a wildcard) lists newest "
    "first. Dates are written YYYY-MM-DD. The filter row under the box narrows any query to one source "
    "and a range of days without syntax."
)


class _Table(QDialog):
    """A non-modal window holding a two-column table of text, read-only."""

    def __init__(self, parent: QWidget, title: str, headers: tuple[str, str], rows: list[tuple[str, str]], note: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(False)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # one line a row: the rows are short, and keep one height
        self.items = [(QTableWidgetItem(keys), QTableWidgetItem(does)) for keys, does in rows]
        for r, cells in enumerate(self.items):
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        label = QLabel(html.escape(note), self)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(label)
        self.resize(680, 560)

    def rows(self) -> list[tuple[str, str]]:
        """The table as shown, row by row."""
        return [(first.text(), second.text()) for first, second in self.items]


class SearchSyntaxDialog(_Table):
    """The query language by example (`query.EXAMPLES`, each one tested against a real library)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, "Search syntax", ("You type", "Finds articles with"), list(EXAMPLES), SYNTAX_NOTES)
        mono = self.table.font()
        mono.setFamily("monospace")
        mono.setStyleHint(mono.StyleHint.Monospace)
        for typed, _ in self.items:
            typed.setFont(mono)


class ShortcutsDialog(_Table):
    """Every shortcut of the window, read from its actions and shortcuts when opened: it cannot drift."""

    def __init__(self, parent: QWidget):
        super().__init__(
            parent,
            "Keyboard shortcuts",
            ("Keys", "Does"),
            shortcuts_of(parent),
            "Up/Down in the search box move through the list; Esc clears it.",
        )


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for each action and shortcut of `window` and its children that has keys; an
    action is named with its menu ("File › Export bookmarks…") or its dock; a QShortcut by its What's This."""
    found: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]  # Quit has none on some desktops
        if keys:
            found.append((_keys(keys), _named(action)))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty():
            found.append((_keys([shortcut.key()]), shortcut.whatsThis() or "(undescribed)"))
    return found


def _keys(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)


def _named(action: QAction) -> str:
    text = _plain(action.text())
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu) and m.title()]
    if menus:
        return f"{_plain(menus[0].title())} › {text}"
    place = action.parent()  # an action of a panel: named with its dock ("Bookmarks › Delete bookmark")
    while place is not None and not isinstance(place, QDockWidget):
        place = place.parent()
    return f"{place.windowTitle()} › {text}" if isinstance(place, QDockWidget) else text


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks (&File → File; && is a literal &)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def show_search_syntax(window: QWidget) -> SearchSyntaxDialog:
    return _shown(window, SearchSyntaxDialog)


def show_shortcuts(window: QWidget) -> ShortcutsDialog:
    old = window.findChild(ShortcutsDialog)
    if old is not None:  # read the window's actions again: one may have changed
        old.deleteLater()
        old.setParent(None)
    return _shown(window, ShortcutsDialog)


def _shown(window: QWidget, kind):
    """The one window of `kind` beside `window`, made on first use and brought to the front."""
    dialog = window.findChild(kind)
    if dialog is None:
        dialog = kind(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
