"""The app's worker threads keep the UI thread's CPU priority, background pool included: they share the GIL with
it, and a lowered thread that holds the GIL while another program has the cores stalls the window (seconds for a
search, tens of seconds to open an article, seen with the machine busy). Worker processes lower their own
priority (tests/core/test_priority.py, tests/core/test_analysis_workers.py). Linux only (a thread's nice value)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from reader.ui.session import LibrarySession

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")


def nice_of_this_thread(_job=None) -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def run(qtbot, jobs, fn) -> int:
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


def test_every_pool_of_the_session_keeps_the_ui_threads_priority(qtbot, tmp_path):
    base = nice_of_this_thread()
    session = LibrarySession(tmp_path / "data")
    try:
        for jobs in (session.background, session.searching, session.reading, session.analysing, session.saving):
            assert run(qtbot, jobs, nice_of_this_thread) == base
    finally:
        session.close()
    assert nice_of_this_thread() == base
