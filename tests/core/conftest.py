"""Core fixtures: a library over a private copy of the samples, helpers to write article files, and spaCy
loaded once per kind of pipeline.

`articles_dir` and `data_dir` come from tests/conftest.py. Nothing here imports Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.analysis import Tagger, available_model
from reader.core.library import Library

# (model, notice, gazetteer) -> (pipeline, model name, notice, its lock), as the first Tagger of that kind loaded them
_PIPELINES: dict[tuple, tuple] = {}


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _touch_later(path: Path, seconds: int = 10) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


@pytest.fixture
def write():
    """write(path, text_or_bytes) -> path: text is written as UTF-8, bytes exactly as given."""
    return _write


@pytest.fixture
def touch_later():
    """touch_later(path): move the file's mtime forward so a stat-only scan sees a change."""
    return _touch_later


@pytest.fixture
def library(articles_dir, data_dir):
    lib = Library(articles_dir, data_dir)
    yield lib
    lib.close()


@pytest.fixture(autouse=True)
def spacy_loaded_once(monkeypatch):
    """Every Tagger of one kind (model, notice, gazetteer) shares the pipeline the first one loaded.

    The CLI and each new Library load spaCy anew, 0.2-0.5 s, as a process of their own does once; the core
    tests run them hundreds of times in one process. A pipeline tags the same whatever it tagged before
    (`analysis_fixtures.real_analyzer` shares one too), and Taggers sharing it share its lock. The first
    load of each kind still runs the real code, and the tests in child processes load as the app does.
    """
    load = Tagger._load

    def load_once(self):
        kind = (available_model(self.requested), self.expected_notice(), self.gazetteer.fingerprint)
        if kind not in _PIPELINES:
            _PIPELINES[kind] = (load(self), self.model_name, self.notice, self._using)
        nlp, self.model_name, self.notice, self._using = _PIPELINES[kind]
        return nlp

    monkeypatch.setattr(Tagger, "_load", load_once)
