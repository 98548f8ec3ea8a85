"""Index and search benchmark for reader.core.library.Library over synthetic corpora.

    python -m bench.bench_index                 # N = 10000 and 50000
    python -m bench.bench_index --sizes 1000    # a quick run
    python -m bench.bench_index --profile       # where a build's time goes, on 2,000 articles

For each size the corpus is generated in a temporary folder (timed apart), then one fresh
subprocess builds and searches the index, so peak memory is per size. Prints a markdown table
and writes the figures as JSON to bench/results/. See bench/README.md for what each one means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench import corpus

RESULTS_DIR = Path(__file__).resolve().parent / "results"
QUERY_COUNT = 200
SPECIAL_QUERIES = [
    '"Olympic Games"',
    '"sponsorship deal"',
    "olympi*",
    "spons*",
    "partner*",
    "sponsor OR FIFA",
    "Olympic NOT Tokyo",
    "title:sponsor",
]
ROWS = [  # (key, label) in table order
    ("generate_s", "corpus generation, s (excluded)"),
    ("build_s", "first build, s"),
    ("docs_per_s", "first build, docs/s"),
    ("fts5_build_s", "SQLite FTS5 build of the same articles, s"),
    ("fts5_ratio", "Whoosh build time / FTS5 build time"),
    ("build_peak_mb", "first build, peak memory of all processes (PSS), MB"),
    ("reopen_rows_s", "cold start: open + rows(), s"),
    ("resync_s", "cold start: no-change sync(), s"),
    ("one_change_s", "one changed file sync(), s"),
    ("first_query_ms", "first search, ms"),
    ("search_p50_ms", "2-word search p50, ms"),
    ("search_p95_ms", "2-word search p95, ms"),
    ("search_max_ms", "2-word search max, ms"),
    ("special_max_ms", "phrase/wildcard/boolean max, ms"),
    ("median_hits", "2-word search median total hits"),
    ("fts5_search_p95_ms", "FTS5 2-word search with 20 snippets p95, ms"),
    ("peak_rss_mb", "peak RSS, this process, MB"),
    ("peak_rss_children_mb", "peak RSS, largest writer process, MB"),
    ("index_mb", "index on disk, MB"),
    ("segments", "index segments"),
]


def two_word_queries(seed: int = 0, count: int = QUERY_COUNT) -> list[str]:
    """Deterministic queries: Zipf-drawn content words, a quarter paired with a sponsorship term."""
    from reader.core.index.analysis import ANALYZER

    rng = random.Random(f"queries-{seed}")
    content = [w for w in corpus.vocabulary(seed) if list(ANALYZER(w))]  # no stop words
    single = [t for t in corpus.domain_terms() if t.isalpha()]
    out = []
    for i in range(count):
        a, b = corpus.zipf(rng, content, 2)
        if i % 4 == 0:
            a = corpus.zipf(rng, single)[0]
        out.append(f"{a} {b}")
    return out


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def measure(root: Path, data_dir: Path, seed: int) -> dict:
    """Build, re-sync and search the index of `root`; runs in its own process."""
    from bench.memory import TreeMemory
    from reader.core.library import Library

    n = sum(1 for _ in root.rglob("*.txt"))
    lib = Library(root, data_dir)
    with TreeMemory() as memory:
        report, build_s = timed(lib.sync)
    assert report.indexed == n, f"indexed {report.indexed} of {n} articles"
    lib.close()
    fts5 = fts5_reference(root, data_dir / "fts5.sqlite", two_word_queries(seed))

    lib = Library(root, data_dir)  # a later launch: the list first, then the check for changes
    rows, reopen_rows_s = timed(lib.rows)
    report, resync_s = timed(lib.sync, known=rows)
    assert report.updated == 0 and report.indexed == n, report

    changed = min(root.rglob("*.txt"))
    with changed.open("a", encoding="utf-8") as fh:
        fh.write("\nThe sponsor renewed the partnership for another four years.\n")
    report, one_change_s = timed(lib.sync)
    assert report.changed == 1 and report.indexed == n, report

    queries = two_word_queries(seed)
    _first, first_s = timed(lib.search, queries[0], limit=20)
    latencies, totals = [], []
    for q in queries:
        result, seconds = timed(lib.search, q, limit=20)
        latencies.append(seconds * 1000)
        totals.append(result.total)
    special = {q: timed(lib.search, q, limit=20)[1] * 1000 for q in SPECIAL_QUERIES}
    with lib.index._ix.reader() as reader:  # a peek inside, for context only
        segments = len(reader.leaf_readers())
    lib.close()

    return {
        "n": n,
        "build_s": build_s,
        "docs_per_s": n / build_s,
        "reopen_rows_s": reopen_rows_s,
        "resync_s": resync_s,
        "one_change_s": one_change_s,
        "first_query_ms": first_s * 1000,
        "search_p50_ms": percentile(latencies, 50),
        "search_p95_ms": percentile(latencies, 95),
        "search_max_ms": max(latencies),
        "special_max_ms": max(special.values()),
        "special_ms": special,
        "queries": len(queries),
        "queries_with_hits": sum(1 for t in totals if t),
        "median_hits": statistics.median(totals),
        "peak_rss_mb": _maxrss_mb(resource.RUSAGE_SELF),
        "peak_rss_children_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
        "index_mb": sum(f.stat().st_size for f in (data_dir / "index").rglob("*") if f.is_file()) / 2**20,
        "segments": segments,
        "build_peak_mb": memory.peak_mb,
        **fts5,
        "fts5_ratio": build_s / fts5["fts5_build_s"],
    }


def fts5_reference(root: Path, db: Path, queries: list[str]) -> dict:
    """The reference floor: the same articles, parsed the same way, into SQLite FTS5 (porter tokenizer)."""
    import sqlite3

    from reader.core import articles as _articles
    from reader.core import scanning

    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE a USING fts5(id UNINDEXED, title, body, captions, tokenize='porter unicode61')")
    with con:
        for f in scanning.scan(root).files:
            article = _articles.load(f.path, root)
            con.execute(
                "INSERT INTO a VALUES (?, ?, ?, ?)",
                (article.id, article.title, article.body, "\n".join(c.text for c in article.captions)),
            )
    build_s = time.perf_counter() - start
    latencies = []
    for q in queries:
        match = " AND ".join(f'"{w}"' for w in q.split())
        t0 = time.perf_counter()
        con.execute("SELECT count(*) FROM a WHERE a MATCH ?", (match,)).fetchone()
        con.execute(
            "SELECT id, snippet(a, 2, '[', ']', '…', 30) FROM a WHERE a MATCH ? ORDER BY rank LIMIT 20", (match,)
        ).fetchall()
        latencies.append((time.perf_counter() - t0) * 1000)
    con.close()
    return {
        "fts5_build_s": build_s,
        "fts5_search_p95_ms": percentile(latencies, 95),
        "fts5_db_mb": db.stat().st_size / 2**20,
    }


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def run_size(n: int, seed: int) -> dict:
    """Generate a corpus of n articles, then measure it in a fresh subprocess."""
    with tempfile.TemporaryDirectory(prefix=f"press-bench-{n}-") as tmp:
        root, data_dir = Path(tmp) / "articles", Path(tmp) / "data"
        _, generate_s = timed(corpus.generate, n, root, seed)
        cmd = [sys.executable, "-m", "bench.bench_index", "--measure", str(root), str(data_dir), "--seed", str(seed)]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    return {"generate_s": generate_s, **json.loads(out)}


def table(results: list[dict]) -> str:
    lines = ["| figure | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |", "|---|" + "---:|" * len(results)]
    for key, label in ROWS:
        lines.append(f"| {label} | " + " | ".join(_fmt(r[key]) for r in results) + " |")
    return "\n".join(lines)


def _fmt(value) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def save_results(kind: str, payload: dict) -> None:
    """Write `payload` to bench/results/KIND-DATE-TIME.json and say where."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(payload, indent=2))
    print(f"\nwritten to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "whoosh": version("Whoosh-Reloaded"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_index", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000], help="corpus sizes (default 10000 50000)")
    ap.add_argument("--profile", action="store_true", help="where a build's time goes, on 2,000 articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--measure", nargs=2, type=Path, metavar=("ROOT", "DATA_DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(*args.measure, args.seed)))
        return
    if args.profile:
        from bench.build_profile import main as profile_main

        profile_main(args.seed)
        return
    results = []
    for n in args.sizes:
        print(f"N = {n:,} …", file=sys.stderr, flush=True)
        results.append(run_size(n, args.seed))
    print(table(results))
    save_results("index", {"machine": machine(), "seed": args.seed, "results": results})


if __name__ == "__main__":
    main()
