"""People across one article, decided by all their mentions (steps of `consistency.merge_partial`): names the
article shows to be people's whatever spaCy called them (`people_of_the_article`), then, once each mention has
its label, a surname two people share read as the nearest of them, and people written in capitals."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..model import PARAGRAPH_BREAK
from .context import looks_like_full_name, reads_as_company
from .cues import mood_word
from .fullnames import TRADES, people_by_role
from .gazetteer import word_list
from .mentions import occurrences, with_untagged
from .names import (
    BORN_BEFORE,
    FUNCTION_WORDS,
    HONORIFICS,
    MISSPELT_MIN_CHARS,
    ROLE_WORDS,
    SENTENCE_OPENERS,
    SUFFIXES,
    edit_distance,
    is_name_token,
    surname,
    surname_forms,
)
from .values import Entity

# a run of words in capitals: 'HELEN MARSH', 'OKORO-BANKS'
_CAPITALS = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}(?![\w'’-])")


def in_capitals(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A person of the article written in capitals, full name or surname ('HELEN MARSH:' labelling a
    transcript's speaker, 'OKORO-BANKS' in a headline), is that person, in place of spaCy's tags over it."""
    fulls = {e.canonical for part in parts for e in part if e.label == "PERSON" and " " in e.canonical}
    if not fulls or not any(_CAPITALS.search(text) for text in texts):
        return parts
    # a surname of four letters or more: 'BAT' or 'ITV' in capitals is more likely a company's than 'Tom Bat'
    known = {surname(n).upper(): n for n in fulls if len(surname(n)) > 3} | {n.upper(): n for n in fulls}
    out = []
    for text, part in zip(texts, parts):
        found = [(m.start(), m.end(), known[m.group()]) for m in _CAPITALS.finditer(text) if m.group() in known]
        if found:
            part = [e for e in part if not any(s < e.end and e.start < x for s, x, _ in found)]
            part = sorted(
                [*part, *(Entity(s, e, text[s:e], "PERSON", name) for s, e, name in found)], key=lambda x: x.start
            )
        out.append(part)
    return out


