"""Keeping the index in line with the folder, through Library.sync(), on a real Whoosh index on disk."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from whoosh import index as whoosh_index

from reader.core.index.processes import PARALLEL_MIN_DOCS
from reader.core.index.schema import INDEX_NAME, SCHEMA_VERSION, make_schema
from reader.core.library import Library, LibraryError, SyncCancelled

SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"


def ids(result):
    return sorted(h.article_id for h in result.hits)


def index_files(lib):
    return sorted(p.name for p in lib.index_dir.iterdir())


def test_first_sync_indexes_both_samples(library, articles_dir, data_dir):
    before = sorted(p.name for p in articles_dir.iterdir())
    report = library.sync()
    assert report.indexed == 2
    assert report.added == 2
    assert report.updated == 2
    assert report.changed == report.removed == 0
    assert report.skipped == []
    assert report.rebuilt is None
    rows = library.rows()
    assert [r.id for r in rows] == [SAMPLE_000, SAMPLE_002]
    assert rows[0].title == "Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022"
    assert rows[0].date is None
    assert rows[1].date == "2019-01-23"
    assert all(r.words > 100 and r.source == "" for r in rows)
    # the index is a cache under the data dir; the articles folder is left alone
    assert library.index_dir.is_relative_to(data_dir)
    assert any(name.endswith(".pst") for name in index_files(library))  # a segment's postings file
    assert sorted(p.name for p in articles_dir.iterdir()) == before


def test_second_sync_without_changes_updates_nothing(library):
    library.sync()
    report = library.sync()
    assert (report.indexed, report.added, report.changed, report.removed, report.updated) == (2, 0, 0, 0, 0)
    assert report.rebuilt is None


def test_index_persists_across_library_instances(articles_dir, data_dir):
    first = Library(articles_dir, data_dir)
    first.sync()
    first.close()
    second = Library(articles_dir, data_dir)
    try:
        report = second.sync()
        assert (report.indexed, report.updated, report.rebuilt) == (2, 0, None)
        assert second.search("Lausanne").total == 1
    finally:
        second.close()


def test_unchanged_size_and_mtime_means_the_file_is_not_read_again(library, articles_dir):
    """Proof that a sync without changes reads no file: content edited behind its stat is not seen."""
    library.sync()
    path = articles_dir / SAMPLE_002
    st = path.stat()
    text = path.read_text("utf-8")
    path.write_text(text.replace("Lausanne", "Lucernex"), "utf-8")  # same length
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    report = library.sync()
    assert report.updated == 0
    assert library.search("Lausanne").total == 1
    assert library.search("Lucernex").total == 0


def test_modified_file_is_reindexed(library, articles_dir, touch_later):
    library.sync()
    assert library.search("Lausanne").total == 1
    path = articles_dir / SAMPLE_002
    path.write_text(path.read_text("utf-8").replace("Lausanne", "Zanzibar"), "utf-8")
    touch_later(path)
    report = library.sync()
    assert (report.changed, report.added, report.removed, report.indexed) == (1, 0, 0, 2)
    assert ids(library.search("Zanzibar")) == [SAMPLE_002]
    assert library.search("Lausanne").total == 0
    assert [r.id for r in library.rows()] == [SAMPLE_000, SAMPLE_002]  # replaced, not duplicated


def test_modified_title_shows_in_rows(library, articles_dir, touch_later):
    library.sync()
    path = articles_dir / SAMPLE_000
    path.write_text("A Brand New Headline\n\nNothing else remains.", "utf-8")
    touch_later(path)
    library.sync()
    row = {r.id: r for r in library.rows()}[SAMPLE_000]
    assert row.title == "A Brand New Headline"
    assert row.words == 3


def test_added_file_is_found(library, articles_dir, write):
    library.sync()
    write(articles_dir / "sub" / "new.txt", "Quokka Club signs sponsor.\n\nThe quokka is happy.")
    report = library.sync()
    assert (report.added, report.changed, report.removed, report.indexed) == (1, 0, 0, 3)
    assert ids(library.search("quokka")) == ["sub/new.txt"]
    assert "sub/new.txt" in [r.id for r in library.rows()]


def test_removed_file_disappears(library, articles_dir):
    library.sync()
    (articles_dir / SAMPLE_002).unlink()
    report = library.sync()
    assert (report.removed, report.indexed) == (1, 1)
    assert report.removed_ids == [SAMPLE_002]
    assert [r.id for r in library.rows()] == [SAMPLE_000]
    assert library.search("Lausanne").total == 0
    assert ids(library.search("Alibaba")) == [SAMPLE_000]


def test_unreadable_files_are_skipped_with_a_reason(library, articles_dir, write):
    write(articles_dir / "empty.txt", b"")
    write(articles_dir / "blob.txt", b"\x00\x01\x02binary\x00" * 10)
    (articles_dir / "folder.md").mkdir()
    report = library.sync()
    assert report.indexed == 2
    assert sorted((s.path, s.reason) for s in report.skipped) == [
        ("blob.txt", "binary file, not text"),
        ("empty.txt", "empty file"),
        ("folder.md", "is a directory, not a file"),
    ]
    assert [r.id for r in library.rows()] == [SAMPLE_000, SAMPLE_002]


def test_rebuild_reads_everything_again(library):
    library.sync()
    report = library.sync(rebuild=True)
    assert (report.indexed, report.added) == (2, 2)
    assert library.search("Lausanne").total == 1


def test_rebuild_drops_files_that_are_gone(library, articles_dir):
    library.sync()
    (articles_dir / SAMPLE_000).unlink()
    report = library.sync(rebuild=True)
    assert (report.indexed, report.removed) == (1, 1)
    assert [r.id for r in library.rows()] == [SAMPLE_002]
    assert library.search("Gangneung").total == 0


def test_progress_is_reported_per_file(library):
    calls = []
    library.sync(progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    calls.clear()
    library.sync(progress=lambda done, total: calls.append((done, total)))
    assert calls == []


def test_cancelled_sync_leaves_the_index_as_it_was(library, articles_dir, write):
    library.sync()
    write(articles_dir / "new.txt", "Quokka news.\n\nA quokka.")
    (articles_dir / SAMPLE_002).unlink()
    with pytest.raises(SyncCancelled):
        library.sync(cancel=lambda: True)
    assert [r.id for r in library.rows()] == [SAMPLE_000, SAMPLE_002]
    assert library.search("quokka").total == 0
    report = library.sync()  # the write lock was released
    assert (report.added, report.removed, report.indexed) == (1, 1, 2)
    assert ids(library.search("quokka")) == ["new.txt"]


def _garbage(path, keep=0):
    data = path.read_bytes()[:keep]
    path.write_bytes(data + b"\xde\xad\xbe\xef not a whoosh segment " * 50)


def test_cancelling_a_parallel_build_stops_its_worker_processes(library, articles_dir, write, capfd):
    for n in range(PARALLEL_MIN_DOCS + 20):  # enough for the process-pool writer
        write(articles_dir / "bulk" / f"{n:04}.txt", f"Bulk story {n}\n\nThe sponsor number {n} said yes.\n")
    seen = []
    with pytest.raises(SyncCancelled):
        library.sync(progress=lambda done, total: seen.append(done), cancel=lambda: len(seen) >= 250)
    assert multiprocessing.active_children() == []
    assert library.index.doc_count() == 0
    assert "Traceback" not in capfd.readouterr().err
    assert library.sync().indexed == PARALLEL_MIN_DOCS + 22


@pytest.mark.parametrize("what", ["segments", "toc", "truncated-segments", "everything"])
def test_corrupt_index_is_rebuilt(articles_dir, data_dir, what):
    lib = Library(articles_dir, data_dir)
    lib.sync()
    lib.close()
    files = list(lib.index_dir.iterdir())
    segs = [p for p in files if p.suffix in (".pst", ".trm", ".col", ".seg")]  # a segment's files
    tocs = [p for p in files if p.suffix == ".toc"]
    assert segs and tocs
    if what == "segments":
        for p in segs:
            _garbage(p)
    elif what == "toc":
        for p in tocs:
            _garbage(p)
    elif what == "truncated-segments":
        for p in segs:
            p.write_bytes(p.read_bytes()[:20])
    else:
        for p in segs + tocs:
            p.write_bytes(b"")

    fresh = Library(articles_dir, data_dir)
    try:
        report = fresh.sync()
        assert report.rebuilt, "a rebuilt index must say so"
        assert "rebuilding" in report.rebuilt
        assert "\n" not in report.rebuilt
        assert (report.indexed, report.added) == (2, 2)
        assert ids(fresh.search("Lausanne")) == [SAMPLE_002]
        assert fresh.search("olympi*").total == 2
        again = fresh.sync()
        assert (again.rebuilt, again.updated) == (None, 0)
    finally:
        fresh.close()


def test_stale_write_lock_does_not_stop_a_sync(articles_dir, data_dir, write):
    lib = Library(articles_dir, data_dir)
    lib.sync()
    lib.close()
    lock = lib.index_dir / f"{INDEX_NAME}_WRITELOCK"
    lock.write_text("12345 left behind by a crashed process")
    write(articles_dir / "late.txt", "Wombat news.\n\nThe wombat signed.")
    fresh = Library(articles_dir, data_dir)
    try:
        report = fresh.sync()
        assert (report.added, report.indexed, report.rebuilt) == (1, 3, None)
        assert ids(fresh.search("wombat")) == ["late.txt"]
    finally:
        fresh.close()


def test_stale_write_lock_before_first_build(articles_dir, data_dir):
    lib = Library(articles_dir, data_dir)
    lib.index_dir.mkdir(parents=True)
    (lib.index_dir / f"{INDEX_NAME}_WRITELOCK").write_text("")
    try:
        report = lib.sync()
        assert report.indexed == 2
        assert lib.search("Lausanne").total == 1
    finally:
        lib.close()


def test_index_from_another_schema_version_is_rebuilt(articles_dir, data_dir):
    lib = Library(articles_dir, data_dir)
    lib.index_dir.mkdir(parents=True)
    old_name = f"articles_v{SCHEMA_VERSION - 1}"
    old = whoosh_index.create_in(str(lib.index_dir), make_schema(), indexname=old_name)
    with old.writer() as w:
        w.add_document(id="stale.txt", title="Stale", body="leftover")
    old.close()
    assert not any(INDEX_NAME in name for name in index_files(lib))
    try:
        report = lib.sync()
        assert report.rebuilt and "another version" in report.rebuilt
        assert report.indexed == 2
        assert [r.id for r in lib.rows()] == [SAMPLE_000, SAMPLE_002]
        assert lib.search("leftover").total == 0
        assert not any(old_name in name for name in index_files(lib))
    finally:
        lib.close()


def test_the_index_saves_its_classes_under_the_names_it_always_had(library):
    """A table of contents holds the schema and the segments, pickled: the analyzer's and the codec's classes
    are saved as reader.core.index.NAME, as before the index was a package, so that each version opens the
    other's index instead of rebuilding it."""
    library.sync()
    [toc] = library.index_dir.glob(f"_{INDEX_NAME}_*.toc")
    saved = toc.read_bytes()
    assert b"creader.core.index\nWordAnalyzer\n" in saved  # the schema, pickled with protocol 2
    assert b"\x8c\x11reader.core.index\x94\x8c\x05Codec\x94" in saved  # each segment's codec
    assert b"reader.core.index." not in saved


