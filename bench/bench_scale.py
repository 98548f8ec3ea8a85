"""The app at library scale, measured through the real window (offscreen Qt), one process per stage.

    python -m bench.bench_scale                      # 10,000 articles, a 50,000-row list (about 20 minutes)
    python -m bench.bench_scale --articles 2000      # a quick run
    python -m bench.bench_scale --no-bare            # skip bare spaCy: no analysis ratio (saves ~10 minutes)

Stages, in order, on one synthetic corpus (bench/corpus.py):
- bare spaCy `nlp.pipe(n_process=2)` over the bodies, before and after the first launch (the reference
  for the analysis pass);
- first launch: the window on an empty data folder indexes, then analyzes, every article. A 10 ms
  QTimer on the UI thread measures the longest stall; this process samples the memory (PSS) of the app
  and every process it starts. Then one file is changed on disk and the time until a search finds the
  new text is taken (the folder watcher sees it; nothing is rebuilt);
- cold start: a new app process on the now complete data folder; the time from starting the process until
  the window lists every article, how many article files it read on the way (none should be), and
  whether spaCy was imported;
- opening articles: 40 random ones through the list, until the reading pane shows them with every
  highlight; with the analysis cached, then with the analysis cache emptied;
- the article list with 50,000 rows: sorting by each column (both orders) and scrolling.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import corpus
from bench.bench_index import machine, percentile, save_results
from bench.memory import TreeMemory

HEARTBEAT_MS = 10
OPEN_SAMPLES = 40
MARKER = "zanzibarquartz"  # a word no synthetic article has: the changed file's new text


# ---------------------------------------------------------------- in the app's process


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.ui.app import make_app

    return make_app([sys.argv[0]])


class Heartbeat:
    """A QTimer on the UI thread: the longest gap between its ticks is the longest stall."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest_ms = 0.0
        self.gaps: list[float] = []
        self.timer = QTimer(interval=HEARTBEAT_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000
        self.last = now
        self.gaps.append(gap)
        self.longest_ms = max(self.longest_ms, gap)

    def reset(self) -> float:
        longest, self.longest_ms, self.last = self.longest_ms, 0.0, time.perf_counter()
        return longest


def _wait(app, condition, timeout_s: float) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.002)
    return True


def first_launch(root: Path, data_dir: Path) -> dict:
    from reader.ui.main_window import MainWindow

    app = _app()
    events: dict = {}
    window = MainWindow(data_dir, root)
    window.resize(1280, 800)
    window.show()
    beat = Heartbeat()
    start = time.perf_counter()
    window.session.synced.connect(lambda report: events.setdefault("synced", (time.perf_counter(), report)))
    window.session.analysed.connect(lambda report: events.setdefault("analyzed", (time.perf_counter(), report)))
    window.session.analysed.connect(lambda report: events.__setitem__("analyses", events.get("analyses", 0) + 1))
    assert _wait(app, lambda: "synced" in events, 3600), "indexing did not finish"
    index_stall = beat.reset()
    assert _wait(app, lambda: "analyzed" in events, 7200), "analysis did not finish"
    analysis_stall = beat.reset()
    synced_at, sync_report = events["synced"]
    analyzed_at, analysis = events["analyzed"]
    out = {
        "n": sync_report.indexed,
        "index_s": synced_at - start,
        "analysis_s": analyzed_at - synced_at,
        "analysis_words": analysis.words,
        "analysis_spacy": analysis.analyzed,
        "stall_index_ms": index_stall,
        "stall_analysis_ms": analysis_stall,
        "stall_ms": max(index_stall, analysis_stall),
        "heartbeat_p99_ms": percentile(beat.gaps, 99) if len(beat.gaps) > 100 else None,
    }

    # one file changed while the app runs: the watcher sees it, one file is re-indexed, a search finds it
    _wait(app, lambda: False, 1.0)  # let the watcher settle on the finished library
    changed = sorted(root.rglob("*.txt"))[1]
    found: dict = {}
    window.browsing.search_finished.connect(
        lambda result: found.setdefault("at", time.perf_counter()) if result and result.total else None
    )
    window.session.synced.connect(lambda report: events.setdefault("resynced", (time.perf_counter(), report)))
    window.search_bar.set_text(MARKER)
    _wait(app, lambda: False, 0.5)
    found.clear()
    written = time.perf_counter()
    with changed.open("a", encoding="utf-8") as fh:
        fh.write(f"\n\nThe sponsor called the deal a {MARKER} moment for the club.\n")
    ok = _wait(app, lambda: "at" in found, 30)
    _wait(
        app, lambda: events["analyses"] > 1, 120
    )  # the changed article analyzed again: the next launch has nothing to do
    resynced_at, resync = events.get("resynced", (None, None))
    out.update(
        change_searchable_s=(found["at"] - written) if ok else None,
        change_synced_s=(resynced_at - written) if resynced_at else None,
        change_reindexed=resync.updated if resync else None,
        change_stall_ms=beat.reset(),
    )
    window.close()
    app.processEvents()
    return out


