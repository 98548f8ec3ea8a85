"""`*` (every article) is one "every article" query: it never looks up each word of the captions, which
on a big library took over a second."""

from __future__ import annotations

from whoosh import query

from reader.core.index.query import parse_query
from reader.core.library import Library


def test_star_is_every_article_not_every_caption_word(tmp_path):
    assert type(parse_query("*")) is query.Every
    assert type(parse_query("* AND sponsor").subqueries[0]) is query.Every
    root = tmp_path / "press"
    root.mkdir()
    for i in range(3):  # captions with thousands of distinct words, as a big library has
        words = " ".join(f"c{i}x{n:04}" for n in range(3_000))
        (root / f"story{i}.txt").write_text(
            f"Story {i}\n\nThe sponsor of club {i} signed a deal.\n\nPhoto {words} ©AGENCY\n"
        )
    (root / "plain.txt").write_text("Plain\n\nNo caption here.\n")
    library = Library(root, tmp_path / "data")
    library.sync()
    assert library.search("*").total == 4
    assert library.search("* AND sponsor").total == 3
    library.close()
