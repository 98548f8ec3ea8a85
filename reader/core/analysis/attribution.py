"""Who a quote is attributed to: the cue (a speech verb, "according to", a dash) and its source phrase.

The source is found in the quote's own sentence only, after the quote (`"…," said Gov. Alan Price`,
`"…," Omar Haddad, marketing director at Fairway Insurance, said`, `"…," the coach interrupted`) or
before it (`Team principal Ruth Adler replied: "…"`, `Sam Ito, Channel 4: "…"`). What the phrase means
(a person, an organisation, a pronoun, a description) is decided by `quotes.py`.
"""

from __future__ import annotations

import re

from ..model import PARAGRAPH_BREAK, paragraph_end, paragraph_start
from . import labels
from .cues import (
    AUX,
    PARTIAL_CUE_RE,
    PRONOUN,
    QUOTE_MARK,
    SAID_THAT,
    VERB,
    VERB_RE,
    has_sentence_break,
    is_abbreviation,
    sentence_end,
    sentence_start,
)
from .cues import PARTIAL_CUES as PARTIAL_CUES
from .cues import SPEECH_VERBS as SPEECH_VERBS
from .cues import STATEMENT_NOUNS as STATEMENT_NOUNS
from .labels import before_colon as _before_colon
from .labels import statement_label as _statement_label
from .labels import transcript_turn as _transcript_turn
from .names import DEMONYMS, ROLE_WORDS, trim_name
from .phrases import (
    ADDRESSED,
    AFTER_SENTENCE_WORDS,
    APPOSED_NAME,
    BARE_LEAD_IN,
    CLAUSE_PRONOUN,
    CUED,
    DESCRIBED_AS_WORDS,
    DESCRIBED_FIRST,
    DESCRIBED_NAME,
    DESCRIPTION,
    DISPLAYED_BY,
    FUNCTION_WORD,
    GOES_ON,
    ISSUED_BY,
    LEAD_IN,
    MEDIUM_AFTER,
    NAME_APPOSED,
    NAMED_AFTER,
    NOT_A_NAME,
    OTHER_NAMED,
    PASSIVE_BEFORE,
    RELATIVE,
    REPORTED,
    ROLE_APPOSED,
    ROLE_FIRST,
    ROLE_FIRST_WORD,
    ROLE_OF,
    ROLE_SUBJECT,
    SOURCE_STOP,
    THING_SUBJECT,
    TIME_LEAD_IN,
    TIMESTAMP,
    TITLED_NAME,
    UNNAMED_HEAD,
    WEEKDAY,
    WHICH_SAYING,
)
from .sources import Source, looks_like_name
from .sources import span as _span


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence a quote text[start:end] stands in, within its paragraph: from the
    sentence's start to its final mark, or to the quote's end when the quote ends it ('…came on.”')."""
    para_start, para_end = paragraph_start(text, start), paragraph_end(text, end)
    begin = sentence_start(text, start, para_start)
    rest = text[end:para_end].lstrip(" ,")
    if _new_sentence(text, end, rest) or not rest:
        return begin, end
    return begin, sentence_end(text, end, para_end)


def source(text: str, start: int, end: int) -> Source | None:
    """The attribution in the quote text[start:end]'s own sentence: after it first, then a pull quote's dash
    line, then before it; before it first where the text introduces the quote ('Norris, who won in Miami,
    said: "…."') and the quote ends its sentence: what follows is another sentence's attribution. In a
    transcript's turn, the speaker's own 'I' is the turn's name ('WHITLOW: … "…," I told the players.')."""
    found = _own_sentence(text, start, end)
    if found is not None and found.pronoun and found.text == "I":
        para_start = paragraph_start(text, start)
        turn = re.match(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}):\s", text[para_start:start])
        if turn and turn.group(1) not in ("Q", "A", "Q.", "A.", "Question", "Answer", "Reporter"):
            return Source(para_start + turn.start(1), para_start + turn.end(1), turn.group(1))
    return found


