"""A web page's photo captions: each `<figcaption>` of the article, split into its text and its credit
("… Credit: ESA"), placed before the paragraph its photo stood before.

A caption is the article's when its photo stands between the headline (the last <h1> before the article's
first words) and the article's last words, in the page's order, or in a gallery right after them: the lead
photo, those within the text, those that close it; not the thumbnails of "related stories" further on.
The captions are taken out of the page before the text is extracted, so that none stays in the body.

Pages print the credit in many ways: "Credit: ESA", "Credit...Doug Mills/The New York Times", "(AP Photo/Jeffrey
T. Barnes)", "[File: Reuters]", "Photograph: Tim Robberts/Getty Images", "REUTERS/Brendan McDermid", "J. Scott
Applewhite / AP file", or a child element of its own (`<span class="credit">`, `<cite>`). What is no caption
is left alone: a "Copyright ©2019 Dow Jones & Company" footer is the page's, not a photo's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from .markup import squash

MAX_CREDIT = 80  # characters: more is a sentence of the caption, not a name
_MAX_CREDIT_WORDS = 8
_LABEL = r"(?:photo(?:graph)?s?|image|picture|pic|video|graphic|illustration|foto|bild|source)"
# a credit introduced by a word: "Credit: X", "Image credit: X", "Courtesy of X", "Photo by X", "Photograph: X"
_INTRODUCED = re.compile(
    rf"(?:(?<=[\s.,;:(\[—–-])|^|(?<=[a-z]))(?:(?i:{_LABEL}\s*)?(?i:credits?)|(?i:courtesy)(?:\s+of)?"
    rf"|(?i:{_LABEL})\s*(?::|by\b|via\b))[\s.:…]*(?P<credit>[^()\[\]]+?)[)\]]?\s*$"
)
_BRACKETED = re.compile(r"[(\[]\s*(?P<credit>[^()\[\]]{2,80}?)\s*[)\]]\s*(?P<echo>\w+)?\s*$")
_CREDIT_WORDS = re.compile(
    rf"/|\b(?:{_LABEL}|credits?|courtesy|via|file|ap|afp|reuters|epa|getty|shutterstock|alamy|nasa|esa|pa|dpa|"
    r"xinhua|bloomberg|ansa)\b|\.(?:com|org|net)\b",
    re.I,
)
_COPYRIGHT_SIGN = re.compile(r"[(\[]?\s*©\s*(?P<credit>[^©()\[\]]{1,80}?)\s*[)\]]?\s*$")
_SUBMITTED = re.compile(r"(?P<credit>(?:submitted|file|staff|contributed|handout)\s+photo)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?”\"’)](?=\s*\S)")
_TAIL_WORD = re.compile(r"^(?:[A-Z0-9@][\w.&'’@-]*|for|via|of|and|&|the|/|,)$")
# what a page hides for screen readers ("Image caption"), a slideshow's counter ("1of4"), a label ("Image:")
_LABEL_PREFIX = re.compile(rf"^(?:(?:image|media|video)\s*caption|\d+\s*of\s*\d+|{_LABEL}\s*:)\s*", re.I)
# a page's copyright line, which ends in a name too
COPYRIGHT_NOTICE = re.compile(r"\bcopyright\b|\ball rights reserved\b|©\s*(?:19|20)\d\d\b", re.I)
# a class naming a credit: "credit", "image-credit", "caption__source", "photographer"; not "_pattribution-w-auto"
_CREDIT_CLASS = re.compile(
    r"(?:^|\s)(?:[\w]+[-_]+)?(?:credits?|copyright|byline|attribution|photographer|author|source)(?:[-_]+[\w-]+)?(?:\s|$)",
    re.I,
)


_WORD = re.compile(r"\w+")
_MARK = "data-press-reader-caption"
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
_NGRAM = 4  # words of a paragraph's start looked up in the page
_GALLERY_GAP = 12  # words of the page at most between the article's end and a photo, or one photo and the next
_CAPTION_MAX = 2000  # characters: a longer "caption" is a page put in one
# a figure that sells something: "Need more space? Subscribe to our sister title", "Live Watch CBSN Live"
_PROMOTION = re.compile(r"\b(?:subscribe|subscription|sign up|newsletter|watch live|live watch)\b", re.I)


def take_captions(tree) -> list[tuple[str, str]]:
    """Each <figcaption>'s (text, credit), in the page's order; each is left as an empty marker of its place."""
    found: list[tuple[str, str]] = []
    for element in list(tree.iter("figcaption")):
        parent = element.getparent()
        if parent is None:
            continue
        whole = squash(element.text_content())
        keep = whole and len(whole) <= _CAPTION_MAX and not _PROMOTION.search(whole)
        caption = caption_of(element) if keep else ("", "")
        marker = element.makeelement("figcaption", {_MARK: str(len(found))})
        marker.tail = element.tail
        parent.replace(element, marker)
        found.append(caption)
    return found


def placed_captions(tree, taken: list[tuple[str, str]], paragraphs: list[str]) -> list[tuple[str, str, int]]:
    """The taken captions of the article, each with the number of the paragraph of `paragraphs` it stood before."""
    if not taken or not paragraphs:
        return []
    words, marks, heads = _page_words(tree)
    starts, end = _paragraph_places(words, paragraphs)
    if not starts:
        return []
    first = min(starts.values())
    low = max((h for h in heads if h <= first), default=first)
    known = sorted(starts.items())  # (paragraph number, place in the page's words)
    placed = []
    for number, at in marks:
        text, credit = taken[number]
        if at > end and at - end <= _GALLERY_GAP:  # photos right after the last paragraph: the article's gallery
            end = at
        if not (text or credit) or not low <= at <= end:
            continue
        before = bisect_left([place for _, place in known], at)
        paragraph = known[before][0] if before < len(known) else len(paragraphs)
        if (text, credit, paragraph) not in placed:  # a page that prints one twice, for phones and for desktops
            placed.append((text, credit, paragraph))
    return placed


def _page_words(tree) -> tuple[list[str], list[tuple[int, int]], list[int]]:
    """The page's words in reading order (what is never shown left out), and where each caption marker and
    each <h1> stands among them. Strips the tree's comments: call it once trafilatura is done with it."""
    from lxml import etree

    words: list[str] = []
    marks: list[tuple[int, int]] = []
    heads: list[int] = []
    unseen = 0
    etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)  # their text around them stays
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _UNSEEN or not tag:
                unseen += 1
            if unseen:
                continue
            if element.get(_MARK) is not None:
                marks.append((int(element.get(_MARK)), len(words)))
            elif tag == "h1":
                heads.append(len(words))
            words += _WORD.findall((element.text or "").casefold())
        else:
            if tag in _UNSEEN or not tag:
                unseen -= 1
            if not unseen and element is not tree:
                words += _WORD.findall((element.tail or "").casefold())
    return words, marks, heads


