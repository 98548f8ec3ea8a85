"""Dropping files and folders on the window: an overlay says what a drop will do, and a drop asks to add them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders being dragged; web links and text are not article files."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class DropOverlay(QLabel):
    """Covers the window while files are dragged over it, saying what a drop will do."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("dropOverlay")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)  # it names the folder
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_for(self, dragged: list[Path], folder: Path) -> None:
        self.setText(
            f"Drop to add {_these(dragged)} to the library\n{folder}\n\n"
            "Web pages, feeds, PDFs, e-mails, text and Markdown files are copied in"
        )
        parent = self.parentWidget()  # the window it was made for
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()


def _these(paths: list[Path]) -> str:
    """ "this file", "these 3 files", "this folder", "these 2 files and folders"…"""
    folders = sum(p.is_dir() for p in paths)
    if len(paths) == 1:
        return "this folder" if folders else "this file"
    kind = "folders" if folders == len(paths) else "files" if not folders else "files and folders"
    return f"these {len(paths):,} {kind}"


class Dropping(QObject):
    """Watches `window`'s drag and drop events; `dropped` gives the local paths dropped while a library is open.

    `folder()` is the open library's folder, or None when none is open (then nothing can be dropped).
    """

    dropped = Signal(list)

    def __init__(self, window: QWidget, folder: Callable[[], Path | None]):
        super().__init__(window)
        self.target, self.folder = window, folder
        self.overlay = DropOverlay(window)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is not self.target:
            return False
        kind = event.type()
        if kind == QEvent.Type.DragEnter:
            found, folder = dropped_paths(event.mimeData()), self.folder()
            if found and folder is not None:
                event.acceptProposedAction()
                self.overlay.show_for(found, folder)
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragMove and self.overlay.isVisible():
            event.acceptProposedAction()
            return True
        if kind in (QEvent.Type.DragLeave, QEvent.Type.Drop):
            self.overlay.hide()
            found = dropped_paths(event.mimeData()) if kind == QEvent.Type.Drop else []
            if found:
                event.acceptProposedAction()
                self.dropped.emit(found)
            return kind == QEvent.Type.Drop
        if kind == QEvent.Type.Resize and self.overlay.isVisible():
            self.overlay.setGeometry(self.target.rect())
        return False
