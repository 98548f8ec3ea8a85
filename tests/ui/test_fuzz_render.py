"""Fuzzing the reading pane (issue 6): any article text, analyzed and marked, renders to what the article says.

Random Unicode (see tests/fuzz_text.py) is parsed, analyzed by the app's spaCy workers, given search hits
and bookmarks, and shown in a real ReadingPane with a random choice of layers. The pane's plain text must
be the article's, line by line: its title, the meta line, each caption before its paragraph (the
leftovers after the last) and each paragraph, with the speaker labels and bookmark flags its marks add.
And each character of the body must be where the pane's body map says it is, since bookmarks and quote
clicks go through that map.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.core.analysis import shared_analyzer
from reader.core.bookmarks import OK, Bookmark
from reader.core.formats.text import parse
from reader.core.index import hit_spans
from reader.core.view import BOOKMARK, HIT, LAYER_KEYS, build_view
from reader.ui.reading_pane import SHORTENED, ReadingPane, human_date, paragraph_marks, shown_chars
from reader.ui.session import ANALYSIS_WORKERS
from tests.fuzz_text import FILE_NAME, FUZZ, TEXT, check_layer, search_words


@pytest.fixture(scope="module")
def pane(qapp):
    pane = ReadingPane()
    pane.resize(700, 500)
    pane.show()
    yield pane
    pane.close()


@pytest.fixture(scope="module")
def analyzer():
    """The window's analyzer: spaCy on worker processes (with QtTest loaded here, importing spaCy is slow)."""
    return shared_analyzer(ANALYSIS_WORKERS)


def shown(text: str, marks) -> str:
    return "".join(c for c, _ in shown_chars(text, marks))


def expected_lines(view, layers) -> list[str]:
    """What the pane should show, a line per block, from the article and the marks of the layers shown."""

    def visible(marks):
        return [m for m in marks if m.layer in (HIT, BOOKMARK) or m.layer in layers]

    a = view.article
    meta = [human_date(a.date), *filter(None, [a.source]), a.id] + ([SHORTENED] if a.truncated else [])
    lines = [shown(a.title, visible(view.title)), " · ".join(meta)]
    captions: dict[int, list[str]] = {}
    for i, cap in enumerate(a.captions):
        lead = cap.paragraph == 0 and cap.text == a.title
        text = "Lead photo" if lead else shown(cap.text, visible(view.captions[i]))
        captions.setdefault(cap.paragraph, []).append(f"{text} © {cap.credit}")
    for n, (para, marks) in enumerate(paragraph_marks(a.body, visible(view.body))):
        lines += captions.pop(n, [])
        lines.append(shown(para, marks))
    for rest in captions.values():
        lines += rest
    return lines


def squashed(line: str) -> str:
    """White space as HTML shows it: runs folded to one space, none at the ends (no-break spaces too)."""
    return " ".join(line.split())


def bookmarks_for(body: str, cuts: list[int]) -> list[Bookmark]:
    spans = sorted({(min(a, b), max(a, b)) for a, b in zip(cuts[::2], cuts[1::2]) if a != b})
    return [
        Bookmark(i + 1, "", "article.txt", "", body[start:end], "", "", start, end, None, "", (), "", "", "", None, OK)
        for i, (start, end) in enumerate(spans)
        if end <= len(body)
    ]


@pytest.mark.slow  # Hypothesis
@FUZZ
@given(TEXT, FILE_NAME, st.sets(st.sampled_from(LAYER_KEYS)), st.lists(st.integers(0, 400), max_size=6))
@example("Title: <b>x</b> &amp;\n\nA “quote,” said Bach. ©Getty", "article.txt", set(LAYER_KEYS), [2, 9])
@example("Date: 2019-05-06\n\U00010000 “Win 🏅,” said Bach.", "article.txt", set(), [])  # UTF-16 positions
def test_the_pane_shows_the_article_text_and_maps_the_body(pane, analyzer, text, name, layers, cuts):
    article = parse(text, article_id=name)
    analysis = analyzer.analyze(article)
    words = search_words(article)
    title_hits, body_hits, *caption_hits = (hit_spans(p.text, words, p.name) for p in article.parts())
    hits = (title_hits, body_hits, caption_hits)
    check_layer(hits[1], len(article.body), "body hits")
    view = build_view(article, analysis, *hits).with_bookmarks(bookmarks_for(article.body, cuts))
    pane.set_layers(layers)
    pane.show_article(view)

    # Qt's plain text has an empty line after each table (a caption); no line of the article is empty
    got = [squashed(line) for line in pane.toPlainText().split("\n") if squashed(line)]
    assert got == [squashed(line) for line in expected_lines(view, layers)]
    assert not any(fmt.isImageFormat() for _, _, fmt in pane.fragments())

    for offset, char in enumerate(article.body):
        if not char.isspace():
            at = pane.body_map.to_doc(offset)
            assert at is not None and char_at(pane.document(), at, char) == char, (offset, char)


def char_at(document, position: int, like: str) -> str:
    """The character at a document position; Qt counts UTF-16 units, so one beyond U+FFFF takes two."""
    units = document.characterAt(position) + (document.characterAt(position + 1) if ord(like) > 0xFFFF else "")
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def test_a_selection_after_an_emoji_is_the_body_text_selected(pane):
    """Qt counts a character beyond U+FFFF (most emoji) as two positions, Python as one: the body map
    must not drift after one, or a bookmark made from a selection would hold the wrong words."""
    article = parse("Medal 🏅🏅 for Bach. A great day for the 𝐀 team.")
    pane.show_article(build_view(article, None, [], [], []))
    body_start = pane.document().firstBlock().next().next().position()  # after the title and meta line
    for word in ("Bach", "team"):
        found = pane.document().find(word, body_start)
        pane.setTextCursor(found)
        start, end = pane.selected_span()
        assert article.body[start:end] == word
        assert pane.body_map.to_body(found.selectionStart()) == article.body.index(word)


def test_flashing_a_span_that_ends_in_an_emoji_lights_all_of_it(pane):
    """A bookmark jumped to is lit up to its last character, whole, even one Qt counts as two positions."""
    article = parse("Medals\n\nThe medal table. Gold for the relay team 🏅")
    pane.show_article(build_view(article, None, [], [], []))
    start = article.body.index("relay")
    assert pane.flash(start, len(article.body))
    [lit] = pane.extraSelections()
    assert lit.cursor.selectedText() == "relay team 🏅"
