"""A library's analysis pass: every indexed article not yet analyzed, through spaCy, into the cache and the
names index (for `entity:` and `speaker:` searches and the list's counts)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .analysis import Analysis
from .coverage.backfill import backfill
from .errors import SyncCancelled
from .files import ArticleError
from .index.schema import name_entry
from .model import Article, ArticleRow
from .scanning import Skipped
from .workers import worker_count

if TYPE_CHECKING:
    from .library import Library

Progress = Callable[[int, int], None]
ANALYSIS_CHUNK = 256  # articles whose names are indexed (one small Whoosh commit) and listed together, at most
ANALYSIS_FIRST_CHUNK = 16  # the first such chunk: the list's first counts show early; each next one is twice as big
ANALYSIS_PROGRESS_STEP = 4  # articles between two progress reports (a worker's task is 4 articles)
ANALYSIS_LOAD_BATCH = 16  # articles read and looked up in the cache together, as the taggers need more
ANALYSIS_CACHE_BATCH = 32  # analyses written to the cache together
ANALYSIS_PARALLEL_MIN = 64  # uncached articles before a second spaCy process pays for itself


@dataclass
class AnalysisReport:
    analyzed: int = 0  # by spaCy in this run
    cached: int = 0  # found in the analysis cache
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0  # words analyzed by spaCy
    backfilled: int = 0  # articles analysed before coverage facts were kept, given them now
    notice: str | None = None

    def to_json(self) -> dict:
        out = {
            "analyzed": self.analyzed,
            "cached": self.cached,
            "skipped": [s.to_json() for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }
        if self.notice:
            out["notice"] = self.notice
        return out


class AnalysisPass:
    """One run of `Library.analyze_all`; see there. Cached analyses are reused.

    Built for running beside a window: files are read a few at a time as the taggers need them, and
    what waits to be written is plain strings (a cache row, a names entry, a list row), so this
    process never has a long stretch of Python to do, nor many live objects for its garbage collector.
    """

    def __init__(
        self,
        library: Library,
        progress: Progress | None = None,
        on_rows: Callable[[list[ArticleRow]], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        rows: list[ArticleRow] | None = None,
    ):
        self.start = time.perf_counter()
        self.library, self.progress, self.on_rows, self.cancel = library, progress, on_rows, cancel
        self.report = AnalysisReport()
        self.rows = rows if rows is not None else library.rows()
        self.todo = library.unanalyzed(self.rows)
        self.cache = library.cache
        self.with_facts: set[str] | None = None  # content hashes with coverage facts, once a cached analysis needs it
        self.names: list[tuple[dict, ArticleRow]] = []  # names index entries and list rows, not yet written
        self.fresh: list[tuple[Article, Analysis]] = []  # analyses not yet cached
        self.pending: dict[str, ArticleRow] = {}  # the row (the file's stat as indexed) of each article being analyzed
        self.done = 0  # articles whose names are indexed
        self.chunk = ANALYSIS_FIRST_CHUNK  # names written together next time
        self.told = 0  # articles done at the last progress report

    def run(self, n_process: int | None = None) -> AnalysisReport:
        report, todo = self.report, self.todo
        if self.progress and todo:
            self.progress(0, len(todo))  # loading spaCy takes a second or two: say at once that work has begun
        procs = n_process or (worker_count() if len(todo) >= ANALYSIS_PARALLEL_MIN else 1)
        # nothing to analyse: no spaCy workers started (each one imports spaCy, seconds of CPU at every launch)
        analysed = self.library.analyzer.analyze_many(self._articles(), n_process=procs) if todo else iter(())
        try:
            for article, analysis in analysed:
                report.analyzed += 1
                report.words += article.words
                self.fresh.append((article, analysis))
                self._analyzed(article, self.pending.pop(article.id), analysis)
                self._flush()
                self._tell()
                self._check_cancel()
        finally:
            self.cache.put_many(self.fresh)  # even when stopped: what was analyzed is not analyzed again
            self.fresh.clear()
        self._flush(force=True)
        self._tell(force=True)
        report.backfilled += backfill(self.library, self.rows, self.cancel)  # analysed before facts were kept
        report.notice = self.library.analyzer.notice
        report.seconds = time.perf_counter() - self.start
        return report

    def _check_cancel(self) -> None:
        if self.cancel and self.cancel():
            raise SyncCancelled("analysis cancelled")

    def _articles(self) -> Iterator[Article]:
        for article, row in self._uncached():
            self.pending[article.id] = row
            yield article

    def _uncached(self) -> Iterator[tuple[Article, ArticleRow]]:
        """The articles to analyze, read a batch at a time; those with a cached analysis are done on the way."""
        for i in range(0, len(self.todo), ANALYSIS_LOAD_BATCH):
            loaded = []
            for row in self.todo[i : i + ANALYSIS_LOAD_BATCH]:
                self._check_cancel()
                try:
                    article = self.library._load_indexed(row.id)
                except ArticleError as exc:
                    self.report.skipped.append(Skipped(row.id, exc.reason))
                    continue
                if article.content_hash == row.content_hash:  # else edited since: the next sync re-reads it
                    loaded.append((article, row))
            hits = self.cache.get_many([a for a, _ in loaded])
            self._give_facts([(a, hits[a.content_hash]) for a, _ in loaded if a.content_hash in hits])
            for article, row in loaded:
                if article.content_hash in hits:
                    self.report.cached += 1
                    self._analyzed(article, row, hits[article.content_hash])
                    self._tell()
                else:
                    yield article, row
            self._flush()

    def _give_facts(self, cached: list[tuple[Article, Analysis]]) -> None:
        """Coverage facts for cached analyses that were made before facts were kept."""
        if not cached:
            return
        if self.with_facts is None:
            self.with_facts = self.cache.with_facts()
        missing = [(a, an) for a, an in cached if a.content_hash not in self.with_facts]
        self.report.backfilled += self.cache.put_facts(missing)

    def _analyzed(self, article: Article, row: ArticleRow, analysis: Analysis) -> None:
        doc = self.library._document(article, row.size, row.mtime_ns, analysis)
        self.names.append((name_entry(doc), ArticleRow.of(doc)))

    def _tell(self, force: bool = False) -> None:
        """Report progress every few articles: analyzed or skipped, whether or not their names are indexed yet."""
        finished = self.report.analyzed + self.report.cached + len(self.report.skipped)
        if self.progress and (finished - self.told >= ANALYSIS_PROGRESS_STEP or (force and finished > self.told)):
            self.told = finished
            self.progress(finished, len(self.todo))

    def _flush(self, force: bool = False) -> None:
        """Cache the analyses made, and index the names found, once there are enough of them (or now).

        Names are indexed only after their analyses are cached: killed in between, the next pass finds the
        analyses in the cache, and the index never says an article is analyzed whose analysis was lost.
        """
        names_due = bool(self.names) and (force or len(self.names) >= self.chunk)
        if self.fresh and (len(self.fresh) >= ANALYSIS_CACHE_BATCH or force or names_due):
            self.cache.put_many(self.fresh)
            self.fresh.clear()
        if not names_due:
            return
        self.chunk = min(2 * self.chunk, ANALYSIS_CHUNK)
        batch = self.names[:]
        self.names.clear()
        with self.library._writing:
            self.library._present_index().write_names(entry for entry, _ in batch)
        self.done += len(batch)
        if self.on_rows:
            self.on_rows([row for _, row in batch])
        self._tell(force=True)
