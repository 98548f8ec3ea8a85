"""What coverage needs of one analysed article (the names it uses, how often and where, and its speech quotes),
made once beside its analysis so that coverage never reads or analyses an article again.

The names kept are the forms a watchlist written later may ask for: the text and the canonical name of every
entity mention, and every run of capitalised words ("Northbank Arena", "Bank of America") with its sub-runs of
up to `SUBRUN_WORDS` words, so that a watched name the entity tagger missed still matches. A form is kept as
its `key`: its words, without case, joined by one space, each word without a trailing possessive ’s or 's
("Heineken’s" is "heineken"); punctuation between words does not count ("Coca-Cola" stays one word).

A form written in capitals, as an acronym or initialism is (every word with letters has 2 to 5 of them, all
capitals: "ANA", "GE", "P&G", "AT&T"), is kept a second time under its words as written ("ANA"), counting only
the occurrences written in capitals. A watched form in capitals is looked up by that key, so the alias "ANA"
(All Nippon Airways) does not match the person "Ana Lopez"; any other watched form matches in any case.

For each form: how often its words occur in the article, and its most prominent place: `headline`
(the title), `lede` (the body's first paragraph), `caption`, `quote` (inside a direct speech quote of the
body), `body` (anywhere else). Apart from these, under `carried(key)`, each canonical name of the entity
mentions: how many mentions carry it, whatever their words ("Man Utd" tagged as Manchester United), and their
most prominent place. Matching takes, per article, the larger of the two counts, never their sum: a mention
written as a watched alias ("ANA", canonical All Nippon Airways) is one place in the text, counted by both.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..analysis.values import SPEECH, Analysis
from ..model import BODY, TITLE, Article, Part, split_paragraphs
from .values import BODY as BODY_PLACE
from .values import CAPTION, HEADLINE, LEDE, PLACEMENTS, QUOTE

FACTS_VERSION = 3  # bump when what is kept, or how a form is keyed, changes
CARRIED = "="  # before a key: the canonical name's mentions, not its words (no key has "=" in it)
SUBRUN_WORDS = 4  # the longest sub-run of a capitalised run kept besides the whole run
_WORD = re.compile(r"\w+(?:[-’'&.]\w+)*")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
# the endings `_POSSESSIVE` takes off a word of `_WORD` ('ſ' is an 's' to IGNORECASE): a look at its last two
# characters is quicker than a substitution, for the thousands of words an article has
_POSSESSIVE_ENDS = frozenset(mark + s for mark in "’'" for s in "sSſ")
_LETTER = re.compile(r"[^\W\d_]")
CAPITALS = range(2, 6)  # how many letters a word in capitals has to read as an acronym ("GE", "ASICS")
# lower-case words that may stand inside a name ("Bank of America", "Real Madrid de la …")
_CONNECTORS = frozenset({"of", "de", "la", "le", "du", "del", "der", "van", "von", "and", "&", "for", "the", "y"})
# capitalised only because a sentence starts with them: never kept alone
_ALONE = frozenset(
    "a an and at but by for from he her his i if in it its mr mrs ms dr of on or our she so that the their "
    "them there they this to we what when where which who with you".split()
)


@dataclass(frozen=True)
class ArticleFacts:
    """One article's forms, each as key -> (occurrences, index into PLACEMENTS), the canonical names of its
    entity mentions as `carried(key)` -> (mentions, index into PLACEMENTS), and its speech quotes."""

    forms: dict[str, tuple[int, int]]
    quotes: tuple[tuple[str, str], ...]  # (speaker, or "" when unknown; the quote's text)


def words(text: str) -> list[str]:
    """The words of `text` as a form's key is made of them, without case."""
    return [w.casefold() for w in written(text)]


