"""How the system stands at a date: ties, network, balance, blocs, triads, change points.

Each function reads the store once (through :mod:`geopol.evidence`) and hands
the data to the pure functions of :mod:`geopol.analysis`.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from .analysis import (balance_degree, change_points, frustration_index, periods, pivots,
                       pn_centrality, signed_blocs, tie_graph, triad_census)
from .errors import InputError
from .evidence import Background, gather
from .store import Store

__all__ = ["blocs_of", "dyad_years", "network_series", "explain_tie", "latest_date", "ties_at", "tie_panel", "network_at", "balance_at", "blocs_at", "triads_at", "dyad_changes"]


def _tie_row(t, prior: float = 2.0) -> dict:
    sign = "+" if t.value > 0 else "-" if t.value < 0 else "0"
    comps = [(k, v, w) for k, v, w in t.components if w >= 1e-3]
    return {"a": t.a, "b": t.b, "at": t.at, "tie": round(t.value, 6), "sign": sign,
            "uncertainty": round(t.uncertainty, 6), "weight": round(t.weight, 6), "observations": t.n,
            "sources": {k: round(v * w / (t.weight + prior), 6) for k, v, w in comps},
            "components": {k: {"mean": round(v, 6), "weight": round(w, 6)} for k, v, w in comps}}


def latest_date(store: Store, bg: Background | None = None) -> tuple[date, list[str]]:
    """The date analysis commands default to: the latest the store has facts for (its own articles and
    imported events), else the end of its background data, else today; with a note that says which."""
    bg = bg or gather(store)
    if bg.last_day is None:
        return date.today(), [f"no data with a date: at today, {date.today()}"]
    what = "facts" if bg.fact_actors else "background data"
    return bg.last_day, [f"at {bg.last_day}, the latest date of the store's {what} (give --at for another)"]


def _at(store: Store, bg: Background | None, at: date | None) -> tuple[Background, date, list[str]]:
    """The observations, the date asked for (default: the latest of the data) and the notes to show."""
    bg = bg or gather(store)
    notes = list(bg.notes)
    if at is None:
        at, more = latest_date(store, bg)
        notes += more
    return bg, at, notes + bg.range_note(at)


def _chosen(bg: Background, actors: list[str] | None, *, graph: bool) -> set[str] | None:
    """The actors a command is about (None: all): those given; with none given (and ``graph``), those of
    the store's own facts when it has any: the background knows every state, the user's articles say
    which matter."""
    if actors is None and graph and bg.fact_actors:
        return set(bg.fact_actors)
    if actors is None or actors == ["all"]:
        return None
    return set(actors)


def _observations(bg: Background, actors: list[str] | None, *, graph: bool):
    """The observations among the chosen actors only: estimating 20 pairs need not touch 18,000."""
    chosen = _chosen(bg, actors, graph=graph)
    return bg.observations if chosen is None else bg.observations.among(frozenset(chosen))


def _scope(bg: Background, actors: list[str] | None, ties: list, *, graph: bool) -> tuple[list, list[str]]:
    """Keep the ties among the chosen actors (:func:`_chosen`), with a note when the facts chose them."""
    chosen = _chosen(bg, actors, graph=graph)
    if chosen is None:
        return ties, []
    note = ([f"the {len(chosen)} actors of the store's own facts (give --actors A,B,... or --actors all)"]
            if actors is None else [])
    return [t for t in ties if t.a in chosen and t.b in chosen], note


def ties_at(store: Store, at: date | None = None, *, bg: Background | None = None, actors: list[str] | None = None,
            pair: tuple[str, str] | None = None) -> tuple[list[dict], list[str]]:
    bg, at, notes = _at(store, bg, at)
    obs = bg.observations.only(pair) if pair else _observations(bg, actors, graph=True)
    ties, more = _scope(bg, actors, bg.ties(at, obs), graph=pair is None)
    return [_tie_row(t, bg.model.prior) for t in ties], notes + more


def tie_panel(store: Store, start: date, end: date, unit: str, *, actors: list[str] | None = None
              ) -> tuple[list[dict], list[str]]:
    """Tie estimates at the first day of every period from ``start`` to ``end``."""
    bg = gather(store)
    rows = []
    obs = _observations(bg, actors, graph=True)
    for day in periods(start, end, unit):
        rows.extend(_tie_row(t, bg.model.prior) for t in _scope(bg, actors, bg.ties(day, obs), graph=True)[0])
    return rows, bg.notes + _scope(bg, actors, [], graph=True)[1]


def network_at(store: Store, at: date | None = None, *, threshold: float = 0.1, bg: Background | None = None,
               actors: list[str] | None = None):
    """The signed network of ties at ``at`` (edges with |tie| >= threshold), nodes with CINC power."""
    bg, at, notes = _at(store, bg, at)
    ties, more = _scope(bg, actors, bg.ties(at, _observations(bg, actors, graph=True)), graph=True)
    members = {x for t in ties for x in (t.a, t.b)}
    G = tie_graph(ties, threshold=threshold, power={k: v for k, v in bg.power_at(at.year).items() if k in members})
    G.graph.update(at=at.isoformat(), threshold=threshold)
    return G, notes + more


def network_series(store: Store, start: date, end: date, unit: str, *, threshold: float = 0.1,
                   actors: list[str] | None = None) -> tuple[list[tuple[str, str, object]], list[str]]:
    """The signed network at the first day of every period: (period start, next period start, graph)."""
    bg = gather(store)
    days = periods(start, end, unit)
    frames = []
    for i, d in enumerate(days):
        G, _ = network_at(store, d, threshold=threshold, bg=bg, actors=actors)
        nxt = days[i + 1] if i + 1 < len(days) else end
        frames.append((d.isoformat(), nxt.isoformat(), G))
    return frames, bg.notes + _scope(bg, actors, [], graph=True)[1]


def balance_at(store: Store, at: date | None = None, *, threshold: float = 0.1, actors: list[str] | None = None
               ) -> tuple[dict, list[str]]:
    G, notes = network_at(store, at, threshold=threshold, actors=actors)
    at = date.fromisoformat(G.graph["at"])
    f = frustration_index(G)
    return {"at": at, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "frustration": f.value,
            "balance": balance_degree(G), "sides": [sorted(f.sides[0]), sorted(f.sides[1])],
            "frustrated": [list(e) for e in f.frustrated], "pivots": pivots(G),
            "centrality": {k: round(v, 6) for k, v in sorted(pn_centrality(G).items())}}, notes


def blocs_at(store: Store, at: date | None = None, *, threshold: float = 0.1, seed: int = 0,
             actors: list[str] | None = None) -> tuple[dict, list[str]]:
    G, notes = network_at(store, at, threshold=threshold, actors=actors)
    at = date.fromisoformat(G.graph["at"])
    b, unattached = blocs_of(G, seed=seed)
    return {"at": at, "blocs": [sorted(x) for x in b.blocs] if b else [], "cost": round(b.cost, 6) if b else 0.0,
            "method": b.method if b else "none", "unattached": unattached}, notes


def blocs_of(G, *, seed: int = 0):
    """The blocs of the actors with a tie above the threshold, and the actors with none ("unattached": any
    bloc would fit them equally, so none is chosen). The web page and `geopol blocs` both use it."""
    unattached = sorted(v for v in G.nodes if G.degree(v) == 0)
    H = G.subgraph([v for v in G.nodes if G.degree(v) > 0]).copy()
    return (signed_blocs(H, seed=seed) if H.number_of_edges() else None), unattached


def triads_at(store: Store, at: date | None = None, *, threshold: float = 0.1, actors: list[str] | None = None
              ) -> tuple[dict, list[str]]:
    G, notes = network_at(store, at, threshold=threshold, actors=actors)
    at = date.fromisoformat(G.graph["at"])
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
    mine = bg.observations.only(pair)
    days = periods(start, end, unit)
    series = []
    for d in days:
        ts = bg.ties(d, mine)
        series.append(ts[0].value if ts else 0.0)
    found = change_points(days, series, penalty=penalty)
    out = []
    lo_ord = mine.day
    last = mine.end
    for cp in found:
        lo = days[max(cp.index - 1, 0)].toordinal()
        hi = days[min(cp.index + 1, len(days) - 1)].toordinal()
        idx = [int(i) for i in np.flatnonzero((lo <= last) & (lo_ord <= hi))]
        before = np.flatnonzero(last < lo)
        if len(before):  # the last evidence before the change: a tie that lapses shows here
            idx.insert(0, int(before[np.argmax(last[before])]))
        # the heaviest first: what moved the tie, not every alliance-year around it
        idx = idx[:1] + sorted(idx[1:], key=lambda i: -abs(mine.value[i]) * mine.weight[i])
        near = [mine.observation(i) for i in idx[:200]]
        around = [{"kind": o.kind, "day": o.day, "end": None if o.end == date.max else o.end,
                   "standing": o.end == date.max, "value": o.value, "ref": o.ref} for o in near]
        out.append({"date": cp.date, "before": round(cp.before, 6), "after": round(cp.after, 6), "evidence": around})
    return {"a": pair[0], "b": pair[1], "unit": unit,
            "series": [{"period": d, "tie": round(v, 6)} for d, v in zip(days, series)], "changes": out}, bg.notes


def _fact_sentences(store: Store, pair: tuple[str, str]) -> dict[str, str]:
    """fact id -> what it is and the sentence behind it, for the pair's events and relations."""
    from .store import fact_id

    out = {}
    for e in store.events():
        if {e.source, e.target} == set(pair) and e.evidence:
            out[fact_id(e)] = f"event {e.cameo}: {e.evidence[0].text[:160]}"
    for r in store.relations():
        if {r.a, r.b} == set(pair) and r.evidence:
            out[fact_id(r)] = f"relation {r.kind}: {r.evidence[0].text[:160]}"
    return out


