"""Skipped files: the files of the folder that could not be read as articles, and why; a status bar button and
View › Skipped files open their window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.library import SyncReport
from ..core.scanning import Skipped
from .items_model import ItemsModel
from .session import LibrarySession
from .session_values import LibraryChange

COLUMNS = ("File", "Why it was skipped")


class SkippedModel(ItemsModel):
    columns = COLUMNS
    items: list[Skipped]

    def set_items(self, items: list[Skipped]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item.path if index.column() == 0 else item.reason
        return None


class SkippedFilesDialog(QDialog):
    """Not modal: it stays open beside the window, and the window refreshes it after each index update."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("skippedFiles")
        self.setWindowTitle("Skipped files")
        self.resize(640, 360)
        self.root: Path | None = None
        self.model = SkippedModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.summary = QLabel()
        self.summary.setObjectName("skippedSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it names the folder
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy list")
        self.folder_button = QPushButton("Open &folder")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.copy_button.clicked.connect(self.copy_list)
        self.folder_button.clicked.connect(self._open_folder)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def set_skipped(self, root: Path, skipped: list[Skipped]) -> None:
        self.root = root
        self.model.set_items(skipped)
        n = len(skipped)
        if n:
            self.summary.setText(
                f"{n:,} {'file' if n == 1 else 'files'} in {root} could not be read as "
                "articles. Fix or remove them, and the index picks up the change."
            )
        else:
            self.summary.setText(f"Every article file in {root} was read.")
        self.copy_button.setEnabled(bool(n))

    def as_text(self) -> str:
        return "\n".join(f"{s.path}\t{s.reason}" for s in self.model.items)

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def _open_folder(self) -> None:
        if self.root is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.root)))


class SkippedFiles(QObject):
    """What the last update could not read, kept up to date: the button and `action` say how many, and open
    the window (which stays open beside the main one, refreshed after each update)."""

    def __init__(self, session: LibrarySession, action: QAction, parent: QWidget):
        super().__init__(parent)
        self.session, self.action, self.parent_widget = session, action, parent
        self.skipped: list[Skipped] = []
        self.dialog: SkippedFilesDialog | None = None
        self.button = QPushButton()
        self.button.setObjectName("skippedButton")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip("Files of this folder that could not be read as articles, and why")
        self.button.hide()
        self.button.clicked.connect(self.open_list)
        action.triggered.connect(self.open_list)
        session.library_changed.connect(self._on_changed)
        session.synced.connect(self._on_synced)

    def _on_changed(self, change: LibraryChange) -> None:
        if change.opened:
            self._set([])

    def _on_synced(self, report: SyncReport) -> None:
        self._set(report.skipped)

    def _set(self, skipped: list[Skipped]) -> None:
        self.skipped = sorted(skipped, key=lambda s: s.path)
        n = len(self.skipped)
        self.button.setText(f"⚠ {n:,} {'file' if n == 1 else 'files'} skipped")
        self.button.setVisible(bool(n))
        self.action.setEnabled(bool(n))
        self.action.setText(f"&Skipped files ({n:,})…" if n else "&Skipped files…")
        if self.dialog is not None and self.session.library is not None:
            self.dialog.set_skipped(self.session.library.root, self.skipped)

    def open_list(self) -> SkippedFilesDialog:
        if self.dialog is None:
            self.dialog = SkippedFilesDialog(self.parent_widget)
        if self.session.library is not None:
            self.dialog.set_skipped(self.session.library.root, self.skipped)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
