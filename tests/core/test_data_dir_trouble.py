"""A read-only data dir or a full disk: a clear one-line message, and what can still work does."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from reader.core.bookmarks import BookmarkError, BookmarkStore
from reader.core.index import IndexUnsaved
from reader.core.library import Library
from tests.conftest import REPO, SAMPLE_000
from tests.trouble import full_disk, make_read_only, make_writable, unprivileged

QUOTE = "President Bach had a vision"


def _cli(*args, data_dir):
    return subprocess.run(
        [*unprivileged(), sys.executable, "-m", "reader", *map(str, args), "--data-dir", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def used_data_dir(articles_dir, data_dir):
    """A data dir with an index, an analysis cache and a bookmark, as a user's would be."""
    library = Library(articles_dir, data_dir)
    library.sync()
    library.analyze_all(n_process=1)
    library.add_bookmark_text(SAMPLE_000, QUOTE, note="for the report")
    library.close()
    return data_dir


@pytest.mark.slow  # child processes
def test_a_read_only_data_dir_still_searches_and_shows_bookmarks_but_changes_nothing(used_data_dir, articles_dir):
    bookmarks = used_data_dir / "bookmarks.sqlite"
    before = _digest(bookmarks)
    make_read_only(used_data_dir)
    try:
        out = _cli("search", "sponsor", "--json", "--articles", articles_dir, data_dir=used_data_dir)
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["total"] == 2
        assert out.stderr.strip().splitlines() == [
            f"note: the data folder {used_data_dir} cannot be written (it is read-only): nothing is saved, "
            "and the index is built in memory"
        ]

        out = _cli("bookmarks", "list", "--json", "--articles", articles_dir, data_dir=used_data_dir)
        assert out.returncode == 0, out.stderr
        assert [b["note"] for b in json.loads(out.stdout)] == ["for the report"]

        out = _cli(
            "bookmarks",
            "add",
            "--article",
            SAMPLE_000,
            "--text",
            "Alibaba",
            "--articles",
            articles_dir,
            data_dir=used_data_dir,
        )
        assert out.returncode == 2
        assert out.stderr.strip().splitlines()[-1] == (
            f"press-reader: bookmarks can't be saved: the data folder {used_data_dir} cannot be written "
            "(it is read-only)"
        )
        assert "Traceback" not in out.stderr
    finally:
        make_writable(used_data_dir)
    assert _digest(bookmarks) == before
    assert [b.note for b in BookmarkStore(bookmarks).all()] == ["for the report"]


def test_a_data_dir_that_cannot_be_made_still_lets_the_user_search(articles_dir, tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    make_read_only(parent)
    try:
        out = _cli("search", "Alibaba", "--json", "--articles", articles_dir, data_dir=parent / "data")
    finally:
        make_writable(parent)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total"] == 2
    assert "cannot be written" in out.stderr and "Traceback" not in out.stderr
    assert not (parent / "data").exists()


def test_a_full_disk_stops_the_update_with_one_line_and_keeps_the_index(library, articles_dir, write, monkeypatch):
    library.sync()
    write(articles_dir / "new.txt", "Quokka news\n\nThe quokka sponsor spoke.\n")
    with full_disk(monkeypatch), pytest.raises(IndexUnsaved) as info:
        library.sync()
    assert str(info.value) == ("the index could not be saved: the disk is full; searches use the index as it was")
    assert library.search("sponsor").total == 2  # what was committed before
    assert library.search("quokka").total == 0
    report = library.sync()  # space again: the lock was let go, and the update goes through
    assert report.added == 1 and library.search("quokka").total == 1


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="open files are listed in /proc on Linux")
def test_a_failed_update_holds_none_of_its_deleted_files_open(library, articles_dir, data_dir, write, monkeypatch):
    """The failed segment's files are deleted at once; a file still held open would keep its disk space."""
    library.sync()
    write(articles_dir / "new.txt", "Quokka news\n\nThe quokka sponsor spoke.\n")
    with full_disk(monkeypatch), pytest.raises(IndexUnsaved):
        library.sync()
    held = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor, closed by now
            held.append(os.readlink(f"/proc/self/fd/{fd}"))
    assert not [p for p in held if p.startswith(str(data_dir)) and p.endswith("(deleted)")]


