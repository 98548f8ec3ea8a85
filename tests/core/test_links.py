"""Symbolic links, one rule for the library and for a folder imported: a link that leaves the folder is
skipped with a reason, never read; a link to a file inside it is read."""

from __future__ import annotations

import json
import os

import pytest

from reader.core.importing import IMPORTED, SKIPPED
from reader.core.library import Library
from reader.core.scanning import LINK_LEAVES
from tests.core.cli_helpers import run, run_json

SECRET = "Password hunter2 for the quokka account."


@pytest.fixture
def home(tmp_path):
    """Files of the user's that are not articles, outside any articles folder."""
    private = tmp_path / "home" / ".ssh"
    private.mkdir(parents=True)
    (private / "id_rsa.txt").write_text(f"Private\n\n{SECRET}\n")
    return tmp_path / "home"


def _linked_folder(folder, home):
    folder.mkdir(parents=True)
    (folder / "real.txt").write_text("Real story\n\nThe sponsor signed with the club.\n")
    os.symlink(folder / "real.txt", folder / "same.txt")  # inside: read
    os.symlink(home / ".ssh" / "id_rsa.txt", folder / "story.txt")  # outside: never read
    os.symlink(home / ".ssh", folder / "more")  # a folder outside
    return folder


def test_the_library_skips_links_that_leave_its_folder(tmp_path, home, data_dir):
    root = _linked_folder(tmp_path / "library", home)
    library = Library(root, data_dir)
    report = library.sync()
    assert sorted(r.id for r in library.rows()) == ["real.txt", "same.txt"]
    assert {s.path: s.reason for s in report.skipped} == {"story.txt": LINK_LEAVES, "more/": LINK_LEAVES}
    assert library.search("quokka").total == 0
    library.close()


def test_add_skips_links_in_a_folder_that_leave_it(tmp_path, home, data_dir, capsys):
    library = tmp_path / "library"
    library.mkdir()
    unpacked = _linked_folder(tmp_path / "downloads" / "unpacked", home)
    code, out, err = run(
        capsys, "add", "--no-analysis", "--json", unpacked, "--articles", library, "--data-dir", data_dir
    )
    assert code == 2, err  # a file was skipped; the others are in
    report = json.loads(out)
    assert {f["path"].rsplit("/", 1)[-1]: (f["status"], f.get("reason")) for f in report["files"]} == {
        "real.txt": (IMPORTED, None),
        "story.txt": (SKIPPED, LINK_LEAVES),
    }  # same.txt is real.txt
    assert not (library / "unpacked" / "story.txt").exists()
    assert SECRET not in "".join(p.read_text() for p in library.rglob("*.txt"))
    found = run_json(capsys, "search", "quokka", "--articles", library, "--data-dir", data_dir)
    assert found["total"] == 0
