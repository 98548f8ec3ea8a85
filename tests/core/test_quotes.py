"""Direct quotes and who said them: the two samples, then press conventions one at a time.

Everything runs through the real analyzer (spaCy's English model and the bundled gazetteer), because
speakers are resolved through the people spaCy finds.
"""

from __future__ import annotations

import pytest

from reader.core.analysis.values import SPEECH, TERM
from reader.core.model import BODY, TITLE
from tests.core.analysis_fixtures import (
    SAMPLE_000,
    SAMPLE_002,
    analyze_text,
    assert_quote_spans_are_sound,
    bare,
    quote_starting,
    real_analyzer,
    sample_analysis,
)


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def speeches(analysis):
    return [q for q in analysis.in_part(BODY).quotes if q.kind == SPEECH]


def speakers(analysis):
    return [(bare(q)[:30], q.speaker) for q in speeches(analysis)]


# ---------------------------------------------------------------- sample 000


def test_sample_000_quotes_and_speakers():
    _article, analysis = sample_analysis(SAMPLE_000)
    vision = quote_starting(analysis.in_part(BODY).quotes, "President Bach had a vision")
    assert vision.text == '"President Bach had a vision,"'
    assert (vision.kind, vision.speaker) == (SPEECH, "Jack Ma")  # 'Ma said, according to the Agence France-Presse'

    era = quote_starting(analysis.in_part(BODY).quotes, "The IOC is entering a new era")
    assert era.text.endswith('in partnership with Alibaba,"')
    assert (era.kind, era.speaker) == (SPEECH, "Thomas Bach")  # '…," said Bach.'
    # exactly four things said, in reading order
    assert [q.speaker for q in speeches(analysis)] == ["Jack Ma", "Jack Ma", "Thomas Bach", "Thomas Bach"]


def test_sample_000_six_paragraph_quote_is_one_quote_by_jack_ma():
    _article, analysis = sample_analysis(SAMPLE_000)
    q = quote_starting(analysis.in_part(BODY).quotes, "He said that the Olympics")
    assert q.text.startswith('"He said that the Olympics should be for the next stage')
    assert q.text.endswith('technology can make it happen."')
    assert q.text.count("\n\n") == 5  # six paragraphs, each re-opened with a mark
    assert q.speaker == "Jack Ma"  # no attribution of its own: it continues "President Bach had a vision"
    # its inner paragraphs are not quotes of their own
    for words in ("We will start from here", "What you see today", "We want to enable", "If someone has an idea"):
        assert not [x for x in analysis.in_part(BODY).quotes if bare(x).startswith(words)], words


def test_sample_000_last_quote_runs_over_two_paragraphs_and_is_bach():
    article, analysis = sample_analysis(SAMPLE_000)
    q = quote_starting(analysis.in_part(BODY).quotes, "Alibaba is offering us")
    assert q.text.endswith('10 more years of partnership and even more success."')
    assert q.text.count("\n\n") == 1
    assert q.end == len(article.body)
    assert q.speaker == "Thomas Bach"


@pytest.mark.parametrize(
    "term", ["turnkey", "Cloud Services", "E-Commerce Platform Services", "Olympic Games on the Cloud"]
)
def test_sample_000_quoted_terms_have_no_speaker(term):
    _article, analysis = sample_analysis(SAMPLE_000)
    [q] = [q for q in analysis.in_part(BODY).quotes if bare(q) == term]
    assert q.text == f'"{term}"'
    assert q.kind == TERM
    assert q.speaker is None


def test_sample_000_speakers_list():
    _article, analysis = sample_analysis(SAMPLE_000)
    assert analysis.speakers() == ["Jack Ma", "Thomas Bach"]


# ---------------------------------------------------------------- sample 002


def test_sample_002_quotes_and_speakers():
    _article, analysis = sample_analysis(SAMPLE_002)
    honoured = quote_starting(analysis.in_part(BODY).quotes, "Alibaba is very honoured")
    assert honoured.text.endswith('to the next stage,"')
    assert honoured.speaker == "Jack Ma"  # '…," said Ma.'

    advice = quote_starting(analysis.in_part(BODY).quotes, "Jack is always giving me good advice")
    assert advice.speaker == "Thomas Bach"

    family = quote_starting(analysis.in_part(BODY).quotes, "For us it's not a challenge")
    assert family.text.endswith('welcome to your family."')
    assert family.text.count("\n\n") == 1
    assert family.speaker == "Thomas Bach"

    digital = quote_starting(analysis.in_part(BODY).quotes, "transform the Olympic Games for the digital era")
    assert digital.speaker is None  # 'According to both parties': no one person said it


