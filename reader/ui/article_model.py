"""The article list: a table model over library rows or ranked search hits that sorts itself."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from ..core.model import ArticleRow, Hit, Span, copy_key, first_copy, split_id
from ..core.results_export import ResultRow
from .look import plain_tip

ID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # (snippet, spans) for search results, else None
# data() runs for every role of every painted cell (about 1,300 calls a scroll step): the roles as plain
# ints, compared without touching the Qt enums.
_DISPLAY, _TOOLTIP, _ALIGN = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.TextAlignmentRole),
)
_ID, _SNIPPET = int(ID_ROLE), int(SNIPPET_ROLE)
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _ID, _SNIPPET))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROOT = QModelIndex()  # the parent of every row: the model is a flat table

# Folder comes last: the hidden columns and the sort column are saved by number
COLUMNS = ("Title", "Date", "Source", "Words", "Quotes", "Names", "Folder")
TITLE, DATE, SOURCE, WORDS, QUOTES, NAMES, FOLDER = range(7)
NUMERIC = (WORDS, QUOTES, NAMES)
COLUMN_TIPS = {
    QUOTES: "Direct quotes with a speaker or without",
    NAMES: "Distinct people, organisations, places, events, sums and dates named",
    FOLDER: "The folder of the library the file is in (empty: the library folder itself)",
}
NATURAL = -1  # the column that means no column: the library in id order, search hits in rank order
SNIPPET_BATCH = 60  # the snippets asked for at a time: more than a screen's rows, of those painted last
NO_SNIPPET: tuple[str, tuple[Span, ...]] = ("", ())  # not made yet, or nothing to show

# What a column sorts on: raw values, so that 1,000 words come after 999 and "é" near "e".
SORT_KEYS: dict[int, Callable[[ArticleRow], str | int]] = {  # a column's keys: all str or all int
    TITLE: lambda r: r.title.casefold(),
    DATE: lambda r: r.date or "",
    SOURCE: lambda r: r.source.casefold(),
    WORDS: lambda r: r.words,
    QUOTES: lambda r: -1 if r.quotes is None else r.quotes,
    NAMES: lambda r: -1 if r.entities is None else r.entities,
    FOLDER: lambda r: folder_of(r.id).casefold(),
}


def folder_of(article_id: str) -> str:
    """The folder of the library an article's file is in: "clips/2024", or "" for the library folder itself."""
    return posixpath.dirname(split_id(article_id)[0])


@dataclass(eq=False)
class ListItem:
    """One line of the list; its row is replaced in place when the article's counts or file change."""

    row: ArticleRow
    rank: int = 0
    hit: Hit | None = None
    also: tuple[ArticleRow, ...] = ()  # the article's other copies: wire copy in other outlets, or saved twice
    _cells: tuple[str, ...] | None = None

    def replace(self, row: ArticleRow, also: tuple[ArticleRow, ...] | None = None) -> None:
        self.row, self._cells = row, None
        if also is not None:
            self.also = also

    def cells(self) -> tuple[str, ...]:
        """What each column shows, made when the line is first painted."""
        if self._cells is None:
            r = self.row
            also = f"also in: {also_in(r, self.also)}" if self.also else ""
            source = " · ".join(part for part in (r.source, also) if part)
            self._cells = (
                r.title,
                r.date or "—",
                source,
                f"{r.words:,}",
                "" if r.quotes is None else f"{r.quotes:,}",
                "" if r.entities is None else f"{r.entities:,}",
                folder_of(r.id),
            )
        return self._cells


def also_in(row: ArticleRow, copies: tuple[ArticleRow, ...]) -> str:
    """The other copies by outlet, or by file where the outlet is the same: "AP, Reuters, story (2).txt"."""
    names = [c.source if c.source and c.source != row.source else c.id.rsplit("/", 1)[-1] for c in copies]
    return ", ".join(dict.fromkeys(names))


