"""The index's format: versions, schemas, field lists, the codec, and what each document holds of an article."""

from __future__ import annotations

import datetime as _dt

from whoosh import columns, fields
from whoosh.analysis import StandardAnalyzer
from whoosh.codec.whoosh3 import W3Codec

from ..model import Document
from .analysis import ANALYZER, NAME_ANALYZER, NAME_SEPARATOR, SAVED_IN

SCHEMA_VERSION = 7  # 4: names moved to their own index; 5: copies share a fingerprint; 6: no folder as source;
# 7: character references in text files decoded
INDEX_NAME = f"articles_v{SCHEMA_VERSION}"
SEARCH_FIELDS = ("title", "body", "captions")
NAME_FIELDS = ("entity", "speaker")
NAMES_DIR = "names"  # the names index, in a folder of its own inside the index's
NAMES_NAME = "names_v1"


class Codec(W3Codec):
    """Whoosh's codec without the per-posting field lengths it keeps for its top-N shortcut.

    Looking each one up cost a third of writing a segment. Searches rank every hit (see `Index.search`),
    and scores read the lengths from their own column, so nothing else changes.
    """

    __module__ = SAVED_IN  # each segment in the table of contents holds one, pickled: see SAVED_IN
    length_stats = False


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


def document_fields(d: Document) -> dict:
    """The fields of the articles index's document for `d`."""
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
    if analysis is None:
        raise ValueError(f"article {d.article.id} has no analysis to index")
    return {
        "id": d.article.id,
        "hash": d.article.content_hash,
        "entity": NAME_SEPARATOR.join(analysis.entity_names() + analysis.entity_forms()),
        "speaker": NAME_SEPARATOR.join(analysis.speakers()),
        "quotes": len(analysis.speeches),
        "entities": len(analysis.entity_names()),
        "analyzed": d.analyzed,
    }
