"""The command line's analysis: `analyze`, `index` with analysis, and `search` by entity: and speaker:.

Each fresh analysis in a new process-level Library loads spaCy (~1.5 s), so the two-file `analyze` run
is made once per module and the tests that only read its output share it.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil

import pytest

from reader.core import cli
from reader.core.library import Library
from tests.core.analysis_fixtures import SAMPLE_000, SAMPLE_002, SAMPLES
from tests.core.cli_helpers import run, run_json

ANALYSIS_KEYS = {"path", "title", "date", "body", "quotes", "entities"}


def notes(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("note:")]


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A folder and data dir where `analyze SAMPLE_000 SAMPLE_002 --json` has run once, and its output."""
    root = tmp_path_factory.mktemp("cli-analyze")
    articles, data = root / "articles", root / "data"
    shutil.copytree(SAMPLES, articles)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(
            ["analyze", SAMPLE_000, SAMPLE_002, "--json", "--articles", str(articles), "--data-dir", str(data)]
        )
    assert code == 0, err.getvalue()
    return {"articles": articles, "data": data, "out": out.getvalue(), "err": err.getvalue()}


def test_analyze_json_has_one_object_per_file(shared):
    result = json.loads(shared["out"])
    assert isinstance(result, list) and len(result) == 2
    assert all(set(obj) == ANALYSIS_KEYS for obj in result)
    first, second = result
    assert first["path"].endswith(SAMPLE_000) and second["path"].endswith(SAMPLE_002)
    assert first["title"] == "Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022"
    assert (first["date"], second["date"]) == (None, "2019-01-23")
    assert first["body"].startswith("Alibaba co-founder Jack Ma")
    assert shared["err"] == ""  # the model is installed: nothing to note


def test_analyze_json_quotes(shared):
    for obj in json.loads(shared["out"]):
        body = obj["body"]
        assert obj["quotes"]
        for q in obj["quotes"]:
            assert set(q) == {"start", "end", "text", "speaker", "kind"}
            assert q["kind"] in ("speech", "term")
            assert q["text"] == body[q["start"] : q["end"]]
        speakers = {q["speaker"] for q in obj["quotes"]}
        assert {"Jack Ma", "Thomas Bach"} <= speakers
    quotes = {q["text"]: q["speaker"] for q in json.loads(shared["out"])[0]["quotes"]}
    assert quotes['"President Bach had a vision,"'] == "Jack Ma"
    for term in ('"turnkey"', '"Cloud Services"', '"Olympic Games on the Cloud"'):
        assert quotes[term] is None  # quoted terms: null, not a guess


def test_analyze_json_entities(shared):
    for obj in json.loads(shared["out"]):
        body = obj["body"]
        for e in obj["entities"]:
            assert set(e) == {"start", "end", "text", "label", "canonical"}
            assert e["text"] == body[e["start"] : e["end"]]
        named = {(e["text"], e["label"], e["canonical"]) for e in obj["entities"]}
        assert ("Alibaba", "ORG", "Alibaba Group") in named
        assert ("IOC", "ORG", "International Olympic Committee") in named
        assert ("Bach", "PERSON", "Thomas Bach") in named


def test_analyze_one_file_again_comes_from_the_cache_unchanged(capsys, shared):
    [again] = run_json(
        capsys,
        "analyze",
        shared["articles"] / SAMPLE_002,
        "--articles",
        shared["articles"],
        "--data-dir",
        shared["data"],
    )
    assert again == json.loads(shared["out"])[1]


def test_analyze_text_output(capsys, shared):
    code, out, err = run(capsys, "analyze", SAMPLE_000, "--articles", shared["articles"], "--data-dir", shared["data"])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Alibaba have targeted having a genuine impact") and SAMPLE_000 in lines[0]
    assert '  quote  Jack Ma: "President Bach had a vision,"' in lines
    assert '  quote  (quoted term): "turnkey"' in lines
    assert any(line.split() == ["ORG", "Alibaba", "Group"] for line in lines)
    assert any(line.split() == ["PERSON", "Thomas", "Bach"] for line in lines)
    assert not any(line.split() == ["PERSON", "Bach"] for line in lines)  # short names are folded in


