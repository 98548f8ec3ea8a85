"""Unexpected errors: logged to a file in the data dir, and told to the user in a dialog, while the app goes on.

Python exceptions raised in Qt slots and event handlers reach `sys.excepthook`; those of plain threads reach
`threading.excepthook`. Both end here. Nothing is re-raised: Qt keeps running, and so does the work in hand.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .. import __version__

LOG_NAME = "press-reader.log"
LOG_BYTES = 1_000_000  # then rotated, keeping LOG_BACKUPS older files
LOG_BACKUPS = 3
log = logging.getLogger("press_reader")


def setup_logging(data_dir: Path) -> Path | None:
    """Log warnings and errors to `data_dir/logs/press-reader.log`. Returns the file, or None if it can't be
    written (a read-only data dir): then they go to stderr only."""
    log.setLevel(logging.INFO)
    if not any(type(h) is logging.StreamHandler for h in log.handlers):
        stream = logging.StreamHandler(sys.stderr)  # for whoever started the app from a terminal
        stream.setLevel(logging.WARNING)
        log.addHandler(stream)
    folder = Path(data_dir) / "logs"
    path = folder / LOG_NAME
    for handler in log.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=False
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s: %(message)s"))
    log.addHandler(handler)
    return path


def describe(exc_type, exc, tb) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()


class ErrorDialog(QDialog):
    """ "Something went wrong": what happened in one line, the details, and Copy details."""

    def __init__(self, parent: QWidget | None, log_path: Path | None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("Press Reader: unexpected error")
        self.resize(560, 300)
        self.count = 0
        self.first = ""
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = f"The details were written to {log_path}." if log_path else "The details could not be logged."
        self.where = QLabel(f"Your articles and bookmarks are safe. {where}")
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.where)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add(self, summary: str, details: str) -> None:
        """Show one more error; while the dialog is open, later ones are added below the first."""
        self.count += 1
        if self.count == 1:
            self.first = summary
            self.message.setText(f"Something went wrong, and Press Reader carried on: {summary}")
            self.details.setPlainText(f"Press Reader {__version__}\n\n{details}")
        else:
            self.message.setText(f"{self.count} unexpected errors; Press Reader carried on. The first: {self.first}")
            self.details.appendPlainText(f"\n{details}")

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText("Copied")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.count = 0
        self.copy_button.setText("&Copy details")
        super().closeEvent(event)


class ExceptionHook(QObject):
    """Installed once by the app; `uninstall()` puts the previous hooks back."""

    _report = Signal(str, str)  # summary, details: from any thread to the UI thread

    def __init__(self, log_path: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: ErrorDialog | None = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        details = describe(exc_type, exc, tb)
        log.error("unexpected error\n%s", details)
        summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        self._report.emit(summary.splitlines()[0][:200], details)

    def _show(self, summary: str, details: str) -> None:
        if self.dialog is None:
            self.dialog = ErrorDialog(QApplication.activeWindow(), self.log_path)
        self.dialog.add(summary, details)
        self.dialog.show()
        self.dialog.raise_()


def install(data_dir: Path) -> ExceptionHook:
    return ExceptionHook(setup_logging(data_dir), QApplication.instance())
