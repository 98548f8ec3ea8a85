"""One name, one person: a lone name the article calls a person by trade ('Estonian singer Kadrila', 'striker
Valdemiro') is a person in every mention of it, whatever spaCy called it; a company after a sponsor's role
('partner Kestrava') stays a company."""

from __future__ import annotations

import pytest

from reader.core.analysis.fullnames import role_named
from reader.core.model import BODY
from tests.core.analysis_fixtures import analyze_text, assert_one_person, labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        ("Final\n\nLatvian singer Lirenna won the contest. Fans cheered Lirenna at the airport.", "Lirenna", 2),
        (
            "Show\n\nFashion designer Halvaston lived in the town. The museum remembers Halvaston fondly.",
            "Halvaston",
            2,
        ),
        (
            "Cup tie\n\nThe visitors leaned on striker Valdemiro, signed in January. Valdemiro scored twice and "
            "Valdemiro's second was the pick of the night.",
            "Valdemiro",
            3,
        ),
        (
            "Match report\n\nWinger Dorinho crossed for the opener. Goalkeeper Brekka saved well, but Dorinho "
            "struck again after the break.",
            "Dorinho",
            2,
        ),
    ],
)
def test_a_lone_name_the_article_calls_a_person_by_trade_is_a_person_throughout(analyzer, text, name, count):
    assert labels_written(analyzer, text, name) == [("PERSON", name)] * count


def test_a_company_after_a_sponsors_role_stays_a_company(analyzer):
    text = (
        "Deal\n\nThe kit deal with Umbrion runs to 2028. Umbrion said the sponsor Kestrava would stay. "
        "Partner Kestrava declined to comment."
    )
    assert {label for label, _ in labels_written(analyzer, text, "Kestrava")} == {"ORG"}
    assert {label for label, _ in labels_written(analyzer, text, "Umbrion")} == {"ORG"}


def test_a_host_nation_after_a_role_word_stays_a_place(analyzer):
    text = "Draw\n\nThe draw put host Qatar in the first group. Qatar will open the tournament in Doha."
    assert {label for label, _ in labels_written(analyzer, text, "Qatar")} <= {"GPE", "ORG"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Report\n\nVisitors started with Tavinho and Relka up front. Tavinho's long range shot was saved, and "
            "a pass from Relka set up the first goal. Moments later Tavinho hit the post.",
            {"Tavinho": 3, "Relka": 2},
        ),
        (
            "Report\n\nThe hosts were lively early on. Bellanti then exchanged passes with Ferrão before "
            "Ferrão's header hit the bar.",
            {"Ferrão": 2},
        ),
        (
            "Report\n\nJuventus stayed top. A header from Torvane in the 80th minute won it for the visitors, "
            "and Torvane was later booked.",
            {"Torvane": 2},
        ),
    ],
)
def test_a_lone_name_the_article_shows_as_a_player_is_a_person_throughout(analyzer, text, names):
    for name, count in names.items():
        assert labels_written(analyzer, text, name) == [("PERSON", name)] * count


def test_a_town_named_for_its_side_in_the_run_of_play_is_no_person(analyzer):
    text = (
        "Report\n\nDenver's pass rush was relentless. Carolina's defence held until the third quarter. "
        "Denver's shot at a title came at last, a header from Denver in spirit."
    )
    assert "PERSON" not in {label for label, _ in labels_written(analyzer, text, "Denver")}


def test_a_person_written_in_capitals_is_the_person_the_article_names(analyzer):
    text = (
        "Transcript: league names partner\n\nOn the panel were Orla Brennick, chief executive, and Simon Latchford "
        'of the sponsor.\n\nORLA BRENNICK: "We are delighted."\n\nSIMON LATCHFORD: "So are we."\n\n'
        'LATCHFORD: "It is a long deal." The NEW DEAL starts in May.'
    )
    _, analysis = analyze_text(analyzer, text)
    people = {(e.text, e.label, e.canonical) for e in analysis.in_part(BODY).entities if e.text.isupper()}
    assert ("ORLA BRENNICK", "PERSON", "Orla Brennick") in people
    assert ("SIMON LATCHFORD", "PERSON", "Simon Latchford") in people
    assert ("LATCHFORD", "PERSON", "Simon Latchford") in people
    assert not [p for p in people if p[0] == "NEW DEAL" and p[1] == "PERSON"]


