"""The article list: a table model over library rows or ranked search hits, and its sort proxy."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.index import ArticleRow, Hit

SORT_ROLE = Qt.UserRole + 1
ID_ROLE = Qt.UserRole + 2
SNIPPET_ROLE = Qt.UserRole + 3  # (snippet, spans) for search results, else None

COLUMNS = ("Title", "Date", "Source", "Words", "Quotes", "Names")
TITLE, DATE, SOURCE, WORDS, QUOTES, NAMES = range(6)
NUMERIC = (WORDS, QUOTES, NAMES)
COLUMN_TIPS = {QUOTES: "Direct quotes with a speaker or without", NAMES: "Distinct people, organisations, "
               "places, events, sums and dates named"}


@dataclass(frozen=True)
class ListItem:
    row: ArticleRow
    rank: int = 0
    hit: Hit | None = None


class ArticleTableModel(QAbstractTableModel):
    """Rows are either the whole library (in id order) or search hits (in rank order)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._library: dict[str, ArticleRow] = {}
        self._items: list[ListItem] = []
        self._positions: dict[str, int] = {}
        self.searching = False

    # ---- queries

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Horizontal and role == Qt.TextAlignmentRole and section in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole:
            return COLUMN_TIPS.get(section)
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        row, col = item.row, index.column()
        if role == Qt.DisplayRole:
            if col == QUOTES:
                return "" if row.quotes is None else f"{row.quotes:,}"
            if col == NAMES:
                return "" if row.entities is None else f"{row.entities:,}"
            return (row.title, row.date or "—", row.source, f"{row.words:,}")[col]
        if role == SORT_ROLE:
            return (row.title.casefold(), row.date or "", row.source.casefold(), row.words,
                    -1 if row.quotes is None else row.quotes, -1 if row.entities is None else row.entities)[col]
        if role == ID_ROLE:
            return row.id
        if role == SNIPPET_ROLE:
            return (item.hit.snippet, item.hit.snippet_spans) if item.hit and col == TITLE else None
        if role == Qt.ToolTipRole and col == TITLE:
            return f"{row.title}\n{row.id}"
        if role == Qt.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def article_count(self) -> int:
        return len(self._library)

    def library_row(self, article_id: str) -> ArticleRow | None:
        return self._library.get(article_id)

    def row_of(self, article_id: str) -> int:
        return self._positions.get(article_id, -1)

    def id_at(self, row: int) -> str:
        return self._items[row].row.id

    # ---- library updates

    def set_rows(self, rows: list[ArticleRow]) -> None:
        self._library = {r.id: r for r in rows}
        if not self.searching:
            self._reset([ListItem(r) for r in rows])

    def upsert_rows(self, rows: list[ArticleRow]) -> None:
        """Rows that arrive while the index is built: new ones are appended, known ones refreshed."""
        new = []
        for r in rows:
            known = r.id in self._library
            self._library[r.id] = r
            if self.searching:
                continue
            pos = self._positions.get(r.id)
            if pos is not None:
                self._items[pos] = ListItem(r)
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(COLUMNS) - 1))
            elif not known:
                new.append(ListItem(r))
        if new:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._items.extend(new)
            for i, item in enumerate(new, first):
                self._positions[item.row.id] = i
            self.endInsertRows()

    def remove_ids(self, ids: list[str]) -> None:
        for aid in ids:
            self._library.pop(aid, None)
        if ids and not self.searching:
            self._reset([i for i in self._items if i.row.id in self._library])

    # ---- search mode

    def show_hits(self, hits: list[Hit]) -> None:
        self.searching = True
        items = []
        for rank, hit in enumerate(hits):
            row = self._library.get(hit.article_id) or ArticleRow(
                hit.article_id, hit.title, hit.date, "", 0, 0, 0, "")
            items.append(ListItem(row, rank, hit))
        self._reset(items)

    def show_library(self) -> None:
        self.searching = False
        self._reset([ListItem(r) for r in self._library.values()])

    def _reset(self, items: list[ListItem]) -> None:
        self.beginResetModel()
        self._items = items
        self._positions = {item.row.id: i for i, item in enumerate(items)}
        self.endResetModel()


class ArticleSortProxy(QSortFilterProxyModel):
    """Sorts on raw values (SORT_ROLE); column -1 keeps the source order, i.e. search rank."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setSortCaseSensitivity(Qt.CaseInsensitive)
