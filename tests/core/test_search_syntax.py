"""Help › Search syntax shows only examples that work: each one parses and runs on a real library, and every
field a query can name has one."""

import re

import pytest

from reader.core.index.query import EXAMPLES
from reader.core.index.schema import QUERY_FIELDS


@pytest.mark.parametrize(("example", "meaning"), EXAMPLES)
def test_each_example_runs_on_a_real_library(sample_library, example, meaning):
    result = sample_library.search(example)  # a QueryError here would fail the test
    assert result.total >= 0 and meaning


def test_the_examples_find_what_they_say_on_the_samples(sample_library):
    found = {example: sample_library.search(example).total for example, _ in EXAMPLES}
    for example in ('"Olympic Games"', "olympi*", "spons?r", 'speaker:"Jack Ma"', "date:2019", "entity:Alibaba", "*"):
        assert found[example] > 0, example


def test_every_query_field_has_an_example():
    named = {m for example, _ in EXAMPLES for m in re.findall(r"(\w+):", example)}
    assert named == set(QUERY_FIELDS)
