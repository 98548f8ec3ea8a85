"""Names press copy makes with a head word: organisations ('Human Rights Watch', 'Swiss Federal Tribunal',
'Federal Bureau of Investigation'), venues ('Utilita Bowl') and events ('MLS Cup'): one name of that label
over the whole span, whatever spaCy made of it."""

from __future__ import annotations

import pytest

from reader.core.analysis.headed import with_headed_names, with_newspapers
from reader.core.analysis.values import Entity
from reader.core.model import BODY
from tests.core.analysis_fixtures import analyze_text, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def orgs(analyzer, text: str, label: str = "ORG") -> list[str]:
    _, analysis = analyze_text(analyzer, text)
    return [e.text for e in analysis.in_part(BODY).entities if e.label == label]


def test_a_court_spacy_took_for_a_person(analyzer):
    text = (
        "Appeal\n\nThe sprinter will take her case to the Swiss Federal Tribunal within 30 days. Her lawyer, "
        "Dana Moretti, said the tribunal would hear it in spring."
    )
    assert orgs(analyzer, text) == ["Swiss Federal Tribunal"]


def test_a_campaign_group_named_by_its_head_word(analyzer):
    text = (
        "Rights\n\nHuman Rights Watch urged the IOC to look again at the deal. A researcher at Human Rights "
        "Watch, Ilse Brenner, called it a mistake."
    )
    assert orgs(analyzer, text) == ["Human Rights Watch", "IOC", "Human Rights Watch"]


def test_a_body_with_of_and_at_in_its_name(analyzer):
    text = (
        "Inquiry\n\nThe Federal Bureau of Investigation was not involved. The University of North Carolina "
        "at Greensboro declined to comment."
    )
    assert orgs(analyzer, text) == ["Federal Bureau of Investigation", "University of North Carolina at Greensboro"]


def test_a_person_or_a_role_after_the_name_is_not_part_of_it():
    text = "The Ministry of Sport Kate Ellis runs met the Museum of Flight CEO on Tuesday."
    person = Entity(text.index("Kate"), text.index(" runs"), "Kate Ellis", "PERSON", "Kate Ellis")
    found = with_headed_names(text, [person])
    assert [(e.text, e.label) for e in found] == [
        ("Ministry of Sport", "ORG"),
        ("Kate Ellis", "PERSON"),
        ("Museum of Flight", "ORG"),
    ]


def test_a_head_word_alone_a_possessive_or_a_line_break_makes_no_name():
    text = "The Council met. Britain's Gambling Commission agreed.\nCommittee of the Regions"
    found = with_headed_names(text, [])
    assert [e.text for e in found] == ["Gambling Commission", "Committee of the Regions"]


def test_a_listed_name_stands():
    text = "The Acme Sports Federation said no."
    listed = Entity(4, 26, "Acme Sports Federation", "ORG", "Acme Sports Federation", "a test body")
    assert with_headed_names(text, [listed]) == [listed]


def test_venues_named_by_their_head_word(analyzer):
    text = (
        "Stadium deal\n\nThe club will play at the renamed Halvorsen Stadium from August, and the women's side "
        "moves to the Brightwater Bowl. Somerset begin their defence at the Utilita Bowl in April."
    )
    assert orgs(analyzer, text, "FAC") == ["Halvorsen Stadium", "Brightwater Bowl", "Utilita Bowl"]


def test_malls_airports_and_bridges_are_venues():
    text = "Fans met at Cielo Vista Mall, flew from Dulles International Airport and crossed the Tamar Bridge."
    assert [(e.text, e.label) for e in with_headed_names(text, [])] == [
        ("Cielo Vista Mall", "FAC"),
        ("Dulles International Airport", "FAC"),
        ("Tamar Bridge", "FAC"),
    ]


def test_events_named_by_their_head_word_with_a_sponsor_or_a_listed_body_in_them(analyzer):
    text = (
        "Golf\n\nThe insurer's logo will appear at the Hero Dubai Desert Classic and the DP World Tour "
        "Championship. Tickets for the MLS Cup final went on sale, and Somerset begin their County Championship "
        "defence in April."
    )
    assert orgs(analyzer, text, "EVENT") == [
        "Hero Dubai Desert Classic",
        "DP World Tour Championship",
        "MLS Cup",
        "County Championship",
    ]


def test_a_town_named_like_a_park_and_a_head_word_before_a_name_stay_as_they_are():
    text = "Seaside Park voted on Monday. Stadium Australia is full."
    town = Entity(0, 12, "Seaside Park", "GPE", "Seaside Park")
    venue = Entity(30, 47, "Stadium Australia", "FAC", "Stadium Australia")
    assert with_headed_names(text, [town, venue]) == [town, venue]


