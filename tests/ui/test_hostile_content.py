"""Hostile article content (issue 6): markup, entities and URLs in an article are text, shown as written.

The article below puts a script, an image, a javascript: link, a style sheet and HTML entities in its
title, source, caption, credit and body. The reading pane, the list and the search snippets must show
every one of them literally, load nothing they name and offer no link they spell out.
"""

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from reader.core.analysis import Analysis, Entity
from reader.core.formats.text import parse
from reader.core.view import build_view
from reader.ui import main_window
from reader.ui.article_list import snippet_html
from reader.ui.article_model import SNIPPET_ROLE, TITLE
from reader.ui.bookmarks_panel import ARTICLE, QUOTE
from reader.ui.reading_pane import ENTITY_SCHEME, ReadingPane
from tests.ui.helpers import WAIT_MS, cursor_on, open_analyzed, point_on, search, visible_ids

HOSTILE_ID = "hostile.txt"
TITLE_TEXT = "Sponsor <script>alert(1)</script> deal &amp; <b>bold</b> &lt;tag&gt;"
HOSTILE = f"""Title: {TITLE_TEXT}
Date: 2021-03-04
Source: <img src=file:///etc/passwd>Wire

<img src=file:///etc/passwd> Launch of the <a href="javascript:alert(1)">click</a> kit ©<b>CREDIT</b> &amp; Co

Coca-Cola announced a sponsorship with <script>alert(1)</script> the IOC. See <a href="javascript:alert(1)">click</a> and <img src=file:///etc/passwd> too.

<style>body {{ display: none }}</style> Bach said: "We welcome &lt;sponsors&gt; &amp; partners at http://evil.example/x and javascript:alert(1) today, and more of them."
"""
# the file holds each "&" as "&amp;": text files have their character references decoded (README, Article
# files), so the article's text is HOSTILE as written above, literal "&amp;" and "&lt;" included
HOSTILE_FILE = HOSTILE.replace("&", "&amp;")
# what the reader must see, character for character, in title, meta line, caption, credit and body
LITERAL = [
    TITLE_TEXT,
    "<img src=file:///etc/passwd>Wire",
    '<img src=file:///etc/passwd> Launch of the <a href="javascript:alert(1)">click</a> kit',
    "© <b>CREDIT</b> &amp; Co",
    "Coca-Cola announced a sponsorship with <script>alert(1)</script> the IOC. See "
    '<a href="javascript:alert(1)">click</a> and <img src=file:///etc/passwd> too.',
    "<style>body { display: none }</style> Bach said:",
    "&lt;sponsors&gt; &amp; partners at http://evil.example/x and javascript:alert(1) today",
]
EXTERNAL_SCHEMES = ("http", "https", "file", "javascript", "ftp", "mailto")


@pytest.fixture
def hostile_dir(articles_dir):
    (articles_dir / HOSTILE_ID).write_text(HOSTILE_FILE, encoding="utf-8")
    return articles_dir


class RecordingPane(ReadingPane):
    """The reading pane, recording every resource it is asked for (images, style sheets…) as (kind, url).

    A subclass rather than a patched method: PySide may keep the first Python override of a virtual it
    finds for a class, so a method patched in after other tests used the pane would not be called.
    """

    calls: list = []

    def loadResource(self, kind, url):
        RecordingPane.calls.append((kind, url.toString()))
        return super().loadResource(kind, url)


@pytest.fixture
def resource_calls(monkeypatch):
    """The resources asked for by the reading panes of the windows the test opens (and RecordingPanes)."""
    monkeypatch.setattr(main_window, "ReadingPane", RecordingPane)
    RecordingPane.calls = []
    return RecordingPane.calls


class UrlRecorder(QObject):
    """Registered with QDesktopServices for external schemes: any URL the app asks the desktop to open."""

    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url):
        self.opened.append(url.toString())


