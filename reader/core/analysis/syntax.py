"""Who speaks, by the sentence's grammar, where the attribution patterns find nobody.

Press copy often reports speech in a sentence built around the quote: `Haskins, who commands the task
force, said the threat included drones and "the usual lone actor…"`, `Blackmun insisted on a "fresh
start"`, `Whitmore told LA Weekly that Montalvo "walked into the station"`. As SFU's GenderGapTracker
quote extractor does, the quote's place in spaCy's dependency parse leads to the verb that carries it;
when that is a speech verb, its subject (`nsubj`) is the source. The parse is run only on the sentence
of a speech quote the patterns left without a source, so its cost is a few sentences an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import PARAGRAPH_BREAK, paragraph_start
from .attribution import (
    PARTIAL_CUES,
    QUOTE_MARK,
    SPEECH_VERBS,
    Source,
    role_holder_end,
    sentence_around,
    sentence_start,
)
from .phrases import DATELINE

ParsedToken = tuple[int, int, str, int]  # start and end character in the text, dependency label, head's index
Parse = Callable[[str], Sequence[ParsedToken]]

PARSE_MAX_CHARS = 1500  # a longer sentence (a quote over several paragraphs) is not parsed
# verbs that carry reported speech, beyond the speech verbs of the patterns
_CARRIERS = frozenset(
    (
        " ".join(SPEECH_VERBS)
        + " "
        + PARTIAL_CUES.replace("|", " ")
        + " saying adding arguing insisting stating writing telling noting warning explaining claiming "
        "calling describing argued argue argues urging urge reported reports report quoting alleged alleges found finds"
    ).split()
)
_MODIFIERS = frozenset(
    ("amod", "advmod", "acomp", "ccomp", "xcomp")
)  # what a quoted word or two does where it is speech
_ISSUED = frozenset("issued issues released releases published publishes".split())
_STATEMENTS = frozenset("statement statements communique communiqué letter message".split())
_SUBJECT_PARTS = frozenset(("compound", "det", "amod", "poss", "case", "nmod", "nummod", "quantmod"))
_SHARED_SUBJECT = frozenset(("conj", "xcomp", "advcl", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "relcl"))
_NAMED = re.compile(r"\b[A-Z][\w'’-]*\s+[A-Z][\w'’-]+")  # a name of two capitalised words or more
# the links from a quoted phrase up to the verb that reports it: clauses, objects, prepositions; not a noun's
# modifiers ('the law banning "…"')
_REPORTED_PATH = frozenset(("ccomp", "xcomp", "conj", "advcl", "dobj", "pobj", "prep", "attr", "acomp", "oprd"))
_RELATIVE = frozenset(("who", "which", "that"))
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it"))


def speaker_by_grammar(text: str, begin: int, end: int, quote: tuple[int, int], parse: Parse) -> Source | None:
    """The source of the quote text[quote[0]:quote[1]] that the grammar of its sentence text[begin:end]
    names: the subject of the speech verb the quote hangs from; None when the parse shows no such verb."""
    dateline = DATELINE.match(text, begin, quote[0])
    begin = dateline.end() if dateline else begin  # 'LONDON, March 4 (Reuters) - ' is not the sentence's subject
    sentence = text[begin:end]
    q0, q1 = quote[0] - begin, quote[1] - begin
    outside = (sentence[:q0] + " " + sentence[q1:]).split()
    if len(sentence) > PARSE_MAX_CHARS or len(outside) < 2:
        return None
    tokens = list(parse(sentence))
    inside = {i for i, (s, e, _, _) in enumerate(tokens) if s >= q0 and e <= q1}
    roots = [i for i in sorted(inside) if tokens[i][3] not in inside and tokens[i][2] != "punct"]
    if not roots:
        return None
    found = _speech_subject(tokens, sentence, tokens[roots[0]][3], inside)
    if found is None:
        return None
    s, e = found
    e = role_holder_end(sentence, s, e)
    phrase = sentence[s:e]
    return Source(begin + s, begin + e, phrase, phrase.lower() in _PRONOUNS)


def said_by_grammar(
    text: str, begin: int, end: int, quote: tuple[int, int], parse: Parse, modifier: bool = False
) -> bool:
    """Whether the quote text[quote[0]:quote[1]], short and inside its sentence text[begin:end], is part of
    what a speech verb of the sentence reports: 'Mubarak said he had left office in "the interest of the
    country"'; not a name a noun carries ('will enforce the law banning "…"')."""
    sentence = text[begin:end]
    if len(sentence) > PARSE_MAX_CHARS:
        return False
    q0, q1 = quote[0] - begin, quote[1] - begin
    tokens = list(parse(sentence))
    inside = {i for i, (s, e, _, _) in enumerate(tokens) if s >= q0 and e <= q1}
    roots = [i for i in sorted(inside) if tokens[i][3] not in inside and tokens[i][2] != "punct"]
    node, seen = (roots[0] if roots else None), set()
    if modifier and (node is None or tokens[node][2] not in _MODIFIERS):
        return False  # a short quote must qualify something ('a "minimal" amount'), not name it ('the "Galacticos"')
    if node is not None and tokens[node][2] in ("amod", "advmod") and tokens[node][3] not in inside:
        node = tokens[node][3]  # 'there was no "exact and convincing" evidence': on through what it qualifies
    while node is not None and node not in seen:
        seen.add(node)
        if node not in inside and sentence[tokens[node][0] : tokens[node][1]].lower() in _CARRIERS:
            return True
        if tokens[node][2] not in _REPORTED_PATH or tokens[node][3] == node:
            return False
        node = tokens[node][3]
    return False


