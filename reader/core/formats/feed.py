"""RSS and Atom feed files: one article per entry, with its full content where the feed carries it.

An entry with a headline and no text (a clipping service's or a news alert's: title, link, date and source)
is an article too, marked headline only, whose body is its headline. A link's label is no text: an entry
whose description is only "Comments" or "Read more" is headline only. Authors are names, never an address
("Name (noreply@blogger.com)"); dates written in another language ("Seg, 24 Set 2018") are read.

feedparser gets the bytes wrapped in a stream: given a bare string or bytes it would take a URL-looking
value for an address to fetch and anything else for a file name to open. It resolves relative links
without the network and has external entities turned off, so reading a feed touches nothing else.
"""

from __future__ import annotations

import io
import re

from reader.core.formats import NO_TEXT, Extracted, FormatError, unique_key
from reader.core.formats.bylines import author_names
from reader.core.formats.dates import foreign_date, iso_date
from reader.core.formats.markup import clean, fragment_to_text, join_paragraphs, squash

NOT_A_FEED = "not a news feed"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# a paragraph that is only a link's label, or a blog's sign-off, is no text of the entry
_BOILERPLATE = re.compile(
    r"(?:\d+\s+)?comments?|discuss(?:ion)?|read more|read the (?:full|whole|rest of the) (?:story|article|post)"
    r"|(?:read )?(?:the )?full (?:story|article)|continue reading.{0,200}|more|click here|permalink|link|source"
    r"|the post .{1,300} appeared first on .{1,200}",
    re.I,
)
_TRAILING_BOILERPLATE = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]\s*)?(?:read more|continue reading)\W*$", re.I)


def read(data: bytes) -> list[Extracted]:
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):  # feedparser's word that this is no RSS, Atom or RDF feed at all
        raise FormatError(NOT_A_FEED)
    feed_title = _plain(parsed.feed.get("title_detail"), parsed.feed.get("title"))
    language = parsed.feed.get("language")
    keys: set[str] = set()
    found = []
    for entry in parsed.entries:
        title = _plain(entry.get("title_detail"), entry.get("title"))
        text = _body(entry, title)
        if not text and not title:
            continue
        source = _plain(None, (entry.get("source") or {}).get("title")) or feed_title
        found.append(
            Extracted(
                text=text or title or "",
                title=title,
                date=_date(entry, language),
                source=source,
                author=_author(entry, parsed.feed, source),
                url=_url(entry.get("link")),
                key=_unique_key(entry, text or title or "", keys),
                headline_only=not text,
            )
        )
    if not found:
        raise FormatError(NO_TEXT)
    return found


def _body(entry, title: str | None) -> str | None:
    """The entry's full content if it has any, else its summary, without link labels ("Comments", "Read
    more"); None if it has neither, or only its headline again."""
    contents = entry.get("content") or []
    html_first = sorted(contents, key=lambda c: (c.get("type") or "") not in _HTML_TYPES)
    written = [(content, content.get("value")) for content in html_first]
    written.append((entry.get("summary_detail"), entry.get("summary")))
    for detail, value in written:
        text = _without_boilerplate(_plain(detail, value, paragraphs=True))
        if text and squash(text).casefold() != (title or "").casefold():
            return text
    return None


def _without_boilerplate(text: str | None) -> str | None:
    if not text:
        return None
    paragraphs = [p for p in text.split("\n\n") if not _BOILERPLATE.fullmatch(p.strip(" .…:»→>-–—[]()|"))]
    if paragraphs:
        paragraphs[-1] = _TRAILING_BOILERPLATE.sub("", paragraphs[-1])
    return join_paragraphs(paragraphs) or None


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


def _date(entry, language: str | None) -> str | None:
    # the date as written first: feedparser's parsed value is moved to UTC, which can change the day
    for written, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        date = iso_date(entry.get(written)) or iso_date(entry.get(parsed)) or foreign_date(entry.get(written), language)
        if date:
            return date
    return None


def _author(entry, feed, source: str | None) -> str | None:
    """The entry's writers' names, else the feed's: Atom's <name>s, or RSS's "desk@site.example (Jane Doe)" read
    whole (feedparser's own split of it cuts into both halves)."""
    for holder in (entry, feed):
        written = holder.get("author")
        if not (isinstance(written, str) and "@" in written):
            names = [(d or {}).get("name") for d in holder.get("authors") or [holder.get("author_detail")]]
            written = "; ".join(n for n in names if isinstance(n, str) and n.strip()) or written
        found = author_names(_plain(None, written), [source])
        if found:
            return found
    return None


def _url(link) -> str | None:
    return link if isinstance(link, str) and link.lower().startswith(("http://", "https://")) else None


def _unique_key(entry, text: str, taken: set[str]) -> str:
    """The entry's key within its feed: from its id, else its link, else its title, else its text."""
    basis = next(
        (v for v in (entry.get("id"), entry.get("link"), entry.get("title")) if isinstance(v, str) and v.strip()),
        text,
    )
    return unique_key(basis, taken)
