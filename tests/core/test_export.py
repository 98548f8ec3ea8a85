"""Bookmarks written out as CSV, Markdown and JSON, read back with the stdlib, and one-line citations."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from reader.core import articles
from reader.core.bookmarks import Bookmark, BookmarkError
from reader.core.export import COLUMNS, FORMATS, citation, export, save, unquoted, unsaved

TITLE = "IOC President Thomas Bach welcomed Alibaba Group"
MULTI = (
    '"He said that the Olympics should be for the next stage - more people, more fans, better sports.\n\n'
    '"We will start from here and then we will do more things at the Tokyo Olympics.\n\n'
    '"If someone has an idea, technology can make it happen."'
)


def bookmark(**changes) -> Bookmark:
    values = dict(
        id=1,
        folder="/home/me/articles",
        article_id="2019/002.txt",
        content_hash="abc",
        exact='"President Bach had a vision,"',
        prefix="",
        suffix="",
        start=10,
        end=40,
        speaker="Jack Ma",
        note="for the report",
        tags=("cloud", "IOC"),
        created="2026-11-23T13:40:05Z",
        title=TITLE,
        source="insidethegames",
        date="2019-01-23",
        status="ok",
    )
    return Bookmark(**{**values, **changes})


BOOKMARKS = [
    bookmark(),
    bookmark(
        id=2,
        exact=MULTI,
        speaker=None,
        note="",
        tags=(),
        date=None,
        status="text changed",
        title='A title with *stars*, a comma, and "quotes"',
    ),
    bookmark(id=3, exact="Alibaba, the 'cloud' partner; 50% more\nfans", note="two\nlines", tags=("a; b",)),
]


def test_formats():
    assert FORMATS == ("csv", "md", "json")
    with pytest.raises(BookmarkError, match="unknown export format 'xml'"):
        export(BOOKMARKS, "xml")


def test_csv_reads_back():
    text = export(BOOKMARKS, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert (
        rows[0]
        == list(COLUMNS)
        == ["quote", "speaker", "title", "source", "date", "path", "note", "tags", "added", "status"]
    )
    assert len(rows) == 1 + len(BOOKMARKS)
    first, second, third = (dict(zip(COLUMNS, r)) for r in rows[1:])
    assert first == {
        "quote": '"President Bach had a vision,"',
        "speaker": "Jack Ma",
        "title": TITLE,
        "source": "insidethegames",
        "date": "2019-01-23",
        "path": "/home/me/articles/2019/002.txt",
        "note": "for the report",
        "tags": "cloud; IOC",
        "added": "2026-11-23T13:40:05Z",
        "status": "ok",
    }
    assert (second["quote"], second["speaker"], second["date"], second["tags"]) == (MULTI, "", "", "")
    assert second["title"] == BOOKMARKS[1].title and second["status"] == "text changed"
    assert (third["quote"], third["note"]) == (BOOKMARKS[2].exact, "two\nlines")


def test_json_reads_back():
    data = json.loads(export(BOOKMARKS, "json"))
    assert [list(obj) for obj in data] == [list(COLUMNS)] * 3
    assert data[0] == {
        "quote": '"President Bach had a vision,"',
        "speaker": "Jack Ma",
        "title": TITLE,
        "source": "insidethegames",
        "date": "2019-01-23",
        "path": "/home/me/articles/2019/002.txt",
        "note": "for the report",
        "tags": ["cloud", "IOC"],
        "added": "2026-11-23T13:40:05Z",
        "status": "ok",
    }
    assert (data[1]["quote"], data[1]["speaker"], data[1]["date"], data[1]["tags"]) == (MULTI, None, None, [])
    assert data[2]["tags"] == ["a; b"]


def test_markdown_has_each_quote_and_its_citation():
    text = export(BOOKMARKS, "md")
    lines = text.splitlines()
    assert lines[0] == "# Bookmarks"
    assert '> "President Bach had a vision,"' in lines
    assert "— Jack Ma, *IOC President Thomas Bach welcomed Alibaba Group* (insidethegames, 2019-01-23)" in lines
    assert "File: /home/me/articles/2019/002.txt · Note: for the report · Tags: cloud, IOC" in lines
    # a quote of three paragraphs stays three paragraphs of one blockquote
    first = lines.index(
        '> "He said that the Olympics should be for the next stage - more people, more fans, better sports.'
    )
    assert lines[first : first + 5] == [
        lines[first],
        ">",
        '> "We will start from here and then we will do more things at the Tokyo Olympics.',
        ">",
        '> "If someone has an idea, technology can make it happen."',
    ]
    assert lines[first + 5] == ""
    assert lines[first + 6] == r'— *A title with \*stars\*, a comma, and "quotes"* (insidethegames)'
    assert "Status: text changed" in lines[first + 8]
    assert "> Alibaba, the 'cloud' partner; 50% more" in lines and "> fans" in lines
    assert "Note: two lines" in text


def test_markdown_text_cannot_make_headings_or_links():
    b = bookmark(exact="# Not a heading\n\n1. Not a list [link](http://x) <b>bold</b>", title="_x_", speaker=None)
    lines = export([b], "md").splitlines()
    assert r"> \# Not a heading" in lines
    assert r"> 1\. Not a list \[link\](http://x) \<b\>bold\</b\>" in lines
    assert r"— *\_x\_* (insidethegames, 2019-01-23)" in lines
    assert sum(line.startswith("#") for line in lines) == 1


def test_empty_exports():
    assert export([], "md") == "# Bookmarks\n"
    assert json.loads(export([], "json")) == []
    assert list(csv.reader(io.StringIO(export([], "csv")))) == [list(COLUMNS)]


def test_citation():
    assert citation(BOOKMARKS[0]) == (f'"President Bach had a vision," — Jack Ma, {TITLE} (insidethegames, 2019-01-23)')


def test_citation_without_speaker_or_date():
    b = BOOKMARKS[0]
    assert citation(dataclasses.replace(b, speaker=None)) == (
        f'"President Bach had a vision," — {TITLE} (insidethegames, 2019-01-23)'
    )
    assert citation(dataclasses.replace(b, date=None)) == (
        f'"President Bach had a vision," — Jack Ma, {TITLE} (insidethegames)'
    )
    assert citation(dataclasses.replace(b, speaker=None, date=None)) == (
        f'"President Bach had a vision," — {TITLE} (insidethegames)'
    )


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”")])
def test_citation_strips_outer_marks_straight_or_curly(marks):
    opening, closing = marks
    b = dataclasses.replace(BOOKMARKS[0], exact=f"{opening}We want to enable athletes to do better,{closing}")
    assert citation(b).startswith('"We want to enable athletes to do better," — Jack Ma')
    unmarked = dataclasses.replace(BOOKMARKS[0], exact="enable athletes")
    assert citation(unmarked).startswith('"enable athletes" — ')


def test_citation_of_several_paragraphs_is_one_line():
    b = dataclasses.replace(BOOKMARKS[0], exact=MULTI.replace('"', "“").replace("happen.“", "happen.”"))
    line = citation(b)
    assert "\n" not in line
    assert line == (
        '"He said that the Olympics should be for the next stage - more people, more fans, better '
        "sports. We will start from here and then we will do more things at the Tokyo Olympics. If "
        f'someone has an idea, technology can make it happen." — Jack Ma, {TITLE} '
        "(insidethegames, 2019-01-23)"
    )


def test_save_replaces_the_file_whole(tmp_path):
    target = tmp_path / "bookmarks.json"
    target.write_text(export(BOOKMARKS[:1], "json"), "utf-8")  # an older export
    save(BOOKMARKS, "json", target)
    assert json.loads(target.read_text("utf-8")) == json.loads(export(BOOKMARKS, "json"))
    assert [p.name for p in tmp_path.iterdir()] == ["bookmarks.json"]
    with pytest.raises(BookmarkError, match="^cannot write .*missing"):
        save(BOOKMARKS, "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(BookmarkError, match="unknown export format"):
        save(BOOKMARKS, "xml", target)
    assert json.loads(target.read_text("utf-8")) == json.loads(export(BOOKMARKS, "json"))


def test_unsaved_span_can_be_cited(tmp_path):
    path = tmp_path / "wire" / "story.txt"
    path.parent.mkdir()
    path.write_text('date 2020-05-01 Sponsor news\n\n"We are thrilled," said Jane Doe.\n', "utf-8")
    article = articles.load(path)
    start = article.body.index('"We')
    b = unsaved(article, start, start + len('"We are thrilled,"'), "Jane Doe")
    assert (b.id, b.exact, b.article_id, b.path) == (0, '"We are thrilled,"', "story.txt", path)
    # the folder "wire" names no outlet: the citation gives the date alone
    assert citation(b) == '"We are thrilled," — Jane Doe, Sponsor news (2020-05-01)'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_that_starts_like_a_formula_is_written_as_text(start):
    formula = f'{start}HYPERLINK("http://evil.example","click")'
    b = bookmark(
        exact=formula,
        speaker=f"{start}Speaker",
        note=f"{start}1+1",
        tags=(f"{start}cmd",),
        title=f"{start}Title",
        source=f"{start}Source",
    )
    rows = list(csv.reader(io.StringIO(export([b], "csv"), newline="")))
    row = dict(zip(COLUMNS, rows[1]))
    for column, value in (
        ("quote", formula),
        ("speaker", f"{start}Speaker"),
        ("note", f"{start}1+1"),
        ("tags", f"{start}cmd"),
        ("title", f"{start}Title"),
        ("source", f"{start}Source"),
    ):
        assert row[column] == f"'{value}"  # the apostrophe tells a spreadsheet that the cell is text
    assert row["date"] == "2019-01-23" and row["added"] == "2026-11-23T13:40:05Z"  # other cells as they were


def test_markdown_keeps_a_file_name_with_a_line_break_on_its_line():
    b = bookmark(article_id="two\nlines\r.txt", source="Wire\nService")
    text = export([b], "md")
    [details] = [line for line in text.splitlines() if line.startswith("File: ")]
    assert details.startswith("File: /home/me/articles/two\\nlines\\r.txt · ")
    assert "Wire\\nService" in text


def test_unquoted_drops_outer_marks_only_when_the_passage_has_both():
    assert unquoted('"It brings the brand to millions," ') == "It brings the brand to millions,"
    assert unquoted("\u201cIt brings\u201d") == "It brings"
    assert unquoted('the so-called "vision"') == 'the so-called "vision"'  # no opening mark: kept whole
    assert unquoted('"Half a quote') == '"Half a quote'
