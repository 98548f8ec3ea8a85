"""Snippets: for each hit, the lines of its article that say why it matched, with what matched marked."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from whoosh import highlight
from whoosh.analysis import Token, Tokenizer

from ..model import BODY, SNIPPET, TITLE, Phrase, Span, caption_part, paragraph_end
from .analysis import named_by, names_include
from .highlight import find_hits, joined

if TYPE_CHECKING:  # the index is imported without the analysis package (writer processes)
    from ..analysis.values import Analysis, Entity, Quote

_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"
_HIT = "\x00hit"  # the text of every token `_HitTokens` yields: the one term the highlighter looks for
SENTENCE_CHARS = 240  # a name's sentence longer than this is cut around the name or the quote's start
LEAD_CHARS = 200


@dataclass(frozen=True)
class Asked:
    """What of a query a snippet shows: words and phrases of the text, and the names of `entity:` and
    `speaker:` parts (each as words)."""

    words: frozenset[str] = frozenset()
    phrases: frozenset[Phrase] = frozenset()
    entities: frozenset[tuple[str, ...]] = frozenset()
    speakers: frozenset[tuple[str, ...]] = frozenset()

    @property
    def names(self) -> frozenset[tuple[str, ...]]:
        return self.entities | self.speakers


class Snippets:
    """Snippets of hits for one search.

    Words and phrases go through Whoosh's highlighter, fed what the search matched only. A name search
    shows the sentence that names the entity, or the speaker's quote with its attribution, from the
    article's analysis (`analysis_of`, given the hit's stored fields), not the article's opening.
    """

    def __init__(self, asked: Asked, analysis_of: Callable[[dict], Analysis | None] | None = None):
        self.asked = asked
        self.analysis_of = analysis_of if asked.names else None
        self.tokens = _HitTokens(asked.words, asked.phrases)
        self.fragmenter = highlight.PinpointFragmenter(maxchars=220, surround=70, autotrim=True)
        self.formatter = _MarkFormatter()

    def of(self, text: str) -> str:
        if not (self.asked.words or self.asked.phrases) or not text:
            return ""
        return highlight.highlight(text, [_HIT], self.tokens, self.fragmenter, self.formatter, top=2)

    def best(self, fields: dict) -> tuple[str, tuple[Span, ...]]:
        """(snippet, spans of the hits in it) of a hit's stored fields.

        A sentence that names what a name part asked for and holds a word or phrase asked for comes first;
        then the words and phrases, from the first of body, captions and title that has them; then the
        first sentence naming a name; else the body's lead.
        """
        named = self._named(fields)
        first = None
        if self.asked.words or self.asked.phrases:
            for sentence in named:
                first = first or sentence
                if sentence.has_words:
                    return sentence.text, sentence.spans
            for name in ("body", "captions", "title"):
                marked = self.of(fields.get(name, ""))
                if marked:
                    return unmark(marked)
        first = first or next(named, None)
        if first is not None:
            return first.text, first.spans
        return _lead(fields.get("body", "")), ()

    def _named(self, fields: dict) -> Iterator[_Named]:
        """The sentence of each quote of a speaker asked for and of each mention of an entity asked for, body
        first, each with the mentions of every name asked for marked; made as they are asked for."""
        analysis = self.analysis_of(fields) if self.analysis_of is not None else None
        if analysis is None:
            return
        asked = self.asked
        texts = _part_texts(fields)
        lit = named_by(asked.names, analysis.entities)
        mentions = [e for e in analysis.entities if e.canonical in lit]
        places: list[Quote | Entity] = [
            q for q in analysis.speeches if q.speaker and names_include(q.speaker, asked.speakers)
        ]
        entities = named_by(asked.entities, analysis.entities)
        places += [e for e in mentions if e.canonical in entities]
        order = {name: i for i, name in enumerate(texts)}
        for place in sorted(places, key=lambda p: (order.get(p.part, len(order)), p.start)):
            text = texts.get(place.part, "")
            if text[place.start : place.end] != place.text:  # not the text analysed: nothing to show
                continue
            names = [(e.start, e.end) for e in mentions if e.part == place.part]
            yield self._sentence(text, place.start, place.end, names)

    def _sentence(self, text: str, start: int, end: int, names: list[tuple[int, int]]) -> _Named:
        """The sentence around text[start:end] (cut to SENTENCE_CHARS around its start), with the words and
        phrases asked for and the `names` in it marked."""
        from ..analysis.attribution import sentence_around  # only name searches need it

        begin, finish = sentence_around(text, start, end)
        begin, finish, before, after = _cut(text, begin, finish, start)
        piece = text[begin:finish]
        words = find_hits(piece, self.asked.words, self.asked.phrases)
        lit = joined(words + [(s - begin, e - begin) for s, e in names if begin <= s and e <= finish])
        shown = before + piece.replace("\n", " ") + after  # one char for one keeps the spans valid
        return _Named(shown, tuple(Span(s + len(before), e + len(before), part=SNIPPET) for s, e in lit), bool(words))


@dataclass(frozen=True)
class _Named:
    """A snippet of the sentence naming a name asked for; `has_words` if it holds a word or phrase asked for too."""

    text: str
    spans: tuple[Span, ...]
    has_words: bool


def _part_texts(fields: dict) -> dict[str, str]:
    """The article's parts as the index stored them, in the order snippets prefer: body, captions, title."""
    texts = {BODY: fields.get("body", "")}
    captions = fields.get("captions", "")
    if captions:
        texts.update((caption_part(i), line) for i, line in enumerate(captions.split("\n")))
    texts[TITLE] = fields.get("title", "")
    return texts


