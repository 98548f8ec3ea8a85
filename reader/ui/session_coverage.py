"""The session's watchlist: loaded from the data dir when the session starts, then saved, imported and exported by
the core on a worker thread of its own; the session says `watchlist_changed` once a change is saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core import files, paths
from ..core.coverage import watchlist as watchlists
from ..core.coverage.watchlist import Watched, Watchlist, WatchlistError
from .session_values import WatchlistFailed
from .workers import Jobs

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

WATCHLIST_BYTES = 4 * 1024 * 1024  # an imported watchlist: far more names than anyone follows


class WatchlistRequests:
    """LibrarySession's part that keeps the watchlist (mixed into it; its signals are declared there)."""

    data_dir: Path
    failed: SignalInstance
    watchlist_changed: SignalInstance
    watchlist_read: SignalInstance
    watchlist_written: SignalInstance

    def _start_watchlist(self) -> None:
        """The saved watchlist, or the built-in sponsors; a damaged file is kept as it is and said why."""
        self.writing = Jobs(1)  # the watchlist's files and coverage reports: small writes, in order
        self.watchlist_problem: str | None = None
        try:
            self.watchlist = watchlists.load(self.data_dir)
        except WatchlistError as exc:
            self.watchlist, self.watchlist_problem = Watchlist.built_in(), str(exc)

    def save_watchlist(self, new: Watchlist) -> None:
        """Save `new` as the watchlist; once written it is the session's, and `watchlist_changed` says so."""
        data_dir, kept = self.data_dir, Watchlist(list(new.names))
        self.writing.start(
            lambda job: watchlists.save(data_dir, kept),
            finished=lambda _: self._watchlist_saved(kept),
            failed=lambda exc: self.failed.emit(WatchlistFailed(exc, "Could not save the watchlist")),
        )

    def _watchlist_saved(self, new: Watchlist) -> None:
        self.watchlist, self.watchlist_problem = new, None
        self.watchlist_changed.emit(new)

    def watch(self, watched: Watched) -> None:
        """Follow one more name (or follow it as `watched` says, if it is followed already)."""
        new = Watchlist(list(self.watchlist.names))
        new.add(watched)
        self.save_watchlist(new)

    def unwatch(self, name: str) -> None:
        new = Watchlist(list(self.watchlist.names))
        if new.remove(name):
            self.save_watchlist(new)

    def import_watchlist(self, path: Path) -> None:
        """Read a watchlist CSV; `watchlist_read` sends it, to be merged into the one being edited."""
        self.writing.start(
            lambda job: read_watchlist(Path(path)),
            finished=self.watchlist_read.emit,
            failed=lambda exc: self.failed.emit(WatchlistFailed(exc, "Could not import the watchlist")),
        )

    def export_watchlist(self, path: Path, watchlist: Watchlist) -> None:
        """Write `watchlist` as CSV to `path`; `watchlist_written` sends the path."""
        kept = Watchlist(list(watchlist.names))
        self.writing.start(
            lambda job: write_watchlist(Path(path), kept),
            finished=self.watchlist_written.emit,
            failed=lambda exc: self.failed.emit(WatchlistFailed(exc, "Could not export the watchlist")),
        )


def read_watchlist(path: Path) -> Watchlist:
    """Runs on a worker: the watchlist in the CSV file at `path` (ArticleError or WatchlistError saying why not)."""
    data = files.read_regular(path, WATCHLIST_BYTES)
    if len(data) > WATCHLIST_BYTES:
        raise WatchlistError(f"{path.name}: too large for a watchlist")
    return Watchlist.from_csv(files.decode(data), path.name)


def write_watchlist(path: Path, watchlist: Watchlist) -> str:
    """Runs on a worker: `watchlist` written whole to `path`."""
    try:
        paths.write_whole(path, watchlist.to_csv())
    except OSError as exc:
        raise WatchlistError(f"{path}: cannot be written ({files.os_reason(exc)})") from exc
    return str(path)
