"""The Whoosh full-text index: schema, open-or-rebuild, incremental writes, search with snippets and hit spans.

The index is a cache of the articles folder: anything wrong with it is fixed by rebuilding it.
"""

from __future__ import annotations

import datetime as _dt
import errno
import gc
import os
import re
import shutil
import threading
import warnings
import weakref
from collections.abc import Iterable
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whoosh import (
    columns,
    fields,
    highlight,
    index,
    matching,
    multiproc,
    query,
    writing,
)
from whoosh.analysis import (
    STOP_WORDS,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StandardAnalyzer,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.lang.porter2 import stem as _porter2
from whoosh.qparser import MultifieldPlugin, QueryParser
from whoosh.util.filelock import try_for

from .analysis.values import Analysis
from .articles import Article
from .children import exit_with_parent
from .errors import ReaderError

SCHEMA_VERSION = 5  # 4: names moved to their own index; 5: copies share a fingerprint
INDEX_NAME = f"articles_v{SCHEMA_VERSION}"
SEARCH_FIELDS = ("title", "body", "captions")
MAX_QUERY_CHARS = 500
MAX_SCANNED_WORDS = 10_000  # words a wildcard or range may look through, in one field of one segment
WRITE_LOCK_TIMEOUT = 10.0
PARALLEL_MIN_DOCS = 300  # below this a process pool costs more than it saves
WRITER_MEMORY_MB = 64  # per writer process: at 10k articles 32, 64, 128 and 256 MB built equally fast (peak 160-710 MB)
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


class Codec(W3Codec):
    """Whoosh's codec without the per-posting field lengths it keeps for its top-N shortcut.

    Looking each one up cost a third of writing a segment. Searches rank every hit (see `Index.search`),
    and scores read the lengths from their own column, so nothing else changes.
    """

    length_stats = False


class IndexProblem(ReaderError):
    """Base for index problems reported to the user in one line."""


class IndexBusy(IndexProblem):
    """Another process holds the index's write lock."""


class IndexUnsaved(IndexProblem):
    """The index could not be written (a full disk, a read-only folder); it is as it was before."""


class QueryError(IndexProblem):
    """The query text cannot be understood; the message says why in one line."""


class QueryTooBroad(QueryError):
    """A wildcard or range that would look through too many of the index's words."""


class IndexDeleted(IndexProblem):
    """The index's files were deleted while it was open (by the user, or a disk cleaner)."""


INDEX_DELETED = "the search index was deleted; rebuilding it"


class IndexDamaged(IndexDeleted):
    """A file of the index cannot be read (cut short, emptied, overwritten): it is rebuilt like a deleted one."""


def damaged(why: str) -> str:
    return f"the search index is damaged ({why}); rebuilding it"


# ---------------------------------------------------------------- analysis


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Porter2, plus folding of the derivational '-ship' so that 'sponsor' finds 'sponsorship'."""
    s = _porter2(word)
    for suffix in ("ships", "ship"):
        if s.endswith(suffix) and len(s) - len(suffix) >= 5:
            return _porter2(s[: -len(suffix)])
    return s


class StemAndKeepFilter(Filter):
    """At index time emits the lowercase word and, when different, its stem at the same position.

    Queries use stems for plain terms, and the unstemmed words let trailing wildcards such as
    `olympi*` match 'olympics' although its stem is 'olymp'.
    """

    is_morph = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if t.stopped:
                yield t
                continue
            original = t.text
            stemmed = stem(original)
            if t.mode == "query" or stemmed == original:
                t.text = stemmed
                yield t
            else:
                yield t
                t.text = stemmed
                yield t


WORD = r"\w+(?:['’]\w+)*"


def reference_analyzer():
    """The text analysis as a chain of Whoosh's filters: what `WordAnalyzer` does in one pass."""
    return RegexTokenizer(WORD) | LowercaseFilter() | StopFilter() | StemAndKeepFilter()


class WordAnalyzer(Tokenizer):
    """Whoosh's RegexTokenizer | LowercaseFilter | StopFilter | StemAndKeepFilter, fused into one generator.

    The same tokens, positions and offsets as `reference_analyzer()` (a test holds it to that), for about
    half the time: every word of every article goes through it when the index is built, and the chain's
    four nested generators were a fifth of that time.
    """

    is_morph = True

    def __init__(self):
        self.expression = re.compile(WORD)
        self.stops = STOP_WORDS
        self.minsize = 2  # StopFilter's default: one-letter words are stop words too

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stops, minsize, query_mode = self.stops, self.minsize, mode == "query"
        spans = (((m.group(), m.start(), m.end()) for m in self.expression.finditer(value)) if tokenize
                 else ((value, 0, len(value)),))
        kept = None  # the position of the last word kept: StopFilter renumbers around dropped stop words
        for i, (text, start, end) in enumerate(spans):
            word = text.lower()
            t.boost = 1.0
            if keeporiginal or not tokenize:  # RegexTokenizer keeps an untokenized value's original
                t.original = text
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            if len(word) < minsize or word in stops:
                if not removestops:
                    t.text, t.stopped = word, True
                    if positions:
                        t.pos = start_pos + i
                    yield t
                continue
            t.stopped = False
            if positions:
                kept = start_pos + i if kept is None else kept + 1
                t.pos = kept
            stemmed = stem(word)
            if query_mode or stemmed == word:
                t.text = stemmed
                yield t
            else:
                t.text = word
                yield t
                t.text = stemmed
                yield t


ANALYZER = WordAnalyzer()
# canonical names, one after another: the '|' between them keeps a phrase from spanning two names
NAME_ANALYZER = RegexTokenizer(WORD + r"|\|") | LowercaseFilter()
NAME_SEPARATOR = " | "
NAME_FIELDS = ("entity", "speaker")
NAMES_DIR = "names"  # the names index, in a folder of its own inside the index's
NAMES_NAME = "names_v1"


def make_schema() -> fields.Schema:
    """The articles: what is searched and what the list shows, written once per version of a file."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        title=fields.TEXT(analyzer=ANALYZER, stored=True, sortable=True, field_boost=2.0),
        body=fields.TEXT(analyzer=ANALYZER, stored=True),
        captions=fields.TEXT(analyzer=ANALYZER, stored=True),
        source=fields.TEXT(analyzer=StandardAnalyzer(), sortable=True),
        date=fields.DATETIME(),
        day=fields.ID(sortable=True),  # the ISO date for display; DATETIME columns cannot be empty
        words=fields.NUMERIC(int, bits=32, sortable=True),
        # never searched: columns only, which spares 16 numeric index terms each per article
        size=fields.COLUMN(columns.NumericColumn("q")),
        mtime=fields.COLUMN(columns.NumericColumn("q")),
        hash=fields.ID(sortable=True),
        fingerprint=fields.ID(sortable=True),  # the same for copies of one text: they count, and are found, once
    )


def make_names_schema() -> fields.Schema:
    """What the analysis found in each article, kept apart so that analysing never rewrites the articles.

    A names document counts for the article with the same id and content hash; searches join the two.
    """
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        hash=fields.ID(sortable=True),
        entity=fields.TEXT(analyzer=NAME_ANALYZER),
        speaker=fields.TEXT(analyzer=NAME_ANALYZER),
        quotes=fields.COLUMN(columns.NumericColumn("i")),
        entities=fields.COLUMN(columns.NumericColumn("i")),
        analyzed=fields.ID(sortable=True),  # the analyzer's fingerprint
    )


SCHEMA = make_schema()
NAMES_SCHEMA = make_names_schema()
QUERY_FIELDS = ("id", "title", "body", "captions", "source", "date", "words", "entity", "speaker")
ROW_COLUMNS = ("id", "title", "day", "source", "words", "size", "mtime", "hash", "fingerprint")
NAME_COLUMNS = ("id", "hash", "quotes", "entities", "analyzed")


class _WordCount(fields.NUMERIC):
    """`words:` as a query reads it: a number past what the field holds means its end of the scale, so that
    `words:[0 TO 99999999999]` is every length, not an error that leaves nothing to search for."""

    def _clamped(self, x):
        try:
            number = int(str(x))
        except ValueError:
            return x  # not a number: Whoosh says so
        return min(max(number, self.min_value), self.max_value)

    def is_valid(self, x):
        return super().is_valid(self._clamped(x))

    def prepare_number(self, x):
        return super().prepare_number(x if x is None or x == b"" else self._clamped(x))


def _query_schema() -> fields.Schema:
    schema = make_schema()
    words = schema["words"]
    schema.remove("words")
    schema.add("words", _WordCount(int, bits=words.bits, signed=words.signed, sortable=True))
    for name in NAME_FIELDS:
        schema.add(name, NAMES_SCHEMA[name])
    return schema


QUERY_SCHEMA = _query_schema()


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows, read from the index without touching the files."""

    id: str
    title: str
    date: str | None
    source: str
    words: int
    size: int
    mtime_ns: int
    content_hash: str
    quotes: int | None = None  # None until the article is analyzed
    entities: int | None = None
    analyzed: str = ""  # the fingerprint of the analysis the counts came from
    fingerprint: str = ""  # of the text: copies of one article share it

    @classmethod
    def of(cls, doc: Document) -> ArticleRow:
        a, analysis = doc.article, doc.analysis
        counts = (len(analysis.speeches), len(analysis.entity_names())) if analysis else (None, None)
        return cls(a.id, a.title, a.date, a.source, a.words, doc.size, doc.mtime_ns, a.content_hash,
                   *counts, doc.analyzed if analysis else "", a.fingerprint)


@dataclass(frozen=True)
class Document:
    """What one index document is made of: the article, its file's stat, and its analysis if done."""

    article: Article
    size: int
    mtime_ns: int
    analysis: Analysis | None = None
    analyzed: str = ""  # the analyzer fingerprint of `analysis`


@dataclass(frozen=True)
class Hit:
    article_id: str
    title: str
    date: str | None
    score: float
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict:
        return {"path": self.article_id, "title": self.title, "date": self.date,
                "score": round(self.score, 4), "snippet": self.snippet}


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    words: frozenset[str] = frozenset()  # analysed terms to light up in the reading pane
    notice: str | None = None
    names: frozenset[tuple[str, ...]] = frozenset()  # entity: and speaker: names asked for, as words

    def to_json(self) -> dict:
        out = {"query": self.query, "total": self.total, "hits": [h.to_json() for h in self.hits]}
        if self.notice:
            out["notice"] = self.notice
        return out


# ---------------------------------------------------------------- the index


class Index:
    """The articles' Whoosh index and, beside it, the names index.

    Use `Index.open`, which rebuilds what it cannot open.
    """

    def __init__(self, ix, names, directory: Path | None):
        self._ix = ix
        self._names = names
        self.directory = directory
        # kept between searches: opening one costs ~7 ms at 10k articles; one thread at a time each
        self._searcher = _KeptSearcher(ix)
        self._names_searcher = _KeptSearcher(names)
        self._searching = threading.Lock()

    @classmethod
    def open(cls, directory: Path) -> tuple[Index, str | None]:
        """Open the index in `directory`, creating or rebuilding it. Returns it and why it was rebuilt.

        The names index is rebuilt on its own when it alone is damaged: the analysis cache refills it.
        """
        directory = Path(directory)
        ix, reason = _open_or_create(directory, INDEX_NAME, SCHEMA, keep=NAMES_DIR)
        names, _ = _open_or_create(directory / NAMES_DIR, NAMES_NAME, NAMES_SCHEMA)
        return cls(ix, names, directory), reason

    @classmethod
    def in_memory(cls) -> Index:
        """An index kept in memory only, for a data folder that cannot be written: gone when the app exits."""
        from whoosh.filedb.filestore import RamStorage

        ix = RamStorage().create_index(SCHEMA, indexname=INDEX_NAME)
        names = RamStorage().create_index(NAMES_SCHEMA, indexname=NAMES_NAME)
        return cls(ix, names, None)

    def close(self) -> None:
        with self._searching:
            self._searcher.close()
            self._names_searcher.close()
        self._ix.close()
        self._names.close()

    def doc_count(self) -> int:
        return self._ix.doc_count()

    def deleted(self) -> bool:
        """Whether the articles' or the names' index is gone from disk since it was opened.

        A listing of two folders: cheap enough before each search. Whoosh itself would fail on a
        deleted index with errors about files that do not exist, or find nothing.
        """
        if self.directory is None:  # in memory
            return False
        for folder, name in ((self.directory, INDEX_NAME), (self.directory / NAMES_DIR, NAMES_NAME)):
            try:
                names = os.listdir(folder)
            except FileNotFoundError:
                return True
            except OSError:  # unreadable for now: not taken for deleted
                continue
            if not any(n.startswith(f"_{name}_") and _TOC_FILE.fullmatch(n) for n in names):
                return True
        return False

    def rows(self) -> dict[str, ArticleRow]:
        """Every article's row, with the counts of its analysis when the names index has them for this text."""
        names = {aid: rest for aid, *rest in _column_rows(self._names, NAME_COLUMNS)}
        rows = {}
        for aid, title, day, source, words, size, mtime, hash_, copy in _column_rows(self._ix, ROW_COLUMNS):
            found = names.get(aid)
            counts = (found[1], found[2], found[3]) if found and found[0] == hash_ else (None, None, "")
            rows[aid] = ArticleRow(aid, title, day or None, source, words, size, mtime, hash_, *counts, copy)
        return rows

    def doubled(self) -> set[str]:
        """The ids of articles indexed more than once (by syncs that raced, before adds replaced by id)."""
        if self._ix.doc_count() == 0:
            return set()
        seen: set[str] = set()
        twice = set()
        for aid, in _column_rows(self._ix, ("id",)):
            (twice if aid in seen else seen).add(aid)
        return twice

    def write(self, docs: Iterable[Document], remove: Iterable[str] = (),
              expected: int = 0, replace_all: bool = False) -> int:
        """Delete `remove` ids, then add `docs`, in one commit; then the names of those that have an analysis.

        A changed article is passed in both. `expected` is how many articles are coming; it decides
        whether a process pool pays. With `replace_all` the commit drops every older document, so
        searches keep working on the old index until the new one is complete.
        Returns the number of documents added.
        """
        kwargs: dict = {}
        if self.directory is not None and expected >= PARALLEL_MIN_DOCS and (os.cpu_count() or 1) > 1:
            kwargs.update(procs=min(2, os.cpu_count() or 1), multisegment=True, limitmb=WRITER_MEMORY_MB)
        writer = _writer(self._ix, **kwargs)
        remove = list(remove)
        analysed: list[dict] = []  # name entries of the documents with an analysis
        written = 0
        with _failing_safely(lambda: _abandon(writer)):
            # what is committed now, with the write lock held: another process may have added an article
            # since the caller worked out what to add, so each is added in place of any it finds
            committed = writer.searcher()
            try:
                for aid in remove:
                    writer.delete_by_term("id", aid, searcher=committed)
                for doc in docs:
                    if not replace_all:
                        writer.delete_by_term("id", doc.article.id, searcher=committed)
                    writer.add_document(**_fields(doc))
                    if doc.analysis is not None:
                        analysed.append(name_entry(doc))
                    written += 1
            finally:
                committed.close()
            writer.commit(mergetype=writing.CLEAR if replace_all else None)
        self.write_names(analysed, remove=remove, prune=replace_all)
        return written

    def write_names(self, entries: Iterable[dict], remove: Iterable[str] = (), prune: bool = False) -> int:
        """Replace the names of some articles (`name_entry` of each) and drop those of `remove`, in one commit.

        With `prune`, names of articles no longer in the index are dropped too.
        """
        entries = list(entries)
        gone = set(remove) - {e["id"] for e in entries}
        if prune:
            present = {aid for aid, in _column_rows(self._ix, ("id",))}
            gone |= {aid for aid, in _column_rows(self._names, ("id",))} - present
        if not entries and not gone:
            return 0
        writer = _writer(self._names)
        with _failing_safely(lambda: _abandon(writer)):
            for aid in gone:
                writer.delete_by_term("id", aid)
            for entry in entries:
                writer.update_document(**entry)
            writer.commit()
        return len(entries)

    # ------------------------------------------------------------ search

    def parse(self, text: str):
        check_query(text)
        parser = _Parser(list(SEARCH_FIELDS), QUERY_SCHEMA)
        try:
            q = parser.parse(text)
        except Exception as exc:
            raise QueryError(_friendly(exc)) from None
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            raise QueryError("nothing to search for: the query has only operators or very common words")
        return q.accept(_bounded).accept(_lazy_union)

    def search(self, text: str, limit: int | None = 50) -> SearchResult:
        """Run the query; IndexDamaged if a file of the index cannot be read, QueryError if the query fails."""
        text, notice = cap_query(text)
        q = self.parse(text)
        with self._searching:
            try:
                return self._search(q, text, notice, limit)
            except QueryError:
                raise
            except Exception as exc:
                why = self.unreadable()  # a read error is damage, not the query's fault
                if why:
                    raise IndexDamaged(damaged(why)) from None
                raise QueryError(_friendly(exc)) from None

    def _search(self, q, text: str, notice: str | None, limit: int | None) -> SearchResult:
        s = self._searcher.current()
        joined = q.accept(self._names_joined) if _asks_names(q) else q
        # rank everything: with a limit, Whoosh's block-skipping shortcut mis-scores the
        # per-field ORs (12 of 100 two-word top-20s differed at 10k articles), and the
        # full run gives the exact count without a second pass
        results = s.search(joined, limit=None, collapse="fingerprint")  # copies: the best one
        words = _positive_words(q, s.reader())
        days = s.reader().column_reader("day") if s.reader().has_column("day") else None
        snippets = _Snippets(words)
        hits = [self._hit(h, days, snippets) for h in (results[:limit] if limit else results)]
        return SearchResult(text, len(results), hits, words, notice, _positive_names(q))

    def unreadable(self) -> str | None:
        """What cannot be read of the articles' or the names' index, reading all of both; None if all can."""
        return _unreadable(self._ix) or _unreadable(self._names)

    def discard(self) -> None:
        """Close the index and delete its files (a damaged index, to be made again by `Index.open`)."""
        self.close()
        if self.directory is not None:
            _clear(self.directory)

    def _names_joined(self, q):
        """`q` with an `entity:` or `speaker:` part replaced by the articles whose names index matches it."""
        if getattr(q, "fieldname", None) not in NAME_FIELDS:
            return q
        s = self._names_searcher.current()
        keys = _keys_by_docnum(s.reader())
        return _Articles(frozenset(keys[n] for n in s.docs_for_query(q)), q.boost)

    @staticmethod
    def _hit(h, days, snippets: _Snippets) -> Hit:
        fields = h.fields()
        marked = ""
        for name in ("body", "captions", "title"):
            marked = snippets.of(fields.get(name, ""))
            if marked:
                break
        snippet, spans = unmark(marked) if marked else (_lead(fields.get("body", "")), ())
        day = days[h.docnum] if days is not None else ""
        return Hit(fields["id"], fields.get("title", ""), day or None, h.score or 0.0, snippet, spans)


class _KeptSearcher:
    """One Whoosh searcher, kept until a commit has made its index newer.

    Not Whoosh's `refresh()`: reusing the old segment readers, it brought back documents deleted since.
    """

    def __init__(self, ix):
        self._ix = ix
        self._searcher = None

    def current(self):
        if self._searcher is not None and self._searcher.reader().generation() != self._ix.latest_generation():
            self.close()
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None


class _Articles(query.Query):
    """The articles with these (id, content hash) keys: an `entity:` or `speaker:` part of a query, resolved.

    Like Whoosh's `Every`, it matches a list of document numbers, each scoring `boost`.
    """

    def __init__(self, keys: frozenset[tuple[str, str]], boost: float = 1.0):
        self.keys = keys
        self.boost = boost

    def __repr__(self):
        return f"{self.__class__.__name__}({len(self.keys)} articles)"

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.keys == other.keys and self.boost == other.boost

    def __hash__(self):
        return hash(self.keys)

    def estimate_size(self, ixreader):
        return len(self.keys)

    def matcher(self, searcher, context=None):
        docnums = _docnums_by_key(searcher.reader())
        found = sorted(docnums[k] for k in self.keys if k in docnums)
        return matching.ListMatcher(found, all_weights=self.boost) if found else matching.NullMatcher()


# per segment reader, which lives as long as its searcher: built at the first name search after a commit
_DOCNUMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_KEYS_LOCK = threading.Lock()


def _docnums_by_key(reader) -> dict[tuple[str, str], int]:
    """{(article id, content hash): document number} of the live documents of an articles index reader."""
    with _KEYS_LOCK:
        found = _DOCNUMS.get(reader)
        if found is None:
            found = _DOCNUMS[reader] = {key: n for n, key in _live_columns(reader, ("id", "hash"))}
        return found


def _keys_by_docnum(reader) -> dict[int, tuple[str, str]]:
    """{document number: (article id, content hash)} of a names index reader, segment by segment."""
    with _KEYS_LOCK:
        found = _KEYS.get(reader)
        if found is None:
            found = _KEYS[reader] = dict(_live_columns(reader, ("id", "hash")))
        return found


def _asks_names(q) -> bool:
    return any(getattr(leaf, "fieldname", None) in NAME_FIELDS for leaf in q.leaves())


def _column_rows(ix, names: tuple[str, ...]):
    """The values of these columns for each live document of the index."""
    with ix.reader() as r:
        for _, values in _live_columns(r, names):
            yield values


def _live_columns(reader, names: tuple[str, ...]):
    """(document number, values of these columns) of each live document, read segment by segment."""
    # a combined column reader over segments numbers documents wrongly when one segment lacks a column
    for leaf, offset in reader.leaf_readers():
        if not leaf.doc_count():  # an empty segment's reader has no columns
            continue
        cols = [leaf.column_reader(name) for name in names]
        for n in leaf.all_doc_ids():
            yield offset + n, tuple(c[n] for c in cols)


def _writer(ix, procs: int = 1, **kwargs):
    """A writer with the write lock taken within the timeout, else IndexBusy."""
    # not compound: Whoosh reads a compound segment file into memory (a BytesIO copy of the whole
    # postings file) for every open reader; separate files are read from the page cache as needed
    # The lock is taken here, not by the writer: a writer that fails while it sets up (a full disk)
    # would otherwise keep the lock, lost with it, until the process exits.
    lock = ix.lock("WRITELOCK")
    if not try_for(lock.acquire, timeout=WRITE_LOCK_TIMEOUT, delay=0.1):
        raise IndexBusy("another Press Reader is updating this index; try again shortly")
    kwargs.update(codec=Codec(), compound=False)
    with _failing_safely(lambda: (_drop_uncommitted(ix.storage, ix.indexname), lock.release())):
        if procs > 1:
            # what ix.writer(procs=...) makes, with writer processes that end when this process does;
            # its sub-writers do not take the lock either
            subargs = {k: v for k, v in kwargs.items() if k not in ("multisegment", "batchsize")}
            writer = _MpWriter(ix, procs=procs, subargs=subargs, _lk=False, **kwargs)
        else:
            writer = _Writer(ix, _lk=False, **kwargs)
    writer.writelock = lock  # released when the writer commits or is cancelled
    _drop_unfinished_tocs(ix)
    return writer


@contextmanager
def _failing_safely(undo):
    """Write to the index inside; if that fails, `undo()` lets go of what was taken, and an OSError
    becomes IndexUnsaved."""
    try:
        yield
    except BaseException as exc:
        undo()
        if isinstance(exc, OSError):
            raise IndexUnsaved(_unsaved(exc)) from None
        raise


def _abandon(writer) -> None:
    """Stop a writer that failed, whatever state it is in, delete the files it made, and let go of the write
    lock: else every later update would wait for a lock nobody holds."""
    for task in getattr(writer, "tasks", ()):  # MpWriter.cancel() does not stop its processes
        task.terminate()
        task.join()
    lock = getattr(writer, "writelock", None)
    held = lock is not None and getattr(writer, "is_closed", True) is False
    if held:
        writer.writelock = None  # kept until its files are deleted: cancel() would let it go first
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - a commit that failed half-way leaves it unable to cancel
        pass
    if held:
        writer.is_closed = True
        _drop_uncommitted(writer.storage, writer.indexname)  # no other writer has files half made meanwhile
        try:
            lock.release()
        except Exception:  # noqa: BLE001
            pass


def _drop_uncommitted(storage, name: str) -> None:
    """Delete what a failed writer left: its temporary folder (`NAME.tmp`) and the files of segments that
    no committed table of contents lists. Whoosh would delete them only at the next commit, and on a full
    disk they would keep it full. Only with the write lock held."""
    if not isinstance(storage, FileStorage):
        return
    try:
        committed = index.TOC.read(storage, name).segments if index.exists(storage, name) else []
        kept = {segment.segment_id() for segment in committed}
        files = storage.list()
    except Exception:  # noqa: BLE001 - an unreadable TOC: the next open rebuilds the index anyway
        return
    segment_file = re.compile(rf"({re.escape(name)}_[a-z0-9]+)\.\w+(?:\.\w+)*")
    for file in files:
        m = segment_file.fullmatch(file)
        if m and m.group(1) not in kept:
            with suppress(OSError):
                storage.delete_file(file)
    shutil.rmtree(os.path.join(storage.folder, f"{name}.tmp"), ignore_errors=True)


def _unsaved(exc: OSError) -> str:
    """Why the index could not be written, in one line; the index keeps what it had."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "the data folder is read-only"
    elif exc.errno == errno.ENOENT:
        why = "the index folder was deleted"
    else:
        why = (exc.strerror or exc.__class__.__name__).lower()
    return f"the index could not be saved: {why}; searches use the index as it was"


def _drop_unfinished_tocs(ix) -> None:
    """Delete the TOCs that a writer killed while committing left under their temporary names.

    Whoosh's own clean-up after a commit keeps them. Only with the write lock held: another process's
    writer may be committing otherwise.
    """
    unfinished = re.compile(rf"_{re.escape(ix.indexname)}_\d+\.toc\..+")
    for name in ix.storage.list():
        if unfinished.fullmatch(name):
            try:
                ix.storage.delete_file(name)
            except OSError:
                pass


class _Sizing:
    """A writer that records, in the table of contents it commits, the size of each file of each segment.

    Whoosh's segment files never change once written, so one that is shorter or longer on disk than
    recorded (cut by a crash or a full disk, emptied, replaced) is damage that opening the index finds
    by a stat of each file, without reading them.
    """

    def _commit_toc(self, segments):
        for task in getattr(self, "tasks", ()):  # a writer process that failed: its documents are missing
            if (task.exitcode or 0) >= WRITER_FAILED_EXIT:  # not any exit code: a forked copy of a Qt app
                code = task.exitcode - WRITER_FAILED_EXIT  # may end 1 at exit, its work done and sent
                raise OSError(code, os.strerror(code))
        for segment in segments:
            if not hasattr(segment, WRITTEN_SIZES):
                setattr(segment, WRITTEN_SIZES, {name: self.storage.file_length(name)
                                                 for name in segment.list_files(self.storage)})
        super()._commit_toc(segments)


WRITTEN_SIZES = "press_reader_sizes"
WRITER_FAILED_EXIT = 100  # a writer process that met an OSError exits with this plus its errno


class _Writer(_Sizing, writing.SegmentWriter):
    pass


def _cut_short(ix) -> str | None:
    """Which file of the index is not the size it was written at, if one is not."""
    for segment in ix._segments():
        for name, size in getattr(segment, WRITTEN_SIZES, {}).items():
            try:
                now = ix.storage.file_length(name)
            except OSError:
                return f"{name} is missing"
            if now != size:
                return f"{name} is {now:,} bytes, not the {size:,} written"
    return None


def _unreadable(ix) -> str | None:
    """What cannot be read of the index: its files' sizes, then every stored field, column, length and
    posting. Slow on a large index: for when a search has failed, to tell damage from a bad query."""
    try:
        cut = _cut_short(ix)
        if cut:
            return cut
        with ix.reader() as r:
            for leaf, _ in r.leaf_readers():
                docs = list(leaf.all_doc_ids())
                for n in docs:
                    leaf.stored_fields(n)
                for name, field in leaf.schema.items():
                    if leaf.has_column(name):
                        list(leaf.column_reader(name))
                    if field.scorable:
                        for n in docs:
                            leaf.doc_field_length(n, name)
                for fieldname, text in leaf.all_terms():
                    list(leaf.postings(fieldname, text).all_ids())
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file makes Whoosh raise
        return f"{exc.__class__.__name__}: {_short(exc)}"
    return None


class _MpWriter(_Sizing, multiproc.MpWriter):
    """Whoosh's multiprocess writer, its sub-writers `_SubWriterTask`s."""

    def _new_task(self):
        task = _SubWriterTask(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                              self.multisegment)
        self.tasks.append(task)
        task.start()
        return task


class _SubWriterTask(multiproc.SubWriterTask):
    """A sub-writer process that exits as soon as the process which started it is gone.

    Whoosh's waits on its job queue for an end that a parent killed outright never sends: forked, it
    holds the queue's pipe open itself, so it would wait forever, and it holds the index's write lock
    too (an flock it inherited), so no later writer could open the index.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.parent_pid = os.getpid()

    def run(self):
        exit_with_parent(self.parent_pid)
        try:
            super().run()
        except OSError as exc:  # a full disk: the parent finds this exit code and says so, in one line
            os._exit(WRITER_FAILED_EXIT + (exc.errno or 0))


def _bounded(q):
    """`q` with each query that expands to many words made to stop, with QueryTooBroad, after looking through
    MAX_SCANNED_WORDS of them: `*a*` or `[a TO z]` would read every word of the index, and take longer the
    more articles there are. `*` and `body:*` (every article) are made a plain "every article"."""
    kind = type(q)
    if kind is query.Every and q.fieldname:
        if q.fieldname in ("id", "title", "body"):  # every article has one
            return query.Every(boost=q.boost)
        return _Prefix(q.fieldname, "", boost=q.boost)
    if kind is query.Wildcard:
        return _Wildcard(q.fieldname, q.text, boost=q.boost)
    if kind is query.Prefix:
        return _Prefix(q.fieldname, q.text, boost=q.boost)
    if kind is query.TermRange:
        return _TermRange(q.fieldname, q.start, q.end, q.startexcl, q.endexcl, boost=q.boost,
                          constantscore=q.constantscore)
    return q


class _Scanning:
    """An index reader whose word listings stop a query that has looked through too many words."""

    def __init__(self, reader, shown: str):
        self._reader, self._shown = reader, shown

    def __getattr__(self, name):
        return getattr(self._reader, name)

    def expand_prefix(self, fieldname, prefix):
        return self._counted(self._reader.expand_prefix(fieldname, prefix))

    def lexicon(self, fieldname):
        return self._counted(self._reader.lexicon(fieldname))

    def terms_from(self, fieldname, prefix):
        return self._counted(self._reader.terms_from(fieldname, prefix))

    def _counted(self, words):
        for n, word in enumerate(words, 1):
            if n > MAX_SCANNED_WORDS:
                raise QueryTooBroad(f"{self._shown} would look through more than {MAX_SCANNED_WORDS:,} words; "
                                    "put more letters before * or ?, or narrow the range")
            yield word


class _Scanned:
    """A query over many words, each looked through counted (see `_bounded`)."""

    def _btexts(self, ixreader):
        return super()._btexts(_Scanning(ixreader, self.shown()))


class _Wildcard(_Scanned, query.Wildcard):
    def shown(self) -> str:
        return f"“{self.text}”"


class _Prefix(_Scanned, query.Prefix):
    def shown(self) -> str:
        return f"“{self.fieldname}:*”" if not self.text else f"“{self.text}*”"


class _TermRange(_Scanned, query.TermRange):
    def shown(self) -> str:
        return f"the range [{' '.join(part for part in (self.start, 'TO', self.end) if part)}]"


def _lazy_union(q):
    """An OR (a word in title, body or captions) walked lazily, skipping along with its AND's other parts.

    Whoosh picks by segment size: below 5,000 documents it reads and scores every posting of every
    field first (ArrayUnionMatcher), even of documents the rest of the query rules out; same results,
    a fifth slower for two-word queries at 10,000 articles.
    """
    if type(q) is query.Or:
        q.matcher_type = query.Or.DEFAULT_MATCHER
    return q


class _Parser(QueryParser):
    """Whoosh's parser over the text fields; wildcard text is matched against the words as typed."""

    def __init__(self, fieldnames, schema):
        super().__init__(None, schema)
        self.add_plugin(MultifieldPlugin(fieldnames))

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True, removestops=True):
        if termclass in (query.Prefix, query.Wildcard) and fieldname in SEARCH_FIELDS:
            return termclass(fieldname, text.lower(), boost=boost)
        q = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if getattr(q, "error", None) is not None:  # else Whoosh matches nothing, or drops it under OR/NOT
            raise ValueError(f"{text!r} is not a parseable date" if fieldname == "date" else str(q.error))
        return q


