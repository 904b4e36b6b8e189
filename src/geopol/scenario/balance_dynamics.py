"""Structural balance dynamics: how a signed network of relations evolves toward balance.

**Continuous model** (Kułakowski et al. 2005; solved by Marvel, Kleinberg,
Kleinberg & Strogatz 2011, "Continuous-time model of structural balance",
*PNAS* 108:1771-1776). Relations X (symmetric, real) evolve by dX/dt = X², with
the closed form X(t) = X0 (I − t X0)^(-1). With λ the largest eigenvalue of
X0 (if positive), X blows up at t* = 1/λ and approaches a rank-one matrix
u uᵀ/(t* − t) built from the leading eigenvector u: the network splits into
two factions by the signs of u, friendly inside and hostile across.

**Local triad dynamics** (Antal, Krapivsky & Redner 2005, "Dynamics of social
balance on networks", *Phys. Rev. E* 72:036121). Repeatedly pick an
unbalanced triangle at random: with one negative tie, make it positive with
probability p, else make one of the positive ties negative; with three
negative ties, make one positive. Stops when no triangle is unbalanced.

>>> import numpy as np
>>> r = marvel(np.array([[0, 1, -1], [1, 0, -1], [-1, -1, 0]], dtype=float), names=["A", "B", "C"])
>>> r.factions, round(r.blowup, 3)
((('A', 'B'), ('C',)), 0.5)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np

from ..errors import InputError

__all__ = ["MarvelResult", "LtdResult", "marvel", "marvel_state", "local_triad_dynamics"]


@dataclass(frozen=True, kw_only=True, slots=True)
class MarvelResult:
    blowup: float | None                       # t* = 1/λ_max, None when λ_max <= 0 (no blow-up)
    factions: tuple[tuple[str, ...], tuple[str, ...]]
    leading_eigenvalue: float
    trajectory: tuple[tuple[float, np.ndarray], ...]   # (t, X(t))


def marvel_state(X0: np.ndarray, t: float) -> np.ndarray:
    """X(t) = X0 (I − t X0)^(-1), the exact solution of dX/dt = X²."""
    n = X0.shape[0]
    return X0 @ np.linalg.inv(np.eye(n) - t * X0)


MAX_STEPS = 100_000  # trajectory points of the Marvel model (each a matrix inverse)
MAX_LTD_STEPS = 10_000_000


def marvel(X0, *, names=None, steps: int = 20) -> MarvelResult:
    """Blow-up time, the two factions, and the trajectory up to 99% of the blow-up time."""
    if not 1 <= steps <= MAX_STEPS:
        raise InputError(f"steps {steps}: give 1 to {MAX_STEPS:,} (points of the trajectory to report)")
    X0 = np.asarray(X0, dtype=float)
    if X0.ndim != 2 or X0.shape[0] != X0.shape[1]:
        raise InputError("the initial relations must be a square matrix")
    if not np.allclose(X0, X0.T):
        raise InputError("the initial relations must be symmetric")
    n = X0.shape[0]
    names = tuple(names) if names is not None else tuple(str(i) for i in range(n))
    values, vectors = np.linalg.eigh(X0)
    lam, u = float(values[-1]), vectors[:, -1]
    if u[np.argmax(np.abs(u))] < 0:
        u = -u  # the faction with the largest entry is listed first
    first = tuple(names[i] for i in range(n) if u[i] >= 0)
    second = tuple(names[i] for i in range(n) if u[i] < 0)
    blowup = 1.0 / lam if lam > 1e-12 else None
    horizon = 0.99 * blowup if blowup else 1.0
    times = np.linspace(0.0, horizon, steps + 1)
    trajectory = tuple((float(t), marvel_state(X0, t)) for t in times)
    return MarvelResult(blowup=blowup, factions=(first, second), leading_eigenvalue=lam, trajectory=trajectory)


@dataclass(frozen=True, kw_only=True, slots=True)
class LtdResult:
    graph: nx.Graph
    steps: int
    balanced: bool
    trajectory: tuple[tuple[int, int, int], ...]   # (step, negative ties, unbalanced triangles)


def _unbalanced(G: nx.Graph) -> list[tuple]:
    out = []
    for u, v, w in (t for t in _triangles(G)):
        if G.edges[u, v]["sign"] * G.edges[u, w]["sign"] * G.edges[v, w]["sign"] < 0:
            out.append((u, v, w))
    return out


def _triangles(G: nx.Graph):
    order = {n: i for i, n in enumerate(G.nodes)}
    for u in G.nodes:
        higher = sorted((w for w in G[u] if order[w] > order[u]), key=order.get)
        for v, w in combinations(higher, 2):
            if G.has_edge(v, w):
                yield (u, v, w)


def local_triad_dynamics(G: nx.Graph, *, p: float = 0.5, seed: int = 0, max_steps: int = 100_000,
                         record_every: int = 1) -> LtdResult:
    """Run LTD on a copy of ``G`` (edges with ``sign``) until balanced or ``max_steps``."""
    if not 0 <= p <= 1:
        raise InputError(f"p must be in [0, 1], not {p}")
    if not 1 <= max_steps <= MAX_LTD_STEPS:
        raise InputError(f"steps {max_steps}: give 1 to {MAX_LTD_STEPS:,} (each step flips one triad's tie)")
    rng = random.Random(seed)
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, sign=1 if d.get("sign", 1) > 0 else -1)
    negatives = sum(1 for *_, s in H.edges(data="sign") if s < 0)
    bad = _unbalanced(H)
    trajectory = [(0, negatives, len(bad))]
    step = 0
    while bad and step < max_steps:
        tri = rng.choice(bad)
        edges = [(tri[0], tri[1]), (tri[0], tri[2]), (tri[1], tri[2])]
        neg = [e for e in edges if H.edges[e]["sign"] < 0]
        pos = [e for e in edges if H.edges[e]["sign"] > 0]
        if len(neg) == 1:
            if rng.random() < p:
                H.edges[neg[0]]["sign"] = 1
                negatives -= 1
            else:
                H.edges[rng.choice(pos)]["sign"] = -1
                negatives += 1
        else:  # three negative ties
            H.edges[rng.choice(neg)]["sign"] = 1
            negatives -= 1
        step += 1
        bad = _unbalanced(H)
        if step % record_every == 0 or not bad:
            trajectory.append((step, negatives, len(bad)))
    return LtdResult(graph=H, steps=step, balanced=not bad, trajectory=tuple(trajectory))
