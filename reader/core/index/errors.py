"""The index's problems, each told to the user in one line."""

from __future__ import annotations

from ..errors import ReaderError


class IndexProblem(ReaderError):
    """Base for index problems reported to the user in one line."""


class IndexBusy(IndexProblem):
    """Another process holds the index's write lock."""


class IndexUnsaved(IndexProblem):
    """The index could not be written (a full disk, a read-only folder); it is as it was before."""


class QueryError(IndexProblem):
    """The query text cannot be understood; the message says why in one line."""


class QueryTooBroad(QueryError):
    """A wildcard or range that would look through too many of the index's words."""


class IndexDeleted(IndexProblem):
    """The index's files were deleted while it was open (by the user, or a disk cleaner)."""


INDEX_DELETED = "the search index was deleted; rebuilding it"


class IndexDamaged(IndexDeleted):
    """A file of the index cannot be read (cut short, emptied, overwritten): it is rebuilt like a deleted one."""


def damaged(why: str) -> str:
    return f"the search index is damaged ({why}); rebuilding it"


def first_line(exc: BaseException) -> str:
    """The first line of `exc`'s message (or its type's name), at most 120 characters."""
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:120]
