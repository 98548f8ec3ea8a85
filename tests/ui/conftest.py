"""Qt fixtures: isolated QSettings per test, a helper that opens the window and waits for the index, and for the
tests of one panel alone a reading pane and the views of the session's sample library."""

import pytest
from PySide6.QtCore import QSettings

from reader.core.analysis import close_shared
from reader.ui.app import make_app
from reader.ui.main_window import MainWindow
from reader.ui.reading_pane import ReadingPane

SYNC_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session", autouse=True)
def analysis_workers():
    """The windows share the app's spaCy worker processes, as in the app; stopped when the tests end."""
    yield
    close_shared()


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield
    QSettings().clear()


@pytest.fixture
def open_window(qtbot, qapp, data_dir):
    """open_window(folder) -> a shown MainWindow whose first index update has finished; with `size`, shown at that
    size from its first paint."""
    make_app()
    windows = []

    def _open(folder, wait=True, size=None):
        window = MainWindow(data_dir, folder)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        if wait:
            with qtbot.waitSignal(window.session.synced, timeout=SYNC_TIMEOUT_MS):
                window.show()
        else:
            window.show()
        windows.append(window)
        return window

    yield _open
    for window in windows:
        window.close()


@pytest.fixture
def pane(qtbot):
    """A shown ReadingPane on its own, 700 × 500."""
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    return pane


@pytest.fixture
def view_of(sample_library):
    """view_of(article_id, words=()) -> the ArticleView the window would show for that sample, with its search hits."""

    def _view(article_id, words=()):
        return sample_library.article_view(article_id, frozenset(words))

    return _view
