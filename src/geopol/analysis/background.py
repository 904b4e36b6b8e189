"""Background dyad-years as tie observations: alliances, UN votes, disputes, wars, rivalries, IGOs.

Each source's dyad-year becomes one observation spanning its calendar year,
with a value v in [-1, 1] fixed by what the source means and a weight b
per source (:class:`TieModel`; the weights are fitted on data, see
``docs/measures.md`` and ``bench/fit_tie_model.py``):

============  ==============================================================  =======================
source        value v                                                         weight
============  ==============================================================  =======================
alliance      0.8 defence pact, 0.5 entente, 0.3 neutrality or non-aggression   ``alliance`` · min(1,
              pact: the strongest of the year over COW and ATOP                 10 / k), k partners
un_votes      the pair's UN General Assembly agreement, double-centred (minus   ``un_votes`` · min(1,
              each state's mean agreement that year, plus the year's mean) and  n / 10) for n shared
              standardised by the year's spread, / 2, clipped to [-1, 1]        roll calls
mid           −(hostility level) / 5: −0.4 threat, −0.6 display, −0.8 use of     ``mid``
              force, −1 war (GML MID)
war           −1 (opposite sides of a COW inter-state war)                      ``war``
rivalry       −1 while a strategic rivalry holds (Thompson et al.)               ``rivalry``
igo           shared IGO memberships, double-centred and standardised as the    ``igo``
              votes, / 2, clipped to [-1, 1]
============  ==============================================================  =======================

An alliance or a rivalry present in the last year of the data of its kind
(ATOP's 2018 for alliances when ATOP is loaded) is taken to still hold (it
does not fade after the data end); everything else fades
from the end of its year with the source's half-life.

>>> import pyarrow as pa
>>> dy = pa.table({"a": ["CHN"], "b": ["RUS"], "year": [1969], "kind": ["mid"], "value": [4.0], "n": [1],
...                "detail": ["1"], "source": ["GML MID"]})
>>> obs = background_observations(dy, None)
>>> obs.kinds, float(obs.value[0])
(('mid',), -0.8)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .ties import STANDING, ObservationSet

__all__ = ["TieModel", "DEFAULT_MODEL", "background_observations", "ALLIANCE_VALUES", "double_centred"]

ALLIANCE_VALUES = {"defense": 0.8, "entente": 0.5, "neutrality": 0.3, "nonaggression": 0.3}
BACKGROUND_KINDS = ("alliance", "un_votes", "mid", "war", "rivalry", "igo")
_Z_SCALE = 2.0   # two standard deviations of agreement make a full ±1
_N_FULL = 10     # roll calls for a full-weight vote observation
_EXCLUSIVE_K = 10  # alliance partners of a type beyond which an alliance-year weighs less


@dataclass(frozen=True, eq=False)
class TieModel:
    """The base weight of each source and its half-life in days. ``event`` and ``relation``
    are facts read from text, ``dataset`` events imported from GDELT, ICEWS, POLECAT, Phoenix."""

    weights: dict[str, float] = field(default_factory=lambda: {
        "event": 1.0, "relation": 3.0, "dataset": 1.0,
        # fitted by bench/fit_tie_model.py on the tune half of data/world/signs.csv (2026-12-02)
        "alliance": 4.0, "portfolio": 2.0, "un_votes": 0.5, "mid": 16.0, "war": 2.0, "rivalry": 8.0, "igo": 0.25})
    half_lives: dict[str, float] = field(default_factory=lambda: {
        "event": 365.0, "relation": 365.0, "dataset": 365.0,
        "alliance": 730.0, "un_votes": 730.0, "mid": 730.0, "war": 730.0, "rivalry": 730.0, "igo": 730.0,
        "portfolio": 730.0})
    prior: float = 2.0

    def key(self) -> tuple:
        return (tuple(sorted(self.weights.items())), tuple(sorted(self.half_lives.items())), self.prior)

    def __eq__(self, other) -> bool:
        return isinstance(other, TieModel) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def with_weights(self, **weights: float) -> "TieModel":
        return TieModel(weights={**self.weights, **weights}, half_lives=self.half_lives, prior=self.prior)


DEFAULT_MODEL = TieModel()


def double_centred(a: np.ndarray, b: np.ndarray, year: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Standardised residual of a dyad-year value after removing each state's mean that year and adding
    back the year's mean (so a state that votes with few is not hostile to all). ``a``, ``b``: state
    indexes (or labels).

    >>> a, b = np.array(["A", "A", "B"]), np.array(["B", "C", "C"])
    >>> z = double_centred(a, b, np.array([1, 1, 1]), np.array([0.9, 0.1, 0.2]))
    >>> bool(z[0] > 0 > z[1])
    True
    """
    if a.dtype.kind not in "iu":
        _, inv = np.unique(np.concatenate([a, b]), return_inverse=True)
        a, b = inv[:len(a)], inv[len(a):]
    S = int(max(a.max(initial=0), b.max(initial=0))) + 1
    out = np.zeros(len(value))
    order = np.argsort(year, kind="stable")
    bounds = np.flatnonzero(np.diff(year[order])) + 1
    for idx in np.split(order, bounds):
        if not len(idx):
            continue
        ia, ib, v = a[idx], b[idx], value[idx]
        total = np.bincount(ia, v, S) + np.bincount(ib, v, S)
        count = np.bincount(ia, None, S) + np.bincount(ib, None, S)
        mean = total / np.maximum(count, 1)
        r = v - mean[ia] - mean[ib] + v.mean()
        sd = r.std()
        out[idx] = r / sd if sd > 0 else 0.0
    return out


