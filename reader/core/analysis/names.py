"""People's names within one article: trimming roles off a name phrase, and short names to full names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .gazetteer import unaccented, word_list

# words that come before a name in press style and are not part of it
ROLE_WORDS = frozenset(
    """
president vice deputy chairman chairwoman chair chairperson executive chief ceo cfo coo cmo cto
director general secretary minister prime commissioner coach manager head captain founder co-founder
cofounder principal agent adviser advisor teammate team-mate rival compatriot opponent
spokesman spokeswoman spokesperson officer managing senior marketing commercial sporting
mr mrs ms miss dr prof sen rep gov gen lt col capt insp supt det rev sir dame lord lady king queen prince princess
sheikh his her excellency state constable sergeant corporal trooper commander admiral
superstar star legend player athlete champion boss owner partner member chairman's new former
then late technical team sports basketball football tennis olympic paralympic
governor senator representative lieutenant colonel sgt st inspector superintendent detective mme mlle
councillor councilwoman councilman mayor judge lawyer attorney solicitor barrister
winger striker midfielder defender goalkeeper keeper forward guard quarterback sprinter batsman
bowler prop hooker flanker fly-half scrum-half full-back rider driver jockey skipper referee umpire hurdler
rookie veteran debutant youngster teenager seamer spinner paceman wicketkeeper centre-back wing-back
playmaker pitcher shortstop linebacker cornerback leader center centre fullback goaltender netminder catcher
speaker taoiseach clerk congressman congresswoman congressmen cardinal archbishop rabbi imam ambassador envoy
""".split()
)
# nationalities before a name in press style ('Spaniard Rafael Nadal'): not part of it
DEMONYMS = frozenset(
    """
spaniard briton frenchman frenchwoman dutchman dutchwoman englishman englishwoman scot scotsman welshman
irishman american german italian kenyan ethiopian australian brazilian argentine argentinian swiss serb
serbian croat croatian russian norwegian swede dane belgian portuguese japanese chinese korean indian
canadian mexican jamaican nigerian austrian pole czech greek turk colombian chilean uruguayan tunisian
moroccan egyptian ugandan ghanaian finn icelander ukrainian emirati saudi qatari israeli pakistani iraqi
kuwaiti omani bahraini somali yemeni bangladeshi nepali afghan thai filipino belarusian
romanian bulgarian hungarian estonian latvian lithuanian slovenian slovak georgian armenian iranian
jordanian syrian lebanese algerian peruvian bolivian venezuelan ecuadorian paraguayan haitian zambian
namibian tanzanian cameroonian ivorian senegalese congolese zimbabwean botswanan rwandan eritrean
palestinian kurdish catalan tibetan
""".split()
)
# a country's adjective where it is not its name with a nationality's ending: "Russia's ministry" is Russian
COUNTRY_ADJECTIVES = {
    "Russia": "Russian",
    "Britain": "British",
    "UK": "British",
    "France": "French",
    "Germany": "German",
    "Spain": "Spanish",
    "Italy": "Italian",
    "China": "Chinese",
    "Japan": "Japanese",
    "India": "Indian",
    "Brazil": "Brazilian",
    "Ukraine": "Ukrainian",
    "Iran": "Iranian",
    "Israel": "Israeli",
    "Egypt": "Egyptian",
    "Turkey": "Turkish",
    "Greece": "Greek",
    "Poland": "Polish",
    "Norway": "Norwegian",
    "Sweden": "Swedish",
    "Denmark": "Danish",
    "Finland": "Finnish",
    "Netherlands": "Dutch",
    "Belgium": "Belgian",
    "Austria": "Austrian",
    "Switzerland": "Swiss",
    "Portugal": "Portuguese",
    "Ireland": "Irish",
    "Canada": "Canadian",
    "Australia": "Australian",
    "Mexico": "Mexican",
    "Argentina": "Argentine",
    "Kenya": "Kenyan",
    "Nigeria": "Nigerian",
    "Qatar": "Qatari",
    "Korea": "Korean",
    "Pakistan": "Pakistani",
    "Iraq": "Iraqi",
    "Syria": "Syrian",
    "Afghanistan": "Afghan",
    "Serbia": "Serbian",
    "Croatia": "Croatian",
    "Hungary": "Hungarian",
    "Romania": "Romanian",
    "Bulgaria": "Bulgarian",
    "Georgia": "Georgian",
    "Belarus": "Belarusian",
    "Thailand": "Thai",
    "Colombia": "Colombian",
    "Chile": "Chilean",
}
# capitalised at a sentence's start, never the first word of a name
SENTENCE_OPENERS = frozenset(
    """
