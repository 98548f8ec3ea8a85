"""Towns and countries in press copy: a place where spaCy calls one a person or an organisation, unless the
article shows it playing, or it is a word of a person's or a firm's name (the GeoNames lists in
resources/gazetteer/towns.txt and countries.txt)."""

from __future__ import annotations

import pytest

from reader.core.analysis.gazetteer import Gazetteer, word_list
from reader.core.analysis.towns import with_untagged_places
from reader.core.model import BODY, TITLE
from tests.core.analysis_fixtures import analyze_text, labels_of, labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def test_the_lists_hold_towns_and_countries_of_every_size():
    towns, countries = word_list("towns"), word_list("countries")
    assert {"Copenhagen", "Paisley", "Renfrew", "Brescia", "Rotterdam"} <= towns
    assert {"Mali", "Denmark", "Korea"} & countries and "Mali" in countries


def test_a_town_spacy_calls_an_organisation_is_a_place(analyzer):
    text = (
        "Cycling team moves north\n\nLotte Brandt grew up in Aarhus and now trains in Copenhagen. "
        "Copenhagen hosted the start in 2022."
    )
    assert labels_of(analyzer, text, "Copenhagen") == ["GPE", "GPE"]


def test_a_small_scottish_town_is_a_place(analyzer):
    text = (
        "Brewer expands\n\nThe brewer will open a second plant outside Paisley next spring. Workers in Renfrew "
        "said the move was overdue, and the Paisley Daily Express agreed."
    )
    assert labels_of(analyzer, text, "Renfrew") == ["GPE"]
    assert labels_of(analyzer, text, "Paisley Daily Express") == ["ORG"]


def test_a_town_spacy_calls_a_person_is_a_place_where_the_text_leads_there(analyzer):
    text = (
        "Giro\n\nThe race continues on Wednesday with a flat stage to Brescia. Riders then head to Rotterdam "
        "for the team presentation."
    )
    assert labels_of(analyzer, text, "Brescia") == ["GPE"]
    assert labels_of(analyzer, text, "Rotterdam") == ["GPE"]


def test_a_town_spacy_calls_a_person_is_a_place_where_a_list_of_places_leads_there(analyzer):
    text = "Chain shrinks\n\nIts stores in Oxford, Winchester and Bath closed on Monday, the retailer said."
    assert labels_of(analyzer, text, "Bath") == ["GPE"]


def test_a_town_the_article_shows_playing_stays_the_side(analyzer):
    text = "Sunday's result\n\nCopenhagen beat Brondby 2-1 on Sunday. Copenhagen captain Jonas Lind scored twice."
    assert labels_of(analyzer, text, "Copenhagen") == ["ORG", "ORG"]


def test_a_word_of_a_firms_name_is_no_town(analyzer):
    text = (
        "Title sponsor\n\nThe league renewed its deal with the Tata Group for five seasons. "
        '"Tata won on the total," one of the people said.'
    )
    assert set(labels_of(analyzer, text, "Tata")) == {"ORG"}


def test_a_county_in_a_cricket_story_is_its_county_club(analyzer):
    text = (
        "Franchise sale\n\nThe cricket franchise will be sold to a consortium, with Surrey keeping the rest. "
        '"This is a proud day for Surrey," said Ana Brook, the club\'s chief executive.'
    )
    assert labels_written(analyzer, text, "Surrey") == [("ORG", "Surrey County Cricket Club")] * 2


def test_a_county_named_as_a_place_or_a_persons_surname_stays_so(analyzer):
    cricket = (
        'Cricket\n\nThe Barbadian bowler Kemar Hampshire signed a new deal. "Hampshire keeps asking for more '
        'overs," his captain said of the cricket star, and Sussex agreed terms with him.'
    )
    assert labels_written(analyzer, cricket, "Hampshire") == [("PERSON", "Kemar Hampshire")]
    assert labels_written(analyzer, cricket, "Sussex") == [("ORG", "Sussex County Cricket Club")]
    home = "Property\n\nThe cricket fan bought a house in Surrey last year."
    assert labels_written(analyzer, home, "Surrey") == [("GPE", "Surrey")]


def test_a_country_is_not_the_surname_of_a_person_spacy_made_up(analyzer):
    text = (
        "Contest row\n\nActivists marched under the banner Boycott Israel. Israel will host next year's contest. "
        '"Israel won fairly," said Dana Levi.'
    )
    assert set(labels_written(analyzer, text, "Israel")) == {("GPE", "Israel")}


def test_a_town_spacy_left_out_is_a_place_after_in_or_near(analyzer):
    text = (
        "Marathon\n\nKiprono trains in Iten with his brother. The Medical Journal of Australia said nothing, "
        "and Leicester travel to Bath next Saturday."
    )
    assert labels_written(analyzer, text, "Iten") == [("GPE", "Iten")]
    assert labels_written(analyzer, text, "Australia") == []  # a word of a longer name
    assert labels_written(analyzer, text, "Bath") == []  # 'travel to' a side's ground is not 'in' a town


