"""Coverage facts in the analysis cache's SQLite file, keyed like the analyses (content hash, analyzer
fingerprint), and read back for a watchlist: only the forms it asks for come out of SQLite.

Facts no process can read any more are deleted when the file is opened for writing: those of another
FACTS_VERSION, and those of an analyzer with no analysis left in the file (whose articles were analysed again
by another). Finding that there is nothing to delete reads one index (5 ms at 50,000 articles)."""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .facts import FACTS_VERSION, ArticleFacts

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS facts_article (
        id INTEGER PRIMARY KEY, hash TEXT NOT NULL, fingerprint TEXT NOT NULL, quotes TEXT NOT NULL,
        UNIQUE (hash, fingerprint))""",
    "CREATE TABLE IF NOT EXISTS facts_form (id INTEGER PRIMARY KEY, form TEXT NOT NULL UNIQUE)",
    """CREATE TABLE IF NOT EXISTS facts_name (
        form INTEGER NOT NULL, article INTEGER NOT NULL, mentions INTEGER NOT NULL, place INTEGER NOT NULL,
        PRIMARY KEY (form, article)) WITHOUT ROWID""",
)
_CHUNK = 500  # SQLite's bound parameters per statement, well under its limit


def facts_fingerprint(analyzer_fingerprint: str) -> str:
    """Facts are kept per analyzer and per version of the facts rule."""
    return f"{analyzer_fingerprint}/facts{FACTS_VERSION}"


def create(db: sqlite3.Connection, keep: str = "") -> None:
    """The facts' tables, and the facts no process can read any more deleted (`prune`), never those of the
    facts fingerprint `keep` (the opening cache's). The caller commits."""
    for statement in SCHEMA:
        db.execute(statement)
    prune(db, keep)


def prune(db: sqlite3.Connection, keep: str = "") -> int:
    """Delete the facts of another FACTS_VERSION and of analyzers with no analysis in the file, but `keep`'s;
    returns how many articles' facts went."""
    kept = db.execute("SELECT DISTINCT fingerprint FROM facts_article").fetchall()  # from the (hash, fingerprint) index
    stale = [f for (f,) in kept if f != keep and not _current(db, f)]
    gone = 0
    for fingerprint in stale:  # one pass over each table, once per stale fingerprint
        db.execute(
            "DELETE FROM facts_name WHERE article IN (SELECT id FROM facts_article WHERE fingerprint = ?)",
            (fingerprint,),
        )
        gone += db.execute("DELETE FROM facts_article WHERE fingerprint = ?", (fingerprint,)).rowcount
    if gone:
        db.execute("DELETE FROM facts_form WHERE id NOT IN (SELECT form FROM facts_name)")
    return gone


def _current(db: sqlite3.Connection, fingerprint: str) -> bool:
    analyzer, _, version = fingerprint.rpartition("/facts")
    if version != str(FACTS_VERSION):
        return False
    try:
        return db.execute("SELECT 1 FROM analysis WHERE fingerprint = ? LIMIT 1", (analyzer,)).fetchone() is not None
    except sqlite3.OperationalError:  # no analyses in this database (facts kept in memory)
        return True


@dataclass
class StoredFacts:
    """What a watchlist's figures need, read once: the articles with facts, each watched form's articles, and
    the speech quotes of the articles that name any of them. Figures are computed from this in memory."""

    analysed: set[str]  # content hashes that have facts
    forms: dict[str, dict[str, tuple[int, int]]]  # form key -> content hash -> (occurrences, placement index)
    quotes: dict[str, tuple[tuple[str, str], ...]]  # content hash -> (speaker, text) of its speech quotes
    memo: dict = field(default_factory=dict)  # what figures.py derives from it once per watchlist


def write(db: sqlite3.Connection, fingerprint: str, items: Iterable[tuple[str, ArticleFacts]]) -> int:
    """Store each (content hash, facts) not stored yet; returns how many were new. The caller commits."""
    new = 0
    for content_hash, facts in items:
        cur = db.execute(
            "INSERT OR IGNORE INTO facts_article (hash, fingerprint, quotes) VALUES (?, ?, ?)",
            (content_hash, fingerprint, json.dumps(facts.quotes, ensure_ascii=False, separators=(",", ":"))),
        )
        if not cur.rowcount:
            continue
        new += 1
        article = cur.lastrowid
        ids = _form_ids(db, list(facts.forms))
        db.executemany(
            "INSERT OR REPLACE INTO facts_name VALUES (?, ?, ?, ?)",
            [(ids[k], article, n, place) for k, (n, place) in facts.forms.items()],
        )
    return new


def _form_ids(db: sqlite3.Connection, forms: list[str]) -> dict[str, int]:
    db.executemany("INSERT OR IGNORE INTO facts_form (form) VALUES (?)", [(f,) for f in forms])
    return dict(_select_in(db, "SELECT form, id FROM facts_form WHERE form IN ({})", (), forms))


def has_facts(db: sqlite3.Connection, fingerprint: str) -> set[str]:
    """The content hashes whose facts are stored."""
    return {h for (h,) in db.execute("SELECT hash FROM facts_article WHERE fingerprint = ?", (fingerprint,))}


def read(db: sqlite3.Connection, fingerprint: str, keys: Iterable[str]) -> StoredFacts:
    """The stored facts of these form keys, for every article analysed with `fingerprint`."""
    ids = dict(_select_in(db, "SELECT id, form FROM facts_form WHERE form IN ({})", (), sorted(set(keys))))
    forms: dict[str, dict[str, tuple[int, int]]] = {}
    articles: set[int] = set()
    query = (
        "SELECT n.form, a.id, a.hash, n.mentions, n.place FROM facts_name n JOIN facts_article a "
        "ON a.id = n.article WHERE a.fingerprint = ? AND n.form IN ({})"
    )
    for form, article, content_hash, n, place in _select_in(db, query, (fingerprint,), list(ids)):
        forms.setdefault(ids[form], {})[content_hash] = (n, place)
        articles.add(article)
    quotes = {
        h: tuple((s, t) for s, t in json.loads(q))
        for h, q in _select_in(db, "SELECT hash, quotes FROM facts_article WHERE id IN ({})", (), sorted(articles))
    }
    return StoredFacts(has_facts(db, fingerprint), forms, quotes)


def _select_in(db: sqlite3.Connection, query: str, before: tuple, values: Sequence) -> Iterable[tuple]:
    for i in range(0, len(values), _CHUNK):
        chunk = values[i : i + _CHUNK]
        yield from db.execute(query.format(",".join("?" * len(chunk))), (*before, *chunk))


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cycle collection while many small values are made (none of them in a cycle): it halves the time at
    50,000 articles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
