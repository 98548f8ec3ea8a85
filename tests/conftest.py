"""Shared fixtures: private copies of the samples, a data dir, and what the fast lane shares for a whole session
(the analysis by the built-in lists alone, the samples indexed once). Nothing here imports Qt, so the core tests
run without a QApplication.

`pytest -m "not slow"` is the fast lane; `pytest -m "not slow" -p tests.touched` also checks that it
exercised every module of reader/.
"""

import os
import shutil
from pathlib import Path

import pytest

from reader.core.analysis import NO_MODEL, Analyzer
from reader.core.library import Library
from tests.lane import pytest_cmdline_main  # noqa: F401 - the fast lane on two workers (pytest calls it here)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "articles"
SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    """A private copy of the bundled sample articles."""
    target = tmp_path / "articles"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh user data dir, also exported so nothing falls back to the real one."""
    target = tmp_path / "data"
    monkeypatch.setenv("PRESS_READER_DATA_DIR", str(target))
    return target


@pytest.fixture(scope="session")
def gazetteer_analyzer():
    """The analysis without spaCy's model ($PRESS_READER_MODEL=none), loaded once: every quote, its speaker
    when the built-in lists name them, and the lists' entities."""
    analyzer = Analyzer(model=NO_MODEL)
    analyzer.load()
    return analyzer


@pytest.fixture(scope="session")
def sample_library(tmp_path_factory, gazetteer_analyzer):
    """The two samples in a folder and data dir of their own, indexed and analyzed (by the built-in lists)
    once per session. Only to read: a test that changes articles, bookmarks or the index uses `library`."""
    root = tmp_path_factory.mktemp("samples")
    shutil.copytree(SAMPLES, root / "articles")
    library = Library(root / "articles", root / "data", analyzer=gazetteer_analyzer)
    library.sync()
    library.analyze_all()
    yield library
    library.close()


_modules_at_freeze = 0


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Leave what the session keeps for good (modules, spaCy's pipelines) out of later full collections.

    The index calls gc.collect() when it opens a new index; with spaCy and Qt loaded each one walked
    150,000 objects and more, a quarter of a second per test (the app freezes its heap too: settle_heap).
    After each test that imported something, what is left is collected once and frozen.
    """
    import gc
    import sys

    global _modules_at_freeze
    if len(sys.modules) != _modules_at_freeze:
        gc.collect()
        gc.freeze()
        _modules_at_freeze = len(sys.modules)
