"""What the words around a name say it is: a person ('said Priyanka Deshmukh'), a company ('the airline
Iberojet'), a venue, an event, a mountain or a dateline's town, whatever label spaCy gave it."""

from __future__ import annotations

import re

from .gazetteer import word_list
from .mentions import compiled
from .names import COMPANY_WORDS, COUNTRY_ADJECTIVES, DEMONYMS, HONORIFICS, ROLE_WORDS, is_name_token
from .trimming import NAME_GOES_ON, NAME_LABELS

# words of organisations' names, never of a person's
ORG_WORDS = frozenset(
    """Federation Association Committee Union Club League Council Board Open Team Group Airlines
Airways Bank Institute University College Agency Authority Confederation Cup Championship Games Tour Olympic
Football Athletics Rugby Cricket Tennis Golf Motor Racing Sport Sports Company Corporation Foundation Weekly
Daily Times News Post Journal Magazine Media Insurance Mutual Capital Partners Holdings Ventures Motorsport
Motorsports Energy Telecom Technologies Systems Solutions International Global Inc Ltd Plc AG GmbH Classic
Museum Gallery Stadium Arena Park Hall Centre Center Masters Trophy Prix Series Festival Awards Challenge
Invitational Marathon Rally Grand Logistics Assembly Parliament Government Services Industries Motors Commission
Police Army Navy Network Studios Academy Radio Television Ministry Department Office Forces Force Party Front
Movement Alliance Coalition Corps Brigade Brigades Militia Bureau Tribunal Senate Cabinet Directorate Secretariat
School Society Trust Fund Organisation Organization Programme""".split()
)
# the last word of a company's name, never of a person's: 'Shannon Estates', 'Lumberline Tools'
FIRM_WORDS = frozenset(
    """Estates Tools Beverages Drinks Properties Resorts Hotels Apparel Sportswear Gaming Pharma Brewing Breweries
Distillers Aviation Shipping Mining Steel Petroleum Chemicals Electronics Software Labs Laboratories Outfitters
Supermarkets Stores Pharmaceuticals Logistics""".split()
)
FIRM_ENDINGS = COMPANY_WORDS | FIRM_WORDS  # any last word that makes a name a company's
# the last word of an event's name
_EVENT_WORDS = frozenset(
    "Championships Classic Marathon Summit Expo Festival Open Slam Slams Prix Forum Conference Congress Convention "
    "Cup Trophy Tournament Regatta".split()
)
# the last word of a newspaper's name
_PRESS_WORDS = frozenset(
    "Herald Gazette Times Post Journal Tribune Telegraph Guardian Observer Chronicle Courier Examiner Inquirer "
    "Gazzetta Dispatch Bulletin".split()
)
# the last word of a public body's name: 'West Yorkshire Police', 'Leeds City Council'
# a word of a party's or a union federation's name
_PARTY_WORDS = frozenset(
    "National Democratic Progressives Progressive People's Peoples Socialist Republican Union Trades Workers' "
    "Labour Liberal Conservative Revolutionary".split()
)
# the head word of a treaty's, a law's, an award's or a report's name: things the set does not mark
_DOCUMENT = re.compile(
    r" ?\b(?:Convention|Treaty|Award|Report|Act|Agreement|Amendment|Accords?|Protocols?|Treaties)"
    r"(?: (?:on|for|of) .*)?$"
)
_OUTLET_WORDS = _PRESS_WORDS | {"Live", "Echo", "News", "Star", "Argus", "Mercury", "Standard", "Advertiser", "Mail"}
_BODY_WORDS = frozenset("Police Constabulary Council Government Parliament Assembly Authority Commission".split())
_ADJECTIVES = frozenset({"Olympic", "Paralympic"})  # never a name alone, whatever spaCy says
# the last word of a venue's or a building's name
_VENUE_WORDS = frozenset(
    """Stadium Arena Center Centre Base Gardens Towers Tower Hall Ground Road Street Straße
Avenue Facility Velodrome Speedway Circuit Racecourse Airport Embassy Courthouse Bazaar Barracks Manor Mosque
Cathedral Hospital Castle Palace Stand Pavilion""".split()
)
_SURNAME_VENUE_WORDS = frozenset("Hall Street Tower Ground Base Castle".split())  # also surnames: 'Jerry Hall'
_ARTICLE_NAME = re.compile(r"(?:La|Il|Lo|Los|Las|Les|Gli|Het) [A-Z]")
_DATELINE_AFTER = re.compile(r"\s*(?:\(|[—–-]\s|,\s+[A-Z])")  # 'MUMBAI (Reuters) -', 'ELDORET, Kenya'
# a mountain, a pass or a lake, also with a particle: 'Col de la Madeleine', "Col d'Izoard", 'Col du Tourmalet'
_MOUNTAIN = re.compile(
    r"(?:Mont|Mount|Mt\.?|Col|Monte|Lake|Cape|Pic|Piz|Passo|Alpe)"
    r"(?:\s+(?:de la|de|du|des|del|della|di)\s+|\s+d['’]|\s+)[A-Z]"
)
_NOT_ORGS = frozenset(  # spaCy's ORG, no name: a common word, a sports term ('NIL' deals, the 'TMO'), a time zone
    "Women Men Media International Location State NIL TMO VAR "
    "UTC GMT BST CET CEST EET EEST AEST AEDT ACST AWST NZST NZDT EST EDT CST CDT MST MDT PST PDT IST JST".split()
)
# what press copy calls a company before or after its name: 'the Spanish airline Iberojet', 'Coinvale,
# an online exchange', 'Meridian chief executive Sigrid Haugland', '(Sportwire) -'
ORG_NOUN = (
    r"(?:company|firm|group|airline|carrier|insurer|bank|lender|broadcaster|network|brand|bookmaker|"
    r"operator|retailer|manufacturer|carmaker|brewer|agency|exchange|platform|app|sponsor|supplier|sportsbook|"
    r"provider|newspaper|website|publisher|conglomerate|start-?up|developer|"
    r"(?:chip|kit|car|drinks|shoe|watch|tyre|beer|sportswear|games|phone|energy|betting|gambling|crypto|"
    r"technology|tech|telecoms?|media|insurance|apparel|software|fintech)\s+(?:maker|designer|firm|"
    r"company|group|giant|operator|provider|brand)|"
    # a sponsor's role: 'apparel partner Castelli', 'its energy partner Engie'
    r"(?:apparel|kit|technical|official|betting|energy|title|shirt|sleeve|broadcast|broadcasting|media|"
    r"commercial|founding|principal|premium|global|naming|insurance|airline|automotive|timing|"
    r"hospitality|banking|mobility|logistics|beverage|data|cloud)\s+partner)"
)
_ORG_BEFORE = re.compile(
    # the other side of a shirt or a rights deal is a company; of a sponsorship or boot deal, maybe an athlete
    r"\b(?:" + ORG_NOUN + r"|(?:shirt|kit|sleeve|naming[- ]rights|title|broadcast|media[- ]rights)\s+"
    r"(?:deal|agreement|contract|partnership)\s+with|sponsored\s+by)\s+$"
)
# a person's post before 'at', 'of' or 'with' a company: 'Hannah Lowry, a director at the research firm'
_POST = (
    r"(?:director|president|chairman|chairwoman|chief|executive|manager|spokes(?:man|woman|person)|analyst|"
    r"founder|partner|officer|head|editor|reporter|consultant|researcher|economist|lawyer|engineer|employee|"
    r"worker|member|adviser|advisor)s?\s+(?:at|of|with|for|from)\s"
)
# not past a possessive ('Ana Ruiz, the firm's head of brand' is the firm's person), nor past a person's post
_ORG_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?![\w-]+['’]s\s|" + _POST + r")[\w'’-]+\s+){0,4}?" + ORG_NOUN + r"(?![\w'’-])"
)
_EXEC_AFTER = re.compile(
    r"\s+(?:chief executive|chief operating officer|chairman|chairwoman|spokesman|"
    r"spokeswoman|spokesperson|CEO)\b"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|added|told|asked|explained|according to|(?:saved|scored|founded|"
    r"coached|replaced|fouled|tackled|assisted) by|came on for|replacing (?:him|her) with|"
    r"(?:[Rr]eporting|[Ee]diting|[Ww]riting) by)\s+$"
)
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,3}?(?:director|president|chairman|chairwoman|chief|executive|"
    r"manager|coach|captain|spokesman|spokeswoman|spokesperson|analyst|founder|minister|secretary|officer|deputy|"
    r"head|player|driver|rider|editor|reporter|correspondent|professor|lecturer|consultant|researcher|agent|"
    r"owner|ceo)\b"
)
# a role of an organisation just before a name: 'Chief executive of the Welsh Rugby Union Gethin Morris-Price'
_OFFICER_BEFORE = re.compile(
    r"\b(?:chief executive|president|chairman|chairwoman|chair|director|head|ceo|secretary|general secretary|"
    r"manager|coach|captain|founder|spokes(?:man|woman|person))\s+(?:of|at|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’&.-]*\s+){0,4}(?-i:[A-Z]{2,}|" + "|".join(sorted(ORG_WORDS)) + r")\s+$",
    re.I,
)
_SENTENCE_FIRST_WORD = re.compile(r"([A-Z][a-z]{2,})\s+(?=[A-Z])")
_SENTENCE_BEFORE = re.compile(r"(?:^|\n|[.!?][\"”’']?\s+)$")
_COUNTRY_AFTER = re.compile(r"\s+\([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\)")  # results: 'Tatiana Guderzo (Italy)'
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(HONORIFICS)) + r")\.?\s+$", re.I)
# only players are substituted
_SUBSTITUTED = re.compile(r"\b(?:came on for|went off for|replacing (?:him|her) with)\s+$")


