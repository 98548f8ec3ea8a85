"""Finding a quoted passage again after its article changed (W3C Web Annotation text selectors).

A bookmark keeps the passage (`exact`), up to CONTEXT characters either side of it (`prefix`, `suffix`)
and its offsets, like a TextQuoteSelector plus a TextPositionSelector. `locate` re-attaches it to a body
that may have been edited; `locate_text` finds text a user typed or selected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .model import Span

CONTEXT = 32
FUZZY_MIN_RATIO = 0.8  # how alike an edited passage must still be to count as the same one
_PIECES = 24  # at most this many pieces of the passage are looked up to find where it went
_TRIES = 8  # at most this many places are compared in full (and occurrences of a piece counted)
_TOKEN = re.compile(r"\w+|[^\w\s]")  # words, and each punctuation mark on its own


@dataclass(frozen=True)
class Selector(Span):
    """The passage `exact` = body[start:end], with the text just before and after it."""

    exact: str
    prefix: str
    suffix: str


def selector_for(body: str, start: int, end: int) -> Selector:
    return Selector(
        start,
        end,
        exact=body[start:end],
        prefix=body[max(0, start - CONTEXT) : start],
        suffix=body[end : end + CONTEXT],
    )


def locate(body: str, sel: Selector) -> tuple[int, int, str] | None:
    """(start, end, "exact" or "fuzzy") of the passage in `body`, or None when it is no longer there.

    Of several exact occurrences, the one whose surroundings best match prefix and suffix wins, then
    the one nearest the old offset. Without an exact occurrence, the most similar stretch of about the
    same length near a piece of the passage is taken if it is at least FUZZY_MIN_RATIO alike.
    """
    if not sel.exact:
        return None
    hits = _occurrences(body, sel.exact)
    if hits:
        n = len(sel.exact)
        best = max(hits, key=lambda s: (_context_score(body, s, s + n, sel), -abs(s - sel.start)))
        return best, best + n, "exact"
    found = _fuzzy(body, sel)
    return (*found, "fuzzy") if found else None


def locate_text(body: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """Where `text` is in `body`: exactly, else with any run of whitespace matching any other; else None.

    Of several occurrences the one starting nearest `near` is taken (the first when `near` is None).
    """
    words = text.split()
    if not words:
        return None
    spans = [(s, s + len(text)) for s in _occurrences(body, text)]
    if not spans:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = [m.span() for m in pattern.finditer(body)]
    if not spans:
        return None
    return spans[0] if near is None else min(spans, key=lambda span: abs(span[0] - near))


def _occurrences(body: str, text: str) -> list[int]:
    """Every start of `text` in `body`, overlapping ones included."""
    found, i = [], body.find(text)
    while i >= 0:
        found.append(i)
        i = body.find(text, i + 1)
    return found


def _context_score(body: str, start: int, end: int, sel: Selector) -> int:
    """How many characters right before and right after [start, end) still match the prefix and suffix."""
    before, after = body[max(0, start - CONTEXT) : start], body[end : end + CONTEXT]
    same_before = 0
    while same_before < min(len(before), len(sel.prefix)) and before[-1 - same_before] == sel.prefix[-1 - same_before]:
        same_before += 1
    same_after = 0
    while same_after < min(len(after), len(sel.suffix)) and after[same_after] == sel.suffix[same_after]:
        same_after += 1
    return same_before + same_after


def _fuzzy(body: str, sel: Selector) -> tuple[int, int] | None:
    want = _TOKEN.findall(sel.exact)
    if sum(map(len, want)) < 8:
        return None  # too short to tell an edit from a different passage
    best: tuple[float, int, int, int] | None = None  # (likeness, -distance, start, end)
    for guess in _guesses(body, sel):
        found = _fit(body, sel.exact, want, guess)
        if found:
            likeness, s, e = found
            key = (likeness, -abs(s - sel.start), s, e)
            best = key if best is None or key > best else best
    if best is None or best[0] < FUZZY_MIN_RATIO:
        return None
    return best[2], best[3]


def _guesses(body: str, sel: Selector) -> list[int]:
    """Likely new starts of the passage: where its pieces, prefix or suffix are found, most agreed first."""
    exact, n = sel.exact, len(sel.exact)
    size = max(4, min(16, n // 4))
    step = max(1, (n - size) // (_PIECES - 1))
    votes: dict[int, int] = {}
    for offset in range(0, n - size + 1, step):
        for at in _occurrences(body, exact[offset : offset + size])[:_TRIES]:
            votes[at - offset] = votes.get(at - offset, 0) + 1
    if len(sel.prefix) >= 8:
        for at in _occurrences(body, sel.prefix)[:_TRIES]:
            votes[at + len(sel.prefix)] = votes.get(at + len(sel.prefix), 0) + 1
    if len(sel.suffix) >= 8:
        for at in _occurrences(body, sel.suffix)[:_TRIES]:
            votes[at - n] = votes.get(at - n, 0) + 1
    slack = max(8, n // 4)
    ranked = sorted(votes, key=lambda s: (-votes[s], abs(s - sel.start)))
    chosen: list[int] = []
    for s in ranked:  # guesses within `slack` of a better one would find the same stretch
        if all(abs(s - c) > slack for c in chosen):
            chosen.append(s)
        if len(chosen) == _TRIES:
            break
    return chosen


def _fit(body: str, exact: str, want: list[str], guess: int) -> tuple[float, int, int] | None:
    """(likeness, start, end) of the stretch of `body` near `guess` that lines up best with the passage.

    The passage is compared word by word (punctuation marks are words of their own), so a long one is
    quick; likeness is difflib's ratio counted in the characters of the matching words.
    """
    slack = max(8, len(exact) // 4)
    lo, hi = max(0, guess - slack), min(len(body), guess + len(exact) + slack)
    have = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(body, lo, hi)]
    if not have:
        return None
    blocks = [
        b for b in SequenceMatcher(None, [t for _, _, t in have], want, autojunk=False).get_matching_blocks() if b.size
    ]
    solid = [b for b in blocks if b.size >= min(2, len(want))]  # a lone "the" or "," may be anywhere
    if not solid:
        return None
    first, last = solid[0], solid[-1]  # words edited at either end still belong to the passage
    i = max(0, first.a - first.b)
    j = min(len(have), last.a + last.size + len(want) - last.b - last.size)
    matched = sum(len(want[b.b + k]) for b in blocks if first.a <= b.a < last.a + last.size for k in range(b.size))
    likeness = 2 * matched / (sum(len(t) for _, _, t in have[i:j]) + sum(map(len, want)))
    (start, _, head), (_, end, tail) = have[i], have[j - 1]
    if head != want[0] and head.endswith(want[0]):  # the passage began inside a word
        start += len(head) - len(want[0])
    if tail != want[-1] and tail.startswith(want[-1]):  # or ended inside one
        end -= len(tail) - len(want[-1])
    return likeness, start, end