@pytest.mark.parametrize("order", ["missing only", "missing after a good file"])
def test_analyze_missing_file_is_one_line(capsys, shared, order):
    files = ["nope/missing.txt"] if order == "missing only" else [SAMPLE_000, "nope/missing.txt"]
    code, out, err = run(
        capsys, "analyze", *files, "--json", "--articles", shared["articles"], "--data-dir", shared["data"]
    )
    assert code == 2
    assert out == ""  # no half-printed JSON
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("press-reader: ") and "no such article file" in lines[0]
    assert "Traceback" not in err


def test_search_by_speaker_analyzes_first(capsys, articles_dir, data_dir):
    code, out, err = run(capsys, "search", 'speaker:"Jack Ma"', "--json", "--articles", articles_dir)
    assert code == 0, err
    result = json.loads(out)
    assert result["total"] == 2
    assert sorted(h["path"] for h in result["hits"]) == [SAMPLE_000, SAMPLE_002]
    assert notes(err) == ["note: analyzing 2 articles for quotes and entities first"]
    # analyzed now: the next entity search says nothing and finds only what matches
    code, out, err = run(capsys, "search", "entity:Lausanne", "--json", "--articles", articles_dir)
    assert code == 0 and err == ""
    assert [h["path"] for h in json.loads(out)["hits"]] == [SAMPLE_002]


def test_plain_search_does_not_analyze(capsys, articles_dir, data_dir):
    code, out, err = run(capsys, "search", "Lausanne", "--json", "--articles", articles_dir)
    assert code == 0 and err == ""
    code, out, err = run(capsys, "index", "--no-analysis", "--json", "--articles", articles_dir)
    assert code == 0 and err == ""
    assert "analysis" not in json.loads(out)
    library = Library(articles_dir, data_dir)
    try:
        assert len(library.unanalyzed()) == 2
    finally:
        library.close()


def test_index_json_includes_analysis(capsys, articles_dir, data_dir):
    report = run_json(capsys, "index", "--articles", articles_dir)
    assert report["indexed"] == 2
    analysis = report["analysis"]
    assert {"analyzed", "cached", "skipped", "seconds"} <= set(analysis)
    assert (analysis["analyzed"], analysis["cached"], analysis["skipped"]) == (2, 0, [])
    assert "notice" not in analysis
    again = run_json(capsys, "index", "--articles", articles_dir)
    assert (again["analysis"]["analyzed"], again["analysis"]["cached"]) == (0, 0)
    _code, out, _err = run(capsys, "index", "--articles", articles_dir)
    assert "articles analyzed for quotes and entities" in out


def test_index_after_adding_a_file_to_an_analyzed_folder(capsys, articles_dir, data_dir, write, monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", "none")  # quicker; the index is what is under test
    run_json(capsys, "index", "--articles", articles_dir)
    write(articles_dir / "late.txt", "Wombat story\n\nA wombat signed with Alibaba.\n")
    report = run_json(capsys, "index", "--articles", articles_dir)
    assert (report["indexed"], report["added"], report["analysis"]["analyzed"]) == (3, 1, 1)
    result = run_json(capsys, "search", "entity:Alibaba", "--articles", articles_dir)
    assert result["total"] == 3


def test_no_model_notes_once_and_still_finds_gazetteer_entities(capsys, articles_dir, data_dir, monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", "none")
    code, out, err = run(capsys, "analyze", SAMPLE_000, SAMPLE_002, "--json", "--articles", articles_dir)
    assert code == 0, err
    [note] = notes(err)  # once, not once per file
    assert "model" in note
    assert err.splitlines() == [note]
    result = json.loads(out)
    for obj in result:
        named = {(e["label"], e["canonical"]) for e in obj["entities"]}
        assert ("ORG", "Alibaba Group") in named
        assert not [e for e in obj["entities"] if e["label"] == "PERSON"]
        assert {"Jack Ma", "Thomas Bach"} <= {q["speaker"] for q in obj["quotes"]}


def test_no_model_note_on_a_second_run(capsys, articles_dir, data_dir, monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", "none")
    run(capsys, "analyze", SAMPLE_000, "--json", "--articles", articles_dir)
    code, _out, err = run(capsys, "analyze", SAMPLE_000, "--json", "--articles", articles_dir)
    assert code == 0
    assert len(notes(err)) == 1
