"""When a sentence says something happened: time expressions resolved against the document date.

Recognised, most specific first: absolute dates ("5 November 2024"); month
and year ("April 2024"); a month alone ("in April": the latest April not after
the document date); a weekday ("on Wednesday": the latest such day not after
it); "since YEAR" (an open range); decades ("in the 1970s"); years ("in
1949"); named periods ("the Korean War"). A sentence with none gets the
document date at precision ``unknown``.

>>> from datetime import date
>>> d = date(2024, 11, 1)
>>> [resolve(s, d) for s in ("in April", "in the 1970s", "since 2019")]  # doctest: +NORMALIZE_WHITESPACE
[TimeSpan(start=datetime.date(2024, 4, 1), end=datetime.date(2024, 4, 30), precision='month'),
 TimeSpan(start=datetime.date(1970, 1, 1), end=datetime.date(1979, 12, 31), precision='decade'),
 TimeSpan(start=datetime.date(2019, 1, 1), end=None, precision='year')]
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..model import TimeSpan
from .dates import MONTHS, find_date

__all__ = ["resolve", "NAMED_PERIODS"]

# Named periods: (start, end) as the historical record has them.
NAMED_PERIODS = {
    "korean war": (date(1950, 6, 25), date(1953, 7, 27)),
    "vietnam war": (date(1955, 11, 1), date(1975, 4, 30)),
    "cold war": (date(1947, 3, 12), date(1991, 12, 26)),
    "second world war": (date(1939, 9, 1), date(1945, 9, 2)),
    "world war ii": (date(1939, 9, 1), date(1945, 9, 2)),
    "first world war": (date(1914, 7, 28), date(1918, 11, 11)),
    "world war i": (date(1914, 7, 28), date(1918, 11, 11)),
    "gulf war": (date(1990, 8, 2), date(1991, 2, 28)),
    "iraq war": (date(2003, 3, 20), date(2011, 12, 18)),
}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_WORDS = "|".join(m for m in MONTHS if len(m) > 3 or m == "may")


def _month_span(year: int, month: int) -> TimeSpan:
    return TimeSpan(start=date(year, month, 1), end=date(year, month, calendar.monthrange(year, month)[1]),
                    precision="month")


def resolve(text: str, doc_date: date | None) -> TimeSpan:
    """The time span a sentence refers to."""
    low = text.lower()
    exact = find_date(text)
    if exact:
        return TimeSpan(start=exact, end=exact, precision="day")
    m = re.search(rf"\b({_MONTH_WORDS})\s+(1[89]\d\d|20\d\d)\b", low)
    if m:
        return _month_span(int(m.group(2)), MONTHS[m.group(1)])
    m = re.search(r"\bsince\s+(1[89]\d\d|20\d\d)\b", low)
    if m:
        return TimeSpan(start=date(int(m.group(1)), 1, 1), end=None, precision="year")
    m = re.search(r"\b(?:in\s+)?the\s+(1[89]\d|20\d)0s\b", low)
    if m:
        y = int(m.group(1)) * 10
        return TimeSpan(start=date(y, 1, 1), end=date(y + 9, 12, 31), precision="decade")
    m = re.search(r"\b(?:in|during|by)\s+(1[89]\d\d|20\d\d)\b", low)
    if m:
        y = int(m.group(1))
        return TimeSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="year")
    for name, (start, end) in NAMED_PERIODS.items():
        if name in low:
            return TimeSpan(start=start, end=end, precision="day")
    if doc_date:
        m = re.search(rf"\b(?:in|since|by|during)\s+({_MONTH_WORDS})\b", low)
        if m:
            month = MONTHS[m.group(1)]
            year = doc_date.year if month <= doc_date.month else doc_date.year - 1
            return _month_span(year, month)
        m = re.search(r"\bon\s+(" + "|".join(_WEEKDAYS) + r")\b", low)
        if m:
            back = (doc_date.weekday() - _WEEKDAYS[m.group(1)]) % 7
            day = doc_date - timedelta(days=back)
            return TimeSpan(start=day, end=day, precision="day")
        return TimeSpan(start=doc_date, end=doc_date, precision="unknown")
    return TimeSpan()
