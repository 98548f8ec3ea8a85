"""Bookmarks written out as CSV, Markdown or JSON, and one bookmark as a one-line citation."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from .anchoring import selector_for
from .bookmarks import OK, Bookmark, BookmarkError, utc_now
from .files import ArticleError, read_regular
from .model import Article
from .paths import write_whole
from .scanning import inside

FORMATS = ("csv", "md", "json")
COLUMNS = ("quote", "speaker", "title", "source", "date", "path", "note", "tags", "added", "status")

_OPENING, _CLOSING = '"“„«', '"”»'
_PARAGRAPHS = re.compile(r"\n\s*\n")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>])")
_MD_LINE_MARK = re.compile(r"^([ \t]*)([#>+\-=|])", re.M)  # what would start a heading, a list…
_MD_NUMBERED = re.compile(r"^([ \t]*\d+)([.)])", re.M)  # …or a numbered list


def export(bookmarks: Sequence[Bookmark], fmt: str) -> str:
    """The bookmarks, in order, as the text of a file in format `fmt` (one of FORMATS)."""
    writers = {"csv": _csv, "md": _markdown, "json": _json}
    if fmt not in writers:
        raise BookmarkError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
    return writers[fmt](bookmarks)


STDOUT = "-"  # `--output -`
MAX_EARLIER_EXPORT_BYTES = 64 * 1024 * 1024  # a file larger than this is not read to see if it is an export


class NotAnExport(BookmarkError):
    """The export would replace a file that is not an earlier export in the same format: only when asked to."""


def save(
    bookmarks: Sequence[Bookmark], fmt: str, path: Path, *, data_dir: Path | None = None, force: bool = False
) -> None:
    """Write the export to `path` whole or not at all.

    Never into the data folder, never over a link, a pipe, a device or a folder, and over an existing
    file that is not an earlier export in this format only with `force` (else NotAnExport).
    """
    text = export(bookmarks, fmt)
    path = Path(path)
    check_target(path, fmt, data_dir, force)
    try:
        write_whole(path, text)
    except OSError as exc:
        raise BookmarkError(f"cannot write {path}: {exc.strerror or exc}") from None


def check_target(path: Path, fmt: str, data_dir: Path | None, force: bool = False) -> None:
    """Raise BookmarkError if an export must not be written to `path`; NotAnExport if only `force` allows it."""
    if data_dir is not None and (
        inside(path, Path(data_dir).resolve()) or inside(path.absolute().parent, Path(data_dir).resolve())
    ):
        raise BookmarkError(
            f"will not write {path}: it is in the data folder {data_dir}, beside your "
            "bookmarks; export to another folder"
        )
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BookmarkError(f"cannot write {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        raise BookmarkError(f"will not replace {path}: it is a symbolic link; export to a file")
    if stat.S_ISDIR(st.st_mode):
        raise BookmarkError(f"cannot write {path}: it is a folder; give a file name")
    if not stat.S_ISREG(st.st_mode):
        raise BookmarkError(f"will not write {path}: it is a pipe, socket or device, not a file")
    if not force and not is_export(path, fmt):
        raise NotAnExport(f"will not replace {path}: it is not an earlier {fmt.upper()} export of bookmarks")


def is_export(path: Path, fmt: str) -> bool:
    """Whether the regular file at `path` is an export in format `fmt`, as `export` writes it."""
    try:
        text = read_regular(path, MAX_EARLIER_EXPORT_BYTES).decode("utf-8")
    except (ArticleError, UnicodeDecodeError):
        return False
    if len(text) > MAX_EARLIER_EXPORT_BYTES:
        return False
    if fmt == "csv":
        return text.split("\n", 1)[0].rstrip("\r") == ",".join(COLUMNS)
    if fmt == "md":
        return text.startswith("# Bookmarks\n")
    try:
        records = json.loads(text)
    except ValueError:
        return False
    return isinstance(records, list) and all(isinstance(r, dict) and set(r) == set(COLUMNS) for r in records)


def unsaved(article: Article, start: int, end: int, speaker: str | None = None) -> Bookmark:
    """article.body[start:end] as a bookmark that is not stored (id 0), e.g. to cite it."""
    sel = selector_for(article.body, start, end)
    return Bookmark(
        0,
        str(Path(article.path).parent),
        article.id,
        article.content_hash,
        sel.exact,
        sel.prefix,
        sel.suffix,
        start,
        end,
        speaker,
        "",
        (),
        utc_now(),
        article.title,
        article.source,
        article.date,
        OK,
    )


def citation(b: Bookmark) -> str:
    """One line: "quote" — Speaker, Title (Source, date); without the parts the bookmark does not have."""
    return quote_citation(b.exact, b.speaker, b.title, b.source, b.date)


def quote_citation(exact: str, speaker: str | None, title: str, source: str, date: str | None) -> str:
    """A bookmark's citation for any quote: "quote" — Speaker, Title (Source, date)."""
    return f'"{plain_quote(exact)}" — {_credit(speaker, title, source, date)}'


