"""Periods of coverage: an article's date as its week (`2026-W03`, ISO), month (`2026-01`), quarter (`2026-Q1`)
or year (`2026`), and every period between two dates."""

from __future__ import annotations

import datetime as dt

from ..errors import ReaderError
from .values import PERIODS


class CoverageError(ReaderError):
    """A coverage request cannot be answered: a bad date or an unknown period."""


def parse_date(text: str, what: str = "date") -> str:
    """An ISO date (YYYY-MM-DD) as given, or CoverageError naming it."""
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise CoverageError(f"{what} {text!r} is not a date (write it YYYY-MM-DD)") from None


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise CoverageError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
    return by


def day(date: str | None) -> dt.date | None:
    """The calendar day of an article's date ("2026-01-15", "2026-01-15T09:00"); None if it has none."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def label(d: dt.date, by: str) -> str:
    if by == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{d.year}-{d.month:02d}"
    if by == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


def labels_between(first: dt.date, last: dt.date, by: str) -> list[str]:
    """Every period from the one holding `first` to the one holding `last`, in order."""
    out: list[str] = []
    d = first - dt.timedelta(days=first.weekday()) if by == "week" else first.replace(day=1)
    while d <= last:
        out.append(label(d, by))
        d = _next(d, by)
    return out


def _next(d: dt.date, by: str) -> dt.date:
    if by == "week":
        return d + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    if by == "quarter":
        d = d.replace(month=(d.month - 1) // 3 * 3 + 1)
    elif by == "year":
        d = d.replace(month=1)
    total = d.year * 12 + d.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)
