"""The Index: the articles' Whoosh index and, beside it, the names index; opened, written and searched.

The index is a cache of the articles folder: anything wrong with it is fixed by rebuilding it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import sorting, writing

from ..model import ArticleRow, Document, Filters, Hit, SearchResult
from . import files
from .errors import IndexDamaged, QueryError, damaged
from .processes import pool_options
from .query import cap_query, friendly, parse_search, positive_names, positive_phrases, positive_words, ranked
from .reading import column_rows, names_joined
from .schema import (
    INDEX_NAME,
    NAME_COLUMNS,
    NAMES_DIR,
    NAMES_NAME,
    NAMES_SCHEMA,
    ROW_COLUMNS,
    SCHEMA,
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
        ix, reason = files.open_or_create(directory, INDEX_NAME, SCHEMA, keep=NAMES_DIR)
        names, _ = files.open_or_create(directory / NAMES_DIR, NAMES_NAME, NAMES_SCHEMA)
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
        return files.has_gone(self.directory, INDEX_NAME) or files.has_gone(self.directory / NAMES_DIR, NAMES_NAME)

    def rows(self) -> dict[str, ArticleRow]:
        """Every article's row, with the counts of its analysis when the names index has them for this text."""
        names = {aid: rest for aid, *rest in column_rows(self._names, NAME_COLUMNS)}
        rows = {}
        for aid, title, day, source, words, size, mtime, hash_, copy in column_rows(self._ix, ROW_COLUMNS):
            found = names.get(aid)
            quotes, entities, analyzed = found[1:] if found and found[0] == hash_ else (None, None, "")
            rows[aid] = ArticleRow(
                aid, title, day or None, source, words, size, mtime, hash_, quotes, entities, analyzed, copy
            )
        return rows

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
        filters: Filters | None = None,
    ) -> SearchResult:
        """Run the query; IndexDamaged if a file of the index cannot be read, QueryError if the query fails.

        `analysis_of` gives the cached analysis of a hit from its stored fields (and its "hash"), so that a
        name search's snippets show the sentence naming the name, or the speaker's quote.
        """
        text, notice = cap_query(text)
        q, only = parse_search(text, filters)  # `only`: what the filters let through
        with self._searching:
            try:
                return self._search(q, text, notice, limit, analysis_of, only)
            except QueryError:
                raise
            except Exception as exc:
                why = self.unreadable()  # a read error is damage, not the query's fault
                if why:
                    raise IndexDamaged(damaged(why)) from None
                raise QueryError(friendly(exc)) from None

    def _search(self, q, text: str, notice: str | None, limit: int | None, analysis_of, only=None) -> SearchResult:
        s = self._searcher.current()
        joined = names_joined(q, self._names_searcher.current)
        # rank everything: with a limit, Whoosh's block-skipping shortcut mis-scores the
        # per-field ORs (12 of 100 two-word top-20s differed at 10k articles), and the
        # full run gives the exact count without a second pass
        # a query with no word of the text to rank by lists newest first (undated last), not in index order
        order = None if ranked(q) else _NEWEST_FIRST
        results = s.search(joined, limit=None, collapse="fingerprint", sortedby=order, filter=only)  # copies: the first
        words, phrases = positive_words(q, s.reader()), positive_phrases(q)
        asked = Asked(words, phrases, positive_names(q, ("entity",)), positive_names(q, ("speaker",)))
        columns = {name: s.reader().column_reader(name) for name in ("day", "hash") if s.reader().has_column(name)}
        snippets = Snippets(asked, analysis_of)
        hits = [self._hit(h, columns, snippets, order is None) for h in (results[:limit] if limit else results)]
        return SearchResult(text, len(results), hits, words, notice, asked.names, phrases)

    def unreadable(self) -> str | None:
        """What cannot be read of the articles' or the names' index, reading all of both; None if all can."""
        return files.unreadable(self._ix) or files.unreadable(self._names)

    def discard(self) -> None:
        """Close the index and delete its files (a damaged index, to be made again by `Index.open`)."""
        self.close()
        if self.directory is not None:
            files.clear(self.directory)

    @staticmethod
    def _hit(h, columns: dict, snippets: Snippets, scored: bool) -> Hit:
        fields = h.fields()
        if "hash" in columns:
            fields["hash"] = columns["hash"][h.docnum]
        snippet, spans = snippets.best(fields)
        day = columns["day"][h.docnum] if "day" in columns else ""
        score = (h.score or 0.0) if scored else 0.0  # a sorted hit's "score" is its sort key
        return Hit(fields["id"], fields.get("title", ""), day or None, score, snippet, spans)


_NEWEST_FIRST = sorting.MultiFacet([sorting.FieldFacet("day", reverse=True), sorting.FieldFacet("id")])


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
