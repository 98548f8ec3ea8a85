"""What the analysis tests share: one real spaCy analyzer per test process, the samples, small helpers.

Loading spaCy with its English model takes about 1.5 s, so `real_analyzer()` is built once and reused
by every module that imports it. An `Analyzer` keeps no per-article state, so sharing it is safe.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reader.core import articles, model
from reader.core.analysis import Analysis, Analyzer, Entity, Quote
from reader.core.formats.text import parse

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "articles"
SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"
OPENING_MARKS = "\"“«‘'"


@functools.cache
def real_analyzer() -> Analyzer:
    """The default analyzer (installed model, bundled gazetteer), loaded once."""
    analyzer = Analyzer()
    analyzer.load()
    return analyzer


def sample(name: str) -> model.Article:
    return articles.load(SAMPLES / name)


@functools.cache
def sample_analysis(name: str) -> tuple[model.Article, Analysis]:
    article = sample(name)
    return article, real_analyzer().analyze(article)


def analyze_text(analyzer: Analyzer, text: str) -> tuple[model.Article, Analysis]:
    article = parse(text)
    return article, analyzer.analyze(article)


def bare(quote: Quote) -> str:
    """A quote's words without its marks and surrounding space."""
    return quote.text.strip().strip("\"“”«»‘’'").strip()


def quote_starting(quotes, words: str) -> Quote:
    found = [q for q in quotes if bare(q).startswith(words)]
    assert len(found) == 1, f"expected one quote starting {words!r}, got {[q.text for q in quotes]}"
    return found[0]


def entities_named(entities, text: str) -> list[Entity]:
    return [e for e in entities if e.text == text]


def labels_written(analyzer: Analyzer, text: str, name: str) -> list[tuple[str, str]]:
    """(label, canonical) of each mention written exactly `name` in the body of the article `text`."""
    _, analysis = analyze_text(analyzer, text)
    return [(e.label, e.canonical) for e in entities_named(analysis.in_part(model.BODY).entities, name)]


def labels_of(analyzer: Analyzer, text: str, name: str) -> list[str]:
    """The label of each mention written exactly `name` in the body of the article `text`."""
    return [label for label, _ in labels_written(analyzer, text, name)]


def assert_quote_spans_are_sound(text: str, quotes) -> None:
    """Each quote is its own slice of `text`, starts at an opening mark, in order, without overlap."""
    end = 0
    for q in quotes:
        assert q.text == text[q.start : q.end]
        assert q.text[:1] in OPENING_MARKS, q.text
        assert q.start >= end, f"{q.text!r} overlaps the quote before it"
        assert q.end > q.start
        end = q.end


def assert_entity_spans_are_sound(text: str, entities) -> None:
    from reader.core.analysis import GROUP_OF_LABEL

    end = 0
    for e in sorted(entities, key=lambda e: e.start):
        assert e.text == text[e.start : e.end]
        assert e.text.strip() == e.text and e.text, e
        assert e.start >= end, f"{e.text!r} overlaps the entity before it"
        assert e.label in GROUP_OF_LABEL, e
        assert e.canonical
        end = e.end


def assert_one_person(analyzer: Analyzer, text: str, name: str, surname: str) -> None:
    """The full `name` once and each mention of its `surname` alone are the person `name`, in the body of `text`."""
    assert labels_written(analyzer, text, name) == [("PERSON", name)]
    assert set(labels_written(analyzer, text, surname)) == {("PERSON", name)}, surname
