"""The list model keeps copies of one article on one line, as rows arrive, change and go; no window."""

from __future__ import annotations

from reader.core.model import ArticleRow, Hit
from reader.ui.article_model import SOURCE, TITLE, ArticleTableModel


def row(aid: str, source: str, date: str | None, fingerprint: str) -> ArticleRow:
    return ArticleRow(aid, f"Title {aid}", date, source, 100, 1, 1, f"hash-{aid}", fingerprint=fingerprint)


def lines(model) -> list[tuple[str, str]]:
    return [(model.index(r, TITLE).data(), model.index(r, SOURCE).data()) for r in range(model.rowCount())]


def test_rows_arriving_one_by_one_end_as_one_line_per_article(qapp):
    model = ArticleTableModel()
    model.set_rows([row("b.txt", "AP", "2024-01-03", "wire")])
    model.upsert_rows([row("c.txt", "Own", None, "own")])
    model.upsert_rows([row("a.txt", "Reuters", "2024-01-02", "wire")])  # earlier: the original
    assert lines(model) == [("Title a.txt", "Reuters · also in: AP"), ("Title c.txt", "Own")]
    assert (model.article_count(), model.copy_count(), len(model.library_rows())) == (2, 1, 3)
    assert [r.id for r in model.copies_of("b.txt")] == ["a.txt"]


def test_a_copy_edited_into_its_own_article_gets_its_own_line_and_a_gone_original_hands_over(qapp):
    model = ArticleTableModel()
    model.set_rows(
        [
            row("a.txt", "Reuters", "2024-01-02", "wire"),
            row("b.txt", "AP", "2024-01-03", "wire"),
            row("d.txt", "BBC", "2024-01-04", "wire"),
        ]
    )
    assert lines(model) == [("Title a.txt", "Reuters · also in: AP, BBC")]
    model.upsert_rows([row("d.txt", "BBC", "2024-01-04", "rewritten")])
    assert lines(model) == [("Title a.txt", "Reuters · also in: AP"), ("Title d.txt", "BBC")]
    model.remove_ids(["a.txt"])
    assert lines(model) == [("Title b.txt", "AP"), ("Title d.txt", "BBC")]
    assert model.article_count() == 2


def test_a_search_hit_names_its_copies_and_rows_without_a_fingerprint_are_nobodys_copies(qapp):
    model = ArticleTableModel()
    model.set_rows(
        [
            row("a.txt", "Reuters", None, "wire"),
            row("b.txt", "Reuters", None, "wire"),
            row("x.txt", "One", None, ""),
            row("y.txt", "Two", None, ""),
        ]
    )
    assert model.article_count() == 3
    model.show_hits([Hit("b.txt", "Title b.txt", None, 1.0, "")])
    assert lines(model) == [("Title b.txt", "Reuters · also in: a.txt")]