def _own_sentence(text: str, start: int, end: int) -> Source | None:
    para_start, para_end = paragraph_start(text, start), paragraph_end(text, end)
    lead = text[para_start:start]
    introduced = re.search(r"\w\s*[:,]\s*$", lead) or CUED.search(lead[-120:])  # '…, said he "…."'
    if introduced and _new_sentence(text, end, text[end:para_end].lstrip()):
        found = before(text, start, para_start)
        if found is not None:
            return found
    found = after(text, end, para_end)
    if found is None and text[end:para_end].strip() == "":
        found = line_attribution(text, para_end)
    if found is None:
        # the first paragraph of a quote over several paragraphs is where its sentence starts
        found = before(text, start, para_start)
    return found


def after(text: str, quote_end: int, limit: int) -> Source | None:
    """The source named after a quote, in the rest of its sentence (up to the next quote mark)."""
    stop = sentence_end(text, quote_end, limit)
    nxt = QUOTE_MARK.search(text, quote_end, stop)
    stop = nxt.start() if nxt else stop
    tail = text[quote_end:stop]
    opening = re.match(r"[\s,]*(?:[—–]\s*|--\s*)?", tail)
    lead = opening.end() if opening else 0  # always a match: the pattern also matches ""
    body = tail[lead:]
    at = quote_end + lead
    inner = text[max(0, quote_end - 4) : quote_end].rstrip("\"”»'`’ ")
    if lead == len(tail) - len(tail.lstrip(" ")) and inner[-1:] not in (",", "!", "?", "—") and GOES_ON.match(body):
        # 'told NBC that "this Russia thing" was among his reasons': the sentence goes on; unless an 'according to'
        # further on names the words' source and no speech verb does ('is "satisfactory" following …, according to X')
        cued = PARTIAL_CUE_RE.search(text, sentence_start(text, quote_end, paragraph_start(text, quote_end)), quote_end)
        return None if cued else according_later(body, at)
    if _new_sentence(text, quote_end, body) and (re.search(r"[:,]\s*$", body) or len(body.split()) > 12):
        return None  # '"…." After the match, X said, "…"': the next quote's attribution, not this one's
    verb = VERB_RE.search(body) if _new_sentence(text, quote_end, body) else None
    if (
        verb
        and nxt
        and (len(body[verb.end() :].split()) > 1 or re.fullmatch(r"\s*(?:that\s*)?[:,]?\s*", body[verb.end() :]))
    ):
        return None  # '"…." A spokesman said the body was "…"', '"…." His brother claimed "…"': the next one's
    if verb and (
        len(body[verb.end() :].split()) > AFTER_SENTENCE_WORDS or REPORTED.match(body, verb.end())
    ):  # '"…." Riedl recalled his first meeting with Aebi in 1989.', '"…." Avery said he would play.'
        return None  # a sentence of its own, not the quote's attribution
    return (
        _verb_first(body, at)
        or _reply_from(body, at)
        or _source_first(body, at)
        or _according_to(body, at)
        or _displayed_by(body, at)
        or _dash(tail, quote_end)
        or (None if _new_sentence(text, quote_end, body) else according_later(body, at))
    )


def according_later(body: str, at: int = 0) -> Source | None:
    """'is worth "…" a year, according to The Boat Race Company, which …': an 'according to' further on in the
    quote's sentence, `body` (at `at` in the text), with no speech verb before it; None otherwise."""
    m = _ACCORDING_LATER.search(body)
    if m is None or PARTIAL_CUE_RE.search(body, 0, m.start()):
        return None
    return _span(body, at, m.end(), _phrase_after(body, m.end()))


# 'according to' and a name or a definite source: not 'according to reports', 'according to both sides'
_ACCORDING_LATER = re.compile(r"(?:,\s*|\s)according\s+to\s+(?=(?:[Tt]he\s+)?[A-Z])")


def _displayed_by(body: str, at: int) -> Source | None:
    # ," read a banner unveiled by the Biris Norte supporters' group    ," read a sign held by one fan
    m = DISPLAYED_BY.match(body)
    return _span(body, at, m.end(), _phrase_after(body, m.end())) if m else None


