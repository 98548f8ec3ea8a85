"""Article files on disk: finding them, decoding them and parsing them into `Article` values."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import formats
from .errors import ReaderError
from .paths import temporary_beside

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + formats.SUFFIXES
MAX_FILE_BYTES = 1024 * 1024  # a text file, or the text of a page, mail or PDF, is indexed up to this (~170,000 words)
MAX_FORMAT_BYTES = 64 * 1024 * 1024  # a saved page, feed, PDF or e-mail is read whole, up to this size
TITLE_CHARS = 90
SIDECAR_SUFFIX = ".meta.json"  # "report.pdf.meta.json": the user's corrections of report.pdf's details
MAX_SIDECAR_BYTES = 1024 * 1024  # a corrections file is a few lines
CORRECTABLE = ("title", "date", "source")
ENTRY_MARK = "#"  # "feeds/sport.rss#3fa9c2d1": one entry of a file that holds several articles
ENTRY_GONE = "the entry is no longer in the feed"
NAME_NOT_UTF8 = "its name is not valid UTF-8: rename it to index it"
LINK_LEAVES = "a link to outside the folder: not followed"
UNRECOGNISED_ENCODING = "unrecognised text encoding (UTF-16 without a byte-order mark?): save it as UTF-8"

_DATE_TOKEN = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_HEADER_LINE = re.compile(r"^(title|date|source|url|author)[ \t]*:[ \t]*(.+?)[ \t]*$", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
_CAPTION = re.compile(r"^(?P<text>.*?)[\s\u00a0]*©[\s\u00a0]*(?P<credit>[^©\n]{1,60}?)[\s\u00a0]*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Gen|Gov|Sen|Rep|Rev|Lt|Col|Capt|Sgt)|\b[A-Z])\.\Z")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile(r"[\s\ufeff\u200b-\u200d\u2060]+")  # \s takes in no-break and ideographic spaces


class ArticleError(ReaderError):
    """A file that cannot become an article; `reason` is a short user-facing phrase, `str()` names the file."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(reason)
        self.path = str(path)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


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
    corrected: frozenset[str] = frozenset()  # the details taken from the sidecar, not the file

    @property
    def file_id(self) -> str:
        """The id of the file the article is in (its own id, unless it is one entry of a feed)."""
        return split_id(self.id)[0]

    @cached_property
    def fingerprint(self) -> str:
        """The same for copies of one text (saved twice, or wire copy run by several outlets)."""
        return fingerprint(self.body) or f"id:{self.id}"

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
            "author": self.author,
            "url": self.url,
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


def readable_name(name: str) -> str:
    """A file name as a person reads it: a name that is not valid UTF-8 (made on Windows or an older Mac,
    say) has its bytes read as cp1252, as a text file's are."""
    if not is_undecodable(name):
        return name
    return os.fsencode(name).decode("cp1252", errors="replace")


def is_undecodable(name: str) -> bool:
    """Whether the OS gave this name as bytes that are not UTF-8 (Python keeps them as lone surrogates,
    which no index, database or terminal takes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def is_article_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)


def split_id(article_id: str) -> tuple[str, str | None]:
    """(the file's id, the entry's key or None): "sport.rss#3fa9c2d1" → ("sport.rss", "3fa9c2d1")."""
    file_id, mark, key = article_id.rpartition(ENTRY_MARK)
    if mark and key and file_id.lower().endswith(formats.MULTI_SUFFIXES):
        return file_id, key
    return article_id, None


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def has_sidecar(path: Path) -> bool:
    """Whether something is where `path`'s corrections file would be; never when the name is too long."""
    try:
        return sidecar(path).exists()
    except OSError:  # e.g. ENAMETOOLONG: a 255-byte name leaves no room for ".meta.json"
        return False


