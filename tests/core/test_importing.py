"""Bringing articles in: copies into the library with safe names, copies of one story told apart, pasted text."""

from __future__ import annotations

import json

import pytest

from reader.core import articles
from reader.core.corrections import DetailsError
from reader.core.importing import DUPLICATE, IMPORTED, SKIPPED
from reader.core.library import Library
from tests.core.cli_helpers import run, run_json

WIRE = (
    "Alibaba has signed a sponsorship deal with the International Olympic Committee, running until 2028.\n\n"
    '"We are proud to be a partner," said Daniel Zhang.'
)


@pytest.fixture
def library(tmp_path, data_dir):
    root = tmp_path / "library"
    root.mkdir()
    lib = Library(root, data_dir)
    yield lib
    lib.close()


@pytest.fixture
def outside(tmp_path, write):
    """A downloads folder with two outlets' copies of one wire story and a story of its own."""
    folder = tmp_path / "downloads"
    write(folder / "reuters.txt", f"Title: Alibaba joins the Olympics\nSource: Reuters\n\n{WIRE}")
    # the same words: other quote marks, case, spacing and line breaks
    write(
        folder / "ap.txt",
        "Title: IOC signs Alibaba\nSource: AP\n\n"
        + WIRE.upper().replace('"', "“", 1).replace('"', "”").replace(" ", "  ").replace("\n\n", "\n\n\n"),
    )
    write(
        folder / "own.md",
        "---\ntitle: Coca-Cola renews with FIFA\nsource: SportBusiness\ndate: 2024-05-02\n---\n\n"
        "Coca-Cola has renewed its FIFA partnership.",
    )
    return folder


def statuses(report):
    return [(f.path.rsplit("/", 1)[-1], f.status, f.article_id, f.of) for f in report.files]


def test_copies_of_one_story_are_one_article_in_counts_and_search(library, outside):
    report = library.add([outside / "reuters.txt", outside / "ap.txt", outside / "own.md"])
    assert statuses(report) == [
        ("reuters.txt", IMPORTED, "reuters.txt", None),
        ("ap.txt", DUPLICATE, "ap.txt", "reuters.txt"),
        ("own.md", IMPORTED, "own.md", None),
    ]
    library.sync()
    rows = {r.id: r for r in library.rows()}
    assert rows["ap.txt"].fingerprint == rows["reuters.txt"].fingerprint != rows["own.md"].fingerprint
    result = library.search("alibaba")
    assert result.total == 1 and len(result.hits) == 1  # two files, one article
    assert library.search("partner OR partnership").total == 2


def test_a_file_already_in_the_library_is_not_copied_again(library, outside):
    library.add([outside / "own.md"])
    library.sync()
    report = library.add([outside / "own.md"])
    assert statuses(report) == [("own.md", DUPLICATE, None, "own.md")]
    assert report.files[0].line.endswith("own.md: duplicate of own.md; not copied")
    assert sorted(p.name for p in library.root.iterdir()) == ["own.md"]


def test_a_taken_name_gets_a_number_and_both_files_are_kept(library, tmp_path, write):
    write(library.root / "story.txt", "First story about Visa and the Olympics.")
    write(tmp_path / "elsewhere" / "story.txt", "A different story about Samsung.")
    write(tmp_path / "again" / "story.txt", "A third story about Toyota.")
    library.sync()
    report = library.add([tmp_path / "elsewhere" / "story.txt", tmp_path / "again" / "story.txt"])
    assert [f.article_id for f in report.files] == ["story (2).txt", "story (3).txt"]
    assert (library.root / "story.txt").read_text() == "First story about Visa and the Olympics."
    assert (library.root / "story (2).txt").read_text() == "A different story about Samsung."
    assert library.sync().added == 2


def test_a_folder_comes_in_with_its_name_and_subfolders_and_its_odd_files_are_listed(library, tmp_path, write):
    write(tmp_path / "Clippings" / "a.txt", "Nike signs a deal.")
    write(tmp_path / "Clippings" / "2024" / "b.md", "Adidas signs a deal.")
    write(tmp_path / "Clippings" / "notes.docx", b"PK\x03\x04")
    write(tmp_path / "Clippings" / "README", "what is here")
    write(tmp_path / "Clippings" / ".hidden.txt", "not this")
    write(tmp_path / "Clippings" / "Thumbs.db", b"\x00")  # the system's, not the user's: not listed either
    report = library.add([tmp_path / "Clippings"])
    assert [(f.article_id, f.status, f.reason) for f in report.files] == [
        (None, SKIPPED, "not a supported format (no file name extension)"),
        ("Clippings/a.txt", IMPORTED, None),
        (None, SKIPPED, "not a supported format (.docx)"),
        ("Clippings/2024/b.md", IMPORTED, None),
    ]
    assert report.summary == "2 imported, 2 skipped"
    assert not list(library.root.rglob("*.docx")) and not list(library.root.rglob(".*"))
    library.sync()
    assert {r.id: r.source for r in library.rows()} == {"Clippings/a.txt": "", "Clippings/2024/b.md": ""}


