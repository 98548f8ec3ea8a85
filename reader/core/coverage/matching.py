"""Which articles name a watched name, from the stored facts: an article counts if any of the name's forms (its
name and aliases, keyed as facts.py keys them) occurs in it. A form in capitals ("ANA", "GE") counts only where
the article writes it in capitals; any other form counts in any case.

Forms inside one another ("Premier League" in "Barclays Premier League") are not counted twice: an occurrence
of the longer form is taken out of the shorter one's count.

An article also counts where an entity mention carries one of the forms as its canonical name, whatever its
words ("Man Utd" tagged as Manchester United). Its mentions are the larger of the forms' occurrences and the
entity mentions that carry one of them, not their sum: "ANA" tagged as All Nippon Airways is one place in the
text, counted by both. The larger is short of the places only in an article that names it both by words no
mention carrying it covers and by a mention whose words are none of its forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import capitals_key, carried, key, occurrences, words, written
from .store import StoredFacts
from .watchlist import Watched, Watchlist


@dataclass(frozen=True)
class Match:
    """How one article names a watched name."""

    mentions: int  # the places in the text that name it
    place: int  # its most prominent placement, an index into PLACEMENTS
    unsponsored_only: bool  # named only by unsponsored forms (a property with a sponsor)


def keys_of(watchlist: Watchlist) -> set[str]:
    """Every form key the watchlist asks for: each form's words and the mentions that carry it."""
    return {c for w in watchlist for k in _keys(w) for c in (k, carried(k))}


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
    articles = {k: facts.forms.get(k, {}) for k in keys}
    # a canonical name in capitals ("ANA") is also kept without case: its mentions are counted once
    tagged = {k: facts.forms.get(carried(k), {}) for k in keys if not (capitals_key(k) and k.casefold() in keys)}
    found: dict[str, list] = {}  # hash -> [occurrences, place, named by a sponsored form, carried mentions]
    for k, counted, index in [(k, articles[k], 0) for k in keys] + [(k, tagged[k], 3) for k in tagged]:
        sponsored = k not in unsponsored
        for h, (n, place) in counted.items():
            acc = found.get(h)
            if acc is None:
                acc = found[h] = [0, place, False, 0]
            acc[index] += n
            acc[1] = min(acc[1], place)
            acc[2] = acc[2] or sponsored
    inside = {(a, b): occurrences(a.casefold().split(), b.casefold().split()) for a in keys for b in keys if a != b}
    if any(inside.values()):
        for h, acc in found.items():
            acc[0] = _without_overlaps(keys, inside, {k: articles[k].get(h, (0, 0))[0] for k in keys})
    return {
        h: Match(max(n, n_tagged), place, bool(unsponsored) and not named)
        for h, (n, place, named, n_tagged) in found.items()
    }


def _without_overlaps(keys: list[str], inside: dict[tuple[str, str], int], seen: dict[str, int]) -> int:
    """The occurrences of forms that stand inside one another, each counted in the longest form it is part of."""
    own: dict[str, int] = {}
    for a in sorted(keys, key=lambda k: -len(k.split())):
        own[a] = max(0, seen[a] - sum(own[b] * inside[a, b] for b in own if inside[a, b]))
    return max(sum(own.values()), max(seen.values()))


def names_it(facts: StoredFacts, w: Watched, text: str) -> bool:
    """Whether `text` (a quote) names `w` by any of its forms."""
    memo = ("quote", w, text)
    if memo not in facts.memo:
        said, as_written = words(text), written(text)
        facts.memo[memo] = any(occurrences(k.split(), as_written if capitals_key(k) else said) for k in _keys(w))
    return facts.memo[memo]