class _Codes:
    """States and sources as small integers, for fast grouping."""

    def __init__(self, tables: list[pa.Table]):
        cols = [t.column(c) for t in tables for c in ("a", "b")]
        self.states = pa.chunked_array([c for col in cols for c in col.chunks], pa.string()).unique() \
            if cols else pa.array([], pa.string())
        srcs = [t.column("source") for t in tables]
        self.sources = pa.chunked_array([c for col in srcs for c in col.chunks], pa.string()).unique() \
            if srcs else pa.array([], pa.string())

    def index(self, column, values) -> np.ndarray:
        return np.asarray(pc.index_in(column, value_set=values).to_numpy(zero_copy_only=False), dtype=np.int64)


def _columns(t: pa.Table, codes: _Codes) -> dict[str, np.ndarray]:
    a, b = codes.index(t.column("a"), codes.states), codes.index(t.column("b"), codes.states)
    return {"a": np.minimum(a, b), "b": np.maximum(a, b), "year": np.asarray(t.column("year"), dtype=np.int64),
            "source": codes.index(t.column("source"), codes.sources)}


def _standing(year: np.ndarray, source: np.ndarray) -> np.ndarray:
    """Rows in the last year any source of their kind has data for (COW alliances end in 2012, ATOP's in
    2018: a COW row of 2012 is superseded by ATOP's later years, not taken to hold for ever)."""
    return year == year.max(initial=0)


def _alliance_rows(alliances: pa.Table, codes: _Codes) -> dict:
    d = _columns(alliances, codes)
    value = np.zeros(alliances.num_rows)
    names = np.zeros(alliances.num_rows, dtype=np.int64)
    types = sorted(ALLIANCE_VALUES, key=ALLIANCE_VALUES.get)
    for i, kind in enumerate(types):
        hit = np.asarray(alliances.column(kind), dtype=bool) & (ALLIANCE_VALUES[kind] >= value)
        value = np.where(hit, ALLIANCE_VALUES[kind], value)
        names = np.where(hit, i, names)
    keep = value > 0
    d = {k: v[keep] for k, v in d.items()}
    names = names[keep]
    d.update(value=value[keep], scale=_exclusivity(d["a"], d["b"], d["year"], d["source"], names),
             raw=value[keep], detail=lambda i, names=names: types[names[i]])
    # a defence pact or entente in the last year of the data still holds; a neutrality or non-aggression
    # pact (often one of many multilateral ones) fades after it like any other reading
    d["standing"] = _standing(d["year"], d["source"]) & (d["value"] >= ALLIANCE_VALUES["entente"])
    return d