def test_same_name_but_different_schema_is_rebuilt(articles_dir, data_dir):
    from whoosh import fields

    lib = Library(articles_dir, data_dir)
    lib.index_dir.mkdir(parents=True)
    other = whoosh_index.create_in(str(lib.index_dir), fields.Schema(id=fields.ID(stored=True)), indexname=INDEX_NAME)
    with other.writer() as w:
        w.add_document(id="x.txt")
    other.close()
    try:
        report = lib.sync()
        assert report.rebuilt and "rebuilding" in report.rebuilt
        assert [r.id for r in lib.rows()] == [SAMPLE_000, SAMPLE_002]
    finally:
        lib.close()


def test_each_folder_gets_its_own_index(tmp_path, articles_dir, data_dir, write):
    other = tmp_path / "other"
    write(other / "only.txt", "Platypus story.\n\nOne platypus.")
    a, b = Library(articles_dir, data_dir), Library(other, data_dir)
    try:
        assert a.sync().indexed == 2
        assert b.sync().indexed == 1
        assert a.index_dir != b.index_dir
        assert a.search("platypus").total == 0
        assert ids(b.search("platypus")) == ["only.txt"]
    finally:
        a.close()
        b.close()


def test_missing_articles_folder_is_a_library_error(tmp_path, data_dir):
    with pytest.raises(LibraryError, match="articles folder not found"):
        Library(tmp_path / "nope", data_dir)


