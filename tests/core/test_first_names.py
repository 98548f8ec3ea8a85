"""A first name the lists know and a surname make a person where spaCy saw an organisation ('from Paul
Varga's left-footed shot'); a listed brand named after its founder and a thing named after a person stay as
they are (resources/gazetteer/first_names.txt, from Faker)."""

from __future__ import annotations

import pytest

from reader.core.analysis.gazetteer import word_list
from reader.core.analysis.towns import country_named, first_named, first_named_spans
from reader.core.model import BODY
from tests.core.analysis_fixtures import analyze_text, labels_written, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def labelled(analyzer, text: str) -> dict[str, str]:
    _, analysis = analyze_text(analyzer, text)
    return {e.text: e.label for e in analysis.in_part(BODY).entities}


def test_the_list_holds_first_names_of_many_countries():
    assert {"Paul", "Leah", "Matthijs", "Freja", "Sergio", "Orla"} <= word_list("first_names")


def test_a_player_spacy_took_for_an_organisation_is_a_person(analyzer):
    text = (
        "Final\n\nA deflected goal from Paul Varga's left-footed shot gave United the lead. Chelsea had "
        "equalised through Freja Holm after Leah Corwin gave the home side an early lead."
    )
    found = labelled(analyzer, text)
    assert found["Paul Varga"] == "PERSON"
    assert found["Freja Holm"] == "PERSON"


def test_a_brand_named_after_its_founder_and_things_named_after_people_are_no_people(analyzer):
    text = (
        "Fashion\n\nHugo Boss will dress the team and Tommy Hilfiger signed with Mercedes. The Sydney Morning "
        "Herald said so."
    )
    found = labelled(analyzer, text)
    assert found["Hugo Boss"] == found["Tommy Hilfiger"] == found["The Sydney Morning Herald"] == "ORG"


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Matthijs de Ligt", True),
        ("Leah Pryce", True),
        ("Georgia Tech", False),  # a country first
        ("Eden Gardens", False),  # a venue's word last
        ("Paul Pogba Foundation", False),  # an organisation's word
        ("John Arne Riise", True),  # a second first name in the middle
        ("Oscar Lopez Rivera", True),  # two surnames the text never writes in lower case
        ("Paul", False),  # a first name alone
    ],
)
def test_what_a_first_name_and_a_surname_are(name, person):
    text = f"Officials said {name} had not been told of the gun violence figures."
    assert first_named(name, text) is person


def test_three_capitalised_words_the_text_also_writes_in_lower_case_are_no_person():
    text = "According to the Gun Violence Archive, gun violence rose again."
    assert not first_named("Gun Violence Archive", text)


def test_a_country_as_the_last_word_of_a_name_without_a_first_name():
    assert country_named(["Boycott", "Israel"])
    assert not country_named(["Steve", "Israel"])  # a first name the lists know: a surname


def test_a_first_name_before_spacys_lone_words_makes_the_person(analyzer):
    text = (
        "Results\n\nAjax's keeper saved Antonio Valencia's close-range strike. The field included Ramón Navarro, "
        "Diego Medina and Peter Mel."
    )
    found = labelled(analyzer, text)
    assert found["Antonio Valencia"] == found["Diego Medina"] == "PERSON"
    assert "Valencia" not in found and "Medina" not in found


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Marshals attended to the car of Adrian Kessler.", ["Adrian Kessler"]),
        ("Referee Ian Tempest sent two players off.", ["Ian Tempest"]),
        ("It was the John Wayne Walding 400.", []),  # a name word before: part of a longer name
        ("Paul Pogba Signs For United", []),  # a third name word after: a headline
        ("They clinched spots in the Chase Grid.", []),  # 'the' before: no person
        ("A fan since the Michael Jordan era.", ["Michael Jordan"]),  # … unless it names a noun's attribute
        ("The Brady Bill passed.", []),  # a law, not a person
    ],
)
def test_which_first_names_and_surnames_make_a_person(text, people):
    assert [text[s:e] for s, e, _ in first_named_spans(text, [])] == people


def test_a_title_spacy_tagged_before_a_name_is_not_part_of_it(analyzer):
    text = "Talks\n\nSecretary of State John Kerry said he already had a prior engagement."
    found = labelled(analyzer, text)
    assert found["John Kerry"] == "PERSON" and "State John Kerry" not in found


def test_a_person_whose_first_name_is_a_listed_clubs_is_the_person_and_so_is_her_surname(analyzer):
    text = (
        "Obama commutes whistleblower's sentence: Chelsea Manning to walk free\n\nPresident Barack Obama "
        "commuted the sentence of former intelligence officer Chelsea Manning on Tuesday. Many in Congress have "
        "denounced Manning as a traitor."
    )
    _, analysis = analyze_text(analyzer, text)
    body = [(e.text, e.label, e.canonical) for e in analysis.in_part(BODY).entities if "Manning" in e.text]
    assert body == [("Chelsea Manning", "PERSON", "Chelsea Manning"), ("Manning", "PERSON", "Chelsea Manning")]


