"""Starting the window: the QApplication, its look, and `run()` used by `press-reader` with no subcommand."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core import paths
from .look import apply_look


def make_app(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("press-reader")
    QCoreApplication.setApplicationName("Press Reader")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    apply_look(app)
    return app


def run(articles_dir: Path | None = None, data_dir: Path | None = None) -> int:
    from .main_window import MainWindow

    app = make_app()
    window = MainWindow(data_dir or paths.data_dir(), articles_dir)
    window.show()
    return app.exec()
