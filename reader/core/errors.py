"""The one family of expected failures: every problem the user is told about in one line derives from ReaderError.

The window, the command line and the background workers catch ReaderError and show `str(error)`; anything
else is a bug, logged with its traceback and shown as "unexpected".
"""

from __future__ import annotations


class ReaderError(Exception):
    """An expected failure. `reason` is a short phrase for the user; `str()` is the whole one-line message."""

    def __init__(self, reason: str = ""):
        reason = " ".join(str(reason).split())
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return " ".join(super().__str__().split())


class LibraryError(ReaderError):
    """A problem with the library as a whole, told to the user in one line."""


class SyncCancelled(LibraryError):
    """The caller asked an index update to stop; the index is left as it was."""


def one_line(exc: BaseException) -> str:
    """What to tell the user about `exc`: its message on one line, or its type's name when it has none."""
    text = " ".join(str(exc).split())
    return text or exc.__class__.__name__
