"""Saved web pages: the article's main text and metadata through trafilatura, which is never asked to fetch.

trafilatura drops navigation, ads, comments and sidebars and reads title, date (htmldate, from the
page alone), site name, author and canonical URL. What it leaves to us:

- photo captions (formats/captions.py): the <figcaption>s are taken out of the page first, and those that
  stand in the article (the lead photo's, and those among its paragraphs) are its captions;
- the whole headline, without the site's name ("… – TechCrunch") and never a CMS's name ("escenic");
- authors as names (formats/bylines.py).

The 9 KB sample page (tests/data/olympic-partner.html) takes about 7 ms once trafilatura is imported;
the first call pays about 0.25 s for the import itself.
"""

from __future__ import annotations

import re

from ..model import Caption
from . import NO_TEXT, Extracted, FormatError
from .bylines import author_names, outlet_key
from .captions import placed_captions, take_captions
from .dates import iso_date
from .markup import squash, tree_to_text

UNREADABLE = "could not read the HTML page"
# what a content system writes as the title of a page it was not given one for
_PLACEHOLDER_TITLES = frozenset(
    "escenic wordpress drupal joomla typo3 blogger squarespace wix ghost sitecore brightspot arc untitled "
    "document index home homepage default title article null undefined none page".split()
) | {
    "untitled document",
    "untitled page",
    "new page",
    "no title",
    "home page",
    "my blog",
    "just another wordpress site",
}
_CAPTIONS_UP_TO = 8 * 1024 * 1024  # bytes of page: a larger one is read as trafilatura alone reads it
_LONGEST_TITLE = 1000  # characters: a longer <title> is no headline to tidy, and is cut by the text parser
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|·•»:/]\s+|\s*[|·•»]\s*|:\s+")
# characters a title's suffix needs to be taken for a site name it starts ("Business Insider Deutschland")
_MIN_PREFIX = 5


def read(data: bytes) -> list[Extracted]:
    """The article of a saved page (bytes of HTML, any declared encoding). Raises FormatError."""
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)
    except (ValueError, TypeError, LookupError) as exc:
        raise FormatError(UNREADABLE) from exc
    if tree is None:
        raise FormatError(UNREADABLE)
    headlines = _page_headlines(tree)
    taken = take_captions(tree) if len(data) <= _CAPTIONS_UP_TO else []
    document = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_images=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
    )
    body = getattr(document, "body", None)
    text = tree_to_text(body) if body is not None else ""
    paragraphs = text.split("\n\n") if text else []
    if not text:
        raise FormatError(NO_TEXT)
    site = [_field(document, "sitename"), _field(document, "hostname")]
    return [
        Extracted(
            text=text,
            title=_headline(_field(document, "title"), headlines, site),
            date=iso_date(_field(document, "date")),
            source=site[0] or site[1],
            author=author_names(_field(document, "author"), site),
            url=_url(_field(document, "url")),
            captions=tuple(Caption(*c) for c in placed_captions(tree, taken, paragraphs)),
        )
    ]


def _page_headlines(tree) -> list[str]:
    """The page's own headlines, the <h1>s and then og:title and twitter:title, for a page whose title is none."""
    found = [squash(h1.text_content()) for h1 in tree.iter("h1")]
    for name in ("og:title", "twitter:title"):
        found += [squash(m.get("content") or "") for m in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]')]
    return [h for h in found if h and not _placeholder(h)]


def _headline(title: str | None, headlines: list[str], site: list[str | None]) -> str | None:
    """The page's headline: its title unless that is a CMS's or the site's name, without the site's name."""
    names = {outlet_key(n) for n in site if n}
    if not title or _placeholder(title) or outlet_key(title) in names:
        title = next((h for h in headlines if outlet_key(h) not in names), None)
    if title and len(title) > _LONGEST_TITLE:
        return title
    return _without_site_name(title, names) if title else None


def _without_site_name(title: str, names: set[str]) -> str:
    """ "Headline – TechCrunch" → "Headline", "LinkNaija | Nigeria's popular news platform: Headline" → "Headline"."""
    names.discard("")
    separators = list(_TITLE_SEPARATOR.finditer(title))
    for m in separators:  # the longest headline first: a site name may hold a separator itself
        rest = outlet_key(title[m.end() :])
        if title[: m.start()].strip() and any(_same_outlet(rest, n) for n in names):
            return title[: m.start()].strip()
    for m in reversed(separators):
        first = outlet_key(title[: m.start()])
        if title[m.end() :].strip() and any(_same_outlet(first, n) for n in names):
            return title[m.end() :].strip()
    return title


def _same_outlet(part: str, name: str) -> bool:
    # the title may shorten the name: "… - Business Insider" on Business Insider Deutschland
    return part == name or (len(part) >= _MIN_PREFIX and name.startswith(part))


def _placeholder(title: str) -> bool:
    return squash(title).casefold().strip(" .-–—|") in _PLACEHOLDER_TITLES


def _key(paragraph: str) -> str:
    return squash(paragraph).casefold()


def _field(document, name: str) -> str | None:
    value = getattr(document, name, None)
    return squash(value) or None if isinstance(value, str) else None


def _url(value: str | None) -> str | None:
    # a page saved from disk has no canonical link; trafilatura then has nothing better than a relative path
    return value if value and value.lower().startswith(("http://", "https://")) else None
