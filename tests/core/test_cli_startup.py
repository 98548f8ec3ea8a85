"""`press-reader search` answers at once: it imports only what a search needs and checks the folder by one
listing and one stat per file against the stamps kept beside the index, yet still finds every change."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from reader.core import scanning
from reader.core.index.schema import NAMES_DIR
from reader.core.library import Library
from tests.core.cli_helpers import run


def _story(word: str) -> str:
    return f"A story\n\nThe sponsor signed a deal with {word} for the new season.\n"


@pytest.fixture
def folder(tmp_path, write):
    root = tmp_path / "press"
    write(root / "kept.txt", _story("alpha"))
    write(root / "deep" / "er" / "edited.txt", _story("bravo"))
    write(root / "gone.txt", _story("charlie"))
    return root


def _found(capsys, folder, data, word) -> list[str]:
    code, out, err = run(capsys, "search", word, "--articles", folder, "--data-dir", data, "--json")
    assert code == 0, err
    return [hit["path"] for hit in json.loads(out)["hits"]]


def test_a_search_finds_files_changed_added_and_removed_since_the_last(capsys, folder, tmp_path, write, touch_later):
    data = tmp_path / "data"
    assert _found(capsys, folder, data, "bravo") == ["deep/er/edited.txt"]
    edited = folder / "deep" / "er" / "edited.txt"
    write(edited, _story("delta"))  # the same size: only its time tells
    touch_later(edited)
    write(folder / "new" / "added.md", _story("echo"))
    (folder / "gone.txt").unlink()
    assert _found(capsys, folder, data, "delta") == ["deep/er/edited.txt"]
    assert _found(capsys, folder, data, "bravo") == []
    assert _found(capsys, folder, data, "echo") == ["new/added.md"]
    assert _found(capsys, folder, data, "charlie") == []
    assert _found(capsys, folder, data, "alpha") == ["kept.txt"]


def test_searches_of_an_unchanged_folder_still_find_what_changes_after(capsys, folder, tmp_path, write, touch_later):
    data = tmp_path / "data"
    for _ in range(3):  # the stamps of the index's last commit are kept beside it, then believed
        assert _found(capsys, folder, data, "bravo") == ["deep/er/edited.txt"]
    edited = folder / "deep" / "er" / "edited.txt"
    write(edited, _story("delta"))
    touch_later(edited)
    assert _found(capsys, folder, data, "delta") == ["deep/er/edited.txt"]
    assert _found(capsys, folder, data, "delta") == ["deep/er/edited.txt"]
    write(folder / "new" / "added.md", _story("echo"))
    assert _found(capsys, folder, data, "echo") == ["new/added.md"]
    assert _found(capsys, folder, data, "echo") == ["new/added.md"]
    (folder / "gone.txt").unlink()
    assert _found(capsys, folder, data, "charlie") == []


def test_a_file_grown_within_the_same_time_is_read_again(capsys, folder, tmp_path):
    data = tmp_path / "data"
    assert _found(capsys, folder, data, "alpha") == ["kept.txt"]
    kept = folder / "kept.txt"
    st = kept.stat()
    kept.write_text(_story("foxtrot and more"), encoding="utf-8")
    os.utime(kept, ns=(st.st_atime_ns, st.st_mtime_ns))  # the same time: only its size tells
    assert _found(capsys, folder, data, "foxtrot") == ["kept.txt"]


def test_the_index_stamps_are_the_rows_size_and_time(folder, tmp_path):
    library = Library(folder, tmp_path / "data")
    library.sync()
    stamps, doubled = library.index.stamps()
    assert stamps == {r.id: (r.size, r.mtime_ns) for r in library.rows()}
    assert doubled == set()
    on_disk = {f.id: (f.size, f.mtime_ns) for f in scanning.scan(folder).files}
    assert stamps == on_disk
    library.close()


def test_a_search_of_words_leaves_the_names_index_unopened_until_a_search_needs_it(capsys, folder, tmp_path):
    data = tmp_path / "data"
    assert _found(capsys, folder, data, "alpha") == ["kept.txt"]
    (toc,) = (data / "index").glob(f"*/{NAMES_DIR}/*.toc")
    toc.write_bytes(b"damaged")  # opening it would find it damaged and make it again
    assert _found(capsys, folder, data, "alpha") == ["kept.txt"]
    assert toc.read_bytes() == b"damaged"  # not opened, nor needed
    library = Library(folder, data)
    try:
        assert library.search("entity:alpha").total == 0  # the names index, made again empty
    finally:
        library.close()
    assert not toc.exists() or toc.read_bytes() != b"damaged"


@pytest.mark.slow  # a child process: a fresh interpreter shows what a search imports
def test_a_search_imports_nothing_another_command_or_the_window_needs(folder, tmp_path):
    data = tmp_path / "data"
    Library(folder, data).sync()
    # NumPy is not in the list: the ranking of every hit (index/ranking.py) is made with it
    unwanted = ("spacy", "PySide6", "matplotlib", "openpyxl", "reportlab", "trafilatura", "dateparser", "lxml")
    unwanted += ("asyncio", "urllib.request", "email", "whoosh.lang.morph_en", "whoosh.lang.porter")  # Whoosh's, unused
    ours = (
        "reader.ui",
        "reader.core.analysis",
        "reader.core.importing",
        "reader.core.view",
        "reader.core.coverage",
        "reader.core.reanchoring",
        "reader.core.bookmarks",
        "reader.core.export",
        "reader.core.index.processes",
    )
    script = (
        "import runpy, sys; "
        f"sys.argv = ['press-reader', 'search', 'alpha', '--articles', {str(folder)!r}, '--data-dir', {str(data)!r}]; "
        "code = 0\n"
        "try: runpy.run_module('reader', run_name='__main__')\n"
        "except SystemExit as exit: code = exit.code\n"
        f"print(code, sorted(m for m in sys.modules if m in {unwanted!r} or m.split('.')[0] in {unwanted!r} "
        f"or m.startswith({ours!r})))\n"
        "import os; tasks = '/proc/self/task'\n"  # NumPy imported with one OpenBLAS thread: no other thread left
        "print('numpy' in sys.modules, len(os.listdir(tasks)) if os.path.isdir(tasks) else 1)\n"
        "import asyncio, urllib.request\n"  # the real ones, after the stand-ins Whoosh was imported with
        "print(asyncio.run(asyncio.sleep(0, 'real')), urllib.request.urlopen.__name__)\n"
        "from whoosh.analysis import StemmingAnalyzer; from whoosh.query.terms import variations\n"  # as ever
        "print([t.text for t in StemmingAnalyzer()('sponsoring olympics')], 'sponsored' in variations('sponsor'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.splitlines()[-4:] == ["0 []", "True 1", "real urlopen", "['sponsor', 'olympic'] True"], (
        done.stderr
    )
    assert "kept.txt" in done.stdout


def _varied(root, count: int = 30):
    """`count` articles naming "sponsor" and "olympic" a varied number of times, at varied lengths: scores differ."""
    root.mkdir()
    for i in range(count):
        words = ["sponsor"] * (i % 4) + ["olympic"] * (i % 5) + ["filler", "season", "deal"] * (i % 7 + 1)
        (root / f"story_{i:02}.txt").write_text(f"Story {i} of the season\n\n{' '.join(words)}.\n", "utf-8")
    return root


def test_the_command_line_lists_the_windows_first_hits(capsys, tmp_path):
    root = _varied(tmp_path / "press")
    data = tmp_path / "data"
    query, shown, first_screen = "sponsor olympic", 12, 5
    out = json.loads(
        run(capsys, "search", query, "--limit", shown, "--articles", root, "--data-dir", data, "--json")[1]
    )
    library = Library(root, data)
    try:
        # as the window asks: every hit, snippets for the first screen, then for the rows scrolled to
        window = library.search(query, limit=None, snippets=first_screen)
        later = library.snippets(query, [h.article_id for h in window.hits[first_screen:shown]])
    finally:
        library.close()
    expected = [(h.article_id, round(h.score, 4), h.snippet or later[h.article_id][0]) for h in window.hits[:shown]]
    assert [(h["path"], h["score"], h["snippet"]) for h in out["hits"]] == expected
    assert out["total"] == window.total > shown
    assert len({h["score"] for h in out["hits"]}) > 3  # an order worth checking


def test_a_top_20_from_the_command_line_is_the_windows_first_20_of_many_hits_in_two_segments(capsys, tmp_path):
    root = tmp_path / "press"
    data = tmp_path / "data"
    root.mkdir()
    for i in range(140):  # in two segments; every third undated; no two the same text (copies count once)
        if i == 70:
            Library(root, data).sync()
        date = "" if i % 3 == 0 else f"Date: 2021-03-{i % 28 + 1:02}\n"
        words = " ".join(["sponsor"] * (i % 4 + 1) + ["olympic"] * (i % 6) + ["filler"] * (i % 9) + [f"n{i}"])
        (root / f"story_{i:03}.txt").write_text(f"Title: Story {i}\n{date}\n{words}.\n", "utf-8")
    query = "sponsor olympic"
    out = json.loads(run(capsys, "search", query, "--articles", root, "--data-dir", data, "--json")[1])
    library = Library(root, data)
    try:
        window = library.search(query, limit=None, snippets=20)  # more hits than are read one by one
    finally:
        library.close()
    assert window.total > 100
    expected = [(h.article_id, h.title, h.date, round(h.score, 4), h.snippet) for h in window.hits[:20]]
    assert [(h["path"], h["title"], h["date"], h["score"], h["snippet"]) for h in out["hits"]] == expected
    assert min(h["path"] for h in out["hits"]) < "story_070" < max(h["path"] for h in out["hits"])
    assert None in {h["date"] for h in out["hits"]} and len({h["date"] for h in out["hits"]}) > 2


def test_a_search_in_this_process_leaves_the_collector_and_the_environment_as_they_were(
    capsys, folder, tmp_path, monkeypatch
):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    assert _found(capsys, folder, tmp_path / "data", "alpha") == ["kept.txt"]
    assert gc.isenabled()
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")  # the user's: kept
    assert _found(capsys, folder, tmp_path / "data", "alpha") == ["kept.txt"]
    assert os.environ["OPENBLAS_NUM_THREADS"] == "3"
