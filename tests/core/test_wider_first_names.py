"""First names from the wider world of sport (Slovenia, Ghana, India, …; `resources/gazetteer/first_names.txt`):
a name that starts with one is a person's where spaCy tagged an organisation or nothing; a town's name among
them is left out of the list ('Olympia London' stays no person)."""

from __future__ import annotations

import pytest

from reader.core.analysis.gazetteer import word_list
from tests.core.analysis_fixtures import labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Giro\n\nSprint finish: Tadej Zupančič beat the field in Treviso.", "Tadej Zupančič"),
        (
            "Giro\n\nThe pink jersey has been worn by winners including Egan Moreau, Primož Kovač and Tadej Vrhovec.",
            "Tadej Vrhovec",
        ),
    ],
)
def test_a_name_with_a_first_name_of_the_wider_lists_is_a_person(analyzer, text, name):
    assert labels_written(analyzer, text, name) == [("PERSON", name)]


def test_the_wider_lists_leave_out_towns_and_countries():
    firsts = word_list("first_names")
    assert {"Kofi", "Priya", "Tadej", "Chinedu"} <= firsts
    assert not {"Olympia", "Basel", "Asia", "Oman"} & firsts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cup tie\n\nRomelu Makanda headed in from a corner.", "Romelu Makanda"),
        ("Cup tie\n\nGranit Berisha headed in from a corner.", "Granit Berisha"),
        ("Cup tie\n\nSouleymane Kanoute headed in from a corner.", "Souleymane Kanoute"),
    ],
)
def test_a_name_with_a_world_cup_players_first_name_is_a_person(analyzer, text, name):
    # 'Romelu', 'Granit', 'Souleymane': first names of the World Cup squads, not in Faker's locales
    assert labels_written(analyzer, text, name) == [("PERSON", name)]


def test_the_squads_first_names_leave_out_their_surnames():
    firsts = word_list("first_names")
    assert {"Romelu", "Granit", "Kalidou", "Xherdan"} <= firsts
    assert not {"Brown", "Wagner", "Thompson"} & firsts
