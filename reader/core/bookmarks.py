"""Bookmarked quotes, kept in SQLite in the user data dir: the only data there that is not a cache.

Each bookmark holds enough to find its passage again after the article changes (see anchoring.py) and
enough to cite it when the article is gone. Every write is committed before the method returns.
"""

from __future__ import annotations

import datetime as _dt
import json
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .anchoring import selector_for
from .errors import ReaderError
from .model import Article

OK, TEXT_CHANGED, ARTICLE_MISSING = "ok", "text changed", "article missing"
SCHEMA_VERSION = 2
BUSY_SECONDS = 10  # how long to wait for another process (the app, a CLI run) to finish writing

# PRAGMA user_version -> the statements that bring a file from the version before it to that one
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL,
            exact TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        )""",
    ),
    # Version 2 adds the folder, selector, citation and status columns, and rebuilds the table with
    # AUTOINCREMENT so that an id deleted, then restored by undo, is never given to another bookmark.
    # Version 1 knew one folder and no selector. Its rows get folder '' (unknown: the first library
    # that finds the passage in a file of that name adopts them) and status 'ok' with an empty hash,
    # which never equals an article's hash, so the first re-anchoring checks each of them.
    2: (
        """
        CREATE TABLE bookmarks_2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            folder TEXT NOT NULL,
            article_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            speaker TEXT,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            date TEXT,
            status TEXT NOT NULL
        )""",
        f"""INSERT INTO bookmarks_2 (id, folder, article_id, content_hash, exact, prefix, suffix, start, end,
                                     note, created, status)
            SELECT id, '', article_id, '', exact, '', '', start, end, note, created, '{OK}' FROM bookmarks""",
        "DROP TABLE bookmarks",
        "ALTER TABLE bookmarks_2 RENAME TO bookmarks",
        "CREATE INDEX bookmarks_by_article ON bookmarks (folder, article_id)",
    ),
}
_COLUMNS = (
    "id",
    "folder",
    "article_id",
    "content_hash",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "speaker",
    "note",
    "tags",
    "created",
    "title",
    "source",
    "date",
    "status",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM bookmarks"


class BookmarkError(ReaderError):
    """A bookmark or the bookmarks file cannot be used; told to the user in one line."""


@dataclass(frozen=True)
class Bookmark:
    """A passage of an article: body[start:end] == exact when the article was last checked (status OK)."""

    id: int
    folder: str
    article_id: str
    content_hash: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    speaker: str | None
    note: str
    tags: tuple[str, ...]
    created: str  # ISO 8601 UTC, e.g. "2026-11-23T13:40:05Z"
    title: str
    source: str
    date: str | None
    status: str

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.article_id

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "quote": self.exact,
            "speaker": self.speaker,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "path": str(self.path),
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "status": self.status,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
        }


class BookmarkStore:
    """One SQLite file (WAL, synchronous=FULL), safe to share between threads and processes."""

    def __init__(self, path: Path, read_only: str | None = None):
        """With `read_only` (why the file cannot be written), the bookmarks are shown and nothing is written:
        each change is refused with that reason."""
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.Lock()
        self._copy: Path | None = None  # read-only: a private copy of the file and its WAL, opened instead
        try:
            if read_only:
                self._db = self._open_read_only()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(
                    str(self.path), timeout=BUSY_SECONDS, check_same_thread=False, isolation_level=None
                )  # autocommit: each statement is durable
        except (sqlite3.Error, OSError) as exc:
            self._drop_copy()
            raise BookmarkError(f"cannot open the bookmarks file {self.path}: {exc}") from None
        try:
            if read_only and self._copy is None:
                self._prepare_read_only()
            else:  # the file itself, or a private copy of it, which may be brought up to date
                self._prepare()
        except BookmarkError:
            self.close()
            raise
        except sqlite3.Error as exc:  # never repaired or replaced: the bookmarks are the user's
            self.close()
            raise BookmarkError(f"the bookmarks file {self.path} cannot be read: {exc}") from None

    def _open_read_only(self) -> sqlite3.Connection:
        """A connection that sees every committed bookmark, including those still in the WAL after a crash.

        SQLite cannot read a WAL it may not write beside, and `immutable=1` ignores the WAL: so the file and
        its WAL are copied to a private temporary folder and the copy is opened. Only if that copy cannot be
        made (no space for it) is the file itself opened, as it is without its WAL.
        """
        if not self.path.exists():
            return sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        try:
            self._copy = Path(tempfile.mkdtemp(prefix="press-reader-bookmarks-"))
            for suffix in ("", "-wal"):
                source = self.path.with_name(self.path.name + suffix)
                if source.exists():
                    shutil.copyfile(source, self._copy / source.name)
            return sqlite3.connect(str(self._copy / self.path.name), check_same_thread=False, isolation_level=None)
        except OSError:
            self._drop_copy()
            return sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False, isolation_level=None
            )

    def _drop_copy(self) -> None:
        if self._copy is not None:
            shutil.rmtree(self._copy, ignore_errors=True)
            self._copy = None

    def _prepare(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        self._refuse_newer(version)  # before anything is written to it
        deadline = time.monotonic() + BUSY_SECONDS
        while True:  # the switch to WAL does not wait for a busy file by itself
            try:
                db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        db.execute("PRAGMA synchronous=FULL")
        if version == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")  # another process may be creating or migrating it too
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[target]:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("COMMIT")
        finally:
            if db.in_transaction:
                db.execute("ROLLBACK")

    def _prepare_read_only(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        self._refuse_newer(version)
        if version == 0 and not self.path.exists():  # nothing saved yet: an empty list
            for target in range(1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[target]:
                    db.execute(statement)
        elif version != SCHEMA_VERSION:
            raise BookmarkError(
                f"the bookmarks file {self.path} cannot be read while read-only "
                f"(and no copy of it could be made): {self.read_only}"
            )

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise BookmarkError(
                f"the bookmarks file {self.path} was written by a newer Press Reader "
                f"(version {version}); it was left as it is"
            )

    @contextmanager
    def _using(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        if write and self.read_only:
            raise BookmarkError(f"bookmarks can't be saved: {self.read_only}")
        with self._lock:
            try:
                yield self._db
            except sqlite3.IntegrityError as exc:
                raise BookmarkError(f"bookmark not saved: {exc}") from None
            except sqlite3.Error as exc:
                code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
                if code == sqlite3.SQLITE_FULL:
                    raise BookmarkError("the disk is full: the bookmark change was not saved") from None
                if code == sqlite3.SQLITE_READONLY:
                    raise BookmarkError(
                        f"the bookmarks file {self.path} is read-only: the bookmark change was not saved"
                    ) from None
                raise BookmarkError(f"the bookmarks file {self.path}: {exc}") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._drop_copy()

    # ------------------------------------------------------------ reading

    def get(self, bookmark_id: int) -> Bookmark | None:
        with self._using() as db:
            row = db.execute(f"{_SELECT} WHERE id = ?", (bookmark_id,)).fetchone()
        return _bookmark(row) if row else None

    def all(self) -> list[Bookmark]:
        """Every bookmark, of every folder, oldest first."""
        return self._select("ORDER BY id")

    def for_article(self, folder: Path, article_id: str) -> list[Bookmark]:
        return self._select("WHERE folder = ? AND article_id = ? ORDER BY start, id", _folder(folder), article_id)

    def in_folder(self, folder: Path) -> list[Bookmark]:
        return self._select("WHERE folder = ? ORDER BY id", _folder(folder))

    def unclaimed(self) -> list[Bookmark]:
        """Bookmarks from a version-1 file, whose articles folder is not known yet."""
        return self._select("WHERE folder = '' ORDER BY id")

    def _select(self, where: str, *params) -> list[Bookmark]:
        with self._using() as db:
            return [_bookmark(row) for row in db.execute(f"{_SELECT} {where}", params)]

    # ------------------------------------------------------------ writing

    def add(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        folder: Path,
        speaker: str | None = None,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Bookmark:
        """Bookmark article.body[start:end]; `folder` is the articles folder that `article.id` is relative to."""
        if not 0 <= start < end <= len(article.body):
            raise BookmarkError(
                f"no such passage in {article.id}: {start}–{end} (the text has {len(article.body)} characters)"
            )
        sel = selector_for(article.body, start, end)
        values = {
            "folder": _folder(folder),
            "article_id": article.id,
            "content_hash": article.content_hash,
            "exact": sel.exact,
            "prefix": sel.prefix,
            "suffix": sel.suffix,
            "start": start,
            "end": end,
            "speaker": speaker,
            "note": note,
            "tags": _tags_json(tags),
            "created": utc_now(),
            "title": article.title,
            "source": article.source,
            "date": article.date,
            "status": OK,
        }
        with self._using(write=True) as db:
            cur = db.execute(
                f"INSERT INTO bookmarks ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                tuple(values.values()),
            )
            row = db.execute(f"{_SELECT} WHERE id = ?", (cur.lastrowid,)).fetchone()
        return _bookmark(row)

    def update(self, bookmark_id: int, *, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark:
        """Change the note and/or the tags; what is None is left as it is."""
        changes = {}
        if note is not None:
            changes["note"] = note
        if tags is not None:
            changes["tags"] = _tags_json(tags)
        return self._change(bookmark_id, changes)

    def reanchor(
        self, bookmark_id: int, article: Article, start: int, end: int, *, folder: Path | None = None
    ) -> Bookmark:
        """Attach the bookmark to article.body[start:end] as it is now: new selector, hash, title, status OK."""
        sel = selector_for(article.body, start, end)
        changes = {
            "content_hash": article.content_hash,
            "exact": sel.exact,
            "prefix": sel.prefix,
            "suffix": sel.suffix,
            "start": start,
            "end": end,
            "title": article.title,
            "source": article.source,
            "date": article.date,
            "status": OK,
        }
        if folder is not None:  # adopted, or followed to where its folder was moved: `article` is its article there
            changes["folder"] = _folder(folder)
            changes["article_id"] = article.id
        return self._change(bookmark_id, changes)

    def set_status(self, bookmark_id: int, status: str) -> Bookmark:
        """Mark it TEXT_CHANGED or ARTICLE_MISSING; the stored quote stays as it is."""
        return self._change(bookmark_id, {"status": status})

    def delete(self, bookmark_id: int) -> Bookmark:
        """Remove it and return it, so that `restore` can undo this."""
        with self._using(write=True) as db:
            row = db.execute(f"{_SELECT} WHERE id = ?", (bookmark_id,)).fetchone()
            if row is None:
                raise BookmarkError(f"no bookmark #{bookmark_id}")
            db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return _bookmark(row)

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back, with its id and every field as they were."""
        values = {c: getattr(bookmark, c) for c in _COLUMNS}
        values["tags"] = json.dumps(list(bookmark.tags), ensure_ascii=False)
        with self._using(write=True) as db:
            db.execute(
                f"INSERT INTO bookmarks ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                tuple(values[c] for c in _COLUMNS),
            )
        return bookmark

    def _change(self, bookmark_id: int, changes: dict) -> Bookmark:
        with self._using(write=bool(changes)) as db:
            if changes:
                db.execute(
                    f"UPDATE bookmarks SET {', '.join(f'{c} = ?' for c in changes)} WHERE id = ?",
                    (*changes.values(), bookmark_id),
                )
            row = db.execute(f"{_SELECT} WHERE id = ?", (bookmark_id,)).fetchone()
        if row is None:
            raise BookmarkError(f"no bookmark #{bookmark_id}")
        return _bookmark(row)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, empty ones dropped, each kept once in the order first given."""
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


def _tags_json(tags: Iterable[str]) -> str:
    if isinstance(tags, str):
        raise BookmarkError("tags must be a list of words, not one string")
    return json.dumps(list(clean_tags(tags)), ensure_ascii=False)


def _folder(folder: Path) -> str:
    return str(Path(folder).expanduser().resolve())


def utc_now() -> str:
    """Now, as bookmarks record it: ISO 8601 in UTC to the second, e.g. "2026-11-23T13:40:05Z"."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _bookmark(row: tuple) -> Bookmark:
    values = dict(zip(_COLUMNS, row))
    try:
        tags = tuple(str(t) for t in json.loads(values["tags"] or "[]"))
    except (ValueError, TypeError):
        tags = ()
    return Bookmark(**{**values, "tags": tags})
