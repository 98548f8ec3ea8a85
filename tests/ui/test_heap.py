"""What the window holds once a long phase ends is left out of Python's full garbage collections, which
would walk it on every one of them while holding the GIL against the UI thread (`settle_heap`)."""

from __future__ import annotations

import gc


def collected(obj) -> bool:
    """Whether the garbage collector's generations hold `obj` (frozen objects are in none)."""
    return any(o is obj for o in gc.get_objects())


def test_the_window_and_its_list_are_frozen_once_the_library_is_listed(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    assert window.model.rowCount() == 2
    assert not collected(window)
    assert not collected(window.model)
    later = object.__new__(type("Later", (), {}))  # made after the freeze: collected as usual
    assert collected(later)