def _cut(text: str, begin: int, end: int, focus: int) -> tuple[int, int, str, str]:
    """[begin, end) cut to at most SENTENCE_CHARS around `focus`, at spaces; with the marks of what was cut."""
    if end - begin <= SENTENCE_CHARS:
        return begin, end, "", ""
    start = max(begin, focus - SENTENCE_CHARS // 4)
    if start > begin:
        space = text.find(" ", start, focus)
        start = space + 1 if space >= 0 else start
    stop = min(end, start + SENTENCE_CHARS)
    if stop < end:
        space = text.rfind(" ", max(focus, start + 1), stop)
        stop = space if space > start else stop
    return start, stop, "…" if start > begin else "", "…" if stop < end else ""


class _HitTokens(Tokenizer):
    """A Whoosh tokenizer for highlighting that yields only what a search matched, with its offsets: one token
    per word or phrase lit (`find_hits`), each with the text `_HIT`.

    Whoosh's PinpointFragmenter needs no other tokens, so a snippet costs a regular-expression scan of
    the text instead of analysing all of it (that was 2-4 ms a hit, most of a 20-hit search's time).
    """

    def __init__(self, words: frozenset[str], phrases: frozenset[Phrase] = frozenset()):
        self.words = words
        self.phrases = phrases

    def __call__(self, value, positions=False, chars=False, removestops=True, start_pos=0, start_char=0, mode="", **_):
        for pos, (start, end) in enumerate(find_hits(value, self.words, self.phrases), start_pos):
            # a new token each time: the fragmenter keeps the matched ones
            t = Token(positions, chars, removestops=removestops, mode=mode, text=_HIT, boost=1.0)
            t.pos, t.startchar, t.endchar = pos, start + start_char, end + start_char
            yield t


def unmark(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Split text with hit markers into plain text and the hit spans within it."""
    plain: list[str] = []
    spans: list[Span] = []
    pos = 0
    start = None
    for part in re.split(f"([{_MARK_OPEN}{_MARK_CLOSE}])", marked):
        if part == _MARK_OPEN:
            start = pos
        elif part == _MARK_CLOSE:
            if start is not None:
                spans.append(Span(start, pos, part=SNIPPET))
            start = None
        else:
            plain.append(part.replace("\n", " "))  # one char for one keeps the spans valid
            pos += len(part)
    return "".join(plain), tuple(spans)


class _MarkFormatter(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return _MARK_OPEN + highlight.get_text(text, token, replace) + _MARK_CLOSE


def _lead(body: str, chars: int = LEAD_CHARS) -> str:
    first = body[: paragraph_end(body, 0)]
    return first if len(first) <= chars else first[:chars].rsplit(" ", 1)[0] + "…"
