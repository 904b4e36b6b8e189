"""Correlates of War background data: formal alliances (dyad-year, v4.1) and
National Material Capabilities (CINC), as CSVs converted by the peacesciencer R package.

Country codes are COW state codes; they are mapped to ISO alpha-3 through
:func:`geopol.codes.cow_states` (260 West Germany → DEU, 365 → RUS). Rows
whose code has no ISO counterpart (Austria-Hungary, Baden, the GDR …) are
returned as rejected, with the reason, for the store's quarantine.

The package ships the rows of both tables for the six Northeast Asia states
(CHN, PRK, KOR, JPN, RUS, USA), 1946 on: :func:`default_paths`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from ..codes import cow_states
from ..errors import InputError

__all__ = ["CowTable", "read_alliances", "read_nmc", "default_paths", "ALLIANCE_COLUMNS", "NMC_COLUMNS",
           "NORTHEAST_ASIA"]

ALLIANCE_COLUMNS = ("ccode1", "ccode2", "year", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente")
NMC_COLUMNS = ("ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
NORTHEAST_ASIA = ("CHN", "PRK", "KOR", "JPN", "RUS", "USA")


@dataclass
class CowTable:
    table: pa.Table                 # columns ready for the store
    read: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def _read(path: Path, needed: tuple[str, ...]) -> pa.Table:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        t = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(null_values=["NA", ""]))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: not a readable CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in needed if c not in t.column_names]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(needed)}")
    return t


def read_alliances(path: str | Path) -> CowTable:
    """COW formal alliances, one row per dyad-year, as undirected pairs ``a < b`` (ISO3)."""
    p = Path(path)
    t = _read(p, ALLIANCE_COLUMNS).to_pydict()
    iso = cow_states()
    out = {k: [] for k in ("a", "b", "year", "defense", "neutrality", "nonaggression", "entente")}
    rejected, seen = [], set()
    for i in range(len(t["year"])):
        c1, c2 = t["ccode1"][i], t["ccode2"][i]
        a, b = iso.get(c1), iso.get(c2)
        if a is None or b is None:
            rejected.append((i + 2, f"unknown COW state code {c1 if a is None else c2}"))
            continue
        if a == b:
            continue
        a, b = sorted((a, b))
        key = (a, b, t["year"][i])
        if key in seen:  # the file lists each dyad in both directions
            continue
        seen.add(key)
        out["a"].append(a)
        out["b"].append(b)
        out["year"].append(int(t["year"][i]))
        for col, src in (("defense", "cow_defense"), ("neutrality", "cow_neutral"),
                         ("nonaggression", "cow_nonagg"), ("entente", "cow_entente")):
            out[col].append(bool(t[src][i]))
    return CowTable(table=pa.table(out), read=len(t["year"]), rejected=rejected)


def read_nmc(path: str | Path) -> CowTable:
    """National Material Capabilities: one row per state-year with CINC and its six components."""
    p = Path(path)
    t = _read(p, NMC_COLUMNS).to_pydict()
    iso = cow_states()
    out = {k: [] for k in ("actor", "year", "cinc", "milex", "milper", "irst", "pec", "tpop", "upop")}
    rejected = []
    for i in range(len(t["year"])):
        code = iso.get(t["ccode"][i])
        if code is None:
            rejected.append((i + 2, f"unknown COW state code {t['ccode'][i]}"))
            continue
        out["actor"].append(code)
        out["year"].append(int(t["year"][i]))
        for col in ("cinc", "milex", "milper", "irst", "pec", "tpop", "upop"):
            v = t[col][i]
            out[col].append(None if v is None or (isinstance(v, (int, float)) and v < 0) else float(v))
    return CowTable(table=pa.table(out), read=len(t["year"]), rejected=rejected)


def default_paths() -> tuple[Path, Path]:
    """The shipped Northeast Asia subsets: (alliances, capabilities)."""
    base = resources.files("geopol").joinpath("data").joinpath("cow")
    return Path(str(base.joinpath("alliances_northeast_asia.csv"))), Path(str(base.joinpath("nmc_northeast_asia.csv")))