The A An In On At After Before But And When While Yesterday Today Tonight Last This That Then His Her Their
Its Our Asked Speaking For With From By As If Although Though Since Until Meanwhile However Earlier Later
""".split()
)
# small words capitalised at a sentence's start ('The Jaguars', 'On Twitter'): never part of a name
FUNCTION_WORDS = frozenset(
    """
the a an on in at of for to and but or with from by as if when while after before this that these those
its our their my your it we they there here
""".split()
)
# titles before a person's name: the capitalised word after one is a person ('Mrs. Okafor')
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame gov sen rep gen lt col capt sgt insp supt det rev mme mlle cllr".split()
)
# the last word of a company's or a body's name, never of a person's ('Hinkley Mutual', 'Halvorsen Racing')
COMPANY_WORDS = frozenset(
    """Group Airlines Airways Bank Insurance Mutual Capital Holdings Ventures Motorsport
Motorsports Racing Energy Energi Telecom Technologies Systems Solutions Inc Inc. Ltd Ltd. Plc PLC AG GmbH SA
Corporation Company Foundation Federation Association Committee Council Institute University Agency Authority
Ministry Department""".split()
)
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*")
_NAME_RUN = re.compile(r"(?:\b[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+\b")
PARTICLES = frozenset("van von der den de del della di da dos das du la le ter ten bin al el ibn i y ap".split())
PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})  # after a surname: 'Odell Beckham Jr.'


def surname(full: str) -> str:
    """The family name of a full name: its last word, before a suffix ('Beckham' of 'Odell Beckham Jr.')."""
    words = full.split()
    return words[-2] if len(words) > 2 and words[-1] in SUFFIXES else words[-1]


_ARTICLE_JOINED = re.compile(r"(?:al|el)-(?=[A-Z])", re.I)  # 'al-Obeidi', also written 'Obeidi'
_PARTICLE_JOINED = re.compile(r"(?:al|el|bin|ibn|d|de|da|van)[-'’][A-Z]", re.I)  # 'al-Rashidi', "d'Alembert"


def surname_forms(family: str) -> tuple[str, ...]:
    """The ways a text writes a surname alone: 'al-Rashidi' also as 'Al-Rashidi' (opening a sentence) and
    the other way round, and an Arabic name also without its article ('Rashidi'); another surname as it is."""
    if not _PARTICLE_JOINED.match(family):
        return (family,)
    forms = (family[0].lower() + family[1:], family[0].upper() + family[1:])
    bare = _ARTICLE_JOINED.match(family)
    return (*forms, family[bare.end() :]) if bare and len(family) - bare.end() > 3 else forms


# familiar forms of English first names that stand for one formal name each (not 'Jack', 'Harry': names too)
FAMILIAR = {
    short: frozenset(formal.split("/"))
    for short, formal in (
        pair.split("=")
        for pair in (
            "Jim=James Jimmy=James Bill=William Billy=William Will=William Bob=Robert Bobby=Robert Rob=Robert "
            "Mike=Michael Tom=Thomas Tommy=Thomas Dick=Richard Rick=Richard Joe=Joseph Dan=Daniel Danny=Daniel "
            "Dave=David Steve=Stephen/Steven Chris=Christopher/Christine Tony=Anthony/Antony Andy=Andrew "
            "Alex=Alexander/Alexandra Ben=Benjamin Sam=Samuel/Samantha Matt=Matthew Nick=Nicholas Ted=Edward "
            "Ed=Edward Fred=Frederick Charlie=Charles Greg=Gregory Jeff=Jeffrey Pete=Peter Phil=Philip/Phillip "
            "Ron=Ronald Don=Donald Ken=Kenneth Liz=Elizabeth Beth=Elizabeth Kate=Katherine/Catherine/Kathryn "
            "Jenny=Jennifer Sue=Susan Maggie=Margaret Peggy=Margaret Kathy=Katherine/Kathleen Nate=Nathan/Nathaniel "
            "Zach=Zachary"
        ).split()
    )
}
MISSPELT_MIN_CHARS = 5  # a shorter surname is not matched to a name spelled differently


_JOINED_PARTICLE = re.compile(r"(?:al|el|bin|ibn|d|de|da|van)[-'’][A-Z]")
_WEB_ADDRESS = re.compile(r"\w\.[a-z]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@functools.lru_cache(maxsize=8192)  # asked of the same words again and again: a pure function of the word
def is_name_token(token: str) -> bool:
    """A capitalised word that can be part of a person's name (not an acronym, not a role)."""
    if _JOINED_PARTICLE.match(token):
        return True  # 'al-Amr', "d'Alembert": a particle joined to a name
    if (
        not token[:1].isupper()
        or _WEB_ADDRESS.search(token)  # a web address: 'Glass.cl', 'Amazon.com'
        or token.lower().rstrip(".") in ROLE_WORDS
        or token.lower() in DEMONYMS
        or token.lower() in FUNCTION_WORDS
    ):
        return False
    bare = token.replace(".", "").replace("-", "").replace("'", "").replace("’", "")
    return not (len(bare) > 1 and bare.isupper())  # IOC, FIFA: organisations, not people