def cold_start(root: Path, data_dir: Path, started: float) -> dict:
    """Runs first thing in a new process: `started` is when the parent started it."""
    from reader.core import articles

    reads: list[str] = []
    original = articles.read_bytes

    def counting(path, *args, **kwargs):
        reads.append(str(path))
        return original(path, *args, **kwargs)

    articles.read_bytes = counting
    app = _app()
    from reader.ui.main_window import MainWindow

    n = sum(1 for _ in root.rglob("*.txt"))
    events: dict = {}
    window = MainWindow(data_dir, root)
    window.resize(1280, 800)
    window.show()
    window.session.synced.connect(lambda report: events.setdefault("synced", time.time()))
    window.session.analysed.connect(lambda report: events.setdefault("analyzed", time.time()))
    shown: set[str] = set()
    window.reading.article_shown.connect(shown.add)  # the first article is opened, and read, as the list fills
    assert _wait(app, lambda: window.model.rowCount() >= n and window.isVisible(), 120), "the list never filled"
    listed = time.time()
    spacy_at_list = "spacy" in sys.modules
    _wait(app, lambda: "analyzed" in events, 120)
    opened = {str(root / aid) for aid in shown}
    unopened = [p for p in reads if p not in opened]
    out = {
        "cold_start_s": listed - started,
        "files_read_at_start": len(unopened),
        "files_read": unopened[:5],
        "spacy_imported_at_list": spacy_at_list,
        "spacy_imported_after_check": "spacy" in sys.modules,
        "check_done_s": events["synced"] - started if "synced" in events else None,
    }
    window.close()
    return out


def open_articles(root: Path, data_dir: Path, seed: int) -> dict:
    from reader.ui.main_window import MainWindow

    app = _app()
    out: dict = {}
    for kind in ("cached", "uncached"):
        if kind == "uncached":  # the index still says analyzed, so no background pass competes
            for f in data_dir.glob("analysis.sqlite*"):
                f.unlink()
        window = MainWindow(data_dir, root)
        window.resize(1280, 800)
        window.show()
        synced: list = []
        window.session.analysed.connect(synced.append)  # after the check for changes, and any analysis
        assert _wait(app, lambda: bool(synced), 600)
        _wait(app, lambda: False, 0.5)
        ids = random.Random(f"open-{seed}-{kind}").sample(
            sorted(window.model.library_rows(), key=lambda r: r.id), OPEN_SAMPLES
        )
        shown: list[str] = []
        window.reading.settled.connect(shown.append)  # the view with its analysis, not the text before it
        times = []
        for row in [*ids, ids[0]]:  # the first is counted apart: it may load the spaCy model
            shown.clear()
            start = time.perf_counter()
            window.browsing.show_article(row.id)
            assert _wait(app, lambda: row.id in shown, 60), row.id
            app.processEvents()  # the pane paints
            times.append((time.perf_counter() - start) * 1000)
        first, times = times[0], times[1:]  # ...and the last is the first one again, now warm
        out[f"open_{kind}_first_ms"] = first
        out[f"open_{kind}_p50_ms"] = statistics.median(times)
        out[f"open_{kind}_p95_ms"] = percentile(times, 95)
        out[f"open_{kind}_max_ms"] = max(times)
        window.close()
        app.processEvents()
    return out


