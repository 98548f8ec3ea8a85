"""The coverage charts, drawn with matplotlib onto a Figure the caller gives: the Qt view embeds it, the PDF and the
PNG/SVG exports save it. Every bar or point comes back with the Count behind it, so a click leads to its articles.

matplotlib is imported only when a chart is drawn, and never pyplot: a Figure needs no backend.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .values import PLACEMENTS, Count, Coverage, NameCoverage
from .watchlist import SPONSOR

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Pickable = tuple[Any, str, Count]  # (the artist clicked, the watched name, the Count behind it)

EMPTY = "No coverage in this scope"
# a name keeps its colour in every chart: the colour of its place in the watchlist (matplotlib's tab10, then lighter)
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7",
           "#dbdb8d", "#9edae5")  # fmt: skip
PLACEMENT_COLOURS = dict(zip(PLACEMENTS, ("#08306b", "#2171b5", "#6baed6", "#fd8d3c", "#bdbdbd")))
MAX_TICKS = 12  # period labels shown at most; the others are thinned out
GAP = 6  # more periods in a row than this without an article of any name shown are drawn as one gap
GAP_LABEL = "…"
LABEL_CHARS = 32  # a longer name or outlet is cut with "…" on an axis


def colours(coverage: Coverage) -> dict[str, str]:
    """Each watched name's colour, by its place in the watchlist (the order of coverage.names)."""
    return {n.name: PALETTE[i % len(PALETTE)] for i, n in enumerate(coverage.names)}


def mentions_over_time(figure: Figure, coverage: Coverage, names: Sequence[str] | None = None) -> list[Pickable]:
    """Articles per period, one line per name; each point is pickable with its period's Count. A long run of
    periods in which none of the names has an article is drawn as one gap, "…", so that a stray old article
    does not squeeze the rest of the chart into its right edge."""
    chosen = [n for n in _chosen(coverage, names) if n.periods]
    if _empty(figure, chosen, lambda n: any(c.value for c in n.periods)):
        return []
    periods = sorted({c.label for n in chosen for c in n.periods})
    slots, at = _slots(periods, {c.label for n in chosen for c in n.periods if c.value})
    gaps = [i for i, slot in enumerate(slots) if slot == GAP_LABEL]
    ax = _axes(figure, f"Articles per {coverage.by}", ylabel="articles")
    palette, picks = colours(coverage), []
    size = 5 if len(slots) <= 40 else 3
    for n in chosen:
        line = [(at[c.label], float(c.value)) for c in n.periods if c.label in at]
        xs = [x for x, _ in line]
        line += [(g, float("nan")) for g in gaps if xs and min(xs) < g < max(xs)]  # the line breaks at a gap
        line.sort()
        ax.plot([x for x, _ in line], [y for _, y in line], color=palette[n.name], label=_short(n.name), linewidth=1.5)
        # a point where there are articles to list: an empty period has none to click through to
        for count in (c for c in n.periods if c.value):
            (point,) = ax.plot(
                [at[count.label]], [count.value], "o", color=palette[n.name], markersize=size, picker=True,
                clip_on=False,
            )  # fmt: skip
            point.set_pickradius(6)
            picks.append((point, n.name, count))
    for g in gaps:
        ax.axvspan(g - 0.5, g + 0.5, color="#000000", alpha=0.06, linewidth=0)
    _period_ticks(ax, slots, gaps)
    ax.set_ylim(bottom=0)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _legend(ax, len(chosen))
    return picks


def _slots(periods: Sequence[str], busy: set[str]) -> tuple[list[str], dict[str, int]]:
    """The x axis: each period in order, except that a run of more than GAP periods outside `busy` is one
    GAP_LABEL slot between busy periods, and none before the first or after the last; and each shown
    period's place on it."""
    slots: list[str] = []
    at: dict[str, int] = {}
    run: list[str] = []

    def end_run(last: bool) -> None:
        if len(run) > GAP:
            if slots and not last:  # a long empty run at either end says nothing: it is left out
                slots.append(GAP_LABEL)
        else:
            for label in run:
                at[label] = len(slots)
                slots.append(label)
        run.clear()

    for label in periods:
        if label in busy:
            end_run(last=False)
            at[label] = len(slots)
            slots.append(label)
        else:
            run.append(label)
    end_run(last=True)
    return slots, at


def share_of_voice(figure: Figure, coverage: Coverage, names: Sequence[str] | None = None) -> list[Pickable]:
    """The watched sponsors' share of voice as horizontal bars in %; a bar picks the sponsor's articles."""
    sponsors = [n for n in _chosen(coverage, names) if n.watched.kind == SPONSOR and n.share_of_voice is not None]
    if _empty(figure, sponsors, lambda n: bool(n.share_of_voice)):
        return []
    ax = _axes(figure, "Share of voice among the watched sponsors", xlabel="% of the sponsors' articles")
    palette = colours(coverage)
    shares = [100 * (n.share_of_voice or 0.0) for n in sponsors]
    bars = ax.barh(range(len(sponsors)), shares, color=[palette[n.name] for n in sponsors])
    ax.bar_label(bars, labels=[f"{s:.1f}%" for s in shares], padding=3, fontsize=8)
    _name_axis(ax, [n.name for n in sponsors])
    ax.set_xlim(0, max(100.0, *shares) * 1.12)
    return [_pick(bar, n.name, _all_articles(n)) for bar, n in zip(bars, sponsors)]


