"""Edit › Watchlist…: the names the coverage figures follow, edited in a table, imported from and exported to CSV,
or reset to the built-in sponsors; Save hands the list to the session, which has the core write it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.coverage.watchlist import KINDS, Watched, Watchlist, merged
from .look import set_kind
from .session import LibrarySession
from .session_values import Failed, WatchlistFailed

NAME, KIND, ALIASES, SPONSOR_COLUMN = range(4)
HEADERS = ("Name", "Kind", "Aliases (separated by |)", "Sponsor (of a property)")
INTRO = (
    "The names the Coverage view follows. A property's name is its sponsored name; list its unsponsored forms "
    "among its aliases and name its sponsor, to count the articles that leave the sponsor out."
)


class WatchlistDialog(QDialog):
    """The watchlist as a table; nothing is written until Save (Import merges into the table, Reset refills it)."""

    def __init__(self, session: LibrarySession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("watchlistDialog")
        self.setWindowTitle("Watchlist")
        self.session = session
        self.confirm: QMessageBox | None = None  # the Reset question while it is asked (kept for tests)
        self._saving = False
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("watchlistTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.message = QLabel()
        self.message.setObjectName("watchlistMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it names files
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._tools())
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.fill(session.watchlist)
        self.say(session.watchlist_problem or "", error=bool(session.watchlist_problem))
        session.watchlist_read.connect(self._imported)
        session.watchlist_written.connect(self._exported)
        session.watchlist_changed.connect(self._saved)
        session.failed.connect(self._failed)
        self.resize(860, 520)

    def _tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (
            ("&Add", self.add_row),
            ("&Remove", self.remove_selected),
            ("&Import CSV…", self._choose_import),
            ("&Export CSV…", self._choose_export),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.name_filter = QLineEdit()
        self.name_filter.setObjectName("watchlistFind")
        self.name_filter.setPlaceholderText("Find a name…")
        self.name_filter.setClearButtonEnabled(True)
        self.name_filter.textChanged.connect(self._filter)
        row.addWidget(self.name_filter, 1)
        reset = QPushButton("Reset to the &built-in sponsors…")
        reset.clicked.connect(self.ask_reset)
        row.addWidget(reset)
        return row

    # ------------------------------------------------------------------ the table

    def fill(self, watchlist: Watchlist) -> None:
        self.table.setRowCount(0)
        for watched in watchlist:
            self.add_row(watched)
        self._filter(self.name_filter.text())
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(NAME, max(200, min(self.table.columnWidth(NAME), 320)))
        self.table.setColumnWidth(ALIASES, max(220, min(self.table.columnWidth(ALIASES), 360)))

    def add_row(self, watched: Watched | None = None) -> int:
        """A row for `watched`, or an empty one to type a name in (edited at once, every row shown again)."""
        if not isinstance(watched, Watched):
            self.name_filter.clear()
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox()
        kind.addItems(KINDS)
        self.table.setCellWidget(row, KIND, kind)
        if isinstance(watched, Watched):
            kind.setCurrentText(watched.kind)
            for column, text in (
                (NAME, watched.name),
                (ALIASES, "|".join(watched.aliases)),
                (SPONSOR_COLUMN, watched.sponsor),
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        else:
            for column in (ALIASES, SPONSOR_COLUMN):
                self.table.setItem(row, column, QTableWidgetItem(""))
            name = QTableWidgetItem("")
            self.table.setItem(row, NAME, name)
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(name)
        return row

    def _filter(self, text: str) -> None:
        """Show only the rows whose name or aliases contain `text` (case aside)."""
        key = text.strip().casefold()
        for row in range(self.table.rowCount()):
            shown = f"{self._text(row, NAME)}|{self._text(row, ALIASES)}".casefold()
            self.table.setRowHidden(row, bool(key) and key not in shown)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} | {self.table.currentRow()} - {-1}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def table_rows(self) -> list[Watched]:
        """The table as watched names, in its order; rows without a name left out."""
        out = []
        for row in range(self.table.rowCount()):
            name = self._text(row, NAME)
            if name:
                kind = self.table.cellWidget(row, KIND)
                aliases = tuple(a.strip() for a in self._text(row, ALIASES).split("|") if a.strip())
                out.append(Watched(name, kind.currentText() if isinstance(kind, QComboBox) else KINDS[0], aliases,
                                   self._text(row, SPONSOR_COLUMN)))  # fmt: skip
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return " ".join(item.text().split()) if item is not None else ""

    def watchlist(self) -> Watchlist:
        """The table as a watchlist; ValueError naming a name listed twice."""
        seen: dict[str, int] = {}
        for n, watched in enumerate(self.table_rows(), 1):
            first = seen.setdefault(watched.name.casefold(), n)
            if first != n:
                raise ValueError(f"{watched.name} is listed twice (rows {first} and {n}): remove one")
        return Watchlist(self.table_rows())

    # ------------------------------------------------------------------ saving, importing, exporting

    def save(self) -> None:
        try:
            watchlist = self.watchlist()
        except ValueError as exc:
            self.say(str(exc), error=True)
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self.say("Saving…")
        self.session.save_watchlist(watchlist)

    def _saved(self, _watchlist: Watchlist) -> None:
        if self._saving:
            self._saving = False
            self.accept()

    def import_csv(self, path: Path) -> None:
        """Merge the names of the CSV file at `path` into the table (a name already listed takes the file's row)."""
        self.say(f"Reading {Path(path).name}…")
        self.session.import_watchlist(Path(path))

    def _imported(self, more: Watchlist) -> None:
        try:
            before = self.watchlist()
        except ValueError:
            before = Watchlist(self.table_rows())
        self.fill(merged(before, more))
        self.say(f"Imported {len(more)} names; Save keeps them")

    def export_csv(self, path: Path) -> None:
        self.session.export_watchlist(Path(path), Watchlist(self.table_rows()))

    def _exported(self, path: str) -> None:
        self.say(f"Exported {len(self.table_rows())} names to {path}")

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a watchlist", str(Path.home()), "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.import_csv(Path(path))

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the watchlist", str(Path.home() / "watchlist.csv"), "CSV files (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def ask_reset(self) -> None:
        """Ask before the table is refilled with the built-in sponsors (kept only if then saved)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Reset the watchlist",
            "Replace the names in this table with the built-in sponsors? Nothing is saved until you press Save.",
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Reset).clicked.connect(self.reset)
        box.finished.connect(lambda _: setattr(self, "confirm", None))
        self.confirm = box
        box.open()

    def reset(self) -> None:
        self.fill(Watchlist.built_in())
        self.say("The built-in sponsors; Save keeps them")

    def _failed(self, failure: Failed) -> None:
        if isinstance(failure, WatchlistFailed):
            self._saving = False
            self.buttons.setEnabled(True)
            self.say(str(failure), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        set_kind(self.message, "error" if error else "")


def edit_watchlist(session: LibrarySession, parent: QWidget) -> WatchlistDialog:
    """Edit › Watchlist…: the dialog, open beside the window until saved or cancelled."""
    dialog = WatchlistDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
