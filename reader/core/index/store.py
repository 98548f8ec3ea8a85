"""The Index: the articles' Whoosh index and, beside it, the names index; opened, written and searched.

The index is a cache of the articles folder: anything wrong with it is fixed by rebuilding it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from whoosh import query, writing

from ..model import ArticleRow, Document, Filters, Hit, SearchResult, Span
from . import files
from .errors import IndexDamaged, QueryError, damaged
from .query import (
    cap_query,
    friendly,
    parse_query,
    parse_search,
    positive_names,
    positive_phrases,
    positive_words,
    ranked,
)
from .ranking import newest_all, rank_all, warm, warm_postings
from .reading import column_lists, column_rows, names_joined, per_index, segment_column
from .schema import (
    INDEX_NAME,
    NAME_COLUMNS,
    NAMES_DIR,
    NAMES_NAME,
    NAMES_SCHEMA,
    ROW_COLUMNS,
    SCHEMA,
    SEARCH_FIELDS,
    document_fields,
    name_entry,
)
from .snippets import Asked, Snippets
from .writing import abandon, failing_safely, open_writer

if TYPE_CHECKING:
    from ..analysis.values import Analysis


class Index:
    """The articles' Whoosh index and, beside it, the names index.

    Use `Index.open`, which rebuilds what it cannot open.
    """

    def __init__(self, ix, names, directory: Path | None):
        """`names`: the names index, or None to open it (in `directory`) when it is first needed."""
        self._ix = ix
        self._names_ix = names
        self._names_opening = threading.Lock()
        self.directory = directory
        # kept between searches: opening one costs ~7 ms at 10k articles; one thread at a time each
        self._searcher = _KeptSearcher(lambda: ix)
        self._names_searcher = _KeptSearcher(self._open_names)
        self._searching = threading.Lock()
        self._closing = threading.Event()
        self._warm_lock = threading.Lock()  # guards the next two
        self._warming: threading.Thread | None = None
        self._warm_again = False  # asked for while a warm-up runs: it runs once more
        self._postings_to_warm = True  # at the first reading of the rows only: a launch (see `warm`)

    @classmethod
    def open(cls, directory: Path) -> tuple[Index, str | None]:
        """Open the index in `directory`, creating or rebuilding it. Returns it and why it was rebuilt.

        The names index is rebuilt on its own when it alone is damaged: the analysis cache refills it. It is
        opened when first needed (a search from the command line without entity: or speaker: never opens it),
        but made now if it is not there, so that `deleted()` can tell one deleted since.
        """
        directory = Path(directory)
        ix, reason = files.open_or_create(directory, INDEX_NAME, SCHEMA, keep=NAMES_DIR)
        index = cls(ix, None, directory)
        if files.has_gone(directory / NAMES_DIR, NAMES_NAME):
            index._open_names()
        return index, reason

    @property
    def _names(self):
        return self._open_names()

    def _open_names(self):
        """The names index, opened (or made again, if damaged) on first use."""
        with self._names_opening:
            if self._names_ix is None:
                assert self.directory is not None  # an index in memory is made with its names index
                self._names_ix, _ = files.open_or_create(self.directory / NAMES_DIR, NAMES_NAME, NAMES_SCHEMA)
            return self._names_ix

    @classmethod
    def in_memory(cls) -> Index:
        """An index kept in memory only, for a data folder that cannot be written: gone when the app exits."""
        from whoosh.filedb.filestore import RamStorage

        ix = RamStorage().create_index(SCHEMA, indexname=INDEX_NAME)
        names = RamStorage().create_index(NAMES_SCHEMA, indexname=NAMES_NAME)
        return cls(ix, names, None)

    def close(self) -> None:
        self._closing.set()
        warming = self._warming
        if warming is not None and warming is not threading.current_thread():
            warming.join()  # it stops within a block of postings
        with self._searching:
            self._searcher.close()
            self._names_searcher.close()
        self._ix.close()
        if self._names_ix is not None:
            self._names_ix.close()

    def doc_count(self) -> int:
        return self._ix.doc_count()

    def deleted(self) -> bool:
        """Whether the articles' or the names' index is gone from disk since it was opened.

        A listing of two folders: cheap enough before each search. Whoosh itself would fail on a
        deleted index with errors about files that do not exist, or find nothing.
        """
        if self.directory is None:  # in memory
            return False
        return files.has_gone(self.directory, INDEX_NAME) or files.has_gone(self.directory / NAMES_DIR, NAMES_NAME)

    def rows(self) -> dict[str, ArticleRow]:
        """Every article's row, with the counts of its analysis when the names index has them for this text."""
        names = {aid: rest for aid, *rest in column_rows(self._names, NAME_COLUMNS)}
        rows = {}
        with self._ix.reader() as reader:  # read whole and kept: the first search needs these columns too
            lists = column_lists(reader, ROW_COLUMNS)
            live = list(reader.all_doc_ids())
        for aid, title, day, source, words, size, mtime, hash_, copy in zip(*([c[n] for n in live] for c in lists)):
            found = names.get(aid)
            quotes, entities, analyzed = found[1:] if found and found[0] == hash_ else (None, None, "")
            rows[aid] = ArticleRow(
                aid, title, day or None, source, words, size, mtime, hash_, quotes, entities, analyzed, copy
            )
        self._warm_soon()  # the rest of what a first search needs
        return rows

    def _warm_soon(self) -> None:
        """Warm in a thread of its own, one at a time; not a daemon: the interpreter waits for it to end."""
        with self._warm_lock:
            if self._warming is not None:
                self._warm_again = True
                return
            self._warming = threading.Thread(target=self._warm_while_asked, name="warming the search")
            self._warming.start()

    def _warm_while_asked(self) -> None:
        again = True
        while again:
            self.warm()
            with self._warm_lock:
                again, self._warm_again = self._warm_again and not self._closing.is_set(), False
                if not again:
                    self._warming = None

    def warm(self) -> None:
        """Make ready what a first search needs that the list's rows did not (see `ranking.warm`), with a
        reader of its own (closed after), so that the first search takes no longer than the others.

        The first time only (the list read at a launch), it also decodes the postings of the words in the
        most articles (`ranking.warm_postings`). Not after a write: a first build, an analysis pass or a
        watched change would pay for it again and again, in the memory and the cores they need. It gives
        way to searches: while one runs it waits, so a search asked at once meets a few milliseconds of
        decoding at most."""
        if self._closing.is_set():
            return
        postings, self._postings_to_warm = self._postings_to_warm, False
        try:
            with self._ix.reader() as reader:
                column_lists(reader, _SHOWN)  # a new segment's, after a write (the rows at launch read them)
                warm(reader, SEARCH_FIELDS, "fingerprint", ("day", "id"))
                decoded = warm_postings(reader, SEARCH_FIELDS, go=self._searches_done) if postings else 0
        except Exception:  # stopped (the index closing), or only a head start: a search reports any trouble itself
            return
        if decoded:  # its garbage counted towards a full collection: made here, not in the first search
            gc.collect()

    def _searches_done(self) -> bool:
        """Wait for the search running, if one is; False once the index is closing."""
        if self._searching.locked() and not self._closing.is_set():
            with self._searching:
                pass
        return not self._closing.is_set()

    def stamps(self) -> tuple[dict[str, tuple[int, int]], set[str]]:
        """{article id: (size, mtime_ns) of its file as indexed}, and the ids indexed more than once: what an
        index update compares a folder's stat against, read from three columns rather than every row's."""
        stamps: dict[str, tuple[int, int]] = {}
        twice: set[str] = set()
        for aid, size, mtime in column_rows(self._ix, ("id", "size", "mtime")):
            if aid in stamps:
                twice.add(aid)
            stamps[aid] = (size, mtime)
        return stamps, twice

    def doubled(self) -> set[str]:
        """The ids of articles indexed more than once (by syncs that raced, before adds replaced by id)."""
        if self._ix.doc_count() == 0:
            return set()
        seen: set[str] = set()
        twice: set[str] = set()
        for (aid,) in column_rows(self._ix, ("id",)):
            (twice if aid in seen else seen).add(aid)
        return twice

    def write(
        self, docs: Iterable[Document], remove: Iterable[str] = (), expected: int = 0, replace_all: bool = False
    ) -> int:
        """Delete `remove` ids, then add `docs`, in one commit; then the names of those that have an analysis.

        A changed article is passed in both. `expected` is how many articles are coming; it decides
        whether a process pool pays. With `replace_all` the commit drops every older document, so
        searches keep working on the old index until the new one is complete.
        Returns the number of documents added.
        """
        from .processes import pool_options  # multiprocessing: a search never needs it

        options = pool_options(expected) if self.directory is not None else {}  # processes share no RAM index
        writer = open_writer(self._ix, **options)
        remove = list(remove)
        analysed: list[dict] = []  # name entries of the documents with an analysis
        written = 0
        with failing_safely(lambda: abandon(writer)):
            # what is committed now, with the write lock held: another process may have added an article
            # since the caller worked out what to add, so each is added in place of any it finds
            committed = writer.searcher()
            try:
                for aid in remove:
                    writer.delete_by_term("id", aid, searcher=committed)
                for doc in docs:
                    if not replace_all:
                        writer.delete_by_term("id", doc.article.id, searcher=committed)
                    writer.add_document(**document_fields(doc))
                    if doc.analysis is not None:
                        analysed.append(name_entry(doc))
                    written += 1
            finally:
                committed.close()
            writer.commit(mergetype=writing.CLEAR if replace_all else None)
        self.write_names(analysed, remove=remove, prune=replace_all)
        if written or remove:
            self._warm_soon()  # the new segment's columns and the index-wide sort keys
        return written

    def write_names(self, entries: Iterable[dict], remove: Iterable[str] = (), prune: bool = False) -> int:
        """Replace the names of some articles (`name_entry` of each) and drop those of `remove`, in one commit.

        With `prune`, names of articles no longer in the index are dropped too.
        """
        entries = list(entries)
        gone = set(remove) - {e["id"] for e in entries}
        if prune:
            present = {aid for (aid,) in column_rows(self._ix, ("id",))}
            gone |= {aid for (aid,) in column_rows(self._names, ("id",))} - present
        if not entries and not gone:
            return 0
        writer = open_writer(self._names)
        with failing_safely(lambda: abandon(writer)):
            for aid in gone:
                writer.delete_by_term("id", aid)
            for entry in entries:
                writer.update_document(**entry)
            writer.commit()
        return len(entries)

    # ------------------------------------------------------------ search

    def search(
        self,
        text: str,
        limit: int | None = 50,
        analysis_of: Callable[[dict], Analysis | None] | None = None,
        snippets: int | None = None,
        filters: Filters | None = None,
    ) -> SearchResult:
        """Run the query; IndexDamaged if a file of the index cannot be read, QueryError if the query fails.

        The best `limit` hits (None or 0: every hit), the first `snippets` of them (None: all) with their
        snippets. The others carry none: the list makes them for the rows it shows (`snippets()`), so that
        50,000 hits cost little more than their ranking.
        `analysis_of` gives the cached analysis of a hit from its stored fields (and its "hash"), so that a
        name search's snippets show the sentence naming the name, or the speaker's quote.
        """
        text, notice = cap_query(text)
        q, only = parse_search(text, filters)  # `only`: what the filters let through
        return self._reading(lambda: self._search(q, text, notice, limit, analysis_of, snippets, only))

    def snippets(
        self, text: str, ids: Iterable[str], analysis_of: Callable[[dict], Analysis | None] | None = None
    ) -> dict[str, tuple[str, tuple[Span, ...]]]:
        """{article id: (snippet, its hit spans)} of these articles for the query `text`, as `search` makes them.

        An article no longer indexed has none. Errors as `search`.
        """
        text, _ = cap_query(text)
        q = parse_query(text) if text.strip() else query.Every()  # filters alone: the lead of each

        def made() -> dict[str, tuple[str, tuple[Span, ...]]]:
            s = self._searcher.current()
            made = _Made(s, Snippets(_asked(q, s), analysis_of))
            docnums = {aid: s.document_number(id=aid) for aid in ids}
            return {aid: made.of(docnum) for aid, docnum in docnums.items() if docnum is not None}

        return self._reading(made)

    def _reading(self, read: Callable[[], _T]) -> _T:
        """`read()` with the searcher to itself; a read error is damage, any other a fault of the query."""
        with self._searching:
            try:
                return read()
            except QueryError:
                raise
            except Exception as exc:
                why = self.unreadable()  # a read error is damage, not the query's fault
                if why:
                    raise IndexDamaged(damaged(why)) from None
                raise QueryError(friendly(exc)) from None

    def _search(
        self, q, text: str, notice: str | None, limit: int | None, analysis_of, snippets: int | None, only=None
    ) -> SearchResult:
        s = self._searcher.current()
        joined = names_joined(q, self._names_searcher.current)
        scores, docnums, total = _ranked(s, joined, only, limit, by_score=ranked(q))
        asked = _asked(q, s)
        ids, titles, dates, hashes = _shown(s.reader(), docnums)
        made = _Made(s, Snippets(asked, analysis_of), hashes)
        shown = len(docnums) if snippets is None else min(snippets, len(docnums))
        hits = [
            Hit(ids[docnum], titles[docnum], dates[docnum], score, *made.of(docnum))
            for score, docnum in zip(scores[:shown], docnums[:shown])
        ]
        rest = docnums[shown:]  # tens of thousands: made with as little Python as can be
        hits += map(
            Hit,
            map(ids.__getitem__, rest),
            map(titles.__getitem__, rest),
            map(dates.__getitem__, rest),
            scores[shown:],
            repeat("", len(rest)),
            repeat((), len(rest)),
        )
        return SearchResult(text, total, hits, asked.words, notice, asked.names, asked.phrases)

    def unreadable(self) -> str | None:
        """What cannot be read of the articles' or the names' index, reading all of both; None if all can."""
        return files.unreadable(self._ix) or files.unreadable(self._names)

    def discard(self) -> None:
        """Close the index and delete its files (a damaged index, to be made again by `Index.open`)."""
        self.close()
        if self.directory is not None:
            files.clear(self.directory)


