"""Tie estimates: one signed weight in [-1, 1] per dyad and date, with an uncertainty.

Every piece of evidence about a pair becomes an *observation* with a value
v in [-1, 1] and a base weight b:

==============  =====================================================  ======
observation     value v                                                weight
==============  =====================================================  ======
event           Goldstein value / 10 (asserted events only)            1
relation        sign × strength, while its time span holds             3
alliance        0.8 defence pact; 0.5 entente; 0.3 neutrality or       4
                non-aggression pact (the strongest that year)
==============  =====================================================  ======

An observation dated *d* counts at date *t* with weight
w = b · 2^(−(t − d) / h), with half-life h (365 days by default); future
observations do not count, a relation counts fully while it holds and decays
from its end, and an alliance-year counts from 1 January to 31 December of
its year, so that the last year of the data keeps counting after it with
decay. With W = Σ w and the weighted mean m = Σ w·v / W, the estimate is
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

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

from ..errors import InputError

__all__ = ["Observation", "Tie", "estimate_ties", "tie_graph", "periods", "BASE_WEIGHTS", "ALLIANCE_VALUES"]

BASE_WEIGHTS = {"event": 1.0, "relation": 3.0, "alliance": 4.0}
ALLIANCE_VALUES = {"defense": 0.8, "entente": 0.5, "neutrality": 0.3, "nonaggression": 0.3}


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


def _decayed(obs: Observation, at: date, half_life: float) -> float:
    if obs.day > at:
        return 0.0
    last = obs.end or obs.day
    age = max((at - last).days, 0) if last < at else 0
    return obs.weight * 2.0 ** (-age / half_life)


def estimate_ties(observations: Iterable[Observation], at: date, *, half_life_days: float = 365.0,
                  prior: float = 2.0, min_weight: float = 1e-3) -> list[Tie]:
    """Tie estimates for every pair with evidence up to ``at``, strongest first."""
    if half_life_days <= 0 or prior <= 0:
        raise InputError("half-life and prior weight must be positive")
    by_pair: dict[tuple[str, str], list[tuple[float, Observation]]] = {}
    for o in observations:
        w = _decayed(o, at, half_life_days)
        if w > 0:
            by_pair.setdefault(o.pair(), []).append((w, o))
    ties = []
    for (a, b), items in by_pair.items():
        W = sum(w for w, _ in items)
        if W < min_weight:
            continue
        m = sum(w * o.value for w, o in items) / W
        value = W / (W + prior) * m
        s2 = (prior + sum(w * (o.value - value) ** 2 for w, o in items)) / (W + prior)
        kinds: dict[str, list[float]] = {}
        for w, o in items:
            acc = kinds.setdefault(o.kind, [0.0, 0.0])
            acc[0] += w * o.value
            acc[1] += w
        comps = tuple(sorted((k, v / wt, wt) for k, (v, wt) in kinds.items()))
        ties.append(Tie(a=a, b=b, at=at, value=max(-1.0, min(1.0, value)),
                        uncertainty=min(1.0, math.sqrt(s2 / (W + prior))), weight=W, n=len(items),
                        components=comps))
    return sorted(ties, key=lambda t: (-abs(t.value), t.a, t.b))


def periods(start: date, end: date, unit: str) -> list[date]:
    """The first day of every ``unit`` (day, week, month, year) from ``start`` to ``end``."""
    if start > end:
        raise InputError(f"--from {start} is after --to {end}")
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
