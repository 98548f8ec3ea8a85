"""What the reading pane shows of an article: its quotes, entities, search hits and bookmarks as marks.

Analysis gives spans; this module arranges them in layers per part of the article (title, body,
captions), names and colours each layer (as plain strings: no Qt here), and builds the `ArticleView`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .analysis import GROUPS, LABEL_NAMES, SPEECH, Analysis, Entity, Quote
from .analysis.attribution import sentence_around
from .bookmarks import OK, Bookmark
from .index.analysis import named_by
from .index.highlight import joined
from .model import BODY, PARAGRAPH_BREAK, TITLE, Article, Part, Span, caption_part


@dataclass(frozen=True)
class Layer:
    key: str
    name: str
    light: str  # colour on a light background
    dark: str  # colour on a dark background
    kind: str  # "background" tints the text's background, "text" colours the text


LAYERS: tuple[Layer, ...] = (
    Layer("speech", "Quotes", "#d9efe0", "#234a32", "background"),
    Layer("term", "Quoted terms", "#eef2ee", "#2b3430", "background"),
    Layer("people", GROUPS["people"][0], "#1d5cc2", "#8fb8ff", "text"),
    Layer("orgs", GROUPS["orgs"][0], "#a4410e", "#ffa86b", "text"),
    Layer("places", GROUPS["places"][0], "#00776a", "#5cd6c6", "text"),
    Layer("events", GROUPS["events"][0], "#7a3aa8", "#d3a0ff", "text"),
    Layer("money", GROUPS["money"][0], "#7d6400", "#e3c66b", "text"),
)
LAYER_KEYS = tuple(layer.key for layer in LAYERS)
HIT = "hit"
BOOKMARK = "bookmark"  # a bookmarked span: always shown, flagged where it starts


@dataclass(frozen=True)
class Mark(Span):
    """A span of one part of the article, in one layer; `entity` is set for entity marks."""

    layer: str
    tip: str = ""
    label: str = ""  # shown after the span's end (or at label_at): a quote's speaker
    entity: str = ""  # canonical name, for entity marks
    flag: str = ""  # shown before the span's start: a bookmark's marker
    label_at: int = -1  # where the label goes when not right after the end: after the attribution

    @property
    def label_end(self) -> int:
        return self.label_at if self.label_at >= 0 else self.end


@dataclass(frozen=True)
class ArticleView:
    """An article with every mark in each of its parts; `analysis` is None if it could not be analyzed."""

    article: Article
    title: list[Mark] = field(default_factory=list)
    body: list[Mark] = field(default_factory=list)
    captions: list[list[Mark]] = field(default_factory=list)
    analysis: Analysis | None = None
    bookmarks: tuple[Bookmark, ...] = ()  # this article's bookmarks, each marked in `body` while attached
    copies: tuple[str, ...] = ()  # where else the same text is: "AP (ap.txt)", from the list's rows

    def with_bookmarks(self, bookmarks) -> ArticleView:
        """The same view with `bookmarks` marked instead of the ones it had."""
        body = [m for m in self.body if m.layer != BOOKMARK] + bookmark_marks(bookmarks, len(self.article.body))
        return replace(self, body=body, bookmarks=tuple(bookmarks))

    def hits(self) -> list[Span]:
        """The search hits marked, part by part in the article's order, overlapping ones joined."""
        found = []
        for part, marks in zip(self.article.parts(), (self.title, self.body, *self.captions)):
            spans = joined((m.start, m.end) for m in marks if m.layer == HIT)
            found += [Span(start, end, part=part.name) for start, end in spans]
        return found

    def hits_json(self) -> list[dict]:
        """`hits()` as `search --json` gives them: the part ("title", "body", or "caption" and its index among
        the captions, from 0), offsets into that part's text, and the text."""
        where: dict[str, dict] = {TITLE: {"part": "title"}, BODY: {"part": "body"}}
        where |= {caption_part(i): {"part": "caption", "caption": i} for i in range(len(self.article.captions))}
        texts = {part.name: part.text for part in self.article.parts()}
        return [
            {**where[s.part], "start": s.start, "end": s.end, "text": texts[s.part][s.start : s.end]}
            for s in self.hits()
        ]

    def quote_at(self, offset: int) -> Quote | None:
        """The quote of the body that contains character `offset`, if any."""
        if self.analysis is None:
            return None
        return next((q for q in self.analysis.in_part(BODY).quotes if q.start <= offset < q.end), None)

    def layer_counts(self) -> dict[str, int]:
        """How many distinct things each layer marks: quotes by span, entities by canonical name."""
        counts: dict[str, set] = {key: set() for key in LAYER_KEYS}
        for part in (self.title, self.body, *self.captions):
            for m in part:
                if m.layer in counts:
                    counts[m.layer].add(m.entity or (m.start, m.end, id(part)))
        return {key: len(found) for key, found in counts.items()}


def quote_mark(q: Quote, text: str, entities=()) -> Mark:
    """The mark of quote `q` of the part `text`: a speaker's name is shown unless its sentence names them."""
    if q.kind != SPEECH:
        return Mark(q.start, q.end, "term", "Quoted term", part=q.part)
    tip = f"Quote · {q.speaker}" if q.speaker else "Quote · speaker not identified"
    if not q.speaker:
        return Mark(q.start, q.end, "speech", tip, part=q.part)
    begin, end = sentence_around(text, q.start, q.end)
    if _names(q.speaker, text, [(begin, q.start), (q.end, end)], entities):
        return Mark(q.start, q.end, "speech", tip, part=q.part)
    # after the attribution, never inside it: '"…," he said. — Jack Ma'
    return Mark(
        q.start, q.end, "speech", tip, label=q.speaker, label_at=end if text[q.end : end].strip() else -1, part=q.part
    )


