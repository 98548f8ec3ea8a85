"""An event's short name: a listed event's first word alone stands for the event where the article names it
in full ('the Tour' after the 'Tour de France'); a town's or a people's name never does."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def test_the_tour_after_the_tour_de_france_is_the_event(analyzer):
    text = (
        "Cycling\n\nThe team will ride the Tour de France for the first time in July. The Tour has never had a "
        "Danish title sponsor, and the Tour organisers welcomed the deal."
    )
    assert labels_written(analyzer, text, "Tour") == [("EVENT", "Tour de France")] * 2


def test_a_towns_name_that_starts_an_event_stays_the_town(analyzer):
    text = (
        "Marathon\n\nThe London Marathon sponsor said London would host a party, and the Japanese Grand Prix "
        "organisers thanked the Japanese fans."
    )
    assert labels_written(analyzer, text, "London") == [("GPE", "London")]
    assert all(label != "EVENT" for label, _ in labels_written(analyzer, text, "Japanese"))


@pytest.mark.parametrize(
    "text, event",
    [
        ("Final\n\nDenver beat Carolina in Super Bowl 50 by a score of 24-10.", "Super Bowl 50"),
        ("Final\n\nThe Ravens held on to win Super Bowl XLVII in New Orleans on Sunday.", "Super Bowl XLVII"),
        ("Ads\n\nA 30-second slot during Super Bowl LVIII cost about $7m, the network said.", "Super Bowl LVIII"),
    ],
)
def test_an_events_edition_number_is_part_of_its_name(analyzer, text, event):
    assert [label for label, _ in labels_written(analyzer, text, event)] == ["EVENT"]


@pytest.mark.parametrize(
    "text, event",
    [
        ("Sponsors\n\nOlympic sponsors paid record sums as the Seoul Games neared, the committee said.", "Seoul Games"),
        ("Shoes\n\nThe runner signed a record shoe contract ahead of the Atlanta Games.", "Atlanta Games"),
        ("Team\n\nThe squad for the Glasgow Games was named on Tuesday.", "Glasgow Games"),
    ],
)
def test_a_towns_games_are_an_event(analyzer, text, event):
    assert [label for label, _ in labels_written(analyzer, text, event)] == ["EVENT"]


def test_a_firms_games_stay_the_firm(analyzer):
    text = "Esports\n\nRiot Games signed the sponsor for the league, the publisher said."
    assert "EVENT" not in [label for label, _ in labels_written(analyzer, text, "Riot Games")]
