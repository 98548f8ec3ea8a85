"""Worker processes at a lower CPU priority, so that the window gets a core as soon as it needs one.

On two cores, indexing and analysis keep four processes busy (two index writers or two spaCy workers,
plus the app's own threads); at equal priority the UI thread waited its turn for a time slice, and
the window froze for a tenth of a second at a time. So the writer processes and the spaCy workers
lower their own priority as they start (`background_process`).

The app's own threads are never lowered, not even the one that runs an index update: they share the
GIL with the UI thread. A lowered thread that holds the GIL when the OS takes its core away (another
program keeps the cores busy) keeps it until it is scheduled again, and every other thread waits: with
a browser and a build busy beside it, the window's searches took 10 to 20 s to come back and an
article 40 s to open while the update's thread (nice 10) crept through a folder scan.

Each platform has its own means, and none is required: where one is missing or refused, the work
still runs, at normal priority: nice 10 on Linux, macOS and other Unixes; on Windows the process's
priority class is lowered to below normal.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading

BACKGROUND_NICE = 10
BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows' SetPriorityClass, and subprocess's creationflags


def background_process() -> None:
    """Lower the CPU priority of the whole calling process: for worker processes that do nothing else."""
    if sys.platform.startswith("linux"):
        _renice(threading.get_native_id())  # Linux's "process" 0 is the calling thread
    elif sys.platform == "win32":
        _windows_call("SetPriorityClass", "GetCurrentProcess", BELOW_NORMAL_PRIORITY_CLASS)
    else:
        _renice(0)


def _renice(who: int) -> None:
    getpriority, setpriority = getattr(os, "getpriority", None), getattr(os, "setpriority", None)
    if getpriority is None or setpriority is None:
        return
    try:
        if getpriority(os.PRIO_PROCESS, who) < BACKGROUND_NICE:
            setpriority(os.PRIO_PROCESS, who, BACKGROUND_NICE)
    except OSError:  # not allowed here (a container's policy): the work still runs, at normal priority
        pass


def _windows_call(setter: str, current: str, value: int) -> None:
    kernel32 = getattr(getattr(ctypes, "windll", None), "kernel32", None)
    if kernel32 is None:
        return
    try:
        getattr(kernel32, setter)(getattr(kernel32, current)(), value)
    except (AttributeError, OSError):
        pass
