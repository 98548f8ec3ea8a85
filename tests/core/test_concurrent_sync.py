"""Syncs that race: one that worked out its changes before another committed the same ones adds each article
once, and a sync repairs an index that already holds an article twice."""

from __future__ import annotations

from whoosh import index as whoosh_index

from reader.core import articles
from reader.core.index.processes import PARALLEL_MIN_DOCS
from reader.core.index.schema import INDEX_NAME, document_fields
from reader.core.library import Library
from reader.core.model import Document


def _folder(tmp_path, n: int, start: int = 0):
    root = tmp_path / "library"
    root.mkdir(exist_ok=True)
    for i in range(start, start + n):
        (root / f"story{i:04}.txt").write_text(f"Story {i}\n\nSponsor number {i} signs with club {i}.\n")
    return root


def test_a_sync_that_decided_before_another_committed_adds_nothing_twice(tmp_path, data_dir):
    n = PARALLEL_MIN_DOCS + 10  # a first build big enough for the writer processes, as `index` makes it
    root = _folder(tmp_path, n)
    first, second = Library(root, data_dir), Library(root, data_dir)
    seen_by_second = list(second.index.rows().values())  # the second run lists the index: empty
    first.sync()  # the first run commits every file meanwhile
    second.sync(known=seen_by_second)  # and the second adds what it saw missing
    assert second.index.doc_count() == n
    first.close(), second.close()


def test_new_files_synced_by_three_runs_at_once_are_indexed_once(tmp_path, data_dir):
    root = _folder(tmp_path, 5)
    runs = [Library(root, data_dir) for _ in range(3)]
    runs[0].sync()
    seen = [list(run.index.rows().values()) for run in runs]  # each lists the 5 indexed
    _folder(tmp_path, 3, start=5)  # three files arrive
    for run, rows in zip(runs, seen):
        run.sync(known=rows)  # each works out "3 added" before any has committed them
    assert runs[0].index.doc_count() == 8
    assert runs[0].search("sponsor").total == 8
    for run in runs:
        run.close()


def test_a_sync_repairs_an_index_that_holds_articles_twice(tmp_path, data_dir):
    root = _folder(tmp_path, 6)
    library = Library(root, data_dir)
    library.sync()
    library.close()
    # what two racing runs of an older version left: three of the articles indexed a second time
    ix = whoosh_index.open_dir(str(library.index_dir), indexname=INDEX_NAME)
    writer = ix.writer()
    for name in ("story0000.txt", "story0001.txt", "story0002.txt"):
        article = articles.load(root / name, root)
        st = (root / name).stat()
        writer.add_document(**document_fields(Document(article, st.st_size, st.st_mtime_ns)))
    writer.commit()
    ix.close()

    library = Library(root, data_dir)
    assert library.index.doc_count() == 9
    library.sync()
    assert library.index.doc_count() == 6
    assert sorted(r.id for r in library.rows()) == [f"story{i:04}.txt" for i in range(6)]
    assert library.search("sponsor").total == 6
    library.close()