def big_list(rows: int) -> dict:
    from PySide6.QtCore import Qt

    from reader.core.model import ArticleRow
    from reader.ui.article_list import ArticleListView
    from reader.ui.article_model import COLUMNS, ArticleTableModel

    app = _app()
    rng = random.Random("list")
    sources = ["Reuters", "SportBusiness", "Inside the Games", "The Drum", "SportsPro"]
    data = [
        ArticleRow(
            f"{i % 50:02d}/{i:06d}.txt",
            " ".join(rng.choice(corpus.domain_terms()) for _ in range(6)),
            f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            rng.choice(sources),
            rng.randint(100, 2000),
            5000,
            i,
            f"{i:x}",
            rng.randint(0, 20),
            rng.randint(0, 40),
            "fp",
        )
        for i in range(rows)
    ]
    model = ArticleTableModel()
    view = ArticleListView()
    view.setModel(model)
    view.resize(700, 760)
    view.show()
    start = time.perf_counter()
    model.set_rows(data)
    app.processEvents()
    out: dict = {"list_rows": rows, "list_fill_ms": (time.perf_counter() - start) * 1000}
    sorts = {}
    for col, name in enumerate(COLUMNS):
        for order in (Qt.AscendingOrder, Qt.DescendingOrder):
            start = time.perf_counter()
            view.sortByColumn(col, order)  # as a header click does
            view.viewport().repaint()
            sorts[f"{name} {'asc' if order == Qt.AscendingOrder else 'desc'}"] = (time.perf_counter() - start) * 1000
    out["sort_ms"] = sorts
    out["sort_max_ms"] = max(sorts.values())
    bar = view.verticalScrollBar()
    steps = []
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 300)):
        start = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        steps.append((time.perf_counter() - start) * 1000)
    out["scroll_frames"] = len(steps)
    out["scroll_p95_ms"] = percentile(steps, 95)
    out["scroll_max_ms"] = max(steps)
    return out


# ---------------------------------------------------------------- the driver


def _quiet(idle: float = 0.9, timeout_s: float = 30.0) -> None:
    """Wait until the cores are idle (the last stage's processes gone), so that no stage times another's exit."""

    def busy_total():
        with open("/proc/stat") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        return sum(values) - values[3] - values[4], sum(values)  # all but idle and iowait

    if not os.path.exists("/proc/stat"):
        return
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        b0, t0 = busy_total()
        time.sleep(1.0)
        b1, t1 = busy_total()
        if t1 > t0 and 1 - (b1 - b0) / (t1 - t0) >= idle:
            return


