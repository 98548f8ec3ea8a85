"""The Coverage view's charts: matplotlib figures drawn by the core's chart functions, embedded with its Qt
backend; a click on a bar or point says which Count it stands for, and a chart can be saved as PNG or SVG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from matplotlib.backend_bases import PickEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QTabWidget, QWidget

from ..core.coverage import charts
from ..core.coverage.values import Count, Coverage

# (key in charts.CHARTS, tab title, whether it shows the selected name only)
CHARTS = (
    ("mentions", "Over time", False),
    ("share_of_voice", "Share of voice", False),
    ("placement", "Placement", False),
    ("spokespeople", "Spokespeople", True),
    ("outlets", "Outlets", True),
)


class ChartCanvas(FigureCanvasQTAgg):
    """One chart; `picked` says which name and Count a click on a bar or point stands for."""

    picked = Signal(str, object)  # the watched name, the Count

    def __init__(self, key: str, one_name: bool = False):
        super().__init__(Figure(figsize=(6, 3.6), facecolor="white", layout="constrained"))
        self.key, self.one_name = key, one_name
        self.setObjectName(f"chart-{key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.picks: dict[Any, tuple[str, Count]] = {}  # artist → what it stands for
        self.names: Sequence[str] | None = None  # the names drawn, for saving the same chart
        self.mpl_connect("pick_event", self.on_pick)

    def draw_coverage(self, coverage: Coverage | None, names: Sequence[str] | None) -> None:
        figure = self.figure
        figure.clear()
        self.picks, self.names = {}, names
        if coverage is not None:
            drawn = charts.CHARTS[self.key](figure, coverage, names)
            self.picks = {artist: (name, count) for artist, name, count in drawn}
            if self.one_name and names and drawn:  # whose spokespeople or outlets these are
                axes = figure.axes[0]
                axes.set_title(f"{axes.get_title()}: {names[0]}")
        self.draw_idle()

    def on_pick(self, event: PickEvent) -> None:
        found = self.picks.get(event.artist)
        if found is not None:
            self.picked.emit(*found)


class ChartTabs(QTabWidget):
    """The charts, one a tab; only the tab shown is drawn, the others when they are shown."""

    picked = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coverageCharts")
        self.setDocumentMode(True)
        self.canvases: dict[str, ChartCanvas] = {}
        for key, title, one_name in CHARTS:
            canvas = ChartCanvas(key, one_name)
            canvas.picked.connect(self.picked)
            self.canvases[key] = canvas
            self.addTab(canvas, title)
        self.coverage: Coverage | None = None
        self.overview: list[str] | None = None
        self.selected: str | None = None
        self._drawn: set[str] = set()
        self.currentChanged.connect(lambda _i: self._draw_current())

    def show_coverage(self, coverage: Coverage | None, overview: list[str], selected: str | None) -> None:
        """Draw `overview` names in the charts of all names, and `selected` in those of one name."""
        if coverage is not None:  # a name's colour is its place among those drawn: the watchlist may hold hundreds
            coverage = replace(coverage, names=tuple(n for n in coverage.names if n.articles))
        self.coverage, self.overview, self.selected = coverage, overview, selected
        self._drawn.clear()
        self._draw_current()

    def current_key(self) -> str:
        return CHARTS[self.currentIndex()][0]

    def names_for(self, key: str) -> list[str] | None:
        if self.canvases[key].one_name:
            return [self.selected] if self.selected else []
        return self.overview

    def _draw_current(self) -> None:
        key = self.current_key()
        if key not in self._drawn:
            self._drawn.add(key)
            self.canvases[key].draw_coverage(self.coverage, self.names_for(key))
