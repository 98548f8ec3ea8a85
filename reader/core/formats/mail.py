"""Saved e-mails (.eml): the article a colleague forwarded, without the forwarding note, header block or signature.

The article is, in this order of preference:
- each message attached to the mail (`message/rfc822`: a forward sent as an attachment, or the parts of a
  digest); the covering note is not the article. Several attached messages are an article each;
- else the message forwarded inside the mail's text, in any common client's form and language (see
  `forwards`), whose header block describes the article better than the outer headers do;
- else the mail's own text.

The text is the text/plain part, or the text/html part as text when there is none or it is empty. A part
is decoded by its declared charset unless its bytes are UTF-8 (a UTF-8 body declared as us-ascii or
ISO-8859-1 is common), and undeclared or undecodable bytes as a text file's are: UTF-8, else cp1252. A
body `>`-quoted throughout is unquoted. Everything from a "-- " signature line on is dropped.

Metadata:
- title: the article's own first line when it reads as a headline (one short line, no closing
  punctuation), else the Subject (the forwarded one first) without "Fwd:", "WG:", "Re:" … prefixes;
- date: the forwarded message's date (as its client wrote it, in its language), else the mail's Date;
- author: a "By Name" line at the article's head, else the display name of the forwarded message's
  sender (never the forwarder's), or the mail's own From when nothing is forwarded;
- source: a "Source: Reuters" line at the article's head, else that same sender's display name, else
  the domain of the sender's address;
- url: the address on a "Read more: …" / "Original: …" / "Link: …" line, which is taken out of the text.
"""

from __future__ import annotations

import codecs
import email
import re
from dataclasses import replace
from email import policy
from email.message import EmailMessage, Message

from reader.core.files import decode
from reader.core.formats import NO_TEXT, Extracted, FormatError, unique_key
from reader.core.formats.dates import iso_date
from reader.core.formats.forwards import Forwarded, bare_subject, forwarded, person, unquoted
from reader.core.formats.markup import clean, fragment_to_text, join_paragraphs, squash
from reader.core.model import PARAGRAPH_BREAK

UNREADABLE = "could not read the e-mail"
ENCRYPTED = "an encrypted e-mail: it can only be read with its key, in the mail program"

_SIGNATURE = re.compile(r"^--\s?$")
_SOURCE = re.compile(r"^source\s*:\s*(?P<name>.{2,80})$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<name>[^\d,;:]{2,60})$", re.I)
_LINK = re.compile(
    r"^(?:read more|read the full (?:story|article)|full story|original(?: article)?|link|url|source url)"
    r"\s*[:\-–]?\s*<?(?P<url>https?://[^\s<>]+)>?$",
    re.I,
)
_OUTER_HEADERS = ("from", "subject", "date", "message-id", "mime-version", "to", "received", "content-type")
_ENCRYPTED_TYPES = ("multipart/encrypted", "application/pkcs7-mime", "application/x-pkcs7-mime")


def read(data: bytes) -> list[Extracted]:
    try:
        message = email.message_from_bytes(_as_8bit(data), policy=policy.default)
    except (ValueError, TypeError, LookupError, IndexError) as exc:
        raise FormatError(UNREADABLE) from exc
    if not any(_header(message, name) for name in _OUTER_HEADERS):
        raise FormatError(UNREADABLE)  # no header a mail has: random bytes read as a body, not an e-mail
    return articles(message)


def _as_8bit(data: bytes) -> bytes:
    """A whole mail saved as UTF-16 (as some Windows tools do) made the bytes a mail is; others as they are."""
    wide = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        wide = "utf-16"
    elif len(data) >= 4 and data[1] == data[3] == 0 and data[0] and data[2]:
        wide = "utf-16-le"  # headers are ASCII: every other byte is NUL
    elif len(data) >= 4 and data[0] == data[2] == 0 and data[1] and data[3]:
        wide = "utf-16-be"
    return data.decode(wide, "replace").encode("utf-8") if wide else data


def articles(message: EmailMessage) -> list[Extracted]:
    """The articles of a parsed mail: its attached messages, each one article, else the mail itself.
    Several articles get keys, from each message's Message-ID (else its sender, date and subject); one
    without a date of its own (a digest's part) is of the mail's date."""
    mailed = iso_date(_header(message, "date"))
    attached = [(m, replace(a, date=a.date or mailed)) for m in _attached(message) if (a := _article(m))]
    if not attached:
        if message.get_content_type() in _ENCRYPTED_TYPES:
            raise FormatError(ENCRYPTED)
        article = _article(message)
        if article is None:
            raise FormatError(NO_TEXT)
        return [article]
    if len(attached) == 1:
        return [attached[0][1]]
    taken: set[str] = set()
    return [_keyed(article, unique_key(_identity(m) or article.text, taken)) for m, article in attached]


def _attached(message: EmailMessage) -> list[EmailMessage]:
    """The messages attached to a mail at any depth of its parts, but not those attached to them."""
    found: list[EmailMessage] = []
    todo = [message]
    while todo:
        part = todo.pop(0)
        if part is not message and part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, EmailMessage):
                found.append(inner)
        elif part.is_multipart():
            payload = part.get_payload()
            todo[:0] = [p for p in payload if isinstance(p, EmailMessage)] if isinstance(payload, list) else []
    return found