def before(text: str, quote_start: int, floor: int) -> Source | None:
    """The source named before a quote, in its own sentence: `Adler replied: "`, `said Ma, "`; or in the
    paragraph before, when that paragraph ends introducing it (`Rathbun stated,` then the quote)."""
    if not text[floor:quote_start].strip() and floor >= 2 and re.search(r"[:,]\s*$", text[:floor]):
        floor = paragraph_start(text, floor - len(PARAGRAPH_BREAK))  # the paragraph before's start
    begin = sentence_start(text, quote_start, floor)
    stamp = TIMESTAMP.match(text, begin, quote_start) if begin == paragraph_start(text, begin) else None
    begin = stamp.end() if stamp else begin  # a live blog's '14:05 GMT — Eddie Ross: "'
    whole = text[begin:quote_start]
    head, at = whole, begin
    if QUOTE_MARK.search(head):
        head_at = max(m.end() for m in QUOTE_MARK.finditer(head))
        at += head_at
        head = head[head_at:]
    # a subject that introduces the quote with a colon keeps its sentence's partial quotes:
    # 'Sunak defended the record whilst promising a "formal update" from Braverman: "…"'
    label = labels.possessive_label(text, floor, quote_start)
    if label:  # 'Her verdict: "', 'His reply? "'
        return Source(label[0], label[1], label[2], pronoun=True)
    return (
        _transcript_turn(head, at)
        or _statement_label(head, at)
        or _apposed_namer(head, at)
        or _before_verb(head, at)
        or _before_said_name(head, at)
        or _before_colon(head, at)
        or _with_saying(head, at)
        or _before_subject(head, at)
        or (_before_subject(whole, begin) if head is not whole and not _opens_inside_quote(whole) else None)
        or according_within(head, at)
    )


def _opens_inside_quote(whole: str) -> bool:
    # a full stop inside the quote before ended the "sentence": 'It is not the case," adding that "'
    return len(QUOTE_MARK.findall(whole)) % 2 == 1


def according_within(head: str, at: int = 0) -> Source | None:
    """The source an 'according to' names in a sentence's words before its quote, `head` (at `at` in the text):
    'The deal, according to Kestrel chief executive Anika Sorensen, is "', "…, but according to Richard Vane,
    a former ECB director, it is \""; None where no one person or body is named."""
    # not 'The judge told him that, according to a report, he had "…"': whose report is it is another matter
    m = _ACCORDING_INSIDE.search(head)
    # 'According to Dana Reyes, the club's spokeswoman, ticket sales rose "', '…; according to X, injuries ranged "'
    first = _ACCORDING_FIRST.search(head)
    m = m or (first if first and not _NO_ONE.match(first.group("source")) else None)
    if not m or (PARTIAL_CUE_RE.search(head, 0, m.start()) and not m.groupdict().get("turn")):
        return None  # '…, but according to X': a new clause, whatever verb came before
    return _span(head, at, m.start("source"), m.end("source"))


_ACCORDING_INSIDE = re.compile(
    r",\s+(?P<turn>but\s+|yet\s+)?(?:and\s+)?according\s+to\s+(?P<source>[^,:;\"“]{2,60}?)(?:,\s+[^,:;\"“]{1,100})?,\s+[^,:;]{0,60}$"
)
# no one speaker: 'According to both parties, the deal will "…"', 'According to reports, …'
_NO_ONE = re.compile(r"(?:both|all|many|several|some|various|media|press|news)\b|reports?\b|(?:the\s+)?two\s")
_ACCORDING_FIRST = re.compile(
    r"(?:^|;\s*)\s*[Aa]ccording\s+to\s+(?P<source>[^,:;\"“]{2,60}?)(?:,\s+[^,:;\"“]{1,100})?,\s+[^,:;\"“]{1,80}$"
)


def line_attribution(text: str, para_end: int) -> Source | None:
    """A pull quote's attribution on the line that follows: `— Commissioner Roger Goodell`."""
    if para_end >= len(text):
        return None
    start = para_end + len(PARAGRAPH_BREAK)  # the next paragraph's
    line = text[start : paragraph_end(text, start)]
    if len(line) >= 120 or not re.match(r"^(?:[—–]|--?)\s*\w", line):  # '— Name', '- Name', '-- Name'
        return None
    return _dash(line, start)


