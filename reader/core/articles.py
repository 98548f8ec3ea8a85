"""Article files → `Article` values: a file read whole and parsed by its format, with the user's corrections."""

from __future__ import annotations

from pathlib import Path

from . import formats
from .corrections import read_corrections, with_corrections
from .files import MAX_FILE_BYTES, ArticleError, content_hash, cut, read_bytes, text_of
from .formats.text import parse
from .model import ENTRY_MARK, Article, split_id
from .scanning import TEXT_SUFFIXES, readable_name, relative_id

MAX_FORMAT_BYTES = 64 * 1024 * 1024  # a saved page, feed, PDF or e-mail is read whole, up to this size
ENTRY_GONE = "the entry is no longer in the feed"
FILE_GONE = "the file is gone"


def load_file(path: Path, root: Path | None = None) -> list[Article]:
    """Read and parse one article file: its articles, several for a feed, with the user's corrections
    from its sidecar. Raises ArticleError with a specific reason."""
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    if path.is_dir():
        raise ArticleError(path, "is a directory, not a file")
    suffix = path.suffix.lower()
    text_file = suffix in TEXT_SUFFIXES
    data, truncated = read_bytes(path, MAX_FILE_BYTES if text_file else MAX_FORMAT_BYTES)
    if not data.strip():
        raise ArticleError(path, "empty file")
    try:
        file_id = relative_id(path, root)
    except ValueError:
        file_id = path.name
    file_id = readable_name(file_id)  # a file given by its path, e.g. to `show` or to import
    if text_file:
        found = [
            parse(
                text_of(path, data), article_id=file_id, content_hash=content_hash(data), truncated=truncated, path=path
            )
        ]
    else:
        if truncated:
            raise ArticleError(path, f"larger than {MAX_FORMAT_BYTES // (1024 * 1024)} MiB")
        found = _extracted(path, suffix, data, file_id)
    corrections = read_corrections(path)
    return [with_corrections(a, corrections.get(split_id(a.id)[1] or "", {})) for a in found]


def _extracted(path: Path, suffix: str, data: bytes, file_id: str) -> list[Article]:
    try:
        extracted = formats.extract(suffix, data)
    except formats.FormatError as exc:
        raise ArticleError(path, exc.reason) from None
    found = []
    for e in extracted:
        meta = {
            k: v
            for k, v in (
                ("title", e.title),
                ("date", e.date),
                ("source", e.source),
                ("author", e.author),
                ("url", e.url),
            )
            if v
        }
        # the text a page, mail or PDF holds is capped as a text file is: it is what is indexed and analyzed
        text, truncated = cut(e.text.encode("utf-8", "surrogatepass"), MAX_FILE_BYTES)
        if e.key is None:
            article_id, digest = file_id, content_hash(data)
        else:  # an entry's analysis and bookmarks follow its own text, not the whole feed's
            article_id = f"{file_id}{ENTRY_MARK}{e.key}"
            digest = content_hash(f"{e.key}\0{e.text}".encode("utf-8", "surrogatepass"))
        found.append(
            parse(
                text.decode("utf-8", "replace"),
                article_id=article_id,
                content_hash=digest,
                meta=meta,
                truncated=truncated,
                captions=e.captions,
                headline_only=e.headline_only,
                path=path,
            )
        )
    return found


def load(path: Path, root: Path | None = None, key: str | None = None) -> Article:
    """One article of a file: the entry `key` of a feed, else the file's first article."""
    found = load_file(path, root)
    if key is None:
        return found[0]
    for article in found:
        if split_id(article.id)[1] == key:
            return article
    raise ArticleError(f"{path}{ENTRY_MARK}{key}", ENTRY_GONE)
