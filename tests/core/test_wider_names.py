"""`wider.wider_firm`: the span of the organisation whose longer name holds a listed one."""

from __future__ import annotations

import pytest

from reader.core.analysis.gazetteer import Entry
from reader.core.analysis.wider import wider_firm

_FIRM = Entry("Volkswagen", "ORG", (), "Carmaker")
_BROADCASTER = Entry("BBC", "ORG", (), "UK public broadcaster")
_PARTY = Entry("Democratic Party", "ORG", (), "US political party")


@pytest.mark.parametrize(
    "text, name, entry, wider",
    [
        ("Shares in the Volkswagen Group fell.", "Volkswagen", _FIRM, "Volkswagen Group"),
        ("It was shown on BBC Scotland last night.", "BBC", _BROADCASTER, "BBC Scotland"),
        (
            "Offices of the ruling National Democratic Party burned.",
            "Democratic Party",
            _PARTY,
            "National Democratic Party",
        ),
        ("In Democratic Party circles it was a test.", "Democratic Party", _PARTY, "Democratic Party"),
    ],
)
def test_the_longer_name_a_listed_organisations_name_is_part_of(text, name, entry, wider):
    s = text.index(name)
    start, end = wider_firm(text, s, s + len(name), entry, {})
    assert text[start:end] == wider
