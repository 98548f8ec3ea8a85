"""The Whoosh full-text index of the articles and their names; `store.Index` is what the library opens."""

from .analysis import WordAnalyzer
from .errors import (
    INDEX_DELETED,
    IndexBusy,
    IndexDamaged,
    IndexDeleted,
    IndexProblem,
    IndexUnsaved,
    QueryError,
    QueryTooBroad,
)
from .highlight import hit_spans
from .schema import Codec
from .store import Index

__all__ = [
    "INDEX_DELETED",
    "Codec",  # and WordAnalyzer: every index's table of contents names them here (see analysis.SAVED_IN)
    "Index",
    "IndexBusy",
    "IndexDamaged",
    "IndexDeleted",
    "IndexProblem",
    "IndexUnsaved",
    "QueryError",
    "QueryTooBroad",
    "WordAnalyzer",
    "hit_spans",
]
