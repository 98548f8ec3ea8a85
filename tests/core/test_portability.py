"""macOS and Windows: the POSIX-only calls are guarded, and the library and the CLI run without them.

Each test takes away what those systems lack (`os.nice`, `os.getpriority`, `os.fork`, `os.getpgid`,
`signal.SIGKILL`, the EDQUOT and ELOOP error numbers, a parent id that changes when the parent dies) or
branches as they would (`sys.platform`), and checks that the work still gets done.
"""

from __future__ import annotations

import ctypes
import errno
import multiprocessing
import multiprocessing.context
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import types

import pytest

from reader.core import children, paths, priority
from reader.core.files import os_reason
from reader.core.index.processes import PARALLEL_MIN_DOCS
from reader.core.index.writing import _unsaved
from tests.conftest import REPO
from tests.core.cli_helpers import run, run_json

POSIX_ONLY = {
    os: ["nice", "getpriority", "setpriority", "fork", "getpgid", "setsid", "killpg", "getuid"],
    signal: ["SIGKILL", "SIGHUP"],
}


def without_posix(monkeypatch, platform: str = "win32") -> None:
    """This process as Windows (or `platform`) would run the app: no POSIX-only calls, and no Windows API either."""
    for module, names in POSIX_ONLY.items():
        for name in names:
            monkeypatch.delattr(module, name, raising=False)
    monkeypatch.setattr(priority, "sys", types.SimpleNamespace(platform=platform))
    monkeypatch.delattr(ctypes, "windll", raising=False)


class FakeKernel32:
    """What the app asks of Windows' kernel32, recorded."""

    def __init__(self):
        self.calls: list[tuple[str, str, int]] = []

    def GetCurrentThread(self):
        return f"thread {threading.get_native_id()}"

    def GetCurrentProcess(self):
        return "this process"

    def SetThreadPriority(self, handle, value):
        self.calls.append(("SetThreadPriority", handle, value))
        return 1

    def SetPriorityClass(self, handle, value):
        self.calls.append(("SetPriorityClass", handle, value))
        return 1


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_background_priority_without_nice_or_a_windows_api_lets_the_work_run(monkeypatch, platform):
    without_posix(monkeypatch, platform)
    done = []

    def background_work():
        priority.run_in_background()
        priority.background_process()
        done.append(True)

    thread = threading.Thread(target=background_work)
    thread.start()
    thread.join(10)
    assert done == [True]


def test_on_windows_a_background_thread_and_a_worker_process_ask_for_below_normal_priority(monkeypatch):
    without_posix(monkeypatch, "win32")
    kernel32 = FakeKernel32()
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    seen = {}

    def background_work():
        seen["thread"] = threading.get_native_id()
        priority.run_in_background()

    thread = threading.Thread(target=background_work)
    thread.start()
    thread.join(10)
    priority.background_process()
    assert kernel32.calls == [
        ("SetThreadPriority", f"thread {seen['thread']}", priority.THREAD_PRIORITY_BELOW_NORMAL),
        ("SetPriorityClass", "this process", priority.BELOW_NORMAL_PRIORITY_CLASS),
    ]


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="reads the nice value back")
def test_on_macos_a_worker_process_lowers_its_own_priority():
    script = textwrap.dedent("""
        import os, types
        from reader.core import priority
        priority.sys = types.SimpleNamespace(platform="darwin")
        priority.run_in_background()  # a thread's priority is its process's there: nothing
        before = os.getpriority(os.PRIO_PROCESS, 0)
        priority.background_process()
        print(before, os.getpriority(os.PRIO_PROCESS, 0))
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    before, after = map(int, proc.stdout.split())
    if before >= priority.BACKGROUND_NICE:
        pytest.skip("the tests already run at background priority")
    assert after == priority.BACKGROUND_NICE


def _windows_like_worker(parent_pid: int, seconds: float) -> None:
    """A worker for which, as on Windows, the parent id never changes: only the parent's sentinel tells."""
    os.getppid = lambda: parent_pid  # type: ignore[assignment]
    children.exit_with_parent(parent_pid)
    time.sleep(seconds)


PARENT = textwrap.dedent("""
    import multiprocessing, os, sys, time
    from tests.core.test_portability import _windows_like_worker
    if __name__ == "__main__":
        worker = multiprocessing.get_context("spawn").Process(target=_windows_like_worker, args=(os.getpid(), 60))
        worker.start()
        print(worker.pid, flush=True)
        time.sleep(float(sys.argv[1]))
        os._exit(0)  # as if killed: nothing is cleaned up, nothing is told to the worker
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow  # a child process, or real spaCy worker processes
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the worker's state in /proc")
def test_a_worker_whose_parent_id_never_changes_still_exits_when_its_parent_dies():
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", PARENT, "3"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    worker = int(proc.stdout.split()[0])
    while _alive(worker) and time.monotonic() - start < 30:
        time.sleep(0.1)
    assert not _alive(worker), proc.stderr
    assert time.monotonic() - start < 30


def test_error_numbers_that_windows_lacks_are_not_needed_to_say_what_went_wrong(monkeypatch, tmp_path):
    monkeypatch.delattr(errno, "EDQUOT", raising=False)
    monkeypatch.delattr(errno, "ELOOP", raising=False)
    full = OSError(errno.ENOSPC, "No space left on device")
    assert paths.cannot_write(tmp_path, full).endswith("(the disk is full)")
    assert "the disk is full" in _unsaved(full)
    assert os_reason(OSError(errno.EACCES, "Permission denied")) == "permission denied"
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "read error on the disk"


@pytest.mark.slow  # a child process, or real spaCy worker processes
def test_the_cli_indexes_with_spawned_writer_processes_and_searches_without_posix_calls(
    monkeypatch, capsys, articles_dir, data_dir, write
):
    for n in range(PARALLEL_MIN_DOCS + 20):  # enough for the process-pool writer
        write(articles_dir / "bulk" / f"{n:04}.txt", f"Bulk story {n}\n\nThe sponsor number {n} said yes.\n")
    without_posix(monkeypatch, "win32")
    default = multiprocessing.context._default_context  # spawn, as on macOS and Windows (not fork)
    monkeypatch.setattr(default, "_actual_context", multiprocessing.get_context("spawn"))
    common = ["--data-dir", data_dir, "--articles", articles_dir]
    code, out, err = run(capsys, "index", "--no-analysis", *common)
    assert code == 0, err
    assert out.startswith(f"{PARALLEL_MIN_DOCS + 20 + 2} articles indexed"), out
    hits = run_json(capsys, "search", "sponsor number 17", "--limit", "5", *common)
    assert any(h["path"].endswith("0017.txt") for h in hits["hits"])
    assert multiprocessing.active_children() == []
