"""Benchmark: loading the registry with the field's dictionaries, against the registry without them.

The registry now merges PETRARCH2's Phoenix dictionaries (about 27,000
entries, 52,000 phrases) into the Archigos/PLAD registry; every ``geopol``
command that reads text builds it once. Printed: the median of five builds
of each, interleaved in the same run (the machine is shared: only the ratio
means much), the ratio, and the time against the one-second ceiling the
actors issue sets; also the mention finder built on top.

Run: python3 bench/bench_registry.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from geopol.actors.registry import build_registry  # noqa: E402
from geopol.text.mentions import MentionFinder  # noqa: E402


def _time(f) -> float:
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def main() -> None:
    build_registry(dictionaries=False)  # warm the code tables both share
    old, new, finder = [], [], []
    for _ in range(5):
        old.append(_time(lambda: build_registry(dictionaries=False)))
        reg = None

        def full():
            nonlocal reg
            reg = build_registry()
        new.append(_time(full))
        finder.append(_time(lambda: MentionFinder(reg)))
    o, n, f = statistics.median(old), statistics.median(new), statistics.median(finder)
    small, big = build_registry(dictionaries=False), reg
    print(f"registry without the dictionaries: {o:.3f} s ({len(small)} actors, "
          f"{sum(len(v) for v in small.aliases().values())} aliases)")
    print(f"registry with the dictionaries:    {n:.3f} s ({len(big)} actors, "
          f"{sum(len(v) for v in big.dictionary_aliases().values())} dictionary phrases); ratio {n / o:.1f}x; "
          f"{n:.2f} of the 1 s ceiling")
    print(f"mention finder over it:            {f:.3f} s; registry + finder {n + f:.2f} s")


if __name__ == "__main__":
    main()
