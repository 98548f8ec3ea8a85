"""Correcting an article's title, date and source: saved in a sidecar beside the file, kept through re-indexing."""

from __future__ import annotations

import json

import pytest

from reader.core import articles, scanning
from reader.core.corrections import DetailsError
from reader.core.library import Library
from tests.conftest import SAMPLE_000, SAMPLE_002


@pytest.fixture
def lib(articles_dir, data_dir):
    library = Library(articles_dir, data_dir)
    library.sync()
    yield library
    library.close()


def row(library: Library, article_id: str):
    return {r.id: r for r in library.rows()}[article_id]


def test_a_correction_shows_in_the_list_and_search_after_the_next_sync(lib, articles_dir):
    original = (articles_dir / SAMPLE_000).read_bytes()
    corrected = lib.correct(
        SAMPLE_000, title="Alibaba and the IOC: ten more years", date="2017-01-19", source="Inside the Games"
    )
    assert (corrected.title, corrected.date, corrected.source) == (
        "Alibaba and the IOC: ten more years",
        "2017-01-19",
        "Inside the Games",
    )
    assert corrected.corrected == {"title", "date", "source"}
    assert (articles_dir / SAMPLE_000).read_bytes() == original  # the article itself is untouched
    assert json.loads((articles_dir / f"{SAMPLE_000}.meta.json").read_text()) == {
        "title": "Alibaba and the IOC: ten more years",
        "date": "2017-01-19",
        "source": "Inside the Games",
    }

    report = lib.sync()
    assert report.changed == 1  # the sidecar counts as a change of its article
    r = row(lib, SAMPLE_000)
    assert (r.title, r.date, r.source) == ("Alibaba and the IOC: ten more years", "2017-01-19", "Inside the Games")
    assert [h.article_id for h in lib.search('title:"ten more years"').hits] == [SAMPLE_000]
    assert [h.article_id for h in lib.search("date:2017-01-19").hits] == [SAMPLE_000]


def test_a_correction_survives_a_rebuild_and_a_new_index(lib, articles_dir, data_dir, tmp_path):
    lib.correct(SAMPLE_002, title="The IOC signs Alibaba")
    lib.sync(rebuild=True)
    assert row(lib, SAMPLE_002).title == "The IOC signs Alibaba"
    fresh = Library(articles_dir, tmp_path / "other-data")  # an index made from nothing
    fresh.sync()
    assert row(fresh, SAMPLE_002).title == "The IOC signs Alibaba"
    fresh.close()


def test_clearing_a_correction_brings_back_the_files_own_value_and_drops_an_empty_sidecar(lib, articles_dir):
    before = lib.load(SAMPLE_002)
    lib.correct(SAMPLE_002, title="Mine", source="Reuters")
    lib.correct(SAMPLE_002, title="")
    after = lib.load(SAMPLE_002)
    assert (after.title, after.source, after.corrected) == (before.title, "Reuters", {"source"})
    lib.correct(SAMPLE_002, source=None)
    assert lib.load(SAMPLE_002) == before
    assert not (articles_dir / f"{SAMPLE_002}.meta.json").exists()
    lib.sync()
    assert row(lib, SAMPLE_002).source == before.source


def test_a_bad_date_is_refused_in_one_line_and_nothing_is_saved(lib, articles_dir):
    with pytest.raises(DetailsError, match=r"“31/01/2019” is not a date; write it as YYYY-MM-DD"):
        lib.correct(SAMPLE_002, date="31/01/2019")
    with pytest.raises(DetailsError, match="not a date"):
        lib.correct(SAMPLE_002, date="2019-02-30")
    assert not (articles_dir / f"{SAMPLE_002}.meta.json").exists()


def test_a_hand_broken_sidecar_is_ignored_when_reading_and_never_overwritten(lib, articles_dir):
    side = articles_dir / f"{SAMPLE_002}.meta.json"
    side.write_text("{ title: oops", encoding="utf-8")
    assert lib.load(SAMPLE_002).corrected == frozenset()  # the article still opens, as the file has it
    with pytest.raises(DetailsError, match="cannot be read .*fix or delete it first"):
        lib.correct(SAMPLE_002, title="New")
    assert side.read_text(encoding="utf-8") == "{ title: oops"


def test_only_title_date_and_source_are_taken_from_a_sidecar(tmp_path, write):
    write(tmp_path / "a.txt", "Title: Original\n\nSome body text here.")
    write(
        tmp_path / "a.txt.meta.json",
        json.dumps({"title": "  Fixed   title ", "body": "injected", "date": "not a date", "source": 7}),
    )
    a = articles.load(tmp_path / "a.txt")
    assert (a.title, a.date, a.source, a.body) == ("Fixed title", None, "", "Some body text here.")


def test_a_sidecar_is_not_an_article(articles_dir, lib):
    lib.correct(SAMPLE_002, title="X")
    assert [f.id for f in scanning.scan(articles_dir).files] == [SAMPLE_000, SAMPLE_002]
