"""The core is pure Python: no module under reader/core loads Qt or reader.ui, when imported or from any function.

The modules are found by walking reader/core's file tree, so a new module or subpackage is checked as soon as
it exists.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORE = REPO / "reader" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "reader.ui")

# imports the modules named in argv[1] (comma-separated) one after another, then prints every forbidden module loaded
LOADED = """
import importlib, sys
for name in sys.argv[1].split(","):
    importlib.import_module(name)
forbidden = sys.argv[2].split(",")
print(",".join(sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden))))
"""


def core_files() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> list[str]:
    """The absolute name of every module `path` imports, at load time or inside a function."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names += [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return names


def forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_the_walk_finds_the_core_and_its_subpackages():
    names = {module_name(p) for p in core_files()}
    assert {
        "reader.core.cli",
        "reader.core.library",
        "reader.core.model",
        "reader.core.index",
        "reader.core.index.store",
        "reader.core.analysis",
        "reader.core.analysis.quotes",
        "reader.core.formats",
    } <= names


@pytest.mark.parametrize("path", core_files(), ids=lambda p: module_name(p))
def test_no_core_source_imports_qt_or_the_ui(path):
    assert [name for name in imported_names(path) if forbidden(name)] == []


def loaded_by(names: list[str], data_dir: Path) -> str:
    """The forbidden modules loaded after importing `names` in a fresh interpreter (comma-separated, '' for none)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PRESS_READER_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", LOADED, ",".join(names), ",".join(FORBIDDEN)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def whole_core_loads(tmp_path_factory) -> str:
    """One interpreter imports every core module: when it loads nothing forbidden, no single module can."""
    return loaded_by([module_name(p) for p in core_files()], tmp_path_factory.mktemp("data"))


@pytest.mark.parametrize("name", [module_name(p) for p in core_files()])
def test_importing_a_core_module_loads_neither_qt_nor_the_ui(name, whole_core_loads, tmp_path):
    # the module alone, in its own interpreter, only when importing the whole core loaded something forbidden
    assert (whole_core_loads and loaded_by([name], tmp_path / "data")) == ""
