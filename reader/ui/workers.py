"""Background jobs: a callable runs on a QThreadPool and reports back to the UI thread through signals.

The job function never touches widgets. It may call `job.progress(done, total)` and `job.emit(value)`
for partial results; its return value arrives in `finished`, and any exception, as the exception object, in
`failed` (a ReaderError is an expected failure; anything else is a bug, logged here with its traceback).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import ReaderError, one_line
from ..core.priority import run_in_background

# 4 a second: a progress bar repaints the window at once (QProgressBar.setValue calls repaint()), which
# takes 20-70 ms with worker threads running Python, and 20 a second left the UI thread no time of its own
PROGRESS_INTERVAL_S = 0.25
log = logging.getLogger("press_reader")


class JobSignals(QObject):
    progress = Signal(int, int)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)  # the exception the job raised


class Job(QRunnable):
    def __init__(self, fn: Callable[[Job], object], background: bool = False):
        super().__init__()
        self.background = background
        self.setAutoDelete(False)  # the Python wrapper owns it until its signals have fired
        self.fn = fn
        self.signals = JobSignals()
        self._stop = threading.Event()
        self._last_progress = 0.0

    # called from the worker thread
    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or done <= 1 or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.signals.progress.emit(done, total)

    def emit(self, value: object) -> None:
        self.signals.partial.emit(value)

    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        if self.background:
            run_in_background()
        try:
            result = self.fn(self)
        except Exception as exc:  # reported to the UI as the exception; a bug's traceback goes to the log
            if isinstance(exc, ReaderError):
                log.info("%s", one_line(exc))
            elif not self.stopped():  # a job that was asked to stop may end with any error
                log.warning("a background job failed", exc_info=True)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)

    # called from the UI thread
    def stop(self) -> None:
        self._stop.set()


class Jobs:
    """A named pool of worker threads that keeps its running jobs alive and can be drained.

    With `background`, its threads (and the processes they start) run at a lower CPU priority than the
    UI thread: for long work such as indexing, never for what the user is waiting on.
    """

    def __init__(self, threads: int = 1, background: bool = False):
        self.background = background
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(threads)
        self._running: set[Job] = set()

    def start(self, fn: Callable[[Job], object], *, finished=None, failed=None, progress=None, partial=None) -> Job:
        job = Job(fn, self.background)
        for signal, slot in (
            (job.signals.finished, finished),
            (job.signals.failed, failed),
            (job.signals.progress, progress),
            (job.signals.partial, partial),
        ):
            if slot is not None:
                signal.connect(slot)
        job.signals.finished.connect(lambda _=None, j=job: self._running.discard(j))
        job.signals.failed.connect(lambda _=None, j=job: self._running.discard(j))
        self._running.add(job)
        self.pool.start(job)
        return job

    def busy(self) -> bool:
        return bool(self._running)

    def stop_all(self, wait_ms: int = 30000) -> None:
        for job in list(self._running):
            job.stop()
        self.pool.clear()
        self.pool.waitForDone(wait_ms)