def test_a_police_or_military_rank_is_no_part_of_the_name(analyzer):
    text = (
        "Fraud\n\nConstable Simon Hood was arrested on Monday, and Sergeant Dana Pike gave evidence. Hood denied "
        "the charge."
    )
    _, analysis = analyze_text(analyzer, text)
    canonical = {e.text: e.canonical for e in analysis.in_part(BODY).entities if e.label == "PERSON"}
    assert canonical["Hood"] == "Simon Hood"
    assert "Dana Pike" in canonical.values() and "Sergeant Dana Pike" not in canonical.values()


def test_a_first_name_spacy_took_for_a_place_is_the_one_person_of_the_article_with_it(analyzer):
    text = (
        'Military night\n\nTyler Brandt scored twice for the Blues. "Honestly? I was just trying to stay out of '
        "Tyler's way,\" said Nils Ekdahl, who grew up in Tyler, Texas."
    )
    assert labels_written(analyzer, text, "Tyler") == [("PERSON", "Tyler Brandt"), ("GPE", "Tyler")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ruth Tanner said the club's thoughts were with his wife Sheila and their children.", "Sheila"),
        ("Striker Tomas Berg dedicated the goal to his wife Ingrid, who was in the crowd.", "Ingrid"),
        ("Mark Oduya, the former captain, is survived by his widow Grace.", "Grace"),
    ],
)
def test_a_spouses_first_name_does_not_take_the_family_name(text, name):
    # a husband or wife may not share the surname: the first name stays as the text writes it
    _, analysis = analyze_text(real_analyzer(), "Report\n\n" + text)
    found = [(e.label, e.canonical) for e in analysis.in_part(BODY).entities if e.text == name]
    assert found == [("PERSON", name)]


@pytest.mark.parametrize(
    ("text", "nickname", "full"),
    [
        (
            "Obituary\n\nSarah Whitacre, who campaigned for gun control, has died at 73. Her husband, James Whitacre, "
            "was shot in 1981. Jim survived but was left paralysed, and Sarah said Jim never complained.",
            "Jim",
            "James Whitacre",
        ),
        (
            "Sacked\n\nManager Robert Kinsella-Dunne was sacked on Monday. Fans had chanted for Bob to go, and Bob "
            "left the ground early.",
            "Bob",
            "Robert Kinsella-Dunne",
        ),
    ],
)
def test_a_familiar_form_of_a_first_name_is_the_one_person_with_that_name(text, nickname, full):
    assert set(labels_written(real_analyzer(), text, nickname)) == {("PERSON", full)}


@pytest.mark.parametrize(
    ("text", "first", "full"),
    [
        (
            "Title race\n\nThe team's crew chief, Chad Marlow, kept his driver out on old tyres. \"That was what "
            'Chad called a great strategy," the driver said.',
            "Chad",
            "Chad Marlow",
        ),
        (
            'Kit deal\n\nThe deal pleased the head coach, Unai Ibarguren. "Every pound is a pound Unai can spend," '
            "the chairman said.",
            "Unai",
            "Unai Ibarguren",
        ),
        (
            "Derby\n\nStriker Jordan Keller scored twice. Jordan said afterwards that the crowd had lifted the team.",
            "Jordan",
            "Jordan Keller",
        ),
    ],
)
def test_a_first_name_that_is_also_a_place_is_the_one_person_with_it(analyzer, text, first, full):
    assert {label for label, _ in labels_written(analyzer, text, first)} == {"PERSON"}
    assert {canonical for _, canonical in labels_written(analyzer, text, first)} == {full}


@pytest.mark.parametrize(
    "text",
    [
        "Qualifier\n\nMidfielder Jordan Keller flew out with the squad. Jordan hosts the game in Amman, and the "
        "team trained in Jordan all week.",
        "Hustings\n\nFour candidates addressed members at the London School of Economics on Monday. Simon Hale, "
        "who ran for the London mayoral race in 2004, spoke last.",
        "Aid\n\nThe charity's director, Chad Marlow, visited the camps. Chad has closed its border, and aid "
        "workers in Chad say supplies are slowing.",
    ],
)
def test_a_first_name_the_article_also_names_as_a_place_stays_the_place(analyzer, text):
    place = next(word for word in ("Jordan", "London", "Chad") if f" {word} " in text)
    assert labels_written(analyzer, text, place)[-1] == ("GPE", place)  # 'in Jordan', 'the London mayoral race'


@pytest.mark.parametrize(
    ("text", "first", "full"),
    [
        (
            'Crash\n\nRobert Mansfield\'s father Roger expressed his anger at the airline. "I am furious," '
            "commented Roger. Roger said that Robert had warned him about the luggage.",
            "Roger",
            "Roger Mansfield",
        ),
        (
            "Derby day\n\nThe winning trainer's brother, Declan, led the horse in. Ciaran Fahy and his brother "
            "Declan have run the yard since 2009. Declan said the going had suited the horse.",
            "Declan",
            "Declan Fahy",
        ),
    ],
)
def test_a_relatives_first_name_keeps_the_family_name_in_every_mention(analyzer, text, first, full):
    assert labels_written(analyzer, text, first)[-2:] == [("PERSON", full)] * 2