def test_first_build_that_never_committed_is_rebuilt_as_incomplete(articles_dir, data_dir):
    """What a first build killed before its first commit leaves: no TOC, only the lock and a temporary TOC."""
    lib = Library(articles_dir, data_dir)
    lib.index_dir.mkdir(parents=True)
    (lib.index_dir / f"{INDEX_NAME}_WRITELOCK").write_text("")
    (lib.index_dir / f"_{INDEX_NAME}_0.toc.1796160631.8016467").write_bytes(b"half a table of contents")
    try:
        report = lib.sync()
        assert report.rebuilt == "the search index was left incomplete (its first build was interrupted); rebuilding it"
        assert report.indexed == 2
        assert lib.search("Lausanne").total == 1
        assert not [name for name in index_files(lib) if ".toc." in name]
    finally:
        lib.close()


def test_a_temporary_toc_left_by_a_killed_commit_goes_at_the_next_write(articles_dir, data_dir, write):
    lib = Library(articles_dir, data_dir)
    lib.sync()
    (lib.index_dir / f"_{INDEX_NAME}_2.toc.1796160631.8016467").write_bytes(b"half a table of contents")
    write(articles_dir / "late.txt", "Wombat news.\n\nThe wombat signed.")
    try:
        report = lib.sync()
        assert (report.rebuilt, report.added, report.indexed) == (None, 1, 3)
        assert not [name for name in index_files(lib) if ".toc." in name]
    finally:
        lib.close()
