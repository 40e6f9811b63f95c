"""Dates in news metadata: read one date in the formats news archives use, label its period.

:func:`parse_date` reads ISO 8601 and the common news formats (:data:`DATE_FORMATS`,
described in :data:`DATE_HELP`); a time and a zone after the date are ignored, so the day is the
one written. Day and month written as numbers in either order (``01/02/2020``) are refused as
ambiguous. :func:`period` labels a day's year, month, ISO week or day so that the labels sort
as text in time order. :mod:`textkit.groups` uses both for ``group_by`` values such as
``date:month``.
"""

from __future__ import annotations

import datetime
import re

#: Periods of a date, as in ``group_by`` ``date:month``.
PERIODS = ("year", "month", "week", "day")

_MONTHS = {name: number for number, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"),
    start=1) for name in names.split()}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?")
_TIME = r"(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
_ZONE = r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|(?-i:UTC|GMT)))?"
_CLOCK = (r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
          r"(?:\s*(?:[+-]\d{2}:?\d{2}|(?-i:[A-Z]{1,5})))?)?")
_TRAILING_DAY = r"(?:,?\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)?"

#: The date formats :func:`parse_date` reads: (name, pattern, order of year, month, day groups).
DATE_FORMATS = (
    ("ISO 8601", re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + _ZONE), "ymd"),
    ("year/month/day", re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})" + _TIME), "ymd"),
    ("day.month.year", re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME), "dmy"),
    ("Month day, year", re.compile(
        _WEEKDAY + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _CLOCK + _TRAILING_DAY,
        re.IGNORECASE), "mdy"),
    ("day Month year", re.compile(
        _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})" + _CLOCK
        + _TRAILING_DAY, re.IGNORECASE), "dmy"),
)

#: How the accepted formats are described in messages.
DATE_HELP = (
    "dates are read in ISO 8601 (2020-01-31, 2020-01-31T09:30:00+01:00), 2020/01/31, "
    "31.01.2020, January 31, 2020 (Jan. 31, 2020; Friday, January 31, 2020) and 31 January "
    "2020 (Fri, 31 Jan 2020 09:30:00 +0000), with an optional time, which is ignored; "
    "12/01/2020 is refused because day and month are ambiguous"
)

_AMBIGUOUS = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b.*")


def parse_date(value) -> datetime.date:
    """Read one date (the formats of :data:`DATE_FORMATS`); a time and zone are ignored.

    The day is the one written: ``2020-01-31T23:30:00-05:00`` is 31 January, whatever the zone.

    Parameters
    ----------
    value : str, datetime.date or pandas.Timestamp
        The cell.

    Returns
    -------
    datetime.date

    Raises
    ------
    ValueError
        With the reason: not a date format read here, ambiguous day and month, or a day that is
        not in the calendar.

    Examples
    --------
    >>> [str(parse_date(v)) for v in ["2020-01-31", "Friday, January 31, 2020",
    ...     "Fri, 31 Jan 2020 09:30:00 +0000", "Jan. 31, 2020 at 9:30 a.m. EST", "31.01.2020"]]
    ['2020-01-31', '2020-01-31', '2020-01-31', '2020-01-31', '2020-01-31']
    >>> parse_date("01/02/2020")
    Traceback (most recent call last):
    ...
    ValueError: day and month are ambiguous
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = " ".join(str(value).split())
    for _, pattern, order in DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match:
            parts = dict(zip(order, match.groups()))
            month = parts["m"] if parts["m"].isdigit() else _MONTHS[parts["m"].lower()]
            try:
                return datetime.date(int(parts["y"]), int(month), int(parts["d"]))
            except ValueError:
                raise ValueError("not a day of the calendar") from None
    if _AMBIGUOUS.fullmatch(text):
        raise ValueError("day and month are ambiguous")
    raise ValueError("not a date in a format textkit reads")


def period(day: datetime.date, name: str) -> str:
    """The label of the period ``name`` (``year``, ``month``, ``week``, ``day``) of a day.

    Examples
    --------
    >>> day = datetime.date(2019, 12, 30)
    >>> [period(day, name) for name in PERIODS]
    ['2019', '2019-12', '2020-W01', '2019-12-30']
    """
    if name == "year":
        return f"{day.year:04d}"
    if name == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if name == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()
