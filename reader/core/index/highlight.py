"""Highlighting: where a search's words are in a text (hit_spans, find_words), and the snippets of its hits."""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh import highlight
from whoosh.analysis import Token, Tokenizer

from ..model import BODY, SNIPPET, Span, paragraph_end
from .analysis import ANALYZER, stem

_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


def hit_spans(text: str, words: frozenset[str], part: str = BODY) -> list[Span]:
    """The spans of every word in `text` (the article's `part`) that a search for `words` matched."""
    return [Span(start, end, part=part) for start, end, _ in find_words(text, words)]


def find_words(text: str, words: frozenset[str]):
    """(start, end, analysed word) of each word in `text` that indexes as one of `words`.

    The same answer as running the index analyzer over the whole text, but a regular expression
    built from the words' prefixes finds the few candidates first, so only they are stemmed: a
    600-word article takes a few hundredths of a millisecond instead of a millisecond or two.
    """
    if not words or not text:
        return
    lowered = text.lower()
    if len(lowered) != len(text):  # 'İ' lowercases to two characters: offsets would drift, so analyse it all
        found = {
            (t.startchar, t.endchar): t.text
            for t in ANALYZER(text, chars=True, mode="index", removestops=False)
            if t.text in words
        }
        yield from ((start, end, word) for (start, end), word in sorted(found.items()))
        return
    for m in _candidates(words).finditer(lowered):
        word = m.group()
        if word in words:
            yield m.start(), m.end(), word
        elif (stemmed := stem(word)) in words:
            yield m.start(), m.end(), stemmed


@lru_cache(maxsize=64)
def _candidates(words: frozenset[str]) -> re.Pattern:
    # a stem is nearly a prefix of its words ('compani' of 'company'); all but its last two letters always are
    kept: list[str] = []
    for p in sorted({w[: max(1, len(w) - 2)] for w in words}):
        if not kept or not p.startswith(kept[-1]):  # 'spons' already finds what 'sponsor' would
            kept.append(p)
    alternatives = "|".join(re.escape(p) for p in kept)
    # at a token's start, as the tokenizer sees it: not inside a word nor after a word's apostrophe
    return re.compile(rf"(?<!\w)(?<!\w['’])(?:{alternatives})\w*(?:['’]\w+)*")


class _WordTokens(Tokenizer):
    """A Whoosh tokenizer for highlighting that yields only the words a search matched, with their offsets.

    Whoosh's PinpointFragmenter needs no other tokens, so a snippet costs a regular-expression scan of
    the text instead of analysing all of it (that was 2-4 ms a hit, most of a 20-hit search's time).
    """

    def __init__(self, words: frozenset[str]):
        self.words = words

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        for pos, (start, end, word) in enumerate(find_words(value, self.words), start_pos):
            # a new token each time: the fragmenter keeps the matched ones
            t = Token(positions, chars, removestops=removestops, mode=mode, text=word, boost=1.0)
            t.pos, t.startchar, t.endchar = pos, start + start_char, end + start_char
            yield t


class Snippets:
    """Snippets of hits for one search: Whoosh's highlighter, fed the matched words only."""

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.tokens = _WordTokens(words)
        self.fragmenter = highlight.PinpointFragmenter(maxchars=220, surround=70, autotrim=True)
        self.formatter = _MarkFormatter()

    def of(self, text: str) -> str:
        if not self.words or not text:
            return ""
        return highlight.highlight(text, self.words, self.tokens, self.fragmenter, self.formatter, top=2)

    def best(self, fields: dict) -> tuple[str, tuple[Span, ...]]:
        """(snippet, spans of the hits in it) of a hit's stored fields: from the first of body, captions
        and title with a matched word, else the body's lead."""
        for name in ("body", "captions", "title"):
            marked = self.of(fields.get(name, ""))
            if marked:
                return unmark(marked)
        return _lead(fields.get("body", "")), ()


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


def _lead(body: str, chars: int = 200) -> str:
    first = body[: paragraph_end(body, 0)]
    return first if len(first) <= chars else first[:chars].rsplit(" ", 1)[0] + "…"
