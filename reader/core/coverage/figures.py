"""The coverage figures of a watchlist over a scope, computed in memory from the stored facts (store.py): the
articles in scope, which of them name each watched name, where and how often, and who is quoted in them.

Copies of one article (the same `ArticleRow.fingerprint`) count once, as their representative (the earliest
dated, then by id: `model.first_copy`), or with `per_outlet` once per distinct source. Articles without a date
count everywhere but in the periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from ..model import ArticleRow, copy_key, first_copy
from .matching import Match, matches, names_it
from .periods import check_period, day, label, labels_between
from .store import StoredFacts, paused_gc
from .values import PLACEMENTS, Count, Coverage, CoveredArticle, CoveredQuote, NameCoverage, Scope
from .watchlist import PROPERTY, SPONSOR, Watched, Watchlist

TOP_QUOTES = 5
WHOLE_LIBRARY = Scope()
NO_SOURCE = "(no source)"

Hits = list[tuple[ArticleRow, Match]]


def compute(
    rows: Iterable[ArticleRow],
    facts: StoredFacts,
    watchlist: Watchlist,
    scope: Scope = WHOLE_LIBRARY,
    by: str = "month",
    per_outlet: bool = False,
    in_scope_ids: Collection[str] | None = None,
) -> Coverage:
    """The figures of every watched name over the articles of `rows` in `scope` (`in_scope_ids`: a search's
    results, each with its copies), periods `by` week, month, quarter or year."""
    check_period(by)
    with paused_gc():
        return _compute(list(rows), facts, watchlist, scope, by, per_outlet, in_scope_ids)


def _compute(
    rows: list[ArticleRow],
    facts: StoredFacts,
    watchlist: Watchlist,
    scope: Scope,
    by: str,
    per_outlet: bool,
    in_scope_ids: Collection[str] | None,
) -> Coverage:
    kept = in_scope(rows, scope, in_scope_ids, per_outlet)
    by_hash: dict[str, list[tuple[int, ArticleRow]]] = defaultdict(list)  # with each row's place in `kept`
    for rank, row in enumerate(kept):
        if row.content_hash in facts.analysed:
            by_hash[row.content_hash].append((rank, row))
    analysed = sum(len(v) for v in by_hash.values())
    days = {r.id: d for r in kept if (d := day(r.date))}
    axis = labels_between(min(days.values()), max(days.values()), by) if days else []
    periods = {article_id: label(d, by) for article_id, d in days.items()}
    hits = {w.name: _hits(matches(facts, w), by_hash) for w in watchlist}
    sponsors_total = sum(len(hits[w.name]) for w in watchlist if w.kind == SPONSOR)
    names = tuple(
        _name(w, hits[w.name], facts, axis, periods, _share(w, len(hits[w.name]), sponsors_total)) for w in watchlist
    )
    return Coverage(scope, by, per_outlet, len(kept), names, unanalysed=len(kept) - analysed)


def in_scope(rows: list[ArticleRow], scope: Scope, ids: Collection[str] | None, per_outlet: bool) -> list[ArticleRow]:
    """The rows in the date range (inclusive; undated rows only when no bound is set), of the scope's outlet and
    among `ids` with their copies, after the copies rule, in date order (undated last)."""
    if ids is not None:
        keys = {copy_key(r) for r in rows if r.id in ids}
        rows = [r for r in rows if copy_key(r) in keys]
    if scope.date_from or scope.date_to:
        low, high = scope.date_from or "0000-00-00", scope.date_to or "9999-99-99"
        rows = [r for r in rows if r.date and low <= r.date[:10] <= high]
    if scope.source:
        rows = [r for r in rows if r.source == scope.source]
    groups: dict[tuple, ArticleRow] = {}
    for r in rows:
        group = (copy_key(r), r.source) if per_outlet else (copy_key(r),)
        best = groups.get(group)
        if best is None or first_copy(r) < first_copy(best):
            groups[group] = r
    return sorted(groups.values(), key=first_copy)


def _hits(found: dict[str, Match], by_hash: dict[str, list[tuple[int, ArticleRow]]]) -> Hits:
    ranked = [(rank, row, m) for h, m in found.items() for rank, row in by_hash.get(h, ())]
    ranked.sort(key=lambda hit: hit[0])
    return [(row, m) for _, row, m in ranked]


def _share(w: Watched, articles: int, total: int) -> float | None:
    if w.kind != SPONSOR:
        return None
    return articles / total if total else 0.0


def _name(
    w: Watched, hits: Hits, facts: StoredFacts, axis: list[str], periods: dict[str, str], share: float | None
) -> NameCoverage:
    return NameCoverage(
        watched=w,
        articles=tuple(_covered(row, m) for row, m in hits),
        mentions=sum(m.mentions for _, m in hits),
        share_of_voice=share,
        placement=_placement(hits),
        periods=_periods(hits, axis, periods),
        speakers=_speakers(hits, facts),
        sources=_sources(hits),
        named_without_sponsor=tuple(_covered(row, m) for row, m in hits if w.kind == PROPERTY and m.unsponsored_only),
        quotes=top_quotes(w, hits, facts),
    )


def _covered(row: ArticleRow, m: Match) -> CoveredArticle:
    return CoveredArticle(row.id, row.title, row.source, row.date, PLACEMENTS[m.place], m.mentions)


def _counts(labels: Sequence[str], ids: dict[str, list[str]], values: dict[str, int] | None = None) -> tuple:
    return tuple(Count(lb, values[lb] if values else len(ids.get(lb, ())), tuple(ids.get(lb, ()))) for lb in labels)


def _placement(hits: Hits) -> tuple[Count, ...]:
    ids: dict[str, list[str]] = defaultdict(list)
    for row, m in hits:
        ids[PLACEMENTS[m.place]].append(row.id)
    return _counts(PLACEMENTS, ids)


def _periods(hits: Hits, axis: list[str], periods: dict[str, str]) -> tuple[Count, ...]:
    ids: dict[str, list[str]] = defaultdict(list)
    for row, _ in hits:
        period = periods.get(row.id)
        if period:
            ids[period].append(row.id)
    return _counts(axis, ids)


def _speakers(hits: Hits, facts: StoredFacts) -> tuple[Count, ...]:
    quotes: dict[str, int] = defaultdict(int)
    ids: dict[str, list[str]] = defaultdict(list)
    for row, _ in hits:
        for speaker, _text in facts.quotes.get(row.content_hash, ()):
            if speaker:
                quotes[speaker] += 1
                if not ids[speaker] or ids[speaker][-1] != row.id:
                    ids[speaker].append(row.id)
    order = sorted(quotes, key=lambda s: (-quotes[s], s.casefold()))
    return _counts(order, ids, quotes)


def _sources(hits: Hits) -> tuple[Count, ...]:
    ids: dict[str, list[str]] = defaultdict(list)
    for row, _ in hits:
        ids[row.source or NO_SOURCE].append(row.id)
    return _counts(sorted(ids, key=lambda s: (-len(ids[s]), s.casefold())), ids)


def top_quotes(w: Watched, hits: Hits, facts: StoredFacts, count: int = TOP_QUOTES) -> tuple:
    """Up to `count` speech quotes of the name's articles with a speaker: those whose text names it first, then
    the others, each group oldest first."""
    naming: list[CoveredQuote] = []
    others: list[CoveredQuote] = []
    for row, _ in hits:
        for speaker, text in facts.quotes.get(row.content_hash, ()):
            if not speaker:
                continue
            quote = CoveredQuote(text, speaker, row.id, row.title, row.source, row.date)
            if names_it(facts, w, text):
                naming.append(quote)
                if len(naming) == count:
                    return tuple(naming)
            elif len(others) < count:
                others.append(quote)
    return tuple((naming + others)[:count])
