"""The indexer killed with SIGKILL anywhere in a first build: the next launch shows every article, every bookmark.

The indexer is `press-reader index` (index, then analysis), run as a subprocess over a library big enough
for the multiprocess writer, in a data dir that already holds bookmarks. For a kill at a known point the
command runs under a small driver that stops it there (it says so on stdout and sleeps until killed);
a few more kills hit the unmodified command at fixed times. After each kill:

- no process the indexer started (Whoosh's writer processes, spaCy's workers) is left running;
- the index's write lock is free;
- the next `press-reader index --json` (run in the test's process) opens normally (at most a one-line
  reason to rebuild, never a traceback) and reports every article;
- every article is listed, searches find an early and the last article, and the bookmarks are the same.

spaCy runs without its model ($PRESS_READER_MODEL=none): the same pipeline and processes, five times faster.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from bench.corpus import generate
from reader.core import scanning
from reader.core.analysis import NO_MODEL, Analyzer
from reader.core.index.processes import PARALLEL_MIN_DOCS
from reader.core.index.schema import INDEX_NAME, NAMES_DIR, NAMES_NAME
from reader.core.library import Library
from tests.conftest import REPO, SAMPLE_000, SAMPLE_002, SAMPLES
from tests.core.cli_helpers import run

pytestmark = pytest.mark.slow  # kill -9 rounds over a generated library

GENERATED = PARALLEL_MIN_DOCS  # with the two samples and the late one, enough for the process-pool writer
LATE = "zz-late/late.txt"  # scanned, so indexed, last
LATE_WORD = "quokka"
ORPHAN_WAIT_S = 3.0  # they notice within 0.2 s that their parent is gone

# Stops `press-reader index` at the `count`-th time it reaches `point`. Every point reached is logged on
# stderr; the stop is announced on stdout. Only wrappers around the code's own functions: nothing else changes.
DRIVER = textwrap.dedent("""
    import sys, time
    point, count = sys.argv[1], int(sys.argv[2])
    seen = {}

    def reached(name):
        seen[name] = seen.get(name, 0) + 1
        print(f"@{name} {seen[name]}", file=sys.stderr, flush=True)
        if (name, seen[name]) == (point, count):
            print(f"STOPPED {name} {count}", flush=True)
            time.sleep(600)  # until killed

    def before(owner, attr, name, when=lambda *a, **k: True):
        orig = getattr(owner, attr)
        def wrapper(*a, **k):
            if when(*a, **k):
                reached(name)
            return orig(*a, **k)
        setattr(owner, attr, wrapper)

    def after(owner, attr, name):
        orig = getattr(owner, attr)
        def wrapper(*a, **k):
            out = orig(*a, **k)
            reached(name)
            return out
        setattr(owner, attr, wrapper)

    from whoosh import index, multiproc
    from whoosh.filedb.filestore import FileStorage
    from reader.core import library
    from reader.core.index import store
    from reader.core.analysis import cache, pool

    after(index, "create_in", "created")                    # the index folder and its empty first TOC
    before(store, "document_fields", "added")               # each document given to the writer
    before(multiproc.MpWriter, "_merge_segments", "segments")  # sub-writers told to finish their segments
    before(FileStorage, "rename_file", "toc",               # a new TOC written, not yet renamed into place
           lambda self, frm, to, safe=False: to.startswith("_articles_"))
    before(FileStorage, "rename_file", "names-toc",
           lambda self, frm, to, safe=False: to.startswith("_names_"))
    before(store.Index, "write_names", "committed")        # the articles' commit done, their names next
    before(library.Library, "reanchor_bookmarks", "reanchor")
    after(pool.TaggerPool, "__init__", "spacy-started")     # the analysis workers spawned, loading spaCy
    after(cache.AnalysisCache, "put_many", "cached")        # a batch of analyses committed to the cache

    from reader.core import cli
    sys.exit(cli.main(sys.argv[3:]))