def test_a_full_disk_at_first_launch_builds_the_index_in_memory_and_says_so(articles_dir, data_dir, monkeypatch):
    library = Library(articles_dir, data_dir)
    with full_disk(monkeypatch):
        assert library.sync().indexed == 2
    assert library.read_only == f"the data folder {data_dir} cannot be written (the disk is full)"
    assert library.search("Alibaba").total == 2
    with pytest.raises(BookmarkError, match="bookmarks can't be saved: .*the disk is full"):
        library.add_bookmark_text(SAMPLE_000, QUOTE)
    library.close()


def test_the_analysis_goes_on_when_its_cache_cannot_be_written(library):
    library.sync()
    db = sqlite3.connect(library.cache.path)
    db.execute(
        "CREATE TRIGGER full BEFORE INSERT ON analysis BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END"
    )
    db.commit()
    db.close()
    report = library.analyze_all(n_process=1)
    assert report.analyzed == 2
    assert all(r.quotes for r in library.rows())  # the list's counts still came
    assert library.cached_analysis(library.load(SAMPLE_000)) is not None  # kept for this run


def test_a_full_disk_refuses_a_bookmark_with_one_line_and_keeps_the_others(library, articles_dir):
    library.sync()
    first = library.add_bookmark_text(SAMPLE_000, QUOTE)
    store = library.bookmarks
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count={pages}")  # SQLite's own "database or disk is full"
    with pytest.raises(BookmarkError) as info:
        for _ in range(200):  # until the file must grow
            library.add_bookmark_text(SAMPLE_000, "Alibaba", note="x" * 2000)
    assert str(info.value) == "the disk is full: the bookmark change was not saved"
    assert store.get(first.id).exact == first.exact


_KILLED_AFTER_BOOKMARKING = """
import os, signal, sys
from pathlib import Path
from reader.core.library import Library
library = Library(Path(sys.argv[1]), Path(sys.argv[2]))
for text in sys.argv[4:]:
    library.add_bookmark_text(sys.argv[3], text)
if os.environ.get("CLOSE"):
    library.close()  # a clean end: SQLite moves the WAL into the file
else:
    os.kill(os.getpid(), signal.SIGKILL)  # the app killed: the bookmarks are committed, in the WAL
"""


def _bookmark_in_a_process(articles_dir, data_dir, *texts, close=False):
    env = {**os.environ, "PRESS_READER_MODEL": "none", **({"CLOSE": "1"} if close else {})}
    subprocess.run(
        [sys.executable, "-c", _KILLED_AFTER_BOOKMARKING, str(articles_dir), str(data_dir), SAMPLE_000, *texts],
        cwd=REPO,
        env=env,
        timeout=120,
    )


@pytest.mark.slow  # child processes
@pytest.mark.parametrize("saved_cleanly", [[], ["Alibaba co-founder"]], ids=["none-in-the-file", "one-in-the-file"])
def test_a_read_only_data_dir_shows_the_bookmarks_still_in_the_wal(articles_dir, data_dir, tmp_path, saved_cleanly):
    if saved_cleanly:
        _bookmark_in_a_process(articles_dir, data_dir, *saved_cleanly, close=True)
    in_wal = ["President Bach had a vision", "Cloud Services"]
    _bookmark_in_a_process(articles_dir, data_dir, *in_wal)
    assert (data_dir / "bookmarks.sqlite-wal").stat().st_size > 0  # the app was killed: they are in the WAL
    before = {p.name: _digest(p) for p in data_dir.iterdir() if p.is_file()}
    make_read_only(data_dir)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    try:
        out = subprocess.run(
            [
                *unprivileged(),
                sys.executable,
                "-m",
                "reader",
                "bookmarks",
                "list",
                "--json",
                "--articles",
                str(articles_dir),
                "--data-dir",
                str(data_dir),
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=180,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
    finally:
        make_writable(data_dir)
    assert out.returncode == 0, out.stderr
    assert [b["quote"] for b in json.loads(out.stdout)] == saved_cleanly + in_wal
    assert "read-only" in out.stderr and "older Press Reader" not in out.stderr
    assert {p.name: _digest(p) for p in data_dir.iterdir() if p.is_file()} == before  # nothing written there
    assert list(tmp.iterdir()) == []  # the private copy is gone