@pytest.mark.parametrize(
    ("text", "first", "full"),
    [
        (
            "Ban cut\n\nThe court cut the ban of Kenyan sprinter Wanjiku Odhiambo to 20 months. The ministry "
            'welcomed it. "Wanjiku is an example to every young athlete," the minister said.',
            "Wanjiku",
            "Wanjiku Odhiambo",
        ),
        (
            "Shoes\n\nThe race in Boston was won by Josphat Kiprotich Langat in the new shoe. ''Josphat is the future,'' "
            "his coach said. ''I have seen it. But Josphat still needs rest.''",
            "Josphat",
            "Josphat Kiprotich Langat",
        ),
    ],
)
def test_a_first_name_alone_is_the_one_person_of_the_article_with_it(analyzer, text, first, full):
    assert set(labels_written(analyzer, text, first)) == {("PERSON", full)}


def test_a_first_name_that_is_also_a_word_or_a_place_is_not_taken_alone(analyzer):
    text = (
        "Sponsor\n\nGrace Mbeki signed with the bank. Fans showed grace under pressure. Jordan Pike joined her. "
        "The team flew to Jordan on Monday for the final."
    )
    assert labels_written(analyzer, text, "Jordan") == [("GPE", "Jordan")]
    assert labels_written(analyzer, text, "Grace") == []


def test_each_name_in_a_list_after_a_plural_trade_is_a_person(analyzer):
    text = (
        "Half-time show\n\nThe show reunited former performers Bruno Kestrel and Vaniqué. Afterwards, Vaniqué "
        "sang a new song."
    )
    assert set(labels_written(analyzer, text, "Vaniqué")) == {("PERSON", "Vaniqué")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Vote\n\nIreland regional lawmaker Órla Nic Biorna tweeted that the result was a disgrace.",
            "Órla Nic Biorna",
        ),
        ("Stadium\n\nSinn Féin's Seán Ó Dálaigh said the stadium deal was poor value for Dublin.", "Seán Ó Dálaigh"),
        (
            "Deal\n\nTelecom Éireann's Pádraig Ó Brádaigh signed the five-year shirt deal on Monday.",
            "Pádraig Ó Brádaigh",
        ),
    ],
)
def test_a_first_name_written_with_its_accents_starts_a_persons_name(analyzer, text, name):
    # 'Órla', 'Seán', 'Pádraig': the lists know 'Orla', 'Sean', 'Padraig'; spaCy calls the name an organisation
    assert labels_written(analyzer, text, name) == [("PERSON", name)]


@pytest.mark.parametrize(
    ("text", "canonicals"),
    [
        (
            "Tennis great Helga Sorensen dies at 81\n\nHelga Sorensen, the four-time champion and widow of coach Piet "
            "Sorensen, died on Sunday. Her death was confirmed by the federation. Sorensen had been ill for months.",
            ["Helga Sorensen"],
        ),
        (
            "Marta Quintero signs for Valencia\n\nMarta Quintero has joined Valencia on a two-year deal. Her father, "
            "Luis Quintero, played for the club in the 1990s.\n\nQuintero scored 14 goals last season.",
            ["Marta Quintero"],
        ),
        (  # named in the same sentence: the nearest one
            "Marta Quintero signs for Valencia\n\nMarta Quintero has joined Valencia. Her brother Pablo Quintero "
            "signed too, and Quintero will play in defence.",
            ["Pablo Quintero"],
        ),
    ],
)
def test_a_surname_relatives_share_is_the_person_the_headline_names(analyzer, text, canonicals):
    surname = canonicals[0].split()[-1]
    assert [c for label, c in labels_written(analyzer, text, surname)] == canonicals


@pytest.mark.parametrize(
    ("text", "typo", "name"),
    [
        (
            "Hearing\n\nActivist Füsun Demirel spoke outside the court on Monday. Demriel said the verdict was a relief.",
            "Demriel",
            "Füsun Demirel",
        ),
    ],
)
def test_a_surname_with_two_letters_swapped_is_the_person_spelled_right(analyzer, text, typo, name):
    assert labels_written(analyzer, text, typo) == [("PERSON", name)]


