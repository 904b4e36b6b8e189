"""How right is the model of the world? Signs of dyad-years historians agree on, the camps of 1975,
the great splits, and the tie's agreement with UN votes it was not given.

- **signs**: a table (``a, b, year, sign[, half, what, reference]``) of dyad-years whose sign the
  literature agrees on; each is scored at YEAR-07-01 (a tie of exactly 0 is wrong). geopol ships
  one (``data/world/signs.csv``, 95 rows, a reference each); its ``half`` column says which rows
  the model's weights were fitted on (``tune``) and which were kept out (``hold``).
- **camps of 1975**: ``blocs`` over the members of NATO and the Warsaw Pact at 1975-07-01; right
  when no bloc holds members of both. The weights were fitted under this constraint, so the camps of
  1965 and 1985 (``camps``), which the fit did not see, are the held-out check.
- **splits**: the change points of China–Russia (the Sino-Soviet split, 1960), Egypt–Russia
  (Sadat's turn, dated by the treaty's abrogation in 1976; the advisers were expelled in 1972)
  and U.S.–Iran (the revolution, 1979), yearly from 1950 to 2010; found when a change toward
  hostility falls within three years of the split.
- **votes**: Pearson's r between the tie computed *without* the UN-vote source and the pair's
  double-centred vote agreement, over every dyad-year of the odd years 1947–2019.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import InputError
from .evidence import Background, gather
from .store import Store

__all__ = ["read_signs", "SignRow", "score_signs", "camps", "camps_1975", "CAMPS", "splits", "vote_correlation", "eval_world",
           "default_signs_path", "NATO_1975", "WARSAW_1975", "SPLITS"]

NATO_1975 = ("USA", "CAN", "GBR", "FRA", "DEU", "ITA", "NLD", "BEL", "LUX", "NOR", "DNK", "ISL", "PRT", "GRC", "TUR")
WARSAW_1975 = ("RUS", "POL", "DDR", "CZE", "HUN", "ROU", "BGR")
# pair, the year of the split, and where it is told
SPLITS = ((("CHN", "RUS"), 1960, "Luthi (2008), The Sino-Soviet Split"),
          (("EGY", "RUS"), 1976, "Golan (1990): the 1971 treaty abrogated in 1976, after the advisers' expulsion (1972)"),
          (("IRN", "USA"), 1979, "Bill (1988), The Eagle and the Lion"))


@dataclass(frozen=True)
class SignRow:
    a: str
    b: str
    year: int
    sign: int
    half: str = ""
    what: str = ""
    reference: str = ""

    @property
    def at(self) -> date:
        return date(self.year, 7, 1)


def default_signs_path() -> Path:
    return Path(str(resources.files("geopol").joinpath("data").joinpath("world").joinpath("signs.csv")))


def read_signs(path: str | Path | None = None) -> list[SignRow]:
    """The sign table; one clear error for a missing column or a bad row."""
    from .codes import countries

    p = Path(path) if path else default_signs_path()
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    known = set(countries())
    rows = []
    with p.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("a", "b", "year", "sign") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{p}: missing column(s) {', '.join(missing)}; expected a, b, year, sign")
        for n, r in enumerate(reader, start=2):
            a, b = r["a"].strip().upper(), r["b"].strip().upper()
            try:
                year, sign = int(r["year"]), int(r["sign"])
            except ValueError:
                raise InputError(f"{p}:{n}: year and sign must be integers") from None
            if sign not in (-1, 1):
                raise InputError(f"{p}:{n}: sign must be 1 or -1, not {sign}")
            for code in (a, b):
                if code not in known and code != "DDR":
                    raise InputError(f"{p}:{n}: unknown country code {code!r} (ISO 3166 alpha-3)")
            rows.append(SignRow(a=a, b=b, year=year, sign=sign, half=(r.get("half") or "").strip(),
                                what=r.get("what") or "", reference=r.get("reference") or ""))
    if not rows:
        raise InputError(f"{p}: no rows")
    return rows


def score_signs(bg: Background, rows: list[SignRow]) -> list[dict]:
    """Each row with the model's tie at YEAR-07-01 and whether its sign is right."""
    out = []
    for r in rows:
        ties = bg.ties(r.at, bg.observations.only((r.a, r.b)))
        tie = ties[0].value if ties else 0.0
        out.append({"a": r.a, "b": r.b, "year": r.year, "sign": r.sign, "half": r.half, "tie": round(tie, 6),
                    "right": bool(tie * r.sign > 0), "what": r.what,
                    "sources": {k: round(v * w / (ties[0].weight + bg.model.prior), 4)
                                for k, v, w in ties[0].components if w >= 1e-3} if ties else {}})
    return out


