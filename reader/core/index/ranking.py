"""Every hit of a query ranked at once: Whoosh's own BM25F scores, a posting list at a time with NumPy.

Whoosh walks its matcher tree one posting at a time in Python (60-90 % of a search's time at 10,000
articles). For the queries people type most (words, AND, OR, `field:word`) this module reads each
word's postings whole, scores them with the formula Whoosh's `BM25FScorer` uses, and adds them up
along the same tree Whoosh builds (`make_weighted_tree`, by estimated sizes), so the scores are
Whoosh's own to the last bit or so, and the order (score, then document number) is the same.
Anything else (phrases, wildcards, NOT, ranges, names) answers None: the caller lets Whoosh rank it.
"""

from __future__ import annotations

import threading
import weakref
from bisect import insort
from typing import TYPE_CHECKING, NamedTuple

from whoosh import query, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from ..errors import ReaderError
from .query import check_breadth
from .reading import column_lists, per_index, per_segment, segment_column, segment_name

if TYPE_CHECKING:
    import numpy as np


class Ranked(NamedTuple):
    """Hits best first: their scores and global document numbers (parallel NumPy arrays)."""

    scores: np.ndarray
    docnums: np.ndarray


def warm(reader, text_fields: tuple[str, ...], collapse: str, sort_columns: tuple[str, ...]) -> None:
    """Do now, with any reader of the index, what its first search would: import NumPy, decode the fields'
    lengths, number the `collapse` and sort columns' values (a tenth of a second or more at 50,000 articles)."""
    import numpy  # noqa: F401 - imported for its import time

    for leaf, _offset in reader.leaf_readers():
        for name in text_fields:
            if leaf.doc_count_all():
                _lengths(leaf, name)
    _codes(reader, collapse)
    for name in sort_columns:  # last: only a query with no word to rank by sorts by them
        _ranks(reader, name)


WARM_POSTINGS = 2_000_000  # decoded ahead: ~1.2 s of one core and 16 MB at 50,000 articles


class Stopped(ReaderError):
    """A warm-up told to stop (the index closing): caught by the warm-up itself, never shown."""


def warm_postings(reader, text_fields: tuple[str, ...], go=lambda: True, budget: int | None = None) -> int:
    """Decode ahead the postings of the words in the most documents, heaviest first, until `budget` postings
    (default WARM_POSTINGS) are kept: the words whose first search would spend longest decoding (a word in
    30,000 articles, ~20 ms). `go()` is asked between blocks: it may wait (while a search runs) and answers
    False to stop (Stopped). Returns how many postings are decoded and kept."""
    budget = WARM_POSTINGS if budget is None else budget
    heaviest = []
    for leaf, _offset in reader.leaf_readers():
        for name in text_fields:
            if leaf.doc_count_all() and name in leaf.schema:
                words = per_segment(
                    leaf, ("heaviest", name, budget), lambda leaf=leaf, name=name: _heaviest(leaf, name, budget, go)
                )
                heaviest += [(count, name, btext, leaf) for count, btext in words]
    heaviest.sort(key=lambda word: word[0], reverse=True)
    kept = 0
    for count, name, btext, leaf in heaviest:
        if kept + count > budget:
            break
        if _decoded_key(leaf, name, btext) not in _DECODED and _postings(leaf, name, btext, go) is None:
            raise Stopped
        kept += count
    return kept


def _heaviest(leaf, fieldname: str, budget: int, go) -> list[tuple[int, bytes]]:
    """(document count, word) of the words of a segment's field in most documents, at most `budget` postings."""
    words = []
    for i, (btext, info) in enumerate(leaf.iter_field(fieldname)):
        if not i % 2000 and not go():
            raise Stopped
        words.append((info.doc_frequency(), btext))
    words.sort(reverse=True)
    total, cut = 0, 0
    while cut < len(words) and total + words[cut][0] <= budget:
        total += words[cut][0]
        cut += 1
    return words[:cut]


