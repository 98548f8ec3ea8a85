"""Direct quotes in press text: where each runs, whether it is speech or a quoted term, and who said it.

Where quotes run, by their marks, is marks.py's; here:
- the speaker comes from the attribution in the quote's own sentence (attribution.py), else from the
  quote it continues (the same paragraph or turn); a quote with neither has no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import PARAGRAPH_BREAK, paragraph_end, paragraph_start
from . import announced, attribution, cast, gender, pronouns, story
from .attribution import Source
from .canonical import canonical_speakers, titled_holder
from .context import common_word
from .cues import (
    ABBREVIATIONS,
    PARTIAL_CUE_RE,
    POSITIONS,
    PRONOUNS,
    SPOKEN_CUE_RE,
    has_sentence_break,
    mood_word,
    sentence_end,
    sentence_start,
)
from .marks import QuoteSpan, quote_spans
from .names import PARTICLES, ROLE_WORDS, SENTENCE_OPENERS, Names, trim_name
from .phrases import HANDLE
from .story import LOOK_BACK, ORG_NOUNS, description, is_description
from .syntax import Parse, reported_before, said_by_grammar, speaker_by_grammar
from .values import SPEECH, TERM, Entity, Quote

SPEECH_MIN_WORDS = 8  # a shorter quote inside a sentence is a quoted term unless it reads as speech
PARTIAL_CUE_WORDS = 8  # 'called the deal "…"': at most this many words between the speech verb and the quote
REPORTED_MIN_WORDS = 3  # 'left office in "the interest of the country"': a phrase, not a scare-quoted word
CHAIN_WORDS = 12  # 'said … "shocked" by the death, and that it was "ongoing"': the words between two links
CONTINUE_MAX_WORDS = 14  # "…," Ma said. "…": a second quote within this many words goes on the same turn

# an unnamed person as the subject of a sentence: 'One team mechanic, who asked not to be named, said'
_INDEFINITE_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))((?:One|A|An)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*)"
    r"(?=,|\s+(?:who|was|is|had|has|[a-z]+ed)\b)"
)
# a person introduced as the subject of a sentence, with a title or an apposition: 'Mrs Claudia X, the …,'
_SUBJECT_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?"
    r"([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|van|von|de|der|del|da|di|ter|la|le)){1,3}),\s"
)
# "X's report", "X's recent analysis of …": what X wrote speaks for X
_DOCUMENTS = r"(?:analysis|report|study|survey|review|editorial|column|article|website|blog|newsletter|findings)\b"
_DOCUMENT_OWNER = re.compile(
    r"([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})['’]s?\s+(?:[a-z][\w-]*\s+){0,2}" + _DOCUMENTS
)
# 'The NTSB report': a body's name before the document, without a possessive
_DOCUMENT_NAMED = re.compile(
    r"(?:[Tt]he\s+)?(?!(?:The|A|An|This|That|Its|His|Her|Their)\s)([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})\s+"
    r"(?:[a-z][\w-]*\s+){0,2}" + _DOCUMENTS
)
# a display as the source: 'said a banner hung by supporters' (words on show, nobody's); then a source asked by someone
_DISPLAYED = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:[a-z][\w-]*\s+)?(?:placard|banner|sign|poster|slogan)s?\s+(?:held|hung|carried|waved|raised|displayed)\b"
)
# a voice whose words the quote is, right before it: "before the stadium announcer's "Ladies and gentlemen""
_VOICE_OF = re.compile(
    r"\b((?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:announcer|commentator|compere|narrator|presenter))['’]s\s*$", re.I
)
# what a chant or a cry does that a speaker does not: '"Let's go Cavs!" rang around the building'
_SOUNDED = re.compile(r"\s*(?:rang|rings|echoed|echoes|boomed|booms|resounded|reverberated|went\s+up)\b")
# an unnamed source, then who they are: 'One lobbyist who has worked on the bill for a year, and who'
_UNNAMED_WHO = re.compile(r"((?:[Aa]n?|[Oo]ne|[Aa]nother)(?:\s+[a-z][\w-]*){1,3})\s+who\s")
_ASKED_BY = re.compile(
    r"((?:[Aa]n?|[Oo]ne|[Aa]nother)(?:\s+[a-z][\w-]*){1,4})\s+(?:interviewed|quoted|cited|contacted|questioned)\s+by\s"
)
# a sentence that opens with a participle and no subject: 'Further adding, "…"'
_GOES_ON = re.compile(r"(?:^|[.!?]\s+|\n)(?:(?:Further|Also|Later),?\s+)?(?:[Aa]dding|[Cc]ontinuing)\s*[:,]?\s*$")
# what may stand between a speech verb and the words it quotes: 'said that "…"', 'told NBC that "…"',
# 'promised to "…"', 'accused Comey of "…"'
_RIGHT_AFTER_CUE = re.compile(
    r"\s*(?:(?:(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){1,3}|(?:him|her|them|us|me|reporters|journalists)\s+)?(?:that|of)|to)?\s*"
)
_PARTICIPLE_CUE = re.compile(
    r"\b(?:adding|saying|stating|noting|explaining|insisting|warning|writing|declaring|telling\s+\w+)\s*[,:]?$"
)
_THE = story.LEADING_THE
# what reports a finding or a claim in its words: 'reported … that the trailers were "impractical"'
_FOUND_CUE = re.compile(r"\b(?:reported|reports|alleged|alleges|found|finds|concluded)\b")
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")
# a modal or 'to' right before a quote: the quote is the verb of a clause someone said ('would "study"')
_VERB_PHRASE_BEFORE = re.compile(r"\b(?:would|will|could|should|must|might|may|can|shall|to)$")
_PARTICLES = "|".join(sorted(PARTICLES))  # a longer unresolved phrase is not kept as a description
# up to three capitalised words (or particles) right before a name: 'Thiago ' of 'Thiago Lisboa'
_WORDS_BEFORE = re.compile(rf"\b(?:[A-Z][\w'’-]+\s+)(?:(?:[A-Z][\w'’.-]*|{_PARTICLES})\s+){{0,2}}$")
# the first word of a surname like 'Ben Haddou'
PARTICLE_HEADS = PARTICLES | frozenset({"ben", "abu", "mac", "mc", "st"})


def find_quotes(
    text: str,
    entities: Sequence[Entity] = (),
    names: Names | None = None,
    headline: bool = False,
    parse: Parse | None = None,
) -> list[Quote]:
    """Every quote in `text` (paragraphs separated by blank lines), with speakers resolved via `names`;
    with `parse` (a dependency parser), also where only the sentence's grammar names the speaker."""
    names, entities = names or Names(), cast.as_people(text, entities)
    quotes: list[Quote] = []
    last: Quote | None = None
    shown: int | None = None  # where the last quote of words on show ended
    for span in quote_spans(text, headline):
        kind = _kind(text, span)
        speaker = None
        if announced.shown(text, span.start, shown):
            shown = span.end  # 'signs reading "Lesbian Not Queer"': words on show, nobody's
            last = Quote(span.start, span.end, text[span.start : span.end], None, SPEECH)
            quotes.append(last)
            continue
        if kind == TERM and last is not None and last.speaker and _chained(text, last, span):
            kind, speaker = SPEECH, last.speaker  # 'said officers were "shocked" …, and that it was "ongoing"'
        elif kind == TERM and parse is not None and _reported(text, span, parse):
            kind = SPEECH  # 'Mubarak said he … had left office in "the interest of the country"'
        if kind == SPEECH and speaker is None:
            source = attribution.source(text, span.start, span.end)
            if source is not None:
                source = attribution.outer_reporter(text, source, span.start, span.end) or source
            chained = source is None and last is not None and bool(last.speaker) and _chained(text, last, span)
            if source is None and parse is not None and not chained:  # not the next link of someone's words
                begin, end = attribution.sentence_around(text, span.start, span.end)
                source = speaker_by_grammar(text, begin, end, (span.start, span.end), parse)
            if source is not None:
                speaker = _resolve(source, span, text, entities, names, last)
            elif last is not None and _continues(text, last, span, entities):
                speaker = last.speaker
            elif parse is not None:  # 'Wilkins also said Warhol was a businessman. "…"'
                reported = reported_before(text, span.start, span.end, parse)
                speaker = _resolve(reported, span, text, entities, names, last) if reported else None
            if speaker is None and source is None:  # 'Why did she turn it down?' then the answer
                speaker = (
                    story.answerer(text, span.start, entities)
                    or story.introducer(text, span.start, entities)
                    or announced.announcer(text, span.start, entities)
                    or announced.as_said(text, span.start, entities)
                    or announced.paragraph_introducer(text, span.start, entities)
                )
        quote = Quote(span.start, span.end, text[span.start : span.end], speaker, kind)
        quotes.append(quote)
        if kind == SPEECH:
            last = quote
    canonical = canonical_speakers([q.speaker for q in quotes], text, entities)
    return [replace(q, speaker=canonical[q.speaker]) if q.speaker else q for q in quotes]