def test_unusable_files_are_skipped_with_a_reason_and_the_rest_comes_in(library, tmp_path, write):
    write(tmp_path / "good.txt", "Heineken sponsors the Champions League.")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "report.docx", b"PK\x03\x04")
    report = library.add(
        [
            tmp_path / "good.txt",
            tmp_path / "empty.txt",
            tmp_path / "report.docx",
            tmp_path / "missing.txt",
            library.root / "good.txt",
        ]
    )
    assert [(f.status, f.reason) for f in report.files] == [
        (IMPORTED, None),
        (SKIPPED, "empty file"),
        (SKIPPED, "not a supported format (.docx)"),
        (SKIPPED, "no such file or folder"),
        (SKIPPED, "already in the library folder"),
    ]
    assert report.summary == "1 imported, 4 skipped"
    assert sorted(p.name for p in library.root.iterdir()) == ["good.txt"]  # nothing half-copied left


def test_a_corrections_sidecar_comes_with_its_file(library, tmp_path, write):
    write(tmp_path / "a.txt", "Mastercard renews.")
    write(tmp_path / "a.txt.meta.json", json.dumps({"title": "Mastercard renews with UEFA"}))
    library.add([tmp_path / "a.txt"])
    assert library.load("a.txt").title == "Mastercard renews with UEFA"


# ---------------------------------------------------------------- pasted text


def test_pasted_text_becomes_an_article_with_its_details(library):
    text = "Visa extends Olympic deal\n\nVisa has extended its partnership with the IOC until 2032.\r\n"
    aid = library.paste(
        text, title="Visa extends its Olympic deal to 2032", source="Financial Times", date="2024-06-11"
    )
    assert aid == "visa-extends-its-olympic-deal-to-2032.txt"
    a = library.load(aid)
    assert (a.title, a.source, a.date) == ("Visa extends its Olympic deal to 2032", "Financial Times", "2024-06-11")
    assert a.body == "Visa has extended its partnership with the IOC until 2032."
    assert (
        library.paste(text, title="Visa extends its Olympic deal to 2032")
        == "visa-extends-its-olympic-deal-to-2032 (2).txt"
    )
    assert library.load("visa-extends-its-olympic-deal-to-2032 (2).txt").source == "Pasted"


def test_pasting_nothing_or_a_bad_date_says_so_and_saves_nothing(library):
    with pytest.raises(DetailsError, match="there is no text"):
        library.paste("  \n ", title="x")
    with pytest.raises(DetailsError, match="not a date"):
        library.paste("Some text", title="x", date="yesterday")
    assert list(library.root.iterdir()) == []


def test_a_title_of_symbols_still_makes_a_file_name(library):
    aid = library.paste("Body text.", title="«»/\\:*?")
    assert aid.startswith("pasted-") and articles.load(library.root / aid).title == "«»/\\:*?"


# ---------------------------------------------------------------- the CLI


def test_cli_add_reports_each_file_and_indexes_them(capsys, library, outside, data_dir):
    out = run_json(capsys, "add", outside, "--articles", library.root, "--no-analysis")
    assert [(f["path"].rsplit("/", 1)[-1], f["status"], f.get("of")) for f in out["files"]] == [
        ("ap.txt", IMPORTED, None),
        ("own.md", IMPORTED, None),
        ("reuters.txt", DUPLICATE, "downloads/ap.txt"),
    ]
    assert (out["imported"], out["duplicates"], out["skipped"], out["indexed"]) == (2, 1, 0, 3)
    found = run_json(capsys, "search", "coca-cola", "--articles", library.root)
    assert [h["path"] for h in found["hits"]] == ["downloads/own.md"]


def test_cli_add_says_what_was_skipped_and_exits_2(capsys, library, tmp_path, write):
    write(tmp_path / "good.txt", "Emirates renews with Real Madrid.")
    code, out, err = run(
        capsys, "add", tmp_path / "good.txt", tmp_path / "nope.pdf", "--articles", library.root, "--no-analysis"
    )
    assert code == 2 and err == ""
    assert out.splitlines() == [
        f"{tmp_path / 'good.txt'}: imported as good.txt",
        f"{tmp_path / 'nope.pdf'}: skipped (no such file or folder)",
        "1 imported, 1 skipped; 1 article indexed",
    ]
