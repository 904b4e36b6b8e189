"""Document furniture: datelines, bylines, agency credits and captions, kept out of the sentences read.

Contract: requires sentence spans; assigns the sentence spans with their
furniture cut off, and ``furniture`` records ``(start, end, kind, text)``
(kind ``dateline``, ``credit``, ``byline``, ``caption``). A dateline's place
is not an actor of the sentence it opens ("PAJU, South Korea (Reuters) -
North Korea said ..." is North Korea's statement, not South Korea's).

>>> def rest(t): return t[dateline(t):]
>>> rest("WASHINGTON (Reuters) - The U.S. Treasury imposed sanctions.")
'The U.S. Treasury imposed sanctions.'
>>> rest("PAJU, South Korea, Feb 10 (AP) — North Korea said.")
'North Korea said.'
>>> rest("MOSCOW/KIEV Ukrainian military pilot Nadiya Savchenko arrived home.")
'Ukrainian military pilot Nadiya Savchenko arrived home.'
>>> dateline("NATO said on Monday."), dateline("US officials said."), dateline("UN chief warns.")
(0, 0, 0)
>>> furniture_kind("Reporting by Jack Kim; Editing by Paul Tait"), furniture_kind("(Reuters)")
('credit', 'credit')
>>> furniture_kind("The minister said."), furniture_kind("By Jane Smith")
(None, 'byline')
"""

from __future__ import annotations

import re

__all__ = ["dateline", "furniture_kind"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS = r"[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+)*"
_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS})"                                   # WASHINGTON, PAJU, MOSCOW/KIEV, NEW YORK
    rf"(?:,\s+(?P<region>[A-Z][\w.'’]+(?:\s+[A-Z][\w.'’]+){{0,3}}))?"  # , South Korea
    rf"(?:,?\s+{_MONTH}\s+\d{{1,2}})?"                        # , Feb 10
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&'’-]{1,30})\))?"       # (Reuters)
    r"\s*(?P<dash>[-–—]+|:)?\s*")
_CREDIT = re.compile(r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|translated)\s+by\b", re.I)
_AGENCY_ONLY = re.compile(r"^\(\s*[A-Za-z][\w .&'’-]{1,30}\)\.?$")
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s+[A-Z][\w.'’ -]+)?$")
_CAPTION = re.compile(r"^(?:FILE PHOTO|PHOTO|Photo|File photo|Picture|Image)\s*[:-]", re.I)


def dateline(text: str) -> int:
    """Characters of a dateline opening ``text`` (0 when none): a place in capitals, an optional region,
    date and agency, then a dash, or the capitals alone before a capitalised word."""
    m = _DATELINE.match(text)
    if not m:
        return 0
    place = m.group("place")
    letters = sum(c.isalpha() for c in place)
    rest = text[m.end():]
    if not rest or not rest[0].isupper():
        return 0
    if m.group("dash") or m.group("agency"):
        return m.end() if letters >= 3 else 0
    # no dash: only a long run of capitals that is not an acronym subject ("NATO said", "US officials")
    if letters >= 5 and not m.group("region") and (" " in place or "/" in place or letters >= 6) \
            and not re.match(r"^[A-Z]+\s+(?:said|says|has|have|is|was|will|would)\b", text):
        return m.end()
    return 0


def furniture_kind(text: str) -> str | None:
    """Whether a whole sentence is furniture, and which."""
    t = text.strip()
    if _CREDIT.match(t) or _AGENCY_ONLY.match(t):
        return "credit"
    if _BYLINE.match(t):
        return "byline"
    if _CAPTION.match(t):
        return "caption"
    return None
