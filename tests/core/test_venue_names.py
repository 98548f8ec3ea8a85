"""Venues press copy names without a head word: racecourses ('Sandown Park', 'Leopardstown'), golf courses
('Royal Troon', 'Muirfield') and cricket grounds ('Edgbaston', 'Trent Bridge'), from the built-in venue list
(resources/gazetteer/venues.csv, written from public facts)."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import labels_of, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    "text, venue",
    [
        (
            "Race day\n\nThe bookmaker will also sponsor races at Sandown Park and Kempton Park next spring.",
            "Sandown Park",
        ),
        ("Festival\n\nThe Irish trainer sent four runners to Leopardstown for the Christmas festival.", "Leopardstown"),
        ("Open venue\n\nThe timing partner stays for The Open at Royal Troon, the R&A said on Friday.", "Royal Troon"),
        ("Links\n\nThe champion shot 66 at Muirfield to lead by two going into the weekend.", "Muirfield"),
        ("Test venue\n\nIndia will play the second Test at Edgbaston after the board's decision.", "Edgbaston"),
        ("Ground\n\nThe county sold out Trent Bridge for the first time since 2019.", "Trent Bridge"),
    ],
)
def test_a_racecourse_a_golf_course_or_a_cricket_ground_is_a_venue(analyzer, text, venue):
    assert labels_of(analyzer, text, venue) == ["FAC"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Visit\n\nThe prime minister visited the White House on Monday. The White House said the talks went well.",
            ["FAC", "ORG"],
        ),
        ("Protest\n\nThousands marched to the White House. Others gathered outside the White House.", ["FAC", "FAC"]),
        ("Talks\n\nThe two men met in the Oval Office for an hour.", ["FAC"]),
    ],
)
def test_the_white_house_as_a_place_is_a_building_and_as_a_speaker_the_administration(analyzer, text, labels):
    name = "Oval Office" if "Oval" in text else "White House"
    assert labels_of(analyzer, text, name) == labels


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Stands\n\nThe club will rebuild the Ian Botham Stand before next season, the chairman said.",
            "Ian Botham Stand",
        ),
        ("Stands\n\nSupporters in the West Stand sang throughout the second half.", "West Stand"),
    ],
)
def test_a_grounds_stand_is_a_venue(analyzer, text, name):
    assert labels_of(analyzer, text, name) == ["FAC"]


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Obituary\n\nHe died during surgery at Hospital Sírio Libanês on Friday.", "Hospital Sírio Libanês", "FAC"),
        ("Crisis\n\nThe opposition leader fled to the Dutch Embassy for safety.", "Dutch Embassy", "FAC"),
        (
            "Warning\n\nThe U.S. Embassy reminds U.S. citizens to maintain a high level of vigilance.",
            "U.S. Embassy",
            "ORG",
        ),
    ],
)
def test_a_hospital_or_an_embassy_is_the_building_where_someone_is_in_it(analyzer, text, name, label):
    assert labels_of(analyzer, text, name) == [label]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Golden Gala\n\nThe meeting returns to the Stadio Olimpico on Thursday, organisers said.", "Stadio Olimpico"),
        ("Derby\n\nBenfica will host the match at the Estadio da Luz in front of 60,000 fans.", "Estadio da Luz"),
    ],
)
def test_a_venue_named_with_its_head_word_first_is_a_venue(analyzer, text, name):
    assert labels_of(analyzer, text, name) == ["FAC"]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Playoffs\n\nThe Saints will host the Eagles at the New Orleans Superdome on Sunday.",
            "New Orleans Superdome",
        ),
        ("Eredivisie\n\nAjax beat PSV 3-1 in front of 52,000 at the Amsterdam ArenA on Sunday.", "Amsterdam ArenA"),
    ],
)
def test_a_venue_with_its_town_before_it_is_one_venue(analyzer, text, venue):
    # the listed 'Superdome' with its town before it; the ArenA, as Amsterdam's stadium writes it
    assert labels_of(analyzer, text, venue) == ["FAC"]
