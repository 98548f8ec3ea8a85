"""Bodies by their words: a body named with a nationality ('Estonian Authority', 'Danish Federation') is
not short for it in 'the Estonian people' or 'Danish fans'; a company's short name still is ('Hinkley' for
'Hinkley Mutual')."""

from __future__ import annotations

import pytest

from reader.core.model import BODY
from tests.core.analysis_fixtures import analyze_text, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def found(analyzer, text: str) -> list[tuple[str, str, str]]:
    _, analysis = analyze_text(analyzer, text)
    return [(e.text, e.label, e.canonical) for e in analysis.in_part(BODY).entities]


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        (
            "Plan\n\nThe Estonian Authority rejected the plan on Monday. The ordeal of the Estonian people must "
            "end, the mayor said.",
            "Estonian",
        ),
        (
            "Deal\n\nThe Danish Federation signed the deal with Norbank. Danish fans cheered the news, and the "
            "Danish Federation said more would follow.",
            "Danish",
        ),
    ],
)
def test_a_nationality_is_not_short_for_a_body_named_with_it(analyzer, text, adjective):
    entities = found(analyzer, text)
    assert [e for e in entities if e[0] == adjective] == []
    assert (f"{adjective} {text.split(adjective)[1].split()[0]}", "ORG") in {e[:2] for e in entities}


def test_a_companys_short_name_is_still_the_company(analyzer):
    text = "Sponsor\n\nHinkley Mutual renewed its deal. Hinkley said the club mattered to its members."
    assert ("Hinkley", "ORG", "Hinkley Mutual") in found(analyzer, text)
    text = "Sponsor\n\nMeridian Telecom renewed its deal. Meridian said the club mattered to its members."
    assert ("Meridian", "ORG", "Meridian Telecom") in found(analyzer, text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Team\n\nAthletics Canada named its team on Friday. The squad is its largest since 2012.", "Athletics Canada"),
        (
            "Funding\n\nThe grant from Sport Ireland was cut this year, a spokeswoman confirmed on Tuesday.",
            "Sport Ireland",
        ),
        ("Warning\n\nForecasters at Environment Canada issued a storm warning for the race.", "Environment Canada"),
        (
            "Sponsor\n\nBritish Cycling confirmed the new sponsor, a bank, on Monday after a long search.",
            "British Cycling",
        ),
        (
            "Deal\n\nThe new deal makes the insurer the main partner of England Netball until 2030.",
            "England Netball",
        ),
    ],
)
def test_a_national_sports_or_public_body_is_one_organisation(analyzer, text, body):
    entities = found(analyzer, text)
    assert (body, "ORG") in {e[:2] for e in entities}
    assert not [e for e in entities if e[0] in body.split()]  # not its country alone


def test_a_sport_and_a_country_in_a_longer_name_or_in_lower_case_are_no_body(analyzer):
    entities = found(
        analyzer,
        "Trials\n\nThe Athletics Canada Championships open in Ottawa. Interest in athletics in Canada has grown.",
    )
    assert ("Athletics Canada", "ORG") not in {e[:2] for e in entities}


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "Complaint\n\nMost complaints named Brightwater Loan Servicing, LLC and two banks. Brightwater did not "
            "respond.",
            "Brightwater Loan Servicing, LLC",
        ),
        ("Sponsor\n\nThe club's new sponsor, Gunnar Tool Works, Inc., signed on Monday.", "Gunnar Tool Works, Inc."),
        (
            "History\n\nIn 1989 she became vice chair of Riverside Safety, Inc. and led it for years.",
            "Riverside Safety, Inc.",
        ),
    ],
)
def test_a_company_with_its_legal_suffix_after_a_comma_is_one_organisation(analyzer, text, firm):
    entities = found(analyzer, text)
    assert (firm, "ORG", firm) in entities
    assert not [e for e in entities if e[0] in ("LLC", "Inc.")]


def test_a_county_after_a_town_is_no_company_suffix(analyzer):
    entities = found(analyzer, "Trip\n\nThe squad flew to Derry, Co. Londonderry, on Friday.")
    assert not [e for e in entities if e[0].endswith("Co.")]


