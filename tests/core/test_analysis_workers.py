"""spaCy on worker processes for the app (`Analyzer(workers=N)`, `TaggerService`): same results, spaCy
never in the calling process, workers that stop when unused and start again when needed.

Real spawned workers with the real model; the checks of what the calling process imports run in a new
process, since this one has spaCy loaded by other tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from reader.core.analysis import Analyzer
from reader.core.analysis.pool import PoolClosed, TaggerService
from reader.core.articles import load
from tests.core.analysis_fixtures import SAMPLE_000, SAMPLE_002, SAMPLES, real_analyzer

pytestmark = pytest.mark.slow  # spaCy's model loaded in worker processes


@pytest.fixture(scope="module")
def articles():
    return [load(SAMPLES / name, SAMPLES) for name in (SAMPLE_000, SAMPLE_002)]


@pytest.fixture(scope="module")
def service():
    service = TaggerService(real_analyzer().tagger, processes=2, idle_close_s=600)
    yield service
    service.close()


def test_workers_analyze_as_this_process_does(service, articles):
    for article in articles:
        assert service.analyze_one(article) == real_analyzer().analyze(article)


def test_a_library_through_the_service_is_analyzed_as_in_process(articles):
    alone = real_analyzer()
    with_workers = Analyzer(alone.tagger.requested, alone.tagger.gazetteer, workers=2)
    try:
        assert with_workers.fingerprint == alone.fingerprint
        many = [analysis for _, analysis in with_workers.analyze_many(iter(articles))]
        assert many == [alone.analyze(a) for a in articles]
        assert with_workers.analyze(articles[0]) == many[0]
    finally:
        with_workers.close()
    assert not with_workers.service.running()


def test_an_article_asked_for_during_a_library_pass_is_answered(service, articles):
    """The window opens an article while the pass runs: it waits behind two tasks a worker, not the library."""
    library = ((i, articles[i % 2]) for i in range(400))
    passing = service.analyze(library)
    next(passing)  # the pass is under way, its first tasks queued
    assert service.analyze_one(articles[1]) == real_analyzer().analyze(articles[1])
    assert next(passing)[0] == 1  # and the pass goes on, in order
    passing.close()


def test_unused_workers_stop_and_start_again_when_needed(articles):
    service = TaggerService(real_analyzer().tagger, processes=1, idle_close_s=0.2)
    try:
        first = service.analyze_one(articles[0])
        assert service.running()
        deadline = time.monotonic() + 10
        while service.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not service.running(), "idle workers should have stopped"
        assert service.analyze_one(articles[0]) == first
    finally:
        service.close()


def test_with_workers_spacy_stays_out_of_the_calling_process(articles_dir, data_dir):
    """The window's analyzer: articles opened and the library pass are tagged in the workers only."""
    script = textwrap.dedent(f"""
        import sys
        from reader.core.analysis import shared_analyzer, close_shared
        from reader.core.library import Library
        lib = Library({str(articles_dir)!r}, {str(data_dir)!r}, analyzer=shared_analyzer(2))
        lib.sync()
        opened = lib.analysis(lib.load({SAMPLE_000!r}))
        report = lib.analyze_all()
        speakers = sorted(h.article_id for h in lib.search('speaker:"Jack Ma"').hits)
        lib.close()
        close_shared()
        both = speakers == {sorted([SAMPLE_000, SAMPLE_002])!r}
        print(len(opened.speeches) > 0, report.analyzed, report.cached, both, "spacy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["True", "1", "1", "True", "False"]


def test_closing_the_service_ends_a_wait_for_its_workers(articles):
    """The app closing while a pass waits on the workers: the pass stops at once rather than hanging."""
    service = TaggerService(real_analyzer().tagger, processes=1, idle_close_s=600)
    passing = service.analyze((i, articles[0]) for i in range(200))
    next(passing)
    service.close()
    start = time.perf_counter()
    with pytest.raises(PoolClosed):
        list(passing)
    assert time.perf_counter() - start < 5


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice values are checked on Linux")
def test_workers_run_below_the_windows_priority(service):
    from reader.core.priority import BACKGROUND_NICE

    workers = service._acquire()  # the pool's own processes, asked for their nice value
    try:
        nices = {workers._pool.apply(os.getpriority, (os.PRIO_PROCESS, 0)) for _ in range(4)}
    finally:
        service._release()
    assert nices == {max(BACKGROUND_NICE, os.getpriority(os.PRIO_PROCESS, 0))}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_a_worker_keeps_the_memory_it_freed_for_its_next_batch():
    # a worker's batches allocate and free large arrays: given back and faulted in again, they cost ~7 % of its CPU
    script = textwrap.dedent(
        """
        import os, sys
        from reader.core.analysis.pool import keep_freed_memory
        if sys.argv[1] == "tuned":
            assert keep_freed_memory()
        def rss():
            return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        block = bytearray(64 << 20)  # zeroed: every page touched
        before = rss()
        del block
        print(before - rss() > 32 << 20)
        """
    )
    given_back = {
        mode: subprocess.run(
            [sys.executable, "-c", script, mode],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ | {"PYTHONPATH": os.getcwd()},
        ).stdout.strip()
        for mode in ("default", "tuned")
    }
    assert given_back == {"default": "True", "tuned": "False"}
