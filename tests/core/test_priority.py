"""Worker processes run below the window's CPU priority; the app's own threads never do (reader/core/priority.py).
Linux only: the nice values are read back."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from reader.core import priority
from reader.core.priority import BACKGROUND_NICE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice values are read back on Linux")

REPO = __import__("pathlib").Path(__file__).resolve().parents[2]


def nice_of_this_thread() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_worker_process_lowers_its_own_priority_and_only_its_own():
    base = nice_of_this_thread()
    if base >= BACKGROUND_NICE:
        pytest.skip("the tests already run at background priority")
    script = (
        "import os; from reader.core import priority; priority.background_process(); priority.background_process(); "
        "print(os.getpriority(os.PRIO_PROCESS, 0))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert int(out.stdout) == BACKGROUND_NICE  # twice: it stays where it is
    assert nice_of_this_thread() == base  # the parent is untouched


def test_the_core_offers_no_way_to_lower_a_thread():
    """A lowered thread holding the GIL, its core taken by another program, stalls every thread of the app,
    the UI thread too: only whole worker processes are lowered."""
    assert not hasattr(priority, "run_in_background")
