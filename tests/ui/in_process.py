"""For the scripts that the UI tests run as an app in a process of its own (no pytest-qt there)."""

import sys
import time

from PySide6.QtCore import QCoreApplication


def wait(condition, seconds: float = 60, why=lambda: "") -> None:
    """Run Qt's events until `condition()` holds; else exit the process saying it timed out."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            sys.exit(f"timed out{why()}")
        QCoreApplication.processEvents()
        time.sleep(0.02)