def quoted_from_the_story(title_quotes: Sequence[Quote], body_quotes: Sequence[Quote]) -> list[Quote]:
    """The headline's quotes, each that a body quote repeats word for word with that quote's speaker: the
    headline quotes the story ('Transcript: "Clean sport sells" — …' where the body has Lafleur say it)."""
    said = [(_words(q.text), q.speaker) for q in body_quotes if q.kind == SPEECH and q.speaker]
    out = []
    for quote in title_quotes:
        words = _words(quote.text)
        found = next((who for body, who in said if len(words) > 1 and _within(words, body)), None)
        if quote.kind == TERM and (len(words) < 3 or _title_case(quote.text.strip(" '\"‘’“”"))):
            found = None  # a name in quotes ('"Project Big Picture" is dead') stays a term
        out.append(replace(quote, speaker=found, kind=SPEECH) if found else quote)
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _within(part: list[str], whole: list[str]) -> bool:
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _kind(text: str, span: QuoteSpan) -> str:
    inner = text[span.start + 1 : span.end - (1 if span.closed else 0)].strip(" '`\"“”«»‘’")
    if span.paragraphs > 1 or not span.closed:
        return SPEECH
    before = text[paragraph_start(text, span.start) : span.start].rstrip()
    if not before or before.endswith(":") or _PARTICIPLE_CUE.search(before):
        return SPEECH  # '…", adding, "For Mexico, this man is a terrorist"'
    if len(inner.split()) < SPEECH_MIN_WORDS and _title_case(inner):
        return TERM  # a name inside a sentence: 'declared the day "Jeff Gordon Day"', 'the "Capital of the Surf."'
    if inner[-1:] in ",.?!…:;—–":
        return SPEECH  # a whole sentence or clause: "…," Ma said; or one broken off: "He looks—"
    if before.endswith((".", "!", "?")) and re.match(r"\s*(?:[.!?]|$|\n)", text[span.end : span.end + 2]):
        return SPEECH  # a sentence of its own: 'KCNA said. "Foolhardy provocation deserves punishment".'
    if len(inner.split()) >= SPEECH_MIN_WORDS or _partial_speech(text, span, before):
        return SPEECH
    if re.match(r"\s*[,—–]", text[span.end : span.end + 3]) and attribution.after(
        text, span.end, paragraph_end(text, span.end)
    ):
        return SPEECH  # '"Foolhardy provocation deserves harsh punishment", it added'
    return TERM