def scan(root: Path) -> Scan:
    """Every article file under `root`, at any depth, by stat alone; unusable entries go to `skipped`."""
    root = Path(root)
    real_root = Path(os.path.realpath(root))
    result = Scan()
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        here = Path(dirpath)
        for name in (d for d in dirnames if is_undecodable(d) and not d.startswith(".")):
            result.skipped.append(Skipped(readable_name(_rel(here / name, root)) + "/", NAME_NOT_UTF8))
        for name in (d for d in dirnames if not d.startswith(".") and not is_undecodable(d)):
            if link_leaves(here / name, real_root):  # never walked: said, as a file link's would be
                result.skipped.append(Skipped(_rel(here / name, root) + "/", LINK_LEAVES))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not is_undecodable(d))
        result.folders.append(here)
        for name in dirnames:
            if is_article_name(name):
                result.skipped.append(Skipped(_rel(here / name, root), "is a directory, not a file"))
        present = set(filenames)
        for name in sorted(filenames):
            if not is_article_name(name):
                continue
            path = here / name
            if is_undecodable(name):
                result.skipped.append(Skipped(readable_name(_rel(path, root)), NAME_NOT_UTF8))
                continue
            if link_leaves(path, real_root):
                result.skipped.append(Skipped(_rel(path, root), LINK_LEAVES))
                continue
            try:
                st = path.stat()
            except OSError as exc:
                result.skipped.append(Skipped(_rel(path, root), os_reason(exc, path)))
                continue
            if not stat.S_ISREG(st.st_mode):  # a pipe would block the reader, a device never end
                result.skipped.append(Skipped(_rel(path, root), not_a_file(st.st_mode)))
                continue
            size, mtime_ns = st.st_size, st.st_mtime_ns
            if name + SIDECAR_SUFFIX in present:  # corrections count as a change of the article
                try:
                    side = sidecar(path).stat()
                    size, mtime_ns = size + side.st_size, max(mtime_ns, side.st_mtime_ns)
                except OSError:
                    pass
            result.files.append(ArticleFile(_rel(path, root), path, size, mtime_ns))
    return result


def link_leaves(path: Path, real_root: Path) -> bool:
    """Whether `path` is a symbolic link to somewhere outside the folder `real_root` (its real path).

    Such a link is never followed: in a folder unpacked from an archive it could reach any file of the
    user's (`~/.ssh`, say) and make it an article. A link loop or a broken link is left to the reading.
    """
    if not os.path.islink(path):
        return False
    target = Path(os.path.realpath(path))
    return target != real_root and real_root not in target.parents


def inside(path: Path, root: Path) -> bool:
    """Whether `path` is in the folder `root` (resolved), at any depth."""
    try:
        Path(path).resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def os_reason(exc: OSError, path: Path | None = None) -> str:
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


def not_a_file(mode: int) -> str:
    """Why what is at a path with this `st_mode` is not read: a pipe, a device or a socket."""
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    return "a socket or other special file, not a file"


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file at `path`; ArticleError for anything else.

    What is there is checked before it is opened, and opened without blocking: a named pipe would
    wait for a writer forever, and a device might never end.
    """
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(path, not_a_file(st.st_mode))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())  # it may have been swapped for a pipe since
            if not stat.S_ISREG(st.st_mode):
                raise ArticleError(path, not_a_file(st.st_mode))
            return fh.read(limit + 1)
    except OSError as exc:
        raise ArticleError(path, os_reason(exc, path)) from None


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, bool]:
    """The file's bytes (at most `limit`, ending on a whole line or character) and whether it was cut short."""
    return cut(read_regular(path, limit), limit)


def cut(data: bytes, limit: int = MAX_FILE_BYTES) -> tuple[bytes, bool]:
    """`data`, at most `limit` bytes of it ending on a whole line or UTF-8 character, and whether it was cut."""
    if len(data) <= limit:
        return data, False
    data = data[:limit]
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


