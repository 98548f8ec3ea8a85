"""The indexed files' stamps ((size, mtime_ns) of each article's file as indexed), kept in a small file of the
data folder and tied to the index's last commit, so that a folder check reads them in a millisecond rather than
reading three columns of the index (a third of the time a search from the command line took at 10,000 files).

The file is a cache: it is believed only for the commit it names, by the name and stat of that commit's table
of contents (each commit writes a new one), and is written again from the index when it is stale or unreadable.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from .index import Index
from .index.files import TOC_FILE
from .index.schema import INDEX_NAME
from .paths import temporary_beside

Stamps = dict[str, tuple[int, int]]  # {article id: (size, mtime_ns) of its file as indexed}
STAMPS_DIR = "stamps"
_FORMAT = 1
_TOC_PREFIX = f"_{INDEX_NAME}_"


def indexed_stamps(index: Index) -> tuple[Stamps, set[str]]:
    """`index.stamps()`: the stamps, and the ids indexed more than once, of the index's last commit."""
    if index.directory is None:  # in memory: nothing is kept beside it
        return index.stamps()
    path = stamps_path(index.directory)
    commit = last_commit(index.directory)
    kept = _read(path, commit) if commit is not None else None
    if kept is not None:
        return kept
    found = index.stamps()
    if commit is not None and last_commit(index.directory) == commit:  # no commit meanwhile: these are its
        _write(path, commit, found)
    return found


def stamps_path(directory: Path) -> Path:
    """Not in the index's folder, whose files the index's code owns, nor beside it, where only index folders
    are: "<data folder>/stamps/<the index folder's name>"."""
    return directory.parent.parent / STAMPS_DIR / directory.name


def last_commit(directory: Path) -> tuple | None:
    """What tells the index's last commit from any other: its table of contents' name, inode, size and times."""
    try:
        tocs = [n for n in os.listdir(directory) if n.startswith(_TOC_PREFIX) and TOC_FILE.fullmatch(n)]
        if not tocs:
            return None
        newest = max(tocs, key=lambda n: int(n[len(_TOC_PREFIX) : -len(".toc")]))
        st = os.stat(directory / newest)
    except (OSError, ValueError):
        return None
    return (newest, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _read(path: Path, commit: tuple) -> tuple[Stamps, set[str]] | None:
    try:
        fmt, of, ids, sizes, mtimes, doubled = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or torn: read from the index
        return None
    if fmt != _FORMAT or of != commit:
        return None
    return dict(zip(ids, zip(sizes, mtimes))), set(doubled)


def _write(path: Path, commit: tuple, found: tuple[Stamps, set[str]]) -> None:
    stamps, doubled = found
    data = marshal.dumps(
        (
            _FORMAT,
            commit,
            list(stamps),
            [s for s, _ in stamps.values()],
            [m for _, m in stamps.values()],
            sorted(doubled),
        )
    )
    tmp = temporary_beside(path)
    try:
        path.parent.mkdir(exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)  # whole or not at all; a torn one after a crash is not believed (see _read)
    except OSError:  # a cache: a search goes on without it
        tmp.unlink(missing_ok=True)
