"""The Qt binding itself: faults of a PySide6 release that would take the app down."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_calling_qt_keeps_the_references_to_none(qtbot):
    """PySide6 6.12.0 on Python 3.11 loses a reference to None on each call of a method returning nothing.

    The app makes such calls all the time (every painted list cell makes several), and when None's count
    reached zero Python aborted with "deallocating None": in the scale benchmark, after scrolling through
    a 50,000-row list. pyproject.toml keeps that release out; this fails if a release like it comes back.
    """
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) >= before - 100