_T = TypeVar("_T")
_SHOWN = ("id", "title", "day", "hash")  # the columns a search reads: a hit's line, and its analysis's key
_FEW = 100  # hits whose values of them are read one each, rather than the columns whole


def _shown(reader, docnums: list[int]) -> tuple[Sequence | Mapping, ...]:
    """The ids, titles, dates (None: undated) and content hashes of these documents, each indexable by document
    number: of a few (a top 20 from the command line) their values alone, read one each; of more, the columns
    whole, kept for the next search (a list of 50,000 hits costs a list index each, not a column read each)."""
    if len(docnums) > _FEW:
        ids, titles, days, hashes = column_lists(reader, _SHOWN)
        return ids, titles, per_index(reader, ("dates",), lambda: [day or None for day in days]), hashes
    few = {name: _values(reader, name, docnums) for name in _SHOWN}
    return few["id"], few["title"], {n: day or None for n, day in few["day"].items()}, few["hash"]


def _values(reader, name: str, docnums: list[int]) -> dict[int, object]:
    """{document number: its value of the column `name`} of these documents, read one value each."""
    field = reader.schema[name]
    found = {}
    for leaf, offset in reader.leaf_readers():
        mine = [n for n in docnums if offset <= n < offset + leaf.doc_count_all()]
        if not mine:
            continue
        with segment_column(leaf, name, field.column_type) as raw:
            for n in mine:
                value = field.column_type.default_value(False) if raw is None else raw[n - offset]
                found[n] = field.from_column_value(value)
    return found


