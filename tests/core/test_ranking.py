"""A search ranks every hit exactly as Whoosh's full scoring does, on a real index of synthetic articles
(bench/corpus.py): the same articles in the same order with the same scores, for the benchmark's queries.

The words-AND-OR queries take the NumPy path (reader/core/index/ranking.py); the others go through
Whoosh itself, and are checked the same way.
"""

from __future__ import annotations

import shutil

import pytest
from whoosh import sorting

from bench.bench_index import SPECIAL_QUERIES, two_word_queries
from bench.corpus import generate
from reader.core.index.query import parse_search, ranked
from reader.core.library import Library
from reader.core.model import Filters

FILTERED = [
    ("sponsor deal", Filters(source="sportbusiness")),
    ("olympic", Filters(date_from="2019-01-01")),
    ("", Filters(source="the-drum")),  # no text: every article the filter lets through, newest first
    ("spons*", Filters(date_to="2020-12-31")),
]
# how Whoosh itself lists a query with no word to rank by: newest first (undated last), then by id
NEWEST_FIRST = sorting.MultiFacet([sorting.FieldFacet("day", reverse=True), sorting.FieldFacet("id")])
OTHERS = ["sponsor NOT partner", "(sponsor OR deal) AND NOT olympic", '"sponsorship deal" OR fifa', "title:spons*"]


def _library(tmp_path_factory, count: int, later: int) -> Library:
    """`count` articles indexed, then `later` more and one changed: two segments and a deleted document."""
    base = tmp_path_factory.mktemp("ranking")
    root, aside = base / "articles", base / "aside"
    files = sorted(generate(count + later, root))
    aside.mkdir()
    for path in files[count:]:
        shutil.move(path, aside / path.name)
    lib = Library(root, base / "data")
    lib.sync()
    for path in files[count:]:
        shutil.move(aside / path.name, path)
    with files[0].open("a", encoding="utf-8") as fh:
        fh.write("\nThe sponsor renewed the partnership.\n")
    lib.sync()
    return lib


def _whoosh(lib: Library, text: str, filters: Filters | None = None) -> list[tuple[str, float]]:
    """(id, score) of every hit, best first, from Whoosh's own full scoring (a query with no word to rank by
    lists newest first, its scores 0)."""
    q, only = parse_search(text, filters)
    s = lib.index._searcher.current()
    order = None if ranked(q) else NEWEST_FIRST
    results = s.search(q, limit=None, collapse="fingerprint", filter=only, sortedby=order)
    return [(s.stored_fields(docnum)["id"], score if order is None else 0.0) for score, docnum in results.top_n]


def _assert_same_ranking(lib: Library, queries) -> None:
    for text, filters in queries:
        result = lib.search(text, limit=None, filters=filters, snippets=0)
        expected = _whoosh(lib, text, filters)
        assert [h.article_id for h in result.hits] == [aid for aid, _ in expected], text
        assert [h.score for h in result.hits] == pytest.approx([score for _, score in expected], rel=1e-12), text
        assert result.total == len(expected), text


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    lib = _library(tmp_path_factory, 200, 40)
    yield lib
    lib.close()


def test_two_word_queries_rank_as_whoosh_scores_them(small):
    queries = [(q, None) for q in two_word_queries(0, 60)]
    _assert_same_ranking(small, queries + FILTERED)


def test_phrase_wildcard_and_boolean_queries_rank_as_whoosh_scores_them(small):
    _assert_same_ranking(small, [(q, None) for q in SPECIAL_QUERIES + OTHERS])


def test_words_patterns_and_booleans_read_postings_whole(small, monkeypatch):
    """Whoosh's matcher, one document at a time, walks none of these: each word's postings are read whole."""
    from reader.core.index import ranking

    def walked(*_):
        raise AssertionError("walked by Whoosh's matcher")

    monkeypatch.setattr(ranking, "_leaf", walked)
    monkeypatch.setattr(ranking, "_leaf_ids", walked)
    texts = [*two_word_queries(0, 20), "sponsor OR FIFA", "title:sponsor", "sponsor NOT partner", "spons*", "olympi*"]
    totals = [small.search(text, limit=None, snippets=0).total for text in texts]
    assert all(totals[-5:]) and sum(1 for t in totals if t) > len(texts) / 2


def test_a_limit_keeps_the_best_in_order(small):
    text = two_word_queries(0, 1)[0]
    every = small.search(text, limit=None, snippets=0)
    best = small.search(text, limit=5, snippets=5)
    assert [h.article_id for h in best.hits] == [h.article_id for h in every.hits[:5]]
    assert best.total == every.total
    assert all(h.snippet for h in best.hits)


