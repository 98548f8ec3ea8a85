"""`press-reader bookmarks list|add|export`: output shapes, one-line errors, files written whole.

Speakers come from the quote rules, which need no spaCy model, so these tests run without one.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from reader.core.export import COLUMNS, export
from tests.core.cli_helpers import run, run_json

SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"
HONOURED = "Alibaba is very honoured to join with you"
TITLE_000 = "Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022"


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", "none")


def add(capsys, articles_dir, article, text, *extra):
    code, out, err = run(
        capsys, "bookmarks", "add", "--article", article, "--text", text, *extra, "--articles", articles_dir
    )
    assert code == 0, err
    return out


def test_add_then_list(capsys, articles_dir, data_dir):
    out = add(
        capsys,
        articles_dir,
        SAMPLE_000,
        "He said that the Olympics should be\nfor the next stage",
        "--note",
        "for the deck",
        "--tag",
        "vision",
        "--tag",
        "Olympics",
    )
    assert out == f'#1  "He said that the Olympics should be for the next stage" — Jack Ma · {TITLE_000}\n'
    [b] = run_json(capsys, "bookmarks", "list", "--articles", articles_dir)
    assert (b["quote"], b["speaker"], b["note"], b["tags"]) == (
        "He said that the Olympics should be for the next stage",
        "Jack Ma",
        "for the deck",
        ["vision", "Olympics"],
    )
    assert (b["article_id"], b["status"], b["title"], b["date"]) == (SAMPLE_000, "ok", TITLE_000, None)
    assert b["path"] == str(articles_dir.resolve() / SAMPLE_000)
    code, out, err = run(capsys, "bookmarks", "list", "--articles", articles_dir)
    assert code == 0 and err == ""
    assert out.splitlines() == [f'#1  "He said that the Olympics should be for the next stage" — Jack Ma · {TITLE_000}']


def test_add_json_and_a_long_quote_clipped_in_the_list(capsys, articles_dir, data_dir):
    b = run_json(
        capsys,
        "bookmarks",
        "add",
        "--article",
        articles_dir / SAMPLE_002,
        "--text",
        HONOURED,
        "--articles",
        articles_dir,
    )
    assert (b["id"], b["quote"], b["speaker"], b["date"]) == (1, HONOURED, "Jack Ma", "2019-01-23")
    long = 'The IOC is entering a new era of digitalisation which we are doing in partnership with Alibaba," said Bach'
    add(capsys, articles_dir, SAMPLE_000, long)
    _code, out, _err = run(capsys, "bookmarks", "list", "--articles", articles_dir)
    first, second = out.splitlines()
    assert first.startswith(f'#1  "{HONOURED}" — Jack Ma · International Olympic Committee')
    assert first.endswith("(2019-01-23)")
    quote = second.split('"')[1]
    assert len(quote) == 80 and quote.endswith("…")
    assert second.endswith(f" — {TITLE_000}")  # narration: no speaker


def test_list_when_empty(capsys, articles_dir, data_dir):
    code, out, err = run(capsys, "bookmarks", "list", "--articles", articles_dir)
    assert (code, out, err) == (0, "No bookmarks yet.\n", "")
    assert run_json(capsys, "bookmarks", "list", "--articles", articles_dir) == []


def test_list_shows_every_folder_and_checks_this_one(capsys, articles_dir, data_dir, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(articles_dir, other)
    add(capsys, articles_dir, SAMPLE_002, HONOURED)
    add(capsys, other, SAMPLE_002, HONOURED)
    path = articles_dir / SAMPLE_002
    path.write_text(path.read_text("utf-8").replace("very honoured", "delighted"), "utf-8")
    listed = run_json(capsys, "bookmarks", "list", "--articles", other)  # the other folder is not checked
    assert [(b["path"], b["status"]) for b in listed] == [
        (str(path.resolve()), "ok"),
        (str(other.resolve() / SAMPLE_002), "ok"),
    ]
    code, out, err = run(capsys, "bookmarks", "list", "--articles", articles_dir)
    assert code == 0 and err == ""
    first, second = out.splitlines()
    assert first.startswith("#1  ") and first.endswith(" [text changed]")
    assert not second.endswith("]")


def test_a_search_leaves_the_bookmarks_to_the_list(capsys, articles_dir, data_dir):
    from reader.core.library import Library

    add(capsys, articles_dir, SAMPLE_002, HONOURED)
    path = articles_dir / SAMPLE_002
    path.write_text(path.read_text("utf-8").replace("very honoured", "delighted"), "utf-8")
    hits = run_json(capsys, "search", "delighted", "--articles", articles_dir)["hits"]
    assert [h["path"] for h in hits] == [SAMPLE_002]  # indexed anew, its bookmark not read again
    library = Library(articles_dir, data_dir)
    try:
        assert [b.status for b in library.all_bookmarks()] == ["ok"]
    finally:
        library.close()
    code, out, err = run(capsys, "bookmarks", "list", "--articles", articles_dir)
    assert (code, err) == (0, "") and out.rstrip().endswith(" [text changed]")


@pytest.mark.parametrize(
    "argv,fragment",
    [
        (
            ["add", "--article", SAMPLE_002, "--text", "Alibaba is very humbled"],
            f"the text is not in {SAMPLE_002}: “Alibaba is very humbled”",
        ),
        (["add", "--article", "nope.txt", "--text", "anything"], "no such article file"),
        (["add", "--article", SAMPLE_002], "required: --text"),
        (["export", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        ([], "required"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, articles_dir, data_dir, argv, fragment):
    code, out, err = run(capsys, "bookmarks", *argv, "--articles", articles_dir)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("press-reader: ") and fragment in lines[0]
    assert run_json(capsys, "bookmarks", "list", "--articles", articles_dir) == []


@pytest.fixture
def two_bookmarks(capsys, articles_dir, data_dir):
    add(capsys, articles_dir, SAMPLE_002, HONOURED, "--tag", "a", "--tag", "b", "--note", "n")
    add(capsys, articles_dir, SAMPLE_000, '"President Bach had a vision,"')
    return articles_dir


def parse(fmt: str, text: str):
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == list(COLUMNS)
        return [dict(zip(COLUMNS, r)) for r in rows[1:]]
    if fmt == "json":
        return json.loads(text)
    return text


@pytest.mark.parametrize("fmt", ["csv", "md", "json"])
def test_export_to_a_file(capsys, two_bookmarks, tmp_path, fmt):
    target = tmp_path / "out" / f"bookmarks.{fmt}"
    target.parent.mkdir()
    target.write_bytes(export([], fmt).encode())  # an older export
    code, out, err = run(
        capsys, "bookmarks", "export", "--format", fmt, "--output", target, "--articles", two_bookmarks
    )
    assert (code, out, err) == (0, "", "")
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left
    exported = parse(fmt, target.read_text("utf-8"))
    if fmt == "md":
        assert exported.startswith("# Bookmarks\n")
        assert f"> {HONOURED}" in exported and '> "President Bach had a vision,"' in exported
        assert "— Jack Ma, *International Olympic Committee" in exported
        assert "Tags: a, b" in exported
    else:
        assert [r["quote"] for r in exported] == [HONOURED, '"President Bach had a vision,"']
        assert [r["speaker"] for r in exported] == ["Jack Ma", "Jack Ma"]
        assert exported[0]["tags"] == ("a; b" if fmt == "csv" else ["a", "b"])
        assert exported[0]["note"] == "n" and exported[0]["status"] == "ok"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_stdout_prints_only_the_export(capsys, two_bookmarks, fmt):
    code, out, err = run(capsys, "bookmarks", "export", "--format", fmt, "--articles", two_bookmarks)
    assert code == 0 and err == ""
    assert len(parse(fmt, out)) == 2


def test_export_to_a_folder_that_does_not_exist(capsys, two_bookmarks, tmp_path):
    code, out, err = run(
        capsys,
        "bookmarks",
        "export",
        "--format",
        "md",
        "--output",
        tmp_path / "no" / "x.md",
        "--articles",
        two_bookmarks,
    )
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("press-reader: cannot write ")
