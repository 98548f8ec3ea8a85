"""Every result can be had (issue 21): a search lists every hit, its snippets made when asked for, and the
results are written as CSV or XLSX with every row, in the order given."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from reader.core.library import Library
from reader.core.results_export import COLUMNS, ResultRow, ResultsExportError, write_results
from tests.core.cli_helpers import run
from tests.many_articles import OLD_CAP, write_matching

COUNT = OLD_CAP + 30


@pytest.fixture
def many(tmp_path, gazetteer_analyzer):
    library = Library(write_matching(tmp_path / "many", COUNT), tmp_path / "data", analyzer=gazetteer_analyzer)
    library.sync()
    yield library
    library.close()


def test_a_search_without_a_limit_lists_every_hit_and_makes_snippets_when_asked(many):
    result = many.search("england", limit=None, snippets=0)
    assert result.total == COUNT
    assert sorted(h.article_id for h in result.hits) == [f"report_{i:03}.txt" for i in range(COUNT)]
    assert all(h.snippet == "" for h in result.hits)  # none made yet
    assert len(many.search("england").hits) == 50  # the default is kept
    some = many.search("england", limit=0, snippets=3).hits
    assert [bool(h.snippet) for h in some[:4]] == [True, True, True, False]
    last = result.hits[-1]
    snippets = many.snippets("england", [last.article_id, "gone.txt"])
    assert set(snippets) == {last.article_id}  # an article not indexed has none
    snippet, spans = snippets[last.article_id]
    assert "england side won" in snippet
    assert [snippet[s.start : s.end] for s in spans] == ["england"]
    assert many.snippets("", [last.article_id])[last.article_id][0].startswith("Opening paragraph")  # filters alone
    full = {h.article_id: (h.snippet, h.snippet_spans) for h in many.search("england", limit=0).hits}
    assert full[last.article_id] == (snippet, spans)  # as a search with snippets makes it


def rows_of(library: Library) -> list[ResultRow]:
    """The hits as the list would give them, in reverse rank order (a sort), half of them without a snippet."""
    rows = []
    for n, h in enumerate(reversed(library.search("england", limit=0, snippets=0).hits)):
        source = f"Wire {int(h.article_id[7:10]) % 3}"  # as write_matching wrote it
        rows.append(ResultRow(h.article_id, h.title, source, h.date, h.score, "shown" if n % 2 else None))
    return rows


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_export_has_every_row_in_order_with_its_columns(many, tmp_path, suffix):
    rows = rows_of(many)
    target = tmp_path / f"results.{suffix}"
    assert write_results(target, rows, lambda ids: many.snippets("england", ids)) == COUNT
    if suffix == "csv":
        with open(target, newline="", encoding="utf-8") as fh:
            table = list(csv.reader(fh))
    else:
        book = openpyxl.load_workbook(target, read_only=True)
        table = [["" if v is None else str(v) for v in r] for r in book["Results"].iter_rows(values_only=True)]
        book.close()
    assert tuple(table[0]) == COLUMNS == ("title", "source", "date", "file", "score", "snippet")
    assert len(table) == COUNT + 1
    assert [r[3] for r in table[1:]] == [r.article_id for r in rows]  # the order given
    first = dict(zip(COLUMNS, table[1]))
    i = int(rows[0].article_id[7:10])
    assert (first["title"], first["source"], first["date"]) == (rows[0].title, f"Wire {i % 3}", rows[0].date)
    assert float(first["score"]) == pytest.approx(rows[0].score, abs=1e-4) and float(first["score"]) > 0
    assert f"england side won game {i} " in first["snippet"]  # made for the export
    assert dict(zip(COLUMNS, table[2]))["snippet"] == "shown"  # the list's, as it was


def test_a_bad_target_is_one_line(tmp_path):
    rows = [ResultRow("a.txt", "A", "", None, 1.0, "")]
    with pytest.raises(ResultsExportError) as missing:
        write_results(tmp_path / "no such folder" / "results.csv", rows)
    with pytest.raises(ResultsExportError) as odd:
        write_results(tmp_path / "results.pdf", rows)
    with pytest.raises(ResultsExportError) as folder:
        write_results(tmp_path, rows)
    for exc, says in ((missing, "cannot write"), (odd, "name it .csv or .xlsx"), (folder, "cannot")):
        assert says in str(exc.value) and "\n" not in str(exc.value)


def test_cli_search_limit_0_prints_every_hit(capsys, tmp_path, data_dir):
    folder = write_matching(tmp_path / "cli", OLD_CAP + 5)
    code, out, _ = run(capsys, "search", "england", "--limit", "0", "--articles", folder)
    assert code == 0
    assert out.startswith(f"{OLD_CAP + 5} matches for england")
    assert sum(1 for line in out.splitlines() if line.lstrip().startswith(f"{OLD_CAP + 5}. ")) == 1
    assert sum(1 for line in out.splitlines() if "report_" in line) == OLD_CAP + 5
    code, out, _ = run(capsys, "search", "england", "--articles", folder)  # the default: 20
    assert sum(1 for line in out.splitlines() if "report_" in line) == 20
    with pytest.raises(SystemExit):
        run(capsys, "search", "--help")
    assert "0: every hit" in capsys.readouterr().out
