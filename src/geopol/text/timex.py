"""When a sentence says something happened: time expressions resolved against the document date.

Recognised, most specific first: offsets from a known event ("six days after
Mao declared the founding of the People's Republic" is 1949-10-07); absolute
dates ("5 November 2024"); month
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

__all__ = ["resolve", "NAMED_PERIODS", "ANCHORS"]

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
# Dated events that texts count from ("six days after the founding of the People's Republic").
ANCHORS = {
    "founding of the people's republic": date(1949, 10, 1),
    "founding of the prc": date(1949, 10, 1),
    "founding of the dprk": date(1948, 9, 9),
    "korean war armistice": date(1953, 7, 27),
    "armistice agreement": date(1953, 7, 27),
    "fall of the berlin wall": date(1989, 11, 9),
    "collapse of the soviet union": date(1991, 12, 26),
    "dissolution of the soviet union": date(1991, 12, 26),
    "september 11 attacks": date(2001, 9, 11),
    "invasion of ukraine": date(2022, 2, 24),
    "annexation of crimea": date(2014, 3, 18),
}
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_UNITS = {"day": 1, "week": 7}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}


def _offset(low: str) -> TimeSpan | None:
    """"N days/weeks/months/years after/before <known event>"."""
    m = re.search(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(day|week|month|year)s?\s+(after|before)\b(.{0,120})",
                  low)
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
    anchor = next((d for name, d in ANCHORS.items() if name in m.group(4)), None)
    if anchor is None:
        return None
    sign = 1 if m.group(3) == "after" else -1
    unit = m.group(2)
    if unit in _UNITS:
        day = anchor + timedelta(days=sign * n * _UNITS[unit])
        return TimeSpan(start=day, end=day, precision="day")
    if unit == "month":
        month0 = anchor.year * 12 + anchor.month - 1 + sign * n
        return _month_span(month0 // 12, month0 % 12 + 1)
    y = anchor.year + sign * n
    return TimeSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="year")
_MONTH_WORDS = "|".join(m for m in MONTHS if len(m) > 3 or m == "may")


def _month_span(year: int, month: int) -> TimeSpan:
    return TimeSpan(start=date(year, month, 1), end=date(year, month, calendar.monthrange(year, month)[1]),
                    precision="month")


_AGO = re.compile(r"\b(a|an|one|\d+|" + "|".join(_NUMBERS) + r")\s+(day|week|month|year|decade)s?\s+ago\b")
_RELATIVE = re.compile(r"\b(last|past|previous|this|earlier this|later this|next|coming)\s+(week|month|year)\b")
_MONTH_DAY = None  # built below, once MONTHS is known


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    m0 = year * 12 + month - 1 + k
    return m0 // 12, m0 % 12 + 1


def _span(start: date, end: date, precision: str) -> TimeSpan:
    return TimeSpan(start=min(start, end), end=max(start, end), precision=precision)


def _relative(low: str, d: date, forward: bool) -> TimeSpan | None:
    """Expressions counted from the document's date: today, yesterday, Tuesday, last week, a year ago, July 22."""
    m = _AGO.search(low)
    if m:
        n = 1 if m.group(1) in ("a", "an", "one") else int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        unit = m.group(2)
        if unit == "day":
            day = d - timedelta(days=n)
            return _span(day, day, "day")
        if unit == "week":
            day = d - timedelta(days=7 * n)
            return _span(day - timedelta(days=3), day + timedelta(days=3), "day")
        if unit == "month":
            y, mo = _shift_month(d.year, d.month, -n)
            return _month_span(y, mo)
        years = n * (10 if unit == "decade" else 1)
        day = d.replace(year=d.year - years) if not (d.month == 2 and d.day == 29) else date(d.year - years, 2, 28)
        return _span(day - timedelta(days=183), day + timedelta(days=183), "year")
    if re.search(r"\b(today|tonight|this (?:morning|afternoon|evening))\b", low):
        return _span(d, d, "day")
    if re.search(r"\byesterday\b", low):
        return _span(d - timedelta(days=1), d - timedelta(days=1), "day")
    if re.search(r"\btomorrow\b", low):
        return _span(d + timedelta(days=1), d + timedelta(days=1), "day")
    m = _MONTH_DAY.search(low)
    if m:
        g = m.groupdict()
        month = MONTHS[g["m1"] or g["m2"]]
        day_n = int(g["d1"] or g["d2"])
        try:
            day = date(d.year, month, day_n)
        except ValueError:
            day = None
        if day is not None:
            if forward and day < d - timedelta(days=1):
                day = date(d.year + 1, month, day_n) if not (month == 2 and day_n == 29) else day
            elif not forward and day > d + timedelta(days=7):
                day = date(d.year - 1, month, day_n) if not (month == 2 and day_n == 29) else day
            return _span(day, day, "day")
    m = _RELATIVE.search(low)
    if m:
        which, unit = m.group(1), m.group(2)
        step = -1 if which in ("last", "past", "previous") else 1 if which in ("next", "coming") else 0
        if unit == "week":
            if step == 0:
                return _span(d - timedelta(days=6), d + (timedelta(days=6) if which == "later this" else timedelta(0)),
                             "day")
            mid = d + timedelta(days=7 * step)
            return _span(mid - timedelta(days=4), mid + timedelta(days=4), "day")
        if unit == "month":
            if step == 0:
                end = date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
                return _span(date(d.year, d.month, 1), end if which != "earlier this" else d, "month")
            y, mo = _shift_month(d.year, d.month, step)
            return _month_span(y, mo)
        if step == 0:
            return _span(date(d.year, 1, 1), d if which == "earlier this" else date(d.year, 12, 31), "year")
        return _span(date(d.year + step, 1, 1), date(d.year + step, 12, 31), "year")
    m = re.search(r"\b(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")\b", low)
    if m:
        wd = _WEEKDAYS[m.group(1)]
        if forward:
            ahead = (wd - d.weekday()) % 7
            day = d + timedelta(days=ahead)
        else:
            day = d - timedelta(days=(d.weekday() - wd) % 7)
        return _span(day, day, "day")
    return None


