"""The shapes a source phrase takes in press copy around a quote: a role and a name ('Leeds Rhinos head coach
Brad Arthur'), a name in apposition (', Omar Berrada.'), the lead-ins and asides before a subject ('In a statement
on its website,'), the transcript's turns and a release's labels, and where a phrase stops.
"""

from __future__ import annotations

import re

from .cues import AUX, PRONOUN, VERB
from .names import PARTICLES, ROLE_WORDS

WEEKDAY = re.compile(r"^\s*(?:on\s+|last\s+|late\s+|early\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# a role in title case, then its holder's name in commas: "Harlow's First Team Manager, Steve Aldridge,"
TITLED_NAME = re.compile(r"(?P<role>[^,]+),\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),?\s*$")
ROLE_NAME = (  # 'Leeds Rhinos head coach Brad Arthur'
    r"\s*(?:[A-Z][\w'’&.-]*\s+){0,4}?(?P<role>(?:[a-z][a-z-]*\s+){1,3})"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})"
)
ROLE_COLON = re.compile(ROLE_NAME + r"\s*:\s*")
ROLE_SUBJECT = re.compile(ROLE_NAME + r"(?=\s+[a-z])")
ROLE_APPOSED = re.compile(
    r"(?:[A-Z][\w'’&.-]*\s+){1,3}(?P<role>[a-z][a-z-]*\s+)(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),"
)
RELATIVE = r"\s+(?:that|which)\s+(?=(?:the|its|their)\s+[a-z]+(?:\s+[a-z]+){0,2}$)"
WHICH_SAYING = re.compile(
    r"(?P<source>[A-Z0-9][\w'’&.-]*(?:\s+(?:(?:of|for|and|de)\s+)?[A-Z][\w'’&.-]*){0,6}),\s+which\s+[^,;]{1,80},\s+"
    r"(?:saying|stating|adding|noting|insisting|warning|arguing|explaining|writing)\b[^,;:]{0,80}[:,]?\s*$"
)
REPORTED = re.compile(r"\s+(?:that|he|she|they|we|I)\s")  # 'said he would play': reported speech
DESCRIBED_AS_WORDS = 30  # 'characterized the dispute between … as "…"': at most this many words after the verb
AFTER_SENTENCE_WORDS = 6  # '"…." Smith said after the match.': at most this many words after the verb

