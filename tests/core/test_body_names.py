"""Bodies found by their head word ('University', 'Institute', 'Museum', 'Foundation'): two bodies joined by
'and' or 'at' are two names ('the Harwell Institute of Technology and Brackley State University'), while
one name with 'and' inside it stays whole ('the Union of Lawyers and Notaries')."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import labels_of, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Study\n\nResearchers from the Harwell Institute of Technology and Brackley State University "
            "published the figures on Monday.",
            ["Harwell Institute of Technology", "Brackley State University"],
        ),
        (
            "Show\n\nThe prints go on show at the Linden Museum of Art at Eastbrook University next month.",
            ["Linden Museum of Art", "Eastbrook University"],
        ),
        (
            "Grant\n\nThe Foundation for Coastal Research and the Tarrow Sports Council shared the grant.",
            ["Foundation for Coastal Research", "Tarrow Sports Council"],
        ),
    ],
)
def test_two_bodies_joined_by_and_or_at_are_two_names(analyzer, text, names):
    for name in names:
        assert labels_of(analyzer, text, name) == ["ORG"], name


def test_a_body_with_and_inside_its_name_stays_whole(analyzer):
    text = "Ruling\n\nThe Union of Lawyers and Notaries said on Friday it would appeal against the ruling."
    assert labels_of(analyzer, text, "Union of Lawyers and Notaries") == ["ORG"]


def test_a_country_code_after_a_body_is_no_part_of_its_name(analyzer):
    text = "Study\n\nA team from Brackley State University of the US and the University of Tarrow published it."
    assert labels_of(analyzer, text, "Brackley State University") == ["ORG"]
    assert labels_of(analyzer, text, "University of Tarrow") == ["ORG"]


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        ("Money\n\n``Every cent goes into junior footy,'' the chairman said.", "Every"),
        ("Titles\n\n``Money does not rebound,'' he said. ``Ask Olympiakos how many titles they bought.''", "Ask"),
    ],
)
def test_an_opening_quote_mark_and_the_word_after_it_are_no_organisation(analyzer, text, not_a_name):
    from tests.core.analysis_fixtures import analyze_text

    _, analysis = analyze_text(analyzer, text)
    assert not [e for e in analysis.entities if not_a_name in e.text and e.label == "ORG" and "`" in e.text]
    assert not [e for e in analysis.entities if e.text.startswith(("``", "''"))]


def test_a_name_does_not_end_in_and(analyzer):
    from tests.core.analysis_fixtures import analyze_text

    text = "Talks\n\nNow we are negotiating with the same people as City and Arsenal, and on similar terms."
    _, analysis = analyze_text(analyzer, text)
    assert not [e for e in analysis.entities if e.text.endswith((" and", " &", " of"))]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Verdict\n\nThe court heard that he commanded the Iraqi Armed Forces in 1988, when the villages burned.",
            "Iraqi Armed Forces",
        ),
        (
            "Hostage freed\n\nThe Revolutionary Armed Forces of Colombia released her after six years in the jungle.",
            "Revolutionary Armed Forces of Colombia",
        ),
        (
            "Exercise\n\nThe Hindustan Times said the Indian Air Force would take part in the drill.",
            "Indian Air Force",
        ),
        (
            "Budgets\n\nThe Guardian reported that the London School of Economics was also reviewing its budget.",
            "London School of Economics",
        ),
        (
            "Talks\n\nThe opposition Popular Liberation Front said on Sunday it would not join the talks.",
            "Popular Liberation Front",
        ),
    ],
)
def test_a_state_body_or_an_army_is_never_a_person(analyzer, text, name):
    """A name whose head word is a body's ('Forces', 'Force', 'School', 'Front') is an organisation, also after
    a nationality ('Iraqi') or with 'of' a country after it."""
    assert labels_of(analyzer, text, name) == ["ORG"]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Election\n\nThe Social Democratic Party won 31 per cent of the vote, ahead of the Greens.",
            "Social Democratic Party",
        ),
        (
            "Threshold\n\nPollsters said the Free Democratic Party had fallen below five per cent on Sunday.",
            "Free Democratic Party",
        ),
        (
            "Coalition\n\nLeaders of the Progressive Conservative Party met in Halifax to discuss the budget.",
            "Progressive Conservative Party",
        ),
        (
            "Fire\n\nProtesters set fire to the offices of the ruling National Democratic Party on Friday.",
            "National Democratic Party",
        ),
    ],
)
def test_a_party_named_after_a_listed_one_is_its_own(analyzer, text, name):
    """A listed party's name ('Democratic Party') at the end of a longer one spaCy tagged whole ('Social
    Democratic Party') is the longer party's, not two organisations."""
    assert labels_of(analyzer, text, name) == ["ORG"]


def test_a_listed_party_alone_stays_itself(analyzer):
    text = "Primary\n\nIn Democratic Party circles the vote was seen as a test. Democratic Party officials agreed."
    assert labels_of(analyzer, text, "Democratic Party") == ["ORG", "ORG"]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Appeal heard\n\nThe European Court of Human Rights heard the appeal of three reporters on Tuesday.",
            "European Court of Human Rights",
        ),
        (
            "Summit called\n\nThe Economic Community of West African States called an emergency summit in Abuja.",
            "Economic Community of West African States",
        ),
    ],
)
def test_a_body_named_x_of_y_is_no_person_of_y(analyzer, text, name):
    """'European Court of Human Rights' is one organisation, not a person 'European Court' of something: a
    person of an organisation or a country begins with a first name ('Mina Worley-Hale of Human Rights Watch')."""
    assert labels_of(analyzer, text, name) == ["ORG"]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Study\n\nThe figures came from Prof. Dana Whitlow of Harrowgate College London on Monday.",
            "Harrowgate College London",
        ),
        ("Marathon\n\nThe St Brannock Ambulance volunteers treated 40 runners at the finish.", "St Brannock Ambulance"),
        (
            "Deal\n\nThe sponsor will put its name on a Kellerman Motorsports car in the spring.",
            "Kellerman Motorsports",
        ),
        (
            "Patrols\n\nOfficers of the Ostrava Border Police and the Vellmar Coast Guard searched the beach.",
            "Vellmar Coast Guard",
        ),
        ("Parks\n\nThe Tarrow National Park Service closed the trail after the storm.", "Tarrow National Park Service"),
        ("Rebels\n\nThe Southern Liberation Movement said it had taken the airport.", "Southern Liberation Movement"),
    ],
)
def test_a_body_by_its_head_word_spacy_missed(analyzer, text, name):
    """A college, an ambulance service, a racing team, a guard, a service or a movement by its head word is one
    organisation over its whole name, whatever spaCy saw."""
    assert labels_of(analyzer, text, name) == ["ORG"]


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Refugees\n\nJeff Rathmore, the State Department Spokesperson, said the boats would be met at sea.",
            "State Department",
            "State Department Spokesperson",
        ),
        (
            "Ban\n\nThe ruling was welcomed by the Tarrow Athletics Federation Chairman on Monday night.",
            "Tarrow Athletics Federation",
            "Tarrow Athletics Federation Chairman",
        ),
    ],
)
def test_a_role_after_a_body_is_no_part_of_its_name(analyzer, text, name, role):
    """'the State Department Spokesperson': the body is the organisation, its officer's title stays outside."""
    assert labels_of(analyzer, text, name) == ["ORG"]
    assert labels_of(analyzer, text, role) == []


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Ban\n\nThe list includes National Students for Clean Water in Tarrow and two church groups.",
            "National Students for Clean Water in Tarrow",
        ),
        ("Ban\n\nLeaders of Coastal Mothers for Peace were refused entry at the airport.", "Coastal Mothers for Peace"),
        (
            "Protest\n\nThe Tarrow Campaign for Fair Fares said it would march on Saturday.",
            "Tarrow Campaign for Fair Fares",
        ),
        ("Petition\n\nVolunteers from Friends of the Weald collected 4,000 names.", "Friends of the Weald"),
    ],
)
def test_a_campaign_group_named_for_its_cause_is_one_organisation(analyzer, text, name):
    """Campaign groups named '… for <cause>' ('Students for …', 'Mothers for Peace', 'Campaign for …') or
    'Friends of …' are one organisation over the whole name."""
    assert labels_of(analyzer, text, name) == ["ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "Hearing\n\nState Sen. Carla Whitmore (D-Ann Arbor), who wrote the law, was also in attendance.",
        "Fees\n\nThe State is paying about forty million euros a year for the scheme, the minister said.",
    ],
)
def test_state_alone_is_no_organisation(analyzer, text):
    """'State Sen. …', 'the State is paying': the word alone names no organisation."""
    assert labels_of(analyzer, text, "State") == []


