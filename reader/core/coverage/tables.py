"""The coverage figures as tables of rows, written once here for the XLSX, CSV and PDF reports alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .values import Count, Coverage, CoveredArticle, NameCoverage
from .watchlist import PROPERTY

PERCENT, INTEGER, TEXT = "percent", "integer", "text"  # how a column's values are shown


@dataclass(frozen=True)
class Table:
    """One table of a report: its title (the sheet's name), the file stem of its CSV, its columns and rows.

    A cell is a str, an int, a float (share of voice, a fraction 0–1) or None (no value: a blank cell)."""

    title: str
    stem: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    kinds: tuple[str, ...]  # one of PERCENT, INTEGER, TEXT per column


def tables(coverage: Coverage) -> tuple[Table, ...]:
    """Names, Periods, Spokespeople, Outlets, Named without sponsor and Articles, in that order."""
    return (names_table(coverage), periods_table(coverage), spokespeople_table(coverage), outlets_table(coverage),
            named_without_sponsor_table(coverage), articles_table(coverage))  # fmt: skip


def names_table(coverage: Coverage) -> Table:
    columns = ("name", "kind", "articles", "mentions", "share of voice", "headline", "lede", "caption", "quote",
               "body", "named without sponsor")  # fmt: skip
    rows = tuple(
        (
            n.name,
            n.watched.kind,
            len(n.articles),
            n.mentions,
            n.share_of_voice,
            *(c.value for c in n.placement),
            len(n.named_without_sponsor) if _has_sponsor(n) else None,
        )
        for n in coverage.names
    )
    kinds = (TEXT, TEXT, INTEGER, INTEGER, PERCENT, *(INTEGER,) * 6)
    return Table("Names", "names", columns, rows, kinds)


def periods_table(coverage: Coverage) -> Table:
    rows = tuple((n.name, c.label, c.value) for n in coverage.names for c in n.periods)
    return Table("Periods", "periods", ("name", "period", "articles"), rows, (TEXT, TEXT, INTEGER))


def spokespeople_table(coverage: Coverage) -> Table:
    rows = tuple((n.name, c.label, c.value) for n in coverage.names for c in n.speakers)
    return Table("Spokespeople", "spokespeople", ("name", "speaker", "quotes"), rows, (TEXT, TEXT, INTEGER))


def outlets_table(coverage: Coverage) -> Table:
    rows = tuple((n.name, c.label, c.value) for n in coverage.names for c in n.sources)
    return Table("Outlets", "outlets", ("name", "source", "articles"), rows, (TEXT, TEXT, INTEGER))


def named_without_sponsor_table(coverage: Coverage) -> Table:
    rows = tuple((n.name, a.title, a.source, a.date, a.id) for n in coverage.names for a in n.named_without_sponsor)
    columns = ("property", "title", "source", "date", "file")
    return Table("Named without sponsor", "named_without_sponsor", columns, rows, (TEXT,) * 5)


def articles_table(coverage: Coverage) -> Table:
    """Every article each figure counts: a name's articles, then those behind each period, speaker and outlet,
    and those naming a property without its sponsor."""
    rows = tuple(
        (n.name, figure, a.title, a.source, a.date, a.id, a.placement)
        for n in coverage.names
        for figure, a in _figures(n)
    )
    columns = ("name", "figure", "title", "source", "date", "file", "placement")
    return Table("Articles", "articles", columns, rows, (TEXT,) * 7)


def _figures(n: NameCoverage) -> Iterator[tuple[str, CoveredArticle]]:
    by_id = {a.id: a for a in n.articles}
    for a in n.articles:
        yield "articles", a
    for prefix, group in (("period", n.periods), ("speaker", n.speakers), ("outlet", n.sources)):
        for count in group:
            yield from ((f"{prefix}: {count.label}", a) for a in _articles_of(count, by_id))
    for a in n.named_without_sponsor:
        yield "named without sponsor", a


def _articles_of(count: Count, by_id: dict[str, CoveredArticle]) -> Iterator[CoveredArticle]:
    for article_id in count.articles:
        yield by_id.get(article_id) or CoveredArticle(article_id, "", "", None, "", 0)


def _has_sponsor(n: NameCoverage) -> bool:
    return n.watched.kind == PROPERTY and bool(n.watched.sponsor)
