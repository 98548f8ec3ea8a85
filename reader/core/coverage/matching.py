"""Which articles name a watched name, from the stored facts: an article counts if any of the name's forms (its
name and aliases, keyed as facts.py keys them) occurs in it.

Forms inside one another ("Premier League" in "Barclays Premier League") are not counted twice: an occurrence
of the longer form is taken out of the shorter one's count.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import key, occurrences, words
from .store import StoredFacts
from .watchlist import Watched, Watchlist


@dataclass(frozen=True)
class Match:
    """How one article names a watched name."""

    mentions: int  # every occurrence of any of its forms
    place: int  # its most prominent placement, an index into PLACEMENTS
    unsponsored_only: bool  # named only by unsponsored forms (a property with a sponsor)


def keys_of(watchlist: Watchlist) -> set[str]:
    """Every form key the watchlist asks for."""
    return {k for w in watchlist for k in _keys(w)}


def _keys(w: Watched) -> list[str]:
    return [k for k in dict.fromkeys(key(f) for f in w.forms) if k]


def matches(facts: StoredFacts, w: Watched) -> dict[str, Match]:
    """content hash -> Match, for every article that names `w`; kept with the facts, made once per name."""
    memo = ("matches", w)
    if memo not in facts.memo:
        facts.memo[memo] = _matches(facts, w)
    return facts.memo[memo]


def _matches(facts: StoredFacts, w: Watched) -> dict[str, Match]:
    keys = _keys(w)
    unsponsored = {key(f) for f in w.unsponsored_forms} & set(keys)
    inside = {(a, b): occurrences(a.split(), b.split()) for a in keys for b in keys if a != b}
    longest_first = sorted(keys, key=lambda k: -len(k.split()))
    found: dict[str, Match] = {}
    for h in {h for k in keys for h in facts.forms.get(k, {})}:
        seen = {k: facts.forms.get(k, {}).get(h, (0, 99)) for k in keys}
        own: dict[str, int] = {}
        for a in longest_first:  # each occurrence counted in the longest form it is part of
            own[a] = max(0, seen[a][0] - sum(own[b] * inside[a, b] for b in own if inside[a, b]))
        mentions = max(sum(own.values()), max(n for n, _ in seen.values()))
        place = min(p for n, p in seen.values() if n)
        named_sponsored = any(seen[k][0] for k in keys if k not in unsponsored)
        found[h] = Match(mentions, place, bool(unsponsored) and not named_sponsored)
    return found


def names_it(facts: StoredFacts, w: Watched, text: str) -> bool:
    """Whether `text` (a quote) names `w` by any of its forms."""
    memo = ("quote", w, text)
    if memo not in facts.memo:
        said = words(text)
        facts.memo[memo] = any(occurrences(k.split(), said) for k in _keys(w))
    return facts.memo[memo]
