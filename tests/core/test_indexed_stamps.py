"""The indexed files' stamps kept beside the index: believed for the commit they were read from only."""

from __future__ import annotations

from reader.core.indexed_stamps import indexed_stamps, last_commit, stamps_path
from tests.core.analysis_fixtures import SAMPLE_000


def test_the_stamps_are_kept_beside_the_index_and_read_back_without_it(library, monkeypatch):
    library.sync()
    library.sync()  # the first read an empty index, then committed: what it kept was stale at once
    assert stamps_path(library.index_dir).is_file()
    expected = library.index.stamps()
    assert expected[0] and expected[1] == set()

    def unread():
        raise AssertionError("the index's columns were read")

    monkeypatch.setattr(library.index, "stamps", unread)
    assert indexed_stamps(library.index) == expected
    assert library.sync().updated == 0


def test_stamps_kept_for_an_older_commit_are_not_believed(library, articles_dir, write, touch_later):
    library.sync()
    library.sync()
    kept = stamps_path(library.index_dir)
    older = kept.read_bytes()
    edited = articles_dir / SAMPLE_000
    write(edited, edited.read_text("utf-8") + "\nA late line.\n")
    touch_later(edited)
    assert library.sync().changed == 1  # a commit: the stamps kept are stale
    kept.write_bytes(older)  # as if the commit had not rewritten them
    assert indexed_stamps(library.index) == library.index.stamps()
    assert library.index.stamps()[0][SAMPLE_000] == (edited.stat().st_size, edited.stat().st_mtime_ns)
    assert library.sync().updated == 0


def test_a_torn_stamps_file_is_read_again_from_the_index(library):
    library.sync()
    library.sync()
    kept = stamps_path(library.index_dir)
    kept.write_bytes(kept.read_bytes()[:100])
    assert indexed_stamps(library.index) == library.index.stamps()
    assert library.sync().updated == 0
    assert len(kept.read_bytes()) > 100  # written whole again


def test_every_commit_is_told_from_the_one_before(library, articles_dir, write):
    library.sync()
    before = last_commit(library.index_dir)
    write(articles_dir / "new.txt", "Quokka news\n\nThe quokka sponsor spoke.\n")
    library.sync()
    after = last_commit(library.index_dir)
    assert None not in (before, after) and before != after
