"""The bookmarks panel: a dock listing bookmarked quotes, filterable and sortable, with note and tags editable.

The model only holds `Bookmark` values from the core; edits and deletions are requested by signals and
carried out by the window through the library, on a worker.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.bookmarks import OK, Bookmark
from .items_model import ItemsModel
from .look import plain_tip

COLUMNS = ("Quote", "Speaker", "Article", "Date", "Note", "Tags", "Added")
QUOTE, SPEAKER, ARTICLE, DATE, NOTE, TAGS, ADDED = range(7)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
EMPTY = "No bookmarks yet.\n\nClick a highlighted quote and choose Bookmark quote, or select any text and press Ctrl+D."


def one_line(text: str) -> str:
    return " ".join(text.split())


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


class BookmarkModel(ItemsModel):
    edited = Signal(int, str, list)  # id, note, tags: the user changed them in place
    columns = COLUMNS
    items: list[Bookmark]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b, col = self.items[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(b, col, role == Qt.ItemDataRole.EditRole)
        if role == SORT_ROLE:
            return {
                SPEAKER: (b.speaker or "\uffff").lower(),
                DATE: b.date or "",
                ADDED: f"{b.created}#{b.id:09d}",
                ARTICLE: b.title.lower(),
            }.get(col, self._text(b, col).lower())
        if role == ID_ROLE:
            return b.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == QUOTE:
                state = "" if b.status == OK else f"\n\n{b.status.capitalize()}: the stored quote is kept."
                return plain_tip(b.exact + state)  # article text: shown as written, never as HTML
            if col == ARTICLE:
                return plain_tip(f"{b.title}\n" + " · ".join(filter(None, (b.source, str(b.path)))))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and b.status != OK and col == QUOTE:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    @staticmethod
    def _text(b: Bookmark, col: int, editing: bool = False) -> str:
        if col == QUOTE:
            text = one_line(b.exact)
            return text if b.status == OK else f"[{b.status}] {text}"
        if col == SPEAKER:
            return b.speaker or ""
        if col == ARTICLE:
            return b.title
        if col == DATE:
            return b.date or ("" if editing else "—")
        if col == NOTE:
            return b.note
        if col == TAGS:
            return ", ".join(b.tags)
        return b.created.replace("T", " ").rstrip("Z")[:16]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in (NOTE, TAGS) else flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (NOTE, TAGS):
            return False
        b = self.items[index.row()]
        note = str(value).strip() if index.column() == NOTE else b.note
        tags = split_tags(str(value)) if index.column() == TAGS else list(b.tags)
        if note == b.note and tags == list(b.tags):
            return False
        self.items[index.row()] = replace(b, note=note, tags=tuple(tags))  # shown now; the store answers later
        self.dataChanged.emit(index, index)
        self.edited.emit(b.id, note, tags)
        return True

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def put(self, b: Bookmark) -> None:
        """Add `b`, or replace the bookmark with its id."""
        row = self.row_of(b.id)
        if row >= 0:
            self.items[row] = b
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        else:
            self.beginInsertRows(QModelIndex(), len(self.items), len(self.items))
            self.items.append(b)
            self.endInsertRows()

    def remove(self, bookmark_id: int) -> None:
        row = self.row_of(bookmark_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.endRemoveRows()

    def row_of(self, bookmark_id: int) -> int:
        return next((i for i, b in enumerate(self.items) if b.id == bookmark_id), -1)

    def get(self, bookmark_id: int) -> Bookmark | None:
        row = self.row_of(bookmark_id)
        return self.items[row] if row >= 0 else None


class BookmarkFilter(QSortFilterProxyModel):
    """Keeps the bookmarks whose quote, speaker, article, note or tags contain every word typed."""

    def __init__(self, source: BookmarkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.source = source  # as a BookmarkModel: `sourceModel()` is typed as any model
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setSourceModel(source)

    def set_text(self, text: str) -> None:
        self.words = text.lower().split()
        self.setFilterFixedString(text)  # refilters, through filterAcceptsRow below

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        b = self.source.items[row]
        hay = " ".join([b.exact, b.speaker or "", b.title, b.note, " ".join(b.tags)]).lower()
        return all(w in hay for w in self.words)


class WindowKeys(QObject):
    """An event filter that keeps a line edit from taking the window's shortcuts: on Linux desktops a
    QLineEdit claims emacs-like keys (Ctrl+E is "end of line"), so File › Export bookmarks would not fire."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.keys: list[QKeySequence] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.keys:
            pressed = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self.keys):
                event.ignore()  # not the box's: the window's shortcut runs
                return True
        return False


class BookmarksPanel(QDockWidget):
    open_requested = Signal(int)  # a bookmark's id
    delete_requested = Signal(list)  # ids
    cite_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Bookmarks", parent)
        self.setObjectName("bookmarksDock")
        self.model = BookmarkModel(self)
        self.proxy = BookmarkFilter(self.model, self)

        self.filter = QLineEdit()
        self.filter.setObjectName("bookmarkFilter")
        self.filter.setPlaceholderText("Filter by text, speaker or tag")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.window_keys = WindowKeys(self.filter)
        self.filter.installEventFilter(self.window_keys)

        self.table = self._make_table()
        self.empty = QLabel(EMPTY)
        self.empty.setObjectName("bookmarksEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.delete_action = QAction("Delete bookmark", self.table)
        self.delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_selected)
        self.table.addAction(self.delete_action)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.stack, 1)
        self.setWidget(body)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_empty)
        self._update_empty()

    def _make_table(self) -> QTableView:
        """The bookmarks, newest first; note and tags are edited in place."""
        table = QTableView()
        table.setObjectName("bookmarkTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setSortingEnabled(True)
        table.sortByColumn(ADDED, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((SPEAKER, 110), (ARTICLE, 190), (DATE, 85), (NOTE, 130), (TAGS, 100), (ADDED, 115)):
            header.resizeSection(col, width)
        table.doubleClicked.connect(self._on_double_click)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        return table

    def _update_empty(self, *_) -> None:
        self.stack.setCurrentWidget(self.table if self.model.items else self.empty)

    def leave_to_window(self, keys: list[QKeySequence]) -> None:
        """These shortcuts of the window's work while the filter box has focus."""
        self.window_keys.keys = list(keys)

    def selected_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        """The bookmark of the table's current row when it is selected, else the first selected one."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row(), current.parent()):
            return current.data(ID_ROLE)
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select(self, bookmark_id: int) -> None:
        row = self.model.row_of(bookmark_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _on_double_click(self, index) -> None:
        if index.column() not in (NOTE, TAGS):  # those two are edited in place
            self.open_requested.emit(index.data(ID_ROLE))

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        bookmark_id = index.data(ID_ROLE)
        menu = QMenu(self)
        menu.addAction("Open in reading pane", lambda: self.open_requested.emit(bookmark_id))
        menu.addAction("Copy with citation", lambda: self.cite_requested.emit(bookmark_id))
        menu.addAction("Edit note", lambda: self.table.edit(index.siblingAtColumn(NOTE)))
        menu.addAction("Edit tags", lambda: self.table.edit(index.siblingAtColumn(TAGS)))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
