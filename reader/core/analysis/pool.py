"""Analysis on worker processes, for analyzing a whole library on every core.

Each worker loads spaCy once, tags, finds the quotes and cleans the entities, and returns only the
`Analysis` (never spaCy's Docs), so the main process has almost nothing to do. Workers are spawned,
not forked: the app's process has Qt and Whoosh threads. A pool can be stopped at any moment;
`close()` terminates its workers (spaCy's own `n_process` pipe cannot be abandoned midway without
hanging: explosion/spaCy#8798).

`TaggerService` is how the window uses them: spaCy never loads in the app's own process, where its
memory would add to the workers' and its tagging would hold the GIL against the UI thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from ..children import exit_with_parent
from ..errors import ReaderError
from ..model import Article
from ..priority import background_process
from .gazetteer import Entry, Gazetteer
from .tagger import NO_MODEL, RawEntity, Tagger
from .values import Analysis

Key = TypeVar("Key")
Payload = TypeVar("Payload")
Result = TypeVar("Result")
# 8 articles (titles, bodies, captions: ~24 texts) a task: spaCy's ner took ~4 % more CPU on the same texts in
# tasks of 4 articles (~12 texts a pipe) than of ~32 texts; its entities are the same whatever the batch
ARTICLES_PER_TASK = 8
TASKS_AHEAD = 3  # per worker: covers the app reading the next files; an article opened waits behind ~1 s
TASK_TIMEOUT_S = 600.0  # a worker that died takes its task with it: Pool would wait forever
IDLE_CLOSE_S = 60.0  # a service's workers exit after this long unused
POLL_S = 0.2  # how soon a caller waiting for a result notices that the pool was closed
# glibc's malloc in a worker (mallopt's M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD): freed memory kept for the
# next batch instead of given back and faulted in again, which cost a worker ~7 % of its CPU in page faults
WORKER_MALLOC = ((-1, 512 << 20), (-2, 64 << 20), (-3, 512 << 20))


class PoolClosed(ReaderError):
    """The workers were stopped (the app is closing) while a result was awaited."""


_worker_tagger: Tagger | None = None


def _start_worker(entries: list[Entry], fingerprint: str, model: str | None, parent_pid: int) -> None:
    global _worker_tagger
    exit_with_parent(parent_pid)  # else a parent killed while spaCy loads leaves it loading, then exits
    background_process()  # the window's process, at normal priority, gets a core when it needs one
    keep_freed_memory()
    try:
        _worker_tagger = Tagger(Gazetteer(entries, fingerprint), model)
        _worker_tagger.nlp  # noqa: B018 - load now, before the first task
    except Exception:  # a worker that cannot load spaCy must not be respawned forever
        _worker_tagger = Tagger(Gazetteer(entries, fingerprint), NO_MODEL)


def keep_freed_memory() -> bool:
    """Tune this process's glibc malloc as WORKER_MALLOC says; False where there is no glibc (nothing changes)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return all(libc.mallopt(option, value) == 1 for option, value in WORKER_MALLOC)
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False


def _loaded_tagger() -> Tagger:
    """This worker's tagger, which `_start_worker` made before any task could run."""
    if _worker_tagger is None:
        raise RuntimeError("an analysis task ran on a worker that was not started")
    return _worker_tagger


def _analyze_task(batch: list[Article]) -> list[Analysis]:
    from . import analyze_batch  # the package imports this module: not at the top

    return analyze_batch(_loaded_tagger(), batch)


def _tag_task(batch: list[list[str]]) -> list[list[list[RawEntity]]]:
    texts = [text for parts in batch for text in parts]
    tags = list(_loaded_tagger().tag(texts, batch_size=64))
    out, i = [], 0
    for parts in batch:
        out.append(tags[i : i + len(parts)])
        i += len(parts)
    return out