def relabel(
    text: str, s: int, e: int, label: str, people: dict[str, str], firsts: dict[str, str] | None = None
) -> tuple[int, int, str]:
    """The span and label of a spaCy span where the text shows better: a person (see `_person_label`),
    a nationality before a person's name ('Tunisian Abderrahim Zhiou'), a person 'of' an organisation
    ('Mina Worley-Hale of Human Rights Watch'), a dateline ('MUMBAI (Reuters) -'), a mountain or a pass
    ('Mont Ventoux', 'Col du Galibier'), a nationality or a common word alone ('Emirati', 'Women': none)."""
    role = _role_first(text, s, e) if label in ("PERSON", "ORG", "GPE", "NORP", "FAC") else None
    if role is not None:
        return role, e, "PERSON"
    named = _by_its_words(text, s, e, label, people)
    if named is not None:
        return named
    if label not in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        return s, e, label
    return _by_its_surroundings(text, s, e, label, people, firsts)


def _role_first(text: str, s: int, e: int) -> int | None:
    """Where the name begins in 'Goaltender Petr Novak' or 'Lawmaker Emmett O'Brien' opening a sentence: a
    capitalised first word that is a role, or that the article writes in lower case elsewhere (a common
    noun, not a first name), before a full name."""
    first = _SENTENCE_FIRST_WORD.match(text, s, e)
    if not first or not looks_like_full_name(text[first.end() : e].split()):
        return None
    if s and not _SENTENCE_BEFORE.search(text, max(0, s - 4), s):
        return None
    return first.end() if common_word(first.group(1), text) else None


