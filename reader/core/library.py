"""The façade the UI and the CLI share: one articles folder, its index, what changed, loading and search."""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import articles as _articles
from .analysis import Analysis, Analyzer
from .analysis.cache import AnalysisCache
from .articles import Article, ArticleError, ArticleFile, Skipped
from .index import ArticleRow, Document, Index, SearchResult

Progress = Callable[[int, int], None]
ANALYSIS_CHUNK = 256  # articles read, looked up in the cache and written to the index together
ANALYSIS_PARALLEL_MIN = 64  # uncached articles before a second spaCy process pays for itself


class LibraryError(Exception):
    """A problem with the library as a whole, told to the user in one line."""


class SyncCancelled(LibraryError):
    """The caller asked an index update to stop; the index is left as it was."""


@dataclass
class SyncReport:
    indexed: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: str | None = None
    removed_ids: list[str] = field(default_factory=list)

    @property
    def updated(self) -> int:
        return self.added + self.changed

    def to_json(self) -> dict:
        out = {
            "indexed": self.indexed,
            "updated": self.updated,
            "removed": self.removed,
            "skipped": [s.to_json() for s in self.skipped],
            "seconds": round(self.seconds, 3),
            "added": self.added,
            "changed": self.changed,
        }
        if self.rebuilt:
            out["rebuilt"] = self.rebuilt
        return out


@dataclass
class AnalysisReport:
    analyzed: int = 0  # by spaCy in this run
    cached: int = 0  # found in the analysis cache
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0  # words analyzed by spaCy
    notice: str | None = None

    def to_json(self) -> dict:
        out = {"analyzed": self.analyzed, "cached": self.cached,
               "skipped": [s.to_json() for s in self.skipped], "seconds": round(self.seconds, 3)}
        if self.notice:
            out["notice"] = self.notice
        return out


@dataclass(frozen=True)
class Changes:
    added: list[ArticleFile]
    changed: list[ArticleFile]
    removed: list[str]