def _child(stage: str, *args: str, memory: bool = False) -> dict:
    _quiet()
    cmd = [sys.executable, "-m", "bench.bench_scale", "--stage", stage, *args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if len(args) >= 3:  # the window's QSettings go to the run's own config folder
        env["XDG_CONFIG_HOME"] = args[2]
    started = time.time()
    proc = subprocess.Popen(
        [*cmd, repr(started)] if stage == "cold" else cmd, env=env, stdout=subprocess.PIPE, text=True
    )
    if memory:
        with TreeMemory(proc.pid, interval_s=0.25) as tree:
            stdout, _ = proc.communicate()
        result = {"peak_mb": tree.peak_mb, "peak_app_mb": tree.peak_self_mb, "peak_processes": tree.peak_processes}
    else:
        stdout, _ = proc.communicate()
        result = {}
    if proc.returncode:
        raise SystemExit(f"stage {stage} failed ({proc.returncode})")
    return {**result, **json.loads(stdout.strip().splitlines()[-1])}


def bare_spacy(root: Path) -> dict:
    """Bare spaCy, as the app would pick its model, over every body: words per second on both cores."""
    from bench.bench_analysis import bare_pipe
    from reader.core import articles as _articles
    from reader.core import scanning
    from reader.core.analysis.tagger import available_model

    model = available_model()
    if not model:
        return {}
    import spacy

    nlp = spacy.load(model, enable=["ner"])
    bodies = [_articles.load(f.path, root).body for f in scanning.scan(root).files]
    _, seconds = bare_pipe(nlp, bodies, 2)
    return {"bare_s": seconds, "bare_words": sum(len(b.split()) for b in bodies)}


def run(n: int, list_rows: int, seed: int, keep: Path | None, bare: bool) -> dict:
    tmp = keep or Path(tempfile.mkdtemp(prefix="press-scale-"))
    root, data_dir, config = tmp / "articles", tmp / "data", tmp / "config"
    try:
        if not root.exists():
            print(f"  generating {n:,} articles …", file=sys.stderr, flush=True)
            corpus.generate(n, root, seed)
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(config, ignore_errors=True)
        out: dict = {"n": n, "loadavg_start": os.getloadavg()}
        paths = (str(root), str(data_dir), str(config))
        if bare:
            print("  bare spaCy n_process=2 …", file=sys.stderr, flush=True)
            out["bare_before"] = _child("bare", *paths)
        print("  first launch: index and analysis in the window …", file=sys.stderr, flush=True)
        out["first_launch"] = _child("first", *paths, memory=True)
        if bare:
            print("  bare spaCy n_process=2 again …", file=sys.stderr, flush=True)
            out["bare_after"] = _child("bare", *paths)
        print("  cold start …", file=sys.stderr, flush=True)
        out["cold"] = _child("cold", *paths)
        print("  opening articles …", file=sys.stderr, flush=True)
        out["open"] = _child("open", *paths, str(seed))
        print(f"  a list of {list_rows:,} rows …", file=sys.stderr, flush=True)
        out["list"] = _child("list", str(list_rows))
        out["loadavg_end"] = os.getloadavg()
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    first = out["first_launch"]
    if bare and out["bare_before"]:
        bare_s = (out["bare_before"]["bare_s"] + out["bare_after"]["bare_s"]) / 2
        out["bare_wps"] = out["bare_before"]["bare_words"] / bare_s
        out["analysis_wps"] = first["analysis_words"] / first["analysis_s"]
        out["analysis_ratio"] = out["analysis_wps"] / out["bare_wps"]
    return out


def table(r: dict) -> str:
    first, cold, opened, big = r["first_launch"], r["cold"], r["open"], r["list"]

    def fmt(v, unit=""):
        if v is None:
            return "—"
        if isinstance(v, bool):
            return "yes" if v else "no"
        return f"{v:,.0f}{unit}" if abs(v) >= 100 else f"{v:.3g}{unit}"

    rows = [
        ("first launch: index pass, s", first["index_s"]),
        ("first launch: analysis pass, s", first["analysis_s"]),
        (
            "analysis words/s (app) / bare spaCy n_process=2",
            f"{fmt(r.get('analysis_wps'))} / {fmt(r.get('bare_wps'))}" if r.get("analysis_wps") else None,
        ),
        ("analysis throughput, share of bare spaCy", f"{r['analysis_ratio']:.0%}" if r.get("analysis_ratio") else None),
        ("longest UI stall while indexing, ms", first["stall_index_ms"]),
        ("longest UI stall while analyzing, ms", first["stall_analysis_ms"]),
        ("peak memory, all processes (PSS), MB", first["peak_mb"]),
        ("peak memory, app process (RSS), MB", first["peak_app_mb"]),
        ("changed file: written → searchable, s", first["change_searchable_s"]),
        ("cold start: process start → full list, s", cold["cold_start_s"]),
        ("cold start: article files read", cold["files_read_at_start"]),
        ("cold start: spaCy imported", cold["spacy_imported_after_check"]),
        ("open article, analysis cached, p95 ms", opened["open_cached_p95_ms"]),
        ("open article, not analyzed yet, p95 ms", opened["open_uncached_p95_ms"]),
        (f"list of {big['list_rows']:,} rows: slowest sort, ms", big["sort_max_ms"]),
        (f"list of {big['list_rows']:,} rows: scroll step p95, ms", big["scroll_p95_ms"]),
    ]
    lines = [f"| figure | N = {r['n']:,} |", "|---|---:|"]
    lines += [f"| {label} | {value if isinstance(value, str) else fmt(value)} |" for label, value in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_scale", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000, metavar="N")
    ap.add_argument("--list-rows", type=int, default=50000, metavar="ROWS")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, metavar="DIR", help="keep the corpus and data in DIR (reused if there)")
    ap.add_argument("--no-bare", dest="bare", action="store_false", help="skip bare spaCy (no analysis ratio)")
    ap.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stage:
        stage, *rest = args.stage
        if stage == "first":
            result = first_launch(Path(rest[0]), Path(rest[1]))
        elif stage == "cold":
            result = cold_start(Path(rest[0]), Path(rest[1]), float(rest[3]))
        elif stage == "open":
            result = open_articles(Path(rest[0]), Path(rest[1]), int(rest[3]))
        elif stage == "list":
            result = big_list(int(rest[0]))
        else:
            result = bare_spacy(Path(rest[0]))
        print(json.dumps(result))
        return
    result = run(args.articles, args.list_rows, args.seed, args.keep, args.bare)
    print(table(result))
    save_results("scale", {"machine": machine(), "seed": args.seed, "results": result})


if __name__ == "__main__":
    main()