def plain_quote(exact: str) -> str:
    """The passage on one line, without its outer quote marks or the opening mark of each later paragraph."""
    paragraphs = [p.strip() for p in _PARAGRAPHS.split(exact.strip()) if p.strip()]
    if not paragraphs:
        return ""
    paragraphs = [p[1:].lstrip() if p[0] in _OPENING else p for p in paragraphs]
    if paragraphs[-1][-1:] in _CLOSING:
        paragraphs[-1] = paragraphs[-1][:-1].rstrip()
    return " ".join(" ".join(p.split()) for p in paragraphs)


def unquoted(exact: str) -> str:
    """The passage without its outer quote marks when it starts and ends with them, so it can be shown in one pair."""
    text = exact.strip()
    if len(text) > 1 and text[0] in _OPENING and text[-1] in _CLOSING:
        return plain_quote(text)
    return text


def _record(b: Bookmark) -> dict:
    return {
        "quote": b.exact,
        "speaker": b.speaker,
        "title": b.title,
        "source": b.source,
        "date": b.date,
        "path": str(b.path),
        "note": b.note,
        "tags": list(b.tags),
        "added": b.created,
        "status": b.status,
    }


def _credit(speaker: str | None, title: str, source: str, date: str | None) -> str:
    """Speaker, Title (Source, date)."""
    who = ", ".join(part for part in (speaker, title) if part)
    where = ", ".join(part for part in (source, date) if part)
    return f"{who} ({where})" if who and where else who or f"({where})"


def _csv(bookmarks: Sequence[Bookmark]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for b in bookmarks:
        record = _record(b)
        record["tags"] = "; ".join(record["tags"])
        writer.writerow([_inert("" if record[c] is None else str(record[c])) for c in COLUMNS])
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula (a quote "=HYPERLINK(…)" or a note
    "+1") gets a leading apostrophe, which Excel, LibreOffice and Sheets take as "this is text"."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def _json(bookmarks: Sequence[Bookmark]) -> str:
    return json.dumps([_record(b) for b in bookmarks], ensure_ascii=False, indent=2) + "\n"


def _markdown(bookmarks: Sequence[Bookmark]) -> str:
    blocks = ["# Bookmarks"]
    for b in bookmarks:
        paragraphs = [p.strip() for p in _PARAGRAPHS.split(b.exact.strip()) if p.strip()]
        blocks.append("\n>\n".join("\n".join(f"> {_md(line.strip())}" for line in p.splitlines()) for p in paragraphs))
        title = f"*{_md_line(b.title)}*" if b.title else ""
        blocks.append(f"— {_credit(_md_line(b.speaker or ''), title, _md_line(b.source), b.date)}")
        details = [f"File: {_md_line(str(b.path))}"]
        if b.note:
            details.append(f"Note: {_md(' '.join(b.note.split()))}")
        if b.tags:
            details.append(f"Tags: {_md_line(', '.join(b.tags))}")
        if b.status != "ok":
            details.append(f"Status: {b.status}")
        blocks.append(" · ".join(details))
    return "\n\n".join(blocks) + "\n"


def _md_line(text: str) -> str:
    """`_md(text)` kept on its line: a line break (a file may be named with one) is written as \\n."""
    return _md(text).replace("\r", "\\r").replace("\n", "\\n")


def _md(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, HTML, headings or lists made of it."""
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_NUMBERED.sub(r"\1\\\2", _MD_LINE_MARK.sub(r"\1\\\2", text))
