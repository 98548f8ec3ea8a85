"""Fuzzing the parser and the analysis (issue 6): random Unicode never breaks them, and every span stays sane.

The texts mix random Unicode with what press files and hostile files hold (quote marks of every kind,
© lines, `date 2020-01-01` prefixes, blank lines, RTL and emoji, control characters, very long lines).
Analysis is the real one, spaCy's model included, in this process (as the CLI runs it).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.core import files
from reader.core.analysis import Analysis, analyze_batch
from reader.core.analysis.gazetteer import Gazetteer
from reader.core.analysis.quotes import find_quotes
from reader.core.analysis.tagger import Tagger
from reader.core.formats.text import parse
from reader.core.index import hit_spans
from tests.fuzz_text import FILE_NAME, FUZZ, TEXT, check_analysis, check_article, check_layer, search_words


@pytest.fixture(scope="module")
def tagger():
    tagger = Tagger(Gazetteer.load())
    tagger.nlp  # noqa: B018 - loaded once, not in the first example
    return tagger


@FUZZ
@given(TEXT, FILE_NAME)
@example('"Quote one," he said.\n\n"Quote two', "article.txt")
def test_parse_never_raises_and_keeps_its_promises(text, name):
    check_article(parse(text, article_id=name))


@FUZZ
@given(st.binary(max_size=400))
@example(b"\xff\xfe" + "date 2020-01-01 “Hi,” ©X".encode("utf-16-le"))
@example(b"\xef\xbb\xbfTitle: \x93quoted\x94\n\nBody \x85 text \xa9 Credit")
def test_any_bytes_decode_and_parse(data):
    check_article(parse(files.decode(data)))


@FUZZ
@given(TEXT, st.booleans())
def test_quote_spans_lie_in_the_text_in_order(text, headline):
    body = parse(text).body
    text = body if not headline else body.replace("\n\n", " ")
    quotes = find_quotes(text, headline=headline)
    check_layer(quotes, len(text), "quotes")
    assert all(q.text == text[q.start : q.end] for q in quotes)


@pytest.mark.slow  # Hypothesis examples through the whole analysis
@FUZZ
@given(TEXT, FILE_NAME)
def test_analysis_spans_lie_in_their_text_in_order_and_survive_the_cache(tagger, text, name):
    article = parse(text, article_id=name)
    [analysis] = analyze_batch(tagger, [article])
    check_analysis(article, analysis)
    check_layer(hit_spans(article.body, search_words(article)), len(article.body), "hits")
    # a cached analysis is the same analysis
    cached = Analysis.from_cache(analysis.to_cache(article.parts()), article.parts())
    assert cached == analysis
