"""Outlook messages (.msg): the mail's subject, sender, date and text read from its OLE streams with olefile
(BSD), then read as a saved e-mail is (`mail.articles`: forwards unwrapped, attached messages as articles).

A .msg is an OLE compound file. Each variable-size property of the message is a stream
"__substg1.0_IIIITTTT" (IIII the property's id, TTTT its type: 001F UTF-16 text, 001E 8-bit text in the
message's code page, 0102 bytes); fixed-size ones (the dates) are 16-byte entries of the stream
"__properties_version1.0". A message attached to it (Outlook's "Forward as Attachment") is the storage
"__substg1.0_3701000D" of an attachment, read the same way. The text is the plain-text body, else the HTML
body; a message whose text Outlook kept only as rich text (RTF) is skipped with how to save it readably.

extract-msg reads more of the format, but is GPL-3, which an MIT app cannot take in; these few streams
need no more than olefile.
"""

from __future__ import annotations

import datetime as _dt
import io
import struct
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parsedate_to_datetime

from reader.core.formats import Extracted, FormatError
from reader.core.formats.mail import ENCRYPTED, articles, text_of
from reader.core.formats.markup import clean, squash

UNREADABLE = "could not read the Outlook message"
NOT_OUTLOOK = f"{UNREADABLE}: not an Outlook .msg file"
RTF_ONLY = (
    "an Outlook message whose text is kept only as rich text (RTF), which is not read: "
    "in Outlook, save it with File › Save As as HTML or Text Only"
)

_SUBJECT, _SENDER_NAME, _SENT_FOR_NAME = 0x0037, 0x0C1A, 0x0042
_SENDER_SMTP, _SENDER_ADDRESS, _SENDER_ADDRESS_TYPE, _SENT_FOR_ADDRESS = 0x5D01, 0x0C1F, 0x0C1E, 0x0065
_SUBMITTED, _DELIVERED, _CREATED = 0x0039, 0x0E06, 0x3007  # PT_SYSTIME
_BODY, _HTML, _RTF, _HEADERS, _MESSAGE_ID, _CLASS = 0x1000, 0x1013, 0x1009, 0x007D, 0x1035, 0x001A
_CODE_PAGE, _INTERNET_CODE_PAGE, _MIME_TYPE = 0x3FFD, 0x3FDE, 0x370E  # PT_LONG, PT_LONG, text
_EMBEDDED = "__substg1.0_3701000D"
_PT_LONG, _PT_SYSTIME = 0x0003, 0x0040
_ENCRYPTED_TYPES = ("application/pgp-encrypted", "application/pkcs7-mime", "application/x-pkcs7-mime")


def read(data: bytes) -> list[Extracted]:
    import olefile

    if not olefile.isOleFile(io.BytesIO(data)):
        raise FormatError(NOT_OUTLOOK)
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            message = _Message(ole, []).email()
    except (OSError, ValueError, struct.error, IndexError, KeyError, TypeError, OverflowError) as exc:
        raise FormatError(UNREADABLE) from exc
    return articles(message)


