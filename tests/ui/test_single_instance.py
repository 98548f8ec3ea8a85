"""A second launch on the same data dir hands off to the window already open: never two writers, no LockError."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtNetwork import QLocalServer

from reader.ui import single_instance
from tests.conftest import REPO

# claims the data dir and says whether it became the window; a winner then keeps answering for a while
CLAIM = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from reader.ui import single_instance
    app = QCoreApplication([])
    instance = single_instance.claim(Path(sys.argv[1]))
    print("window" if instance else "handed off", flush=True)
    end = time.monotonic() + float(sys.argv[2])
    while instance and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
""")


def _env(tmp_path):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}


def _launch(tmp_path, *args):
    """`press-reader` (the window) as a user starts it, in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *map(str, args)],
        cwd=REPO,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def first(data_dir):
    instance = single_instance.claim(data_dir)
    assert instance is not None
    yield instance
    instance.close()


@pytest.mark.slow  # an app process
def test_a_second_launch_hands_its_folder_to_the_open_window_and_exits(
    first, open_window, articles_dir, data_dir, tmp_path, qtbot
):
    window = open_window(articles_dir)
    first.requested.connect(window.handle_request)
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("A quokka sponsors the Games.")
    proc = _launch(tmp_path, "--data-dir", data_dir, "--articles", other)
    with qtbot.waitSignal(window.session.synced, timeout=30_000):
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)  # this window answers meanwhile
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert err.strip() == ("press-reader: Press Reader is already open on this data folder; switched to that window")
    assert window.session.library.root == other.resolve()
    assert [r.id for r in window.model.library_rows()] == ["note.txt"]


@pytest.mark.slow  # an app process waiting out its timeout
def test_a_window_that_does_not_answer_gets_one_line_not_a_second_writer(data_dir, tmp_path, qtbot):
    mute = QLocalServer()  # accepts the connection and never answers, like a hung window
    assert mute.listen(single_instance.server_name(data_dir))
    try:
        proc = _launch(tmp_path, "--data-dir", data_dir)
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
        _, err = proc.communicate()
    finally:
        mute.close()
    assert proc.returncode == 1
    assert err.strip().splitlines() == [
        "press-reader: Press Reader is already open on this data folder but does not answer; close it and try again"
    ]
    assert not (data_dir / "index").exists()  # it never touched the index


def test_a_window_killed_with_sigkill_does_not_block_the_next_launch(data_dir, tmp_path):
    with subprocess.Popen(
        [sys.executable, "-c", CLAIM, str(data_dir), "60"],
        cwd=REPO,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout.readline().strip() == "window"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    start = time.monotonic()
    instance = single_instance.claim(data_dir)  # its socket file is left behind
    try:
        assert instance is not None
        assert time.monotonic() - start < 3
    finally:
        instance.close()


@pytest.mark.slow  # three app processes racing
def test_two_launches_at_the_same_moment_make_one_window(data_dir, tmp_path):
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIM, str(data_dir), "8"],
            cwd=REPO,
            env=_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    said = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert said == ["handed off", "handed off", "window"], [p.stderr for p in procs]
