"""The step `search` and `coverage` take before they answer: the folder's changes indexed, the articles not yet
analysed analysed when the command needs them, and an index the app is updating used as last committed."""

from __future__ import annotations

from reader.core.index import writing
from reader.core.library import Library
from reader.core.up_to_date import bring_up_to_date
from tests.core.analysis_fixtures import SAMPLE_000, SAMPLE_002

ADDED = "Quokka news\n\nThe quokka sponsor spoke.\n"


def test_changes_are_indexed_and_nothing_is_analysed_unless_asked(capsys, library, articles_dir, write):
    write(articles_dir / "new.txt", ADDED)
    done = bring_up_to_date(library, "searching")
    assert done.report is not None and (done.report.added, done.report.indexed) == (3, 3)
    assert done.rows is None
    assert len(library.unanalyzed()) == 3
    assert capsys.readouterr().err == ""


def test_analysing_says_how_many_once_and_gives_the_rows(capsys, library):
    done = bring_up_to_date(library, "counting", "analysing {} for names and quotes first")
    assert capsys.readouterr().err == "note: analysing 2 articles for names and quotes first\n"
    assert [r.id for r in done.rows or []] == [SAMPLE_000, SAMPLE_002]
    assert library.unanalyzed() == []
    again = bring_up_to_date(library, "counting", "analysing {} for names and quotes first")
    assert capsys.readouterr().err == ""  # nothing left to analyse: nothing said
    assert again.report is not None and again.report.updated == 0


def test_an_index_the_app_is_updating_is_used_as_it_is(capsys, library, articles_dir, data_dir, write, monkeypatch):
    library.sync()
    write(articles_dir / "new.txt", ADDED)  # the step has work to do
    monkeypatch.setattr(writing, "WRITE_LOCK_TIMEOUT", 0.2)
    writer = library.index._ix.writer()  # as the app holds it while it indexes
    other = Library(articles_dir, data_dir)
    try:
        done = bring_up_to_date(other, "counting", "analysing {} first")
        assert done.report is None and done.rows is None
        err = capsys.readouterr().err
        assert err.startswith("note: another Press Reader is updating this index")
        assert err.endswith("; counting the index as it is\n") and len(err.splitlines()) == 1
        assert other.search("quokka").total == 0  # what is committed; new.txt is not yet
    finally:
        writer.cancel()
        other.close()
