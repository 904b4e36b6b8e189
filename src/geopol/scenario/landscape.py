"""Landscape theory of aggregation (Axelrod & Bennett 1993, *British Journal of Political
Science* 23:211-233), computed exactly.

Actors i have sizes s_i and pairwise propensities p_ij (positive: they want to
be together). A configuration X splits them into two sides; d_ij(X) = 1 when
i and j are on different sides. Actor i's frustration and the energy are

    F_i(X) = s_i · Σ_{j≠i} s_j p_ij d_ij(X),        E(X) = Σ_i F_i(X)

so E sums over ordered pairs and counts each pair twice — the convention of
Furnas and Axelrod's script, kept so that energies match their published
tables. A configuration is a *local minimum* when no single actor can lower
its own frustration by switching sides. Every configuration is enumerated
(2^(n-1) of them: actor 0 stays on side 1) with NumPy, one actor's switch at a
time in Gray-code order, so each step updates the frustrations in O(n). The
*basin* of a minimum is the share of configurations from which steepest
descent (the actor whose switch lowers its frustration most switches, ties to
the lowest index, until none can) ends there.

>>> r = landscape([10, 10, 10], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]], names=["A", "B", "C"])
>>> [(m.energy, m.sides) for m in r.minima]
[(-400.0, (('A', 'B'), ('C',)))]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import InputError

__all__ = ["Landscape", "LandscapeMinimum", "landscape", "energies", "MAX_EXACT"]

MAX_EXACT = 26


@dataclass(frozen=True, kw_only=True, slots=True)
class LandscapeMinimum:
    config: int                      # bit i set: actor i on side 2 (actor 0 never)
    energy: float
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    basin: float
    frustration: dict


@dataclass(frozen=True, kw_only=True, slots=True)
class Landscape:
    actors: tuple[str, ...]
    minima: tuple[LandscapeMinimum, ...]   # lowest energy first
    n_configurations: int


def _matrices(sizes, propensities):
    s = np.asarray(sizes, dtype=float)
    p = np.asarray(propensities, dtype=float)
    n = len(s)
    if p.shape != (n, n):
        raise InputError(f"{n} sizes but a {p.shape[0]}x{p.shape[1] if p.ndim > 1 else 0} propensity matrix")
    if n < 2:
        raise InputError("landscape theory needs at least two actors")
    if n > MAX_EXACT:
        raise InputError(f"{n} actors: exact enumeration goes up to {MAX_EXACT}")
    p = p.copy()
    np.fill_diagonal(p, 0.0)
    W = s[:, None] * s[None, :] * p   # W[i, j] = s_i s_j p_ij
    return s, W


def energies(sizes, propensities) -> tuple[np.ndarray, np.ndarray]:
    """(E, F): the energy of every configuration and each actor's frustration in it.

    Configuration c (0 <= c < 2^(n-1)) puts actor i (i >= 1) on side 2 when bit
    i-1 of c is set. F has shape (2^(n-1), n).
    """
    s, W = _matrices(sizes, propensities)
    n = len(s)
    m = 1 << (n - 1)
    side = ((np.arange(m)[:, None] >> np.arange(n - 1)[None, :]) & 1).astype(np.int8)
    side = np.concatenate([np.zeros((m, 1), dtype=np.int8), side], axis=1)  # (m, n), actor 0 on side 0
    # d_ij = side_i xor side_j; F_i = Σ_j W_ij d_ij = Σ_j W_ij (side_i + side_j - 2 side_i side_j)
    row = W.sum(axis=1)
    sw = side @ W.T                                      # (m, n): Σ_j W_ij side_j
    F = side * row[None, :] + sw - 2 * side * sw
    return F.sum(axis=1), F


def _descend(F: np.ndarray, flip_gain: np.ndarray) -> np.ndarray:
    """For every configuration, the local minimum steepest descent reaches."""
    m, n = F.shape
    best = np.argmax(flip_gain, axis=1)                  # the actor that gains most by switching
    gain = flip_gain[np.arange(m), best]
    step = np.where(gain > 1e-9, np.arange(m), -1)
    nxt = np.arange(m).copy()
    movers = gain > 1e-9
    # switching actor k: configurations are indexed with actor 0 fixed, so switching actor 0
    # is the same as switching everyone else (the same split with the sides renamed)
    k = best[movers]
    c = np.arange(m)[movers]
    full = (1 << (n - 1)) - 1
    nxt[movers] = np.where(k == 0, c ^ full, c ^ (1 << np.maximum(k - 1, 0)))
    del step
    # follow the pointers to their fixed points
    target = nxt.copy()
    for _ in range(m):
        new = target[target]
        if np.array_equal(new, target):
            break
        target = new
    return target


def landscape(sizes, propensities, *, names=None) -> Landscape:
    """Every local minimum of the landscape, with its energy, sides, basin and frustrations."""
    s, W = _matrices(sizes, propensities)
    n = len(s)
    names = tuple(names) if names is not None else tuple(str(i) for i in range(n))
    if len(names) != n:
        raise InputError(f"{len(names)} names for {n} actors")
    E, F = energies(sizes, propensities)
    row = W.sum(axis=1)
    # an actor who switches sees d_ij flip for every j: its frustration becomes row_i - F_i
    flip_gain = F - (row[None, :] - F)                  # > 0: switching lowers its frustration
    is_min = ~(flip_gain > 1e-9).any(axis=1)
    target = _descend(F, flip_gain)
    counts = np.bincount(target, minlength=len(E))
    minima = []
    for c in np.flatnonzero(is_min):
        side2 = [names[i] for i in range(1, n) if (c >> (i - 1)) & 1]
        side1 = [names[i] for i in range(n) if names[i] not in side2]
        minima.append(LandscapeMinimum(
            config=int(c), energy=float(E[c]), sides=(tuple(side1), tuple(side2)),
            basin=float(counts[c]) / len(E),
            frustration={names[i]: float(F[c, i]) for i in range(n)}))
    minima.sort(key=lambda m: (m.energy, m.config))
    return Landscape(actors=names, minima=tuple(minima), n_configurations=len(E))
