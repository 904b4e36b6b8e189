"""Tie estimates: one signed weight in [-1, 1] per dyad and date, with an uncertainty.

Every piece of evidence about a pair becomes an *observation* with a value
v in [-1, 1] and a base weight b; what each source contributes (text events
and relations, imported datasets, alliances, votes, disputes ...) is set in
:mod:`geopol.analysis.background` (``TieModel``) and ``docs/measures.md``.

An observation dated *d* counts at date *t* with weight
w = b · 2^(−(t − e) / h), e its end (d for a dated event), with half-life h
(365 days by default, or one per kind); future observations do not count, and
one that spans a time (a relation, an alliance-year) counts fully while it
holds and decays from its end. With W = Σ w and the weighted mean m = Σ w·v / W, the estimate is
shrunk toward 0 by a prior of weight k (2 by default):

    tie = W / (W + k) · m

and its uncertainty is the standard error of that estimate with the prior
counted as k pseudo-observations of value 0 and spread 1:

    s² = (k + Σ w (v − tie)²) / (W + k),    uncertainty = s / √(W + k)

so a pair with no evidence has tie 0 and uncertainty 1/√k ≈ 0.71, and the
uncertainty falls as evidence accumulates and agrees.

>>> from datetime import date
>>> obs = [Observation(a="CHN", b="PRK", day=date(2024, 1, 1), end=date(2024, 12, 31), value=0.8, weight=4,
...                    kind="alliance")]
>>> t = estimate_ties(obs, date(2024, 6, 1))[0]
>>> round(t.value, 3), round(t.uncertainty, 3)
(0.533, 0.252)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable, Iterable

import numpy as np

from ..errors import InputError

__all__ = ["Observation", "ObservationSet", "STANDING", "Tie", "concat", "decayed_weights", "estimate_ties",
           "tie_graph", "periods"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Observation:
    """One piece of evidence about a pair; ``end`` for those that hold over a span."""

    a: str
    b: str
    day: date
    value: float
    weight: float
    kind: str
    end: date | None = None
    ref: str = ""  # where it comes from: a fact id, a dataset row, "COW alliances 2012"

    def pair(self) -> tuple[str, str]:
        return (self.a, self.b) if self.a <= self.b else (self.b, self.a)


@dataclass(frozen=True, kw_only=True, slots=True)
class Tie:
    a: str
    b: str
    at: date
    value: float
    uncertainty: float
    weight: float
    n: int
    components: tuple[tuple[str, float, float], ...] = field(default=())  # (kind, mean value, weight)

    @property
    def sign(self) -> int:
        return 1 if self.value > 0 else -1 if self.value < 0 else 0


MAX_PERIODS = 20_000  # 55 years of days; every period is one estimate over all the observations
STANDING = date.max.toordinal()  # the end of an observation that still holds (a standing alliance)


@dataclass(frozen=True, eq=False)
class ObservationSet:
    """Many observations as columns (NumPy), for estimating every pair's tie at once.

    ``pair`` indexes ``pairs`` (``a < b``), ``kind`` indexes ``kinds``; ``day`` and ``end``
    are date ordinals (``end`` = ``day`` for a dated event, :data:`STANDING` for one that
    still holds); ``ref(i)`` says where observation *i* comes from.
    """

    pairs: tuple[tuple[str, str], ...]
    kinds: tuple[str, ...]
    pair: np.ndarray
    kind: np.ndarray
    day: np.ndarray
    end: np.ndarray
    value: np.ndarray
    weight: np.ndarray
    refs: Callable[[int], str] = field(default=lambda i: "")

    def __len__(self) -> int:
        return len(self.value)

    @classmethod
    def from_observations(cls, observations: Iterable[Observation]) -> "ObservationSet":
        obs = list(observations)
        pairs = sorted({o.pair() for o in obs})
        kinds = sorted({o.kind for o in obs})
        pi, ki = {p: i for i, p in enumerate(pairs)}, {k: i for i, k in enumerate(kinds)}
        return cls(pairs=tuple(pairs), kinds=tuple(kinds),
                   pair=np.array([pi[o.pair()] for o in obs], dtype=np.int64),
                   kind=np.array([ki[o.kind] for o in obs], dtype=np.int64),
                   day=np.array([o.day.toordinal() for o in obs], dtype=np.int64),
                   end=np.array([(o.end or o.day).toordinal() for o in obs], dtype=np.int64),
                   value=np.array([o.value for o in obs], dtype=np.float64),
                   weight=np.array([o.weight for o in obs], dtype=np.float64),
                   refs=lambda i, obs=obs: obs[i].ref)

    def observation(self, i: int) -> Observation:
        a, b = self.pairs[self.pair[i]]
        end = None if self.end[i] == self.day[i] else date.max if self.end[i] == STANDING else \
            date.fromordinal(int(self.end[i]))
        return Observation(a=a, b=b, day=date.fromordinal(int(self.day[i])), end=end, value=float(self.value[i]),
                           weight=float(self.weight[i]), kind=self.kinds[self.kind[i]], ref=self.refs(i))

    def among(self, actors: set[str] | frozenset[str]) -> "ObservationSet":
        """The observations of the pairs both of whose actors are in ``actors``."""
        keep_pair = np.array([a in actors and b in actors for a, b in self.pairs], dtype=bool)
        if keep_pair.all():
            return self
        new_index = np.cumsum(keep_pair) - 1
        idx = np.flatnonzero(keep_pair[self.pair]) if len(self.pairs) else np.zeros(0, dtype=np.int64)
        pairs = tuple(p for p, k in zip(self.pairs, keep_pair) if k)
        return ObservationSet(pairs=pairs, kinds=self.kinds, pair=new_index[self.pair[idx]], kind=self.kind[idx],
                              day=self.day[idx], end=self.end[idx], value=self.value[idx], weight=self.weight[idx],
                              refs=lambda i, idx=idx, refs=self.refs: refs(int(idx[i])))

    def only(self, pair: tuple[str, str]) -> "ObservationSet":
        """The observations of one pair."""
        pair = tuple(sorted(pair))
        if pair not in self.pairs:
            return ObservationSet(pairs=(), kinds=self.kinds, **{k: np.zeros(0, dtype=getattr(self, k).dtype) for k in
                                                                 ("pair", "kind", "day", "end", "value", "weight")})
        idx = np.flatnonzero(self.pair == self.pairs.index(pair))
        return ObservationSet(pairs=(pair,), kinds=self.kinds, pair=np.zeros(len(idx), dtype=np.int64),
                              kind=self.kind[idx], day=self.day[idx], end=self.end[idx], value=self.value[idx],
                              weight=self.weight[idx], refs=lambda i, idx=idx, refs=self.refs: refs(int(idx[i])))


def concat(sets: Iterable[ObservationSet]) -> ObservationSet:
    """One set holding the observations of all ``sets`` (pairs and kinds re-indexed)."""
    sets = [s for s in sets if len(s)]
    pairs = sorted({p for s in sets for p in s.pairs})
    kinds = sorted({k for s in sets for k in s.kinds})
    pi, ki = {p: i for i, p in enumerate(pairs)}, {k: i for i, k in enumerate(kinds)}
    cols: dict[str, list] = {k: [] for k in ("pair", "kind", "day", "end", "value", "weight")}
    offsets = []
    n = 0
    for s in sets:
        cols["pair"].append(np.array([pi[p] for p in s.pairs], dtype=np.int64)[s.pair] if s.pairs else s.pair)
        cols["kind"].append(np.array([ki[k] for k in s.kinds], dtype=np.int64)[s.kind] if s.kinds else s.kind)
        for k in ("day", "end", "value", "weight"):
            cols[k].append(getattr(s, k))
        offsets.append(n)
        n += len(s)

    def refs(i: int) -> str:
        j = int(np.searchsorted(offsets, i, side="right")) - 1
        return sets[j].refs(i - offsets[j])

    empty = {"pair": np.int64, "kind": np.int64, "day": np.int64, "end": np.int64, "value": np.float64,
             "weight": np.float64}
    return ObservationSet(pairs=tuple(pairs), kinds=tuple(kinds),
                          **{k: np.concatenate(v) if v else np.zeros(0, dtype=empty[k]) for k, v in cols.items()},
                          refs=refs)


def decayed_weights(obs: ObservationSet, at: date, half_lives: dict[str, float] | float) -> np.ndarray:
    """Each observation's weight at ``at``: b · 2^(−age / h), age counted from its end; 0 before it starts."""
    t = at.toordinal()
    if isinstance(half_lives, (int, float)):
        h = np.full(len(obs.kinds), float(half_lives))
    else:
        h = np.array([half_lives.get(k, half_lives.get("default", 365.0)) for k in obs.kinds], dtype=np.float64)
    if (h <= 0).any() or (isinstance(half_lives, (int, float)) and half_lives <= 0):
        raise InputError("half-lives must be positive")
    w = np.zeros(len(obs))
    if not len(obs):
        return w
    # only what has started and has not faded below 2^-20 (a millionth) of itself: the rest counts as nothing
    live = np.flatnonzero((obs.day <= t) & (obs.end >= t - 20 * h.max()))
    hl = h[obs.kind[live]]
    age = np.maximum(t - obs.end[live], 0)
    w[live] = obs.weight[live] * np.exp2(-age / hl)
    return w


