"""Dates as the format readers find them (ISO, RFC 2822, PDF, written out, in other languages) made YYYY-MM-DD."""

from __future__ import annotations

import datetime as _dt
import re
import time
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ],
        start=1,
    )
    for name in names.split()
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I)
_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")


def iso_date(value) -> str | None:
    """YYYY-MM-DD from an ISO string, an RFC 2822 date, a PDF date, a struct_time or a datetime; else None."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _valid(value.year, value.month, value.day)
    text = str(value).strip()
    if text.startswith("D:") and text[2:10].isdigit():  # PDF: D:YYYYMMDDHHmmSS...
        return _valid(int(text[2:6]), int(text[6:8]), int(text[8:10]))
    m = _ISO.match(text)
    if m:
        return _valid(int(m["year"]), int(m["month"]), int(m["day"]))
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return date_in_text(text)
    return _valid(parsed.year, parsed.month, parsed.day)


def date_in_text(text: str) -> str | None:
    """The first written-out date in a line of text ("12 March 2024", "March 12, 2024", "2024-03-12")."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        m = pattern.search(text)
        if m:
            return _valid(int(m["year"]), _MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
    m = _ISO.search(text)
    return _valid(int(m["year"]), int(m["month"]), int(m["day"])) if m else None


def foreign_date(text, language: str | None = None) -> str | None:
    """YYYY-MM-DD of a date written in another language ("Seg, 24 Set 2018 19:42:40 -0300"), as written.

    Through dateparser (already installed for trafilatura's htmldate), imported only when a date needs it:
    absolute dates with day, month and year only, never "2 hours ago". `language` ("pt-br", "de") narrows
    the search; without it, the first call spends about a second loading every language's data.
    """
    if not isinstance(text, str) or not re.search(r"\d", text) or len(text) > 80:
        return None
    try:
        import dateparser
    except ImportError:
        return None
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    languages = [language.split("-")[0].lower()] if language and language.strip() else None
    # the weekday adds nothing, and not every dateparser knows each language's abbreviation ("Seg", "Mi.")
    text = re.sub(r"^[^\W\d]{2,15}\.?,?\s+(?=\d)", "", text.strip())
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # dateparser's own failures, e.g. beside a `regex` newer than it knows: no date, not no feed
        parsed = None
    if parsed is None and languages:  # a feed's language tag may be wrong or one dateparser does not know
        return foreign_date(text)
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    # a year outside this range is a parser's guess or a placeholder (0001-01-01), not a publication date
    if not 1800 <= year <= 2200:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_iso_date(value: str) -> bool:
    """Whether `value` starts with a real YYYY-MM-DD date."""
    try:
        _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return False
    return True