def test_names_two_swapped_letters_apart_are_one_edit_apart():
    from reader.core.analysis.names import edit_distance

    assert edit_distance("demirel", "demriel") == 1
    assert edit_distance("kitten", "sitting") == 3


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        (
            'Acquitted\n\nSociologist Pinar Selek was acquitted on Friday. "Pınar has resisted this for years," her '
            "lawyer said.",
            "Pınar",
            "Pinar Selek",
        ),
        (
            'Record\n\nThe sprinter Søren Dahl ran 9.98 seconds. "Soren has worked for this," his coach said.',
            "Soren",
            "Søren Dahl",
        ),
    ],
)
def test_a_first_name_spelled_with_other_letters_is_the_person_named_in_full(analyzer, text, short, name):
    assert labels_written(analyzer, text, short) == [("PERSON", name)]


@pytest.mark.parametrize(
    ("text", "forms", "full"),
    [
        (
            "Release\n\nTarek al-Mansouri was released from prison in Edinburgh on Thursday, officials said.\n\n"
            "The court freed Tarek Salim al-Mansouri after eight years. His lawyers said al-Mansouri was innocent "
            "and that al-Mansouri would appeal.",
            ("Tarek al-Mansouri", "Tarek Salim al-Mansouri", "al-Mansouri"),
            "Tarek Salim al-Mansouri",
        ),
        (
            "Cycling\n\nJuan Pablo Ortega Salcedo won the stage in Lugo. Juan Ortega Salcedo, 24, attacked on the "
            "last climb, and Ortega Salcedo said the heat helped him.",
            ("Juan Ortega Salcedo", "Ortega Salcedo"),
            "Juan Pablo Ortega Salcedo",
        ),
    ],
)
def test_each_mention_of_a_person_has_the_fullest_name_the_article_gives(analyzer, text, forms, full):
    for form in forms:
        assert {canonical for _, canonical in labels_written(analyzer, text, form)} == {full}, form


@pytest.mark.parametrize(
    ("text", "name", "surname"),
    [
        (
            "Premiership\n\nFly-half Finn Llewellyn kicked 14 points for Bath, but Sale scored three tries. "
            "Llewellyn also hit a post late on.",
            "Finn Llewellyn",
            "Llewellyn",
        ),
        (
            "Transfer\n\nThe club have signed Scot Tavernier from Hibernian. Tavernier, 24, played 30 games last "
            "season.",
            "Scot Tavernier",
            "Tavernier",
        ),
    ],
)
def test_a_first_name_that_is_also_a_nationality_is_the_first_name(analyzer, text, name, surname):
    assert_one_person(analyzer, text, name, surname)


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "Rally\n\nFinn Kimi Lindqvist won the rally stage on Saturday. Lindqvist leads by a minute.",
            "Lindqvist",
            "Kimi Lindqvist",
        ),
        (
            "Tennis\n\nScot Andy Morrison beat the Spaniard in straight sets. Morrison plays again on Monday.",
            "Morrison",
            "Andy Morrison",
        ),
    ],
)
def test_a_nationality_before_a_full_name_is_not_a_first_name(analyzer, text, surname, full):
    assert set(labels_written(analyzer, text, surname)) == {("PERSON", full)}


@pytest.mark.parametrize(
    ("text", "name", "surname"),
    [
        (
            "EuroLeague\n\nCenter Dimitris Alexandrou, the league's leading rebounder, shrugged. \"I read the back "
            'of the shirt," said Alexandrou.',
            "Dimitris Alexandrou",
            "Alexandrou",
        ),
        (
            "Six Nations\n\nCentre Owain Pritchard-Lloyd scored the first try. Pritchard-Lloyd said the pitch was "
            "heavy.",
            "Owain Pritchard-Lloyd",
            "Pritchard-Lloyd",
        ),
    ],
)
def test_a_position_opening_a_sentence_is_not_part_of_the_name(analyzer, text, name, surname):
    assert_one_person(analyzer, text, name, surname)


@pytest.mark.parametrize(
    ("text", "forms", "full"),
    [
        (
            "Funeral\n\nAbdelkarim Ali al-Rashidi was buried in Tripoli on Sunday. Al-Rashidi died at home. Relatives "
            "of the victims thought of al-Rashidi as a murderer, and al-Rashidi's family said he was innocent.",
            ("Al-Rashidi", "al-Rashidi"),
            "Abdelkarim Ali al-Rashidi",
        ),
        (
            "Verdict\n\nThe court sentenced Hassan Tariq el-Masri to life on Monday. El-Masri, 68, showed no emotion. "
            "Lawyers for el-Masri said they would appeal.",
            ("El-Masri", "el-Masri"),
            "Hassan Tariq el-Masri",
        ),
    ],
)
def test_a_surname_with_a_particle_is_the_person_however_it_is_capitalised(analyzer, text, forms, full):
    for form in forms:
        assert set(labels_written(analyzer, text, form)) == {("PERSON", full)}, form