def hit_spans(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of every word in `text` that a search for `words` matched, in surface form."""
    return [(start, end) for start, end, _ in find_words(text, words)]


def find_words(text: str, words: frozenset[str]):
    """(start, end, analysed word) of each word in `text` that indexes as one of `words`.

    The same answer as running the index analyzer over the whole text, but a regular expression
    built from the words' prefixes finds the few candidates first, so only they are stemmed: a
    600-word article takes a few hundredths of a millisecond instead of a millisecond or two.
    """
    if not words or not text:
        return
    lowered = text.lower()
    if len(lowered) != len(text):  # 'İ' lowercases to two characters: offsets would drift, so analyse it all
        found = {(t.startchar, t.endchar): t.text
                 for t in ANALYZER(text, chars=True, mode="index", removestops=False) if t.text in words}
        yield from ((start, end, word) for (start, end), word in sorted(found.items()))
        return
    for m in _candidates(words).finditer(lowered):
        word = m.group()
        if word in words:
            yield m.start(), m.end(), word
        elif (stemmed := stem(word)) in words:
            yield m.start(), m.end(), stemmed


@lru_cache(maxsize=64)
def _candidates(words: frozenset[str]) -> re.Pattern:
    # a stem is nearly a prefix of its words ('compani' of 'company'); all but its last two letters always are
    kept: list[str] = []
    for p in sorted({w[: max(1, len(w) - 2)] for w in words}):
        if not kept or not p.startswith(kept[-1]):  # 'spons' already finds what 'sponsor' would
            kept.append(p)
    alternatives = "|".join(re.escape(p) for p in kept)
    # at a token's start, as the tokenizer sees it: not inside a word nor after a word's apostrophe
    return re.compile(rf"(?<!\w)(?<!\w['’])(?:{alternatives})\w*(?:['’]\w+)*")


class _WordTokens(Tokenizer):
    """A Whoosh tokenizer for highlighting that yields only the words a search matched, with their offsets.

    Whoosh's PinpointFragmenter needs no other tokens, so a snippet costs a regular-expression scan of
    the text instead of analysing all of it (that was 2-4 ms a hit, most of a 20-hit search's time).
    """

    def __init__(self, words: frozenset[str]):
        self.words = words

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        for pos, (start, end, word) in enumerate(find_words(value, self.words), start_pos):
            # a new token each time: the fragmenter keeps the matched ones
            t = Token(positions, chars, removestops=removestops, mode=mode, text=word, boost=1.0)
            t.pos, t.startchar, t.endchar = pos, start + start_char, end + start_char
            yield t


class _Snippets:
    """Snippets of hits for one search: Whoosh's highlighter, fed the matched words only."""

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.tokens = _WordTokens(words)
        self.fragmenter = highlight.PinpointFragmenter(maxchars=220, surround=70, autotrim=True)
        self.formatter = _MarkFormatter()

    def of(self, text: str) -> str:
        if not self.words or not text:
            return ""
        return highlight.highlight(text, self.words, self.tokens, self.fragmenter, self.formatter, top=2)


def cap_query(text: str) -> tuple[str, str | None]:
    """The query on one line, without repeated NOTs, and at most MAX_QUERY_CHARS long (plus the closing
    marks of what the cut left open); with a notice when it was cut."""
    text = _single_nots(" ".join(text.split()))
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        return _closed(cut), f"query shortened to its first {len(cut)} characters"
    return text, None


_NOTS = re.compile(r"(?<![\w:])((?:NOT )+)(?=\S)")


def _single_nots(text: str) -> str:
    """NOT NOT x is x, and NOT NOT NOT x is NOT x (Whoosh's parser fails on a NOT after a NOT); not in phrases."""
    parts = text.split('"')
    for i in range(0, len(parts), 2):  # the even parts are outside quotes
        parts[i] = _NOTS.sub(lambda m: "NOT " if m.group(1).count("NOT") % 2 else "", parts[i])
    return '"'.join(parts)


def _closed(text: str) -> str:
    """`text` with the phrase, range or group the cut left open closed again."""
    if text.count('"') % 2:
        return text + '"'
    opened = []
    for ch in re.sub(r'"[^"]*"', " ", text):
        if ch in "([":
            opened.append(")" if ch == "(" else "]")
        elif ch in ")]" and opened and opened[-1] == ch:
            opened.pop()
    return text + "".join(reversed(opened))


_FIELD_PREFIX = re.compile(r"(?<![\w\"])([A-Za-z_]\w*):")


def check_query(text: str) -> None:
    """Reject what Whoosh would silently misread: unclosed quotes or brackets, unknown fields."""
    if not text.strip():
        raise QueryError("type some words to search for")
    if text.count('"') % 2:
        raise QueryError('unclosed quote: phrases need a closing "')
    outside = re.sub(r'"[^"]*"', " ", text)
    for open_, close, what in (("(", ")", "parenthesis"), ("[", "]", "range bracket")):
        depth = 0
        for ch in outside:
            depth += (ch == open_) - (ch == close)
            if depth < 0:
                break
        if depth:
            raise QueryError(f"unbalanced {what}: check the {open_} and {close}")
    for name in _FIELD_PREFIX.findall(outside):
        if name not in QUERY_FIELDS:
            known = ", ".join(f"{f}:" for f in QUERY_FIELDS)
            raise QueryError(f"unknown field '{name}:'; fields are {known}")


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Split text with hit markers into plain text and the hit spans within it."""
    plain: list[str] = []
    spans = []
    pos = 0
    start = None
    for part in re.split(f"([{_MARK_OPEN}{_MARK_CLOSE}])", marked):
        if part == _MARK_OPEN:
            start = pos
        elif part == _MARK_CLOSE:
            if start is not None:
                spans.append((start, pos))
            start = None
        else:
            plain.append(part.replace("\n", " "))  # one char for one keeps the spans valid
            pos += len(part)
    return "".join(plain), tuple(spans)


class _MarkFormatter(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return _MARK_OPEN + highlight.get_text(text, token, replace) + _MARK_CLOSE


def _positive_words(q, reader) -> frozenset[str]:
    """Analysed words of the query's positive parts in the text fields, wildcards expanded."""
    if isinstance(q, query.Not):
        return frozenset()
    if isinstance(q, query.AndNot):
        return _positive_words(q.a, reader)
    if isinstance(q, query.compound.CompoundQuery):
        out: set[str] = set()
        for sub in q.children():
            out |= _positive_words(sub, reader)
        return frozenset(out)
    try:
        terms = q.existing_terms(reader, phrases=True, expand=True)
    except Exception:
        return frozenset()
    return frozenset(_to_str(t) for f, t in terms if f in SEARCH_FIELDS)


def _positive_names(q) -> frozenset[tuple[str, ...]]:
    """The names that entity: and speaker: parts of the query ask for, each as a tuple of words."""
    if isinstance(q, query.Not):
        return frozenset()
    if isinstance(q, query.AndNot):
        return _positive_names(q.a)
    if isinstance(q, query.compound.CompoundQuery):
        return frozenset().union(*(_positive_names(sub) for sub in q.children()))
    if getattr(q, "fieldname", None) not in NAME_FIELDS:
        return frozenset()
    if isinstance(q, query.Phrase):
        return frozenset({tuple(_to_str(w) for w in q.words)})
    if isinstance(q, query.Term):
        return frozenset({(_to_str(q.text),)})
    return frozenset()


def _to_str(term) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _fields(d: Document) -> dict:
    article, size, mtime_ns = d.article, d.size, d.mtime_ns
    doc = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "captions": "\n".join(c.text for c in article.captions),
        "source": article.source,
        "day": article.date or "",
        "words": article.words,
        "size": size,
        "mtime": mtime_ns,
        "hash": article.content_hash,
        "fingerprint": article.fingerprint,
    }
    if article.date:
        doc["date"] = _dt.datetime.fromisoformat(article.date)
    return doc


def name_entry(d: Document) -> dict:
    """What the names index holds of an analyzed article: plain strings and counts, so that entries
    waiting to be written are small and are not walked by Python's garbage collector."""
    analysis = d.analysis
    return {
        "id": d.article.id,
        "hash": d.article.content_hash,
        "entity": NAME_SEPARATOR.join(analysis.entity_names() + analysis.entity_forms()),
        "speaker": NAME_SEPARATOR.join(analysis.speakers()),
        "quotes": len(analysis.speeches),
        "entities": len(analysis.entity_names()),
        "analyzed": d.analyzed,
    }


def _lead(body: str, chars: int = 200) -> str:
    first = body.split("\n\n", 1)[0]
    return first if len(first) <= chars else first[:chars].rsplit(" ", 1)[0] + "…"


def _open_or_create(directory: Path, name: str, schema: fields.Schema, keep: str | None = None):
    """(the index `name` in `directory`, why it was rebuilt or None), creating it when it is absent or damaged.

    Rebuilding empties the folder, apart from its subfolder `keep`.
    """
    directory.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # Whoosh leaves the TOC file open when it cannot parse it; it is closed as the error is dropped
        warnings.simplefilter("ignore", ResourceWarning)
        ix, reason = _try_open(directory, name, schema, keep)
        if ix is None:
            # ...and on a bad segment its reader() keeps the error in a local, a reference cycle that
            # holds the file open until the garbage collector runs; close it now, before _clear()
            gc.collect()
    if ix is not None:
        return ix, None
    _clear(directory, keep)
    with warnings.catch_warnings():
        # when it cannot write the TOC (a full disk) Whoosh leaves it open, held by the traceback: the
        # error is raised again without it, so the file is closed here
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return index.create_in(str(directory), schema, indexname=name), reason
        except OSError as exc:
            error = OSError(exc.errno, exc.strerror, exc.filename)
    raise error


def _try_open(directory: Path, name: str, schema: fields.Schema, keep: str | None):
    """(the index, None) if it opens and reads; else (None, why it must be rebuilt, or None if absent)."""
    try:
        if index.exists_in(str(directory), indexname=name):
            ix = index.open_dir(str(directory), indexname=name)
            if ix.schema.names() != schema.names():
                raise ValueError("schema differs")
            cut = _cut_short(ix)
            if cut:
                return None, damaged(cut)
            with ix.reader() as r:  # touch every segment so corruption shows now
                if r.doc_count_all():
                    list(r.column_reader("id"))
            return ix, None
    except Exception as exc:  # any failure to open means: rebuild the cache
        return None, f"the search index could not be opened ({_short(exc)}); rebuilding it"
    left = [child.name for child in directory.iterdir() if child.name != keep]
    if any(_TOC_FILE.fullmatch(name) for name in left):  # a complete index, under another version's name
        return None, "the search index was made by another version; rebuilding it"
    if left:  # files of a first build that never committed: the app was killed or crashed meanwhile
        return None, "the search index was left incomplete (its first build was interrupted); rebuilding it"
    return None, None


_TOC_FILE = re.compile(r"_\w+_\d+\.toc")  # Whoosh's table of contents of an index, renamed into place when whole


def _clear(directory: Path, keep: str | None = None) -> None:
    for child in directory.iterdir():
        if child.name == keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:120]


def _friendly(exc: BaseException) -> str:
    msg = _short(exc)
    m = re.match(r"'(.*)' is not a parseable date", msg)
    if m:
        return f"'{m.group(1)}' is not a date; write dates as YYYY-MM-DD"
    return f"could not understand the query: {msg}"
