"""Loaders for the code tables in ``geopol/codes/data`` (see PROVENANCE.md there)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import InputError

QUAD_CONVENTIONS = ("gdelt", "icews", "phoenix")


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


@dataclass(frozen=True, kw_only=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad: int
    penta: int


@dataclass(frozen=True, kw_only=True, slots=True)
class PloverType:
    name: str
    quad: str
    description: str


@dataclass(frozen=True, kw_only=True, slots=True)
class PloverMode:
    type: str
    mode: str
    description: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Country:
    iso3: str
    cameo: str
    iso2: str
    isonum: int | None
    cow: int | None
    cow_abbr: str
    fips: str
    icews_name: str
    name: str
    official_name: str
    un_member: bool
    capital: str
    demonyms: tuple[str, ...]


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO event codes (GDELT's table: 20 roots and their sub-codes)."""
    return {
        r["code"]: CameoCode(code=r["code"], name=r["name"], root=r["root"], goldstein=float(r["goldstein"]),
                             quad=int(r["quad_gdelt"]), penta=int(r["penta_phoenix"]))
        for r in _rows("cameo.tsv")
    }


def cameo(code: str) -> CameoCode:
    """The CAMEO code record; raises ``InputError`` for an unknown code."""
    try:
        return cameo_codes()[code]
    except KeyError:
        raise InputError(f"unknown CAMEO event code {code!r}: see `geopol codes cameo` for the list") from None


@lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    """Lower-cased CAMEO event names → codes: ICEWS's "Event Text" names, then GDELT's."""
    out = {r["name"].lower(): r["code"] for r in _rows("cameo_icews_names.tsv")}
    for c in cameo_codes().values():
        out.setdefault(c.name.lower(), c.code)
    return out


def goldstein(code: str) -> float:
    return cameo(code).goldstein


@lru_cache(maxsize=1)
def _quad_table() -> dict[tuple[str, int], tuple[int, str]]:
    table = {}
    for r in _rows("quad_conventions.tsv"):
        for root in range(int(r["root_from"]), int(r["root_to"]) + 1):
            table[(r["convention"], root)] = (int(r["class"]), r["label"])
    return table


def quad_class(code: str, *, convention: str = "gdelt") -> int:
    """The quad (or Phoenix penta) class of a CAMEO code under a named convention.

    The conventions disagree on roots 09, 14 and 01-02: GDELT puts 06-09 in
    material cooperation and 15-20 in material conflict; the R icews package
    uses 06-08 and 14-20; Phoenix adds a neutral class 0 for roots 01-02.
    """
    if convention not in QUAD_CONVENTIONS:
        raise InputError(f"unknown quad-class convention {convention!r}: use one of {', '.join(QUAD_CONVENTIONS)}")
    if len(code) < 2 or not code[:2].isdigit():
        raise InputError(f"not a CAMEO code: {code!r}")
    try:
        return _quad_table()[(convention, int(code[:2]))][0]
    except KeyError:
        raise InputError(f"CAMEO root {code[:2]!r} is outside 01-20") from None


