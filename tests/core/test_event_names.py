"""An event's short name: a listed event's first word alone stands for the event where the article names it
in full ('the Tour' after the 'Tour de France'); a town's or a people's name never does."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import analyze_text, labels_written, real_analyzer


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


@pytest.mark.parametrize(
    "text, race",
    [
        ("Win\n\nMarla Quinn won the 2019 Brickyard 400 at the speedway on Sunday.", "2019 Brickyard 400"),
        ("Next\n\nThe next race, the Tollgate.com 400, is to be held on August 3.", "Tollgate.com 400"),
        ("Title\n\nShe won the 2016 Ford EcoBoost 400 to take the title.", "2016 Ford EcoBoost 400"),
        ("Crash\n\nHe crashed out of the Harbor City 500 on lap 12.", "Harbor City 500"),
    ],
)
def test_a_race_named_by_its_distance_is_an_event(analyzer, text, race):
    assert [label for label, _ in labels_written(analyzer, text, race)] == ["EVENT"]


def test_a_fair_is_an_event(analyzer):
    text = "Invite\n\nThe boy was invited to the Kestrel Science Fair in California this weekend."
    assert [label for label, _ in labels_written(analyzer, text, "Kestrel Science Fair")] == ["EVENT"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Squad\n\nThe Ravens named 400 players over the years, the club said.", "Ravens named 400"),
        ("Fans\n\nCity sold 500 tickets for the game.", "City sold 500"),
        ("Boats\n\nOver 900 refugees reached the coast on Monday.", "Over 900"),
    ],
)
def test_a_number_after_a_name_is_no_race(analyzer, text, words):
    _, analysis = analyze_text(analyzer, text)
    assert not [e for e in analysis.entities if e.label == "EVENT"]


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a racing series run like a league is an organisation; its races are events
        (
            "Title deal\n\nVoltaris renews its deal for the London E-Prix at ExCeL London, Formula E said.",
            "Formula E",
            "ORG",
        ),
        (
            "Title deal\n\nVoltaris renews its title deal for the London E-Prix, the series said.",
            "London E-Prix",
            "EVENT",
        ),
        ("Venue\n\nThe crowd at ExCeL London is younger than the average motorsport audience.", "ExCeL London", "FAC"),
        (
            "Brickyard\n\nGordon won his second race of the 2014 NASCAR Sprint Cup Series season at the track.",
            "Sprint Cup Series",
            "ORG",
        ),
        (
            "Title\n\nJohnson sealed the Chase for the Sprint Cup at Homestead, NASCAR said on Sunday.",
            "Chase for the Sprint Cup",
            "EVENT",
        ),
        ("Derby\n\nSaints will finish fifth in Super League this season, the club said.", "Super League", "ORG"),
        (
            "Exit\n\nThe bank will leave the Premiership at the end of the season, the league said.",
            "Premiership",
            "ORG",
        ),
        (
            "Final\n\nChelsea beat Arsenal 2-1 in the Carling Cup final at the Millennium Stadium.",
            "Carling Cup",
            "EVENT",
        ),
        ("Trophies\n\nBuffon won the Coppa Italia five times with Juventus, the club said.", "Coppa Italia", "EVENT"),
        ("Origin\n\nQueensland won the State of Origin series for a third year in a row.", "State of Origin", "EVENT"),
        ("Derby\n\nFeyenoord won the Klassieker 3-2 in Rotterdam on Sunday.", "Klassieker", "EVENT"),
        ("Rowing\n\nThe sponsor will stay with the Boat Race until 2030, the organisers said.", "Boat Race", "EVENT"),
        ("Cricket\n\nSomerset reached the Vitality Blast final at Edgbaston.", "Vitality Blast", "EVENT"),
        ("Press\n\nThe cartoonists of Charlie Hebdo were remembered in Paris.", "Charlie Hebdo", "ORG"),
        ("Golf\n\nRyder Cup Europe confirmed the captain on Tuesday, the tour said.", "Ryder Cup Europe", "ORG"),
        (
            "Funding\n\nThe Department for Culture, Media and Sport will fund the league, ministers said.",
            "Department for Culture, Media and Sport",
            "ORG",
        ),
        ("Paddock\n\nThe Formula 2 champion will test for the team in Abu Dhabi.", "Formula 2", "ORG"),
        ("Racing\n\nThe Jockey Club runs 15 racecourses, including Cheltenham.", "The Jockey Club", "ORG"),
        ("Cycling\n\nThe team lost its WorldTour licence after the sponsor left, the UCI said.", "WorldTour", "EVENT"),
    ],
)
def test_leagues_series_cups_and_races_the_press_names(analyzer, text, name, label):
    assert [got for got, _ in labels_written(analyzer, text, name)] == [label]


def test_a_bare_year_spacy_calls_an_organisation_is_no_name(analyzer):
    text = "Season\n\nGordon won his second race of the 2014 NASCAR Sprint Cup Series season on Sunday."
    assert labels_written(analyzer, text, "2014") == []


@pytest.mark.parametrize(
    "text, term",
    [
        ("College\n\nThe guard signed three NIL deals worth $1.2m before the season, his agent said.", "NIL"),
        ("Try\n\nThe TMO ruled the try out after a knock-on in the build-up.", "TMO"),
    ],
)
def test_a_sports_term_spacy_calls_an_organisation_is_no_name(analyzer, text, term):
    assert "ORG" not in [label for label, _ in labels_written(analyzer, text, term)]


def test_nascar_and_its_series_are_two_organisations(analyzer):
    text = "Brickyard\n\nJeff Gordon recorded his 90th career NASCAR Sprint Cup Series win on Sunday."
    assert labels_written(analyzer, text, "NASCAR") == [("ORG", "NASCAR")]
    assert labels_written(analyzer, text, "Sprint Cup Series") == [("ORG", "NASCAR Cup Series")]
