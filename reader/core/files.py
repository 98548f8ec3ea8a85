"""Reading one file safely: only a regular file, at most so many bytes, decoded; `ArticleError` says why not."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path

from .errors import ReaderError

MAX_FILE_BYTES = 1024 * 1024  # a text file, or the text of a page, mail or PDF, is indexed up to this (~170,000 words)
UNRECOGNISED_ENCODING = "unrecognised text encoding (UTF-16 without a byte-order mark?): save it as UTF-8"

_INVISIBLE = re.compile(r"[\s\ufeff\u200b-\u200d\u2060]+")  # \s takes in no-break and ideographic spaces


class ArticleError(ReaderError):
    """A file that cannot become an article; `reason` is a short user-facing phrase, `str()` names the file."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(reason)
        self.path = str(path)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def os_reason(exc: OSError, path: Path | None = None) -> str:
    """A short, specific phrase for why a file could not be read."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    if exc.errno == getattr(errno, "ELOOP", None):  # Windows has none
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
    wait for a writer forever, and a device might never end. On Windows it is opened in binary mode
    (O_BINARY): else Windows' C library would turn CRLF into LF and stop at the first Ctrl-Z.
    """
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(path, not_a_file(st.st_mode))
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        )
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


def text_of(path: Path, data: bytes) -> str:
    """The text of a text file's bytes; ArticleError when they are binary, or hold nothing to read."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise ArticleError(path, UNRECOGNISED_ENCODING if _wide_text(data[:4096]) else "binary file, not text")
    text = decode(data)
    if not _INVISIBLE.sub("", text):  # a byte-order mark alone, or only no-break or ideographic spaces
        raise ArticleError(path, "empty file")
    return text


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
