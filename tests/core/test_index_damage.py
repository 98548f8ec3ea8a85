"""A damaged file of the index, one kind at a time: found as damage (never blamed on the query), the index
rebuilt from the articles with a note saying why, and the search run again."""

from __future__ import annotations

import pytest

from reader.core.index import IndexDamaged
from reader.core.library import Library
from tests.core.cli_helpers import run

N = 40


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "library"
    root.mkdir()
    for i in range(N):
        (root / f"story{i:02}.txt").write_text(
            f"Story {i}\n\nSponsor number {i} signs a partnership with club {i} in the market.\n"
        )
    return root


def _index(folder, data_dir) -> None:
    library = Library(folder, data_dir)
    library.sync()
    library.close()


def _file(library_or_dir, suffix: str):
    index_dir = library_or_dir.index_dir if isinstance(library_or_dir, Library) else library_or_dir
    found = [p for p in index_dir.rglob(f"*{suffix}") if "names" not in p.parts or suffix.startswith("names")]
    assert found, suffix
    return found[0]


def _damage(path, how: str) -> None:
    size = path.stat().st_size
    if how == "half":
        path.write_bytes(path.read_bytes()[: size // 2])
    elif how == "empty":
        path.write_bytes(b"")
    else:  # overwritten, the size kept
        path.write_bytes(bytes(size))


KINDS = [
    (".pst", "half"),
    (".trm", "half"),
    ("._stored.col", "half"),
    ("._body_len.col", "empty"),
    (".id.col", "half"),
    (".size.col", "empty"),
    (".pst", "zeros"),
]


@pytest.mark.parametrize("suffix, how", KINDS)
def test_search_rebuilds_a_damaged_index_says_why_and_finds_every_article(folder, data_dir, capsys, suffix, how):
    _index(folder, data_dir)
    _damage(_file(Library(folder, data_dir), suffix), how)
    code, out, err = run(capsys, "search", "sponsor", "--articles", folder, "--data-dir", data_dir)
    assert code == 0, err
    assert out.startswith(f"{N} matches for sponsor")
    assert err.startswith("note: the search index is damaged (") and "rebuilding it" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("suffix, how", [k for k in KINDS if k[1] != "zeros"])
def test_index_finds_a_file_cut_short_and_rebuilds(folder, data_dir, capsys, suffix, how):
    _index(folder, data_dir)
    damaged = _file(Library(folder, data_dir), suffix)
    _damage(damaged, how)
    code, out, err = run(capsys, "index", "--no-analysis", "--articles", folder, "--data-dir", data_dir)
    assert code == 0, err
    assert err.startswith(f"note: the search index is damaged ({damaged.name} is ")
    assert out.startswith(f"{N} articles indexed")


def test_damage_found_by_a_search_while_the_library_is_open(folder, data_dir):
    library = Library(folder, data_dir)
    library.sync()
    assert library.search("sponsor").total == N
    _damage(_file(library, "._stored.col"), "half")  # under the open searcher
    with pytest.raises(IndexDamaged, match="the search index is damaged"):
        library.search("sponsor")
    report = library.sync()
    assert report.rebuilt.startswith("the search index is damaged") and report.indexed == N
    assert library.search("sponsor").total == N
    library.close()


def test_a_query_that_fails_on_a_sound_index_is_the_querys_fault(folder, data_dir, capsys):
    _index(folder, data_dir)
    code, _out, err = run(capsys, "search", "date:[2020-13-45 TO 2021]", "--articles", folder, "--data-dir", data_dir)
    assert code == 2 and "damaged" not in err