@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        (
            "Derby day\n\nThe 24-year-old Kettering-Ross scored twice. Kettering-Ross has now scored nine goals "
            "this season.",
            "Kettering-Ross",
            2,
        ),
        (
            "Sponsor\n\nMs. Adeyemi-Clarke, the federation's chief executive, said the deal was done. "
            "Adeyemi-Clarke added that the sponsor had agreed.",
            "Adeyemi-Clarke",
            2,
        ),
    ],
)
def test_a_lone_name_after_a_title_or_an_age_is_a_person_throughout(analyzer, text, name, count):
    assert labels_written(analyzer, text, name) == [("PERSON", name)] * count


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "WNBA\n\nChelsea Ormerod scored 22 points for the Aces. Ormerod said the team was ready.",
            "Ormerod",
            "Chelsea Ormerod",
        ),
        (
            "Premier League\n\nMidfielder Fulham Okonedo-Rice was booked twice. Okonedo-Rice said the referee was "
            "right.",
            "Okonedo-Rice",
            "Fulham Okonedo-Rice",
        ),
    ],
)
def test_a_surname_alone_is_the_one_person_of_the_article_with_it(analyzer, text, surname, full):
    assert labels_written(analyzer, text, surname) == [("PERSON", full)]


@pytest.mark.parametrize(
    ("text", "misspelt", "full"),
    [
        (
            "Boycott\n\nSenator Orla Fitzmaurice backed the boycott. Orla Fitzmaurise said the contest should move. "
            "Orla Fitzmaurice later wrote to the broadcaster, and Orla Fitzmaurice spoke again on Monday.",
            "Orla Fitzmaurise",
            "Orla Fitzmaurice",
        ),
        (
            "Hustings\n\nFormer leader Menzies Campbell-Rae chaired the event. Menzies Cambell-Rae asked the first "
            "question, and Menzies Campbell-Rae closed it.",
            "Menzies Cambell-Rae",
            "Menzies Campbell-Rae",
        ),
    ],
)
def test_a_misspelt_full_name_is_the_person_the_article_spells_right_more_often(analyzer, text, misspelt, full):
    assert labels_written(analyzer, text, misspelt) == [("PERSON", full)]


@pytest.mark.parametrize(
    ("text", "misspelt", "full"),
    [
        (
            "Hustings\n\nThe candidates, Sir Tobias Wetherall and Ann Roe, spoke first. The acting leader, Tobias "
            "Wetherell, said the party needed new ideas.",
            "Tobias Wetherell",
            "Tobias Wetherall",
        ),
        (
            "Transfer\n\nThe club signed Dagny Holmqvist-Berg on Friday. Rivals had also watched Dagny "
            "Holmquist-Berg, the agent said.",
            "Dagny Holmquist-Berg",
            "Dagny Holmqvist-Berg",
        ),
    ],
)
def test_a_full_name_spelt_two_ways_as_often_is_the_spelling_the_article_introduces_it_with(
    analyzer, text, misspelt, full
):
    assert labels_written(analyzer, text, misspelt) == [("PERSON", full)]


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "Kit deal\n\nAdidas signed sprinter Ayo Folarin-West in March. Folarin-West's deal runs to 2028, Adidas said.",
            "Folarin-West",
            "Ayo Folarin-West",
        ),
    ],
)
def test_a_double_barrelled_surname_spacy_cut_at_its_hyphen_is_the_person(analyzer, text, surname, full):
    assert labels_written(analyzer, text, surname) == [("PERSON", full)]


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "Hoops\n\nLANSING, Mich. — Darnell Pruitt Jr. did not need to be asked twice. Pruitt scored 24 points.",
            "Pruitt",
            "Darnell Pruitt Jr.",
        ),
        (
            "Hoops\n\nTUCSON, Ariz. — Tyrese Okonjo Jr. scored 30 points on Saturday. Okonjo said the team had grown.",
            "Okonjo",
            "Tyrese Okonjo Jr",
        ),
    ],
)
def test_a_first_name_spacy_left_before_a_surname_and_its_suffix_is_part_of_the_name(analyzer, text, surname, full):
    assert labels_written(analyzer, text, surname) == [("PERSON", full)]
    assert labels_written(analyzer, text, full) == [("PERSON", full)]


