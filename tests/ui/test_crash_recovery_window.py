"""After `press-reader index` was killed with SIGKILL in the middle of a first build, the window opens on the
library as usual and lists every article. The kill points and the core checks are in
tests/core/test_crash_recovery.py; this is the same recovery seen through the window."""

import shutil
import subprocess
import sys

import pytest

from bench.corpus import generate
from reader.core.analysis import NO_MODEL, Analyzer
from reader.core.library import Library
from tests.conftest import REPO, SAMPLE_000, SAMPLE_002, SAMPLES
from tests.core.test_crash_recovery import DRIVER, _env, _guard, _index_args, _kill, _still_running
from tests.ui.helpers import search, visible_ids

pytestmark = pytest.mark.slow  # a generated library whose build is killed with SIGKILL

GENERATED = 300


def test_the_window_after_a_build_killed_midway_lists_every_article(open_window, tmp_path, data_dir, qtbot):
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    generate(GENERATED, folder)
    (folder / "late.txt").write_text("The late story\n\nA quokka signed a sponsorship deal.\n", encoding="utf-8")
    seeded = Library(folder, data_dir, analyzer=Analyzer(model=NO_MODEL))
    article = seeded.load(SAMPLE_000)
    start = article.body.index("President Bach had a vision")
    seeded.bookmarks.add(article, start, start + len("President Bach had a vision"), folder=seeded.root)
    seeded.close()

    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, "added", "150", *_index_args(folder, data_dir)],
        cwd=REPO,
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    with _guard(proc):
        assert proc.stdout.readline().strip() == "STOPPED added 150"
        children = _kill(proc)  # with the index's writer processes at work
    assert _still_running(children, 3.0) == []

    window = open_window(folder)
    assert window.model.article_count() == GENERATED + 3
    assert window.status.state.text().startswith(f"Index up to date · {GENERATED + 3:,} articles")
    search(qtbot, window, "quokka")
    assert visible_ids(window) == ["late.txt"]
    search(qtbot, window, '"Alibaba is very honoured"')
    assert visible_ids(window) == [SAMPLE_002]
    assert [(b.article_id, b.exact) for b in window.session.library.bookmarks.all()] == [
        (SAMPLE_000, "President Bach had a vision")
    ]
