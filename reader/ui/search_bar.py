"""The search box above the article list: debounced queries, the filter row, a result count, and a one-line error."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ..core.model import Filters
from .filters import FilterRow
from .look import set_kind

DEBOUNCE_MS = 250


class SearchBar(QWidget):
    query_changed = Signal(str)  # "" means: show the whole library
    step = Signal(int)  # Up/Down in the box move through the list
    filters_changed = Signal(object)  # the Filters the user chose in the filter row

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchBox")
        self.edit.setPlaceholderText("Search articles   (Ctrl+F)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(
            'Whoosh query language: words (all must match), "phrases", OR, NOT, field:word '
            "(title, body, captions, source, date, entity, speaker), date:[2019-01-01 TO 2019-12-31], "
            'entity:"Thomas Bach", speaker:"Jack Ma", trailing wildcards spons*.\n'
            "Ctrl+F or / to focus, Esc to clear. Help › Search syntax lists it all, with examples."
        )
        self.filter_row = FilterRow(self)
        self.filter_row.changed.connect(self.filters_changed)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the query
        self.status.setWordWrap(True)  # a long error wraps under the box, never widening the list
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.status.setSizePolicy(policy)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.filter_row)
        layout.addWidget(self.status)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.edit.textChanged.connect(lambda _: self._timer.start())
        self.edit.returnPressed.connect(self._emit)
        self.edit.installEventFilter(self)
        self._last: str | None = None

    def text(self) -> str:
        return self.edit.text().strip()

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def filters(self) -> Filters:
        return self.filter_row.filters()

    def set_search(self, text: str, filters: Filters) -> None:
        """Search for `text` within `filters` now (a search restored)."""
        self.filter_row.set_filters(filters)
        self._last = None  # searched even if the text is the same
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Search for `text` now, as if typed and Enter pressed."""
        self.edit.setText(text)
        self._emit()

    def clear(self) -> None:
        self.edit.clear()
        self._emit()

    def show_error(self, message: str) -> None:
        self._show(message, "error")

    def show_info(self, message: str) -> None:
        self._show(message, "info")

    def hide_status(self) -> None:
        self.status.hide()

    def _show(self, message: str, kind: str) -> None:
        set_kind(self.status, kind)
        self.status.setText(message)
        self.status.setToolTip(message)
        self.status.show()

    def _emit(self) -> None:
        self._timer.stop()
        text = self.text()
        if text != self._last:
            self._last = text
            self.query_changed.emit(text)

    def rerun(self) -> None:
        """Search again with the same text, e.g. after the index changed."""
        self._last = None
        self._emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.step.emit(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(obj, event)
