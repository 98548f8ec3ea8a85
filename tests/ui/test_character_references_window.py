"""A scraped text file's character references show as characters in the list and the reading pane."""

from reader.ui.article_model import SOURCE, TITLE
from tests.core.test_character_references import SCRAPED
from tests.ui.helpers import WAIT_MS


def test_the_list_row_and_the_pane_show_the_pound_sign(open_window, tmp_path, qtbot):
    root = tmp_path / "coverage"
    root.mkdir()
    (root / "barclays.txt").write_text(SCRAPED, encoding="utf-8")
    window = open_window(root)
    assert window.model.index(0, TITLE).data() == "Barclays pays £40m & more for the £1bn Premier League deal"
    assert window.model.index(0, SOURCE).data() == "Smith & Sons Media"
    window.browsing.select_row(0)
    qtbot.waitUntil(lambda: window.pane.view is not None, timeout=WAIT_MS)
    shown = window.pane.toPlainText()
    assert "Barclays pays £40m & more" in shown and "worth £40m a year" in shown and "&#" not in shown
