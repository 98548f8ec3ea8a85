"""Data-dir trouble for tests: a full disk under the index (simulated), and running without root's powers."""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager

from whoosh.filedb.filestore import FileStorage


class _FullFile:
    """A file on a disk with no space left: every write fails as the OS would fail it."""

    def __init__(self, file):
        self._file = file

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._file, name)


@contextmanager
def full_disk(monkeypatch):
    """While inside, every file the Whoosh index creates fails to write with ENOSPC."""
    real = FileStorage.create_file

    def create_file(self, name, *args, **kwargs):
        f = real(self, name, *args, **kwargs)
        f.file = _FullFile(f.file)
        return f

    monkeypatch.setattr(FileStorage, "create_file", create_file)
    try:
        yield
    finally:
        monkeypatch.setattr(FileStorage, "create_file", real)


def unprivileged() -> list[str]:
    """A command prefix that runs a process without root's power to read and write any file, when we
    are root (as CI is): file permissions then apply to it as to any user."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


def make_read_only(folder) -> None:
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o444)
        os.chmod(dirpath, 0o555)


def make_writable(folder) -> None:
    for dirpath, _dirnames, filenames in os.walk(folder):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)
