"""Coverage facts for articles analysed before facts were kept: made once from the article and its cached
analysis (the file is read, nothing is analysed), by the analysis pass and on the way to coverage."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..files import ArticleError
from ..model import Article, ArticleRow

if TYPE_CHECKING:
    from ..library import Library

BACKFILL_BATCH = 32  # articles read, looked up in the cache and given facts together


def missing_facts(library: Library, rows: list[ArticleRow]) -> list[ArticleRow]:
    """The analysed rows whose content has no coverage facts yet."""
    fingerprint = library.analyzer.fingerprint
    done = library.cache.with_facts()
    return [r for r in rows if r.analyzed == fingerprint and r.content_hash and r.content_hash not in done]


def backfill(library: Library, rows: list[ArticleRow], cancel: Callable[[], bool] | None = None) -> int:
    """Give facts to every analysed row of `rows` without; returns how many articles got them. An article whose
    file is gone or changed since it was indexed is left for the next sync; `cancel` is polled between batches."""
    todo = missing_facts(library, rows)
    made = 0
    for i in range(0, len(todo), BACKFILL_BATCH):
        if cancel and cancel():
            break
        loaded: list[Article] = []
        for row in todo[i : i + BACKFILL_BATCH]:
            try:
                article = library._load_indexed(row.id)
            except ArticleError:
                continue
            if article.content_hash == row.content_hash:
                loaded.append(article)
        analyses = library.cache.get_many(loaded)
        made += library.cache.put_facts((a, analyses[a.content_hash]) for a in loaded if a.content_hash in analyses)
    return made
