"""Quotes, speakers and entities in the reading pane: highlights, the legend, hovering and clicking names."""

import re

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.view import LAYERS
from reader.ui.article_model import COLUMNS, ID_ROLE
from reader.ui.reading_pane import Theme
from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.ui.helpers import WAIT_MS, background, colour, cursor_on, entity_texts, open_analyzed, point_on

LABELLED_END = re.compile(r'make it happen\."\s+\u2014\s+Jack Ma\s')  # Ma's long quote, then its speaker label


def test_quotes_terms_and_entities_are_highlighted(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane = window.pane
    assert background(pane, "President Bach had a vision") == colour(pane, "speech")
    assert background(pane, "If someone has an idea") == colour(pane, "speech")
    assert background(pane, "turnkey") == colour(pane, "term")
    assert background(pane, "They are now the official") == ""  # narration stays plain
    assert {"Jack Ma", "Thomas Bach", "Yao Ming"} <= entity_texts(pane, "people")
    assert {"Alibaba", "International Olympic Committee", "IOC"} <= entity_texts(pane, "orgs")
    assert "Beijing" in entity_texts(pane, "places")
    # the multi-paragraph quote names no speaker beside its end, so a label says who spoke
    assert LABELLED_END.search(pane.toPlainText())
    # an entity inside a quote keeps both its colour and the quote's background
    fmt = cursor_on(pane, "Tokyo Olympics").charFormat()
    assert fmt.isAnchor() and fmt.foreground().color().name() == colour(pane, "events")
    assert fmt.background().color().name() == colour(pane, "speech")
    # the legend counts what this article has
    assert window.legend.boxes["speech"].text().startswith("Quotes ")
    assert window.legend.boxes["speech"].isEnabled()


def test_hovering_tells_the_speaker_and_the_entity(open_window, articles_dir, qtbot):
    pane = open_analyzed(open_window, articles_dir, qtbot).pane
    assert pane.tip_at(point_on(pane, "We want to enable athletes")) == "Quote · Jack Ma"
    assert pane.tip_at(point_on(pane, "turnkey")) == "Quoted term"
    tip = pane.tip_at(point_on(pane, "IOC President"))
    assert tip.startswith("Organisations & sponsors · International Olympic Committee")
    assert pane.tip_at(point_on(pane, "They are now the official")) == ""


def test_a_quote_in_the_other_sample_names_bach(open_window, articles_dir, qtbot):
    pane = open_analyzed(open_window, articles_dir, qtbot, SAMPLE_002).pane
    assert pane.tip_at(point_on(pane, "is always giving me")) == "Quote · Thomas Bach"


def test_legend_checkboxes_hide_and_restore_a_layer(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane, legend = window.pane, window.legend
    assert [box.text().split(" ")[0] for box in legend.boxes.values()] == [layer.name.split(" ")[0] for layer in LAYERS]

    qtbot.mouseClick(legend.boxes["speech"], Qt.LeftButton, pos=legend.boxes["speech"].rect().center())
    assert not legend.boxes["speech"].isChecked()
    assert background(pane, "President Bach had a vision") == ""
    assert background(pane, "turnkey") == colour(pane, "term")  # other layers stay
    assert "Alibaba" in entity_texts(pane, "orgs")
    assert not LABELLED_END.search(pane.toPlainText())  # the speaker label goes with its quote

    qtbot.mouseClick(legend.boxes["orgs"], Qt.LeftButton, pos=legend.boxes["orgs"].rect().center())
    assert entity_texts(pane, "orgs") == set()
    assert "Jack Ma" in entity_texts(pane, "people")

    legend.boxes["speech"].setChecked(True)
    assert background(pane, "President Bach had a vision") == colour(pane, "speech")
    assert QSettings().value("reader/hiddenLayers") in ("orgs", ["orgs"])


def test_hidden_layers_are_remembered(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    window.legend.boxes["people"].setChecked(False)
    window.close()
    window = open_analyzed(open_window, articles_dir, qtbot)
    assert not window.legend.boxes["people"].isChecked()
    assert entity_texts(window.pane, "people") == set()
    assert "Alibaba" in entity_texts(window.pane, "orgs")


def test_ctrl_clicking_a_name_lists_every_article_that_mentions_it(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane = window.pane
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(pane.viewport(), Qt.LeftButton, Qt.ControlModifier, point_on(pane, "Thomas Bach"))
    assert window.search_bar.text() == 'entity:"Thomas Bach"'
    assert finished.args[0] is not None
    assert visible(window) == {SAMPLE_000, SAMPLE_002}
    # the shown article marks that name as a hit
    qtbot.waitUntil(lambda: "Thomas Bach" in [text for _, text in pane.hit_fragments()], timeout=WAIT_MS)


def test_a_plain_click_on_a_name_places_the_cursor(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane = window.pane
    found = pane.document().find("Alibaba")
    point = point_in_name(pane, "Alibaba")
    qtbot.mouseClick(pane.viewport(), Qt.LeftButton, pos=point)
    qtbot.wait(200)
    assert found.selectionStart() < pane.textCursor().position() <= found.selectionEnd()
    assert window.search_bar.text() == "" and visible(window) == {SAMPLE_000, SAMPLE_002}  # no search ran
    assert pane.hit_fragments() == []


def test_a_names_menu_lists_the_articles_naming_it_and_copies_it(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane = window.pane
    point = point_in_name(pane, "Thomas Bach")
    right_click(qtbot, pane, point)
    qtbot.waitUntil(lambda: pane.mouse.menu is not None and pane.mouse.menu.isVisible())
    menu = pane.mouse.menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["List articles naming Thomas Bach", "Copy"]
    assert all("Link" not in t for t in texts)  # "entity:3" is nothing to copy
    assert window.search_bar.text() == ""
    menu.actions()[1].trigger()
    assert QApplication.clipboard().text() == "Thomas Bach"
    menu.close()
    pane.mouse.menu = None

    right_click(qtbot, pane, point_in_name(pane, "Thomas Bach"))
    qtbot.waitUntil(lambda: pane.mouse.menu is not None and pane.mouse.menu.isVisible())
    menu = pane.mouse.menu
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        menu.actions()[0].trigger()
    assert window.search_bar.text() == 'entity:"Thomas Bach"'
    assert visible(window) == {SAMPLE_000, SAMPLE_002}


def test_clicking_plain_text_searches_nothing(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    qtbot.mouseClick(window.pane.viewport(), Qt.LeftButton, pos=point_on(window.pane, "They are now the official"))
    qtbot.wait(200)
    assert window.search_bar.text() == ""


def test_the_list_counts_and_speaker_search_after_analysis(open_window, articles_dir, qtbot):
    window = open_window(articles_dir, wait=False)
    with qtbot.waitSignal(window.session.analysed, timeout=WAIT_MS) as done:
        pass
    assert done.args[0].analyzed == 2
    assert "finding quotes" not in window.status.state.text() and not window.status.progress.isVisible()
    quotes, names = COLUMNS.index("Quotes"), COLUMNS.index("Names")
    counts = {
        window.model.index(r, 0).data(ID_ROLE): (
            int(window.model.index(r, quotes).data()),
            int(window.model.index(r, names).data()),
        )
        for r in range(window.model.rowCount())
    }
    assert all(q > 0 and n > 5 for q, n in counts.values()), counts
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        window.search_bar.set_text('speaker:"Thomas Bach"')
    assert visible(window) == {SAMPLE_000, SAMPLE_002}
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        window.search_bar.set_text('speaker:"Yao Ming"')  # named, never quoted
    assert visible(window) == set()
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        window.search_bar.set_text('entity:"Yao Ming"')
    assert visible(window) == {SAMPLE_000}


def point_in_name(pane, name: str) -> QPoint:
    """A point (viewport coordinates) inside the middle of the shown `name`, the text cursor put elsewhere."""
    found = pane.document().find(name)
    middle = QTextCursor(pane.document())
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    pane.setTextCursor(middle)
    pane.ensureCursorVisible()
    pane.setTextCursor(QTextCursor(pane.document()))  # at the start, scrolled where it was
    rect = pane.cursorRect(middle)
    point = QPoint(rect.left() + 2, rect.center().y())
    assert pane.anchorAt(point).startswith("entity:"), name
    return point


def right_click(qtbot, pane, point) -> None:
    """A right-click at `point`: the mouse press, then the context menu event the platform sends with it."""
    qtbot.mousePress(pane.viewport(), Qt.RightButton, pos=point)
    global_point = pane.viewport().mapToGlobal(point)
    QApplication.sendEvent(pane.viewport(), QContextMenuEvent(QContextMenuEvent.Mouse, point, global_point))
    qtbot.mouseRelease(pane.viewport(), Qt.RightButton, pos=point)


def visible(window) -> set[str]:
    return {window.model.index(r, 0).data(ID_ROLE) for r in range(window.model.rowCount())}


@pytest.mark.parametrize("base, text", [("#ffffff", "#000000"), ("#1e1f22", "#e6e6e6")])
def test_readable_in_light_and_dark_palettes(open_window, articles_dir, qtbot, base, text):
    pane = open_analyzed(open_window, articles_dir, qtbot).pane
    palette = pane.palette()
    palette.setColor(QPalette.Base, QColor(base))
    palette.setColor(QPalette.Text, QColor(text))
    pane.setPalette(palette)
    theme = Theme.from_palette(pane.palette())
    assert theme.dark == (base != "#ffffff")
    speech = QColor(background(pane, "President Bach had a vision"))
    assert speech.name() == theme.colour("speech")
    # quote tints stay close to the page; entity colours stand apart from it
    page, ink = QColor(base), QColor(text)
    assert abs(speech.lightness() - page.lightness()) < abs(ink.lightness() - page.lightness()) / 2
    for layer in ("people", "orgs", "places", "events"):
        assert contrast(QColor(theme.colour(layer)), page) >= 4.5, layer
        assert contrast(QColor(theme.colour(layer)), speech) >= 3.5, layer
    assert contrast(ink, speech) >= 7


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.slow  # worker processes of their own
def test_without_a_model_names_come_from_the_built_in_lists(open_window, articles_dir, qtbot, monkeypatch):
    monkeypatch.setenv("PRESS_READER_MODEL", "none")
    window = open_analyzed(open_window, articles_dir, qtbot)
    assert "built-in lists only" in window.status.state.text()
    assert "spaCy" in window.status.state.toolTip()
    pane = window.pane
    assert {"Alibaba", "IOC"} <= entity_texts(pane, "orgs")  # the gazetteer still finds the sponsors
    assert pane.tip_at(point_on(pane, "President Bach had a vision")).startswith("Quote · ")
