"""A Coverage built by hand with known figures, for the tests of the charts, the reports and the view.

Two sponsors (Northbank, Heineken), a property (Northbank Arena, sponsored by Northbank, once named only as
"City Stadium"), two months (2026-01, 2026-02), speakers, sources and quotes. Every number below is counted from
the ARTICLES table, so a test can check a figure against it by eye.
"""

from __future__ import annotations

from reader.core.coverage.values import (
    PLACEMENTS,
    Count,
    Coverage,
    CoveredArticle,
    CoveredQuote,
    NameCoverage,
    Scope,
)
from reader.core.coverage.watchlist import PROPERTY, SPONSOR, Watched

NORTHBANK = Watched("Northbank", SPONSOR, ("Northbank Group",))
HEINEKEN = Watched("Heineken", SPONSOR)
ARENA = Watched("Northbank Arena", PROPERTY, ("City Stadium",), sponsor="Northbank")

# id, title, source, date
ARTICLES = {
    "jan/a1.txt": ("Northbank signs arena deal", "The Courier", "2026-01-05"),
    "jan/a2.txt": ("Derby day preview", "Daily Post", "2026-01-12"),
    "jan/a3.txt": ("Fans queue at City Stadium", "The Courier", "2026-01-20"),
    "feb/a4.txt": ("Heineken and Northbank renew", "Daily Post", "2026-02-02"),
    "feb/a5.txt": ("Cup final: a night to remember", "Evening Star", "2026-02-14"),
}


def covered(article_id: str, placement: str, mentions: int = 1) -> CoveredArticle:
    title, source, date = ARTICLES[article_id]
    return CoveredArticle(article_id, title, source, date, placement, mentions)


def counts(labels_to_ids: dict[str, tuple[str, ...]], values: dict[str, int] | None = None) -> tuple[Count, ...]:
    return tuple(Count(label, (values or {}).get(label, len(ids)), ids) for label, ids in labels_to_ids.items())


def placement_counts(articles: tuple[CoveredArticle, ...]) -> tuple[Count, ...]:
    return tuple(Count(p, *_ids_count(a.id for a in articles if a.placement == p)) for p in PLACEMENTS)


def _ids_count(ids) -> tuple[int, tuple[str, ...]]:
    ids = tuple(ids)
    return len(ids), ids


NORTHBANK_QUOTE = CoveredQuote(
    "This deal puts Northbank at the heart of the city",
    "Jane Smith",
    "jan/a1.txt",
    "Northbank signs arena deal",
    "The Courier",
    "2026-01-05",
)
HEINEKEN_QUOTE = CoveredQuote(
    "We are proud to stay", "Tom Brown", "feb/a4.txt", "Heineken and Northbank renew", "Daily Post", "2026-02-02"
)


def northbank() -> NameCoverage:
    articles = (
        covered("jan/a1.txt", "headline", 3),
        covered("jan/a2.txt", "lede", 1),
        covered("feb/a4.txt", "headline", 2),
        covered("feb/a5.txt", "caption", 1),
    )
    return NameCoverage(
        watched=NORTHBANK,
        articles=articles,
        mentions=7,
        share_of_voice=4 / 6,
        placement=placement_counts(articles),
        periods=counts({"2026-01": ("jan/a1.txt", "jan/a2.txt"), "2026-02": ("feb/a4.txt", "feb/a5.txt")}),
        speakers=counts({"Jane Smith": ("jan/a1.txt",), "Tom Brown": ("feb/a4.txt",)}, {"Jane Smith": 2}),
        sources=counts(
            {
                "The Courier": ("jan/a1.txt",),
                "Daily Post": ("jan/a2.txt", "feb/a4.txt"),
                "Evening Star": ("feb/a5.txt",),
            }
        ),
        named_without_sponsor=(),
        quotes=(NORTHBANK_QUOTE, HEINEKEN_QUOTE),
    )


def heineken() -> NameCoverage:
    articles = (covered("feb/a4.txt", "headline", 1), covered("feb/a5.txt", "quote", 1))
    return NameCoverage(
        watched=HEINEKEN,
        articles=articles,
        mentions=2,
        share_of_voice=2 / 6,
        placement=placement_counts(articles),
        periods=counts({"2026-01": (), "2026-02": ("feb/a4.txt", "feb/a5.txt")}),
        speakers=counts({"Tom Brown": ("feb/a4.txt",)}),
        sources=counts({"Daily Post": ("feb/a4.txt",), "Evening Star": ("feb/a5.txt",)}),
        named_without_sponsor=(),
        quotes=(HEINEKEN_QUOTE,),
    )


def arena() -> NameCoverage:
    articles = (covered("jan/a1.txt", "body", 1), covered("jan/a3.txt", "headline", 2))
    return NameCoverage(
        watched=ARENA,
        articles=articles,
        mentions=3,
        share_of_voice=None,
        placement=placement_counts(articles),
        periods=counts({"2026-01": ("jan/a1.txt", "jan/a3.txt"), "2026-02": ()}),
        speakers=(),
        sources=counts({"The Courier": ("jan/a1.txt", "jan/a3.txt")}),
        named_without_sponsor=(covered("jan/a3.txt", "headline", 2),),
    )


def sample_coverage(scope: Scope | None = None) -> Coverage:
    """The whole sample: 5 articles in scope; Northbank in 4, Heineken in 2, the arena in 2 (once as City Stadium)."""
    return Coverage(
        scope=scope or Scope("2026-01-01", "2026-02-28"),
        by="month",
        per_outlet=False,
        articles=5,
        names=(northbank(), heineken(), arena()),
    )


def empty_coverage() -> Coverage:
    return Coverage(scope=Scope(query="nothing matches"), by="month", per_outlet=False, articles=0, names=())
