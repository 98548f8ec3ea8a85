"""Bringing articles in from the window: dropped files, the Paste article dialog and the article details dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from ..core.corrections import DetailsError, checked_date
from ..core.model import Article
from ..core.scanning import ARTICLE_SUFFIXES
from ..core.importing import PASTED_SOURCE

FORMATS_FILTER = ("Articles ({})".format(" ".join(f"*{s}" for s in ARTICLE_SUFFIXES)),
                  "Web pages (*.html *.htm)", "News feeds (*.rss *.atom *.xml)", "PDF clippings (*.pdf)",
                  "E-mails (*.eml)", "Text and Markdown (*.txt *.md)", "All files (*)")
DATE_HINT = "YYYY-MM-DD"


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
        self.setAlignment(Qt.AlignCenter)
        self.setTextFormat(Qt.PlainText)  # it names the folder
        self.setWordWrap(True)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.hide()

    def show_for(self, dragged: list[Path], folder: Path) -> None:
        self.setText(f"Drop to add {_these(dragged)} to the library\n{folder}\n\n"
                     "Web pages, feeds, PDFs, e-mails, text and Markdown files are copied in")
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()


def _these(paths: list[Path]) -> str:
    """"this file", "these 3 files", "this folder", "these 2 files and folders"…"""
    folders = sum(p.is_dir() for p in paths)
    if len(paths) == 1:
        return "this folder" if folders else "this file"
    kind = "folders" if folders == len(paths) else "files" if not folders else "files and folders"
    return f"these {len(paths):,} {kind}"


class _Form(QDialog):
    """A dialog of article details with a line for errors; OK checks the date first."""

    def __init__(self, parent, title: str, intro: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.date_edit = QLineEdit()
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setPlaceholderText(DATE_HINT)
        self.date_edit.setMaximumWidth(140)
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("sourceEdit")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setProperty("kind", "error")
        self.error.hide()
        self.form = QFormLayout()
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Date:", self.date_edit)
        self.form.addRow("&Source:", self.source_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.intro)
        self.layout_.addLayout(self.form)

    def _finish(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        return {"title": self.title_edit.text().strip(), "date": self.date_edit.text().strip(),
                "source": self.source_edit.text().strip()}

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _check(self) -> None:
        try:
            checked_date(self.date_edit.text())
        except DetailsError as exc:
            self.show_error(str(exc))
            self.date_edit.setFocus()
            self.date_edit.selectAll()
            return
        self.accept()


class PasteDialog(_Form):
    """Paste article (Ctrl+Shift+V): the clipboard's text, with a title taken from its first line."""

    def __init__(self, parent, text: str, folder: Path):
        super().__init__(parent, "Paste article",
                         f"The text becomes a new article in {folder}. Check its title; the date and the source "
                         "are optional.")
        self.setObjectName("pasteArticle")
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("pastedText")
        self.text_edit.setMinimumHeight(240)
        self.source_edit.setPlaceholderText(PASTED_SOURCE)
        self.title_edit.setText(suggested_title(text))
        self.form.addRow("Te&xt:", self.text_edit)
        self._finish()
        self.buttons.button(QDialogButtonBox.Ok).setText("Add article")
        self.text_edit.textChanged.connect(self._enable)
        self.title_edit.selectAll()
        self._enable()

    def values(self) -> dict[str, str]:
        return {**super().values(), "text": self.text_edit.toPlainText()}

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.text_edit.toPlainText().strip()))


def suggested_title(text: str) -> str:
    """The first line of the text with words on it, as a title to start from."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:120]
    return ""


class DetailsDialog(_Form):
    """Article › Details…: correct the title, date and source; the file itself is never changed."""

    reset_requested = Signal()

    def __init__(self, parent, article: Article):
        super().__init__(parent, "Article details",
                         f"Corrections are saved beside {article.path.name}, which stays as it is. Clear a field "
                         "to go back to what the file says.")
        self.setObjectName("articleDetails")
        self.article = article
        self.title_edit.setText(article.title)
        self.title_edit.setCursorPosition(0)  # the start of a long title, not its end
        self.date_edit.setText(article.date or "")
        self.source_edit.setText(article.source)
        self.file_label = QLabel(article.id)
        self.file_label.setTextFormat(Qt.PlainText)
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.form.insertRow(0, "File:", self.file_label)
        for name in ("author", "url"):
            value = getattr(article, name)
            if value:
                shown = QLabel(value)
                shown.setTextFormat(Qt.PlainText)
                shown.setTextInteractionFlags(Qt.TextSelectableByMouse)
                self.form.addRow("Author:" if name == "author" else "Address:", shown)
        if article.corrected:
            reset = self.buttons.addButton("Use the file's details", QDialogButtonBox.ResetRole)
            reset.setObjectName("resetDetails")
            reset.clicked.connect(self._reset)
        self._finish()

    def changes(self) -> dict[str, str]:
        """The fields the user changed: an emptied one drops its correction."""
        now = self.values()
        was = {"title": self.article.title, "date": self.article.date or "", "source": self.article.source}
        return {k: v for k, v in now.items() if v != was[k]}

    def _reset(self) -> None:
        for edit in (self.title_edit, self.date_edit, self.source_edit):
            edit.clear()
        self._check()