def _article(message: EmailMessage) -> Extracted | None:
    """One message as an article, or None when it holds no text."""
    subject = _header(message, "subject")
    lines = _body_lines(message)
    inner: Forwarded | None = forwarded(lines, subject)
    if inner is not None:
        lines = inner.lines
    lines = [line if line.strip() else "" for line in unquoted(_before_signature(lines))]  # "> \u00a0" too
    meta, lines = _article_lines(lines)
    paragraphs = join_paragraphs("\n".join(lines).split("\n\n"), keep_lines=True).split(PARAGRAPH_BREAK)
    title, paragraphs = _headline(paragraphs, (inner and inner.subject) or subject, inner is not None)
    text = join_paragraphs(paragraphs)
    if not text:
        return None
    # a forward's sender is the article's; the forwarder is nobody's author, even when the block names none
    name, address = person(inner.sender if inner is not None else _header(message, "from"))
    domain = address.rpartition("@")[2] if address else None
    return Extracted(
        text=text,
        title=title,
        date=(inner and inner.date) or iso_date(_header(message, "date")),
        source=meta.get("source") or name or domain,
        author=meta.get("author") or name,
        url=meta.get("url"),
    )


def _identity(message: Message) -> str:
    return (
        _header(message, "message-id")
        or " ".join(_header(message, name) or "" for name in ("from", "date", "subject")).strip()
    )


def _keyed(article: Extracted, key: str) -> Extracted:
    return replace(article, key=key)


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, LookupError, AttributeError):
        return None  # policy.default parses a header when asked; a mangled one raises then
    if value is None:
        return None
    text = str(value)
    if re.search("[\udc80-\udcff]", text):  # raw 8-bit bytes in a header, not encoded as MIME asks
        text = decode(text.encode("ascii", "surrogateescape"))
    return squash(clean(text)) or None


def _body_lines(message: EmailMessage) -> list[str]:
    """The lines of the text part, or of the HTML part when there is no text part or it is empty."""
    for subtype in ("plain", "html"):
        try:
            part = message.get_body(preferencelist=(subtype,))
        except (ValueError, TypeError, LookupError, AttributeError, KeyError) as exc:
            raise FormatError(UNREADABLE) from exc
        if part is None:
            continue
        content = part_text(part)
        if subtype == "html":
            content = fragment_to_text(content, keep_lines=True)
        if content.strip():
            return clean(content.replace("\r\n", "\n").replace("\r", "\n")).replace("\ufeff", "").split("\n")
    return []


def part_text(part: Message) -> str:
    """A MIME part's text, decoded from its transfer encoding and its charset (see the module's docstring)."""
    try:
        data = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError, AssertionError) as exc:
        raise FormatError(UNREADABLE) from exc
    if not isinstance(data, bytes):
        return ""
    return text_of(data, part.get_content_charset())


def text_of(data: bytes, declared: str | None) -> str:
    """Text from bytes whose charset is declared, often wrongly: UTF-16 and UTF-32 as declared; else bytes
    that are UTF-8 (and not plain ASCII) as UTF-8; else the declared charset if the bytes fit it; else as a
    text file's bytes are read (UTF-8, else cp1252). Newlines become \\n."""
    try:
        codec = codecs.lookup(declared).name if declared else None
    except LookupError:
        codec = None  # "x-unknown", "utf8mb4" …
    if codec and codec.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(codec).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass
    if codec and codec != "utf-8" and not _is_utf8(data):
        try:
            return data.decode(codec).replace("\r\n", "\n").replace("\r", "\n")
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data)


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _before_signature(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if _SIGNATURE.match(line):
            return lines[:i]
    return lines


def _article_lines(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """ "Source:" and "By" lines at the head, and "Read more: URL" lines anywhere, taken out as metadata."""
    meta: dict[str, str] = {}
    kept: list[str] = []
    seen_text = 0
    for line in lines:
        text = line.strip()
        source, byline, link = _SOURCE.match(text), _BYLINE.match(text), _LINK.match(text)
        if seen_text < 6 and source and "source" not in meta:
            meta["source"] = squash(source["name"])
        elif seen_text < 6 and byline and "author" not in meta and len(byline["name"].split()) <= 6:
            meta["author"] = squash(byline["name"])
        elif link and "url" not in meta:
            meta["url"] = link["url"].rstrip(".,;)")
        else:
            kept.append(line)
            seen_text += bool(text)
    return meta, kept


def _headline(paragraphs: list[str], subject: str | None, forwarded: bool) -> tuple[str | None, list[str]]:
    """The article's first line when it is its headline, else the subject without Fwd:/Re: prefixes."""
    subject = bare_subject(subject)
    first = paragraphs[0] if len(paragraphs) > 1 else ""
    looks_like_one = "\n" not in first and len(first) <= 160 and not re.search(r"[.!?:;,\"”’]$", first)
    # in a mail written, not forwarded, a short first line is as likely "Hi all" as a headline
    if (
        first
        and looks_like_one
        and (squash(first).lower() == (subject or "").lower() or (forwarded and len(first.split()) >= 3))
    ):
        return squash(first), paragraphs[1:]
    return subject, paragraphs
