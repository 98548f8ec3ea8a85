"""The window keeps spaCy out of its own process: the article opened and the library pass are analyzed by
worker processes, so the window's memory and its UI thread are spared spaCy (checked in a new process,
since this one has spaCy loaded by other tests); and those processes wait while the index is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QTimer

from reader.core.analysis import close_shared, shared_analyzer
from reader.ui.session import ANALYSIS_WORKERS

pytestmark = pytest.mark.slow  # spaCy's model loaded in worker processes

SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from reader.core.analysis import close_shared
    from reader.ui.app import make_app
    from reader.ui.main_window import MainWindow

    app = make_app(["test"])
    window = MainWindow(Path(sys.argv[2]), Path(sys.argv[1]))
    seen = {}
    window.session.analysed.connect(lambda report: seen.setdefault("report", report))
    window.show()
    deadline = time.monotonic() + 240
    def shown():
        view = window.pane.view
        return view is not None and view.analysis is not None
    while not ("report" in seen and shown()) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    view = window.pane.view
    print(view.article.id, len(view.analysis.speeches) > 0, seen["report"].analyzed + seen["report"].cached,
          "spacy" in sys.modules)
    window.close()
    close_shared()
""")


def test_the_window_analyzes_in_worker_processes_only(articles_dir, data_dir, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(articles_dir), str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    article, highlighted, analyzed, spacy_here = out.stdout.split()
    assert article.endswith(".txt")
    assert (highlighted, analyzed, spacy_here) == ("True", "2", "False")


def test_an_article_opened_while_indexing_gets_its_highlights_when_indexing_ends(open_window, qtbot, tmp_path):
    """spaCy's processes do not start beside the index writers: the article shows its text, then its quote."""
    close_shared()  # no workers left running by earlier tests
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(600):  # enough for the index's own writer processes and a build of a second or more
        (folder / f"{n:03}.txt").write_text(
            f"Sponsor {n} renews\n\nThe brand signed again this week.\n\n"
            f'"We are proud to back the games again," said Anna Berg.\n',
            encoding="utf-8",
        )
    service = shared_analyzer(ANALYSIS_WORKERS).service
    shown, spacy_while_indexing = [], []
    window = open_window(folder, wait=False)
    window.reading.article_shown.connect(
        lambda aid: shown.append((window.session.indexing, window.pane.view.analysis is not None))
    )
    poll = QTimer(interval=10)
    poll.timeout.connect(lambda: spacy_while_indexing.append(service.running()) if window.session.indexing else None)
    poll.start()
    with qtbot.waitSignal(window.session.synced, timeout=240_000):
        pass
    poll.stop()
    assert any(indexing for indexing, _ in shown), "the first article should have been shown while indexing"
    assert not any(highlighted for indexing, highlighted in shown if indexing)
    assert spacy_while_indexing and not any(spacy_while_indexing)
    qtbot.waitUntil(lambda: shown[-1][1], timeout=120_000)
    assert window.pane.view.analysis.speeches  # the quote, once indexing ended
