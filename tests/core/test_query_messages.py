"""Queries that used to get a wrong message: repeated NOTs, a long phrase cut by the length cap, and word
counts past what the index holds. (`--output .` and `/` are in test_export_target.py.)"""

from __future__ import annotations

import pytest

from reader.core.index.query import MAX_QUERY_CHARS, cap_query
from reader.core.library import Library
from tests.core.cli_helpers import run


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("queries") / "library"
    root.mkdir()
    (root / "market.txt").write_text("Market\n\nThe sponsorship market grew by a tenth.\n")
    (root / "club.txt").write_text("Club\n\nThe club found a new sponsor for its shirts.\n")
    lib = Library(root, tmp_path_factory.mktemp("data"))
    lib.sync()
    yield lib
    lib.close()


def ids(result) -> list[str]:
    return sorted(h.article_id for h in result.hits)


@pytest.mark.parametrize(
    "text, found",
    [
        ("NOT NOT NOT market", ["club.txt"]),
        ("NOT NOT market", ["market.txt"]),
        ("sponsor NOT NOT NOT market", ["club.txt"]),
        ("sponsor AND NOT NOT club", ["club.txt"]),
    ],
)
def test_repeated_nots_cancel_out(library, text, found):
    assert ids(library.search(text)) == found


@pytest.mark.parametrize(
    "text, total",
    [
        ("words:[0 TO 99999999999]", 2),
        ("words:[99999999999 TO]", 0),
        ("words:99999999999", 0),
        ("words:[TO 99999999999]", 2),
    ],
)
def test_a_word_count_past_the_scale_means_its_end(library, text, total):
    assert library.search(text).total == total


def test_a_long_phrase_cut_by_the_cap_is_still_a_phrase(library, capsys):
    phrase = '"' + " ".join(["sponsorship market"] * 40) + '"'
    assert len(phrase) > MAX_QUERY_CHARS
    code, _out, err = run(capsys, "search", phrase, "--articles", library.root, "--data-dir", library.data_dir)
    assert code == 0, err
    assert err.startswith("note: query shortened to its first ")
    assert "unclosed" not in err


@pytest.mark.parametrize(
    "text", ['"' + "a " * 300 + '"', "(" + "sponsor OR " * 60 + "club)", "words:[" + "1" * 600 + " TO 2]"]
)
def test_what_the_cut_leaves_open_is_closed(text):
    cut, notice = cap_query(text)
    assert notice and cut.count('"') % 2 == 0 and cut.count("(") == cut.count(")") and cut.count("[") == cut.count("]")
