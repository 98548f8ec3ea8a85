"""Every library-scale figure of the README's Performance table, in one run (about 45 minutes on 2 cores).

    python -m bench            # or: make bench
    python -m bench --quick    # small sizes, no bare spaCy: a check that it all runs

It runs, one after the other so that they do not share the cores:
1. bench.build_profile: where a first build's time goes (2,000 articles);
2. bench.bench_index: build, cold open, re-check, one change, search, SQLite FTS5 and stock Whoosh at 10,000
   and 50,000;
3. bench.bench_cli: `press-reader search` at 10,000 articles, start-up included, against an FTS5 process;
4. bench.bench_workers: a first launch (index and analysis) with 1, 2 and all available workers, 1,500 articles;
5. bench.bench_scale: the window at 10,000 articles (first launch with its UI stalls and memory, analysis
   against bare spaCy, a file changed while it runs, cold start, opening articles) and a 50,000-row list.
Each prints its own table; this prints the targets beside the measured values (the README's, then issue
23's with their ratios to SQLite FTS5 and stock Whoosh in the same run) and saves everything to
bench/results/all-DATE-TIME.json.
"""

from __future__ import annotations

import argparse
import sys

from bench import bench_cli, bench_index, bench_scale, bench_workers, build_profile
from bench.bench_index import machine, save_results


def targets(index: dict[int, dict], scale: dict) -> str:
    first, cold, opened, big = scale["first_launch"], scale["cold"], scale["open"], scale["list"]
    small = min(index)

    def ms(v):
        return "—" if v is None else f"{v:,.0f} ms"

    def s(v):
        return "—" if v is None else f"{v:,.1f} s"

    def mark(ok):
        return "✓" if ok else "✗"

    rows = [
        (
            "1",
            f"first launch, Whoosh pass for {small:,} articles",
            "≤ 15 s",
            f"{s(index[small].get('build_s'))} ({index[small].get('docs_per_s') or 0:,.0f} docs/s; FTS5 "
            f"{s(index[small]['fts5_build_s'])}, ×{index[small].get('fts5_ratio') or 0:.1f})",
            (index[small].get("build_s") or 99) <= 15,
        ),
        *(("2", label, goal, value, ok) for label, goal, value, _fts5, _stock, ok in bench_index.search_targets(index)),
        (
            "3",
            f"cold start to the full list, {scale['n']:,} articles",
            "≤ 1.5 s",
            s(cold["cold_start_s"]),
            cold["cold_start_s"] <= 1.5,
        ),
        (
            "3",
            "article files read / spaCy imported at a cold start",
            "0 / no",
            f"{cold['files_read_at_start']} / {'yes' if cold['spacy_imported_after_check'] else 'no'}",
            not cold["files_read_at_start"] and not cold["spacy_imported_after_check"],
        ),
        (
            "4",
            "open an article with every highlight, cached, p95",
            "≤ 100 ms",
            ms(opened["open_cached_p95_ms"]),
            opened["open_cached_p95_ms"] <= 100,
        ),
        (
            "4",
            "open an article not analyzed yet, p95",
            "≤ 150 ms",
            ms(opened["open_uncached_p95_ms"]),
            opened["open_uncached_p95_ms"] <= 150,
        ),
        (
            "5",
            "one changed file: written → found by a search (watcher, no rebuild)",
            "≤ 2 s",
            s(first["change_searchable_s"]),
            (first["change_searchable_s"] or 99) <= 2,
        ),
        (
            "6",
            "whole-library analysis, share of bare spaCy n_process=2",
            "≥ 80 %",
            f"{scale['analysis_ratio']:.0%}" if scale.get("analysis_ratio") else "—",
            (scale.get("analysis_ratio") or 0) >= 0.8,
        ),
        (
            "7",
            "peak memory, all processes (PSS), index + analysis",
            "≤ 600 MB",
            f"{first['peak_mb']:,.0f} MB",
            first["peak_mb"] <= 600,
        ),
        (
            "8",
            "longest UI-thread stall, indexing / analysis",
            "≤ 100 ms",
            f"{ms(first['stall_index_ms'])} / {ms(first['stall_analysis_ms'])}",
            first["stall_ms"] <= 100,
        ),
        (
            "9",
            f"sort {big['list_rows']:,} rows by any column, slowest",
            "≤ 200 ms",
            ms(big["sort_max_ms"]),
            big["sort_max_ms"] <= 200,
        ),
        (
            "9",
            f"scroll {big['list_rows']:,} rows, one step p95",
            "≤ 33 ms a frame",
            ms(big["scroll_p95_ms"]),
            big["scroll_p95_ms"] <= 33,
        ),
    ]
    lines = ["| # | target | goal | measured | |", "|---|---|---|---|---|"]
    lines += [f"| {n} | {label} | {goal} | {value} | {mark(ok)} |" for n, label, goal, value, ok in rows]
    return "\n".join(lines)


def issue_23(index: dict[int, dict], cli: dict, workers: dict) -> str:
    """Issue 23's figures beside their targets, in ms and as ratios to SQLite FTS5 and stock Whoosh (same run)."""
    stock_ms = cli.get("stock_whoosh_ms", cli.get("stock_ms"))
    rows = [
        *bench_index.search_targets(index),
        (
            f"`press-reader search`, unchanged library of {cli['articles']:,} articles, start-up included",
            f"≤ {bench_cli.TARGET_MS} ms",
            f"{cli['search_ms']:,.0f} ms (`python -c pass` {cli['python_pass_ms']:,.0f} ms)",
            f"×{cli['search_ms'] / cli['fts5_ms']:.1f}",
            f"×{cli['search_ms'] / stock_ms:.2f}" if stock_ms else "—",
            cli["search_ms"] <= bench_cli.TARGET_MS,
        ),
        *bench_workers.targets(workers),
    ]
    lines = ["| target | goal | measured | ×SQLite FTS5 | ×stock Whoosh | |", "|---|---|---|---|---|---|"]
    lines += [f"| {' | '.join(row[:5])} | {'✓' if row[5] else '✗'} |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, no bare spaCy: checks that it all runs")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    sizes, n, rows = ([2000, 10000], 2000, 10000) if args.quick else ([10000, 50000], 10000, 50000)
    cli_n, cli_runs, workers_n = (2000, 3, 300) if args.quick else (10000, 9, 1500)

    print("where a build's time goes …", file=sys.stderr, flush=True)
    profile = build_profile.run(args.seed)

    index = {}
    for size in sizes:
        print(f"index and search, N = {size:,} …", file=sys.stderr, flush=True)
        index[size] = bench_index.run_size(size, args.seed)
    print(bench_index.table(list(index.values())))

    print(f"press-reader search, N = {cli_n:,} …", file=sys.stderr, flush=True)
    cli = bench_cli.run(cli_n, cli_runs)
    print(bench_cli.table(cli))

    print(f"workers, N = {workers_n:,} …", file=sys.stderr, flush=True)
    workers = bench_workers.run(workers_n, args.seed)
    print(bench_workers.table(workers))

    print(f"the window at N = {n:,} …", file=sys.stderr, flush=True)
    scale = bench_scale.run(n, rows, args.seed, None, bare=not args.quick)
    print(bench_scale.table(scale))

    print()
    print(targets(index, scale))
    print()
    print(issue_23(index, cli, workers))
    save_results(
        "all",
        {
            "machine": machine(),
            "seed": args.seed,
            "profile": profile,
            "index": list(index.values()),
            "cli": cli,
            "workers": workers,
            "scale": scale,
        },
    )


if __name__ == "__main__":
    main()
