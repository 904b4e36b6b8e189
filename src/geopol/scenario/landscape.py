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


_CHUNK = 1 << 18


def _chunk(W: np.ndarray, row: np.ndarray, start: int, stop: int):
    """Energies, frustrations and each configuration's steepest-descent successor for configs start..stop-1."""
    n = W.shape[0]
    configs = np.arange(start, stop, dtype=np.int64)
    side = np.zeros((len(configs), n))
    side[:, 1:] = (configs[:, None] >> np.arange(n - 1)[None, :]) & 1
    sw = side @ W.T
    F = side * row[None, :] + sw - 2 * side * sw
    gain = 2 * F - row[None, :]          # F - (row - F): what switching saves the actor
    best = np.argmax(gain, axis=1)
    moves = gain[np.arange(len(configs)), best] > 1e-9
    full = (1 << (n - 1)) - 1
    # switching actor 0 is the same split as switching everyone else (sides renamed)
    flipped = np.where(best == 0, configs ^ full, configs ^ (np.int64(1) << np.maximum(best - 1, 0)))
    successor = np.where(moves, flipped, configs)
    return F.sum(axis=1), F, successor


MAX_ACTORS = 20  # 2^19 configurations: about a second; each actor more doubles it


def landscape(sizes, propensities, *, names=None) -> Landscape:
    """Every local minimum of the landscape, with its energy, sides, basin and frustrations."""
    s, W = _matrices(sizes, propensities)
    n = len(s)
    names = tuple(names) if names is not None else tuple(str(i) for i in range(n))
    if len(names) != n:
        raise InputError(f"{len(names)} names for {n} actors")
    if n > MAX_ACTORS:
        raise InputError(f"{n} actors: the exact landscape enumerates 2^{n - 1} = {1 << (n - 1):,} configurations "
                         f"(about {(1 << (n - 1)) * n * n / 4e8:,.0f} s here); give at most {MAX_ACTORS} actors")
    row = W.sum(axis=1)
    m = 1 << (n - 1)
    E = np.empty(m)
    successor = np.empty(m, dtype=np.int64)
    for start in range(0, m, _CHUNK):
        e, _, nxt = _chunk(W, row, start, min(start + _CHUNK, m))
        E[start:start + len(e)] = e
        successor[start:start + len(e)] = nxt
    is_min = successor == np.arange(m)
    target = successor
    while True:  # pointer jumping: every configuration to the minimum its descent ends in
        new = target[target]
        if np.array_equal(new, target):
            break
        target = new
    counts = np.bincount(target, minlength=m)
    minima = []
    mins = np.flatnonzero(is_min)
    F = np.vstack([_chunk(W, row, int(c), int(c) + 1)[1] for c in mins]) if len(mins) else np.zeros((0, n))
    for k, c in enumerate(mins):
        side2 = [names[i] for i in range(1, n) if (c >> (i - 1)) & 1]
        side1 = [names[i] for i in range(n) if names[i] not in side2]
        minima.append(LandscapeMinimum(
            config=int(c), energy=float(E[c]), sides=(tuple(side1), tuple(side2)),
            basin=float(counts[c]) / m,
            frustration={names[i]: float(F[k, i]) for i in range(n)}))
    minima.sort(key=lambda x: (x.energy, x.config))
    return Landscape(actors=names, minima=tuple(minima), n_configurations=m)
