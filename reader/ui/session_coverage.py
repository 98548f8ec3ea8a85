"""The session's watchlist and coverage: the watchlist is loaded from the data dir when the session starts, then
saved, imported and exported by the core on a worker thread; the coverage figures are counted on a worker of their
own (only the latest request counts) and reports are written beside the watchlist's files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core import files, paths
from ..core.coverage import watchlist as watchlists
from ..core.coverage.reports import save_chart, write_report
from ..core.coverage.values import Coverage
from ..core.coverage.watchlist import Watched, Watchlist, WatchlistError
from .session_values import CoverageFailed, CoverageRequest, ReportFailed, WatchlistFailed
from .workers import Jobs

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import SignalInstance

    from ..core.library import Library
    from .session_values import Ticket
    from .workers import Job

WATCHLIST_BYTES = 4 * 1024 * 1024  # an imported watchlist: far more names than anyone follows
COVERAGE = "coverage"  # the kind of request of which only the latest counts


class WatchlistRequests:
    """LibrarySession's part that keeps the watchlist (mixed into it; its signals are declared there)."""

    data_dir: Path
    failed: SignalInstance
    watchlist_changed: SignalInstance
    watchlist_read: SignalInstance
    watchlist_written: SignalInstance
    coverage_ready: SignalInstance
    coverage_exported: SignalInstance
    library: Library | None
    _rows: dict
    _take: Callable[..., Ticket]
    _start: Callable[..., Job]

    def _start_watchlist(self) -> None:
        """The saved watchlist, or the built-in sponsors; a damaged file is kept as it is and said why."""
        self.writing = Jobs(1)  # the watchlist's files and coverage reports, in order
        self.counting = Jobs(1)  # the coverage figures
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

    # ------------------------------------------------------------------ coverage

    def count_coverage(self, request: CoverageRequest) -> None:
        """Count the watchlist's coverage as `request` asks, from the cached analysis; `coverage_ready` sends it
        (unless another request came meanwhile)."""
        if self.library is None:
            return
        library, watchlist, rows = self.library, Watchlist(list(self.watchlist.names)), list(self._rows.values())

        def work(job: Job) -> Coverage:  # with the rows the window lists, unless it has none yet
            return library.coverage(watchlist, request.scope, request.by, request.per_outlet, rows=rows or None)

        self._start(
            self.counting,
            self._take(COVERAGE),
            work,
            finished=self.coverage_ready.emit,
            failed=lambda exc: self.failed.emit(CoverageFailed(exc)),
        )

    def export_coverage(
        self, coverage: Coverage, fmt: str, output: Path, chart: str = "", names: Sequence[str] | None = None
    ) -> None:
        """Write `coverage` as `fmt` (xlsx, pdf, csv, png, svg) to `output`, or only `chart` (of `names`) as png or
        svg; `coverage_exported` sends the files written."""

        def work(job: Job) -> list[Path]:
            return [save_chart(coverage, chart, output, names)] if chart else write_report(coverage, fmt, output)

        self.writing.start(
            work, finished=self.coverage_exported.emit, failed=lambda exc: self.failed.emit(ReportFailed(exc))
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
