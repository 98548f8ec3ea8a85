"""The `press-reader` command line: JSON shapes, where the index goes, one-line errors, and no Qt
(tests/core/test_core_without_qt.py checks every module of the core)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.core.cli_helpers import run, run_json

REPO = Path(__file__).resolve().parents[2]
SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"


def index_dirs(data: Path) -> list[Path]:
    root = data / "index"
    return sorted(root.iterdir()) if root.is_dir() else []


def subprocess_env(data: Path) -> dict:
    env = dict(os.environ)
    env["PRESS_READER_DATA_DIR"] = str(data)
    env.pop("PRESS_READER_DEBUG", None)
    return env


# ---------------------------------------------------------------- JSON output


def test_index_json(capsys, articles_dir, data_dir):
    report = run_json(capsys, "index", "--articles", articles_dir)
    assert {"indexed", "updated", "removed", "skipped", "seconds"} <= set(report)
    assert report["indexed"] == 2
    assert report["updated"] == 2
    assert report["removed"] == 0
    assert report["skipped"] == []
    assert isinstance(report["seconds"], (int, float)) and report["seconds"] >= 0
    again = run_json(capsys, "index", "--articles", articles_dir)
    assert (again["indexed"], again["updated"]) == (2, 0)


def test_index_json_lists_skipped_files(capsys, articles_dir, data_dir, write):
    write(articles_dir / "empty.txt", b"")
    report = run_json(capsys, "index", "--articles", articles_dir)
    assert report["indexed"] == 2
    assert report["skipped"] == [{"path": "empty.txt", "reason": "empty file"}]


def test_index_text_output(capsys, articles_dir, data_dir):
    code, out, err = run(capsys, "index", "--articles", articles_dir)
    assert code == 0
    assert out.startswith("2 articles indexed (2 updated, 0 removed, 0 skipped)")
    assert err == ""


def test_search_json(capsys, articles_dir, data_dir):
    result = run_json(capsys, "search", "sponsor", "--articles", articles_dir, "--limit", "1")
    assert set(result) == {"query", "total", "hits"}
    assert result["query"] == "sponsor"
    assert result["total"] == 2
    assert len(result["hits"]) == 1
    hit = result["hits"][0]
    assert set(hit) == {"path", "title", "date", "score", "snippet", "matches"}
    assert hit["matches"] and all(m["text"].lower().startswith("sponsor") for m in hit["matches"])
    assert hit["path"] in (SAMPLE_000, SAMPLE_002)
    assert "sponsor" in hit["snippet"].lower()
    assert isinstance(hit["score"], float) and hit["score"] > 0


def test_search_json_fields(capsys, articles_dir, data_dir):
    result = run_json(capsys, "search", "Lausanne", "--articles", articles_dir)
    assert result["total"] == 1
    [hit] = result["hits"]
    assert hit["path"] == SAMPLE_002
    assert hit["date"] == "2019-01-23"
    assert hit["title"].startswith("International Olympic Committee")
    assert "Lausanne" in hit["snippet"]


def test_search_json_with_long_query_has_a_notice(capsys, articles_dir, data_dir):
    result = run_json(capsys, "search", "sponsor " * 2000, "--articles", articles_dir)
    assert "shortened" in result["notice"]


def test_search_sees_the_folder_as_it_is_now(capsys, articles_dir, data_dir, write):
    run_json(capsys, "index", "--articles", articles_dir)
    write(articles_dir / "late.txt", "Wombat story.\n\nA wombat signed.")
    result = run_json(capsys, "search", "wombat", "--articles", articles_dir)
    assert [h["path"] for h in result["hits"]] == ["late.txt"]


def test_search_text_output(capsys, articles_dir, data_dir):
    code, out, _err = run(capsys, "search", "Lausanne", "--articles", articles_dir)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1 match for Lausanne"
    assert SAMPLE_002 in lines[1] and "2019-01-23" in lines[1]
    assert "Lausanne" in lines[2]


def test_search_with_no_matches_is_not_an_error(capsys, articles_dir, data_dir):
    code, out, _err = run(capsys, "search", "xylophone", "--articles", articles_dir)
    assert code == 0
    assert out.strip() == "0 matches for xylophone"


def test_show_json(capsys, articles_dir, data_dir):
    article = run_json(capsys, "show", SAMPLE_002, "--articles", articles_dir)
    assert set(article) == {"path", "title", "date", "source", "author", "url", "captions", "body", "headline_only"}
    assert article["path"] == SAMPLE_002
    assert article["date"] == "2019-01-23"
    assert article["source"] == ""  # the sample names no outlet; its folder is not one
    assert article["captions"] == ["Alibaba signed a deal with the IOC in January 2017 ©IOC"]
    assert article["body"].startswith("International Olympic Committee")


def test_show_by_absolute_path(capsys, articles_dir, data_dir):
    article = run_json(capsys, "show", articles_dir / SAMPLE_000, "--articles", articles_dir)
    assert article["path"] == SAMPLE_000
    assert article["title"] == "Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022"
    assert article["date"] is None


def test_show_text_output(capsys, articles_dir, data_dir):
    code, out, _err = run(capsys, "show", SAMPLE_000, "--articles", articles_dir)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022"
    assert lines[1] == f"no date · {SAMPLE_000}"  # no outlet named: no empty field between dots
    assert sum(line.startswith("[photo] ") for line in lines) == 2


# ---------------------------------------------------------------- where the index goes


def test_data_dir_option_is_honoured(capsys, tmp_path, articles_dir, data_dir):
    chosen = tmp_path / "chosen"
    run_json(capsys, "index", "--articles", articles_dir, "--data-dir", chosen)
    assert len(index_dirs(chosen)) == 1
    assert any(index_dirs(chosen)[0].iterdir())
    assert index_dirs(data_dir) == []  # the environment's dir was not used


def test_data_dir_option_before_the_subcommand(capsys, tmp_path, articles_dir, data_dir):
    chosen = tmp_path / "chosen"
    code, out, err = run(capsys, "--data-dir", chosen, "--articles", articles_dir, "index", "--json")
    assert code == 0, err
    assert json.loads(out)["indexed"] == 2
    assert len(index_dirs(chosen)) == 1
    assert index_dirs(data_dir) == []


def test_environment_data_dir_is_honoured(capsys, tmp_path, articles_dir, monkeypatch):
    env_dir = tmp_path / "from-env"
    monkeypatch.setenv("PRESS_READER_DATA_DIR", str(env_dir))
    run_json(capsys, "index", "--articles", articles_dir)
    assert len(index_dirs(env_dir)) == 1


def test_default_articles_are_the_bundled_samples(capsys, data_dir):
    report = run_json(capsys, "index")
    assert report["indexed"] == len(list((REPO / "articles").glob("*.txt"))) >= 2
    result = run_json(capsys, "search", "Lausanne")
    assert [h["path"] for h in result["hits"]] == [SAMPLE_002]
    assert len(index_dirs(data_dir)) == 1


@pytest.mark.slow  # child processes
def test_python_dash_m_reader_works(tmp_path, articles_dir):
    data = tmp_path / "subprocess-data"
    env = subprocess_env(data)
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "index", "--articles", str(articles_dir), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["indexed"] == 2
    assert len(index_dirs(data)) == 1

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "search",
            "olympi*",
            "--articles",
            str(articles_dir),
            "--limit",
            "5",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["total"] == 2
    assert sorted(h["path"] for h in result["hits"]) == [SAMPLE_000, SAMPLE_002]


def test_python_dash_m_reader_bad_input_is_one_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "index", "--articles", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        env=subprocess_env(tmp_path / "d"),
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert "articles folder not found" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "argv,fragment",
    [
        (["frobnicate"], "invalid choice"),
        (["index", "--articles", "{missing}"], "articles folder not found"),
        (["search", '"olympic games', "--articles", "{articles}"], "unclosed quote"),
        (["search", "foo:bar", "--articles", "{articles}"], "unknown field"),
        (["search", "date:[bad TO worse]", "--articles", "{articles}"], "not a date"),
        (["search", "(sponsor", "--articles", "{articles}", "--json"], "unbalanced parenthesis"),
        (["search", "sponsor OR date:2019-02-30", "--articles", "{articles}"], "not a date"),
        (["search", "sponsor", "--limit", "-1", "--articles", "{articles}"], "must be 0 (every hit) or more"),
        (["search", "sponsor", "--limit", "ten", "--articles", "{articles}"], "not a number"),
        (["search", "--articles", "{articles}"], "required"),
        (["show", "nope/missing.txt", "--articles", "{articles}"], "no such article file"),
        (["show", "{articles}/empty.txt", "--articles", "{articles}"], "empty file"),
        (["index", "--no-such-option"], "unrecognized arguments"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, tmp_path, articles_dir, data_dir, write, argv, fragment):
    write(articles_dir / "empty.txt", b"")
    argv = [a.format(articles=articles_dir, missing=tmp_path / "missing") for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("press-reader: ")
    assert fragment in lines[0]
    assert "Traceback" not in err


# ---------------------------------------------------------------- no Qt in the core


@pytest.mark.slow  # child processes
def test_cli_commands_do_not_import_qt(tmp_path, articles_dir):
    script = textwrap.dedent(f"""
        import contextlib, io, sys
        import reader.core.cli as cli
        articles = {str(articles_dir)!r}
        with contextlib.redirect_stdout(io.StringIO()):
            codes = [
                cli.main(["index", "--articles", articles]),
                cli.main(["search", "sponsor", "--articles", articles, "--json"]),
                cli.main(["show", {SAMPLE_002!r}, "--articles", articles]),
            ]
        assert codes == [0, 0, 0], codes
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("reader.ui"))
        print("QT:" + ",".join(qt))
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(tmp_path / "data"),
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "QT:"


