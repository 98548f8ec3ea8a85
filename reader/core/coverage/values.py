"""The coverage figures as values: what the view draws, the CLI prints and the reports write, each figure with the
articles behind it."""

from __future__ import annotations

from dataclasses import dataclass

from .watchlist import SPONSOR, Watched

# the most prominent first: an article counts once, at the first of these where the name appears
HEADLINE, LEDE, CAPTION, QUOTE, BODY = "headline", "lede", "caption", "quote", "body"
PLACEMENTS = (HEADLINE, LEDE, CAPTION, QUOTE, BODY)
PERIODS = ("week", "month", "quarter", "year")


@dataclass(frozen=True)
class Scope:
    """Which articles the figures cover: a date range (ISO dates, inclusive; None is open), a search's results and
    one outlet (the list's filters)."""

    date_from: str | None = None
    date_to: str | None = None
    query: str = ""
    source: str | None = None

    def describe(self) -> str:
        """ "the whole library", "1 Jan 2026 – 31 Mar 2026", "results of “heineken” from 2026-01-01" … in words."""
        parts = []
        if self.query:
            parts.append(f"results of “{self.query}”")
        if self.date_from and self.date_to:
            parts.append(f"{self.date_from} to {self.date_to}")
        elif self.date_from:
            parts.append(f"from {self.date_from}")
        elif self.date_to:
            parts.append(f"until {self.date_to}")
        if self.source:
            parts.append(f"in {self.source}")
        return ", ".join(parts) or "the whole library"

    def to_json(self) -> dict:
        return {"from": self.date_from, "to": self.date_to, "query": self.query or None, "source": self.source}


@dataclass(frozen=True)
class CoveredArticle:
    """An article a figure counts, with the most prominent place it names the watched name."""

    id: str
    title: str
    source: str
    date: str | None
    placement: str
    mentions: int

    def to_json(self) -> dict:
        return {"path": self.id, "title": self.title, "source": self.source, "date": self.date,
                "placement": self.placement, "mentions": self.mentions}  # fmt: skip


@dataclass(frozen=True)
class CoveredQuote:
    """A direct quote from an article that names the watched name, with what a citation needs."""

    text: str
    speaker: str
    article: str  # the article's id
    title: str
    source: str
    date: str | None

    def to_json(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "path": self.article, "title": self.title,
                "source": self.source, "date": self.date}  # fmt: skip


@dataclass(frozen=True)
class Count:
    """One bar of a figure: a placement, a period, a speaker or an outlet, the articles behind it, and its value
    (articles; for a speaker, quotes)."""

    label: str
    value: int
    articles: tuple[str, ...]  # article ids, in the list's order


@dataclass(frozen=True)
class NameCoverage:
    """Everything the view shows for one watched name over the scope."""

    watched: Watched
    articles: tuple[CoveredArticle, ...]
    mentions: int  # every occurrence of the name or an alias, in all its articles
    share_of_voice: float | None  # sponsors only: its articles ÷ all watched sponsors' articles in scope
    placement: tuple[Count, ...]  # one per PLACEMENTS, in that order, zeros included
    periods: tuple[Count, ...]  # every period from the scope's first dated article to its last, zeros included
    speakers: tuple[Count, ...]  # value = quotes, most first
    sources: tuple[Count, ...]  # most first
    named_without_sponsor: tuple[CoveredArticle, ...]  # properties with a sponsor only
    quotes: tuple[CoveredQuote, ...] = ()  # the top quotes for the report: those naming it first, then the rest

    @property
    def name(self) -> str:
        return self.watched.name

    def to_json(self) -> dict:
        out: dict = {
            "name": self.watched.name,
            "kind": self.watched.kind,
            "articles": len(self.articles),
            "mentions": self.mentions,
        }
        if self.watched.kind == SPONSOR:
            out["share_of_voice"] = self.share_of_voice
        out["placement"] = {c.label: c.value for c in self.placement}
        out["periods"] = [{"period": c.label, "articles": c.value} for c in self.periods]
        out["speakers"] = [{"speaker": c.label, "quotes": c.value} for c in self.speakers]
        out["sources"] = [{"source": c.label, "articles": c.value} for c in self.sources]
        out["named_without_sponsor"] = [
            {"path": a.id, "title": a.title, "date": a.date} for a in self.named_without_sponsor
        ]
        return out


@dataclass(frozen=True)
class Coverage:
    """The figures for every watched name over one scope."""

    scope: Scope
    by: str  # one of PERIODS
    per_outlet: bool  # False: syndicated copies of one article count once; True: once per outlet
    articles: int  # articles in scope (after the copies rule)
    names: tuple[NameCoverage, ...]  # in watchlist order
    unanalysed: int = 0  # articles in scope whose analysis is not cached yet: not counted

    def to_json(self) -> dict:
        return {
            "scope": {**self.scope.to_json(), "by": self.by, "per_outlet": self.per_outlet},
            "articles": self.articles,
            "unanalysed": self.unanalysed,
            "names": [n.to_json() for n in self.names],
        }
