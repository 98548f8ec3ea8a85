"""A messy coverage folder: every readable article is indexed, and each unusable file is listed with its reason."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from reader.core import articles as _articles
from reader.core import files
from reader.core.analysis.tagger import Tagger, pieces
from reader.core.files import MAX_FILE_BYTES
from reader.core.library import Library
from tests.conftest import REPO
from tests.core.cli_helpers import run_json
from tests.odd_files import EMOJI, HUGE_PARAGRAPH, INDEXED, RTL, SKIPPED, make_odd_folder
from tests.trouble import unprivileged


@pytest.fixture
def odd(tmp_path):
    return make_odd_folder(tmp_path / "odd")


def test_every_readable_file_is_indexed_and_every_other_is_listed_with_its_reason(odd, data_dir):
    library = Library(odd, data_dir)
    report = library.sync()
    assert sorted(r.id for r in library.rows()) == sorted(INDEXED)
    assert {s.path: s.reason for s in report.skipped} == SKIPPED
    assert report.added == len(INDEXED)  # the files read but unusable are not counted as added
    library.close()


def test_odd_encodings_and_scripts_read_as_the_writer_meant(odd, data_dir):
    library = Library(odd, data_dir)
    library.sync()
    assert library.load("cp1252.txt").body == "\u201cWe will win,\u201d said Ma. It\u2019s \u2018fine\u2019."
    assert library.load("utf16.txt").body == "\u201cHello,\u201d said Bach.\n\nA second paragraph."
    assert library.load("cr_only.txt").body == "First paragraph.\n\nSecond paragraph, same paragraph."
    assert library.load("bad_utf8.txt").title == "Café society ÿ broken bytes"  # not UTF-8: read as cp1252
    assert library.load("date_only.txt").date == "2021-03-04"
    rtl = library.load("rtl_emoji.txt")
    assert RTL in rtl.body and EMOJI in rtl.body
    assert [h.article_id for h in library.search("الرعاية").hits] == ["rtl_emoji.txt"]
    assert [h.article_id for h in library.search("torch").hits] == ["rtl_emoji.txt"]
    assert [h.article_id for h in library.search("x*").hits] == ["one_word_line.txt"]
    library.close()


@pytest.mark.slow  # a 20 MB file, capped
def test_a_huge_file_is_indexed_up_to_the_cap_and_cut_at_a_line(odd, data_dir):
    library = Library(odd, data_dir)
    library.sync()
    huge = library.load("huge.txt")
    assert huge.truncated
    assert MAX_FILE_BYTES - 65536 < len(huge.body.encode()) <= MAX_FILE_BYTES
    assert huge.body.endswith(HUGE_PARAGRAPH.strip())  # whole paragraphs: the cut fell on a line end
    assert [h.article_id for h in library.search("partnership").hits] == ["huge.txt"]
    library.close()


def test_a_cut_never_ends_inside_a_character(tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_bytes(b"a" + "é".encode() * MAX_FILE_BYTES)  # no line end: the cut falls in a character
    article = _articles.load(path)
    assert article.truncated
    assert set(article.body) == {"a", "é"}  # still UTF-8: not read as cp1252 ("Ã©")


def test_a_file_deleted_between_listing_and_reading_is_skipped_with_that_reason(odd, data_dir):
    library = Library(odd, data_dir)

    def delete_plain(done, total):
        if done == 1:
            (odd / "plain.txt").unlink(missing_ok=True)

    report = library.sync(progress=delete_plain)
    reasons = {s.path: s.reason for s in report.skipped}
    assert reasons.get("plain.txt") == "the file was deleted before it could be read"
    assert "plain.txt" not in {r.id for r in library.rows()}
    library.close()


def test_index_json_lists_the_skipped_files(odd, data_dir, capsys):
    report = run_json(capsys, "index", "--no-analysis", "--articles", odd, "--data-dir", data_dir)
    assert report["indexed"] == len(INDEXED)
    assert {s["path"]: s["reason"] for s in report["skipped"]} == SKIPPED


@pytest.mark.slow  # a child process indexing the odd folder
def test_an_unreadable_file_is_skipped_as_permission_denied(odd, data_dir):
    (odd / "locked.txt").write_text("Secret words.")
    (odd / "locked.txt").chmod(0)
    out = subprocess.run(
        [
            *unprivileged(),
            sys.executable,
            "-m",
            "reader",
            "index",
            "--no-analysis",
            "--json",
            "--articles",
            str(odd),
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert {s["path"]: s["reason"] for s in report["skipped"]}["locked.txt"] == "permission denied"
    assert report["indexed"] == len(INDEXED)


# ---------------------------------------------------------------- tagging huge texts


def test_pieces_cover_the_text_at_paragraph_breaks_then_spaces():
    text = "\n\n".join(["alpha beta gamma"] * 10) + " " + "w" * 50
    cut = pieces(text, limit=40)
    assert "".join(p for _, p in cut) == text
    assert all(text[at : at + len(p)] == p and len(p) <= 40 for at, p in cut)
    assert all(p.endswith("gamma\n\n") for _, p in cut[:-3])  # cut after a paragraph break
    assert cut[-3][1] == "alpha beta gamma "  # the last paragraph is too long: cut at a space
    assert [p for _, p in cut[-2:]] == ["w" * 40, "w" * 10]  # a word too long: cut anywhere
    assert pieces("short", limit=40) == [(0, "short")]


def test_a_text_longer_than_spacy_takes_is_tagged_in_pieces_with_the_same_names(monkeypatch):
    from reader.core.analysis import default_analyzer

    tagger: Tagger = default_analyzer().tagger
    paragraph = "Alibaba and the International Olympic Committee met Thomas Bach in Lausanne."
    text = "\n\n".join([paragraph] * 120)  # about 9,000 characters
    whole = [text[s:e] for s, e, *_ in next(tagger.tag([text]))]
    monkeypatch.setattr(importlib.import_module("reader.core.analysis.tagger"), "TAG_PIECE_CHARS", 2_000)
    tagger.nlp.max_length = 5_000  # spaCy's own refusal (E088), at a size a test can reach
    try:
        found = next(tagger.tag([text]))
    finally:
        tagger.nlp.max_length = 1_000_000
    assert [text[s:e] for s, e, *_ in found] == whole
    assert whole.count("Lausanne") == 120


# ---------------------------------------------------------------- text that is not there, or not readable


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf\r\n \r\n",
        "\u00a0\u00a0\n\u3000\n".encode(),
        "\ufeff\u3000\u200b".encode("utf-16"),
        b"\xff\xfe",
    ],
    ids=["utf8-bom", "bom-and-blank-lines", "no-break-and-ideographic-spaces", "utf16-spaces", "utf16-bom"],
)
def test_a_file_with_no_visible_text_is_skipped_as_empty(tmp_path, data_dir, data):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "blank.txt").write_bytes(data)
    (tmp_path / "lib" / "plain.txt").write_text("A plain article about Alibaba and the IOC.")
    library = Library(tmp_path / "lib", data_dir)
    report = library.sync()
    assert {s.path: s.reason for s in report.skipped} == {"blank.txt": "empty file"}
    assert [r.id for r in library.rows()] == ["plain.txt"]
    library.close()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_an_unrecognised_encoding_not_binary(tmp_path, codec):
    path = tmp_path / "wide.txt"
    path.write_bytes("\u201cHello,\u201d said Bach.\n\nA second paragraph.".encode(codec))
    with pytest.raises(files.ArticleError) as info:
        _articles.load(path)
    assert info.value.reason == files.UNRECOGNISED_ENCODING
    assert info.value.reason.startswith("unrecognised text encoding")
