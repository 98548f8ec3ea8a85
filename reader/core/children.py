"""Worker processes that end as soon as the process which started them is gone.

A parent killed outright (SIGKILL, a crash, the OOM killer) tells its workers nothing. Whoosh's writer
processes would wait forever for their next job, holding the index's write lock; spaCy's would finish
loading their model first. Each watches instead for its parent to change, as a process that is
orphaned is adopted by another; on Windows, where a process's parent id never changes, a process
started by `multiprocessing` waits instead on its parent's sentinel (a handle that is signalled, or a
pipe that closes, when the parent ends).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.connection import wait

PARENT_POLL_S = 0.2  # how soon a worker notices


def exit_with_parent(parent_pid: int) -> None:
    """From now on, exit this process (without clean-up: a parent's half-done work is not kept) when
    its parent is no longer `parent_pid`, the process that started it (known before the start: a parent
    gone by the time this runs leaves no other way to tell)."""

    sentinel = _parent_sentinel()

    def watch() -> None:
        while os.getppid() == parent_pid:
            if sentinel is None:
                time.sleep(PARENT_POLL_S)
            elif wait([sentinel], PARENT_POLL_S):
                break
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _parent_sentinel() -> int | None:
    """What ends with the parent, for a process that `multiprocessing` started; None for any other."""
    parent = multiprocessing.parent_process()
    try:
        return parent.sentinel if parent is not None else None
    except ValueError:  # a parent process object without one
        return None
