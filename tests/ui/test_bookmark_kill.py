"""A bookmark the window has acknowledged survives the app being killed with SIGKILL right after."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from reader.core.bookmarks import BookmarkStore
from tests.conftest import REPO, SAMPLE_000

pytestmark = pytest.mark.slow  # an app process killed with SIGKILL

# QtTest is not imported: with it loaded, PySide6's import hook makes importing spaCy take ~50 s
APP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.ui.app import make_app
    from reader.ui.main_window import MainWindow
    from tests.ui.in_process import wait

    app = make_app()
    window = MainWindow(Path(sys.argv[1]), Path(sys.argv[2]))
    window.show()
    pane = window.pane
    wait(lambda: window.model.rowCount() == 2)
    window.browsing.show_article(sys.argv[3])
    wait(lambda: pane.view is not None and pane.view.article.id == sys.argv[3] and pane.view.analysis is not None)
    pane.setTextCursor(pane.document().find("President Bach had a vision"))
    window.menus.bookmark.trigger()
    wait(lambda: "Bookmarked" in window.status.state.text())
    print("acknowledged", flush=True)
    while True:  # alive, with the window up, until the test kills it
        app.processEvents()
        time.sleep(0.05)
""")


def test_an_acknowledged_bookmark_survives_kill_9(articles_dir, data_dir, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    log = tmp_path / "app.log"
    with (
        log.open("w") as err,
        subprocess.Popen(
            [sys.executable, "-c", APP, str(data_dir), str(articles_dir), SAMPLE_000],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        ) as proc,
    ):
        try:
            line = proc.stdout.readline()
            assert line.strip() == "acknowledged", log.read_text()
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == -signal.SIGKILL
    store = BookmarkStore(data_dir / "bookmarks.sqlite")
    try:
        [b] = store.all()
        assert (b.article_id, b.exact, b.speaker) == (SAMPLE_000, "President Bach had a vision", "Jack Ma")
    finally:
        store.close()