def _names(speaker: str, text: str, ranges, entities) -> bool:
    """True when the quote's own sentence names the speaker outside the quote: by a word of the name,
    or by an entity whose full name is the speaker ('the IOC' for the International Olympic Committee)."""
    words = [w for w in re.findall(r"[\w'’-]+", speaker) if len(w) > 2 or w[:1].isupper()]
    near = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else None
    for a, b in ranges:
        if near and near.search(text, a, b):
            return True
        if any(e.canonical == speaker and a <= e.start and e.end <= b for e in entities):
            return True
    return False


def _one_label_per_turn(quotes, marks: list[Mark], text: str, entities) -> list[Mark]:
    """One label for a speaker's turn: quotes that follow each other in a paragraph by one speaker. None
    when the text names the speaker beside one of them ('"…," said Van Ooijen. "…"'), else one after the
    last ('"…," the Italian said. "…" — Francesco Lombardi-Conti'); but a quote after someone else is
    named keeps its own ('"…," Corrigan said, nodding to Mark Devereaux. "…" — Liam Corrigan')."""
    out = list(marks)

    def someone_else(a: int, b: int, speaker: str) -> bool:
        return any(e.label == "PERSON" and a <= e.start < b and e.canonical != speaker for e in entities)

    def close(turn: list[int]) -> None:
        named = any(not out[i].label for i in turn)
        for k, i in enumerate(turn):
            if not out[i].label:
                continue
            q = quotes[i]
            after_other = k > 0 and someone_else(quotes[turn[k - 1]].end, q.start, q.speaker)
            covered_later = k + 1 < len(turn) and not someone_else(q.end, quotes[turn[k + 1]].start, q.speaker)
            if not after_other and (named or covered_later):
                out[i] = replace(out[i], label="", label_at=-1)

    turn: list[int] = []
    for i, q in enumerate(quotes):
        if q.kind != SPEECH:
            continue
        if turn and (quotes[turn[-1]].speaker != q.speaker or PARAGRAPH_BREAK in text[quotes[turn[-1]].end : q.start]):
            close(turn)
            turn = []
        if q.speaker:
            turn.append(i)
    if turn:
        close(turn)
    return out


def entity_mark(e: Entity, hit: bool = False) -> Mark:
    group_name = GROUPS[e.group][0]
    kind = LABEL_NAMES.get(e.label, e.label.lower())
    lines = [f"{group_name} · {e.canonical}"]
    if e.note:
        lines.append(e.note)
    elif e.canonical != e.text:
        lines.append(f"{kind}, mentioned as “{e.text}”")
    lines.append("Click to list every article that mentions it")
    return Mark(e.start, e.end, e.group, "\n".join(lines), entity=e.canonical, part=e.part)


def bookmark_marks(bookmarks, body_length: int) -> list[Mark]:
    """A flagged, underlined span per bookmark still attached to the text."""
    return [
        Mark(b.start, b.end, BOOKMARK, "Bookmarked" + (f" · {b.note}" if b.note else ""), flag="★")
        for b in bookmarks
        if b.status == OK and 0 <= b.start < b.end <= body_length
    ]


def hit_marks(spans: Iterable[Span]) -> list[Mark]:
    """Search hits, as `hit_spans` gives them."""
    return [Mark(s.start, s.end, HIT, part=s.part) for s in spans]


def name_hits(entities, names: frozenset[tuple[str, ...]], everywhere=()) -> list[Mark]:
    """Entities a search for `names` (entity: or speaker: phrases) matched, marked as hits: each mention of an
    entity found by its full name or by any mention of it as written in the article (`everywhere`, else
    `entities`), so that `entity:IOC` lights "International Olympic Committee" too."""
    if not names:
        return []
    found = named_by(names, everywhere or entities)
    return [Mark(e.start, e.end, HIT, part=e.part) for e in entities if e.canonical in found]


def build_view(
    article: Article,
    analysis: Analysis | None,
    title_hits,
    body_hits,
    caption_hits,
    names: frozenset[tuple[str, ...]] = frozenset(),
) -> ArticleView:
    """Every mark of the article, part by part: its analysis (when there is one), the search hits of each
    part (as `hit_spans` gives them; captions without hits given get no marks), and the entities a search
    for `names` matched."""
    hits = [title_hits, body_hits, *caption_hits]
    title, body, *captions = (part_marks(part, analysis, found, names) for part, found in zip(article.parts(), hits))
    return ArticleView(article, title, body, captions, analysis)


def part_marks(part: Part, analysis: Analysis | None, hits, names: frozenset[tuple[str, ...]]) -> list[Mark]:
    """The marks of one part of an article."""
    if analysis is None:
        return hit_marks(hits)
    found = analysis.in_part(part.name)
    quotes, entities = found.quotes, found.entities
    return (
        _one_label_per_turn(quotes, [quote_mark(q, part.text, entities) for q in quotes], part.text, entities)
        + [entity_mark(e) for e in entities]
        + hit_marks(hits)
        + name_hits(entities, names, analysis.entities)
    )
