"""Background work at a lower CPU priority, so that the window gets a core as soon as it needs one.

On two cores, indexing and analysis keep four processes busy (two index writers or two spaCy workers,
plus the app's own threads); at equal priority the UI thread waited its turn for a time slice, and
the window froze for a tenth of a second at a time.
"""

from __future__ import annotations

import os
import sys
import threading

BACKGROUND_NICE = 10


def run_in_background() -> None:
    """Lower the CPU priority of the calling thread, and of the processes it starts from now on.

    On Linux a thread has its own nice value and passes it on to the processes it forks; elsewhere
    this does nothing. It cannot be raised again without privileges: call it only on threads and
    processes that do nothing but background work.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        if os.getpriority(os.PRIO_PROCESS, tid) < BACKGROUND_NICE:
            os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICE)
    except OSError:  # not allowed here (a container's policy): the work still runs, at normal priority
        pass