def test_a_company_with_its_legal_suffix_takes_the_capitalised_words_before_it(analyzer):
    text = "Filings\n\nThe list: 1. Harbourline Credit Servicing, LLC and 2. Kestrel Bank."
    assert ("Harbourline Credit Servicing, LLC", "ORG", "Harbourline Credit Servicing, LLC") in found(analyzer, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "FRESNO, Calif. - Cole Marten, who led Fresno to a 28-14 win over Tulsa on Saturday, signed a deal "
            "with a bank. Tulsa visits Fresno again in March.",
            ("Tulsa",),
        ),
        (
            "Deal\n\nDana Ruiz, whose touchdown led Dayton to a 24-10 victory over Akron, signed the deal. Akron "
            "never recovered.",
            ("Dayton", "Akron"),
        ),
    ],
)
def test_the_opponent_in_a_win_over_is_a_side(analyzer, text, sides):
    entities = found(analyzer, text)
    for side in sides:
        assert {e[1] for e in entities if e[0] == side} == {"ORG"}
    assert not [e for e in entities if e[0] == "FRESNO" and e[1] == "ORG"]  # a dateline's town stays a place


@pytest.mark.parametrize(
    ("text", "court"),
    [
        ("Fraud\n\nHe was jailed at Norwich Crown Court on Friday for two years.", "Norwich Crown Court"),
        ("Ruling\n\nThe Supreme Court of Appeals upheld the verdict in March.", "Supreme Court of Appeals"),
        (
            "Appeal\n\nThe sprinter will take her case to the Court of Arbitration for Sport in Lausanne.",
            "Court of Arbitration for Sport",
        ),
        ("Campus\n\nShe teaches at the University of Lyon and sits on its board.", "University of Lyon"),
    ],
)
def test_a_court_or_a_university_named_with_its_town_is_one_organisation(analyzer, text, court):
    entities = found(analyzer, text)
    assert (court, "ORG") in {e[:2] for e in entities}


def test_a_tennis_court_is_no_body(analyzer):
    entities = found(analyzer, "Wimbledon\n\nShe won on Centre Court in the evening.")
    assert not [e for e in entities if e[0].endswith("Centre Court") and e[1] == "ORG"]


def test_a_possessor_is_no_part_of_the_name_it_owns(analyzer):
    entities = found(analyzer, "Report\n\nA complaint from Kenya’s Maji Trust followed on Monday, and the trust won.")
    assert ("Maji Trust", "ORG") in {e[:2] for e in entities}
    assert ("Kenya", "GPE") in {e[:2] for e in entities}
    assert not [e for e in entities if "’s" in e[0]]


def test_a_possessive_that_is_part_of_the_name_stays(analyzer):
    entities = found(
        analyzer, "Rights\n\nThe Women's Premier League sold its rights, and the Women's Premier League grew."
    )
    assert ("Women's Premier League", "ORG") in {e[:2] for e in entities} or ("Women's Premier League", "EVENT") in {
        e[:2] for e in entities
    }


def test_a_former_sides_prefix_is_no_part_of_its_name(analyzer):
    entities = found(analyzer, "Snub\n\nAnd last night the ex-England Under-21 ace fumed about the sponsor.")
    assert ("England", "England") in {(e[0], e[2]) for e in entities}
    assert not [e for e in entities if e[0].startswith("ex-")]


def test_a_sport_named_alone_is_no_organisation(analyzer):
    entities = found(
        analyzer, "Deal\n\nNetball's audience is young, it's loyal. Rugby has its own problems, and Cricket is worse."
    )
    assert [e for e in entities if e[0] in ("Netball", "Rugby", "Cricket")] == []
    entities = found(analyzer, "Deal\n\nThe Athletics beat the Astros 4-2 in Oakland.")
    assert ("Athletics", "ORG") in {e[:2] for e in entities}  # a team named for its sport stays


def test_a_newspaper_in_capitals_is_the_paper(analyzer):
    text = (
        'Transcript\n\nQ (TOM FAIRLEY, THE TIMES): "Will the players be paid?"\n\n'
        'Q (ANNA BELL, THE DAILY TELEGRAPH): "And the fans?"'
    )
    entities = found(analyzer, text)
    assert ("THE TIMES", "ORG", "The Times") in entities
    assert ("THE DAILY TELEGRAPH", "ORG", "The Daily Telegraph") in entities
    assert not [e for e in entities if e[0] in ("TIMES", "TELEGRAPH")]