def placement(figure: Figure, coverage: Coverage, names: Sequence[str] | None = None) -> list[Pickable]:
    """Per name, its articles stacked by their most prominent placement; each segment picks its placement's Count."""
    chosen = _chosen(coverage, names)
    if _empty(figure, chosen, lambda n: bool(n.articles)):
        return []
    ax = _axes(figure, "Where the name appears (most prominent place per article)", xlabel="articles")
    picks, left = [], [0] * len(chosen)
    for i, where in enumerate(PLACEMENTS):
        column = [n.placement[i] for n in chosen]
        bars = ax.barh(range(len(chosen)), [c.value for c in column], left=left, label=where,
                       color=PLACEMENT_COLOURS[where])  # fmt: skip
        picks += [_pick(bar, n.name, c) for bar, n, c in zip(bars, chosen, column) if c.value]
        left = [x + c.value for x, c in zip(left, column)]
    _name_axis(ax, [n.name for n in chosen])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, ncols=len(PLACEMENTS), loc="lower center", bbox_to_anchor=(0.5, 1.06), frameon=False)
    return picks


def top_outlets(figure: Figure, coverage: Coverage, names: Sequence[str] | None = None, top: int = 10):
    """The top sources by articles (one bar per name and source), coloured by name."""
    return _top(figure, coverage, names, top, lambda n: n.sources, "Top outlets", "articles")


def top_spokespeople(figure: Figure, coverage: Coverage, names: Sequence[str] | None = None, top: int = 10):
    """The most quoted speakers in the articles naming each name (one bar per name and speaker), coloured by name."""
    return _top(figure, coverage, names, top, lambda n: n.speakers, "Top spokespeople", "quotes")


ChartFunction = Callable[..., list[Pickable]]
CHARTS: dict[str, ChartFunction] = {
    "mentions": mentions_over_time,
    "share_of_voice": share_of_voice,
    "placement": placement,
    "outlets": top_outlets,
    "spokespeople": top_spokespeople,
}


def _top(figure, coverage, names, top, counts_of, title, unit) -> list[Pickable]:
    chosen = _chosen(coverage, names)
    pairs = [(n, c) for n in chosen for c in counts_of(n) if c.value]
    if _empty(figure, pairs, lambda pair: True):
        return []
    pairs = sorted(pairs, key=lambda pair: -pair[1].value)[:top]
    ax = _axes(figure, title, xlabel=unit)
    palette = colours(coverage)
    bars = ax.barh(range(len(pairs)), [c.value for _, c in pairs], color=[palette[n.name] for n, _ in pairs])
    several = len({n.name for n, _ in pairs}) > 1
    _name_axis(ax, [f"{_short(c.label)} · {_short(n.name)}" if several else c.label for n, c in pairs])
    ax.xaxis.get_major_locator().set_params(integer=True)
    return [_pick(bar, n.name, c) for bar, (n, c) in zip(bars, pairs)]


def _chosen(coverage: Coverage, names: Sequence[str] | None) -> list[NameCoverage]:
    if names is None:
        return list(coverage.names)
    wanted = {name.casefold() for name in names}
    return [n for n in coverage.names if n.name.casefold() in wanted]


def _empty(figure: Figure, items: Sequence, has_value: Callable[[Any], bool]) -> bool:
    """Start the figure afresh; when nothing has a value, say so on it and tell the caller to draw nothing more."""
    figure.clear()
    figure.set_layout_engine("constrained")
    if any(has_value(item) for item in items):
        return False
    figure.text(0.5, 0.5, EMPTY, ha="center", va="center", fontsize=12, color="#555555")
    return True


def _axes(figure: Figure, title: str, xlabel: str = "", ylabel: str = ""):
    ax = figure.add_subplot()
    ax.set_title(title, fontsize=11)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    return ax


def _name_axis(ax, labels: Sequence[str]) -> None:
    """Names down the side, the first at the top."""
    ax.set_yticks(range(len(labels)), [_short(label) for label in labels])
    ax.invert_yaxis()


def _period_ticks(ax, periods: Sequence[str], gaps: Sequence[int] = ()) -> None:
    """At most about MAX_TICKS period labels, evenly thinned. A gap's "…" always, and, where the labels have
    the room, the first period and the one after each gap; thinned labels keep clear of those."""
    step = max(1, -(-len(periods) // MAX_TICKS))
    fixed = {*gaps, *((0, *(g + 1 for g in gaps if g + 1 < len(periods))) if gaps and step <= 3 else ())}
    shown = sorted({*fixed, *(i for i in range(0, len(periods), step) if all(abs(i - f) >= step for f in fixed))})
    ax.set_xticks(shown, [periods[i] for i in shown], rotation=45, ha="right")
    ax.set_xlim(-0.5, len(periods) - 0.5)


def _legend(ax, count: int) -> None:
    ax.legend(fontsize=7, ncols=max(1, -(-count // 10)), loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _pick(artist, name: str, count: Count) -> Pickable:
    artist.set_picker(True)
    return (artist, name, count)


def _all_articles(n: NameCoverage) -> Count:
    return Count(n.name, len(n.articles), tuple(a.id for a in n.articles))
