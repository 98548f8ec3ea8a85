"""The article list view; in search mode each title cell also shows its snippet with the hits marked."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QStyle, QStyledItemDelegate, QTableView

from ..core.view import hit_marks
from .article_model import DATE, NAMES, QUOTES, SNIPPET_ROLE, SOURCE, TITLE, WORDS
from .reading_pane import mark_up

SNIPPET_LINES = 2


def snippet_html(title: str, snippet: str, spans, muted: str) -> str:
    marked = mark_up(snippet, hit_marks(spans))
    return f"<div style='font-weight:600'>{html.escape(title)}</div><div style='color:{muted}'>{marked}</div>"


SNIPPET_CSS = "span.hit { font-weight: 600; text-decoration: underline; }"


class SnippetDelegate(QStyledItemDelegate):
    """In search mode: draws title + snippet as rich text (a result without a snippet the standard way)."""

    def paint(self, painter, option, index):
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.State_Selected)
        group = QPalette.Active if option.state & QStyle.State_Active else QPalette.Inactive
        colour = option.palette.color(group, QPalette.HighlightedText if selected else QPalette.Text)
        muted = colour.name() if selected else option.palette.color(QPalette.PlaceholderText).name()
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(SNIPPET_CSS)
        doc.setDocumentMargin(4)
        bold = QFont(option.font)
        bold.setWeight(QFont.DemiBold)
        title = QFontMetrics(bold).elidedText(title, Qt.ElideRight, max(option.rect.width() - 12, 20))
        doc.setHtml(snippet_html(title, snippet[0], snippet[1], muted))
        doc.setTextWidth(option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.Text, colour)
        ctx.clip = clip
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index):
        return QSize(200, option.fontMetrics.lineSpacing())


class ArticleListView(QTableView):
    columns_changed = Signal(list)  # the hidden columns, after the user changed them

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._snippets = SnippetDelegate(self)
        self.set_search_mode(False)

    def hidden_columns(self) -> list[int]:
        return [c for c in range(1, self.model().columnCount()) if self.isColumnHidden(c)] if self.model() else []

    def set_hidden_columns(self, columns) -> None:
        for c in range(1, self.model().columnCount()):
            self.setColumnHidden(c, c in columns)

    def _column_menu(self, pos) -> None:
        """Right-click on the header: choose which columns to show (the title always is)."""
        menu = QMenu(self)
        model = self.model()
        for c in range(1, model.columnCount()):
            act = menu.addAction(model.headerData(c, Qt.Horizontal))
            act.setCheckable(True)
            act.setChecked(not self.isColumnHidden(c))
            act.toggled.connect(lambda shown, c=c: self._set_shown(c, shown))
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def _set_shown(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        self.columns_changed.emit(self.hidden_columns())

    def set_search_mode(self, searching: bool) -> None:
        # The library's titles are painted by Qt alone: a Python delegate would run for every title cell.
        self.setItemDelegateForColumn(TITLE, self._snippets if searching else None)
        line = self.fontMetrics().lineSpacing()
        self.verticalHeader().setDefaultSectionSize((line + 3) * (1 + SNIPPET_LINES) + 10 if searching else line + 10)

    def setModel(self, model):
        super().setModel(model)
        header = self.horizontalHeader()  # sections exist only once there is a model
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        for col in (DATE, SOURCE, WORDS, QUOTES, NAMES):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
        fm = self.fontMetrics()
        header.resizeSection(DATE, fm.horizontalAdvance("2019-01-23") + 24)
        header.resizeSection(SOURCE, fm.horizontalAdvance("Reuters Sport") + 16)
        for col, text in ((WORDS, "Words"), (QUOTES, "Quotes"), (NAMES, "Names")):
            header.resizeSection(col, fm.horizontalAdvance(text) + 18)
