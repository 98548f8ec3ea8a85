"""One person, one label, decided by the evidence of the whole article: a person's name is not a company's
because a company is named beside it ('Tomas Reyes-Whitford, the bank's head of marketing'), nor because a
spokesman works for the person ('Hallorann spokeswoman Ines Varga')."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import assert_one_person, labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    ("text", "name", "full"),
    [
        (
            'Sponsor\n\n"We bought the clubhouse," says Marisol Quenby-Hart, the firm\'s head of brand. '
            '"That is where our customers are."\n\nQuenby-Hart, who joined in 2024, says the deal runs to 2030.',
            "Marisol Quenby-Hart",
            "Marisol Quenby-Hart",
        ),
        (
            "Rugby league\n\n``We looked at the numbers,'' said Dermot Ashby-Kerr, the bank's group executive for "
            "retail. The bank's logo goes on the shirt sleeve next season.",
            "Dermot Ashby-Kerr",
            "Dermot Ashby-Kerr",
        ),
        (
            "Deal\n\nOrla Tennant, the insurer's marketing director, signed the deal at the ground on Monday.",
            "Orla Tennant",
            "Orla Tennant",
        ),
        (  # a post at a company after the name: 'a director at the research firm'
            'E-Prix\n\n"Title deals for single races are the fastest-growing category we track," said Imogen '
            "Threlkeld, a director at the research firm. The race drew 14 million viewers.",
            "Imogen Threlkeld",
            "Imogen Threlkeld",
        ),
        (
            "Shirt deal\n\nThe fee is a record, according to Dorian Pellew, an analyst with the London broker "
            "network, who expects other clubs to follow.",
            "Dorian Pellew",
            "Dorian Pellew",
        ),
    ],
)
def test_a_person_beside_a_companys_possessive_is_the_person(analyzer, text, name, full):
    assert labels_written(analyzer, text, name) == [("PERSON", full)]


def test_a_company_in_apposition_stays_a_company(analyzer):
    text = "Deal\n\nThe shirt will carry Velmora, the Danish insurer, from July. Velmora paid a record fee."
    assert {label for label, _ in labels_written(analyzer, text, "Velmora")} == {"ORG"}


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "Campaign\n\nThe former president Henri Marchetti pledged the money in 2007, the site said.\n\n"
            "Marchetti, who gained power in that election, denied it.\n\nMarchetti spokeswoman Claire Dubois "
            "called the claims false. She said Marchetti's campaign was vetted. Marchetti himself said the story "
            "was grotesque.",
            "Marchetti",
            "Henri Marchetti",
        ),
    ],
)
def test_a_persons_spokesman_leaves_the_person_a_person(analyzer, text, surname, full):
    assert set(labels_written(analyzer, text, surname)) == {("PERSON", full)}


def test_a_company_spokesman_still_makes_a_company(analyzer):
    text = (
        "Kit\n\nThe club signed a kit deal with Harlund on Monday. Harlund spokesman Piet Vos said the brand "
        "would design the shirts. Harlund makes boots."
    )
    assert {label for label, _ in labels_written(analyzer, text, "Harlund")} == {"ORG"}


@pytest.mark.parametrize(
    ("text", "name", "surname"),
    [
        (
            "Fight night\n\nThe boxer Tyrell Osei-Grant will fight in Cardiff in May, his promoter said. "
            "Osei-Grant, who is unbeaten, trained on Monday.",
            "Tyrell Osei-Grant",
            "Osei-Grant",
        ),
        (
            "Serie A\n\nUdinese beat Lecce 2-0 on Saturday with goals from Keiran Adeyemi-Marsh and the Danish "
            'midfielder Jesper Holm.\n\n"Today we played for the city," Adeyemi-Marsh told DAZN. "Shirt or no '
            'shirt."',
            "Keiran Adeyemi-Marsh",
            "Adeyemi-Marsh",
        ),
        (  # a basketball player's position before the name, where spaCy tagged nothing
            "Cavaliers edge Celtics\n\nThe Cavaliers beat the Celtics 112-109 on Monday night.\n\nGuard Darnell "
            'Pike scored 31 points, including the go-ahead 3-pointer with 14 seconds left. "I had to shoot it," Pike '
            "said.",
            "Darnell Pike",
            "Pike",
        ),
        (
            "Cavaliers edge Celtics\n\nThe Cavaliers beat the Celtics 112-109.\n\nGuard Tyrese Banks scored 24 "
            "points and forward Keon Pruett added 12. Banks hit two free throws late.",
            "Tyrese Banks",
            "Banks",
        ),
        (
            "Interview\n\nThe president also told NBC's Lester Hale that the inquiry would go on.\n\n"
            "In his interview with Hale, the president said the inquiry was a hoax.",
            "Lester Hale",
            "Hale",
        ),
    ],
)
def test_a_name_the_article_shows_to_be_a_person_is_one_in_every_mention(analyzer, text, name, surname):
    assert_one_person(analyzer, text, name, surname)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Bank deal\n\nHarlow Stanton said on Monday it would sponsor the league. Harlow Stanton, the "
            "insurer, paid a record fee, Stanton said.",
            "Harlow Stanton",
        ),
        (
            "Kit\n\nThe shirts are made by Brannock Mills, the kit maker. Brannock Mills said sales doubled.",
            "Brannock Mills",
        ),
    ],
)
def test_a_company_named_like_a_person_stays_a_company(analyzer, text, name):
    assert "PERSON" not in {label for label, _ in labels_written(analyzer, text, name)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'Stadium\n\nFans still use the old name. "I call it home. That\'s the only name that matters," '
            "quarterback C.J. Banks-Whitmore told reporters after practice.",
            "C.J. Banks-Whitmore",
        ),
        (
            "Signing\n\nLinebacker T.J. Oduya-Marsh, 26, signed a two-year deal with the Bears on Monday.",
            "T.J. Oduya-Marsh",
        ),
    ],
)
def test_a_name_with_initials_the_article_shows_to_be_a_person_is_one(analyzer, text, name):
    assert labels_written(analyzer, text, name) == [("PERSON", name)]


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "La Liga\n\nCoach Raúl Valencia praised his players. Valencia said the win over Sevilla was deserved.",
            "Valencia",
            "Raúl Valencia",
        ),
        ('Serie A\n\nDefender Luca Parma signed a new deal. "I am happy here," said Parma.', "Parma", "Luca Parma"),
        (
            "Transfer\n\nFull-back Kyle Everton, 24, joined in May. Everton, who grew up in Leeds, said he was ready.",
            "Everton",
            "Kyle Everton",
        ),
    ],
)
def test_a_persons_surname_that_is_a_clubs_name_is_the_person_where_it_reads_as_one(analyzer, text, surname, full):
    assert labels_written(analyzer, text, surname) == [("PERSON", full)]


def test_the_club_of_a_persons_surname_stays_the_club_where_it_plays(analyzer):
    text = "La Liga\n\nCoach Raúl Valencia praised his players after they beat Valencia 2-1 on Sunday."
    assert {label for label, _ in labels_written(analyzer, text, "Valencia")} == {"ORG"}


@pytest.mark.parametrize(
    ("text", "name", "surname"),
    [
        (
            "Tickets\n\nTickets were handed out by Lindiwe Mokoena-Hart. Mokoena-Hart, the club secretary, said "
            "demand was high.",
            "Lindiwe Mokoena-Hart",
            "Mokoena-Hart",
        ),
    ],
)
def test_a_role_in_apposition_after_a_surname_shows_a_person(analyzer, text, name, surname):
    assert_one_person(analyzer, text, name, surname)


def test_a_persons_surname_that_names_a_town_with_its_state_is_the_town(analyzer):
    text = (
        "Shooting\n\nPolice chief Greg Allen said the suspect was 21. Officials named him as Patrick Cole of Allen, "
        "Texas, near Dallas. Allen said the inquiry would take weeks."
    )
    assert labels_written(analyzer, text, "Allen") == [("GPE", "Allen"), ("PERSON", "Greg Allen")]