class ArticleTableModel(QAbstractTableModel):
    """Rows are either the whole library or search hits, sorted by one column with ties in natural order.

    Copies of one article (the same fingerprint) are one line, which names the others ("also in: …"),
    and count once.

    The model sorts itself (a Python key sort over its items, tens of milliseconds for 50,000 rows)
    rather than through a QSortFilterProxyModel, which would call `data()` millions of times.
    """

    counts_changed = Signal()  # the articles listed or known may be more or fewer
    snippets_wanted = Signal(str, list)  # (query, article ids): hits painted without their snippets yet

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._library: dict[str, ArticleRow] = {}
        self._copies: dict[str, set[str]] = {}  # ids by fingerprint
        self._natural: list[ListItem] = []  # what is listed, in natural order
        self._items: list[ListItem] = []  # the same, in the order shown
        self._shown: dict[str, ListItem] = {}
        self._positions: dict[str, int] | None = {}  # row by id, made again when asked for after a change
        self._sort_column = NATURAL
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.searching = False
        self._snippets = _LazySnippets(self)

    # ---- queries

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.TextAlignmentRole
            and section in NUMERIC
        ):
            return _RIGHT
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return COLUMN_TIPS.get(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():  # font, colours, check state, decoration…
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return item.cells()[col]
        if role == _ALIGN:
            return _RIGHT if col in NUMERIC else None
        if role == _ID:
            return item.row.id
        if role == _SNIPPET:
            return self._snippets.of(item.row) if item.hit and col == TITLE else None
        if col == SOURCE and item.also:  # the tooltip
            return plain_tip("Also in:\n" + "\n".join(" · ".join(filter(None, (c.source, c.id))) for c in item.also))
        return plain_tip(f"{item.row.title}\n{item.row.id}") if col == TITLE else None

    def article_count(self) -> int:
        """Articles, a story run by several outlets counted once."""
        return len(self._copies)

    def copy_count(self) -> int:
        """Files beyond the first of each article: the copies that do not count."""
        return len(self._library) - len(self._copies)

    def copies_of(self, article_id: str) -> list[ArticleRow]:
        """The article's other copies, the one listed first."""
        row = self._library.get(article_id)
        if row is None:
            return []
        return [r for r in self._copies_in_order(copy_key(row)) if r.id != article_id]

    def _copies_in_order(self, key: str) -> list[ArticleRow]:
        """The rows of one article's copies, the one the list shows first."""
        return sorted((self._library[i] for i in self._copies.get(key, ())), key=first_copy)

    def library_row(self, article_id: str) -> ArticleRow | None:
        return self._library.get(article_id)

    def library_rows(self) -> list[ArticleRow]:
        """Every article of the library (listed or not), as the index last reported it."""
        return list(self._library.values())

    def row_of(self, article_id: str) -> int:
        if self._positions is None:
            self._positions = {item.row.id: i for i, item in enumerate(self._items)}
        return self._positions.get(article_id, -1)

    def id_at(self, row: int) -> str:
        return self._items[row].row.id

    # ---- sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (NATURAL: id or rank order); the selection and current row follow their articles."""
        column, order = (column if column in SORT_KEYS else NATURAL), Qt.SortOrder(order)
        if (column, order) != (self._sort_column, self._sort_order):  # else already so: the list is kept sorted
            self._sort_column, self._sort_order = column, order
            self._rearrange()

    def _sorted(self) -> list[ListItem]:
        if self._sort_column == NATURAL:
            return list(self._natural)
        key = SORT_KEYS[self._sort_column]
        return sorted(
            self._natural, key=lambda item: key(item.row), reverse=self._sort_order == Qt.SortOrder.DescendingOrder
        )  # stable: ties stay in natural order

    def _rearrange(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()  # the selection and the current row: a handful
        moved = [self._items[i.row()] for i in old]
        self._items = self._sorted()
        self._positions = None
        where = list(map(id, self._items))
        self.changePersistentIndexList(
            old, [self.index(where.index(id(item)), i.column()) for item, i in zip(moved, old)]
        )
        self.layoutChanged.emit()

    # ---- library updates

    def set_rows(self, rows: list[ArticleRow]) -> None:
        self._library = {r.id: r for r in rows}
        self._copies = {}
        for r in rows:
            self._copies.setdefault(copy_key(r), set()).add(r.id)
        if not self.searching:
            self._reset(self._library_items())
        self.counts_changed.emit()

    def upsert_rows(self, rows: list[ArticleRow]) -> None:
        """Rows that arrive while the index is built or analyzed: known ones are refreshed, new ones listed.

        The list is sorted again once per batch if the batch added rows or moved a value it is sorted on.
        """
        key = SORT_KEYS.get(self._sort_column)
        refreshed: list[str] = []
        touched: set[str] = set()  # fingerprints whose copies changed
        moved = False
        for r in rows:
            old = self._library.get(r.id)
            self._library[r.id] = r
            if old is not None and copy_key(old) != copy_key(r):
                self._leave(old)
                touched.add(copy_key(old))
            copies = self._copies.setdefault(copy_key(r), set())
            copies.add(r.id)
            if len(copies) > 1:  # which copy is listed, and what the line says of the others, may change
                touched.add(copy_key(r))
            item = self._shown.get(r.id)
            if item is not None:
                moved = moved or (key is not None and key(item.row) != key(r))
                item.replace(r)
                refreshed.append(r.id)
            elif not self.searching and len(copies) == 1:
                touched.add(copy_key(r))
        new, hidden, kept = self._regroup(touched)
        refreshed.extend(kept)  # their "also in" may have changed
        if hidden:
            self._drop_lines(hidden)
        if new:
            self._add(new)
        if new or moved:
            self._rearrange()
        else:
            self._repaint(refreshed)
        self.counts_changed.emit()

    def _repaint(self, ids: list[str]) -> None:
        """A signal a run of lines: the view repaints only the lines it shows that changed."""
        rows = sorted({self.row_of(aid) for aid in ids if aid in self._shown}, reverse=True)
        for first, last in _blocks(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _leave(self, row: ArticleRow) -> None:
        copies = self._copies.get(copy_key(row))
        if copies is not None:
            copies.discard(row.id)
            if not copies:
                del self._copies[copy_key(row)]

    def _regroup(self, keys: set[str]) -> tuple[list[ListItem], list[str], list[str]]:
        """(lines to add, ids whose lines go, ids whose lines stay) so that each of these articles is
        listed once, by its first copy; the lines that stay learn of the copies they now have."""
        new: list[ListItem] = []
        hidden: list[str] = []
        kept: list[str] = []
        for key in keys:
            rows = self._copies_in_order(key)
            shown = [r.id for r in rows if r.id in self._shown]
            if self.searching:  # the hits are what the search found: each learns of its copies only
                for i in shown:
                    self._shown[i].replace(self._library[i], tuple(r for r in rows if r.id != i))
                kept.extend(shown)
                continue
            if not rows:
                continue
            hidden.extend(i for i in shown if i != rows[0].id)
            first = self._shown.get(rows[0].id)
            if first is None:
                new.append(ListItem(rows[0], also=tuple(rows[1:])))
            else:
                first.replace(rows[0], tuple(rows[1:]))
                kept.append(rows[0].id)
        return new, hidden, kept

    def _add(self, new: list[ListItem]) -> None:
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._items.extend(new)
        self._natural.extend(new)
        self._natural.sort(key=lambda item: item.row.id)  # nearly sorted already: about linear
        self._shown.update((item.row.id, item) for item in new)
        self._positions = None
        self.endInsertRows()

    def remove_ids(self, ids: list[str]) -> None:
        """Forget these articles; their lines go one block at a time, so the selection of the others stays.

        An article listed by a copy that goes is listed by its next copy."""
        touched = set()
        for aid in ids:
            row = self._library.pop(aid, None)
            if row is not None:
                self._leave(row)
                touched.add(copy_key(row))
        self._drop_lines(ids)
        new, hidden, kept = self._regroup(touched)
        self._drop_lines(hidden)
        if new:
            self._add(new)
            self._rearrange()
        self._repaint(kept)
        self.counts_changed.emit()

    def _drop_lines(self, ids: list[str]) -> None:
        rows = sorted({self.row_of(aid) for aid in ids if aid in self._shown}, reverse=True)
        for first, last in _blocks(rows):
            self.beginRemoveRows(QModelIndex(), first, last)
            for item in self._items[first : last + 1]:
                del self._shown[item.row.id]
            del self._items[first : last + 1]
            self.endRemoveRows()
        if rows:
            self._natural = [item for item in self._natural if item.row.id in self._shown]
            self._positions = None

    # ---- search mode

    def show_hits(self, hits: list[Hit], query: str = "") -> None:
        """List the hits of `query`, in rank order; their snippets, if they carry none, are asked for
        (`snippets_wanted`) as their lines are painted."""
        self.searching = True
        self._snippets.listing(query, [h for h in hits if h.snippet or h.snippet_spans])
        items = []
        for rank, hit in enumerate(hits):
            row = self._library.get(hit.article_id) or ArticleRow(hit.article_id, hit.title, hit.date, "", 0, 0, 0, "")
            copied = len(self._copies.get(copy_key(row), ())) > 1  # most are not: 50,000 hits list in 0.1 s
            items.append(ListItem(row, rank, hit, tuple(self.copies_of(row.id)) if copied else ()))
        self._reset(items)
        self.counts_changed.emit()

    def set_snippets(self, query: str, made: dict[str, tuple[str, tuple[Span, ...]]]) -> None:
        """The snippets of the hits last asked for (`snippets_wanted`) have been made; those of `made` show."""
        self._repaint(self._snippets.made(query, made))

    @property
    def query(self) -> str:
        """The query whose hits are listed ("" while the library is)."""
        return self._snippets.query

    def result_rows(self) -> list[ResultRow]:
        """The hits listed, in the order shown, with the snippets made so far (None: not yet made)."""
        rows = []
        for item in self._items if self.searching else ():
            r, hit = item.row, item.hit
            snippet = self._snippets.known(r)
            score = hit.score if hit else 0.0
            rows.append(ResultRow(r.id, r.title, r.source, r.date, score, snippet[0] if snippet else None))
        return rows

    def show_library(self) -> None:
        self.searching = False
        self._snippets.listing("", [])
        self._reset(self._library_items())
        self.counts_changed.emit()

    def _library_items(self) -> list[ListItem]:
        """One line per article, its first copy naming the others."""
        items = []
        for key in self._copies:
            first, *others = self._copies_in_order(key)
            items.append(ListItem(first, also=tuple(others)))
        return sorted(items, key=lambda item: item.row.id)

    def _reset(self, natural: list[ListItem]) -> None:
        self.beginResetModel()
        self._natural = natural
        self._shown = {item.row.id: item for item in natural}
        self._items = self._sorted()
        self._positions = None
        self.endResetModel()


class _LazySnippets:
    """The snippets of the hits listed: made on a worker for the lines painted, a batch at a time, the lines
    painted last first; one batch is asked for at a time, so that a long scroll does not queue thousands."""

    def __init__(self, model: ArticleTableModel):
        self.model = model
        self.query = ""
        self._made: dict[tuple[str, str], tuple[str, tuple[Span, ...]]] = {}  # by (id, content hash)
        self._wanted: dict[str, None] = {}  # ids painted without a snippet, in the order last painted
        self._asked: list[str] = []  # the batch being made
        self._timer = QTimer(model)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._ask)

    def listing(self, query: str, given: list[Hit]) -> None:
        """A new list: the snippets of the same query are kept for the articles whose text is the same."""
        if query != self.query:
            self._made.clear()
        self.query, self._wanted, self._asked = query, {}, []
        for hit in given:
            self._made[self._key(hit.article_id)] = (hit.snippet, hit.snippet_spans)

    def _key(self, article_id: str) -> tuple[str, str]:
        row = self.model.library_row(article_id)
        return article_id, row.content_hash if row else ""

    def known(self, row: ArticleRow) -> tuple[str, tuple[Span, ...]] | None:
        return self._made.get((row.id, row.content_hash))

    def of(self, row: ArticleRow) -> tuple[str, tuple[Span, ...]]:
        """The snippet of a line being painted; asked for if not made yet, and then nothing meanwhile."""
        made = self._made.get((row.id, row.content_hash))
        if made is not None:
            return made
        if row.id not in self._asked:  # "" too: filters alone list the leads
            self._wanted.pop(row.id, None)
            self._wanted[row.id] = None
            if not self._timer.isActive():
                self._timer.start(0)  # after the paint: a signal from inside data() would re-enter the view
        return NO_SNIPPET

    def _ask(self) -> None:
        if self._asked or not self._wanted:
            return
        self._asked = list(self._wanted)[-SNIPPET_BATCH:]
        self._wanted.clear()
        self.model.snippets_wanted.emit(self.query, self._asked)

    def made(self, query: str, made: dict[str, tuple[str, tuple[Span, ...]]]) -> list[str]:
        """Keep what a batch made (if still for this list); returns the ids to paint again. The rows wanted
        meanwhile but left out of the next batch are among them: painted again if they are still shown."""
        if query != self.query or not self._asked:
            return []
        answered, self._asked = self._asked, []
        for aid in answered:
            self._made[self._key(aid)] = made.get(aid, NO_SNIPPET)  # none: not indexed any more
        left = list(self._wanted)
        self._ask()
        return answered + [aid for aid in left if aid not in self._asked]


def _blocks(rows_descending: list[int]) -> list[list[int]]:
    """[first, last] of each run of consecutive rows, the last run first."""
    blocks: list[list[int]] = []
    for row in rows_descending:
        if blocks and row == blocks[-1][0] - 1:
            blocks[-1][0] = row
        else:
            blocks.append([row, row])
    return blocks
