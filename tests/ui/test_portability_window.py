"""macOS and Windows: the window opens, indexes and searches with the POSIX-only calls taken away, and its
background work asks Windows for a lower priority on its own threads only (reader/core/priority.py)."""

from __future__ import annotations

import ctypes
import re
import threading
import types

from reader.ui.single_instance import server_name
from tests.core.test_portability import FakeKernel32, without_posix
from tests.ui.helpers import search


def test_the_window_indexes_and_searches_as_on_windows_with_its_background_threads_below_normal(
    monkeypatch, qtbot, open_window, articles_dir
):
    without_posix(monkeypatch, "win32")
    kernel32 = FakeKernel32()
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    ui_thread = f"thread {threading.get_native_id()}"
    window = open_window(articles_dir)
    assert window.model.rowCount() > 1  # the samples, indexed on a background thread
    search(qtbot, window, "sponsor")
    assert window.model.rowCount() >= 1
    lowered = [handle for name, handle, _ in kernel32.calls if name == "SetThreadPriority"]
    assert lowered and ui_thread not in lowered  # the index update's thread; never the window's own
    assert {value for _, _, value in kernel32.calls} == {-1}  # THREAD_PRIORITY_BELOW_NORMAL


def test_the_single_instance_name_is_a_valid_pipe_and_socket_name_everywhere(tmp_path):
    """Windows' pipe names take no slashes; macOS's socket paths (in $TMPDIR) take at most 104 bytes."""
    name = server_name(tmp_path / "a folder" / "with ünïcode")
    assert re.fullmatch(r"press-reader-[0-9a-f]{16}", name)
    assert server_name(tmp_path / "a folder" / ".." / "a folder") == server_name(tmp_path / "a folder")
