"""The window keeps spaCy out of its own process: the article opened and the library pass are analyzed by
worker processes, so the window's memory and its UI thread are spared spaCy. In a new process, since this
one has spaCy loaded by other tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

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
    window.analysis_finished.connect(lambda report: seen.setdefault("report", report))
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
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(articles_dir), str(data_dir)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    article, highlighted, analyzed, spacy_here = out.stdout.split()
    assert article.endswith(".txt")
    assert (highlighted, analyzed, spacy_here) == ("True", "2", "False")