class TaggerPool:
    """`processes` workers analyzing (or only tagging) like `tagger`, fed a few tasks ahead so none waits."""

    def __init__(self, tagger: Tagger, processes: int):
        gaz = tagger.gazetteer
        self.processes = processes
        self._closed = False
        self._pool = multiprocessing.get_context("spawn").Pool(
            processes, initializer=_start_worker, initargs=(gaz.entries, gaz.fingerprint, tagger.requested, os.getpid())
        )

    def map(self, items: Iterable[tuple[Key, list[str]]]) -> Iterator[tuple[Key, list[list[RawEntity]]]]:
        """(key, texts) in, (key, raw entities of each text) out, in the same order: the tagging alone."""
        return self._windowed(items, _tag_task)

    def analyze(self, items: Iterable[tuple[Key, Article]]) -> Iterator[tuple[Key, Analysis]]:
        """(key, article) in, (key, its analysis) out, in the same order."""
        return self._windowed(items, _analyze_task)

    def _windowed(
        self, items: Iterable[tuple[Key, Payload]], task: Callable[[list[Payload]], list[Result]]
    ) -> Iterator[tuple[Key, Result]]:
        source = iter(items)
        window: deque[tuple[list[Key], AsyncResult[list[Result]]]] = deque()

        def submit() -> bool:
            if self._closed:
                raise PoolClosed("the analysis workers were stopped")
            keys, payloads = [], []
            for key, payload in source:
                keys.append(key)
                payloads.append(payload)
                if len(keys) == ARTICLES_PER_TASK:
                    break
            if keys:
                window.append((keys, self._pool.apply_async(task, (payloads,))))
            return bool(keys)

        for _ in range(self.processes * TASKS_AHEAD):
            if not submit():
                break
        while window:
            keys, pending = window.popleft()
            results = self._result(pending)
            submit()
            yield from zip(keys, results)

    def analyze_one(self, article: Article) -> Analysis:
        """One article's analysis, queued behind at most the tasks already sent."""
        return self._result(self._pool.apply_async(_analyze_task, ([article],)))[0]

    def _result(self, pending: AsyncResult[Result]) -> Result:
        """The task's result; a closed pool's tasks never finish, so waiting stops when it is closed."""
        for _ in range(int(TASK_TIMEOUT_S / POLL_S)):
            try:
                return pending.get(POLL_S)
            except multiprocessing.TimeoutError:
                if self._closed:
                    raise PoolClosed("the analysis workers were stopped") from None
        raise PoolClosed(f"an analysis worker gave no answer in {TASK_TIMEOUT_S:.0f} s") from None

    def close(self) -> None:
        self._closed = True
        self._pool.terminate()
        self._pool.join()


class TaggerService:
    """A `TaggerPool` shared by the threads of an app: started at first use, closed when unused for a while.

    The same workers tag articles as they are opened and whole libraries, so spaCy is loaded in them
    only. Thread-safe; `close()` stops the workers at once.
    """

    def __init__(self, tagger: Tagger, processes: int, idle_close_s: float = IDLE_CLOSE_S):
        self.tagger = tagger
        self.processes = processes
        self.idle_close_s = idle_close_s
        self._pool: TaggerPool | None = None
        self._users = 0
        self._lock = threading.Lock()
        self._idle: threading.Timer | None = None

    def analyze_one(self, article: Article) -> Analysis:
        pool = self._acquire()
        try:
            return pool.analyze_one(article)
        finally:
            self._release()

    def analyze(self, items: Iterable[tuple[Key, Article]]) -> Iterator[tuple[Key, Analysis]]:
        pool = self._acquire()
        try:
            yield from pool.analyze(items)
        finally:
            self._release()

    def running(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        with self._lock:
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def _acquire(self) -> TaggerPool:
        with self._lock:
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            if self._pool is None:
                self._pool = TaggerPool(self.tagger, self.processes)
            self._users += 1
            return self._pool

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if not self._users and self._pool is not None:
                self._idle = threading.Timer(self.idle_close_s, self._close_if_idle)
                self._idle.daemon = True
                self._idle.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._users or self._idle is not threading.current_thread():  # used, or a later timer's job
                return
            self._idle = None
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()
