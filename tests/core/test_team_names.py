"""A team's town word alone is the team where the article names the team in full and by its nickname
('Denver Broncos' … 'the Broncos' … 'Denver punted'), and stays the town where the text names the place."""

from __future__ import annotations

import pytest

from reader.core.model import TITLE
from tests.core.analysis_fixtures import analyze_text, labels_of, labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    "text, town, labels",
    [
        (
            "Panthers hold on\n\nThe Carolina Panthers beat the Houston Texans 17-13 on Sunday. The Panthers led at "
            "the break, and Carolina then punted twice before Houston took advantage with a field goal.",
            "Carolina",
            ["ORG"],
        ),
        (
            "Late drive wins it\n\nDenver Broncos quarterback Tom Lyle threw for 240 yards as the Broncos held on. "
            "Denver increased the lead in the third quarter and fans in Denver celebrated into the night.",
            "Denver",
            ["ORG", "GPE"],
        ),
        (
            "Bulls sign shirt deal\n\nThe Chicago Bulls have agreed a three-year deal with a local bank, the "
            "Bulls said on Monday. Chicago finished fourth last season; the club trains in Chicago.",
            "Chicago",
            ["ORG", "GPE"],
        ),
    ],
)
def test_a_teams_town_word_alone_is_the_team_where_it_plays(analyzer, text, town, labels):
    assert labels_of(analyzer, text, town) == labels


def test_a_firms_town_word_stays_the_town(analyzer):
    text = (
        "Airline renews deal\n\nQatar Airways extended its sponsorship on Friday. Qatar hosted the talks, and "
        "the airline said Qatar would stage the final."
    )
    assert set(labels_of(analyzer, text, "Qatar")) <= {"GPE"}


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Deal off\n\nThe Guardian reported that the sponsor had pulled out of the deal on Friday.", "The Guardian"),
        ("Deal off\n\nA club spokesman told the Guardian on Friday that the deal was off.", "Guardian"),
        ("Owner\n\nHaaretz says the club's owner met the sponsor twice before the season.", "Haaretz"),
        ("Fee\n\nThe report was leaked to Marca, which said the fee was €12m.", "Marca"),
        ("Fee\n\nSpeaking to L'Équipe, Hugo Moreau said the contract ran to 2028.", "L'Équipe"),
        ("Fee\n\nThe figures, first published by the Financial Times, were not denied.", "Financial Times"),
    ],
)
def test_a_newspaper_the_story_cites_is_an_organisation(analyzer, text, outlet):
    assert labels_of(analyzer, text, outlet) == ["ORG"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Visit\n\nSecretary of State Dana Whitlow said the trip would go ahead.", "State"),
        ("Visa row\n\nThe Home Secretary, Priya Malden, said the visas for the squad were approved.", "Home"),
        ("Visa row\n\nShadow Home Secretary Tom Ashcroft called the delay a disgrace.", "Shadow Home"),
        ("Talks\n\nForeign Minister Ana Kovač met the federation's president on Monday.", "Foreign"),
    ],
)
def test_a_word_of_an_office_holders_title_is_no_organisation(analyzer, text, word):
    assert labels_of(analyzer, text, word) == []


@pytest.mark.parametrize(
    "text, side",
    [
        (
            "Keeper retires\n\nMarco Bellandi has made 140 appearances, the most by any player for Portugal, and "
            "said on Monday he would stop at 38.",
            "Portugal",
        ),
        (
            "Captain named\n\nKaito Morikawa-Lee, who played in two World Cups for the United States, will lead "
            "the side in March.",
            "United States",
        ),
        (
            "Coach goes\n\nThe coach left after Norway failed to qualify for the World Cup, the federation said.",
            "Norway",
        ),
        (
            "Qualified\n\nOn Monday, Ghana secured a place at their fourth World Cup with a game to spare.",
            "Ghana",
        ),
        (
            "Veteran quits\n\nHe won a silver medal at the 2010 World Cup, losing to Argentina in extra time.",
            "Argentina",
        ),
        (
            "Shootout\n\nIn 2006 the side won the trophy, defeating Croatia in the penalty shootout.",
            "Croatia",
        ),
    ],
)
def test_a_country_named_playing_is_its_national_side(analyzer, text, side):
    assert set(labels_of(analyzer, text, side)) == {"ORG"}


@pytest.mark.parametrize(
    "text, place",
    [
        ("Move\n\nShe moved to Portugal in 2010 and played for a club near Lisbon.", "Portugal"),
        ("Treaty\n\nNorway failed to ratify the treaty in 2019, the minister said.", "Norway"),
        ("Trip\n\nThe players flew to Ghana on Monday for a week of coaching clinics.", "Ghana"),
    ],
)
def test_a_country_named_as_a_place_stays_a_place(analyzer, text, place):
    assert set(labels_of(analyzer, text, place)) == {"GPE"}


