"""PDF clippings: the text layer through PDFium, page furniture dropped, line-end hyphens joined, lines re-flowed.

Why pypdfium2 (PDFium, Chrome's PDF engine; Apache-2.0/BSD licensed, prebuilt wheels, no AGPL as with
PyMuPDF). On the two-page sample clipping, compared with pypdf and pdfminer.six:
- word spacing: pypdfium2 gives plain spaces; pypdf and pdfminer gave tabs between every word of this
  Qt-made file, and both left ligatures ("ﬁrst", "diﬀicult") where PDFium gives "first", "difficult";
- speed: about 3 ms for the plain text of both pages, against about 65 ms (pypdf) and 90 ms (pdfminer);
- robustness: a truncated or garbage file fails at once with a typed error, and an encrypted one says so.
PDFium's own line breaking is not used: it ran an indented first line into the line before it. The
characters' positions are read instead and grouped into lines here, which is also what the paragraph,
header and footer rules below need.

The rules, in order:
- Characters set at an angle to the page's own text are left out: a stamp up the margin, a watermark.
- Readable: a page whose text is symbols, not words (see `_unreadable`), is left out; when such pages
  hold half the text, the file is refused, "the text layer is unreadable: run OCR first".
- Furniture: of each page's two top and two bottom lines, one that recurs on at least two pages (and
  half of them) with only its digits changed, a page number at either end left out, is a running
  header or footer ("Page 2 of 3", "47700 Federal Register / …"); a bare page number is one on any
  page; and a first-page top line carrying a date is the masthead, else the first running header at a
  page's top that carries one. The masthead gives the date and the source: "The Sponsorship Times ·
  12 March 2024", "Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020".
- Title: the leading lines of one size set clearly larger than the body text, or a little larger and
  bold; else /Title when it looks like a headline, not a file name or a program's placeholder. A
  "By Name" line after it gives the author (and the date, if it has one).
- Date: the masthead's, else the byline's, else a dateline opening one of the first paragraphs
  ("CINCINNATI, September 8, 2023 – …"), else /CreationDate (when the file was made, close at best).
- Paragraphs: a new one starts after a vertical gap of over 1.45 line spacings, at a first-line indent
  (from the line's own column's margin), after a line that ends a sentence well short of the column
  (under 75% of its width), and where the type size changes. Lines continue across a page break or
  into the next column unless one of those says otherwise.
- Hyphens at line ends: "partner-" + "ship" is joined when the next line starts in lower case, unless
  the hyphen looks like part of the word: the hyphenated form appears elsewhere in the text, or the
  first part is a common compound prefix ("co-", "non-", "self-", numbers) or a single letter, or the
  second a common compound ending ("-based", "-led", "-year"). A joined form seen elsewhere wins
  over the prefix list. Before a capital or a digit the hyphen stays, with no space ("pre-Olympic").

Multi-column pages are read in the order the file stores its text, which for most clippings is
column by column. The two-page sample clipping takes about 15 ms (after the first import of pypdfium2).
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import re
import statistics
import string
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reader.core.formats import NO_TEXT, Extracted, FormatError
from reader.core.formats.dates import date_in_text, iso_date
from reader.core.formats.markup import clean, join_paragraphs, squash

NO_TEXT_LAYER = "PDF has no text layer (a scanned image?)"
LOCKED = "PDF is password-protected"
UNREADABLE = "the text layer is unreadable: run OCR first"

# PDFium is not thread-safe, and the library may read files on more than one worker thread.
_PDFIUM = threading.Lock()

_TURN = 2 * math.pi
_JUDGED_CHARS = 2500  # of each page, for whether its text layer reads as words: enough to tell, and quick
_IN_WORD = "'’-.·"
_LEADERS = ".-_()[]"
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-–—\s]*$", re.I)
_MASTHEAD_SPLIT = re.compile(r"\s+[·•|/–—-]\s+|\s{3,}")
_NUMBER_AT_EDGE = re.compile(r"^#\s+|\s+#$")  # "# federal register / …", "… / proposed rules #"
# "CINCINNATI, September 8, 2023 – ", "NEW YORK, Sept. 8, 2023 /PRNewswire/ -- ", "LONDON, 12 March 2024 - "
_DATELINE = re.compile(r"^(?P<head>[^\W\d_][^–—]{0,70}?)\s+(?:[–—]|--?)\s")
_BYLINE = re.compile(r"^by\s+(?P<name>[^\d,;:|·•/–—]{2,60}?)(?:\s*[,;|·•/–—]\s*.{1,80})?$", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
_WORD_AT_END = re.compile(r"([A-Za-z][A-Za-z'’-]*)-$")
_WORD_AT_START = re.compile(r"^([a-z][A-Za-z'’]*)")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|title|document\d*|microsoft word\b.*|.*\.(docx?|pdf|rtf|odt|pages|indd|txt|html?|jpe?g|png|tiff?)"
    r"|(scan|img|image|dsc|doc)[\s_-]*\d+)$",
    re.I,
)
_COMPOUND_HEADS = frozenset(
    "co non ex self well anti pre post multi semi cross long short full part half all high low mid pan vice "
    "quasi ultra inter intra counter over under world year one two three four five six seven eight nine ten "
    "first second third single double top".split()
)
_COMPOUND_TAILS = frozenset(
    "based led owned funded backed run time year years old term wide free style made related friendly level "
    "scale class winning known up off like long day week month hour minute powered driven focused".split()
)
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\x02": "-",
    }
)  # PDFium marks a line-end hyphen \x02


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y: float  # baseline, in points from the page's bottom
    size: float  # the height of its type, in points
    page: int
    bold: bool = False


def read(data: bytes) -> list[Extracted]:
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise FormatError(_load_error(exc)) from exc
        try:
            metadata = document.get_metadata_dict(skip_empty=True)
            pages = [_page_lines(document, number) for number in range(len(document))]
        finally:
            document.close()
    pages = _readable(pages)
    if not any(pages):
        raise FormatError(NO_TEXT_LAYER)
    return [_article(pages, metadata)]


def _load_error(exc) -> str:
    import pypdfium2.raw as pdfium_c

    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return LOCKED
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "PDF uses an unsupported kind of protection"
    return "damaged PDF (not a PDF, or cut short)" if code == pdfium_c.FPDF_ERR_FORMAT else "damaged PDF (unreadable)"


def _page_lines(document, number: int) -> list[_Line]:
    """The page's text lines in the order the file stores them, grouped by baseline, as PDFium gives their text.

    Characters turned from the page's own reading direction are left out: the stamp printed up the margin
    ("VerDate Sep<11>2014 … with PROPOSALS"), a diagonal "DRAFT", which would come out one letter a line."""
    import pypdfium2.raw as pdfium_c

    page = document[number]
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage)
        angles = Counter(char[5] for char in chars if char is not None)
        upright = angles.most_common(1)[0][0] if angles else 0.0
        lines: list[_Line] = []
        texts: list[str] = []
        current: _Line | None = None
        for char in chars:
            if char is None:
                texts.append(" ")  # a space, or PDFium's word or line break: positions decide lines
                continue
            text, x0, x1, y, size, angle, index = char
            if abs(angle - upright) > 0.1 and abs(abs(angle - upright) - _TURN) > 0.1:
                continue
            if current is None or abs(y - current.y) > 0.4 * current.size:
                if current is not None:
                    current.text = "".join(texts)
                    lines.append(current)
                bold = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600
                current, texts = _Line("", x0, x1, y, size, number, bold), []
            current.x0, current.x1 = min(current.x0, x0), max(current.x1, x1)
            texts.append(text)
    finally:
        textpage.close()
        page.close()
    if current is not None:
        current.text = "".join(texts)
        lines.append(current)
    for line in lines:  # PDFium gives UTF-16: a character beyond it (an emoji, a math letter) is two surrogates
        line.text = line.text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return lines


def _chars(textpage) -> list[tuple[str, float, float, float, float, float, int] | None]:
    """The page's characters in the order the file stores them, as (text, left, right, baseline, height,
    direction of the baseline in radians, index); None for a space or a break PDFium made up."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    chars: list[tuple[str, float, float, float, float, float, int] | None] = []
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        char = chr(code) if 0 < code < 0x110000 else ""
        if (not char.strip() or pdfium_c.FPDFText_IsGenerated(raw, i) == 1) and char not in ("", "\x02"):
            chars.append(None)
        elif char:
            pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
            pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)
            # the baseline's direction (FPDFText_GetCharAngle would count a made-up italic's slant as a turn)
            pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
            angle = math.atan2(matrix.b, matrix.a) % _TURN if matrix.b else 0.0 if matrix.a >= 0 else math.pi
            chars.append((char, box.left, box.right, y.value, max(box.top - box.bottom, 0.1), angle, i))
    return chars


