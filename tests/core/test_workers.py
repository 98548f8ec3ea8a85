"""The number of worker processes follows the cores and the memory, within 600 MB plus ~180 MB a worker."""

from __future__ import annotations

import pytest

from reader.core import workers
from reader.core.index.processes import pool_options
from reader.core.workers import worker_count


@pytest.fixture(autouse=True)
def _no_setting(monkeypatch):
    """The rule itself, whatever the environment running the tests sets."""
    monkeypatch.delenv("PRESS_READER_WORKERS", raising=False)


@pytest.mark.parametrize(
    "cores, memory, expected",
    [
        (2, 16_000, 2),  # two cores: as before
        (1, 16_000, 1),
        (8, 16_000, 8),  # every core, when the memory holds them
        (16, 1_500, 6),  # 600 + 5 x 180 = 1,500 MB: six workers, not sixteen
        (8, 779, 1),  # short of 600 + 180: one
        (8, 100, 1),  # never none
        (8, None, 2),  # memory not known: the safe two of before
        (1, None, 1),
    ],
)
def test_workers_follow_the_cores_and_the_memory(cores, memory, expected):
    assert worker_count(cores, memory) == expected


def test_the_index_writers_and_a_big_job_use_the_machines_count(monkeypatch):
    monkeypatch.setattr(workers, "usable_cores", lambda: 6)
    monkeypatch.setattr(workers, "free_memory_mb", lambda: 8_000)
    assert worker_count() == 6
    assert pool_options(10_000)["procs"] == 6
    assert pool_options(10) == {}  # too few articles for a pool
    monkeypatch.setattr(workers, "usable_cores", lambda: 1)
    assert pool_options(10_000) == {}


def test_the_cores_and_memory_are_measured():
    assert workers.usable_cores() >= 1
    free = workers.free_memory_mb()
    assert free is None or free > 0


@pytest.mark.parametrize("setting, expected", [("1", 1), ("3", 3), (" 12 ", 12)])
def test_press_reader_workers_sets_the_number(monkeypatch, setting, expected):
    monkeypatch.setenv("PRESS_READER_WORKERS", setting)
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    assert worker_count() == expected
    assert worker_count(8, 16_000) == expected  # whatever the cores and memory
    assert pool_options(10_000).get("procs", 1) == expected


@pytest.mark.parametrize("setting", ["0", "-2", "two", "1.5"])
def test_a_wrong_press_reader_workers_is_said_once_and_ignored(monkeypatch, capsys, setting):
    monkeypatch.setenv("PRESS_READER_WORKERS", setting)
    monkeypatch.setattr(workers, "_told", set())
    assert worker_count(4, 16_000) == 4
    assert worker_count(4, 16_000) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PRESS_READER_WORKERS" in err and repr(setting) in err


def test_an_empty_press_reader_workers_leaves_the_rule(monkeypatch, capsys):
    monkeypatch.setenv("PRESS_READER_WORKERS", "")
    assert worker_count(3, 16_000) == 3
    assert not capsys.readouterr().err