def quad_label(quad: int, *, convention: str = "gdelt") -> str:
    for (conv, _), (cls, label) in _quad_table().items():
        if conv == convention and cls == quad:
            return label
    raise InputError(f"no class {quad} in the {convention} convention")


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER 2.0 event types with their quad category."""
    return {r["type"]: PloverType(name=r["type"], quad=r["quad"], description=r["description"])
            for r in _rows("plover_types.tsv")}


@lru_cache(maxsize=1)
def plover_modes() -> tuple[PloverMode, ...]:
    return tuple(PloverMode(type=r["type"], mode=r["mode"], description=r["description"])
                 for r in _rows("plover_modes.tsv"))


@lru_cache(maxsize=1)
def _cameo_plover() -> dict[str, str]:
    return {r["cameo"]: r["plover"] for r in _rows("cameo_plover.tsv")}


def plover_for_cameo(code: str) -> str | None:
    """The PLOVER type for a CAMEO code (CAMEO2PLOVER 2021), falling back to the parent code."""
    table = _cameo_plover()
    for n in (len(code), 3, 2):
        hit = table.get(code[:n])
        if hit:
            return hit
    if code[:2] == "02":
        return "REQUEST"  # PLOVER manual, REQUEST: "all requests, demands, and orders" (CAMEO 02 appeals)
    return None  # CAMEO 01 (public statements) has no PLOVER event type


def _int(v: str) -> int | None:
    return int(v) if v else None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """The country crosswalk, keyed by ISO 3166 alpha-3."""
    out = {}
    for r in _rows("countries.tsv"):
        out[r["iso3"]] = Country(
            iso3=r["iso3"], cameo=r["cameo"], iso2=r["iso2"], isonum=_int(r["isonum"]), cow=_int(r["cow"]),
            cow_abbr=r["cow_abbr"], fips=r["fips"], icews_name=r["icews_name"], name=r["name"],
            official_name=r["official_name"], un_member=r["un_member"] == "1", capital=r["capital"],
            demonyms=tuple(d for d in r["demonyms"].split("|") if d))
    return out


@lru_cache(maxsize=1)
def _indexes() -> dict[str, dict]:
    cs = countries().values()
    return {
        "cameo": {c.cameo: c for c in cs},
        "cow": {c.cow: c for c in cs if c.cow is not None},
        "fips": {c.fips: c for c in cs if c.fips},
        "icews": {c.icews_name.casefold(): c for c in cs},
    }


def country(code: str) -> Country:
    """A country by ISO alpha-3 or CAMEO code."""
    hit = countries().get(code) or _indexes()["cameo"].get(code)
    if hit is None:
        raise InputError(f"unknown country code {code!r}: use an ISO 3166 alpha-3 or CAMEO code")
    return hit


def country_by_cow(ccode: int) -> Country | None:
    return _indexes()["cow"].get(int(ccode))


@lru_cache(maxsize=1)
def cow_states() -> dict[int, str]:
    """Every COW state code (historical ones too) → ISO alpha-3, where one exists (260 West Germany → DEU)."""
    return {int(r["ccode"]): r["iso3"] for r in _rows("cow_states.tsv") if r["iso3"]}


@lru_cache(maxsize=1)
def cow_shared_codes() -> dict[int, str]:
    """COW codes whose ISO alpha-3 another state held at the same time (South Vietnam 817 and VNM, the
    Yemen People's Republic 680 and YEM, Zanzibar 511 and TZA): mapping them would merge two states that
    faced each other. Each maps to the code that keeps the ISO code (the one that lasts longer).

    >>> sorted(cow_shared_codes())
    [511, 680, 817]
    """
    spells: dict[str, list[tuple[int, int, int]]] = {}
    for r in _rows("cow_states.tsv"):
        if r["iso3"]:
            spells.setdefault(r["iso3"], []).append((int(r["ccode"]), int(r["start_year"]), int(r["end_year"])))
    out = {}
    for iso3, ss in spells.items():
        # how long a code lasts: its last year, then the earlier start (YAR 678 before YPR 680)
        last = {c: (max(e for cc, _, e in ss if cc == c), -min(b for cc, b, _ in ss if cc == c)) for c, _, _ in ss}
        for c1, s1, e1 in ss:
            for c2, s2, e2 in ss:
                if c1 != c2 and s1 < e2 and s2 < e1 and last[c1] < last[c2]:  # overlap beyond a boundary year
                    out[c1] = f"{iso3} ({c2})"
    return out


def country_by_fips(code: str) -> Country | None:
    return _indexes()["fips"].get(code)


def country_by_icews_name(name: str) -> Country | None:
    return _indexes()["icews"].get(name.casefold()) or countries().get(to_iso3(name) or "")


@lru_cache(maxsize=4096)
def to_iso3(name: str) -> str | None:
    """ISO alpha-3 for any country name or code, through country_converter."""
    import logging

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    hit = _converter().convert(name, to="ISO3", not_found=None)
    # country_converter hands back the name itself for some misses ("Atlantis"): only a real code counts
    return hit if isinstance(hit, str) and len(hit) == 3 and hit.isupper() and hit != name else None


@lru_cache(maxsize=1)
def _converter():
    import country_converter as coco

    return coco.CountryConverter()
