"""Background work at a lower CPU priority, so that the window gets a core as soon as it needs one.

On two cores, indexing and analysis keep four processes busy (two index writers or two spaCy workers,
plus the app's own threads); at equal priority the UI thread waited its turn for a time slice, and
the window froze for a tenth of a second at a time.

Each platform has its own means, and none is required: where one is missing or refused, the work
still runs, at normal priority.
- Linux: a thread has its own nice value, and the processes it starts inherit it.
- Windows: a thread has its own priority (not inherited); a worker process lowers its whole priority
  class itself (`background_process`).
- macOS and other Unixes: a nice value is the whole process's, so only worker processes lower it.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading

BACKGROUND_NICE = 10
THREAD_PRIORITY_BELOW_NORMAL = -1  # Windows' SetThreadPriority
BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows' SetPriorityClass, and subprocess's creationflags


def run_in_background() -> None:
    """Lower the CPU priority of the calling thread (and, on Linux, of the processes it starts from now on).

    It cannot be raised again without privileges: call it only on threads and processes that do
    nothing but background work. Does nothing where a thread's priority cannot be set apart from its
    process's (macOS).
    """
    if sys.platform.startswith("linux"):
        _renice(threading.get_native_id())
    elif sys.platform == "win32":
        _windows_call("SetThreadPriority", "GetCurrentThread", THREAD_PRIORITY_BELOW_NORMAL)


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
