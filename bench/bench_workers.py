"""First-launch throughput with 1, 2 and all available workers: the index build and the analysis pass.

    python -m bench.bench_workers                   # 1,500 articles (about 6 minutes on 2 cores)
    python -m bench.bench_workers --articles 300    # a quick run

One synthetic corpus; then, for each number of workers, a fresh process with PRESS_READER_WORKERS set to it
builds the index on a new data folder (`Library.sync()`: the index writer processes) and analyses every
article (`analyze_all()`: the spaCy workers), as a first launch does, while the peak memory (PSS) of it and
every process it starts is sampled. "all" is what reader/core/workers.py picks on this machine (the cores and
the memory); 2 is the fixed number every machine had before. Prints a markdown table and writes the figures
to bench/results/workers-DATE-TIME.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import corpus
from bench.bench_index import _in_own_process, fts5_reference, machine, save_results, timed, two_word_queries
from reader.core.workers import EXTRA_WORKER_MB, FIRST_WORKER_MB, WORKERS_ENV, worker_count

ROWS = [  # (key, label) in table order
    ("build_s", "index build, s"),
    ("docs_per_s", "index build, docs/s"),
    ("analysis_s", "analysis pass, s"),
    ("words_per_s", "analysis pass, body words/s"),
    ("build_vs_fts5", "index build time / SQLite FTS5's (one core)"),
    ("build_vs_stock", "index build time / stock Whoosh's (one writer)"),
    ("peak_mb", "peak memory, all processes (PSS), MB"),
    ("ceiling_mb", "ceiling: 600 MB + 180 MB per extra worker, MB"),
]


def ceiling_mb(workers: int) -> int:
    return FIRST_WORKER_MB + EXTRA_WORKER_MB * (workers - 1)


def rule_workers() -> int:
    """What reader/core/workers.py picks on this machine, whatever PRESS_READER_WORKERS says."""
    saved = os.environ.pop(WORKERS_ENV, None)
    try:
        return worker_count()
    finally:
        if saved is not None:
            os.environ[WORKERS_ENV] = saved


def settings() -> list[tuple[str, int]]:
    """(name, workers): 1, the fixed 2 of before, and what the rule picks here (not run twice when it is 2)."""
    chosen = rule_workers()
    named = [("1", 1), ("2", 2)]
    if chosen not in (1, 2):
        named.append((f"all ({chosen})", chosen))
    return named


def measure(root: Path, data_dir: Path) -> dict:
    """A first launch on `root` with the workers PRESS_READER_WORKERS sets: runs in its own process."""
    from bench.memory import TreeMemory
    from reader.core.analysis.tagger import available_model
    from reader.core.library import Library

    n = sum(1 for _ in root.rglob("*.txt"))
    lib = Library(root, data_dir)
    out: dict = {"n": n, "workers": worker_count()}
    with TreeMemory() as memory:
        report, out["build_s"] = timed(lib.sync)
        assert report.indexed == n, f"indexed {report.indexed} of {n} articles"
        if available_model():
            analysed, out["analysis_s"] = timed(lib.analyze_all)
            assert analysed.analyzed == n, analysed
            out["words"] = analysed.words
            out["words_per_s"] = analysed.words / out["analysis_s"]
    lib.close()
    out["docs_per_s"] = n / out["build_s"]
    out["peak_mb"] = memory.peak_mb
    out["peak_processes"] = memory.peak_processes
    return out


def run(n: int, seed: int = 0) -> dict:
    """The corpus, then each setting of `settings()` in a process of its own, on a new data folder each."""
    with tempfile.TemporaryDirectory(prefix=f"press-workers-{n}-") as tmp:
        root = Path(tmp) / "articles"
        _, generate_s = timed(corpus.generate, n, root, seed)
        # the references' builds of the same files: SQLite FTS5 on one core, stock Whoosh with one writer
        fts5 = fts5_reference(root, Path(tmp) / "fts5.sqlite", two_word_queries(seed, 5))
        stock = _in_own_process("--stock", root, Path(tmp) / "stock", seed)
        runs = {}
        for name, workers in settings():
            print(f"  {workers} worker{'s' if workers > 1 else ''} …", file=sys.stderr, flush=True)
            env = {**os.environ, WORKERS_ENV: str(workers)}
            cmd = [sys.executable, "-m", "bench.bench_workers", "--measure", str(root), str(Path(tmp) / f"data-{name}")]
            out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=env).stdout
            one = json.loads(out)
            runs[name] = {
                **one,
                "ceiling_mb": ceiling_mb(workers),
                "build_vs_fts5": one["build_s"] / fts5["fts5_build_s"],
                "build_vs_stock": one["build_s"] / stock["stock_build_s"],
            }
    chosen = rule_workers()
    return {
        "n": n,
        "generate_s": generate_s,
        "all": chosen,
        "fts5_build_s": fts5["fts5_build_s"],
        "stock_build_s": stock["stock_build_s"],
        "runs": runs,
        **_verdict(runs, chosen),
    }


def _verdict(runs: dict, chosen: int) -> dict:
    """Whether the rule's number is no slower than the fixed 2 of before, and every setting within its ceiling."""
    rule = next((r for name, r in runs.items() if name.startswith("all")), runs.get(str(chosen)))
    two = runs["2"]
    ratio = {
        key: rule[key] / two[key] if rule and rule.get(key) and two.get(key) else None
        for key in ("docs_per_s", "words_per_s")
    }
    return {
        "rule_vs_two": ratio,
        "rule_is_two": chosen == 2,
        "within_ceiling": all(r["peak_mb"] <= r["ceiling_mb"] for r in runs.values()),
    }


