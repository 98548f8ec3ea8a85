"""The article list view; in search mode each title cell also shows its snippet with the hits marked."""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..core.model import Span
from ..core.view import hit_marks
from .article_model import DATE, FOLDER, NAMES, QUOTES, SNIPPET_ROLE, SOURCE, TITLE, WORDS
from .reading_pane import mark_up

SNIPPET_LINES = 2
# When the list is too narrow for its columns, these give way to the title, first to last, and come back
# when there is room again: a title narrower than this many average characters cannot be read
GIVE_WAY = (FOLDER, NAMES, QUOTES, WORDS, SOURCE, DATE)
TITLE_MIN_CHARS = 18


def snippet_html(title: str, snippet: str, spans: Iterable[Span], muted: str) -> str:
    marked = mark_up(snippet, hit_marks(spans))
    return f"<div style='font-weight:600'>{html.escape(title)}</div><div style='color:{muted}'>{marked}</div>"


SNIPPET_CSS = "span.hit { font-weight: 600; text-decoration: underline; }"


class SnippetDelegate(QStyledItemDelegate):
    """In search mode: draws title + snippet as rich text (a result without a snippet the standard way)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()  # as Qt's own delegate does
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        active = option.state & QStyle.StateFlag.State_Active
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        colour = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = colour.name() if selected else option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(SNIPPET_CSS)
        doc.setDocumentMargin(4)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        title = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, max(option.rect.width() - 12, 20))
        doc.setHtml(snippet_html(title, snippet[0], snippet[1], muted))
        doc.setTextWidth(option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, colour)
        ctx.clip = clip
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, option.fontMetrics.lineSpacing())


class ArticleListView(QTableView):
    columns_changed = Signal(list)  # the hidden columns, after the user changed them

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._snippets = SnippetDelegate(self)
        self._chosen_hidden: set[int] = set()  # what the user hid (saved); the rest may give way for room
        self._widths: dict[int, int] = {}  # each column's width while shown, to know what it needs back
        self.set_search_mode(False)

    def hidden_columns(self) -> list[int]:
        """The columns the user chose to hide (not those hidden for room in a narrow list)."""
        return sorted(self._chosen_hidden)

    def set_hidden_columns(self, columns: Collection[int]) -> None:
        self._chosen_hidden = {c for c in columns if 0 < c < self._column_count()}
        self._fit_columns()

    def _column_count(self) -> int:
        model = self.model()
        return model.columnCount() if model is not None else 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Show the columns the user wants that leave the title room to be read; hide the others for now."""
        header = self.horizontalHeader()
        for c in range(1, self._column_count()):
            if not self.isColumnHidden(c):
                self._widths[c] = header.sectionSize(c)
        wanted = [c for c in range(1, self._column_count()) if c not in self._chosen_hidden]
        room = self.viewport().width() - self.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS
        needed = sum(self._widths.get(c, 0) for c in wanted)
        for c in GIVE_WAY:
            if needed <= room:
                break
            if c in wanted:
                wanted.remove(c)
                needed -= self._widths.get(c, 0)
        for c in range(1, self._column_count()):
            self.setColumnHidden(c, c not in wanted)

    def _column_menu(self, pos: QPoint) -> None:
        """Right-click on the header: choose which columns to show (the title always is)."""
        menu = QMenu(self)
        model = self.model()
        for c in range(1, model.columnCount()):
            act = menu.addAction(model.headerData(c, Qt.Orientation.Horizontal))
            act.setCheckable(True)
            act.setChecked(c not in self._chosen_hidden)
            act.toggled.connect(lambda shown, c=c: self._set_shown(c, shown))
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def _set_shown(self, column: int, shown: bool) -> None:
        (self._chosen_hidden.discard if shown else self._chosen_hidden.add)(column)
        self._fit_columns()
        self.columns_changed.emit(self.hidden_columns())

    def set_search_mode(self, searching: bool) -> None:
        # The library's titles are painted by Qt alone: a Python delegate would run for every title cell.
        # None takes the delegate away (Qt's nullptr); PySide6's stubs leave out that it may be None
        self.setItemDelegateForColumn(TITLE, self._snippets if searching else None)  # type: ignore[arg-type]
        line = self.fontMetrics().lineSpacing()
        self.verticalHeader().setDefaultSectionSize((line + 3) * (1 + SNIPPET_LINES) + 10 if searching else line + 10)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()  # sections exist only once there is a model
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (DATE, SOURCE, WORDS, QUOTES, NAMES, FOLDER):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        fm = self.fontMetrics()
        header.resizeSection(DATE, fm.horizontalAdvance("2019-01-23") + 24)
        header.resizeSection(SOURCE, fm.horizontalAdvance("Reuters Sport") + 16)
        header.resizeSection(FOLDER, fm.horizontalAdvance("Clippings 2024") + 16)
        for col, text in ((WORDS, "Words"), (QUOTES, "Quotes"), (NAMES, "Names")):
            header.resizeSection(col, fm.horizontalAdvance(text) + 18)
        self._widths.clear()
        self._fit_columns()