""")

# (point, count): where the driver stops the build
POINTS = [
    ("created", 1),
    ("added", 40),  # documents still in the main writer's buffer: no sub-writer yet
    ("added", 150),  # one job file with the first sub-writer, which is writing
    ("added", 295),  # both sub-writers at work
    ("segments", 1),  # the sub-writers finishing their segments
    ("toc", 1),  # the new index's first, empty TOC written under a temporary name
    ("toc", 2),  # the first commit's TOC, likewise
    ("committed", 1),  # right after the first commit
    ("names-toc", 2),  # the names of the two cached articles, their TOC not yet in place (1: the empty one)
    ("reanchor", 1),  # the index complete, the bookmarks being checked
    ("spacy-started", 1),  # the analysis pass: spaCy's workers spawned and loading
    ("cached", 2),  # analyses being written to the cache
    ("names-toc", 3),  # the analysis pass writing its first chunk of names (16 articles)
]
# analyses the killed pass had cached: the first chunk of names (16) is cached before it is indexed, then
# the cache is written 32 at a time
CACHED_BEFORE = {("cached", 2): 48, ("names-toc", 3): 16}
INCOMPLETE = {("toc", 1)}  # no TOC in place yet: the next launch says the index was left incomplete
ANALYZE_AFTER = ("names-toc", 3)  # the recovery analyzes too, from the cache (once: 10 s)
TIMED = [1.0, 2.5]  # seconds after the plain command starts: indexing, then analysing


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """(articles folder, a data dir with bookmarks and no index yet, the bookmarks), made once."""
    base = tmp_path_factory.mktemp("crash")
    folder = base / "articles"
    shutil.copytree(SAMPLES, folder)
    generate(GENERATED, folder)
    (folder / LATE).parent.mkdir()
    (folder / LATE).write_text(f"The late story\n\nA {LATE_WORD} signed a sponsorship deal.\n", encoding="utf-8")
    assert scanning.scan(folder).files[-1].id == LATE
    seed = base / "seed-data"
    lib = Library(folder, seed, analyzer=Analyzer(model=NO_MODEL))
    try:
        lib.add_bookmark_text(SAMPLE_000, "President Bach had a vision", note="the keynote", tags=["ioc"])
        lib.add_bookmark_text(SAMPLE_002, "Alibaba is very honoured")
        marks = _bookmarks(lib)
    finally:
        lib.close()
    assert len(marks) == 2 and not (seed / "index").exists()
    return folder, seed, marks


def _bookmarks(lib: Library) -> list[tuple]:
    return [(b.id, b.article_id, b.exact, b.note, b.tags, b.status, b.speaker) for b in lib.bookmarks.all()]


def _env(data: Path) -> dict:
    return {**os.environ, "PRESS_READER_MODEL": NO_MODEL, "PRESS_READER_DATA_DIR": str(data)}


def _index_args(folder: Path, data: Path, *extra: str) -> list[str]:
    return ["index", "--json", "--articles", str(folder), "--data-dir", str(data), *extra]


@pytest.mark.parametrize(("point", "count"), POINTS, ids=[f"{p}-{c}" for p, c in POINTS])
def test_killed_at_a_point_of_the_first_build(world, tmp_path, capsys, monkeypatch, point, count):
    monkeypatch.setenv("PRESS_READER_MODEL", NO_MODEL)
    folder, seed, marks = world
    data = tmp_path / "data"
    shutil.copytree(seed, data)
    with (tmp_path / "driver.log").open("w+") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, point, str(count), *_index_args(folder, data)],
            cwd=REPO,
            env=_env(data),
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        with _guard(proc):
            line = proc.stdout.readline()
            if line.strip() != f"STOPPED {point} {count}":
                log.seek(0)
                pytest.fail(f"the build never reached {point} {count}: {line!r}\n{log.read()[-3000:]}")
            children = _kill(proc)
    _check_recovery(
        capsys,
        folder,
        data,
        marks,
        children,
        cached=2 + CACHED_BEFORE.get((point, count), 0),
        analysis=(point, count) == ANALYZE_AFTER,
        incomplete=(point, count) in INCOMPLETE,
    )


@pytest.mark.parametrize("seconds", TIMED)
def test_killed_at_a_time_in_the_first_build(world, tmp_path, capsys, monkeypatch, seconds):
    monkeypatch.setenv("PRESS_READER_MODEL", NO_MODEL)
    folder, seed, marks = world
    data = tmp_path / "data"
    shutil.copytree(seed, data)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", *_index_args(folder, data)],
        cwd=REPO,
        env=_env(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with _guard(proc):
        time.sleep(seconds)
        assert proc.poll() is None, "the build ended before the kill: kill earlier"
        children = _kill(proc)
    _check_recovery(capsys, folder, data, marks, children)


# ---------------------------------------------------------------- the checks


def _check_recovery(
    capsys,
    folder: Path,
    data: Path,
    marks: list[tuple],
    children: list[tuple[int, str]],
    cached: int = 2,
    analysis: bool = False,
    incomplete: bool = False,
) -> None:
    """`cached`: how many analyses the cache must still hold; `analysis`: the recovery analyzes too;
    `incomplete`: the recovery must say that the index was left incomplete."""
    left = _still_running(children, ORPHAN_WAIT_S)
    assert not left, f"processes of the killed indexer still run: {left}"
    index_dir = data / "index"
    for lock in [
        *index_dir.glob(f"*/{INDEX_NAME}_WRITELOCK"),
        *index_dir.glob(f"*/{NAMES_DIR}/{NAMES_NAME}_WRITELOCK"),
    ]:
        # held only by a process of the killed indexer, which lets go within ORPHAN_WAIT_S like those listed
        # (a writer it forked as it was stopped may not be among them)
        deadline = time.monotonic() + ORPHAN_WAIT_S
        while not _lock_is_free(lock) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _lock_is_free(lock), f"{lock.name} is still held {ORPHAN_WAIT_S} s after the kill"

    expected = sorted(f.id for f in scanning.scan(folder).files)
    extra = () if analysis else ("--no-analysis",)
    capsys.readouterr()
    code, out, err = run(capsys, *_index_args(folder, data, *extra))  # the next launch, in this process
    assert code == 0, err
    assert "Traceback" not in err
    if analysis:  # the one line: no spaCy model
        assert err.count("\n") <= 1, err
    else:
        assert err == ""
    report = json.loads(out)
    assert report["indexed"] == len(expected)
    if "rebuilt" in report:
        reason = report["rebuilt"]
        assert "\n" not in reason and "rebuilding" in reason
        assert "another version" not in reason, reason  # a crash, not an upgrade
    if incomplete:
        assert report.get("rebuilt") == (
            "the search index was left incomplete (its first build was interrupted); rebuilding it"
        )
    if analysis:
        assert report["analysis"]["cached"] >= cached - 2  # the killed pass's analyses are used

    lib = Library(folder, data, analyzer=Analyzer(model=NO_MODEL))
    try:
        assert [r.id for r in lib.rows()] == expected
        assert [h.article_id for h in lib.search(LATE_WORD).hits] == [LATE]
        assert [h.article_id for h in lib.search('"Alibaba is very honoured"').hits] == [SAMPLE_002]
        loaded = [lib.load(aid) for aid in expected]
        assert len(lib.cache.get_many(loaded)) >= cached  # the analysis cache opens and kept what it had
        if analysis:
            assert lib.unanalyzed() == []
            assert lib.search("entity:Alibaba").total >= 2
        assert _bookmarks(lib) == marks
        again = lib.sync()
        assert (again.rebuilt, again.updated, again.indexed) == (None, 0, len(expected))
        leftovers = [p.name for p in lib.index_dir.iterdir() if p.suffix == ".tmp" or ".toc." in p.name]
        assert leftovers == [], "a crashed writer's temporary files are never cleaned up"
    finally:
        lib.close()


class _guard:
    """Kills the process on the way out whatever happened, and after 60 s even if the test hangs reading it."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.timer = threading.Timer(60, proc.kill)

    def __enter__(self):
        self.timer.start()
        return self.proc

    def __exit__(self, *exc):
        self.timer.cancel()
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        if self.proc.stdout:
            self.proc.stdout.close()


