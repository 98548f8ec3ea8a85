"""How many worker processes a big job gets (index writers, spaCy workers): the cores this process may use,
as far as the memory available pays for them, within 600 MB plus about 180 MB per extra worker; or the number
the user sets in PRESS_READER_WORKERS."""

from __future__ import annotations

import os
import sys

FIRST_WORKER_MB = 600  # the app with one worker: the peak measured for index + analysis (README, Performance)
EXTRA_WORKER_MB = 180  # each further spaCy worker (the model and a batch of articles)
UNKNOWN_MEMORY_WORKERS = 2  # memory not known: what every machine got before, safe on any laptop
WORKERS_ENV = "PRESS_READER_WORKERS"  # a number of workers that replaces the rule (1, 2, ...)
_told: set[str] = set()  # the wrong settings already reported


def worker_count(cores: int | None = None, available_mb: int | None = -1) -> int:
    """Workers for a job big enough to share: every usable core, but no more than `available_mb` (default:
    measured now; None: not known) holds at FIRST_WORKER_MB for the first and EXTRA_WORKER_MB for each other.
    At least one; on two cores with the memory for them, two, as always. PRESS_READER_WORKERS, when set to a
    whole number from 1 up, is the answer instead."""
    chosen = chosen_workers()
    if chosen is not None:
        return chosen
    cores = usable_cores() if cores is None else cores
    memory = free_memory_mb() if available_mb == -1 else available_mb
    if memory is None:
        by_memory = UNKNOWN_MEMORY_WORKERS
    else:
        by_memory = 1 + max(0, (memory - FIRST_WORKER_MB) // EXTRA_WORKER_MB)
    return max(1, min(cores, by_memory))


def chosen_workers() -> int | None:
    """The number of workers set in PRESS_READER_WORKERS; None when it is unset, or not a whole number from 1 up
    (then said once on stderr, in one line)."""
    text = os.environ.get(WORKERS_ENV, "").strip()
    if not text:
        return None
    if text.isdigit() and int(text) >= 1:
        return int(text)
    if text not in _told:
        _told.add(text)
        print(f"note: {WORKERS_ENV}={text!r} is not a number of workers (1 or more); ignored", file=sys.stderr)
    return None


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system has one), not all the machine's."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return max(1, counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def free_memory_mb() -> int | None:
    """The memory available to new processes, in MB: psutil's figure if installed, else Linux's MemAvailable,
    else None."""
    try:
        import psutil

        return int(psutil.virtual_memory().available // 2**20)
    except ImportError:
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None