def _paragraph_places(words: list[str], paragraphs: list[str]) -> tuple[dict[int, int], int]:
    """Where each paragraph found in the page starts among its words, in order, and where the last one ends."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(words) - _NGRAM + 1):
        index[tuple(words[i : i + _NGRAM])].append(i)
    starts: dict[int, int] = {}
    at, end = 0, 0
    for number, paragraph in enumerate(paragraphs):
        own = _WORD.findall(paragraph.casefold())
        if len(own) < _NGRAM:
            continue
        place = next((i for i in index.get(tuple(own[:_NGRAM]), ()) if i >= at), None)
        if place is None:
            continue
        starts[number] = at = place
        tail = index.get(tuple(own[-_NGRAM:]), ())
        end = next((i + _NGRAM - 1 for i in tail if i >= place), place)
    return starts, end


def caption_of(element) -> tuple[str, str]:
    """(text, credit) of a `<figcaption>` (an lxml element): a credit element of its own or just after it, in
    its figure, else one in its text."""
    credits = []
    whole = len(squash(element.text_content()))
    for child in list(element.iterdescendants()):
        if isinstance(child.tag, str) and (
            child.tag in ("cite", "small") or _CREDIT_CLASS.search(child.get("class") or "")
        ):
            credit = squash(child.text_content())
            # a credit is a part of the caption: an element holding (nearly) all of it is a wrapper
            if child.getparent() is not None and credit and len(credit) < 0.7 * whole:
                credits.append(credit)
                child.drop_tree()  # its tail stays
    if not credits:
        after = element.getnext()
        if (
            after is not None
            and isinstance(after.tag, str)
            and (after.tag == "cite" or _CREDIT_CLASS.search(after.get("class") or ""))
        ):
            credits.append(squash(after.text_content()))
            after.drop_tree()
    text = squash(element.text_content())
    if credits and " ".join(credits).strip():
        credit = " ".join(c for c in credits if c)
        return _unlabelled(text), _credit(credit) or credit[:MAX_CREDIT]
    return split_credit(text)


def split_credit(text: str) -> tuple[str, str]:
    """A caption's text and its credit (empty when it names none)."""
    text = squash(text)
    if COPYRIGHT_NOTICE.search(text):
        return text, ""
    for pattern in (_INTRODUCED, _COPYRIGHT_SIGN, _SUBMITTED):
        m = _last_match(pattern, text)
        if m:  # the last one: "Photo illustration by Slate. Photo by David Dyer-Bennet" is David Dyer-Bennet's
            return _unlabelled(text[: m.start()]), _credit(m["credit"])
    m = _BRACKETED.search(text)
    if m and _CREDIT_WORDS.search(m["credit"]) and (not m["echo"] or m["echo"].lower() in m["credit"].lower()):
        return _unlabelled(text[: m.start()]), _credit(m["credit"])
    return _tail_credit(text)


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    """The match that starts last and names a credit, overlaps allowed."""
    found, at = None, 0
    while (m := pattern.search(text, at)) is not None:
        if _credit(m["credit"]):
            found = m
        at = m.start() + 1
    return found


