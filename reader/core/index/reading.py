"""Reading columns without searching: the list's rows, and the (id, content hash) keys joining names to articles."""

from __future__ import annotations

import threading
import weakref

from whoosh import matching, query

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


_COLUMNS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def column_lists(reader, names: tuple[str, ...]) -> tuple[list, ...]:
    """Each of these columns whole, as a list indexed by document number (None for an empty segment's).

    Read once per reader (which lives as long as its searcher): a search listing 50,000 hits then costs a
    list index each, not a column read each.
    """
    with _KEYS_LOCK:
        found = _COLUMNS.setdefault(reader, {})
        missing = [name for name in names if name not in found]
        for name in missing:
            values: list = []
            for leaf, _offset in reader.leaf_readers():
                count = leaf.doc_count_all()
                values.extend(leaf.column_reader(name) if leaf.doc_count() else [None] * count)
            found[name] = values
        return tuple(found[name] for name in names)
