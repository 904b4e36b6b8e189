"""Blocs: signed community detection (correlation clustering) for any number of blocs.

A partition of the actors costs the weight of its negative ties inside blocs
plus its positive ties across blocs (Doreian & Mrvar 1996, "A partitioning
approach to structural balance", Social Networks 18:149-168, with alpha = 1/2).
Small graphs are solved exactly by enumerating every partition; larger ones by
local search from many seeded starts (each actor moves to the bloc that lowers
the cost most, until none does).

>>> G = signed_graph([("USA", "KOR", 1), ("USA", "JPN", 1), ("KOR", "JPN", 1), ("CHN", "PRK", 1),
...                   ("RUS", "PRK", 1), ("CHN", "RUS", 1), ("USA", "CHN", -1), ("KOR", "PRK", -1)])
>>> sorted(sorted(b) for b in signed_blocs(G).blocs)
[['CHN', 'PRK', 'RUS'], ['JPN', 'KOR', 'USA']]
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx

from .signed import signed_graph  # noqa: F401  (doctest)

__all__ = ["Blocs", "signed_blocs", "partition_cost", "EXACT_UP_TO"]

EXACT_UP_TO = 9


@dataclass(frozen=True, kw_only=True, slots=True)
class Blocs:
    blocs: tuple[frozenset, ...]
    cost: float
    method: str

    def of(self, node) -> int:
        return next(i for i, b in enumerate(self.blocs) if node in b)


def _edges(G: nx.Graph, weight: str | None):
    return [(u, v, 1 if d.get("sign", 1) > 0 else -1, float(d.get(weight, 1.0)) if weight else 1.0)
            for u, v, d in G.edges(data=True)]


def partition_cost(G: nx.Graph, assignment: dict, *, weight: str | None = None) -> float:
    """Negative weight inside blocs plus positive weight across them."""
    return sum(w for u, v, s, w in _edges(G, weight) if (s < 0) == (assignment[u] == assignment[v]))


def _partitions(n: int, max_blocs: int | None):
    """Restricted growth strings: every set partition of n items once."""
    a = [0] * n

    def rec(i: int, m: int):
        if i == n:
            yield tuple(a)
            return
        top = m + 1 if max_blocs is None else min(m + 1, max_blocs - 1)
        for k in range(top + 1):
            a[i] = k
            yield from rec(i + 1, max(m, k))

    if n:
        yield from rec(1, 0)


def _normalise(G, assignment: dict) -> tuple[frozenset, ...]:
    groups: dict[int, set] = {}
    for v in G.nodes:
        groups.setdefault(assignment[v], set()).add(v)
    order = {v: i for i, v in enumerate(G.nodes)}
    return tuple(frozenset(g) for g in sorted(groups.values(), key=lambda g: min(order[v] for v in g)))


def signed_blocs(G: nx.Graph, *, weight: str | None = "weight", max_blocs: int | None = None, seed: int = 0,
                 starts: int = 50, exact_up_to: int = EXACT_UP_TO) -> Blocs:
    """The partition of the actors into blocs that best fits the signs of their ties."""
    nodes = list(G.nodes)
    if not nodes:
        return Blocs(blocs=(), cost=0.0, method="empty")
    edges = _edges(G, weight)
    idx = {v: i for i, v in enumerate(nodes)}
    if len(nodes) <= exact_up_to:
        best, best_cost = None, float("inf")
        for rgs in _partitions(len(nodes), max_blocs):
            cost = sum(w for u, v, s, w in edges if (s < 0) == (rgs[idx[u]] == rgs[idx[v]]))
            if cost < best_cost:
                best, best_cost = rgs, cost
        assignment = {v: best[idx[v]] for v in nodes}
        return Blocs(blocs=_normalise(G, assignment), cost=best_cost, method="exact")
    rng = random.Random(seed)
    nbrs = {v: [(u, 1 if d.get("sign", 1) > 0 else -1, float(d.get(weight, 1.0)) if weight else 1.0)
                for u, d in G[v].items()] for v in nodes}
    limit = max_blocs or len(nodes)
    best, best_cost = None, float("inf")
    for _ in range(starts):
        k0 = rng.randint(1, min(limit, 4))
        assign = {v: rng.randrange(k0) for v in nodes}
        improved = True
        while improved:
            improved = False
            for v in rng.sample(nodes, len(nodes)):
                labels = set(assign.values())
                options = labels | ({max(labels) + 1} if len(labels) < limit else set())
                def local(label):
                    return sum(w for u, s, w in nbrs[v] if (s < 0) == (assign[u] == label))
                here = local(assign[v])
                target = min(options, key=lambda lab: (local(lab), lab != assign[v]))
                if local(target) < here:
                    assign[v] = target
                    improved = True
        cost = partition_cost(G, assign, weight=weight)
        if cost < best_cost:
            best, best_cost = dict(assign), cost
    return Blocs(blocs=_normalise(G, best), cost=best_cost, method=f"local search ({starts} starts, seed {seed})")