def _exclusivity(a: np.ndarray, b: np.ndarray, year: np.ndarray, source: np.ndarray, kind: np.ndarray
                 ) -> np.ndarray:
    """Weight of an alliance-year by how exclusive it is: min(1, K / k) with k the smaller of the two
    states' numbers of partners of that type that year in that source. Each member of an N-state treaty has
    at least N - 1 partners, so a bilateral pact keeps its full weight and a treaty of many (the Rio
    Treaty, the Treaty of Amity and Cooperation in Southeast Asia) weighs little for any one pair."""
    if not len(a):
        return np.zeros(0)
    S = int(max(a.max(), b.max())) + 1
    y0, Y = int(year.min()), int(year.max() - year.min()) + 1
    nsrc, nkind = int(source.max()) + 1, int(kind.max()) + 1
    cell_a = (((a * Y) + (year - y0)) * nsrc + source) * nkind + kind
    cell_b = (((b * Y) + (year - y0)) * nsrc + source) * nkind + kind
    count = np.bincount(np.concatenate([cell_a, cell_b]), minlength=S * Y * nsrc * nkind)
    k = np.minimum(count[cell_a], count[cell_b])
    return np.minimum(1.0, _EXCLUSIVE_K / np.maximum(k, 1))


def _portfolios(al: dict, n_states: int) -> dict:
    """Alliance portfolio similarity per dyad-year: Pearson's r between the two states' rows of alliance
    strength with every other state (Bueno de Mesquita 1975 used tau-b, Signorino & Ritter 1999 the S score;
    r is their centred cousin and does not call two states with no alliances alike). Only pairs where both
    have an alliance that year, and r computed without the pair's own entries."""
    out: dict[str, list] = {k: [] for k in ("a", "b", "year", "value")}
    years = al["year"]
    for y in np.unique(years):
        sel = np.flatnonzero(years == y)
        members = np.unique(np.concatenate([al["a"][sel], al["b"][sel]]))
        if len(members) < 4:
            continue
        pos = np.full(n_states, -1, dtype=np.int64)
        pos[members] = np.arange(len(members))
        M = np.zeros((len(members), len(members)))
        ia, ib = pos[al["a"][sel]], pos[al["b"][sel]]
        M[ia, ib] = M[ib, ia] = al["value"][sel] * al["scale"][sel]
        # r over the other states only (k not i, j): being allied to each other does not count
        n = len(members) - 2
        sx, sxx = M.sum(axis=1), (M ** 2).sum(axis=1)
        sxi, sxj = sx[:, None] - M, sx[None, :] - M
        vi = (sxx[:, None] - M ** 2) - sxi ** 2 / n
        vj = (sxx[None, :] - M ** 2) - sxj ** 2 / n
        cov = M @ M.T - sxi * sxj / n
        ok2 = (vi > 1e-12) & (vj > 1e-12)
        R = np.where(ok2, cov / np.sqrt(np.where(ok2, vi * vj, 1.0)), 0.0)
        iu, ju = np.triu_indices(len(members), 1)
        keep = ok2[iu, ju]
        iu, ju = iu[keep], ju[keep]
        out["a"].append(members[iu])
        out["b"].append(members[ju])
        out["year"].append(np.full(len(iu), y, dtype=np.int64))
        out["value"].append(np.clip(R[iu, ju], -1.0, 1.0))
    cols = {k: np.concatenate(v) if v else np.zeros(0, dtype=np.int64 if k != "value" else np.float64)
            for k, v in out.items()}
    n = len(cols["a"])
    cols.update(scale=np.ones(n), standing=np.zeros(n, dtype=bool), source=np.full(n, -1, dtype=np.int64),
                raw=cols["value"].copy(), detail=lambda i: "")
    return cols


def _strongest(d: dict, n_states: int) -> dict:
    """One row per pair and year: the one with the largest |value| (COW and ATOP, TSS and TD rivalries)."""
    if not len(d["a"]) or len(np.unique(d["source"])) == 1:
        return d  # one source: its reader wrote one row per pair and year already
    y0 = int(d["year"].min())
    key = (d["a"] * n_states + d["b"]) * (int(d["year"].max()) - y0 + 1) + (d["year"] - y0)
    order = np.lexsort((-np.abs(d["value"]), key))
    _, first = np.unique(key[order], return_index=True)
    pick = order[first]
    detail = d["detail"]
    out = {k: v[pick] for k, v in d.items() if isinstance(v, np.ndarray)}
    out["detail"] = lambda i, pick=pick, detail=detail: detail(int(pick[i]))
    return out