def test_a_surname_written_without_its_joined_article_is_the_person(analyzer):
    text = (
        "Talks\n\nThe foreign minister, Abdul Karim al-Khatibi, criticised the plan. In an interview with the BBC, "
        'Khatibi called for a ceasefire. "This cannot be done now," said Khatibi.'
    )
    assert labels_written(analyzer, text, "Khatibi") == [("PERSON", "Abdul Karim al-Khatibi")] * 2


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "Advisers\n\nItalian Minister for Defence Fabrizio La Russa said Wednesday that his country will send ten "
            "instructors. La Russa said in a news conference that their roles were not yet set.",
            "La Russa",
            "Fabrizio La Russa",
        ),
        (
            "Grant\n\nItalian Minister for Sport Ignazio Di Russo said Wednesday that the grant would be paid. "
            "However, Di Russo believes the clubs must also pay.",
            "Di Russo",
            "Ignazio Di Russo",
        ),
    ],
)
def test_a_name_after_a_ministers_title_is_a_person_and_so_is_its_surname(analyzer, text, surname, full):
    assert set(labels_written(analyzer, text, surname)) == {("PERSON", full)}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Israeli Minister of the Interior Avner Dahan issued a statement.", ["Avner Dahan"]),
        ("Minister of Strategic Affairs Tal Berkowitz told the press.", ["Tal Berkowitz"]),
        ("The Minister for Sport and Tourism Halvard Brekke said so.", ["Halvard Brekke"]),
        ("Secretary of State Dana Whitcombe spoke first.", ["Dana Whitcombe"]),
    ],
)
def test_an_office_and_what_it_is_for_are_no_part_of_the_name_after_it(text, named):
    assert role_named(text) == named


@pytest.mark.parametrize(
    ("text", "full", "surname"),
    [
        (
            "Cup tie\n\nThe visitors paired Luton Ashdown, who was making his first start, with the veteran "
            "striker. Ashdown hit the bar twice, and Ashdown later forced a save.",
            "Luton Ashdown",
            "Ashdown",
        ),
        (
            "Derby\n\nThe manager started Everton Marsh, 22, on the left. Marsh crossed for the opener, and "
            "Everton Marsh hit the post.",
            "Everton Marsh",
            "Marsh",
        ),
    ],
)
def test_a_person_whose_first_name_is_a_listed_clubs_or_towns_is_the_person(analyzer, text, full, surname):
    assert set(labels_written(analyzer, text, full)) == {("PERSON", full)}
    assert set(labels_written(analyzer, text, surname)) == {("PERSON", full)}


def test_a_club_before_a_player_it_fields_stays_the_club(analyzer):
    text = "Report\n\nEverton Marsh and Luton Town met in the cup. Everton beat Luton 2-0."
    assert {label for label, _ in labels_written(analyzer, text, "Everton")} == {"ORG"}


def test_a_surname_spacy_took_for_a_place_is_the_person_named_in_full(analyzer):
    text = (
        "Cup tie\n\nThe visitors paired Wigan Shelton, who was making his first start, with the veteran striker. He "
        "was stopped by a well timed tackle from Chris Morgan. Shelton meanwhile caused unrest in the home defence. "
        "The club trains in Shelton, a town near the coast."
    )
    assert labels_written(analyzer, text, "Shelton") == [("PERSON", "Wigan Shelton"), ("GPE", "Shelton")]


def test_a_town_with_its_state_stays_the_town_though_a_person_has_its_name(analyzer):
    text = (
        "Shooting\n\nPolice chief Greg Allen said the store was closed. Victims included Patrick Cole of Allen, "
        "Texas. Allen said more details would follow."
    )
    assert labels_written(analyzer, text, "Allen") == [("GPE", "Allen"), ("PERSON", "Greg Allen")]


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        (
            "Fizz fury\n\nBOXING bad boy Tommy Rourke has attacked his former sponsors. Fuming Rourke told The Sun "
            "the deal had gone flat.",
            "Rourke",
            "Tommy Rourke",
        ),
        (
            "Tears\n\nStriker Dani Okafor-Webb missed the final. Devastated Okafor-Webb said she would be back "
            "next season.",
            "Okafor-Webb",
            "Dani Okafor-Webb",
        ),
    ],
)
def test_a_tabloid_adjective_before_a_surname_is_no_first_name(analyzer, text, surname, full):
    assert labels_written(analyzer, text, surname)[-1] == ("PERSON", full)


