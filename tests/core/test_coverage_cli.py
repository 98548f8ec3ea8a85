"""`press-reader coverage`: the constructed library's figures through the CLI's JSON, the table, and bad input."""

from __future__ import annotations

import pytest

from reader.core.analysis import NO_MODEL
from tests.core.cli_helpers import run, run_json
from tests.core.coverage_library import WATCHLIST, write_articles


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", NO_MODEL)  # the built-in lists only: quick
    articles = write_articles(tmp_path / "articles")
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text(WATCHLIST.to_csv(), "utf-8")
    return ["--articles", articles, "--data-dir", tmp_path / "data", "--watchlist", watchlist]


def by_name(out):
    return {n["name"]: n for n in out["names"]}


def test_json_has_every_figure_of_the_issue(capsys, folder):
    out = run_json(capsys, "coverage", *folder)
    assert out["articles"] == 7 and out["unanalysed"] == 0
    assert out["scope"] == {
        "from": None, "to": None, "query": None, "source": None, "by": "month", "per_outlet": False
    }  # fmt: skip
    heineken, visa, arena = (by_name(out)[n] for n in ("Heineken", "Visa", "Northbank Arena"))
    assert heineken == {
        "name": "Heineken",
        "kind": "sponsor",
        "articles": 5,
        "mentions": 6,
        "share_of_voice": pytest.approx(5 / 6),
        "placement": {"headline": 1, "lede": 1, "caption": 1, "quote": 1, "body": 1},
        "periods": [{"period": "2026-01", "articles": 2}, {"period": "2026-02", "articles": 3}],
        "speakers": [{"speaker": "Jane Miller", "quotes": 1}, {"speaker": "Tom Baker", "quotes": 1}],
        "sources": [
            {"source": "Daily Post", "articles": 2},
            {"source": "Evening Star", "articles": 2},
            {"source": "Metro", "articles": 1},
        ],
        "named_without_sponsor": [],
    }
    assert visa["articles"] == 1 and visa["share_of_voice"] == pytest.approx(1 / 6)
    assert "share_of_voice" not in arena
    assert arena["named_without_sponsor"] == [{"path": "unsponsored.txt", "title": "Late winner", "date": "2026-02-25"}]


def test_options_scope_and_period(capsys, folder):
    out = run_json(capsys, "coverage", *folder, "--from", "2026-02-01", "--to", "2026-02-28", "--by", "week")
    assert out["articles"] == 4
    assert [p["period"] for p in by_name(out)["Heineken"]["periods"]] == [
        f"2026-W{w:02d}" for w in range(6, 10)
    ]  # 3 Feb to 25 Feb
    out = run_json(capsys, "coverage", *folder, "--per-outlet", "--query", "zone")
    assert out["articles"] == 2 and by_name(out)["Heineken"]["articles"] == 2
    out = run_json(capsys, "coverage", *folder, "--source", "Daily Post")
    assert out["scope"]["source"] == "Daily Post" and out["articles"] == 3  # its three articles


def test_plain_output_is_a_table_per_name(capsys, folder):
    code, out, err = run(capsys, "coverage", *folder)
    assert code == 0, err
    assert "Heineken (sponsor): 5 articles, 6 mentions, share of voice 83%" in out
    assert "  placement: headline 1 · lede 1 · caption 1 · quote 1 · body 1" in out
    assert "Visa (sponsor): 1 article, " in out  # not "1 articles"
    assert "  named without its sponsor: 1" in out
    assert "analysing 8 articles" in err  # analysed first, as `index` would


def test_reports_hold_the_same_figures(capsys, folder, tmp_path):
    from openpyxl import load_workbook

    code, out, err = run(capsys, "coverage", *folder, "--format", "xlsx", "--output", tmp_path / "c.xlsx")
    assert code == 0, err
    assert out == f"wrote 1 file: {tmp_path / 'c.xlsx'}\n"
    sheet = load_workbook(tmp_path / "c.xlsx")["Names"]
    header = [c.value for c in sheet[1]]
    heineken = next(
        dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2) if row[0].value == "Heineken"
    )
    assert heineken["articles"] == 5 and heineken["mentions"] == 6
    code, out, _ = run(capsys, "coverage", *folder, "--format", "csv", "--output", tmp_path / "tables")
    assert code == 0 and out.startswith("wrote 6 files")
    assert "Jane Miller" in (tmp_path / "tables" / "spokespeople.csv").read_text("utf-8")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2026-02-30"], "--from '2026-02-30' is not a date"),
        (["--by", "decade"], "unknown period 'decade'"),
        (["--from", "2026-03-01", "--to", "2026-01-01"], "is after --to"),
        (["--format", "csv"], "--format needs --output"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, folder, extra, message):
    code, out, err = run(capsys, "coverage", *folder, *extra)
    assert code == 2 and not out
    assert message in err and err.count("\n") == 1


def test_an_unreadable_watchlist_is_one_line(capsys, folder, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind\nHeineken,brewer\n", "utf-8")
    folder[-1] = bad
    code, _, err = run(capsys, "coverage", *folder)
    assert code == 2 and "line 2: kind 'brewer' is not one of" in err and err.count("\n") == 1
    folder[-1] = tmp_path / "missing.csv"
    code, _, err = run(capsys, "coverage", *folder)
    assert code == 2 and "missing.csv: cannot be read" in err


def test_without_a_watchlist_the_data_dirs_is_used(capsys, folder, tmp_path):
    from reader.core.coverage.watchlist import save

    save(tmp_path / "data", WATCHLIST)
    out = run_json(capsys, "coverage", *folder[:-2])
    assert [n["name"] for n in out["names"]] == ["Heineken", "Visa", "Northbank Arena"]


def test_plain_output_lists_only_the_periods_with_articles(capsys, folder):
    """Seven weeks from the first article to the last, but the table names only those with articles."""
    code, out, err = run(capsys, "coverage", *folder, "--by", "week")
    assert code == 0, err
    weeks = [line for line in out.splitlines() if line.startswith("  by week: ")]
    assert weeks and all(not c.endswith(" 0") for line in weeks for c in line.split(": ", 1)[1].split(" · "))
    assert len(run_json(capsys, "coverage", *folder, "--by", "week")["names"][0]["periods"]) == 8  # W02..W09
