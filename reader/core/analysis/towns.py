"""Towns, countries and counties in press copy: whether a name spaCy tags a person or an organisation is a
place (the GeoNames lists of `word_list`), and whether an English county is its cricket club."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from .context import FIRM_WORDS, ORG_WORDS, looks_like_full_name, reads_as_company
from .gazetteer import Entry, Gazetteer, unaccented, word_list
from .mentions import compiled, led_finditer
from .names import PARTICLES, is_name_token
from .sides import reads_as_place, sporting_side
from .tagger import RawEntity
from .values import Entity

_TO_PLACE = re.compile(r"\b(?:in|to|at|from|near|outside|via|towards?)\s+$")
# another place joined to it after such a word: 'offices in Southampton and |Winchester', 'between El Paso
# and |Ciudad Juárez', 'in Bradford, |Halifax'
_JOINED_TO_PLACE = re.compile(
    r"\b(?:in|to|at|from|near|between)\s+(?:[A-Z][\w'’.-]*,?\s+){0,3}?[A-Z][\w'’.-]*[\w](?:,|,? and|,? or)\s+$"
)
# a capitalised run of one to three words after a word that leads to a place: 'grew up in Aarhus'
_AFTER_PLACE_WORD = re.compile(r"\b(?:in|from|near|outside)\s+([A-Z][\w'’.-]*[\w](?:[ -][A-Z][\w'’-]*[\w]){0,2})")
_AFTER_PLACE_LEAD = re.compile(r"(?:in|from|near|outside)\s+[A-Z]")  # where one may start (see `led_finditer`)
# a name word just before, maybe with 'of': the place ends a longer name ('Medical Journal of Australia')
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:The|A|An|In|On|At|From|To|And|But|Of)\b)[A-Z][\w'’.-]*(?: of| of the)? $")
_CRICKET = re.compile(r"\bcricket", re.I)
_COUNTY_CLUB = " County Cricket Club"
# the last word of a thing named after a person: a newspaper, a venue, a building, a street ('Sydney Morning
# Herald', 'Eden Gardens', 'George Washington Bridge')
_THING_WORDS = frozenset(
    """Herald Gazette Tribune Telegraph Chronicle Express Observer Courier Examiner Inquirer Bulletin Dispatch