@pytest.fixture
def desktop_urls():
    recorder = UrlRecorder()
    for scheme in EXTERNAL_SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder.opened
    for scheme in EXTERNAL_SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def shown_as(text: str) -> str:
    """What a QLabel (a tooltip) shows for `text`: Qt renders it as HTML if it merely looks like HTML."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def images_and_anchors(document):
    """(image names, anchor hrefs) of every fragment of `document`, tables' cells included."""
    images, anchors = [], []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                images.append(fmt.toImageFormat().name())
            if fmt.isAnchor():
                anchors.append((fmt.anchorHref(), it.fragment().text()))
            it += 1
        block = block.next()
    return images, anchors


def test_the_resource_recorder_sees_what_markup_would_load(qtbot, resource_calls):
    """The control for the tests below: an image in markup is asked of the pane, and the recorder sees it."""
    pane = RecordingPane()
    qtbot.addWidget(pane)
    pane.setHtml('<p>x<img src="file:///etc/passwd"></p>')
    images, _ = images_and_anchors(pane.document())
    assert images == ["file:///etc/passwd"]
    pane.document().resource(QTextDocument.ImageResource, QUrl(images[0]))  # as the layout fetches an image
    assert (QTextDocument.ImageResource, "file:///etc/passwd") in resource_calls


def test_the_pane_gives_no_resource_even_a_local_file(qtbot):
    """Were markup ever shown, the pane would still load nothing: not even a local file, which
    QTextDocument reads by itself when the browser's loadResource answers None."""
    pane = ReadingPane()
    qtbot.addWidget(pane)
    for kind in (QTextDocument.ImageResource, QTextDocument.StyleSheetResource, QTextDocument.HtmlResource):
        assert not pane.document().resource(kind, QUrl("file:///etc/passwd"))


def test_the_pane_shows_hostile_markup_as_text_and_loads_nothing(open_window, hostile_dir, qtbot, resource_calls):
    window = open_analyzed(open_window, hostile_dir, qtbot, HOSTILE_ID)
    pane = window.pane
    assert isinstance(pane, RecordingPane)
    qtbot.wait(100)  # painted
    text = pane.toPlainText()
    for literal in LITERAL:
        assert literal in text, f"{literal!r} not shown as written in:\n{text}"
    assert text.startswith(TITLE_TEXT + "\n")
    images, anchors = images_and_anchors(pane.document())
    assert images == []
    # the only anchors are the app's own entity links, each over the name it marks
    assert anchors, "the article was analyzed: its entities are links"
    assert all(href.startswith(f"{ENTITY_SCHEME}:") for href, _ in anchors), anchors
    assert {"Coca-Cola", "IOC"} & {name for _, name in anchors}
    assert resource_calls == []


def test_urls_in_article_text_are_no_links_and_nothing_opens(open_window, hostile_dir, qtbot, desktop_urls):
    window = open_analyzed(open_window, hostile_dir, qtbot, HOSTILE_ID)
    pane = window.pane
    assert not pane.openLinks() and not pane.openExternalLinks()
    shown = pane.toPlainText()
    clicked = []
    pane.anchorClicked.connect(lambda url: clicked.append(url.toString()))
    for text in ("http://evil.example/x", "javascript:alert(1) today", ">click<", "file:///etc/passwd>Wire"):
        assert not cursor_on(pane, text).charFormat().isAnchor(), text
        point = point_on(pane, text)
        assert pane.anchorAt(point) == "", text
        qtbot.mouseClick(pane.viewport(), Qt.LeftButton, pos=point)
        qtbot.mouseDClick(pane.viewport(), Qt.LeftButton, pos=point)
    qtbot.wait(200)
    assert clicked == [] and desktop_urls == []
    assert pane.source().isEmpty() and pane.toPlainText() == shown  # the pane went nowhere

    # the app's own entity links do something only when clicked, and open nothing outside
    entity = "Coca-Cola"
    point = point_on(pane, entity)
    assert pane.anchorAt(point).startswith(f"{ENTITY_SCHEME}:")
    qtbot.mouseMove(pane.viewport(), point)
    qtbot.wait(100)
    assert clicked == [] and window.search_bar.text() == ""
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(pane.viewport(), Qt.LeftButton, Qt.ControlModifier, point)
    assert window.search_bar.text() == f'entity:"{entity}"'
    assert desktop_urls == []