class _Message:
    """One message of a .msg file: the file's own (at `path` []) or one attached to it."""

    def __init__(self, ole, path: list[str]):
        self.ole, self.path = ole, path
        header = 32 if not path else 24  # the top message's property stream has a longer header
        self.fixed = _fixed_properties(self._stream(["__properties_version1.0"]) or b"", header)

    def email(self) -> EmailMessage:
        message = EmailMessage()
        for name, value in (("Subject", self._text(_SUBJECT)), ("Message-ID", self._text(_MESSAGE_ID))):
            if value:
                message[name] = squash(value)
        sender = self._sender()
        if sender:
            message["From"] = sender
        sent = self._date()
        if sent:
            message["Date"] = format_datetime(sent)
        attached, encrypted = self._attachments()
        body, markup = self._text(_BODY), self._html()
        if body and body.strip():
            message.set_content(clean(body))
        elif markup and markup.strip():
            message.set_content(clean(markup), subtype="html")
        elif not attached:
            cls = self._text(_CLASS) or ""
            if encrypted or (cls.upper().startswith("IPM.NOTE.SMIME") and "SIGNED" not in cls.upper()):
                raise FormatError(ENCRYPTED)
            if self._stream([_stream_name(_RTF, 0x0102)]):
                raise FormatError(RTF_ONLY)
        for inner in attached:
            message.add_attachment(inner)
        return message

    def _sender(self) -> str | None:
        name = self._text(_SENDER_NAME) or self._text(_SENT_FOR_NAME)
        address = self._text(_SENDER_SMTP)
        if not address and (self._text(_SENDER_ADDRESS_TYPE) or "SMTP").upper() == "SMTP":
            address = self._text(_SENDER_ADDRESS)
        address = address or self._text(_SENT_FOR_ADDRESS)
        address = address if address and "@" in address else None  # an Exchange "/O=…" path is no address
        name = squash(name or "") or None
        if name and "<" in name:  # "Matthew Robinson <mrobinson@unstructured.io>" in the sent-for name
            name = name.split("<")[0].strip().strip('"') or None
        return formataddr((name or "", address)) if address else name

    def _date(self) -> _dt.datetime | None:
        """The Date its sender's client wrote in the internet headers, else when it was sent, received, made."""
        for line in (self._text(_HEADERS) or "").splitlines():
            if line.lower().startswith("date:"):
                try:
                    return parsedate_to_datetime(line[5:].strip())
                except (TypeError, ValueError, IndexError):
                    break
        for prop in (_SUBMITTED, _DELIVERED, _CREATED):
            when = self.fixed.get((prop, _PT_SYSTIME))
            if when:
                return _filetime(when)
        return None

    def _html(self) -> str | None:
        data = self._stream([_stream_name(_HTML, 0x0102)])
        if data is None:
            return self._text(_HTML)
        page = self.fixed.get((_INTERNET_CODE_PAGE, _PT_LONG)) or self.fixed.get((_CODE_PAGE, _PT_LONG))
        return text_of(data, f"cp{page}" if page else None)

    def _attachments(self) -> tuple[list[EmailMessage], bool]:
        """The messages attached to this one, and whether an attachment says the mail is encrypted."""
        found, encrypted = [], False
        prefix = len(self.path)
        below = self.ole.listdir(streams=True, storages=True)
        names = sorted({entry[prefix] for entry in below if len(entry) > prefix and entry[:prefix] == self.path})
        for name in (n for n in names if n.startswith("__attach_version1.0_#")):
            attachment = [*self.path, name]
            if self.ole.exists("/".join([*attachment, _EMBEDDED])):
                found.append(_Message(self.ole, [*attachment, _EMBEDDED]).email())
            mime = self._text(_MIME_TYPE, (name,)) or ""
            encrypted = encrypted or mime.lower() in _ENCRYPTED_TYPES
        return found, encrypted

    def _text(self, prop: int, below: tuple[str, ...] = ()) -> str | None:
        """A text property of this message, or of its part `below` it (an attachment)."""
        wide = self._stream([*below, _stream_name(prop, 0x001F)])
        if wide is not None:
            return wide.decode("utf-16-le", "replace").rstrip("\x00")
        narrow = self._stream([*below, _stream_name(prop, 0x001E)])
        if narrow is None:
            return None
        page = self.fixed.get((_CODE_PAGE, _PT_LONG))
        return text_of(narrow.rstrip(b"\x00"), f"cp{page}" if page else None)

    def _stream(self, names: list[str]) -> bytes | None:
        path = "/".join([*self.path, *names])
        if not self.ole.exists(path):
            return None
        with self.ole.openstream(path) as stream:
            return stream.read()


def _stream_name(prop: int, kind: int) -> str:
    return f"__substg1.0_{prop:04X}{kind:04X}"


def _fixed_properties(data: bytes, header: int) -> dict[tuple[int, int], int]:
    """(property id, type) → the value of each fixed-size property (dates as FILETIME, longs as numbers)."""
    found: dict[tuple[int, int], int] = {}
    for at in range(header, len(data) - 15, 16):
        tag, _flags, value = struct.unpack_from("<IIq", data, at)
        kind, prop = tag & 0xFFFF, tag >> 16
        if kind == _PT_LONG:
            value &= 0xFFFFFFFF
        found[(prop, kind)] = value
    return found


def _filetime(value: int) -> _dt.datetime | None:
    """A FILETIME (100 ns since 1601-01-01 UTC) as a datetime; None for 0 or a value past any real date."""
    try:
        return _dt.datetime(1601, 1, 1, tzinfo=_dt.UTC) + _dt.timedelta(microseconds=value // 10)
    except OverflowError:
        return None
