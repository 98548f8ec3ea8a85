"""Newspapers, agencies and broadcasters as the press names them: a paper's capital 'The' is part of its name
also at the start of a sentence ('The Straits Times noted …') and in a name with 'and' ('The Globe and Mail')."""

from __future__ import annotations

import pytest

from reader.core.analysis.headed import with_newspapers
from reader.core.model import BODY
from tests.core.analysis_fixtures import analyze_text, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def orgs(analyzer, text: str) -> list[str]:
    _, analysis = analyze_text(analyzer, text)
    return [e.text for e in analysis.in_part(BODY).entities if e.label == "ORG"]


@pytest.mark.parametrize(
    "text, paper",
    [
        (
            "Movement grows\n\nThe boy's arrest drew thousands of messages. The Straits Times noted that the "
            "campaign had spread to Asia.",
            "The Straits Times",
        ),
        (
            "Hackers\n\nThe group claimed the attack, wrote Malcolm Ferris of The Globe and Mail on Friday.",
            "The Globe and Mail",
        ),
        (
            "Leak\n\nThe minister denied the report. The Sydney Morning Herald said it stood by its story.",
            "The Sydney Morning Herald",
        ),
    ],
)
def test_a_newspaper_keeps_its_capital_the_at_a_sentence_start_and_with_and(analyzer, text, paper):
    assert paper in orgs(analyzer, text)


def test_a_paper_word_at_a_sentence_start_no_tag_calls_a_name_is_no_newspaper():
    """'The Sun rose': at a sentence's start 'The' is every sentence's, unless the words after it are a name."""
    assert with_newspapers("The riders left at six. The Sun rose over the hills.", []) == []


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "Return\n\nFormer International Atomic Energy Agency head Mohamed ElBaradei returned to Cairo.",
            "International Atomic Energy Agency",
        ),
        (
            "Talks\n\nThen Tarrow Sports Council chair Ruth Adler said the grant was safe.",
            "Tarrow Sports Council",
        ),
    ],
)
def test_former_or_then_before_a_body_is_no_part_of_its_name(analyzer, text, body):
    """'Former … Agency head': 'Former' qualifies the head, not the agency."""
    assert body in orgs(analyzer, text)
    assert not [name for name in orgs(analyzer, text) if name.startswith(("Former", "Then"))]


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Talks\n\nThe talks failed, IRNA reported, and Antara carried the statement.", "IRNA"),
        ("Talks\n\nThe talks failed, IRNA reported, and Antara carried the statement.", "Antara"),
        ("Live\n\nThe speech was broadcast live by France 24 and the BBC.", "France 24"),
        ("Sources\n\nThe minister confirmed the figures to dpa on Tuesday.", "dpa"),
        ("Attacks\n\nBoko Haram claimed the attack on the village, the army said.", "Boko Haram"),
        ("Season\n\nPremiership Rugby said the salary cap would stay at £5m next season.", "Premiership Rugby"),
    ],
)
def test_news_agencies_broadcasters_and_bodies_of_the_news_are_organisations(analyzer, text, outlet):
    assert outlet in orgs(analyzer, text)


def test_a_listed_organisation_and_a_body_by_its_head_word_are_two_names(analyzer):
    text = "Inquiry\n\nAmnesty International and Human Rights Watch called for an inquiry on Monday."
    assert orgs(analyzer, text) == ["Amnesty International", "Human Rights Watch"]


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Boycott\n\nOrganisers told Galway Live that the concert would go ahead.", "Galway Live"),
        ("Boycott\n\nThe club's statement was first reported by the Leeds Echo on Friday.", "Leeds Echo"),
        ("Fans\n\nSupporters told Bristol Post reporters they would not renew.", "Bristol Post"),
    ],
)
def test_a_towns_name_and_a_press_word_is_a_newspaper_not_a_person(analyzer, text, outlet):
    """'Galway Live', 'Leeds Echo': a town's name with a newspaper's word after it is a paper or a site."""
    assert outlet in orgs(analyzer, text)


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "Asylum\n\nThe form asks about trafficking, and the United Nations High Commissioner for Refugees said it "
            "had not been consulted.",
            "United Nations High Commissioner for Refugees",
        ),
        (
            "Talks\n\nThe president warned against outside interference from the African Union, the agency said.",
            "African Union",
        ),
    ],
)
def test_intergovernmental_bodies_are_organisations(analyzer, text, body):
    assert body in orgs(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Interview\n\nThe university reiterated to Wikinews the comments made in the statement.",
        "Festival\n\nMany people Wikinews observed took out their phones as the band played.",
    ],
)
def test_wikinews_reporting_is_an_organisation(analyzer, text):
    """Wikinews, whose reporters write much of the set, names itself in its copy: the news site."""
    assert "Wikinews" in orgs(analyzer, text)
