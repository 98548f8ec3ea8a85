"""The window with a read-only data dir, or a full disk: it says so in one line and goes on working."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from reader.core.library import Library
from tests.conftest import REPO, SAMPLE_000
from tests.trouble import full_disk, make_read_only, make_writable, unprivileged

# QtTest is not imported: with it loaded, PySide6's import hook makes importing spaCy take ~50 s
APP = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from reader.ui.app import make_app
    from reader.ui.main_window import MainWindow
    from tests.ui import in_process

    def wait(condition):
        in_process.wait(condition, why=lambda: f"; status: {window.status.state.text()}")

    app = make_app()
    window = MainWindow(Path(sys.argv[1]), Path(sys.argv[2]))
    window.show()
    synced = []
    window.session.synced.connect(synced.append)
    wait(lambda: synced)
    out = {"status": window.status.state.text(), "rows": window.model.rowCount(),
           "bookmarks": len(window.bookmarking.panel.model.items)}
    found = []
    window.browsing.search_finished.connect(found.append)
    window.search_bar.set_text("sponsor")
    wait(lambda: found and found[-1] is not None)
    out["hits"] = window.model.rowCount()
    window.browsing.show_article(sys.argv[3])
    pane = window.pane
    wait(lambda: pane.view is not None and pane.view.article.id == sys.argv[3] and pane.view.analysis is not None)
    pane.setTextCursor(pane.document().find("multimillion dollar partnership"))
    window.menus.bookmark.trigger()
    wait(lambda: "Could not bookmark" in window.status.state.text() or "Bookmarked" in window.status.state.text())
    out["bookmark"] = window.status.state.text()
    print(json.dumps(out), flush=True)
    window.close()
""")


@pytest.mark.slow  # an app process
def test_a_read_only_data_dir_opens_searches_and_refuses_bookmarks_in_one_line(articles_dir, data_dir, tmp_path):
    library = Library(articles_dir, data_dir)
    library.sync()
    library.add_bookmark_text(SAMPLE_000, "President Bach had a vision")
    library.close()
    make_read_only(data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    try:
        out = subprocess.run(
            [*unprivileged(), sys.executable, "-c", APP, str(data_dir), str(articles_dir), SAMPLE_000],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        make_writable(data_dir)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["status"].startswith(
        f"Read-only: the data folder {data_dir} cannot be written (it is read-only); "
        "bookmarks can't be changed · Index up to date · 2 articles"
    )
    assert seen["rows"] == 2 and seen["hits"] == 2
    assert seen["bookmarks"] == 1  # the saved one is shown
    assert seen["bookmark"] == (
        f"Could not bookmark: bookmarks can't be saved: the data folder {data_dir} cannot be written (it is read-only)"
    )
    assert "Traceback" not in out.stderr


# A Whoosh writer that fails half-way leaves some of its files for Python to close when the writer is freed,
# just after the failure: that is the ResourceWarning, not a leak.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_stops_an_update_with_one_line_and_the_window_keeps_working(
    open_window, articles_dir, qtbot, monkeypatch
):
    window = open_window(articles_dir)
    (articles_dir / "new.txt").write_text("Quokka news\n\nThe quokka sponsor spoke.\n")
    with full_disk(monkeypatch):
        window.session.sync(quiet=True)
        qtbot.waitUntil(lambda: not window.session.indexing, timeout=30_000)
    assert window.status.state.text() == (
        "Indexing stopped: the index could not be saved: the disk is full; searches use the index as it was"
    )
    assert window.status.state.property("kind") == "error"
    with qtbot.waitSignal(window.browsing.search_finished, timeout=10_000):
        window.search_bar.set_text("Alibaba")
    assert window.model.rowCount() == 2
    with qtbot.waitSignal(window.session.synced, timeout=30_000):  # space again: the next update goes through
        window.session.sync(quiet=True)
    assert "new.txt" in {r.id for r in window.model.library_rows()}
