"""The filter row under the search box: one source and a range of days, without query syntax (issue 21, item 5)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ..core.model import ArticleRow, Filters

ALL_SOURCES = "All sources"
ANY_DAY = QDate(1800, 1, 1)  # a date edit at its minimum shows "any": no limit at that end
ISO = "yyyy-MM-dd"
ISO_DATE = Qt.DateFormat.ISODate


class FilterRow(QWidget):
    """A source combo (every source of the library with its article count), From and To dates that can be
    left at "any", and a button clearing all three. `changed` carries the Filters after each change made
    by the user."""

    changed = Signal(object)  # Filters

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = QComboBox(self)
        self.source.setObjectName("sourceFilter")
        self.source.setToolTip("Only the articles from this source")
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(3)  # long source names are cut here, shown whole in the popup
        self.source.setMinimumWidth(56)  # the row leaves the list pane as narrow as the splitter allows
        self.source.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.source.addItem(ALL_SOURCES, None)
        self.date_from = _DayEdit("dateFrom", "From: any", "Only the articles dated on or after this day")
        self.date_to = _DayEdit("dateTo", "To: any", "Only the articles dated on or before this day")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText("✕")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setToolTip("Clear the filters: every source and every date again")
        self.clear_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.source, 1)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.date_to)
        layout.addWidget(self.clear_button)
        self._counts: dict[str, int] = {}
        self.source.activated.connect(lambda _: self._changed())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self._changed())
        self.clear_button.clicked.connect(self.clear)

    def filters(self) -> Filters:
        return Filters(self.source.currentData(), _iso(self.date_from), _iso(self.date_to))

    def set_filters(self, filters: Filters) -> None:
        """Show `filters` (a source the library lacks is kept, with no articles), without telling `changed`."""
        with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
            self.date_from.setDate(_qdate(filters.date_from))
            self.date_to.setDate(_qdate(filters.date_to))
        self._fill(filters.source)
        self.clear_button.setEnabled(bool(self.filters()))

    def clear(self) -> None:
        """Every source and every date again, searched at once if any filter was set."""
        before = self.filters()
        self.set_filters(Filters())
        if before:
            self.changed.emit(Filters())

    def set_sources(self, rows: Iterable[ArticleRow]) -> None:
        """The sources offered: those of the library's articles, each with its count, by name."""
        counts = dict(Counter(row.source for row in rows if row.source))
        if counts != self._counts:
            self._counts = counts
            self._fill(self.source.currentData())

    def _fill(self, chosen: str | None) -> None:
        names = sorted(set(self._counts) | ({chosen} if chosen else set()), key=str.casefold)
        with QSignalBlocker(self.source):
            self.source.clear()
            self.source.addItem(ALL_SOURCES, None)
            for name in names:
                self.source.addItem(f"{name} ({self._counts.get(name, 0):,})", name)
            self.source.setCurrentIndex(max(0, self.source.findData(chosen)) if chosen else 0)

    def _changed(self) -> None:
        filters = self.filters()
        self.clear_button.setEnabled(bool(filters))
        self.changed.emit(filters)


class _DayEdit(QDateEdit):
    """A date edit whose lowest date means "any"; its calendar opens on today's month while it is at "any"."""

    def __init__(self, name: str, any_text: str, tip: str):
        super().__init__()
        self.setObjectName(name)
        self.setDisplayFormat(ISO)
        self.setMinimumDate(ANY_DAY)
        self.setSpecialValueText(any_text)  # shown at the minimum date
        self.setDate(ANY_DAY)
        self.setCalendarPopup(True)
        self.setToolTip(f"{tip}; “any” for no limit (✕ sets both dates back to it)")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.calendarWidget() and event.type() == QEvent.Type.Show and self.date() == ANY_DAY:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(obj, event)


def _iso(edit: QDateEdit) -> str | None:
    return None if edit.date() == ANY_DAY else edit.date().toString(ISO_DATE)


def _qdate(day: str | None) -> QDate:
    date = QDate.fromString(day, ISO_DATE) if day else ANY_DAY
    return date if date.isValid() else ANY_DAY
