"""The Coverage view's scope bar: which articles (the whole library, the current search's results, or a date range),
by which period, and whether syndicated copies count once per outlet."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QDate, QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core.coverage.values import PERIODS, Scope
from ..core.model import Filters
from .session_values import CoverageRequest

WHOLE, RESULTS, DATES = range(3)
SCOPES = ("Whole library", "Current search results", "Date range")
DATE_FORMAT = "yyyy-MM-dd"


class ScopeBar(QWidget):
    """Tells `changed` whenever the user changes what the figures cover; `request(query)` is what to count."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coverageScope")
        self.scope = QComboBox()
        self.scope.addItems(SCOPES)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        for edit, date in ((self.date_from, today.addYears(-1)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setDate(date)
            edit.dateChanged.connect(self._changed)
        self.by = QComboBox()
        self.by.addItems(PERIODS)
        self.by.setCurrentText("month")
        self.per_outlet = QCheckBox("Count copies once per outlet")
        self.per_outlet.setToolTip(
            "Off: syndicated copies of one article count once. On: once for each outlet that ran it."
        )
        self.dates = QWidget()
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        for part in (QLabel("From"), self.date_from, QLabel("to"), self.date_to):
            dates.addWidget(part)
        # two rows, so that the tab is no wider with the dates shown; the panel adds to the end of each
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows = (QHBoxLayout(), QHBoxLayout())
        for row, widgets in zip(
            self.rows, ((QLabel("Scope"), self.scope, self.dates), (QLabel("By"), self.by, self.per_outlet))
        ):
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        self.scope.currentIndexChanged.connect(self._changed)
        self.by.currentIndexChanged.connect(self._changed)
        self.per_outlet.toggled.connect(self._changed)
        self._show_dates()

    def _changed(self, *_args) -> None:
        self._show_dates()
        self.changed.emit()

    def _show_dates(self) -> None:
        self.dates.setVisible(self.scope.currentIndex() == DATES)

    def set_dates(self, date_from: str, date_to: str) -> None:
        """Set the date range (ISO dates) without telling `changed`."""
        for edit, text in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate.fromString(text, DATE_FORMAT))
            edit.blockSignals(False)

    def save(self, settings: QSettings) -> None:
        """Keep the scope, the period, the per-outlet choice and the date range for the next launch."""
        settings.setValue("coverage/scope", SCOPES[self.scope.currentIndex()])
        settings.setValue("coverage/by", self.by.currentText())
        settings.setValue("coverage/perOutlet", self.per_outlet.isChecked())
        settings.setValue("coverage/from", self.date_from.date().toString(DATE_FORMAT))
        settings.setValue("coverage/to", self.date_to.date().toString(DATE_FORMAT))

    def restore(self, settings: QSettings) -> None:
        """What `save` kept, without telling `changed`; a value this version does not know is left as it is."""
        widgets = (self.scope, self.by, self.per_outlet, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        scope = cast(str, settings.value("coverage/scope", "", str))
        if scope in SCOPES:
            self.scope.setCurrentIndex(SCOPES.index(scope))
        by = cast(str, settings.value("coverage/by", "", str))
        if by in PERIODS:
            self.by.setCurrentText(by)
        self.per_outlet.setChecked(cast(bool, settings.value("coverage/perOutlet", False, bool)))
        for edit, key in ((self.date_from, "coverage/from"), (self.date_to, "coverage/to")):
            date = QDate.fromString(cast(str, settings.value(key, "", str)), DATE_FORMAT)
            if date.isValid():
                edit.setDate(date)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_dates()

    def request(self, query: str, filters: Filters) -> CoverageRequest:
        """What to count, the current search being `query` within `filters`."""
        by, per_outlet = self.by.currentText(), self.per_outlet.isChecked()
        mode = self.scope.currentIndex()
        if mode == DATES:
            low, high = sorted((self.date_from.date(), self.date_to.date()))
            return CoverageRequest(Scope(low.toString(DATE_FORMAT), high.toString(DATE_FORMAT)), by, per_outlet)
        if mode == RESULTS:
            return CoverageRequest(Scope(filters.date_from, filters.date_to, query, filters.source), by, per_outlet)
        return CoverageRequest(Scope(), by, per_outlet)