Bridge Base Gardens Garden Square Road Street Avenue Lane Way Tower Towers House Palace Airport Station Field
Hall Building Memorial Monument Prize Award Awards Medal Trophy Brand Brands Foods Soup Motors Bowl Day Week
Night Season Era Stage Final Derby Series League Bill Act Law Plan Rule""".split()
)
# a first name and a surname, or a surname after a particle, as the text writes them: 'Adrian Sutil',
# 'Rhodri ap Gwyn'
# (the lookbehind after the first capital, not before it: the regex engine then skips to capitals)
_FIRST_AND_SURNAME = re.compile(
    r"([A-Z](?<![\w'’.-].)[a-z\u00c0-\u024f'’-]+) (?:(?:de|van|von|da|di|ap|del|der|le|la|el|al) )?"
    r"[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*(?<=[a-z\u00c0-\u024f])(?![\w-]| [A-Z][a-z])"
)
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")
_LOWER_WORD_AFTER = re.compile(r" [a-z]")


def name_words(text: str, raw: list[RawEntity]) -> set[str]:
    """Words of the article's longer names that are no town where spaCy tags them alone: the first word of a
    listed organisation ('Tata' of 'Tata Group'), the last of a full name ('Holt' of 'Lester Holt')."""
    out = set()
    for s, e, label, known in raw:
        words = text[s:e].split()
        if known and label == "ORG" and len(words) > 1:
            out.add(words[0])
        elif label in ("PERSON", "ORG") and not known and looks_like_full_name(words):
            out.add(words[-1])
    return out


def is_town(text: str, s: int, e: int, label: str, named: Collection[str]) -> bool:
    """A country's or a town's name (see `word_list`) that is not a word of a person's or a firm's name
    in the article (see `name_words`) and that the text does not call a company; a town spaCy calls a
    person only where the words before it lead to a place ('a flat stage to Brescia', 'stores in Oxford,
    Winchester and Bath'): many towns are
    also first names. A side the text shows playing is one again in `_town_or_side`."""
    name = text[s:e]
    if name in named or reads_as_company(text, s, e):
        return False
    if name in word_list("countries") or (not name.isascii() and unaccented(name) in word_list("countries")):
        return True  # 'Curaçao', which the list spells 'Curacao'
    if name not in word_list("towns"):
        return False
    if label == "ORG":
        return True
    return bool(_TO_PLACE.search(text, max(0, s - 12), s) or _JOINED_TO_PLACE.search(text, max(0, s - 48), s))


def county_club(text: str, s: int, e: int, gazetteer: Gazetteer, people: Collection[str]) -> Entry | None:
    """The county cricket club a county's bare name stands for ('with Surrey keeping the rest', 'against
    Hampshire at the Utilita Bowl') in a text about cricket, where the words around it do not name the
    county as a place ('in Surrey') and it is no person's of the article, unless shown playing ('Kemar
    Hampshire' and 'Hampshire keeps asking' are the bowler)."""
    name = text[s:e]
    club = gazetteer.by_name.get(name + _COUNTY_CLUB) if name[:1].isupper() and " " not in name else None
    if club is None or not _CRICKET.search(text) or reads_as_place(text, s, e):
        return None
    return club if name not in people or sporting_side(text, s, e) else None


def first_named(name: str, text: str = "") -> bool:
    """A person's name by its words: a first name the lists know ('Paul', 'Matthijs', 'Leah'), then a
    surname, perhaps after a particle ('Matthijs de Ligt'), a second first name or an initial ('John Arne
    Riise', 'John F. Kennedy'), or two surnames none of which the `text` writes in lower case ('Oscar Lopez
    Rivera'; not the 'Gun Violence Archive'); no organisation's word, no country ('Georgia Tech'), no town
    ('Santa Cruz')."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not _first_name(words[0]):
        return False
    if words[0] in word_list("countries") or name in word_list("towns") or name in word_list("countries"):
        return False
    rest = [w for w in words[1:] if w not in PARTICLES]
    # three name words: a second first name or an initial in the middle ('John Arne Riise'), or two
    # surnames the text never writes as words ('Oscar Lopez Rivera'; not the 'Gun Violence Archive')
    middle = len(rest) < 2 or _first_name(rest[0]) or re.fullmatch(r"[A-Z]\.", rest[0])
    if not middle and (not text or any(_lower_in(w, text) for w in rest)):
        return False
    return (
        bool(rest)
        and words[-1] not in _THING_WORDS
        and words[-1] not in FIRM_WORDS
        and all(is_name_token(w) and w not in ORG_WORDS for w in [words[0], *rest])
    )


def _first_name(word: str) -> bool:
    """A first name the lists know, also written with accents they do not give ('Seán', 'Órla' for 'Sean',
    'Orla')."""
    firsts = word_list("first_names")
    return word in firsts or (not word.isascii() and unaccented(word) in firsts)


def country_named(words: list[str]) -> bool:
    """A 'full name' whose last word is a country's and whose first is no first name the lists know ('Boycott
    Israel', spaCy's person in 'Ireland should Boycott Israel'): its last word alone is the country, not a
    person."""
    return words[-1] in word_list("countries") and words[0] not in word_list("first_names")


@functools.cache
def _countries() -> re.Pattern:
    """The countries' names as one pattern, longest first; not those that are also first names ('Jordan')."""
    names = sorted(word_list("countries") - word_list("first_names"), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?=[A-Z])(?:" + "|".join(map(re.escape, names)) + r")(?![\w'’-]| [A-Z])")


@functools.cache
def _countries_lead() -> re.Pattern:
    """Where a country's name may start (see `led_finditer`): `_countries` without its lookbehind."""
    return re.compile(_countries().pattern.replace(r"(?<![\w'’-])(?=[A-Z])", "", 1))


@functools.cache
def _towns() -> frozenset[str]:
    """The towns' names that are no first names ('Tyler', 'Florence')."""
    return word_list("towns") - word_list("first_names")


def with_untagged_places(text: str, found: list[Entity]) -> list[Entity]:
    """`found` and the countries (anywhere) and towns (after 'in', 'near', 'outside', 'from') spaCy left out, as
    places (a side where the text shows it playing), where they overlap nothing found and are not the end
    of a longer name ('Bank of England' is found; 'Real Madrid' is no town)."""
    spans = [m.span() for m in led_finditer(_countries(), _countries_lead(), text)]
    towns = _towns()
    spans += [
        m.span(1)
        for m in led_finditer(_AFTER_PLACE_WORD, _AFTER_PLACE_LEAD, text)
        if m.group(1) in towns and reads_as_place(text, *m.span(1))  # not 'joined from Bath'
    ]
    added: list[Entity] = []
    for s, e in sorted(set(spans)):
        if any(s < x.end and x.start < e for x in [*found, *added]) or _NAME_BEFORE.search(text, max(0, s - 30), s):
            continue
        label = "ORG" if sporting_side(text, s, e) else "GPE"
        added.append(Entity(s, e, text[s:e], label, text[s:e]))
    return sorted([*found, *added], key=lambda x: x.start) if added else found


def first_named_spans(text: str, tags: list[tuple[int, int, str, str]]) -> list[tuple[int, int, list[int]]]:
    """The people spaCy left out whom a first name the lists know names ('Adrian Sutil' untagged, 'Diego'
    before its place 'Medina', 'Antonio' before the club 'Valencia'): a first name, then a surname (see
    `first_named`), no third name word after it (a headline's 'Paul Pogba Signs For') nor before it ('John
    Wayne Walding'), nor 'the' ('the Chase Grid'; but 'the Michael Jordan era'), over no tag but lone words
    of its surname or its first name (also a listed club's: 'Chelsea' of 'Chelsea Manning'). Each as its span
    and the indexes of the `tags` (start, end, label, note or listed name) it covers."""
    out = []
    firsts = word_list("first_names")
    for m in _FIRST_AND_SURNAME.finditer(text):
        if m.group(1) not in firsts:
            continue  # the common case, decided first
        s, e = m.span()
        inside = [i for i, (a, b, _, _) in enumerate(tags) if a < e and s < b]
        lone = all(
            " " not in text[a:b] and label != "PERSON" and ((a > m.end(1) and b == e) or (a == s and b == m.end(1)))
            for a, b, label, note in (tags[i] for i in inside)
        )
        before = _NAME_WORD_BEFORE.search(text, max(0, s - 30), s)
        # 'the Chase Grid' is no person, but 'the Michael Jordan era' is one, named as a noun's attribute
        the = text[max(0, s - 4) : s].lower() == "the " and not _LOWER_WORD_AFTER.match(text, e)
        if lone and first_named(m.group(), text) and not (the or (before and is_name_token(before.group().strip()))):
            out.append((s, e, inside))
    return out


def with_first_named_people(text: str, found: list[Entity], resolve) -> list[Entity]:
    """`found` and the people spaCy left out whom a first name names (see `first_named_spans`), each with the
    full name `resolve` gives, in place of spaCy's lone words it covers."""
    spans = first_named_spans(text, [(x.start, x.end, x.label, x.note) for x in found])
    if not spans:
        return found
    dropped = {i for _, _, inside in spans for i in inside}
    added = [Entity(s, e, text[s:e], "PERSON", resolve(text[s:e])) for s, e, _ in spans]
    return sorted([*(x for i, x in enumerate(found) if i not in dropped), *added], key=lambda x: x.start)


def _lower_in(word: str, text: str) -> bool:
    return bool(compiled(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])").search(text))


def first_name_here(text: str, s: int, e: int) -> bool:
    """A first name the lists know that the words around it do not make a place ('in Tyler')."""
    return text[s:e] in word_list("first_names") and not reads_as_place(text, s, e)