@pytest.mark.parametrize(
    "text, party",
    [
        ("Vote\n\nThe All Progressives Congress and its rivals both claimed victory.", "All Progressives Congress"),
        ("Vote\n\nThe ruling National Democratic Congress conceded defeat on Monday.", "National Democratic Congress"),
        ("Strike\n\nThe Trades Union Congress backed the nurses' strike.", "Trades Union Congress"),
    ],
)
def test_a_party_or_a_union_named_congress_is_an_organisation(analyzer, text, party):
    """'Congress' ends an event's name ('World Congress'), and a party's or a union federation's: with a
    party's or a union's word in it, the organisation."""
    assert labels_of(analyzer, text, party) == ["ORG"]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Ruling\n\nThe Court of Justice of the European Union ruled that the fine must be paid.",
            "Court of Justice of the European Union",
        ),
        (
            "Talks\n\nMinisters of the Council of the European Union met in Brussels on Monday.",
            "Council of the European Union",
        ),
    ],
)
def test_a_body_whose_name_ends_with_a_listed_one_after_of_is_one_name(analyzer, text, name):
    """spaCy's 'Court of Justice of the' cut short before the listed 'European Union': one body over both."""
    assert labels_of(analyzer, text, name) == ["ORG"]


def test_police_before_a_country_is_its_police_force(analyzer):
    text = "Patrols\n\nPolice Scotland and British Transport Police sent officers to the station on Saturday."
    assert labels_of(analyzer, text, "Police Scotland") == ["ORG"]
    assert labels_of(analyzer, text, "Scotland") == []


