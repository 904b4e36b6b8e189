"""Background data on how states relate, read as dyad-years: UN General Assembly votes,
militarized disputes, strategic rivalries, inter-state wars and shared IGO memberships.

Every reader returns a :class:`DyadYears` table with the columns of the
store's ``dyad_years`` table, undirected pairs ``a < b`` (ISO alpha-3):

=============  =====================================================================  ======================
kind           value                                                                  n
=============  =====================================================================  ======================
un_agreement   agreement index of the pair's votes that year: 1 same vote, 0.5 one    roll calls both voted
               abstained, 0 opposite votes (Lijphart 1963; Voeten 2013)
mid            highest hostility level of a militarized dispute between them that       disputes that year
               year (2 threat, 3 display, 4 use of force, 5 war; GML MID); its
               ``intensity`` is the highest fatality level (0 none, 1 1-25 deaths
               ... 6 over 999)
war            1 while they fight on opposite sides of a COW inter-state war           wars that year
rivalry        1 while a strategic rivalry holds (Thompson et al.)                     rivalries
igo            number of intergovernmental organisations both belong to               1
=============  =====================================================================  ======================

Country codes are COW state codes (country names and two-letter codes for
the UN votes), mapped to ISO alpha-3 through the shipped crosswalk; rows
whose code has no counterpart, or whose code another state held at the
same time (South Vietnam, the Yemen People's Republic, Zanzibar), are
returned as rejected with the reason, for the store's quarantine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from ..codes import countries, cow_shared_codes, cow_states, to_iso3
from ..errors import InputError

__all__ = ["DyadYears", "KINDS", "read_un_votes", "read_mids", "read_rivalries", "read_wars", "read_igos",
           "read_background_dir", "BACKGROUND_FILES", "DYAD_YEAR_COLUMNS", "cow_iso"]

KINDS = ("un_agreement", "mid", "war", "rivalry", "igo")
DYAD_YEAR_COLUMNS = ("a", "b", "year", "kind", "value", "n", "detail", "intensity")
# file name in a folder laid out like ../shared/data/background -> (command, reader)
BACKGROUND_FILES = {
    "un_votes.csv.gz": "un-votes", "un_votes.csv": "un-votes",
    "gml_dirdisp.csv": "mids", "tss_rivalries.csv": "rivalries", "td_rivalries.csv": "rivalries",
    "cow_war_inter.csv": "wars", "cow_igo_ndy.csv.gz": "igos", "cow_igo_ndy.csv": "igos",
    # the alliances and capabilities of a COW folder (../shared/data/cow) too
    "cow_alliance.csv": "cow-alliance", "atop_alliance.csv": "cow-alliance", "cow_nmc.csv": "cow-nmc",
}


@dataclass
class DyadYears:
    table: pa.Table                                              # DYAD_YEAR_COLUMNS
    source: str                                                  # "GML MID 2.2.1", "UN votes (Voeten)" ...
    read: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def cow_iso(ccode) -> tuple[str | None, str]:
    """ISO alpha-3 of a COW state code, or None and why not."""
    try:
        c = int(ccode)
    except (TypeError, ValueError):
        return None, f"not a COW state code: {ccode!r}"
    shared = cow_shared_codes().get(c)
    if shared:
        return None, f"COW state code {c} shares its ISO code with {shared}, which held it at the same time"
    iso = cow_states().get(c)
    return (iso, "") if iso else (None, f"unknown COW state code {c}")


def _csv(path: Path, needed: tuple[str, ...]) -> dict[str, list]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        t = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(null_values=["NA", ""], strings_can_be_null=True))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: not a readable CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in needed if c not in t.column_names]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(needed)}")
    return t.select(list(needed)).to_pydict()


def _table(rows: dict[tuple[str, str, int], tuple[float, int, str]], kind: str,
           intensity: dict | None = None) -> pa.Table:
    keys = sorted(rows)
    return pa.table({"a": [k[0] for k in keys], "b": [k[1] for k in keys],
                     "year": pa.array([k[2] for k in keys], pa.int32()), "kind": [kind] * len(keys),
                     "value": pa.array([rows[k][0] for k in keys], pa.float64()),
                     "n": pa.array([rows[k][1] for k in keys], pa.int32()), "detail": [rows[k][2] for k in keys],
                     "intensity": pa.array([(intensity or {}).get(k) for k in keys], pa.float64())})


def _dyads(t: dict[str, list], c1: str, c2: str, rejected: list) -> list[tuple[int, str, str]]:
    """(row index, a, b) with a < b for every row of two known states; the others are appended to ``rejected``
    (a state with itself is skipped without a word)."""
    out: list = []
    for i, (x, y) in enumerate(zip(t[c1], t[c2])):
        a, why_a = cow_iso(x)
        b, why_b = cow_iso(y)
        if a is None or b is None:
            rejected.append((i + 2, why_a or why_b))
        elif a != b:
            out.append((i,) + ((a, b) if a < b else (b, a)))
    return out


def _int(v) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def read_mids(path: str | Path) -> DyadYears:
    """GML militarized interstate disputes, directed dispute-years → the highest hostility level per dyad-year."""
    p = Path(path)
    t = _csv(p, ("dispnum", "ccode1", "ccode2", "year", "hostlev1", "hostlev2", "fatality"))
    rejected: list = []
    rows: dict = {}
    fatal: dict = {}
    for i, a, b in _dyads(t, "ccode1", "ccode2", rejected):
        year, levels = _int(t["year"][i]), [_int(t["hostlev1"][i]), _int(t["hostlev2"][i])]
        levels = [x for x in levels if x is not None and 1 <= x <= 5]
        if year is None or not levels:
            rejected.append((i + 2, "no year or no hostility level (1-5)"))
            continue
        key = (a, b, year)
        value, _, detail = rows.get(key, (0, 0, ""))
        disputes = set(filter(None, detail.split(","))) | {str(t["dispnum"][i])}
        rows[key] = (max(value, max(levels)), len(disputes), ",".join(sorted(disputes, key=lambda s: (len(s), s))))
        f = _int(t["fatality"][i])  # the dispute's fatality level: 0 none, 1 1-25 deaths ... 6 over 999; -9 unknown
        fatal[key] = max(fatal.get(key, -9), f if f is not None else -9)
    return DyadYears(table=_table(rows, "mid", {k: (float(v) if v >= 0 else None) for k, v in fatal.items()}),
                     source="GML MID", read=len(t["year"]), rejected=rejected)


def read_wars(path: str | Path) -> DyadYears:
    """COW inter-state wars, directed dyad-years of states on opposite sides → one row per dyad-year."""
    p = Path(path)
    t = _csv(p, ("warnum", "ccode1", "ccode2", "year", "sidea1", "sidea2"))
    rejected: list = []
    rows: dict = {}
    for i, a, b in _dyads(t, "ccode1", "ccode2", rejected):
        year = _int(t["year"][i])
        if year is None or t["sidea1"][i] == t["sidea2"][i]:
            rejected.append((i + 2, "no year, or both states on the same side"))
            continue
        _, _, detail = rows.get((a, b, year), (1.0, 0, ""))
        wars = set(filter(None, detail.split(","))) | {str(t["warnum"][i])}
        rows[(a, b, year)] = (1.0, len(wars), ",".join(sorted(wars, key=lambda s: (len(s), s))))
    return DyadYears(table=_table(rows, "war"), source="COW inter-state wars", read=len(t["year"]),
                     rejected=rejected)


def read_rivalries(path: str | Path) -> DyadYears:
    """Strategic rivalries, one row per rivalry with start and end years (Thompson, Sakuwa & Suhas columns
    ``start``/``end``, or Thompson & Dreyer's ``styear``/``endyear``) → one row per dyad-year it holds."""
    p = Path(path)
    head = p.open(encoding="utf-8", errors="replace").readline() if p.is_file() else ""
    td = "styear" in head
    cols = ("rivalryname", "ccode1", "ccode2", "styear", "endyear") if td else \
        ("rivalry", "ccode1", "ccode2", "start", "end")
    t = _csv(p, cols)
    name, start, end = cols[0], cols[3], cols[4]
    rejected: list = []
    rows: dict = {}
    for i, a, b in _dyads(t, "ccode1", "ccode2", rejected):
        s, e = _int(t[start][i]), _int(t[end][i])
        if s is None or e is None or e < s:
            rejected.append((i + 2, f"no valid {start}/{end} years"))
            continue
        for year in range(s, e + 1):
            _, n, detail = rows.get((a, b, year), (1.0, 0, ""))
            rows[(a, b, year)] = (1.0, n + 1, "; ".join(filter(None, (detail, str(t[name][i])))))
    source = "Thompson & Dreyer rivalries" if td else "Thompson, Sakuwa & Suhas rivalries"
    return DyadYears(table=_table(rows, "rivalry"), source=source, read=len(t[name]), rejected=rejected)


def read_igos(path: str | Path) -> DyadYears:
    """Shared IGO memberships per non-directed dyad-year (COW IGO ``dyadigos``)."""
    p = Path(path)
    t = _csv(p, ("ccode1", "ccode2", "year", "dyadigos"))
    rejected: list = []
    rows: dict = {}
    for i, a, b in _dyads(t, "ccode1", "ccode2", rejected):
        year, n = _int(t["year"][i]), _int(t["dyadigos"][i])
        if n == -9 or (n is None and year is not None):  # COW's "missing": no reading, not a bad row
            continue
        if year is None or n is None or n < 0:
            rejected.append((i + 2, "no year or a negative IGO count"))
            continue
        rows[(a, b, year)] = (float(max(n, rows.get((a, b, year), (0,))[0])), 1, "")
    return DyadYears(table=_table(rows, "igo"), source="COW IGO", read=len(t["year"]), rejected=rejected)


_VOTE = {"yes": 1, "abstain": 2, "no": 3}
# the UN file's names for states the crosswalk knows by another name or code
_UN_NAMES = {"Federal Republic of Germany": "DEU", "German Democratic Republic": "DDR", "Czechoslovakia": "CZE",
             "Yugoslavia": "SRB", "Yemen Arab Republic": "YEM", "United Kingdom": "GBR", "Greece": "GRC"}
_UN_SHARED = {"Yemen People's Republic": "YEM", "Zanzibar": "TZA"}


def _un_iso(name: str, code: str, iso2: dict[str, str]) -> tuple[str | None, str]:
    if name in _UN_SHARED:
        return None, f"{name} shares {_UN_SHARED[name]} with a state that held it at the same time"
    iso = _UN_NAMES.get(name) or iso2.get(code) or to_iso3(name)
    return (iso, "") if iso else (None, f"unknown country {name!r} ({code or 'no code'})")


def read_un_votes(path: str | Path, roll_calls: str | Path | None = None) -> DyadYears:
    """UN General Assembly roll-call votes (``rcid, country, country_code, vote``) → the agreement index of
    every pair of states per year. The year of a roll call comes from ``un_roll_calls.csv`` (``rcid, date``),
    looked up beside the votes file unless given."""
    p = Path(path)
    rc = Path(roll_calls) if roll_calls else p.with_name("un_roll_calls.csv")
    if roll_calls and not rc.is_file():
        raise InputError(f"--roll-calls {rc}: no such file")
    if not rc.is_file():
        raise InputError(f"{p}: the votes need their roll calls' dates: no {rc.name} beside it "
                         "(give it with --roll-calls)")
    calls = _csv(rc, ("rcid", "date"))
    year_of = {}
    for r, d in zip(calls["rcid"], calls["date"]):
        y = _int(str(d)[:4]) if d is not None else None
        if _int(r) is not None and y is not None:
            year_of[int(r)] = y
    t = _csv(p, ("rcid", "country", "country_code", "vote"))
    iso2 = {c.iso2: c.iso3 for c in countries().values() if c.iso2 and c.iso2.isalpha() and len(c.iso2) == 2}
    rejected: list = []
    names: dict[tuple[str, str], tuple[str | None, str]] = {}
    # per year: a state × roll-call matrix of votes (0 absent, 1 yes, 2 abstain, 3 no)
    cells: dict[int, list[tuple[str, int, int]]] = {}
    for i, (rcid, name, code, vote) in enumerate(zip(t["rcid"], t["country"], t["country_code"], t["vote"])):
        key = (str(name or ""), str(code or ""))
        if key not in names:
            names[key] = _un_iso(*key, iso2)
        iso, why = names[key]
        v, r = _VOTE.get(str(vote).strip().lower()), _int(rcid)
        year = year_of.get(r) if r is not None else None
        if iso is None or v is None or year is None:
            rejected.append((i + 2, why or (f"unknown vote {vote!r}" if v is None else f"roll call {rcid} has no date")))
            continue
        cells.setdefault(year, []).append((iso, r, v))
    rows: dict = {}
    for year, items in cells.items():
        states = sorted({s for s, _, _ in items})
        calls_ = sorted({r for _, r, _ in items})
        si, ri = {s: k for k, s in enumerate(states)}, {r: k for k, r in enumerate(calls_)}
        M = np.zeros((len(states), len(calls_)), dtype=np.int8)
        for s, r, v in items:
            M[si[s], ri[r]] = v
        Y, A, N = ((M == k).astype(np.float32) for k in (1, 2, 3))
        P = Y + A + N
        both = P @ P.T
        same = Y @ Y.T + A @ A.T + N @ N.T
        half = (Y + N) @ A.T + A @ (Y + N).T
        iu = np.triu_indices(len(states), 1)
        for x, y in zip(*iu):
            n = int(both[x, y])
            if n:
                rows[(states[x], states[y], year)] = (round(float((same[x, y] + 0.5 * half[x, y]) / n), 6), n, "")
    return DyadYears(table=_table(rows, "un_agreement"), source="UN votes (Voeten)", read=len(t["rcid"]),
                     rejected=rejected)


READERS = {"un-votes": read_un_votes, "mids": read_mids, "rivalries": read_rivalries, "wars": read_wars,
           "igos": read_igos}


def read_background_dir(path: str | Path) -> list[tuple[Path, str]]:
    """The background files of a folder laid out like ``../shared/data/background``: (file, command)."""
    d = Path(path)
    if not d.is_dir():
        raise InputError(f"{d}: not a folder")
    found = [(d / name, cmd) for name, cmd in BACKGROUND_FILES.items() if (d / name).is_file()]
    if not found:
        raise InputError(f"{d}: no background file here (expected some of {', '.join(sorted(BACKGROUND_FILES))})")
    return found
