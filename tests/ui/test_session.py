"""The library session without a window: stale answers are dropped, failures arrive as ReaderErrors, and a search
or an article never waits behind background work."""

from __future__ import annotations

import threading

import pytest

from reader.core.errors import ReaderError
from reader.core.index import QueryError
from reader.core.library import Library
from reader.ui.session import LibrarySession
from reader.ui.session_values import ArticleFailed, ArticleRequest, OpenFailed, SearchFailed
from tests.conftest import SAMPLE_000, SAMPLE_002

WAIT_MS = 10_000


@pytest.fixture
def session(qtbot, qapp, articles_dir, data_dir, monkeypatch):
    """A session on the sample articles, indexed; its analysis pass is not run (no spaCy here)."""
    monkeypatch.setattr(LibrarySession, "analyse", lambda self: None)
    session = LibrarySession(data_dir)
    with qtbot.waitSignal(session.synced, timeout=WAIT_MS):
        session.open(articles_dir)
    yield session
    session.close()


class Gate:
    """Holds a worker inside a patched call until released (or WAIT_MS); says when one came in and left."""

    def __init__(self):
        self.entered = threading.Event()
        self.released = threading.Event()
        self.left = threading.Event()

    def hold(self) -> None:
        self.entered.set()
        try:
            assert self.released.wait(WAIT_MS / 1000), "the gate was never released"
        finally:
            self.left.set()


def searched(session) -> list[str]:
    found: list[str] = []
    session.results.connect(lambda result: found.append(result.query))
    return found


def test_a_search_answers_while_a_long_background_job_holds_the_background_pool(session, qtbot):
    gate = Gate()
    session.background.start(lambda job: gate.hold())  # as a long update or analysis pass would
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)
    with qtbot.waitSignal(session.results, timeout=2 * WAIT_MS) as found:
        session.search("Lausanne")
    assert [h.article_id for h in found.args[0].hits] == [SAMPLE_002]
    assert not gate.left.is_set() and session.background.busy()  # answered while the job still ran
    gate.released.set()


def test_a_search_answers_while_the_opened_articles_analysis_is_being_made(session, qtbot, monkeypatch):
    """The window's test once waited 10 s for a search queued behind the analysis of the article just opened."""
    gate = Gate()
    monkeypatch.setattr(Library, "cached_analysis", lambda self, article: None)
    monkeypatch.setattr(Library, "analysis", lambda self, article: gate.hold())
    loaded = []
    session.article_loaded.connect(loaded.append)
    session.load(ArticleRequest(SAMPLE_000))
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)  # its text shown, its analysis under way
    assert [(a.view.article.id, a.early) for a in loaded] == [(SAMPLE_000, True)]
    with qtbot.waitSignal(session.results, timeout=2 * WAIT_MS):
        session.search("Lausanne")
    assert not gate.left.is_set()  # the search did not wait for it
    gate.released.set()
    qtbot.waitUntil(lambda: len(loaded) >= 2, timeout=WAIT_MS)
    assert loaded[-1].view.article.id == SAMPLE_000 and not loaded[-1].early
    assert loaded[-1].request.keep_place  # the view after the early one keeps the reader's place


def test_an_answer_to_a_search_no_longer_asked_is_dropped(session, qtbot, monkeypatch):
    gate = Gate()
    search = Library.search

    def slow_for_lausanne(self, text, limit=50, **more):
        if text == "Lausanne":
            gate.hold()
        return search(self, text, limit=limit, **more)

    monkeypatch.setattr(Library, "search", slow_for_lausanne)
    found = searched(session)
    session.search("Lausanne")
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)
    session.search("sponsor")  # asked while the first is still being answered
    gate.released.set()
    qtbot.waitUntil(lambda: found == ["sponsor"], timeout=WAIT_MS)
    with qtbot.assertNotEmitted(session.results, wait=300):
        pass
    assert found == ["sponsor"]


def test_an_article_no_longer_asked_for_is_not_shown(session, qtbot, monkeypatch):
    gate = Gate()
    load = Library.load

    def slow_for_the_first(self, article_id):
        if article_id == SAMPLE_000:
            gate.hold()
        return load(self, article_id)

    monkeypatch.setattr(Library, "load", slow_for_the_first)
    shown = []
    session.article_loaded.connect(lambda loaded: shown.append(loaded.view.article.id))
    session.load(ArticleRequest(SAMPLE_000, analyse=False))
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)
    session.load(ArticleRequest(SAMPLE_002, analyse=False))
    gate.released.set()
    qtbot.waitUntil(lambda: shown == [SAMPLE_002], timeout=WAIT_MS)
    qtbot.wait(300)
    assert shown == [SAMPLE_002] and session.reading_id == SAMPLE_002


def test_what_the_last_folders_jobs_send_after_another_is_opened_is_dropped(session, qtbot, monkeypatch, tmp_path):
    gate = Gate()
    search = Library.search
    monkeypatch.setattr(
        Library, "search", lambda self, text, limit=50, **more: (gate.hold(), search(self, text, limit, **more))[1]
    )
    found = searched(session)
    session.search("Lausanne")
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("A note\n\nNothing about Lausanne here, or perhaps Lausanne.\n")
    with qtbot.waitSignal(session.synced, timeout=WAIT_MS):
        session.open(other)
    gate.released.set()
    qtbot.wait(300)
    assert found == []  # the answer was the other library's
    assert session.library.root == other.resolve()


def test_failures_arrive_as_reader_errors_saying_what_could_not_be_done(session, qtbot, tmp_path):
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS) as failed:
        session.search('"Olympic Games')
    failure = failed.args[0]
    assert isinstance(failure, SearchFailed) and isinstance(failure, ReaderError)
    assert isinstance(failure.cause, QueryError)
    assert str(failure).startswith("Can't search: ") and "unclosed quote" in str(failure)

    with qtbot.waitSignal(session.failed, timeout=WAIT_MS) as failed:
        session.load(ArticleRequest("gone.txt"))
    assert isinstance(failed.args[0], ArticleFailed) and failed.args[0].article_id == "gone.txt"
    assert str(failed.args[0]).startswith("Could not open gone.txt: ")

    library = session.library
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS) as failed:
        session.open(tmp_path / "Nowhere")
    assert isinstance(failed.args[0], OpenFailed)
    assert str(failed.args[0]).startswith("Articles folder not found: ") and "Nowhere" in str(failed.args[0])
    assert session.library is library  # the library open stays
