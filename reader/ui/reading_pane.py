"""The reading pane: an article and its spans become escaped HTML in a read-only QTextBrowser.

Everything from the article is escaped here, in one place; spans may overlap and nest.
The browser follows no link and loads no resource.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import html
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from ..core.bookmarks import OK
from ..core.files import MAX_FILE_BYTES
from ..core.model import split_paragraphs
from ..core.view import BOOKMARK, HIT, LAYER_KEYS, LAYERS, ArticleView, Mark
from .look import plain_tip
from .pane_menu import ENTITY_SCHEME, PaneMouse

BASE_PT = 12
ZOOM_RANGE = (-4, 14)
SHORTENED = f"shortened: only the file's first {MAX_FILE_BYTES // (1024 * 1024)} MiB are shown and searched"
CORRECTED = "details corrected (Edit › Article details…)"
HEADLINE_ONLY = "headline only: the feed gave no text for this entry"


@dataclass(frozen=True)
class Theme:
    text: str
    muted: str
    panel: str
    rule: str
    hit_bg: str
    hit_fg: str
    flag: str = "#c26a00"
    dark: bool = False

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        return cls(
            text=palette.color(QPalette.ColorRole.Text).name(),
            muted="#9aa3ad" if dark else "#5f6b76",
            panel="#262b31" if dark else "#f3f5f7",
            rule="#3a4149" if dark else "#dde2e7",
            hit_bg="#8a6a00" if dark else "#ffe27a",
            hit_fg="#ffffff" if dark else "#1b1b1b",
            flag="#ffb347" if dark else "#c26a00",
            dark=dark,
        )

    def colour(self, layer_key: str) -> str:
        layer = next(layer for layer in LAYERS if layer.key == layer_key)
        return layer.dark if self.dark else layer.light


def _runs(text: str, marks: list[Mark]):
    """The pieces of `text` between mark boundaries, in order, with the decorations between them.

    Yields ("flag", mark) before a flagged mark's first piece, ("text", start, end, covering marks),
    and ("label", mark) after a labelled mark's last piece. `mark_up` renders these; `shown_chars`
    says which rendered character is which character of `text`.
    """
    cuts = sorted(
        {0, len(text), *(m.start for m in marks), *(m.end for m in marks), *(m.label_end for m in marks if m.label)}
    )
    for a, b in itertools.pairwise(cuts):
        if a >= b or a < 0 or b > len(text):
            continue
        for m in marks:
            if m.start == a and m.flag:
                yield "flag", m
        yield "text", a, b, [m for m in marks if m.start <= a and b <= m.end]
        for m in marks:
            if m.label_end == b and m.label:
                yield "label", m


def _label_text(m: Mark) -> str:
    return f"\u2009\u2014\u00a0{m.label}\u2009"


def mark_up(text: str, marks: list[Mark], entity_ids: dict[str, int] | None = None) -> str:
    """Escaped HTML for `text` with each mark wrapped in an element; overlaps nest correctly.

    Entities become anchors (href `entity:N`, N indexing `entity_ids`) so that they can be clicked;
    a mark's label (a quote's speaker) follows its end, and its flag (a bookmark's) precedes its start.
    """
    if not marks:
        return html.escape(text)
    entity_ids = entity_ids if entity_ids is not None else {}
    out = []
    for run in _runs(text, marks):
        if run[0] == "flag":
            out.append(f'<span class="flag" title="{html.escape(run[1].tip)}">{html.escape(run[1].flag)}&#160;</span>')
        elif run[0] == "label":
            out.append(f'<span class="speaker">{html.escape(_label_text(run[1]))}</span>')
        else:
            _, a, b, covering = run
            piece = html.escape(text[a:b])
            # innermost first: a bookmark (so its underline survives entity links), then the latest start,
            # then the earliest end; a hit is innermost of equals
            for m in sorted(
                covering, key=lambda m: (m.layer == BOOKMARK, m.start, -m.end, m.layer == HIT), reverse=True
            ):
                piece = _wrap(piece, m, entity_ids)
            out.append(piece)
    return "".join(out)


def shown_chars(text: str, marks: list[Mark]) -> list[tuple[str, int | None]]:
    """What `mark_up` shows, a character at a time, each with its offset in `text` (None: a decoration)."""
    out: list[tuple[str, int | None]] = []
    for run in _runs(text, marks) if marks else [("text", 0, len(text), [])]:
        if run[0] == "flag":
            out.extend((c, None) for c in run[1].flag + "\u00a0")
        elif run[0] == "label":
            out.extend((c, None) for c in _label_text(run[1]))
        else:
            out.extend((text[i], i) for i in range(run[1], run[2]))
    return out


def _wrap(piece: str, m: Mark, entity_ids: dict[str, int]) -> str:
    title = f' title="{html.escape(m.tip)}"' if m.tip else ""
    if m.entity:
        n = entity_ids.setdefault(m.entity, len(entity_ids))
        return f'<a class="{m.layer}" href="{ENTITY_SCHEME}:{n}"{title}>{piece}</a>'
    return f'<span class="{m.layer}"{title}>{piece}</span>'


def paragraph_marks(body: str, marks: list[Mark]) -> list[tuple[str, list[Mark]]]:
    """Split the body into paragraphs, each with the marks that fall in it, shifted to its offsets.

    A mark over several paragraphs is cut into one piece per paragraph; only the one its label falls in
    keeps the label
    and only the first its flag.
    """
    result = []
    for start, para in split_paragraphs(body):
        end = start + len(para)
        inside = [
            Mark(
                max(m.start, start) - start,
                min(m.end, end) - start,
                m.layer,
                m.tip,
                m.label if m.label_end <= end else "",
                m.entity,
                m.flag if m.start >= start else "",
                m.label_at - start if m.label_at >= 0 and m.label_end <= end else -1,
            )
            for m in marks
            if m.start < end and m.end > start
        ]
        result.append((para, inside))
    return result


class BodyMap:
    """Which character of the article body each character of the rendered document shows.

    Built after rendering by lining up each body paragraph's expected characters (`shown_chars`) with
    the document's blocks; Qt folds runs of white space, so white space is matched loosely.
    """

    def __init__(self, doc_positions: list[int], offsets: list[int]):
        self.doc_positions = doc_positions  # ascending
        self.offsets = offsets  # ascending, the body offset shown at each doc position

    @classmethod
    def build(cls, document, paragraphs: list[tuple[int, str, list[Mark]]], first_block) -> BodyMap:
        """`paragraphs`: each body paragraph's start, text and marks, as `render_article` gave them."""
        doc_positions: list[int] = []
        offsets: list[int] = []
        block = first_block
        for para_start, para, marks in paragraphs:
            expected = shown_chars(para, marks)
            want = "".join(c for c, _ in expected if not c.isspace())
            if not want:
                continue
            while block.isValid() and "".join(block.text().split()) != want:
                block = block.next()
            if not block.isValid():
                break
            shown = block.text()
            units = _utf16_starts(shown)
            for i, offset in _align(shown, expected):
                if offset is not None:
                    doc_positions.append(block.position() + units[i])
                    offsets.append(para_start + offset)
            block = block.next()
        return cls(doc_positions, offsets)

    def to_body(self, position: int) -> int | None:
        i = bisect.bisect_left(self.doc_positions, position)
        return self.offsets[i] if i < len(self.doc_positions) and self.doc_positions[i] == position else None

    def to_doc(self, offset: int) -> int | None:
        i = bisect.bisect_left(self.offsets, offset)
        return self.doc_positions[i] if i < len(self.offsets) else None

    def span(self, first: int, last: int) -> tuple[int, int] | None:
        """The body span shown between document positions `first` and `last` (exclusive)."""
        lo = bisect.bisect_left(self.doc_positions, first)
        hi = bisect.bisect_left(self.doc_positions, last)
        return (self.offsets[lo], self.offsets[hi - 1] + 1) if lo < hi else None


def _utf16_starts(text: str) -> list[int]:
    """Where each character of `text` starts in UTF-16 units, as Qt counts document positions.

    A character beyond U+FFFF (most emoji) is one Python character but two positions in Qt.
    """
    return list(itertools.accumulate(map(_utf16_len, text), initial=0))


def _utf16_len(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _align(shown: str, expected: list[tuple[str, int | None]]):
    """(index in `shown`, body offset or None) for each shown character, white space matched loosely."""
    i = j = 0
    while i < len(shown) and j < len(expected):
        c, offset = expected[j]
        if shown[i] == c or (shown[i].isspace() and c.isspace()):
            yield i, offset
            i, j = i + 1, j + 1
        elif c.isspace():
            j += 1  # folded away by Qt
        elif shown[i].isspace():
            i += 1
        else:
            yield i, offset  # a character Qt shows differently
            i, j = i + 1, j + 1


def human_date(iso: str | None) -> str:
    if not iso:
        return "Date unknown"
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B %Y')}"


def stylesheet(theme: Theme, pt: int) -> str:
    entity_css = "\n".join(
        f"a.{layer.key} {{ color: {theme.colour(layer.key)}; text-decoration: none; }}"
        for layer in LAYERS
        if layer.kind == "text"
    )
    return f"""
body {{ color: {theme.text}; font-size: {pt}pt; }}
p.title {{ font-size: {round(pt * 1.5)}pt; font-weight: 600; line-height: 120%; margin-top: 4px; margin-bottom: 6px; }}
p {{ line-height: 150%; margin-top: 0px; margin-bottom: {round(pt * 0.9)}px; }}
p.meta {{ color: {theme.muted}; font-size: {max(pt - 2, 7)}pt; margin-bottom: {pt * 2}px; }}
td.caption {{ color: {theme.muted}; font-size: {max(pt - 2, 7)}pt; font-style: italic;
              background-color: {theme.panel}; padding: 8px; }}
span.credit {{ font-style: normal; font-weight: 600; }}
p.empty {{ color: {theme.muted}; font-size: {pt + 2}pt; }}
span.speech {{ background-color: {theme.colour("speech")}; }}
span.term {{ background-color: {theme.colour("term")}; }}
span.speaker {{ color: {theme.muted}; font-size: {max(pt - 2, 7)}pt; font-weight: 600;
                background-color: {theme.panel}; }}
{entity_css}
span.hit {{ background-color: {theme.hit_bg}; color: {theme.hit_fg}; }}
span.bookmark {{ text-decoration: underline; }}
span.flag {{ color: {theme.flag}; font-weight: 600; }}
"""


def render_article(
    view: ArticleView,
    layers: frozenset[str] = frozenset(LAYER_KEYS),
    entity_ids: dict[str, int] | None = None,
    paragraphs: list[tuple[int, str, list[Mark]]] | None = None,
) -> str:
    """The article as HTML, with the marks of the `layers` shown (search hits and bookmarks always are).

    `paragraphs`, if given, receives each body paragraph's start, text and marks shown, for a `BodyMap`.
    """
    entity_ids = entity_ids if entity_ids is not None else {}

    def shown(marks: list[Mark]) -> list[Mark]:
        return [m for m in marks if m.layer in (HIT, BOOKMARK) or m.layer in layers]

    a = view.article
    parts = [f'<p class="title">{mark_up(a.title, shown(view.title), entity_ids)}</p>']
    meta = [human_date(a.date)] + ([html.escape(a.source)] if a.source else [])
    if a.author:
        meta.append(f"By {html.escape(a.author)}")
    meta.append(html.escape(a.id))
    if a.corrected:
        meta.append(CORRECTED)
    meta += [note for on, note in ((a.truncated, SHORTENED), (a.headline_only, HEADLINE_ONLY)) if on]
    lines = [" &nbsp;·&nbsp; ".join(meta)]
    if view.copies:
        lines.append("Also in: " + html.escape(", ".join(view.copies)))
    if a.url:  # shown, never a link: the reader copies it
        lines.append(html.escape(a.url))
    parts.append(f'<p class="meta">{"<br>".join(lines)}</p>')
    captions_at: dict[int, list[str]] = {}
    for i, cap in enumerate(a.captions):
        marks = shown(view.captions[i]) if i < len(view.captions) else []
        lead = cap.paragraph == 0 and cap.text == a.title
        text = "Lead photo" if lead else cap.text
        captions_at.setdefault(cap.paragraph, []).append(
            _caption_html(text, cap.credit, [] if lead else marks, entity_ids)
        )
    starts = [start for start, _ in split_paragraphs(a.body)]
    for n, (para, marks) in enumerate(paragraph_marks(a.body, shown(view.body))):
        parts.extend(captions_at.pop(n, []))
        parts.append(f"<p>{mark_up(para, marks, entity_ids)}</p>")
        if paragraphs is not None:
            paragraphs.append((starts[n], para, marks))
    for rest in captions_at.values():
        parts.extend(rest)
    return "\n".join(parts)


def _caption_html(text: str, credit: str, marks: list[Mark], entity_ids: dict[str, int]) -> str:
    credited = f' &nbsp;<span class="credit">© {html.escape(credit)}</span>' if credit else ""  # a page's may be none
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 14px;">'
        f'<tr><td class="caption">{mark_up(text, marks, entity_ids)}{credited}</td></tr></table>'
    )


class ReadingPane(QTextBrowser):
    """Shows one article at a time; zoom is a point-size step re-rendered, not a bitmap scale.

    Hovering a mark shows what it is; Ctrl+clicking a name, or its menu's "List articles naming…", emits
    `entity_clicked` with its canonical name (pane_menu.py has the clicks and menus).
    """

    MEASURE_EM = 40  # the widest comfortable text column, in ems
    FLASH_MS = 1600
    entity_clicked = Signal(str)
    bookmark_requested = Signal(int, int)  # a body span to bookmark
    cite_requested = Signal(int, int)  # a body span to copy with its citation

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.zoom = 0
        self.view: ArticleView | None = None
        self.layers: frozenset[str] = frozenset(LAYER_KEYS)
        self.mouse = PaneMouse(self)
        self._body_map: BodyMap | None = BodyMap([], [])
        self._paragraphs: list[tuple[int, str, list[Mark]]] = []  # of the article shown, for its body map
        self._flash = QTimer(self, singleShot=True, interval=self.FLASH_MS)
        self._flash.timeout.connect(lambda: self.setExtraSelections([]))
        self._placeholder = "Select an article to read it."
        self._render()

    @property
    def body_map(self) -> BodyMap:
        """Document positions ↔ body offsets; made when first needed (a click, a selection), not per render."""
        if self._body_map is None:
            after_meta = self.document().firstBlock().next().next()
            self._body_map = BodyMap.build(self.document(), self._paragraphs, after_meta)
        return self._body_map

    def loadResource(self, kind: int, url: QUrl | str) -> QByteArray:
        """Nothing, for any resource: article text never loads anything.

        Empty rather than None: given a null answer, QTextDocument reads a local file of that name itself.
        """
        return QByteArray()

    @property
    def point_size(self) -> int:
        return BASE_PT + self.zoom

    def show_article(self, view: ArticleView, keep_place: bool = False) -> None:
        """Show `view`; with `keep_place` (the same article, now with more marks) the scroll stays."""
        bar = self.verticalScrollBar()
        value = bar.value()
        self.view = view
        self._render()
        if keep_place:
            bar.setValue(value)
            return
        bar.setValue(0)
        if any(m.layer == HIT for m in view.body):
            self._reveal_first_hit()

    def set_layers(self, layers) -> None:
        """Show only these layers' marks (search hits are always shown), keeping the scroll position."""
        self.layers = frozenset(layers)
        bar = self.verticalScrollBar()
        value = bar.value()
        self._render()
        bar.setValue(value)

    def hit_fragments(self) -> list[tuple[int, str]]:
        """(position, text) of every run painted as a search hit, in document order."""
        hit_bg = Theme.from_palette(self.palette()).hit_bg.lower()
        return [(pos, text) for pos, text, fmt in self.fragments() if fmt.background().color().name() == hit_bg]

    def fragments(self) -> Iterator[tuple[int, str, QTextCharFormat]]:
        """(position, text, char format) of every run of text in the document, in order."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                yield frag.position(), frag.text(), frag.charFormat()
                it += 1
            block = block.next()

    def tip_at(self, pos: QPoint) -> str:
        """What the mark under `pos` (viewport coordinates) is, or ''."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        at = self.document().documentLayout().hitTest(pos + offset, Qt.HitTestAccuracy.ExactHit)
        if at < 0:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(at + 1)  # a cursor's format is that of the character before it
        return cursor.charFormat().toolTip()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            tip = self.tip_at(self.viewport().mapFromGlobal(event.globalPos()))
            if tip:
                QToolTip.showText(event.globalPos(), plain_tip(tip), self)  # names from the text: not HTML
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

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

    # ------------------------------------------------------------------ quotes and bookmarks

    def quote_span_at(self, position: int) -> tuple[int, int] | None:
        """The body span of the quote shown at document `position`, if there is one."""
        offset = self.body_map.to_body(position)
        quote = self.view.quote_at(offset) if self.view is not None and offset is not None else None
        return (quote.start, quote.end) if quote else None

    def selected_span(self) -> tuple[int, int] | None:
        """The body span of the selected text (title, captions and labels left out), if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.body_map.span(cursor.selectionStart(), cursor.selectionEnd())

    def target_span(self) -> tuple[int, int] | None:
        """What Ctrl+D bookmarks: the selection, else the quote at the text cursor."""
        if self.textCursor().hasSelection():
            return self.selected_span()
        return self.quote_span_at(self.textCursor().position())

    def bookmark_at(self, span: tuple[int, int]):
        return next(
            (b for b in (self.view.bookmarks if self.view else ()) if (b.start, b.end) == span and b.status == OK), None
        )

    def flash(self, start: int, end: int) -> bool:
        """Scroll body span [start, end) into view and light it up for a moment; False if it is not shown."""
        first, last = self.body_map.to_doc(start), self.body_map.to_doc(max(start, end - 1))
        last_offset = self.body_map.to_body(last) if last is not None else None
        if first is None or last is None or last_offset is None or self.view is None:
            return False
        shown_last = self.view.article.body[last_offset]
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(last + _utf16_len(shown_last), QTextCursor.MoveMode.KeepAnchor)  # Qt's units
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        theme = Theme.from_palette(self.palette())
        selection.format.setBackground(QColor(theme.hit_bg))
        selection.format.setForeground(QColor(theme.hit_fg))
        self.setExtraSelections([selection])
        at = QTextCursor(self.document())
        at.setPosition(first)
        top = self.cursorRect(at).top()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - self.viewport().height() // 4)
        self._flash.start()
        return True

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        self.mouse.pressed(event)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.mouse.released(event)

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:
        self.mouse.context_menu(event)

    def show_placeholder(self, text: str) -> None:
        self.view = None
        self._placeholder = text
        self._render()

    def set_zoom(self, level: int) -> None:
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], level))
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0
        self._fit_measure()
        self._render()
        bar.setValue(round(ratio * bar.maximum()))

    def _render(self) -> None:
        self.document().setDefaultStyleSheet(stylesheet(Theme.from_palette(self.palette()), self.point_size))
        font = self.document().defaultFont()
        font.setPointSize(self.point_size)
        self.document().setDefaultFont(font)
        self.setExtraSelections([])
        if self.view is None:
            self.mouse.entities = []
            self._paragraphs, self._body_map = [], BodyMap([], [])
            self.setHtml(f'<p class="empty" align="center"><br><br>{html.escape(self._placeholder)}</p>')
        else:
            ids: dict[str, int] = {}
            self._paragraphs, self._body_map = [], None
            self.setHtml(render_article(self.view, self.layers, ids, self._paragraphs))
            self.mouse.entities = sorted(ids, key=ids.__getitem__)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._render()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self._fit_measure()  # first: the text is laid out again for the viewport these margins leave
        super().resizeEvent(event)

    def _fit_measure(self) -> None:
        em = self.point_size * self.logicalDpiY() / 72
        spare = self.width() - int(em * self.MEASURE_EM)
        side = max(16, spare // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 8, side, 8)
