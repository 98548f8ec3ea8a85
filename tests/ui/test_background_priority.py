"""Indexing and analysis run below the UI's CPU priority: on two cores busy with index writers or spaCy
workers, the window still gets a core when it needs one. Linux only (a thread's nice value)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from reader.core.priority import BACKGROUND_NICE
from reader.ui.workers import Jobs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")


def nice_of_this_thread(_job=None) -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def nice_of_a_child(_job=None) -> int:
    """What a process started from this thread gets, as the index's writer processes are started."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.write(w, str(os.getpriority(os.PRIO_PROCESS, 0)).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    os.close(w)
    with os.fdopen(r) as fh:
        return int(fh.read())


def run(qtbot, jobs: Jobs, fn) -> int:
    """What `fn` returns on one of the pool's threads. The job waits until the test listens for its end:
    a job this short could otherwise finish before the signal is connected, and be missed."""
    listening = threading.Event()

    def job(j):
        listening.wait(10)
        return fn(j)

    started = jobs.start(job)
    with qtbot.waitSignal(started.signals.finished, timeout=10_000) as blocker:
        listening.set()
    return blocker.args[0]


def test_background_jobs_and_the_processes_they_start_run_at_a_lower_priority(qtbot):
    base = nice_of_this_thread()
    if base >= BACKGROUND_NICE:
        pytest.skip("the tests already run at background priority")
    background = Jobs(1, background=True)
    assert run(qtbot, background, nice_of_this_thread) == BACKGROUND_NICE
    assert run(qtbot, background, nice_of_a_child) == BACKGROUND_NICE
    assert run(qtbot, Jobs(1), nice_of_this_thread) == base  # searches and opening articles: the UI's priority
    assert nice_of_this_thread() == base  # the UI thread itself is untouched
