"""Names as long as the file system allows (255 bytes): imported, exported and corrected, since the file
made first under a temporary name has a short one."""

from __future__ import annotations

from reader.core import articles, corrections, importing
from reader.core.export import save
from reader.core.library import Library
from tests.core.test_export import BOOKMARKS


def _longest(stem: str, suffix: str) -> str:
    """A name of exactly 255 bytes in UTF-8."""
    name = stem * (255 // len(stem.encode()))
    while len((name + suffix).encode()) > 255:
        name = name[:-1]
    return name + "x" * (255 - len((name + suffix).encode())) + suffix


def test_a_file_named_with_255_bytes_is_imported(tmp_path, data_dir):
    root = tmp_path / "library"
    root.mkdir()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    names = [_longest("sponsor", ".txt"), _longest("é", ".md")]
    for name in names:
        (downloads / name).write_text(f"Title {name[:10]}\n\nA sponsor signed on with {name[:5]} today.\n")
    library = Library(root, data_dir)
    report = library.add([downloads / name for name in names])
    assert [(f.status, f.article_id) for f in report.files] == [(importing.IMPORTED, name) for name in names]
    library.sync()
    assert sorted(r.id for r in library.rows()) == sorted(names)
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    library.close()


def test_an_export_to_a_255_byte_name_is_written(tmp_path):
    target = tmp_path / _longest("bookmarks", ".csv")
    save(BOOKMARKS, "csv", target)
    assert target.read_text().startswith("quote,speaker")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_corrections_of_a_file_whose_sidecar_name_fits_are_saved(tmp_path):
    name = _longest("story", ".txt" + corrections.SIDECAR_SUFFIX)[: -len(corrections.SIDECAR_SUFFIX)]
    path = tmp_path / name  # the longest name whose corrections file still fits in 255 bytes
    path.write_text("Old title\n\nThe sponsor renewed.\n")
    corrections.save_corrections(articles.load(path), title="New title")
    assert articles.load(path).title == "New title"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, name + corrections.SIDECAR_SUFFIX])