# members of the two blocs in other years (Spain joined NATO in 1982; Albania left the Pact in 1968)
NATO_1965 = tuple(x for x in NATO_1975)
WARSAW_1965 = WARSAW_1975 + ("ALB",)
NATO_1985 = NATO_1975 + ("ESP",)
WARSAW_1985 = WARSAW_1975
CAMPS = {1965: (NATO_1965, WARSAW_1965), 1975: (NATO_1975, WARSAW_1975), 1985: (NATO_1985, WARSAW_1985)}


def camps(store: Store, bg: Background, year: int = 1975) -> dict:
    """``blocs`` over the members of NATO and the Warsaw Pact at YEAR-07-01: separated when no bloc holds both."""
    from .structure import blocs_at

    nato, warsaw = CAMPS[year]
    result, _ = blocs_at(store, date(year, 7, 1), actors=list(nato + warsaw))
    mixed = [b for b in result["blocs"] if set(b) & set(nato) and set(b) & set(warsaw)]
    return {"year": year, "blocs": result["blocs"], "separated": not mixed, "mixed": mixed,
            "method": result["method"]}


def camps_1975(store: Store, bg: Background) -> dict:
    return camps(store, bg, 1975)


def splits(store: Store, bg: Background) -> list[dict]:
    from .structure import dyad_changes

    out = []
    for (a, b), year, ref in SPLITS:
        result, _ = dyad_changes(store, a, b, date(1950, 1, 1), date(2010, 12, 31), unit="year", bg=bg)
        near = [c for c in result["changes"] if abs(c["date"].year - year) <= 3 and c["after"] < c["before"]]
        out.append({"a": a, "b": b, "split": year, "found": bool(near),
                    "changes": [c["date"].year for c in result["changes"]], "reference": ref})
    return out


def vote_correlation(store: Store) -> dict:
    """r between the tie without UN votes and the pair's double-centred agreement (odd years 1947-2019)."""
    from .analysis.background import double_centred

    bg = gather(store, model=_without_votes())
    import pyarrow.compute as pc

    from .evidence import background_tables

    dy = background_tables(store)[0]
    dy = dy.filter(pc.equal(dy.column("kind"), "un_agreement"))
    a = np.asarray(dy.column("a").to_pylist())
    b = np.asarray(dy.column("b").to_pylist())
    year = np.asarray(dy.column("year"), dtype=np.int64)
    z = double_centred(a, b, year, np.asarray(dy.column("value"), dtype=np.float64))
    xs, ys = [], []
    for y in range(1947, 2020, 2):
        ties = {(t.a, t.b): t.value for t in bg.ties(date(y, 7, 1))}
        sel = np.flatnonzero(year == y)
        for i in sel:
            if (a[i], b[i]) in ties:
                xs.append(ties[(a[i], b[i])])
                ys.append(z[i])
    r = float(np.corrcoef(xs, ys)[0, 1]) if len(xs) > 2 else float("nan")
    return {"r": round(r, 4), "dyad_years": len(xs)}


def _without_votes():
    from .analysis.background import DEFAULT_MODEL

    return DEFAULT_MODEL.with_weights(un_votes=0.0)


def eval_world(store: Store, signs_path: str | Path | None = None, *, votes: bool = True) -> dict:
    """Every check above, in one result."""
    rows = read_signs(signs_path)
    bg = gather(store)
    scored = score_signs(bg, rows)

    def share(sel: list[dict]) -> dict:
        right = sum(r["right"] for r in sel)
        return {"right": right, "n": len(sel), "share": round(right / len(sel), 4) if sel else None}

    halves = {h: share([r for r in scored if r["half"] == h]) for h in sorted({r["half"] for r in scored}) if h}
    out = {"signs": {"all": share(scored), **halves}, "wrong": [r for r in scored if not r["right"]],
           "camps_1975": camps_1975(store, bg), "camps": [camps(store, bg, y) for y in (1965, 1985)],
           "splits": splits(store, bg), "rows": scored}
    if votes:
        out["votes"] = vote_correlation(store)
    return out
