"""Core fixtures: a library over a private copy of the samples, and helpers to write article files.

`articles_dir` and `data_dir` come from tests/conftest.py. Nothing here imports Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.library import Library


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
