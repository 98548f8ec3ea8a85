"""The articles folder moved or renamed: its bookmarks follow their articles to the new place (found by the
text they were made on), and those whose article is not there are marked "article missing"."""

from __future__ import annotations

import shutil

from reader.core.bookmarks import ARTICLE_MISSING, OK
from reader.core.library import Library
from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.core.cli_helpers import run_json

VISION = "President Bach had a vision"
HONOURED = "Alibaba is very honoured to join with you"


def _bookmarked(articles_dir, data_dir):
    library = Library(articles_dir, data_dir)
    library.sync()
    library.add_bookmark_text(SAMPLE_000, VISION, note="keep")
    library.add_bookmark_text(SAMPLE_002, HONOURED)
    library.close()


def test_bookmarks_follow_a_renamed_folder(articles_dir, data_dir, tmp_path, capsys):
    _bookmarked(articles_dir, data_dir)
    renamed = tmp_path / "coverage-2019"
    articles_dir.rename(renamed)
    run_json(capsys, "index", "--no-analysis", "--articles", renamed, "--data-dir", data_dir)  # opened there
    [first, second] = run_json(capsys, "bookmarks", "list", "--articles", renamed, "--data-dir", data_dir)
    assert (first["status"], first["path"], first["note"]) == (OK, str(renamed / SAMPLE_000), "keep")
    assert (second["status"], second["path"]) == (OK, str(renamed / SAMPLE_002))
    assert Library(renamed, data_dir).load(SAMPLE_000).body[first["start"] : first["end"]].startswith(VISION)


def test_a_bookmark_follows_its_article_to_another_name_in_the_moved_folder(articles_dir, data_dir, tmp_path):
    _bookmarked(articles_dir, data_dir)
    moved = tmp_path / "elsewhere" / "articles"
    moved.parent.mkdir()
    shutil.move(articles_dir, moved)
    (moved / "2019").mkdir()
    (moved / SAMPLE_000).rename(moved / "2019" / "bach.txt")
    library = Library(moved, data_dir)
    report = library.sync()
    assert report.bookmarks.moved == 2
    found = {b.exact[:20]: b for b in library.bookmarks.all()}
    assert (found[VISION[:20]].article_id, found[VISION[:20]].status) == ("2019/bach.txt", OK)
    assert [b.exact for b in library.bookmarks_for(library.load("2019/bach.txt"))] == [VISION]
    library.close()


def test_bookmarks_of_a_folder_that_is_gone_are_marked_missing(articles_dir, data_dir, tmp_path, capsys):
    _bookmarked(articles_dir, data_dir)
    other = tmp_path / "other"
    other.mkdir()
    (other / "unrelated.txt").write_text("Unrelated\n\nNothing to do with the bookmarks.\n")
    (other / "edited.txt").write_text((articles_dir / SAMPLE_002).read_text() + "\n\nAn added line.\n")
    shutil.rmtree(articles_dir)
    run_json(capsys, "index", "--no-analysis", "--articles", other, "--data-dir", data_dir)
    marks = run_json(capsys, "bookmarks", "list", "--articles", other, "--data-dir", data_dir)
    assert [(b["status"], b["path"]) for b in marks] == [
        (ARTICLE_MISSING, str(articles_dir / SAMPLE_000)),
        (ARTICLE_MISSING, str(articles_dir / SAMPLE_002)),
    ]
