"""People the press names by surname alone because its readers know them ('Obama said', 'a header from Puyol'):
the well-known person of the built-in list (resources/gazetteer/people.csv), unless the article names someone
else with that surname in full (the namesake wins), two listed people share it, or the article uses the word
for something else (a club, a place, a common word)."""

from __future__ import annotations

import pytest

from reader.core.analysis.famous import known_surnames
from tests.core.analysis_fixtures import labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    ("text", "name", "full"),
    [
        (
            "Summit\n\nThe president flew in on Tuesday. Obama told reporters the talks had gone well, and "
            "Obama later thanked the host city.",
            "Obama",
            "Barack Obama",
        ),
        (
            "Cup tie\n\nBarcelona went ahead when Puyol headed in a corner. Puyol, the captain, was booked late on.",
            "Puyol",
            "Carles Puyol",
        ),
        (
            "Vote\n\nThe bill passed the House on Friday, and Republicans cheered when Boehner said the vote "
            "showed the party was united.",
            "Boehner",
            "John Boehner",
        ),
        (
            "Report\n\nThe Pentagon report reached the White House on Friday. Bush told aides he wanted the "
            "trailers replaced.",
            "Bush",
            "George W. Bush",
        ),
        (
            "Final\n\nThe Swiss needed four sets to win the title. Federer said afterwards that his back had held up.",
            "Federer",
            "Roger Federer",
        ),
    ],
)
def test_a_well_known_surname_alone_is_the_listed_person(analyzer, text, name, full):
    written = labels_written(analyzer, text, name)
    assert written and set(written) == {("PERSON", full)}


@pytest.mark.parametrize(
    ("text", "name", "full"),
    [
        (
            "Visit\n\nMichelle Obama opened the new gym on Monday. Obama said she hoped children would use "
            "it every day.",
            "Obama",
            "Michelle Obama",
        ),
        (
            "Local football\n\nTom Federer, a referee from Leeds, took charge of the final. Federer said he "
            "had never seen a crowd like it.",
            "Federer",
            "Tom Federer",
        ),
        (
            "Relay\n\nKaren Bolt anchored the county team. Bolt crossed the line first, and Bolt's coach was "
            "delighted.",
            "Bolt",
            "Karen Bolt",
        ),
    ],
)
def test_a_namesake_named_in_full_keeps_the_surname(analyzer, text, name, full):
    assert {canonical for _, canonical in labels_written(analyzer, text, name)} == {full}


def test_a_surname_two_listed_people_share_stays_as_written(analyzer):
    text = "Grand Prix\n\nSchumacher took pole position in the wet. Schumacher said the car had been perfect."
    assert {canonical for _, canonical in labels_written(analyzer, text, "Schumacher")} <= {"Schumacher"}
    assert "Schumacher" not in known_surnames()


def test_a_county_the_article_shows_playing_is_not_the_politician(analyzer):
    text = (
        "Football final\n\nKerry beat Mayo by three points at Croke Park. Kerry will meet Dublin in the "
        "league next spring."
    )
    assert all(canonical != "John Kerry" for _, canonical in labels_written(analyzer, text, "Kerry"))


def test_a_surname_the_article_also_writes_as_a_word_is_not_the_listed_person(analyzer):
    text = (
        "Storm\n\nThe stands were hit by a bolt of lightning before kick-off. Bolt, the groundsman, said "
        "nobody was hurt."
    )
    assert all(canonical != "Usain Bolt" for _, canonical in labels_written(analyzer, text, "Bolt"))


def test_the_list_gives_each_unshared_surname_one_person():
    known = known_surnames()
    assert known["Puyol"] == "Carles Puyol"
    assert known["Mbappé"] == "Kylian Mbappé"
    assert known["Mbappe"] == "Kylian Mbappe"  # written without its accent: the name as the article spells it
    assert "Williams" not in known and "Johnson" not in known  # several listed people
    assert "May" not in known  # a listed surname that is a common word is not an alias


