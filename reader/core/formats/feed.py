"""RSS and Atom feed files: one article per entry, with its full content where the feed carries it.

feedparser gets the bytes wrapped in a stream: given a bare string or bytes it would take a URL-looking
value for an address to fetch and anything else for a file name to open. It resolves relative links
without the network and has external entities turned off, so reading a feed touches nothing else.
"""

from __future__ import annotations

import hashlib
import io
from email.utils import parseaddr

from reader.core.formats import NO_TEXT, Extracted, FormatError
from reader.core.formats.dates import iso_date
from reader.core.formats.markup import clean, fragment_to_text, join_paragraphs, squash

NOT_A_FEED = "not a news feed"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read(data: bytes) -> list[Extracted]:
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):  # feedparser's word that this is no RSS, Atom or RDF feed at all
        raise FormatError(NOT_A_FEED)
    feed_title = _plain(parsed.feed.get("title_detail"), parsed.feed.get("title"))
    keys: set[str] = set()
    found = []
    for entry in parsed.entries:
        text = _body(entry)
        if not text:
            continue
        found.append(
            Extracted(
                text=text,
                title=_plain(entry.get("title_detail"), entry.get("title")),
                date=_date(entry),
                source=_plain(None, (entry.get("source") or {}).get("title")) or feed_title,
                author=_author(entry),
                url=_url(entry.get("link")),
                key=_unique_key(entry, text, keys),
            )
        )
    if not found:
        raise FormatError(NO_TEXT)
    return found


def _body(entry) -> str | None:
    """The entry's full content if it has any, else its summary; None if it has neither."""
    contents = entry.get("content") or []
    html_first = sorted(contents, key=lambda c: (c.get("type") or "") not in _HTML_TYPES)
    for content in html_first:
        text = _plain(content, content.get("value"), paragraphs=True)
        if text:
            return text
    return _plain(entry.get("summary_detail"), entry.get("summary"), paragraphs=True)


def _plain(detail, value, paragraphs: bool = False) -> str | None:
    """A feed's text construct as plain text: HTML is converted, plain text kept as it is."""
    if not isinstance(value, str) or not value.strip():
        return None
    kind = (detail or {}).get("type") or "text/html"
    if kind in _HTML_TYPES:
        text = fragment_to_text(value)
    else:
        text = join_paragraphs(clean(value).split("\n\n"))
    text = text if paragraphs else squash(text)
    return text or None


def _date(entry) -> str | None:
    # the date as written first: feedparser's parsed value is moved to UTC, which can change the day
    for written, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        date = iso_date(entry.get(written)) or iso_date(entry.get(parsed))
        if date:
            return date
    return None


def _author(entry) -> str | None:
    written = entry.get("author")
    if isinstance(written, str) and "@" in written:
        # RSS's "desk@site.example (Jane Doe)": feedparser's own split cuts into both halves of it
        name, _address = parseaddr(written)
        return _plain(None, name)
    detail = entry.get("author_detail") or {}
    return _plain(None, written) or _plain(None, detail.get("name"))


def _url(link) -> str | None:
    return link if isinstance(link, str) and link.lower().startswith(("http://", "https://")) else None


def _unique_key(entry, text: str, taken: set[str]) -> str:
    """8 hex digits from the entry's id, else its link, else its title, else its text; a clash gets -2, -3 …

    The same file read again gives the same keys, since clashes are settled in file order.
    """
    basis = next(
        (v for v in (entry.get("id"), entry.get("link"), entry.get("title")) if isinstance(v, str) and v.strip()),
        text,
    )
    key = hashlib.blake2b(basis.strip().encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    taken.add(candidate)
    return candidate