def table(result: dict) -> str:
    runs = result["runs"]
    lines = [
        f"N = {result['n']:,} articles; the rule picks {result['all']} worker{'s' if result['all'] > 1 else ''} here",
        "",
        "| figure | " + " | ".join(f"{name} worker{'s' if name != '1' else ''}" for name in runs) + " |",
        "|---|" + "---:|" * len(runs),
    ]
    for key, label in ROWS:
        lines.append(f"| {label} | " + " | ".join(_fmt(r.get(key)) for r in runs.values()) + " |")
    lines += ["", statement(result)]
    return "\n".join(lines)


def statement(result: dict) -> str:
    """One line: is the rule no slower than the fixed 2 of before, and within the memory ceiling?"""
    ceiling = "within" if result["within_ceiling"] else "NOT within"
    if result["rule_is_two"]:
        return f"The rule picks 2 here, the fixed 2 of before: the same code path, no slower; every run {ceiling} its ceiling."
    ratio = result["rule_vs_two"]
    parts = [
        f"{what} ×{ratio[key]:.2f}"
        for key, what in (("docs_per_s", "index"), ("words_per_s", "analysis"))
        if ratio[key]
    ]
    return f"The rule's {result['all']} workers against the fixed 2 of before: {', '.join(parts)}; every run {ceiling} its ceiling."


def targets(result: dict) -> list[tuple[str, str, str, str, str, bool]]:
    """Issue 23 item 2 as (target, goal, measured, ×SQLite FTS5, ×stock Whoosh, met) rows for `python -m bench`:
    the ratios are of the index build's time to the references' builds of the same files in the same run."""
    runs, rows = result["runs"], []
    for name, r in runs.items():
        words = f", analysis {r['words_per_s']:,.0f} words/s" if r.get("words_per_s") else ""
        rows.append(
            (
                f"first launch with {name} worker{'s' if name != '1' else ''}, {result['n']:,} articles",
                f"PSS ≤ {r['ceiling_mb']:,} MB",
                f"index {r['docs_per_s']:,.0f} docs/s{words}; {r['peak_mb']:,.0f} MB",
                *(
                    f"×{r['build_s'] / result[key]:.1f}" if result.get(key) else "—"
                    for key in ("fts5_build_s", "stock_build_s")
                ),
                r["peak_mb"] <= r["ceiling_mb"],
            )
        )
    ratio = result["rule_vs_two"]
    rows.append(
        (
            f"the rule's {result['all']} workers against the fixed 2 of before",
            "no slower",
            "the same (it picks 2 here)"
            if result["rule_is_two"]
            else f"index ×{ratio['docs_per_s'] or 0:.2f}, analysis ×{ratio['words_per_s'] or 0:.2f} the speed",
            "—",
            "—",
            result["rule_is_two"] or all((v or 0) >= 0.95 for v in ratio.values()),
        )
    )
    return rows


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_workers", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1500, help="corpus size (default 1500)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--measure", nargs=2, type=Path, metavar=("ROOT", "DATA_DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    start = time.perf_counter()
    result = run(args.articles, args.seed)
    print(table(result))
    print(f"\n({time.perf_counter() - start:,.0f} s in all)")
    save_results("workers", {"machine": machine(), "seed": args.seed, **result})


if __name__ == "__main__":
    main()