def written(text: str) -> list[str]:
    """The words of `text` as written, each without a trailing possessive."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]


def key(form: str) -> str:
    """The key a watched form is looked up by: its words as written if it is in capitals (`in_capitals`), else
    without case; "" for a form without words."""
    ws = written(form)
    return " ".join(ws if in_capitals(ws) else (w.casefold() for w in ws))


def in_capitals(ws: Sequence[str]) -> bool:
    """Whether words are written as an acronym is: some have letters, and each that has has 2 to 5 of them, all
    capitals ("ANA", "P&G", "EA7", "AT&T"; not "F1", "ADIDAS" or "AB InBev")."""
    shapes = [_shape(w) for w in ws]
    return _CAPITALS in shapes and _OTHER not in shapes


_NO_LETTERS, _CAPITALS, _OTHER = range(3)


def _shape(word: str) -> int:
    if word.isupper():
        return _CAPITALS if len(_LETTER.findall(word)) in CAPITALS else _OTHER
    return _OTHER if _LETTER.search(word) else _NO_LETTERS


def carried(k: str) -> str:
    """The key under which the entity mentions that carry the canonical name keyed `k` are counted."""
    return CARRIED + k


def capitals_key(k: str) -> bool:
    """Whether a key is that of a form in capitals, which matches only capitals."""
    return k != k.casefold()


def occurrences(needle: Sequence[str], hay: Sequence[str]) -> int:
    """How often the words `needle` stand together in `hay`."""
    n = len(needle)
    return sum(1 for i in range(len(hay) - n + 1) if list(hay[i : i + n]) == list(needle)) if n else 0


def facts_of(article: Article, analysis: Analysis) -> ArticleFacts:
    """The facts of one article from its text and its analysis."""
    parts = article.parts()
    placer = _Placer(article, analysis)
    tokens = {p.name: _tokens(p) for p in parts}
    candidates = _candidates(tokens, {p.name: p.text for p in parts}, analysis)
    found = _count(tokens, candidates, placer)
    found.update((carried(k), v) for k, v in _canonicals(analysis, placer).items())
    quotes = tuple((q.speaker or "", q.text) for q in analysis.quotes if q.kind == SPEECH)
    return ArticleFacts({k: v for k, v in found.items() if v[0] > 0}, quotes)


class _Placer:
    """The placement of a character of a part: headline, lede, caption, quote or body."""

    def __init__(self, article: Article, analysis: Analysis):
        paragraphs = [(s, p) for s, p in split_paragraphs(article.body) if p.strip()]
        self.lede_end = paragraphs[0][0] + len(paragraphs[0][1]) if paragraphs else 0
        spans = sorted((q.start, q.end) for q in analysis.quotes if q.kind == SPEECH and q.part == BODY)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def place(self, part: str, offset: int) -> int:
        if part == TITLE:
            return PLACEMENTS.index(HEADLINE)
        if part != BODY:
            return PLACEMENTS.index(CAPTION)
        if offset < self.lede_end:
            return PLACEMENTS.index(LEDE)
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return PLACEMENTS.index(QUOTE)
        return PLACEMENTS.index(BODY_PLACE)


class _Token(NamedTuple):  # a tuple: a few thousand an article, made quicker than frozen dataclasses
    word: str  # as in the key
    capital: bool
    as_written: str  # without a possessive
    shape: int  # _NO_LETTERS, _CAPITALS or _OTHER
    start: int
    end: int


def _tokens(part: Part) -> list[_Token]:
    # tuple.__new__ straight: a NamedTuple's own __new__ is a Python function, a third of the time here
    return [_new_token(_Token, (*_word_facts(m.group()), *m.span())) for m in _WORD.finditer(part.text)]


_new_token = tuple.__new__


@lru_cache(maxsize=1 << 14)  # a word's facts, for the same words met again and again in a library
def _word_facts(w: str) -> tuple[str, bool, str, int]:
    as_written = w[:-2] if w[-2:] in _POSSESSIVE_ENDS else w
    return as_written.casefold(), w[0].isupper(), as_written, _shape(as_written)


def _candidates(tokens: dict[str, list[_Token]], texts: dict[str, str], analysis: Analysis) -> set[str]:
    found = {_folded(e.text) for e in analysis.entities} | {_folded(e.canonical) for e in analysis.entities}
    for part, toks in tokens.items():
        for run in _runs(toks, texts[part]):
            found.update(_subruns(run))
    found.discard("")
    return found


def _runs(toks: list[_Token], text: str) -> Iterator[list[_Token]]:
    """Runs of capitalised words, with connectors inside, not across punctuation or lines."""
    run: list[_Token] = []
    for t in toks:
        joined = bool(run) and text[run[-1].end : t.start] in (" ", "\u00a0")
        if t.capital and (joined or not run):
            run.append(t)
        elif t.capital:
            yield _trimmed(run)
            run = [t]
        elif run and joined and t.word in _CONNECTORS:
            run.append(t)
        else:
            if run:
                yield _trimmed(run)
            run = []
    if run:
        yield _trimmed(run)


def _trimmed(run: list[_Token]) -> list[_Token]:
    while run and not run[-1].capital:
        run = run[:-1]
    return run


def _subruns(run: list[_Token]) -> Iterator[str]:
    ws = [t.word for t in run]
    if len(ws) > SUBRUN_WORDS:
        yield " ".join(ws)
    for i in range(len(run)):
        if not run[i].capital:
            continue
        for j in range(i + 1, min(i + SUBRUN_WORDS, len(run)) + 1):
            if run[j - 1].capital and not (j - i == 1 and ws[i] in _ALONE):
                yield " ".join(ws[i:j])


def _count(tokens: dict[str, list[_Token]], candidates: set[str], placer: _Placer) -> dict[str, tuple[int, int]]:
    """Each candidate's occurrences in every part, and its most prominent place."""
    lengths = {c.count(" ") + 1 for c in candidates}
    firsts: dict[int, set[str]] = {n: set() for n in lengths}  # by length: the first words of candidates that long
    for c in candidates:
        firsts[c.count(" ") + 1].add(c.partition(" ")[0])
    found: dict[str, tuple[int, int]] = {}
    any_first = set().union(*firsts.values())
    for part, toks in tokens.items():
        ws = [t.word for t in toks]
        starts = [i for i, w in enumerate(ws) if w in any_first]  # most words start no candidate
        for n in lengths:
            first, last = firsts[n], len(ws) - n
            for i in starts:
                if i > last:
                    break
                if ws[i] not in first:
                    continue
                k = " ".join(ws[i : i + n])
                if k in candidates:
                    place = placer.place(part, toks[i].start)
                    _add(found, k, place)
                    if toks[i].shape != _OTHER:  # most occurrences start with a word not in capitals
                        shapes = {t.shape for t in toks[i : i + n]}
                        if _CAPITALS in shapes and _OTHER not in shapes:  # as in_capitals
                            _add(found, " ".join(t.as_written for t in toks[i : i + n]), place)
    return found


def _add(found: dict[str, tuple[int, int]], k: str, place: int) -> None:
    count, best = found.get(k, (0, len(PLACEMENTS)))
    found[k] = (count + 1, min(best, place))


@lru_cache(maxsize=1 << 12)  # an entity's text or canonical name, met again in the same article and others
def _folded(form: str) -> str:
    return " ".join(words(form))


def _canonicals(analysis: Analysis, placer: _Placer) -> dict[str, tuple[int, int]]:
    """Each canonical name's entity mentions, and their most prominent place."""
    found: dict[str, tuple[int, int]] = {}
    for e in analysis.entities:
        for k in _canonical_keys(e.canonical):
            _add(found, k, placer.place(e.part, e.start))
    return found


@lru_cache(maxsize=1 << 12)
def _canonical_keys(canonical: str) -> frozenset[str]:
    return frozenset({_folded(canonical), key(canonical)} - {""})
