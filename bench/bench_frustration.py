"""Benchmark: exact frustration index.

Prints, for each case, the time taken and its ratio to a ceiling or a baseline
measured in the same run (absolute times on a shared machine mean little):

- a 20-node signed graph (dense, unbalanced): geopol's vectorised enumeration
  against the issue's ceiling of 1 s, and against a naive pure-Python
  enumeration of the same splits measured on a 14-node graph and scaled by
  2^6 (the naive loop on 20 nodes takes minutes);
- the 51 Correlates of War windows of tests/data/hziegel_Cow.net: the whole run
  against the issue's ceiling of 60 s.

Run: python3 bench/bench_frustration.py
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from geopol.analysis import frustration_index, signed_graph  # noqa: E402
from geopol.sources.pajek import read_pajek  # noqa: E402


def random_graph(n: int, p: float, seed: int):
    rng = random.Random(seed)
    return signed_graph([(u, v, rng.choice([-1, 1])) for u, v in itertools.combinations(range(n), 2)
                         if rng.random() < p], nodes=range(n))


def naive(G) -> int:
    nodes = list(G.nodes)
    edges = [(u, v, d["sign"]) for u, v, d in G.edges(data=True)]
    best = len(edges)
    for bits in itertools.product([0, 1], repeat=len(nodes) - 1):
        side = dict(zip(nodes, (0,) + bits))
        best = min(best, sum((s > 0) != (side[u] == side[v]) for u, v, s in edges))
    return best


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def main() -> None:
    G20 = random_graph(20, 0.5, seed=1)
    f, t20 = timed(frustration_index, G20, method="enumerate")
    G14 = random_graph(14, 0.5, seed=1)
    ref, t14_naive = timed(naive, G14)
    check, _ = timed(frustration_index, G14, method="enumerate")
    assert check.value == ref
    naive20 = t14_naive * 2 ** 6
    print(f"20-node graph ({G20.number_of_edges()} edges, frustration {f.value}): {t20:.3f} s; "
          f"ratio to 1 s ceiling {t20 / 1.0:.3f}; speed-up over naive Python (extrapolated) {naive20 / t20:.0f}x")
    _, t20_ilp = timed(frustration_index, G20, method="ilp")
    print(f"  same graph by integer program: {t20_ilp:.3f} s")
    windows = read_pajek(ROOT / "tests" / "data" / "hziegel_Cow.net")
    t = time.perf_counter()
    values = [frustration_index(w.graph).value for w in windows]
    total = time.perf_counter() - t
    biggest = max(windows, key=lambda w: w.graph.number_of_edges())
    print(f"51 CoW windows (largest {biggest.graph.number_of_nodes()} nodes, {biggest.graph.number_of_edges()} "
          f"edges; frustration {min(values)}-{max(values)}): {total:.2f} s; ratio to 60 s ceiling {total / 60:.3f}")


if __name__ == "__main__":
    main()