def explain_tie(store: Store, a: str, b: str, at: date | None = None, *, bg: Background | None = None
                ) -> tuple[dict, list[str]]:
    """One pair's tie and where it comes from: each source's contribution (its weighted share of the estimate:
    the contributions add up to the tie), mean value and weight, and its heaviest observations."""
    if a == b:
        raise InputError(f"give two different actors, not {a} twice")
    bg = bg or gather(store)
    notes = list(bg.notes)
    if at is None:
        at, more = latest_date(store, bg)
        notes += more
    pair = tuple(sorted((a, b)))
    mine = bg.observations.only(pair)
    ties = bg.ties(at, mine)
    from .analysis.ties import decayed_weights

    w = decayed_weights(mine, at, bg.model.half_lives) if len(mine) else np.zeros(0)
    W = float(w.sum())
    shrink = 1.0 / (W + bg.model.prior) if W > 0 else 0.0
    sources = []
    for k, name in enumerate(mine.kinds):
        sel = np.flatnonzero((mine.kind == k) & (w > 0))
        if not len(sel):
            continue
        wk = float(w[sel].sum())
        if wk < 1e-3:  # faded to nothing
            continue
        top = sel[np.argsort(-(w[sel] * np.abs(mine.value[sel])))][:5]
        sources.append({"source": name, "contribution": round(float((w[sel] * mine.value[sel]).sum()) * shrink, 6),
                        "mean": round(float((w[sel] * mine.value[sel]).sum()) / wk, 6), "weight": round(wk, 6),
                        "observations": int(len(sel)),
                        "top": [{"day": date.fromordinal(int(mine.day[i])), "value": round(float(mine.value[i]), 6),
                                 "weight": round(float(w[i]), 6), "ref": mine.refs(int(i))} for i in top]})
    sources.sort(key=lambda s: -abs(s["contribution"]))
    said = _fact_sentences(store, pair)
    for src in sources:
        for o in src["top"]:
            if o["ref"] in said:
                o["fact"], o["ref"] = o["ref"], said[o["ref"]]
    t = ties[0] if ties else None
    return {"a": pair[0], "b": pair[1], "at": at, "tie": round(t.value, 6) if t else 0.0,
            "uncertainty": round(t.uncertainty, 6) if t else round(1 / bg.model.prior ** 0.5, 6),
            "observations": t.n if t else 0, "prior": bg.model.prior, "sources": sources}, notes


