"""How the system stands at a date: ties, network, balance, blocs, triads, change points.

Each function reads the store once (through :mod:`geopol.evidence`) and hands
the data to the pure functions of :mod:`geopol.analysis`.
"""

from __future__ import annotations

from datetime import date

from .analysis import (balance_degree, change_points, estimate_ties, frustration_index, periods, pivots,
                       pn_centrality, signed_blocs, tie_graph, triad_census)
from .errors import InputError
from .evidence import Background, gather
from .store import Store

__all__ = ["ties_at", "tie_panel", "network_at", "balance_at", "blocs_at", "triads_at", "dyad_changes"]


def _tie_row(t) -> dict:
    sign = "+" if t.value > 0 else "-" if t.value < 0 else "0"
    return {"a": t.a, "b": t.b, "at": t.at, "tie": round(t.value, 6), "sign": sign,
            "uncertainty": round(t.uncertainty, 6), "weight": round(t.weight, 6), "observations": t.n,
            "components": {k: {"mean": round(v, 6), "weight": round(w, 6)} for k, v, w in t.components}}


def ties_at(store: Store, at: date, *, bg: Background | None = None, **kw) -> tuple[list[dict], list[str]]:
    bg = bg or gather(store)
    return [_tie_row(t) for t in estimate_ties(bg.observations, at, **kw)], bg.notes


def tie_panel(store: Store, start: date, end: date, unit: str, **kw) -> tuple[list[dict], list[str]]:
    """Tie estimates at the first day of every period from ``start`` to ``end``."""
    bg = gather(store)
    rows = []
    for day in periods(start, end, unit):
        rows.extend(_tie_row(t) for t in estimate_ties(bg.observations, day, **kw))
    return rows, bg.notes


def network_at(store: Store, at: date, *, threshold: float = 0.1, bg: Background | None = None):
    """The signed network of ties at ``at`` (edges with |tie| >= threshold), nodes with CINC power."""
    bg = bg or gather(store)
    G = tie_graph(estimate_ties(bg.observations, at), threshold=threshold, power=bg.power_at(at.year))
    G.graph.update(at=at.isoformat(), threshold=threshold)
    return G, bg.notes


def balance_at(store: Store, at: date, *, threshold: float = 0.1) -> tuple[dict, list[str]]:
    G, notes = network_at(store, at, threshold=threshold)
    f = frustration_index(G)
    return {"at": at, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "frustration": f.value,
            "balance": balance_degree(G), "sides": [sorted(f.sides[0]), sorted(f.sides[1])],
            "frustrated": [list(e) for e in f.frustrated], "pivots": pivots(G),
            "centrality": {k: round(v, 6) for k, v in sorted(pn_centrality(G).items())}}, notes


def blocs_at(store: Store, at: date, *, threshold: float = 0.1, seed: int = 0) -> tuple[dict, list[str]]:
    G, notes = network_at(store, at, threshold=threshold)
    b = signed_blocs(G, seed=seed)
    return {"at": at, "blocs": [sorted(x) for x in b.blocs], "cost": round(b.cost, 6), "method": b.method}, notes


def triads_at(store: Store, at: date, *, threshold: float = 0.1) -> tuple[dict, list[str]]:
    G, notes = network_at(store, at, threshold=threshold)
    census = triad_census(G, with_members=True)
    census["members"] = {k: [list(t) for t in v] for k, v in census["members"].items()}
    return {"at": at, **census, "pivots": pivots(G)}, notes


def dyad_changes(store: Store, a: str, b: str, start: date, end: date, *, unit: str = "month",
                 penalty: float | None = None, bg: Background | None = None) -> tuple[dict, list[str]]:
    """The pair's tie series and its change points, each with the observations around it."""
    if a == b:
        raise InputError(f"give two different actors, not {a} twice")
    bg = bg or gather(store)
    pair = tuple(sorted((a, b)))
    mine = [o for o in bg.observations if o.pair() == pair]
    days = periods(start, end, unit)
    series = []
    for d in days:
        ts = estimate_ties(mine, d)
        series.append(ts[0].value if ts else 0.0)
    found = change_points(days, series, penalty=penalty)
    out = []
    for cp in found:
        lo = days[max(cp.index - 1, 0)]
        hi = days[min(cp.index + 1, len(days) - 1)]
        near = [o for o in mine if lo <= (o.end or o.day) and o.day <= hi]
        before = [o for o in mine if (o.end or o.day) < lo]
        if before:  # the last evidence before the change: a tie that lapses shows here
            near.insert(0, max(before, key=lambda o: o.end or o.day))
        around = [{"kind": o.kind, "day": o.day, "end": o.end, "value": o.value, "ref": o.ref} for o in near]
        out.append({"date": cp.date, "before": round(cp.before, 6), "after": round(cp.after, 6), "evidence": around})
    return {"a": pair[0], "b": pair[1], "unit": unit,
            "series": [{"period": d, "tie": round(v, 6)} for d, v in zip(days, series)], "changes": out}, bg.notes
