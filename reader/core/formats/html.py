"""Saved web pages: the article's main text and metadata through trafilatura, which is never asked to fetch.

trafilatura drops navigation, ads, comments and sidebars and reads title, date (htmldate, from the
page alone), site name, author and canonical URL. Photo captions survive as paragraphs of their own:
trafilatura drops <figure> blocks unless asked for images, so figcaptions are made plain paragraphs first.

The 9 KB sample page (tests/data/olympic-partner.html) takes about 7 ms once trafilatura is imported;
the first call pays about 0.25 s for the import itself.
"""

from __future__ import annotations

from reader.core.formats import NO_TEXT, Extracted, FormatError
from reader.core.formats.dates import iso_date
from reader.core.formats.markup import squash, tree_to_text

UNREADABLE = "could not read the HTML page"


def read(data: bytes) -> list[Extracted]:
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)
    except (ValueError, TypeError, LookupError) as exc:
        raise FormatError(UNREADABLE) from exc
    if tree is None:
        raise FormatError(UNREADABLE)
    _captions_as_paragraphs(tree)
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
    if not text:
        raise FormatError(NO_TEXT)
    return [
        Extracted(
            text=text,
            title=_field(document, "title"),
            date=iso_date(_field(document, "date")),
            source=_field(document, "sitename") or _field(document, "hostname"),
            author=_field(document, "author"),
            url=_url(_field(document, "url")),
        )
    ]


def _captions_as_paragraphs(tree) -> None:
    for caption in list(tree.iter("figcaption")):
        caption.tag = "p"
        figure = caption.getparent()
        if figure is not None and figure.tag == "figure":
            figure.tag = "div"


def _field(document, name: str) -> str | None:
    value = getattr(document, name, None)
    return squash(value) or None if isinstance(value, str) else None


def _url(value: str | None) -> str | None:
    # a page saved from disk has no canonical link; trafilatura then has nothing better than a relative path
    return value if value and value.lower().startswith(("http://", "https://")) else None