def _ranked(s, q, only, limit: int | None, by_score: bool) -> tuple[list[float], list[int], int]:
    """The scores and document numbers of the best `limit` (None or 0: all) of every hit of `q` within `only`,
    and how many hits there are. Copies of a text count once. Ranked by score (`by_score`), else newest first
    (undated last), with scores of 0: a query with no word of the text to rank by, not in index order.

    Every hit is ranked, with no top-N shortcut: Whoosh's skipped documents when its AND's OR parts turned
    into an AndMaybeMatcher (its skip_to moves the optional part to the asked number, not to where the
    required part landed), which lost the scores of words in a second field (12 of 100 two-word top-20s
    differed at 10k articles); and the full run gives the exact count without a second pass.
    """
    if by_score:
        found = rank_all(s, q, only, collapse="fingerprint")
    else:
        found = newest_all(s, q, only, collapse="fingerprint")
    if found is None:  # a weighting of Whoosh's other than BM25F: Whoosh ranks
        results = s.search(q, limit=None, collapse="fingerprint", sortedby=None, filter=only)
        top = results.top_n[:limit] if limit else results.top_n
        return [score or 0.0 for score, _ in top], [docnum for _, docnum in top], len(results)
    count = len(found.docnums) if not limit else min(limit, len(found.docnums))
    return found.scores[:count].tolist(), found.docnums[:count].tolist(), len(found.docnums)


