"""Bringing articles in from the window: File › Add articles and Add a folder, Paste article, Article details, and
the report of what an import could not simply copy in."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.corrections import DetailsError, checked_date
from ..core.importing import IMPORTED, PASTED_SOURCE, ImportReport
from ..core.model import Article
from ..core.scanning import ARTICLE_SUFFIXES
from .reading import Reading
from .session import LibrarySession

FORMATS_FILTER = (
    "Articles ({})".format(" ".join(f"*{s}" for s in ARTICLE_SUFFIXES)),
    "Web pages (*.html *.htm *.xhtml *.mhtml *.mht)",
    "News feeds (*.rss *.atom *.xml)",
    "PDF clippings (*.pdf)",
    "E-mails (*.eml *.msg)",
    "Text and Markdown (*.txt *.md)",
    "All files (*)",
)
DATE_HINT = "YYYY-MM-DD"


class _Form(QDialog):
    """A dialog of article details with a line for errors; OK checks the date first."""

    def __init__(self, parent, title: str, intro: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
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
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setProperty("kind", "error")
        self.error.hide()
        self.form = QFormLayout()
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Date:", self.date_edit)
        self.form.addRow("&Source:", self.source_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.intro)
        self.layout_.addLayout(self.form)

    def _finish(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        return {
            "title": self.title_edit.text().strip(),
            "date": self.date_edit.text().strip(),
            "source": self.source_edit.text().strip(),
        }

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
        super().__init__(
            parent,
            "Paste article",
            f"The text becomes a new article in {folder}. Check its title; the date and the source are optional.",
        )
        self.setObjectName("pasteArticle")
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("pastedText")
        self.text_edit.setMinimumHeight(240)
        self.source_edit.setPlaceholderText(PASTED_SOURCE)
        self.title_edit.setText(suggested_title(text))
        self.form.addRow("Te&xt:", self.text_edit)
        self._finish()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add article")
        self.text_edit.textChanged.connect(self._enable)
        self.title_edit.selectAll()
        self._enable()

    def values(self) -> dict[str, str]:
        return {**super().values(), "text": self.text_edit.toPlainText()}

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text_edit.toPlainText().strip()))


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
        super().__init__(
            parent,
            "Article details",
            f"Corrections are saved beside {article.path.name}, which stays as it is. Clear a field "
            "to go back to what the file says.",
        )
        self.setObjectName("articleDetails")
        self.article = article
        self.title_edit.setText(article.title)
        self.title_edit.setCursorPosition(0)  # the start of a long title, not its end
        self.date_edit.setText(article.date or "")
        self.source_edit.setText(article.source)
        self.file_label = QLabel(article.id)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.insertRow(0, "File:", self.file_label)
        for name in ("author", "url"):
            value = getattr(article, name)
            if value:
                shown = QLabel(value)
                shown.setTextFormat(Qt.TextFormat.PlainText)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.form.addRow("Author:" if name == "author" else "Address:", shown)
        if article.corrected:
            reset = self.buttons.addButton("Use the file's details", QDialogButtonBox.ButtonRole.ResetRole)
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


class Adding(QObject):
    """The window's ways of bringing articles in; the session copies them in and indexes them."""

    status = Signal(str, bool, bool)  # a line for the status bar: text, error, hold

    def __init__(self, session: LibrarySession, reading: Reading, settings: QSettings, parent: QWidget):
        """`parent`: the window, over which the dialogs open."""
        super().__init__(parent)
        self.session, self.reading, self.settings, self.parent_widget = session, reading, settings, parent
        self.import_box: QMessageBox | None = None
        self.paste_dialog: PasteDialog | None = None
        self.details_dialog: DetailsDialog | None = None
        session.imported.connect(self._tell_import)

    def add_articles_dialog(self) -> None:
        if self.session.library is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, "Add articles", self._add_from(), ";;".join(FORMATS_FILTER)
        )
        if files:
            self.add_paths([Path(f) for f in files])

    def add_folder_dialog(self) -> None:
        if self.session.library is None:
            return
        folder = QFileDialog.getExistingDirectory(self.parent_widget, "Add a folder of articles", self._add_from())
        if folder:
            self.add_paths([Path(folder)])

    def _add_from(self) -> str:
        # `value()` is typed as `object`; it gives the type asked for
        return cast(str, self.settings.value("library/addFrom", str(Path.home()), str))

    def add_paths(self, given: list[Path]) -> None:
        """Copy files and folders into the library, then index them; the first one is shown."""
        if self.session.library is None or not given:
            return
        self.settings.setValue("library/addFrom", str(given[0].parent))
        self.status.emit(
            f"Adding {len(given):,} {'item' if len(given) == 1 else 'items'} to the library…", False, False
        )
        self.session.add(given)

    def _tell_import(self, report: ImportReport) -> None:
        """What was not simply imported, and why, in a box that does not stop the work."""
        if all(f.status == IMPORTED for f in report.files):
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Add articles",
            f"Added to the library: {report.summary}.",
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        box.setObjectName("importReport")
        box.setTextFormat(Qt.TextFormat.PlainText)
        lines = [f.line for f in report.files if f.status != IMPORTED]
        box.setInformativeText("\n".join(lines[:8]) + (f"\n… and {len(lines) - 8:,} more" if len(lines) > 8 else ""))
        box.setDetailedText("\n".join(f.line for f in report.files))
        box.open()
        self.import_box = box

    def paste_article(self) -> PasteDialog | None:
        """Paste article: the clipboard's text in a dialog where its title (and date, source) are set."""
        if self.session.library is None:
            return None
        dialog = PasteDialog(self.parent_widget, QGuiApplication.clipboard().text(), self.session.library.root)

        def save() -> None:
            v = dialog.values()
            self.session.save(
                lambda lib: lib.paste(v["text"], v["title"], v["source"], v["date"]),
                f"Added “{_clip(v['title'])}”",
                "Could not add the article",
            )

        dialog.accepted.connect(save)
        dialog.open()
        self.paste_dialog = dialog
        return dialog

    def edit_details(self) -> DetailsDialog | None:
        """Correct the title, date or source of the article being read; saved beside its file."""
        article = self.reading.article
        if self.session.library is None or article is None:
            return None
        dialog = DetailsDialog(self.parent_widget, article)

        def save() -> None:
            changes = dialog.changes()
            if changes:
                self.session.save(
                    lambda lib: lib.correct(article.id, **changes).id,
                    f"Details of “{_clip(article.title)}” saved",
                    "Could not save the details",
                )

        dialog.accepted.connect(save)
        dialog.open()
        self.details_dialog = dialog
        return dialog


def _clip(title: str, chars: int = 40) -> str:
    return title if len(title) <= chars else title[: chars - 1] + "…"
