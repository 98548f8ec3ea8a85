"""Text analysis: how article text and names become the index's words (Porter2 stems, kept beside the words)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from whoosh.analysis import (
    STOP_WORDS,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.lang.porter2 import stem as _porter2

# Every index's table of contents holds its schema, pickled: a class it names is looked up as
# reader.core.index.NAME, where the versions before this package kept them, so that either version
# opens the other's index. The package re-exports each.
SAVED_IN = "reader.core.index"


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Porter2, plus folding of the derivational '-ship' so that 'sponsor' finds 'sponsorship'."""
    s = _porter2(word)
    for suffix in ("ships", "ship"):
        if s.endswith(suffix) and len(s) - len(suffix) >= 5:
            return _porter2(s[: -len(suffix)])
    return s


class StemAndKeepFilter(Filter):
    """At index time emits the lowercase word and, when different, its stem at the same position.

    Queries use stems for plain terms, and the unstemmed words let trailing wildcards such as
    `olympi*` match 'olympics' although its stem is 'olymp'.
    """

    is_morph = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if t.stopped:
                yield t
                continue
            original = t.text
            stemmed = stem(original)
            if t.mode == "query" or stemmed == original:
                t.text = stemmed
                yield t
            else:
                yield t
                t.text = stemmed
                yield t


WORD = r"\w+(?:['’]\w+)*"


def reference_analyzer():
    """The text analysis as a chain of Whoosh's filters: what `WordAnalyzer` does in one pass."""
    return RegexTokenizer(WORD) | LowercaseFilter() | StopFilter() | StemAndKeepFilter()


class WordAnalyzer(Tokenizer):
    """Whoosh's RegexTokenizer | LowercaseFilter | StopFilter | StemAndKeepFilter, fused into one generator.

    The same tokens, positions and offsets as `reference_analyzer()` (a test holds it to that), for about
    half the time: every word of every article goes through it when the index is built, and the chain's
    four nested generators were a fifth of that time.
    """

    __module__ = SAVED_IN  # see SAVED_IN
    is_morph = True

    def __init__(self):
        self.expression = re.compile(WORD)
        self.stops = STOP_WORDS
        self.minsize = 2  # StopFilter's default: one-letter words are stop words too

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

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
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stops, minsize, query_mode = self.stops, self.minsize, mode == "query"
        spans = (
            ((m.group(), m.start(), m.end()) for m in self.expression.finditer(value))
            if tokenize
            else ((value, 0, len(value)),)
        )
        kept = None  # the position of the last word kept: StopFilter renumbers around dropped stop words
        for i, (text, start, end) in enumerate(spans):
            word = text.lower()
            t.boost = 1.0
            if keeporiginal or not tokenize:  # RegexTokenizer keeps an untokenized value's original
                t.original = text
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            if len(word) < minsize or word in stops:
                if not removestops:
                    t.text, t.stopped = word, True
                    if positions:
                        t.pos = start_pos + i
                    yield t
                continue
            t.stopped = False
            if positions:
                kept = start_pos + i if kept is None else kept + 1
                t.pos = kept
            stemmed = stem(word)
            if query_mode or stemmed == word:
                t.text = stemmed
                yield t
            else:
                t.text = word
                yield t
                t.text = stemmed
                yield t


ANALYZER = WordAnalyzer()
# canonical names, one after another: the '|' between them keeps a phrase from spanning two names
NAME_ANALYZER = RegexTokenizer(WORD + r"|\|") | LowercaseFilter()
NAME_SEPARATOR = " | "


def name_words(name: str) -> tuple[str, ...]:
    """A name's words as the names index has them (`NAME_ANALYZER`'s, the separator aside)."""
    return tuple(w.lower() for w in re.findall(WORD, name))


def names_include(name: str, names: Iterable[tuple[str, ...]]) -> bool:
    """Whether one of `names` (each as words) stands among the words of `name`, in order: whether an
    `entity:` or `speaker:` search for it finds this name ("ma" and "jack ma" find Jack Ma)."""
    words = name_words(name)
    return any(n and words[i : i + len(n)] == n for n in names for i in range(len(words) - len(n) + 1))


def named_by(names: Iterable[tuple[str, ...]], entities: Iterable) -> frozenset[str]:
    """The canonical names of the `entities` (quotes' `Entity`s) that a search for `names` finds: by full name
    or as the article writes it (`entity:IOC` finds the International Olympic Committee)."""
    names = frozenset(names)
    return frozenset(e.canonical for e in entities if names_include(e.canonical, names) or names_include(e.text, names))
