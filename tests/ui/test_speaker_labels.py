"""Where the reading pane writes "— Speaker": after a quote whose sentence does not name the speaker, after
the whole attribution, never inside it (issue 19)."""

from __future__ import annotations

import pytest

from reader.core.view import build_view
from reader.ui.reading_pane import paragraph_marks, shown_chars
from tests.core.analysis_fixtures import analyze_text, real_analyzer

DASH = "\u2014"


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def shown_body(analyzer, text: str) -> list[str]:
    """Each body paragraph as the pane shows it, labels included, white space folded."""
    article, analysis = analyze_text(analyzer, text)
    view = build_view(article, analysis, [], [], [[] for _ in article.captions])
    paragraphs = []
    for para, marks in paragraph_marks(article.body, view.body):
        paragraphs.append(" ".join("".join(c for c, _ in shown_chars(para, marks)).split()))
    return paragraphs


def test_no_label_where_the_sentence_names_the_speaker(analyzer):
    [para] = shown_body(
        analyzer,
        'Visa\n\n"Our partnership with FIFA is going to the next stage," said Visa chief executive Ryan McInerney.',
    )
    assert DASH not in para
    assert para.endswith('stage," said Visa chief executive Ryan McInerney.')


def test_the_label_follows_the_attribution_and_never_splits_it(analyzer):
    _first, second = shown_body(
        analyzer,
        "Ma\n\nAlibaba founder Jack Ma spoke in Lausanne on Tuesday.\n\n"
        '"We believe in the future of the Games," he said.',
    )
    assert second == f'"We believe in the future of the Games," he said. {DASH} Jack Ma'


def test_a_quote_with_no_attribution_of_its_own_is_labelled_at_its_end(analyzer):
    paras = shown_body(
        analyzer,
        "Ma\n\nAlibaba founder Jack Ma spoke in Lausanne on Tuesday.\n\n"
        '"We have moved things very fast," Ma said.\n\n"We believe in the future." '
        "The meeting ended at noon.",
    )
    assert DASH not in paras[1]  # 'Ma said' names him
    assert paras[2] == f'"We believe in the future." {DASH} Jack Ma The meeting ended at noon.'


def test_two_quotes_of_one_sentence_share_one_label(analyzer):
    paras = shown_body(
        analyzer,
        "Ma\n\nAlibaba founder Jack Ma spoke in Lausanne on Tuesday.\n\n"
        '"We are ready," he said, "and so are the fans around the world."',
    )
    assert paras[1].count(DASH) == 1
    assert paras[1].endswith(f'around the world." {DASH} Jack Ma')


def test_a_quote_that_starts_its_own_sentence_is_labelled(analyzer):
    paras = shown_body(
        analyzer,
        "NFL\n\nHead coach Liam Corrigan got a question about his quarterback.\n\n"
        '"I\'m going to let Mark handle the stadium stuff," Corrigan said, nodding toward '
        'team president Mark Devereaux at the podium. "I\'m the football guy."',
    )
    assert paras[1].endswith(f'at the podium. "I\'m the football guy." {DASH} Liam Corrigan')
    assert paras[1].count(DASH) == 1


def test_one_label_for_a_speakers_turn(analyzer):
    paras = shown_body(
        analyzer,
        "Match\n\nFeyenoord coach Maarten van Ooijen praised his side.\n\n"
        '"We did not panic after their goal," said Van Ooijen. "Two years ago this '
        'team would have lost its head."\n\n'
        'His Ajax counterpart, Francesco Lombardi, was left to rue two chances. "If we '
        'score the second goal, it is a different game," the Italian said. "But '
        'football does not care about if."',
    )
    assert DASH not in paras[1]  # 'said Van Ooijen' stands beside the turn
    assert paras[2].count(DASH) == 1
    assert paras[2].endswith(f'care about if." {DASH} Francesco Lombardi')
