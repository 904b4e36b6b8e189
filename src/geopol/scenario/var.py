"""Event-series dynamics: a vector autoregression with Granger tests and impulse responses.

Goldstein & Freeman (1990), *Three-Way Street: Strategic Reciprocity in World
Politics*, modelled directed cooperation series (US→USSR, USSR→China, …) as a
VAR: does A→B behaviour predict B→A (reciprocity), or B→C (triangularity)?
geopol fits the VAR with statsmodels (lag order by AIC unless given), tests
Granger causality between every ordered pair of series (F test) and reports
orthogonalised impulse responses: the response of series y to a one-standard-
deviation shock in series x, h periods later.

Directed series come from a file (one column per series) or from the store's
events: the sum of Goldstein values of asserted events from A to B per period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ..model import FACT_MODALITIES
from ..analysis import periods
from ..errors import InputError

__all__ = ["VarResult", "fit_var", "event_series"]


@dataclass(frozen=True, kw_only=True)
class VarResult:
    names: tuple[str, ...]
    lags: int
    n: int
    granger: dict          # (cause, effect) -> {"F", "p", "df"}
    irf: dict              # (shock, response) -> [h = 0 .. horizon]
    cumulative: dict       # (shock, response) -> cumulative response at the horizon


MAX_HORIZON = 1_000


def fit_var(data: dict[str, list[float]], *, lags: int | None = None, max_lags: int = 12,
            horizon: int = 12) -> VarResult:
    """Fit a VAR to equally spaced series (same length, no gaps)."""
    from statsmodels.tsa.api import VAR

    if lags is not None and lags < 1:
        raise InputError(f"lags must be 1 or more, not {lags}")
    if horizon < 1 or max_lags < 1:
        raise InputError(f"the horizon and the largest lag must be 1 or more, not {horizon} and {max_lags}")
    if horizon > MAX_HORIZON:
        raise InputError(f"horizon {horizon}: at most {MAX_HORIZON:,} periods (responses die out within a few "
                         "dozen; each period costs a matrix product per lag)")

    names = tuple(data)
    if len(names) < 2:
        raise InputError("a VAR needs at least two series")
    lengths = {len(v) for v in data.values()}
    if len(lengths) != 1:
        raise InputError(f"the series differ in length: {sorted(lengths)}")
    Y = np.column_stack([np.asarray(data[k], dtype=float) for k in names])
    if not np.isfinite(Y).all():
        raise InputError("the series hold missing or infinite values")
    n = Y.shape[0]
    if n < 3 * len(names) + 10:
        raise InputError(f"{n} periods are too few for a VAR on {len(names)} series")
    if np.any(Y.std(axis=0) == 0):
        flat = [names[i] for i in np.flatnonzero(Y.std(axis=0) == 0)]
        raise InputError(f"series without variation: {', '.join(flat)}")
    most = (n - 1) // (len(names) + 1)
    if lags is not None and lags > most:
        raise InputError(f"lags {lags}: {n} periods of {len(names)} series fit at most {most} lags")
    model = VAR(Y)
    if lags is None:
        top = max(1, min(max_lags, n // (3 * len(names)) - 1))
        lags = max(1, int(model.select_order(top).selected_orders["aic"]))
    fitted = model.fit(lags)
    granger = {}
    for i, cause in enumerate(names):
        for j, effect in enumerate(names):
            if i == j:
                continue
            t = fitted.test_causality(j, [i], kind="f")
            granger[(cause, effect)] = {"F": float(t.test_statistic), "p": float(t.pvalue),
                                        "df": [int(d) for d in t.df]}
    responses = fitted.irf(horizon).orth_irfs  # (horizon + 1, response, shock)
    irf = {(names[s], names[r]): [float(x) for x in responses[:, r, s]]
           for s in range(len(names)) for r in range(len(names))}
    cumulative = {k: float(np.sum(v)) for k, v in irf.items()}
    return VarResult(names=names, lags=lags, n=n, granger=granger, irf=irf, cumulative=cumulative)


def event_series(events, dyads: list[tuple[str, str]], start: date, end: date, unit: str) -> dict[str, list[float]]:
    """Directed Goldstein sums per period for each dyad ``(source, target)``, from Event records."""
    days = periods(start, end, unit)
    index = {d: k for k, d in enumerate(days)}
    out = {f"{a}->{b}": [0.0] * len(days) for a, b in dyads}

    def period_of(day: date) -> date:
        if unit == "year":
            return date(day.year, 1, 1)
        if unit == "month":
            return date(day.year, day.month, 1)
        if unit == "week":
            from datetime import timedelta

            return day - timedelta(days=day.weekday())
        return day

    wanted = set(dyads)
    for e in events:
        if e.modality not in FACT_MODALITIES or e.goldstein is None or e.time.start is None:
            continue
        if (e.source, e.target) in wanted:
            k = index.get(period_of(e.time.start))
            if k is not None:
                out[f"{e.source}->{e.target}"][k] += e.goldstein
    return out


def whatif_var(store, at: date, set_ties: dict, *, unit: str = "month", years: int = 10, horizon: int = 12,
               min_coverage: float = 0.5) -> dict:
    """What a change in some ties does to the others, through a VAR on dyad series.

    The monthly (or ``unit``) net-cooperation series of every pair with events
    in at least ``min_coverage`` of the periods over the ``years`` before ``at``
    enter one VAR; a change of ``delta`` in a tie is a shock of ``delta`` in
    that pair's series, and the responses are the VAR's (non-orthogonalised)
    impulse responses scaled by it, summed over ``horizon`` periods.
    """
    from ..panels import run_panel

    start = date(at.year - years, at.month, 1)
    rows = [r for r in run_panel(store, unit=unit) if start.isoformat() <= r["period"] <= at.isoformat()]
    days = [d.isoformat() for d in periods(start, at, unit)]
    series: dict[str, dict[str, float]] = {}
    for r in rows:
        series.setdefault(f"{r['source']}-{r['target']}", {})[r["period"]] = r["net_cooperation"]
    keep = {k: v for k, v in series.items() if len(v) >= min_coverage * len(days)}
    shocked = {f"{a}-{b}": delta for (a, b), delta in set_ties.items()}
    missing = [k for k in shocked if k not in keep]
    if missing:
        raise InputError(f"no event series for {', '.join(missing)} (events in fewer than {min_coverage:.0%} of the "
                         f"{unit}s before {at}); import event data first")
    if len(keep) < 2:
        raise InputError("fewer than two pairs with event series: a VAR needs at least two")
    data = {k: [v.get(d, 0.0) for d in days] for k, v in sorted(keep.items())}
    result = fit_var(data, horizon=horizon)
    from statsmodels.tsa.api import VAR

    fitted = VAR(np.column_stack([data[k] for k in result.names])).fit(result.lags)
    irfs = fitted.irf(horizon).irfs  # (horizon + 1, response, shock): responses to unit shocks
    names = list(result.names)
    responses = {}
    for target in names:
        total = 0.0
        for k, delta in shocked.items():
            total += delta * float(irfs[:, names.index(target), names.index(k)].sum())
        responses[target] = total
    moved = sorted(((k, v) for k, v in responses.items() if k not in shocked), key=lambda kv: -abs(kv[1]))
    return {"model": "var", "series": names, "lags": result.lags, "periods": result.n, "shocks": shocked,
            "responses": [{"pair": k, "cumulative_response": v} for k, v in moved]}
