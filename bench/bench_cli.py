"""`press-reader search` on an unchanged library, start-up included, against references run the same way.

    python -m bench.bench_cli [N] [--runs R]     # N articles (default 10,000)

Times, as the median of R runs of a fresh process each: `python -c pass` (the interpreter's start-up),
a process that answers the same query from SQLite FTS5 over the same files, and `press-reader search`
after `press-reader index --no-analysis`. Prints each in ms, as ratios to both, beside the 200 ms target.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import corpus

TARGET_MS = 200
QUERY = "sponsor olympic"
FTS_SCRIPT = (
    "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
    'rows = db.execute(\'SELECT path, snippet(a, 1, "[", "]", "…", 12) FROM a WHERE a MATCH ? '
    "ORDER BY rank LIMIT 20', (sys.argv[2],)).fetchall(); print(len(rows))"
)


def timed(args: list[str], runs: int) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a user runs it
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)
        took.append((time.perf_counter() - start) * 1000)
    return statistics.median(took)


def fts_database(root: Path, path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE a USING fts5(path UNINDEXED, text)")
    files = sorted(p for p in root.rglob("*.txt"))
    db.executemany("INSERT INTO a VALUES (?, ?)", ((str(p), p.read_text(encoding="utf-8")) for p in files))
    db.commit()
    db.close()


def run(n: int, runs: int) -> dict:
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        root, data = Path(tmp) / "articles", Path(tmp) / "data"
        corpus.main([str(n), str(root)])
        where = ["--articles", str(root), "--data-dir", str(data)]
        subprocess.run([py, "-m", "reader", "index", "--no-analysis", *where], check=True, stdout=subprocess.DEVNULL)
        fts_database(root, Path(tmp) / "fts.sqlite")
        out = {
            "articles": n,
            "python_pass_ms": timed([py, "-c", "pass"], runs),
            "fts5_ms": timed([py, "-c", FTS_SCRIPT, str(Path(tmp) / "fts.sqlite"), "sponsor olympic"], runs),
            "search_ms": timed([py, "-m", "reader", "search", QUERY, *where], runs),
        }
    out["ratio_to_pass"] = out["search_ms"] / out["python_pass_ms"]
    out["ratio_to_fts5"] = out["search_ms"] / out["fts5_ms"]
    return out


def table(r: dict) -> str:
    mark = "✓" if r["search_ms"] <= TARGET_MS else "✗"
    return "\n".join(
        [
            f"press-reader search {QUERY!r}, {r['articles']:,} articles, unchanged (median, start-up included)",
            f"  python -c pass        {r['python_pass_ms']:7.0f} ms",
            f"  SQLite FTS5 process   {r['fts5_ms']:7.0f} ms",
            f"  press-reader search   {r['search_ms']:7.0f} ms  (target ≤ {TARGET_MS} ms {mark}; "
            f"×{r['ratio_to_pass']:.1f} python -c pass, ×{r['ratio_to_fts5']:.1f} FTS5)",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_cli", description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    print(table(run(args.n, args.runs)))


if __name__ == "__main__":
    main()