def test_with_no_command_the_launcher_opens_the_window(monkeypatch, tmp_path):
    import reader.__main__ as launcher

    opened = []
    monkeypatch.setattr(launcher, "open_window", lambda articles, data: opened.append((articles, data)) or 0)
    assert launcher.main(["--data-dir", str(tmp_path / "data")]) == 0
    assert launcher.main(["--articles", str(tmp_path), "--data-dir", str(tmp_path / "data")]) == 0
    assert [(articles, data.name) for articles, data in opened] == [(None, "data"), (tmp_path, "data")]


def test_the_core_command_line_alone_opens_no_window(capsys, data_dir):
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert err == "press-reader: name a command (see press-reader --help)\n"


def test_the_console_script_is_the_launcher():
    assert 'press-reader = "reader.__main__:main"' in (REPO / "pyproject.toml").read_text("utf-8")


@pytest.mark.slow  # child processes
def test_search_while_another_process_updates_the_index(capsys, articles_dir, data_dir, write, monkeypatch):
    from reader.core.index import writing
    from reader.core.library import Library

    assert run(capsys, "--articles", str(articles_dir), "index")[0] == 0
    write(articles_dir / "new.txt", "Quokka news\n\nThe quokka sponsor spoke.\n")  # sync has work to do
    monkeypatch.setattr(writing, "WRITE_LOCK_TIMEOUT", 0.2)
    library = Library(articles_dir, data_dir)
    writer = library.index._ix.writer()  # as the app does while it indexes
    try:
        code, out, err = run(capsys, "--articles", str(articles_dir), "search", "sponsor", "--json")
        assert code == 0
        assert json.loads(out)["total"] == 2  # what is committed; new.txt is not yet
        assert "another Press Reader is updating this index" in err
        code, out, err = run(capsys, "--articles", str(articles_dir), "index")
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    finally:
        writer.cancel()
        library.close()