def common_word(word: str, text: str) -> bool:
    """A capitalised word that is a role, or that `text` also writes in lower case: not part of a name."""
    word = word.lower()
    return word in ROLE_WORDS or bool(compiled(rf"\b{re.escape(word)}s?\b").search(text))


def _by_its_words(text: str, s: int, e: int, label: str, people: dict[str, str]) -> tuple[int, int, str] | None:
    """What the name's own words say it is (a venue, an event, a newspaper, a company), else None."""
    if _venue(text[s:e].split(), label) and text[s:e] not in people:
        return s, e, "FAC"  # 'Johnson Space Center', 'Castlefrank Road', 'Camping World Stadium', 'Hotel Eurostars'
    words = text[s:e].split()
    if label == "ORG" and _DOCUMENT.search(text, s, e) and text[s:e] not in people:
        return s, s, label  # 'Convention on Cluster Munitions', 'Academy Award for …': no organisation's name
    if label == "ORG" and (words[-1:] in (["Adviser"], ["Advisor"]) or words in (["Taoiseach"], ["Tánaiste"])):
        return s, s, label  # an office: 'National Security Adviser', 'Taoiseach'; its holder is a person
    if words[-1:] == ["Congress"] and _PARTY_WORDS.intersection(words):
        return s, e, "ORG"  # 'All Progressives Congress', 'Trades Union Congress'; not the 'World Congress'
    if (
        len(words) > 1
        and label in ("ORG", "PERSON", "FAC", "GPE", "LOC")
        and words[-1] in _EVENT_WORDS
        and text[s:e] not in people
    ):
        return s, e, "EVENT"  # 'Zurich Classic', 'Grand Slam', 'Qatar Open', 'Global Sports Business Summit'
    if len(words) > 1 and words[-1] == "Games" and label in ("ORG", "PERSON", "FAC", "GPE") and _hosts(words[:-1]):
        return s, e, "EVENT"  # 'Seoul Games', 'Atlanta Games': a town's games, not a firm's ('Riot Games')
    if len(words) > 1 and label in ("FAC", "EVENT", "GPE", "LOC") and words[-1] in _PRESS_WORDS | _BODY_WORDS:
        return s, e, "ORG"  # 'Sydney Morning Herald', 'West Yorkshire Police': a newspaper, a body
    if len(words) == 1 and ((label in ("FAC", "EVENT") and words[0] in ORG_WORDS) or words[0] in _ADJECTIVES):
        return s, s, label  # spaCy's venue 'Games', its event 'Olympic' ('the Olympic movement'): no name
    if label == "PERSON" and len(words) > 1 and words[-1] in _OUTLET_WORDS and _town_not_name(words[0]):
        return s, e, "ORG"  # 'Dublin Live', 'Bristol Post': a town's paper or site
    if label == "PERSON" and _ARTICLE_NAME.match(text[s:e]) and text[s:e] not in people:
        return s, e, "ORG"  # 'La Tercera', 'Il Messaggero': a Romance article starts a newspaper's name, not a person's
    # not the surname of a person named in full ('Marchetti spokeswoman Claire Dubois')
    by_surroundings = reads_as_company(text, s, e) and people.get(text[s:e], text[s:e]) == text[s:e]
    last = text[s:e].split()[-1:]
    if label == "PERSON" and (by_surroundings or (last and last[0] in FIRM_ENDINGS)):
        return s, e, "ORG"  # spaCy's person 'Nexora' in 'the chip maker Nexora'; 'Hinkley Mutual'
    return None


