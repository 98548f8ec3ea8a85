"""File › Export results…: the hits of the search, as the list shows them, written as CSV or XLSX on a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.errors import one_line
from ..core.results_export import format_of
from .article_model import ArticleTableModel
from .session import LibrarySession

FILTERS = {"CSV (*.csv)": "csv", "Excel workbook (*.xlsx)": "xlsx"}


class ResultsExporting(QObject):
    status = Signal(str, bool, bool)  # (line, error, hold) for the status bar

    def __init__(self, session: LibrarySession, model: ArticleTableModel, dialog_parent: QWidget):
        super().__init__(dialog_parent)
        self.session, self.model, self.dialog_parent = session, model, dialog_parent
        self.dialog: QFileDialog | None = None

    def _say(self, text: str, error: bool = False) -> None:
        self.status.emit(text, error, True)

    def export_dialog(self) -> None:
        """Ask where to save (without stopping the window); the file's type follows its name, else the filter."""
        if not self.model.searching or not self.model.rowCount():
            self._say("There are no search results to export.")
            return
        dialog = QFileDialog(self.dialog_parent, "Export results", str(Path.home() / "results.csv"), ";;".join(FILTERS))
        dialog.setObjectName("exportResults")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), FILTERS.get(dialog.selectedNameFilter())))
        dialog.open()
        self.dialog = dialog

    def export_to(self, path: Path, fmt: str | None = None) -> None:
        """Write the hits listed now, in their order, to `path` (given `fmt`'s extension if it has neither)."""
        if format_of(path) is None:
            path = path.with_name(f"{path.name}.{fmt or 'csv'}")
        rows = self.model.result_rows()
        self.session.export_results(
            path,
            self.model.query,
            rows,
            done=lambda n: self._say(f"Exported {n:,} {'result' if n == 1 else 'results'} to {path}"),
            failed=lambda exc: self._say(f"Could not export the results: {one_line(exc)}", error=True),
        )