def _readable(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages with their text tidied; a page whose text layer is symbols is left out, and when such pages
    hold most of the text, the file is refused: a font without a map to Unicode gives its glyph numbers."""
    judged = [(page, _unreadable(" ".join(line.text for line in page))) for page in pages]
    symbols = sum(len(line.text) for page, unreadable in judged if unreadable for line in page)
    if symbols and 2 * symbols >= sum(len(line.text) for page in pages for line in page):
        raise FormatError(UNREADABLE)
    return [[] if unreadable else _tidy(page) for page, unreadable in judged]


def _tidy(lines: list[_Line]) -> list[_Line]:
    for line in lines:
        line.text = squash(clean(line.text.translate(_LIGATURES)))
    return [line for line in lines if line.text]


def _unreadable(text: str) -> bool:
    """Whether a page's text is symbols rather than words, in any script: over a fifth of its characters are
    control, private-use or unassigned ones, or under half of its words (of letters, or of letters and digits,
    between spaces and punctuation) are made of letters alone. Numbers do not count either way; a page with
    too little text is not judged."""
    text = text[:_JUDGED_CHARS].replace("\x02", "-")
    chars = [c for c in text if not c.isspace()]
    if len(chars) < 40:
        return False
    odd = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cn"))
    if odd >= 0.2 * len(chars):
        return True
    kinds = Counter(_kind(piece) for piece in _pieces(text))
    kinds["odd"] += sum(1 for token in text.split() if _symbols(token))
    judged = kinds["word"] + kinds["odd"]
    return judged >= 10 and kinds["word"] < 0.5 * judged


def _pieces(text: str):
    """The runs of a text between spaces, punctuation and symbols (an apostrophe, hyphen or point inside a word
    is kept)."""
    piece: list[str] = []
    for c in text:
        if c.isspace() or (c not in _IN_WORD and unicodedata.category(c)[0] in "PS"):
            if piece:
                yield "".join(piece)
                piece = []
        else:
            piece.append(c)
    if piece:
        yield "".join(piece)


def _symbols(token: str) -> bool:
    """A run of two or more different ASCII symbols: '!"$', "%&", a font's codes for its letters read as
    ASCII. Dot leaders, dashes and brackets are not, nor emoji."""
    return all(c in string.punctuation for c in token) and len(set(token) - set(_LEADERS)) >= 2


def _kind(piece: str) -> str | None:
    """word (letters), number (with a digit: "2,300", "737-8", "COVID-19"), or odd (letters run together with
    control characters or symbols: the glyph numbers of a font without a map to Unicode)."""
    piece = piece.strip(_IN_WORD)
    if not piece:
        return None
    groups = [unicodedata.category(c)[0] for c in piece]
    if "N" in groups:
        return "number"
    return "word" if all(g in "LM" or c in _IN_WORD for g, c in zip(groups, piece)) else "odd"


def _article(pages: list[list[_Line]], metadata: dict[str, str]) -> Extracted:
    furniture, masthead = _furniture(pages)
    body = [line for page in pages for line in page if id(line) not in furniture]
    if not body:
        raise FormatError(NO_TEXT)
    body_size = _body_size(body)
    heading, body = _heading(body, body_size)
    author, byline_date, body = _byline(body)
    # every line, headline included: a word seen whole anywhere settles how its broken form is joined
    vocabulary = {w.lower() for page in pages for line in page for w in _WORDS.findall(line.text.rstrip("-"))}
    grouped = _paragraphs(body, body_size)
    paragraphs = ["".join(_joined(lines, vocabulary)) for lines in grouped]
    source, printed_date = _read_masthead(masthead)
    return Extracted(
        text=join_paragraphs(paragraphs),
        title=heading or _meaningful_title(metadata.get("Title")),
        # /CreationDate is when the file was made: for a clipping, close at best; for a release, weeks later
        date=printed_date or byline_date or _dateline(grouped) or iso_date(metadata.get("CreationDate")),
        source=source,
        author=author,
    )


def _furniture(pages: list[list[_Line]]) -> tuple[set[int], str | None]:
    """The running headers, footers and page numbers (by id), and the masthead: the first page's top line, or
    a running header that carries a date ("Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020")."""
    edges = []
    for page in pages:
        by_height = sorted(page, key=lambda line: -line.y)
        edges.append(by_height[:2] + by_height[-2:] if len(by_height) > 2 else by_height)
    recurring = Counter(s for edge in edges for s in {_shape(line) for line in edge})
    pages_with_text = sum(1 for page in pages if page)
    furniture: set[int] = set()
    for edge in edges:
        for line in edge:
            repeated = pages_with_text >= 2 and recurring[_shape(line)] >= max(2, pages_with_text / 2)
            if repeated or _PAGE_NUMBER.match(line.text):
                furniture.add(id(line))
    return furniture, _masthead(pages, furniture)


def _masthead(pages: list[list[_Line]], furniture: set[int]) -> str | None:
    """The first page's top line when it carries a date (it joins the furniture) or is a running header; when
    that has no date, the first running header at the top of a page that has one."""
    tops = [max(page, key=lambda line: line.y) for page in pages if page]
    if not tops:
        return None
    masthead = None
    if date_in_text(tops[0].text) and len(tops[0].text.split()) <= 14:
        furniture.add(id(tops[0]))
        masthead = tops[0].text
    elif id(tops[0]) in furniture:
        masthead = tops[0].text
    if masthead and date_in_text(masthead):
        return masthead
    return next((top.text for top in tops if id(top) in furniture and date_in_text(top.text)), masthead)


def _shape(line: _Line) -> str:
    """What a running header or footer keeps from page to page: its words, without the page number."""
    return _NUMBER_AT_EDGE.sub("", re.sub(r"\d+", "#", line.text.lower()))


def _read_masthead(masthead: str | None) -> tuple[str | None, str | None]:
    if not masthead:
        return None, None
    parts = [p.strip() for p in _MASTHEAD_SPLIT.split(masthead) if p.strip()]
    names = [p for p in parts if not date_in_text(p) and not _PAGE_NUMBER.match(p) and re.search(r"[A-Za-z]", p)]
    # an even page's running header starts with its number: "47700 Federal Register / Vol. 85 / …"
    return (re.sub(r"^\d+\s+", "", names[0]) if names else None), date_in_text(masthead)


def _dateline(paragraphs: list[list[_Line]]) -> str | None:
    """The date of the dateline that opens one of the first paragraphs: "CINCINNATI, September 8, 2023 – The…"."""
    for lines in paragraphs[:20]:
        m = _DATELINE.match(lines[0].text)
        if m and date_in_text(m["head"]):
            return date_in_text(m["head"])
    return None


def _body_size(lines: list[_Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0]


def _heading(lines: list[_Line], body_size: float) -> tuple[str | None, list[_Line]]:
    """Leading lines set clearly larger than the body, or a little larger and bold: the headline."""

    def headline(line: _Line) -> bool:
        larger = line.size >= 1.25 * body_size or (line.bold and line.size >= 1.15 * body_size)
        return larger and abs(line.size - lines[0].size) <= 0.1 * lines[0].size  # a smaller subheading is not

    taken = 0
    while taken < min(len(lines) - 1, 4) and headline(lines[taken]):
        taken += 1
    if not taken:
        return None, lines
    return squash(" ".join(line.text for line in lines[:taken])), lines[taken:]


def _byline(lines: list[_Line]) -> tuple[str | None, str | None, list[_Line]]:
    """The author of a "By Jane Doe" line among the first (what follows the name, "Staff Writer | 3 May 2024",
    is left out), and the date it carries."""
    for i, line in enumerate(lines[:4]):
        m = _BYLINE.match(line.text)
        if m and len(m["name"].split()) <= 6:
            name = m["name"].strip()
            return name.title() if name.isupper() else name, date_in_text(line.text), lines[:i] + lines[i + 1 :]
    return None, None, lines


def _paragraphs(lines: list[_Line], body_size: float) -> list[list[_Line]]:
    left = _left_margins(lines, body_size)
    widths = sorted(line.x1 - left[round(line.x0)] for line in lines)
    column = widths[int(0.9 * (len(widths) - 1))] or 1.0
    steps = [a.y - b.y for a, b in itertools.pairwise(lines) if a.page == b.page and a.y > b.y]
    spacing = statistics.median(steps) if steps else body_size * 1.2
    indent = 0.8 * body_size
    paragraphs: list[list[_Line]] = [[lines[0]]]
    for prev, line in itertools.pairwise(lines):
        gap = prev.page == line.page and prev.y - line.y > 1.45 * spacing
        indented = line.x0 - left[round(line.x0)] > indent and not prev.x0 - left[round(prev.x0)] > indent
        short_end = bool(_SENTENCE_END.search(prev.text)) and prev.x1 - left[round(prev.x0)] < 0.75 * column
        resized = abs(line.size - prev.size) > 0.15 * body_size
        if gap or indented or short_end or resized:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _left_margins(lines: list[_Line], body_size: float) -> dict[int, int]:
    """The left margin of a line by where it starts: the most common start at or a little left of its own. Each
    column of a page has its own, and a first-line indent is measured from its column's margin; going on in
    the next column is not an indent."""
    starts = Counter(round(line.x0) for line in lines)
    order = sorted(starts)
    reach = 3 * body_size
    margins = {}
    for i, x in enumerate(order):
        near = order[bisect.bisect_left(order, x - reach) : i + 1]
        margins[x] = max(near, key=lambda s: (starts[s], -s))
    return margins


def _joined(lines: list[_Line], vocabulary: set[str]) -> list[str]:
    """The paragraph's lines as pieces of one string, each followed by what joins it to the next."""
    pieces = []
    for line, following in itertools.pairwise(lines):
        pieces.append(_join(line.text, following.text, vocabulary))
    pieces.append(lines[-1].text)
    return pieces


def _join(text: str, following: str, vocabulary: set[str]) -> str:
    if not (text.endswith("-") and len(text) > 1 and text[-2].isalnum() and following[:1].isalnum()):
        return text + " "  # no hyphen, or a dash standing between words ("said -")
    head, tail = _WORD_AT_END.search(text), _WORD_AT_START.match(following)
    # "pre-" + "Olympic", "2024-" + "25": a hyphen before a capital or a digit, or after one, is the word's own
    if not head or not tail or _hyphen_is_real(head.group(1), tail.group(1), vocabulary):
        return text
    return text[:-1]


def _hyphen_is_real(head: str, tail: str, vocabulary: set[str]) -> bool:
    head, tail = head.lower(), tail.lower()
    if f"{head}-{tail}" in vocabulary:
        return True
    if f"{head}{tail}".split("-")[-1] in vocabulary and "-" not in head:
        return False
    last = head.rsplit("-", 1)[-1]
    return "-" in head or len(last) == 1 or last in _COMPOUND_HEADS or tail in _COMPOUND_TAILS


def _meaningful_title(title: str | None) -> str | None:
    """/Title when it reads like a headline; word processors often leave a file name or a placeholder."""
    title = squash(clean(title or ""))
    if len(title) < 4 or _PLACEHOLDER_TITLE.match(title) or not re.search(r"[A-Za-z]{2}", title):
        return None
    if " " not in title and re.search(r"[_/\\]", title):  # report_final_v2, C:\clips\x
        return None
    return title