def _new_sentence(text: str, quote_end: int, body: str) -> bool:
    """True when the quote ended its sentence ('…came on.”') and what follows starts another."""
    inner = text[max(0, quote_end - 4) : quote_end].rstrip("\"”»'`’ ")
    return inner[-1:] in (".", "!", "?") and body[:1].isupper()


def _phrase_after(body: str, start: int) -> int:
    """Where a source phrase starting at `start` ends."""
    pos = start
    while True:
        m = SOURCE_STOP.search(body, pos)
        if not m:
            return len(body)
        if m.group().strip() == "." and is_abbreviation(body, m.end() - 1):
            pos = m.end()
            continue
        return m.start()


def _verb_first(body: str, at: int) -> Source | None:
    # ," said Gov. Alan Price   ," added the coach, who …   ," says Rep. Dana Ortiz (R-Texas)
    m = re.match(rf"(?:{AUX}){VERB}\s+(?!that\b|to\b|in\b|on\b|it\b)", body)
    if not m or VERB_RE.match(body[m.end() :]):
        return None
    end = _phrase_after(body, m.end())
    if end - m.end() > 80:
        return None
    named = NAMED_AFTER.match(body, end)  # ," said the club's chief executive, Omar Berrada.
    if named and (_DESCRIBED.match(body, m.end(), end) or _POSSESSED_ROLE.search(body, m.end(), end)):
        return _span(body, at, named.start(1), named.end(1))
    return _span(body, at, m.end(), end)


# what a name in apposition after a verb-first source stands for: 'the club's chief executive', 'Jon Reyes and Ana
# Ortiz's lawyer', "Carla Duarte's agent"
_DESCRIBED = re.compile(r"(?:the|a|an|its|their|his|her|[A-Z][\w'’&.-]*(?:['’]s|s['’]))\s")
_POSSESSED_ROLE = re.compile(r"[\w.-](?:['’]s|s['’])\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*$")


def _source_first(body: str, at: int) -> Source | None:
    # ," Ma said   ," he told reporters   ," Omar Haddad, marketing director at X, said   ," the coach interrupted
    m = re.match(rf"(?P<source>{PRONOUN})\s+{AUX}(?P<verb>{VERB})\b", body)
    if m and not _addressed(body, m.start("verb"), m.group("verb")):
        return _span(body, at, 0, m.end("source"), pronoun=True)
    verb = VERB_RE.search(body, 0, 160)
    if not verb or PASSIVE_BEFORE.search(body, 0, verb.start()):
        return None  # '"…." Ekdahl was asked about his night', '"…", a line that was repeated': not its speaker
    head = body[: verb.start()]
    head = re.sub(rf"\s+{AUX}$", " ", head + " ").rstrip()
    if not head or len(head.split()) > 14 or has_sentence_break(head):
        return None
    if not (
        head[0].isupper()
        or re.match(r"(?:the|a|an|his|her|their|its|one|two|three|both)\s", head)
        or (re.search(r"\b[A-Z]", head) and not FUNCTION_WORD.match(head))
    ):
        return None  # "…," club president José del Valle said: a role before the name is fine
    end = _apposition_end(head)
    return _span(body, at, 0, end)


def _apposition_end(head: str) -> int:
    """'Omar Haddad, marketing director at X,' → the end of 'Omar Haddad'; 'the coach, who …,' → the end of
    'the coach'; else the whole head."""
    first = re.split(r",|\s+[—–]\s+|\s+--\s+|\s+\(", head, maxsplit=1)[0]  # also 'Anika Sorensen — who … —', '… (X)'
    # 'The coach, who took over in March,', 'The club, in a statement on its website,': an aside, not the source
    relative = re.match(
        r"(?:,|\s+[—–]|\s+--)\s+(?:who|whose|which|in|on|at|during|after|before|speaking|writing|"
        r"(?:signed|issued|released|posted|published|sent|read)\s+(?:by|on|to|in)\b)\b",
        head[len(first) :],
    )
    if len(first) < len(head) and first.strip() and (looks_like_name(first) or _ends_in_name(first) or relative):
        return len(first)  # also 'French security consultant Louis Caprioli, former head of X,'
    return len(head)


