"""Character references in scraped text ("&#163;", "&pound;", "&amp;") are read as the characters they name."""

from __future__ import annotations

import csv
import io

import pytest

from reader.core import articles, export
from reader.core.formats.text import decode_references, parse
from reader.core.library import Library

SCRAPED = (
    "Title: Barclays pays &#163;40m &amp; more for the &pound;1bn Premier League deal\n"
    "Source: Smith &amp; Sons Media\n"
    "Author: Ana &#xC1;lvarez\n"
    "\n"
    '"It brings the brand to &#8220;millions&#8221; of fans," said the bank&#39;s Jo Smith.\n'
    "\n"
    "The deal is worth &pound;40m a year; R&D and AT&T stay as written, and so does &sponsor;.\n"
)


def test_references_in_a_text_file_become_characters(tmp_path):
    path = tmp_path / "barclays.txt"
    path.write_text(SCRAPED, encoding="utf-8")
    [a] = articles.load_file(path, tmp_path)
    assert a.title == "Barclays pays £40m & more for the £1bn Premier League deal"
    assert a.source == "Smith & Sons Media" and a.author == "Ana Álvarez"
    assert a.body.startswith('"It brings the brand to “millions” of fans," said the bank\'s Jo Smith.')
    assert "worth £40m a year; R&D and AT&T stay as written, and so does &sponsor;." in a.body
    assert "&#" not in a.body and "&pound;" not in a.body


def test_only_what_looks_like_a_reference_is_decoded():
    assert decode_references("&lt;b&gt; &amp;amp; &#x41; &#65; &copy;") == "<b> &amp; A A ©"
    assert decode_references("fish & chips, &nbsp without its semicolon, &123;") == (
        "fish & chips, &nbsp without its semicolon, &123;"
    )


def test_a_decoded_file_has_its_own_hash_so_nothing_cached_for_the_raw_text_is_taken_for_it():
    raw = parse("Plain text, &#163;5m.", content_hash="abc")
    plain = parse("Plain text, no references.", content_hash="abc")
    assert raw.body == "Plain text, £5m." and raw.content_hash != "abc"
    assert plain.content_hash == "abc"


def test_an_extractors_text_is_not_decoded_twice():
    a = parse("A page that wrote &amp;amp; on purpose.", meta={"title": "x &amp; y"})
    assert a.body == "A page that wrote &amp;amp; on purpose." and a.title == "x &amp; y"


@pytest.fixture
def scraped_library(tmp_path, data_dir):
    root = tmp_path / "coverage"
    root.mkdir()
    (root / "barclays.txt").write_text(SCRAPED, encoding="utf-8")
    lib = Library(root, data_dir)
    lib.sync()
    yield lib
    lib.close()


def test_the_list_a_search_and_an_export_show_the_pound_sign(scraped_library):
    lib = scraped_library
    [row] = lib.rows()
    assert row.title.startswith("Barclays pays £40m & more") and row.source == "Smith & Sons Media"
    assert [h.article_id for h in lib.search("pays").hits] == ["barclays.txt"]
    article = lib.load("barclays.txt")
    start = article.body.index("The deal")
    mark = lib.add_bookmark(article, start, article.body.index(" a year") + len(" a year"))
    [record] = list(csv.DictReader(io.StringIO(export.export([mark], "csv"))))
    assert record["quote"] == "The deal is worth £40m a year"
    assert record["title"] == "Barclays pays £40m & more for the £1bn Premier League deal"