# where a source phrase after its verb stops: "said Smith in a statement", "said Smith, who …"
SOURCE_STOP = re.compile(
    r"\s*(?:[,;:(—–]|\.(?=\s|$)|\s-\s)|\s+(?:in|on|at|after|before|when|as|who|while|during|following|ahead|"
    r"last|this|yesterday|today|tonight|before|afterwards|from|via|to|with|about|of\s+the\s+(?:decision|move)|"
    r"of\s+(?:his|her|their|its)\s)\b"
)
# a name in apposition after a description, ending the sentence: ', Omar Berrada.'
PARTICLE = "|".join(sorted(PARTICLES))  # 'Piet de Waal', 'Jean-Luc de la Fontaine'
NAMED_AFTER = re.compile(rf",\s+((?:[A-Z][\w'’.-]*\s+(?:(?:{PARTICLE})\s+)*){{1,3}}[A-Z][\w'’-]+)\s*(?:[.!?,]|$)")
# a sentence that goes on after a quote with no comma or dash: a lower-case word that starts no attribution
GOES_ON = re.compile(
    rf"(?!(?:{AUX}){VERB}\b|{PRONOUN}\b|according\s+to\b|(?:the|a|an|his|her|their|its|one|two|three|both)\s)[a-z]"
)
# a role that opens a source phrase in lower case: 'according to team principal Christian Horner,'
ROLE_FIRST_WORD = r"(?:" + "|".join(sorted(w for w in ROLE_WORDS if w.isalpha())) + r")\s+(?=[\w\s-]*[A-Z])"
# a name after a lower-case description: ' political party Vänsterpartiet Malmö released'
DESCRIBED_FIRST = re.compile(r"(?:\s+[a-z][\w-]*){1,3}\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?=\s+[a-z])")
NOT_A_NAME = frozenset(
    "One Two Three Four Five Some Many Most All Both Each Every No None Several His Her Their Its The This"
    " Further Also Additionally Later Then".split()
)
# a subject that is a thing, not a person: 'Her departure as columnist was announced', 'The move was confirmed'
THING_SUBJECT = re.compile(r"(?:His|Her|Their|Its|The|This)\s+[a-z]")
# the speaker in the clause that introduces the quote: '… after she was captured on video saying: "'
CLAUSE_PRONOUN = re.compile(
    rf"\b(?:after|when|as|because|before|since|while|where|once)\s+({PRONOUN})\s+[^,:;\"“]{{0,60}}[:,]\s*$"
)
# words on display and who showed them: 'read a banner unveiled by', 'read a placard held by'
DISPLAYED_BY = re.compile(
    r"reads?\s+(?:a|an|the|one)\s+(?:[\w'’-]+\s+){0,3}?(?:banner|sign|placard|poster|flag|tifo|board|t-shirt|"
    r"shirt|slogan|message)s?\b[^.;:\"“”]{0,60}?\bby\s+"
)
# what cannot start a source phrase after a quote: '…," and Smith scored'
FUNCTION_WORD = re.compile(
    r"(?:and|but|or|as|while|when|then|so|if|which|who|that|after|before|because|"
    r"although|though|whilst|whereas|since|until|with|without|for|from|to|in|on|at|by)\b"
)
# what may stand before the subject of an attribution: 'In a statement on its website, the club said:'
# a wire dateline: 'PERTH — ', 'NEW DELHI, Dec 3 (Reuters) - ', 'CHENNAI, Dec 9 (PTI) '
_DATELINE = (
    r"[A-Z]{3,}(?:[\s'’-]+[A-Z]{2,})*\.?(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2})?\s*"
    r"(?:\([^)]{1,20}\)\s*(?:[—–_]+|-{1,2}(?=\s))?|[—–_]+|-{1,2}(?=\s))\s*"
)
DATELINE = re.compile(_DATELINE)
LEAD_IN = re.compile(
    rf"^(?:{_DATELINE}|"
    r"(?:But|And|So|Yet|Still|Then|Later|Earlier|Meanwhile|However|Afterwards|Separately|"
    r"Elsewhere|Asked|Speaking|Writing|In|On|At|After|Before|During|For|With|From|Following|Of|Regarding|"
    r"About|Despite|Amid|Given|Outside|Inside|Across|Within|Beyond|Among|Unlike|Like|"
    r"Back|Once|When|While|Now|Today|Yesterday)\b[^,:]{0,100},\s*|(?:But|And|So|Yet|Then)\s+|"
    r"[A-Z][a-z]+ly,\s*|(?<=,\s)\d{4},\s*|"  # and the year after 'On May 27, '
    r"(?:Furthermore|Moreover|Also|Instead|Likewise|Nonetheless|Nevertheless|Indeed|Overall|Therefore|Thus|Otherwise|"
    r"Besides|Again|Plus|Next|Lastly|Anyway|Regardless|Alternatively|Conversely),\s*|"
    # 'Commenting on the deal,', 'Reacting to the news,'
    r"(?!According\b)[A-Z][a-z]+ing\s+(?:on|to|about|after|at|ahead|back|forward)\b[^,:]{0,60},\s*)+"
)
# 'were told', 'was asked': the subject is whom a speech verb addresses, not its speaker
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+$")
ADDRESSED = re.compile(r"told|tells|asked|asks|urged|warned|reminded|promised|assured|answered")
# a transcript's turn: 'Q (NAME, OUTLET): ', 'A. Name: ', 'Q — Name (Outlet): '
TURN = re.compile(
    r"\s*[QA]\.?\s*(?:[—–-]\s*)?\(?\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}?)\s*"
    r"(?:,\s*[^,:()]{1,40})?\)?\s*(?:\([^()]{1,40}\)\s*)?:\s*"
)
# a speech verb right before a quote, with what may stand between: 'said he "', 'said that "'
CUED = re.compile(rf"\b{VERB}(?:\s+(?:that|he|she|they|it|we|I)){{0,2}}\s*$")
LABEL = re.compile(
    r"\s*(?:(?:Full|Joint|Official|Club|Team)\s+)?(?:[Ss]tatement|[Mm]essage|[Ll]etter|[Rr]elease)\s+(?:from|by)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][^:;\"“]{1,60}?)\s*:\s*"
)
# a document and who put it out: 'a statement issued by ', 'the release from '
ISSUED_BY = re.compile(
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:statement|release|letter|report|communiqu[eé]|post)\s+"
    r"(?:(?:issued|released|published|sent|put\s+out|posted)\s+)?(?:by|from)\s+"
)
# the medium between a subject and its verb, without commas: ' in their official statement', ' in a letter to …'
MEDIUM_AFTER = re.compile(
    r"(?<=\w)\s+(?:in|on|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|release|letter|post|tweet|message|interview|speech|conference|video|email|blog|column|"
    r"podcast|briefing)\b[^,;:\"“]{0,40}$"
)
# a time before the subject, without its comma: 'And last night the ex-England ace fumed:'
TIME_LEAD_IN = re.compile(
    r"^(?:[Ll]ast\s+night|[Yy]esterday|[Tt]oday|[Tt]onight|[Ee]arlier\s+today|[Tt]his\s+(?:morning|afternoon|"
    r"evening|week)|[Oo]n\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+night)?)\s+(?=(?:the|a|an|his|her)\s|[A-Z])"
)
# a lead-in without its comma before a pronoun: 'At the protest he said: "'
BARE_LEAD_IN = re.compile(
    r"^(?:In|On|At|After|Before|During|Following|Later|Earlier|Afterwards|Then|Today|Yesterday)\b"
    r"[^,:]{0,60}?\s(?=(?:he|she|they|we|I)$)"
)
# a role's organisation and its holder after it: ' of the Refugee Council Enver Solomon'
ROLE_OF = re.compile(
    r"\s+(?:of|at|for)\s+(?:the\s+)?(?:[\w'’&.-]+\s+){1,5}[A-Z][\w'’-]+\s+[A-Z][\w'’-]+(?=\s+[a-z]|\s*[,:\"“])"
)
# a description and the name in apposition after it: 'The leader (of the council), Helen Ashworth,'
DESCRIPTION = r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}$"
DESCRIBED_NAME = re.compile(r"(?:\s+(?:of|at|for)\s+[^,:;\"“]{1,40})?,\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),")
ROLE_FIRST = re.compile(r"(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+(?=\s+(?:of|at|for)\s)")  # 'president of the …'

