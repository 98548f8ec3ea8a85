"""Direct quotes in press text: where each runs, whether it is speech or a quoted term, and who said it.

Press conventions handled here:
- a quote over several paragraphs opens each paragraph and closes only on the last;
- straight marks are told apart by what surrounds them, curly marks by their shape;
- a mark that never closes ends at its paragraph, so it cannot spoil the rest of the article;
- the speaker comes from the attribution beside the quote, else from the quote it continues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .names import PRONOUNS, Names, trim_name
from .values import SPEECH, TERM, Entity, Quote

OPENERS = "“«"
CLOSERS = "”»"
HEADLINE_OPENERS, HEADLINE_CLOSERS = "‘", "’"
SPEECH_MIN_WORDS = 8  # a shorter quote inside a sentence is a quoted term unless it reads as speech

_VERBS = (r"said|says|told|tells|added|adds|explained|explains|stated|states|noted|notes|insisted|"
          r"declared|commented|remarked|continued|admitted|admits|claimed|claims|argued|wrote|writes|"
          r"confirmed|announced|revealed|stressed|stresses|recalled|replied|asked|warned|acknowledged|"
          r"concluded|observed|suggested|promised|joked|laughed|enthused|predicted|believes|believed|"
          r"went on|pointed out")
_NAME = r"(?:[A-Z][\w'’.-]*|of|de|del|da|van|von|der|bin|al|and)(?:\s+(?:[A-Z][\w'’.-]*|of|de|del|da|van|von|der|bin|al))*"
_LOWER_ROLE = r"(?:(?:[A-Za-z][\w'’-]*\s+){0,6}?)"  # 'Alibaba Group executive chairman ' before the name
_AFTER = [
    # ," said IOC President Thomas Bach   /  ," said Coca-Cola chief executive James Quincey, ...
    re.compile(rf"^[\s,]*(?:{_VERBS})\s+(?P<name>(?:[\w'’.-]+\s+){{0,7}}?{_NAME})(?=\s*(?:[,;:!?]|\.(?:\s|$)|$))"),
    # ," Ma said   /  ," he told reporters
    re.compile(rf"^[\s,]*(?P<name>{_LOWER_ROLE}{_NAME}|he|she|they|we)\s+(?:has\s+|had\s+|later\s+|also\s+)?(?:{_VERBS})\b"),
    # ," according to Bach
    re.compile(rf"^[\s,]*according\s+to\s+(?:the\s+)?(?P<name>{_LOWER_ROLE}{_NAME})"),
    # " — Commissioner Roger Goodell
    re.compile(rf"^\s*[—–-]{{1,2}}\s*(?P<name>{_LOWER_ROLE}{_NAME})"),
]
_BEFORE = [
    # Ma said: "  /  Bach told reporters "  /  Bach said in a statement: "
    re.compile(rf"(?P<name>{_NAME}|he|she|they|we)\s+(?:has\s+|had\s+|later\s+|also\s+)?(?:{_VERBS})"
               rf"(?:\s+[\w'’-]+){{0,4}}?\s*[:,]?\s*$"),
    # said Ma, "   /  According to Bach, "
    re.compile(rf"(?:{_VERBS}|[Aa]ccording\s+to)\s+(?P<name>{_LOWER_ROLE}{_NAME})\s*[:,]\s*$"),
    # Headline style: Bach: "
    re.compile(rf"^(?P<name>{_NAME})\s*:\s*$"),
]
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass
class _Span:
    start: int
    end: int
    closed: bool
    paragraphs: int = 1


def find_quotes(text: str, entities: Sequence[Entity] = (), names: Names | None = None,
                headline: bool = False) -> list[Quote]:
    """Every quote in `text` (paragraphs separated by blank lines), with speakers resolved via `names`."""
    names = names or Names()
    spans = quote_spans(text, headline)
    quotes: list[Quote] = []
    last: Quote | None = None
    last_speaker: str | None = None
    for span in spans:
        kind = _kind(text, span)
        speaker = None
        if kind == SPEECH:
            raw = _attribution(text, span)
            if raw and raw.lower() in PRONOUNS:
                speaker = last_speaker
            elif raw:
                speaker = _canonical(raw, span, text, entities, names)
            elif last is not None and last.kind == SPEECH and _continues(text, last, span):
                speaker = last.speaker
        quote = Quote(span.start, span.end, text[span.start:span.end], speaker, kind)
        quotes.append(quote)
        if kind == SPEECH:
            last = quote
            last_speaker = speaker or last_speaker
    return quotes


def quote_spans(text: str, headline: bool = False) -> list[_Span]:
    """Where quotes run, by their marks alone."""
    openers = OPENERS + (HEADLINE_OPENERS if headline else "")
    closers = CLOSERS + (HEADLINE_CLOSERS if headline else "")
    spans: list[_Span] = []
    open_at: int | None = None
    paragraphs = 1
    start = 0
    paras = text.split("\n\n")
    for n, para in enumerate(paras):
        lead = len(para) - len(para.lstrip())
        for i, ch in enumerate(para):
            if ch == '"':
                role = _straight_role(para, i, open_at is not None)
            elif ch == "'" and headline:
                role = _straight_role(para, i, open_at is not None, clear_only=True)
                if role is None:
                    continue  # an apostrophe
            elif ch in openers:
                role = "open"
            elif ch in closers:
                if headline and ch == "’" and open_at is None:
                    continue  # an apostrophe
                role = "close"
            else:
                continue
            pos = start + i
            if role == "open":
                if open_at is not None and i == lead and paragraphs > 1 and open_at < start:
                    continue  # the mark that re-opens a continued quote
                open_at = pos  # an earlier mark left open in this paragraph was a stray one
                paragraphs = 1
            elif open_at is not None:
                spans.append(_Span(open_at, pos + 1, True, paragraphs))
                open_at = None
        end = start + len(para.rstrip())
        if open_at is not None:
            following = paras[n + 1].lstrip() if n + 1 < len(paras) else ""
            if (following[:1] in ('"', *openers) and not _is_attribution_line(following)
                    and _opens_speech(text, open_at)):
                paragraphs += 1  # the quote goes on in the next paragraph
            else:
                spans.append(_Span(open_at, end, False, paragraphs))
                open_at = None
        start += len(para) + 2
    return spans


def _opens_speech(text: str, at: int) -> bool:
    """A quote that can run on into the next paragraph opens its paragraph or follows ':' or ','."""
    before = text[:at].rstrip(" \t")
    return not before or before.endswith(("\n", ":", ",")) or before.endswith("\n\n")


def _straight_role(para: str, i: int, inside: bool, clear_only: bool = False) -> str | None:
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-’'")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if clear_only:
        return None
    return "close" if inside else "open"


def _is_attribution_line(para: str) -> bool:
    return bool(re.match(r"^[—–]\s*\w", para))


def _kind(text: str, span: _Span) -> str:
    inner = text[span.start + 1: span.end - (1 if span.closed else 0)].strip()
    if span.paragraphs > 1 or not span.closed:
        return SPEECH
    if inner[-1:] in ",.?!…:;":
        return SPEECH  # a whole sentence or clause: "…," Ma said
    para_start = text.rfind("\n\n", 0, span.start) + 2 if "\n\n" in text[:span.start] else 0
    before = text[para_start:span.start].rstrip()
    if not before or before.endswith(":"):
        return SPEECH
    return SPEECH if len(inner.split()) >= SPEECH_MIN_WORDS else TERM


def _attribution(text: str, span: _Span) -> str | None:
    """The name phrase (or pronoun) that says who spoke, from the quote's own sentence."""
    para_end = text.find("\n\n", span.end)
    para_end = len(text) if para_end < 0 else para_end
    after = text[span.end:para_end]
    cut = _SENTENCE_END.search(after)
    nxt = re.search(r'["“]', after)
    stop = min(m.start() for m in (cut, nxt) if m) if (cut or nxt) else len(after)
    for pattern in _AFTER:
        m = pattern.match(after[:stop + 1])
        if m:
            return m.group("name").strip()
    if para_end < len(text):  # a pull quote's attribution line: — Commissioner Roger Goodell
        line = text[para_end + 2:].split("\n\n", 1)[0]
        if _is_attribution_line(line) and len(line) < 120:
            return _AFTER[3].match(line).group("name").strip()
    para_start = text.rfind("\n\n", 0, span.start)
    para_start = 0 if para_start < 0 else para_start + 2
    before = text[para_start:span.start]
    before = re.split(r"(?<=[.!?])\s+", before)[-1]  # only the quote's own sentence
    for pattern in _BEFORE:
        m = pattern.search(before)
        if m:
            return m.group("name").strip()
    return None


def _canonical(raw: str, span: _Span, text: str, entities: Sequence[Entity], names: Names) -> str | None:
    """A clean speaker name: a person the phrase names, else a full name the article used for its
    last name words, else an organisation it names, else those name words as they stand."""
    after = text.find(raw, span.end)
    phrase_at = after if after >= 0 else text.rfind(raw, 0, span.start)
    inside = [e for e in entities if phrase_at >= 0 and e.start >= phrase_at and e.end <= phrase_at + len(raw)]
    people = [e for e in inside if e.label == "PERSON"]
    if people:
        return people[-1].canonical
    name = trim_name(raw)
    if name and names.resolve(name) != name:
        return names.resolve(name)  # 'Infantino', even where spaCy took him for an organisation
    orgs = [e for e in inside if e.label == "ORG"]
    if orgs:
        return orgs[-1].canonical
    return name or None


def _continues(text: str, previous: Quote, span: _Span) -> bool:
    """True when `span` goes on from `previous`: later in the same paragraph, or opening the next one."""
    between = text[previous.end:span.start]
    if "\n\n" not in between:
        return True
    return between.count("\n\n") == 1 and between.split("\n\n")[1].strip() == ""