def test_a_country_spacy_left_out_is_found_unless_it_ends_a_longer_name():
    text = "Talks with Tasmania and Saudi Arabia went on; the Bank of England and Real Madrid said no. Jordan agreed."
    found = with_untagged_places(text, [])
    assert [(e.text, e.label) for e in found] == [("Saudi Arabia", "GPE")]


def test_a_side_in_a_headlines_list_of_sides_is_the_side(analyzer):
    text = (
        "World Cup day five: Sweden, Belgium, England win three points\n\nBelgium beat Panama 3-0 in Sochi. "
        "Sweden defeated South Korea 1-0, and England beat Tunisia 2-1 in Volgograd."
    )
    _, analysis = analyze_text(analyzer, text)
    title = {e.text: e.label for e in analysis.in_part(TITLE).entities}
    assert title["Belgium"] == title["Sweden"] == "ORG"


def test_a_changed_word_list_changes_the_fingerprint_so_cached_analyses_are_redone(tmp_path):
    (tmp_path / "clubs.csv").write_text("name,label,aliases,note\nAcme FC,ORG,,Football club\n", encoding="utf-8")
    before = Gazetteer.load(tmp_path).fingerprint
    (tmp_path / "towns.txt").write_text("# towns\nRenfrew\n", encoding="utf-8")
    assert Gazetteer.load(tmp_path).fingerprint != before


def test_a_version_a_mission_or_a_nationality_is_no_place(analyzer):
    text = (
        "Browsers\n\nIE6 is still used in offices, and IE6 users were told to upgrade. The STS-134 crew landed "
        "in Florida, and the Ukrainian qualifier won in Kyiv."
    )
    _, analysis = analyze_text(analyzer, text)
    places = [e.text for e in analysis.in_part(BODY).entities if e.label in ("GPE", "LOC")]
    assert "IE6" not in places and "STS-134" not in places and "Ukrainian" not in places
    assert "Florida" in places


@pytest.mark.parametrize(
    "text, venue",
    [
        ("Talks\n\nThe two leaders met at the Dutch Embassy in Harare on Monday.", "Dutch Embassy"),
        ("Trial\n\nThe case was heard at Çağlayan Courthouse in Istanbul on Friday.", "Çağlayan Courthouse"),
        ("Blast\n\nA bomb went off near the Spice Bazaar on Tuesday afternoon.", "Spice Bazaar"),
        ("Golf\n\nThe Ryder Cup will be played at Kilcarra Manor in 2027, the organisers said.", "Kilcarra Manor"),
        ("Release\n\nManning will be freed from the U.S. Disciplinary Barracks in May.", "U.S. Disciplinary Barracks"),
    ],
)
def test_a_building_named_by_its_head_word_is_a_venue(analyzer, text, venue):
    assert labels_of(analyzer, text, venue) == ["FAC"]


@pytest.mark.parametrize(
    "text, country",
    [
        ("Squad news\n\nThe Springboks' coach said South Africa would name their squad on Monday.", "South Africa"),
        ("Visit\n\nThe minister told reporters that New Zealand had not been consulted.", "New Zealand"),
        ("Deal\n\nA spokesman for the federation said Sierra Leone would host the final.", "Sierra Leone"),
    ],
)
def test_a_country_after_said_or_told_is_no_person(analyzer, text, country):
    """'said South Africa would name …': a country after a speech verb is the country or its side, never a
    person, though its name looks like a first name and a surname."""
    assert "PERSON" not in labels_of(analyzer, text, country)
    assert labels_of(analyzer, text, country)


def test_a_country_written_with_its_accents_is_a_place(analyzer):
    text = (
        "Crash\n\nThe pilot was flying between the islands of Curaçao and Aruba when the engine failed. "
        "He died in hospital on Curaçao."
    )
    assert set(labels_of(analyzer, text, "Curaçao")) == {"GPE"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Stage 13\n\nThe riders crossed the Col de la Madeleine before noon.", "Col de la Madeleine"),
        ("Stage 14\n\nA crash on the descent of the Col du Tourmalet split the group.", "Col du Tourmalet"),
    ],
)
def test_a_mountain_or_a_pass_named_with_a_particle_is_a_place(analyzer, text, name):
    assert labels_of(analyzer, text, name) == ["LOC"]


@pytest.mark.parametrize(
    "text, town",
    [
        ("Strike\n\nAbout 40 ships have been diverted to Rotterdam, Antwerp and London Gateway.", "Antwerp"),
        ("Schools\n\nThe sponsor brought 400 schoolchildren from Newcastle and Leeds to the match.", "Leeds"),
        ("Fuel\n\nThree flights declared fuel emergencies after being diverted to Valencia on Thursday.", "Valencia"),
        ("Final\n\nThe game, played at Levi's Stadium in Santa Clara, California, drew 71,000 fans.", "Santa Clara"),
    ],
)
def test_a_clubs_town_in_a_list_of_places_or_after_a_place_word_is_the_town(analyzer, text, town):
    assert labels_of(analyzer, text, town) == ["GPE"]
