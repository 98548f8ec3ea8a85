"""Named pipes and devices among the articles: only regular files are opened, so nothing waits on a pipe.

Each command runs in its own process with a timeout: without the check it would block forever.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import REPO

PIPE = "a named pipe, not a file"
TIMEOUT_S = 60


def _cli(*args, data_dir):
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args), "--data-dir", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={**os.environ, "PRESS_READER_MODEL": "none"},
    )


@pytest.fixture
def piped(tmp_path):
    """A folder with an article, pipes named as articles, and a pipe as an article's corrections file."""
    root = tmp_path / "library"
    root.mkdir()
    (root / "good.txt").write_text("Sponsors return\n\nThe sponsors of the league are back.\n")
    for name in ("pipe.txt", "feed.rss", "mail.eml", "good.txt.meta.json"):
        os.mkfifo(root / name)
    return root


def test_index_and_search_skip_pipes_with_a_reason(piped, data_dir):
    out = _cli("index", "--no-analysis", "--json", "--articles", piped, data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["indexed"] == 1  # good.txt, its pipe of corrections counting as none
    assert {s["path"]: s["reason"] for s in report["skipped"]} == {"pipe.txt": PIPE, "feed.rss": PIPE, "mail.eml": PIPE}
    out = _cli("search", "sponsors", "--json", "--articles", piped, data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert [h["path"] for h in json.loads(out.stdout)["hits"]] == ["good.txt"]


@pytest.mark.parametrize("command", [["show"], ["analyze"], ["add"], ["bookmarks", "add", "--text", "x", "--article"]])
def test_a_pipe_given_to_a_command_is_refused_in_one_line(piped, data_dir, tmp_path, command):
    given = tmp_path / "given.txt"
    os.mkfifo(given)
    out = _cli(*command, given, "--articles", piped, data_dir=data_dir)
    assert out.returncode == 2
    assert "named pipe" in out.stderr or "named pipe" in out.stdout
    assert "Traceback" not in out.stderr
    assert stat.S_ISFIFO(os.lstat(given).st_mode)
    assert not (piped / "given.txt").exists()  # `add` copied nothing


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_skipped_not_read(tmp_path, data_dir):
    root = tmp_path / "library"
    root.mkdir()
    (root / "good.txt").write_text("Sponsors return\n\nThe sponsors of the league are back.\n")
    os.mknod(root / "zero.eml", 0o444 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero: it never ends
    out = _cli("index", "--no-analysis", "--json", "--articles", root, data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["skipped"] == [{"path": "zero.eml", "reason": "a device, not a file"}]
