"""The reading pane: an article and its spans become escaped HTML in a read-only QTextBrowser.

Everything from the article is escaped here, in one place; spans may overlap and nest.
The browser follows no link and loads no resource.
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser

from ..core.articles import Article

Span = tuple[int, int, str]  # start, end, css class
BASE_PT = 12
ZOOM_RANGE = (-4, 14)


@dataclass(frozen=True)
class ArticleView:
    """An article with the spans to mark in each part of it (search hits for now)."""

    article: Article
    title_spans: list[Span] = field(default_factory=list)
    body_spans: list[Span] = field(default_factory=list)
    caption_spans: list[list[Span]] = field(default_factory=list)


@dataclass(frozen=True)
class Theme:
    text: str
    muted: str
    panel: str
    rule: str
    hit_bg: str
    hit_fg: str

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        dark = palette.color(QPalette.Base).lightness() < 128
        return cls(
            text=palette.color(QPalette.Text).name(),
            muted="#9aa3ad" if dark else "#5f6b76",
            panel="#262b31" if dark else "#f3f5f7",
            rule="#3a4149" if dark else "#dde2e7",
            hit_bg="#8a6a00" if dark else "#ffe27a",
            hit_fg="#ffffff" if dark else "#1b1b1b",
        )


def mark_up(text: str, spans: list[Span]) -> str:
    """Escaped HTML for `text` with each span wrapped in <span class=…>; overlaps nest correctly."""
    if not spans:
        return html.escape(text)
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b or a < 0 or b > len(text):
            continue
        piece = html.escape(text[a:b])
        for _, _, kind in sorted((s for s in spans if s[0] <= a and b <= s[1]), key=lambda s: (s[0], -s[1])):
            piece = f'<span class="{kind}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def paragraph_spans(body: str, spans: list[Span]) -> list[tuple[str, list[Span]]]:
    """Split the body into paragraphs, each with the spans that fall in it, shifted to its offsets."""
    result = []
    start = 0
    for para in body.split("\n\n") if body else []:
        end = start + len(para)
        inside = [(max(s, start) - start, min(e, end) - start, k) for s, e, k in spans if s < end and e > start]
        result.append((para, inside))
        start = end + 2
    return result


def human_date(iso: str | None) -> str:
    if not iso:
        return "Date unknown"
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B %Y')}"


def stylesheet(theme: Theme, pt: int) -> str:
    return f"""
body {{ color: {theme.text}; font-size: {pt}pt; }}
p.title {{ font-size: {round(pt * 1.5)}pt; font-weight: 600; line-height: 120%; margin-top: 4px; margin-bottom: 6px; }}
p {{ line-height: 150%; margin-top: 0px; margin-bottom: {round(pt * 0.9)}px; }}
p.meta {{ color: {theme.muted}; font-size: {max(pt - 2, 7)}pt; margin-bottom: {pt * 2}px; }}
td.caption {{ color: {theme.muted}; font-size: {max(pt - 2, 7)}pt; font-style: italic;
              background-color: {theme.panel}; padding: 8px; }}
span.credit {{ font-style: normal; font-weight: 600; }}
p.empty {{ color: {theme.muted}; font-size: {pt + 2}pt; }}
span.hit {{ background-color: {theme.hit_bg}; color: {theme.hit_fg}; }}
"""


def render_article(view: ArticleView) -> str:
    a = view.article
    parts = [f'<p class="title">{mark_up(a.title, view.title_spans)}</p>']
    meta = [human_date(a.date), html.escape(a.source), html.escape(a.id)]
    if a.truncated:
        meta.append("shortened: the file is very large")
    parts.append(f'<p class="meta">{" &nbsp;·&nbsp; ".join(meta)}</p>')
    captions_at: dict[int, list[str]] = {}
    for i, cap in enumerate(a.captions):
        spans = view.caption_spans[i] if i < len(view.caption_spans) else []
        text = "Lead photo" if cap.paragraph == 0 and cap.text == a.title else cap.text
        captions_at.setdefault(cap.paragraph, []).append(_caption_html(text, cap.credit, spans))
    paragraphs = paragraph_spans(a.body, view.body_spans)
    for n, (para, spans) in enumerate(paragraphs):
        parts.extend(captions_at.pop(n, []))
        parts.append(f"<p>{mark_up(para, spans)}</p>")
    for rest in captions_at.values():
        parts.extend(rest)
    return "\n".join(parts)


def _caption_html(text: str, credit: str, spans: list[Span]) -> str:
    return ('<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 14px;">'
            f'<tr><td class="caption">{mark_up(text, spans)} &nbsp;<span class="credit">© {html.escape(credit)}'
            "</span></td></tr></table>")


class ReadingPane(QTextBrowser):
    """Shows one article at a time; zoom is a point-size step re-rendered, not a bitmap scale."""

    MEASURE_EM = 40  # the widest comfortable text column, in ems

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.zoom = 0
        self.view: ArticleView | None = None
        self._placeholder = "Select an article to read it."
        self._render()

    def loadResource(self, kind, url: QUrl):  # article text never loads anything
        return None

    @property
    def point_size(self) -> int:
        return BASE_PT + self.zoom

    def show_article(self, view: ArticleView) -> None:
        self.view = view
        self._render()
        self.verticalScrollBar().setValue(0)
        if view.body_spans:
            self._reveal_first_hit()

    def hit_fragments(self) -> list[tuple[int, str]]:
        """(position, text) of every run painted as a search hit, in document order."""
        hit_bg = Theme.from_palette(self.palette()).hit_bg.lower()
        found = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.charFormat().background().color().name() == hit_bg:
                    found.append((frag.position(), frag.text()))
                it += 1
            block = block.next()
        return found

    def _reveal_first_hit(self) -> None:
        body_start = self.document().firstBlock().next().next().position()  # after title and meta
        for position, _ in self.hit_fragments():
            if position >= body_start:
                cursor = self.textCursor()
                cursor.setPosition(position)
                y = self.cursorRect(cursor).top()
                if y > self.viewport().height() * 0.8:
                    self.verticalScrollBar().setValue(y - self.viewport().height() // 3)
                return

    def show_placeholder(self, text: str) -> None:
        self.view = None
        self._placeholder = text
        self._render()

    def set_zoom(self, level: int) -> None:
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], level))
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0
        self._render()
        self._fit_measure()
        bar.setValue(round(ratio * bar.maximum()))

    def _render(self) -> None:
        self.document().setDefaultStyleSheet(stylesheet(Theme.from_palette(self.palette()), self.point_size))
        font = self.document().defaultFont()
        font.setPointSize(self.point_size)
        self.document().setDefaultFont(font)
        if self.view is None:
            self.setHtml(f'<p class="empty" align="center"><br><br>{html.escape(self._placeholder)}</p>')
        else:
            self.setHtml(render_article(self.view))

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._render()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_measure()

    def _fit_measure(self) -> None:
        em = self.point_size * self.logicalDpiY() / 72
        spare = self.width() - int(em * self.MEASURE_EM)
        side = max(16, spare // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 8, side, 8)
