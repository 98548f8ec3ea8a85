"""Smoke test of the window: `python smoke_window.py FOLDER N` opens FOLDER as `press-reader --articles FOLDER`
does (through reader.__main__.main), waits until the list shows N articles, closes the window as a user would,
and exits with the app's own exit code. Run with QT_QPA_PLATFORM=offscreen by .ci/smoke."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.__main__ import main

TIMEOUT_S = 90


def close_when_listed(app: QApplication, expected: int, started: float) -> None:
    windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    if windows and windows[0].model.article_count() >= expected:
        print(f"smoke: the window lists {windows[0].model.article_count()} articles; closing it")
        windows[0].close()
        return
    if time.monotonic() - started > TIMEOUT_S:
        print(f"smoke: the window did not list {expected} articles within {TIMEOUT_S} s", file=sys.stderr)
        app.exit(3)
        return
    QTimer.singleShot(100, lambda: close_when_listed(app, expected, started))


if __name__ == "__main__":  # the analysis workers are spawned processes: they import this file too
    folder, expected = sys.argv[1], int(sys.argv[2])
    app = QApplication(sys.argv[:1])  # main() opens the window on this app rather than making one
    QTimer.singleShot(0, lambda: close_when_listed(app, expected, time.monotonic()))
    sys.exit(main(["--articles", folder]))