def rank_all(searcher, q, only=None, collapse: str | None = None) -> Ranked | None:
    """Every document matching `q` (and the filter query `only`), best first as Whoosh's
    `searcher.search(q, limit=None, filter=only, collapse=collapse)` orders them; None under a weighting
    other than BM25F (Whoosh must then rank it)."""
    import numpy as np

    check_breadth(q, searcher.reader())
    if not isinstance(searcher.weighting, scoring.BM25F):
        return None
    found = _gather(searcher, lambda sub: _node(q, sub, searcher), only)
    order = np.lexsort((found.docnums, -found.scores))  # best first, then lowest document number, as Whoosh
    ranked = Ranked(found.scores[order], found.docnums[order])
    return _collapsed(searcher, ranked, collapse) if collapse else ranked


def newest_all(searcher, q, only=None, collapse: str | None = None) -> Ranked:
    """Every document matching `q` (and `only`), newest first (undated last), then by id, as Whoosh sorts
    by `day` reversed then `id` (the scores all 0): a query with no word to rank by."""
    import numpy as np

    check_breadth(q, searcher.reader())
    found = _gather(searcher, lambda sub: _with_zeros(_ids(q, sub)), only)
    reader = searcher.reader()
    day, aid = _ranks(reader, "day")[found.docnums], _ranks(reader, "id")[found.docnums]
    order = np.lexsort((found.docnums, aid, -day))
    ranked = Ranked(found.scores[order], found.docnums[order])
    return _collapsed(searcher, ranked, collapse) if collapse else ranked


def _gather(searcher, per_segment, only) -> Ranked:
    """(scores, global document numbers) of `per_segment(sub-searcher)` over the segments, live documents
    within `only` alone, in no order."""
    import numpy as np

    scores, docnums = [], []
    for sub, offset in searcher.leaf_searchers():
        ids, s = per_segment(sub)
        if only is not None:
            keep = np.isin(ids, _ids(only, sub), assume_unique=True)
            ids, s = ids[keep], s[keep]
        ids, s = _live(sub.reader(), ids, s)
        docnums.append(ids.astype(np.int64) + offset)
        scores.append(s)
    if not scores:
        return Ranked(np.zeros(0), np.zeros(0, dtype=np.int64))
    return Ranked(np.concatenate(scores), np.concatenate(docnums))


def _with_zeros(ids):
    import numpy as np

    return ids, np.zeros(len(ids))


def _ids(q, sub):
    """The sorted document numbers matching `q` in the segment of `sub`, deleted ones perhaps included:
    posting lists read whole for words, patterns, AND, OR and NOT; Whoosh's matcher for any other part."""
    import numpy as np

    kind = type(q)
    reader = sub.reader()
    if kind is query.Term or isinstance(q, query.MultiTerm):
        if q.fieldname not in sub.schema or not sub.schema[q.fieldname].format:
            return _leaf_ids(q, sub)
        field = sub.schema[q.fieldname]
        if kind is query.Term:
            try:
                texts = [field.to_bytes(q.text)]
            except ValueError:
                texts = []
            texts = [t for t in texts if (q.fieldname, t) in reader]
        else:  # the words of the segment's own word list: no need to look each up again
            texts = [t for t in q._btexts(reader) if t]
        found = [_postings(reader, q.fieldname, btext)[0] for btext in texts]
        return _distinct(np.concatenate(found)) if found else _empty()[0]
    if kind in (query.And, query.Or) and q.subqueries:
        parts = [_ids(part, sub) for part in q.subqueries if type(part) is not query.Not]
        ids = parts[0] if parts else np.arange(reader.doc_count_all())
        for part in parts[1:]:
            ids = np.intersect1d(ids, part, assume_unique=True) if kind is query.And else _distinct((ids, part))
        for part in q.subqueries:
            if type(part) is query.Not:
                ids = np.setdiff1d(ids, _ids(part.query, sub), assume_unique=True) if kind is query.And else None
                if ids is None:
                    return _leaf_ids(q, sub)
        return ids
    if kind is query.Not:
        return np.setdiff1d(np.arange(reader.doc_count_all()), _ids(q.query, sub), assume_unique=True)
    return _leaf_ids(q, sub)