def reported_before(text: str, start: int, end: int, parse: Parse) -> Source | None:
    """'Wilkins also said Warhol was a businessman. "…"': for a quote text[start:end] that is a sentence of
    its own, the subject of the main speech verb of the sentence before it (one with no quote in it): in
    its paragraph, or the last of the paragraph before when the quote opens its own ('Pritchard admitted
    the pressure was building.' then '"Nobody is hiding."'); None when that sentence reports nobody
    speaking."""
    para_start = paragraph_start(text, start)
    if sentence_around(text, start, end)[0] != start or start < len(PARAGRAPH_BREAK):
        return None
    floor = para_start if start > para_start else paragraph_start(text, para_start - len(PARAGRAPH_BREAK))
    stop = len(text[:start].rstrip())
    begin = sentence_start(text, stop - 1, floor)
    sentence = text[begin:stop]
    if begin >= stop or QUOTE_MARK.search(sentence) or len(sentence) > PARSE_MAX_CHARS:
        return None
    if not _CARRIERS.union(_ISSUED).intersection(re.findall(r"[a-z]+", sentence.lower())):
        return None  # no word that could carry speech: not worth a parse
    tokens = list(parse(sentence))
    for i, (s, e, dep, _) in enumerate(tokens):
        issued = _issues_statement(tokens, sentence, i)
        speech = sentence[s:e].lower() in _CARRIERS or issued
        subject = _subject(tokens, i) if dep in ("ROOT", "conj") and speech else None
        found = _subject_span(tokens, sentence, subject) if subject is not None else None
        if subject is not None and found is not None and tokens[subject][2] == "nsubj":
            phrase = sentence[found[0] : found[1]]
            if issued and start != para_start and not _NAMED.search(phrase):
                continue  # 'The federation issued a statement' in one paragraph whose breaks may be lost:
                # the statement's words may be anyone's; 'Senator John Cornyn issued a statement' names its own
            return Source(begin + found[0], begin + found[1], phrase, phrase.lower() in _PRONOUNS)
    return None


def _issues_statement(tokens: list[ParsedToken], sentence: str, verb: int) -> bool:
    """'X issued a statement', 'X released a statement': a verb whose object is a statement carries speech."""
    if sentence[tokens[verb][0] : tokens[verb][1]].lower() not in _ISSUED:
        return False
    return any(t[3] == verb and t[2] == "dobj" and sentence[t[0] : t[1]].lower() in _STATEMENTS for t in tokens)


def _speech_subject(tokens: list[ParsedToken], sentence: str, node: int, inside: set[int]) -> tuple[int, int] | None:
    """Up the heads from `node`: the first speech verb's subject span; a speech verb without a subject of
    its own shares the one of the speech verb it hangs from ('X told LA Weekly that … and told the
    police, "…"'), not another verb's."""
    carried = False
    seen: set[int] = set()
    while node not in seen and node not in inside:
        seen.add(node)
        if sentence[tokens[node][0] : tokens[node][1]].lower() in _CARRIERS:
            carried = True
            subject = _subject(tokens, node)
            if subject is not None and tokens[subject][2] == "nsubjpass":
                return None  # 'the military was told to prepare a "…"': not the one who speaks
            if subject is not None:
                return _subject_span(tokens, sentence, subject)
        if carried and tokens[node][2] not in _SHARED_SUBJECT:
            return None
        head = tokens[node][3]
        if head == node:
            return None
        node = head
    return None


def _subject(tokens: list[ParsedToken], verb: int) -> int | None:
    subjects = [i for i, t in enumerate(tokens) if t[3] == verb and i != verb and t[2] in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


def _subject_span(tokens: list[ParsedToken], sentence: str, head: int) -> tuple[int, int] | None:
    """The words of the subject's name or description: its head with the compounds, determiners and
    possessives before it ('Labour's Shadow Home Secretary Yvette Cooper', 'the club'); for a relative
    pronoun ('who'), the noun it stands for."""
    word = sentence[tokens[head][0] : tokens[head][1]]
    if word.lower() in _RELATIVE:
        verb = tokens[head][3]
        if tokens[verb][2] != "relcl":
            return None
        head = tokens[verb][3]
    first = head
    changed = True
    while changed:
        changed = False
        for i in range(first - 1, -1, -1):
            if tokens[i][2] in _SUBJECT_PARTS and _within(tokens, i, head):
                first, changed = i, True
                break
    start, end = tokens[first][0], tokens[head][1]
    if not re.search(r"\w", sentence[start:end]):
        return None
    return start, end


def _within(tokens: list[ParsedToken], i: int, head: int) -> bool:
    """True when token i hangs (directly or through others) from `head`."""
    seen: set[int] = set()
    while i not in seen:
        seen.add(i)
        if tokens[i][3] == head:
            return True
        i = tokens[i][3]
    return False