def _title_case(words: str) -> bool:
    """'Jeff Gordon Day', 'Capital of the Surf': two or more long words, every one capitalised."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if len(w) > 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long) and words[:1].isupper()


def _partial_speech(text: str, span: QuoteSpan, before: str) -> bool:
    """'Smith called the deal "a game-changer" in a post': a short quote of someone's words inside a
    sentence, cued by a speech verb before it and ending its clause (not 'the "new norm" reforms')."""
    sentence = before[sentence_start(before, len(before), 0) :]
    cues = list(SPOKEN_CUE_RE.finditer(sentence))
    according = attribution.according_within(sentence)  # 'According to Whitlow, it is worth "comfortably more"'
    if not cues and not according:  # 'is "satisfactory" following surgery, according to vice-president X'
        rest = text[span.end : sentence_end(text, span.end, paragraph_end(text, span.end))]
        return attribution.according_later(rest) is not None
    if not according and (not cues or len(sentence[cues[-1].end() :].split()) > PARTIAL_CUE_WORDS):
        return False  # not 'confirmed yesterday that the police will enforce the law banning "…"'
    right_after = not according and _RIGHT_AFTER_CUE.fullmatch(sentence, cues[-1].end())
    if right_after or _VERB_PHRASE_BEFORE.search(sentence):
        # 'said "the proudest moment of our lives" was', 'told NBC that "this Russia thing" was', 'said it
        # would "carefully study" the proposal': the quoted words go on the speaker's own clause
        return True
    follows = text[span.end : span.end + 30]
    return bool(
        re.match(
            r"\s*(?:[.,;:!?()—–]|$|\n|(?:in|on|and|but|after|before|when|because|as|to|at|for|while|"
            r"during|adding|saying|though|although|if|until|since|from|next|last|this|later|again|soon|of|over|given|"
            r"amid|through|"
            r"today|tonight|tomorrow|yesterday|now|by|with|against|despite|without|unless|once|or|than)\b)",
            follows,
        )
    )


# ------------------------------------------------------------------ who said it


def _resolve(
    source: Source, span: QuoteSpan, text: str, entities: Sequence[Entity], names: Names, last: Quote | None
) -> str | None:
    """The speaker a source phrase names, with an organisation's initials spelled out as the article did, and
    under the fullest name the article gives it."""
    if source.text == "One":  # 'Pals say he was gutted. One told us: "…"': a pal
        return story.one_of(text, source.start)
    if _DISPLAYED.match(source.text):
        return None  # 'said a banner hung by supporters': the banner itself is nobody
    if voice := _VOICE_OF.search(text, max(0, span.start - 60), span.start):
        return voice.group(1)[0].lower() + voice.group(1)[1:]  # "the stadium announcer's "…"", whoever spoke before
    if asked := _ASKED_BY.match(source.text) or _UNNAMED_WHO.match(source.text):
        return asked.group(1)[0].lower() + asked.group(1)[1:]  # 'One anonymous pilot interviewed by Channel 4'
    speaker = _named_by(source, span, text, entities, names, last)
    if speaker and " " in speaker and mood_word(speaker.split()[0], by_ending=False):  # 'Fuming Kane'
        speaker = speaker.split(" ", 1)[1]
        speaker = (
            names.resolve(speaker) if " " in speaker else _full_name_before(speaker, text, source.start) or speaker
        )
    if speaker and ACRONYM.fullmatch(speaker):
        return story.spelled_out(speaker, text)
    if speaker and " " not in speaker:  # 'Demriel' for the 'Füsun Demirel' of the story
        speaker = story.misspelt_person(speaker, entities) or speaker
    if speaker:  # 'Mrs Pike' is not her husband
        speaker = gender.by_honorific(source.text, speaker, text, entities) or speaker
    return _without_position(cast.unglued(_fullest(speaker, entities), text), entities) if speaker else speaker


def _without_position(speaker: str, entities: Sequence[Entity]) -> str:
    """'Center Thanasis Mavrolis' → 'Thanasis Mavrolis', where spaCy took a capitalised position or title at a
    sentence's start into a person's name; not 'State Farm Insurance', an organisation."""
    body = any(e.label != "PERSON" and e.canonical == speaker for e in entities)  # spaCy's 'Goalkeeper X' is an ORG
    roles = POSITIONS if body else ROLE_WORDS | POSITIONS
    words = speaker.split()
    lead = 0
    while lead < len(words) - 2 and words[lead].lower().rstrip(".") in roles:
        lead += 1
    if not lead:
        return speaker
    rest = " ".join(words[lead:])
    return rest if trim_name(rest) == rest else speaker


def _fullest(speaker: str, entities: Sequence[Entity]) -> str:
    """'Gateway Federal' → 'Gateway Federal Credit Union', 'Amuary' → 'Amaury Sport Organisation': an
    organisation's longest name in the article that begins with its words (the first one misspelt, as copy
    sometimes has it), where there is one such name and the story did not name the shorter one first."""
    orgs = {e.canonical for e in entities if e.label == "ORG"}
    words = speaker.split()
    people = {e.canonical for e in entities if e.label == "PERSON"}
    if speaker not in orgs and (len(words) < 2 or speaker in people or not speaker[0].isupper()):
        return speaker  # a person, a description, or a word no organisation's name is known by
    if any(e.note and e.canonical == speaker for e in entities):
        return speaker  # a listed name is already the full one: 'Chelsea', not the 'Chelsea Women' of the story
    longer = {
        name
        for name in orgs
        if len(name.split()) > len(words)
        and name.split()[1 : len(words)] == words[1:]
        and story.same_word(name.split()[0], words[0])
    }
    if len(longer) != 1:
        return speaker
    full = longer.pop()
    first = {name: min((e.start for e in entities if e.canonical == name), default=-1) for name in (speaker, full)}
    if 0 <= first[speaker] < first[full]:
        return speaker  # 'Ryanair', named on its own before 'Ryanair Pilots Group': a body of its own, no short form
    return full


def _named_by(
    source: Source, span: QuoteSpan, text: str, entities: Sequence[Entity], names: Names, last: Quote | None
) -> str | None:
    """The speaker a source phrase names: a person, an organisation, or a description as written."""
    phrase = source.text
    if source.pronoun or phrase.lower() in PRONOUNS:  # however the pattern found it
        return _pronoun(source, span, text, entities, last)
    if HANDLE.fullmatch(phrase):
        return phrase  # '@jaycee_fw', the account as written
    if story.unnamed_source(phrase, entities):
        return phrase[0].lower() + phrase[1:]  # 'a spokesperson for the Football Association', as written
    if owned := re.fullmatch(r"([Hh]is|[Hh]er)\s+[a-z]+s", phrase):  # 'although his answers … described'
        he = Source(source.start, source.start + 3, "he" if owned.group(1).lower() == "his" else "she", True)
        return _pronoun(he, span, text, entities, last)
    owner = _DOCUMENT_OWNER.match(phrase) or _DOCUMENT_NAMED.match(phrase)
    if owner:  # "PC World's recent analysis of its traffic concluded": PC World
        phrase = owner.group(1)
        source = Source(source.start, source.start + len(phrase), phrase)
        if not any(e.label == "PERSON" and source.start <= e.start < source.end for e in entities):
            return names.resolve(phrase) if " " not in phrase else phrase  # an organisation as written
    spans = [e for e in entities if source.start <= e.start and e.end <= source.end]
    glued = next((u for e in spans if (u := cast.unglued(e.text, text)) != e.text), None)
    if glued:
        return glued  # 'Trustee of SportsAid Helena Marsh', where spaCy saw one organisation
    affiliated = _affiliated(phrase, entities)  # 'Mina Worley-Hale of Human Rights Watch'
    if affiliated:
        phrase, source = affiliated, Source(source.start, source.start + len(affiliated), affiliated)
    inside = [e for e in entities if e.start >= source.start and e.end <= source.end]
    if any(e.label in ("DATE", "TIME", "MONEY", "PERCENT") and e.text == phrase for e in inside):
        return None
    people = [e for e in inside if e.label == "PERSON" and not story.possessed(text, e)]
    if phrase.isupper() and len(phrase) > 3:
        phrase = phrase.title()  # a transcript's 'OKORO-BANKS:'
    name = trim_name(_strip_honorifics(phrase))
    if people:
        return _person_named(people, inside, name, phrase, text, source, names)
    whole = [e for e in inside if e.label == "ORG" and _THE.sub("", e.text) == _THE.sub("", phrase)]
    if whole and not people:  # 'The Rugby Football League', not the 'Super League' its last word is part of
        fuller = _full_name_before(phrase, text, source.start) if " " not in phrase else None
        return fuller or whole[-1].canonical  # 'Okonkwo-Davies' after 'Keiran Okonkwo-Davies', both taken for ORGs
    if name and names.resolve(name) != name:
        return names.resolve(name)  # 'Infantino', even where spaCy took him for an organisation
    fuller = _full_name_before(name, text, source.start) if name and phrase.endswith(name.split()[-1]) else None
    if fuller:
        return fuller  # 'Lisboa' for the 'Thiago Lisboa' written before, where spaCy saw a city
    bodies = [e for e in inside if e.label in ("ORG", "GPE", "LOC", "FAC")]  # a club named after its city
    if len(name.split()) > 1 and not any(e.text == name for e in bodies):
        return name  # 'sprinter Ana Lima', where spaCy saw the city in her name
    if bodies and not is_description(phrase):
        return bodies[-1].canonical
    if is_description(phrase):
        return description(phrase, span.start, span.end, text, entities) or (bodies[-1].canonical if bodies else None)
    if name and phrase.endswith(name.split()[-1]):
        return name
    return titled_holder(phrase, text, entities)  # "said the minister's National Security Advisor"


def _person_named(
    people: list[Entity], inside: list[Entity], name: str, phrase: str, text: str, source: Source, names: Names
) -> str:
    """The person a source phrase names, of the people tagged in it."""
    # 'Maria Santos thanked Leo Brandt … and said': the subject of the verbs, not whom it spoke to
    if together := story.joint(text, source.start, source.end, people):
        return together  # 'said co-owners Daniel Hargreaves and Priya Lal'
    person = people[0] if re.search(r"\s(?:and|then)$", phrase) else people[-1]
    longer = len(name.split()) > len(person.canonical.split()) and not any(
        e.label != "PERSON" and e.end <= person.start for e in inside
    )  # not 'Governor of Washington Chris Gregoire'
    added = name[: -len(person.text)].split() if name.endswith(person.text) else []
    if longer and (
        _first_name_missed(person.text, added, text)
        or re.match(rf"{re.escape(person.text)}\s+(?:{_PARTICLES})(?:\s|[-'’][A-Z])", name)
    ):
        # 'Dennis ter Horst' where spaCy saw 'Dennis' and 'Horst'; 'Laia Cortés i Ferrer'
        return names.resolve(name)
    shouted = person.canonical.isupper() and " " in person.canonical  # a transcript's 'JOE BRANNIGAN'
    return person.canonical.title() if shouted else person.canonical


def _first_name_missed(person: str, added: list[str], text: str) -> bool:
    """'Dennis' of 'Dennis ter Horst' where spaCy saw 'Horst'; 'Karim' of 'Karim Ben Haddou' where it saw 'Ben
    Haddou' (a surname that starts with a capitalised particle, after one first name); not a common word."""
    particle = len(added) == 1 and person.split()[0].lower() in PARTICLE_HEADS
    return bool(added) and (" " not in person or particle) and not all(common_word(w, text) for w in added)


