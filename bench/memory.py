"""Peak memory of a process and everything it started, sampled from /proc (Linux).

`ru_maxrss` only knows one process (or the largest reaped child), but the app's work is spread over
index writer and spaCy worker processes. `TreeMemory` samples, a few times a second, the proportional
set size (PSS: shared pages split between the processes sharing them, so forked workers are not
counted twice) of the process and all its descendants, and keeps the peak of the sum.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    kids, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def proc_field_mb(path: str, field: str) -> float:
    """A "Field:   1234 kB" line of a /proc file, in MB; 0 if the process is gone."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def pss_mb(pid: int) -> float:
    return proc_field_mb(f"/proc/{pid}/smaps_rollup", "Pss:")


def rss_mb(pid: int) -> float:
    return proc_field_mb(f"/proc/{pid}/status", "VmRSS:")


class TreeMemory:
    """with TreeMemory() as m: ...  then m.peak_mb (all processes, PSS) and m.peak_self_mb (RSS)."""

    def __init__(self, pid: int | None = None, interval_s: float = 0.2):
        self.pid = pid or os.getpid()
        self.interval_s = interval_s
        self.peak_mb = 0.0
        self.peak_self_mb = 0.0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        pids = tree(self.pid)
        self.peak_mb = max(self.peak_mb, sum(pss_mb(p) for p in pids))
        self.peak_self_mb = max(self.peak_self_mb, rss_mb(self.pid))
        self.peak_processes = max(self.peak_processes, len(pids))

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()

    def __enter__(self) -> TreeMemory:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
