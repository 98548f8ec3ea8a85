"""Finding the names an article already knows again in its text, as whole words, without spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .values import Entity

_CAP_TOKEN = re.compile(r"(?<![\w'’-])[^\W\d_][\w-]*(?:['’](?!s\b)[^\W\d_][\w-]*)*")  # O’Gara, not England’s
# the same words, but never one that starts with a lowercase ASCII letter: a scan of the text skips most words
_CAP_START = re.compile(r"(?<![\w'’-])(?![a-z])[^\W\d_][\w-]*(?:['’](?!s\b)[^\W\d_][\w-]*)*")


def occurrences(text: str, forms) -> list[tuple[int, int]]:
    """Where `forms` (capitalised names of one to a few words) occur in `text` as whole words, longest
    first: a scan of its capitalised words and dictionary lookups, no pattern compiled per article."""
    forms = set(forms)
    if not forms:
        return []
    most = max(len(_CAP_TOKEN.findall(f)) if "." in f else f.count(" ") + 1 for f in forms)  # 'C.J. Banks': 3
    tokens = _capitalised(text)
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


@lru_cache(maxsize=4)  # an article's text is scanned for several kinds of names in a row
def _capitalised(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _CAP_START.finditer(text) if text[m.start()].isupper())


def with_untagged(text: str, found: list[Entity], names: set[str] | dict[str, str], label: str) -> list[Entity]:
    """`found` and the mentions of `names` it does not have, with `label`, where they overlap nothing; a
    dict of `names` gives each form its canonical name ('Adani' → 'Adani Group')."""
    if not names:
        return found
    canonical = names if isinstance(names, dict) else {}
    added = [
        Entity(s, e, text[s:e], label, canonical.get(text[s:e], text[s:e]))
        for s, e in occurrences(text, names)
        if not any(s < x.end and x.start < e for x in found)
    ]
    return sorted([*found, *added], key=lambda x: x.start) if added else found


def named_as(noun: str, orgs: list[Entity]) -> list[Entity]:
    """Of `orgs`, those whose name has `noun` as a word ('the league': the 'Premier League'; 'the airline':
    'Iberia Airlines'; 'the ministry': the 'Interior Ministry'), if any; else all of them."""
    if not noun:
        return orgs
    named = [e for e in orgs if any(w.lower().rstrip("s") == noun.rstrip("s") for w in e.canonical.split())]
    return named or orgs


def led_finditer(pattern: re.Pattern, lead: re.Pattern, text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)`'s matches, found faster: `lead` (a pattern that matches wherever `pattern` can
    start, without the leading lookbehind or `\\b` that makes the regex engine try `pattern` at every position)
    finds the places to try it. `pattern` never matches the empty string."""
    pos = 0
    while (at := lead.search(text, pos)) is not None:
        m = pattern.match(text, at.start())
        if m is None:
            pos = at.start() + 1
        else:
            yield m
            pos = m.end()


@lru_cache(maxsize=2048)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern built with a word or a name in it, compiled once for every article that asks for it again:
    such patterns, hundreds a library, kept in re's own 512-entry cache pushed its fixed ones out."""
    return re.compile(pattern, flags)