def background_observations(dyad_years: pa.Table | None, alliances: pa.Table | None, *,
                            model: TieModel = DEFAULT_MODEL) -> ObservationSet:
    """Every background dyad-year as an observation (see the module's table)."""
    tables = [t for t in (dyad_years, alliances) if t is not None and t.num_rows]
    codes = _Codes(tables)
    S = max(len(codes.states), 1)
    parts: dict[str, dict] = {}
    if alliances is not None and alliances.num_rows:
        parts["alliance"] = _strongest(_alliance_rows(alliances, codes), S)
        if model.weights.get("portfolio", 0) > 0:
            parts["portfolio"] = _portfolios(parts["alliance"], S)
    if dyad_years is not None and dyad_years.num_rows:
        encoded = dyad_years.column("kind").combine_chunks().dictionary_encode()
        kind_index = np.asarray(encoded.indices)
        for j, kind in enumerate(encoded.dictionary.to_pylist()):
            sub = dyad_years.take(np.flatnonzero(kind_index == j))  # one pass over the kinds, not a compare each
            d = _columns(sub, codes)
            raw = np.asarray(sub.column("value"), dtype=np.float64)
            scale = np.ones(len(raw))
            standing = np.zeros(len(raw), dtype=bool)
            if kind == "un_agreement":
                value = np.clip(double_centred(d["a"], d["b"], d["year"], raw) / _Z_SCALE, -1, 1)
                n = np.asarray(sub.column("n").fill_null(0), dtype=np.float64)
                scale, name = np.minimum(1.0, n / _N_FULL), "un_votes"
            elif kind == "igo":
                value, name = np.clip(double_centred(d["a"], d["b"], d["year"], raw) / _Z_SCALE, -1, 1), "igo"
            elif kind == "mid":
                # (halving the weight of disputes nobody died in, read from ``intensity``, was tried: the
                # refit doubled the dispute weight back and scored 85/95 against 86/95 without it)
                value, name = -np.clip(raw, 0, 5) / 5.0, "mid"
            elif kind in ("war", "rivalry"):
                value, name = -np.ones(len(raw)), kind
                if kind == "rivalry":
                    standing = _standing(d["year"], d["source"])
            else:
                continue
            details = sub.column("detail")
            d.update(value=value, scale=scale, standing=standing, raw=raw,
                     detail=lambda i, details=details: details[i].as_py() or "")
            parts[name] = _strongest(d, S)
    kinds_ = tuple(sorted(parts))
    if not kinds_:
        return ObservationSet(pairs=(), kinds=(), **{k: np.zeros(0, dtype=np.int64) for k in
                                                     ("pair", "kind", "day", "end")},
                              value=np.zeros(0), weight=np.zeros(0))
    cat = {c: np.concatenate([parts[k][c] for k in kinds_]) for c in
           ("a", "b", "year", "value", "scale", "standing", "source", "raw")}
    sizes = np.cumsum([0] + [len(parts[k]["a"]) for k in kinds_])
    uniq, pair = np.unique(cat["a"] * S + cat["b"], return_inverse=True)
    states = codes.states.to_pylist()
    year = cat["year"]
    years = np.arange(year.min(), year.max() + 2)
    jan1 = np.array([date(int(y), 1, 1).toordinal() for y in years], dtype=np.int64)
    day = jan1[year - years[0]]
    end = jan1[year - years[0] + 1] - 1
    end[cat["standing"]] = STANDING
    kind = np.repeat(np.arange(len(kinds_)), np.diff(sizes))
    base = np.array([model.weights.get(k, 1.0) for k in kinds_])
    sources = codes.sources.to_pylist()
    raw = cat["raw"]
    src = cat["source"]

    def ref(i: int) -> str:
        j = int(kind[i])
        k = kinds_[j]
        detail = parts[k]["detail"](i - int(sizes[j]))
        shown = f" ({raw[i]:.3g})" if k in ("un_votes", "igo", "mid", "portfolio") else ""
        label = sources[src[i]] if src[i] >= 0 else "alliance portfolio similarity"
        return f"{label} {year[i]}" + (f": {detail}" if detail else "") + shown

    return ObservationSet(pairs=tuple((states[u // S], states[u % S]) for u in uniq), kinds=kinds_,
                          pair=pair.astype(np.int64).ravel(), kind=kind.astype(np.int64), day=day, end=end,
                          value=cat["value"], weight=base[kind] * cat["scale"], refs=ref)
