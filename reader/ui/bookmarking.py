"""Bookmarking: making, opening, editing, deleting (with undo), citing and exporting bookmarks.

Every read and write goes through the session's library on a worker thread; the panel is updated, and
`bookmarks_changed` sent for the reading pane, when the store has answered, so what the user sees as saved is
saved. What it has to tell the user goes out as `status` lines.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core import export
from ..core.bookmarks import ARTICLE_MISSING, OK, Bookmark
from ..core.errors import one_line as error_line
from .bookmarks_panel import ID_ROLE, BookmarksPanel, one_line
from .reading_pane import ReadingPane
from .session import LibrarySession
from .session_values import LibraryChange
from .workers import Jobs

EXPORT_FILTERS = {"CSV (*.csv)": "csv", "Markdown (*.md)": "md", "JSON (*.json)": "json"}


class DeleteBookmarks(QUndoCommand):
    def __init__(self, owner: Bookmarking, bookmarks: list[Bookmark]):
        n = len(bookmarks)
        super().__init__(f"Delete {n} bookmarks" if n > 1 else "Delete bookmark")
        self.owner, self.bookmarks = owner, bookmarks

    def redo(self) -> None:
        self.owner.run(
            lambda lib: [lib.delete_bookmark(b.id) for b in self.bookmarks],
            self.owner.removed,
            "Could not delete the bookmark",
        )

    def undo(self) -> None:
        self.owner.run(
            lambda lib: [lib.restore_bookmark(b) for b in self.bookmarks],
            self.owner.added,
            "Could not bring the bookmark back",
        )


class Bookmarking(QObject):
    status = Signal(str, bool, bool)  # a line for the status bar: text, error, hold (it confirms the user's action)
    bookmarks_changed = Signal()  # the panel's bookmarks changed: the pane marks them anew
    open_article = Signal(str)  # a bookmark's article, to show

    def __init__(self, session: LibrarySession, pane: ReadingPane, parent: QWidget):
        """`parent`: the window, over which the panel docks and the dialogs open."""
        super().__init__(parent)
        self.session, self.pane, self.dialog_parent = session, pane, parent
        self.panel = BookmarksPanel(parent)
        self.undo_stack = QUndoStack(self)
        self.jobs = Jobs(1)  # one at a time, in order: a delete and its undo never cross
        self._pending: Bookmark | None = None  # opened from the panel: flash it once its article is shown
        self.replace_box: QMessageBox | None = None  # asking whether an export may replace a file
        self.panel.open_requested.connect(self.open)
        self.panel.delete_requested.connect(self.delete)
        self.panel.cite_requested.connect(lambda i: self.copy_citation(self.panel.model.get(i)))
        self.panel.model.edited.connect(self.edit)
        pane.bookmark_requested.connect(self.bookmark_span)
        pane.cite_requested.connect(self.cite_span)
        session.library_changed.connect(self._on_changed)

    # ------------------------------------------------------------------ plumbing

    def _say(self, text: str, error: bool = False, hold: bool = False) -> None:
        self.status.emit(text, error, hold)

    def run(self, work, done, failure: str) -> None:
        """`work(library)` on the worker, then `done(result)` here; a failure is one line in the status bar."""
        library = self.session.library
        if library is None:
            return
        self.jobs.start(
            lambda job: work(library),
            finished=done,
            failed=lambda exc: self._say(f"{failure}: {error_line(exc)}", error=True),
        )

    def finish(self) -> None:
        """Wait for every queued write: none is dropped when the window closes."""
        self.jobs.pool.waitForDone(30_000)

    def _on_changed(self, change: LibraryChange) -> None:
        if change.opened or change.bookmarks:  # another folder's, or re-attached to edited articles by a sync
            self.reload()

    def reload(self) -> None:
        """Every bookmark, from the store (after a sync has re-attached them to edited articles)."""
        self.run(lambda lib: lib.all_bookmarks(), self._loaded, "Could not read the bookmarks")

    def _loaded(self, bookmarks: list[Bookmark]) -> None:
        self.panel.model.set_items(bookmarks)
        self.bookmarks_changed.emit()

    def added(self, bookmarks) -> None:
        for b in bookmarks:
            self.panel.model.put(b)
        self.bookmarks_changed.emit()

    def removed(self, bookmarks) -> None:
        for b in bookmarks:
            self.panel.model.remove(b.id)
        self.bookmarks_changed.emit()

    def marked(self, view):
        """`view` with its article's bookmarks, as the panel holds them, marked."""
        library = self.session.library
        if library is None:
            return view
        mine = [b for b in self.panel.model.items if b.folder == str(library.root) and b.article_id == view.article.id]
        return view.with_bookmarks(mine) if mine or view.bookmarks else view

    # ------------------------------------------------------------------ making

    def bookmark_target(self) -> None:
        """Ctrl+D: the selection, else the quote at the text cursor."""
        self._on_target(self.bookmark_span, "To bookmark")

    def cite_target(self) -> None:
        """Ctrl+Shift+C: in the bookmarks panel, its selected bookmark; else the pane's selection, else the quote at
        the text cursor, copied with its citation."""
        panel = self.panel
        chosen = panel.current_id() if panel.isVisible() and panel.table.hasFocus() else None
        if chosen is not None:
            self.copy_citation(panel.model.get(chosen))
            return
        self._on_target(self.cite_span, "To copy with a citation")

    def _on_target(self, act, to_do: str) -> None:
        span = self.pane.target_span()
        if span is None:
            self._say(f"{to_do}, click in a quote or select some of the article's text.")
        else:
            act(*span)

    def bookmark_span(self, start: int, end: int) -> None:
        view = self.pane.view
        if view is None:
            return
        if self.pane.bookmark_at((start, end)):
            self._say("That is already bookmarked.")
            return
        article = view.article
        self.run(lambda lib: lib.add_bookmark(article, start, end), self._made, "Could not bookmark")

    def _made(self, b: Bookmark) -> None:
        self.added([b])
        who = f" — {b.speaker}" if b.speaker else ""
        hint = "" if self.panel.isVisible() else " · Ctrl+B shows your bookmarks"
        self._say(f"Bookmarked “{_clip(export.unquoted(b.exact))}”{who}{hint}", hold=True)

    # ------------------------------------------------------------------ using

    def open(self, bookmark_id: int) -> None:
        b = self.panel.model.get(bookmark_id)
        library = self.session.library
        if b is None or library is None:
            return
        if b.folder != str(library.root):
            self._say(
                f"This bookmark is from another folder: {b.folder}. Open it with File › Open "
                "articles folder… to read the article."
            )
            return
        if b.status == ARTICLE_MISSING:
            self._say(f"The article {b.article_id} is no longer in the folder; its bookmark is kept.", error=True)
            return
        self._pending = b
        if self.pane.view is not None and self.pane.view.article.id == b.article_id:
            self.article_shown()
        else:
            self.open_article.emit(b.article_id)

    def article_shown(self, _article_id: str = "") -> None:
        """The pane shows an article as it will stay: flash the bookmark opened from the panel, if it is there."""
        b, view = self._pending, self.pane.view
        if b is None or view is None or view.article.id != b.article_id:
            return
        self._pending = None
        current = next((x for x in view.bookmarks if x.id == b.id), b)
        if current.status != OK:
            self._say("This bookmark's text is no longer in the article; its stored quote is kept.")
        elif not self.pane.flash(current.start, current.end):
            self._say("The bookmarked text could not be found on screen.")

    def edit(self, bookmark_id: int, note: str, tags: list[str]) -> None:
        self.run(
            lambda lib: [lib.update_bookmark(bookmark_id, note=note, tags=tags)], self.added, "Could not save the note"
        )

    def delete(self, ids: list[int]) -> None:
        bookmarks = [b for b in (self.panel.model.get(i) for i in ids) if b is not None]
        if bookmarks:
            self.undo_stack.push(DeleteBookmarks(self, bookmarks))
            n = len(bookmarks)
            self._say(
                f"Deleted {n} bookmark{'s' if n > 1 else ''} · Ctrl+Z brings {'them' if n > 1 else 'it'} back",
                hold=True,
            )

    def copy_citation(self, b: Bookmark | None) -> None:
        if b is not None:
            text = export.citation(b)
            QGuiApplication.clipboard().setText(text)
            self._say(f"Copied: {_clip(text, 90)}", hold=True)

    def cite_span(self, start: int, end: int) -> None:
        """Copy with citation from the pane: the bookmark there, else the span as it would be bookmarked."""
        pane = self.pane
        if pane.view is None:
            return
        marked = pane.bookmark_at((start, end))
        if marked:
            self.copy_citation(marked)
            return
        analysis = pane.view.analysis
        speaker = analysis.speaker_of(start, end) if analysis else None
        self.copy_citation(export.unsaved(pane.view.article, start, end, speaker))

    def export_dialog(self) -> None:
        """File › Export bookmarks…: the bookmarks the panel shows (all of them unless filtered)."""
        panel = self.panel
        proxy = panel.proxy
        ids = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
        chosen = [b for b in map(panel.model.get, ids) if b is not None]  # every row's id is the model's
        if not chosen:
            self._say("There are no bookmarks to export yet.")
            return
        start = str(Path.home() / "bookmarks.csv")
        path, selected = QFileDialog.getSaveFileName(
            self.dialog_parent, "Export bookmarks", start, ";;".join(EXPORT_FILTERS)
        )
        if path:
            self.export_to(Path(path), _format_of(Path(path), EXPORT_FILTERS.get(selected, "csv")), chosen)

    def export_to(self, path: Path, fmt: str, bookmarks: list[Bookmark], force: bool = False) -> None:
        """Export in the background; a file that is not an earlier export is replaced only if the user says so."""
        if path.suffix.lower().lstrip(".") not in ("csv", "md", "json", "markdown"):
            path = path.with_suffix(f".{fmt}")
        n = len(bookmarks)

        def work(lib):
            try:
                export.save(bookmarks, fmt, path, data_dir=lib.data_dir, force=force)
            except export.NotAnExport:
                return False
            return True

        def done(saved: bool) -> None:
            if saved:
                self._say(f"Exported {n} bookmark{'s' if n > 1 else ''} to {path}", hold=True)
            else:
                self.ask_to_replace(path, fmt, lambda: self.export_to(path, fmt, bookmarks, force=True))

        self.run(work, done, "Could not export")

    def ask_to_replace(self, path: Path, fmt: str, replace) -> None:
        """Ask, without stopping the window, whether to replace a file that is not an earlier export."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace a file?",
            f"{path.name} is not an earlier {fmt.upper()} export of bookmarks.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.dialog_parent,
        )
        box.setObjectName("replaceFile")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"Replace it with the export? What {path} holds now will be lost.")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                replace()
            else:
                self._say(f"Not exported: {path.name} was kept as it was.")

        box.buttonClicked.connect(answered)
        box.open()
        self.replace_box = box


def _format_of(path: Path, fallback: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return {"csv": "csv", "md": "md", "markdown": "md", "json": "json"}.get(suffix, fallback)


def _clip(text: str, chars: int = 60) -> str:
    text = one_line(text)
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"
