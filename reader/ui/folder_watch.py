"""Watching the open articles folder: its folders and files, one debounced signal when something changed."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 400  # a copy or an editor's save is several events; act once they have settled
FILE_CAP = 20_000  # inotify watches are a per-user budget shared with other programs
PATHS_PER_STEP = 500  # adding or dropping a watch costs ~40 µs: 20,000 at once would freeze the window


class FolderWatcher(QObject):
    """Watches folders and article files; `changed` fires once the events have settled.

    On Linux a folder's watch reports files created, deleted and renamed in it, not a file written in
    place, hence the file watches too. Beyond `file_cap` files only the folders are watched (and the
    window looks at the folder again whenever the application becomes active). File watches are added
    and dropped a few hundred at a time between events, so a large library does not stall the window.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS, file_cap: int = FILE_CAP):
        super().__init__(parent)
        self.file_cap = file_cap
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._step = QTimer(self, interval=0)
        self._to_add: list[str] = []
        self._to_drop: list[str] = []
        self._watcher.directoryChanged.connect(self.poke)
        self._watcher.fileChanged.connect(self.poke)
        self._settle.timeout.connect(self.changed)
        self._step.timeout.connect(self._next_step)

    def watch(self, folders: Iterable[Path | str], files: Iterable[Path | str]) -> None:
        """Watch exactly these folders and (up to the cap, in the order given) files; others are let go."""
        # Compared with what Qt watches, not with what was asked for: Qt drops a deleted or renamed path.
        add, drop = _difference(self._watcher.directories(), map(str, folders))
        if drop:
            self._watcher.removePaths(drop)
        if add:
            self._watcher.addPaths(add)  # what cannot be watched (gone already, no budget left) is skipped
        self._to_add, self._to_drop = _difference(self._watcher.files(), map(str, islice(files, self.file_cap)))
        self._to_add.reverse()  # taken from the end: the first given are watched first
        self._next_step()
        if self._to_add or self._to_drop:
            self._step.start()

    def clear(self) -> None:
        self._settle.stop()
        self.watch([], [])

    def poke(self, *_path) -> None:
        """Something may have changed: (re)start the settle timer."""
        self._settle.start()

    def watched(self) -> tuple[list[str], list[str]]:
        """(folders, files) being watched now."""
        return self._watcher.directories(), self._watcher.files()

    def settled(self) -> bool:
        """Whether every watch asked for has been added or dropped."""
        return not (self._to_add or self._to_drop)

    def _next_step(self) -> None:
        for pending, apply in ((self._to_drop, self._watcher.removePaths), (self._to_add, self._watcher.addPaths)):
            if pending:
                step = pending[-PATHS_PER_STEP:]
                del pending[-PATHS_PER_STEP:]
                apply(step[::-1])
                return
        self._step.stop()


def _difference(current: list[str], wanted: Iterable[str]) -> tuple[list[str], list[str]]:
    """(wanted and not current, in order; current and not wanted)."""
    wanted = list(dict.fromkeys(wanted))
    now, keep = set(current), set(wanted)
    return [p for p in wanted if p not in now], [p for p in current if p not in keep]
