"""The values every layer shares: what the index holds of an article, the list's rows, and search results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the values stay importable without the articles and analysis modules
    from .analysis.values import Analysis
    from .articles import Article


@dataclass(frozen=True)
class Document:
    """What one index document is made of: the article, its file's stat, and its analysis if done."""

    article: Article
    size: int
    mtime_ns: int
    analysis: Analysis | None = None
    analyzed: str = ""  # the analyzer fingerprint of `analysis`


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
        quotes, entities = (len(analysis.speeches), len(analysis.entity_names())) if analysis else (None, None)
        return cls(a.id, a.title, a.date, a.source, a.words, doc.size, doc.mtime_ns, a.content_hash,
                   quotes, entities, doc.analyzed if analysis else "", a.fingerprint)


@dataclass(frozen=True)
class Hit:
    """One article a search found: its snippet, and where the matched words are in the snippet."""

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
    """What a search found, best first, and what of the query the reading pane lights up."""

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
