"""The text format: plain text (a .txt or .md file, or what another format's reader extracted) → `Article`.

Optional header lines or front matter name its details; paragraphs are split by blank lines; a line
ending in "©CREDIT" is a photo caption, kept apart from the body.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from ..model import PARAGRAPH_BREAK, Article, Caption, paragraph_end
from .dates import is_iso_date
from .markup import squash

TITLE_CHARS = 300  # a stated headline is kept whole (the window elides it); this only guards against a page of it
SENTENCE_TITLE_CHARS = 90  # a title made from the first sentence or a caption, where there is no headline

_DATE_TOKEN = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_HEADER_LINE = re.compile(r"^(title|date|source|url|author)[ \t]*:[ \t]*(.+?)[ \t]*$", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")  # in the file: the paragraphs' breaks, as typed
_CAPTION = re.compile(r"^(?P<text>.*?)[\s\u00a0]*©[\s\u00a0]*(?P<credit>[^©\n]{1,60}?)[\s\u00a0]*$")
# "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved" ends in a credit too, but is a page's footer
_COPYRIGHT = re.compile(r"\bcopyright\b|\ball rights reserved\b|©\s*(?:19|20)\d\d\b", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Gen|Gov|Sen|Rep|Rev|Lt|Col|Capt|Sgt)|\b[A-Z])\.\Z")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# what scraped copy keeps of a page's markup: "&#163;", "&#xA3;", "&pound;", "&amp;" (with the semicolon)
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def parse(
    text: str,
    *,
    article_id: str = "article.txt",
    path: Path | None = None,
    content_hash: str = "",
    truncated: bool = False,
    meta: dict[str, str] | None = None,
    captions: tuple[Caption, ...] = (),
    headline_only: bool = False,
) -> Article:
    """Parse decoded article text into an Article. Never raises on odd content.

    `meta` is what an extractor (of a page, feed, PDF or e-mail) found; then the text has no header.
    `captions` are the ones it found apart from the text, each placed before a paragraph of `text`.
    """
    extracted = meta is not None
    if not extracted:  # a text or Markdown file: an extractor's text has its references decoded already
        text, content_hash = _decoded(text, content_hash)
    text = _CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    meta, text = (_normalise_meta(dict(meta)), text) if meta is not None else _split_header(text)
    date, text = _date(meta.get("date"), text)
    is_markdown = article_id.lower().endswith(".md")
    # an extractor's text starts with its title at most: a short first paragraph is not a heading; a
    # headline-only entry's text is that headline, and stays its body
    only = (lambda line: line == meta.get("title") and not headline_only) if extracted else None
    paragraphs, found, headline, starts = _read_blocks(text, is_markdown, only)
    body = PARAGRAPH_BREAK.join(paragraphs)
    placed = [
        Caption(c.text, c.credit, starts[c.paragraph] if c.paragraph < len(starts) else len(paragraphs))
        for c in captions
    ]
    found = sorted([*found, *placed], key=lambda c: c.paragraph)
    title = meta.get("title") or headline
    if not title:
        title = shorten(_lead_caption(found) or _first_sentence(body), SENTENCE_TITLE_CHARS)
    if not title:
        title = Path(article_id).stem.replace("_", " ") or "Untitled"
    return Article(
        id=article_id,
        path=Path(path) if path is not None else Path(article_id),
        title=shorten(" ".join(title.split()), TITLE_CHARS),
        date=date,
        source=meta.get("source") or "",
        body=body,
        captions=tuple(found),
        content_hash=content_hash,
        url=meta.get("url"),
        author=meta.get("author"),
        truncated=truncated,
        headline_only=headline_only,
    )


def decode_references(text: str) -> str:
    """`text` with its character references ("&#163;", "&pound;", "&amp;") as the characters they name; an
    unknown name ("&sponsor;") and a bare "&" stay as written."""
    return _REFERENCE.sub(lambda m: html.unescape(m.group(0)), text)


def _decoded(text: str, content_hash: str) -> tuple[str, str]:
    """The text decoded, and a hash of its own when that changed it: the analysis cached and the bookmarks
    anchored for the text as it read before (offsets into "&#163;5m") are not taken for this one."""
    decoded = decode_references(text)
    if decoded == text or not content_hash:
        return decoded, content_hash
    return decoded, hashlib.blake2b(f"{content_hash}\0references".encode(), digest_size=16).hexdigest()


def _date(given: str | None, text: str) -> tuple[str | None, str]:
    """The article's date (the one given, else a leading "date YYYY-MM-DD" token), and the text without that token."""
    m = _DATE_TOKEN.match(text)
    if m and is_iso_date(m.group(1)):
        given = given or m.group(1)
        text = text[m.end() :]
    return (given if given and is_iso_date(given) else None), text


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Front matter (--- fenced) or leading `Key: value` lines naming title, date, source, url or author."""
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text.lstrip())
    if m:
        for line in m.group(1).split("\n"):
            h = _HEADER_LINE.match(line.strip())
            if h:
                meta[h.group(1).lower()] = h.group(2).strip("\"'")
        return _normalise_meta(meta), text.lstrip()[m.end() :]
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


def _read_blocks(text: str, is_markdown: bool, headline_if=None):
    """(body paragraphs, captions, headline, and for each block of `text` the number of the paragraph it starts)."""
    paragraphs: list[str] = []
    captions: list[Caption] = []
    headline = None
    starts: list[int] = []
    for block in _BLANK_LINE.split(text.strip()):
        starts.append(len(paragraphs))
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        kept: list[str] = []
        for i, line in enumerate(lines):
            cap = _CAPTION.match(line)
            if cap and not _COPYRIGHT.search(line):
                if kept:  # a caption after text lines closes the paragraph it sat in
                    paragraphs.append(squash(" ".join(kept)))
                    kept = []
                captions.append(Caption(squash(cap.group("text")), squash(cap.group("credit")), len(paragraphs)))
            elif i + 1 < len(lines) and _is_truncated_caption(line, lines[i + 1]):
                continue
            else:
                kept.append(line)
        if not kept:
            continue
        joined = squash(" ".join(kept))
        if (
            headline is None
            and not paragraphs
            and _is_headline(kept, is_markdown)
            and (headline_if is None or headline_if(joined))
        ):
            headline = _MD_HEADING.sub(r"\1", joined) if is_markdown else joined
            continue
        paragraphs.append(joined)
    return paragraphs, captions, headline, starts


def _is_truncated_caption(line: str, next_line: str) -> bool:
    nxt = _CAPTION.match(next_line)
    return nxt is not None and len(line) >= 20 and squash(nxt.group("text")).startswith(squash(line))


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
    first = body[: paragraph_end(body, 0)]
    for m in _SENTENCE_END.finditer(first):
        if not _ABBREVIATION.search(first, 0, m.start()):  # "Mr. Bach", "U.S. Olympic", "Thomas J. Bach"
            return first[: m.start()]
    return first


def shorten(text: str, limit: int) -> str:
    """`text`, cut at a word to at most `limit` characters with "…" when it is longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"
