"""Analyses cached in SQLite by article content hash, so nothing is analyzed twice for the same text; beside each,
the article's coverage facts (coverage/facts.py), so that coverage never reads or analyses an article again."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from ..coverage import store
from ..coverage.facts import ArticleFacts, facts_of
from ..model import Article
from .values import Analysis

log = logging.getLogger("press_reader")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS analysis (
    hash TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    data TEXT NOT NULL
)
"""


class AnalysisCache:
    """One SQLite file; a row counts only if it was made by the analyzer with `fingerprint`.

    A cache: when its file cannot be written (`read_only`, or a full disk), what it has is still read and
    new analyses are kept in memory for this run.
    """

    def __init__(self, path: Path, fingerprint: str, read_only: bool = False):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self._lock = threading.Lock()
        self._memory: dict[str, str] = {}  # hash -> data, of the analyses that could not be written
        self.read_only = read_only
        self.facts_fingerprint = store.facts_fingerprint(fingerprint)
        self._spare: sqlite3.Connection | None = None  # facts that could not be written, for this run
        self._written = 0  # facts written by this process: coverage read before is out of date
        if read_only:
            self._db = self._connect_read_only()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError:  # a cache: a damaged file is replaced
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=10, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a cache: no fsync per commit (WAL keeps it consistent)
            db.execute(_SCHEMA)
            store.create(db, self.facts_fingerprint)  # and facts no process can read deleted
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _connect_read_only(self) -> sqlite3.Connection:
        if self.path.exists():
            try:
                db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
                db.execute("SELECT 1 FROM analysis LIMIT 1").fetchall()
                return db
            except sqlite3.Error:
                pass
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(_SCHEMA)
        store.create(db)
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def get(self, article: Article) -> Analysis | None:
        return self.get_many([article]).get(article.content_hash)

    def get_many(self, articles: Iterable[Article]) -> dict[str, Analysis]:
        by_hash = {a.content_hash: a for a in articles if a.content_hash}
        found: dict[str, Analysis] = {}
        keys = list(by_hash)
        with self._lock:
            for h in [k for k in keys if k in self._memory]:
                a = by_hash[h]
                found[h] = Analysis.from_cache(json.loads(self._memory[h]), a.parts())
            keys = [k for k in keys if k not in found]
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                rows = self._db.execute(
                    f"SELECT hash, data FROM analysis WHERE fingerprint = ? AND hash IN ({','.join('?' * len(chunk))})",
                    [self.fingerprint, *chunk],
                ).fetchall()
                for h, data in rows:
                    a = by_hash[h]
                    try:
                        found[h] = Analysis.from_cache(json.loads(data), a.parts())
                    except (ValueError, KeyError, TypeError, IndexError):
                        continue  # an unreadable row is analyzed again
        return found

    def put_many(self, items: Iterable[tuple[Article, Analysis]]) -> None:
        items = list(items)
        facts = [(a.content_hash, facts_of(a, an)) for a, an in items if a.content_hash]
        rows = [
            (a.content_hash, self.fingerprint, json.dumps(an.to_cache(a.parts()), separators=(",", ":")))
            for a, an in items
            if a.content_hash
        ]
        if not rows:
            return
        with self._lock:
            if not self.read_only:
                try:
                    self._db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?)", rows)
                    self._written += store.write(self._db, self.facts_fingerprint, facts)
                    self._db.commit()
                    return
                except sqlite3.Error as exc:  # e.g. the disk is full: analysed again on the next run
                    self._db.rollback()
                    log.warning("the analysis cache could not be written: %s", exc)
            self._memory.update((h, data) for h, _, data in rows)
            self._keep_facts(facts)

    # ------------------------------------------------------------ coverage facts

    def put_facts(self, items: Iterable[tuple[Article, Analysis]]) -> int:
        """Store the coverage facts of articles whose analysis was cached before facts were (a backfill)."""
        facts = [(a.content_hash, facts_of(a, an)) for a, an in items if a.content_hash]
        with self._lock:
            if not self.read_only:
                try:
                    new = store.write(self._db, self.facts_fingerprint, facts)
                    self._db.commit()
                    self._written += new
                    return new
                except sqlite3.Error as exc:
                    self._db.rollback()
                    log.warning("the analysis cache could not be written: %s", exc)
            return self._keep_facts(facts)

    def _keep_facts(self, facts: list[tuple[str, ArticleFacts]]) -> int:
        """Facts kept in memory for this run (the lock is held)."""
        if self._spare is None:
            self._spare = sqlite3.connect(":memory:", check_same_thread=False)
            store.create(self._spare)
        new = store.write(self._spare, self.facts_fingerprint, facts)
        self._spare.commit()
        self._written += new
        return new

    def with_facts(self) -> set[str]:
        """The content hashes whose coverage facts are stored."""
        with self._lock:
            found = store.has_facts(self._db, self.facts_fingerprint)
            if self._spare is not None:
                found |= store.has_facts(self._spare, self.facts_fingerprint)
        return found

    def facts(self, keys: Iterable[str]) -> store.StoredFacts:
        """The stored facts of these form keys (coverage/facts.py `key`), for every article that has facts."""
        keys = list(keys)
        with self._lock, store.paused_gc():
            found = store.read(self._db, self.facts_fingerprint, keys)
            if self._spare is not None:
                spare = store.read(self._spare, self.facts_fingerprint, keys)
                found.analysed |= spare.analysed
                found.quotes.update(spare.quotes)
                for k, articles in spare.forms.items():
                    found.forms.setdefault(k, {}).update(articles)
        return found

    def facts_stamp(self) -> tuple[int, int]:
        """Changes when facts are written, by this process or another: coverage computed before is stale."""
        with self._lock:
            (version,) = self._db.execute("PRAGMA data_version").fetchone()
        return self._written, version