def _ends_in_name(phrase: str) -> bool:
    return bool(re.search(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s*$", phrase))


def _according_to(body: str, at: int) -> Source | None:
    # ," according to X   ," per a team source   ." (Dean Whitlow, post-match)
    bracket = re.match(r"\(\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s*(?:,[^()]{0,40})?\)", body)
    if bracket:
        return _span(body, at, bracket.start(1), bracket.end(1))
    m = re.match(r"(?:according\s+to|per|in\s+the\s+words\s+of)\s+", body)
    if not m:
        return None
    issued = ISSUED_BY.match(body, m.end())  # 'in the words of a statement issued by X': X's words
    start = issued.end() if issued else m.end()
    return _span(body, at, start, _phrase_after(body, start))


def _reply_from(body: str, at: int) -> Source | None:
    # ," came the reply from Dean Whitlow   ," was the response from Rovers captain Joe Mallory
    m = re.match(
        r"(?:came|was)\s+(?:the|his|her|their)\s+(?:reply|response|answer|retort|verdict)\s+(?:from|of)\s+", body
    )
    if m:
        return _span(body, at, m.end(), _phrase_after(body, m.end()))
    # ," was Ange Postecoglou's response when asked   ," came Rovers captain Joe Mallory's reply
    owned = re.match(
        r"(?:came|was)\s+(?P<who>[A-Z][^,;:.!?\"“]{1,60}?)['’]s?\s+(?:reply|response|answer|retort|verdict|assessment)\b",
        body,
    )
    return _span(body, at, owned.start("who"), owned.end("who")) if owned else None


def _dash(tail: str, at: int) -> Source | None:
    m = re.match(r"\s*(?:[—–]|--?(?=\s))\s*", tail)
    if not m:
        return None
    end = _phrase_after(tail, m.end())
    if end - m.end() > 80:
        return None
    return _span(tail, at, m.end(), end)


def _addressed(text: str, at: int, verb: str) -> bool:
    """'was asked', 'were told': the verb at `at` is passive, its subject the one spoken to."""
    return bool(PASSIVE_BEFORE.search(text, 0, at)) and bool(ADDRESSED.fullmatch(verb))


def _before_verb(head: str, at: int) -> Source | None:
    # Ruth Adler replied: "   Jane Doe, the federation's president, said: "   He added: "
    # The IOC said in a statement: "
    for verb in reversed(list(PARTIAL_CUE_RE.finditer(head))):
        if PASSIVE_BEFORE.search(head, 0, verb.start()):
            continue  # 'The players were told "…"', 'Her exit was announced after …': not the speakers
        rest = head[verb.end() :]
        if (
            re.search(r",\s*$", head[: verb.start()])
            and re.search(r"[A-Z]", WEEKDAY.sub("", rest))  # not 'X, D-Mich., said Thursday that'
            and not ADDRESSED.match(verb.group())
        ):
            return None  # '…, added chief executive Dana Holm: "': the source follows its verb
        partial = not VERB_RE.fullmatch(verb.group())
        colon = re.search(r":\s*$", rest)
        reported = re.search(r"\bthat\b", rest)  # 'said in a statement that Sevilla had "…"'
        described = partial and re.search(r"\bas\s*$", rest)  # 'described <a long object> as "…"'
        if len(rest.split()) > (14 if colon else DESCRIBED_AS_WORDS if described else 8) or (
            not partial and not reported and not re.search(r"[:,]\s*$", rest) and len(rest.split()) > 3
        ):
            continue
        subject = re.sub(rf"\s+{AUX}$", " ", head[: verb.start()] + " ").strip()
        subject = _COORDINATED.sub(r"\1", subject)  # 'The Trust welcomed the deal but said': the Trust
        said = re.fullmatch(rf"[\s,]*({PRONOUN}|[A-Z][^,;:]{{0,40}}?)\s+{AUX}(?:{VERB}),?", subject)
        subject = said.group(1) if said else subject  # '", she said, calling on X to "…"': she calls on X
        pronoun = re.search(rf"[\s,]({PRONOUN})$", subject)  # '…, in which he told visitors "…"'
        if pronoun:
            return _span(head, at, head.rindex(pronoun.group(1), 0, verb.start()), verb.start(), pronoun=True)
        # '…, but his agency said', 'has seen what The New York Times calls an "…"'
        # 'a deal that the club claimed was worth "…"': the relative clause's subject
        subject = re.split(
            r"[,;]?\s+(?:but|while|whereas|yet|although|though),?\s+|;\s+|\s+what\s+(?=\S+\s)|" + RELATIVE, subject
        )[-1]
        subject = LEAD_IN.sub("", subject)
        subject = BARE_LEAD_IN.sub("", subject)
        subject = TIME_LEAD_IN.sub("", subject)
        subject = MEDIUM_AFTER.sub("", subject)  # 'organisers in their official statement said'
        if not subject.strip(" ,;") or FUNCTION_WORD.fullmatch(subject.strip(" ,;")):
            return None  # '…," and told the players, "…"': the subject is earlier in the sentence
        return _subject_source(head, subject, at)
    return None


# a subject with two verbs, the quote's the second: 'The Rovers Trust welcomed the partnership but said: "'
_COORDINATED = re.compile(
    r"^((?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s+[a-z]+ed\s[^,;:]*\s(?:but|and)$"
)


def _subject_source(head: str, subject: str, at: int) -> Source | None:
    """The source a sentence's subject names: a pronoun, or a name with its apposition cut off."""
    start = head.index(subject)
    if re.fullmatch(PRONOUN, subject):
        return _span(head, at, start, start + len(subject), pronoun=True)
    apposed = NAME_APPOSED.search(subject)
    if apposed and UNNAMED_HEAD.match(subject):  # 'One visitor to Atlantic City — Matt Jenkins —'
        return _span(head, at, start + apposed.start(1), start + apposed.end(1))
    titled = TITLED_NAME.match(subject)  # "Greenleaf Homes' Sales Director, Rachel Dunn,"
    described = titled and re.match(r"(?:the|his|her|their|its)\s", titled.group("role"))  # 'the current … Pope,'
    if (
        titled
        and (titled.group("role").split()[-1].lower() in ROLE_WORDS or described)
        and looks_like_name(titled.group("name"))
    ):
        return _span(head, at, start + titled.start("name"), start + titled.end("name"))
    end = _apposition_end(subject)
    if len(subject[:end].split()) > 14:
        return None
    return _span(head, at, start, start + end)


def _with_saying(head: str, at: int) -> Source | None:
    # '…, with Boswell stating: "'   '…, with the club's chairman adding, "'
    # 'the Court of Arbitration for Sport, which rejected it on Tuesday, stating that the ban was "'
    m = re.search(
        r"\bwith\s+(?P<source>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,4}?)\s+"
        r"(?:saying|stating|adding|noting|writing|warning|insisting|explaining|telling\s+(?:the\s+)?\w+(?:\s+[A-Z]\w*){0,3})\s*[:,]?\s*$",
        head,
    )
    if not m or not re.match(
        rf"(?:the\s+)?[A-Z]|(?:the|one|a|an)\s|{ROLE_FIRST_WORD}", m.group("source")
    ):  # '…, with one fan writing'
        m = WHICH_SAYING.search(head)
    return _span(head, at, m.start("source"), m.end("source")) if m else None


def _apposed_namer(head: str, at: int) -> Source | None:
    # 'quotes one man, Jim MacIvor, describing witnessing "'   'one fan, Jim Moray, describing the scenes as "'
    named = _NAMED_THEN_NAMING.search(head)
    return _span(head, at, named.start(1), named.end(1)) if named else None


def _before_subject(head: str, at: int) -> Source | None:
    # McFadden told the media of her race, saying, "   Coe, head of the BOA, also rejected the call: "
    # the quote closes a sentence whose subject is a name (or he/she), introduced by a colon or 'saying'
    if not re.search(
        r"(?::|,?\s*\b(?:saying|adding|explaining|noting|insisting|warning|arguing|stating|"
        r"writing|telling\s+\w+|declaring)(?:\s+that|\s+of\s+[^,;:\"“]{1,40},)?\s*[:,]?|"  # 'stating that "'
        r"\b(?:for|after)\s+(?:saying|claiming|calling)\b[^,;:\"“]{0,80}|"
        r"\bby\s+(?:saying|asserting|claiming|arguing|insisting|declaring|stating|stressing)(?:\s+that)?|"
        rf"(?:,|\s[—–]|\s--)\s*{_NAMING}\s+[^,;:\"“]{{1,60}}|"
        r",\s*which\s+(?:read|reads|said|says|stated|states)\s*[:,]?)\s*$",  # 'updated his account, which read, "'
        head,  # 'Jo Fenn apologised for saying the referee was "'
    ):
        return None
    sentence = LEAD_IN.sub("", head.strip())
    cited = re.match(r"According\s+to\s+([^,:]{2,60}),", sentence)  # 'According to coach Dana Reyes, …: "'
    if cited:
        return _subject_source(head, cited.group(1), at)
    m = re.match(rf"{PRONOUN}\b", sentence)
    if m:
        return _subject_source(head, m.group(), at)
    clause = CLAUSE_PRONOUN.search(head) if THING_SUBJECT.match(sentence) else None
    if clause:
        return _span(head, at, clause.start(1), clause.end(1), pronoun=True)
    other = OTHER_NAMED.match(sentence)  # 'Another, Tom Okafor, 19, disagreed: "'
    if other:
        return _span(head, at, head.index(other.group(1)), head.index(other.group(1)) + len(other.group(1)))
    first = sentence.split(",", 1)[0] if "," in sentence else ""
    if first and looks_like_name(first) and len(first.split()) <= 5:
        return _subject_source(head, first, at)
    apposed = APPOSED_NAME.match(sentence)  # 'His opposite number, Leinster's Conor Walsh, disagreed: "'
    if apposed and len(trim_name(apposed.group(1)).split()) > 1:
        end = head.index(apposed.group(1)) + len(apposed.group(1))
        return _span(head, at, end - len(trim_name(apposed.group(1))), end)
    role = ROLE_FIRST.match(sentence)
    if role and role_holder_end(sentence, 0, role.end()) > role.end():  # 'president of the federation X'
        return _subject_source(head, sentence[: role_holder_end(sentence, 0, role.end())], at)
    m = re.match(r"(?:[A-Z][\w'’.-]*\s+)*?[A-Z][\w'’.-]*(?=\s+[a-z])", sentence)
    if m and (m.group().lower() in DEMONYMS or re.fullmatch(r"[A-Z][a-z]+(?:ish|ese|ean)", m.group())):
        # 'Swedish political party Vänsterpartiet Malmö released …'
        named = DESCRIBED_FIRST.match(sentence, m.end())
        return (
            _span(head, at, head.index(named.group(1)), head.index(named.group(1)) + len(named.group(1)))
            if named
            else None
        )
    held = ROLE_SUBJECT.match(sentence)  # 'Rovers striker Jo Fenn apologised for saying …'
    if held and held.group("role").split()[-1] in ROLE_WORDS | _EPITHETS:
        return _subject_source(head, held.group("name"), at)
    held = ROLE_APPOSED.match(sentence)  # 'US citizen Susan Coyle, the mother of …,'
    if held and not re.search(r"ed\s|\b(?:beat|beats|hit|met|won|lost|left|led|took|says?)\s", held.group("role")):
        return _subject_source(head, held.group("name"), at)
    if m and looks_like_name(m.group()) and m.group() not in NOT_A_NAME:  # not 'One question from the floor'
        return _subject_source(head, sentence[: role_holder_end(sentence, 0, m.end())], at)
    described = _DESCRIBED_SUBJECT.match(sentence)  # 'an unnamed senior league official stood by …, saying "'
    if described:
        return _span(head, at, head.index(described.group(1)), head.index(described.group(1)) + len(described.group(1)))
    return None


# a participle that characterises someone or something in the quote's words: 'calling them "…"'
_NAMING = r"(?:calling|branding|describing|labelling|labeling|dubbing|accusing)"
_NAMED_THEN_NAMING = re.compile(rf",\s+((?:[A-Z][\w'’.-]*\s+){{1,3}}[A-Z][\w'’-]+),\s*{_NAMING}\s+[^,;:\"“]{{1,60}}$")
# a tabloid's epithet before a name: 'BOXING bad boy Tommy Kane', 'Rovers wonderkid Jo Fenn'
_EPITHETS = frozenset("boy girl ace wonderkid hotshot starlet youngster veteran hero".split())
# a description of a person as a sentence's subject, before its verb: 'the owner defended', 'an unnamed official stood'
_HOLDERS = "|".join(sorted(w for w in ROLE_WORDS | {"official", "source", "insider", "executive"} if w.isalpha()))
_DESCRIBED_SUBJECT = re.compile(
    rf"((?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:(?:[a-z][\w'’-]*|[A-Z]{{2,6}})\s+){{0,4}}(?:{_HOLDERS}))(?=\s+(?!of\b|for\b|at\b)[a-z]|\s+[—–]\s)"
)


def role_holder_end(sentence: str, s: int, e: int) -> int:
    """Where a subject that is a bare role ends: after the name its organisation is followed by ('CEO of the
    Refugee Council Enver Solomon told …'), the person who holds it; else where it ends."""
    words = sentence[s:e].split()
    named = DESCRIBED_NAME.match(sentence, e) if re.match(DESCRIPTION, sentence[s:e]) else None
    if named and len(trim_name(named.group(1)).split()) > 1:
        return named.end(1)  # 'The leader of the council, Helen Ashworth, said …'
    if not words or words[-1].lower() not in ROLE_WORDS:
        return e  # a role, its last word one: 'CEO', 'Logitech G head' (of esports Mira Castellanos)
    holder = ROLE_OF.match(sentence, e)
    return holder.end() if holder and len(trim_name(holder.group()).split()) > 1 else e


def _before_said_name(head: str, at: int) -> Source | None:
    # said Ma, "   According to Bach, "   Said Smith: "   El Mundo quoted Rogge saying, "
    m = re.search(r"\bquot(?:ed|es|ing)\s+(?!by\b)(?P<source>[^,:;]{1,60}?)\s+(?:as\s+)?saying\s*[:,]?\s*$", head)
    m = m or re.search(r"\b[Aa]s\s+(?P<source>[^,:;]{1,60}?)\s+put\s+it\s*[:,]?\s*$", head)  # 'As one scout put it:'
    if m:
        return _span(head, at, m.start("source"), m.end("source"))
    m = re.search(
        rf"(?:\b{VERB}|[Aa]ccording\s+to)\s+(?P<source>(?:[A-Z]|the\s|a\s|an\s|{ROLE_FIRST_WORD})[^,:;]{{0,80}}?)\s*[:,]\s*$"
        # 'in the words of the Crown prosecutor, Mark Tedeschi, QC, "'
        rf"|[Ii]n\s+the\s+words\s+of\s+(?P<words>(?:[A-Z]|the\s|a\s|an\s|{ROLE_FIRST_WORD})[^:;]{{0,80}}?)\s*[:,]\s*$",
        head,
    )
    if not m or re.match(rf"(?:{ADDRESSED.pattern})\s", m.group()):
        return None  # 'and told the players, "…"': whom the speaker told
    group = "source" if m.group("source") else "words"
    return _span(head, at, m.start(group), m.end(group))


def outer_reporter(text: str, found: Source, quote_start: int, quote_end: int) -> Source | None:
    """'Coates said that …, Hood told her "he … which I thought was strange."': the reporter's (Coates's) own words."""
    told = re.fullmatch(r"\s+(?:had\s+)?told\s+(?:her|him|me)\s*[:,]?\s*", text[found.end : quote_start])
    quote = text[quote_start:quote_end]
    if found.pronoun or not told or not (re.search(r"\bI\b", quote) and re.search(r"\b(?:[Hh]e|[Ss]he)\b", quote)):
        return None
    begin = sentence_start(text, found.end, paragraph_start(text, found.start))
    said = list(SAID_THAT.finditer(text, begin, found.end))
    outer = _before_verb(text[begin : said[-1].end()], begin) if said else None
    return outer if outer is not None and not outer.pronoun else None
