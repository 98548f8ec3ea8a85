"""The crash-safe writer: the write lock taken in time or IndexBusy, and a failed write undone, its files deleted."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import ModuleType, TracebackType

from whoosh import index, writing
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.util.filelock import try_for

from .errors import IndexBusy, IndexUnsaved
from .schema import Codec
from .sizes import Sizing

WRITE_LOCK_TIMEOUT = 10.0


class _Writer(Sizing, writing.SegmentWriter):
    """Whoosh's writer in this process, recording its files' sizes."""


def open_writer(ix, procs: int = 1, **kwargs):
    """A writer with the write lock taken within the timeout, else IndexBusy."""
    # not compound: Whoosh reads a compound segment file into memory (a BytesIO copy of the whole
    # postings file) for every open reader; separate files are read from the page cache as needed
    # The lock is taken here, not by the writer: a writer that fails while it sets up (a full disk)
    # would otherwise keep the lock, lost with it, until the process exits.
    lock = ix.lock("WRITELOCK")
    if not try_for(lock.acquire, timeout=WRITE_LOCK_TIMEOUT, delay=0.1):
        raise IndexBusy("another Press Reader is updating this index; try again shortly")
    kwargs.update(codec=Codec(), compound=False)

    def undo() -> None:
        _drop_uncommitted(ix.storage, ix.indexname)
        lock.release()

    with failing_safely(undo):
        if procs > 1:
            from .processes import MpWriter  # multiprocessing: imported only by a write that pays for it

            # what ix.writer(procs=...) makes, with writer processes that end when this process does;
            # its sub-writers do not take the lock either
            subargs = {k: v for k, v in kwargs.items() if k not in ("multisegment", "batchsize")}
            writer = MpWriter(ix, procs=procs, subargs=subargs, _lk=False, **kwargs)
        else:
            writer = _Writer(ix, _lk=False, **kwargs)
    writer.writelock = lock  # released when the writer commits or is cancelled
    _drop_unfinished_tocs(ix)
    return writer


@contextmanager
def failing_safely(undo: Callable[[], object]) -> Iterator[None]:
    """Write to the index inside; if that fails, `undo()` lets go of what was taken, the files the failed
    write held open are closed, and an OSError becomes IndexUnsaved."""
    try:
        yield
    except BaseException as exc:
        undo()
        _close_files(_frame_locals(exc.__traceback__))
        if isinstance(exc, OSError):
            raise IndexUnsaved(_unsaved(exc)) from None
        raise


def abandon(writer) -> None:
    """Stop a writer that failed, whatever state it is in, delete the files it made, and let go of the write
    lock: else every later update would wait for a lock nobody holds."""
    for task in getattr(writer, "tasks", ()):  # MpWriter.cancel() does not stop its processes
        task.terminate()
        task.join()
    lock = getattr(writer, "writelock", None)
    held = lock if getattr(writer, "is_closed", True) is False else None  # the write lock, if still held
    if held is not None:
        writer.writelock = None  # kept until its files are deleted: cancel() would let it go first
    try:
        writer.cancel()
    except Exception:  # a commit that failed half-way leaves it unable to cancel
        pass
    _close_files([getattr(writer, part, None) for part in ("perdocwriter", "fieldwriter", "pool")])
    if held is not None:
        writer.is_closed = True
        _drop_uncommitted(writer.storage, writer.indexname)  # no other writer has files half made meanwhile
        try:
            held.release()
        except Exception:
            pass


def _close_files(root, depth: int = 5) -> None:
    """Close every index file open for writing reachable from `root` in a few steps: those a failed write
    still holds open (its postings, terms and column files; Whoosh's cancel() closes none of them, and a
    writer that failed while being made is held only by the exception's frames). Left to the garbage
    collector, they would be closed at some later moment, each with a ResourceWarning, and their deleted
    files would keep their disk space until then."""
    seen: set[int] = set()

    def visit(obj, depth: int) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, StructFile):
            if any(c in str(getattr(obj.file, "mode", "")) for c in "wa+"):  # never a reader's file
                with suppress(Exception):  # its last write fails again on a full disk; it is closed anyway
                    obj.close()
            return
        if depth == 0 or isinstance(obj, (str, bytes, int, float, io.IOBase, ModuleType, type)) or callable(obj):
            return
        inner = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else None
        if inner is None:
            inner = getattr(obj, "__dict__", {}).values()
        for value in list(inner):
            visit(value, depth - 1)

    visit(root, depth)


def _frame_locals(tb: TracebackType | None) -> list[dict]:
    """The local variables of each frame a traceback went through."""
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame.f_locals)
        tb = tb.tb_next
    return frames


def _drop_uncommitted(storage, name: str) -> None:
    """Delete what a failed writer left: its temporary folder (`NAME.tmp`) and the files of segments that
    no committed table of contents lists. Whoosh would delete them only at the next commit, and on a full
    disk they would keep it full. Only with the write lock held."""
    if not isinstance(storage, FileStorage):
        return
    try:
        committed = index.TOC.read(storage, name).segments if index.exists(storage, name) else []
        kept = {segment.segment_id() for segment in committed}
        files = storage.list()
    except Exception:  # an unreadable TOC: the next open rebuilds the index anyway
        return
    segment_file = re.compile(rf"({re.escape(name)}_[a-z0-9]+)\.\w+(?:\.\w+)*")
    for file in files:
        m = segment_file.fullmatch(file)
        if m and m.group(1) not in kept:
            with suppress(OSError):
                storage.delete_file(file)
    shutil.rmtree(os.path.join(storage.folder, f"{name}.tmp"), ignore_errors=True)


def _unsaved(exc: OSError) -> str:
    """Why the index could not be written, in one line; the index keeps what it had."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):  # no EDQUOT on Windows
        why = "the disk is full"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "the data folder is read-only"
    elif exc.errno == errno.ENOENT:
        why = "the index folder was deleted"
    else:
        why = (exc.strerror or exc.__class__.__name__).lower()
    return f"the index could not be saved: {why}; searches use the index as it was"


def _drop_unfinished_tocs(ix) -> None:
    """Delete the TOCs that a writer killed while committing left under their temporary names.

    Whoosh's own clean-up after a commit keeps them. Only with the write lock held: another process's
    writer may be committing otherwise.
    """
    unfinished = re.compile(rf"_{re.escape(ix.indexname)}_\d+\.toc\..+")
    for name in ix.storage.list():
        if unfinished.fullmatch(name):
            try:
                ix.storage.delete_file(name)
            except OSError:
                pass
