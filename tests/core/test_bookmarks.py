"""Bookmarked quotes: the SQLite store (fields, migration, refusals, durability, two processes at once)
and the Library around it (speakers, re-anchoring after the article file changes, sync).

Real SQLite files in tmp dirs, real article files, and the shared spaCy analyzer where speakers matter.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import articles
from reader.core.bookmarks import (
    ARTICLE_MISSING,
    OK,
    SCHEMA_VERSION,
    TEXT_CHANGED,
    Bookmark,
    BookmarkError,
    BookmarkStore,
)
from reader.core.library import BOOKMARKS_FILE, Library, ReanchorReport
from tests.core.analysis_fixtures import REPO, SAMPLE_000, SAMPLE_002, real_analyzer

HONOURED = "Alibaba is very honoured to join with you to move the Olympics to the next stage"
VISION = '"President Bach had a vision,"'
ISO_UTC = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "data" / "bookmarks.sqlite"


@pytest.fixture
def store(store_path):
    s = BookmarkStore(store_path)
    yield s
    s.close()


@pytest.fixture
def article(articles_dir):
    return articles.load(articles_dir / SAMPLE_002, articles_dir)


@pytest.fixture
def lib(articles_dir, data_dir):
    library = Library(articles_dir, data_dir, analyzer=real_analyzer())
    yield library
    library.close()


def span(article, text: str) -> tuple[int, int]:
    start = article.body.index(text)
    return start, start + len(text)


def db_rows(path: Path, sql: str):
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


V1_SCHEMA = """
CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, exact TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', created TEXT NOT NULL)
"""


def version_1_file(path: Path, rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute(V1_SCHEMA)
    db.executemany("INSERT INTO bookmarks VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()


# ---------------------------------------------------------------- the store


def test_add_stores_every_field_and_reads_them_back(store, store_path, article, articles_dir):
    start, end = span(article, HONOURED)
    added = store.add(
        article,
        start,
        end,
        folder=articles_dir,
        speaker="Jack Ma",
        note="for the report",
        tags=[" cloud ", "IOC", "", "cloud", "ioc"],
    )
    assert isinstance(added, Bookmark) and added.id >= 1
    assert added.folder == str(articles_dir.resolve())
    assert (added.article_id, added.content_hash) == (SAMPLE_002, article.content_hash)
    assert (added.exact, added.start, added.end) == (HONOURED, start, end)
    assert added.prefix == article.body[start - 32 : start] and added.suffix == article.body[end : end + 32]
    assert (added.speaker, added.note, added.tags) == ("Jack Ma", "for the report", ("cloud", "IOC", "ioc"))
    assert (added.title, added.source, added.date, added.status) == (article.title, article.source, "2019-01-23", OK)
    assert re.fullmatch(ISO_UTC, added.created)
    assert added.path == articles_dir.resolve() / SAMPLE_002
    store.close()
    again = BookmarkStore(store_path)  # from the file, not from memory
    try:
        assert again.get(added.id) == added
        assert again.all() == [added]
        assert again.for_article(articles_dir, SAMPLE_002) == [added]
        assert again.for_article(articles_dir, SAMPLE_000) == []
        assert again.in_folder(articles_dir) == [added]
        assert again.in_folder(articles_dir.parent) == []
        assert again.get(added.id + 1) is None
    finally:
        again.close()


def test_to_json(store, article, articles_dir):
    b = store.add(article, *span(article, HONOURED), folder=articles_dir, speaker="Jack Ma", tags=["a"])
    out = b.to_json()
    assert {
        "quote",
        "speaker",
        "title",
        "source",
        "date",
        "path",
        "note",
        "tags",
        "created",
        "status",
        "article_id",
        "start",
        "end",
    } <= set(out)
    assert (out["quote"], out["speaker"], out["tags"], out["status"]) == (HONOURED, "Jack Ma", ["a"], "ok")
    assert out["path"] == str(articles_dir.resolve() / SAMPLE_002)
    assert json.loads(json.dumps(out)) == out


def test_all_is_oldest_first_and_for_article_in_text_order(store, article, articles_dir):
    late = store.add(article, *span(article, HONOURED), folder=articles_dir)
    early = store.add(article, 0, 11, folder=articles_dir)
    assert [b.id for b in store.all()] == [late.id, early.id]
    assert [b.id for b in store.for_article(articles_dir, SAMPLE_002)] == [early.id, late.id]


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 3), (0, 10**6)])
def test_add_refuses_a_span_outside_the_text(store, article, articles_dir, start, end):
    with pytest.raises(BookmarkError, match="no such passage"):
        store.add(article, start, end, folder=articles_dir)
    assert store.all() == []


def test_update_note_and_tags(store, store_path, article, articles_dir):
    b = store.add(article, 0, 11, folder=articles_dir, note="first", tags=["x"])
    assert store.update(b.id, note="second").tags == ("x",)  # tags left alone
    changed = store.update(b.id, tags=["y", " z ", "y"])
    assert (changed.note, changed.tags) == ("second", ("y", "z"))
    assert store.update(b.id, note="", tags=[]) == store.get(b.id)
    assert (store.get(b.id).note, store.get(b.id).tags) == ("", ())
    assert db_rows(store_path, f"SELECT note, tags FROM bookmarks WHERE id = {b.id}") == [("", "[]")]
    with pytest.raises(BookmarkError, match="no bookmark #999"):
        store.update(999, note="x")


def test_delete_then_restore_brings_back_the_same_bookmark(store, article, articles_dir):
    keep = store.add(article, 0, 11, folder=articles_dir)
    b = store.add(article, *span(article, HONOURED), folder=articles_dir, speaker="Jack Ma", note="n", tags=["t"])
    deleted = store.delete(b.id)
    assert deleted == b
    assert store.get(b.id) is None and store.all() == [keep]
    newer = store.add(article, 5, 9, folder=articles_dir)  # the deleted id is not handed out again
    assert newer.id not in (keep.id, b.id)
    assert store.restore(deleted) == b
    assert store.get(b.id) == b
    assert [x.id for x in store.all()] == [keep.id, b.id, newer.id]
    with pytest.raises(BookmarkError):
        store.restore(deleted)  # it is there already
    with pytest.raises(BookmarkError, match="no bookmark"):
        store.delete(12345)


def test_file_is_in_wal_mode(store, store_path, article, articles_dir):
    store.add(article, 0, 11, folder=articles_dir)
    assert db_rows(store_path, "PRAGMA journal_mode") == [("wal",)]
    assert db_rows(store_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_version_1_file_is_migrated_keeping_every_row(store_path, articles_dir):
    version_1_file(
        store_path,
        [
            (3, SAMPLE_002, HONOURED, 445, 526, "old note", "2024-02-01T10:00:00Z"),
            (7, "gone.txt", "a passage from a file since deleted", 0, 36, "", "2024-03-01T10:00:00Z"),
        ],
    )
    store = BookmarkStore(store_path)
    try:
        rows = store.all()
        assert [(b.id, b.article_id, b.exact, b.start, b.end, b.note, b.created) for b in rows] == [
            (3, SAMPLE_002, HONOURED, 445, 526, "old note", "2024-02-01T10:00:00Z"),
            (7, "gone.txt", "a passage from a file since deleted", 0, 36, "", "2024-03-01T10:00:00Z"),
        ]
        assert all(b.folder == "" and b.content_hash == "" and b.status == OK and b.tags == () for b in rows)
        assert store.unclaimed() == rows
        assert store.add(articles.load(articles_dir / SAMPLE_000, articles_dir), 0, 7, folder=articles_dir).id == 8
    finally:
        store.close()
    assert db_rows(store_path, "PRAGMA user_version") == [(2,)]
    assert db_rows(store_path, "PRAGMA integrity_check") == [("ok",)]


def test_file_from_a_newer_version_is_refused_and_left_as_it_is(store_path):
    version_1_file(store_path, [(1, SAMPLE_002, HONOURED, 445, 526, "", "2024-02-01T10:00:00Z")])
    db = sqlite3.connect(store_path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = store_path.read_bytes()
    with pytest.raises(BookmarkError, match="was written by a newer Press Reader") as caught:
        BookmarkStore(store_path)
    assert "\n" not in str(caught.value)
    assert store_path.read_bytes() == before
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["bookmarks.sqlite"]


def test_damaged_file_is_refused_and_never_replaced(store_path):
    store_path.parent.mkdir(parents=True)
    garbage = b"these are not the bookmarks you are looking for\n" * 100
    store_path.write_bytes(garbage)
    with pytest.raises(BookmarkError, match="cannot be read") as caught:
        BookmarkStore(store_path)
    assert "\n" not in str(caught.value)
    assert store_path.read_bytes() == garbage


def _python(script: str, *args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_bookmark_that_add_returned_survives_kill_9(store_path, articles_dir):
    proc = _python(
        """
        import sys, time
        from pathlib import Path
        from reader.core.articles import load
        from reader.core.bookmarks import BookmarkStore
        store = BookmarkStore(Path(sys.argv[1]))
        folder = Path(sys.argv[2])
        b = store.add(load(folder / sys.argv[3], folder), 0, 20, folder=folder, note="survives")
        print(b.id, flush=True)
        time.sleep(60)
    """,
        store_path,
        articles_dir,
        SAMPLE_002,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip().isdigit(), proc.stderr.read() if proc.poll() is not None else line
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    store = BookmarkStore(store_path)
    try:
        found = store.get(int(line))
        assert found is not None and found.note == "survives" and found.article_id == SAMPLE_002
    finally:
        store.close()


@pytest.mark.slow  # child processes
def test_two_processes_adding_at_once(store_path, articles_dir, tmp_path):
    script = """
        import sys, time
        from pathlib import Path
        from reader.core.articles import load
        from reader.core.bookmarks import BookmarkStore
        path, folder, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
        me, other = Path(sys.argv[4]), Path(sys.argv[5])
        article = load(folder / name, folder)
        me.touch()
        deadline = time.monotonic() + 30
        while not other.exists() and time.monotonic() < deadline:  # start together
            time.sleep(0.001)
        store = BookmarkStore(path)  # both may create the file
        for i in range(50):
            store.add(article, i, i + 10, folder=folder, note=me.name)
        store.close()
    """
    ready = [tmp_path / "ready-a", tmp_path / "ready-b"]
    procs = [
        _python(script, store_path, articles_dir, SAMPLE_002, ready[0], ready[1]),
        _python(script, store_path, articles_dir, SAMPLE_002, ready[1], ready[0]),
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert db_rows(store_path, "SELECT note, COUNT(*) FROM bookmarks GROUP BY note ORDER BY note") == [
        ("ready-a", 50),
        ("ready-b", 50),
    ]
    assert db_rows(store_path, "PRAGMA integrity_check") == [("ok",)]
    assert db_rows(store_path, "SELECT COUNT(DISTINCT id) FROM bookmarks") == [(100,)]


# ---------------------------------------------------------------- the library


def test_library_bookmark_inside_a_quote_gets_its_speaker(lib, articles_dir, data_dir):
    article = lib.load(SAMPLE_000)
    start, end = span(article, "President Bach had a vision")  # inside Ma's quote, without its marks
    b = lib.add_bookmark(article, start, end, note="n", tags=["vision"])
    assert (b.speaker, b.exact, b.note, b.tags) == ("Jack Ma", "President Bach had a vision", "n", ("vision",))
    assert b.folder == str(articles_dir.resolve()) and b.path == articles_dir.resolve() / SAMPLE_000
    assert (data_dir / BOOKMARKS_FILE).is_file()
    assert lib.bookmarks_for(article) == [b]
    assert lib.bookmarks_for(lib.load(SAMPLE_002)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese e-commerce giants signed a multimillion dollar partnership",  # narration
        '"turnkey"',  # a quoted term has no speaker
        'vision," Ma said',  # runs out of the quote
    ],
)
def test_library_bookmark_outside_speech_has_no_speaker(lib, text):
    article = lib.load(SAMPLE_000)
    assert lib.add_bookmark(article, *span(article, text)).speaker is None


def test_library_bookmark_by_text(lib, articles_dir):
    b = lib.add_bookmark_text(articles_dir / SAMPLE_002, "Alibaba is very  honoured\nto join with you")
    assert (b.article_id, b.exact, b.speaker) == (SAMPLE_002, "Alibaba is very honoured to join with you", "Jack Ma")
    assert lib.add_bookmark_text(SAMPLE_002, "Alibaba is very honoured").article_id == SAMPLE_002
    with pytest.raises(BookmarkError, match=f"^the text is not in {SAMPLE_002}: “Alibaba is very humbled”$"):
        lib.add_bookmark_text(SAMPLE_002, "Alibaba is very humbled")
    with pytest.raises(BookmarkError, match="…”$"):
        lib.add_bookmark_text(SAMPLE_002, "x" * 80)
    assert len(lib.bookmarks.all()) == 2


def test_reanchor_follows_the_article_file(lib, articles_dir, write):
    article = lib.load(SAMPLE_000)
    vision = lib.add_bookmark(article, *span(article, VISION))
    closing = lib.add_bookmark(article, *span(article, "If someone has an idea, technology can make it happen."))
    other = lib.add_bookmark(lib.load(SAMPLE_002), 0, 31)
    assert lib.reanchor_bookmarks() == ReanchorReport(checked=3)  # nothing changed

    path = articles_dir / SAMPLE_000
    text = path.read_text("utf-8")
    inserted = "An editor's note: this article was updated with a paragraph above the quotes.\n\n"
    write(
        path,
        text.replace(VISION, inserted + VISION).replace(
            '"If someone has an idea, technology can make it happen."', '"Thank you."'
        ),
    )
    report = lib.reanchor_bookmarks()
    assert report == ReanchorReport(checked=3, moved=1, changed=1)
    edited = lib.load(SAMPLE_000)
    moved = lib.bookmarks.get(vision.id)
    assert (moved.status, moved.exact) == (OK, VISION)
    assert moved.start == vision.start + len(inserted) and edited.body[moved.start : moved.end] == VISION
    assert moved.content_hash == edited.content_hash != vision.content_hash
    assert moved.speaker == "Jack Ma"
    gone = lib.bookmarks.get(closing.id)  # kept, with what it quoted
    assert (gone.status, gone.exact, gone.start) == (TEXT_CHANGED, closing.exact, closing.start)
    assert lib.reanchor_bookmarks() == ReanchorReport(checked=3)  # said once

    write(path, text)  # the edit undone
    assert lib.reanchor_bookmarks() == ReanchorReport(checked=3, moved=1, restored=1)  # back where it was
    assert lib.bookmarks.get(closing.id).status == OK
    assert lib.bookmarks.get(vision.id).start == vision.start

    (articles_dir / SAMPLE_002).unlink()
    assert lib.reanchor_bookmarks() == ReanchorReport(checked=3, missing=1)
    missing = lib.bookmarks.get(other.id)
    assert (missing.status, missing.exact) == (ARTICLE_MISSING, other.exact)


def test_sync_reanchors_and_reports_it(lib, articles_dir, write):
    lib.sync()
    assert lib.sync().bookmarks is None  # no bookmarks yet: no file made for them
    assert not (lib.data_dir / BOOKMARKS_FILE).exists()
    article = lib.load(SAMPLE_000)
    b = lib.add_bookmark(article, *span(article, VISION))
    quiet = lib.sync()
    assert quiet.bookmarks == ReanchorReport(checked=1) and "bookmarks" not in quiet.to_json()
    path = articles_dir / SAMPLE_000
    write(path, "A new first paragraph.\n\n" + path.read_text("utf-8"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**10))
    report = lib.sync()
    assert report.changed == 1
    assert report.bookmarks == ReanchorReport(checked=1, moved=1)
    assert report.to_json()["bookmarks"] == {"checked": 1, "moved": 1, "changed": 0, "missing": 0, "restored": 0}
    assert lib.bookmarks.get(b.id).start > b.start


def test_a_damaged_bookmarks_file_does_not_stop_sync(articles_dir, data_dir):
    data_dir.mkdir(parents=True)
    garbage = b"not sqlite at all\n" * 200
    (data_dir / BOOKMARKS_FILE).write_bytes(garbage)
    library = Library(articles_dir, data_dir)
    try:
        report = library.sync()
        assert report.indexed == 2
        assert "cannot be read" in report.bookmarks.error
        assert "cannot be read" in report.to_json()["bookmarks"]["error"]
    finally:
        library.close()
    assert (data_dir / BOOKMARKS_FILE).read_bytes() == garbage


def test_version_1_bookmarks_are_adopted_by_the_folder_that_has_their_passage(lib, articles_dir, data_dir):
    body = lib.load(SAMPLE_002).body
    start = body.index(HONOURED)
    version_1_file(
        data_dir / BOOKMARKS_FILE,
        [
            (1, SAMPLE_002, HONOURED, start - 7, start - 7 + len(HONOURED), "", "2024-02-01T10:00:00Z"),
            (2, SAMPLE_002, "words that are in no article here", 0, 34, "", "2024-02-01T10:00:00Z"),
            (3, "elsewhere.txt", "a file of another folder", 0, 24, "", "2024-02-01T10:00:00Z"),
        ],
    )
    report = lib.reanchor_bookmarks()
    assert (report.checked, report.moved, report.changed) == (2, 1, 0)
    adopted = lib.bookmarks.get(1)
    assert adopted.folder == str(articles_dir.resolve()) and adopted.start == start
    assert adopted.title == lib.load(SAMPLE_002).title and adopted.prefix
    assert [b.id for b in lib.bookmarks.unclaimed()] == [2, 3]  # left for another folder, unchanged
    assert lib.bookmarks.get(2).status == OK