def first_name_or_nationality(word: str) -> bool:
    """A people's noun that is also a first name ('Finn', 'Scot'; not an adjective, 'German'): before a surname
    alone, the first name."""
    return word.lower() in DEMONYMS and word in word_list("first_names") and not word.endswith(("an", "ese", "ish"))


@functools.lru_cache(maxsize=4096)  # the same phrases come back within an article: a pure function of the phrase
def trim_name(phrase: str) -> str:
    """The trailing run of name words in `phrase`: 'IOC President Thomas Bach' -> 'Thomas Bach',
    'a partner, Pieter van der Berg' -> 'Pieter van der Berg', 'R.K. Venkataraman' as it is."""
    tokens = _TOKEN.findall(phrase)
    kept: list[str] = []
    for token in reversed(tokens):
        initials = _INITIALS.fullmatch(token)
        token = token if initials or token.rstrip(",;:") in SUFFIXES else token.rstrip(".,;:")
        if kept and token.lower() in PARTICLES:
            kept.append(token)
            continue
        if len(kept) == 1 and first_name_or_nationality(token):
            kept.append(token)  # 'Finn Llewellyn'; the nationality of 'Finn Kimi Lindqvist' is left out below
            break
        if token.endswith(("'s", "’s")) or not token or not (initials or is_name_token(token)):
            break
        kept.append(token)
    while kept and kept[-1] in PARTICLES:
        kept.pop()  # 'a deal of van der' is no name; 'Van der Berg', capitalised, is one
    return " ".join(reversed(kept[:6]))


# a birth name: 'was born Raden Suharto on June 8', 'born Cassius Marcellus Clay'; not 'born in Java'
BORN_BEFORE = re.compile(r"(?<![\w-])born\s+$")
_BORN_NAME = re.compile(r"(?<![\w-])born\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})")


def birth_names_in(text: str) -> set[str]:
    """The full names `text` gives as birth names ('Suharto was born Raden Suharto')."""
    return {trim_name(m.group(1)) for m in _BORN_NAME.finditer(text)} if "born " in text else set()


