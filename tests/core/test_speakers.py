"""Who said it, for the attribution patterns of English newswire and sports copy (issue 19).

Each test is a short passage in real press style, run through the real analyzer (spaCy's model and the
bundled lists), asserting the speaker a reader would name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.analysis.quotes import find_quotes
from reader.core.analysis.values import SPEECH, TERM
from reader.core.model import BODY, TITLE, Article
from tests.core.analysis_fixtures import analyze_text, assert_quote_spans_are_sound, bare, quote_starting, real_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return real_analyzer()


def who_said(analyzer, body: str) -> list[str | None]:
    """The speaker of each speech quote of `body`, in order."""
    return [who for _, who in said(analyzer, body)]


def said(analyzer, body: str, title: str = "Sport") -> list[tuple[str, str | None]]:
    article, analysis = analyze_text(analyzer, f"{title}\n\n{body}")
    assert_quote_spans_are_sound(article.body, analysis.in_part(BODY).quotes)
    return [(bare(q)[:24], q.speaker) for q in analysis.in_part(BODY).quotes if q.kind == SPEECH]


# ---------------------------------------------------------------- honorifics and titles with a full stop


@pytest.mark.parametrize("title", ["Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Dr.", "Prof.", "Insp.", "Supt."])
def test_a_title_with_a_full_stop_neither_ends_the_sentence_nor_is_the_speaker(analyzer, title):
    body = (
        "The stadium bill passed the state house on Thursday after a long debate.\n\n"
        f'"This is a good day for the fans and for the taxpayers of this state," said {title} Alan Price.'
    )
    assert said(analyzer, body) == [("This is a good day for t", "Alan Price")]


def test_rep_with_party_and_state(analyzer):
    body = (
        "Lawmakers questioned the league's betting partners on Tuesday.\n\n"
        '"Nobody in this room wants a sportsbook logo on a child\'s jersey," said Rep. Dana Ortiz (R-Texas).'
    )
    assert said(analyzer, body) == [("Nobody in this room want", "Dana Ortiz")]


def test_mrs_before_a_surname_resolves_to_the_full_name(analyzer):
    body = (
        "Grace Okafor, the federation's treasurer, presented the accounts to members on Monday.\n\n"
        '"We have balanced the books for the first time in six years," Mrs. Okafor said.'
    )
    assert said(analyzer, body) == [("We have balanced the boo", "Grace Okafor")]


# ---------------------------------------------------------------- attribution before the quote


def test_role_name_verb_colon_before_the_quote(analyzer):
    body = (
        "The team confirmed the new title partner at the factory on Friday.\n\n"
        'Team principal Ruth Adler replied: "We will not discuss the value of the contract with anybody."'
    )
    assert said(analyzer, body) == [("We will not discuss the ", "Ruth Adler")]


def test_name_apposition_said_colon_before_the_quote(analyzer):
    body = (
        "The federation met its sponsors in Zurich.\n\n"
        'Jane Doe, the federation\'s president, said: "Every partner has renewed, and two have grown."'
    )
    assert said(analyzer, body) == [("Every partner has renewe", "Jane Doe")]


def test_a_panels_name_and_outlet_before_the_quote(analyzer):
    body = (
        "The panel discussed the new broadcast deal.\n\n"
        'Sam Ito, Channel 4: "Free-to-air coverage is what built this sport in the first place."'
    )
    assert said(analyzer, body) == [("Free-to-air coverage is ", "Sam Ito")]


def test_lead_in_before_the_organisation(analyzer):
    body = (
        "Wigan Warriors lost their shirt sponsor on Monday.\n\n"
        'In a statement on its website, Wigan Warriors said: "We are in contact with the administrators."'
    )
    assert said(analyzer, body) == [("We are in contact with t", "Wigan Warriors")]


# ---------------------------------------------------------------- after the quote


def test_name_apposition_after_the_quote(analyzer):
    body = (
        "Fairway Insurance will sponsor the Desert Classic for three more years.\n\n"
        '"It is the best audience we can buy in the Gulf," Omar Haddad, marketing director at Fairway '
        "Insurance, said."
    )
    assert said(analyzer, body) == [("It is the best audience ", "Omar Haddad")]


@pytest.mark.parametrize(
    "verb",
    [
        "added",
        "explained",
        "insisted",
        "admitted",
        "conceded",
        "warned",
        "gushed",
        "implored",
        "interjected",
        "responded",
        "replied",
        "wrote",
        "tweeted",
        "posted",
        "noted",
        "claimed",
        "joked",
        "quipped",
        "stressed",
        "urged",
        "acknowledged",
    ],
)
def test_speech_verbs(analyzer, verb):
    body = (
        "Barcelona coach Hansi Flick spoke after training on Friday.\n\n"
        f'"We have to be ready for every game from now until May," Flick {verb}.'
    )
    assert said(analyzer, body) == [("We have to be ready for ", "Hansi Flick")]


def test_according_to(analyzer):
    body = (
        "The bid committee met in Lausanne.\n\n"
        '"The budget is under control and the venues are ready," according to bid chief Lena Vogt.'
    )
    assert said(analyzer, body) == [("The budget is under cont", "Lena Vogt")]


def test_club_role_before_the_name_after_the_quote(analyzer):
    body = (
        "Sevilla rejected the airline's account.\n\n"
        '"The club has met every one of its obligations," club president José María del Valle told '
        "reporters."
    )
    assert said(analyzer, body) == [("The club has met every o", "José María del Valle")]


# ---------------------------------------------------------------- organisations and descriptions


def test_the_airline_is_the_airline_named_just_before(analyzer):
    body = (
        "Emirates ended its shirt deal with the club on Tuesday, two years early.\n\n"
        '"We have been proud to fly these colours around the world," the airline said in a statement.'
    )
    assert said(analyzer, body) == [("We have been proud to fl", "Emirates")]


def test_an_unnamed_spokesman_is_kept_as_written(analyzer):
    body = (
        "The shirts will stay on sale until the end of the season.\n\n"
        '"They will be collectors\' items one day," a club spokesman said.'
    )
    assert said(analyzer, body) == [("They will be collectors'", "a club spokesman")]


def test_the_coach_is_the_person_the_article_called_coach(analyzer):
    body = (
        "Feyenoord coach Robin van Persie watched from the touchline as his side drew 1-1.\n\n"
        "Midfielder Quinten Timber was the best player on the pitch.\n\n"
        '"We did not panic after their goal, and that is new for this team," the coach said.'
    )
    assert said(analyzer, body) == [("We did not panic after t", "Robin van Persie")]


def test_an_interruption_by_someone_else_is_not_the_previous_speaker(analyzer):
    body = (
        "Liam Corrigan and team doctor Teresa Villanueva took questions together.\n\n"
        '"He is throwing again and looks sharp," Corrigan said.\n\n'
        '"Healthy," Dr. Villanueva interrupted, and the room laughed.\n\n'
        '"See, the partnership is already working," the coach interjected.'
    )
    got = said(analyzer, body)
    assert got[0] == ("He is throwing again and", "Liam Corrigan")
    assert got[1] == ("Healthy,", "Teresa Villanueva")
    assert got[2][1] != "Teresa Villanueva"  # 'the coach': never silently the quote before's speaker


def test_a_speaker_is_never_a_place_or_a_date(analyzer):
    body = (
        "The league published its plans in London.\n\n"
        '"We will play four games a season abroad from 2027 onwards," Monday said.\n\n'
        '"The market is ready for it and so are the clubs," London said.'
    )
    for _, speaker in said(analyzer, body):
        assert speaker not in ("Monday",)


# ---------------------------------------------------------------- no attribution, turns, lost breaks


def test_a_quote_with_no_attribution_after_a_story_has_no_speaker(analyzer):
    body = (
        '"We are ready for the new season and the new sponsor," said captain Maro Adeyemi.\n\n'
        "The club sold 11,000 replica shirts in November, a record for the winter months.\n\n"
        '"Nobody expected the shirt to sell out before Christmas."'
    )
    assert said(analyzer, body) == [("We are ready for the new", "Maro Adeyemi"), ("Nobody expected the shir", None)]


def test_a_second_quote_after_the_attribution_sentence_goes_on_the_same_turn(analyzer):
    body = (
        '"Each of those zones is a soft target," Supt. Marcus Belanger of the Toronto Police Service told '
        'a security conference on Tuesday. "They are outside the perimeter and they are crowded."'
    )
    assert said(analyzer, body) == [
        ("Each of those zones is a", "Marcus Belanger"),
        ("They are outside the per", "Marcus Belanger"),
    ]


def test_lost_paragraph_breaks_keep_attribution_local(analyzer):
    body = (
        'The captain was first to speak. "We knew what was at stake tonight," said captain Ellie Grant. '
        "The federation later issued a statement about the referee and the crowd trouble at the ground "
        'after the final whistle. "The federation condemns the behaviour of a minority of spectators." '
        'Winger Sophie Marsh, who scored twice, was happier. "I will remember this one for a long time," '
        "Marsh said."
    )
    got = said(analyzer, body)
    assert got[0] == ("We knew what was at stak", "Ellie Grant")
    assert got[1] == ("The federation condemns ", None)
    assert got[2] == ("I will remember this one", "Sophie Marsh")


def test_a_quote_ending_its_sentence_does_not_take_the_next_quotes_attribution(analyzer):
    body = (
        '"The bench won that game," said Ollie Saint-Clair. "Fair play to the boys who came on." '
        'His captain, Maro Adeyemi, agreed: "When our bench comes on, the game changes."'
    )
    assert said(analyzer, body) == [
        ("The bench won that game,", "Ollie Saint-Clair"),
        ("Fair play to the boys wh", "Ollie Saint-Clair"),
        ("When our bench comes on,", "Maro Adeyemi"),
    ]


def test_partial_quote_inside_a_sentence_is_speech_by_the_subject(analyzer):
    body = (
        "Thiago Lisboa, speaking in the Silverstone paddock, called the deal "
        '"the best news I have had since my first win" and said it settled his future.'
    )
    _article, analysis = analyze_text(analyzer, f"F1\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert (q.kind, q.speaker) == (SPEECH, "Thiago Lisboa")


def test_a_quoted_term_before_a_noun_stays_a_term(analyzer):
    body = 'IOC President Thomas Bach said the "new norm" reforms would cut the cost of the Games.'
    _article, analysis = analyze_text(analyzer, f"IOC\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert (q.kind, q.speaker) == (TERM, None)


# ---------------------------------------------------------------- quote marks as they occur in real copy


def test_two_apostrophes_as_in_old_wire_copy(analyzer):
    body = (
        "Josphat Cheruiyot signed the shoe contract in Nairobi.\n\n"
        "''I will run the trials like everybody else,'' Cheruiyot said."
    )
    _article, analysis = analyze_text(analyzer, f"Wire\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert q.text == "''I will run the trials like everybody else,''"
    assert q.speaker == "Josphat Cheruiyot"


def test_tex_style_marks(analyzer):
    body = (
        "Captain Lewis Ashdown welcomed the announcement.\n\n"
        "``The shirt will look different, but the cricket won't,'' Ashdown said."
    )
    _article, analysis = analyze_text(analyzer, f"Release\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert q.text == "``The shirt will look different, but the cricket won't,''"
    assert q.speaker == "Lewis Ashdown"


def test_a_closing_mark_typed_as_an_opening_one_at_a_paragraph_end(analyzer):
    body = (
        "“I never thought the numbers would work out, but they worked out. “\n\n"
        "The deal runs until 2030.\n\n“We are delighted,” said chairman Pete Wood."
    )
    _article, analysis = analyze_text(analyzer, f"Deal\n\n{body}")
    first, second = analysis.in_part(BODY).quotes
    assert first.text.endswith("worked out. “")
    assert "2030" not in first.text
    assert second.speaker == "Pete Wood"


def test_a_quote_nested_in_another_with_the_same_mark(analyzer):
    body = '"My father told me "go and enjoy it" before the final, and I did," said sprinter Ana Lima.'
    _article, analysis = analyze_text(analyzer, f"Final\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert q.text == '"My father told me "go and enjoy it" before the final, and I did,"'
    assert q.speaker == "Ana Lima"


def test_the_samples_speakers_are_unchanged(analyzer):
    from tests.core.analysis_fixtures import SAMPLE_000, SAMPLE_002, sample_analysis

    for name, expected in (
        (SAMPLE_000, ["Jack Ma", "Jack Ma", "Thomas Bach", "Thomas Bach"]),
        (SAMPLE_002, [None, "Jack Ma", "Jack Ma", "Thomas Bach", "Thomas Bach"]),
    ):
        _, analysis = sample_analysis(name)
        assert [q.speaker for q in analysis.in_part(BODY).quotes if q.kind == SPEECH] == expected
    assert quote_starting(sample_analysis(SAMPLE_000)[1].in_part(BODY).quotes, "turnkey").kind == TERM


# ---------------------------------------------------------------- more of real copy's shapes


def test_the_28_year_old_is_the_player_the_paragraph_is_about(analyzer):
    body = (
        "Rafael Nadal beat Novak Djokovic in four sets in Paris on Sunday.\n\n"
        '"I have waited a long time for a night like this," the 28-year-old said.'
    )
    assert said(analyzer, body) == [("I have waited a long tim", "Rafael Nadal")]


def test_the_spokesman_is_the_club_spokesman_the_article_introduced(analyzer):
    body = (
        '"The shirts will stay on sale," a club spokesman said on Monday.\n\n'
        "Fans queued outside the shop for two hours.\n\n"
        '"We have had approaches from other sponsors already," the spokesman added.'
    )
    assert said(analyzer, body) == [
        ("The shirts will stay on ", "a club spokesman"),
        ("We have had approaches f", "a club spokesman"),
    ]


def test_a_newspaper_quoted_someone_saying(analyzer):
    body = (
        "IOC President Jacques Rogge visited Madrid on Monday. "
        'Spanish newspaper El Mundo quoted Rogge saying, "The crisis does not affect the bid at all."'
    )
    assert said(analyzer, body) == [("The crisis does not affe", "Jacques Rogge")]


def test_a_transcripts_speaker_in_capitals(analyzer):
    body = (
        "The defending champion Madison Okoro-Banks was asked about the deal.\n\n"
        'Q: "Have you been asked to do anything for the sponsor?"\n\n'
        'OKORO-BANKS: "No, and I would not. That is a line for me."'
    )
    assert said(analyzer, body) == [
        ("Have you been asked to d", None),
        ("No, and I would not. Tha", "Madison Okoro-Banks"),
    ]


def test_the_subject_of_a_sentence_that_introduces_a_quote_with_a_colon(analyzer):
    body = (
        "Lord Sebastian Coe, head of the British Olympic Association, also rejected the call for a "
        'boycott: "It would only damage one group of people, and that is the athletes."'
    )
    assert said(analyzer, body) == [("It would only damage one", "Sebastian Coe")]


def test_saying_after_the_subjects_sentence(analyzer):
    body = (
        "Tatyana McFadden told the media about her two punctures, saying, "
        '"At 18 miles it went again, and this always seems to happen to me in London."'
    )
    assert said(analyzer, body) == [("At 18 miles it went agai", "Tatyana McFadden")]


def test_initials_are_spelled_out_as_the_article_did(analyzer):
    body = (
        "North Korea's Korean Central News Agency (KCNA) reported the exchange of fire.\n\n"
        '"Foolhardy provocation deserves harsh punishment," said KCNA.'
    )
    assert said(analyzer, body) == [("Foolhardy provocation de", "Korean Central News Agency")]


def test_a_role_before_the_name_and_an_apposition_after_it(analyzer):
    body = (
        "French security consultant Louis Caprioli, former anti-terrorism head at the Direction de la "
        'Surveillance du Territoire, said "You would need really incredible security precautions."'
    )
    assert said(analyzer, body) == [("You would need really in", "Louis Caprioli")]


def test_an_arabic_name_with_its_particle(analyzer):
    body = '"All those who were wounded have been taken to hospital," said civil defence chief Suleiman al-Amr.'
    assert said(analyzer, body) == [("All those who were wound", "Suleiman al-Amr")]


def test_he_is_the_subject_of_the_sentence_before_the_quote(analyzer):
    body = (
        "The fourth set was different again. Rafael Nadal charged to a 4-0 lead. Roger Federer, an "
        "outspoken critic of the line-calling system, snapped after a Nadal ball was called in. "
        '"How in the world was that ball in?" he said in the direction of the umpire.'
    )
    assert said(analyzer, body) == [("How in the world was tha", "Roger Federer")]


def test_reported_speech_with_a_partial_quote(analyzer):
    body = (
        "Emirates ended its shirt deal with Sevilla on Tuesday.\n\n"
        'The airline said in a statement that the club had "repeatedly failed to deliver the hospitality '
        'it promised".'
    )
    assert said(analyzer, body) == [("repeatedly failed to del", "Emirates")]  # not the club


@pytest.mark.parametrize(
    "body",
    [
        'Indianapolis mayor Greg Ballard declared the day "Jeff Gordon Day".',
        'The contest took place in Pichilemu, often called the "Capital of the Surf."',
        'The ministry confirmed yesterday that the police will enforce the law banning "propaganda of nontraditional '
        'relations" during the Games.',
    ],
)
def test_names_and_distant_terms_inside_a_sentence_are_quoted_terms(analyzer, body):
    _article, analysis = analyze_text(analyzer, f"Terms\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert (q.kind, q.speaker) == (TERM, None)


# ---------------------------------------------------------------- the sentence's grammar, where no pattern fits


def test_a_partial_quote_deep_in_reported_speech_is_the_speech_verbs_subject(analyzer):
    body = (
        "Security for the final will be the tightest the stadium has seen.\n\n"
        "Col. Maria Estevez, who leads the police operation for the tournament, said the risks included "
        'ticket touts, pitch invaders and "the fan who has had one drink too many by kick-off."'
    )
    assert said(analyzer, body) == [("the fan who has had one ", "Maria Estevez")]


def test_a_subordinate_clause_before_the_subject_and_a_preposition_before_the_quote(analyzer):
    body = (
        "Although two directors had already left the board, Heidi Marchetti insisted on a "
        '"completely clean break with the way this club was run."'
    )
    assert said(analyzer, body) == [("completely clean break w", "Heidi Marchetti")]


def test_a_quote_in_a_that_clause_with_someone_else_as_its_subject(analyzer):
    body = (
        "Lawyer Dev Brannigan told the Evening Gazette that after the meeting the chairman "
        '"walked out of the room and never came back to the training ground," and told the players, '
        '"nothing about the money he owed them."'
    )
    assert said(analyzer, body) == [
        ("walked out of the room a", "Dev Brannigan"),
        ("nothing about the money ", "Dev Brannigan"),
    ]


def test_whoever_is_told_something_is_not_its_speaker(analyzer):
    body = (
        "The squad met at the training ground on Monday morning. The players were told to prepare for "
        '"a long season with no new signings and a smaller budget."'
    )
    assert said(analyzer, body) == [("a long season with no ne", None)]


def test_a_surname_spelled_another_way_is_the_same_person(analyzer):
    body = (
        "Lydia Haverkamp, the club's head of partnerships, confirmed the new deal on Monday.\n\n"
        '"We spoke to nine brands and chose the one that wanted to stay longest," Haverkampf said.'
    )
    assert said(analyzer, body) == [("We spoke to nine brands ", "Lydia Haverkamp")]


def test_a_role_of_a_place_before_the_name(analyzer):
    body = (
        "The stadium plan was approved on Thursday. In a statement, Governor of Oregon Kate Brennan said, "
        '"This stadium will bring jobs and football back to the heart of the city."'
    )
    assert said(analyzer, body) == [("This stadium will bring ", "Kate Brennan")]


def test_a_lead_in_without_its_comma_before_he_said(analyzer):
    body = (
        "Marco Bellini walked out of the stewards' room after two hours. At the team's motorhome he said: "
        '"We accept the penalty, but we do not accept the way it was decided."'
    )
    assert said(analyzer, body) == [("We accept the penalty, b", "Marco Bellini")]


def test_the_company_is_the_organisation_the_paragraph_is_about(analyzer):
    body = (
        "Vexora, a Malta-based sportsbook, will be the tournament's official betting partner.\n\n"
        "The deal was criticised by campaigners. Vexora said in a statement that it would donate $1 million "
        "to the Harbor Youth Foundation and would not advertise during matches. "
        '"We take our responsibilities seriously," the company said.'
    )
    assert said(analyzer, body) == [("We take our responsibili", "Vexora")]  # not the foundation


def test_the_club_is_the_club_the_story_is_about_not_the_one_named_last(analyzer):
    body = (
        "Harrowgate Rovers are looking for a new shirt sponsor after Pellow Energy went into administration "
        "on Monday.\n\n"
        "The logo was due to appear on the new home shirt for the opener against Millbrook Athletic on "
        "February 13.\n\n"
        'In a statement on its website, the club said: "We are in contact with the administrators and are '
        'taking advice."'
    )
    assert said(analyzer, body) == [("We are in contact with t", "Harrowgate Rovers")]


def test_in_the_words_of_a_role_and_a_name_in_apposition(analyzer):
    body = (
        "The hearing went on into the evening, and in the words of the league's lawyer, Harriet Okonjo, QC, "
        '"the club knew the money had not been paid and chose to say nothing about it."'
    )
    assert said(analyzer, body) == [("the club knew the money ", "Harriet Okonjo")]


def test_a_publications_analysis_speaks_for_the_publication(analyzer):
    body = (
        "Viewing figures for the final fell for a third year. The Athletic's review of the club accounts "
        'concluded, "Fewer people watched, but those who did watched for longer than ever before."'
    )
    assert said(analyzer, body) == [("Fewer people watched, bu", "The Athletic")]


def test_a_second_partial_quote_after_and_said_is_the_same_subjects(analyzer):
    body = (
        'Shadow sports minister Helen Marsh said her party had backed the levy "for years", and said it was '
        '"shameful that the clubs are still waiting for the money they were promised."'
    )
    assert said(analyzer, body)[-1] == ("shameful that the clubs ", "Helen Marsh")


def test_a_web_address_before_a_name_is_not_part_of_it(analyzer):
    body = (
        "Crowds came to the beach all weekend. "
        '"We have never seen this many people for a contest in the low season," director of surf magazine '
        "Surfline.cl Tomas Aravena told the newspaper."
    )
    assert said(analyzer, body) == [("We have never seen this ", "Tomas Aravena")]


def test_a_quote_after_a_sentence_reporting_what_someone_said_is_theirs(analyzer):
    body = (
        "Dana Whitfield, the club's commercial director, spoke at the launch on Tuesday.\n\n"
        "Whitfield also said the club had turned down two larger offers. "
        '"We wanted a partner who would still be here in ten years, not one who would leave after two."'
    )
    assert said(analyzer, body) == [("We wanted a partner who ", "Dana Whitfield")]


def test_a_quote_after_a_sentence_that_reports_nobody_speaking_has_no_speaker(analyzer):
    body = (
        "Marta Lindqvist signed the contract in the club shop on Tuesday. The crowd outside cheered for ten "
        'minutes. "Nobody here has seen anything like it since the title in 1998, and nobody expected it."'
    )
    assert said(analyzer, body) == [("Nobody here has seen any", None)]


def test_a_person_familiar_with_the_matter_keeps_what_they_are_familiar_with(analyzer):
    body = (
        "A person familiar with the club's finances, who asked not to be named, said the sponsor had missed "
        'two payments. "Nobody was surprised when the letter came," the person said.'
    )
    assert said(analyzer, body) == [("Nobody was surprised whe", "a person familiar with the club's finances")]


def test_with_someone_stating_before_the_quote(analyzer):
    body = (
        "The paper quoted critics of the plan, among them fan group leader Joanne Pryce, with Pryce stating: "
        '"Nobody asked the supporters, and nobody will be able to afford a ticket."'
    )
    assert said(analyzer, body) == [("Nobody asked the support", "Joanne Pryce")]


# ---------------------------------------------------------------- two people sharing a surname


@pytest.mark.parametrize(
    "body, expected",
    [
        (  # brothers at one club: the surname is the one named last before it, paragraph by paragraph
            "Callum Marsh, the Hawthorn Rovers chairman, opened the annual meeting on Monday. His brother Dean "
            "Marsh, the club's finance director, presented the accounts.\n\n"
            '"There is no debt left," Marsh said. "Every bill is paid."\n\n'
            'Callum Marsh then took questions from supporters. "I am not selling," Marsh said.',
            [
                ("There is no debt left,", "Dean Marsh"),
                ("Every bill is paid.", "Dean Marsh"),
                ("I am not selling,", "Callum Marsh"),
            ],
        ),
        (  # cousins signed on the same day: each quote follows the cousin named just before it
            "Liam Varga and his cousin Niall Varga have both signed with Drumcondra Athletic. Liam Varga joins "
            'from Bray.\n\n"It is a family club," Varga said. Niall Varga joins on loan. "I am delighted," said '
            "Varga.",
            [("It is a family club,", "Liam Varga"), ("I am delighted,", "Niall Varga")],
        ),
        (  # a relative named once in an earlier paragraph does not take over the story's subject
            "Amara Okafor defends her title in Doha on Friday. Okafor won the world indoor crown last year, "
            "and Okafor has not lost since.\n\nHer aunt, Grace Okafor, also ran for Nigeria in the 1990s.\n\n"
            'Okafor said on Thursday: "I feel stronger than ever before a final."',
            [("I feel stronger than eve", "Amara Okafor")],
        ),
        (  # US desk: a player named after his position, his mother later ('Mrs. Price')
            'Guard Darnell Price scored 31 points. "I saw the governor, and I figured I\'d better not miss," Price '
            "quipped.\n\nPrice's mother, Gloria Price, flew in from St. Louis and watched from the family section. "
            '"He was like this in high school," Mrs. Price said.\n\n'
            '"We\'ll take it," Price said when told about the post.',
            [
                ("I saw the governor, and ", "Darnell Price"),
                ("He was like this in high", "Gloria Price"),
                ("We'll take it,", "Darnell Price"),
            ],
        ),
    ],
)
def test_a_shared_surname_is_the_person_named_last_not_the_first(analyzer, body, expected):
    assert said(analyzer, body) == [(words[:24], who) for words, who in expected]


# ---------------------------------------------------------------- an organisation written two ways


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "The Football Association and the Premier League reviewed Betway's shirt deal. The FA found no "
            'breach. "We have reviewed the contract," the FA said.\n\n'
            'The league added: "Nothing changes for clubs this season."',
            "Premier League",
        ),
        (
            "The Norwegian Ski Federation has extended its deal with Fjordline Bank until 2030. The federation "
            "was also talking to Telenor, but Telenor pulled out in May.\n\n"
            '"Skiing is part of who we are as a company and as a country," the bank said.',
            "Fjordline Bank",
        ),
        (
            "The International Olympic Committee welcomed the move. The Nordic Ski Federation confirmed that "
            "Audi will stay as title sponsor until 2028, and the IOC approved it.\n\n"
            '"Audi has been a loyal partner for twenty years," the federation said in a statement.',
            "Nordic Ski Federation",
        ),
    ],
)
def test_the_league_or_the_federation_is_the_body_whose_name_says_so(analyzer, body, speaker):
    assert said(analyzer, body)[-1][1] == speaker


# ---------------------------------------------------------------- an introduced quote ends its sentence


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            'Lando Norris has signed a new deal with McLaren. Norris, who won in Miami last year, said: "This is '
            'where I want to win a title." Team principal Andrea Stella said Norris "keeps getting better".',
            [("This is where I want to w", "Lando Norris"), ("keeps getting better", "Andrea Stella")],
        ),
        (
            "Harry Kane has fronted Bayern Munich's new sponsor campaign. Kane, who scored 36 league goals last "
            'season, told reporters: "It feels natural to me now." Marketing chief Stefan Mennerich said the '
            'striker was "the face of the club and of the league".',
            [("It feels natural to me n", "Harry Kane"), ("the face of the club and", "Stefan Mennerich")],
        ),
        (
            'Rovers lost again on Saturday. The coach, who took over in March, said: "We need time and we need '
            'patience." Chairman Tom Reilly agreed with him.',
            [("We need time and we need", "the coach")],
        ),
    ],
)
def test_an_introduced_quote_that_ends_its_sentence_keeps_the_speaker_before_it(analyzer, body, expected):
    assert said(analyzer, body) == [(words[:24], who) for words, who in expected]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "The Premier League has sold its overseas rights for a record sum, with Premier League clubs set to "
            "share the money.\n\nThe league said the deal would also fund the Women's Super League, which turns "
            'fully professional next year. "This is a good day for the whole pyramid," the league said.',
            "Premier League",
        ),
        (
            "Ryder Airlines is the new shirt sponsor of Halden Town. Ryder Airlines flies from Oslo to 40 cities."
            "\n\nThe airline said the deal was its first in football and thanked Halden Town and Norsk Tipping. "
            '"We wanted a club that travels as much as we do," the airline said.',
            "Ryder Airlines",
        ),
    ],
)
def test_the_league_said_after_a_sentence_the_league_opens_is_the_league_before_it(analyzer, body, speaker):
    assert said(analyzer, body)[-1][1] == speaker


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "Kalle Rovanpera will miss the Safari Rally. Toyota team principal Jari-Matti Latvala confirmed the "
            'news on Tuesday, and praised his driver\'s attitude. "He needs a rest after a long year," he said.',
            "Jari-Matti Latvala",
        ),
        (
            "Charles Leclerc crashed twice in practice. Ferrari team principal Fred Vasseur spoke to reporters "
            'after the session and defended him. "He did nothing wrong in either of them," he said.',
            "Fred Vasseur",
        ),
        (
            "Marcus Smith was left out of the squad. England head coach Steve Borthwick named three new caps "
            'instead. "It was a hard call and I told him so myself," he said.',
            "Steve Borthwick",
        ),
    ],
)
def test_he_said_is_the_subject_of_the_sentence_before_even_after_a_title(analyzer, body, speaker):
    assert [who for _, who in said(analyzer, body)] == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "Manchester United have confirmed a new sleeve sponsor for next season.\n\n"
            '"This is a landmark partnership for the club," said the club\'s chief executive, Omar Berrada.',
            "Omar Berrada",
        ),
        (
            "The federation will move its congress to Lausanne next year.\n\n"
            '"We owe it to our members to keep costs down," added the federation\'s president, Gianni Merlo.',
            "Gianni Merlo",
        ),
        (
            "Padelhub has raised €12m from investors to open forty clubs across Spain.\n\n"
            '"Padel is the fastest-growing sport in Europe and we want to be everywhere," said its founder, '
            "Ana Ruiz-Torres.",
            "Ana Ruiz-Torres",
        ),
    ],
)
def test_said_a_description_then_a_name_in_apposition_is_the_name(analyzer, body, speaker):
    assert [who for _, who in said(analyzer, body)] == [speaker]


# ---------------------------------------------------------------- a pronoun opening a paragraph


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # the subject of the paragraph before, not the last person it names
            "Sofia Lindqvist won the downhill in Wengen on Saturday, beating Italy's Federica Brignone by 0.12 "
            'seconds.\n\n"I have waited a long time for this," she said.',
            "Sofia Lindqvist",
        ),
        (  # 'He replaces Tom Reilly': he is still Rossi
            "The club has appointed Marco Rossi as head coach. Rossi, 48, left Parma in May.\n\nHe replaces Tom "
            'Reilly, who was sacked last week.\n\n"It is a big job and I am ready for it," he said.',
            "Marco Rossi",
        ),
        (  # 'The German company said …' after 'Adidas reported …': it is Adidas, not its trainers
            "Adidas reported a 20 per cent rise in sales. The German company said demand for its Samba trainers "
            'was strong.\n\n"We are very pleased with the quarter," it said in a statement.',
            "Adidas",
        ),
    ],
)
def test_a_pronoun_opening_a_paragraph_is_the_subject_the_story_was_about(analyzer, body, speaker):
    assert [who for _, who in said(analyzer, body)] == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # not the person the quote talks about
            "Coach Tom Reilly was sacked on Sunday after a run of six defeats, and chairman Dave Allen thanked "
            'him. "Tom gave everything to this club for four years," he said.',
            "Dave Allen",
        ),
        (  # the subject behind 'Her agent'
            "Naomi Osaka withdrew from the French Open. Her agent Stuart Duguid said she needed rest. "
            '"She will be back for the grass season, no doubt," he said.',
            "Stuart Duguid",
        ),
        (  # the winner spaCy did not tag, found as the opponent of the player it did
            "Sofia Lindqvist beat Federica Brignone by 0.12 seconds in Wengen on Saturday. "
            '"I have waited a long time for this," she said.',
            "Sofia Lindqvist",
        ),
    ],
)
def test_he_said_within_a_paragraph_is_the_subject_of_the_sentence_before(analyzer, body, speaker):
    assert [who for _, who in said(analyzer, body)] == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            'Lewis Hamilton was asked about his future. "I am not thinking about that right now," he said. Team '
            'boss Toto Wolff was less guarded. "Lewis will be here next year, that is all I can say," the '
            "Austrian said.",
            "Toto Wolff",
        ),
        (
            "Rafael Nadal watched from the stands. His compatriot Carlos Alcaraz, who won in three sets, was "
            'asked about him. "Rafa is the reason I play this sport at all," the Spaniard said.',
            "Carlos Alcaraz",
        ),
        (
            "Erling Haaland missed training on Friday. Manager Pep Guardiola had no update on the striker. "
            '"We will see tomorrow how he feels, it is nothing serious," the Spaniard said.',
            "Pep Guardiola",
        ),
    ],
)
def test_the_nationality_said_is_the_subject_just_before_the_quote(analyzer, body, speaker):
    assert said(analyzer, body)[-1][1] == speaker


# ---------------------------------------------------------------- a quote opening a paragraph after reported speech


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # UK broadsheet: the warning reported, then its words in a paragraph of their own
            "Sir Keith Mallory, the chairman of the Lawn Tennis Association, warned on Thursday that grassroots "
            "clubs were closing faster than new ones opened.\n\n"
            '"We cannot keep asking volunteers to carry the sport on their backs."',
            "Keith Mallory",
        ),
        (  # US sports desk
            "Quarterback Devin Marsh insisted after the game that the offense was close to a breakthrough.\n\n"
            '"We left three touchdowns out there. That\'s on me."\n\nThe Hawks host Denver next Sunday.',
            "Devin Marsh",
        ),
        (  # club release, the reporting sentence the last of two
            "Olympic champion Marit Solberg has signed with Fjord Energy. Solberg said the deal would let her "
            'train full time until Milan-Cortina.\n\n"For the first time I do not have to worry about rent."',
            "Marit Solberg",
        ),
        (  # trade press: a company reports
            "Sportradar told investors on Tuesday that revenue from betting data had grown 18 per cent.\n\n"
            '"The US market continues to exceed our expectations."',
            "Sportradar",
        ),
    ],
)
def test_a_quote_opening_a_paragraph_is_said_by_whom_the_paragraph_before_reported(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_quote_opening_a_paragraph_after_a_story_without_speech_has_no_speaker(analyzer):
    body = (
        "Mayor Tom Barrett opened the new stadium on Saturday in front of 40,000 fans.\n\n"
        '"Best day of my life."\n\n'
        '"Best day of my life too," said season-ticket holder Jim Okafor.'
    )
    assert said(analyzer, body) == [("Best day of my life.", None), ("Best day of my life too,", "Jim Okafor")]


# ---------------------------------------------------------------- he said: the subject, past openers and possessors


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # a lower-case role before the name at the sentence's start
            "Coach Martina Ruiz praised her defence. Full-back Tomasz Nowak, who made three blocks, agreed. "
            '"We suffered together," he said.',
            "Tomasz Nowak",
        ),
        (  # 'Lund's successor, Ingrid Dahl,': not Lund
            "The board thanked Erik Lund for his service. Lund's successor, Ingrid Dahl, starts in January. "
            '"I know the club inside out," she said.',
            "Ingrid Dahl",
        ),
        (  # a time word before the subject
            "Team-mates Luca Bianchi and Paolo Conte both finished on the podium. Later Conte spoke to reporters. "
            '"The car was perfect," he said.',
            "Paolo Conte",
        ),
        (  # a lead-in phrase with its comma
            "Luca Bianchi and Paolo Conte shared the front row. After the race, Conte was in a hurry. "
            '"I have a flight to catch," he said.',
            "Paolo Conte",
        ),
    ],
)
def test_he_said_is_the_subject_after_a_time_word_a_role_or_a_possessors_apposition(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a ministry named with its country


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # wire copy: the country's possessive, then 'the ministry'
            "Germany's Interior Ministry said on Monday it would tighten security at fan zones.\n\n"
            '"There is no specific threat," the ministry said in a statement.',
            "German Interior Ministry",
        ),
        (
            "France's Ministry of Sport has cut the federation's grant by 10 per cent. "
            '"Every euro must be accounted for," the ministry said.',
            "French Ministry of Sport",
        ),
        (  # the adjective in the name, then the name without it
            "The Russian Sports Ministry has rejected the report. "
            '"These are baseless accusations," the Sports Ministry said.',
            "Russian Sports Ministry",
        ),
        (  # 'The statement said' after the ministry named with its country
            "Russia's Interior Ministry confirmed yesterday that the police will enforce the law.\n\n"
            'The statement said "protesters will be detained" if they gathered near the venues.',
            "Russian Interior Ministry",
        ),
    ],
)
def test_a_ministry_named_with_its_country_is_that_countrys_in_every_mention(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- an apposed subject, 'of his striker', a partial quote's tail


def test_the_name_in_apposition_to_a_description_introduces_the_quote(analyzer):
    body = (
        '"We deserved it," said Toulouse captain Antoine Ribes. His opposite number, Leinster\'s Conor Walsh, '
        'disagreed: "We gave it away."'
    )
    assert who_said(analyzer, body) == ["Antoine Ribes", "Conor Walsh"]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            '"Marco is the best young player I have worked with," said coach Luis Pena of his striker Marco '
            'Villa. "He listens," he added.',
            "Luis Pena",
        ),
        (
            '"She never stops asking questions," Wimbledon champion Ada Novak said of her coach Irena Sokol on Sunday.',
            "Ada Novak",
        ),
    ],
)
def test_the_person_a_speaker_talks_of_is_not_the_speaker(analyzer, body, speaker):
    assert {who for _, who in said(analyzer, body)} == {speaker}


@pytest.mark.parametrize(
    "body",
    [
        'Mr Okafor, the club\'s chief executive, said the stadium would be "full every week" next season.',
        'Coach Hanna Berg said the squad had been "running on empty" by the end of the tour.',
        'The striker said the chance had come "far too early" against a side he knew well.',
    ],
)
def test_a_partial_quote_followed_by_a_time_or_a_preposition_is_speech(analyzer, body):
    assert len(said(analyzer, body)) == 1


# ---------------------------------------------------------------- an organisation's unnamed source, its statement


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            'A spokesperson for the Football Association said: "We are aware of the incident and are looking into it."',
            "a spokesperson for the Football Association",
        ),
        (
            '"Nothing has been agreed," an official at the Rugby Football Union said on Monday.',
            "an official at the Rugby Football Union",
        ),
        ('A statement from Chelsea read: "The club condemns all forms of discrimination."', "Chelsea FC"),
    ],
)
def test_an_organisations_unnamed_source_is_kept_as_written_and_its_statement_is_its_own(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a role of an organisation before its holder's name


@pytest.mark.parametrize(
    "body, speakers",
    [
        (
            'Chief executive of the Lawn Tennis Association Scott Lloyd told the BBC the plan was "the biggest '
            "investment in the sport's history\".",
            ["Scott Lloyd"],
        ),
        (
            "After the vote, president of the Spanish federation Rafael Louzan told reporters the bid was "
            '"on track": "We have the stadiums, the hotels and the will."',
            ["Rafael Louzan", "Rafael Louzan"],
        ),
    ],
)
def test_a_role_of_an_organisation_before_a_name_is_the_names(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


def test_a_quote_after_the_paragraph_saying_someone_issued_a_statement_is_theirs(analyzer):
    body = (
        "Senator Ruth Dalby issued a statement on the stadium vote on Friday.\n\n"
        '"This deal is bad for taxpayers and bad for the city."'
    )
    assert who_said(analyzer, body) == ["Ruth Dalby"]


# ---------------------------------------------------------------- a quote that answers the story's question


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # the question names the person, the answer opens the next paragraph
            "Why did Lena Hoffmann, the Bundesliga's top scorer, turn down a move to England?\n\n"
            '"Because Wolfsburg believed in me when nobody else did."',
            "Lena Hoffmann",
        ),
        (  # 'she' in the question: the person named before it
            "Priya Raman had never run further than ten kilometres before March. So why did she enter a "
            'marathon? "My sister dared me, and I never turn down a dare."',
            "Priya Raman",
        ),
    ],
)
def test_a_quote_answering_the_storys_question_is_the_answer_of_whom_it_asks_about(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_question_about_two_people_gives_its_answer_no_speaker(analyzer):
    body = 'Who will replace Tom Reilly and Dave Allen on the board?\n\n"Nobody has been approached yet."'
    assert who_said(analyzer, body) == [None]


def test_a_chain_of_partial_quotes_after_a_description_with_a_name_in_apposition(analyzer):
    body = (
        'The leader of the council, Helen Ashworth, said the decision was "the right one for the city and for the '
        'club" and promised that residents\' concerns would be "written into every stage of the build".'
    )
    assert who_said(analyzer, body) == ["Helen Ashworth", "Helen Ashworth"]


def test_he_said_opening_a_paragraph_reads_back_past_a_sentence_about_the_subject(analyzer):
    body = (
        "Jens Vermeulen, 26, crossed the line 38 seconds ahead of Spain's Iker Goikoetxea. It was his first win "
        'in a Grand Tour.\n\n"I was shaking at the top of the Mortirolo, I could not feel my hands," he said.'
    )
    assert who_said(analyzer, body) == ["Jens Vermeulen"]


def test_she_said_is_the_person_a_role_introduced_where_spacy_tagged_nobody(analyzer):
    body = (
        "Coach Ana Ruiz was full of praise after the win.\n\n"
        '"Tom Kelly was outstanding, and so was Sara Diaz," she said.\n\n'
        '"We will need both of them on Saturday," she added.'
    )
    assert who_said(analyzer, body) == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # a possessor's role, then the name in apposition, after the verb
            '"Logitech G has been with us since our first title," said Fnatic\'s chief executive, Sam Mathews-Lind.',
            "Sam Mathews-Lind",
        ),
        (  # a company's role 'of' a department before the name, the partial quote after the verb
            "Logitech G head of esports Mira Castellanos said the team's fans were \"exactly the people we build "
            'products for".',
            "Mira Castellanos",
        ),
    ],
)
def test_a_companys_role_before_or_after_the_verb_names_the_person_who_holds_it(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_the_subject_of_the_clause_after_but_is_the_speaker_not_the_sentences_first(analyzer):
    body = (
        "De Graaf did not reply to messages, but his agency, Baseline Management, said in a statement that he "
        '"remains fully committed to her career".'
    )
    assert who_said(analyzer, body) == ["Baseline Management"]


def test_a_question_with_she_is_about_whom_the_story_was_about_not_the_last_name(analyzer):
    body = (
        "Adaeze Okonjo plays Coco Gauff in the semi-finals on Friday. She has lost all three of their previous "
        'meetings, according to the WTA.\n\nWhat will she change this time?\n\n"Nothing. I just need to win the '
        'last point."'
    )
    assert who_said(analyzer, body) == ["Adaeze Okonjo"]


def test_the_teenager_is_the_person_whose_age_the_story_gave(analyzer):
    body = (
        "Tamsin Okafor-Reid scored four minutes from time as Arsenal beat Chelsea. The Arsenal manager, Renée "
        'Vidal, admitted they had been lucky.\n\nOkafor-Reid, 19, had been on the pitch for six minutes. "I just '
        'closed my eyes and hit it," the teenager told Sky Sports.'
    )
    assert who_said(analyzer, body) == ["Tamsin Okafor-Reid"]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # no subject just before the question: the person the story has named most
            "Mercy Wanjiru, 27, won 200m silver in 2022. Wanjiru tested positive in May last year.\n\n"
            "The Athletics Integrity Unit, which brought the case, declined to comment.\n\n"
            "Did the sprinter ever doubt she would run again?\n\n"
            '"Every single day. But my mother told me to keep my spikes in the car."',
            "Mercy Wanjiru",
        ),
        (  # a heading without a full stop before the paragraph does not hide its subject
            "Opening night at the gallery\n\nKiara Perkins, a second-year art student, admitted she nearly skipped "
            'it. Why did she want to attend so badly? "It\'s Warhol. He is a legend."',
            "Kiara Perkins",
        ),
    ],
)
def test_a_question_about_she_with_no_name_in_it_is_about_the_storys_subject(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "Laura Finch runs Umbro's football business.\n\nFinch is unbothered. \"Let them say that. We'll see "
            'who is still standing in five years."',
            "Laura Finch",
        ),
        (
            'Toto Wolff had heard the criticism. Wolff was less guarded. "We were too slow all weekend."',
            "Toto Wolff",
        ),
    ],
)
def test_a_quote_after_a_short_sentence_about_a_named_person_is_theirs(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_quote_after_a_short_sentence_about_a_crowd_has_no_speaker(analyzer):
    body = 'Supporters were furious on Saturday night. "Give us our club back."'
    assert who_said(analyzer, body) == [None]


@pytest.mark.parametrize(
    "title, speaker",
    [
        ("“We are not for sale,” Bayern tell bank", "Bayern Munich"),
        ("'Nothing will change,' Lions vow after relegation", "Lions"),
    ],
)
def test_a_headline_quote_with_a_present_tense_verb(analyzer, title, speaker):
    _, analysis = analyze_text(analyzer, f"{title}\n\nThe story goes on here.\n\nAnd ends here.")
    assert [q.speaker for q in analysis.in_part(TITLE).quotes] == [speaker]


def test_the_21_year_old_is_a_person_named_in_full_not_a_lone_surname_spacy_took_for_one(analyzer):
    body = (
        "Aston Martin have opened talks with Formula 2 leader Freddie Calder about a race seat.\n\n"
        'The Briton, who has won five races this year, is also wanted by Williams. "I would be lying if I said '
        'it was not flattering," the 21-year-old said in the paddock.'
    )
    assert who_said(analyzer, body) == ["Freddie Calder"]


# ---------------------------------------------------------------- a role as the attribution: the person given it


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy: the title abbreviated before the name, the role spelled out in the attribution
            "ALBANY, N.Y. (AP) — Gov. Maria Lindqvist signed the arena bill on Friday. State Sen. Paul Okoye, who "
            'voted against it, called the subsidy reckless. "This is a good day for the taxpayers of this '
            'state," the governor said.',
            ["Maria Lindqvist"],
        ),
        (  # US sports desk: another player named in between
            "The Wolves beat Rockford 3-1 as goaltender Petr Novak made 38 saves. Forward Jake Dunmore scored "
            'twice. "The guys in front of me blocked half of them anyway," the goaltender said.',
            ["Petr Novak"],
        ),
        (  # UK broadsheet: a capitalised role in a possessive title
            "Leeds's Lord Mayor Anne Whitby opened the fan zone on Saturday, and the club chairman, Robert Kale, "
            'thanked the council. "We have waited a long time for a final in this city," the mayor said.',
            ["Anne Whitby"],
        ),
        (  # US desk: a title between the role and the name in apposition
            'Guard Tomas Reyes left the game in the fourth quarter. "I felt it go on the landing," Reyes said.\n\n'
            'The team\'s physician, Dr. Ellen Sato, said the sprained ankle was "nothing serious."\n\n'
            "In Las Vegas, Julio Mendez asked the Nevada State Athletic Commission to overturn his loss. "
            '"I was never down," Mendez said. The commission\'s executive director, Dr. Ruth Calloway, said a '
            'hearing would be held "within 30 days."',
            ["Tomas Reyes", "Ellen Sato", "Julio Mendez", "Ruth Calloway"],
        ),
        (  # UK regional: 'the councillor' is the one the story called 'Cllr'
            "Asked by Cllr Pauline Greaves whether residents had been consulted, club chief executive Joanne Barrow "
            'said: "We have held six public meetings."\n\n'
            '"Six meetings in which the decisions had already been made," the councillor replied.',
            ["Joanne Barrow", "Pauline Greaves"],
        ),
        (  # trade press: the role in apposition after the name
            "Dana Holm, the league's commissioner, met the broadcasters in New York. Rights adviser Tom Beck said "
            'the talks went well. "Nobody walked out, which is a start," the commissioner said.',
            ["Dana Holm"],
        ),
        (  # club release: a role no name was given keeps its words
            'The stadium opened on time. "The pitch will settle within a month," the groundsman said.',
            ["the groundsman"],
        ),
    ],
)
def test_a_role_as_the_attribution_is_the_person_the_article_gave_that_role(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # US sports desk: the position opens the sentence, capitalised
            "Goaltender Petr Novak made 38 saves and the Wolves beat Rockford 3-1. Forward Jake Dunmore scored "
            'twice. "The guys in front of me blocked half of them anyway," the goaltender said.',
            ["Petr Novak"],
        ),
        (  # wire copy: a role the article writes in lower case elsewhere
            "Two lawmakers objected to the sponsorship. Lawmaker Emmett Doyle replied to the minister on "
            'Twitter: "So much money, so little shame."',
            ["Emmett Doyle"],
        ),
        (  # trade press
            "Media analysts expect the rights to fetch more. Analyst Mira Kaspersen told clients: "
            '"The streamers are coming for football, and they can pay."',
            ["Mira Kaspersen"],
        ),
        (  # a first name that is also a common word stays in the name
            'Ticket prices rose again this season. Rose Walker, a season-ticket holder, said: "I will pay, '
            'but I will not be happy about it."',
            ["Rose Walker"],
        ),
    ],
)
def test_a_capitalised_role_opening_the_sentence_is_not_part_of_the_name(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # US sports desk
            'Forward Tyler Brandt scored twice. "Nights like this, you feel the building," Tyler Brandt said. "My '
            'grandpa served." Nils Ekdahl was asked about his 31 saves and shrugged.',
            ["Tyler Brandt", "Tyler Brandt"],
        ),
        (  # UK broadsheet, a pronoun
            '"We were second best for an hour," Maureen Okafor said. "The second half was better." She was then '
            "asked about the referee and left the room.",
            ["Maureen Okafor", "Maureen Okafor"],
        ),
        (  # wire copy: those spoken to after a quote
            'The league will appeal the ruling, its chairman Peter Vance said. "We think the panel got it wrong." '
            "Club owners were told about the appeal by email on Friday.",
            ["Peter Vance"],
        ),
    ],
)
def test_whom_a_question_is_put_to_after_a_quote_is_not_its_speaker(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # club release
            "The Buddies Supporters Trust, which owns a 27 per cent stake in the club, welcomed the deal. "
            '"Fans will want to know that the community work is protected," the trust said.',
            ["Buddies Supporters Trust"],
        ),
        (  # UK broadsheet: another organisation named nearer
            "The Hargreaves Foundation has funded the academy since 2015, and Leeds United paid half of the new "
            'pitch. "Every child in the city deserves a proper pitch," the foundation said in a statement.',
            ["Hargreaves Foundation"],
        ),
        (  # wire copy: no body of that name, so the description as written, not a person named before it
            "Lai Changxing, 54, was given a life sentence on Friday. The Chinese court described the sums "
            'involved as "massive and extraordinarily serious" in its ruling.',
            ["the Chinese court"],
        ),
    ],
)
def test_a_description_of_a_body_is_the_organisation_whose_name_ends_with_its_noun(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy: a partial quote as the subject of a reported clause
            "Despite the league's denials, Prime Minister Alan Birch on Thursday told the BBC that \"this stadium "
            "business\" was among his reasons, mentioning the club's debts.",
            ["Alan Birch"],
        ),
        (  # US sports desk
            'Maria Sandoval said "the best night of my career" came in Lisbon, not in the final.',
            ["Maria Sandoval"],
        ),
        (  # UK broadsheet: 'promised to'
            'The chairman, Neil Arkwright, has promised to "fully and openly" review the club\'s finances before '
            "the summer.",
            ["Neil Arkwright"],
        ),
        (  # 'accused X of', and a pronoun whose sentence names someone else after it
            "Coach Dan Reyes criticised the officials on Saturday, singling out referee Tom Hale. He also accused "
            'Hale of "showboating" and said "the league has lost control of its referees."',
            ["Dan Reyes", "Dan Reyes"],
        ),
    ],
)
def test_a_partial_quote_right_after_a_speech_verb_is_speech_and_its_speakers(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


def test_a_name_in_quotes_after_a_speech_verb_stays_a_quoted_term(analyzer):
    body = 'The owners said "Project Big Picture" was dead. Fans call the new stand "the Kop End" already.'
    assert who_said(analyzer, body) == []


@pytest.mark.parametrize(
    "body, closes_after",
    [
        (  # a statement pasted from a senator's website, then the story goes on
            "Cornyn's statement added, “There is no question Houston deserved a shuttle. I am deeply disappointed "
            "with the decision.“ However, the centre will receive two flight-deck seats.",
            "decision.“",
        ),
        (  # trade press: a comma before the mark
            "“The market is there for anyone who wants it,“ Lena Fischer of Ampere said on Tuesday.",
            "wants it,“",
        ),
    ],
)
def test_a_closing_mark_typed_as_an_opening_one_after_the_last_word_closes(analyzer, body, closes_after):
    _article, analysis = analyze_text(analyzer, f"Deal\n\n{body}")
    [q] = analysis.in_part(BODY).quotes
    assert q.kind == SPEECH
    assert q.text.endswith(closes_after)


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # wire copy: a long title before the name does not make the introduction long
            "Deputy White House Press Secretary Sarah Ellison disagreed with the senator. \"I don't see a conflict "
            'of interest and neither do the lawyers."',
            "Sarah Ellison",
        ),
        (  # trade press: the company and the role before the name
            'Adidas chief marketing officer Jonas Riedel was unmoved. "We sell shoes, not opinions."',
            "Jonas Riedel",
        ),
        (  # UK broadsheet: a lead-in before the subject
            "Leicester were beaten 24-19. Asked about Ollie Brennan, Declan Mahony chose his words carefully. "
            "\"It's his knee, and I'm not a doctor.\"",
            "Declan Mahony",
        ),
    ],
)
def test_a_quote_after_a_short_sentence_about_a_person_with_a_title_or_a_lead_in_is_theirs(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (
            '"His rise was built on a reputation as a fighter," Republican strategist Kevin Maddox offered. "The '
            'photos undermine that."',
            ["Kevin Maddox", "Kevin Maddox"],
        ),
        (
            'Former club doctor Anna Pryce gave evidence on Tuesday. "I was never asked to sign it," she testified.',
            ["Anna Pryce"],
        ),
        (
            '"The rights are worth half what the league thinks," media analyst Tom Ferris contended in a note.',
            ["Tom Ferris"],
        ),
    ],
)
def test_more_verbs_of_attribution(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "Prime Minister John Kemp backs the new flag. Of the public process, he said, \"In the end I'll have "
            'one vote like every other voter."',
            "John Kemp",
        ),
        (
            'Striker Ivo Marek was sold on Friday. Regarding the transfer, coach Lena Holt said: "Ivo wanted to go."',
            "Lena Holt",
        ),
        (
            'Despite the defeat, Wolves captain Sam Oduya said: "We will be fine."',
            "Sam Oduya",
        ),
    ],
)
def test_a_lead_in_before_the_subject_of_the_attribution(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # US sports desk: a short form in the attribution
            "The Blues and their presenting partner, Gateway Federal Credit Union, honored 300 service members "
            'before the game. "We wanted the seats filled with the people the night is for," Gateway Federal said '
            "in a statement.",
            "Gateway Federal Credit Union",
        ),
        (  # wire copy with a typo in the organisation's name
            "Paris-based organisers Amaury Sport Organisation had said on Thursday that 500 cars were ready. After "
            'meetings with ministry officials, "No other decision but the cancellation of the rally could be '
            'taken," said a statement on Amuary’s website.',
            "Amaury Sport Organisation",
        ),
        (  # a person is not renamed after the foundation that bears their name
            'The Michael Jordan Foundation funds 40 courts in Chicago. "Every kid needs a hoop," Michael Jordan said.',
            "Michael Jordan",
        ),
        (  # a company named on its own first is not the pilots' group named after it later
            "Irish budget airline Ryanair has dismissed a pilot over remarks he made in a documentary. The pilot is a "
            "key figure of Ryanair Pilots Group, which the airline does not recognise. Ryanair said the claims were "
            '"manifestly inaccurate and factually untrue".',
            "Ryanair",
        ),
    ],
)
def test_an_organisation_speaks_under_the_fullest_name_the_article_gives_it(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy
            'Carla Benning, marketing director of the federation, offered help. "We have a list of companies," Ms. '
            'Benning said. "Some of them are on the phone already." Klaus Riedl recalled his first meeting with the '
            "watchmaker's chairman in 1989.",
            ["Carla Benning", "Carla Benning"],
        ),
        (  # US sports desk
            '"We left too many points out there," coach Mark Dole said. "We move on." Quarterback Tim Avery said '
            "he would play on Sunday.",
            ["Mark Dole", "Mark Dole"],
        ),
        (  # a short attribution after a quote that ended its sentence is still the quote's
            'Anna Kovac scored twice in the first half. "It was a good day for the whole team." Kovac said after '
            "the match.",
            ["Anna Kovac"],
        ),
    ],
)
def test_a_sentence_of_its_own_after_a_quote_is_not_its_attribution(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "title, body, speaker",
    [
        (  # trade press: a panel transcript's headline
            "Transcript: “Clean sport sells” — sponsors and the integrity unit at the Forum",
            'Jean Lafleur, Covéa: "Reallocation ceremonies, for a start. Clean sport sells. As a sponsor I would '
            'pay for that moment."',
            "Jean Lafleur",
        ),
        (  # club release
            "Kit deal ‘the biggest in our history’",
            '"This is the biggest in our history, and the fans deserve it," said chief executive Fiona Gall.',
            "Fiona Gall",
        ),
    ],
)
def test_a_headline_quote_the_story_repeats_is_its_speakers(analyzer, title, body, speaker):
    analysis = analyzer.analyze(_headed(title, body))
    assert [(q.kind, q.speaker) for q in analysis.in_part(TITLE).quotes] == [(SPEECH, speaker)]


def test_a_name_in_quotes_in_the_headline_stays_a_term_when_the_story_quotes_it(analyzer):
    title = 'Owners call time on "Project Big Picture"'
    body = '"Project Big Picture is dead, and nobody will miss it," said league chairman Ian Ross.'
    analysis = analyzer.analyze(_headed(title, body))
    assert [(q.kind, q.speaker) for q in analysis.in_part(TITLE).quotes] == [(TERM, None)]


def _headed(title: str, body: str) -> Article:
    """An article with this headline, as a page or a feed gives it."""
    return Article(id="a", path=Path("a.txt"), title=title, date=None, source="test", body=body)


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy: a chain of quotes with one attribution between them
            '"The provocation was reckless and will not go unanswered," said KCNA. "Foolhardy provocation deserves '
            'harsh punishment", it added; and, later, "The front-line units are to be fully battle ready for '
            'surprise operations".',
            ["KCNA", "KCNA", "KCNA"],
        ),
        (  # sports desk
            'Coach Lena Holt was furious. "We were robbed," she said. "The referee had a bad day", she added; and, '
            'later, "I will not apologise for saying it".',
            ["Lena Holt", "Lena Holt", "Lena Holt"],
        ),
    ],
)
def test_a_pronoun_introducing_a_quote_after_a_semicolon_is_resolved(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # wire copy
            "Not all were pleased. U.S. Senator Jane Holloway, Republican from Ohio, issued a statement on the "
            'decision. "Like many Ohioans, I am disappointed with the league\'s choice of host city."',
            "Jane Holloway",
        ),
        (  # club release
            "The club was relegated on Saturday. Chairman Ian Lenagan released a statement within the hour. "
            '"We let our supporters down and we will rebuild."',
            "Ian Lenagan",
        ),
    ],
)
def test_a_quote_after_a_named_person_issued_a_statement_in_the_same_paragraph_is_theirs(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # wire copy: the earlier mention says no more than the attribution
            'The governing body formed a panel to investigate the crash. "The driver did not slow down enough," '
            "the panel said in its report.",
            "the panel",
        ),
        (  # the earlier mention says more: kept
            'A club spokesman confirmed the fee on Monday. "We do not comment on contracts," the spokesman said.',
            "a club spokesman",
        ),
    ],
)
def test_a_description_takes_the_earlier_indefinite_mention_only_when_it_says_more(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # wire copy: the name between dashes
            'One visitor to Atlantic City, New Jersey — Matt Jenkins — told the press, "I think it\'s a shame."',
            "Matt Jenkins",
        ),
        (  # UK broadsheet: between commas after a description with a place in it
            'A season-ticket holder from Swansea, Gareth Price, said: "We pay for the shirt and they sell it."',
            "Gareth Price",
        ),
        (  # a person's apposition naming their firm keeps the person
            'Omar Haddad, Clydeview Bank, said: "We have banked with this town for 140 years."',
            "Omar Haddad",
        ),
    ],
)
def test_the_name_in_apposition_to_an_unnamed_description_is_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # cycling team release: sponsors named more often than the team
            "Team Nordlys will ride as Vestas Energi–Nordlys from next season, after Vestas Energi signed a "
            "four-year deal. Vestas Energi replaces Carlsberg, and Vestas Energi will also sponsor the women's "
            'team.\n\nThe team said in a statement that all rider contracts would be honoured. "No rider or staff '
            'member will lose their place because of this change," the statement read.',
            "Team Nordlys",
        ),
        (  # wire copy: a council spaCy does not tag
            'Earlier, the Leeds city council passed a resolution backing the bid. The resolution read, "This '
            'council fully supports the bid and the fans who made it."',
            "Leeds city council",
        ),
        (  # UK broadsheet: the body's name before the document
            'The Home Office letter reads "we may extend the use of the questionnaire to other claimants", but no '
            "plans exist.",
            "Home Office",
        ),
        (  # trade press: a tribunal's ruling
            'The Court of Arbitration for Sport handed down its ruling on Friday. "The appeal is dismissed and the '
            'ban stands," the ruling read.',
            "Court of Arbitration for Sport",
        ),
    ],
)
def test_the_statement_read_is_whoever_the_story_said_issued_it(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy: 'in which he told', after an unattributed banner
            "Governor Chris Christie was photographed on a closed beach on Sunday. Christie defended the trip, and "
            'his deputy Kim Guadagno backed him.\n\nOn Monday, a plane towed a banner reading, "Tell Christie to '
            'get off the beach," echoing his own words in 2011, in which he told visitors "Get the hell off the '
            'beach" before a storm.',
            [None, "Chris Christie"],
        ),
        (  # sports desk: 'he said' after the words of banners, nobody named since
            "Coach Tomas Berg has lost six games in a row. Berg met the owners on Monday, and owner Mark Hale "
            'backed him.\n\nBanners reading "We want our club back, we want our club back" hung from the stand '
            'for twenty minutes.\n\n"I hear them and I understand them," he said.',
            [None, "Tomas Berg"],
        ),
    ],
)
def test_a_pronoun_after_an_unattributed_quote_is_whom_the_story_is_about(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # broadsheet match report
            "Fans were unimpressed with both sides. \"An airline that can't pay and a club that can't sell itself. "
            "What a mess,\" read a banner unveiled by the Biris Norte supporters' group before Sunday's match.",
            "Biris Norte",
        ),
        (  # US sports desk
            'The arena was half empty. "Fire the GM and sell the team," read a sign held by a fan in the front row.',
            "a fan",
        ),
        (  # words on a screen, nobody's
            '"You can\'t buy a day like this," read the message on the big screen before kick-off.',
            None,
        ),
    ],
)
def test_words_on_display_are_whoever_the_story_says_showed_them(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # the role in the attribution is not the one the name was given
            'Coach Gareth Southgate praised his side. "The lads were brilliant," the England manager said.',
            "Gareth Southgate",
        ),
        (
            'Club captain Ama Owusu lifted the trophy in front of the away end. "This one is for the fans," the '
            "skipper said.",
            "Ama Owusu",
        ),
        (  # the role given to a name wins over the sentence's subject
            'Striker Jon Dahl scored twice, and manager Pep Lind watched from the stand. "Jon was superb," the '
            "manager said.",
            "Pep Lind",
        ),
    ],
)
def test_a_role_no_name_was_given_is_the_person_the_sentence_before_is_about(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        ('According to team principal Christian Horner, "the car is a monster in the wet."', "Christian Horner"),
        (
            'The club will appeal the ban, added chief executive Dana Holm: "We think the panel got it wrong."',
            "Dana Holm",
        ),
        (  # the subject's apposition ends before a verb with its addressee: the subject speaks
            'Anna Berg, who played for Ajax for a decade, told BBC Sport: "The club has lost its way."',
            "Anna Berg",
        ),
    ],
)
def test_a_role_in_lower_case_before_the_name_after_the_cue(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        ('"We are not going anywhere," the protesters chanted outside parliament.', ["the protesters"]),
        ('The Supreme Court ruled that the law was "unconstitutional and void" on Friday.', ["Supreme Court"]),
        ('The NTSB report concluded that pilot error was "the probable cause" of the crash.', ["NTSB"]),
        (  # a possessive owner, as before
            'PC World\'s recent analysis concluded that "usage has fallen for the third month in a row."',
            ["PC World"],
        ),
    ],
)
def test_chants_rulings_and_reports_are_speech_of_who_made_them(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy
            'Police spokesman Dave Miller said officers were "shocked and saddened" by the death, and that the '
            'investigation was "ongoing".',
            ["Dave Miller", "Dave Miller"],
        ),
        (  # trade press
            'Agent Rui Costa-Lima said the offer was "frankly insulting" given the player\'s record, and his '
            'client "very hurt" by the way it was made public.',
            ["Rui Costa-Lima", "Rui Costa-Lima"],
        ),
        (  # a capitalised name in quotes stays a term; so does a quote after the sentence ends
            'Owner Jim Pace said the deal was "huge" for the "Galacticos" brand. Fans call the stadium "the cauldron".',
            ["Jim Pace"],
        ),
    ],
)
def test_a_chain_of_partial_quotes_in_one_sentence_is_one_speakers(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "Super League clubs voted on the new rules on Monday, and Super League chiefs welcomed them.\n\nThe "
            "Rugby Football League, which has tightened its rules on financial reporting, said clubs should "
            '"carry out proper due diligence on the partners they choose."',
            "Rugby Football League",
        ),
        (
            "The Premier League and the Women's Super League will meet next week.\n\nThe Football Association, "
            'which runs the cup, said it would "review the rules on loans and sponsorship before the summer."',
            "The Football Association",  # the listed name
        ),
    ],
)
def test_an_organisation_named_as_the_subject_is_itself_not_another_it_shares_a_word_with(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy: a nationality and a description before the name
            "Swedish political party Vänsterpartiet Malmö released a statement boycotting the contest saying, "
            '"We think it is vital to do everything to condemn the crimes."',
            ["Vänsterpartiet Malmö"],
        ),
        (  # trade press: a question from the floor is nobody's
            'One question from the floor drew applause: "Why are the kick-off times still decided by the '
            "men's fixture list?\" None of the panel claimed responsibility.",
            [None],
        ),
        (  # a surname ending like a nationality is still the subject
            'Parrish told reporters after the hearing, saying: "I have nothing to hide."',
            ["Parrish"],
        ),
    ],
)
def test_the_subject_before_a_colon_is_a_name_not_a_nationality_or_a_number(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # trade press
            'Panellist Joanne Kerr urged sponsors to "stay for the boring years as well as the exciting ones", a '
            "line that was repeated on social media all afternoon.",
            ["Joanne Kerr"],
        ),
        (  # sports desk
            'Coach Dana Reyes told the players, "Nobody leaves this building until we fix it," words that were '
            "quoted back to her after the final.",
            ["Dana Reyes"],
        ),
    ],
)
def test_a_passive_speech_verb_after_a_quote_names_no_speaker(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


def test_a_capitalised_common_noun_before_a_full_name_is_not_added_to_it(analyzer):
    body = 'Panellist Joanne Kerr disagreed: "Sponsors should stay for the boring years too."'
    assert who_said(analyzer, body) == ["Joanne Kerr"]


@pytest.mark.parametrize(
    "body, speakers",
    [
        ('The IOC said it would "carefully study" the proposal.', ["International Olympic Committee"]),
        ('Coach Lena Holt said the club would "look very closely" at the offer.', ["Lena Holt"]),
        ('The league will "review" the rules next season.', []),  # no one said it: a quoted term
    ],
)
def test_a_quoted_verb_phrase_after_a_modal_in_reported_speech_is_speech(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


def test_a_sentence_about_a_body_between_two_quotes_ends_the_first_speakers_turn(analyzer):
    body = (  # a match report whose paragraph breaks were lost
        'Chelsea beat Arsenal 2-1 on Sunday. "We were brilliant," said Chelsea coach Enzo Maresca. Arsenal '
        'manager Mikel Arteta was less happy. "We gave away two soft goals," Arteta said. The league issued a '
        'statement on the crowd trouble. "We condemn the behaviour of a small minority." Cole Palmer, who scored '
        'twice, was delighted. "This one is for the fans," Palmer said.'
    )
    assert who_said(analyzer, body) == ["Enzo Maresca", "Mikel Arteta", None, "Cole Palmer"]


def test_a_sentence_describing_the_speaker_between_two_quotes_keeps_the_turn(analyzer):
    body = 'Mikel Arteta was unhappy. "We gave away two soft goals," Arteta said. The Spaniard was furious. "The referee was awful."'
    assert who_said(analyzer, body) == ["Mikel Arteta", "Mikel Arteta"]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # 'he' after the protesters' chant is the coach the story is about
            'Coach Tomas Berg faced the fans after the game. Berg had lost six in a row.\n\n"Sack the board, sack '
            'the board," the protesters chanted.\n\n"I understand their anger," he said.',
            ["the protesters", "Tomas Berg"],
        ),
        (  # 'she' after a club's statement is not the club
            'Captain Ama Owusu met the press on Monday, a day after the final.\n\n"We are proud of the squad," '
            'Chelsea said in a statement.\n\n"I will stay," she said.',
            ["Chelsea FC", "Ama Owusu"],
        ),
    ],
)
def test_he_or_she_never_stands_for_a_crowd_or_a_body(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy: the cue far before the quote, the grammar links them
            "Former president Hosni Mubarak spoke on Sunday. Mubarak said he would not be returning to politics "
            'and he had left office in "the interest of the country and its people".',
            ["Hosni Mubarak"],
        ),
        (  # a press secretary's reported reasons
            "White House spokesman Josh Earnest faced questions on Monday. Earnest said the rally had been "
            "planned on Friday and the president attending it on such short notice presented "
            '"significant security challenges".',
            ["Josh Earnest"],
        ),
        (  # a name a noun carries stays a term
            "The minister confirmed yesterday that the police will enforce the new law banning "
            '"face coverings in public places" from Monday.',
            [],
        ),
    ],
)
def test_a_phrase_the_grammar_shows_a_speech_verb_reports_is_speech(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # broadsheet match report
            "The stadium was full. One supporter from Swansea, queuing for the train afterwards, was less moved. "
            '"They can keep their adverts. Give us a try in the last ten minutes."',
            ["one supporter from Swansea"],
        ),
        (  # US sports desk
            'The arena emptied early. A season-ticket holder was furious. "I pay $4,000 a year for this."',
            ["a season-ticket holder"],
        ),
        (  # a thing, not a person, opening the sentence introduces nobody
            'A statement was read before kick-off. "We stand together."',
            [None],
        ),
    ],
)
def test_a_quote_after_a_short_sentence_about_an_unnamed_person_is_theirs_as_written(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # club release: the old shirt sponsor named nearer
            "St. Mirren are delighted to announce a new partnership.\n\nThe agreement replaces the club's previous "
            'shirt deal with Hallstone Digital, which ended in May. "We thank Hallstone Digital for six years of '
            'support," the club said.',
            "St. Mirren",
        ),
        (  # a newspaper named nearer
            "Leeds United sacked their manager on Sunday night.\n\nThe decision was first reported by the "
            'Yorkshire Evening Post. "We thank him for his work and wish him well," the club said.',
            "Leeds United FC",  # the listed name
        ),
        (  # US sports desk: the naming-rights partner named nearer
            "The St. Louis Blues will play in a renamed arena next season.\n\nThe Blues signed a naming-rights deal "
            'with Gateway Federal Credit Union on Monday. "This building is our home," the team said.',
            "St. Louis Blues",
        ),
    ],
)
def test_the_club_said_is_the_club_not_its_sponsor_or_a_paper_named_nearer(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a subject that is not a person


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # broadsheet: a passive 'was announced' whose subject is an event, the speaker in the clause after
            "Veteran reporter Moira Halden covered nine presidents.\n\nHer departure as Daily Courier columnist "
            'was announced after she was captured on video saying: "The whole system is rotten."',
            "Moira Halden",
        ),
        (  # sports desk: 'was confirmed hours after he was heard telling teammates:'
            "Winger Jonas Kettering spent six seasons at Ashby Town.\n\nHis move to Lyon was confirmed hours "
            'after he was heard telling teammates: "I need a new challenge."',
            "Jonas Kettering",
        ),
        (  # wire: 'was revealed … when she told reporters:'
            "Coach Petra Lindqvist has led the national team since 2019.\n\nThe contract extension was revealed "
            'on Friday when she told reporters: "There is unfinished business here."',
            "Petra Lindqvist",
        ),
        (  # the passive's agent is still the speaker
            "Rhona Daly became chief executive of Fenwick Bank in March.\n\nThe sponsorship was announced by "
            'chief executive Rhona Daly, who said: "This is a proud day for the bank."',
            "Rhona Daly",
        ),
    ],
)
def test_what_was_announced_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- short partial quotes cued by a verb of judging


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # US wire: 'characterized X as "…"'
            "Prosecutor Dana Whitcombe filed the charges on Monday.\n\nWhitcombe characterized the scheme as "
            '"a betrayal of every fan who bought a ticket."',
            ["Dana Whitcombe"],
        ),
        (  # politics desk: 'referred to X as a "…" and …'
            "Mayor Colin Ashdown opposed the stadium plan.\n\nIn a radio interview, he referred to the "
            'developer as a "so-called benefactor" and promised to fight the plan in court.',
            ["Colin Ashdown"],
        ),
        (  # tribute piece: 'spoke of his "…"'
            "Former club captain Owen Threlfall died on Sunday aged 81.\n\nChairman Brian Mottram spoke of "
            "Threlfall's \"loyalty, grit and humour\", adding that the club would hold a minute's silence.",
            ["Brian Mottram"],
        ),
        (  # a lead-in phrase before the subject: 'Outside the club, … spoke of'
            "Former club captain Owen Threlfall died on Sunday aged 81.\n\nOutside the club, league chairman Ian "
            'Purcell spoke of his "decency and quiet authority".',
            ["Ian Purcell"],
        ),
        (  # campaign group: 'condemned the "…" of the parade'
            "Supporters' group chair Nadia Rahimi wrote to the league on Friday.\n\nRahimi condemned the "
            '"takeover" of the parade by the sponsor.',
            ["Nadia Rahimi"],
        ),
        (  # statement: 'condemning X as "…"'
            "Ferndale Athletic issued a statement on Saturday condemning the chant heard at the match as "
            '"hateful, ignorant and wrong".',
            ["Ferndale Athletic"],
        ),
    ],
)
def test_a_short_partial_quote_after_a_verb_of_judging_is_the_subjects(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- a document as the source


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire: the report named, then 'It says'
            "An independent review of the league's finances was published on Monday.\n\nThe review accuses "
            'owners of chasing short-term gains. It says the clubs "are gambling with their own futures".',
            ["the review"],
        ),
        (  # summit copy: 'approved a declaration in which …. It also called for "…"'
            "The two federations signed a joint declaration in Lima on Friday, in which both promised to share "
            'betting data. It also called for "an end to match-fixing in all its forms."',
            ["the declaration"],
        ),
        (  # broadsheet: 'The study …. But it warns …'
            "Researchers at Kelvin University surveyed 2,000 season-ticket holders.\n\nThe study found that most "
            'fans back a salary cap. But it warns that clubs "will not act unless the league forces them to."',
            ["the study"],
        ),
        (  # a club's statement: 'it' is the club, not the statement
            "Ashby Rovers confirmed the departure of their manager on Monday in a short statement.\n\n"
            '"We thank him for three memorable seasons," it said.',
            ["Ashby Rovers"],
        ),
    ],
)
def test_it_after_a_sentence_about_a_document_is_the_document(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- transcript labels, a time before the subject


@pytest.mark.parametrize(
    "turn, speaker",
    [
        ('Q (MARA LINDQVIST, THE COURIER): "Will the players see any of this money?"', "Mara Lindqvist"),
        ('A (JOE BRANNIGAN): "Yes, every one of them will."', "Joe Brannigan"),
        ('Q — Priya Nandra (BBC Sport): "Will the players see any of this money?"', "Priya Nandra"),
    ],
)
def test_a_transcripts_q_or_a_label_is_not_part_of_the_name(analyzer, turn, speaker):
    body = f"The press conference was held at the Copper Box on Tuesday.\n\n{turn}"
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        'And last night the former England youth ace fumed: "I\'m not finished. I scored three on Saturday."',
        'Yesterday the 29-year-old striker said: "I\'m not finished. I scored three on Saturday."',
        'On Sunday the striker hit back: "I\'m not finished. I scored three on Saturday."',
    ],
)
def test_a_time_before_a_described_subject_is_not_the_speaker(analyzer, sentence):
    body = (
        "Striker Dean Ashworth has hit out at Wexford City after being left out of the club's kit launch.\n\n"
        + sentence
    )
    assert who_said(analyzer, body) == ["Dean Ashworth"]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # tabloid: 'Pals say … One told us:'
            "Winger Callum Brierley was left out of the kit launch.\n\nPals say Brierley was gutted when he found out. "
            'One told us: "He went white when he saw the pictures."',
            ["a pal"],
        ),
        (  # the group in a paragraph of its own before
            "Winger Callum Brierley was left out of the kit launch.\n\nFans flooded social media.\n\n"
            'One wrote: "Leave Brierley out of the launch? Absolute clowns."',
            ["a fan"],
        ),
        (  # team-mates
            "Winger Callum Brierley was left out of the kit launch.\n\nTeam-mates rallied round the winger. "
            'One said: "He is the best player we have got."',
            ["a team-mate"],
        ),
        (  # a sentence about one person before: 'One' is nobody in particular
            "Winger Callum Brierley was left out of the kit launch.\n\nBrierley said nothing after training. "
            'One said: "He is the best player we have got."',
            [None],
        ),
    ],
)
def test_one_after_a_sentence_about_a_group_is_one_of_the_group(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- 'he said' after a subject with a role in apposition


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # politics desk: the role, then party and name; another person named earlier
            "The stadium bill was blocked by Judge Alma Ferris on Friday. The bill's backers said the judge had "
            'overreached. The Speaker of the Assembly, Republican Rhys Bevan, disagreed: "The court has done its '
            'job. We will write a better bill," he said.',
            "Rhys Bevan",
        ),
        (  # sports desk: a union's head
            "Sprinter Keisha Morant criticised the new kit deal on Monday. The head of the Athletes' Union, Ana "
            'Duarte, was blunter: "Nobody asked the athletes. Nobody ever does," she said.',
            "Ana Duarte",
        ),
        (  # business desk: a possessor's role, then a description and the name
            "Manager Steve Corrigan was sacked by Ashby Rovers on Monday. The club's new owner, American investor "
            'Dale Whitford, hit back at critics: "We needed a fresh start. That is all there is to it," he said.',
            "Dale Whitford",
        ),
    ],
)
def test_he_said_after_a_role_with_the_name_in_apposition_is_that_name(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # wire: 'has seen what The New York Times calls an "…"', a person named before
            "President Barack Obama commuted the sentence on Tuesday. The Obama administration has seen what The "
            'New York Times calls an "unprecedented crackdown on leaks of government secrets."',
            "The New York Times",
        ),
        (  # sports desk: 'was sold in what the club described as "…"'
            "Forward Luis Ortega joined Ashby Rovers in 2019. He was sold on Monday in what the club described as "
            '"a deal that suits everyone."',
            "Ashby Rovers",
        ),
        (  # column: 'in what Pruitt called "…"'
            "Coach Dana Pruitt spoke after the defeat. Her side are in what Pruitt called "
            '"the worst run of form I have known."',
            "Dana Pruitt",
        ),
    ],
)
def test_what_someone_calls_a_thing_is_theirs(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire: a chain of partial quotes, the last a clause the parser reads a subject into
            "The league published its review of refereeing on Monday. Referees' union spokesman Colm Daly told "
            'the BBC that the review was "dishonest", "reflects the clubs\' propaganda" and "is based on one '
            "side's figures alone.\"",
            ["Colm Daly", "Colm Daly", "Colm Daly"],
        ),
        (  # tribute: 'spoke of a "…" and "…"'
            'Former chairman Ross Kilbride died on Sunday. League president Willa Brandt spoke of a "towering '
            'figure in the game who made a difference" and "commanded respect from friend and foe alike."',
            ["Willa Brandt", "Willa Brandt"],
        ),
    ],
)
def test_every_link_of_a_chain_of_partial_quotes_is_the_first_ones_speakers(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # UK politics copy: 'The Prime Minister said she is "…"' after 'Prime Minister Helen Marsh'
            'Former chairman Ross Kilbride died on Sunday. Prime Minister Helen Marsh said today "he gave his life '
            'to this club." Tributes came from across the game. The Prime Minister said she is "deeply saddened" by '
            "the news.",
            "Helen Marsh",
        ),
        (  # club copy: 'the Chief Executive' capitalised
            "Ashby Rovers chief executive Martin Oyelaran opened the new stand on Saturday. Fans queued for hours. "
            'The Chief Executive said the club was "only getting started".',
            "Martin Oyelaran",
        ),
    ],
)
def test_a_capitalised_role_with_the_is_the_person_who_holds_it(analyzer, body, speaker):
    assert who_said(analyzer, body)[-1] == speaker


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # wire copy with its paragraph breaks lost: the next sentence introduces the next quote
            'Team leader Mathis Durand said on Monday he would stay. "I signed for this team, not for a logo," '
            'Durand said. "If the name on the jersey changes, I\'ll still be in it." A spokesman for the Union '
            'Cycliste Internationale said the governing body was "following the situation closely".',
            ["Mathis Durand", "Mathis Durand", "a spokesman for the Union Cycliste Internationale"],
        ),
        (  # a club president after the coach
            'Coach Lena Vogt was defiant. "We will be back," Vogt said. "Nobody here is giving up." Club president '
            'Ivo Sandri said the board was "united behind the coach".',
            ["Lena Vogt", "Lena Vogt", "Ivo Sandri"],
        ),
        (  # the league after a player
            'Defender Kofi Mensah apologised on Monday. "I lost my head," Mensah said. "That is all I can say." '
            'The league said in a statement it would "review the incident in full".',
            ["Kofi Mensah", "Kofi Mensah", "the league"],
        ),
    ],
)
def test_a_sentence_that_leads_into_the_next_quote_is_not_the_last_ones_attribution(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # US college sports desk: 'the junior laughed.'
            "Quarterback Marcus Tillery threw for 300 yards. His favorite target was junior wideout DeShawn Marks, "
            'who caught eight passes. Asked about the bank deal, the junior laughed. "Dinner is on him all year."',
            "DeShawn Marks",
        ),
        (  # 'the sophomore said'
            "Sophomore guard Jalen Brooks scored 22 points on Saturday. The Tigers won by nine. "
            '"We finally played together," the sophomore said.',
            "Jalen Brooks",
        ),
        (  # 'the freshman added'
            'Pitcher Cody Brandt struck out nine. "I just threw strikes," the freshman added.',
            "Cody Brandt",
        ),
    ],
)
def test_a_college_class_year_stands_for_the_player(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "said_as",
    ["Okonjwo", "Okonkow"],  # two letters swapped; one mistyped
)
def test_a_misspelt_surname_in_an_attribution_is_the_person_of_the_story(analyzer, said_as):
    body = (
        "Defender Chidi Okonkwo signed a new contract on Friday. Okonkwo joined the club in 2019.\n\n"
        f'"I never wanted to play anywhere else," {said_as} said.'
    )
    assert who_said(analyzer, body) == ["Chidi Okonkwo"]


# ---------------------------------------------------------------- US wire: an apposition, then 'said Thursday that'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "WASHINGTON (AP) — Sen. Ruth Calloway, D-Mich., the ranking member of the commerce committee, said "
            'Thursday that the league\'s betting deal was "a disgrace."',
            "Ruth Calloway",
        ),
        (
            "Rep. Hal Brandt, R-Ga., a former college linebacker, told reporters on Monday that the bill would "
            '"protect the players first."',
            "Hal Brandt",
        ),
        (
            "Tanya Greer, who coaches at a high school in Dover, Del., said last Sunday that the new rule was "
            '"long overdue."',
            "Tanya Greer",
        ),
        (
            'Hartwell Financial, a Cincinnati-based lender, said Tuesday it was "proud to extend" the naming deal.',
            "Hartwell Financial",
        ),
    ],
)
def test_an_apposition_then_a_weekday_after_the_verb_keeps_the_subject(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_source_after_its_verb_is_still_not_the_subject(analyzer):
    body = (
        "The board met on Friday, and the sponsor was not in the room, "
        'added chief executive Dana Holm: "We were told nothing."'
    )
    assert who_said(analyzer, body) == ["Dana Holm"]


# ---------------------------------------------------------------- the news service that files the story speaks for no one


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "WASHINGTON (AP) — The deal was signed last month.\n\n"
            'The league, which signed the $1 billion agreement, said it "takes responsible gaming seriously."',
            "the league",
        ),
        (
            "The sponsor's exit was first reported by the Associated Press on Monday.\n\n"
            '"We thank Harbor Mutual for ten great years," the club said in a statement.',
            "the club",
        ),
        (
            "LONDON (Reuters) - Kestrel Telecom will end its shirt deal in May.\n\n"
            '"We are proud of what we built together," the company said.',
            "Kestrel Telecom",
        ),
        (
            "The figures were published by the Manchester Evening News.\n\n"
            '"Attendances have never been higher," the federation said.',
            "the federation",
        ),
    ],
)
def test_a_news_service_is_not_the_organisation_a_description_stands_for(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- club releases: a capitalised role, then the name in commas


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Harlow Athletic FC is pleased to confirm Greenleaf Homes as principal partner.\n\n"
            "Speaking about the agreement, Greenleaf Homes' Sales Director, Rachel Dunn, commented: "
            '"We have supported grassroots football in Harlow for years."',
            "Rachel Dunn",
        ),
        (
            "The new kit was unveiled on Friday.\n\n"
            'Harlow\'s First Team Manager, Steve Aldridge, added: "It gives us real stability."',
            "Steve Aldridge",
        ),
        (
            "Kingsbridge Town have renewed their shirt deal.\n\n"
            'Ardent Solar Managing Director, Priya Nandakumar, said: "We are proud to support the club."',
            "Priya Nandakumar",
        ),
        (
            "The league confirmed the title partner at a launch in Leeds.\n\n"
            'Northline Bank Head of Sponsorship, Tomás Ferreira, said the deal was "a long-term commitment."',
            "Tomás Ferreira",
        ),
    ],
)
def test_a_capitalised_role_before_a_name_in_commas_gives_the_name(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_name_before_its_role_in_commas_is_still_the_name(analyzer):
    body = 'Rachel Dunn, Sales Director at Greenleaf Homes, said: "We are delighted to be involved."'
    assert who_said(analyzer, body) == ["Rachel Dunn"]


# ---------------------------------------------------------------- 'he said' after a quote naming the other person with 's


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "At the weigh-in, Dario Vega mocked Ty Hollis's record, a jibe that Hollis shrugged off. "
            "\"I don't care about Vega's talk,\" he said.",
            "Ty Hollis",
        ),
        (
            "After the draw, Lena Maurer accused Ines Kovač of time-wasting, which Kovač denied. "
            "\"That's Maurer's problem, not mine,\" she said.",
            "Ines Kovač",
        ),
        (
            "Owner Frank Doyle blamed coach Rob Tierney for the defeat, a charge Tierney rejected. "
            '"Doyle\'s decisions cost us this season," he told reporters.',
            "Rob Tierney",
        ),
    ],
)
def test_the_pronoun_is_not_the_person_the_quote_names_in_the_possessive(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'X thanked Y … and said': the subject, not the object


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Club president Maria Santos thanked Leo Brandt for his service and said: "Leo, you will always be '
            'one of us."',
            "Maria Santos",
        ),
        (
            "Team principal Ruth Adler congratulated Kai Moreno on his first podium and added, "
            '"Kai, this is only the beginning."',
            "Ruth Adler",
        ),
        (
            "Sponsor chief Omar Haddad met Tessa Grant at the launch in Leeds and told reporters: "
            '"Tessa is exactly the kind of athlete we want to back."',
            "Omar Haddad",
        ),
    ],
)
def test_a_person_the_subject_addresses_before_and_said_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- reported speech inside reported speech


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Grace Okafor, the club's former physio, gave evidence on Tuesday. Okafor said that after the final, "
            'Brandt told her "he was leaving the club. He said it had been decided weeks ago, which I found hard '
            'to believe."',
            "Grace Okafor",
        ),
        (
            "Lena Maurer spoke to the panel for an hour. Maurer said that in March her coach had told her "
            '"she should forget the sponsor. She said I would never be picked again if I wore the logo."',
            "Lena Maurer",
        ),
        (
            "Tom Reilly, 34, described the night of the transfer. Reilly said that on the Monday his agent "
            'told him "he had found a buyer. He told me not to say a word to anyone, which I thought was odd."',
            "Tom Reilly",
        ),
    ],
)
def test_a_quote_in_the_reporters_own_voice_is_the_reporters(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_the_inner_speakers_own_words_stay_the_inner_speakers(analyzer):
    body = (
        "Tom Reilly, 34, described the night of the transfer. Reilly said that on the Monday his agent, "
        'Paul Moss, told him: "I have found a buyer and I want you to keep quiet."'
    )
    assert who_said(analyzer, body) == ["Paul Moss"]


# ---------------------------------------------------------------- a role and a name before a colon: 'Head coach Brad Arthur: "…"'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Leeds Rhinos head coach Brad Arthur: "We were not at our best."', "Brad Arthur"),
        ('Greenleaf Homes sales director Rachel Dunn: "We are proud to be involved."', "Rachel Dunn"),
        (
            'Reaction from the dressing room.\n\nEngland captain Leah Morton: "The whole squad is behind this."',
            "Leah Morton",
        ),
        ('What they said.\n\nClub chairman Peter Voss: "Thank you to every supporter."', "Peter Voss"),
    ],
)
def test_a_role_and_a_name_before_a_colon_give_the_name(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'According to X, … : "…"'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Rovers lost for the fifth time in a row on Saturday, this time 0-2 at home to Riverside.\n\n"
            'According to coach Dana Reyes, the problem was simple: "We stopped running after half-time."',
            "Dana Reyes",
        ),
        (
            "Hartwell Financial will stay on the shirt until 2028.\n\n"
            'According to Hartwell Financial, the renewal was never in doubt: "We love this club and its fans."',
            "Hartwell Financial",
        ),
        (
            "The players met the board on Monday.\n\n"
            'According to club captain Leah Morton, the squad had one message for the owners: "We want to stay."',
            "Leah Morton",
        ),
    ],
)
def test_according_to_at_the_head_of_a_sentence_that_introduces_a_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'a deal that the club claimed was worth "…"'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Brentford have signed a three-year shirt deal with Kestrel Telecom that the club claimed "
            'was worth "more than our last three deals combined."',
            "Brentford FC",
        ),
        (
            "Northline Bank unveiled a title partnership on Monday which chief executive Omar Reyes said was "
            '"the biggest bet we have ever made."',
            "Omar Reyes",
        ),
        (
            "Rovers ended their losing run with a 2-0 win that manager Tom Brennan insisted was "
            '"long overdue for this group."',
            "Tom Brennan",
        ),
    ],
)
def test_the_subject_of_a_relative_clause_before_the_verb_is_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- ', which …, stating that … "…"': the body the clause is about


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The appeal went to the Court of Arbitration for Sport, which rejected it on Tuesday, stating that "
            'the ban was "proportionate and fair in every respect."',
            "Court of Arbitration for Sport",
        ),
        (
            "The complaint was passed to the Advertising Standards Authority, which upheld it, saying the "
            'betting advert was "likely to appeal to under-18s."',
            "Advertising Standards Authority",
        ),
        (
            "The club wrote to Kestrel Telecom, which replied within a day, insisting that its decision was "
            '"final and not open to negotiation."',
            "Kestrel Telecom",
        ),
    ],
)
def test_a_participle_after_a_which_clause_is_the_bodys(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'apologised for saying the referee was "…"': the subject's words


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Rovers striker Jo Fenn apologised on Sunday for saying the referee was "a disgrace to the game."', "Jo Fenn"),
        (
            "Coach Dana Reyes was fined £5,000 by the league after saying officials had been "
            '"biased against us all season."',
            "Dana Reyes",
        ),
        (
            "Kestrel Telecom was criticised by the regulator for claiming its shirt deal was "
            '"the best value in world sport."',
            "Kestrel Telecom",
        ),
    ],
)
def test_for_or_after_saying_gives_the_sentences_subject(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'The manager agreed. "…," he said.': whom the description names


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (
            "Rovers manager Neil Carver watched his side lose 2-0 at home.\n\n"
            '"Nobody can hide from that," said captain Tom Reid.\n\n'
            'The manager agreed. "We were poor," he said.',
            ["Tom Reid", "Neil Carver"],
        ),
        (
            "Marta Silva, the Brazilian midfielder, scored twice for Rovers.\n\n"
            '"She was unplayable," said coach Tom Reid.\n\n'
            'The Brazilian was modest. "The team made it easy," she said.',
            ["Tom Reid", "Marta Silva"],
        ),
    ],
)
def test_a_pronoun_after_a_described_subject_is_the_person_described(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- a capitalised position glued to the name it stands before


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Center Dario Kostelic, the league's leading rebounder, shrugged. "
            '"I read the back of the shirt, not the front," said Kostelic, whose name is printed there.',
            "Dario Kostelic",
        ),
        (
            'Asked about the penalty, Goalkeeper Ilse Maartens said: "I guessed right, that\'s all."',
            "Ilse Maartens",
        ),
        (
            "Striker Kwame Asante-Boateng scored twice before half-time.\n\n"
            '"The service was brilliant," Asante-Boateng said after the match.',
            "Kwame Asante-Boateng",
        ),
        (
            'Quarterback Devin Castellanos signed with the Harbor Hawks on Monday. "It feels like home," '
            "Castellanos said.",
            "Devin Castellanos",
        ),
    ],
)
def test_a_position_before_a_name_is_not_part_of_the_speakers_name(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_an_organisation_whose_name_starts_with_a_role_word_keeps_it(analyzer):
    body = 'State Farm Insurance renewed its arena deal on Monday. "We are proud partners," State Farm Insurance said.'
    assert who_said(analyzer, body) == ["State Farm Insurance"]


# ---------------------------------------------------------------- the subject's bounds: a conjunction with its comma, 'is reported to have', an aside in commas


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The board has not commented on the bid; but, club sources say there are "
            '"serious doubts over how the purchase would be financed."',
            "club sources",
        ),
        (
            "Marta Kovalenko was substituted after an hour. She is reported to have told team-mates: "
            '"I am finished at this club."',
            "Marta Kovalenko",
        ),
        (
            "Tomas Brandvold was sent to the stands in the second half. "
            'Brandvold was heard to say "We were robbed in broad daylight tonight" as he walked off.',
            "Tomas Brandvold",
        ),
        (
            "The Harbor Hawks confirmed the signing on Monday. Team owner Lydia Marchetti, in a statement on the "
            'club\'s website, said: "Devin is the future of this franchise."',
            "Lydia Marchetti",
        ),
        (
            'Okafor-Lindqvist, speaking after the draw, said: "We deserved more than a point today."',
            "Okafor-Lindqvist",
        ),
    ],
)
def test_the_subject_phrase_is_bounded_at_its_name(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_an_aside_in_commas_after_a_description_is_not_the_speaker(analyzer):
    body = (
        "Northfield Rovers sacked their manager on Friday after six straight defeats. "
        'The club, in a statement on its website, said: "We thank him for his hard work."'
    )
    assert who_said(analyzer, body) == ["Northfield Rovers"]


# ---------------------------------------------------------------- what a document or a reasoning party says: 'reasoned', 'mentioned', 'supposes', 'call for'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Harbor City Council refused the club's request for a rates discount. The council reasoned, "
            '"because the club charges for admission, the ground is a commercial venue."',
            "Harbor City Council",
        ),
        (
            "Ines Arroyo-Blanco, the league's integrity officer, delivered her findings on Monday. She also "
            'mentioned a need to fight "betting syndicates operating from overseas."',
            "Ines Arroyo-Blanco",
        ),
        (
            "The Kestrel Foundation published its review of youth football on Tuesday. The foundation's "
            'authors call for "an end to paid trials for children under twelve."',
            "The foundation's authors",
        ),
        (
            'In his letter to members, chairman Piet de Waal supposes a "long and costly legal fight with the '
            'league" if the vote goes ahead.',
            "Piet de Waal",
        ),
    ],
)
def test_the_verbs_of_documents_and_reasoning_cue_a_quote(analyzer, body, speaker):
    assert [who.lower() if who else who for who in who_said(analyzer, body)] == [speaker.lower()]


# ---------------------------------------------------------------- a name with particles, or after a plural possessive, in apposition


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"We are not for sale at any price," said the chairman, Piet de Waal.', "Piet de Waal"),
        (
            '"It is a fair offer for both sides," said the club\'s president, Hendrik van der Berg.',
            "Hendrik van der Berg",
        ),
        (
            '"It was a business decision and nothing more," Jean-Luc de la Fontaine, the sponsor\'s chief executive, '
            "said.",
            "Jean-Luc de la Fontaine",
        ),
        ('"We go again on Saturday," said Rovers\' captain, Joe Mallory, after the game.', "Joe Mallory"),
        (
            '"The fans deserve better than this," said the Rangers\' owner, Maria Lindqvist, who bought the club in '
            "2019.",
            "Maria Lindqvist",
        ),
    ],
)
def test_a_name_in_apposition_after_its_description_is_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'described <a long object> as "…"': the describer's words


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Anika Sorensen characterized the dispute between the club and the supporters' trust over ticket "
            'prices as "a misunderstanding that has got out of hand."',
            "Anika Sorensen",
        ),
        (
            "Dean Whitlow, who has been in charge for six seasons, dismissed the reports of a rift between the "
            'players and the board over the new sponsor as "complete fiction from start to finish."',
            "Dean Whitlow",
        ),
        (
            "Harbor City mayor Lorraine Okoye labelled the plan to move the team to a new stadium outside the "
            'city limits as "a betrayal of three generations of fans."',
            "Lorraine Okoye",
        ),
    ],
)
def test_a_describing_verb_with_a_long_object_before_as_cues_the_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'X, <apposition>, posted late Tuesday: "…"': a time after the verb is no source


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Broussard is under contract through 2028. His crew chief, Wade Petrie, posted late Tuesday: "
            '"Same team, same goal. Paint scheme to be decided."',
            "Wade Petrie",
        ),
        (
            "Marcus Ellery, the ranking member of the committee, said early Monday that the deal was "
            '"dead on arrival in this chamber."',
            "Marcus Ellery",
        ),
        (
            "Lydia Marchetti, the team's owner since 2019, wrote late Sunday night: "
            '"We will rebuild this franchise the right way."',
            "Lydia Marchetti",
        ),
    ],
)
def test_a_time_after_the_verb_of_an_apposed_subject_is_not_the_source(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- more speech verbs of sports copy


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (
            '"We want to stay in this league," said Joe Mallory. "We want to stay," echoed his team-mate Kwame Asante.',
            ["Joe Mallory", "Kwame Asante"],
        ),
        (
            'Winger Ntando Mokoena sat alone in the dressing room. "I was terrified out there," Mokoena confessed.',
            ["Ntando Mokoena"],
        ),
        (
            '"Get back in your half!" Ray Dunmore barked at his full-back. Dunmore then turned to the bench.',
            ["Ray Dunmore"],
        ),
        (
            'Kestrel chief executive Anika Sorensen pledged: "We will be back on that shirt within two years."',
            ["Anika Sorensen"],
        ),
        (
            '"Maybe the referee had somewhere else to be tonight," sniped Harbor City coach Lena Brandt.',
            ["Lena Brandt"],
        ),
    ],
)
def test_more_speech_verbs_cue_an_attribution(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- a panel's or a round-up's 'Name (aside): "…"'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Joe Mallory (on his future): "I\'m happy here and I want to finish my career here."', "Joe Mallory"),
        ('Anika Sorensen (Kestrel Beverages): "We are here for the long term, whatever the result."', "Anika Sorensen"),
        ('Lena Brandt, Harbor City (head coach): "We gave them two goals and you cannot do that here."', "Lena Brandt"),
    ],
)
def test_a_name_with_an_aside_in_brackets_before_a_colon_speaks(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'The deal, according to X, is "…"', 'In the words of captain X', 'came the reply from X'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'The deal, according to Kestrel chief executive Anika Sorensen, is "the best in the league by a distance."',
            "Anika Sorensen",
        ),
        (
            'The new stand, according to club secretary Maria Cole, will be "ready for the first game of next season."',
            "Maria Cole",
        ),
        ('In the words of captain Joe Mallory, "We were rubbish from the first whistle to the last."', "Joe Mallory"),
        ("\"I don't know and I don't care,\" came the reply from Dean Whitlow.", "Dean Whitlow"),
        ('"Ask the chairman, not me," was the response from Rovers captain Joe Mallory.', "Joe Mallory"),
    ],
)
def test_according_to_in_the_words_of_and_the_reply_from_cue_a_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # broadsheet: a figure in the sponsor's words, the source at the sentence's end
            'The deal is worth "comfortably seven figures" a year, according to The Boat Race Company, which '
            "organises the event.",
            "The Boat Race Company",
        ),
        (  # Wikinews: a condition in an official's word, the source after the facts
            'The president\'s condition is "satisfactory" following surgery last Monday, according to Cuban '
            "vice-president Carlos Lage.",
            "Carlos Lage",
        ),
    ],
)
def test_a_short_quote_then_according_to_later_in_its_sentence_is_that_sources(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_according_to_after_someones_reported_words_is_not_the_speaker(analyzer):
    body = (
        'Lage, who is in Bolivia, said that Castro sends the Bolivian people "fraternal greetings" according to '
        "Cuban press agency Prensa Latina."
    )
    assert "Prensa Latina" not in who_said(analyzer, body)


def test_according_to_inside_someones_reported_words_is_not_the_speaker(analyzer):
    body = (
        "Judge Rana Okafor told Lindqvist that, according to a Northfield Echo report, he had "
        '"been paid by the syndicate to miss the penalty in the final minute of the match."'
    )
    assert who_said(analyzer, body) == ["Rana Okafor"]


# ---------------------------------------------------------------- '…, with one fan writing "…"': an unnamed source after 'with'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Supporters were quick to react online to the new kit, with one fan writing: "
            '"It looks like a betting slip with sleeves."',
            "one fan",
        ),
        (
            "The ticket prices went down badly at the ground, with one season-ticket holder telling the Echo: "
            '"I have paid for thirty years and this is my last."',
            "one season-ticket holder",
        ),
    ],
)
def test_an_unnamed_source_after_with_and_a_participle(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'X in a statement said': the medium between a subject and its verb


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'The federation in a letter to its member clubs warned that "no exceptions will be made this season."',
            "the federation",
        ),
        (
            'Ines Arroyo-Blanco in a letter to the clubs warned that "no exceptions will be made this season."',
            "Ines Arroyo-Blanco",
        ),
        (
            'Rovers captain Joe Mallory in a video on the club\'s website said: "We owe the fans a performance."',
            "Joe Mallory",
        ),
    ],
)
def test_the_medium_between_a_subject_and_its_verb_is_not_the_source(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'X said he "…." Y laughed.': the next sentence's verb is Y's own


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (
            "Asked about the sponsorship, Rovers striker Kwame Asante, who scored twice, said he "
            '"didn\'t care what was on the shirt." His strike partner, Leon Hartley, laughed. "He cares," Hartley said.',
            ["Kwame Asante", "Leon Hartley"],
        ),
        (
            'Harbor City coach Lena Brandt said that "the referee had a shocker tonight." Her captain agreed.',
            ["Lena Brandt"],
        ),
    ],
)
def test_a_quote_its_own_sentence_cues_is_not_the_next_sentences(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- 'Another, Tom Okafor, 19, disagreed: "…"': the name apposed to 'another' or 'one'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            '"Good riddance," said Maria Cole, a season-ticket holder. Another, Tom Okafor, 19, disagreed: '
            '"They were good to the club for ten years."',
            "Tom Okafor",
        ),
        (
            "Fans outside the ground were split. One, Lucy Brennan from Harlow, was furious: "
            '"They sold the shirt and they sold our history with it."',
            "Lucy Brennan",
        ),
    ],
)
def test_the_name_apposed_to_another_or_one_speaks(analyzer, body, speaker):
    assert who_said(analyzer, body)[-1] == speaker


# ---------------------------------------------------------------- 'Statement from X: "…"': a release's label names its author


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Statement from Northfield Rovers: "The club has parted company with manager Dean Whitlow."',
            "Northfield Rovers",
        ),
        (
            'Full statement from Kestrel Beverages: "After ten years, we have decided not to renew."',
            "Kestrel Beverages",
        ),
        ('Official statement by the Premier League: "Clubs have been informed of the decision."', "Premier League"),
    ],
)
def test_a_statements_label_names_its_author(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- an aside in dashes or brackets after the name


@pytest.mark.parametrize(
    "body",
    [
        'Anika Sorensen — who has been at Kestrel Beverages since 2021 — said: "We look at the numbers first."',
        '"We look at the numbers first," Anika Sorensen — who has been at Kestrel Beverages since 2021 — said.',
        'Anika Sorensen (pictured) said: "We look at the numbers first."',
        '"We look at the numbers first," Anika Sorensen (Kestrel Beverages) said.',
        'Anika Sorensen -- in her first interview since joining Kestrel Beverages -- said: "We look at the numbers first."',
    ],
)
def test_an_aside_in_dashes_or_brackets_after_the_name_is_not_the_source(analyzer, body):
    assert who_said(analyzer, body) == ["Anika Sorensen"]


# ---------------------------------------------------------------- a surname spaCy took for an organisation, after the full name


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Udinese beat Lecce 2-0 on Saturday with goals from Keiran Okonkwo-Davies and the Danish midfielder "
            'Jesper Møller-Lund.\n\n"Today we played for the city," Okonkwo-Davies told DAZN.',
            "Keiran Okonkwo-Davies",
        ),
        (
            "The head coach, Unai Etxeberria-Goñi, was careful on Friday.\n\n"
            '"I am happy for the club, of course," said Etxeberria-Goñi.',
            "Unai Etxeberria-Goñi",
        ),
    ],
)
def test_a_surname_tagged_as_an_organisation_is_the_person_named_before(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_club_named_after_its_town_stays_the_club(analyzer):
    body = (
        "Real Madrid confirmed the signing of the Brazilian forward on Monday.\n\n"
        '"We are delighted to welcome him," Madrid said in a statement.'
    )
    assert who_said(analyzer, body) == ["Real Madrid"]


# ---------------------------------------------------------------- a first name spaCy left out of a person's name


def test_a_first_name_spacy_left_out_of_a_two_word_surname_is_kept(analyzer):
    body = (
        "The draft does not define the term.\n\n"
        "Karim Ben Haddou, the FIA's president, said: \"We are not against any sponsor. We are for a sport that has "
        'a future in thirty years."'
    )
    assert who_said(analyzer, body) == ["Karim Ben Haddou"]


# ---------------------------------------------------------------- '"…", she said, calling on X to "…"': the participle's subject


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (
            "Ines Arroyo-Blanco spoke to reporters on Monday. "
            '"The whole league knows what happened that night", she said, calling on the clubs to "accept the '
            'verdict gracefully" and "stop blaming referees."',
            ["Ines Arroyo-Blanco"] * 3,
        ),
        (
            '"We have done nothing wrong," Dean Whitlow said, urging the board to "hold its nerve."',
            ["Dean Whitlow"] * 2,
        ),
    ],
)
def test_a_participle_after_the_attribution_keeps_its_speaker(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


# ---------------------------------------------------------------- '<Place or club> <noun> <Name>, …,': the name, not the place


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'US citizen Susan Coyle, the mother of one of the victims, called the verdict "a disgrace", adding to '
            'CNN: "I feel nothing for him, nothing at all."',
            "Susan Coyle",
        ),
        (
            'Rovers fan Maria Cole, 52, was furious, telling the Echo: "They have sold our history for a logo."',
            "Maria Cole",
        ),
    ],
)
def test_a_place_or_club_before_a_noun_and_a_name_in_apposition_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body)[-1] == speaker


def test_a_club_that_beat_another_is_still_the_subject(analyzer):
    body = 'Northfield Rovers beat Harbor City, with manager Dean Whitlow saying: "The lads were superb tonight."'
    assert who_said(analyzer, body) == ["Dean Whitlow"]


# ---------------------------------------------------------------- 'a spokesperson for <a long organisation name>', as written


def test_a_spokesperson_for_an_organisation_with_a_long_name_is_kept_as_written(analyzer):
    body = (
        "The Northfield and District Amateur Football Association opened an inquiry on Monday. "
        "A spokesperson for the Northfield and District Amateur Football Association said: "
        '"We take every report of abuse seriously and we will act."'
    )
    assert who_said(analyzer, body) == ["a spokesperson for the Northfield and District Amateur Football Association"]


# ---------------------------------------------------------------- press releases: 'Commenting on …,' and a hyphen before a pull quote's name


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Commenting on the partnership, Anika Sorensen, CEO of Kestrel Beverages, said: "
            '"We are thrilled to be part of the club\'s future."',
            "Anika Sorensen",
        ),
        (
            "Reacting to the news, Mark Denholm, chief executive of Northfield Rovers, added: "
            '"This is a landmark day for everyone at the club."',
            "Mark Denholm",
        ),
        (
            '"We are thrilled to partner with Northfield Rovers for the next five years."\n\n'
            "- Anika Sorensen, CEO, Kestrel Beverages",
            "Anika Sorensen",
        ),
        (
            '"We are thrilled to partner with Northfield Rovers for the next five years."\n\n'
            "-- Anika Sorensen, CEO, Kestrel Beverages",
            "Anika Sorensen",
        ),
    ],
)
def test_a_press_releases_lead_in_and_pull_quote_line(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_according_to_at_a_sentences_head_is_no_lead_in_to_drop(analyzer):
    body = (
        "According to Harbor City prosecutor Dana Reyes, the video could decide the case: "
        '"The key factor here is what the players knew before kick-off."'
    )
    assert who_said(analyzer, body) == ["Dana Reyes"]


# ---------------------------------------------------------------- partial quotes after 'blamed', 'expressed', 'thanked', 'welcomed'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Dean Whitlow, who was sent to the stands, blamed "a lack of concentration" for the defeat.', "Dean Whitlow"),
        ('Anika Sorensen expressed her "deep disappointment" at the decision.', "Anika Sorensen"),
        (
            'Kwame Asante, in a post on Instagram, thanked fans for their "incredible support this season."',
            "Kwame Asante",
        ),
        ('Piet de Waal welcomed the review as "long overdue" and "good for the fans."', "Piet de Waal"),
    ],
)
def test_a_partial_quote_after_a_verb_of_feeling_or_thanks_is_the_subjects(analyzer, body, speaker):
    assert set(who_said(analyzer, body)) == {speaker}


# ---------------------------------------------------------------- '"…." His brother X claimed "…"': the next quote's attribution


def test_a_verb_right_before_the_next_quote_introduces_that_quote(analyzer):
    body = (
        "Kwame Asante has always denied any part in the fix. In his last interview he insisted he was "
        '"an honest player" who was "tired of the lies and ready to leave." His brother Kofi Asante claimed '
        '"there never was any proof" against him.'
    )
    assert who_said(analyzer, body) == ["Kwame Asante", "Kwame Asante", "Kofi Asante"]


# ---------------------------------------------------------------- US sports copy: 'per a team source', '(Name, post-match)', 'As one scout put it:'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"We are not trading him, whatever you hear this week," per a team source.', "a team source"),
        ('"We go again on Saturday and we go to win." (Dean Whitlow, post-match)', "Dean Whitlow"),
        ('As one scout put it: "He can\'t shoot, but he can defend anyone in this league."', "one scout"),
        ('As Harbor City coach Lena Brandt put it, "You cannot give away two goals like that."', "Lena Brandt"),
    ],
)
def test_per_a_bracketed_name_and_as_x_put_it_cue_a_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a transcript's turn quoting its own words: 'WHITLOW: … "…," I told them.'


@pytest.mark.parametrize(
    "body",
    [
        'Q: Dean, what went wrong in the second half?\n\nWHITLOW: We lost our shape. "We were second best," I told '
        "the players.",
        'Q. What did you say at half-time?\n\nDean Whitlow: Not much. I said, "Wake up or you are all coming off."',
    ],
)
def test_a_turns_own_words_in_quotes_are_the_turns_speaker(analyzer, body):
    assert who_said(analyzer, body) == ["Dean Whitlow" if "Dean Whitlow:" in body else "Whitlow"]


# ---------------------------------------------------------------- '"…," in the words of a statement issued by X'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Several clubs have complained that the new rules turn the league into a "
            '"commercial circus run for the sponsors," in the words of a statement issued by the Northfield '
            "Supporters Trust last month.",
            "Northfield Supporters Trust",
        ),
        (
            '"The club is not for sale at any price," in the words of chairman Piet de Waal.',
            "Piet de Waal",
        ),
    ],
)
def test_in_the_words_of_after_a_quote_names_its_source(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- an organisation glued to the speaker's name


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Board member of Kestrel Patricia Okoye condemned the "cynical hijack" of the parade by the sponsor.',
            "Patricia Okoye",
        ),
        (
            "Former head of operations for the Northfield Harriers Daniel Ashworth told the hearing that "
            '"every penny went where the sponsor wanted it."',
            "Daniel Ashworth",
        ),
        (
            'Trustee of SportsAid Helena Marsh said: "The grants reach athletes who would otherwise give up."',
            "Helena Marsh",
        ),
    ],
)
def test_an_organisation_spacy_glued_to_the_name_after_of_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a capitalised role that opens the sentence


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Trainer Gai Whitfield could barely contain herself after the colt's win at Rosehill.\n\n"
            '"I have never had one like him," she said.',
            "Gai Whitfield",
        ),
        ('Caddie Rory Dunleavy said: "We never looked at the leaderboard once."', "Rory Dunleavy"),
        ('Referee Tomasz Wrona told the panel: "I saw the contact and I judged it fair."', "Tomasz Wrona"),
        ('Veteran Marcus Obi was blunt: "We were not good enough, end of story."', "Marcus Obi"),
        ('Rookie Tyrese Vaughn added: "Coach told me to shoot and I shot."', "Tyrese Vaughn"),
    ],
)
def test_a_sports_role_opening_the_sentence_is_not_part_of_the_speakers_name(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'said X's lawyer, Y': the name apposed speaks


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            '"He was never told the contract had been terminated," said Jon Reyes and Ana Ortiz\'s lawyer, Peter Kane.',
            "Peter Kane",
        ),
        ('"We have not seen the letter," said Carla Duarte\'s agent, Mikel Iriondo, on Monday.', "Mikel Iriondo"),
        ('"It was never about the money," said Lamine Sarr\'s former agent, Ramy Abbas.', "Ramy Abbas"),
        ('"The family is devastated," said Okafor and Bello\'s manager, Tunde Ajayi.', "Tunde Ajayi"),
    ],
)
def test_a_name_apposed_to_someones_role_after_the_verb_speaks(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- what a report advises or recommends


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The sport's integrity unit published its annual review on Thursday.\n\n"
            '"A phased withdrawal is preferable to a cliff edge," the report advises.',
            "the report",
        ),
        ('The review recommends that "no club should carry a betting brand on a youth shirt from 2028."', "the review"),
        ('"Clubs should publish every sponsorship contract above £1m," the panel recommended.', "the panel"),
        (
            'The guidance advises that "any athlete approached by a betting firm should tell the unit within '
            'seven days."',
            "the guidance",
        ),
    ],
)
def test_a_document_that_advises_or_recommends_speaks(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a social-media account as the source


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Former team-mates were quick to respond on social media.\n\n@jaycee_fw: "Gutted for the lads. Two legends."',
            "@jaycee_fw",
        ),
        ('"Absolute scenes at the Den tonight" — @millwall_mags', "@millwall_mags"),
        ('Fans were not happy. "Worst kit we have ever had," tweeted @RoversTilIDie.', "@RoversTilIDie"),
    ],
)
def test_a_social_media_account_is_the_speaker_as_written(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a sentence that announces the quote after it


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Declan Rowe has coached Bath for three years.\n\nBath travel to Leicester next Saturday. Rowe did have "
            "one parting word for his players. “We go to Leicester next week and we go to win.”",
            "Declan Rowe",
        ),
        (
            "Kenyan runner Faith Chebet had a simple message for the shoe companies after her win in Boston. "
            '"Pay the women what you pay the men."',
            "Faith Chebet",
        ),
        (
            "Leeds owner Dana Whitcombe, who bought the club in 2023, had a blunt warning for the rest of the "
            'league on Friday. "We are not here to make up the numbers."',
            "Dana Whitcombe",
        ),
        (
            "Meera Pillai offered her own verdict on the umpiring decisions at the MCG. "
            '"Some of them were shocking, and I will say it to their faces."',
            "Meera Pillai",
        ),
    ],
)
def test_a_person_with_a_word_or_message_in_the_sentence_before_says_the_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_message_for_someone_else_does_not_make_the_next_quote_theirs(analyzer):
    body = (
        "The club has yet to comment on the report.\n\n"
        "The fans' banner carried a message for owner Dana Whitcombe at the weekend. "
        '"Sell up and go."'
    )
    assert who_said(analyzer, body) == [None]


# ---------------------------------------------------------------- a wire dateline is not the speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'PERTH — West Coast coach Adam Simpson says his side\'s forward line "has to find another gear" if '
            "the Eagles are to play finals.",
            "Adam Simpson",
        ),
        (
            "LONDON, March 4 (Reuters) - Britain's culture secretary Lisa Carrington said on Tuesday the new "
            'owners would face "the toughest scrutiny".',
            "Lisa Carrington",
        ),
        (
            "CHENNAI, Dec 9 (PTI) Chennai Super Kings CEO Kasi Viswanathan on Monday described the auction as "
            '"the best we have had".',
            "Kasi Viswanathan",
        ),
        (
            'SYDNEY (AAP) - Wallabies coach Joe Schmidt has labelled the schedule "brutal" for his players.',
            "Joe Schmidt",
        ),
    ],
)
def test_a_wire_dateline_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a live blog's timestamped entries


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            '14:05 GMT — Manager Eddie Ross, to the fourth official: "That\'s a yellow every day of the week!"',
            "Eddie Ross",
        ),
        ('10.42am: Dana Whitcombe: "We expect to say more about the sponsor on Friday."', "Dana Whitcombe"),
        ('16:40 Eddie Ross again: "Get him off!"', "Eddie Ross"),
        (
            '2.15pm Jonny Sexton on his hamstring: "It is fine, honestly. I will be out there on Saturday."',
            "Jonny Sexton",
        ),
    ],
)
def test_a_live_blogs_timestamp_is_not_part_of_the_source(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- 'Her verdict:' before a quote


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Ellie Brandt watched the final from the stands in Melbourne. Her verdict: "Brilliant. Just brilliant."',
            "Ellie Brandt",
        ),
        (
            'Coach Dean Whitlow was asked whether the sponsor would stay. His reply? "Ask them, not me."',
            "Dean Whitlow",
        ),
        (
            "Kestrel Beverages has sponsored the race for a decade. Its response to the protest: "
            '"We respect the right of every fan to be heard."',
            "Kestrel Beverages",
        ),
    ],
)
def test_a_possessive_verdict_or_reply_before_a_quote_is_the_persons(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a connective adverb opening the sentence


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Three riders crashed on the final descent. Furthermore, the race organisers said in a statement, "
            '"The safety of the riders is and will remain our first concern."',
            "the race organisers",
        ),
        ('Moreover, Kestrel Beverages said: "We will honour every contract we have signed."', "Kestrel Beverages"),
        ('Instead, Dana Whitcombe told reporters: "We will wait for the league to decide."', "Dana Whitcombe"),
    ],
)
def test_a_connective_adverb_opening_the_sentence_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Kenyan Minister of the Interior Okello Wanjiru issued a statement: "
            '"These clubs have broken the law and they will answer for it."',
            "Okello Wanjiru",
        ),
        (
            "UN High Commissioner for Human Rights Ravi Menon stated that the strikes would "
            '"inevitably lead to civilian casualties".',
            "Ravi Menon",
        ),
        (
            'Secretary of State for Culture, Media and Sport Lisa Nandy said: "The regulator will have teeth."',
            "Lisa Nandy",
        ),
    ],
)
def test_a_ministers_portfolio_spacy_glued_to_the_name_is_not_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a tabloid's mood word before the name


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "BOXING bad boy Tommy Kane has hit out at his former sponsors.\n\n"
            'Fuming Kane told the Echo: "They were happy when I was winning."',
            "Tommy Kane",
        ),
        ('Tearful Sophie Marsh said: "I gave this club everything I had."', "Sophie Marsh"),
        (
            "City boss Kev Mulgrew was in no mood to talk after the game.\n\n"
            '"That was a disgrace," said furious Mulgrew.',
            "Kev Mulgrew",
        ),
        ('Delighted boss Kev Mulgrew said: "The lads were magnificent."', "Kev Mulgrew"),
    ],
)
def test_a_mood_word_before_the_name_is_not_part_of_the_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


# ---------------------------------------------------------------- a description as the subject of 'saying', 'by asserting that'


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "On June 8, an unnamed senior league official stood by the decision, saying "
            '"It is what it is, and we will not change it now."',
            "an unnamed senior league official",
        ),
        (
            "Dana Whitcombe bought the club in 2023. On Monday, the owner defended the deal by asserting that "
            '"Every club will be better off by the end of the decade."',
            "Dana Whitcombe",
        ),
        (
            'Marta Quiroga defended the sponsor by claiming "Nobody has shown me a single broken rule, not one."',
            "Marta Quiroga",
        ),
    ],
)
def test_the_subject_of_saying_or_by_asserting_before_a_quote_speaks(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "On May 27, 2023, President Dana Whitcombe made public statements on the deal by asserting that "
            '"Every club will be better off by the end of the decade."',
            "Dana Whitcombe",
        ),
        (
            "On June 8, an unnamed senior UEFA official stood by the decision, saying "
            '"It is what it is, and we will not change it now."',
            "an unnamed senior UEFA official",
        ),
    ],
)
def test_a_full_date_or_an_acronym_does_not_hide_the_subject_of_saying(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_long_lead_in_before_the_subject_is_cut_off():
    # the source phrase alone, as the patterns find it (no parser to fall back on)
    body = (
        "Asked about the prospects to turn the stands into corporate hospitality boxes, Gemma Ruddock, a member of "
        'the Stadium Review Group, said "It would be easier to start all over with just a bucket".'
    )
    assert [q.speaker for q in find_quotes(body)] == ["Gemma Ruddock"]


# ---------------------------------------------------------------- a quoted word or two that qualifies, in reported speech


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('The Northfield Boxing Board confirmed it was "looking into" the hotel incident.', "Northfield Boxing Board"),
        (
            'The Stadium Review Group reported in May that the old stands were "impractical" for corporate '
            "hospitality.",
            "Stadium Review Group",
        ),
    ],
)
def test_a_quoted_word_or_two_that_qualifies_in_reported_speech_is_speech(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_quoted_noun_in_reported_speech_stays_a_term(analyzer):
    body = 'The review found that the "banter culture" at the club had gone unchallenged for years.'
    assert who_said(analyzer, body) == []


# ---------------------------------------------------------------- 'calling them "…"' after the main clause


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "BOXING bad boy Tommy Kane has launched an astonishing attack on his former sponsors — calling them "
            '"a bunch of suits who wouldn\'t know a left hook from a lemonade".',
            "Tommy Kane",
        ),
        (
            "Rovers striker Jo Fenn has hit out at the club's new shirt sponsor, branding the deal "
            '"an embarrassment for a club of this size".',
            "Jo Fenn",
        ),
    ],
)
def test_the_subject_of_a_sentence_ending_calling_them_speaks(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_name_apposed_before_calling_is_who_calls(analyzer):
    body = (
        "The Echo's report quotes one fan, Jim Moray, describing the scenes as "
        '"the worst I have seen in forty years of watching this club".'
    )
    assert who_said(analyzer, body) == ["Jim Moray"]


# ---------------------------------------------------------------- 'According to X, …' opening the quote's sentence


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The number of injured rose to 116; according to Derrec Beckwith, public information officer for the "
            'county, injuries ranged "from cuts and bruises to severe broken bones".',
            "Derrec Beckwith",
        ),
        (
            "According to Dana Reyes, the club's spokeswoman, ticket sales rose \"by more than a third in a single "
            'week".',
            "Dana Reyes",
        ),
        (
            'According to Kestrel Beverages, the deal is "worth every penny to a brand that wants to be seen".',
            "Kestrel Beverages",
        ),
        (
            "The figure has not been disclosed, but according to Richard Vane, a former England and Wales Cricket "
            'Board commercial director who advised neither side, it is "comfortably above anything a county has '
            'signed before."',
            "Richard Vane",
        ),
        ('According to Claire Whitlow, the renewal is worth "comfortably more" than the old deal.', "Claire Whitlow"),
        ('According to a Valmont official, the company has "no plans" to end the agreement.', "a Valmont official"),
    ],
)
def test_according_to_opening_the_sentence_names_the_source_of_its_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_whilst_before_a_participle_cue_is_not_the_speaker(analyzer):
    body = (
        'Sports minister Dana Okafor said on Monday that the ban would "inevitably hurt the grassroots game", whilst '
        'also calling for the clubs to "find the money from somewhere else and find it quickly".'
    )
    assert who_said(analyzer, body) == ["Dana Okafor", "Dana Okafor"]


# ---------------------------------------------------------------- 'As X told …, …' before the quote


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "As Marta Quiroga told the Echo, attendances have risen every year since the sponsor arrived. "
            '"Despite the rain and the prices, we sold out every home game last season."',
            "Marta Quiroga",
        ),
        (
            "As league president Dana Reyes pointed out, the clubs now have the chance to act together; "
            '"We are living at the end of a twenty-year effort by the owners to go it alone."',
            "Dana Reyes",
        ),
    ],
)
def test_as_someone_said_before_a_quote_names_its_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            '"Absolutely not," was Ange Kostakis\'s response when asked if he would change his approach.',
            "Ange Kostakis",
        ),
        ('"We go again on Saturday," came Rovers captain Joe Mallory\'s reply.', "Joe Mallory"),
    ],
)
def test_was_someones_response_after_a_quote_names_its_speaker(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_another_unnamed_source_is_kept_as_written(analyzer):
    body = (
        'A spokesman for the Premier League said: "We do not comment on individual cases." Another source close to '
        'the league added that talks were "ongoing and positive, and will go on next week".'
    )
    assert who_said(analyzer, body) == ["a spokesman for the Premier League", "another source close to the league"]


@pytest.mark.parametrize(
    "body",
    [
        'The statement, signed by the chairman, read: "We stand with our manager and we always will."',
        'The statement, signed by all 22 players, read in part: "We stand with our manager and we always will."',
        'The letter, posted on the club website, reads in part: "We stand with our manager and we always will."',
    ],
)
def test_a_statement_that_reads_in_part_with_an_aside_is_the_statement(analyzer, body):
    assert [w.lower() for w in who_said(analyzer, body)] in (["the statement"], ["the letter"])


def test_a_name_apposed_to_a_description_ending_in_capitals_speaks(analyzer):
    body = (
        "In 2016, the current Greek Orthodox Patriarch, Patriarch Nikos Vlahos, described the sponsorship deal as a "
        '"very grave mistake" and a "betrayal of the parish".'
    )
    assert who_said(analyzer, body) == ["Nikos Vlahos", "Nikos Vlahos"]


def test_the_owner_of_a_post_which_read_speaks(analyzer):
    body = (
        "Goalkeeper Tim Hollings last updated his Instagram account on Tuesday, which read, "
        '"Back in training next week. Thanks for all the messages."'
    )
    assert who_said(analyzer, body) == ["Tim Hollings"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'The tribunal said there was no "clear and convincing" evidence against the two riders.',
            "tribunal",
        ),
        (
            "Mark Feld, spokesman for Kestrel, noted that ticket sales had collapsed and there was only a "
            '"minimal" demand left.',
            "Mark Feld",
        ),
    ],
)
def test_a_quoted_modifier_in_reported_speech_is_speech(analyzer, body, speaker):
    assert [(w or "").lower().removeprefix("the ") for w in who_said(analyzer, body)] == [speaker.lower()]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Coach Dana Reyes defended the call, asserting that "we saw it all".', "Dana Reyes"),
    ],
)
def test_asserting_or_alleging_cues_a_partial_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_according_to_both_parties_or_reports_names_no_one_speaker(analyzer):
    body = 'According to media reports, the striker is "devastated and wants to leave as soon as possible".'
    assert who_said(analyzer, body) == [None]


def test_a_described_subject_with_an_aside_in_dashes_before_a_colon_speaks(analyzer):
    body = (
        "Northfield manager Kev Mulgrew has won three trophies in two seasons.\n\n"
        'The manager — who signed a new deal in May — was blunt: "It is not good enough and they know it."'
    )
    assert who_said(analyzer, body) == ["Kev Mulgrew"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Rovers captain Joe Mallory has been linked with a move to Leeds.\n\nMallory was in no doubt.\n\n"
            '"This club means everything to me. I grew up two streets away."',
            "Joe Mallory",
        ),
        (
            "The sponsor's exit leaves a hole in the budget.\n\nChairwoman Nadia Ferreira was defiant:\n\n"
            '"We have been here before and we will find a new partner."',
            "Nadia Ferreira",
        ),
    ],
)
def test_a_one_sentence_paragraph_about_a_person_introduces_the_next_paragraphs_quote(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_a_one_sentence_paragraph_does_not_take_a_quote_that_names_its_speaker(analyzer):
    body = (
        "Rovers captain Joe Mallory scored twice.\n\nMallory was in no doubt.\n\n"
        '"He was the best player on the pitch," said Leeds manager Tom Reid.'
    )
    assert who_said(analyzer, body) == ["Tom Reid"]


# ---------------------------------------------------------------- the speaker under the name the article gives


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # a title before the name is not part of it
            "Premier Lu Wenhai visited the port on Monday.\n\n"
            '"The bridge will be finished next year," the Premier said.',
            "Lu Wenhai",
        ),
        (
            'Cardinal Matthew Orlen spoke to reporters. "Charity is not a weapon," Cardinal Orlen said.',
            "Matthew Orlen",
        ),
        (  # a possessive origin is not part of it either
            "In the women's draw, Croatia's Mila Brekalo beat Japan's Yumi Sato in straight sets. "
            '"I never read the papers," Brekalo said.',
            "Mila Brekalo",
        ),
        (  # a peer's or a judge's title is
            "Judge Lord Carrowmore sentenced both men to life. "
            'Lord Carrowmore said it had been "a cruel and senseless attack".',
            "Lord Carrowmore",
        ),
    ],
)
def test_the_speaker_is_the_name_without_a_title_or_an_origin(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


def test_an_unnamed_source_keeps_the_whole_description(analyzer):
    body = (
        "A senior executive at one of the big two kit makers, who asked not to be named, says the bonuses now "
        'run "well into seven figures". "The retainer is the small part," the executive says.'
    )
    assert who_said(analyzer, body) == ["a senior executive at one of the big two kit makers"] * 2


def test_a_peers_title_is_not_added_to_a_full_name_nor_a_first_lady_made_a_peer(analyzer):
    body = (
        'Lord Daniel Ashcombe praised the bid. "It will change the city," Ashcombe said.\n\n'
        'First Lady Rosa Mendel wrote to the club. "I wish them well," Mendel said.'
    )
    assert who_said(analyzer, body) == ["Daniel Ashcombe", "Rosa Mendel"]


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # initials spelled out where the article named the body in full, without brackets
            "After the briefing, the Welsh Hockey Players Association confirmed the deal. "
            '"Talks have ended well," the WHPA said in a statement.',
            "Welsh Hockey Players Association",
        ),
        (  # a short name for the fuller one the article used
            "Halvard Cycling Collective had a harder day. Their leader crashed on the descent. "
            '"He is sore but nothing is broken," Halvard said in a statement.',
            "Halvard Cycling Collective",
        ),
    ],
)
def test_an_organisation_speaks_under_the_fullest_name_the_article_gives(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    "body, speakers",
    [
        (  # two verbs of one subject: the first one's object is not part of the speaker
            "The Rovers Supporters' Trust welcomed the partnership in a statement but said: "
            '"We would ask that ticket prices for juniors are frozen."',
            ["Rovers Supporters' Trust"],
        ),
        (  # 'although his responses … described': the clause after 'although' has its own subject
            "Club chairman Cyril Ostrander was questioned on Tuesday. "
            'Ostrander denied that the club was "complicit" in the scheme, although his answers in the interview '
            'described the claims as "very serious allegations against the board".',
            ["Cyril Ostrander"],
        ),
        (  # 'Further adding,' has no subject of its own: the previous speaker goes on
            'Club chairman Cyril Ostrander said, "The ground will be closed today."\n\n'
            'Further adding, "The club reminds fans to check the website before they travel."',
            ["Cyril Ostrander", "Cyril Ostrander"],
        ),
    ],
)
def test_an_attribution_phrase_is_cut_to_its_speaker(analyzer, body, speakers):
    assert who_said(analyzer, body)[-len(speakers) :] == speakers


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # a relative named by a first name after the family's surname
            'Okafor was 16. Okafor\'s father Dominic said the verdicts would "finally allow the family some peace".',
            "Dominic Okafor",
        ),
        (
            'Fans were split. "It will always be the old name to me," said Gary Brandvold. '
            'Brandvold\'s wife, Inge, disagreed. "Nobody under 40 remembers that," she said.',
            "Inge Brandvold",
        ),
    ],
)
def test_a_relative_named_by_a_first_name_takes_the_familys_name(analyzer, body, speaker):
    assert who_said(analyzer, body)[-1] == speaker


@pytest.mark.parametrize(
    "body, speaker",
    [
        (  # an unnamed source described through a plural possessive, as written
            'Her Oxford counterpart, Tom Westley, agrees: "It pays for the launches."\n\n'
            "The Dark Blues' head coach, who asked not to be named because the club had not cleared him to speak, "
            'was blunter: "If it keeps the race on the BBC, I would row in a sandwich board."',
            "the Dark Blues' head coach",
        ),
        (  # a title of several words, written before the name of its one holder
            '"No sources were discussed," said the minister\'s National Security Advisor, Lieutenant General '
            'Lionel Varga, who also told reporters, "I was in the room. It did not happen."',
            "Lionel Varga",
        ),
    ],
)
def test_a_title_or_a_possessive_description_is_given_as_the_article_gives_it(analyzer, body, speaker):
    assert who_said(analyzer, body)[-1] == speaker


def test_a_role_of_a_place_before_a_name_is_not_a_person_of_that_place(analyzer):
    body = (
        '"It was a cruel attack," said Andy Logan. North of Scotland procurator fiscal Declan Hargreave said the '
        'murder "caused shock and concern in this small community" but stressed the rate was low.'
    )
    assert who_said(analyzer, body) == ["Andy Logan", "Declan Hargreave"]


def test_a_person_of_a_centre_named_after_someone_is_the_person(analyzer):
    body = '"I am not persuaded yet," said Dana Miller of the Woodrow Wilson Center.'
    assert who_said(analyzer, body) == ["Dana Miller"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'One anonymous mechanic interviewed by Channel 9 accused the team of "threats and bullying".',
            "one anonymous mechanic",
        ),
        (  # the unnamed source, not the clause that describes them
            "One lobbyist who has worked on the bill for a year, and who asked not to be named, was blunter: "
            '"It passes. The only question is by how much."',
            "one lobbyist",
        ),
    ],
)
def test_an_unnamed_source_described_after_it_is_the_source(analyzer, body, speaker):
    assert who_said(analyzer, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        ('"Our colours are not for sale," said a banner hung by supporters behind the goal at Ashton Gate.', [None]),
        (  # a chant in the arena, after a player's words: nobody's
            'Forward Keon Miles said the decision was fair. "Coach is right," he said.\n\n'
            '"Let\'s go Cavs!" rang around the building during the final timeout.',
            ["Keon Miles", None],
        ),
        (  # the announcer whose words drowned a player out: the announcer's, not the player's
            'In the 400 metres hurdles, American Jalen Brooks won in 47.31. "That was ugly but I\'ll take it," the '
            'American said, before the stadium announcer\'s "Ladies and gentlemen, your winner!" drowned him out.',
            ["Jalen Brooks", "the stadium announcer"],
        ),
    ],
)
def test_a_banner_a_chant_and_an_announcer_are_no_speaker_named_before(analyzer, body, speakers):
    assert who_said(analyzer, body) == speakers


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (  # Wikinews: a crowd's slogans, short and title-cased, nobody's words
            "Tens of thousands of people spilled out into the streets after Friday prayers, chanting slogans like "
            '"Down, down with Mubarak" and "The people want the regime to fall".',
            [None, None],
        ),
        (  # a protest's signs listed one after another
            'Activists marched with signs reading "Lesbian Not Queer" and "Lesbian = Female homosexual". '
            'Dana Kerr, who organised the march, said later: "We were heard."',
            [None, None, "Dana Kerr"],
        ),
        (  # Wikinews: 'Signs included', the noun opening its sentence
            'The crowd was young. Signs included "Women DO Regret Abortion" and "I am the Pro-Life Generation," many '
            "held up by students.",
            [None, None],
        ),
        (  # sports desk: a banner in the stand, after a player's words
            'Okafor said the crowd carried her. "I heard every one of them," she said.\n\n'
            'A banner in the curva read "FORZA GRACE", and Okafor stopped to sign it on her way to the tunnel.',
            ["Grace Okafor", None],
        ),
    ],
)
def test_the_words_of_signs_banners_and_slogans_are_speech_of_nobody(analyzer, body, speakers):
    assert who_said(analyzer, "Grace Okafor won the 100 metres. " + body) == speakers


# ---------------------------------------------------------------- a participle cue with 'that' or 'of …' before the quote


def test_stating_that_before_the_quote_names_the_sentence_subject(analyzer):
    body = (
        'Bollinger opened the forum addressing critics, stating that "To those who believe this event should never '
        'have happened, I want to say that I understand your perspective."'
    )
    assert who_said(analyzer, body) == ["Bollinger"]


def test_saying_of_a_thing_before_the_quote_names_the_sentence_subject(analyzer):
    body = (
        "State Senator John Fritchey is quoted in the Chicago Sun-Times as saying of the letter, "
        '"You often run into conflicts when politics and religion intersect."'
    )
    assert who_said(analyzer, body) == ["John Fritchey"]


@pytest.mark.parametrize("cue", ["adding,", "adding that"])
def test_a_full_stop_inside_the_quote_before_does_not_start_the_next_quotes_sentence(analyzer, cue):
    body = (
        "Later, Pentagon officials denied that the conference was staged. Pentagon spokesman Lawrence Di Rita said "
        '"We certainly regret any perception that they were told what to say. It is not the case," '
        f'{cue} "The soldiers were advised as to the issues they should expect to discuss."'
    )
    assert who_said(analyzer, body) == ["Lawrence Di Rita", "Lawrence Di Rita"]