def _affiliated(phrase: str, entities: Sequence[Entity]) -> str | None:
    """The name before its organisation: 'Mina Worley-Hale of Human Rights Watch' → 'Mina Worley-Hale'; not
    'Governor of Washington Chris Gregoire', nor an organisation's own name ('Court of Arbitration for Sport')."""
    own = re.match(r"(.+?)\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]", phrase)
    if not own or not attribution.looks_like_name(own.group(1)) or not trim_name(own.group(1)):
        return None
    if re.search(r"\s[a-z][\w-]*\s+(?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]+$", phrase[own.end() :]):
        return None  # 'North of Scotland procurator fiscal Declan Hargreave': the role's holder comes last
    whole = any(e.label == "ORG" and _THE.sub("", e.text) == _THE.sub("", phrase) for e in entities)
    return None if whole else own.group(1)


def _full_name_before(name: str, text: str, before: int) -> str | None:
    """'Lisboa' → 'Thiago Lisboa', the fuller name the article wrote earlier (where spaCy did not see a
    person in it)."""
    found = None
    at = text.rfind(name, 0, before)
    while at > 0 and found is None:  # the last time the name follows capitalised words, without a regex per name
        end = at + len(name)
        if end >= len(text) or not (text[end].isalnum() or text[end] == "_"):
            found = _WORDS_BEFORE.search(text, max(0, at - 80), at)
        at = text.rfind(name, 0, at)
    if found is None:
        return None
    words = trim_name(found.group(0) + name).split()
    while words and words[0] in SENTENCE_OPENERS:
        words.pop(0)
    return " ".join(words) if len(words) > len(name.split()) else None


