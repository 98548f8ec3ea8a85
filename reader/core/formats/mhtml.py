"""Web pages saved as one file (.mhtml, .mht: Chrome's and Edge's "Webpage, Single File", Internet Explorer,
Word, Outlook's "MHT files"): MIME, read with the standard library; the page's HTML part is then read as a
saved web page is (`html.read`), and nothing else of the archive (images, styles, scripts) is looked at.

The address the page was saved from (Chrome's Snapshot-Content-Location, else the HTML part's
Content-Location) stands in for the canonical link a page may lack. The archive's own Date is when the
page was saved, not published, and is not used.
"""

from __future__ import annotations

import email
from dataclasses import replace
from email import policy
from email.message import EmailMessage

from reader.core.formats import Extracted, FormatError, html
from reader.core.formats.mail import part_text

UNREADABLE = "could not read the saved web page"
NO_PAGE = f"{UNREADABLE}: it holds no HTML page"


def read(data: bytes) -> list[Extracted]:
    try:
        archive = email.message_from_bytes(data, policy=policy.default)
    except (ValueError, TypeError, LookupError, IndexError) as exc:
        raise FormatError(UNREADABLE) from exc
    page = _page(archive)
    if page is None:
        raise FormatError(NO_PAGE)
    try:
        markup = part_text(page)
    except FormatError:
        raise FormatError(UNREADABLE) from None
    address = _address(archive, page)
    # decoded by the part's charset (or its bytes), so the page reader gets UTF-8, which it takes as it is
    return [replace(item, url=item.url or address) for item in html.read(markup.encode("utf-8", "replace"))]


def _page(archive: EmailMessage) -> EmailMessage | None:
    """The archive's page: the part its `start` parameter names, else its first HTML part."""
    pages = [part for part in archive.walk() if part.get_content_type() == "text/html"]
    start = archive.get_param("start") if archive.is_multipart() else None
    if isinstance(start, str):
        named = [part for part in pages if (part.get("content-id") or "").strip() == start.strip()]
        if named:
            return named[0]
    return pages[0] if pages else None


def _address(archive: EmailMessage, page: EmailMessage) -> str | None:
    for value in (archive.get("snapshot-content-location"), page.get("content-location")):
        text = str(value or "").strip()
        if text.lower().startswith(("http://", "https://")):
            return text
    return None
