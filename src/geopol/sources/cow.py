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

from ..errors import InputError
from .background import cow_iso

__all__ = ["CowTable", "ATOP_COLUMNS", "read_alliances", "read_nmc", "default_paths", "ALLIANCE_COLUMNS", "NMC_COLUMNS",
           "NORTHEAST_ASIA"]

ALLIANCE_COLUMNS = ("ccode1", "ccode2", "year", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente")
NMC_COLUMNS = ("ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
NORTHEAST_ASIA = ("CHN", "PRK", "KOR", "JPN", "RUS", "USA")


@dataclass
class CowTable:
    table: pa.Table                 # columns ready for the store
    read: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)
    source: str = ""


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


ATOP_COLUMNS = ("ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg",
                "atop_consul")
# the store's alliance types <- each file's columns (ATOP's offence pacts count as defence pacts, its
# consultation pacts as ententes: Leeds et al. 2002, codebook section 3)
_TYPES = {"cow": {"defense": ("cow_defense",), "neutrality": ("cow_neutral",), "nonaggression": ("cow_nonagg",),
                  "entente": ("cow_entente",)},
          "atop": {"defense": ("atop_defense", "atop_offense"), "neutrality": ("atop_neutral",),
                   "nonaggression": ("atop_nonagg",), "entente": ("atop_consul",)}}


def read_alliances(path: str | Path) -> CowTable:
    """Formal alliances, one row per dyad-year, as undirected pairs ``a < b`` (ISO3): the COW v4.1 columns
    (``cow_defense`` ...) or ATOP's (``atop_defense``, ``atop_offense`` ...), told apart by the header."""
    p = Path(path)
    head = p.open(encoding="utf-8", errors="replace").readline() if p.is_file() else ""
    flavour = "atop" if "atop_defense" in head else "cow"
    t = _read(p, ATOP_COLUMNS if flavour == "atop" else ALLIANCE_COLUMNS).to_pydict()
    out = {k: [] for k in ("a", "b", "year", "defense", "neutrality", "nonaggression", "entente")}
    rejected, seen = [], set()
    for i in range(len(t["year"])):
        c1, c2 = t["ccode1"][i], t["ccode2"][i]
        (a, why_a), (b, why_b) = cow_iso(c1), cow_iso(c2)
        if a is None or b is None:
            rejected.append((i + 2, why_a or why_b))
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
        for col, srcs in _TYPES[flavour].items():
            out[col].append(any(bool(t[src][i]) for src in srcs))
    return CowTable(table=pa.table(out), read=len(t["year"]), rejected=rejected,
                    source="ATOP alliances" if flavour == "atop" else "COW alliances v4.1")


def read_nmc(path: str | Path) -> CowTable:
    """National Material Capabilities: one row per state-year with CINC and its six components."""
    p = Path(path)
    t = _read(p, NMC_COLUMNS).to_pydict()
    out = {k: [] for k in ("actor", "year", "cinc", "milex", "milper", "irst", "pec", "tpop", "upop")}
    rejected, seen = [], set()
    for i in range(len(t["year"])):
        code, why = cow_iso(t["ccode"][i])
        if code is None:
            rejected.append((i + 2, why))
            continue
        if (code, t["year"][i]) in seen:  # two COW codes for one ISO code in a year of change (DEU 1990)
            rejected.append((i + 2, f"a second COW code for {code} in {t['year'][i]}"))
            continue
        seen.add((code, t["year"][i]))
        out["actor"].append(code)
        out["year"].append(int(t["year"][i]))
        for col in ("cinc", "milex", "milper", "irst", "pec", "tpop", "upop"):
            v = t[col][i]
            out[col].append(None if v is None or (isinstance(v, (int, float)) and v < 0) else float(v))
    return CowTable(table=pa.table(out), read=len(t["year"]), rejected=rejected, source="COW NMC")


def default_paths() -> tuple[Path, Path]:
    """The shipped Northeast Asia subsets: (alliances, capabilities)."""
    base = resources.files("geopol").joinpath("data").joinpath("cow")
    return Path(str(base.joinpath("alliances_northeast_asia.csv"))), Path(str(base.joinpath("nmc_northeast_asia.csv")))
