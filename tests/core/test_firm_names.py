"""A company spaCy takes for a person is an organisation in every mention where one of them shows it to be a
firm: 'Quorvia, which is registered in Malta', 'the regulator Quorvia', "Quorvia's chief executive",
'Quorvia is a Dublin company', 'Quorvia has ended its sponsorship'. A person keeps the label."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import labels_of, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


@pytest.mark.parametrize(
    "text, firm",
    [
        (
            "Patch row\n\nThe world No. 3 wore a sleeve patch for Zentrova during her first-round win. Zentrova, "
            "which is registered in Malta, did not reply. Fans asked what Zentrova paid her.",
            "Zentrova",
        ),
        (
            "Supplier collapses\n\nThe energy supplier stopped trading after the regulator Pembrey appointed "
            "administrators. Pembrey said customers would be moved within a week.",
            "Pembrey",
        ),
        (
            "Shirt sponsor\n\nKelvaro is a Leeds company with a Leeds founder, the club said. Supporters doubted "
            "that Kelvaro would last the season.",
            "Kelvaro",
        ),
        (
            "Team wants driver\n\nThe Briton is also wanted by Hartwell. Hartwell's team principal Ruth Adler-Kaye "
            "said talks had begun, and Hartwell are sixth in the standings.",
            "Hartwell",
        ),
        (
            "Bookmaker quits\n\nTavoro has ended its title sponsorship of the Gold Cup after six years. Tavoro "
            "will keep its smaller race-day deals, the course said.",
            "Tavoro",
        ),
    ],
)
def test_a_company_taken_for_a_person_is_an_organisation(analyzer, text, firm):
    assert set(labels_of(analyzer, text, firm)) == {"ORG"}


@pytest.mark.parametrize(
    "text, person",
    [
        (
            "Coach stays\n\nRuth Adler-Kaye signed a new deal with the club on Monday. Adler-Kaye, who joined in "
            "2021, said she was happy.",
            "Adler-Kaye",
        ),
        (
            "Striker scores\n\nTomas Verhoeven scored twice. Verhoeven praised its fans after the game, and "
            "the club said Verhoeven would start again on Sunday.",
            "Verhoeven",
        ),
    ],
)
def test_a_person_stays_a_person(analyzer, text, person):
    assert set(labels_of(analyzer, text, person)) == {"PERSON"}


@pytest.mark.parametrize(
    "text, firm",
    [
        (
            'Panel\n\nJ.P. Moloney-Doyle, Kerrigan Estates: "I\'d dispute that."\n\nMoloney-Doyle, chairman of '
            "Kerrigan Estates, said the course would stay open.",
            "Kerrigan Estates",
        ),
        (
            "Sponsor exit\n\nBrannock Tools will not return as primary sponsor of the No. 47 car next season, "
            "Brannock Tools said.",
            "Brannock Tools",
        ),
        ("Shirt\n\nAldane Beverages renewed the shirt deal on Monday.", "Aldane Beverages"),
        (  # its short name spaCy took for a person does not make it one: nobody's name ends in 'Tools'
            "Sponsor exit\n\nAshcombe Tools will not return as primary sponsor next season.\n\nAccording to "
            "Sports Business Journal, Ashcombe is in talks to put its name on a Hendrick Motorsports car.",
            "Ashcombe Tools",
        ),
        (
            "Shirt deal\n\nMarlowe Beverages will not renew the shirt deal next season.\n\nAccording to "
            "Sports Business Journal, Marlowe is in talks to put its name on a Premiership side's kit.",
            "Marlowe Beverages",
        ),
    ],
)
def test_a_name_ending_in_a_firms_word_is_the_firm(analyzer, text, firm):
    assert set(labels_of(analyzer, text, firm)) == {"ORG"}


@pytest.mark.parametrize(
    "text, branch",
    [
        ("Coverage\n\nThe match will be shown live on BBC Scotland on Saturday.", "BBC Scotland"),
        ("Interview\n\nThe coach told BBC London that the deal was done.", "BBC London"),
        ("Rights\n\nThe rights went to ESPN Nederland, which paid €20m a season.", "ESPN Nederland"),
        ("Radio\n\nThe captain told BBC Radio 5 Live that the sponsor had been loyal.", "BBC Radio 5 Live"),
    ],
)
def test_a_broadcasters_national_or_local_branch_is_one_name(analyzer, text, branch):
    assert labels_of(analyzer, text, branch) == ["ORG"]


def test_a_sponsors_award_is_no_branch(analyzer):
    text = "Award\n\nHe was named Budweiser Man of the Match after the game, and Budweiser paid for the trophy."
    assert labels_of(analyzer, text, "Budweiser Man") == []


@pytest.mark.parametrize(
    "text, firm",
    [
        ("Deal\n\nBloomberg News said Goldman Sachs advised the board on the sale.", "Goldman Sachs"),
        ("Shares\n\nShares in Charles Schwab fell 4 per cent after the results.", "Charles Schwab"),
        ("Collapse\n\nLehman Brothers collapsed in 2008, and Merrill Lynch was sold.", "Merrill Lynch"),
    ],
)
def test_a_bank_named_after_its_founders_is_an_organisation(analyzer, text, firm):
    """Banks whose names read as people's ('Goldman Sachs', 'Charles Schwab') are firms (the sponsors list)."""
    assert labels_of(analyzer, text, firm) == ["ORG"]


@pytest.mark.parametrize(
    "text, firm",
    [
        ("Title sponsor\n\nGallagher has extended its title sponsorship of the league until 2028.", "Gallagher"),
        ("Sponsor stays\n\nThe league said Betfred had renewed its shirt deal for three years.", "Betfred"),
    ],
)
def test_a_name_spacy_left_out_that_has_a_sponsorship_is_a_firm(analyzer, text, firm):
    """'Gallwood has extended its title sponsorship': a firm, also where spaCy tagged nothing."""
    assert labels_of(analyzer, text, firm) == ["ORG"]


def test_a_sentence_opener_before_a_firms_verb_is_no_firm(analyzer):
    text = "Deal\n\nThen it has extended its deal, the club said, and Yesterday has no part in it."
    assert labels_of(analyzer, text, "Then") == []