def _wide_text(sample: bytes) -> bool:
    """Whether the NUL bytes fall as in UTF-16 without a byte-order mark: every other byte of Latin text."""
    if len(sample) < 8:
        return False
    for zeros, letters in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):  # little, big endian
        if zeros.count(0) >= 0.7 * len(zeros) and letters.count(0) <= 0.05 * len(letters):
            return True
    return False


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


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
        file_id = _rel(path, root)
    except ValueError:
        file_id = path.name
    file_id = readable_name(file_id)  # a file given by its path, e.g. to `show` or to import
    folder = path.parent.name if path.parent != root else root.name
    common = dict(path=path, default_source=folder or "articles")
    if text_file:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            raise ArticleError(path, UNRECOGNISED_ENCODING if _wide_text(data[:4096]) else "binary file, not text")
        text = decode(data)
        if not _INVISIBLE.sub("", text):  # a byte-order mark alone, or only no-break or ideographic spaces
            raise ArticleError(path, "empty file")
        found = [parse(text, article_id=file_id, content_hash=content_hash(data), truncated=truncated, **common)]
    else:
        if truncated:
            raise ArticleError(path, f"larger than {MAX_FORMAT_BYTES // (1024 * 1024)} MiB")
        found = _extracted(path, suffix, data, file_id, common)
    corrections = read_corrections(path)
    return [_corrected(a, corrections.get(split_id(a.id)[1] or "", {})) for a in found]


def _extracted(path: Path, suffix: str, data: bytes, file_id: str, common: dict) -> list[Article]:
    try:
        extracted = formats.extract(suffix, data)
    except formats.FormatError as exc:
        raise ArticleError(path, exc.reason) from None
    found = []
    for e in extracted:
        meta = {k: v for k, v in (("title", e.title), ("date", e.date), ("source", e.source),
                                  ("author", e.author), ("url", e.url)) if v}
        # the text a page, mail or PDF holds is capped as a text file is: it is what is indexed and analyzed
        text, truncated = cut(e.text.encode("utf-8", "surrogatepass"), MAX_FILE_BYTES)
        if e.key is None:
            article_id, digest = file_id, content_hash(data)
        else:  # an entry's analysis and bookmarks follow its own text, not the whole feed's
            article_id = f"{file_id}{ENTRY_MARK}{e.key}"
            digest = content_hash(f"{e.key}\0{e.text}".encode("utf-8", "surrogatepass"))
        found.append(parse(text.decode("utf-8", "replace"), article_id=article_id, content_hash=digest, meta=meta,
                           truncated=truncated, **common))
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


# ---------------------------------------------------------------- corrections


class DetailsError(ReaderError):
    """An article's details (title, date, source) that cannot be saved; the message is one line for the user."""


def checked_date(value: str | None) -> str:
    """`value` as a YYYY-MM-DD date, or "" when empty; DetailsError when it is not a date."""
    value = (value or "").strip()
    if value and not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and _valid_date(value)):
        raise DetailsError(f"“{_shorten(value, 30)}” is not a date; write it as YYYY-MM-DD")
    return value


def read_corrections(path: Path) -> dict[str, dict[str, str]]:
    """The user's corrections of the file's articles, by entry key ("" for a file of one article).

    A sidecar that cannot be read or understood counts as none: the article shows as the file has it.
    """
    try:
        raw = json.loads(read_regular(sidecar(path), MAX_SIDECAR_BYTES).decode("utf-8"))
    except (ArticleError, ValueError):  # missing, not a file, or not JSON
        return {}
    if not isinstance(raw, dict):
        return {}
    entries = raw.get("entries") if isinstance(raw.get("entries"), dict) else {}
    out = {key: _valid_corrections(fields) for key, fields in entries.items() if isinstance(fields, dict)}
    out[""] = _valid_corrections(raw)
    return {k: v for k, v in out.items() if v}


def _valid_corrections(fields: dict) -> dict[str, str]:
    out = {}
    for name in CORRECTABLE:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            value = " ".join(value.split())
            if name != "date" or _valid_date(value):
                out[name] = value[:10] if name == "date" else value
    return out


