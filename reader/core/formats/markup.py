"""HTML to plain text, as every format reader needs it: fragments and trees to paragraphs, tidy whitespace."""

from __future__ import annotations

import re
from html import unescape

from ..model import PARAGRAPH_BREAK

# Elements that stand as blocks of their own: text on either side of them is a separate paragraph. Both
# HTML's names and those of trafilatura's output tree (head, item, quote, row, cell, graphic) are here.
_BLOCKS = frozenset(
    "address article aside blockquote body caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section summary table tbody td th thead tr ul "
    "head item list quote row cell graphic doc".split()
)
_DROPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "title",
    "iframe",
    "object",
    "svg",
    "button",
    "select",
    "textarea",
    "input",
)
_LINE_BREAKS = frozenset({"br", "lb"})
_BREAK = "\x00"  # stands for a paragraph break while the text is assembled; control characters are gone by then
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean(text: str) -> str:
    """Text without control characters or lone surrogates, which no later step should have to think about."""
    return _SURROGATES.sub("", _CONTROL.sub("", text))


def squash(text: str) -> str:
    """One line with single spaces: how a paragraph is kept."""
    return " ".join(text.split())


def join_paragraphs(paragraphs, keep_lines: bool = False) -> str:
    """Paragraphs split by one blank line; with keep_lines, each keeps its line breaks (tidied line by line)."""

    def tidy(paragraph: str) -> str:
        if not keep_lines:
            return squash(paragraph)
        return "\n".join(line for line in (squash(line) for line in paragraph.split("\n")) if line)

    return PARAGRAPH_BREAK.join(p for p in (tidy(p) for p in paragraphs) if p)


def fragment_to_text(markup: str, keep_lines: bool = False) -> str:
    """An HTML fragment (or page) as plain paragraphs; a paragraph is a block element or text between `<br><br>`.

    With keep_lines a `<br>` stays a line break, for readers that look at lines (an e-mail's header block).
    """
    from lxml import etree, html

    markup = clean(markup)
    if not markup.strip():
        return ""
    if "<" not in markup:  # plain text with HTML-ish escapes at most, as many feed summaries are
        return join_paragraphs(re.split(r"\n\s*\n", unescape(markup)), keep_lines)
    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    return tree_to_text(root, keep_lines)


def tree_to_text(root, keep_lines: bool = False) -> str:
    """The plain paragraphs of an lxml tree, HTML's or trafilatura's output; walks without recursion."""
    from lxml import etree

    etree.strip_elements(root, *_DROPPED, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1]  # an XHTML or Atom namespace is no part of the name
        if event == "start":
            if tag in _BLOCKS:
                parts.append(_BREAK)
            elif tag in _LINE_BREAKS:
                parts.append("\n")
            parts.append(_flat(element.text, keep_lines))
        else:
            if tag in _BLOCKS:
                parts.append(_BREAK)
            if element is not root:
                parts.append(_flat(element.tail, keep_lines))
    paragraphs = re.split(rf"{_BREAK}|\n[ \t\u00a0]*\n", "".join(parts))
    return join_paragraphs(paragraphs, keep_lines)


def _flat(text: str | None, keep_lines: bool) -> str:
    # a newline in HTML source is a space; only <br> breaks a line when lines are kept
    return (text or "").replace("\n", " ") if keep_lines else (text or "")