@pytest.mark.slow
def test_a_few_thousand_articles_rank_as_whoosh_scores_them(tmp_path_factory):
    lib = _library(tmp_path_factory, 3000, 200)  # from 300 articles the writer uses processes: segments
    try:
        _assert_same_ranking(lib, [(q, None) for q in two_word_queries(0)] + FILTERED)
        _assert_same_ranking(lib, [(q, None) for q in SPECIAL_QUERIES])
    finally:
        lib.close()


def test_scores_follow_a_change_to_the_index(tmp_path_factory):
    lib = _library(tmp_path_factory, 60, 0)
    try:
        queries = [("sponsor who", None), ("sponsor OR partner", None)]
        _assert_same_ranking(lib, queries)  # the words' scored postings are kept now
        files = sorted(lib.root.rglob("*.txt"))
        for path in files[:10]:
            with path.open("a", encoding="utf-8") as fh:
                fh.write("\nWho is the sponsor? The sponsor, the partner and the sponsor again.\n")
        lib.sync()
        _assert_same_ranking(lib, queries)  # new lengths, frequencies and idf: scored afresh
    finally:
        lib.close()


def test_kept_postings_stay_within_their_budget(small, monkeypatch):
    from reader.core.index import ranking

    monkeypatch.setattr(ranking._SCORED, "BUDGET", 500)
    _assert_same_ranking(small, [(q, None) for q in two_word_queries(1, 20)])
    assert ranking._SCORED._size <= 500


def _search_reading_no_column(lib: Library, monkeypatch, texts: list[str]) -> None:
    """Once the warming threads are done, each of `texts` finds hits without reading a column file."""
    import threading

    from reader.core.index import ranking, reading

    for thread in threading.enumerate():
        if thread.name == "warming the search":
            thread.join()

    def read(*_):
        raise AssertionError("a column read by the first search")

    monkeypatch.setattr(reading, "segment_column", read)
    monkeypatch.setattr(ranking, "segment_column", read)
    for text in texts:
        assert lib.search(text, limit=None, snippets=3).total, text


def test_the_first_search_after_launch_reads_no_column(tmp_path_factory, monkeypatch):
    """The list's rows at launch, then a thread warming the rest, read all a first search needs."""
    lib = _library(tmp_path_factory, 50, 10)
    lib.close()
    lib = Library(lib.root, lib.data_dir)  # a later launch
    try:
        lib.rows()
        _search_reading_no_column(lib, monkeypatch, ["sponsor", "olympi*"])  # ranked; newest first
    finally:
        lib.close()


def test_the_first_search_after_a_change_reads_no_column(tmp_path_factory, monkeypatch):
    """A write warms what its new segment brings, as the list's rows do at launch."""
    lib = _library(tmp_path_factory, 40, 0)
    try:
        path = min(lib.root.rglob("*.txt"))
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\nThe sponsor of the day.\n")
        lib.sync()
        _search_reading_no_column(lib, monkeypatch, ["sponsor"])
    finally:
        lib.close()


