"""Analysis through the Library: the index's counts and entity:/speaker: fields, and the SQLite cache.

Real Whoosh and SQLite in tmp dirs, and the real spaCy analyzer (shared, so the model loads once).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from reader.core.analysis import Analysis
from reader.core.index.reading import column_rows
from reader.core.library import Library
from reader.core.model import BODY, TITLE
from reader.core.view import HIT
from tests.core.analysis_fixtures import SAMPLE_000, SAMPLE_002, SAMPLES, real_analyzer

BOTH = [SAMPLE_000, SAMPLE_002]
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture
def lib(articles_dir, data_dir):
    library = Library(articles_dir, data_dir, analyzer=real_analyzer())
    yield library
    library.close()


@pytest.fixture
def analyzed(lib):
    lib.sync()
    lib.analyze_all()
    return lib


@pytest.fixture(scope="module")
def searchable(tmp_path_factory):
    """One analyzed library over the samples, for tests that only search it."""
    root = tmp_path_factory.mktemp("searchable")
    shutil.copytree(SAMPLES, root / "articles")
    library = Library(root / "articles", root / "data", analyzer=real_analyzer())
    library.sync()
    library.analyze_all()
    yield library
    library.close()


def found(library, query):
    return sorted(h.article_id for h in library.search(query).hits)


def counts(library):
    return {r.id: (r.quotes, r.entities) for r in library.rows()}


# ---------------------------------------------------------------- sync, then analysis


def test_sync_alone_leaves_articles_unanalyzed(lib):
    lib.sync()
    rows = lib.rows()
    assert [r.id for r in rows] == BOTH
    assert all(r.quotes is None and r.entities is None and r.analyzed == "" for r in rows)
    assert [r.id for r in lib.unanalyzed()] == BOTH
    assert found(lib, 'speaker:"Jack Ma"') == []  # nothing to search by until analysis runs
    assert found(lib, "Alibaba") == BOTH  # plain text search does not need it


def test_analyze_all_fills_in_counts(lib):
    lib.sync()
    report = lib.analyze_all()
    assert (report.analyzed, report.cached, report.skipped) == (2, 0, [])
    assert report.words == sum(r.words for r in lib.rows()) > 700
    assert report.notice is None  # the model is installed
    assert lib.unanalyzed() == []
    rows = {r.id: r for r in lib.rows()}
    for aid in BOTH:
        analysis = lib.analysis(lib.load(aid))
        assert rows[aid].quotes == len(analysis.speeches)  # quoted terms are not counted
        assert rows[aid].entities == len(analysis.entity_names())
        assert rows[aid].analyzed == real_analyzer().fingerprint
    assert rows[SAMPLE_000].quotes == 4
    assert rows[SAMPLE_002].quotes >= 4
    assert all(r.entities > 10 for r in rows.values())


def test_analyze_all_twice_does_nothing_the_second_time(analyzed):
    before = counts(analyzed)
    report = analyzed.analyze_all()
    assert (report.analyzed, report.cached) == (0, 0)
    assert counts(analyzed) == before


def test_a_later_launch_with_nothing_to_analyze_does_not_import_spacy(analyzed, articles_dir, data_dir):
    """What the window does at launch: list, check the folder, analyze what is new. Nothing is new, so
    spaCy (about a second to import, and 100 MB) stays out. In a new process, since this one has it."""
    script = textwrap.dedent(f"""
        import sys
        from reader.core.library import Library
        lib = Library({str(articles_dir)!r}, {str(data_dir)!r})
        rows = lib.rows()
        lib.sync(known=rows)
        report = lib.analyze_all()
        print(len(rows), report.analyzed, "spacy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "0", "False"]


def test_a_later_launch_with_nothing_to_analyze_starts_no_spacy_workers(analyzed, articles_dir, data_dir):
    """The window's analyzer runs spaCy in worker processes: with nothing new none is started (each imports
    spaCy, seconds of CPU that competed with the window's first search at every launch)."""
    from reader.core.analysis import Analyzer

    workers = Analyzer(workers=2)
    lib = Library(articles_dir, data_dir, analyzer=workers)
    try:
        assert lib.analyze_all().analyzed == 0
        assert workers.service is not None and not workers.service.running()
    finally:
        lib.close()
        workers.close()


def test_analyze_all_reports_progress_and_rows(lib):
    lib.sync()
    seen, progress = [], []
    lib.analyze_all(progress=lambda done, total: progress.append((done, total)), on_rows=seen.extend)
    assert sorted(r.id for r in seen) == BOTH
    assert all(r.quotes is not None for r in seen)
    assert progress[0] == (0, 2)  # said before spaCy loads, so the status bar shows work has begun
    assert progress[-1] == (2, 2)


# ---------------------------------------------------------------- entity: and speaker:


@pytest.mark.parametrize(
    "query,expected",
    [
        ("entity:Alibaba", BOTH),
        ('entity:"Alibaba Group"', BOTH),
        ('speaker:"Jack Ma"', BOTH),
        ('speaker:"Thomas Bach"', BOTH),
        ('entity:"Thomas Bach"', BOTH),
        ('entity:"International Olympic Committee"', BOTH),
        ("entity:Lausanne", [SAMPLE_002]),
        ('entity:"Yao Ming"', [SAMPLE_000]),
        ('speaker:"Yao Ming"', []),  # named, but never quoted
        ('entity:"Bach Jack"', []),
        ('speaker:"Ma Thomas"', []),  # 'Jack Ma' and 'Thomas Bach' are indexed side by side, not run together
        ('entity:"Bach Tokyo"', []),  # 'Thomas Bach' then 'Tokyo 2020' in sample 000's sorted names
        ('speaker:"Jack Ma" AND entity:Lausanne', [SAMPLE_002]),
        ('speaker:"Thomas Bach" AND NOT entity:Lausanne', [SAMPLE_000]),
    ],
)
def test_entity_and_speaker_search(searchable, query, expected):
    assert found(searchable, query) == expected


def test_names_are_indexed_by_canonical_name(searchable):
    # sample 002 only writes 'Ma' and 'Jack' near its quotes, but its speaker is the full name
    assert found(searchable, "speaker:jack") == BOTH
    assert found(searchable, 'entity:"Olympic Games"') == BOTH


def test_analysis_does_not_rewrite_the_articles_index(lib):
    """The names go to an index of their own: 10,000 articles' bodies are not written a second time."""
    lib.sync()
    files_before = {p.name: p.stat().st_mtime_ns for p in lib.index_dir.iterdir() if p.is_file()}
    lib.analyze_all()
    assert {p.name: p.stat().st_mtime_ns for p in lib.index_dir.iterdir() if p.is_file()} == files_before
    assert lib.unanalyzed() == []
    assert found(lib, 'speaker:"Jack Ma"') == BOTH


@pytest.mark.parametrize(
    "query, expected",
    [
        ("entity:Lausanne AND turnkey", []),
        ("entity:Lausanne OR turnkey", BOTH),
        ("entity:alib*", BOTH),
        ('(entity:Lausanne OR entity:"Yao Ming") AND cloud', BOTH),
        ("NOT entity:Lausanne", [SAMPLE_000]),
        ('speaker:"Jack Ma"^3 turnkey', [SAMPLE_000]),
    ],
)
def test_names_combine_with_words_and_operators(searchable, query, expected):
    assert found(searchable, query) == expected


def test_words_of_a_name_search_are_not_lit_in_the_text(searchable):
    result = searchable.search("entity:Lausanne cloud")
    assert result.words == frozenset({"cloud"})
    assert result.names == frozenset({("lausanne",)})
    assert all("cloud" in h.snippet.lower() for h in result.hits)


def test_a_changed_article_loses_its_old_names_until_analyzed(analyzed, articles_dir, write):
    text = (articles_dir / SAMPLE_002).read_text(encoding="utf-8").replace("Lausanne", "Geneva")
    write(articles_dir / SAMPLE_002, text)
    analyzed.sync()
    assert found(analyzed, "entity:Lausanne") == []
    assert counts(analyzed)[SAMPLE_002] == (None, None)
    analyzed.analyze_all()
    assert found(analyzed, "entity:Lausanne") == []
    assert found(analyzed, "entity:Geneva") == [SAMPLE_002]


def test_damaged_names_index_alone_is_refilled_from_the_cache(analyzed, articles_dir, data_dir):
    before = counts(analyzed)
    names_dir = analyzed.index_dir / "names"
    analyzed.close()
    for p in names_dir.iterdir():
        p.write_bytes(b"garbage")
    again = Library(articles_dir, data_dir, analyzer=real_analyzer())
    try:
        report = again.sync()
        assert (report.rebuilt, report.updated) == (None, 0)  # the articles' index was fine: not rebuilt
        assert found(again, "entity:Lausanne") == []
        redo = again.analyze_all()
        assert (redo.analyzed, redo.cached) == (0, 2)
        assert counts(again) == before
        assert found(again, "entity:Lausanne") == [SAMPLE_002]
    finally:
        again.close()


@pytest.mark.parametrize("rebuild", [False, True])
def test_the_names_of_removed_articles_are_dropped(analyzed, articles_dir, rebuild):
    (articles_dir / SAMPLE_002).unlink()
    analyzed.sync(rebuild=rebuild)
    assert named_ids(analyzed) == {SAMPLE_000}
    assert found(analyzed, "entity:Lausanne") == []
    shutil.copy(SAMPLES / SAMPLE_002, articles_dir / SAMPLE_002)
    analyzed.sync()  # back again: its names come from the analysis cache as it is indexed
    assert named_ids(analyzed) == {SAMPLE_000, SAMPLE_002}
    assert found(analyzed, "entity:Lausanne") == [SAMPLE_002]


def named_ids(library) -> set[str]:
    """The articles the names index holds names for."""
    return {aid for (aid,) in column_rows(library.index._names, ("id",))}


# ---------------------------------------------------------------- what the reading pane shows


def test_the_article_view_marks_quotes_entities_and_hits_in_every_part(analyzed):
    result = analyzed.search('Olympic speaker:"Jack Ma"')
    view = analyzed.article_view(SAMPLE_000, result.words, result.names)
    article, analysis = view.article, view.analysis
    assert analysis == analyzed.cached_analysis(article)
    parts = article.parts()
    assert len(view.captions) == len(article.captions) == 2
    for part, marks in zip(parts, [view.title, view.body, *view.captions]):
        assert marks and all(m.part == part.name and 0 <= m.start < m.end <= len(part.text) for m in marks)
    body = analysis.in_part(BODY)
    speech = [m for m in view.body if m.layer == "speech"]
    assert [(m.start, m.end) for m in speech] == [(q.start, q.end) for q in body.speeches]
    assert {m.tip for m in speech} >= {"Quote · Jack Ma", "Quote · Thomas Bach"}
    people = {m.entity for m in view.body if m.layer == "people"}
    assert {"Jack Ma", "Thomas Bach"} <= people
    assert "Alibaba Group" in {m.entity for m in view.title if m.layer == "orgs"}
    hits = [m for m in view.body if m.layer == HIT]
    assert {article.body[m.start : m.end].lower() for m in hits} >= {"olympic", "jack ma"}
    q = body.speeches[0]
    assert view.quote_at(q.start) == q


def test_the_article_view_shows_the_text_before_its_analysis_is_made(lib):
    lib.sync()
    assert lib.article_view(SAMPLE_002, frozenset(), analyze=False).analysis is None
    early = []
    view = lib.article_view(SAMPLE_002, frozenset(), early=early.append)
    [first] = early
    assert first.analysis is None and not first.body and first.article == view.article
    assert view.analysis is not None and view.analysis.speeches
    assert lib.article_view(SAMPLE_002, frozenset(), early=early.append).analysis == view.analysis
    assert len(early) == 1  # cached now: nothing to wait for


# ---------------------------------------------------------------- the cache


def test_rebuild_keeps_the_analysis(analyzed):
    before = counts(analyzed)
    report = analyzed.sync(rebuild=True)
    assert report.indexed == 2
    assert analyzed.unanalyzed() == []
    assert counts(analyzed) == before
    assert found(analyzed, 'speaker:"Thomas Bach"') == BOTH


def test_fresh_index_dir_takes_analyses_from_the_cache(analyzed, articles_dir, data_dir):
    before = counts(analyzed)
    index_dir = analyzed.index_dir
    analyzed.close()
    shutil.rmtree(index_dir)
    again = Library(articles_dir, data_dir, analyzer=real_analyzer())
    try:
        again.sync()
        assert again.unanalyzed() == []  # filled in as it was indexed
        assert counts(again) == before
        assert found(again, 'speaker:"Jack Ma"') == BOTH
        assert (again.analyze_all().analyzed, again.analyze_all().cached) == (0, 0)
    finally:
        again.close()


def test_second_folder_with_the_same_files_counts_cache_hits(lib, articles_dir, data_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(articles_dir, copy)
    other = Library(copy, data_dir, analyzer=real_analyzer())
    try:
        other.sync()  # indexed before anything was analyzed
        assert other.index_dir != lib.index_dir
        lib.sync()
        assert lib.analyze_all().analyzed == 2
        report = other.analyze_all()
        assert (report.analyzed, report.cached) == (0, 2)
        assert counts(other) == counts(lib)
        assert found(other, 'speaker:"Jack Ma"') == BOTH
    finally:
        other.close()


def test_an_article_read_in_the_reader_is_not_analyzed_again(lib):
    lib.sync()
    shown = lib.analysis(lib.load(SAMPLE_002))  # what the reading pane does
    report = lib.analyze_all()
    assert (report.analyzed, report.cached) == (1, 1)
    assert lib.analysis(lib.load(SAMPLE_002)) == shown


def test_editing_an_article_makes_it_unanalyzed(analyzed, articles_dir, write):
    path = articles_dir / SAMPLE_000
    write(path, path.read_text("utf-8") + '\n\n"Tennis is great for everyone involved," said Roger Federer.\n')
    analyzed.sync()
    assert [r.id for r in analyzed.unanalyzed()] == [SAMPLE_000]
    rows = {r.id: r for r in analyzed.rows()}
    assert rows[SAMPLE_000].quotes is None
    assert rows[SAMPLE_002].quotes is not None
    assert found(analyzed, 'speaker:"Roger Federer"') == []
    report = analyzed.analyze_all()
    assert (report.analyzed, report.cached) == (1, 0)
    assert found(analyzed, 'speaker:"Roger Federer"') == [SAMPLE_000]
    assert {r.id: r.quotes for r in analyzed.rows()}[SAMPLE_000] == 5


def test_an_article_edited_after_indexing_waits_for_the_next_sync(lib, articles_dir, write):
    """Analysis reports rows as indexed: a file edited in between is left to the sync that re-reads it."""
    lib.sync()
    path = articles_dir / SAMPLE_000
    write(path, path.read_text("utf-8") + '\n\n"Tennis is great for everyone involved," said Roger Federer.\n')
    shown = []
    report = lib.analyze_all(on_rows=shown.extend)
    assert (report.analyzed, [r.id for r in shown]) == (1, [SAMPLE_002])
    assert [r.id for r in lib.unanalyzed()] == [SAMPLE_000]
    assert lib.sync().changed == 1
    assert lib.analyze_all().analyzed == 1
    assert found(lib, 'speaker:"Roger Federer" AND tennis') == [SAMPLE_000]


def test_adding_an_article_after_analysis(analyzed, articles_dir, write):
    write(
        articles_dir / "late.txt",
        "Tennis deal\n\nRoger Federer signed with a Swiss bank in Basel.\n\n"
        '"Tennis is great for everyone involved," said Federer.\n',
    )
    report = analyzed.sync()
    assert (report.added, report.indexed) == (1, 3)
    rows = analyzed.rows()  # the list the window shows
    assert [r.id for r in rows] == [*BOTH, "late.txt"]
    assert [r.id for r in analyzed.unanalyzed()] == ["late.txt"]
    assert found(analyzed, 'speaker:"Jack Ma"') == BOTH
    assert analyzed.analyze_all().analyzed == 1
    assert found(analyzed, 'speaker:"Roger Federer"') == ["late.txt"]
    assert analyzed.sync().indexed == 3  # and the next start-up still reads the index


def test_touching_an_article_without_changing_it_keeps_its_analysis(analyzed, articles_dir, touch_later):
    before = counts(analyzed)
    touch_later(articles_dir / SAMPLE_000)
    report = analyzed.sync()
    assert report.changed == 1
    assert analyzed.unanalyzed() == []  # same bytes, same cached analysis
    assert counts(analyzed) == before


def test_cache_is_one_sqlite_file_in_the_data_dir(analyzed, data_dir):
    path = data_dir / "analysis.sqlite"
    analyzed.close()
    assert path.read_bytes()[:16] == SQLITE_HEADER
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT fingerprint, data FROM analysis").fetchall()
    finally:
        db.close()
    assert len(rows) == 2
    assert {fp for fp, _ in rows} == {real_analyzer().fingerprint}
    assert all(json.loads(data)["q"] for _, data in rows)


@pytest.mark.parametrize("damage", ["garbage", "sqlite header then garbage", "empty"])
def test_damaged_cache_file_is_replaced(articles_dir, data_dir, damage):
    path = data_dir / "analysis.sqlite"
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        {
            "garbage": b"\x00not a database\xff" * 512,
            "sqlite header then garbage": SQLITE_HEADER + b"\xde\xad\xbe\xef" * 2048,
            "empty": b"",
        }[damage]
    )
    library = Library(articles_dir, data_dir, analyzer=real_analyzer())
    try:
        library.sync()
        report = library.analyze_all()
        assert (report.analyzed, report.cached) == (2, 0)
        assert found(library, 'speaker:"Thomas Bach"') == BOTH
    finally:
        library.close()
    assert path.read_bytes()[:16] == SQLITE_HEADER
    reopened = Library(articles_dir, data_dir, analyzer=real_analyzer())
    try:
        assert reopened.cache.get_many([reopened.load(a) for a in BOTH]).keys() == {
            reopened.load(a).content_hash for a in BOTH
        }
    finally:
        reopened.close()


def test_cache_made_by_another_analyzer_is_not_used(analyzed, articles_dir, data_dir):
    from reader.core.analysis import Analyzer

    analyzed.close()
    no_model = Library(articles_dir, data_dir, analyzer=Analyzer(model="none"))
    try:
        assert [r.id for r in no_model.unanalyzed()] == BOTH  # the index says which analyzer made it
        report = no_model.analyze_all()
        assert (report.analyzed, report.cached) == (2, 0)
        assert report.notice
        assert found(no_model, 'entity:"Yao Ming"') == []  # no model, no people
        assert found(no_model, 'speaker:"Jack Ma"') == BOTH
    finally:
        no_model.close()


@pytest.mark.parametrize("name", BOTH)
def test_analysis_round_trips_through_the_cache_format(lib, name):
    article = lib.load(name)
    analysis = real_analyzer().analyze(article)
    data = json.loads(json.dumps(analysis.to_cache(article.parts())))
    again = Analysis.from_cache(data, article.parts())
    assert again == analysis
    assert again.in_part(BODY).quotes and again.in_part(BODY).entities and again.in_part(TITLE).entities
    assert {e.part for e in again.entities} <= {part.name for part in article.parts()}
