"""The limits the code keeps so that each change has one clear place (README, Code): file and function sizes."""

import ast
from pathlib import Path

import pytest

READER = Path(__file__).resolve().parents[1] / "reader"
FILE_LINES, WINDOW_LINES, FUNCTION_LINES = 600, 400, 60
MODULES = sorted(READER.rglob("*.py"))


def test_there_are_modules_to_check():
    assert len(MODULES) > 40 and READER / "ui" / "main_window.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(READER)))
def test_a_module_stays_small_and_so_do_its_functions(path: Path):
    text = path.read_text(encoding="utf-8")
    limit = WINDOW_LINES if path.name == "main_window.py" else FILE_LINES
    assert len(text.splitlines()) <= limit
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]
    assert long == []
