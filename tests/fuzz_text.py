"""Hypothesis strategies for article files as they come (issue 6), and the span invariants every analysis keeps.

Shared by tests/core/test_fuzz.py (parse and analysis, no Qt) and tests/ui/test_fuzz_render.py (rendering).
The settings are derandomized and keep no example database, so a CI run is the same run every time;
PRESS_READER_FUZZ=explore runs more examples, freshly random, for looking harder by hand.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from reader.core.analysis import Analysis
from reader.core.formats.text import TITLE_CHARS
from reader.core.index.analysis import ANALYZER
from reader.core.model import BODY, TITLE, Article

_EXPLORE = os.environ.get("PRESS_READER_FUZZ") == "explore"
FUZZ = settings(
    max_examples=int(os.environ.get("PRESS_READER_FUZZ_EXAMPLES", 500)) if _EXPLORE else 60,
    deadline=None,  # spaCy's first call and a very long line take longer than Hypothesis' default
    derandomize=not _EXPLORE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# pieces press files are made of, and pieces that break naive parsers
FRAGMENTS = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "«",
    "»",
    "'",
    " ©",
    "©",
    "© IOC",
    " ©Getty Images\n",
    "date 2020-01-01 ",
    "date 2020-02-30 ",
    "\n",
    "\n\n",
    "\n \n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\u2029",
    "Title: ",
    "Source: ",
    "Date: 2019-05-06\n",
    "---\n",
    "# ",
    "## Heading\n",
    "Thomas Bach said",
    ", said IOC President Thomas Bach.",
    "Jack Ma told reporters: ",
    "he said",
    " — Roger Goodell",
    "Coca-Cola",
    "the IOC",
    "Alibaba",
    "Tokyo 2020",
    "$5 million",
    "Mr. ",
    "U.S. ",
    ". ",
    "? ",
    "!",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u200f",
    "\u202e",
    "\u2066",
    "🏅",
    "🎉👍🏽",
    "👨‍👩‍👧",
    "e\u0301",
    "İ",
    "ß",
    "ﬁ",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\x9b",
    "\ufeff",
    "\ufffc",
    "\ufffd",
    "\U0010ffff",
    "&lt;",
    "&amp;",
    "<b>",
    "</p>",
    "<img src=x>",
    "<!--",
    "word " * 400,
    "x" * 3000,
]
WORDS = [
    "the",
    "a",
    "sponsor",
    "deal",
    "Olympic",
    "partner",
    "said",
    "says",
    "We",
    "will",
    "win",
    "Bach",
    "Ma",
    "Infantino",
    "FIFA",
    "Visa",
    "according to",
    "in",
    "2022",
    "million",
    "is",
    "great",
    "and",
    "he",
    "she",
]
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(WORDS).map(lambda w: w + " "), st.text(max_size=12))
NOISE = st.lists(PIECE, max_size=60).map("".join)

# press-like paragraphs: quotes with attributions, caption lines, sentences, with noise among them
_WORDS = st.lists(st.one_of(st.sampled_from(WORDS), PIECE), min_size=1, max_size=12).map(" ".join)
_SPEAKER = st.sampled_from(
    [
        "Thomas Bach",
        "Jack Ma",
        "IOC President Thomas Bach",
        "Gianni Infantino",
        "he",
        "she",
        "Coca-Cola chief executive James Quincey",
        "Bach",
        "the <b>IOC</b>",
    ]
)
_SENTENCE = st.one_of(
    st.builds("“{},” said {}.".format, _WORDS, _SPEAKER),
    st.builds('"{}," {} said.'.format, _WORDS, _SPEAKER),
    st.builds('{} said: "{}'.format, _SPEAKER, _WORDS),  # left open, or closed in a later paragraph
    st.builds("«{}», according to {}.".format, _WORDS, _SPEAKER),
    st.builds("‘{}’".format, _WORDS),
    st.builds("{} ©{}".format, _WORDS, st.sampled_from(["IOC", "Getty Images", "<b>X</b> &amp;", "©"])),
    _WORDS.map(lambda words: words + "."),
    PIECE,
)
_PARAGRAPH = st.builds(
    lambda parts, sep: sep.join(parts), st.lists(_SENTENCE, min_size=1, max_size=4), st.sampled_from([" ", "\n"])
)
_LEAD = st.sampled_from(
    [
        "",
        "",
        "date 2020-01-01 ",
        "Title: A “title”\nDate: 2021-02-03\nSource: <i>Wire</i>\n\n",
        "---\ntitle: Front matter\ndate: 2020-01-01\n---\n",
        "# Heading\n\n",
        "\ufeff",
    ]
)
PRESS = st.builds(lambda lead, paras: lead + "\n\n".join(paras), _LEAD, st.lists(_PARAGRAPH, min_size=1, max_size=6))
TEXT = st.one_of(NOISE, PRESS)
FILE_NAME = st.sampled_from(["article.txt", "story.md", "a b.txt"])


def search_words(article: Article, limit: int = 6) -> frozenset[str]:
    """Some words a search could have matched in the article, as the index analyses them."""
    words = [t.text for t in ANALYZER(f"{article.title} {article.body[:2000]}")]
    return frozenset(sorted(set(words))[:limit])


def check_layer(spans, length: int, what: str) -> None:
    """Spans of one layer: inside [0, length], each non-empty, in order and not overlapping."""
    previous_end = 0
    for start, end in ((s.start, s.end) for s in spans):
        assert 0 <= start < end <= length, f"{what}: ({start}, {end}) outside 0..{length}"
        assert start >= previous_end, f"{what}: ({start}, {end}) overlaps or precedes the span before it"
        previous_end = end


def check_analysis(article: Article, analysis: Analysis) -> None:
    """Every span of `analysis` lies in the text it indexes, and repeats that text; layers are ordered and disjoint."""
    assert {x.part for x in (*analysis.quotes, *analysis.entities)} <= {part.name for part in article.parts()}
    assert all(q.part in (BODY, TITLE) for q in analysis.quotes)  # a caption has no quotes
    parts = [
        (part.name, part.text, analysis.in_part(part.name).quotes, analysis.in_part(part.name).entities)
        for part in article.parts()
    ]
    for name, text, quotes, entities in parts:
        check_layer(quotes, len(text), f"{name} quotes")
        check_layer(entities, len(text), f"{name} entities")
        for q in quotes:
            assert q.text == text[q.start : q.end]
            assert q.speaker is None or (q.speaker.strip() and "\n" not in q.speaker)
        for e in entities:
            assert e.text == text[e.start : e.end] and e.canonical.strip()


def check_article(article: Article) -> None:
    """What the parser promises: a one-line title, paragraphs of squashed text, captions out of the body."""
    assert article.title and "\n" not in article.title and len(article.title) <= TITLE_CHARS
    assert article.title == article.title.strip()
    assert article.body == "\n\n".join(article.paragraphs)
    for para in article.paragraphs:
        assert para and para == " ".join(para.split()), repr(para)
    for cap in article.captions:
        assert 0 <= cap.paragraph <= len(article.paragraphs)
        assert cap.credit and "\n" not in cap.credit and "\n" not in cap.text
    assert article.date is None or len(article.date) == 10