def _leaf_ids(q, sub):
    """What Whoosh's own matcher for `q` walks to, one document at a time."""
    import numpy as np

    m = q.matcher(sub, sub.boolean_context())
    return np.fromiter(m.all_ids(), dtype=np.int64) if m.is_active() else _empty()[0]


def _leaf(q, sub, top):
    """(document numbers, scores) of a part ranked by Whoosh's own matcher (a phrase, a pattern, a name), walked
    one document at a time: the scores are Whoosh's by construction."""
    import numpy as np

    m = q.matcher(sub, top.context())
    ids, scores = [], []
    while m.is_active():
        ids.append(m.id())
        scores.append(m.score())
        m.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(scores, dtype=np.float64)


def _node(q, sub, top):
    """(sorted document numbers, their scores) of `q` in the segment of the sub-searcher `sub`."""
    import numpy as np

    if type(q) is query.Term:
        return _term(q, sub, top)
    if type(q) is query.Not:  # Whoosh's InverseMatcher: every other live document, scoring 1.0
        ids = np.setdiff1d(np.arange(sub.reader().doc_count_all()), _ids(q.query, sub), assume_unique=True)
        return ids, np.ones(len(ids))
    if type(q) not in (query.And, query.Or) or (
        type(q) is query.Or and (q.scale or q.minmatch or q.matcher_type != query.Or.DEFAULT_MATCHER)
    ):
        return _leaf(q, sub, top)
    subs = q.subqueries
    if not subs:
        return _empty()
    if len(subs) == 1:  # Whoosh's CompoundQuery.matcher: the one part's matcher, its boost not applied
        return _node(subs[0], sub, top)
    reader = sub.reader()
    if type(q) is query.And:
        weighted = [(0 - s.estimate_size(reader), s) for s in subs]
        combine = _intersection
    else:
        weighted = [(s.estimate_size(reader), s) for s in subs]
        combine = _union
    # make_weighted_tree: the two lightest joined first; ties keep the parts' order
    items = [(w, i, _node(s, sub, top)) for i, (w, s) in enumerate(weighted)]
    items.sort(key=lambda item: (item[0], item[1]))
    serial = len(items)
    while len(items) > 1:
        (wa, _, a), (wb, _, b) = items.pop(0), items.pop(0)
        insort(items, (wa + wb, serial, combine(a, b)), key=lambda item: (item[0], item[1]))
        serial += 1
    ids, scores = items[0][2]
    if q.boost != 1.0:
        scores = scores * q.boost
    return ids, scores


def _empty():
    import numpy as np

    return np.zeros(0, dtype=np.int64), np.zeros(0)


def _union(a, b):
    import numpy as np

    ids = _distinct((a[0], b[0]))
    scores = np.zeros(len(ids))
    scores[np.searchsorted(ids, a[0])] += a[1]
    scores[np.searchsorted(ids, b[0])] += b[1]  # 0 + x + y is x + y, bit for bit
    return ids, scores


def _distinct(parts):
    """The sorted distinct numbers of these arrays: np.union1d's answer, by one sort (NumPy 2's union1d hashes,
    ten times slower here)."""
    import numpy as np

    numbers = np.sort(np.concatenate(parts) if isinstance(parts, tuple) else parts, kind="stable")
    keep = np.empty(len(numbers), dtype=bool)
    keep[:1] = True
    np.not_equal(numbers[1:], numbers[:-1], out=keep[1:])
    return numbers[keep]


def _intersection(a, b):
    import numpy as np

    ids, ia, ib = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    return ids, a[1][ia] + b[1][ib]


