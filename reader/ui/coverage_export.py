"""File › Export coverage…: the figures the Coverage view shows (counted first if they are not yet) written by the
core's reports on a worker, as XLSX, PDF, a folder of CSVs, the charts as PNG or SVG, or the chart shown alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.coverage.values import Coverage
from .coverage_panel import CoveragePanel
from .session import LibrarySession
from .session_values import Failed, ReportFailed

# what the save dialog offers: its filter, the report format, whether it is the chart shown alone
CHOICES = (
    ("Excel workbook (*.xlsx)", "xlsx", False),
    ("PDF report (*.pdf)", "pdf", False),
    ("CSV tables, in a folder (*)", "csv", False),
    ("Every chart as PNG, in a folder (*)", "png", False),
    ("Every chart as SVG, in a folder (*)", "svg", False),
    ("The chart shown as PNG (*.png)", "png", True),
    ("The chart shown as SVG (*.svg)", "svg", True),
)
FILE_FORMATS = ("xlsx", "pdf")


class CoverageExport(QObject):
    status = Signal(str, bool, bool)  # a line for the status bar: text, error, hold

    def __init__(self, session: LibrarySession, panel: CoveragePanel, parent: QWidget):
        super().__init__(parent)
        self.session, self.panel, self.window = session, panel, parent
        self._waiting: tuple[str, Path, str] | None = None  # an export waiting for the figures to be counted
        session.coverage_ready.connect(self._counted)
        session.coverage_exported.connect(self._exported)
        session.failed.connect(self._failed)

    def export_dialog(self) -> None:
        if self.session.library is None:
            self.status.emit("Open an articles folder first", True, True)
            return
        filters = [label for label, _, _ in CHOICES]
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export coverage", str(Path.home() / "coverage.xlsx"), ";;".join(filters)
        )
        if path:
            _, fmt, alone = CHOICES[filters.index(chosen)] if chosen in filters else CHOICES[0]
            self.export(fmt, Path(path), self.panel.chart_shown() if alone else "")

    def export(self, fmt: str, output: Path, chart: str = "") -> None:
        """Write the figures the view shows as `fmt` to `output` (or `chart` alone); counted first if need be."""
        if (fmt in FILE_FORMATS or chart) and not output.suffix:
            output = output.with_suffix("." + fmt)
        if self.panel.coverage is None or self.panel.stale:
            self._waiting = (fmt, output, chart)
            self.status.emit("Counting the coverage to export…", False, True)
            self.panel.refresh()
            return
        self._write(self.panel.coverage, fmt, output, chart)

    def _counted(self, coverage: Coverage) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._write(coverage, *waiting)

    def _write(self, coverage: Coverage, fmt: str, output: Path, chart: str) -> None:
        self.status.emit(f"Exporting the coverage to {output}…", False, True)
        self.session.export_coverage(coverage, fmt, output, chart, self.panel.chart_names(chart) if chart else None)

    def _exported(self, written: list[Path]) -> None:
        where = str(written[0]) if len(written) == 1 else f"{len(written)} files in {written[0].parent}"
        self.status.emit(f"Exported the coverage: {where}", False, True)

    def _failed(self, failure: Failed) -> None:
        if isinstance(failure, ReportFailed):
            self._waiting = None
