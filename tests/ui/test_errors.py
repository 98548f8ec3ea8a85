"""Unexpected exceptions: a dialog with Copy details, a log file in the data dir, and the app carries on."""

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from reader.ui import errors


@pytest.fixture
def hook(qapp, data_dir):
    installed = errors.install(data_dir)
    yield installed
    installed.uninstall()
    for handler in list(errors.log.handlers):
        errors.log.removeHandler(handler)
        handler.close()
    if installed.dialog is not None:
        installed.dialog.close()


def _boom():
    raise RuntimeError("the sponsor table fell over")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_is_logged(hook, open_window, articles_dir, data_dir, qtbot):
    window = open_window(articles_dir)
    QTimer.singleShot(0, _boom)  # raised inside Qt's event loop, as a slot's exception is
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=5000)
    dialog = hook.dialog
    assert "RuntimeError: the sponsor table fell over" in dialog.message.text()
    assert "carried on" in dialog.message.text()
    assert str(data_dir / "logs" / "press-reader.log") in dialog.where.text()

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied and "in _boom" in copied
    assert dialog.isVisible()  # copying does not close it

    logged = (data_dir / "logs" / "press-reader.log").read_text("utf-8")
    assert "RuntimeError: the sponsor table fell over" in logged and "in _boom" in logged

    # the app carried on: it still searches
    with qtbot.waitSignal(window.browsing.search_finished, timeout=10_000):
        window.search_bar.set_text("Alibaba")
    assert window.model.rowCount() >= 1


@pytest.mark.qt_no_exception_capture
def test_more_errors_while_the_dialog_is_open_join_it(hook, qtbot):
    QTimer.singleShot(0, _boom)
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.count == 2, timeout=5000)
    assert hook.dialog.message.text().startswith("2 unexpected errors")
    assert hook.dialog.details.toPlainText().count("in _boom") == 2


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_dialog(hook, data_dir, qtbot):
    thread = threading.Thread(target=_boom, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=5000)
    assert "the sponsor table fell over" in hook.dialog.message.text()
    assert "importer" in (data_dir / "logs" / "press-reader.log").read_text("utf-8")
