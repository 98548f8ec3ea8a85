"""Coverage figures at library scale, from cached facts (issue 20's targets), in one process.

    python -m bench.bench_coverage                    # 10,000 and 50,000 articles (about 2 minutes)
    python -m bench.bench_coverage --sizes 2000       # a quick run

The facts are real: 1,000 synthetic articles (bench/corpus.py) are parsed and given their facts by
`coverage.facts.facts_of` (capitalised runs only: no spaCy, whose entities would add a few forms); then N
analysed articles are written straight into an analysis cache's facts tables, article i with the facts of
prototype i mod 1,000, so that 50,000 need not be analysed (hours on 2 cores). Their rows have dates over
two years, five outlets, and one article in twenty is a syndicated copy of the one before in another outlet.
The watchlist is the built-in sponsors (270 names with their aliases) plus one property.

Timed, with the cache file in the page cache and a new `AnalysisCache` per size:
- first: reading the watchlist's facts from SQLite (`AnalysisCache.facts`) and `figures.compute` over the
  whole library, as `Library.coverage` does once the UI has its rows (the CLI reads them from the index too);
- scope change: `compute` again over the facts in memory, with a date range and periods by week, then per
  outlet (the slower of the two);
- reference, in the same run: fetching every row of the facts_name table in one SELECT (what loading all the
  facts would cost), against which the first figure is a ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench import corpus
from bench.bench_index import machine, save_results
from reader.core import articles
from reader.core.analysis import Analysis
from reader.core.analysis.cache import AnalysisCache
from reader.core.coverage import store
from reader.core.coverage.facts import ArticleFacts, facts_of
from reader.core.coverage.figures import compute
from reader.core.coverage.matching import keys_of
from reader.core.coverage.values import Scope
from reader.core.coverage.watchlist import PROPERTY, Watched, Watchlist
from reader.core.model import ArticleRow

PROTOTYPES = 1000
FINGERPRINT = "bench"
OUTLETS = ("Daily Post", "Evening Star", "Metro", "Wire News", "The Courier")
ROUNDS = 5


def prototypes(folder: Path) -> tuple[list[ArticleFacts], float]:
    """The facts of PROTOTYPES corpus articles, and the milliseconds facts_of took per article."""
    paths = corpus.generate(PROTOTYPES, folder)
    loaded = [articles.load(p, folder) for p in paths]
    start = time.perf_counter()
    facts = [facts_of(a, Analysis()) for a in loaded]
    return facts, (time.perf_counter() - start) * 1000 / len(loaded)


def fill(path: Path, n: int, facts: list[ArticleFacts]) -> tuple[list[ArticleRow], float]:
    """n analysed articles' facts in a new cache file, and their rows; returns the rows and seconds taken."""
    start = time.perf_counter()
    cache = AnalysisCache(path, FINGERPRINT)
    db = cache._db
    store.write(db, cache.facts_fingerprint, ((f"h{i}", facts[i % len(facts)]) for i in range(n)))
    db.commit()
    cache.close()
    rng = random.Random(n)
    rows, first = [], dt.date(2025, 1, 1)
    for i in range(n):
        copy = i % 20 == 19
        date = first + dt.timedelta(days=rng.randrange(730))
        rows.append(
            ArticleRow(
                f"{OUTLETS[i % 5]}/{i:06d}.txt",
                f"Article {i}",
                date.isoformat(),
                OUTLETS[(i + copy) % 5],
                600,
                4000,
                0,
                f"h{i}",
                3,
                10,
                FINGERPRINT,
                f"f{i - 1 if copy else i}",
            )
        )
    return rows, time.perf_counter() - start


def watchlist() -> Watchlist:
    built_in = Watchlist.built_in()
    built_in.add(Watched("Northbank Arena", PROPERTY, ("City Stadium",), "Northbank"))
    return built_in


def measure(n: int, workdir: Path, facts: list[ArticleFacts]) -> dict:
    path = workdir / f"analysis-{n}.sqlite"
    rows, fill_s = fill(path, n, facts)
    wl = watchlist()
    firsts, changes, references = [], [], []
    for _ in range(ROUNDS):
        cache = AnalysisCache(path, FINGERPRINT)
        start = time.perf_counter()
        stored = cache.facts(keys_of(wl))
        coverage = compute(rows, stored, wl)
        firsts.append(time.perf_counter() - start)
        slowest = 0.0
        for scope, by, per_outlet in ((Scope("2025-03-01", "2025-09-30"), "week", False), (Scope(), "month", True)):
            start = time.perf_counter()
            compute(rows, stored, wl, scope, by, per_outlet)
            slowest = max(slowest, time.perf_counter() - start)
        changes.append(slowest)
        cache.close()
        references.append(_reference(path))
    first, reference = statistics.median(firsts), statistics.median(references)
    return {
        "articles": n,
        "fill_s": fill_s,
        "db_mb": path.stat().st_size / 1e6,
        "first_ms": first * 1000,
        "scope_change_ms": statistics.median(changes) * 1000,
        "reference_ms": reference * 1000,
        "ratio": first / reference,
        "names_found": sum(1 for name in coverage.names if name.articles),
    }


def _reference(path: Path) -> float:
    db = sqlite3.connect(path)
    start = time.perf_counter()
    db.execute("SELECT form, article, mentions, place FROM facts_name").fetchall()
    took = time.perf_counter() - start
    db.close()
    return took


def table(results: list[dict], facts_ms: float) -> str:
    lines = [
        f"facts_of: {facts_ms:.2f} ms per article (added to each article's analysis)",
        "",
        "| articles | first coverage | scope change | all facts rows (ref.) | first / ref. | cache file | fill |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['articles']:,} | {r['first_ms']:,.0f} ms | {r['scope_change_ms']:,.0f} ms | "
            f"{r['reference_ms']:,.0f} ms | ×{r['ratio']:.2f} | {r['db_mb']:,.0f} MB | {r['fill_s']:,.1f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_coverage", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000], help="library sizes (default 10000 50000)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-coverage-") as tmp:
        facts, facts_ms = prototypes(Path(tmp) / "corpus")
        results = [measure(n, Path(tmp), facts) for n in args.sizes]
    print(table(results, facts_ms))
    save_results("coverage", {"machine": machine(), "facts_ms": facts_ms, "results": results})


if __name__ == "__main__":
    main()
