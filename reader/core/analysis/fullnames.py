"""A person's full name from the whole article: where spaCy tagged a surname alone, or a name in pieces, the
full name the text writes elsewhere ('Irish fly-half Cian Brannigan' … 'Brannigan'); a first name alone
('Wanjiku'); a lone name the article shows to be a person by trade or in the run of play ('striker Valdemiro',
'a pass from Relka'), whatever spaCy called it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .context import reads_as_company
from .gazetteer import word_list
from .mentions import compiled, with_untagged
from .names import DEMONYMS, FUNCTION_WORDS, SENTENCE_OPENERS, first_name_or_nationality, is_name_token, surname
from .tagger import RawEntity
from .values import Entity

# what a minister or a secretary is for: 'Minister for Defence', 'Minister of Strategic Affairs'
_OFFICE = (
    r"(?:Affairs|Defen[cs]e|Interior|Health|Education|Sports?|Finance|Justice|Culture|Transport|Energy|Trade|"
    r"Industry|Tourism|Labou?r|Agriculture|Environment|State|Security|Development|Economy|Treasury|Commerce|"
    r"Communications|Immigration|Youth|War|Home)"
)
# a person's role before a full name of two or three words
_ROLE_NAME = re.compile(
    r"\b(?=[CcMmPpSsDdGgWwFfQqRrVvIi])(?:[Cc]oach|[Rr]esident|[Cc]itizen|[Dd]etainee|[Pp]risoner|[Ii]nmate|[Mm]anager|[Cc]aptain|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Ss]triker|[Mm]idfielder|"
    r"[Dd]efender|[Gg]oalkeeper|[Ww]inger|[Ff]ull-back|[Ff]ly-half|[Ss]crum-half|[Ff]lanker|[Qq]uarterback|"
    r"[Ss]printer|[Rr]ookie|[Vv]eteran|[Ss]eamer|[Ss]pinner|[Ww]icketkeeper|[Ff]ounder|[Ss]pokes(?:man|woman)|"
    # a US desk's positions, capitalised only opening a sentence (not the 'Republican Guard')
    r"guard|forward|pitcher|catcher|shortstop|goaltender|receiver|"
    r"(?:(?<![^\n])|(?<=\. ))(?:Guard|Forward|Pitcher|Catcher|Shortstop|Goaltender|Receiver)|"
    # an office, with what it is for: 'Minister for Defence Ignazio La Russa', 'Secretary of State John Kerry'
    r"(?:Minister|Secretary|Senator|Governor|Mayor|Chancellor)(?:\s+(?:for|of)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?"
    + _OFFICE
    + r"(?:\s+and\s+"
    + _OFFICE
    + r")?)?)"
    r"\s+([A-Z][a-z\u00c0-\u024f'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b(?!\s+[A-Z])"
)
# a name with an age in apposition ('Okafor-Reid, 19,'), or with a reflexive pronoun ('Stroll himself')
_AGED = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)(?:,\s+\d{1,2},\s|\s+(?:himself|herself)\b)")
_AGE = re.compile(r",\s+\d{1,2},\s")
_SELF = re.compile(r"\b(?:himself|herself)\b")
_NOT_NAME_WORDS = frozenset("Club United City Town Rovers Athletic FC".split())
_FIRST_ALONE = re.compile(r"[A-Z][a-z\u00c0-\u024f]{3,}(?:-[A-Z][a-z\u00c0-\u024f]+)?")  # 'Josphat', 'Jean-Luc'
_WORD_CHAR = re.compile(r"[\w'’-]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z\u00c0-\u024f]+")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*) $")  # a capitalised word just before a name: 'Lake Jordan'
# a person's trade or position, in lower case just before a lone name ('Estonian singer Kadrila', 'striker
# Valdemiro'), or capitalised opening a sentence ('Winger Dorinho crossed'); never a sponsor's 'partner'
TRADES = (
    "singer|songwriter|rapper|actor|actress|comedian|designer|artist|painter|sculptor|photographer|novelist|"
    "poet|playwright|filmmaker|anchor|presenter|journalist|columnist|pundit|dancer|musician|guitarist|drummer|"
    "striker|midfielder|defender|goalkeeper|keeper|winger|playmaker|quarterback|sprinter|batsman|bowler|flanker|"
    "fly-half|scrum-half|full-back|jockey|hurdler|cyclist|swimmer|boxer|golfer|wrestler|gymnast|teammate|team-mate|"
    "performer"
)
_TRADE_BEFORE = re.compile(r"(?<![\w-])(?:" + TRADES + r")\s+$")
# a plural trade before a list of names, the lone name last in it: 'performers Bruno Mars and Beyoncé'
_TRADES_LISTED = re.compile(
    r"(?<![\w-])(?:" + TRADES + r")s\s+(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}(?:,\s+|,?\s+and\s+)){1,4}$"
)
# a title or an age just before a lone name: 'Ms. Adeyemi-Clarke', 'the 24-year-old Kettering-Ross'
_TITLE_OR_AGE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?|\b\d{1,2}-year-old)\s+$")
_TRADE_FIRST = re.compile(r"(?=[A-Z])(?i:" + TRADES + r")\s+(?=[A-Z])")
# a player in the run of play, before or after a lone name: 'a pass from Relka', "Tavinho's long range shot"
_PLAY_BEFORE = re.compile(
    r"\b(?:pass(?:es)? (?:from|to|with)|ball (?:to|from)|cross(?:ed)? (?:from|to|for)|(?:header|shot|volley|"
    r"save|tackle|free[- ]kick) (?:by|from)|(?:fouled|booked|brought down|set up|substituted) by)\s+$"
)
_PLAY_AFTER = re.compile(
    r"['’]s (?:(?:long[- ]range|curling|low|first|second|late|early|deflected|powerful|fierce) )?"
    r"(?:shot|header|volley|cross|free[- ]kick|through[- ]ball|backheel)\b"
)
_NOT_YET_PEOPLE = frozenset(("ORG", "GPE", "LOC", "FAC", "NORP"))
# 'Dorinho', 'Beyoncé', 'Kettering-Ross'; not 'FIFA', not two words
_NAME_WORD = re.compile(r"[A-Z][a-z\u00c0-\u024f'’-]+(?:-[A-Z][a-z\u00c0-\u024f'’]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n][\"”’']?\s*)$")
_NOT_FIRST_NAMES = frozenset(("ORG", "GPE", "LOC", "FAC", "EVENT", "PERSON"))  # PERSON: tagged, so already known


def first_name_before(
    parts: Sequence[str], raw: Sequence[list[RawEntity]], name: str, sure: bool = False
) -> str | None:
    """'Cian Brannigan' for the person 'Brannigan': the first place the article writes the surname after a
    capitalised word that is a first name (not a nationality, a place or what opens a sentence; at a
    sentence's start, a tagged word only when the words around `name` elsewhere make it `sure` a person)."""
    for text, ents in zip(parts, raw):
        for m in compiled(rf"\b([A-Z][a-z\u00c0-\u024f-]+) {re.escape(name)}\b").finditer(text):
            first = m.group(1)
            opens = m.start() == 0 or re.search(r"(?:[.!?:\"“”]|\n)\s*$", text[max(0, m.start() - 3) : m.start()])
            if (
                first in SENTENCE_OPENERS
                or not is_name_token(first)
                or (first.lower() in DEMONYMS and not _first_name_here(text, m.start(), first))
                or first.endswith(("ish", "ese"))
                or any(
                    s <= m.start() < e and not_first_name(m, s, e, label, known, bool(opens) and not sure)
                    for s, e, label, known in ents
                )
            ):
                continue
            return f"{first} {name}"
    return None


def _first_name_here(text: str, at: int, word: str) -> bool:
    """A nationality that is also a first name, not after 'the' ('Scot Tavernier'; not 'the Scot Tavernier')."""
    return first_name_or_nationality(word) and not text.endswith(("the ", "The "), 0, at)


def not_first_name(m: re.Match, s: int, e: int, label: str, known: str, opens: bool = False) -> bool:
    """Whether a tag over the word before a surname says it is no first name: a listed name, a place, a
    venue, an event, a person already, or an organisation other than spaCy's one-word 'Dries' or the whole
    name ('Freja Holm', where 'Holm' is a person elsewhere)."""
    if known or opens:  # at a sentence's start a tagged word is what spaCy says: 'Mozilla Firefox, its rival'
        return bool(known) or label in _NOT_FIRST_NAMES
    lone_org = label == "ORG" and (s, e) == m.span(1)
    whole = label != "PERSON" and (s, e) == m.span()  # 'Freja Holm' tagged an organisation, the person 'Holm'
    return label in _NOT_FIRST_NAMES and not lone_org and not whole


def whole_names(text: str, found: list[Entity]) -> list[Entity]:
    """A person's mention widened to the full name the text writes there ('Dries' or 'Mertens' of 'Dries
    Mertens', where spaCy tagged one word as a person and the other as something else or nothing), the
    other word's tag dropped."""
    out = list(found)
    dropped: set[int] = set()
    for i, x in enumerate(found):
        if x.label != "PERSON" or " " in x.text or " " not in x.canonical:
            continue
        first, _, last = x.canonical.rpartition(" ")
        if x.text == last and text.endswith(first + " ", 0, x.start):
            s, e = x.start - len(first) - 1, x.end
        elif x.text == first and text.startswith(" " + last, x.end):
            s, e = x.start, x.end + len(last) + 1
        else:
            continue
        if re.match(r"[\w-]", text[e : e + 1]) or re.match(r"[\w-]", text[s - 1 : s]):
            continue
        out[i] = Entity(s, e, text[s:e], "PERSON", x.canonical, x.note)
        dropped |= {j for j in (i - 1, i + 1) if 0 <= j < len(found) and s <= found[j].start and found[j].end <= e}
    return [x for j, x in enumerate(out) if j not in dropped]


def role_named(text: str) -> list[str]:
    """The full names written right after a person's role ('Coach Ana Ruiz', 'striker Jamal Reid'): people,
    where spaCy may have tagged nothing."""
    return [
        m.group(1)
        for m in _ROLE_NAME.finditer(text)
        if all(is_name_token(w) and w not in _NOT_NAME_WORDS for w in m.group(1).split())
    ]


def aged(text: str) -> list[str]:
    """Names followed by an age in apposition ('Tamsin Okafor-Reid, 19,', 'Okafor-Reid, 19,') or by
    'himself' or 'herself' ('Stroll himself'): people."""
    if not _AGE.search(text) and not (("himself" in text or "herself" in text) and _SELF.search(text)):
        return []  # the pattern below is slow to try at every capitalised word
    return [m.group(1) for m in _AGED.finditer(text) if all(is_name_token(w) for w in m.group(1).split())]


def with_first_names(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A first name standing alone ('"Wanjiku is an example," the minister said') where spaCy tagged nothing or
    tagged a person nobody resolved: the one person of the article with that first name, written in full elsewhere
    or named as a relative ('Robert Mansell's father Roger'). Not a first name of two
    people, nor anyone's surname, nor a word the article writes in lower case ('Grace', 'grace under
    pressure'), nor a name it tags as something else or a country's or a town's ('Jordan')."""
    people: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        people.setdefault(e.canonical.split()[0], set()).add(e.canonical)
    if not people:
        return parts
    taken = {full.split()[-1] for fulls in people.values() for full in fulls}  # surnames, and names of other things
    taken |= {e.text for part in parts for e in part if e.label != "PERSON"}
    whole = " ".join(texts)
    forms = {
        first: min(fulls)
        for first, fulls in people.items()
        if len(fulls) == 1
        and _FIRST_ALONE.fullmatch(first)
        and first not in taken
        and not _place_name(first)
        and not (first.lower() in whole and first.lower() in _LOWER_WORD.findall(whole))
    }
    return [_with_alone(text, _resolved(part, forms), forms) for text, part in zip(texts, parts)] if forms else parts


def _resolved(found: list[Entity], forms: dict[str, str]) -> list[Entity]:
    """`found` with each first name spaCy tagged a person alone that nothing resolved ('Roger', after 'Robert
    Mansell's father Roger' made him Roger Mansell) as the one person with it."""
    if not any(e.label == "PERSON" and e.canonical == e.text and e.text in forms for e in found):
        return found
    return [
        Entity(e.start, e.end, e.text, "PERSON", forms[e.text], e.note)
        if e.label == "PERSON" and e.canonical == e.text and e.text in forms
        else e
        for e in found
    ]


def _with_alone(text: str, found: list[Entity], forms: dict[str, str]) -> list[Entity]:
    """`found` and each of `forms` standing alone in `text` (no capitalised word just before or after it) where
    nothing is tagged: a person with the full name."""
    added: list[Entity] = []
    for s, e in _spans(text, forms):
        before = _WORD_BEFORE.search(text, max(0, s - 30), s)
        name_before = (
            before and before.group(1) not in SENTENCE_OPENERS and before.group(1).lower() not in FUNCTION_WORDS
        )
        if name_before or (text.startswith(" ", e) and text[e + 1 : e + 2].isupper()):
            continue
        if not any(s < x.end and x.start < e for x in found):
            added.append(Entity(s, e, text[s:e], "PERSON", forms[text[s:e]]))
    return sorted([*found, *added], key=lambda x: x.start) if added else found


def _spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of a few `words` stands in `text` as a whole word, found by `str.find` (a few first names:
    cheaper than a scan of every capitalised word)."""
    out = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (_WORD_CHAR.match(text, at - 1) if at else False) and not _WORD_CHAR.match(text, end):
                out.append((at, end))
            at = text.find(word, end)
    return sorted(out)


def _place_name(word: str) -> bool:
    return word in word_list("countries") or word in word_list("towns")


def people_by_role(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A lone name the article calls a person by trade somewhere ('Estonian singer Kadrila', 'striker
    Valdemiro', 'Winger Dorinho crossed' opening a sentence) or shows as a player ('a pass from Relka') is
    that person in every mention, whatever spaCy called it and where it tagged nothing; with the full name of
    the article's person of that surname."""
    found: list[list[Entity]] = []
    people: set[str] = set()
    for text, part in zip(texts, parts):
        kept = []
        for e in part:
            trade = _TRADE_FIRST.match(e.text) if e.label in _NOT_YET_PEOPLE and not e.note else None
            if (
                trade
                and " " not in e.text[trade.end() :]
                and _SENTENCE_START.search(text, max(0, e.start - 3), e.start)
            ):
                e = Entity(e.start + trade.end(), e.end, e.text[trade.end() :], e.label, e.text[trade.end() :])
            lone = (e.label in _NOT_YET_PEOPLE or e.label == "PERSON") and not e.note and _NAME_WORD.fullmatch(e.text)
            if lone and is_name_token(e.text) and _by_trade_or_play(text, e, trade):
                people.add(e.text)
            kept.append(e)
        found.append(kept)
    if not people:
        return parts
    fulls = {
        surname(e.canonical): e.canonical for part in parts for e in part if e.label == "PERSON" and " " in e.canonical
    }
    named = {name: fulls.get(name, name) for name in people}
    return [
        with_untagged(
            text,
            [
                Entity(e.start, e.end, e.text, "PERSON", named[e.text], "")
                if e.text in named and e.label in _NOT_YET_PEOPLE and not e.note
                else e
                for e in part
            ],
            named,
            "PERSON",
        )
        for text, part in zip(texts, found)
    ]


def _by_trade_or_play(text: str, e: Entity, trade: re.Match | None) -> bool:
    """Whether the words around a lone name make it a person: a trade before it (not a company's noun, 'chip
    designer Nexora'), or the run of play around it (not a country's or a town's side, "Denver's shot")."""
    if (
        trade
        or _TRADE_BEFORE.search(text, max(0, e.start - 16), e.start)
        or _TRADES_LISTED.search(text, max(0, e.start - 90), e.start)
        or _TITLE_OR_AGE_BEFORE.search(text, max(0, e.start - 16), e.start)
    ):
        return not reads_as_company(text, e.start, e.end)
    if e.text in word_list("countries") or e.text in word_list("towns"):
        return False
    return bool(_PLAY_BEFORE.search(text, max(0, e.start - 24), e.start) or _PLAY_AFTER.match(text, e.end))
