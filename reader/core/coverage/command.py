"""`press-reader coverage`: the figures of a watchlist over a scope, as a table, JSON or a report file.

The index is brought up to date first and articles not yet analysed are analysed (as `index` would), so that
the figures count every article; what is analysed already is never analysed again.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from ..up_to_date import bring_up_to_date
from .periods import CoverageError, check_period, parse_date
from .values import PERIODS, Coverage, NameCoverage, Scope
from .watchlist import Watchlist, WatchlistError, load

REPORT_FORMATS = ("csv", "xlsx", "pdf")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `press-reader coverage` (the command line adds them when the command is used)."""
    p.add_argument("--watchlist", metavar="FILE", help="a CSV of name,kind,aliases,sponsor (default: the app's)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE (YYYY-MM-DD)")
    p.add_argument("--query", default="", metavar="Q", help="only the articles this search finds")
    p.add_argument("--source", metavar="NAME", help="only the articles of this outlet (its name as the list shows it)")
    p.add_argument("--by", default="month", metavar="PERIOD", help=f"{'|'.join(PERIODS)} (default month)")
    p.add_argument("--per-outlet", action="store_true", help="count a syndicated article once per outlet")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--format", choices=REPORT_FORMATS, help="write a report (needs --output)")
    p.add_argument("--output", metavar="FILE", help="the report's file (for csv: a folder, one file per table)")


def run_coverage(args, data: Path, open_library: Callable) -> int:
    """Check the request, then open the library, count and print or write. Bad input: CoverageError."""
    scope = Scope(
        parse_date(args.date_from, "--from") if args.date_from else None,
        parse_date(args.date_to, "--to") if args.date_to else None,
        args.query.strip(),
        (args.source or "").strip() or None,
    )
    if scope.date_from and scope.date_to and scope.date_from > scope.date_to:
        raise CoverageError(f"--from {scope.date_from} is after --to {scope.date_to}")
    by = check_period(args.by)
    if args.format and not args.output:
        raise CoverageError("--format needs --output FILE")
    watchlist = _watchlist(args.watchlist, data)
    library = open_library()
    try:
        done = bring_up_to_date(library, "counting", "analysing {} for names and quotes first", _progress)
        # the rows' analysis counts may be out of date, but coverage reads the facts, not them
        rows = done.rows if done.rows is not None else library.rows()
        coverage = library.coverage(watchlist, scope, by, args.per_outlet, rows=rows)
    finally:
        library.close()
    if args.format:
        _write_report(coverage, args.format, Path(args.output).expanduser())
    elif args.json:
        json.dump(coverage.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(table(coverage)))
    return 0


def _watchlist(path: str | None, data: Path) -> Watchlist:
    if not path:
        return load(data)
    try:
        text = Path(path).expanduser().read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise WatchlistError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    return Watchlist.from_csv(text, path)


def _progress(done: int, total: int) -> None:
    if done and (done == total or done % max(1, total // 10) == 0):
        print(f"  analysed {done:,} of {total:,}", file=sys.stderr)


def _write_report(coverage: Coverage, fmt: str, output: Path) -> None:
    from .reports import write_report  # matplotlib, openpyxl and reportlab: imported only for a report

    written = write_report(coverage, fmt, output)
    where = output if len(written) != 1 else written[0]
    print(f"wrote {_counted(len(written), 'file')}: {where}")


def table(coverage: Coverage) -> list[str]:
    """The figures as plain lines: a block per watched name that is covered, then how many are not."""
    unanalysed = f" ({coverage.unanalysed:,} not analysed, not counted)" if coverage.unanalysed else ""
    copies = "once per outlet" if coverage.per_outlet else "copies once"
    lines = [f"Coverage of {coverage.scope.describe()}: {_counted(coverage.articles, 'article')}, {copies}{unanalysed}"]
    covered = [n for n in coverage.names if n.articles]
    for n in covered:
        lines += ["", *_block(n, coverage.by)]
    missing = len(coverage.names) - len(covered)
    if missing:
        lines += ["", f"{_counted(missing, 'watched name')} not found in these articles"]
    return lines


def _block(n: NameCoverage, by: str) -> list[str]:
    share = f", share of voice {n.share_of_voice:.0%}" if n.share_of_voice is not None else ""
    lines = [
        f"{n.name} ({n.watched.kind}): {_counted(len(n.articles), 'article')}, {_counted(n.mentions, 'mention')}{share}"
    ]
    rows = (
        ("placement", n.placement),
        (f"by {by}", tuple(c for c in n.periods if c.value)),  # the JSON keeps the empty periods too
        ("outlets", n.sources),
        ("spokespeople", n.speakers),
    )
    for title, counts in rows:
        if counts:
            lines.append(f"  {title}: " + " · ".join(f"{c.label} {c.value:,}" for c in counts))
    if n.named_without_sponsor:
        lines.append(f"  named without its sponsor: {len(n.named_without_sponsor)}")
        lines += [f"    {a.title} ({a.date or 'no date'}) {a.id}" for a in n.named_without_sponsor]
    return lines


def _counted(n: int, noun: str) -> str:
    """ "1 article", "2,000 articles"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