def test_the_list_and_search_snippets_show_hostile_markup_as_text(open_window, hostile_dir, qtbot, resource_calls):
    window = open_window(hostile_dir)
    assert isinstance(window.pane, RecordingPane)
    row = visible_ids(window).index(HOSTILE_ID)
    index = window.model.index(row, TITLE)
    assert index.data() == TITLE_TEXT  # painted by Qt as plain text
    assert TITLE_TEXT in shown_as(index.data(Qt.ToolTipRole))  # a tooltip is HTML if it looks like it

    search(qtbot, window, "sponsorship")
    index = window.model.index(visible_ids(window).index(HOSTILE_ID), TITLE)
    assert TITLE_TEXT in shown_as(index.data(Qt.ToolTipRole))
    snippet, spans = index.data(SNIPPET_ROLE)
    assert "sponsorship with <script>alert(1)</script> the IOC" in snippet
    assert [snippet[s.start : s.end] for s in spans][:1] == ["sponsorship"]  # then 'sponsors' of '&lt;sponsors&gt;'
    # what SnippetDelegate paints: the title and the snippet, as written, with no image and no link
    doc = QTextDocument()
    doc.setHtml(snippet_html(TITLE_TEXT, snippet, spans, "#777777"))
    assert doc.toPlainText() == f"{TITLE_TEXT}\n{snippet}"
    assert images_and_anchors(doc) == ([], [])
    window.list.viewport().repaint()  # the delegate paints it without error
    assert resource_calls == []


def test_a_bookmarked_hostile_quote_is_shown_as_written(open_window, hostile_dir, qtbot):
    window = open_analyzed(open_window, hostile_dir, qtbot, HOSTILE_ID)
    cursor_on(window.pane, "We welcome &lt;sponsors")  # the text cursor in the quote
    window.menus.bookmark.trigger()  # Ctrl+D
    model = window.bookmarking.panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    [b] = model.items
    assert b.exact.startswith('"We welcome &lt;sponsors&gt; &amp; partners')
    assert model.index(0, QUOTE).data() == b.exact
    assert b.exact in shown_as(model.index(0, QUOTE).data(Qt.ToolTipRole))
    assert TITLE_TEXT in shown_as(model.index(0, ARTICLE).data(Qt.ToolTipRole))


def test_hovering_a_name_written_with_markup_tells_it_as_written(qtbot):
    """A name keeps what the text spelled, markup included (spaCy's model tags 'John Smith&lt;b&gt' in
    'John Smith&lt;b&gt; met…' as a person): its tooltip shows those characters, not what they encode."""
    # the file's "&amp;lt;" is read as "&lt;" (text files have their character references decoded)
    article = parse("Title: x\n\nYesterday John Smith&amp;lt;b&amp;gt; met <i>Mary</i> in London.")
    name = "John Smith&lt;b&gt"
    start = article.body.index(name)
    analysis = Analysis(entities=(Entity(start, start + len(name), name, "PERSON", name),))
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    pane.show_article(build_view(article, analysis, [], [], []))
    point = point_on(pane, "John Smith")
    assert pane.tip_at(point).startswith(f"People · {name}\n")
    QApplication.sendEvent(pane.viewport(), QHelpEvent(QEvent.ToolTip, point, pane.viewport().mapToGlobal(point)))
    assert shown_as(QToolTip.text()).startswith(f"People · {name}\n")
    QToolTip.hideText()


def test_status_lines_show_file_names_and_queries_as_written(open_window, tmp_path, qtbot):
    folder = tmp_path / "<b>odd"
    folder.mkdir()
    (folder / "<img src=x>.txt").write_bytes(b"")  # skipped: its name is in the Skipped files window
    (folder / "ok.txt").write_text("A plain article about the IOC.")
    window = open_window(folder)
    for label in (window.status.state, window.search_bar.status, window.skipped.open_list().summary):
        assert label.textFormat() == Qt.PlainText
    # a QLabel left to guess would draw this as rich text: "Could not open " and the rest in italics
    window.status.say(f"Could not open <i>{folder}</i>")
    assert window.status.state.text().startswith("Could not open <i>")