@pytest.mark.parametrize(
    "text, body",
    [
        ("Kit\n\nAdidas will supply the kit for four more years, New Zealand Rugby said.", "New Zealand Rugby"),
        ("Tour\n\nSri Lanka Cricket confirmed the tour would go ahead in March.", "Sri Lanka Cricket"),
    ],
)
def test_a_country_and_its_rugby_or_cricket_is_the_national_body(analyzer, text, body):
    assert labels_of(analyzer, text, body) == ["ORG"]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Ban\n\nItaly signed the Convention on Cluster Munitions in 2008, the minister said.",
            "Convention on Cluster Munitions",
        ),
        (
            "Film\n\nThe film was nominated for the Academy Award for Best Documentary Feature.",
            "Academy Award for Best Documentary Feature",
        ),
        (
            "Report\n\nThe Final Technical Engineering Exploitation Report was never published.",
            "Final Technical Engineering Exploitation Report",
        ),
        ("Dissent\n\nShe monitored Moscow's compliance with the Helsinki Accords for years.", "Helsinki Accords"),
        ("Peace\n\nThe Ostrava Protocols were signed by both sides in 1996.", "Ostrava Protocols"),
    ],
)
def test_a_treaty_an_award_or_a_report_is_no_organisation(analyzer, text, name):
    """Treaties, laws, awards and reports are named things the set does not mark: no organisation."""
    assert "ORG" not in labels_of(analyzer, text, name)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Softball\n\nThe first game, at 17:30 AEST (6:30 UTC), began with Vanessa Stokes pitching.", "AEST"),
        ("Kick-off\n\nThe match starts at 19:45 CET (18:45 GMT) in Milan on Tuesday.", "CET"),
    ],
)
def test_a_time_zone_is_no_organisation(analyzer, text, word):
    assert "ORG" not in labels_of(analyzer, text, word)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            'Visit\n\n"We are old friends, Taoiseach," the president said. The Taoiseach smiled and thanked him.',
            "Taoiseach",
        ),
        (
            "Briefing\n\nThe meeting was confirmed by the National Security Adviser, Gen. Tom Ardley, on Monday.",
            "National Security Adviser",
        ),
        ("Leak\n\nThe President's National Security Advisor said the report was false.", "National Security Advisor"),
    ],
)
def test_an_office_is_no_organisation(analyzer, text, office):
    assert "ORG" not in labels_of(analyzer, text, office)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deal\n\nThe Irish Rugby Football Union said the kit deal would run to 2030.", "Irish Rugby Football Union"),
        (
            "Vote\n\nThe United Nations General Assembly voted on the resolution on Friday.",
            "United Nations General Assembly",
        ),
    ],
)
def test_a_body_named_after_a_listed_one_is_its_own(analyzer, text, name):
    assert labels_of(analyzer, text, name) == ["ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Attack\n\nFighters of al-Qaeda in the Arabian Peninsula claimed the attack on Sunday.",
            "al-Qaeda in the Arabian Peninsula",
        ),
        (
            "Raid\n\nThe raid targeted the Islamic State of Iraq and the Levant near the border.",
            "Islamic State of Iraq and the Levant",
        ),
        ("Raid\n\nOfficials said the ISIL cell was broken up. Islamic State denied it.", "Islamic State"),
    ],
)
def test_an_armed_group_named_after_a_region_is_one_organisation(analyzer, text, name):
    assert labels_of(analyzer, text, name) == ["ORG"]