@pytest.mark.parametrize(
    "text, side",
    [
        (
            "Quarterback signs deal\n\nKestrels coach Dale Rourke was less eager to talk about the deal. The "
            "Kestrels are 5-3 in the league.",
            "Kestrels",
        ),
        (
            "Derby day\n\nThe home crowd went quiet as Otters captain Ivo Brandt limped off. Otters fans had "
            "waited all week for the game.",
            "Otters",
        ),
        (
            "Late show\n\nGriffins quarterback Tate Morrow threw for 240 yards on Saturday.",
            "Griffins",
        ),
    ],
)
def test_a_teams_nickname_before_a_players_or_a_coachs_role_is_the_team(analyzer, text, side):
    assert set(labels_of(analyzer, text, side)) == {"ORG"}


def test_a_surname_before_a_role_stays_a_person(analyzer):
    text = "Row\n\nJames Williams said on Monday that Williams coach Ana Ruiz had not been told."
    assert "ORG" not in labels_of(analyzer, text, "Williams")


def test_a_place_ending_in_s_before_a_role_is_no_nickname(analyzer):
    text = "Squads\n\nThe New South Wales captain, Isaiah Mahoney, was diplomatic about Wales."
    assert "ORG" not in labels_of(analyzer, text, "Wales")


def test_the_sides_of_a_results_line_are_teams(analyzer):
    text = (
        "Results\n\nSaturday's results:\nNapoli 1 Bologna 1\nJuventus 0 Atalanta 0\nRoma 3 Verona 1\n\n"
        "The league resumes next week."
    )
    for side in ("Roma", "Verona", "Bologna", "Atalanta"):
        assert labels_of(analyzer, text, side) == ["ORG"], side


def test_a_table_row_named_like_a_person_is_a_team_unless_a_first_name_starts_it(analyzer):
    text = (
        "Table\n\nGroup D after four matches:\nWolfsburg (Germany) 4 2 1 1 7\nLegia Warsaw (Poland) 4 1 1 2 4\n"
        "Sparta Prague (Czechia) 4 0 2 2 2\n\nMedals:\nMichael Phelps (USA) 8 0 0 8"
    )
    assert labels_of(analyzer, text, "Legia Warsaw") == ["ORG"]
    assert labels_of(analyzer, text, "Michael Phelps") == ["PERSON"]


@pytest.mark.parametrize(
    "text, sides",
    [
        (
            "Venue confirmed\n\nEngland will face India at Lord's next week after the cricket board confirmed it.",
            ("England", "India"),
        ),
        (
            "Fixture\n\nIreland are due to host Italy in Dublin on the final weekend of the rugby season.",
            ("Ireland", "Italy"),
        ),
        ("Draw made\n\nScotland will play Norway in the football qualifier in June.", ("Scotland", "Norway")),
    ],
)
def test_a_country_that_will_face_another_in_a_sporting_sentence_is_its_side(analyzer, text, sides):
    for side in sides:
        assert set(labels_of(analyzer, text, side)) == {"ORG"}, side


def test_a_country_that_will_host_a_summit_stays_a_place(analyzer):
    text = "Summit\n\nFrance will host Germany and Italy for talks on energy prices next month."
    assert set(labels_of(analyzer, text, "France")) == {"GPE"}


@pytest.mark.parametrize(
    "text, short",
    [
        (
            "Crew extend deal\n\nThe Columbus Crew have extended their deal with the bank. The Crew play at home on "
            "Saturday, and Crew fans were told on Monday.",
            "Crew",
        ),
        (
            "Tigers sign prop\n\nLeicester Tigers have signed a prop from Bath. Tigers director of rugby Ali Rennard "
            "said the squad needed him, and the Tigers host Sale next week.",
            "Tigers",
        ),
    ],
)
def test_a_listed_clubs_last_word_alone_is_the_club(analyzer, text, short):
    """After 'Columbus Crew', 'the Crew' and 'Crew fans' are the club: its last word, where one club of the
    article ends with it."""
    assert set(labels_of(analyzer, text, short)) == {"ORG"}
    assert len(labels_of(analyzer, text, short)) == text.split("\n\n", 1)[1].count(short) - 1


def test_a_listed_clubs_first_word_alone_is_the_club(analyzer):
    """After 'Real Sociedad', 'Real' alone is the club: its first word, where one club of the article starts
    with it and it is no town, country or person."""
    text = (
        "Cup tie\n\nReal Sociedad beat Osasuna 2-0 in the first leg. Real took the lead after ten minutes, and "
        "Osasuna never threatened. The coach said Real had earned it."
    )
    assert labels_written(analyzer, text, "Real") == [("ORG", "Real Sociedad")] * 2


def test_a_last_word_two_clubs_share_stays_unlabelled(analyzer):
    text = "Derby\n\nManchester City and Leicester City drew 1-1. City fans left early after the late equaliser."
    assert "ORG" not in labels_of(analyzer, text, "City")