def _kill(proc: subprocess.Popen) -> list[tuple[int, str]]:
    """SIGKILL the process alone, as a crash would; returns its descendants as they were, to look for later."""
    proc.send_signal(signal.SIGSTOP)  # starts no process while they are listed
    deadline = time.monotonic() + 5  # the signal is delivered a moment later: a writer forked meanwhile
    while (st := _stat(proc.pid)) and st[1] != "T" and time.monotonic() < deadline:  # would go unlisted
        time.sleep(0.005)
    children = _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return children


def _stat(pid: int) -> tuple[int, str, str] | None:
    """(parent pid, state, start time) of a process, None if there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), fields[0], fields[19]


def _descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, start time) of every process below `pid`."""
    by_parent: dict[int, list[tuple[int, str]]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (st := _stat(int(entry.name))):
            by_parent.setdefault(st[0], []).append((int(entry.name), st[2]))
    found, todo = [], [pid]
    while todo:
        for child in by_parent.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def _still_running(processes: list[tuple[int, str]], wait_s: float) -> list[str]:
    """The command lines of those still running (not gone, not a zombie) after up to `wait_s`."""
    deadline = time.monotonic() + wait_s
    while True:
        alive = [pid for pid, start in processes if (st := _stat(pid)) and st[2] == start and st[1] != "Z"]
        if not alive or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    out = []
    for pid in alive:
        try:
            out.append(f"{pid}: " + Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120])
        except OSError:
            pass
    for pid in alive:  # not left behind for the next test
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return out


def _lock_is_free(path: Path) -> bool:
    import fcntl

    fd = os.open(path, os.O_WRONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)
