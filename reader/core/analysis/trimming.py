"""Where a tagged name begins and ends: spaCy's span without a leading 'the', a possessive, a heading on the
line before, a table's rank and columns, a score or a person's title, and with the parts of a person's name
(a double-barrelled surname, a particle) that spaCy left outside it."""

from __future__ import annotations

import re

from .gazetteer import word_list
from .names import DEMONYMS, PARTICLES, is_name_token, trim_name

NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")  # names: no score or table column in them
_LEADING_THE = re.compile(r"^(?:the|The|a|an)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_LEADING_QUOTE = re.compile(r"^(?:``|''|[\"“”«])\s*")  # a wire quote's opening mark: '``Every', '``Ask'
_TRAILING_JOIN = re.compile(r"\s+(?:and|or|of|&)$")
_QUESTION_MARK = re.compile(r"^Q\.\s+")  # a transcript's question opening its line: 'Q. Yuki, how much …'; no initial
_LEADING_RANK = re.compile(r"^(?:\d{1,3}[.)]?\s+|[(\[]\s*)")  # '1 Barcelona' in a table, '(Barcelona'
# a score or a table's columns after a name: 'Real Madrid 2-1', 'Barcelona (Spain) 9 4 5 13'
_TRAILING_FIGURES = re.compile(
    r"(?:\s*\([^()\n]*\)?)?(?:\s+\d+(?:[-–:]\d+)?){2,}\W*$|"
    r"(?:\s+\d+\s*[-–:]\s*\d+|\s*\([^()\n]*\)?)\W*$"
)
_INNER_NUMBER = re.compile(r"(?<=\s)\d{1,3}\s+")
_TRAILING_LOWER = re.compile(  # 'Yonhap news agency': the lowercase words after a name, not 'of' or 'de'
    r"(?:\s+(?!(?:of|de|du|des|del|da|di|van|von|der|la|le|y|i|and|for|&)\b)[a-z][\w'’-]*)+$"
)
_SCORE_TAIL = re.compile(r"\s+\d+$")
_SCORE_ON = re.compile(r"\s*[-–]\s*\d")
_PERSON_TAIL = re.compile(r"\s*[\d(\[].*$", re.S)  # no digit or bracket in a person's name
# a common noun capitalised at the start of a headline's organisation: 'Airline Iberojet ends …'
_ORG_NOUN_FIRST = re.compile(
    r"(?:Airline|Carrier|Insurer|Broadcaster|Brewer|Carmaker|Sponsor|Bookmaker|Retailer|"
    r"Manufacturer|Supplier|Provider|Sportswear firm|Firm) (?=[A-Z])"
)
# an officer's title after a body's name: 'the State Department Spokesperson', 'the FIFA President'
_TRAILING_ROLE = re.compile(
    r" (?:Spokesperson|Spokesman|Spokeswoman|Chairman|Chairwoman|President|Director|Chief Executive|CEO|"
    r"Secretary-General|Commissioner)$"
)
_NAME_WORD = r"[A-Z][^\W\d_][\w'’]*"
_LOWER_PARTICLES = "|".join(sorted(PARTICLES, key=len, reverse=True))
# what spaCy cuts off a person's name: the rest of a double-barrelled surname ('Mehta'-'Collins'), a particle
# and the name after it ('Laia Cortés' 'i Ferrer', 'Suleiman' 'al-Amr', 'Dennis' 'ter Horst')
NAME_GOES_ON = re.compile(
    rf"-{_NAME_WORD}|(?: (?:{_LOWER_PARTICLES}))+ {_NAME_WORD}(?:-{_NAME_WORD})?"
    rf"| (?:al|el|bin|ibn|d|de|da|van)[-'’]{_NAME_WORD}"
)
# and before it: a first name and particles ('Fernández de la' 'Vega'), a capitalised particle ('Del'
# 'Valle-Carrasco'), the first half of a double-barrelled surname
_NAME_BEGAN = re.compile(
    rf"(?:\b{_NAME_WORD}(?: (?:{_LOWER_PARTICLES}))+ |(?<![\w'’-])(?:Del|Della|De|Van|Von|"
    rf"Ter|Ten|Da|Di|Dos|Das|Du) |(?<![\w'’-]){_NAME_WORD}-)$"
)

# a Dutch or German surname's particle, in lower case, before it alone ('a van Bommel header'); not 'the van'
# a country's possessive and a capitalised word just before a name: "Colombia's German |Naranjo Jaramillo"
_COUNTRY_OWNS = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s ([A-Z][a-z]+) $")
_PARTICLE_BEFORE = re.compile(
    r"(?<![\w'’-])(?<!the )(?<!The )(?<!his )(?<!her )(?<!their )((?:van|von|ten|ter)(?: (?:der|den|de))? )$"
)


def _leading(text: str, s: int, e: int, label: str) -> re.Match[str] | None:
    """What opens a name's span and is not part of it: 'the', a wire quote's mark, a table's rank, a question's 'Q.'."""
    surface = text[s:e]
    return (
        _LEADING_THE.match(surface)
        or _LEADING_QUOTE.match(surface)
        or (_LEADING_RANK.match(surface) if label != "EVENT" else None)
        or (_QUESTION_MARK.match(surface) if s == 0 or text[s - 1] == "\n" else None)
    )


def tidy_span(text: str, s: int, e: int, label: str) -> tuple[int, int]:
    """A raw span without what is not part of a name: a leading 'the', a possessive, and for names also a
    line break and what lies before it, a table's rank and columns, a score, and a person's title."""
    if label not in NAME_LABELS:
        lead = _LEADING_THE.match(text[s:e])
        return (s + lead.end() if lead and s + lead.end() < e else s), e
    if "\n" in text[s:e]:
        lines = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\n]+", text[s:e])]
        # spaCy runs a heading or a table's header into the name on the next line: the last line is the name
        return next(
            (span for span in (tidy_span(text, a, b, label) for a, b in reversed(lines)) if span[1] > span[0]), (s, s)
        )
    if label != "EVENT":
        inner = [m for m in _INNER_NUMBER.finditer(text, s, e) if m.end() < e]
        if inner and text[inner[-1].end()].isupper():
            s = inner[-1].end()  # 'Pos Team P W D L 1 Barcelona': a table's header and rank
    while True:
        before = (s, e)
        surface = text[s:e]
        lead = _leading(text, s, e, label)
        if lead and lead.end() < len(surface):
            s += lead.end()
        tail = (_PERSON_TAIL if label == "PERSON" else _TRAILING_FIGURES).search(text, s, e)
        if tail and tail.start() > s:
            e = tail.start()
        tail = _TRAILING_LOWER.search(text, s, e) if label != "EVENT" else None
        if tail and tail.start() > s:
            e = tail.start()  # 'Yonhap news agency' -> 'Yonhap'
        tail = _SCORE_TAIL.search(text, s, e)
        if tail and tail.start() > s and _SCORE_ON.match(text, e):
            e = tail.start()  # 'Sweden 1' of 'Sweden 1 – 0
        tail = _TRAILING_JOIN.search(text, s, e)
        if tail and tail.start() > s:
            e = tail.start()  # 'City and' of 'City and Arsenal'
        tail = _TRAILING_POSSESSIVE.search(text, s, e)
        if tail and tail.start() > s:
            e = tail.start()
        while e > s and text[e - 1] in " ,;:-–(":
            e -= 1
        if (s, e) == before:
            break
    words = text[s:e].split()
    if len(words) > 2 and sum(len(w) == 1 or w.isdigit() for w in words) * 2 > len(words):
        return s, s  # 'Pos Team P W D L 1': a table's header, no name
    if text[s:e].islower():
        return s, s  # 'new jersey', 'green jersey': no name
    if label == "ORG":
        role = _TRAILING_ROLE.search(text, s, e)
        if role and " of " not in text[s:e]:
            e = role.start()
        lead = _ORG_NOUN_FIRST.match(text, s)
        if lead and lead.end() < e:
            s = lead.end()  # 'Airline Iberojet' -> 'Iberojet'
    if label == "PERSON":
        s, e = _person_span(text, s, e)
    return s, e


def _person_span(text: str, s: int, e: int) -> tuple[int, int]:
    """A person's span without the title before the name ('IOC President Thomas Bach' -> 'Thomas Bach'), with
    the parts of the name spaCy left outside it; empty where no word is a name ('Kenyan Olympic')."""
    name = trim_name(text[s:e])
    words = text[s:e].split()
    if not name and not text[s:e].isupper() and not any(is_name_token(w) and w.lower() not in DEMONYMS for w in words):
        return s, s
    at = text.rfind(name.split()[0], s, e) if name else -1
    if at > s and text[at:e].startswith(name):
        s = at
    return _whole_name(text, _first_name_after_country(text, s), e)


def name_at(text: str, s: int, e: int) -> str:
    """The person's name in the span, as `trim_name` reads it, with the first name that a people's word
    after a country's possessive is ("Colombia's German Naranjo Jaramillo")."""
    name = trim_name(text[s:e])
    at = e - len(name)
    if name and at > s and text.endswith(name, 0, e) and (first := _first_name_after_country(text, at)) < at:
        return text[first:e]
    return name


def _first_name_after_country(text: str, s: int) -> int:
    """Where a person's name starts that a people's word opens, one that is also a first name, right after
    another country's possessive ('German' of "Colombia's German Naranjo Jaramillo"; not "Germany's German
    …", not "Chelsea's German …")."""
    m = _COUNTRY_OWNS.search(text, max(0, s - 40), s)
    if not m:
        return s
    country, word = m.groups()
    if word.lower() in DEMONYMS and word in word_list("first_names") and country in word_list("countries"):
        return m.start(2) if word[:3] != country[:3] else s
    return s


def _whole_name(text: str, s: int, e: int) -> tuple[int, int]:
    """A person's span with the parts of the name spaCy left outside it."""
    after = NAME_GOES_ON.match(text, e)
    if after:
        e = after.end()
    before = _NAME_BEGAN.search(text, max(0, s - 40), s)
    if before and is_name_token(before.group().split()[0].rstrip("-")):
        s = before.start()
    elif particle := _PARTICLE_BEFORE.search(text, max(0, s - 20), s):
        s = particle.start(1)  # 'as van Bommel pressed': the surname written with its particle, no first name
    return s, e
