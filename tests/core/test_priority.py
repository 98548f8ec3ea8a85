"""Background work runs below the UI's CPU priority, and so do the processes it starts (reader/core/priority.py).
Linux only: there a thread has its own nice value."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from reader.core.priority import BACKGROUND_NICE, run_in_background

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")


def nice_of_this_thread() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_background_thread_and_the_processes_it_starts_run_at_background_priority_and_no_other():
    base = nice_of_this_thread()
    if base >= BACKGROUND_NICE:
        pytest.skip("the tests already run at background priority")
    seen = {}

    def background_work():
        run_in_background()
        run_in_background()  # again: it stays where it is
        seen["thread"] = nice_of_this_thread()
        child = [sys.executable, "-c", "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"]
        seen["child"] = int(subprocess.run(child, capture_output=True, text=True, check=True).stdout)

    thread = threading.Thread(target=background_work)
    thread.start()
    thread.join()
    assert seen == {"thread": BACKGROUND_NICE, "child": BACKGROUND_NICE}
    assert nice_of_this_thread() == base  # the calling thread is untouched
