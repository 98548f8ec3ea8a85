"""The multi-process writer: when a pool of writer processes pays, and processes that end with the app."""

from __future__ import annotations

import os

from whoosh import multiproc

from ..children import exit_with_parent
from ..priority import background_process
from ..workers import worker_count
from .sizes import Sizing

PARALLEL_MIN_DOCS = 300  # below this a process pool costs more than it saves
WRITER_MEMORY_MB = 64  # per writer process: at 10k articles 32, 64, 128 and 256 MB built equally fast (peak 160-710 MB)
WRITER_FAILED_EXIT = 100  # a writer process that met an OSError exits with this plus its errno


def pool_options(expected: int) -> dict:
    """The writer's options for adding `expected` articles: a pool of writer processes when it pays."""
    procs = worker_count() if expected >= PARALLEL_MIN_DOCS else 1
    if procs > 1:
        return {"procs": procs, "multisegment": True, "limitmb": WRITER_MEMORY_MB}
    return {}


class MpWriter(Sizing, multiproc.MpWriter):
    """Whoosh's multiprocess writer, its sub-writers `_SubWriterTask`s."""

    def _new_task(self):
        task = _SubWriterTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task

    def _commit_toc(self, segments):
        for task in self.tasks:  # a writer process that failed: its documents are missing
            if (task.exitcode or 0) >= WRITER_FAILED_EXIT:  # not any exit code: a forked copy of a Qt app
                code = task.exitcode - WRITER_FAILED_EXIT  # may end 1 at exit, its work done and sent
                raise OSError(code, os.strerror(code))
        super()._commit_toc(segments)


class _SubWriterTask(multiproc.SubWriterTask):
    """A sub-writer process that exits as soon as the process which started it is gone.

    Whoosh's waits on its job queue for an end that a parent killed outright never sends: forked, it
    holds the queue's pipe open itself, so it would wait forever, and it holds the index's write lock
    too (an flock it inherited), so no later writer could open the index.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.parent_pid = os.getpid()

    def run(self):
        exit_with_parent(self.parent_pid)
        background_process()  # forked on Linux, it already is; spawned (macOS, Windows), it starts at normal
        try:
            super().run()
        except OSError as exc:  # a full disk: the parent finds this exit code and says so, in one line
            os._exit(WRITER_FAILED_EXIT + (exc.errno or 0))