def _strip_honorifics(phrase: str) -> str:
    words = [w for w in phrase.split() if w.rstrip(".") not in ABBREVIATIONS]
    return " ".join(words)


def _pronoun(source: Source, span: QuoteSpan, text: str, entities: Sequence[Entity], last: Quote | None) -> str | None:
    """He/she: the first person named in the story told since the previous quote's sentence (in this
    paragraph), else the previous speaker of this paragraph, else the last person named since the previous
    quote, else the previous speaker. It/they: likewise an organisation. Never one named after the pronoun
    ('He also accused Comey of "…"')."""
    document = pronouns.stands_for(source.text, text, source.start, entities)
    if document:
        return document  # 'The review accuses owners of … It says the clubs "…"'
    wanted = ("ORG",) if source.text.lower() in ("it", "they", "we") else ("PERSON",)
    para_start = paragraph_start(text, span.start)
    last_here = last if last is not None and last.end > para_start else None  # the previous quote, if in this paragraph
    scope = pronouns.after_quote(text, last_here.end, span.start) if last_here is not None else para_start
    upto = min(span.start, source.start)
    in_scope = [e for e in entities if e.label in wanted and scope <= e.start and e.end <= upto]
    # '"Tom gave everything," he said': not the Tom the quote talks about, where someone else was named
    in_scope = [e for e in in_scope if not _named_in(e, text[span.start : span.end])] or in_scope
    in_scope = pronouns.candidates(source.text, text, in_scope, last_here is not None)  # not 'by X'
    previous = last.speaker if last is not None and _may_be(last.speaker, wanted, entities) else None
    if going_on := pronouns.subject_goes_on(source.text, text, span.start, scope, in_scope, previous, entities):
        return going_on  # 'She called on President Vasseur to …. "…," she said': not Vasseur
    if in_scope:
        # the subject of the sentence just before the quote ('Federer, who…, snapped … "…," he said'),
        # else the first named in the scope
        subject = story.subject_before(text, span.start, scope, in_scope)
        subject = subject or pronouns.reporter_before(text, span.start, scope, in_scope)  # 'X … said the rider …'
        return (subject or in_scope[0]).canonical
    if wanted == ("PERSON",):
        introduced = _SUBJECT_NAME.search(text, scope, span.start)
        if introduced and not any(e.start <= introduced.start(1) < e.end and e.label != "PERSON" for e in entities):
            return trim_name(introduced.group(1))  # 'Mrs Claudia Reinholt-Berger, the Telekom board member, …'
        described = _INDEFINITE_SUBJECT.search(text, scope, span.start)
        if described:  # 'One team mechanic, who asked not to be named, pointed to the climbs. "…," he said.'
            return described.group(1)[0].lower() + described.group(1)[1:]
    named_as = story.described_subject(text, scope, span.start, entities) if wanted == ("PERSON",) else None
    if named_as:  # 'The manager agreed. "…," he said.'
        return named_as
    if last_here is not None and _may_be(last_here.speaker, wanted, entities):
        return last_here.speaker
    subject = story.topic(text, para_start, entities, wanted, "It|They" if wanted == ("ORG",) else "He|She")
    if subject is not None and (last is None or subject.start > last.end):
        return subject.canonical
    since = last.end if last is not None else max(0, span.start - LOOK_BACK)
    named = [e for e in entities if e.label in wanted and since <= e.start and e.end <= upto]
    if named:
        return named[-1].canonical
    if last is not None and _may_be(last.speaker, wanted, entities):
        return last.speaker
    # nobody since an unattributed quote: whom the story is about, the person (or body) it names most
    told = [e.canonical for e in entities if e.label in wanted and e.end <= upto]
    return max(reversed(told), key=told.count) if told else None


