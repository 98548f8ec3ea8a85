"""Saved e-mails (.eml): the article a colleague forwarded, without the forwarding note, header block or signature.

The body is the text/plain part if there is one, else the text/html part as text. When the mail
forwards another (Gmail's "---------- Forwarded message ---------", Outlook's "-----Original
Message-----", Apple Mail's "Begin forwarded message:"), only what follows that line counts, and its
From/Date/Subject block describes the article better than the outer headers do. A body that is `>`-quoted
throughout is unquoted. Everything from a "-- " signature line on is dropped.

Metadata:
- title: the article's own first line when it reads as a headline (one short line, no closing
  punctuation), else the Subject (the forwarded one first) without "Fwd:", "FW:", "Re:" prefixes;
- date: the forwarded message's Date, else the mail's Date header, as YYYY-MM-DD;
- author: a "By Name" line at the article's head, else the display name of the forwarded From (or the
  mail's own From when nothing is forwarded);
- source: a "Source: Reuters" line at the article's head, else that same sender's display name, else
  the domain of the sender's address;
- url: the address on a "Read more: …" / "Original: …" / "Link: …" line, which is taken out of the text.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.utils import parseaddr

from reader.core.formats import NO_TEXT, Extracted, FormatError
from reader.core.formats.dates import iso_date
from reader.core.formats.markup import clean, fragment_to_text, join_paragraphs, squash
from reader.core.model import PARAGRAPH_BREAK

UNREADABLE = "could not read the e-mail"

_FORWARD = re.compile(
    r"^\s*(?:-{3,}\s*(?:forwarded message|original message|message transféré)\s*-{3,}|begin forwarded message:)\s*$",
    re.I,
)
_HEADER_LINE = re.compile(r"^(?P<key>from|date|sent|subject|to|cc|reply-to)\s*:\s*(?P<value>.*)$", re.I)
_SIGNATURE = re.compile(r"^--\s?$")
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|fw|aw|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
_SOURCE = re.compile(r"^source\s*:\s*(?P<name>.{2,80})$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<name>[^\d,;:]{2,60})$", re.I)
_LINK = re.compile(
    r"^(?:read more|read the full (?:story|article)|full story|original(?: article)?|link|url|source url)"
    r"\s*[:\-–]?\s*<?(?P<url>https?://[^\s<>]+)>?$",
    re.I,
)
_OUTER_HEADERS = ("from", "subject", "date", "message-id", "mime-version", "to", "received", "content-type")


def read(data: bytes) -> list[Extracted]:
    try:
        message = email.message_from_bytes(data, policy=policy.default)
    except (ValueError, TypeError, LookupError, IndexError) as exc:
        raise FormatError(UNREADABLE) from exc
    if not any(_header(message, name) for name in _OUTER_HEADERS):
        raise FormatError(UNREADABLE)  # no header a mail has: random bytes read as a body, not an e-mail
    lines = _body_lines(message)
    forwarded, lines = _forwarded_block(lines)
    lines = _unquoted(_before_signature(lines))
    meta, lines = _article_lines(lines)
    paragraphs = join_paragraphs("\n".join(lines).split("\n\n"), keep_lines=True).split(PARAGRAPH_BREAK)
    subject = forwarded.get("subject") or _header(message, "subject")
    title, paragraphs = _headline(paragraphs, subject, bool(forwarded))
    text = join_paragraphs(paragraphs)
    if not text:
        raise FormatError(NO_TEXT)
    name, domain = _sender(forwarded.get("from") or _header(message, "from"))
    return [
        Extracted(
            text=text,
            title=title,
            date=iso_date(forwarded.get("date"))
            or iso_date(forwarded.get("sent"))
            or iso_date(_header(message, "date")),
            source=meta.get("source") or name or domain,
            author=meta.get("author") or name,
            url=meta.get("url"),
        )
    ]


def _header(message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, LookupError, AttributeError):
        return None  # policy.default parses a header when asked; a mangled one raises then
    return squash(clean(str(value))) or None if value is not None else None


def _body_lines(message) -> list[str]:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        content = part.get_content() if part is not None else ""
    except (ValueError, TypeError, LookupError, AttributeError, KeyError) as exc:
        raise FormatError(UNREADABLE) from exc
    if not isinstance(content, str):
        return []
    if part.get_content_subtype() == "html":
        content = fragment_to_text(content, keep_lines=True)
    return clean(content.replace("\r\n", "\n").replace("\r", "\n")).split("\n")


def _forwarded_block(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The forwarded message's header fields and the lines after them; the note before the marker is dropped."""
    start = next((i for i, line in enumerate(lines) if _FORWARD.match(line.lstrip("> "))), None)
    if start is None:
        return {}, lines
    rest = _unquoted(lines[start + 1 :])
    fields: dict[str, str] = {}
    i = 0
    while i < len(rest) and not rest[i].strip():
        i += 1
    while i < len(rest):
        m = _HEADER_LINE.match(rest[i].strip())
        if not m:
            break
        fields.setdefault(m["key"].lower(), squash(m["value"]))
        i += 1
    return fields, rest[i:]


def _unquoted(lines: list[str]) -> list[str]:
    """Lines with one level of `>` taken off, as long as every line that has text is quoted."""
    while any(line.strip() for line in lines) and all(line.lstrip().startswith(">") for line in lines if line.strip()):
        lines = [re.sub(r"^\s*> ?", "", line) for line in lines]
    return lines


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
    subject = _SUBJECT_PREFIX.sub("", subject or "").strip() or None
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


def _sender(value: str | None) -> tuple[str | None, str | None]:
    name, address = parseaddr(value or "")
    domain = address.rpartition("@")[2].lower() or None if "@" in address else None
    return squash(name.strip("\"' ")) or None, domain
