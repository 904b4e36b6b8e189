"""Signed graphs: construction, triangles, balance, triads, pivots, centrality.

A signed graph is a ``networkx.Graph`` whose edges carry ``sign`` (+1 or -1)
and optionally ``weight`` (a magnitude, default 1). Functions never change
the graph they are given.

>>> G = signed_graph([("GB", "F", 1), ("GB", "G", -1), ("F", "G", -1)])
>>> balance_degree(G)
1.0
>>> triad_census(G)["+--"]
1
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterable

import networkx as nx
import numpy as np

__all__ = ["signed_graph", "triangles", "balance_degree", "triad_census", "pivots", "pn_centrality", "TRIAD_TYPES"]

# Triangle types by their signs; structural balance (Heider; Cartwright & Harary 1956):
# +++ and +-- are balanced, ++- and --- are not (--- is balanced only in Davis's weak sense).
TRIAD_TYPES = {"+++": True, "+--": True, "++-": False, "---": False}


def signed_graph(edges: Iterable[tuple], *, nodes: Iterable = ()) -> nx.Graph:
    """Build a signed graph from ``(u, v, sign)`` or ``(u, v, sign, weight)`` tuples.

    A pair listed more than once gets the sign of the sum of its signs (times
    weights), and is dropped when the sum is zero; self-loops are ignored.
    """
    totals: dict[tuple, float] = {}
    for e in edges:
        u, v, s = e[0], e[1], e[2]
        w = e[3] if len(e) > 3 else 1.0
        if u == v:
            continue
        key = (v, u) if (v, u) in totals else (u, v)
        totals[key] = totals.get(key, 0.0) + (1 if s > 0 else -1) * abs(w)
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for (u, v), total in totals.items():
        if total != 0:
            G.add_edge(u, v, sign=1 if total > 0 else -1, weight=abs(total))
    return G


def _sign(G: nx.Graph, u, v) -> int:
    return G.edges[u, v].get("sign", 1)


def triangles(G: nx.Graph) -> list[tuple]:
    """Every triangle ``(a, b, c)`` once, nodes in the graph's order."""
    order = {n: i for i, n in enumerate(G.nodes)}
    out = []
    for u in G.nodes:
        higher = [w for w in G[u] if order[w] > order[u]]
        for v, w in combinations(sorted(higher, key=order.get), 2):
            if G.has_edge(v, w):
                out.append((u, v, w))
    return out


def _triad_type(G: nx.Graph, tri: tuple) -> str:
    a, b, c = tri
    positives = sum(_sign(G, x, y) > 0 for x, y in ((a, b), (a, c), (b, c)))
    return {3: "+++", 2: "++-", 1: "+--", 0: "---"}[positives]


def balance_degree(G: nx.Graph) -> float | None:
    """Share of triangles that are balanced (Cartwright & Harary 1956); None without triangles."""
    tris = triangles(G)
    if not tris:
        return None
    return sum(TRIAD_TYPES[_triad_type(G, t)] for t in tris) / len(tris)


def triad_census(G: nx.Graph, *, with_members: bool = False) -> dict:
    """Counts of triangles by sign pattern, with ``balanced`` and ``unbalanced`` totals.

    With ``with_members``, also ``"members"``: each type's triangles.
    """
    counts = {t: 0 for t in TRIAD_TYPES}
    members: dict[str, list] = {t: [] for t in TRIAD_TYPES}
    for tri in triangles(G):
        t = _triad_type(G, tri)
        counts[t] += 1
        members[t].append(tri)
    out = dict(counts)
    out["balanced"] = counts["+++"] + counts["+--"]
    out["unbalanced"] = counts["++-"] + counts["---"]
    if with_members:
        out["members"] = members
    return out


def pivots(G: nx.Graph) -> list[dict]:
    """Actors tied positively to two actors hostile to each other.

    Each pivot is ``{"pivot", "a", "b"}`` with a and b enemies: the position
    Kim Il-sung held between Beijing and Moscow. Sorted by pivot, then pair.

    >>> pivots(signed_graph([("PRK", "CHN", 1), ("PRK", "RUS", 1), ("CHN", "RUS", -1)]))
    [{'pivot': 'PRK', 'a': 'CHN', 'b': 'RUS'}]
    """
    out = []
    for p in G.nodes:
        friends = sorted((n for n in G[p] if _sign(G, p, n) > 0), key=str)
        for a, b in combinations(friends, 2):
            if G.has_edge(a, b) and _sign(G, a, b) < 0:
                out.append({"pivot": p, "a": a, "b": b})
    return sorted(out, key=lambda d: (str(d["pivot"]), str(d["a"]), str(d["b"])))


def pn_centrality(G: nx.Graph) -> dict:
    """PN centrality for signed graphs (Everett & Borgatti 2014, Social Networks 38:111-120).

    PN = (I - A / (2n - 2))^-1 · 1 with A = P - 2N, P and N the adjacency
    matrices of positive and negative ties. High values: many friends whose
    friends are many, few enemies.
    """
    nodes = list(G.nodes)
    n = len(nodes)
    if n < 2:
        return {v: 1.0 for v in nodes}
    idx = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for u, v, d in G.edges(data=True):
        val = 1.0 if d.get("sign", 1) > 0 else -2.0
        A[idx[u], idx[v]] = A[idx[v], idx[u]] = val
    pn = np.linalg.solve(np.eye(n) - A / (2 * n - 2), np.ones(n))
    return {v: float(pn[idx[v]]) for v in nodes}
