"""Starting the window: the QApplication, its look, and `run()` used by `press-reader` with no subcommand."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core import paths
from ..core.analysis import close_shared
from . import errors, single_instance
from .look import apply_look

GIL_SWITCH_S = 0.0002  # Python's default is 0.005


def make_app(argv: list[str] | None = None) -> QApplication:
    # Indexing and analysis run Python on worker threads. Each time the UI thread comes back from Qt
    # into Python (a model's data(), a delegate, a slot) it waits for the GIL until a worker lets go of
    # it, up to the switch interval, and a repaint of the list makes many such calls. With a worker
    # busy, a 700x760 list repaint took 73 ms at 1 ms, 45 ms at 0.2 ms, 18 ms with no worker. The
    # workers lose little: they switch only when the UI thread asks, which is when the user is waiting.
    sys.setswitchinterval(GIL_SWITCH_S)
    QCoreApplication.setOrganizationName("press-reader")
    QCoreApplication.setApplicationName("Press Reader")
    existing = QApplication.instance()  # typed as QCoreApplication; the app only ever makes a QApplication
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    apply_look(app)
    return app


def run(articles_dir: Path | None = None, data_dir: Path | None = None) -> int:
    from .main_window import MainWindow

    app = make_app()
    data_dir = data_dir or paths.data_dir()
    hook = errors.install(data_dir)  # noqa: F841 - kept for the app's life
    try:
        instance = single_instance.claim(data_dir, articles_dir)
    except single_instance.NotAnswering as exc:
        print(f"press-reader: {exc}", file=sys.stderr)
        return 1
    if instance is None:
        print(
            "press-reader: Press Reader is already open on this data folder; switched to that window", file=sys.stderr
        )
        return 0
    window = MainWindow(data_dir, articles_dir)
    instance.requested.connect(window.handle_request)
    window.show()
    try:
        return app.exec()
    finally:
        instance.close()
        close_shared()  # the spaCy workers