def test_a_winner_after_her_country_is_named_without_it(analyzer):
    text = (
        "Day four\n\nIn the women's draw, Italy's Marta Ferrucci beat Chile's Lucia Ortega 6-4 6-2. Afterwards "
        "Ferrucci thanked the crowd."
    )
    assert labels_written(analyzer, text, "Ferrucci") == [("PERSON", "Marta Ferrucci")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Letter\n\nThe letter was signed by City Clerk Dana Whitlock and others. Whitlock declined to comment.",
            "Dana Whitlock",
        ),
        ("Race\n\nThe seat was sought by Congressmen Tom Ferriby and Ed Stallard. Ferriby spoke first.", "Tom Ferriby"),
        (
            "Funding\n\nDemocrats asked Cardinal Paolo Verrini not to cut the grants. Verrini has not replied.",
            "Paolo Verrini",
        ),
    ],
)
def test_an_office_before_a_name_is_not_part_of_it(analyzer, text, name):
    assert labels_written(analyzer, text, name) == [("PERSON", name)]
    assert labels_written(analyzer, text, name.split()[-1]) == [("PERSON", name)]


def test_a_surname_with_its_particle_alone_keeps_the_particle(analyzer):
    text = (
        "Derby\n\nMidfielder Joost van Hardeveld ran the game. The visitors faded as van Hardeveld pressed, and "
        "the crowd rose when van Hardeveld scored."
    )
    assert labels_written(analyzer, text, "van Hardeveld") == [("PERSON", "Joost van Hardeveld")] * 2


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        (
            "Ruling\n\nJudges criticised the treatment of UK resident Binyam Mohamed after he was stopped in "
            "Pakistan. The court ordered paragraphs detailing Binyam's treatment released.",
            "Binyam Mohamed",
            "Binyam",
        ),
        (
            "Release\n\nThe family of British citizen Tekle Haile Woldu welcomed the decision. Woldu will fly home "
            "on Friday.",
            "Tekle Haile Woldu",
            "Woldu",
        ),
    ],
)
def test_a_resident_or_a_citizen_named_is_a_person(analyzer, text, name, short):
    assert labels_written(analyzer, text, name) == [("PERSON", name)]
    assert labels_written(analyzer, text, short) == [("PERSON", name)]


def test_a_birth_name_is_not_the_name_the_article_calls_the_person_by(analyzer):
    text = (
        "Obituaries\n\nHartono, the former general, has died at the age of 88. Hartono was born Bagus Hartono "
        "in a village in Central Java.\n\nHartono is survived by two sons. A state funeral for Hartono is planned."
    )
    assert set(labels_written(analyzer, text, "Hartono")) == {("PERSON", "Hartono")}
    assert labels_written(analyzer, text, "Bagus Hartono") == [("PERSON", "Hartono")]


def test_a_transcripts_question_mark_is_not_an_initial(analyzer):
    text = (
        "Press conference\n\nMartina Hollar beat Yuki Sato 6-4 3-6 7-5.\n\n"
        "Q. Yuki, how much did the medical timeout in the second set change things?\n\n"
        'YUKI SATO: "Not so much."'
    )
    assert labels_written(analyzer, text, "Yuki") == [("PERSON", "Yuki Sato")]


def test_a_peoples_word_after_another_countrys_possessive_is_the_first_name(analyzer):
    guide = (
        "Guide shares silver\n\nEcuador's German Ochoa Villacis ran beside the blind runner for all 42 kilometres. "
        "Villacis also received a silver medal, and Spain's Norman Iglesias Prado took the bronze."
    )
    club = "Late winner\n\nChelsea's German Kai Brenner scored twice. Brenner was pleased with the points."
    assert labels_written(analyzer, guide, "Villacis") == [("PERSON", "German Ochoa Villacis")]
    assert labels_written(analyzer, club, "Brenner") == [("PERSON", "Kai Brenner")]  # a club's: a nationality


def test_a_nationality_is_never_a_person_even_where_spacy_ran_it_into_one(analyzer):
    text = (
        "Vote\n\nIrish Taoiseach — Prime Minister — Leo Varga welcomed the result. The Irish constitution now "
        "allows it, and Irish voters backed the change."
    )
    assert labels_written(analyzer, text, "Irish") == [("NORP", "Irish"), ("NORP", "Irish")]
