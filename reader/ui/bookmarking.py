"""Bookmarking in the window: making, opening, editing, deleting (with undo), citing and exporting bookmarks.

Every read and write goes through the library on a worker thread; the panel and the reading pane are
updated when the store has answered, so what the user sees as saved is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core import export
from ..core.bookmarks import ARTICLE_MISSING, OK, Bookmark
from .bookmarks_panel import ID_ROLE, BookmarksPanel, one_line
from .workers import Jobs

EXPORT_FILTERS = {"CSV (*.csv)": "csv", "Markdown (*.md)": "md", "JSON (*.json)": "json"}


class DeleteBookmarks(QUndoCommand):
    def __init__(self, owner: Bookmarking, bookmarks: list[Bookmark]):
        n = len(bookmarks)
        super().__init__(f"Delete {n} bookmarks" if n > 1 else "Delete bookmark")
        self.owner, self.bookmarks = owner, bookmarks

    def redo(self) -> None:
        self.owner.run(lambda lib: [lib.delete_bookmark(b.id) for b in self.bookmarks], self.owner.removed,
                       "Could not delete the bookmark")

    def undo(self) -> None:
        self.owner.run(lambda lib: [lib.restore_bookmark(b) for b in self.bookmarks], self.owner.added,
                       "Could not bring the bookmark back")


class Bookmarking(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = BookmarksPanel(window)
        self.undo_stack = QUndoStack(self)
        self.jobs = Jobs(1)  # one at a time, in order: a delete and its undo never cross
        self._pending: Bookmark | None = None  # opened from the panel: flash it once its article is shown
        self.replace_box: QMessageBox | None = None  # asking whether an export may replace a file
        self.panel.open_requested.connect(self.open)
        self.panel.delete_requested.connect(self.delete)
        self.panel.cite_requested.connect(lambda i: self.copy_citation(self.panel.model.get(i)))
        self.panel.model.edited.connect(self.edit)
        window.pane.bookmark_requested.connect(self.bookmark_span)
        window.pane.cite_requested.connect(self.cite_span)

    # ------------------------------------------------------------------ plumbing

    def run(self, work, done, failure: str) -> None:
        """`work(library)` on the worker, then `done(result)` here; a failure is one line in the status bar."""
        library = self.window.library
        if library is None:
            return
        self.jobs.start(lambda job: work(library), finished=done,
                        failed=lambda message: self.window.show_status(f"{failure}: {message}", error=True))

    def finish(self) -> None:
        """Wait for every queued write: none is dropped when the window closes."""
        self.jobs.pool.waitForDone(30_000)

    def reload(self) -> None:
        """Every bookmark, from the store (after a sync has re-attached them to edited articles)."""
        self.run(lambda lib: lib.all_bookmarks(), self._loaded, "Could not read the bookmarks")

    def _loaded(self, bookmarks: list[Bookmark]) -> None:
        self.panel.model.set_items(bookmarks)
        self.refresh_pane()

    def added(self, bookmarks) -> None:
        for b in bookmarks:
            self.panel.model.put(b)
        self.refresh_pane()

    def removed(self, bookmarks) -> None:
        for b in bookmarks:
            self.panel.model.remove(b.id)
        self.refresh_pane()

    def marked(self, view):
        """`view` with its article's bookmarks, as the panel holds them, marked."""
        library = self.window.library
        if library is None:
            return view
        mine = [b for b in self.panel.model.items
                if b.folder == str(library.root) and b.article_id == view.article.id]
        return view.with_bookmarks(mine) if mine or view.bookmarks else view

    def refresh_pane(self) -> None:
        """Mark the current article's bookmarks in the reading pane, keeping the reader's place."""
        view = self.window.pane.view
        if view is None:
            return
        new = self.marked(view)
        if [(b.id, b.start, b.end, b.status) for b in new.bookmarks] != [(b.id, b.start, b.end, b.status)
                                                                         for b in view.bookmarks]:
            self.window.pane.show_article(new, keep_place=True)

    # ------------------------------------------------------------------ making

    def bookmark_target(self) -> None:
        """Ctrl+D: the selection, else the quote at the text cursor."""
        span = self.window.pane.target_span()
        if span is None:
            self.window.show_status("To bookmark, click in a quote or select some of the article's text.")
            return
        self.bookmark_span(*span)

    def bookmark_span(self, start: int, end: int) -> None:
        view = self.window.pane.view
        if view is None:
            return
        if self.window.pane.bookmark_at((start, end)):
            self.window.show_status("That is already bookmarked.")
            return
        article = view.article
        self.run(lambda lib: lib.add_bookmark(article, start, end), self._made, "Could not bookmark")

    def _made(self, b: Bookmark) -> None:
        self.added([b])
        who = f" — {b.speaker}" if b.speaker else ""
        hint = "" if self.panel.isVisible() else " · Ctrl+B shows your bookmarks"
        self.window.show_status(f"Bookmarked “{_clip(b.exact)}”{who}{hint}", hold=True)

    # ------------------------------------------------------------------ using

    def open(self, bookmark_id: int) -> None:
        b = self.panel.model.get(bookmark_id)
        window = self.window
        if b is None or window.library is None:
            return
        if b.folder != str(window.library.root):
            window.show_status(f"This bookmark is from another folder: {b.folder}. Open it with File › Open "
                               "articles folder… to read the article.")
            return
        if b.status == ARTICLE_MISSING:
            window.show_status(f"The article {b.article_id} is no longer in the folder; its bookmark is kept.",
                               error=True)
            return
        self._pending = b
        if window.pane.view is not None and window.pane.view.article.id == b.article_id:
            self.article_shown()
        else:
            window.show_article_id(b.article_id)

    def article_shown(self) -> None:
        """The window showed an article: flash the bookmark opened from the panel, if it is this one."""
        b, view = self._pending, self.window.pane.view
        if b is None or view is None or view.article.id != b.article_id:
            return
        self._pending = None
        self.refresh_pane()
        current = next((x for x in self.window.pane.view.bookmarks if x.id == b.id), b)
        if current.status != OK:
            self.window.show_status("This bookmark's text is no longer in the article; its stored quote is kept.")
        elif not self.window.pane.flash(current.start, current.end):
            self.window.show_status("The bookmarked text could not be found on screen.")

    def edit(self, bookmark_id: int, note: str, tags: list[str]) -> None:
        self.run(lambda lib: [lib.update_bookmark(bookmark_id, note=note, tags=tags)], self.added,
                 "Could not save the note")

    def delete(self, ids: list[int]) -> None:
        bookmarks = [b for b in (self.panel.model.get(i) for i in ids) if b is not None]
        if bookmarks:
            self.undo_stack.push(DeleteBookmarks(self, bookmarks))
            n = len(bookmarks)
            self.window.show_status(f"Deleted {n} bookmark{'s' if n > 1 else ''} · Ctrl+Z brings "
                                    f"{'them' if n > 1 else 'it'} back", hold=True)

    def copy_citation(self, b: Bookmark | None) -> None:
        if b is not None:
            text = export.citation(b)
            QGuiApplication.clipboard().setText(text)
            self.window.show_status(f"Copied: {_clip(text, 90)}", hold=True)

    def cite_span(self, start: int, end: int) -> None:
        """Copy with citation from the pane: the bookmark there, else the span as it would be bookmarked."""
        pane = self.window.pane
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
        chosen = [panel.model.get(proxy.index(r, 0).data(ID_ROLE)) for r in range(proxy.rowCount())]
        if not chosen:
            self.window.show_status("There are no bookmarks to export yet.")
            return
        start = str(Path.home() / "bookmarks.csv")
        path, selected = QFileDialog.getSaveFileName(self.window, "Export bookmarks", start,
                                                     ";;".join(EXPORT_FILTERS))
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
                self.window.show_status(f"Exported {n} bookmark{'s' if n > 1 else ''} to {path}", hold=True)
            else:
                self.ask_to_replace(path, fmt, lambda: self.export_to(path, fmt, bookmarks, force=True))

        self.run(work, done, "Could not export")

    def ask_to_replace(self, path: Path, fmt: str, replace) -> None:
        """Ask, without stopping the window, whether to replace a file that is not an earlier export."""
        box = QMessageBox(QMessageBox.Question, "Replace a file?",
                          f"{path.name} is not an earlier {fmt.upper()} export of bookmarks.",
                          QMessageBox.Yes | QMessageBox.No, self.window)
        box.setObjectName("replaceFile")
        box.setTextFormat(Qt.PlainText)
        box.setInformativeText(f"Replace it with the export? What {path} holds now will be lost.")
        box.setDefaultButton(QMessageBox.No)

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.Yes:
                replace()
            else:
                self.window.show_status(f"Not exported: {path.name} was kept as it was.")

        box.buttonClicked.connect(answered)
        box.open()
        self.replace_box = box


def _format_of(path: Path, fallback: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return {"csv": "csv", "md": "md", "markdown": "md", "json": "json"}.get(suffix, fallback)


def _clip(text: str, chars: int = 60) -> str:
    text = one_line(text)
    return text if len(text) <= chars else text[:chars - 1].rstrip() + "…"
