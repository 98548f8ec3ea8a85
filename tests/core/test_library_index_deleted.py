"""The index folder deleted while a library is open (by the user, or a disk cleaner): said in one line, rebuilt.

Real Whoosh index and SQLite files in a temporary data dir; the deletion is a plain `shutil.rmtree`.
"""

from __future__ import annotations

import json
import shutil

import pytest

from reader.core.index import INDEX_DELETED, IndexDeleted
from reader.core.index.schema import NAMES_DIR
from reader.core.library import Library
from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.core.cli_helpers import run, run_json

BOTH = [SAMPLE_000, SAMPLE_002]


@pytest.fixture
def lib(articles_dir, data_dir):
    """A library indexed once, with a bookmark."""
    library = Library(articles_dir, data_dir)
    library.sync()
    article = library.load(SAMPLE_000)
    start = article.body.index("President Bach had a vision")
    library.bookmarks.add(
        article, start, start + len("President Bach had a vision"), folder=library.root, note="keep me"
    )
    yield library
    library.close()


def marks(library):
    return [(b.id, b.article_id, b.exact, b.note) for b in library.bookmarks.all()]


@pytest.mark.parametrize("what", ["folder", "all indexes"])
def test_a_search_after_the_index_was_deleted_says_so_and_a_sync_rebuilds_it(lib, data_dir, what):
    before = marks(lib)
    assert lib.search("Lausanne").total == 1  # its searcher is open
    shutil.rmtree(lib.index_dir if what == "folder" else data_dir / "index")

    with pytest.raises(IndexDeleted, match=f"^{INDEX_DELETED}$"):
        lib.search("Lausanne")
    with pytest.raises(IndexDeleted):  # until the index is filled again
        lib.search("Lausanne")
    report = lib.sync()
    assert (report.rebuilt, report.indexed, report.added) == (INDEX_DELETED, 2, 2)
    assert [h.article_id for h in lib.search("Lausanne").hits] == [SAMPLE_002]
    assert [r.id for r in lib.rows()] == BOTH
    assert marks(lib) == before
    assert lib.sync().rebuilt is None


def test_a_quiet_update_with_the_rows_it_knows_rebuilds_a_deleted_index(lib, articles_dir):
    """The window's quiet update passes the rows it lists: they are not the new, empty index's."""
    listed = lib.rows()
    shutil.rmtree(lib.index_dir)
    (articles_dir / SAMPLE_000).unlink()  # and, meanwhile, an article left the folder

    report = lib.sync(known=listed)
    assert report.rebuilt == INDEX_DELETED
    assert (report.indexed, report.added, report.removed_ids) == (1, 1, [SAMPLE_000])
    assert [r.id for r in lib.rows()] == [SAMPLE_002]
    assert lib.search("Lausanne").total == 1


def test_a_full_rebuild_of_a_deleted_index(lib):
    shutil.rmtree(lib.index_dir)
    report = lib.sync(rebuild=True)
    assert (report.rebuilt, report.indexed) == (INDEX_DELETED, 2)
    assert lib.search("olympi*").total == 2


def test_the_list_of_a_deleted_index_is_read_from_a_new_one(lib):
    shutil.rmtree(lib.index_dir)
    assert lib.rows() == []  # no error: the next sync fills it
    assert lib.index_deleted
    assert lib.sync().indexed == 2
    assert [r.id for r in lib.rows()] == BOTH
    assert not lib.index_deleted


def test_the_names_index_deleted_alone_is_noticed(lib):
    assert not lib.index.deleted()
    shutil.rmtree(lib.index_dir / NAMES_DIR)
    assert lib.index.deleted()
    report = lib.sync()
    assert (report.rebuilt, report.indexed) == (INDEX_DELETED, 2)
    assert not lib.index.deleted()


def test_cli_after_the_index_was_deleted_just_rebuilds(capsys, articles_dir, data_dir):
    assert run_json(capsys, "index", "--no-analysis", "--articles", articles_dir)["indexed"] == 2
    shutil.rmtree(data_dir / "index")
    code, out, err = run(capsys, "search", "Lausanne", "--articles", articles_dir)
    assert (code, err) == (0, "")
    assert "1 match for Lausanne" in out
    shutil.rmtree(data_dir / "index")
    code, out, err = run(capsys, "index", "--no-analysis", "--json", "--articles", articles_dir)
    assert (code, err) == (0, "")
    assert json.loads(out)["indexed"] == 2
