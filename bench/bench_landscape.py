"""Benchmark: exact landscape theory for 20 and 25 actors.

Prints each run's time and its ratio to the 1 s ceiling the issue sets for 20
actors, and the speed-up over a pure-Python evaluation of the same energy
formula measured in the same run on 14 actors and scaled by 2^(n-14) (Furnas
and Axelrod's R script needed 14 s for 11 actors).

Run: python3 bench/bench_landscape.py
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from geopol.scenario.landscape import landscape  # noqa: E402


def instance(n: int, seed: int):
    rng = np.random.default_rng(seed)
    A = rng.integers(-2, 3, size=(n, n)).astype(float)
    P = np.triu(A, 1) + np.triu(A, 1).T
    return rng.integers(1, 100, size=n).astype(float), P


def naive_energies(sizes, P):
    n = len(sizes)
    out = []
    for bits in itertools.product([0, 1], repeat=n - 1):
        side = (0,) + bits
        out.append(sum(sizes[i] * sizes[j] * P[i][j] for i in range(n) for j in range(n)
                       if i != j and side[i] != side[j]))
    return out


def main() -> None:
    s14, p14 = instance(14, 0)
    t = time.perf_counter()
    naive_energies(list(s14), p14.tolist())
    naive14 = time.perf_counter() - t
    for n in (20, 25):
        sizes, P = instance(n, n)
        t = time.perf_counter()
        r = landscape(sizes, P)
        dt = time.perf_counter() - t
        print(f"{n} actors: {r.n_configurations:,} configurations, {len(r.minima)} local minima, {dt:.2f} s; "
              f"ratio to 1 s ceiling {dt:.2f}; speed-up over pure Python (extrapolated) "
              f"{naive14 * 2 ** (n - 14) / dt:,.0f}x")


if __name__ == "__main__":
    main()