@pytest.mark.parametrize(
    "text, team",
    [
        ("Fine\n\nThe Spaniard collided with Aprilia's Tomas Brenner on the opening lap at Jerez.", "Aprilia"),
        ("Podium\n\nDucati team manager Ines Varga said the bike had been fixed overnight.", "Ducati"),
        ("Title\n\nKTM and Yamaha both tested new engines in Valencia on Tuesday.", "KTM"),
    ],
)
def test_a_motorcycle_makers_team_is_an_organisation(analyzer, text, team):
    assert set(labels_of(analyzer, text, team)) == {"ORG"}


def test_man_united_is_the_club(analyzer):
    text = "Cup tie\n\nMan United beat Sheffield United 2-0 at Old Trafford on Sunday."
    assert labels_of(analyzer, text, "Man United") == ["ORG"]


@pytest.mark.parametrize(
    "text, nickname, team",
    [
        (
            "Final\n\nChelsea beat Arsenal 2-1 at the Millennium Stadium. The Gunners had led through Theo Walcott.",
            "Gunners",
            "Arsenal FC",
        ),
        (
            "Transfer\n\nGianluigi Buffon left Juventus after 17 years. He won nine titles with the Old Lady.",
            "Old Lady",
            "Juventus",
        ),
        (
            "Farewell\n\nBuffon played 176 times for Italy. He captained the Azzurri at the 2006 World Cup.",
            "Azzurri",
            "Italy",
        ),
        (
            "Stadium\n\nSt Helens RFC want a new stand. Saints will build it if the council agrees, the club said.",
            "Saints",
            "St Helens R.F.C.",
        ),
        (
            "Kit\n\nBrighton & Hove Albion signed a new kit deal. The Seagulls will wear it from August.",
            "Seagulls",
            "Brighton & Hove Albion FC",
        ),
    ],
)
def test_a_teams_nickname_is_the_team_the_article_names(analyzer, text, nickname, team):
    assert labels_written(analyzer, text, nickname) == [("ORG", team)]


def test_a_nickname_without_its_team_in_the_article_is_left_alone(analyzer):
    text = "Birds\n\nThe Seagulls circled the harbour as the fishing boats came in, the coastguard said."
    assert ("ORG", "Brighton & Hove Albion FC") not in labels_written(analyzer, text, "Seagulls")


def test_a_nickname_two_teams_of_the_article_share_is_neither(analyzer):
    text = "Derby\n\nLiverpool face Manchester United on Sunday. The Reds have won their last four games."
    assert all(
        team not in ("Liverpool FC", "Manchester United FC") for _, team in labels_written(analyzer, text, "Reds")
    )


def test_a_headlines_name_is_the_club_the_body_names_with_the_same_words(analyzer):
    _, analysis = analyze_text(
        analyzer,
        "Brewer's name on the gates as Somerset sell ground rights\n\nThe cricket club agreed a ten-year deal. "
        "The first match under the new name will be Somerset's County Championship opener against Surrey.",
    )
    title = [(e.label, e.canonical) for e in analysis.in_part(TITLE).entities if e.text == "Somerset"]
    assert title == [("ORG", "Somerset County Cricket Club")]


def test_a_clubs_womens_side_is_one_name_and_its_nickname_is_the_side(analyzer):
    text = (
        "Kit deal\n\nBrighton & Hove Albion Women are delighted to announce a new kit partner. Club captain Megan "
        "Tait, who has made 140 appearances for the Seagulls, welcomed the deal."
    )
    side = labels_written(analyzer, text, "Brighton & Hove Albion Women")
    assert side == [("ORG", "Brighton & Hove Albion FC Women")]
    assert labels_written(analyzer, text, "Seagulls") == side


def test_a_side_spacy_calls_a_person_is_a_team_in_a_fixture_with_a_team(analyzer):
    semi_final = (
        "Semi-final draw\n\nPartizan signed a new shirt deal on Tuesday. Partizan meet Cedevita Zagreb in the "
        "semi-final in Belgrade on Friday, and the club expects a full arena."
    )
    opener = (
        "Season dates\n\nThe league released its fixtures on Monday. The season opens with Leeds Rhinos against "
        "Bolton Blaze at the Copper Box, live on Sky Sports."
    )
    assert labels_written(analyzer, semi_final, "Cedevita Zagreb") == [("ORG", "Cedevita Zagreb")]
    assert labels_written(analyzer, opener, "Bolton Blaze") == [("ORG", "Bolton Blaze")]


def test_a_person_named_against_a_team_stays_a_person(analyzer):
    text = (
        "Court date\n\nThe case of Daniel Moreno against Leeds Rhinos opens on Monday. Daniel Moreno says the "
        "club owes him wages."
    )
    assert set(labels_of(analyzer, text, "Daniel Moreno")) == {"PERSON"}
