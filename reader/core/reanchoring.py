"""Re-attaching a library's bookmarks to their articles as they are now, and marking those that cannot be."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .anchoring import Selector, locate
from .articles import ENTRY_GONE, FILE_GONE
from .bookmarks import ARTICLE_MISSING, OK, TEXT_CHANGED, Bookmark, BookmarkStore
from .files import ArticleError
from .model import Article, split_id

if TYPE_CHECKING:
    from .library import Library


@dataclass
class ReanchorReport:
    """What re-attaching this folder's bookmarks to their articles did; a status counts when it changes."""

    checked: int = 0
    moved: int = 0  # found at new offsets, or with its text slightly edited
    changed: int = 0  # newly marked "text changed": the passage is no longer in the article
    missing: int = 0  # newly marked "article missing"
    restored: int = 0  # back to "ok" after being marked changed or missing
    error: str | None = None  # the bookmarks file could not be used

    @property
    def eventful(self) -> bool:
        return bool(self.moved or self.changed or self.missing or self.restored or self.error)

    def to_json(self) -> dict:
        out: dict[str, int | str] = {
            "checked": self.checked,
            "moved": self.moved,
            "changed": self.changed,
            "missing": self.missing,
            "restored": self.restored,
        }
        if self.error:
            out["error"] = self.error
        return out


def reanchor(library: Library) -> ReanchorReport:
    """Find every bookmark of the library's folder in its article as it is now, and mark those that cannot be.

    A bookmark whose article is unchanged is left alone; one whose passage is found again gets its new
    offsets; one whose passage is gone, or whose file is gone, is marked so and keeps its stored quote.
    Bookmarks from an older file with no folder are adopted when their passage is found here.
    """
    store, report = library.bookmarks, ReanchorReport()
    if store.read_only:  # nothing can be marked; they are shown as they were saved
        return report
    loaded: dict[str, Article | ArticleError] = {}  # an error: there, but unreadable for now
    for b in store.in_folder(library.root) + store.unclaimed():
        adopting, path = not b.folder, library.root / split_id(b.article_id)[0]
        if adopting and not path.is_file():
            continue  # not one of this folder's
        report.checked += 1
        if b.article_id not in loaded:
            try:
                loaded[b.article_id] = library._load_indexed(b.article_id)
            except ArticleError as exc:
                loaded[b.article_id] = exc
        article = loaded[b.article_id]
        if isinstance(article, ArticleError):
            # the file, or the feed's entry, is gone; else it is there, but unreadable for now
            if article.reason in (FILE_GONE, ENTRY_GONE) and not adopting and b.status != ARTICLE_MISSING:
                store.set_status(b.id, ARTICLE_MISSING)
                report.missing += 1
            continue
        _reanchor_one(store, report, b, article, library.root if adopting else None)
    _follow_moved_folders(library, store, report)
    return report


def _reanchor_one(
    store: BookmarkStore, report: ReanchorReport, b: Bookmark, article: Article, adopt_into: Path | None
) -> None:
    """Attach `b` to `article` where its passage is now (into the folder `adopt_into`, if given)."""
    if article.content_hash == b.content_hash and b.status == OK:
        return
    found = locate(article.body, Selector(b.start, b.end, exact=b.exact, prefix=b.prefix, suffix=b.suffix))
    if found is None:
        if adopt_into is None and b.status != TEXT_CHANGED:
            store.set_status(b.id, TEXT_CHANGED)
            report.changed += 1
        return
    start, end, _ = found
    store.reanchor(b.id, article, start, end, folder=adopt_into)
    if b.status != OK:
        report.restored += 1
    elif (start, end) != (b.start, b.end) or article.body[start:end] != b.exact:
        report.moved += 1


def _follow_moved_folders(library: Library, store: BookmarkStore, report: ReanchorReport) -> None:
    """Bookmarks whose articles folder no longer exists (moved or renamed): each is attached to the same
    article in this folder, the one with the text it was made on (its content hash), if there is one;
    else it is marked "article missing". Its folder coming back finds it again as ever."""
    folders: dict[str, bool] = {}
    gone = [
        b
        for b in store.all()
        if b.folder and b.folder != str(library.root) and not folders.setdefault(b.folder, Path(b.folder).is_dir())
    ]
    if not gone:
        return
    rows = library._present_index().rows()
    if not rows:  # this folder is not indexed yet: nothing can be told until a sync has read it
        return
    by_hash: dict[str, str] = {}
    for row in rows.values():
        by_hash.setdefault(row.content_hash, row.id)
    for b in gone:
        report.checked += 1
        same = rows.get(b.article_id)
        article_id = b.article_id if same and same.content_hash == b.content_hash else by_hash.get(b.content_hash)
        try:
            article = library._load_indexed(article_id) if article_id else None
        except ArticleError:
            article = None
        if article is not None and article.content_hash == b.content_hash:  # the same text: same place
            store.reanchor(b.id, article, b.start, b.end, folder=library.root)
            report.moved += 1
        elif b.status != ARTICLE_MISSING:
            store.set_status(b.id, ARTICLE_MISSING)
            report.missing += 1
