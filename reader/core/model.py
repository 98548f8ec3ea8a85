"""The values every layer shares: an article, its parts and spans; index documents, list rows, search results."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .formats import MULTI_SUFFIXES

if TYPE_CHECKING:  # annotations only: the values stay importable without the analysis and view modules
    from .analysis.values import Analysis
    from .view import ArticleView

__all__ = [
    "BODY",
    "ENTRY_MARK",
    "PARAGRAPH_BREAK",
    "TITLE",
    "Article",
    "ArticleRow",
    "ArticleView",
    "Caption",
    "Document",
    "Filters",
    "Hit",
    "Part",
    "Phrase",
    "SearchResult",
    "Span",
    "caption_part",
    "copy_key",
    "fingerprint",
    "first_copy",
    "paragraph_end",
    "paragraph_start",
    "split_id",
    "split_paragraphs",
]

# ---------------------------------------------------------------- article: parts and spans

TITLE, BODY = "title", "body"
SNIPPET = "snippet"  # not a part of the article: the search result's snippet, which its hits index into
PARAGRAPH_BREAK = "\n\n"  # the paragraphs of a part are split by one blank line, and only by that
ENTRY_MARK = "#"  # "feeds/sport.rss#3fa9c2d1": one entry of a file that holds several articles


def caption_part(i: int) -> str:
    """The name of the part that is the article's caption `i` (counted from 0, as `Article.captions`)."""
    return f"caption {i}"


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one part of an article: its title, its body or one of its captions."""

    start: int
    end: int
    part: str = field(default=BODY, kw_only=True)


@dataclass(frozen=True)
class Part:
    """One string of an article that is read, analyzed and marked on its own; spans index into `text`."""

    name: str  # TITLE, BODY or caption_part(i)
    text: str


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Each paragraph of `text` with the offset it starts at; none for an empty text."""
    found, start = [], 0
    for para in text.split(PARAGRAPH_BREAK) if text else []:
        found.append((start, para))
        start += len(para) + len(PARAGRAPH_BREAK)
    return found


def paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph that holds `offset` starts."""
    before = text.rfind(PARAGRAPH_BREAK, 0, offset)
    return 0 if before < 0 else before + len(PARAGRAPH_BREAK)


def paragraph_end(text: str, offset: int) -> int:
    """Where the paragraph that holds `offset` ends: at the next paragraph break, else at the text's end."""
    after = text.find(PARAGRAPH_BREAK, offset)
    return len(text) if after < 0 else after


def split_id(article_id: str) -> tuple[str, str | None]:
    """(the file's id, the entry's key or None): "sport.rss#3fa9c2d1" → ("sport.rss", "3fa9c2d1")."""
    file_id, mark, key = article_id.rpartition(ENTRY_MARK)
    if mark and key and file_id.lower().endswith(MULTI_SUFFIXES):
        return file_id, key
    return article_id, None


def fingerprint(body: str) -> str:
    """A digest of the body's words alone: case, accents, punctuation, quote marks and spacing differ
    between copies of one wire story, and between a page saved as HTML and as text."""
    if not body:
        return ""
    folded = unicodedata.normalize("NFKD", body.casefold())
    words = re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c)))
    return hashlib.blake2b(" ".join(words).encode(), digest_size=12).hexdigest() if words else ""


@dataclass(frozen=True)
class Caption:
    """A photo caption, kept apart from the body; `paragraph` is the body paragraph it sat before."""

    text: str
    credit: str
    paragraph: int

    @property
    def line(self) -> str:
        if not self.credit:  # a web page's caption often names no one
            return self.text
        return f"{self.text} ©{self.credit}" if self.text else f"©{self.credit}"


