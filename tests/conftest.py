"""Shared fixtures. Nothing here imports Qt, so the core tests run without a QApplication."""

import os
import shutil
from pathlib import Path

import pytest

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


_modules_at_freeze = 0


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Leave what the session keeps for good (modules, spaCy's model) out of later full collections."""
    import gc
    import sys
    global _modules_at_freeze
    if len(sys.modules) != _modules_at_freeze:
        gc.collect()
        gc.freeze()
        _modules_at_freeze = len(sys.modules)
