"""Where things live: the user data dir, the bundled articles, and the last folder opened."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

APP_NAME = "press-reader"
DATA_DIR_ENV = "PRESS_READER_DATA_DIR"
_STATE_FILE = "state.json"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """--data-dir beats $PRESS_READER_DATA_DIR beats the platform's user data dir."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if not chosen:
        import platformdirs  # imported only when it is asked: a command given --data-dir never is

        chosen = platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return Path(chosen).expanduser().resolve()


def shipped(name: str) -> Path:
    """A folder that comes with the app (`articles`, `resources`): inside the `reader` package when installed
    from a wheel (setup.py puts it there), else beside the package, in a clone or an editable install."""
    package = Path(__file__).resolve().parents[1]
    inside = package / name
    return inside if inside.is_dir() else package.parent / name


def bundled_articles() -> Path:
    """The sample articles shipped with the app."""
    return shipped("articles")


def last_folder(data: Path) -> Path | None:
    try:
        folder = json.loads((data / _STATE_FILE).read_text("utf-8")).get("last_folder")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(folder) if folder and Path(folder).is_dir() else None


def remember_folder(data: Path, folder: Path) -> None:
    """Record the folder the user opened, so the CLI defaults to it too. Best effort."""
    try:
        data.mkdir(parents=True, exist_ok=True)
        write_whole(data / _STATE_FILE, json.dumps({"last_folder": str(Path(folder).resolve())}))
    except OSError:
        pass


def unwritable(folder: Path) -> str | None:
    """Why `folder` cannot be written (made if missing), in a phrase; None if it can."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".write-test-") as fh:
            fh.write(b"x")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        return cannot_write(folder, exc)
    return None


def cannot_write(folder: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):  # no EDQUOT on Windows
        why = "the disk is full"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "it is read-only"
    else:
        why = (exc.strerror or exc.__class__.__name__).lower()
    return f"the data folder {folder} cannot be written ({why})"


def temporary_beside(path: Path) -> Path:
    """A hidden name in `path`'s folder, unique to this write, for a file made whole before it takes
    `path`'s place. Short whatever `path`'s name is: a name of 255 bytes leaves no room for more."""
    return Path(path).with_name(f".press-reader-{os.getpid()}-{os.urandom(4).hex()}.part")


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: a temporary file beside it, synced, then renamed over it."""
    tmp = temporary_beside(path)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def default_articles(data: Path) -> Path:
    return last_folder(data) or bundled_articles()
