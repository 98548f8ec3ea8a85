"""The reading pane with web pages and feeds as they arrive: a whole long headline wraps, a headline-only
feed entry says so, and a caption that names no one shows no credit mark."""

from __future__ import annotations

import gzip
from dataclasses import replace

from reader.core.articles import load_file
from reader.core.model import Caption
from reader.core.view import build_view
from reader.ui.reading_pane import HEADLINE_ONLY
from tests.core.test_real_pages import WEB


def show(pane, article):
    pane.show_article(build_view(article, None, [], [], [[] for _ in article.captions]))
    return pane.toPlainText().split("\n")


def test_a_long_headline_is_shown_whole_and_wrapped(pane, tmp_path):
    page = tmp_path / "rt-bolivia.html"
    page.write_bytes(gzip.decompress((WEB / "rt-bolivia.html.gz").read_bytes()))
    (article,) = load_file(page)
    assert len(article.title) > 120
    lines = show(pane, article)
    assert lines[0] == article.title  # one paragraph, whole, however many lines it wraps to
    assert pane.horizontalScrollBar().maximum() == 0
    title_block = pane.document().firstBlock()
    assert title_block.layout().lineCount() > 1


def test_a_headline_only_entry_says_so(pane, tmp_path):
    feed = tmp_path / "rss-1.rss"
    feed.write_bytes((WEB / "rss-1.rss").read_bytes())
    article = load_file(feed)[0]
    lines = show(pane, article)
    assert HEADLINE_ONLY in lines[1]
    assert lines[0] == "Food for fungi" and "Food for fungi" in lines[2:]  # the headline is its body too


def test_a_caption_without_a_credit_has_no_credit_mark(pane, tmp_path):
    page = tmp_path / "physorg.html"
    page.write_bytes(gzip.decompress((WEB / "physorg-hibernation.html.gz").read_bytes()))
    (article,) = load_file(page)
    lines = show(pane, article)
    assert any(line.startswith("A reference habitation module") and line.rstrip().endswith("© ESA") for line in lines)
    uncredited = replace(article, captions=(Caption("The habitat module, drawn to scale", "", 1),))
    lines = show(pane, uncredited)
    assert "The habitat module, drawn to scale" in [line.strip() for line in lines]
