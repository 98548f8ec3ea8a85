"""Highlighting: where a search's words and phrases are in a text (hit_spans, find_hits, find_words)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from whoosh import formats
from whoosh.matching import ListMatcher
from whoosh.query import SpanNear2

from ..model import BODY, Phrase, Span
from .analysis import ANALYZER, stem

_CHARS = formats.Characters()  # a posting's (position, startchar, endchar)s, as Whoosh's span matchers read them


def hit_spans(text: str, words: frozenset[str], part: str = BODY, phrases: Iterable[Phrase] = ()) -> list[Span]:
    """The spans of every word in `text` (the article's `part`) that a search for `words` matched, and of
    every place where one of its `phrases` matched; in order, overlaps joined."""
    return [Span(start, end, part=part) for start, end in find_hits(text, words, phrases)]


def find_hits(text: str, words: frozenset[str], phrases: Iterable[Phrase] = ()) -> list[tuple[int, int]]:
    """(start, end) of each word of `words` in `text` and of each match of `phrases`, in order, overlaps joined."""
    return joined([(start, end) for start, end, _ in find_words(text, words)] + find_phrases(text, phrases))


def joined(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) spans in order, overlapping ones joined into one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def find_phrases(text: str, phrases: Iterable[Phrase]) -> list[tuple[int, int]]:
    """(start, end) of the words of each place in `text` where one of `phrases` matches, as the index matches it.

    Whoosh's own phrase matcher (SpanNear2, what `query.Phrase` runs) is run over the text's positions, so
    a highlight is where the index found the phrase: an exact phrase lights as one run (with the stop words
    inside it, "President of the IOC"), and a proximity match (`"a b"~3`) lights its words, not those between.
    """
    phrases = [p for p in phrases if p.words]
    wanted = frozenset(w for p in phrases for w in p.words)
    if not text or not wanted:
        return []
    present = {word for _, _, word in find_words(text, wanted)}  # a quick look: most texts lack a phrase's word
    phrases = [p for p in phrases if present.issuperset(p.words)]
    if not phrases:
        return []
    postings: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for t in ANALYZER(text, positions=True, chars=True, mode="index"):
        if t.text in wanted:
            postings[t.text].append((t.pos, t.startchar, t.endchar))
    found: list[tuple[int, int]] = []
    for phrase in phrases:
        found += _phrase_matches(phrase, postings)
    return found


def _phrase_matches(phrase: Phrase, postings: dict[str, list[tuple[int, int, int]]]) -> list[tuple[int, int]]:
    """The runs of words of each match of `phrase`, given each word's (position, startchar, endchar)s in a text."""
    leaves = [ListMatcher([0], values=[_CHARS.encode(postings[w])], format=_CHARS) for w in phrase.words]
    matcher = SpanNear2.SpanNear2Matcher(leaves, slop=phrase.slop, ordered=True, mindist=1)
    if not matcher.is_active():
        return []
    words = sorted({p for w in phrase.words for p in postings[w]})
    runs: list[tuple[int, int]] = []
    for span in matcher.spans():
        last = None  # the position of the word before, in this span
        for pos, start, end in words:
            if span.start <= pos <= span.end:
                if last is not None and pos <= last + 1:  # next to the word before: one run
                    runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
                else:
                    runs.append((start, end))
                last = pos
    return runs


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
