"""The Coverage view's table: one line per watched name with its figures; each figure cell leads to its articles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..core.coverage.values import PLACEMENTS, Count, Coverage, NameCoverage

NAME, KIND, ARTICLES, MENTIONS, SHARE = range(5)
FIRST_PLACE = SHARE + 1
UNSPONSORED = FIRST_PLACE + len(PLACEMENTS)
HEADERS = ("Name", "Kind", "Articles", "Mentions", "Share of voice", *(p.capitalize() for p in PLACEMENTS),
           "Without sponsor")  # fmt: skip
TIPS = {
    ARTICLES: "Articles naming it (copies counted as the scope bar says)",
    MENTIONS: "Every time it is named, in all its articles",
    SHARE: "Its articles ÷ the articles of all watched sponsors in scope",
    UNSPONSORED: "A property's articles that name it only without its sponsor",
    **{FIRST_PLACE + i: f"Articles whose most prominent mention is in the {p}" for i, p in enumerate(PLACEMENTS)},
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


class CoverageTableModel(QAbstractTableModel):
    """The names of one Coverage, those with articles first (most first); names without any only if `show_all`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.names: list[NameCoverage] = []
        self.hidden = 0  # watched names left out: no article in scope

    def set_coverage(self, coverage: Coverage | None, show_all: bool = False) -> None:
        self.beginResetModel()
        names = list(coverage.names) if coverage else []
        shown = [n for n in names if n.articles or show_all]
        self.names = sorted(shown, key=lambda n: -len(n.articles))  # stable: watchlist order among equals
        self.hidden = len(names) - len(shown)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS.get(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        n, column = self.names[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(n, column)
        if role == SORT_ROLE:
            value = _value(n, column)
            return value if value is not None else -1
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column >= ARTICLES and self.count_at(index) is not None:
            return "Click to list these articles"
        return None

    def count_at(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, Count] | None:
        """The watched name and the Count behind a cell (None for its name and kind, or an empty figure)."""
        if not index.isValid():
            return None
        n, column = self.names[index.row()], index.column()
        if _value(n, column) is None or column in (NAME, KIND):
            return None  # a name, its kind, or "—": no figure
        if column in (ARTICLES, MENTIONS, SHARE):
            count = Count("", len(n.articles), tuple(a.id for a in n.articles))
        elif column == UNSPONSORED:
            without = n.named_without_sponsor
            count = Count("without its sponsor", len(without), tuple(a.id for a in without))
        else:
            count = n.placement[column - FIRST_PLACE]
        return (n.name, count) if count.articles else None


def _value(n: NameCoverage, column: int) -> Any:
    if column == NAME:
        return n.name.casefold()
    if column == KIND:
        return n.watched.kind
    if column == ARTICLES:
        return len(n.articles)
    if column == MENTIONS:
        return n.mentions
    if column == SHARE:
        return n.share_of_voice
    if column == UNSPONSORED:
        return len(n.named_without_sponsor) if n.watched.unsponsored_forms else None
    return n.placement[column - FIRST_PLACE].value


def _shown(n: NameCoverage, column: int) -> str:
    if column == NAME:
        return n.name
    value = _value(n, column)
    if value is None:
        return "—"  # a share of voice for a name that is no sponsor; an unsponsored count for no property
    if column == SHARE:
        return f"{100 * value:.1f}%"
    return value if column == KIND else f"{value:,}"
