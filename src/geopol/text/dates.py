"""Absolute dates written in text or metadata.

>>> find_date("Published: November 5, 2024, 10:31 AM")
datetime.date(2024, 11, 5)
>>> find_date("2024-11-05T10:31:00Z"), find_date("5 Nov. 2024"), find_date("no date")
(datetime.date(2024, 11, 5), datetime.date(2024, 11, 5), None)
>>> find_date("Date: 13.01.2016"), find_date("01/13/2016"), find_date("05/06/2016")
(datetime.date(2016, 1, 13), datetime.date(2016, 1, 13), None)
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["MONTHS", "find_date", "parse_iso_date"]

MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    # 13.01.2016: day first, the dotted convention of Europe (DIN 5008 and its neighbours)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?![\d.])"),
    # 13/01/2016 or 01/13/2016: read only when one part cannot be a month
    re.compile(r"(?<![\d/])(?P<p1>\d{1,2})/(?P<p2>\d{1,2})/(?P<year>\d{4})(?![\d/])"),
]


def _build(m: re.Match) -> date | None:
    g = m.groupdict()
    if g.get("p1"):
        p1, p2 = int(g["p1"]), int(g["p2"])
        if (p1 > 12) == (p2 > 12):  # 05/06/2016: May or June? not read
            return None
        day, month = (p1, p2) if p1 > 12 else (p2, p1)
        try:
            return date(int(g["year"]), month, day)
        except ValueError:
            return None
    month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower()]
    try:
        return date(int(g["year"]), month, int(g["day"]))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first absolute calendar date in ``text``, or None."""
    best = None
    for rx in _PATTERNS:
        m = rx.search(text)
        if m and (best is None or m.start() < best.start()):
            if _build(m):
                best = m
    return _build(best) if best else None


def parse_iso_date(value: str) -> date:
    """``YYYY-MM-DD`` or raise ValueError with a message that says what is expected."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None