@dataclass(frozen=True)
class Article:
    id: str
    path: Path
    title: str
    date: str | None
    source: str
    body: str
    captions: tuple[Caption, ...] = ()
    content_hash: str = ""
    url: str | None = None
    author: str | None = None
    truncated: bool = False
    headline_only: bool = False  # a feed entry that gave a headline and no text: the body is the headline
    corrected: frozenset[str] = frozenset()  # the details taken from the sidecar, not the file

    @property
    def file_id(self) -> str:
        """The id of the file the article is in (its own id, unless it is one entry of a feed)."""
        return split_id(self.id)[0]

    @cached_property
    def fingerprint(self) -> str:
        """The same for copies of one text (saved twice, or wire copy run by several outlets)."""
        return fingerprint(self.body) or f"id:{self.id}"

    def parts(self) -> tuple[Part, ...]:
        """The strings the article is read in: its title, its body, then each caption, in that order."""
        return (
            Part(TITLE, self.title),
            Part(BODY, self.body),
            *(Part(caption_part(i), c.text) for i, c in enumerate(self.captions)),
        )

    @property
    def paragraphs(self) -> list[str]:
        return [para for _, para in split_paragraphs(self.body)]

    @property
    def words(self) -> int:
        return len(self.body.split())

    def to_json(self) -> dict:
        return {
            "path": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "author": self.author,
            "url": self.url,
            "captions": [c.line for c in self.captions],
            "body": self.body,
            "headline_only": self.headline_only,
        }


# ---------------------------------------------------------------- index: documents, rows, search results


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
        return cls(
            a.id,
            a.title,
            a.date,
            a.source,
            a.words,
            doc.size,
            doc.mtime_ns,
            a.content_hash,
            quotes,
            entities,
            doc.analyzed if analysis else "",
            a.fingerprint,
        )


def copy_key(row: ArticleRow) -> str:
    """What copies of one article share; a row without a fingerprint is nobody's copy."""
    return row.fingerprint or f"id:{row.id}"


def first_copy(row: ArticleRow) -> tuple:
    """Which of an article's copies stands for them all: the earliest dated (the original, most likely), then by id."""
    return row.date is None, row.date or "", row.id


@dataclass(frozen=True)
class Hit:
    """One article a search found: its snippet, and where the matched words are in the snippet."""

    article_id: str
    title: str
    date: str | None
    score: float
    snippet: str
    snippet_spans: tuple[Span, ...] = ()  # their part is SNIPPET

    def to_json(self) -> dict:
        return {
            "path": self.article_id,
            "title": self.title,
            "date": self.date,
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class Phrase:
    """A phrase a search asked for, as analysed words: lit only where they stand as the phrase.

    `slop` is Whoosh's: 1 for the words next to each other, N for at most N positions apart (`"a b"~N`).
    """

    words: tuple[str, ...]
    slop: int = 1


@dataclass(frozen=True)
class Filters:
    """What narrows a search, or the whole library, without query syntax: one source (exactly as the list
    shows it) and a range of days (ISO dates, both ends included); None is no limit. Dated ranges leave
    undated articles out."""

    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def __bool__(self) -> bool:
        return any((self.source, self.date_from, self.date_to))


@dataclass(frozen=True)
class SearchResult:
    """What a search found, best first (newest first when no word of it ranks), and what of the query the
    reading pane lights up: `words` wherever they are, `phrases` only where they match, `names` as entities."""

    query: str
    total: int
    hits: list[Hit]
    words: frozenset[str] = frozenset()  # analysed terms to light up in the reading pane
    notice: str | None = None
    names: frozenset[tuple[str, ...]] = frozenset()  # entity: and speaker: names asked for, as words
    phrases: frozenset[Phrase] = frozenset()

    def to_json(self) -> dict:
        out = {"query": self.query, "total": self.total, "hits": [h.to_json() for h in self.hits]}
        if self.notice:
            out["notice"] = self.notice
        return out


def __getattr__(name: str):
    # ArticleView is built over the analysis, which is built over the spans above: it is imported when asked for
    if name == "ArticleView":
        from .view import ArticleView

        return ArticleView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