def save_corrections(article: Article, **values: str | None) -> Path:
    """Save corrections of the article's title, date or source beside its file; the file is untouched.

    A value of "" or None drops that correction (the file's own value shows again). The sidecar is
    replaced whole, through a temporary file, so a crash leaves the old one or the new one.
    """
    unknown = set(values) - set(CORRECTABLE)
    if unknown:
        raise DetailsError(f"only {', '.join(CORRECTABLE)} can be corrected, not {', '.join(sorted(unknown))}")
    if "date" in values:
        values["date"] = checked_date(values["date"])
    path, key = Path(article.path), split_id(article.id)[1] or ""
    side = sidecar(path)
    if has_sidecar(path):
        try:
            raw = json.loads(read_regular(side, MAX_SIDECAR_BYTES).decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not an object")
        except ArticleError as exc:  # never overwrite what the user may have written by hand
            raise DetailsError(f"the corrections file {side.name} cannot be read ({exc.reason}); "
                               "fix or delete it first") from None
        except ValueError as exc:
            raise DetailsError(f"the corrections file {side.name} cannot be read ({exc}); "
                               "fix or delete it first") from None
    else:
        raw = {}
    target = raw.setdefault("entries", {}).setdefault(key, {}) if key else raw
    for name, value in values.items():
        value = " ".join((value or "").split())
        if value:
            target[name] = value
        else:
            target.pop(name, None)
    if key and not target:
        del raw["entries"][key]
    if "entries" in raw and not raw["entries"]:
        del raw["entries"]
    try:
        if not raw:
            side.unlink(missing_ok=True)
        else:
            tmp = temporary_beside(side)
            tmp.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, side)
    except OSError as exc:
        raise DetailsError(f"cannot save the corrections beside {path.name}: {os_reason(exc)}") from None
    return side


def _corrected(article: Article, corrections: dict[str, str]) -> Article:
    if not corrections:
        return article
    return dataclasses.replace(article, **corrections, corrected=frozenset(corrections))


# ---------------------------------------------------------------- copies


def fingerprint(body: str) -> str:
    """A digest of the body's words alone: case, accents, punctuation, quote marks and spacing differ
    between copies of one wire story, and between a page saved as HTML and as text."""
    if not body:
        return ""
    folded = unicodedata.normalize("NFKD", body.casefold())
    words = re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c)))
    return hashlib.blake2b(" ".join(words).encode(), digest_size=12).hexdigest() if words else ""


def parse(
    text: str,
    *,
    article_id: str = "article.txt",
    path: Path | None = None,
    default_source: str = "articles",
    content_hash: str = "",
    truncated: bool = False,
    meta: dict[str, str] | None = None,
) -> Article:
    """Parse decoded article text into an Article. Never raises on odd content.

    `meta` is what an extractor (of a page, feed, PDF or e-mail) found; then the text has no header.
    """
    text = _CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    extracted = meta is not None
    meta, text = (_normalise_meta(dict(meta)), text) if extracted else _split_header(text)
    date = meta.get("date")
    m = _DATE_TOKEN.match(text)
    if m and _valid_date(m.group(1)):
        date = date or m.group(1)
        text = text[m.end():]
    date = date if date and _valid_date(date) else None

    is_markdown = article_id.lower().endswith(".md")
    # an extractor's text starts with its title at most: a short first paragraph is not a heading
    only = (lambda line: line == meta.get("title")) if extracted else None
    paragraphs, captions, headline = _split_paragraphs(text, is_markdown, only)
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


def _split_paragraphs(text: str, is_markdown: bool, headline_if=None) -> tuple[list[str], list[Caption], str | None]:
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
        if headline is None and not paragraphs and _is_headline(kept, is_markdown) and \
                (headline_if is None or headline_if(joined)):
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