def test_a_listed_name_written_family_name_first_is_the_listed_person(analyzer):
    text = (
        "Pool\n\nJapan's Kitajima Kosuke touched first in the breaststroke final. Kitajima Kosuke said the "
        "crowd had carried him."
    )
    assert set(labels_written(analyzer, text, "Kitajima Kosuke")) == {("PERSON", "Kosuke Kitajima")}


def test_a_name_the_article_writes_both_ways_round_is_one_person(analyzer):
    text = (
        "Judo\n\nHaruto Sakamaki won the final by ippon. Coaches praised Haruto Sakamaki's footwork, and "
        "Sakamaki Haruto said he would rest before the world championships."
    )
    assert {canonical for _, canonical in labels_written(analyzer, text, "Sakamaki Haruto")} == {"Haruto Sakamaki"}


def test_a_listed_persons_other_spelling_is_the_person_the_article_names_in_full(analyzer):
    text = (
        "Libya\n\nMuammar Gaddafi's government rejected the plan on Monday. Rebels said shelling by Qaddafi "
        "forces had gone on all night."
    )
    assert labels_written(analyzer, text, "Qaddafi") == [("PERSON", "Muammar Gaddafi")]


def test_a_listed_surname_spacy_left_out_is_the_person_too(analyzer):
    text = (
        "Report\n\nOn May 27, President Bush said the trailers were weapons labs. The Bush administration "
        "later dropped the claim, and the report that Bush cited was never evaluated."
    )
    assert labels_written(analyzer, text, "Bush") == [("PERSON", "George W. Bush")] * 3


def test_a_listed_persons_surname_alone_after_the_full_name_is_the_person(analyzer):
    text = (
        "Libya\n\nMuammar Gaddafi rejected the plan on Monday. \"I don't think they only have arms from the "
        'Gaddafi army. Some help arrived," the minister said.'
    )
    assert labels_written(analyzer, text, "Gaddafi") == [("PERSON", "Muammar Gaddafi")]


@pytest.mark.parametrize(
    ("text", "name", "full"),
    [
        (
            "Vote\n\nThe bill passed the House on Friday. Speaker Boehner said the vote showed the party was united.",
            "Boehner",
            "John Boehner",
        ),
        (
            "Referendum\n\nThe count ended at Dublin Castle. Taoiseach Varadkar said the country had spoken.",
            "Varadkar",
            "Leo Varadkar",
        ),
    ],
)
def test_an_office_before_a_surname_is_no_part_of_the_name(analyzer, text, name, full):
    assert labels_written(analyzer, text, name) == [("PERSON", full)]


@pytest.mark.parametrize(
    ("text", "name", "full"),
    [
        (
            "Chelsea and Arsenal draw\n\nChelsea started brightly. Arsenal replied through Adebayor, whose header "
            "was cleared by Makelele. Senderos was booked before half-time, and Baptista went close from a free kick.",
            "Adebayor",
            "Adebayor",
        ),
        (
            "Chelsea and Arsenal draw\n\nChelsea started brightly, and Drogba forced a save in the fourth minute. "
            "Senderos was booked for a foul on Drogba before half-time.",
            "Drogba",
            "Didier Drogba",
        ),
        (
            "Cup final\n\nChelsea brought on Arjen Robben at the expense of Makelele after the break, and the "
            "winger scored the second goal ten minutes later.",
            "Arjen Robben",
            "Arjen Robben",
        ),
    ],
)
def test_a_footballers_surname_in_match_copy_is_the_player(analyzer, text, name, full):
    assert set(labels_written(analyzer, text, name)) == {("PERSON", full)}


def test_a_footballers_surname_outside_match_copy_is_left_to_the_tagger(analyzer):
    text = "Bank results\n\nSenderos, the Swiss lender, reported higher profits on Tuesday."
    assert ("PERSON", "Senderos") not in labels_written(analyzer, text, "Senderos")