def resolve(text: str, doc_date: date | None, *, forward: bool = False, periods: bool = True) -> TimeSpan:
    """The time span a sentence (or a clause) refers to.

    ``forward``: the clause speaks of the future ("will arrive in April"),
    so a month, weekday or day without a year is the next one, not the last.
    ``periods``: whether a named period ("the Korean War") may date it; off
    for a whole sentence, where a period named in passing says nothing of
    when its other clauses happened.
    """
    low = text.lower().replace("’", "'")
    if not _ANY_TIME.search(low):  # most clauses say nothing of time: skip the expressions below
        return TimeSpan(start=doc_date, end=doc_date, precision="unknown") if doc_date else TimeSpan()
    offset = _offset(low)
    if offset:
        return offset
    exact = find_date(text)
    if exact:
        return TimeSpan(start=exact, end=exact, precision="day")
    m = re.search(rf"\b({_MONTH_WORDS})\s+(1[89]\d\d|20\d\d)\b", low)
    if m:
        return _month_span(int(m.group(2)), MONTHS[m.group(1)])
    m = re.search(r"\b(1[89]\d\d|20\d\d)\s*[/-]\s*(\d\d)\b(?!\d)", low)
    if m and int(m.group(2)) == (int(m.group(1)) + 1) % 100:  # a financial or school year: "1997/98"
        y = int(m.group(1))
        return TimeSpan(start=date(y, 1, 1), end=date(y + 1, 12, 31), precision="year")
    m = re.search(r"\bsince\s+(1[89]\d\d|20\d\d)\b", low)
    if m:
        return TimeSpan(start=date(int(m.group(1)), 1, 1), end=None, precision="year")
    m = re.search(r"\b(?:in\s+)?the\s+(1[89]\d|20\d)0s\b", low)
    if m:
        y = int(m.group(1)) * 10
        return TimeSpan(start=date(y, 1, 1), end=date(y + 9, 12, 31), precision="decade")
    m = re.search(r"\b(?:in|during|by|mid-|early|late|until|before|after)\s*(1[89]\d\d|20\d\d)\b", low)
    if m:
        y = int(m.group(1))
        return TimeSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="year")
    if periods:
        for name, (start, end) in NAMED_PERIODS.items():
            if name in low:
                return TimeSpan(start=start, end=end, precision="day")
    if doc_date:
        rel = _relative(low, doc_date, forward)
        if rel is not None:
            return rel
        m = re.search(rf"\b(?:in|since|by|during|until|from)\s+({_MONTH_WORDS})\b", low)
        if m:
            month = MONTHS[m.group(1)]
            if forward:
                year = doc_date.year if month >= doc_date.month else doc_date.year + 1
            else:
                year = doc_date.year if month <= doc_date.month else doc_date.year - 1
            return _month_span(year, month)
        return TimeSpan(start=doc_date, end=doc_date, precision="unknown")
    return TimeSpan()


_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# A word or figure without which none of resolve's expressions can match.
_ANY_TIME = re.compile(r"\d|today|tonight|yesterday|tomorrow|ago\b|week|month|year|decade|since|then\b|morning|"
                       r"afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                       r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bwar\b|"
                       + "|".join(re.escape(n) for n in list(NAMED_PERIODS) + list(ANCHORS)) + "|"
                       + "|".join(_NUMBERS))
_MONTH_DAY = re.compile(rf"\b(?:(?P<m1>{_MONTH_WORDS}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(?P<d1>\d{{1,2}})"
                        rf"(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})(?!\s*(?:percent|per cent|%))|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                        rf"(?P<m2>{_MONTH_WORDS}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?(?!,?\s*\d{{4}}))")
