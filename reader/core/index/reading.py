"""Reading columns without searching: the list's rows, and the (id, content hash) keys joining names to articles."""

from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager

from whoosh import columns, matching, query

from .schema import NAME_FIELDS


def column_rows(ix, names: tuple[str, ...]):
    """The values of these columns for each live document of the index."""
    with ix.reader() as r:
        for _, values in live_columns(r, names):
            yield values


def live_columns(reader, names: tuple[str, ...]):
    """(document number, values of these columns) of each live document, read segment by segment."""
    # a combined column reader over segments numbers documents wrongly when one segment lacks a column
    for leaf, offset in reader.leaf_readers():
        if not leaf.doc_count():  # an empty segment's reader has no columns
            continue
        cols = [leaf.column_reader(name) for name in names]
        for n in leaf.all_doc_ids():
            yield offset + n, tuple(c[n] for c in cols)


def names_joined(q, names_searcher):
    """`q` with each `entity:` or `speaker:` part replaced by the articles whose names index matches it.

    `names_searcher()` gives the names index's searcher, asked for only when the query has such a part.
    """
    if not any(getattr(leaf, "fieldname", None) in NAME_FIELDS for leaf in q.leaves()):
        return q

    def resolved(part):
        if getattr(part, "fieldname", None) not in NAME_FIELDS:
            return part
        s = names_searcher()
        keys = _keys_by_docnum(s.reader())
        return _ArticleKeys(frozenset(keys[n] for n in s.docs_for_query(part)), part.boost)

    return q.accept(resolved)


class _ArticleKeys(query.Query):
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
            found = _DOCNUMS[reader] = {key: n for n, key in live_columns(reader, ("id", "hash"))}
        return found


def _keys_by_docnum(reader) -> dict[int, tuple[str, str]]:
    """{document number: (article id, content hash)} of a names index reader, segment by segment."""
    with _KEYS_LOCK:
        found = _KEYS.get(reader)
        if found is None:
            found = _KEYS[reader] = dict(live_columns(reader, ("id", "hash")))
        return found


class _Kept:
    """Values read from an index, kept by what they depend on: a segment (its files never change once written;
    a deletion changes none of its columns) or the list of an index's segments.

    Keyed by segment names, not reader objects, so that what one reader read (the list's rows at launch,
    read with a reader of their own) serves the kept searcher's reader too. The least recently used go first.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self._lock = threading.Lock()
        self._values: dict = {}
        self._making: dict = {}  # key -> Event set when the thread making it is done

    def get(self, key, make):
        with self._lock:
            if key in self._values:
                self._values[key] = value = self._values.pop(key)  # now the newest
                return value
            making = self._making.get(key)
            if making is None:
                done = self._making[key] = threading.Event()
        if making is not None:  # another thread makes it (the warming one): only this waits, nothing else
            making.wait()
            with self._lock:
                if key in self._values:
                    return self._values[key]
            return make()  # it failed there; fail or succeed here
        try:
            value = make()
            with self._lock:
                self._values[key] = value
                while len(self._values) > self.limit:
                    del self._values[next(iter(self._values))]
            return value
        finally:
            with self._lock:
                del self._making[key]
            done.set()


_BY_SEGMENT = _Kept(limit=256)  # a few columns and lengths of each of a few indexes' segments
_BY_INDEX = _Kept(limit=16)


def per_segment(leaf, key, make):
    """`make()`, kept for this segment reader's segment (made each time for a reader of no segment)."""
    name = segment_name(leaf)
    return make() if name is None else _BY_SEGMENT.get((name, key), make)


def per_index(reader, key, make):
    """`make()`, kept for the segments this reader reads (its document numbers are theirs in order)."""
    segments = tuple(segment_name(leaf) for leaf, _offset in reader.leaf_readers())
    return make() if None in segments else _BY_INDEX.get((segments, key), make)


def segment_name(leaf) -> str | None:
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    return None if segment is None else segment.segment_id()


def column_lists(reader, names: tuple[str, ...]) -> tuple[list, ...]:
    """Each of these columns whole, as a list indexed by document number (None in an empty segment).

    Kept (see `_Kept`): a search listing 50,000 hits costs a list index each, not a column read each, and
    the first search finds what the list's rows read at launch.
    """

    def whole(name: str):
        values: list = []
        for leaf, _offset in reader.leaf_readers():
            values.extend(per_segment(leaf, ("column", name), lambda leaf=leaf: _column_values(leaf, name)))
        return values

    return tuple(per_index(reader, ("column", name), lambda name=name: whole(name)) for name in names)


def _column_values(leaf, name: str) -> list:
    """One segment's column, each string column read in one piece (Whoosh reads an item at a time), through a
    file opened for it alone (a reader's own column files would stay open until it is closed)."""
    if not leaf.doc_count():  # an empty segment's reader has no columns
        return [None] * leaf.doc_count_all()
    field = leaf.schema[name]
    translate = field.from_column_value
    with segment_column(leaf, name, field.column_type) as raw:
        if raw is None:  # no document of the segment has the column
            return [translate(field.column_type.default_value(False))] * leaf.doc_count_all()
        if type(raw) is not columns.VarBytesColumn.Reader:
            return [translate(v) for v in raw]
        offsets, lengths = raw._offsets, raw._lengths
        data = raw._dbfile.get(raw._basepos, offsets[-1] + lengths[-1]) if len(lengths) else b""
    return [translate(data[start : start + length]) for start, length in zip(offsets, lengths)]


@contextmanager
def segment_column(leaf, name: str, column):
    """A raw reader of the column `name` of a segment's reader, over a file closed on leaving; None without one."""
    perdoc = leaf._perdoc
    if not perdoc.has_column(name):
        yield None
        return
    colfile, offset, length = perdoc._get_column_file(name)
    try:
        yield column.reader(colfile, offset, length, perdoc.doc_count_all())
    finally:
        colfile.close()
