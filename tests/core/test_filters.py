"""Filters without syntax (issue 21, item 5): one source, exactly, and a range of days, with a query and without."""

from __future__ import annotations

import pytest

from reader.core.index import QueryError
from reader.core.library import Library
from reader.core.model import Filters

# name: (title, date, source, body)
ARTICLES = {
    "a.txt": ("Alpha kit deal", "2005-01-10", "Reuters", "The kit deal was signed."),
    "b.txt": ("Bravo stadium deal", "2005-01-30", "Reuters Sport", "A stadium naming deal."),
    "c.txt": ("Charlie kit deal", "2005-02-20", "Herald", "Another kit deal."),
    "d.txt": ("Delta weather", "2004-12-31", "Reuters", "Rain on the coast."),
    "e.txt": ("Echo kit deal", "", "Reuters", "An undated kit deal."),
}


def write_articles(folder, articles=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, day, source, body) in articles.items():
        date = f"date: {day}\n" if day else ""
        (folder / name).write_text(f"---\ntitle: {title}\n{date}source: {source}\n---\n{body}\n", "utf-8")


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    base = tmp_path_factory.mktemp("filters")
    write_articles(base / "articles")
    library = Library(base / "articles", base / "data")
    library.sync()
    yield library
    library.close()


def ids(result) -> set[str]:
    return {h.article_id for h in result.hits}


def test_no_filters_are_falsy_and_any_filter_is_not():
    assert not Filters()
    assert Filters(source="Reuters")
    assert Filters(date_to="2005-01-01")


def test_a_source_alone_lists_exactly_its_articles_newest_first(lib):
    result = lib.search("", filters=Filters(source="Reuters"))
    # not "Reuters Sport": the source as the list shows it, not a word of it; undated last
    assert [h.article_id for h in result.hits] == ["a.txt", "d.txt", "e.txt"]
    assert result.total == 3


def test_a_source_narrows_a_query(lib):
    assert ids(lib.search("kit", filters=Filters(source="Reuters"))) == {"a.txt", "e.txt"}
    assert ids(lib.search("kit")) == {"a.txt", "c.txt", "e.txt"}


def test_a_date_range_alone_includes_both_ends_and_leaves_undated_out(lib):
    result = lib.search("", filters=Filters(date_from="2005-01-10", date_to="2005-01-30"))
    assert [h.article_id for h in result.hits] == ["b.txt", "a.txt"]


def test_an_open_ended_range(lib):
    assert ids(lib.search("", filters=Filters(date_from="2005-01-11"))) == {"b.txt", "c.txt"}
    assert ids(lib.search("", filters=Filters(date_to="2005-01-10"))) == {"a.txt", "d.txt"}


def test_a_date_range_narrows_a_query(lib):
    assert ids(lib.search("deal", filters=Filters(date_to="2005-01-31"))) == {"a.txt", "b.txt"}


def test_source_and_dates_together_with_and_without_a_query(lib):
    both = Filters(source="Reuters", date_from="2005-01-01", date_to="2005-12-31")
    assert ids(lib.search("", filters=both)) == {"a.txt"}
    assert ids(lib.search("deal", filters=both)) == {"a.txt"}
    assert ids(lib.search("weather", filters=both)) == set()


def test_filters_compose_with_query_fields(lib):
    assert ids(lib.search("title:kit OR title:weather", filters=Filters(source="Reuters"))) == {
        "a.txt",
        "d.txt",
        "e.txt",
    }


def test_a_source_no_article_has_finds_nothing(lib):
    assert lib.search("", filters=Filters(source="Nobody")).total == 0


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (Filters(date_from="2005-13-01"), "From date '2005-13-01' is not a date"),
        (Filters(date_from="2005-02-01", date_to="2005-01-01"), "the dates run backwards"),
    ],
)
def test_bad_dates_say_why_in_one_line(lib, filters, message):
    with pytest.raises(QueryError, match=message):
        lib.search("", filters=filters)


def test_no_query_and_no_filters_is_still_an_error(lib):
    with pytest.raises(QueryError, match="type some words"):
        lib.search("", filters=Filters())


def test_a_source_is_found_in_every_segment_of_the_index(tmp_path):
    write_articles(tmp_path / "articles")
    library = Library(tmp_path / "articles", tmp_path / "data")
    library.sync()
    write_articles(tmp_path / "articles", {"f.txt": ("Foxtrot kit deal", "2006-03-03", "Herald", "Later.")})
    library.sync()  # a second segment
    try:
        assert ids(library.search("", filters=Filters(source="Herald"))) == {"c.txt", "f.txt"}
        assert ids(library.search("kit", filters=Filters(source="Herald", date_from="2006-01-01"))) == {"f.txt"}
    finally:
        library.close()