def estimate_ties(observations: Iterable[Observation] | ObservationSet, at: date, *,
                  half_life_days: float | dict[str, float] = 365.0, prior: float = 2.0,
                  min_weight: float = 1e-3) -> list[Tie]:
    """Tie estimates for every pair with evidence up to ``at``, strongest first.

    ``half_life_days`` is one half-life for all, or one per kind (``"default"`` for the rest).
    """
    if prior <= 0:
        raise InputError("the prior weight must be positive")
    obs = observations if isinstance(observations, ObservationSet) else ObservationSet.from_observations(observations)
    w = decayed_weights(obs, at, half_life_days)  # checks the half-lives
    if not len(obs):
        return []
    P, K = len(obs.pairs), len(obs.kinds)
    live = np.flatnonzero(w > 0)
    w, pair, v = w[live], obs.pair[live], obs.value[live]
    wv = w * v
    W = np.bincount(pair, weights=w, minlength=P)
    Sv = np.bincount(pair, weights=wv, minlength=P)
    Sv2 = np.bincount(pair, weights=wv * v, minlength=P)
    N = np.bincount(pair, minlength=P)
    cell = pair * K + obs.kind[live]
    KW = np.bincount(cell, weights=w, minlength=P * K).reshape(P, K)
    KV = np.bincount(cell, weights=wv, minlength=P * K).reshape(P, K)
    keep = np.flatnonzero(W >= min_weight)
    m = Sv[keep] / W[keep]
    value = W[keep] / (W[keep] + prior) * m
    s2 = (prior + Sv2[keep] - 2 * value * Sv[keep] + value ** 2 * W[keep]) / (W[keep] + prior)
    unc = np.minimum(1.0, np.sqrt(np.maximum(s2, 0.0) / (W[keep] + prior)))
    value = np.clip(value, -1.0, 1.0)
    kinds = obs.kinds
    kw, kv = KW[keep].tolist(), KV[keep].tolist()
    ties = []
    for j, (p, v, u, wsum, n) in enumerate(zip(keep.tolist(), value.tolist(), unc.tolist(), W[keep].tolist(),
                                                N[keep].tolist())):
        a, b = obs.pairs[p]
        comps = tuple((kinds[k], kv[j][k] / x, x) for k, x in enumerate(kw[j]) if x > 0)
        ties.append(Tie(a=a, b=b, at=at, value=v, uncertainty=u, weight=wsum, n=int(n), components=comps))
    return sorted(ties, key=lambda t: (-abs(t.value), t.a, t.b))


