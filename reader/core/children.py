"""Worker processes that end as soon as the process which started them is gone.

A parent killed outright (SIGKILL, a crash, the OOM killer) tells its workers nothing. Whoosh's writer
processes would wait forever for their next job, holding the index's write lock; spaCy's would finish
loading their model first. Each watches instead for its parent to change, as a process that is
orphaned is adopted by another.
"""

from __future__ import annotations

import os
import threading
import time

PARENT_POLL_S = 0.2  # how soon a worker notices


def exit_with_parent(parent_pid: int) -> None:
    """From now on, exit this process (without clean-up: a parent's half-done work is not kept) when
    its parent is no longer `parent_pid`, the process that started it (known before the start: a parent
    gone by the time this runs leaves no other way to tell)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
