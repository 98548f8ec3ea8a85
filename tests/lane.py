"""The fast lane on every core: `pytest -m "not slow"` runs on two pytest-xdist workers when xdist is installed (the
`test` extra brings it) and nothing else asked for a number of workers. On two cores it takes about 48 s instead of
75 s. The whole suite, and a lane run with `-p tests.touched` (whose recording needs one process), stay as they are.
tests/conftest.py imports the hook: pytest calls `pytest_cmdline_main` in initial conftests."""

from __future__ import annotations

import importlib.util
import os

import pytest

LANE = "not slow"
WORKERS = 2


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    option = config.option
    if getattr(option, "markexpr", "") != LANE or getattr(option, "numprocesses", "absent") is not None:
        return  # another run than the lane, or -n was given (or xdist is not installed: no such option)
    if os.environ.get("PYTEST_XDIST_WORKER") or config.pluginmanager.has_plugin("tests.touched"):
        return
    if importlib.util.find_spec("xdist") is None or (os.cpu_count() or 1) < WORKERS:
        return
    # what xdist's own pytest_cmdline_main makes of `-n 2`, which may already have run
    option.numprocesses, option.dist, option.tx = WORKERS, "load", ["popen"] * WORKERS