def _term(q: query.Term, sub, top):
    """A word's postings in one segment, scored as `BM25FScorer` does (idf and mean length index-wide)."""

    schema = sub.schema
    if q.fieldname not in schema:
        return _empty()
    field = schema[q.fieldname]
    if not field.scorable:
        return _leaf(q, sub, top)
    try:
        btext = field.to_bytes(q.text)
    except ValueError:
        return _empty()
    reader = sub.reader()
    if (q.fieldname, btext) not in reader:
        return _empty()
    key = (q.fieldname, btext, q.boost, id(top))
    kept = _SCORED.get(reader, key)
    if kept is not None:
        return kept
    scored = _scored(q, reader, btext, top)
    _SCORED.put(reader, key, scored)
    return scored


def _scored(q: query.Term, reader, btext: bytes, top):
    ids, weights = _postings(reader, q.fieldname, btext)
    weighting = top.weighting
    b = weighting._field_B.get(q.fieldname, weighting.B)
    k1 = weighting.K1
    idf = top.idf(q.fieldname, btext)
    avgfl = top.avg_field_length(q.fieldname) or 1
    fl = _lengths(reader, q.fieldname)[ids]
    # bm25() of whoosh.scoring, operation for operation, in doubles as Python computes it
    scores = idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * fl / avgfl)))
    if q.boost != 1.0:
        scores = scores * q.boost
    return ids, scores


def _postings(reader, fieldname: str, btext: bytes, go=None):
    """(document numbers, weights as doubles) of a term's postings in a segment, deleted ones included: kept
    by segment (its files never change) in `_DECODED`, since decoding them is most of a first search's time.
    With `go`, asked between blocks: None once it answers False (stopped halfway, nothing kept)."""
    import numpy as np

    key = _decoded_key(reader, fieldname, btext)
    kept = _DECODED.get(key) if key is not None else None
    if kept is not None:
        return kept[0], kept[1].astype(np.float64)
    m = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    ids: list = []
    weights: list = []
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):  # Whoosh 3's block postings: a block at a time
        blocks = 0
        while m.is_active():
            blocks += 1
            if go is not None and not blocks % 32 and not go():
                return None
            m._read_ids()
            m._read_weights()
            ids.extend(m._ids)
            weights.extend(m._weights)
            m._next_block()
    else:  # postings kept inline with the term
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            m.next()
    decoded = np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float32)
    if key is not None:
        _DECODED.put(key, decoded)
    return decoded[0], decoded[1].astype(np.float64)


def _decoded_key(reader, fieldname: str, btext: bytes):
    """What a word's decoded postings in a segment are kept by: the segment, the time and size of its postings
    file (a file damaged in place is read again, and found damaged), the field and the word. None for a reader
    of no segment."""
    name = segment_name(reader)
    storage = getattr(reader, "_storage", None)
    if name is None or storage is None:
        return None
    filename = reader.segment().make_filename(".pst")
    try:
        return name, storage.file_modified(filename), storage.file_length(filename), fieldname, btext
    except (OSError, NameError):  # gone: read it, and meet the trouble there
        return None


def _live(reader, ids, scores):
    import numpy as np

    deleted = reader.deleted_docs_set if hasattr(reader, "deleted_docs_set") else None
    if not deleted:
        return ids, scores
    keep = ~np.isin(ids, np.fromiter(deleted, dtype=np.int64, count=len(deleted)))
    return ids[keep], scores[keep]


def _collapsed(searcher, ranked: Ranked, column: str) -> Ranked:
    """Only the best of each group of documents sharing a non-empty value of `column`, as Whoosh's
    CollapseCollector keeps them: the highest score, then the lowest document number."""
    import numpy as np

    codes = _codes(searcher.reader(), column)[ranked.docnums]
    by_code = np.argsort(codes, kind="stable")  # within a value, best first still
    sorted_codes = codes[by_code]
    starts = np.ones(len(codes), dtype=bool)
    starts[1:] = sorted_codes[1:] != sorted_codes[:-1]
    keep = np.zeros(len(codes), dtype=bool)
    keep[by_code[starts]] = True
    keep[codes < 0] = True  # an empty value collapses nothing
    return Ranked(ranked.scores[keep], ranked.docnums[keep])