def _may_be(speaker: str | None, wanted: tuple[str, ...], entities: Sequence[Entity]) -> bool:
    """Whether 'he' or 'she' (or 'it', 'they') may stand for `speaker`: not a body for a person, not a person
    for a body, and 'he' never for a crowd ('the protesters')."""
    if not speaker:
        return False
    other = "ORG" if wanted == ("PERSON",) else "PERSON"
    if any(e.label == other and e.canonical == speaker for e in entities):
        return False
    return not (wanted == ("PERSON",) and speaker[:1].islower() and speaker.endswith("s"))


def _named_in(person: Entity, quote: str) -> bool:
    named = re.findall(r"[A-Z][\w'’-]*?\w(?=['’]s\b|[^\w'’-]|$)", quote)  # 'Uribe's lies' names Uribe
    return person.label == "PERSON" and bool(set(person.canonical.split()) & set(named))


def _reported(text: str, span: QuoteSpan, parse: Parse) -> bool:
    """A short lower-case quote further on in a sentence with a speech verb before it, that the sentence's
    grammar shows to be part of what the verb reports."""
    inner = text[span.start + 1 : span.end - 1].strip(" '`\"“”«»‘’")
    begin, end = attribution.sentence_around(text, span.start, span.end)
    if not inner[:1].islower() or _title_case(inner):
        return False
    if not (PARTIAL_CUE_RE.search(text, begin, span.start) or _FOUND_CUE.search(text, begin, span.start)):
        return False
    # one or two words in quotes: speech where they qualify ('expected a "very prompt" withdrawal')
    short = len(inner.split()) < REPORTED_MIN_WORDS
    return said_by_grammar(text, begin, end, (span.start, span.end), parse, modifier=short)