def test_companies_and_leagues_named_by_their_last_word(analyzer):
    text = (
        "Kit deal\n\nThe club's kits for the 2026-27 Scottish Premiership season will carry the logo of "
        "Hartwell Foods, and the Gallagher Premiership side signed Brightline Energy as its official "
        "insurance partner."
    )
    found = orgs(analyzer, text)
    assert {"Scottish Premiership", "Hartwell Foods", "Gallagher Premiership", "Brightline Energy"} <= set(found)


def test_a_company_word_before_another_name_word_or_of_is_no_head():
    text = "Its Official Insurance Partner visited the Capital of the Surf."
    assert with_headed_names(text, []) == []


def test_an_event_with_its_sponsor_before_it_or_its_place_after_of(analyzer):
    text = (
        "Golf deal\n\nThe insurer's logo will appear at the BMW PGA Championship at Wentworth, and it has "
        "sponsored the Zurich Classic of New Orleans since 2005."
    )
    assert orgs(analyzer, text, "EVENT") == ["BMW PGA Championship", "Zurich Classic of New Orleans"]


def test_contests_derbies_and_opens_are_events(analyzer):
    text = "Sponsors\n\nThe broadcaster will show the Eurovision Song Contest, the Qatar Open and the Merseyside Derby."
    assert orgs(analyzer, text, "EVENT") == ["Eurovision Song Contest", "Qatar Open", "Merseyside Derby"]


def test_a_kind_of_event_is_no_events_name():
    assert with_headed_names("He won his first Grand Prix in May.", []) == []


def test_a_listed_venue_written_with_its_head_word_is_that_venue_in_full(analyzer):
    text = "Bid\n\nThe inspectors toured Real Madrid's Santiago Bernabéu Stadium on Tuesday."
    _, analysis = analyze_text(analyzer, text)
    venues = [(e.text, e.canonical) for e in analysis.in_part(BODY).entities if e.label == "FAC"]
    assert venues == [("Santiago Bernabéu Stadium", "Santiago Bernabéu")]


def test_a_newspaper_keeps_its_capital_the(analyzer):
    text = "Leak\n\nThe striker told The Guardian he would stay, and The New York Times reported the fee."
    assert orgs(analyzer, text) == ["The Guardian", "The New York Times"]


def test_a_newspapers_name_before_another_name_word_or_the_sun_rising_is_no_newspaper():
    assert with_newspapers("He spoke to The Times Square crowd. The Sun rose.", []) == []


def test_parliaments_parties_and_the_white_house_are_organisations(analyzer):
    text = (
        "Stadium vote\n\nRaj Malhotra, who leads the Liberal Democrat group, said the White House had not "
        "called. The Scottish Conservatives and Scottish Labour backed the bill in the Scottish Parliament."
    )
    assert orgs(analyzer, text) == [
        "Liberal Democrat",
        "White House",
        "Scottish Conservatives",
        "Scottish Labour",
        "Scottish Parliament",
    ]


def test_the_eu_and_the_un_are_organisations(analyzer):
    text = "Report\n\nThe EU criticised the plan, and the UN said it would send observers."
    _, analysis = analyze_text(analyzer, text)
    found = [(e.text, e.label, e.canonical) for e in analysis.in_part(BODY).entities]
    assert found == [("EU", "ORG", "European Union"), ("UN", "ORG", "United Nations")]


def test_a_common_word_spacy_took_for_an_organisation_is_no_name_but_an_acronym_is(analyzer):
    text = (
        "Talks\n\nSecretary of State John Kerry said the state would help. Millions marched, and millions "
        "watched. The WHO said who could attend."
    )
    _, analysis = analyze_text(analyzer, text)
    found = {e.text for e in analysis.in_part(BODY).entities if e.label == "ORG"}
    assert "State" not in found and "Millions" not in found
    assert "WHO" in found


def test_a_storm_is_an_event():
    text = "Hurricane Sandy hit the coast a year after Hurricane Irene, and Storm Ciarán closed the ground."
    assert [(e.text, e.label) for e in with_headed_names(text, [])] == [
        ("Hurricane Sandy", "EVENT"),
        ("Hurricane Irene", "EVENT"),
        ("Storm Ciarán", "EVENT"),
    ]


def test_a_team_named_team_first_is_one_organisation_also_over_its_sponsor(analyzer):
    text = "Cycling\n\nPatrick Vauquelin of Team TotalEnergies said Team Sky had the bigger budget."
    assert orgs(analyzer, text) == ["Team TotalEnergies", "Team Sky"]


def test_team_before_a_role_is_no_team():
    assert with_headed_names("Team Manager John Smith said. Team bosses met.", []) == []