def _tail_credit(text: str) -> tuple[str, str]:
    """A credit after the caption's last sentence: "… of the drug. Getty", "…2019.J. Scott Applewhite / AP file";
    or the whole caption when it is only a credit ("Jason Cipriani/ZDNet")."""
    if _is_tail_credit(text, whole=True):
        return "", _credit(text)
    for end in _SENTENCE_END.finditer(text):
        tail = text[end.end() :].strip()
        if len(tail) <= MAX_CREDIT and _is_tail_credit(tail):
            return _unlabelled(text[: end.end()]), _credit(tail)
    return _unlabelled(text), ""


def _is_tail_credit(tail: str, whole: bool = False) -> bool:
    if not _credit(tail) or tail.endswith((".", "!", "?")) or re.search(r"(?<!\b[A-Z])[.,;:]\s", tail):
        return False
    words = tail.replace("/", " / ").split()
    if "/" in tail and len(words) <= _MAX_CREDIT_WORDS + 2:
        return True
    return not whole and len(words) <= 5 and all(_TAIL_WORD.match(w) for w in words)


def _credit(value: str) -> str:
    value = squash(value).strip(" .,;:()[]-–—…")
    value = re.sub(
        rf"^(?i:(?:{_LABEL}\s*)?(?:credits?|courtesy(?:\s+of)?|by)\b|(?:file\s*)?{_LABEL}\s*(?::|by\b)|file\s*:)[\s.:…]*",
        "",
        value,
    )
    if not value or len(value) > MAX_CREDIT or len(value.split()) > _MAX_CREDIT_WORDS:
        return ""
    return value


def _unlabelled(text: str) -> str:
    """The caption's text without a label the page hides ("Image caption", "Image:") and loose punctuation."""
    return _LABEL_PREFIX.sub("", squash(text)).strip(" -–—|([")
