"""The Coverage view (a tab beside the reading pane): the scope bar, one line of figures per watched name and the
charts. It asks the session to count whenever what it covers changes (the scope, the library, the analysis, the
watchlist), only while it is shown, and says which articles a clicked figure stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.coverage.values import Count, Coverage
from .coverage_scope import ScopeBar
from .coverage_table import NAME, SORT_ROLE, CoverageTableModel
from .look import set_kind
from .session import LibrarySession
from .session_values import CoverageFailed, CoverageRequest, Failed, LibraryChange

if TYPE_CHECKING:
    from .coverage_charts import ChartTabs

SETTLE_MS = 400  # library changes come in bursts while indexing: counted again once they pause


class CoveragePanel(QWidget):
    articles_chosen = Signal(str, object)  # what a clicked figure stands for ("Heineken · headline"), its article ids

    def __init__(self, session: LibrarySession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self.session = session
        self.coverage: Coverage | None = None
        self.asked: CoverageRequest | None = None  # the request the figures shown (or coming) answer
        self.stale = True  # what it covers changed since it was last asked for
        self._showing = False  # new figures are being shown: the charts are drawn once, after the table
        self.charts: ChartTabs | None = None  # made when first shown: matplotlib loads then, not as the window opens
        self.scope_bar = ScopeBar()
        self.busy = QProgressBar()
        self.busy.setObjectName("coverageBusy")
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(80)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.show_all = QCheckBox("Show names without articles")
        self.model = CoverageTableModel(self)
        self.table = self._table()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.setChildrenCollapsible(False)
        self._layout()
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        self.scope_bar.changed.connect(lambda: self.changed(0))
        self.show_all.toggled.connect(lambda _on: self._show(self.coverage))
        session.coverage_ready.connect(self._ready)
        session.failed.connect(self._failed)
        session.library_changed.connect(self._library_changed)
        session.analysed.connect(lambda _report: self.changed())
        session.watchlist_changed.connect(lambda _watchlist: self.changed(0))
        session.results.connect(lambda _result: self._results_changed())

    def _table(self) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView()
        table.setObjectName("coverageTable")
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's order: most articles first
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 10)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        table.clicked.connect(self._cell_clicked)
        table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._row_changed())
        return table

    def _layout(self) -> None:
        first, second = self.scope_bar.rows
        first.addWidget(self.busy)
        second.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.scope_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ asking

    def changed(self, delay_ms: int = SETTLE_MS) -> None:
        """What the figures cover may have changed: count again (soon, if shown; else when next shown)."""
        self.stale = True
        if self.isVisible():
            self._timer.start(delay_ms)

    def refresh(self) -> None:
        """Ask the session for the figures of the scope bar's request."""
        if self.session.library is None:
            return
        self.stale = False
        self.asked = self.scope_bar.request(self.session.query, self.session.filters)
        self.busy.show()
        self.session.count_coverage(self.asked)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:
            from .coverage_charts import ChartTabs

            charts = self.charts = ChartTabs()
            charts.picked.connect(self._picked)
            self.splitter.addWidget(charts)
            self.splitter.setStretchFactor(0, 2)
            self.splitter.setStretchFactor(1, 3)
            self._draw_charts()
        if self.stale:
            self._timer.start(0)

    def _library_changed(self, change: LibraryChange) -> None:
        if change.opened:
            self.coverage = None
            self._show(None)
        self.changed()

    def _results_changed(self) -> None:
        """Another search, or other filters: the figures of its results are counted again."""
        if self.asked is not None and self.asked != self.scope_bar.request(self.session.query, self.session.filters):
            self.changed(0)

    # ------------------------------------------------------------------ showing

    def _ready(self, coverage: Coverage) -> None:
        self.busy.hide()
        self.coverage = coverage
        self._show(coverage)

    def _failed(self, failure: Failed) -> None:
        if isinstance(failure, CoverageFailed):
            self.busy.hide()
            self.summary.setText(str(failure))
            set_kind(self.summary, "error")

    def _show(self, coverage: Coverage | None) -> None:
        selected = self.selected_name()
        self._showing = True
        self.model.set_coverage(coverage, self.show_all.isChecked())
        self.summary.setText(_summary(coverage, self.model.hidden) if coverage else "")
        set_kind(self.summary, "")
        self._fit_columns()
        row = next((r for r, n in enumerate(self.model.names) if n.name == selected), 0 if self.model.names else -1)
        if row >= 0:
            index = self.table.model().mapFromSource(self.model.index(row, NAME))  # type: ignore[attr-defined]
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        self._showing = False
        self._draw_charts()

    def _fit_columns(self) -> None:
        """Each column as wide as its figures and header; the name at most a third of the room."""
        self.table.resizeColumnsToContents()
        room = self.table.viewport().width()
        self.table.setColumnWidth(NAME, min(self.table.columnWidth(NAME), max(room // 3, 120)))

    def chart_shown(self) -> str:
        """The key (in charts.CHARTS) of the chart on show: the first until the charts are made."""
        return self.charts.current_key() if self.charts is not None else "mentions"

    def chart_names(self, key: str) -> list[str] | None:
        """The names the view draws in chart `key`."""
        return self.charts.names_for(key) if self.charts is not None else None

    def selected_name(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.table.model().index(index.row(), NAME).data()

    def _row_changed(self) -> None:
        if not self._showing:  # the user chose another name: its charts
            self._draw_charts()

    def _draw_charts(self) -> None:
        if self.charts is None:
            return
        rows = {self.table.model().index(i.row(), NAME).data() for i in self.table.selectionModel().selectedRows()}
        overview = [n.name for n in self.model.names if n.name in rows] if len(rows) > 1 else []
        overview = overview or [n.name for n in self.model.names[:OVERVIEW]]
        self.charts.show_coverage(self.coverage, overview, self.selected_name())

    # ------------------------------------------------------------------ clicking through

    def _cell_clicked(self, index: QModelIndex) -> None:
        proxy = self.table.model()
        found = self.model.count_at(proxy.mapToSource(index))  # type: ignore[attr-defined]
        if found is not None:
            self._picked(*found)

    def _picked(self, name: str, count: Count) -> None:
        what = f"{name} · {count.label}" if count.label and count.label != name else name
        self.articles_chosen.emit(what, count.articles)


def scrollable(panel: CoveragePanel) -> QScrollArea:
    """The panel in a scroll area: it asks for no more width than the article beside it, and scrolls when the
    window is narrower than its controls."""
    area = QScrollArea()
    area.setObjectName("coverageArea")
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


OVERVIEW = 8  # the charts of all names draw this many (those with most articles), unless several are selected


def _summary(coverage: Coverage, hidden: int) -> str:
    scope = coverage.scope.describe()  # "in Daily Post" for an outlet alone
    scope = scope if scope.startswith("in ") else f"in {scope}"
    parts = [f"{coverage.articles:,} {'article' if coverage.articles == 1 else 'articles'} {scope}"]
    if coverage.unanalysed:
        parts.append(f"{coverage.unanalysed:,} not analysed yet (not counted)")
    if hidden:
        parts.append(f"{hidden:,} watched {'name has' if hidden == 1 else 'names have'} no articles")
    return " · ".join(parts)
