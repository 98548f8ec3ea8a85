"""The index's folder: opening an index or making it again, and finding what of it is missing or unreadable."""

from __future__ import annotations

import gc
import os
import re
import shutil
import warnings
from pathlib import Path

from whoosh import fields, index

from .errors import damaged, first_line
from .reading import column_lists
from .sizes import cut_short

TOC_FILE = re.compile(r"_\w+_\d+\.toc")  # Whoosh's table of contents of an index, renamed into place when whole


def open_or_create(directory: Path, name: str, schema: fields.Schema, keep: str | None = None):
    """(the index `name` in `directory`, why it was rebuilt or None), creating it when it is absent or damaged.

    Rebuilding empties the folder, apart from its subfolder `keep`.
    """
    directory.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # Whoosh leaves the TOC file open when it cannot parse it; it is closed as the error is dropped
        warnings.simplefilter("ignore", ResourceWarning)
        ix, reason = _try_open(directory, name, schema, keep)
        if ix is None:
            # ...and on a bad segment its reader() keeps the error in a local, a reference cycle that
            # holds the file open until the garbage collector runs; close it now, before clear()
            gc.collect()
    if ix is not None:
        return ix, None
    clear(directory, keep)
    with warnings.catch_warnings():
        # when it cannot write the TOC (a full disk) Whoosh leaves it open, held by the traceback: the
        # error is raised again without it, so the file is closed here
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return index.create_in(str(directory), schema, indexname=name), reason
        except OSError as exc:
            error = OSError(exc.errno, exc.strerror, exc.filename)
    raise error


def _try_open(directory: Path, name: str, schema: fields.Schema, keep: str | None):
    """(the index, None) if it opens and reads; else (None, why it must be rebuilt, or None if absent)."""
    try:
        if index.exists_in(str(directory), indexname=name):
            ix = index.open_dir(str(directory), indexname=name)
            if ix.schema.names() != schema.names():
                raise ValueError("schema differs")
            cut = cut_short(ix)
            if cut:
                return None, damaged(cut)
            with ix.reader() as r:  # touch every segment so corruption shows now
                if r.doc_count_all():  # read in one piece and kept: a search or the list reads the ids next
                    column_lists(r, ("id",))
            return ix, None
    except Exception as exc:  # any failure to open means: rebuild the cache
        return None, f"the search index could not be opened ({first_line(exc)}); rebuilding it"
    left = [child.name for child in directory.iterdir() if child.name != keep]
    if any(TOC_FILE.fullmatch(name) for name in left):  # a complete index, under another version's name
        return None, "the search index was made by another version; rebuilding it"
    if left:  # files of a first build that never committed: the app was killed or crashed meanwhile
        return None, "the search index was left incomplete (its first build was interrupted); rebuilding it"
    return None, None


def clear(directory: Path, keep: str | None = None) -> None:
    """Empty `directory`, apart from its subfolder `keep`."""
    for child in directory.iterdir():
        if child.name == keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def has_gone(folder: Path, name: str) -> bool:
    """Whether the index `name` is gone from `folder`: no table of contents of it is there any more."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return True
    except OSError:  # unreadable for now: not taken for deleted
        return False
    return not any(n.startswith(f"_{name}_") and TOC_FILE.fullmatch(n) for n in names)


def unreadable(ix) -> str | None:
    """What cannot be read of the index: its files' sizes, then every stored field, column, length and
    posting. Slow on a large index: for when a search has failed, to tell damage from a bad query."""
    try:
        cut = cut_short(ix)
        if cut:
            return cut
        with ix.reader() as r:
            for leaf, _ in r.leaf_readers():
                docs = list(leaf.all_doc_ids())
                for n in docs:
                    leaf.stored_fields(n)
                for name, field in leaf.schema.items():
                    if leaf.has_column(name):
                        list(leaf.column_reader(name))
                    if field.scorable:
                        for n in docs:
                            leaf.doc_field_length(n, name)
                for fieldname, text in leaf.all_terms():
                    list(leaf.postings(fieldname, text).all_ids())
    except Exception as exc:  # whatever a damaged file makes Whoosh raise
        return f"{exc.__class__.__name__}: {first_line(exc)}"
    return None