class Names:
    """The full names an article uses, so that 'Ma' means 'Jack Ma' and 'Bach' means 'Thomas Bach'."""

    def __init__(self, full_names: Iterable[str] = (), model: bool = True) -> None:
        self.model = model  # found with spaCy's model: without one, only the lists name things
        self.full: list[str] = []
        self.guesses: list[str] = []  # capitalised pairs from the text, for when NER found no people
        for name in full_names:
            self.add(name)

    def add(self, name: str) -> None:
        """Remember a full name; the fuller of two forms of one name ('Tarek Salim al-Mansouri' for 'Tarek
        al-Mansouri'), in the place of the first."""
        if len(name.split()) < 2 or name in self.full or name.split()[-1] in COMPANY_WORDS:
            return
        shorter = next((i for i, full in enumerate(self.full) if _fuller(name, full)), None)
        if shorter is not None:
            self.full[shorter] = name
        elif not any(_fuller(full, name) for full in self.full):
            self.full.append(name)

    def forget_birth_names(self, text: str) -> None:
        """Forget the full names `text` gives as birth names ('Suharto was born Raden Suharto'): not the name the
        article calls the person by."""
        born = birth_names_in(text)
        if born:
            self.full = [name for name in self.full if name not in born]
            self.guesses = [name for name in self.guesses if name not in born]

    @staticmethod
    def particle_forms(family: str) -> tuple[str, ...]:
        """Both ways a surname with a joined particle is written alone ('al-Rashidi', 'Al-Rashidi'); else none."""
        forms = surname_forms(family)
        return forms if len(forms) > 1 else ()

    def guess_from(self, text: str) -> None:
        """Remember runs of two or three name words, e.g. 'Thomas Bach' in 'IOC President Thomas Bach'."""
        for m in _NAME_RUN.finditer(text):
            name = trim_name(m.group())
            if len(name.split()) > 1 and name not in self.guesses and name.split()[-1] not in COMPANY_WORDS:
                self.guesses.append(name)

    def resolve(self, name: str) -> str:
        """The full name `name` is short for, preferring the earliest; else `name` itself."""
        parts = name.split()
        if not parts:
            return name
        if len(parts) == 1:
            for known in (self.full, self.guesses):
                for full in known:  # surname first: press style refers back by surname
                    if name in surname_forms(surname(full)):
                        return full
                folded = _folded(name)
                for full in known:  # 'Pınar' for 'Pinar Selek': the letters folded
                    if _folded(full.split()[0]) == folded:
                        return full
            return self._misspelt(name) or self._familiar(name) or name
        plain = unaccented(name.casefold())
        for full in self.full:  # 'Cristian Merello' for 'Cristian Merelló': the spelling with the accents
            if full != name and unaccented(full.casefold()) == plain and len(full.encode()) > len(name.encode()):
                return full
        for full in self.full:  # 'Van Ooijen' for 'Maarten van Ooijen'
            if full.lower().endswith(" " + name.lower()):
                return full
        for full in self.full:  # 'Tarek al-Mansouri' for 'Tarek Salim al-Mansouri'
            if _fuller(full, name):
                return full
        for full in self.full:  # 'President Bach' trimmed to 'Bach' is handled above; here: 'T. Bach'
            if full != name and full.endswith(" " + parts[-1]) and full.startswith(parts[0].rstrip(".")):
                return full
        return name

    def _familiar(self, name: str) -> str | None:
        """'James Whitacre' for 'Jim': the one full name of the article whose first name `name` is a familiar
        form of (see `FAMILIAR`)."""
        formal = FAMILIAR.get(name)
        people = {full for full in self.full if formal and full.split()[0] in formal}
        return people.pop() if len(people) == 1 else None

    def _misspelt(self, name: str) -> str | None:
        """'Bauchtman' for 'Lydia Buchtmann', 'Water' for 'Kathryn Waters': press copy spells a surname
        two ways; the one full name whose surname is a letter or two off (same initial), if only one is."""
        if len(name) < MISSPELT_MIN_CHARS or not name[:1].isupper():
            return None
        allowed = 1 if len(name) < 8 else 2
        near = {
            full
            for full in self.full
            if surname(full)[:1] == name[:1] and edit_distance(surname(full).lower(), name.lower()) <= allowed
        }
        return near.pop() if len(near) == 1 else None


def _fuller(name: str, other: str) -> bool:
    """Whether `name` is a fuller form of `other`: the same first and last words, with middle names `other`
    leaves out ('Tarek Salim al-Mansouri', 'Tarek al-Mansouri')."""
    if len(name) <= len(other) or name[:1] != other[:1]:
        return False  # most pairs, cheaply
    words, fewer = name.split(), other.split()
    if len(words) <= len(fewer) or len(fewer) < 2 or words[0] != fewer[0] or words[-1] != fewer[-1]:
        return False
    rest = iter(words[1:-1])
    return all(w in rest for w in fewer[1:-1])


_OTHER_LETTERS = str.maketrans("ıłøđħŀ", "ilodhl")  # letters with no accent to drop: 'Pınar', 'Łukasz'


@functools.lru_cache(maxsize=4096)
def _folded(word: str) -> str:
    """`word` without accents, in lower case, its dotless i and crossed letters plain: 'pinar' for 'Pınar'."""
    return unaccented(word.casefold()).translate(_OTHER_LETTERS)


def edit_distance(a: str, b: str) -> int:
    """Letters inserted, deleted or changed, or two neighbours swapped ('Demriel' for 'Demirel', a common
    typo), to turn `a` into `b` (the optimal string alignment distance)."""
    two_back = before = [0] * (len(b) + 1)
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        before, row = row, [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y and x != y:
                row[j] = min(row[j], two_back[j - 2] + 1)
        two_back = before
    return row[-1]
