"""Run dyad panels on an engine: DuckDB over the store, or Spark over Parquet."""

from __future__ import annotations

import math
import tempfile
from datetime import date, datetime
from pathlib import Path

from .analysis.panels import PANEL_COLUMNS, panel_expr
from .errors import InputError
from .store import Store

__all__ = ["run_panel", "ENGINES"]

ENGINES = ("duckdb", "spark")


def _rows(df) -> list[dict]:
    out = []
    for rec in df.to_dict("records"):
        row = {}
        for k in PANEL_COLUMNS:
            v = rec[k]
            if hasattr(v, "item"):
                v = v.item()
            if isinstance(v, datetime):
                v = v.date()
            if isinstance(v, float) and math.isnan(v):
                v = None
            row[k] = v
        row["period"] = row["period"].isoformat() if isinstance(row["period"], date) else str(row["period"])[:10]
        for k in ("events", "q1", "q2", "q3", "q4"):
            row[k] = int(row[k])
        out.append(row)
    return out


def run_panel(store: Store, *, engine: str = "duckdb", spark_master: str | None = None,
              parquet: str | None = None, **kw) -> list[dict]:
    """Rows of the panel; ``kw`` goes to :func:`geopol.analysis.panels.panel_expr`."""
    import ibis

    if engine not in ENGINES:
        raise InputError(f"unknown --engine {engine!r}: use duckdb or spark")
    if engine == "duckdb":
        con = ibis.duckdb.from_connection(store.con)
        return _rows(panel_expr(con.table("all_events"), **kw).to_pandas())
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory() as tmp:
        path = parquet
        if path is None:  # hand the store's events to Spark as Parquet
            path = str(Path(tmp) / "events.parquet")
            store.con.execute(f"COPY (SELECT * FROM all_events) TO '{path}' (FORMAT parquet)")
        session = (SparkSession.builder.master(spark_master or "local[2]").appName("geopol-panel")
                   .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
                   .getOrCreate())
        try:
            con = ibis.pyspark.connect(session)
            t = con.read_parquet(path)
            return _rows(panel_expr(t, **kw).to_pandas())
        finally:
            if spark_master is None:
                session.stop()
