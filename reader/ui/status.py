"""The status bar: the index's state, progress and failures as the session reports them, and the article counts.

A line confirming what the user just did ("Bookmarked …") stays a few seconds before background lines
(progress, the index's state) replace it; an error shows at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QWidget

from ..core.importing import DUPLICATE, ImportReport
from ..core.library import AnalysisReport, SyncReport
from .article_model import ArticleTableModel
from .look import set_kind
from .session import LibrarySession
from .session_values import AddFailed, AnalysisFailed, Failed, LibraryChange, Progress, SearchFailed, Task, Update

ACTION_MESSAGE_S = 4.0  # how long a message confirming the user's action holds off background status lines
QUIET_PROGRESS_FROM = 50  # a quiet update of fewer files than this shows no progress bar
NO_MODEL_NOTE = "names from the built-in lists only (no spaCy model)"


class ElidedLabel(QLabel):
    """A one-line label that ends in an ellipsis where it is cut, with the whole line as its tooltip then."""

    def paintEvent(self, event: QPaintEvent) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)
        self.setToolTip(self.text() if shown != self.text() else "")
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment().value), shown)


class StatusBar(QStatusBar):
    """The index's state on the left; `beside` (e.g. the skipped files button), progress and counts on the right."""

    def __init__(
        self,
        session: LibrarySession,
        model: ArticleTableModel,
        beside: QWidget | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session, self.model = session, model
        self.state = ElidedLabel()
        self.state.setObjectName("indexState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # it names files, folders and queries
        # a long line is cut with an ellipsis, rather than widening the window: the analysis pass's progress
        # line, beside the progress bar, is wider than a 740 px window (it made the window grow under a test)
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setObjectName("indexProgress")
        self.progress.setFixedWidth(200)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.counts = QLabel()
        self.counts.setObjectName("articleCounts")
        self.addWidget(self.state, 1)
        for widget in (beside, self.progress, self.counts):
            if widget is not None:
                self.addPermanentWidget(widget)
        self._held_until = 0.0
        self._pending: str | None = None
        self._hold = QTimer(self, singleShot=True)
        self._hold.timeout.connect(self._show_pending)
        self._index_text = ""  # the index's state after the last update
        self._note = ""  # what the last import or correction did, said with the index's state after it
        self._notice: str | None = None  # what names are missing without a spaCy model
        self._follow(session, model)

    def _follow(self, session: LibrarySession, model: ArticleTableModel) -> None:
        session.updating.connect(self._on_updating)
        session.library_changed.connect(self._on_changed)
        session.progress.connect(self._on_progress)
        session.synced.connect(self._on_synced)
        session.analysed.connect(self._on_analysed)
        session.imported.connect(self._on_imported)
        session.saved.connect(self._on_saved)
        session.notice.connect(self._on_notice)
        session.failed.connect(self._on_failed)
        model.counts_changed.connect(self._update_counts)

    # ------------------------------------------------------------------ saying

    def say(self, text: str, error: bool = False, hold: bool = False, background: bool = False) -> None:
        """Show a status line. One that confirms what the user just did (`hold`) stays a few seconds against
        `background` lines (progress, the index's state), which then show the latest of them."""
        left = self._held_until - time.monotonic()
        if background and not error and left > 0:
            self._pending = text
            self._hold.start(int(left * 1000) + 1)
            return
        self._held_until = time.monotonic() + ACTION_MESSAGE_S if hold else 0.0
        self._pending = None
        self.state.setText(text)
        set_kind(self.state, "error" if error else "")

    def _show_pending(self) -> None:
        if self._pending is not None:
            self.say(self._pending, background=True)

    def _show_index_state(self) -> None:
        """The index's state, with the no-model notice if there is one."""
        text = self._index_text
        if self._notice:
            text += f" · {NO_MODEL_NOTE}"
        self.say(text, background=True)
        self.state.setToolTip(self._notice or "")

    def _update_counts(self) -> None:
        total = self.model.article_count()
        if self.model.searching:
            self.counts.setText(f"{self.model.rowCount():,} of {total:,} articles")
        else:
            self.counts.setText(f"{total:,} {'article' if total == 1 else 'articles'}")

    def _articles_text(self) -> str:
        """ "N articles", and how many more files are copies of them."""
        total, copies = self.model.article_count(), self.model.copy_count()
        text = f"{total:,} {'article' if total == 1 else 'articles'}"
        if copies:
            text += f" (and {copies:,} {'copy' if copies == 1 else 'copies'} of them)"
        return text

    # ------------------------------------------------------------------ following the session

    def _on_updating(self, update: Update | None) -> None:
        if update is None:
            self.progress.hide()
        elif not update.quiet:
            self.say("Rebuilding the index…" if update.rebuild else "Opening the library…")

    def _on_changed(self, change: LibraryChange) -> None:
        if change.listed:
            self.say(f"Checking {len(change.listed):,} articles for changes…")

    def _on_progress(self, p: Progress) -> None:
        if (p.quiet and p.total < QUIET_PROGRESS_FROM) or (p.task is Task.ADDING and self.session.indexing):
            return
        self.progress.setRange(0, p.total)
        self.progress.setValue(p.done)
        self.progress.show()
        if p.task is Task.ADDING:
            self.say(f"Adding {p.done:,} of {p.total:,} files…")
        elif p.task is Task.ANALYSING:
            self.say(
                f"{self._index_text} · finding quotes and names: {p.done:,} of {p.total:,} articles…", background=True
            )
        elif p.done < p.total:
            self.say(f"Indexing {p.done:,} of {p.total:,} articles…", background=True)
        else:
            self.say("Saving the index…", background=True)

    def _on_synced(self, report: SyncReport) -> None:
        text = f"Index up to date · {self._articles_text()}"
        if report.updated or report.removed:
            text += f" · {report.updated:,} updated, {report.removed:,} removed in {report.seconds:.1f} s"
        if report.rebuilt:
            text = f"{report.rebuilt[0].upper()}{report.rebuilt[1:]} · " + text
        library = self.session.library
        if library is not None and library.read_only:
            text = f"Read-only: {library.read_only}; bookmarks can't be changed · " + text
        if self._note:
            text, self._note = f"{self._note} · {text}", ""
        self._index_text = text
        self._show_index_state()

    def _on_analysed(self, _report: AnalysisReport) -> None:
        if not self.session.indexing:
            self.progress.hide()
        self._show_index_state()

    def _on_imported(self, report: ImportReport) -> None:
        if not self.session.indexing:
            self.progress.hide()
        if not any(f.article_id for f in report.files):
            self.say(f"Nothing added: {report.summary}", error=not report.count(DUPLICATE))

    def _on_saved(self, note: str) -> None:
        self._note = note

    def _on_notice(self, notice: str) -> None:
        """From the first notice on, the index state says that names come from the built-in lists only."""
        self._notice = notice
        if self._index_text:
            self._show_index_state()

    def _on_failed(self, failure: Failed) -> None:
        if isinstance(failure, SearchFailed):
            return  # the search bar says so
        if isinstance(failure, (AnalysisFailed, AddFailed)) and not self.session.indexing:
            self.progress.hide()
        if isinstance(failure, AnalysisFailed):
            self.say(f"{self._index_text} · {failure}", error=True)
        else:
            self.say(str(failure), error=True)
