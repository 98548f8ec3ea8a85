"""Article files on disk: finding them, decoding them and parsing them into `Article` values."""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 1024 * 1024  # larger files are indexed up to this many bytes (about 170,000 words)
TITLE_CHARS = 90

_DATE_TOKEN = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_HEADER_LINE = re.compile(r"^(title|date|source|url|author)[ \t]*:[ \t]*(.+?)[ \t]*$", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
_CAPTION = re.compile(r"^(?P<text>.*?)[\s\u00a0]*©[\s\u00a0]*(?P<credit>[^©\n]{1,60}?)[\s\u00a0]*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Gen|Gov|Sen|Rep|Rev|Lt|Col|Capt|Sgt)|\b[A-Z])\.\Z")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ArticleError(Exception):
    """A file that cannot become an article; `reason` is a short user-facing phrase."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Caption:
    """A photo caption, kept apart from the body; `paragraph` is the body paragraph it sat before."""

    text: str
    credit: str
    paragraph: int

    @property
    def line(self) -> str:
        return f"{self.text} ©{self.credit}" if self.text else f"©{self.credit}"


@dataclass(frozen=True)
class Article:
    id: str
    path: Path
    title: str
    date: str | None
    source: str
    body: str
    captions: tuple[Caption, ...] = ()
    content_hash: str = ""
    url: str | None = None
    author: str | None = None
    truncated: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    @property
    def words(self) -> int:
        return len(self.body.split())

    def to_json(self) -> dict:
        return {
            "path": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "captions": [c.line for c in self.captions],
            "body": self.body,
        }


@dataclass(frozen=True)
class ArticleFile:
    """What a directory scan knows about an article file without reading it."""

    id: str
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def to_json(self) -> dict:
        return {"path": self.path, "reason": self.reason}


@dataclass
class Scan:
    files: list[ArticleFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # every folder walked, the root first


def is_article_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)


def scan(root: Path) -> Scan:
    """Every article file under `root`, at any depth, by stat alone; unusable entries go to `skipped`."""
    root = Path(root)
    result = Scan()
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        result.folders.append(here)
        for name in dirnames:
            if is_article_name(name):
                result.skipped.append(Skipped(_rel(here / name, root), "is a directory, not a file"))
        for name in sorted(filenames):
            if not is_article_name(name):
                continue
            path = here / name
            try:
                st = path.stat()
            except OSError as exc:
                result.skipped.append(Skipped(_rel(path, root), _os_reason(exc, path)))
                continue
            result.files.append(ArticleFile(_rel(path, root), path, st.st_size, st.st_mtime_ns))
    return result


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _os_reason(exc: OSError, path: Path | None = None) -> str:
    """A short, specific phrase for why a file could not be read."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        if path is not None and os.path.islink(path):
            return "broken symbolic link"
        return "the file was deleted before it could be read"
    if exc.errno == errno.EIO:
        return "read error on the disk"
    return (exc.strerror or exc.__class__.__name__).lower()


def read_bytes(path: Path) -> tuple[bytes, bool]:
    """The file's bytes (at most MAX_FILE_BYTES, ending on a whole line or character) and whether it
    was cut short."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ArticleError(path, _os_reason(exc, path)) from None
    if len(data) <= MAX_FILE_BYTES:
        return data, False
    data = data[:MAX_FILE_BYTES]
    line_end = data.rfind(b"\n", len(data) - 65536)
    if line_end > 0:
        return data[: line_end + 1], True
    # no line end near the cut: do not end inside a UTF-8 character, which would make the file cp1252
    keep = len(data)
    while keep > len(data) - 3 and 0x80 <= data[keep - 1] <= 0xBF:  # continuation bytes
        keep -= 1
    if data[keep - 1] >= 0xC0:  # the lead byte of the character cut
        keep -= 1
    return data[:keep], True


def decode(data: bytes) -> str:
    """Text from bytes: a BOM decides (UTF-8, UTF-16, UTF-32); else UTF-8; else cp1252. Newlines become \\n."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def load(path: Path, root: Path | None = None) -> Article:
    """Read and parse one article file. Raises ArticleError with a specific reason."""
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    if path.is_dir():
        raise ArticleError(path, "is a directory, not a file")
    data, truncated = read_bytes(path)
    if not data.strip():
        raise ArticleError(path, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise ArticleError(path, "binary file, not text")
    try:
        article_id = _rel(path, root)
    except ValueError:
        article_id = path.name
    folder = path.parent.name if path.parent != root else root.name
    return parse(
        decode(data),
        article_id=article_id,
        path=path,
        default_source=folder or "articles",
        content_hash=content_hash(data),
        truncated=truncated,
    )


def parse(
    text: str,
    *,
    article_id: str = "article.txt",
    path: Path | None = None,
    default_source: str = "articles",
    content_hash: str = "",
    truncated: bool = False,
) -> Article:
    """Parse decoded article text into an Article. Never raises on odd content."""
    text = _CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    meta, text = _split_header(text)
    date = meta.get("date")
    m = _DATE_TOKEN.match(text)
    if m and _valid_date(m.group(1)):
        date = date or m.group(1)
        text = text[m.end():]
    date = date if date and _valid_date(date) else None

    is_markdown = article_id.lower().endswith(".md")
    paragraphs, captions, headline = _split_paragraphs(text, is_markdown)
    body = "\n\n".join(paragraphs)
    title = meta.get("title") or headline or _lead_caption(captions) or _first_sentence(body)
    if not title:
        title = Path(article_id).stem.replace("_", " ") or "Untitled"
    return Article(
        id=article_id,
        path=Path(path) if path is not None else Path(article_id),
        title=_shorten(" ".join(title.split()), TITLE_CHARS),
        date=date,
        source=meta.get("source") or default_source,
        body=body,
        captions=tuple(captions),
        content_hash=content_hash,
        url=meta.get("url"),
        author=meta.get("author"),
        truncated=truncated,
    )


def _valid_date(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return False
    return True


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Front matter (--- fenced) or leading `Key: value` lines naming title, date, source, url or author."""
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text.lstrip())
    if m:
        for line in m.group(1).split("\n"):
            h = _HEADER_LINE.match(line.strip())
            if h:
                meta[h.group(1).lower()] = h.group(2).strip("\"'")
        return _normalise_meta(meta), text.lstrip()[m.end():]
    lines = text.lstrip("\n").split("\n")
    taken = 0
    for line in lines:
        h = _HEADER_LINE.match(line.strip())
        if not h:
            break
        meta[h.group(1).lower()] = h.group(2)
        taken += 1
    if taken and (taken == len(lines) or not lines[taken].strip()):
        return _normalise_meta(meta), "\n".join(lines[taken:])
    return {}, text


def _normalise_meta(meta: dict[str, str]) -> dict[str, str]:
    if "date" in meta:
        meta["date"] = meta["date"].strip()[:10]
    return {k: " ".join(v.split()) for k, v in meta.items() if v.strip()}


def _split_paragraphs(text: str, is_markdown: bool) -> tuple[list[str], list[Caption], str | None]:
    paragraphs: list[str] = []
    captions: list[Caption] = []
    headline = None
    for block in _PARAGRAPH_BREAK.split(text.strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        kept: list[str] = []
        for i, line in enumerate(lines):
            cap = _CAPTION.match(line)
            if cap:
                if kept:  # a caption after text lines closes the paragraph it sat in
                    paragraphs.append(_squash(" ".join(kept)))
                    kept = []
                captions.append(Caption(_squash(cap.group("text")), _squash(cap.group("credit")), len(paragraphs)))
            elif i + 1 < len(lines) and _is_truncated_caption(line, lines[i + 1]):
                continue
            else:
                kept.append(line)
        if not kept:
            continue
        joined = _squash(" ".join(kept))
        if headline is None and not paragraphs and _is_headline(kept, is_markdown):
            headline = _MD_HEADING.sub(r"\1", joined) if is_markdown else joined
            continue
        paragraphs.append(joined)
    return paragraphs, captions, headline


def _squash(text: str) -> str:
    return " ".join(text.split())


def _is_truncated_caption(line: str, next_line: str) -> bool:
    nxt = _CAPTION.match(next_line)
    return bool(nxt) and len(line) >= 20 and _squash(nxt.group("text")).startswith(_squash(line))


def _is_headline(lines: list[str], is_markdown: bool) -> bool:
    if len(lines) != 1:
        return False
    line = lines[0]
    if is_markdown:
        return bool(_MD_HEADING.match(line))
    # a quoted headline ('"We will win," says Messi') ends with its attribution, not a closing mark
    return len(line) <= 160 and not re.search(r"[.!?:;,\"”’]$", line)


def _lead_caption(captions: list[Caption]) -> str | None:
    return captions[0].text if captions and captions[0].paragraph == 0 and captions[0].text else None


def _first_sentence(body: str) -> str:
    first = body.split("\n\n", 1)[0]
    for m in _SENTENCE_END.finditer(first):
        if not _ABBREVIATION.search(first, 0, m.start()):  # "Mr. Bach", "U.S. Olympic", "Thomas J. Bach"
            return first[: m.start()]
    return first


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"
