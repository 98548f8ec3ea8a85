"""Coverage figures over the constructed library (tests/core/coverage_library.py), every one checked exactly."""

from __future__ import annotations

import pytest

from reader.core.coverage.figures import compute
from reader.core.coverage.periods import CoverageError
from reader.core.coverage.values import Scope
from tests.core.coverage_library import WATCHLIST, analysed_library


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = analysed_library(tmp_path_factory.mktemp("coverage"))
    yield lib
    lib.close()


def named(coverage, name):
    return next(n for n in coverage.names if n.name == name)


def counts(figure):
    return {c.label: c.value for c in figure}


def test_the_sponsor_is_counted_once_per_article_at_its_most_prominent_place(library):
    coverage = library.coverage(WATCHLIST)
    assert coverage.articles == 7  # eight files, the syndicated copy counted once
    assert coverage.unanalysed == 0
    heineken = named(coverage, "Heineken")
    assert [a.id for a in heineken.articles] == ["headline.txt", "lede.txt", "caption.txt", "quote.txt", "body.txt"]
    assert heineken.mentions == 6  # twice in the headline article: its title and its quote
    assert counts(heineken.placement) == {"headline": 1, "lede": 1, "caption": 1, "quote": 1, "body": 1}
    by_place = {c.label: c.articles for c in heineken.placement}
    assert by_place == {
        "headline": ("headline.txt",),
        "lede": ("lede.txt",),
        "caption": ("caption.txt",),
        "quote": ("quote.txt",),
        "body": ("body.txt",),
    }
    assert [(a.id, a.placement, a.mentions) for a in heineken.articles][:2] == [
        ("headline.txt", "headline", 2),
        ("lede.txt", "lede", 1),
    ]


def test_periods_speakers_outlets_and_share_of_voice(library):
    coverage = library.coverage(WATCHLIST)
    heineken, visa = named(coverage, "Heineken"), named(coverage, "Visa")
    assert [(c.label, c.value, c.articles) for c in heineken.periods] == [
        ("2026-01", 2, ("headline.txt", "lede.txt")),
        ("2026-02", 3, ("caption.txt", "quote.txt", "body.txt")),
    ]
    assert [(c.label, c.value, c.articles) for c in heineken.speakers] == [
        ("Jane Miller", 1, ("headline.txt",)),
        ("Tom Baker", 1, ("quote.txt",)),
    ]
    assert [(c.label, c.value) for c in heineken.sources] == [("Daily Post", 2), ("Evening Star", 2), ("Metro", 1)]
    assert heineken.share_of_voice == pytest.approx(5 / 6)
    assert visa.share_of_voice == pytest.approx(1 / 6)
    assert [(c.label, c.value) for c in visa.periods] == [("2026-01", 0), ("2026-02", 1)]  # zeros included
    assert named(coverage, "Northbank Arena").share_of_voice is None


def test_a_property_named_without_its_sponsor(library):
    arena = named(library.coverage(WATCHLIST), "Northbank Arena")
    assert [a.id for a in arena.articles] == ["sponsored.txt", "unsponsored.txt"]
    assert [(a.id, a.title, a.date) for a in arena.named_without_sponsor] == [
        ("unsponsored.txt", "Late winner", "2026-02-25")
    ]
    assert counts(arena.placement) == {"headline": 0, "lede": 1, "caption": 0, "quote": 0, "body": 1}


def test_per_outlet_counts_the_copy_in_another_outlet(library):
    coverage = library.coverage(WATCHLIST, per_outlet=True)
    assert coverage.articles == 8
    heineken = named(coverage, "Heineken")
    assert len(heineken.articles) == 6 and heineken.mentions == 7
    assert ("Wire News", 1) in [(c.label, c.value) for c in heineken.sources]
    assert heineken.share_of_voice == pytest.approx(6 / 7)


def test_a_date_range_and_a_period(library):
    coverage = library.coverage(WATCHLIST, Scope(date_from="2026-02-01", date_to="2026-02-20"), by="quarter")
    assert coverage.articles == 3
    heineken = named(coverage, "Heineken")
    assert [a.id for a in heineken.articles] == ["caption.txt", "quote.txt", "body.txt"]
    assert [(c.label, c.value) for c in heineken.periods] == [("2026-Q1", 3)]
    weeks = library.coverage(WATCHLIST, by="week")
    assert [c.label for c in named(weeks, "Visa").periods][:2] == ["2026-W02", "2026-W03"]
    assert named(weeks, "Visa").periods[-1].label == "2026-W09"
    years = library.coverage(WATCHLIST, by="year")
    assert [(c.label, c.value) for c in named(years, "Heineken").periods] == [("2026", 5)]


def test_an_outlet_scope_counts_that_outlets_copy(library):
    """The list's source filter as a scope: the wire's copy of the fan-zone story is its own, though copies count
    once and the earlier Evening Star copy stands for the pair in the whole library."""
    wire = library.coverage(WATCHLIST, Scope(source="Wire News"))
    assert wire.articles == 1
    assert [a.id for a in named(wire, "Heineken").articles] == ["copy.txt"]
    star = library.coverage(WATCHLIST, Scope(source="Evening Star"))
    assert [a.id for a in named(star, "Heineken").articles] == ["lede.txt", "caption.txt"]
    assert star.scope.describe() == "in Evening Star"


def test_a_search_scope_keeps_the_results_and_their_copies(library):
    coverage = library.coverage(WATCHLIST, Scope(query='"fan zone"'))
    assert coverage.articles == 1
    assert [a.id for a in named(coverage, "Heineken").articles] == ["lede.txt"]
    per_outlet = library.coverage(WATCHLIST, Scope(query='"fan zone"'), per_outlet=True)
    assert [a.id for a in named(per_outlet, "Heineken").articles] == ["lede.txt", "copy.txt"]


def test_top_quotes_name_the_sponsor_first(library):
    quotes = named(library.coverage(WATCHLIST), "Heineken").quotes
    assert [(q.speaker, q.article) for q in quotes] == [("Jane Miller", "headline.txt"), ("Tom Baker", "quote.txt")]
    assert quotes[0].text == "“Heineken has been a loyal partner,”"


def test_an_unknown_period_is_a_one_line_error(library):
    with pytest.raises(CoverageError, match="unknown period 'fortnight'"):
        library.coverage(WATCHLIST, by="fortnight")


def test_compute_changes_scope_from_memory(library):
    """Another scope is computed from the facts already read: no SQLite."""
    rows = library.rows()
    facts = library.coverage_facts(WATCHLIST)
    library.cache.close()  # any read of the cache would fail now
    try:
        coverage = compute(rows, facts, WATCHLIST, Scope(date_to="2026-01-31"), "month", False)
        assert [a.id for a in named(coverage, "Heineken").articles] == ["headline.txt", "lede.txt"]
    finally:
        library._cache = None  # opened again on the next use