def birth_names(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A full name the article gives as a person's birth name ('Suharto was born Raden Suharto') is not the name it
    calls that person by: the birth name and each mention resolved to it are the name the article uses alone
    ('Suharto'), where it uses the surname alone."""
    born = {
        e.canonical
        for text, part in zip(texts, parts)
        for e in part
        if e.label == "PERSON" and " " in e.text and BORN_BEFORE.search(text, max(0, e.start - 8), e.start)
    }
    alone = {e.text for part in parts for e in part if e.label == "PERSON" and " " not in e.text}
    return _renamed(parts, {full: surname(full) for full in born if surname(full) in alone})


def _renamed(parts: list[list[Entity]], names: dict[str, str]) -> list[list[Entity]]:
    """Each mention whose canonical name `names` has, under the name it gives instead."""
    if not names:
        return parts
    return [
        [
            Entity(e.start, e.end, e.text, e.label, names[e.canonical], e.note) if e.canonical in names else e
            for e in part
        ]
        for part in parts
    ]


def latest_namesakes(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A surname two people of the article share ('John Smith', his brother 'Peter Smith') is the one of
    them named last before it in its paragraph (press copy refers back to the nearest), else the one its
    part has mentioned most so far, the latest of equals (before any: the one the article writes in full
    most); not simply the first named."""
    fulls: dict[str, dict[str, None]] = {}  # a surname -> its people's full names, in reading order
    written: dict[str, int] = {}  # each full name's mentions written in full, in the whole article
    people = [e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical]
    for e in sorted(people, key=lambda e: " " not in e.text):  # names written in full first
        fulls.setdefault(surname(e.canonical), {})[e.canonical] = None
        written[e.canonical] = written.get(e.canonical, 0) + (" " in e.text)
    shared = {family for family, people in fulls.items() if len(people) > 1}
    if not shared:
        return parts
    headline = _headline_people(parts[0], shared) if len(parts) > 1 else {}
    out = []
    for text, part in zip(texts, parts):
        seen: dict[str, tuple[int, int]] = {}  # a full name -> (its mentions so far, where it was last)
        kept = []
        for e in part:
            family = surname(e.canonical) if e.label == "PERSON" else ""
            if family in shared and e.text == family:
                para = text.rfind(PARAGRAPH_BREAK, 0, e.start)
                near = [(at, name) for name, (_, at) in seen.items() if at > para and name in fulls[family]]
                most = [(n, at, name) for name, (n, at) in seen.items() if name in fulls[family]]
                if family in headline and not (near and max(near)[0] > _sentence_start(text, e.start)):
                    best = headline[family]  # the story's subject, unless its sentence named a relative
                elif near or most:
                    best = max(near)[1] if near else max(most)[2]
                else:
                    best = max(fulls[family], key=lambda name: written[name])
                e = Entity(e.start, e.end, e.text, e.label, best, e.note)
            if family in shared:
                seen[e.canonical] = (seen.get(e.canonical, (0, 0))[0] + 1, e.start)
            kept.append(e)
        out.append(kept)
    return out


def _headline_people(title: list[Entity], shared: Collection[str]) -> dict[str, str]:
    """The surnames of `shared` whose family the headline names one person of in full: that person."""
    named: dict[str, set[str]] = {}
    for e in title:
        if e.label == "PERSON" and " " in e.text and surname(e.canonical) in shared:
            named.setdefault(surname(e.canonical), set()).add(e.canonical)
    return {family: next(iter(people)) for family, people in named.items() if len(people) == 1}


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence around `at` starts (roughly: after the last full stop, question mark or line break)."""
    return max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at), text.rfind("\n", 0, at))


# what makes a name a person's wherever it stands: a trade or an office just before it ('the boxer Tyrell
# Osei-Grant', 'the head coach, Unai Etxeberria-Goñi'), the run of play ('goals from'), an age or a 'who' after
_PERSON_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:"
    + TRADES
    + r"|coach|(?<!asset )(?<!fund )(?<!wealth )(?<!investment )manager|captain|chairman|chairwoman|"
    r"president|minister|senator|governor|hopeful)s?,?|(?:goals?|pass(?:es)?|cross|header|shot) (?:from|by|to))\s+$"
)
_PERSON_AFTER = re.compile(
    r",\s+(?:who\s|whose\s|\d{1,2},)|\s+(?:himself|herself)\b"
    # a role in apposition: 'Mokoena-Hart, the club secretary,'; 'Okafor, the team's head coach,'
    r"|,\s+(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:" + TRADES + r"|coach|manager|captain|chairman|"
    r"chairwoman|president|secretary|director|founder|owner|chief executive|spokes(?:man|woman|person))\s*,"
)
# what a person referred to by surname does: speaks ('Okafor-Reid told DAZN', 'said Okafor-Reid')
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|added|admitted|insisted|explained)\b")
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says|told|added|interview with)\s+$")
_STATEMENT_AFTER = re.compile(r"\s+(?:said|says|added)\s+(?:in a statement|on (?:its|their) website)")
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w&.-]*['’]s\s+$")  # "NBC's Lester Hale"
# role words that also qualify a name's other words: 'New Patriotic Party', 'State Grid', 'Head Start'
_ROLE_MODIFIERS = frozenset("new former then late vice deputy senior chief general head prime state team".split())
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_NOT_YET_PEOPLE = frozenset(("ORG", "GPE", "LOC", "FAC", "NORP"))
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*) $")
_CAPITAL_AFTER = re.compile(r" [A-Z]")
_WHOLE_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)+")
_PLACE_BEFORE = re.compile(r"\b(?:of|in|from|near|outside|at)\s+$")


def people_of_the_article(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """The article's people decided by all their mentions, before each entity's label is voted: by trade
    (`people_by_role`), by evidence (`people_by_evidence`), surnames that are a listed name's, unresolved
    surnames and those cut at a hyphen, towns named with their state, misspelt full names."""
    parts = with_first_name_before_suffix(listed_first_names(adjectives_before_surnames(parts), texts), texts)
    parts = listed_surnames_as_people(people_by_evidence(people_by_role(parts, texts), texts), texts)
    parts = with_full_names(birth_names(surnames_cut_at_a_hyphen(parts, texts), texts), texts)
    parts = towns_with_their_state(parts, texts)
    return misspelt_full_names(parts)


def with_first_name_before_suffix(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A person spaCy tagged as a surname and its suffix ('Pruitt Jr.') right after a capitalised name word it
    left out ('Mich. — Darnell Pruitt Jr.'): the whole name, 'Darnell Pruitt Jr.'; so is that surname and suffix
    elsewhere, and the surname alone where spaCy tagged nothing ('Pruitt scored 24 points')."""
    wider = {
        (p, i): start
        for p, (text, part) in enumerate(zip(texts, parts))
        for i in range(len(part))
        if (start := _first_name_left_out(text, part, i)) is not None
    }
    if not wider:
        return parts
    fulls = {(p, i): texts[p][start : parts[p][i].end] for (p, i), start in wider.items()}
    families = {full.split()[-2]: full for full in fulls.values()}
    cut = {parts[p][i].text: full for (p, i), full in fulls.items()}
    out = []
    for p, (text, part) in enumerate(zip(texts, parts)):
        kept = []
        for i, e in enumerate(part):
            if (p, i) in wider:
                e = Entity(wider[p, i], e.end, fulls[p, i], "PERSON", fulls[p, i])
            elif e.label == "PERSON" and e.canonical in cut:
                e = Entity(e.start, e.end, e.text, "PERSON", cut[e.canonical], e.note)
            kept.append(e)
        out.append(with_untagged(text, kept, families, "PERSON"))
    return out


# a surname after a listed club's or town's name, then what shows a person: 'Luton Shelton, who', 'Everton Marsh, 22,'
_SURNAME_AFTER = re.compile(
    r" ([A-Z][a-z\u00c0-\u024f'’-]+)(?=,\s+(?:who|whose)\s|,\s+\d{1,2},|\s+(?:himself|herself)\b)"
)
_NAME_AFTER = re.compile(r" ([A-Z][a-z\u00c0-\u024f'’-]+)(?![\w'’-])")


def adjectives_before_surnames(parts: list[list[Entity]]) -> list[list[Entity]]:
    """A name spaCy made of an adjective and the surname of a person of the article ('Fuming Kane' after 'Tommy
    Kane'; the adjective no known first name): that person, over the surname alone."""
    families: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        families.setdefault(surname(e.canonical), set()).add(e.canonical)
    out = []
    for part in parts:
        kept = []
        for e in part:
            word, _, family = e.text.partition(" ")
            others = families.get(family, set()) - {e.canonical}
            if e.label == "PERSON" and len(others) == 1 and " " not in family and mood_word(word):
                e = Entity(e.end - len(family), e.end, family, "PERSON", others.pop())
            kept.append(e)
        out.append(kept)
    return out


def listed_first_names(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A listed club's or town's name that is a person's first name, as the words after the surname show somewhere
    ('Luton Shelton, who was earning his first start', 'Everton Marsh, 22,'): the person, over both words, in
    each mention of the two words."""
    people = {
        text[x.start : m.end(1)]
        for text, part in zip(texts, parts)
        for x in part
        if x.note and x.label != "PERSON" and (m := _SURNAME_AFTER.match(text, x.end))
    }
    if not people:
        return parts
    return [_joined(text, part, people) for text, part in zip(texts, parts)]


def _joined(text: str, found: list[Entity], people: Collection[str]) -> list[Entity]:
    out = list(found)
    for i, x in enumerate(found):
        m = _NAME_AFTER.match(text, x.end) if x.note and x.label != "PERSON" else None
        if not m or text[x.start : m.end(1)] not in people:
            continue
        after = found[i + 1] if i + 1 < len(found) else None
        if after and after.start < m.end(1) and not (after.label == "PERSON" and after.text == m.group(1)):
            continue
        out[i] = Entity(x.start, m.end(1), text[x.start : m.end(1)], "PERSON", text[x.start : m.end(1)])
        if after and after.start < m.end(1):
            out[i + 1] = out[i]
    return list(dict.fromkeys(out))


def _first_name_left_out(text: str, found: list[Entity], i: int) -> int | None:
    """Where the first name spaCy left out before a person's surname and suffix starts, if it did."""
    x = found[i]
    words = x.text.split()
    if x.label != "PERSON" or x.note or len(words) != 2 or words[1] not in SUFFIXES:
        return None
    before = _WORD_BEFORE.search(text, max(0, x.start - 30), x.start)
    if not before or (i and found[i - 1].end > before.start()):
        return None
    first = before.group(1)
    if first in SENTENCE_OPENERS or first.lower() in FUNCTION_WORDS | HONORIFICS | ROLE_WORDS or first.isupper():
        return None
    return before.start(1) if is_name_token(first) else None


def people_by_evidence(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A full name spaCy took for an organisation or a place ('Keiran Adeyemi-Marsh', whose first name the
    lists lack) that the article shows to be a person's, in any of its mentions or of its surname's alone (see
    `_shown_as_person`), is that person in every mention, the surname alone too; not a name that reads as a
    company anywhere ('Harlow Stanton, the insurer')."""
    written = {
        e.text: _name_in(e.text)
        for part in parts
        for e in part
        if e.label in _NOT_YET_PEOPLE and not e.note and " " in e.text
    }
    candidates = {name: name.split()[-1] for name in written.values() if name}
    if not candidates:
        return parts
    mentions: dict[str, list[tuple[str, int, int]]] = {}  # each name and surname -> where the article writes it
    for text in texts:  # one scan of each text for every form
        for s, e in occurrences(text, {*candidates, *candidates.values()}):
            mentions.setdefault(text[s:e], []).append((text, s, e))
    people = {
        name: family
        for name, family in candidates.items()
        if _shown_as_person(mentions.get(name, []), [m for m in mentions.get(family, []) if _alone(*m)])
    }
    if not people:
        return parts
    surnames = {family: name for name, family in people.items()}
    named = {name: name for name in people} | surnames
    return [
        with_untagged(text, [_as_person(e, named, written) if not e.note else e for e in part], surnames, "PERSON")
        for text, part in zip(texts, parts)
    ]


def _name_in(written: str) -> str | None:
    """The person's name a mention may be: its words after a role ('Linebacker T.J. Oduya-Marsh'), two or three
    name words, the first may be initials ('C.J. Banks-Whitmore'); None for no such name, or a place's."""
    words = written.split()
    while len(words) > 2 and words[0].lower() in ROLE_WORDS and words[0].lower() not in _ROLE_MODIFIERS:
        words = words[1:]
    name = " ".join(words)
    initials = _INITIALS.fullmatch(words[0]) and len(words) > 1
    if not (looks_like_full_name(words) or (initials and looks_like_full_name(["Ann", *words[1:]]))) or _place(name):
        return None
    return name


def _as_person(e: Entity, named: dict[str, str], written: dict[str, str | None]) -> Entity:
    """The mention as the person `named` gives it, without a role before the name; else as it is."""
    name = written.get(e.text) or e.text
    if name not in named:
        return e
    start = e.end - len(name)
    return Entity(start, e.end, name, "PERSON", named[name])


def _shown_as_person(full: list[tuple[str, int, int]], alone: list[tuple[str, int, int]]) -> bool:
    """Whether the mentions of a name, `full` and its surname `alone` ('Party' of 'New Patriotic Party' is not
    alone), show it to be a person's: a trade, an office or the run of play before one ('the boxer Tyrell
    Osei-Grant'), an age or 'who' after one; the surname alone speaking ('Adeyemi-Marsh told DAZN': a company
    is shortened to its first word, not its last); a company's possessive before the full name ("NBC's Lester
    Hale") where the surname also stands alone. Never where a mention reads as a company's."""
    if any(reads_as_company(text, s, e) for text, s, e in (*full, *alone)):
        return False
    return (
        any(
            _PERSON_BEFORE.search(text, max(0, s - 40), s) or _PERSON_AFTER.match(text, e)
            for text, s, e in (*full, *alone)
        )
        or any(_SPEAKS_AFTER.match(text, e) or _SPEAKS_BEFORE.search(text, max(0, s - 24), s) for text, s, e in alone)
        or (bool(alone) and any(_POSSESSIVE_BEFORE.search(text, max(0, s - 30), s) for text, s, e in full))
    )


def _place(name: str) -> bool:
    """A country's or a town's name, or one with a country's word ('North Korea'; 'Unai' may be a town)."""
    return name in word_list("towns") or any(w in word_list("countries") for w in (name, *name.split()))


def _alone(text: str, s: int, e: int) -> bool:
    """A surname standing alone: no capitalised word right after it ('Home Office'), nor a name's word just
    before ("People's Party")."""
    before = _WORD_BEFORE.search(text, max(0, s - 30), s)
    return not _CAPITAL_AFTER.match(text, e) and not (
        before and before.group(1) not in SENTENCE_OPENERS and before.group(1).lower() not in FUNCTION_WORDS
    )


def listed_surnames_as_people(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A listed club's or company's name that is the surname of one person of the article ('Coach Raúl Valencia'),
    where that mention reads as a person ('Valencia said', 'said Parma', 'Everton, who grew up in Leeds'): the
    person; where it plays or trades ('they beat Valencia 2-1'), the club it is."""
    families: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        families.setdefault(surname(e.canonical), set()).add(e.canonical)
    people = {family: next(iter(fulls)) for family, fulls in families.items() if len(fulls) == 1}
    if not any(e.note and e.text in people for part in parts for e in part):
        return parts
    return [
        [
            Entity(e.start, e.end, e.text, "PERSON", people[e.text])
            if e.note and e.text in people and e.label != "PERSON" and reads_as_person(text, e.start, e.end)
            else e
            for e in part
        ]
        for text, part in zip(texts, parts)
    ]


def reads_as_person(text: str, s: int, e: int) -> bool:
    """A surname alone that speaks ('Valencia said', not a club's 'said in a statement') or that an age, 'who' or
    'himself' follows."""
    if _STATEMENT_AFTER.match(text, e):
        return False
    return bool(
        _SPEAKS_AFTER.match(text, e) or _SPEAKS_BEFORE.search(text, max(0, s - 24), s) or _PERSON_AFTER.match(text, e)
    )


def with_full_names(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A surname spaCy tagged a person alone and nobody resolved ('Ormerod', after 'Chelsea Ormerod', a name the
    lists took for a club's and a surname): the one person of the article with that surname, also where
    spaCy left it out; a surname two people share stays as it is (see `latest_namesakes`)."""
    families: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        for form in surname_forms(surname(e.canonical)):
            families.setdefault(form, set()).add(e.canonical)
    alone = {e.text for part in parts for e in part if e.label == "PERSON" and e.canonical == e.text}
    fulls = {name: next(iter(families[name])) for name in alone if len(families.get(name, ())) == 1}
    if not fulls:
        return parts
    return [
        with_untagged(
            text,
            [
                Entity(e.start, e.end, e.text, e.label, fulls[e.text]) if e.text in fulls and e.label == "PERSON" else e
                for e in part
            ],
            fulls,
            "PERSON",
        )
        for text, part in zip(texts, parts)
    ]


def towns_with_their_state(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A surname alone that names a town with its state or country after it ('Patrick Cole of Allen, Texas',
    where Greg Allen is a person of the article): the town."""
    out = []
    for text, part in zip(texts, parts):
        places = {x.start for x in part if x.label in ("GPE", "LOC")}
        out.append(
            [
                Entity(e.start, e.end, e.text, "GPE", e.text)
                if e.label == "PERSON"
                and " " not in e.text
                and e.end + 2 in places
                and text.startswith(", ", e.end)
                and _PLACE_BEFORE.search(text, max(0, e.start - 10), e.start)
                else e
                for e in part
            ]
        )
    return out


def misspelt_full_names(parts: list[list[Entity]]) -> list[list[Entity]]:
    """A full name the article also spells a letter or two off, with the same first name ('Orla Fitzmaurise' once,
    'Orla Fitzmaurice' three times): the spelling it uses more often, for each mention of either; of two spellings
    used as often, the one it introduces the person with."""
    counts: dict[str, int] = {}  # in reading order: the first key of two is the spelling written first
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        counts[e.canonical] = counts.get(e.canonical, 0) + 1
    if len(counts) < 2:
        return parts
    right = {name: _better_spelt(name, counts) for name in counts}
    return _renamed(parts, {name: better for name, better in right.items() if better != name})


def _better_spelt(name: str, counts: dict[str, int]) -> str:
    """The one name of `counts` the article writes more often (or as often, and first) that has `name`'s first name
    and a surname a letter or two off (see `Names._misspelt`); else `name`."""
    first, family = name.split()[0], surname(name)
    if len(family) < MISSPELT_MIN_CHARS:
        return name
    allowed = 1 if len(family) < 8 else 2
    order = {other: i for i, other in enumerate(counts)}
    near = [
        other
        for other in counts
        if other != name
        and other.split()[0] == first
        and other.replace(surname(other), "") == name.replace(family, "")  # not 'Dale Earnhardt, Jr.'
        and (counts[other], -order[other]) > (counts[name], -order[name])
        and edit_distance(surname(other), family) <= allowed
    ]
    return near[0] if len(near) == 1 else name


def surnames_cut_at_a_hyphen(parts: list[list[Entity]], texts: Sequence[str]) -> list[list[Entity]]:
    """A mention spaCy cut at a hyphen of a double-barrelled surname ('Folarin' of "Folarin-West's deal") whose
    whole word is the surname of one person of the article: that person, over the whole word."""
    families: dict[str, set[str]] = {}
    for e in (e for part in parts for e in part if e.label == "PERSON" and " " in e.canonical):
        families.setdefault(surname(e.canonical), set()).add(e.canonical)
    barrelled = {family: fulls.pop() for family, fulls in families.items() if "-" in family and len(fulls) == 1}
    if not barrelled:
        return parts
    out = []
    for text, part in zip(texts, parts):
        kept = []
        for e in part:
            word = _WHOLE_WORD.match(text, e.start) if text.startswith("-", e.end) else None
            whole = word.group().removesuffix("'s").removesuffix("’s") if word else ""
            if whole in barrelled and not e.note:
                e = Entity(e.start, e.start + len(whole), whole, "PERSON", barrelled[whole])
            kept.append(e)
        out.append(kept)
    return out