def test_sample_002_long_quote_is_not_split_by_the_photo_caption():
    article, analysis = sample_analysis(SAMPLE_002)
    caption = "Alibaba signed a deal with the IOC in January 2017"
    assert [c.text for c in article.captions] == [caption]  # the caption sat between two of its paragraphs
    q = quote_starting(analysis.in_part(BODY).quotes, "We have moved things very fast")
    assert q.text.endswith('That is the spirit behind the Olympic Games."')
    assert q.text.count("\n\n") == 7  # eight paragraphs
    assert q.speaker == "Jack Ma"
    assert caption not in q.text
    assert "It is the future." in q.text
    assert not [x for x in analysis.in_part(BODY).quotes if x.text.rstrip().endswith("It is the future.")]
    assert not [
        x for x in analysis.in_part(BODY).quotes if bare(x).startswith(("No matter how rich", "That is the spirit"))
    ]


def test_sample_002_speakers_in_order():
    _article, analysis = sample_analysis(SAMPLE_002)
    said = [q.speaker for q in speeches(analysis) if q.speaker]
    assert said == ["Jack Ma", "Jack Ma", "Thomas Bach", "Thomas Bach"]


@pytest.mark.parametrize("name", [SAMPLE_000, SAMPLE_002])
def test_sample_quote_spans_are_sound(name):
    article, analysis = sample_analysis(name)
    assert analysis.in_part(BODY).quotes
    assert_quote_spans_are_sound(article.body, analysis.in_part(BODY).quotes)
    assert_quote_spans_are_sound(article.title, analysis.in_part(TITLE).quotes)
    for q in analysis.in_part(BODY).quotes:
        assert q.kind in (SPEECH, TERM)
        if q.kind == TERM:
            assert q.speaker is None


# ---------------------------------------------------------------- attribution after the quote


def test_said_name_after_the_quote_and_short_name_later(analyzer):
    text = (
        "Coke deal\n\n"
        "Coca-Cola chief executive James Quincey signed the new deal with the IOC on Monday.\n\n"
        '"We are delighted with this new partnership and the future," said James Quincey, '
        "the company's chief executive.\n\n"
        '"This is a great day for sport," Quincey said.'
    )
    article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [
        ("We are delighted with this new", "James Quincey"),
        ("This is a great day for sport,", "James Quincey"),
    ]
    assert_quote_spans_are_sound(article.body, analysis.in_part(BODY).quotes)