def dyad_years(store: Store, first: int, last: int, *, actors: list[str] | None = None,
               bg: Background | None = None) -> tuple[list[dict], list[str]]:
    """One row per pair and year, in the shape of peacesciencer's dyad-years: the tie at YEAR-07-01 with its
    uncertainty, and the background readings of that year (alliance type, alliance-portfolio r, UN-vote
    agreement, highest dispute hostility, war, rivalry, shared IGOs) and both states' CINC."""
    import pyarrow.compute as pc

    from .evidence import background_tables

    if first > last:
        raise InputError(f"--from {first} is after --to {last}")
    if last - first > 300:
        raise InputError(f"{first}-{last}: at most 300 years at a time")
    bg = bg or gather(store)
    chosen = set(actors) if actors and actors != ["all"] else None
    dy, al, _, _, _ = background_tables(store)
    sel = pc.and_(pc.greater_equal(dy.column("year"), first), pc.less_equal(dy.column("year"), last))
    readings: dict[tuple[str, str, int], dict] = {}
    column = {"un_agreement": "un_agreement", "mid": "mid_hostility", "war": "war", "rivalry": "rivalry",
              "igo": "igos"}
    for a, b, y, kind, value in zip(*(dy.filter(sel).column(c).to_pylist()
                                      for c in ("a", "b", "year", "kind", "value"))):
        if chosen and not (a in chosen and b in chosen):
            continue
        r = readings.setdefault((a, b, int(y)), {})
        name = column[kind]
        r[name] = max(r.get(name, value), value) if kind != "un_agreement" else round(value, 4)
    alsel = pc.and_(pc.greater_equal(al.column("year"), first), pc.less_equal(al.column("year"), last))
    for row in al.filter(alsel).to_pylist():
        if chosen and not (row["a"] in chosen and row["b"] in chosen):
            continue
        kind = next((k for k in ("defense", "entente", "neutrality", "nonaggression") if row[k]), None)
        if kind:
            r = readings.setdefault((row["a"], row["b"], int(row["year"])), {})
            order = ("nonaggression", "neutrality", "entente", "defense")
            if order.index(kind) > order.index(r.get("alliance", "nonaggression")) or "alliance" not in r:
                r["alliance"] = kind
    rows = []
    obs = bg.observations if chosen is None else bg.observations.among(frozenset(chosen))
    for year in range(first, last + 1):
        at = date(year, 7, 1)
        power = bg.power_at(year)
        ties = {(t.a, t.b): t for t in bg.ties(at, obs)}
        pairs = set(ties) | {(a, b) for (a, b, y) in readings if y == year}
        for a, b in sorted(pairs):
            if chosen and not (a in chosen and b in chosen):
                continue
            t, r = ties.get((a, b)), readings.get((a, b, year), {})
            rows.append({"a": a, "b": b, "year": year, "tie": round(t.value, 6) if t else 0.0,
                         "uncertainty": round(t.uncertainty, 6) if t else None,
                         "alliance": r.get("alliance"), "un_agreement": r.get("un_agreement"),
                         "mid_hostility": r.get("mid_hostility"), "war": bool(r.get("war")),
                         "rivalry": bool(r.get("rivalry")), "igos": r.get("igos"),
                         "cinc_a": power.get(a), "cinc_b": power.get(b)})
    return rows, bg.notes