def _by_its_surroundings(
    text: str, s: int, e: int, label: str, people: dict[str, str], firsts: dict[str, str] | None
) -> tuple[int, int, str]:
    """What the text around an organisation or place name says it is: a person, a dateline, a mountain..."""
    rest = NAME_GOES_ON.match(text, e)
    if rest and text[s : rest.end()] in people:
        return s, rest.end(), "PERSON"  # spaCy's place 'Pendleton' of 'Pendleton-Morgan'
    words = text[s:e].split()
    if (
        label in ("ORG", "NORP", "GPE")
        and len(words) in (2, 3, 4)
        and _is_demonym(words[0])
        and all(is_name_token(w) and w not in ORG_WORDS for w in words[1:])
    ):
        return text.index(words[1], s + len(words[0])), e, "PERSON"
    if label == "ORG" and " of " in text[s:e]:
        name_end = text.index(" of ", s, e)
        # 'Mina Worley-Hale of Human Rights Watch'; not the 'European Court of Human Rights'
        if looks_like_full_name(text[s:name_end].split()) and text[s : text.find(" ", s)] in word_list("first_names"):
            return s, name_end, "PERSON"
    if label == "ORG" and len(words) == 1 and (_is_demonym(words[0]) or words[0] in _NOT_ORGS):
        return s, e, "NORP"
    if label == "ORG" and text.startswith(("-based", "-born"), e):
        return s, e, "GPE"  # 'the Warrington-based energy supplier'
    if (
        label == "ORG"
        and len(words) == 1
        and words[0].isupper()
        and len(words[0]) > 3
        and (s == 0 or text[s - 1] == "\n")
        and _DATELINE_AFTER.match(text, e)
    ):
        return s, e, "GPE"
    if label in ("ORG", "PERSON", "FAC") and _MOUNTAIN.match(text, s, e):
        return s, e, "LOC"
    if label == "ORG" and text[s:e] in (firsts or {}):
        return s, e, "PERSON"  # 'Jean-Baptiste, what would you change?'
    if label in ("GPE", "LOC", "FAC", "NORP") and text[s:e] not in people and reads_as_company(text, s, e):
        return s, e, "ORG"
    return s, e, _person_label(text, s, e, label, people)


