"""A build that runs out of space (here: a cap on file size, or a small disk) leaves nothing behind: the
index's folder holds what the last commit made, the writer processes say nothing, the CLI says one line."""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys

import pytest

from reader.core.index.processes import PARALLEL_MIN_DOCS
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # index builds in child processes until the disk is full

WORDS = [f"w{i}x" for i in range(20_000)]


def _cli(*args, data_dir, file_cap=None):
    def capped():
        if file_cap:  # every write beyond it fails (EFBIG), in the writer processes too
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_cap, file_cap))

    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args), "--data-dir", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=capped,
        env={**os.environ, "PRESS_READER_MODEL": "none"},
    )


def _files(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def big(tmp_path):
    """A folder indexed once (a few articles), then given enough text that the writer processes run."""
    root = tmp_path / "library"
    root.mkdir()
    (root / "first.txt").write_text("First\n\nThe first sponsor.\n")
    return root


def _grow(root, n=PARALLEL_MIN_DOCS + 100):
    rng = random.Random(7)
    for i in range(n):
        (root / f"s{i:04}.txt").write_text(f"Story {i}\n\n" + " ".join(rng.choice(WORDS) for _ in range(600)))


def _index_dir(data_dir):
    [folder] = (data_dir / "index").iterdir()
    return folder


def test_a_build_that_cannot_write_leaves_no_files_and_says_one_line(big, data_dir):
    assert _cli("index", "--no-analysis", "--articles", big, data_dir=data_dir).returncode == 0
    committed = _files(_index_dir(data_dir))
    _grow(big)
    out = _cli("index", "--no-analysis", "--articles", big, data_dir=data_dir, file_cap=400_000)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "press-reader: the index could not be saved: file too large; searches use the index as it was"
    ]
    assert _files(_index_dir(data_dir)) == committed  # no segment of the failed build, no articles_v5.tmp/
    out = _cli("index", "--no-analysis", "--json", "--articles", big, data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["indexed"] == PARALLEL_MIN_DOCS + 101


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("a small disk needs mount (root, and a system that allows it)")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_is_emptied_of_the_failed_build_at_once(big, small_disk):
    data_dir = small_disk / "data"
    assert _cli("index", "--no-analysis", "--articles", big, data_dir=data_dir).returncode == 0
    committed = _files(data_dir)
    _grow(big)
    out = _cli("index", "--no-analysis", "--articles", big, data_dir=data_dir)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "press-reader: the index could not be saved: the disk is full; searches use the index as it was"
    ]
    assert _files(data_dir) == committed
    out = _cli(
        "bookmarks", "add", "--article", "first.txt", "--text", "first sponsor", "--articles", big, data_dir=data_dir
    )
    assert out.returncode == 0, out.stderr  # the space the build took is free again