def test_said_role_and_name_after_the_quote(analyzer):
    text = (
        "Bach news\n\nThe IOC met in Lausanne on Tuesday.\n\n"
        '"We are delighted with the progress of the preparations," said IOC President Thomas Bach.'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [("We are delighted with the prog", "Thomas Bach")]


def test_said_company_role_and_name_after_the_quote(analyzer):
    text = (
        "Coke deal\n\nCoca-Cola signed a new deal with the IOC on Monday.\n\n"
        '"We are delighted," said Coca-Cola chief executive James Quincey.\n\n'
        '"This is a great day for sport," Quincey said.'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert [q.speaker for q in speeches(analysis)] == ["James Quincey", "James Quincey"]


def test_according_to(analyzer):
    text = (
        "Paris 2024\n\nThe budget rose again this year.\n\n"
        '"The costs are under control and we will deliver on time," according to organising committee '
        "president Tony Estanguet."
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [("The costs are under control an", "Tony Estanguet")]


@pytest.mark.parametrize("layout", ["same paragraph", "own paragraph"])
def test_closing_dash_attribution(analyzer, layout):
    gap = " " if layout == "same paragraph" else "\n\n"
    text = (
        "NFL news\n\nThe league grew again last season.\n\n"
        f'"We are committed to growing the game around the world."{gap}— Commissioner Roger Goodell\n\n'
        "The season starts in September."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert q.text == '"We are committed to growing the game around the world."'
    assert q.speaker == "Roger Goodell"
    assert "Goodell" not in q.text


# ---------------------------------------------------------------- attribution before the quote


def test_colon_introduced_quotes(analyzer):
    text = (
        "Lausanne\n\nIOC President Thomas Bach spoke in Lausanne on Tuesday.\n\n"
        'Bach told reporters: "We are very happy with the progress of the preparations."\n\n'
        "FIFA president Gianni Infantino was also there.\n\n"
        'Infantino said: "Football is ready for this and much more."'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [
        ("We are very happy with the pro", "Thomas Bach"),
        ("Football is ready for this and", "Gianni Infantino"),
    ]


def test_colon_introduced_quote_when_the_surname_is_mistagged(analyzer):
    text = (
        "Bach news\n\nThomas Bach spoke in Lausanne on Tuesday.\n\n"
        'Bach told reporters: "We are very happy with the progress of the preparations."\n\n'
        'FIFA president Gianni Infantino was also there. Infantino said: "Football is ready for this."'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert [q.speaker for q in speeches(analysis)] == ["Thomas Bach", "Gianni Infantino"]


def test_organisation_as_speaker(analyzer):
    text = 'IOC\n\nThe IOC said in a statement: "The Games will go ahead as planned in the summer."'
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert q.speaker == "International Olympic Committee"


# ---------------------------------------------------------------- marks


def test_curly_quote_with_nested_single_quotes_is_one_quote(analyzer):
    text = (
        "Curly\n\nIOC President Thomas Bach spoke on Monday.\n\n"
        "“When people call this a ‘turnkey’ solution, they miss the point of the whole project,” "
        "said Bach."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert q.text == "“When people call this a ‘turnkey’ solution, they miss the point of the whole project,”"
    assert (q.kind, q.speaker) == (SPEECH, "Thomas Bach")


def test_straight_quote_with_nested_single_quotes_is_one_quote(analyzer):
    text = (
        "Straight\n\nIOC President Thomas Bach spoke on Monday.\n\n"
        "\"When people call this a 'turnkey' solution, they miss the point of the whole project,\" Bach said."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert "'turnkey'" in q.text and q.text.endswith('project,"')
    assert q.speaker == "Thomas Bach"


def test_curly_quotes_over_paragraphs_continue_the_speaker(analyzer):
    text = (
        "Curly\n\nAlibaba founder Jack Ma spoke in Lausanne.\n\n"
        "“We have moved things very fast,” Ma said.\n\n"
        "“We believe in the future.”"
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [
        ("We have moved things very fast", "Jack Ma"),
        ("We believe in the future.", "Jack Ma"),
    ]


def test_multi_paragraph_quote_attributed_at_its_end(analyzer):
    text = (
        "Ma speech\n\nAlibaba founder Jack Ma visited Lausanne on Tuesday.\n\n"
        '"We want to bring the Games to everyone.\n\n'
        '"Technology makes that possible," Ma said.'
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert q.text == '"We want to bring the Games to everyone.\n\n"Technology makes that possible,"'
    assert q.speaker == "Jack Ma"  # the full name from earlier, not 'Ma'


def test_multi_paragraph_quote_introduced_by_a_colon(analyzer):
    text = (
        "Ma\n\nJack Ma spoke at the event in Lausanne on Tuesday.\n\n"
        'Ma said: "We have moved things very fast.\n\n"We believe in the future."\n\n'
        "The meeting ended at noon."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert q.text.endswith('We believe in the future."')
    assert "noon" not in q.text
    assert q.speaker == "Jack Ma"


# ---------------------------------------------------------------- headlines


def test_quote_in_a_headline(analyzer):
    text = "‘We will win,’ says Messi\n\nLionel Messi spoke to the press before the final in Doha."
    article, analysis = analyze_text(analyzer, text)
    assert article.title == "‘We will win,’ says Messi"
    assert article.body.startswith("Lionel Messi")
    [q] = analysis.in_part(TITLE).quotes
    assert q.text == "‘We will win,’" == article.title[q.start : q.end]
    assert (q.kind, q.speaker) == (SPEECH, "Lionel Messi")  # the full name, from the body
    assert analysis.in_part(BODY).quotes == ()
    assert analysis.speakers() == ["Lionel Messi"]


def test_double_quoted_headline(analyzer):
    text = "“Sport unites us,” says Bach\n\nIOC President Thomas Bach spoke at the opening in Lausanne."
    article, analysis = analyze_text(analyzer, text)
    assert article.title == "“Sport unites us,” says Bach"
    [q] = analysis.in_part(TITLE).quotes
    assert q.text == "“Sport unites us,”"
    assert q.speaker == "Thomas Bach"


def test_double_quoted_headline_counts_once(analyzer):
    text = "“Sport unites us,” says Bach\n\nIOC President Thomas Bach spoke at the opening in Lausanne."
    _article, analysis = analyze_text(analyzer, text)
    assert len(analysis.speeches) == 1  # ArticleRow.quotes, the list's count, comes from this


def test_headline_with_straight_single_quotes(analyzer):
    text = "'We will win,' says Messi\n\nLionel Messi spoke to the press before the final in Doha."
    article, analysis = analyze_text(analyzer, text)
    assert article.title == "'We will win,' says Messi"
    [q] = analysis.in_part(TITLE).quotes
    assert q.text == "'We will win,'"
    assert q.speaker == "Lionel Messi"


# ---------------------------------------------------------------- unbalanced marks


def test_stray_opening_mark_does_not_swallow_the_article(analyzer):
    text = (
        "Stray\n\nIOC President Thomas Bach arrived in the morning. "
        'He called it a "great day for all of us in the city.\n\n'
        "The budget rose again this year.\n\n"
        '"We are very happy with the progress," said Bach.\n\n'
        'Jack Ma also attended. "Technology will change the way fans see sport," Ma said.'
    )
    article, analysis = analyze_text(analyzer, text)
    first_paragraph_end = article.body.index("\n\n")
    stray = quote_starting(analysis.in_part(BODY).quotes, "great day for all of us")
    assert stray.end <= first_paragraph_end  # it ends with its paragraph
    assert "budget" not in stray.text
    assert quote_starting(analysis.in_part(BODY).quotes, "We are very happy").speaker == "Thomas Bach"
    assert quote_starting(analysis.in_part(BODY).quotes, "Technology will change").speaker == "Jack Ma"
    assert_quote_spans_are_sound(article.body, analysis.in_part(BODY).quotes)


def test_stray_opening_mark_before_a_quoted_paragraph(analyzer):
    text = (
        "Stray\n\nIOC President Thomas Bach arrived in the morning. "
        'He called it a "great day for all of us in the city.\n\n'
        '"We are very happy with the progress," said Bach.'
    )
    _article, analysis = analyze_text(analyzer, text)
    happy = quote_starting(analysis.in_part(BODY).quotes, "We are very happy")
    assert happy.text == '"We are very happy with the progress,"'


def test_stray_closing_mark_is_ignored(analyzer):
    text = (
        'Stray close\n\nThe deal was signed" on Monday in Lausanne.\n\n'
        '"We are very happy with the progress," said IOC President Thomas Bach.'
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert q.text == '"We are very happy with the progress,"'
    assert q.speaker == "Thomas Bach"


# ---------------------------------------------------------------- speakers from context


def test_quote_with_no_speaker_anywhere(analyzer):
    text = (
        "Budget\n\nThe budget rose again this year.\n\n"
        '"Nobody expected the budget to rise this much in a single year."\n\nThe end.'
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(BODY).quotes
    assert (q.kind, q.speaker) == (SPEECH, None)
    assert analysis.speakers() == []


def test_pronoun_resolves_to_the_previous_speaker(analyzer):
    text = (
        "Pronoun\n\nIOC President Thomas Bach and Alibaba founder Jack Ma spoke in Lausanne.\n\n"
        '"We are ready for the Games and the fans," Bach said.\n\n'
        '"Technology will change sport for every fan," Ma said.\n\n'
        '"We are all very happy with this partnership," he added.'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert [q.speaker for q in analysis.in_part(BODY).quotes] == ["Thomas Bach", "Jack Ma", "Jack Ma"]


def test_continuation_paragraph_inherits_the_speaker(analyzer):
    text = (
        "Continued\n\nIOC President Thomas Bach spoke in Lausanne.\n\n"
        '"This is a historic day for the Olympic Movement," said Bach.\n\n'
        '"We will continue to work with all our partners around the world."\n\n'
        "The session closes on Friday.\n\n"
        '"Nobody expected the budget to rise this much in a single year."'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert [q.speaker for q in analysis.in_part(BODY).quotes] == ["Thomas Bach", "Thomas Bach", None]  # not after a gap


def test_second_quote_in_the_same_paragraph_keeps_the_speaker(analyzer):
    text = (
        "Same paragraph\n\nIOC President Thomas Bach spoke in Lausanne.\n\n"
        '"We are ready," Bach said. "The athletes can come and compete in safety."'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert [q.speaker for q in analysis.in_part(BODY).quotes] == ["Thomas Bach", "Thomas Bach"]


def test_adding_colon_keeps_the_speaker(analyzer):
    text = (
        "Adding\n\nIOC President Thomas Bach spoke in Lausanne.\n\n"
        '"This is a historic day for the Olympic Movement," Bach said, adding: '
        '"We will continue to work with all our partners."'
    )
    _article, analysis = analyze_text(analyzer, text)
    assert [q.speaker for q in analysis.in_part(BODY).quotes] == ["Thomas Bach", "Thomas Bach"]


def test_short_quoted_phrase_inside_a_sentence_is_a_term(analyzer):
    text = (
        'Terms\n\nIOC President Thomas Bach said the "new norm" reforms would cut costs.\n\n'
        '"We are very happy with the progress," said Bach.'
    )
    _article, analysis = analyze_text(analyzer, text)
    term, speech = analysis.in_part(BODY).quotes
    assert (term.text, term.kind, term.speaker) == ('"new norm"', TERM, None)
    assert (speech.kind, speech.speaker) == (SPEECH, "Thomas Bach")
    assert analysis.speakers() == ["Thomas Bach"]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # rugby report: the quote opens a sentence, its first paragraph left open
            "Leicester coach Declan Mahony chose his words carefully. “It's his knee. He's having a scan on Monday.\n\n"
            "“What I will say is that he played 70 minutes on it.”\n\nLeicester host Bath next.",
            "Mahony",
        ),
        (  # club release with old wire marks
            "Chairman Gordon Pryce welcomed the merger. ``The society's members are our members.\n\n"
            "``And the other way round,'' he said.\n\nThe vote is on Friday.",
            "Gordon Pryce",
        ),
    ],
)
def test_a_quote_opening_a_sentence_runs_on_into_the_next_paragraph(analyzer, body, speaker):
    _article, analysis = analyze_text(analyzer, f"Report\n\n{body}")
    [quote] = speeches(analysis)
    assert quote.text.count("\n\n") == 1
    assert quote.speaker is not None and quote.speaker.endswith(speaker)


# ---------------------------------------------------------------- single curly quotes as speech marks


def test_single_curly_quotes_are_speech_marks_with_apostrophes_inside(analyzer):
    text = (
        "Row\n\nWinger Callum Brierley has hit out at the club.\n\n"
        "Last night Brierley fumed: ‘I’m not done. Callum’s still the best finisher they’ve got.’\n\n"
        "Manager Ros Tindall said: ‘We don’t pick teams for photos.’"
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [
        ("I’m not done. Callum’s still t", "Callum Brierley"),
        ("We don’t pick teams for photos", "Ros Tindall"),
    ]


def test_single_curly_quote_attributed_after_it(analyzer):
    text = (
        "Boss\n\nCoach Pete Marland took charge in May.\n\n"
        "‘The lads were different class today,’ said Marland. ‘Nobody’s giving up.’"
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [
        ("The lads were different class ", "Pete Marland"),
        ("Nobody’s giving up.", "Pete Marland"),
    ]


def test_plural_possessive_does_not_close_a_single_quote(analyzer):
    text = (
        "Kit\n\nCaptain Ellie Varndell spoke at the launch.\n\n"
        "‘The players’ views were ignored, and that hurts,’ Varndell said. The fans’ group agreed."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = speeches(analysis)
    assert q.text == "‘The players’ views were ignored, and that hurts,’"
    assert q.speaker == "Ellie Varndell"


def test_capitalised_single_quoted_headline_keeps_its_apostrophe(analyzer):
    text = "‘I’M STAYING PUT’: Jody Marsh rules out move\n\nStriker Jody Marsh says she will stay at the club."
    _article, analysis = analyze_text(analyzer, text)
    [q] = analysis.in_part(TITLE).quotes
    assert q.text == "‘I’M STAYING PUT’"


def test_apostrophes_alone_make_no_quote(analyzer):
    text = (
        "Era\n\nIt’s the club’s best start since the ‘90s, and the Rovers’ fans know it.\n\n"
        "Rock ‘n’ roll was on the stereo."
    )
    _article, analysis = analyze_text(analyzer, text)
    assert analysis.in_part(BODY).quotes == ()


@pytest.mark.parametrize(
    "sentence",
    [
        'Ruiz said, "As far as I know, this is the first time in history", adding, "For Lima, this man is a hero".',
        'Ruiz said, "As far as I know, this is the first time in history", adding: "For Lima, this man is a hero".',
        'Ruiz was blunt after the match, telling reporters, "For Lima, this man is a hero".',
    ],
)
def test_a_short_quote_after_adding_or_saying_is_speech(analyzer, sentence):
    text = f"Ruiz\n\nCoach Ana Ruiz was unhappy with the first half.\n\n{sentence}"
    _article, analysis = analyze_text(analyzer, text)
    [*_, q] = speeches(analysis)
    assert (bare(q), q.speaker) == ("For Lima, this man is a hero", "Ana Ruiz")


# ---------------------------------------------------------------- straight single marks as speech marks (UK web copy)


def test_straight_single_quotes_are_speech_marks_with_apostrophes_inside(analyzer):
    text = (
        "Sale\n\nPiet de Waal has chaired Northfield Rovers since 2015.\n\n"
        "'We are not for sale,' said chairman Piet de Waal. 'Not to anyone, and that's final.'\n\n"
        "Manager Dean Whitlow said: 'The players don't read the papers.'"
    )
    _article, analysis = analyze_text(analyzer, text)
    assert speakers(analysis) == [
        ("We are not for sale,", "Piet de Waal"),
        ("Not to anyone, and that's fina", "Piet de Waal"),
        ("The players don't read the pap", "Dean Whitlow"),
    ]


def test_a_straight_single_quote_keeps_plural_possessives_inside(analyzer):
    text = (
        "Kit\n\nCaptain Ellie Varndell spoke at the launch.\n\n"
        "'The players' views were ignored, and that hurts,' Varndell said. The fans' group agreed."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = speeches(analysis)
    assert q.text == "'The players' views were ignored, and that hurts,'"
    assert q.speaker == "Ellie Varndell"


def test_straight_apostrophes_alone_make_no_quote(analyzer):
    text = (
        "Era\n\nIt's the club's best start since the '90s, and the Rovers' fans know it. "
        "Rock 'n' roll was on the stereo, and 'twas ever thus, the players' union said.\n\n"
        "The Smiths' new stand opens in May."
    )
    _article, analysis = analyze_text(analyzer, text)
    assert analysis.in_part(BODY).quotes == ()


# ---------------------------------------------------------------- marks of translated and pasted copy


@pytest.mark.parametrize(
    "sentence",
    [
        "„We are proud of this partnership,“ said Kestrel chief executive Anika Sorensen.",
        "»We are proud of this partnership«, said Kestrel chief executive Anika Sorensen.",
        "«We are proud of this partnership», said Kestrel chief executive Anika Sorensen.",
        "« We are proud of this partnership », said Kestrel chief executive Anika Sorensen.",
    ],
)
def test_low_and_reversed_quote_marks_of_translated_copy(analyzer, sentence):
    text = f"Deal\n\nKestrel Beverages renewed its shirt deal with Northfield Rovers.\n\n{sentence}"
    _article, analysis = analyze_text(analyzer, text)
    assert [(q.text.strip("„“»«, ")[:30], q.speaker) for q in speeches(analysis)] == [
        ("We are proud of this partnersh", "Anika Sorensen")
    ]


def test_an_opening_mark_typed_after_a_full_stop_and_a_space_closes(analyzer):
    text = (
        "Rowe\n\nHead coach Declan Rowe was defiant. "
        "“We go to Leicester next week and we go to win. “ The team travels on Friday, Rowe said."
    )
    _article, analysis = analyze_text(analyzer, text)
    [q] = speeches(analysis)
    assert q.text == "“We go to Leicester next week and we go to win. “"


# ---------------------------------------------------------------- short partial quotes after a promising or calling verb


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('Whitlow defended his record whilst promising a "full review" from the board.', "full review"),
        ('Whitlow has called the ruling "scandalous" (in a post on X) and demanded an apology.', "scandalous"),
        (
            'The chairman said a "more general reflection" (his words) is needed on ticket prices.',
            "more general reflection",
        ),
    ],
)
def test_a_short_partial_quote_after_a_cue_is_speech(analyzer, sentence, words):
    text = f"Row\n\nManager Dean Whitlow spoke after the game.\n\n{sentence}"
    _article, analysis = analyze_text(analyzer, text)
    assert [bare(q) for q in speeches(analysis)] == [words]


def test_a_quoted_term_in_a_reported_sentence_stays_a_term(analyzer):
    text = 'Row\n\nWhitlow said the "new norm" reforms would hurt smaller clubs the most.'
    _article, analysis = analyze_text(analyzer, text)
    assert speeches(analysis) == []