def _town_not_name(word: str) -> bool:
    """A town's or a country's name that is no first name ('Dublin', not 'Sydney' or 'Paris')."""
    return (word in word_list("towns") or word in word_list("countries")) and word not in word_list("first_names")


def _hosts(words: list[str]) -> bool:
    """Whether `words` name a town or a country, the host of a 'Games'."""
    name = " ".join(words)
    return name in word_list("towns") or name in word_list("countries")


def _venue(words: list[str], label: str) -> bool:
    """Whether a name spaCy gave another label is a venue's: its last word says so ('Johnson Space Center'),
    or its first ('Hotel Eurostars Madrid Tower')."""
    if len(words) < 2:
        return False
    if label == "EVENT":
        return words[-1] in ("Stadium", "Arena")
    if label == "PERSON":
        return words[-1] in _VENUE_WORDS - _SURNAME_VENUE_WORDS
    return (label in ("ORG", "GPE", "LOC") and words[-1] in _VENUE_WORDS) or (
        label == "ORG" and words[0] in ("Hotel", "Stadium", "Stade", "Estadio")
    )


def reads_as_company(text: str, s: int, e: int) -> bool:
    """A name the words around it call a company: 'the Spanish airline Iberojet', 'Coinvale, an online
    exchange', 'Meridian chief executive Sigrid Haugland'."""
    return bool(_ORG_BEFORE.search(text, max(0, s - 40), s) or _ORG_AFTER.match(text, e) or _EXEC_AFTER.match(text, e))


def looks_like_full_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 3 and all(is_name_token(w) and w not in ORG_WORDS for w in words)


def _is_demonym(word: str) -> bool:
    return word.lower() in DEMONYMS or (
        word[:1].isupper() and word.endswith(("ian", "ean", "ese")) and len(word) > 5 and not word.isupper()
    )


def _person_label(text: str, s: int, e: int, label: str, people: dict[str, str]) -> str:
    """PERSON for a mention the article shows to be a person wherever spaCy put it: a surname or full
    name spaCy tags as a person elsewhere in the article (or a full name with such a surname), or a name after a
    title ('Mrs. Okafor')."""
    if label == "PERSON" or label not in (*NAME_LABELS, "NORP"):
        return label
    surface = text[s:e]
    if (
        surface in people
        or (looks_like_full_name(surface.split()) and surface.split()[-1] in people)  # 'Amara Okafor', 'Grace Okafor'
        or _HONORIFIC_BEFORE.search(text, max(0, s - 8), s)
        or _reads_as_person(text, s, e)
        or (is_name_token(surface) and _SUBSTITUTED.search(text, max(0, s - 24), s))
    ):
        return "PERSON"
    return label


def _reads_as_person(text: str, s: int, e: int) -> bool:
    """A full name spaCy took for something else where the words around it say person: 'said Priyanka
    Deshmukh', 'Nadine Vogt-Lindqvist, UEFA's managing director', 'Tatiana Guderzo (Italy)',
    'Australian Christie Dawes', 'managing partner Ines Varga'."""
    if not looks_like_full_name(text[s:e].split()) or text[s:e] in word_list("countries"):
        return False  # 'said South Africa would name their squad'
    before = text[max(0, s - 24) : s]
    last = before.split()[-1].lower() if before.split() else ""
    return bool(
        _SAID_BEFORE.search(before)
        or _OFFICER_BEFORE.search(text, max(0, s - 90), s)
        or _ROLE_AFTER.match(text, e)
        or text.startswith((", who ", ", whose "), e)  # 'Marcus Bell, who runs the fan group'; firms are 'which'
        or _COUNTRY_AFTER.match(text, e)
        or (before.endswith(" ") and _is_demonym(last))
        or (re.search(r"['’]s $", before) and last[:-2].title() in COUNTRY_ADJECTIVES)  # "Spain's Iker Goikoetxea"
        or (before.endswith(" ") and last in ROLE_WORDS and not _ORG_BEFORE.search(before))  # 'managing partner X'
    )
