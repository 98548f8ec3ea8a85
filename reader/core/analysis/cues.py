"""The words that cue an attribution (speech verbs, partial-quote cues, statement nouns, the pronouns that
speak) and where a sentence ends around a quote (abbreviations and initials end neither a sentence nor a name).
"""

from __future__ import annotations

import re

from .gazetteer import word_list
from .names import HONORIFICS

# abbreviations whose full stop ends neither a sentence nor a name: the titles before a name, and others
ABBREVIATIONS = frozenset(
    {title.title() for title in HONORIFICS}
    | set(
        """
Messrs Cmdr Adm Maj Cpl Const St Fr Hon Pres Jr Sr Mt No Nos Co Corp Inc Ltd Bros vs
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split()
    )
)
# sports positions and roles, capitalised before a name at a sentence's start: 'Center X', 'Trainer Y'
POSITIONS = frozenset(
    """
center centre point halfback fullback outfielder catcher setter libero receiver winger striker midfielder defender
goalkeeper keeper forward guard quarterback sprinter batsman bowler prop hooker flanker fly-half scrum-half
full-back rider driver jockey skipper hurdler seamer spinner paceman wicketkeeper centre-back wing-back playmaker
pitcher shortstop linebacker cornerback captain coach trainer caddie caddy referee umpire linesman selector physio
scout promoter cornerman co-driver navigator opener all-rounder cox handler veteran rookie debutant youngster substitute
""".split()
)

# a tabloid's mood word before a name, capitalised at a sentence's start: 'Fuming Kane told The Sun'
MOODS = frozenset(
    """
fuming furious angry livid raging irate incensed tearful emotional delighted thrilled elated jubilant ecstatic
gutted devastated heartbroken distraught stunned shocked proud relieved defiant bullish upbeat confident cheeky
outspoken embattled under-fire beleaguered axed sacked jailed disgraced injured crocked frustrated bemused
baffled unrepentant red-faced smiling beaming grinning candid honest humble
""".split()
)
# the same by its ending: 'Gutted', 'Tearful', 'Defiant', 'Fearless'
_MOOD_ENDING = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed|ful|ous|ive|ant|ent|less)")


def mood_word(word: str, by_ending: bool = True) -> bool:
    """A tabloid's mood word before a name ('Fuming Kane', 'Tearful Sophie Marsh'), never a known first name;
    `by_ending` False where only the listed words will do (before a speaker, not 'Advertising Standards Authority')."""
    ending = by_ending and bool(_MOOD_ENDING.fullmatch(word))
    return (word.lower() in MOODS or ending) and word not in word_list("first_names")


# a government portfolio in a minister's title: 'Minister of the Interior', 'Secretary of State for Culture, Media
# and Sport', 'High Commissioner for Human Rights'
PORTFOLIO = frozenset(
    """
interior home foreign affairs defence defense justice health finance treasury education sport sports culture media
digital state human rights trade industry labour labor employment transport energy environment agriculture housing
communities tourism youth women equality equalities science technology commerce economy development security
immigration communications information welfare pensions work works planning children families veterans and &
""".split()
)

SPEECH_VERBS = (
    "said says say told tells added adds explained explains insisted insists admitted admits conceded concedes "
    "warned warns gushed gushes implored implores interjected interjects interrupted responded responds replied "
    "replies wrote writes tweeted tweets posted posts noted notes claimed claims joked jokes quipped quips "
    "stressed stresses urged urges acknowledged acknowledges declared declares commented comments remarked "
    "continued continues argued argues confirmed confirms announced announces revealed reveals recalled recalls "
    "asked asks concluded concludes observed observes suggested suggests promised promises laughed laughs "
    "enthused enthuses predicted predicts maintained maintains agreed agrees countered counters cautioned "
    "cautions boasted boasts shouted shouts sighed sighs beamed reflected reflects lamented laments complained "
    "complains vowed vows pleaded pleads mused muses stated states proclaimed reckoned reckons retorted "
    "exclaimed assured assures emphasised emphasises emphasized emphasizes reiterated reiterates "
    "elaborated underlined underlines summarised summarized smiled grinned added insisted explained "
    "believes believed thinks thought felt feels hopes hoped demanded demands repeated repeats answered "
    "answers shrugged nodded began begins grumbled grumbles muttered snapped fumed scoffed protested objected "
    "murmured hinted teased reminded tell warn insist admit vow urge reveal confirm deny denies denied hail hails "
    "hailed slam slams slammed blast blasts blasted offered offers asserted asserts contended contends opined "
    "recounted recounts wondered wonders whispered yelled screamed testified testifies cried marvelled marveled "
    "chanted chant chants sang reasoned reasons mentioned mentions supposes echoed echoes barked growled confessed "
    "confesses raged sniped raved thundered roared disclosed discloses ventured surmised speculated reminisced "
    "taunted inquired enquired pondered apologised apologized pledged pledges swore affirmed clarified "
    "underscored underscores rejoined texted emailed gasped sobbed moaned griped whined chirped quizzed"
).split()
# what a report or a panel says: '"…," the report advises'; not what makes a short quote speech ('advises
# sanctions against groups involved in "settlement activity"')
DOCUMENT_VERBS = "advises advised recommends recommended proposes proposed".split()
_VERB_ALT = "|".join(sorted(set(SPEECH_VERBS + DOCUMENT_VERBS), key=len, reverse=True))
_SPOKEN_ALT = "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True))
# what an organisation or a person issues: '"…," the statement read'
STATEMENT_NOUNS = frozenset(
    """statement release communique communiqué post letter message tweet resolution ruling verdict judgment
submission""".split()
)
_MULTI_VERBS = "".join(rf"(?<={noun}\s)reads?|" for noun in sorted(STATEMENT_NOUNS)) + (
    r"read(?=:)|reads?\s+in\s+part(?=[:,])|pointed\s+out|call\s+for|went\s+on|summed\s+up|chimed\s+in|"
    r"shot\s+back|fired\s+back|hit\s+back|"
    r"was\s+quoted\s+as\s+saying|is\s+quoted\s+as\s+saying|added\s+that|said\s+that"
)
VERB = rf"(?:{_MULTI_VERBS}|(?:{_VERB_ALT}))"
VERB_RE = re.compile(rf"\b{VERB}\b")
# what introduces a partial quote: 'called the deal "a game-changer"', 'described it as "…"'
PARTIAL_CUES = (
    r"called|calls|calling|described|describes|describing|dubbed|labelled|labeled|termed|branded|hailed|praised|"
    r"accused|accuses|accusing|ruled|rules|characteri[sz](?:ed|es|ing)|referred\s+to|refers\s+to|"
    r"spoke\s+of|speaks\s+of|condemn(?:ed|s|ing)|dismiss(?:ed|es|ing)|denounc(?:ed|es|ing)|critici[sz](?:ed|es|ing)|"
    r"promising|vowing|pledging|warning|claiming|insisting|admitting|urging|demanding|asserting|alleging|"
    r"blamed|blames|expressed|expresses|thanked|thanks|welcomed|welcomes"
)
SAID_THAT = re.compile(rf"\s(?:{VERB})\s+that\s")  # 'Coates said that …, Hood told her'
PARTIAL_CUE_RE = re.compile(rf"\b(?:{VERB}|{PARTIAL_CUES})\b")
SPOKEN_CUE_RE = re.compile(rf"\b(?:{_MULTI_VERBS}|{_SPOKEN_ALT}|{PARTIAL_CUES})\b")  # a short quote's cue
# between a source and its verb: "Smith later added", "he has since said", "she would only say"
AUX = (
    r"(?:(?:has|had|have|was|is|would|will|also|later|then|quickly|simply|only|once|again|since|just|"
    r"repeatedly|previously|earlier|subsequently|further|firmly|proudly|simply|bluntly|calmly)\s+|"
    r"(?:is|was|are|were)\s+(?:reported|said|understood|believed|alleged|heard|quoted)\s+to\s+(?:have\s+)?)*"
)
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
PRONOUN = r"(?:he|she|they|we|I|it|He|She|They|We|It)"
QUOTE_MARK = re.compile(r"[\"“”«»„]|``|''")
SENTENCE_END = re.compile(r"[.!?]+[\"”’']?(?=\s|$)")


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    word = re.search(r"([A-Za-z]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    return token in ABBREVIATIONS or (len(token) == 1 and token.isupper())


def has_sentence_break(text: str) -> bool:
    return sentence_end(text, 0, len(text)) < len(text.rstrip())


def sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence that runs at `start` ends (after its final mark), at most at `limit`."""
    for m in SENTENCE_END.finditer(text, start, limit):
        if m.group()[0] == "." and len(m.group()) == 1 and is_abbreviation(text, m.start()):
            continue
        return m.end()
    return limit


def sentence_start(text: str, end: int, floor: int) -> int:
    """Where the sentence that runs up to `end` begins, not before `floor`."""
    start = floor
    for m in SENTENCE_END.finditer(text, floor, end):
        if m.group()[0] == "." and len(m.group()) == 1 and is_abbreviation(text, m.start()):
            continue
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    return start