def test_a_value_being_read_by_one_thread_is_waited_for_not_read_twice():
    import threading
    import time

    from reader.core.index.reading import _Kept

    kept, made = _Kept(limit=4), []

    def make():
        made.append(1)
        time.sleep(0.05)
        return "columns"

    answers: list = []
    threads = [threading.Thread(target=lambda: answers.append(kept.get("key", make))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["columns"] * 3 and made == [1]
    assert kept.get("other", lambda: "other") == "other"  # another key is made at once


def _join_warming() -> None:
    import threading

    for thread in threading.enumerate():
        if thread.name == "warming the search":
            thread.join()


def test_the_first_search_after_launch_decodes_no_posting_of_the_heaviest_words(tmp_path_factory, monkeypatch):
    """Launch warms the postings of the words in most articles: the first searches for them decode none, and
    rank as Whoosh's full scoring does."""
    from whoosh.codec.whoosh3 import W3LeafMatcher

    from reader.core.index import ranking

    lib = _library(tmp_path_factory, 120, 10)
    lib.close()
    monkeypatch.setattr(ranking, "_DECODED", ranking._Budgeted(10**6))  # nothing decoded before this launch
    lib = Library(lib.root, lib.data_dir)  # a later launch
    try:
        queries = [("sponsor who", None), ("sponsor", None), ("sponsor OR partner", None)]
        expected = {text: _whoosh(lib, text) for text, _ in queries}  # Whoosh's own matchers, before the warm-up
        lib.rows()
        _join_warming()

        def decoded(*_):
            raise AssertionError("postings decoded by the search")

        monkeypatch.setattr(W3LeafMatcher, "_read_data", decoded)
        for text, _ in queries:
            result = lib.search(text, limit=None, snippets=0)
            assert [(h.article_id, pytest.approx(h.score, rel=1e-12)) for h in result.hits] == expected[text]
    finally:
        lib.close()


def test_only_the_launch_warms_postings_not_a_write(tmp_path_factory, monkeypatch):
    """A first build, an analysis pass or a watched change writes again and again: none of them decodes
    postings ahead (they need the cores and the memory); the list read at a launch does, once."""
    from reader.core.index import ranking

    lib = _library(tmp_path_factory, 120, 10)
    lib.close()
    monkeypatch.setattr(ranking, "_DECODED", ranking._Budgeted(10**6))
    warmed = []
    real = ranking.warm_postings
    monkeypatch.setattr(ranking, "warm_postings", lambda *a, **k: warmed.append(1) or real(*a, **k))
    monkeypatch.setattr("reader.core.index.store.warm_postings", ranking.warm_postings)
    lib = Library(lib.root, lib.data_dir)
    try:
        lib.rows()
        _join_warming()
        assert warmed == [1] and ranking._DECODED._size > 0
        (lib.root / "late.txt").write_text("Late news\n\nThe sponsor signed late.\n", encoding="utf-8")
        assert lib.sync().added == 1
        lib.rows()
        _join_warming()
        assert warmed == [1]  # the write and the rows read after it warmed columns only
    finally:
        lib.close()


def test_the_warm_up_keeps_the_heaviest_words_within_its_budget(small):
    from reader.core.index import ranking
    from reader.core.index.schema import SEARCH_FIELDS

    with small.index._ix.reader() as reader:
        kept = ranking.warm_postings(reader, SEARCH_FIELDS, budget=300)
        heaviest = max(
            (
                (info.doc_frequency(), leaf, name, btext)
                for leaf, _ in reader.leaf_readers()
                if leaf.doc_count_all()
                for name in SEARCH_FIELDS
                for btext, info in leaf.iter_field(name)
            ),
            key=lambda word: word[0],
        )
        assert 0 < kept <= 300
        assert ranking._decoded_key(*heaviest[1:]) in ranking._DECODED


def test_a_warm_up_told_to_stop_stops_and_keeps_nothing_half_read(small):
    from reader.core.index import ranking
    from reader.core.index.schema import SEARCH_FIELDS

    with small.index._ix.reader() as reader, pytest.raises(ranking.Stopped):
        ranking.warm_postings(reader, SEARCH_FIELDS, go=lambda: False, budget=10**9)


def test_the_warm_up_waits_while_a_search_runs_and_ends_when_the_index_closes(tmp_path_factory, monkeypatch):
    import threading

    from reader.core.index import ranking
    from reader.core.index.reading import segment_name

    lib = _library(tmp_path_factory, 30, 0)
    lib.close()
    monkeypatch.setattr(ranking, "_DECODED", ranking._Budgeted(10**6))
    lib = Library(lib.root, lib.data_dir)
    index = lib.index
    with index._ix.reader() as reader:
        segments = {segment_name(leaf) for leaf, _ in reader.leaf_readers()}
    with index._searching:  # a search running
        lib.rows()
        threading.Event().wait(0.2)
        assert not any(key[0] in segments for key in list(ranking._DECODED._entries))
    _join_warming()
    assert any(key[0] in segments for key in list(ranking._DECODED._entries))  # then it went on
    lib.rows()  # warms again (nothing left to decode) while the index closes: close waits for it to stop
    lib.close()
    assert not any(t.name == "warming the search" for t in threading.enumerate())


def test_postings_decoded_before_a_file_was_damaged_are_not_believed(tmp_path_factory):
    from reader.core.index import IndexDamaged

    lib = _library(tmp_path_factory, 40, 0)
    _join_warming()  # the words' postings decoded and kept
    lib.close()
    for pst in lib.index_dir.glob("*.pst"):  # overwritten in place, the size kept
        pst.write_bytes(bytes(pst.stat().st_size))
    lib = Library(lib.root, lib.data_dir)
    try:
        with pytest.raises(IndexDamaged, match="damaged"):
            lib.search("sponsor", limit=None)
    finally:
        lib.close()
