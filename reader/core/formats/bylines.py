"""Bylines made names: "Rob Picheta; CNN" → "Rob Picheta", "Jeff Foust Monday; November" → "Jeff Foust".

A page's or a feed's author field mixes the writers' names with what a byline prints beside them: the
outlet or agency, a job title ("AP National Political Writer", "is a reporter"), the date the byline
ran into, an e-mail address. A part that is no name is dropped when the byline has a name; a byline of an
outlet alone ("Reuters", "Staff Reports") is kept, unless it is the page's own outlet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import parseaddr

# weekdays, months and the words a dateline starts with, which trafilatura runs into the byline before it
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec published updated posted last on at".split()
)
_LEADS = re.compile(
    r"^(?:(?:analysis|opinion|commentary|review|story|words|text|written|reporting|posted|compiled|edited)\s+)?"
    r"by\s+|^(?:text|текст|von|par|por|di|door|av|af)\s+(?=\S+\s+\S)",
    re.I,
)
_IS_A = re.compile(r",?\s+(?:is|was)\s+an?\s.*$", re.I)  # "Phil Helsel is a reporter for NBC News"
_ROLES = frozenset(
    "writer writers reporter reporters editor editors editor-at-large correspondent correspondents contributor "
    "columnist producer journalist author intern".split()
)
# what stands before a job title ("AP National Political Writer", "News reporter"), and is no one's name
_DESCRIPTORS = frozenset(
    "ap news staff senior chief political national security sports sport auto business science health tech "
    "technology digital contributing special investigative foreign local global entertainment economics finance "
    "legal court crime education environment climate travel food music film culture arts weather data video "
    "photo managing executive deputy associate assistant white house world metro city state washington".split()
)
_TRAILING_AGENCY = re.compile(r"\s+(?:the\s+)?(?:associated\s+press|reuters|afp|bloomberg|cnn)$", re.I)
_OUTLET_WORDS = frozenset(
    "press news media business insider nast inc ltd llc plc group agency staff wire wires services service "
    "desk team bureau com net org online magazine newsroom editorial editors ministry ministries reports "
    "international network".split()
)
_AGENCIES = frozenset(
    {"associated press", "the associated press", "reuters", "bloomberg", "xinhua", "kyodo", "conde nast", "condé nast"}
)
_ACRONYM = re.compile(r"^[A-Z]{2,4}$")
_MAX_WORDS = 6
_LONGEST = 1000  # characters of a byline looked at: more is no byline


def author_names(written: str | None, outlets: Iterable[str | None] = ()) -> str | None:
    """The writers named in a byline, joined by ", "; the byline's outlet alone if it names no one; else None.

    `outlets` are the names of the page's or feed's own outlet (site name, host name, feed title): a byline
    that is only one of them says nothing the source does not.
    """
    if not isinstance(written, str) or not written.strip():
        return None
    written = written[:_LONGEST]
    own = {outlet_key(o) for o in outlets if isinstance(o, str) and o.strip()}
    parts = [p for p in (_clean(part) for part in re.split(r"\s*[;|]\s*|\s+&\s+|\s+and\s+", written)) if p]
    names = [p for p in parts if _is_name(p, own)]
    if any(len(n.split()) > 1 for n in names):  # beside a full name, a lone word is an outlet ("Futurism")
        names = [n for n in names if len(n.split()) > 1]
    if names:
        return ", ".join(dict.fromkeys(names))
    return next((p for p in parts if outlet_key(p) not in own), None)


def _clean(part: str) -> str:
    """One part of a byline without its "By", address, job title, agency and trailing date words."""
    part = _without_address(" ".join(part.split()))
    part = _LEADS.sub("", part.strip(" ,;:-–—"))
    part = _IS_A.sub("", part)
    if len(_TRAILING_AGENCY.sub("", part).split()) > 1:  # "ERIC TUCKER Associated Press", not "The Associated Press"
        part = _TRAILING_AGENCY.sub("", part)
    words = part.split()
    if words and words[-1].lower().strip(",.") in _ROLES:
        words.pop()
        while words and (words[-1].lower() in _DESCRIPTORS or _ACRONYM.match(words[-1])):
            if len(words) <= 2 and not all(w.lower() in _DESCRIPTORS or _ACRONYM.match(w) for w in words):
                break
            words.pop()
    while len(words) > 2 and (words[-1].lower().strip(",.") in _DATE_WORDS or words[-1].strip(",.").isdigit()):
        words.pop()
    if all(w.lower().strip(",.") in _DATE_WORDS or w.strip(",.").isdigit() for w in words):
        return ""
    part = " ".join(words).strip(" ,;:-–—")
    if part.endswith(".") and not re.search(r"\b\w\.$", part):  # "Hines, P. J." keeps its initial's stop
        part = part[:-1]
    if part.isupper() and len(words) > 1:  # "STEVE PEOPLES" is Steve Peoples
        part = " ".join(w.capitalize() if w.isalpha() else w for w in part.split())
    return part


def _without_address(part: str) -> str:
    """ "Jane Doe (jane@site.example)", "jane@site.example (Jane Doe)", "Jane Doe <jane@…>" → Jane Doe; a bare
    address → ""."""
    if "@" not in part:
        return part
    m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", part)
    if m:
        inside, outside = m.group(2), m.group(1)
        return outside if "@" in inside and "@" not in outside else inside if "@" not in inside else ""
    name, _address = parseaddr(part)
    return name if "@" not in name else ""


def _is_name(part: str, own: set[str]) -> bool:
    words = part.split()
    lowered = {w.lower().strip(",.") for w in words}
    return (
        0 < len(words) <= _MAX_WORDS
        and not _ACRONYM.match(part)  # "CNN", "AP", "MS"
        and outlet_key(part) not in own
        and part.lower() not in _AGENCIES
        and not lowered & _OUTLET_WORDS
        and not re.search(r"\d|https?:|www\.|\.\w{2,3}$", part)
    )


def outlet_key(name: str) -> str:
    """A name as outlets are compared: case, accents of nothing, "www." and ".com" and punctuation left out."""
    name = name.casefold().strip()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name)
    name = re.sub(r"\.(?:com|co\.uk|org|net|info|co|news)$|\s+com$", "", name)
    return re.sub(r"\W+", "", name)
