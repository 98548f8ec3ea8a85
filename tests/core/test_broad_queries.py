"""Queries that would expand to every word of the index are bounded: `*` and `body:*` list every article at
once; wildcards and ranges that between them match more than MAX_EXPANDED_WORDS distinct words, or one that
would look through more than MAX_SCANNED_WORDS words, are refused, saying why, whatever the size of the
vocabulary."""

from __future__ import annotations

import pytest

from reader.core.index import QueryError, QueryTooBroad
from reader.core.index.query import MAX_EXPANDED_WORDS, MAX_SCANNED_WORDS
from reader.core.library import Library
from tests.core.cli_helpers import run

VOCABULARY = MAX_SCANNED_WORDS + 2_000  # distinct words: more than any pattern may look through


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("broad") / "library"
    root.mkdir()
    (root / "vocabulary.txt").write_text("Vocabulary\n\n" + " ".join(f"w{i:05}q" for i in range(VOCABULARY)))
    for i in range(5):
        (root / f"story{i}.txt").write_text(f"Story {i}\n\nThe sponsor of club {i} has a new partner.\n")
    lib = Library(root, tmp_path_factory.mktemp("data"))
    lib.sync()
    yield lib
    lib.close()


@pytest.mark.parametrize("text", ["*", "body:*", "title:*", "id:*"])
def test_every_article_queries_list_every_article(library, text):
    assert library.search(text).total == 6


@pytest.mark.parametrize(
    "text, shown",
    [
        ("*1*", "“*1*”"),
        ("w*", "“w*”"),
        ("[a TO z]", "the range [a TO z]"),
        ("body:[TO z]", "the range [TO z]"),
        ("*q", "“*q”"),
        ("?0*", "“?0*”"),
    ],
)
def test_a_pattern_matching_too_many_words_is_refused_saying_why(library, text, shown):
    with pytest.raises(QueryTooBroad) as info:
        library.search(text)
    assert str(info.value) == (
        f"{shown} matches more than {MAX_EXPANDED_WORDS:,} words of the index; put more "
        "letters before * or ?, or narrow the range"
    )
    assert isinstance(info.value, QueryError)


@pytest.mark.parametrize(
    "text, shown",
    [
        ("w00* OR w01*", "“w01*”"),  # 1,000 words each: allowed alone, not together
        ("sponsor NOT w0*", "“w0*”"),  # under a NOT its postings are read too
        ("body:w00* body:w01*", "“w01*”"),
    ],
)
def test_the_words_of_the_whole_query_count_together(library, text, shown):
    with pytest.raises(QueryTooBroad) as info:
        library.search(text)
    assert str(info.value).startswith(f"{shown} matches more than 1,000 words of the index; ")


def test_a_pattern_looking_through_too_many_words_is_refused_saying_why(library):
    with pytest.raises(QueryTooBroad) as info:  # it matches a handful of words, but reads through all of them
        library.search("*a*")
    assert str(info.value) == (
        f"“*a*” would look through more than {MAX_SCANNED_WORDS:,} words; put more "
        "letters before * or ?, or narrow the range"
    )


@pytest.mark.parametrize(
    "text, total",
    [
        ("spons*", 5),
        ("sponsor*", 5),
        ("partn*", 5),
        ("w0001*", 1),
        ("w00*", 1),  # exactly MAX_EXPANDED_WORDS words
        ("title:[a TO z]", 6),
        ("partn?r", 5),
    ],
)
def test_narrow_patterns_still_search(library, text, total):
    assert MAX_EXPANDED_WORDS == 1_000
    assert library.search(text).total == total


def test_a_pattern_under_the_bound_finds_and_lights_what_it_did(library):
    found = library.search("spons*")
    assert sorted(hit.title for hit in found.hits) == [f"Story {i}" for i in range(5)]
    assert found.words == frozenset({"sponsor"})


@pytest.mark.parametrize(
    "text, why",
    [
        ("*a*", f"“*a*” would look through more than {MAX_SCANNED_WORDS:,} words; "),
        ("w*", f"“w*” matches more than {MAX_EXPANDED_WORDS:,} words of the index; "),
    ],
)
def test_the_cli_says_it_in_one_line(library, capsys, text, why):
    code, out, err = run(capsys, "search", text, "--articles", library.root, "--data-dir", library.data_dir)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"press-reader: {why}put more letters before * or ?, or narrow the range"]
