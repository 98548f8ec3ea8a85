"""Which modules of reader/ a test run exercised: `pytest -m "not slow" -p tests.touched`.

A module counts as exercised when one of its functions or methods ran during a test, on the main
thread or a Python thread (Qt's own worker threads and child processes are not seen); a module with no
function of its own counts once imported. The run fails, naming the others, when any was left out: the
fast lane promises to touch every module. The recording slows the run, so it is a plugin asked for,
not part of the usual run.
"""

from __future__ import annotations

import inspect
import sys
import threading
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reader"
SCRIPTS = {"reader/__main__.py"}  # runs only as `python -m reader`, in a child process


def reader_modules() -> dict[str, Path]:
    """Every module of reader/, by its path relative to the repository."""
    return {str(p.relative_to(PACKAGE.parent)): p for p in sorted(PACKAGE.rglob("*.py"))}


def has_functions(path: Path) -> bool:
    return any(line.lstrip().startswith(("def ", "async def ")) for line in path.read_text().splitlines())


class Recorder:
    """The code objects of reader/ that ran, as a profile function sees their calls."""

    def __init__(self):
        self.prefix = str(PACKAGE) + "/"
        self.files: set[str] = set()

    def __call__(self, frame, event, arg):
        if event == "call":
            code = frame.f_code
            # functions only: a class body or a module body runs at import, which proves nothing
            if code.co_flags & inspect.CO_OPTIMIZED and code.co_filename.startswith(self.prefix):
                self.files.add(code.co_filename)

    def start(self) -> None:
        sys.setprofile(self)
        threading.setprofile(self)

    def stop(self) -> None:
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]

    def untouched(self) -> list[str]:
        imported = {str(Path(m.__file__).resolve()) for m in list(sys.modules.values()) if getattr(m, "__file__", None)}
        left = []
        for name, path in reader_modules().items():
            if name in SCRIPTS:
                continue
            ran = str(path) in self.files if has_functions(path) else str(path) in imported
            if not ran:
                left.append(name)
        return left


_recorder = Recorder()


def pytest_collection_finish(session):
    _recorder.start()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    _recorder.stop()
    untouched = _recorder.untouched()
    session.config._reader_untouched = untouched
    if untouched and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    untouched = getattr(config, "_reader_untouched", None)
    if untouched is None:
        return
    terminalreporter.section("reader modules this run exercised")
    if untouched:
        terminalreporter.write_line(f"{len(untouched)} of {len(reader_modules())} modules were never exercised:")
        for name in untouched:
            terminalreporter.write_line(f"  {name}")
    else:
        terminalreporter.write_line(f"every module of reader/ ({len(reader_modules())}) was exercised")