class Library:
    def __init__(self, root: Path, data_dir: Path, analyzer: Analyzer | None = None):
        root = Path(root).expanduser()
        if not root.is_dir():
            raise LibraryError(f"articles folder not found: {root}")
        self.root = root.resolve()
        self.data_dir = Path(data_dir)
        self.index_dir = self.data_dir / "index" / _folder_key(self.root)
        self._index: Index | None = None
        self._opening = threading.Lock()
        self._writing = threading.Lock()  # Whoosh allows one writer: sync and analysis take turns
        self.rebuilt_reason: str | None = None
        self.analyzer = analyzer or Analyzer()
        self._cache: AnalysisCache | None = None

    @property
    def index(self) -> Index:
        with self._opening:  # the UI's index and query workers may both ask first
            if self._index is None:
                try:
                    self._index, self.rebuilt_reason = Index.open(self.index_dir)
                except OSError as exc:
                    raise LibraryError(f"cannot use the data folder {self.data_dir}: "
                                       f"{exc.strerror or exc}") from None
            return self._index

    @property
    def cache(self) -> AnalysisCache:
        with self._opening:
            if self._cache is None:
                try:
                    self._cache = AnalysisCache(self.data_dir / "analysis.sqlite", self.analyzer.fingerprint)
                except OSError as exc:
                    raise LibraryError(f"cannot use the data folder {self.data_dir}: "
                                       f"{exc.strerror or exc}") from None
            return self._cache

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def rows(self) -> list[ArticleRow]:
        return sorted(self.index.rows().values(), key=lambda r: r.id)

    def changes(self, files: list[ArticleFile], rows: dict[str, ArticleRow]) -> Changes:
        on_disk = {f.id: f for f in files}
        added = [f for aid, f in on_disk.items() if aid not in rows]
        changed = [f for aid, f in on_disk.items()
                   if aid in rows and (rows[aid].size, rows[aid].mtime_ns) != (f.size, f.mtime_ns)]
        removed = [aid for aid in rows if aid not in on_disk]
        return Changes(added, changed, removed)

    def sync(self, rebuild: bool = False, progress: Progress | None = None,
             on_row: Callable[[ArticleRow], None] | None = None,
             cancel: Callable[[], bool] | None = None,
             known: list[ArticleRow] | None = None) -> SyncReport:
        """Bring the index in line with the folder: only added, changed and removed files are read.

        With `rebuild` every file is read again and the new index replaces the old one at commit.
        `cancel` is polled between files; when it returns True the update stops and nothing changes.
        `known` is what `rows()` just returned, if the caller has it, so it is not read again.
        """
        start = time.perf_counter()
        index = self.index
        report = SyncReport(rebuilt=self.rebuilt_reason)
        self.rebuilt_reason = None
        scan = _articles.scan(self.root)
        rows = {r.id: r for r in known} if known is not None else index.rows()
        changes = self.changes(scan.files, rows)
        if rebuild:  # read everything again; the commit drops every older document
            changes = Changes(list(scan.files), [], changes.removed)
        todo = changes.added + changes.changed
        report.skipped = list(scan.skipped)

        def parsed():
            for done, f in enumerate(todo, 1):
                if cancel and cancel():
                    raise SyncCancelled("index update cancelled")
                try:
                    article = _articles.load(f.path, self.root)
                except ArticleError as exc:
                    report.skipped.append(Skipped(f.id, exc.reason))
                else:
                    doc = self._document(article, f.size, f.mtime_ns, cache.get(article))
                    if on_row:
                        on_row(ArticleRow.of(doc))
                    yield doc
                if progress:
                    progress(done, len(todo))

        gone = [] if rebuild else changes.removed + [f.id for f in changes.changed]
        cache = self.cache  # a rebuilt or re-read article keeps an analysis made for the same text
        if todo or gone or rebuild:
            with self._writing:
                index.write(parsed(), remove=gone, expected=len(todo), replace_all=rebuild)
        report.added, report.changed, report.removed = len(changes.added), len(changes.changed), len(changes.removed)
        report.removed_ids = changes.removed
        report.indexed = index.doc_count()
        report.seconds = time.perf_counter() - start
        return report

    def resolve(self, path_or_id: str | Path) -> Path:
        """An article id (relative to the folder) or a file path, as a path to the file."""
        candidate = Path(path_or_id).expanduser()
        if not candidate.is_absolute() and not candidate.exists():
            candidate = self.root / candidate
        return candidate

    def load(self, path_or_id: str | Path) -> Article:
        path = self.resolve(path_or_id)
        root = self.root if _inside(path, self.root) else path.parent
        if not path.exists():
            raise ArticleError(path_or_id, "no such article file")
        return _articles.load(path, root)

    def search(self, text: str, limit: int | None = 50) -> SearchResult:
        return self.index.search(text, limit=limit)

    # ------------------------------------------------------------ analysis

    def cached_analysis(self, article: Article) -> Analysis | None:
        """The article's quotes and entities if they are cached, else None (nothing is analyzed)."""
        return self.cache.get(article)

    def analysis(self, article: Article) -> Analysis:
        """The article's quotes and entities: from the cache, else analyzed now and cached."""
        found = self.cache.get(article)
        if found is None:
            found = self.analyzer.analyze(article)
            self.cache.put_many([(article, found)])
        return found

    def unanalyzed(self, rows: list[ArticleRow] | None = None) -> list[ArticleRow]:
        """Indexed articles whose analysis is missing or was made by another analyzer."""
        fingerprint = self.analyzer.fingerprint
        rows = rows if rows is not None else self.rows()
        return [r for r in rows if r.analyzed != fingerprint]

    def analyze_all(self, progress: Progress | None = None,
                    on_rows: Callable[[list[ArticleRow]], None] | None = None,
                    cancel: Callable[[], bool] | None = None, n_process: int | None = None) -> AnalysisReport:
        """Analyze every indexed article not yet analyzed, through one `nlp.pipe`, and index the results.

        Cached analyses are reused. Results are written to the index, and passed to `on_rows`, a chunk
        at a time, so that `entity:` and `speaker:` searches and the list's counts fill in as it goes.
        """
        start = time.perf_counter()
        report = AnalysisReport()
        todo = self.unanalyzed()
        cache, fingerprint = self.cache, self.analyzer.fingerprint
        ready: list[Document] = []
        done = 0
        if progress and todo:
            progress(0, len(todo))  # loading spaCy takes a second or two: say at once that work has begun

        def flush(force: bool = False) -> None:
            nonlocal done
            if not ready or (len(ready) < ANALYSIS_CHUNK and not force):
                return
            batch = ready[:]
            ready.clear()
            with self._writing:
                self.index.write(batch, remove=[d.article.id for d in batch], expected=len(batch))
            done += len(batch)
            if on_rows:
                on_rows([ArticleRow.of(d) for d in batch])
            if progress:
                progress(done + len(report.skipped), len(todo))

        def uncached():
            for i in range(0, len(todo), ANALYSIS_CHUNK):
                loaded = []
                for row in todo[i:i + ANALYSIS_CHUNK]:
                    if cancel and cancel():
                        raise SyncCancelled("analysis cancelled")
                    try:
                        loaded.append(self._load_with_stat(row.id))
                    except ArticleError as exc:
                        report.skipped.append(Skipped(row.id, exc.reason))
                hits = cache.get_many([a for a, _ in loaded])
                for article, stat in loaded:
                    if article.content_hash in hits:
                        report.cached += 1
                        ready.append(self._document(article, *stat, hits[article.content_hash]))
                    else:
                        stats[article.id] = stat
                        yield article
                flush()

        stats: dict[str, tuple[int, int]] = {}
        procs = n_process or (2 if len(todo) >= ANALYSIS_PARALLEL_MIN and (os.cpu_count() or 1) > 1 else 1)
        fresh: list[tuple[Article, Analysis]] = []
        try:
            for article, analysis in self.analyzer.analyze_many(uncached(), n_process=procs):
                report.analyzed += 1
                report.words += article.words
                fresh.append((article, analysis))
                ready.append(Document(article, *stats.pop(article.id), analysis, fingerprint))
                if len(fresh) >= ANALYSIS_CHUNK:
                    cache.put_many(fresh)
                    fresh.clear()
                flush()
                if cancel and cancel():
                    raise SyncCancelled("analysis cancelled")
        finally:
            cache.put_many(fresh)  # even when stopped: what was analyzed is not analyzed again
        flush(force=True)
        report.notice = self.analyzer.notice
        report.seconds = time.perf_counter() - start
        return report

    def _document(self, article: Article, size: int, mtime_ns: int, analysis: Analysis | None) -> Document:
        return Document(article, size, mtime_ns, analysis, self.analyzer.fingerprint if analysis else "")

    def _load_with_stat(self, article_id: str) -> tuple[Article, tuple[int, int]]:
        path = self.root / article_id
        try:
            st = path.stat()
        except OSError:
            raise ArticleError(article_id, "the file is gone") from None
        return _articles.load(path, self.root), (st.st_size, st.st_mtime_ns)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _folder_key(root: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", root.name).strip("-")[:40] or "articles"
    return f"{slug}-{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"