class _Budgeted:
    """Arrays of postings kept by key, up to `budget` postings in all (the length of each value's first array),
    the least recently used dropped first."""

    def __init__(self, budget: int):
        self.BUDGET = budget
        self._lock = threading.Lock()
        self._entries: dict = {}  # key -> value, oldest first
        self._size = 0

    def get(self, key):
        with self._lock:
            found = self._entries.pop(key, None)
            if found is not None:
                self._entries[key] = found  # now the newest
            return found

    def put(self, key, value) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old[0])
            self._entries[key] = value
            self._size += len(value[0])
            while self._size > self.BUDGET and self._entries:
                self._size -= len(self._entries.pop(next(iter(self._entries)))[0])

    def __contains__(self, key) -> bool:
        return key in self._entries


class _ScoredTerms(_Budgeted):
    """The scored postings of the words searched lately, per segment reader: (ids, scores, the reader's ref).

    Scoring is cheap next to decoding (`_DECODED`), yet people search the same words again as they refine a
    query. Scores depend on index-wide statistics, so the top-level searcher is part of the key; a reader (and
    its entries) goes with its searcher.
    """

    def get(self, reader, key):
        found = super().get((id(reader), key))
        return None if found is None or found[2]() is not reader else found[:2]

    def put(self, reader, key, value) -> None:  # type: ignore[override]
        super().put((id(reader), key), (*value, weakref.ref(reader)))


_SCORED = _ScoredTerms(2_000_000)  # 12 bytes a posting (a 32-bit document number and a double)
# decoded postings by (segment, field, word): 8 bytes a posting (a 32-bit document number, a float weight)
_DECODED = _Budgeted(3_000_000)


def _lengths(reader, fieldname: str):
    """Each document's length in `fieldname` as the scorer reads it: the stored byte decoded (1 with none)."""
    import numpy as np

    def make():
        count = reader.doc_count_all()
        with segment_column(reader, f"_{fieldname}_len", LENGTHS_COLUMN) as column:
            if column is None:  # no document has the field: Whoosh's default
                return np.ones(count)
            if getattr(column, "_fixedlen", None) != 1:  # not the codec's byte a document: one at a time
                stored = np.array(list(column), dtype=np.uint8)
            else:  # one byte a document, read whole rather than a document at a time
                stored = np.zeros(count, dtype=np.uint8)
                known = min(column._count, count)
                stored[:known] = np.frombuffer(column._dbfile.get(column._basepos, known), dtype=np.uint8)
        return np.array([float(byte_to_length(b)) for b in range(256)])[stored]

    return per_segment(reader, ("lengths", fieldname), make)


def _codes(reader, column: str):
    """Each document's value of `column` as a number (equal values, equal numbers; empty -1), index-wide."""
    import numpy as np

    def make():
        (values,) = column_lists(reader, (column,))
        numbers: dict = {}
        return np.fromiter(
            (numbers.setdefault(v, len(numbers)) if v else -1 for v in values), dtype=np.int64, count=len(values)
        )

    return per_index(reader, ("codes", column), make)


def _ranks(reader, column: str):
    """Each document's place in the sorted values of `column` (equal values, equal places), index-wide."""
    import numpy as np

    def make():
        (values,) = column_lists(reader, (column,))
        values = ["" if v is None else v for v in values]
        places = {v: i for i, v in enumerate(sorted(set(values)))}
        return np.fromiter((places[v] for v in values), dtype=np.int64, count=len(values))

    return per_index(reader, ("ranks", column), make)
