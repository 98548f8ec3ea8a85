"""Worker processes end as soon as the process that started them is gone (reader/core/children.py)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import textwrap
import threading
import time
import types

from reader.core import children
from tests.conftest import REPO

# argv: the parent it was started by (0: its real one), then how long its work takes
WORKER = textwrap.dedent("""
    import os, sys, time
    from reader.core.children import exit_with_parent
    exit_with_parent(int(sys.argv[1]) or os.getppid())
    time.sleep(float(sys.argv[2]))
""")


def run_worker(parent: int, seconds: float) -> tuple[int, float]:
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, str(parent), str(seconds)],
        cwd=REPO,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return proc.returncode, time.monotonic() - start


def test_a_worker_whose_parent_is_another_process_exits_at_once_and_one_whose_parent_stays_carries_on():
    # started by a process that is not its parent now: as when that one was killed and it was adopted
    code, seconds = run_worker(1 if os.getpid() != 1 else 2, 30)
    assert code == 1 and seconds < 20
    assert run_worker(0, 0.3)[0] == 0  # its parent is still there: it runs to its end


def test_the_watch_exits_without_clean_up_when_the_parent_changes(monkeypatch):
    parents = itertools.chain([100, 100], itertools.repeat(1))  # the parent is gone from the third look on
    exits = []

    fake = types.SimpleNamespace(getppid=lambda: next(parents), _exit=exits.append)  # this process stays
    monkeypatch.setattr(children, "os", fake)
    monkeypatch.setattr(children, "PARENT_POLL_S", 0.001)
    before = set(threading.enumerate())  # another test's watch may still run in this process
    children.exit_with_parent(100)
    watch = next(t for t in threading.enumerate() if t.name == "exit-with-parent" and t not in before)
    watch.join(5)
    assert not watch.is_alive() and exits and set(exits) == {1}
