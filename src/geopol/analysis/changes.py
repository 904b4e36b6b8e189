"""Change points in a dyad series, with the ruptures library (Truong, Oudre & Vayatis 2020).

PELT (Killick, Fearnhead & Eckley 2012) with a least-squares cost finds the
breaks in the mean of a series; the penalty defaults to 2·σ²·log(n) (a BIC-like
choice, σ estimated from the median absolute first difference), so a flat
noisy series yields none.

>>> from datetime import date
>>> days = [date(2000 + i // 12, i % 12 + 1, 1) for i in range(48)]
>>> values = [0.5] * 24 + [-0.5] * 24
>>> [c.date.isoformat() for c in change_points(days, values)]
['2002-01-01']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Sequence

import numpy as np

from ..errors import InputError

__all__ = ["ChangePoint", "change_points"]


@dataclass(frozen=True, kw_only=True, slots=True)
class ChangePoint:
    """A break: the first period of the new regime, with the means before and after."""

    index: int
    date: date
    before: float
    after: float


def change_points(dates: Sequence[date], values: Sequence[float], *, penalty: float | None = None,
                  min_size: int = 2) -> list[ChangePoint]:
    """Breaks in the mean of ``values`` (one per date, in order)."""
    if len(dates) != len(values):
        raise InputError(f"{len(dates)} dates but {len(values)} values")
    n = len(values)
    if n < 2 * min_size:
        return []
    import ruptures as rpt

    y = np.asarray(values, dtype=float).reshape(-1, 1)
    if penalty is None:
        diffs = np.abs(np.diff(y[:, 0]))
        sigma = float(np.median(diffs)) / (0.6745 * math.sqrt(2)) if diffs.size else 0.0
        sigma = max(sigma, 0.05 * float(np.std(y)) if np.std(y) > 0 else 1e-6, 1e-6)
        penalty = 2 * sigma ** 2 * math.log(n)
    breaks = rpt.Pelt(model="l2", min_size=min_size, jump=1).fit(y).predict(pen=penalty)[:-1]
    out, prev = [], 0
    bounds = breaks + [n]
    for k, b in enumerate(breaks):
        nxt = bounds[k + 1]
        out.append(ChangePoint(index=b, date=dates[b], before=float(y[prev:b].mean()), after=float(y[b:nxt].mean())))
        prev = b
    return out