# a description, then the subject's name in apposition: "His opposite number, Leinster's Conor Walsh, "
APPOSED_NAME = re.compile(r"(?:The|His|Her|Their|Its|[A-Z][\w'’-]*['’]s)\s+[^,:]{1,40},\s+([^,:]{3,60}),")
# a description, then the name of whom it describes set off by dashes or commas, before the verb
NAME_APPOSED = re.compile(r"(?:,|\s[—–]|\s--)\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)\s*(?:,|[—–]|--)\s*$")
# one of a group, then the name of whom it is in commas: 'Another, Tom Okafor, 19,', 'One, Lucy Brennan from Harlow,'
OTHER_NAMED = re.compile(
    rf"(?:Another|One)(?:\s+[a-z][^,:]{{0,40}})?,\s+((?:[A-Z][\w'’.-]*\s+(?:(?:{PARTICLE})\s+)*){{1,3}}[A-Z][\w'’-]+)"
    r"\b[^,:]{0,40},"
)
UNNAMED_HEAD = re.compile(r"(?:One|A|An|Another|The|His|Her|Their|Its)\s+[a-z]")
HANDLE = re.compile(r"@\w{1,30}")  # a social-media account: '@jaycee_fw: "…"', '"…" — @millwall_mags'
# a live blog's entry time: '14:05 GMT — ', '10.42am: ', '16:40 '
TIMESTAMP = re.compile(
    r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|CET|CEST|UTC|ET|EST|EDT|PT|IST|AEST|AEDT)?\s*(?:[—–:|-]+\s*)?(?=[A-Z@])"
)
