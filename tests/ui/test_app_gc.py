"""The window's process collects cyclic garbage on its UI thread, from a timer, not in whichever
background thread happened to allocate (where a full collection held the GIL for up to 170 ms)."""

from __future__ import annotations

import gc
import weakref

from reader.ui.app import GC_YOUNG_MS, UiThreadCollector, make_app


class Node:
    pass


def test_automatic_collection_is_off_and_the_ui_timer_collects_cycles(qtbot):
    app = make_app()
    assert not gc.isenabled()
    assert len(app.findChildren(UiThreadCollector)) == 1
    make_app()
    assert len(app.findChildren(UiThreadCollector)) == 1  # one collector however often the app is made
    node = Node()
    node.me = node  # a cycle: reference counting alone never frees it
    gone = weakref.ref(node)
    del node
    assert gone() is not None
    qtbot.waitUntil(lambda: gone() is None, timeout=3 * GC_YOUNG_MS)