def _asked(q, s) -> Asked:
    """What of the query `q` a snippet shows, its words as the searcher `s`'s index holds them."""
    return Asked(
        positive_words(q, s.reader()),
        positive_phrases(q),
        positive_names(q, ("entity",)),
        positive_names(q, ("speaker",)),
    )


class _Made:
    """The snippets of one search's hits, from their stored fields (the text) and content hash (the analysis)."""

    def __init__(self, s, snippets: Snippets, hashes: Sequence | Mapping | None = None):
        self.s, self.snippets = s, snippets
        self.hashes = hashes  # by document number; None: the column's, whole

    def of(self, docnum: int) -> tuple[str, tuple[Span, ...]]:
        hashes = self.hashes if self.hashes is not None else column_lists(self.s.reader(), ("hash",))[0]
        return self.snippets.best(dict(self.s.stored_fields(docnum), hash=hashes[docnum]))


class _KeptSearcher:
    """One Whoosh searcher, kept until a commit has made its index newer.

    Not Whoosh's `refresh()`: reusing the old segment readers, it brought back documents deleted since.
    """

    def __init__(self, index: Callable):
        self._index = index  # gives the Whoosh index, opening it on first use
        self._searcher = None

    def current(self):
        if self._searcher is not None and self._searcher.reader().generation() != self._index().latest_generation():
            self.close()
        if self._searcher is None:
            self._searcher = self._index().searcher()
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
