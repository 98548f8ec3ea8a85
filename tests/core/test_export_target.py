"""Where `bookmarks export --output` may write: never over the data dir's files, a link, a pipe or a device,
and over a file that is not an earlier export of the same format only with --force."""

from __future__ import annotations

import os
import stat

import pytest

from reader.core.export import export
from tests.core.cli_helpers import run, run_json
from tests.core.test_cli_bookmarks import HONOURED, SAMPLE_002, add

pytestmark = pytest.mark.usefixtures("no_model")


@pytest.fixture
def no_model(monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", "none")


@pytest.fixture
def one_bookmark(capsys, articles_dir, data_dir):
    add(capsys, articles_dir, SAMPLE_002, HONOURED)
    return articles_dir


def export_to(capsys, articles, target, *extra, fmt="csv"):
    return run(capsys, "bookmarks", "export", "--format", fmt, "--output", target, *extra, "--articles", articles)


def refused(code, out, err, *fragments):
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("press-reader: ")
    assert all(f in err for f in fragments), err
    return True


def still_one_bookmark(capsys, articles):
    return [b["quote"] for b in run_json(capsys, "bookmarks", "list", "--articles", articles)] == [HONOURED]


@pytest.mark.parametrize("name", ["bookmarks.sqlite", "analysis.sqlite", "state.json", "new.csv"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_an_export_never_writes_in_the_data_dir(capsys, one_bookmark, data_dir, name, force):
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    assert refused(*export_to(capsys, one_bookmark, data_dir / name, *force), "data folder")
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before
    assert still_one_bookmark(capsys, one_bookmark)


def test_nor_through_a_link_to_the_data_dir(capsys, one_bookmark, data_dir, tmp_path, monkeypatch):
    (tmp_path / "shortcut").symlink_to(data_dir)
    monkeypatch.chdir(tmp_path / "shortcut")
    assert refused(*export_to(capsys, one_bookmark, "bookmarks.sqlite", "--force"), "data folder")
    assert refused(*export_to(capsys, one_bookmark, tmp_path / "shortcut" / "bookmarks.sqlite"), "data folder")
    assert still_one_bookmark(capsys, one_bookmark)


def test_a_file_that_is_not_an_earlier_export_is_replaced_only_with_force(capsys, one_bookmark, tmp_path):
    thesis = tmp_path / "thesis.csv"
    thesis.write_text("chapter,words\n1,5000\n")
    assert refused(*export_to(capsys, one_bookmark, thesis), "not an earlier CSV export", "--force")
    assert thesis.read_text() == "chapter,words\n1,5000\n"
    assert export_to(capsys, one_bookmark, thesis, "--force") == (0, "", "")
    assert HONOURED in thesis.read_text()


@pytest.mark.parametrize("fmt", ["csv", "md", "json"])
def test_an_earlier_export_of_the_same_format_is_replaced(capsys, one_bookmark, tmp_path, fmt):
    earlier = tmp_path / f"bookmarks.{fmt}"
    earlier.write_bytes(export([], fmt).encode())
    assert export_to(capsys, one_bookmark, earlier, fmt=fmt) == (0, "", "")
    assert HONOURED in earlier.read_text("utf-8")
    other = "json" if fmt != "json" else "csv"  # an export, but of another format, is not replaced
    assert refused(*export_to(capsys, one_bookmark, earlier, fmt=other), "not an earlier")


def test_a_symlink_is_never_replaced(capsys, one_bookmark, tmp_path):
    target = tmp_path / "bookmarks.csv"
    target.write_bytes(export([], "csv").encode())
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    for force in ([], ["--force"]):
        assert refused(*export_to(capsys, one_bookmark, link, *force), "symbolic link")
    assert link.is_symlink() and target.read_bytes() == export([], "csv").encode()


def test_a_fifo_is_never_replaced_nor_opened(capsys, one_bookmark, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for force in ([], ["--force"]):
        assert refused(*export_to(capsys, one_bookmark, fifo, *force), "pipe")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_never_replaced(capsys, one_bookmark, tmp_path):
    node = tmp_path / "null.csv"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null, in the test's folder
    assert refused(*export_to(capsys, one_bookmark, node, "--force"), "device")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


@pytest.mark.parametrize("folder", [".", "/"])
def test_a_folder_is_refused_in_one_line(capsys, one_bookmark, tmp_path, monkeypatch, folder):
    monkeypatch.chdir(tmp_path)
    assert refused(*export_to(capsys, one_bookmark, folder), "is a folder")


def test_output_dash_writes_to_standard_output(capsys, one_bookmark, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = export_to(capsys, one_bookmark, "-")
    assert (code, err) == (0, "") and HONOURED in out
    assert not (tmp_path / "-").exists()
