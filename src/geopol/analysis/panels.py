"""Dyad panels: one row per dyad and period, defined once as an Ibis expression.

The same expression runs on DuckDB (the store, in place) and on Spark (local
or a cluster, over Parquet), so a panel computed on one machine and on a
cluster agree row for row.

Columns: ``source``, ``target`` (for an undirected panel, the pair in
alphabetical order), ``period`` (first day), ``dataset`` (or ``all``),
``events``, ``q1`` … ``q4`` (counts per quad class, GDELT convention),
``goldstein_mean``, ``goldstein_sum`` and ``net_cooperation`` =
(q1 + q2 − q3 − q4) / events.
"""

from __future__ import annotations

from ..errors import InputError

__all__ = ["panel_expr", "UNITS", "PANEL_COLUMNS"]

UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
PANEL_COLUMNS = ("source", "target", "period", "dataset", "events", "q1", "q2", "q3", "q4", "goldstein_mean",
                 "goldstein_sum", "net_cooperation")


def panel_expr(t, *, unit: str = "month", directed: bool = False, by_dataset: bool = False,
               dyads: list[tuple[str, str]] | None = None, datasets: list[str] | None = None):
    """The panel of an Ibis table with columns dataset, day, source, target, quad, goldstein."""
    import ibis

    if unit not in UNITS:
        raise InputError(f"unknown --unit {unit!r}: use {', '.join(UNITS)}")
    t = t.filter(t.source.notnull(), t.target.notnull(), t.source != t.target)
    if datasets:
        t = t.filter(t.dataset.isin(datasets))
    if directed:
        a, b = t.source, t.target
    else:
        a, b = ibis.least(t.source, t.target), ibis.greatest(t.source, t.target)
    t = t.mutate(a=a, b=b, period=t.day.truncate(UNITS[unit]).cast("date"),
                 ds=t.dataset if by_dataset else ibis.literal("all"))
    if dyads:
        wanted = {(x, y) if directed else tuple(sorted((x, y))) for x, y in dyads}
        cond = None
        for x, y in sorted(wanted):
            c = (t.a == x) & (t.b == y)
            cond = c if cond is None else cond | c
        t = t.filter(cond)
    g = t.group_by(["a", "b", "period", "ds"]).aggregate(
        events=t.count(),
        q1=(t.quad == 1).cast("int64").sum(), q2=(t.quad == 2).cast("int64").sum(),
        q3=(t.quad == 3).cast("int64").sum(), q4=(t.quad == 4).cast("int64").sum(),
        goldstein_mean=t.goldstein.mean(), goldstein_sum=t.goldstein.sum())
    g = g.mutate(net_cooperation=(g.q1 + g.q2 - g.q3 - g.q4).cast("float64") / g.events)
    g = g.rename(source="a", target="b", dataset="ds")
    return g.select(*PANEL_COLUMNS).order_by(["source", "target", "period", "dataset"])
