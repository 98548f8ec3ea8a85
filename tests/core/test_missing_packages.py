"""A format whose library cannot be imported: its files are skipped with the package to install, the rest are read.

Each case runs `press-reader index` in a fresh Python process whose import system refuses the named modules,
as Python does when a package is not installed: the readers' real imports fail, nothing is mocked.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a new Python process per case, running the indexer

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SAMPLES = ("olympic-partner.html", "sponsorship.rss", "clipping.pdf", "forwarded.eml")

# Refuses to import the modules named in argv[1] (comma-separated), then runs the command line with the rest.
UNINSTALLED = """
import sys

class Uninstalled:
    def __init__(self, names):
        self.names = set(names)

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Uninstalled(sys.argv[1].split(",")))
from reader.core.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """One file of every format, and a text file, which needs no library."""
    articles = tmp_path_factory.mktemp("articles")
    for name in SAMPLES:
        shutil.copy(DATA / name, articles / name)
    (articles / "plain.txt").write_text("A text article\n\nIts only paragraph.\n", encoding="utf-8")
    return articles


def index_without(folder: Path, data_dir: Path, *modules: str) -> dict:
    """The JSON report of `press-reader index` with `modules` not installed."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            UNINSTALLED,
            ",".join(modules),
            "--articles",
            str(folder),
            "--data-dir",
            str(data_dir),
            "index",
            "--no-analysis",
            "--json",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def skipped(report: dict) -> dict[str, str]:
    return {s["path"]: s["reason"] for s in report["skipped"]}


def needs(package: str) -> str:
    return f"needs the Python package {package} (pip install {package})"


@pytest.mark.parametrize(
    ("modules", "reasons"),
    [
        # lxml ≥ 5.2 left its HTML cleaner, which trafilatura imports through jusText, to a package of its own
        (("lxml_html_clean",), {"olympic-partner.html": needs("lxml_html_clean")}),
        (("trafilatura",), {"olympic-partner.html": needs("trafilatura")}),
        (("justext",), {"olympic-partner.html": needs("justext")}),  # a library's own dependency is named too
        (("feedparser",), {"sponsorship.rss": needs("feedparser")}),
        (("pypdfium2",), {"clipping.pdf": needs("pypdfium2")}),
        (("lxml",), {"olympic-partner.html": needs("lxml"), "sponsorship.rss": needs("lxml")}),
    ],
)
def test_a_missing_package_is_named_and_only_its_files_are_skipped(folder, tmp_path, modules, reasons):
    assert skipped(index_without(folder, tmp_path / "data", *modules)) == reasons


def test_with_every_package_nothing_is_skipped(folder, tmp_path):
    report = index_without(folder, tmp_path / "data")
    assert skipped(report) == {} and report["indexed"] == 7  # the feed holds three articles


def test_a_file_skipped_for_a_missing_package_is_read_once_it_is_there(folder, tmp_path):
    data_dir = tmp_path / "data"
    report = index_without(folder, data_dir, "pypdfium2")
    assert skipped(report) == {"clipping.pdf": needs("pypdfium2")} and report["indexed"] == 6
    report = index_without(folder, data_dir)
    assert skipped(report) == {} and report["indexed"] == 7
