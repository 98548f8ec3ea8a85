"""File names as archives have them: a name that is not UTF-8 is skipped or copied in readable, never fatal."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.library import Library
from reader.core.scanning import NAME_NOT_UTF8
from tests.core.cli_helpers import run, run_json

LATIN1_NAME = b"r\xe9sum\xe9.txt"  # "résumé.txt" as Windows or an older Mac wrote it: not UTF-8
LATIN1_FOLDER = b"d\xe9j\xe0"


def _write(folder: Path, name: bytes, text: str) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    path.write_text(text, encoding="utf-8")
    return path


def _odd_library(tmp_path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    (root / "good.txt").write_text("Sponsors return\n\nThe sponsors of the league are back.\n")
    _write(root, LATIN1_NAME, "Resume\n\nA sponsorship résumé.\n")
    folder = Path(os.fsdecode(os.path.join(os.fsencode(root), LATIN1_FOLDER)))
    folder.mkdir()
    (folder / "inside.txt").write_text("Inside\n\nA sponsorship story in a folder.\n")
    return root


def test_a_name_that_is_not_utf8_is_skipped_with_its_readable_name_and_the_rest_is_indexed(tmp_path, data_dir):
    library = Library(_odd_library(tmp_path), data_dir)
    report = library.sync()
    assert [r.id for r in library.rows()] == ["good.txt"]
    assert {s.path: s.reason for s in report.skipped} == {"résumé.txt": NAME_NOT_UTF8, "déjà/": NAME_NOT_UTF8}
    assert [h.article_id for h in library.search("sponsors").hits] == ["good.txt"]
    library.close()


def test_index_and_search_print_the_library_with_such_names(tmp_path, data_dir, capsys):
    root = _odd_library(tmp_path)
    report = run_json(capsys, "index", "--no-analysis", "--articles", root, "--data-dir", data_dir)
    assert report["indexed"] == 1
    assert {s["path"] for s in report["skipped"]} == {"résumé.txt", "déjà/"}
    code, out, err = run(capsys, "search", "sponsors", "--articles", root, "--data-dir", data_dir)
    assert (code, err) == (0, "") and "good.txt" in out


def test_add_copies_such_a_file_in_under_its_readable_name_and_indexes_it(tmp_path, data_dir, capsys):
    root = tmp_path / "library"
    root.mkdir()
    (root / "good.txt").write_text("Sponsors return\n\nThe sponsors of the league are back.\n")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    _write(downloads, LATIN1_NAME, "Resume\n\nA sponsorship résumé from an archive.\n")
    imported = run_json(capsys, "add", "--no-analysis", downloads, "--articles", root, "--data-dir", data_dir)
    assert [f["article_id"] for f in imported["files"]] == ["downloads/résumé.txt"]
    assert imported["files"][0]["path"].endswith("downloads/résumé.txt")
    assert imported["indexed"] == 2
    found = run_json(capsys, "search", "archive", "--articles", root, "--data-dir", data_dir)
    assert [h["path"] for h in found["hits"]] == ["downloads/résumé.txt"]
    assert run_json(capsys, "index", "--no-analysis", "--articles", root, "--data-dir", data_dir)["skipped"] == []


def test_show_gives_such_a_file_its_readable_name(tmp_path, data_dir, capsys):
    path = _write(tmp_path, LATIN1_NAME, "Resume\n\nA sponsorship résumé.\n")
    shown = run_json(capsys, "show", path, "--data-dir", data_dir)
    assert shown["path"] == "résumé.txt" and shown["title"] == "Resume"


def test_a_library_folder_whose_name_is_not_utf8_is_refused_in_one_line(tmp_path, data_dir, capsys):
    root = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), LATIN1_FOLDER)))
    root.mkdir()
    code, _out, err = run(capsys, "index", "--articles", root, "--data-dir", data_dir)
    assert code == 2 and err.count("\n") == 1 and "déjà" in err and "not valid UTF-8" in err
