"""Readers for saved web pages, news feeds, PDF clippings and e-mails: a file's bytes → plain text and metadata."""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ReaderError

if TYPE_CHECKING:  # model imports this package's suffixes
    from ..model import Caption

SUFFIXES: tuple[str, ...] = (
    ".html",
    ".htm",
    ".xhtml",
    ".mhtml",
    ".mht",
    ".rss",
    ".atom",
    ".xml",
    ".pdf",
    ".eml",
    ".msg",
)
# files that can hold several articles, each with a key: a feed's entries, the messages attached to a mail
MULTI_SUFFIXES: tuple[str, ...] = (".rss", ".atom", ".xml", ".eml", ".msg")

# suffix → (module in this package, what to tell the user when that reader fails in a way nobody foresaw)
_READERS = {
    ".html": ("html", "could not read the HTML page"),
    ".htm": ("html", "could not read the HTML page"),
    ".xhtml": ("html", "could not read the HTML page"),
    ".mhtml": ("mhtml", "could not read the saved web page"),
    ".mht": ("mhtml", "could not read the saved web page"),
    ".rss": ("feed", "not a news feed"),
    ".atom": ("feed", "not a news feed"),
    ".xml": ("feed", "not a news feed"),
    ".pdf": ("pdf", "damaged PDF (could not be read)"),
    ".eml": ("mail", "could not read the e-mail"),
    ".msg": ("msg", "could not read the Outlook message"),
}
NO_TEXT = "no article text found"

# module in this package → the packages it imports, as (import name, pip name), most basic first, so that a
# missing part is named rather than the library that needs it. trafilatura imports lxml.html.clean (through
# jusText), which lxml ≥ 5.2 left to the separate lxml_html_clean.
_NEEDS = {
    "html": (("lxml", "lxml"), ("lxml_html_clean", "lxml_html_clean"), ("trafilatura", "trafilatura")),
    "feed": (("lxml", "lxml"), ("feedparser", "feedparser")),
    "pdf": (("pypdfium2", "pypdfium2"),),
    # the standard library; an HTML-only e-mail needs lxml, named when it is missing, and a forward's date in
    # another language dateparser (which trafilatura brings), without which the mail's own date is taken
    "mail": (),
    "msg": (("olefile", "olefile"),),
}
_NEEDS["mhtml"] = _NEEDS["html"]  # a saved web page in one file is read as a web page


class FormatError(ReaderError):
    """A file of a known format that holds no usable article; `reason` is a short phrase to show the user."""


@dataclass(frozen=True)
class Extracted:
    """One article read from a file: plain text (paragraphs split by one blank line) and what the file said of it."""

    text: str
    title: str | None = None
    date: str | None = None  # "YYYY-MM-DD"
    source: str | None = None  # outlet or site name
    author: str | None = None
    url: str | None = None
    key: str | None = None  # an entry of a multi-article file: its stable key within that file
    captions: tuple[Caption, ...] = ()  # photo captions, each with the number of the paragraph of `text` it sat before
    headline_only: bool = False  # a feed entry without text: `text` is its headline


def extract(suffix: str, data: bytes) -> list[Extracted]:
    """The articles in a file of a known format (suffix lowercased with dot). Raises FormatError."""
    try:
        module_name, failure = _READERS[suffix.lower()]
    except KeyError:
        raise FormatError(f"not a format read here ({suffix})") from None
    # Imported on first use: trafilatura alone takes a fifth of a second to import.
    reader = importlib.import_module(f"{__name__}.{module_name}")
    for module, package in _NEEDS[module_name]:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise FormatError(needs_package(_missing(exc, module, package))) from exc
    try:
        found = reader.read(bytes(data))
    except FormatError:
        raise
    except Exception as exc:
        missing = exc.name if isinstance(exc, ModuleNotFoundError) and exc.name else None
        raise FormatError(needs_package(missing.split(".")[0]) if missing else failure) from exc
    found = [item for item in found if item.text.strip()]
    if not found:
        raise FormatError(NO_TEXT)
    return found


def unique_key(basis: str, taken: set[str]) -> str:
    """8 hex digits from what identifies an article within its file; a clash gets -2, -3 …

    The same file read again gives the same keys, since clashes are settled in file order.
    """
    key = hashlib.blake2b(basis.strip().encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    taken.add(candidate)
    return candidate


def needs_package(package: str) -> str:
    return f"needs the Python package {package} (pip install {package})"


def _missing(exc: ImportError, module: str, package: str) -> str:
    """The package to install: the one imported, unless what failed is a module of another one it imports."""
    name = (exc.name or module).split(".")[0]
    return package if name == module.split(".")[0] else name
