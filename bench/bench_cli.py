"""`press-reader search` on an unchanged library, start-up included, against references run the same way.

    python -m bench.bench_cli [N] [--runs R]     # N articles (default 10,000)
    python -m bench.bench_cli --profile          # and where one search's time goes: imports, then phases
    python -m bench.bench_cli --keep DIR         # keep the corpus, indexes and references for the next run

Times, as the median of R runs of a fresh process each: `python -c pass` (the interpreter's start-up),
a process that answers the same query from SQLite FTS5 over the same files, one that answers it with stock
Whoosh (its own schema and codec, `search(q, limit=20)` and a highlighted body for each hit) and
`press-reader search` after `press-reader index --no-analysis`. Prints each in ms, and ours as ratios to the
three, beside the 200 ms target. The references check no folder; `press-reader search` checks it first.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench import corpus

TARGET_MS = 200
QUERY = "sponsor olympic"
FTS_SCRIPT = (
    "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
    'rows = db.execute(\'SELECT path, snippet(a, 1, "[", "]", "…", 12) FROM a WHERE a MATCH ? '
    "ORDER BY rank LIMIT 20', (sys.argv[2],)).fetchall(); print(len(rows))"
)
STOCK_SCRIPT = (
    "import sys; from whoosh import index, qparser; ix = index.open_dir(sys.argv[1]); "
    "parser = qparser.MultifieldParser(['title', 'body', 'captions'], ix.schema)\n"
    "with ix.searcher() as s:\n"
    "    hits = s.search(parser.parse(sys.argv[2]), limit=20)\n"
    "    print(len(hits)); print('\\n'.join(f\"{h['id']} {h.highlights('body')}\" for h in hits))"
)
# where one search's time goes, timed in one process as `press-reader search` runs (`--profile`)
PHASES_SCRIPT = """
import gc, os, sys, time
gc.disable()  # as `press-reader search` runs, and with one OpenBLAS thread
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
marks = [("", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
from pathlib import Path
from reader.core import cli, paths
mark("import the command line")
cli._import_whoosh_lean()  # as `press-reader search` imports Whoosh
from reader.core.library import Library
mark("import the library and the index (Whoosh)")
library = Library(Path(sys.argv[1]), paths.data_dir(sys.argv[2]))
_ = library.read_only, library.index
mark("open the index")
from reader.core import scanning
found = scanning.scan(library.root)
mark("list and stat the folder (the scan alone)")
report = library.sync()
mark("folder check (sync: the scan again, compared, nothing to write)")
import numpy
mark("import NumPy (the ranking's)")
result = library.search(sys.argv[3], limit=20)
mark("first search, top 20 with snippets")
result = library.search(sys.argv[3], limit=20)
mark("the same search again (less what the first paid once)")
print("\\t".join(f"{name}\\t{(t - marks[i][1]) * 1000:.1f}" for i, (name, t) in enumerate(marks[1:])), file=sys.stderr)
"""
OWN_PACKAGES = ("reader", "whoosh", "numpy")


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


def prepare(n: int, where: Path) -> dict[str, Path]:
    """The corpus, our index, the FTS5 database and the stock Whoosh index in `where` (kept ones reused)."""
    from bench.bench_index import stock_whoosh_reference

    paths = {
        "root": where / "articles",
        "data": where / "data",
        "fts": where / "fts.sqlite",
        "stock": where / "stock",
    }
    if not paths["root"].is_dir():
        corpus.main([str(n), str(paths["root"])])
    where = ["--articles", str(paths["root"]), "--data-dir", str(paths["data"])]
    subprocess.run(
        [sys.executable, "-m", "reader", "index", "--no-analysis", *where], check=True, stdout=subprocess.DEVNULL
    )
    if not paths["fts"].exists():
        fts_database(paths["root"], paths["fts"])
    stock_whoosh_reference(paths["root"], paths["stock"], [QUERY, QUERY])  # builds it, unless kept
    return paths


def run(n: int, runs: int, keep: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        return measure(prepare(n, keep or Path(tmp)), n, runs)


def measure(paths: dict[str, Path], n: int, runs: int) -> dict:
    py = sys.executable
    where = ["--articles", str(paths["root"]), "--data-dir", str(paths["data"])]
    out = {
        "articles": n,
        "python_pass_ms": timed([py, "-c", "pass"], runs),
        "fts5_ms": timed([py, "-c", FTS_SCRIPT, str(paths["fts"]), QUERY], runs),
        "stock_whoosh_ms": timed([py, "-c", STOCK_SCRIPT, str(paths["stock"]), QUERY], runs),
        "search_ms": timed([py, "-m", "reader", "search", QUERY, *where], runs),
    }
    out["ratio_to_pass"] = out["search_ms"] / out["python_pass_ms"]
    out["ratio_to_fts5"] = out["search_ms"] / out["fts5_ms"]
    out["ratio_to_stock_whoosh"] = out["search_ms"] / out["stock_whoosh_ms"]
    return out


def table(r: dict) -> str:
    mark = "✓" if r["search_ms"] <= TARGET_MS else "✗"
    return "\n".join(
        [
            f"press-reader search {QUERY!r}, {r['articles']:,} articles, unchanged (median, start-up included)",
            f"  python -c pass        {r['python_pass_ms']:7.0f} ms",
            f"  SQLite FTS5 process   {r['fts5_ms']:7.0f} ms",
            f"  stock Whoosh process  {r['stock_whoosh_ms']:7.0f} ms",
            f"  press-reader search   {r['search_ms']:7.0f} ms  (target ≤ {TARGET_MS} ms {mark}; "
            f"×{r['ratio_to_pass']:.1f} python -c pass, ×{r['ratio_to_fts5']:.1f} FTS5, "
            f"×{r['ratio_to_stock_whoosh']:.2f} stock Whoosh)",
        ]
    )


def profile(paths: dict[str, Path], n: int, runs: int) -> str:
    """Where `press-reader search`'s time goes: `-X importtime` by package, then its phases in one process
    (the median of each over `runs` fresh processes)."""
    where = ["--articles", str(paths["root"]), "--data-dir", str(paths["data"])]
    command = [sys.executable, "-X", "importtime", "-m", "reader", "search", QUERY, *where]
    imports = [_imports(command) for _ in range(runs)]
    phases = [_phases(paths["root"], paths["data"]) for _ in range(runs)]
    lines = [f"imports of one `press-reader search`, {n:,} articles: self time by the package that asked, ms"]
    by_package = {name: statistics.median(run.get(name, 0.0) for run in imports) for name in imports[0]}
    for name, ms in sorted(by_package.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {name:<40} {ms:7.1f}")
    lines.append(f"phases of a search in one process, median of {runs}, ms")
    for name in phases[0]:
        lines.append(f"  {name:<64} {statistics.median(run[name] for run in phases):7.1f}")
    return "\n".join(lines)


def _imports(cmd: list[str]) -> dict[str, float]:
    """Each import's own time, counted to the nearest of `OWN_PACKAGES` that imported it (or is it), else to
    the interpreter's start-up (`site` and what it imports) or to the rest."""
    err = subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    by_package: dict[str, float] = defaultdict(float)
    found = re.findall(r"import time:\s+(\d+) \|\s+\d+ \|( *)(\S+)", err)
    # importtime prints a module after those it imported, each indented one more: read it backwards
    owners: list[str] = []  # the owner at each depth, outermost first
    for own_us, indent, name in reversed(found):
        depth = len(indent) // 2
        del owners[depth:]
        top = name.split(".")[0]
        outer = owners[-1] if owners else None
        owner = top if top in OWN_PACKAGES else outer or ("start-up" if name == "site" else "(others)")
        if outer in OWN_PACKAGES and top not in OWN_PACKAGES:
            owner = outer
        owners.append(owner)
        by_package[owner + (" (and what it imports)" if owner in OWN_PACKAGES else "")] += int(own_us) / 1000
    return by_package


def _phases(root: Path, data: Path) -> dict[str, float]:
    cmd = [sys.executable, "-c", PHASES_SCRIPT, str(root), str(data), QUERY]
    err = subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    fields = err.strip().splitlines()[-1].split("\t")
    return {name: float(ms) for name, ms in zip(fields[::2], fields[1::2])}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_cli", description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--profile", action="store_true", help="also show where one search's time goes")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR, and reuse what an earlier run left")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare(args.n, args.keep or Path(tmp))
        print(table(measure(paths, args.n, args.runs)))
        if args.profile:
            print(profile(paths, args.n, args.runs))


if __name__ == "__main__":
    main()
