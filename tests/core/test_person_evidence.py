"""One person, one label, decided by the evidence of the whole article: a person's name is not a company's
because a company is named beside it ('Tomas Reyes-Whitford, the bank's head of marketing')."""

from __future__ import annotations

import pytest

from tests.core.analysis_fixtures import labels_written, real_analyzer


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
    ],
)
def test_a_person_beside_a_companys_possessive_is_the_person(analyzer, text, name, full):
    assert labels_written(analyzer, text, name) == [("PERSON", full)]


def test_a_company_in_apposition_stays_a_company(analyzer):
    text = "Deal\n\nThe shirt will carry Velmora, the Danish insurer, from July. Velmora paid a record fee."
    assert {label for label, _ in labels_written(analyzer, text, "Velmora")} == {"ORG"}