def _chained(text: str, previous: Quote, span: QuoteSpan) -> bool:
    """A short quote in lower case further on in the sentence of a partial quote someone said: the next link
    of a chain of their words, not a quoted term."""
    between = text[previous.end : span.start]
    inner = text[span.start + 1 : span.end - 1].strip(" '`\"“”«»‘’")
    return (
        previous.start > paragraph_start(text, previous.start)
        and previous.text.rstrip(" '`\"“”«»’")[-1:] not in (".", "!", "?")
        and not has_sentence_break(between)
        and len(between.split()) <= CHAIN_WORDS
        and inner[:1].islower()
        and not _title_case(inner)
    )


def _continues(text: str, previous: Quote, span: QuoteSpan, entities: Sequence[Entity]) -> bool:
    """True when `span` goes on from `previous` in the same turn: opening the next paragraph, or a few
    words later in the same paragraph, with nobody else named in between."""
    if _GOES_ON.search(text, max(0, span.start - 40), span.start):
        return True  # '"…," she said.\n\nFurther adding, "…"': a participle with no subject of its own
    if _SOUNDED.match(text, span.end):
        return False  # '"Let's go Cavs!" rang around the building': a chant, nobody's turn
    between = text[previous.end : span.start]
    # people named in the previous quote's own attribution ("…," Corrigan said, nodding toward team
    # president Mark Devereaux.) do not interrupt the turn; people named after it do
    said_end = sentence_end(text, previous.end, span.start)
    others = [
        e
        for e in entities
        if e.label == "PERSON" and said_end <= e.start < span.start and e.canonical != previous.speaker
    ]
    if others:
        return False
    if PARAGRAPH_BREAK in between:
        return between.count(PARAGRAPH_BREAK) == 1 and between.split(PARAGRAPH_BREAK)[1].strip() == ""
    # '"…," she said. "…"' or '"…," Supt. X of the police told a conference. "…"': the previous quote's
    # own attribution and nothing more; not a story told in between (a paragraph break lost)
    told = re.match(r"(?:The|A|An|Its|Their)((?:\s+[\w'’-]+){1,3})", text[said_end : span.start].strip())
    if told and any(w.lower() in ORG_NOUNS for w in told.group(1).split()):
        return False  # '"…," Arteta said. The league issued a statement. "…"'; not 'The Spaniard was furious.'
    between = between.strip()
    return len(between.split()) <= CONTINUE_MAX_WORDS or not has_sentence_break(between)