def periods(start: date, end: date, unit: str) -> list[date]:
    """The first day of every ``unit`` (day, week, month, year) from ``start`` to ``end``."""
    if start > end:
        raise InputError(f"--from {start} is after --to {end}")
    approx = (end - start).days / {"day": 1, "week": 7, "month": 30.4, "year": 365.25}.get(unit, 1)
    if approx > MAX_PERIODS:
        raise InputError(f"{start} to {end} by {unit} is about {approx:,.0f} periods: at most {MAX_PERIODS:,}; "
                         "narrow --from/--to or take a coarser --unit")
    out = []
    if unit == "year":
        out = [date(y, 1, 1) for y in range(start.year, end.year + 1)]
    elif unit == "month":
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            out.append(date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    elif unit == "week":
        d = start - timedelta(days=start.weekday())
        while d <= end:
            out.append(d)
            d += timedelta(days=7)
    elif unit == "day":
        out = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    else:
        raise InputError(f"unknown --unit {unit!r}: use day, week, month or year")
    return out


def tie_graph(ties: Iterable[Tie], *, threshold: float = 0.1, power: dict[str, float] | None = None):
    """The signed network of ties at least ``threshold`` strong; ``weight`` = |tie|, nodes carry ``power``."""
    if not 0 <= threshold <= 1:  # NaN fails too
        raise InputError(f"threshold must be in [0, 1], not {threshold}")
    from .signed import signed_graph

    ties = list(ties)
    nodes = sorted({t.a for t in ties} | {t.b for t in ties} | set(power or ()))
    G = signed_graph([(t.a, t.b, t.sign, abs(t.value)) for t in ties if abs(t.value) >= threshold and t.sign],
                     nodes=nodes)
    for t in ties:
        if G.has_edge(t.a, t.b):
            G.edges[t.a, t.b].update(tie=t.value, uncertainty=t.uncertainty)
    for v in G.nodes:
        if power and v in power:
            G.nodes[v]["power"] = power[v]
    return G
