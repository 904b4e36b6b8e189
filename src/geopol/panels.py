"""Run dyad panels on an engine: DuckDB over the store, or Spark over Parquet."""

from __future__ import annotations

import glob
import math
import tempfile
from pathlib import Path

from .analysis.panels import PANEL_COLUMNS, panel_expr
from .errors import InputError
from .store import Store

__all__ = ["run_panel", "ENGINES"]

ENGINES = ("duckdb", "spark")


def _rows(table) -> list[dict]:
    """Plain rows from an Arrow table: ISO dates, ints, floats (NaN as None)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cols = {}
    for k in PANEL_COLUMNS:
        col = table.column(k)
        if k == "period":
            if not pa.types.is_date32(col.type):
                col = pc.cast(pc.cast(col, pa.timestamp("us")), pa.date32())
            col = pc.strftime(col, format="%Y-%m-%d")
        elif k in ("events", "q1", "q2", "q3", "q4"):
            col = pc.cast(col, pa.int64())
        cols[k] = col.to_pylist()
    out = [dict(zip(PANEL_COLUMNS, values)) for values in zip(*(cols[k] for k in PANEL_COLUMNS))]
    for row in out:
        for k in ("goldstein_mean", "goldstein_sum", "net_cooperation"):
            v = row[k]
            if isinstance(v, float) and math.isnan(v):
                row[k] = None
    return out


def run_panel(store: Store, *, engine: str = "duckdb", spark_master: str | None = None,
              parquet: str | None = None, **kw) -> list[dict]:
    """Rows of the panel; ``kw`` goes to :func:`geopol.analysis.panels.panel_expr`."""
    import ibis

    if engine not in ENGINES:
        raise InputError(f"unknown --engine {engine!r}: use duckdb or spark")
    if engine == "duckdb" and (spark_master or parquet):
        raise InputError(f"--spark-master and --parquet are for --engine spark: {spark_master or parquet!r}")
    if parquet and "://" not in parquet and not glob.glob(parquet):
        raise InputError(f"--parquet {parquet}: no such file or folder")
    if engine == "duckdb":
        con = ibis.duckdb.from_connection(store.con)
        return _rows(panel_expr(con.table("all_events"), **kw).to_pyarrow())
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError("--engine spark needs PySpark (and Java 17): pip install 'geopol[spark]'") from None

    with tempfile.TemporaryDirectory() as tmp:
        path = parquet
        if path is None:  # hand the store's events to Spark as Parquet
            path = str(Path(tmp) / "events.parquet")
            store.con.execute(f"COPY (SELECT * FROM all_events) TO '{path}' (FORMAT parquet)")
        builder = (SparkSession.builder.master(spark_master or "local[2]").appName("geopol-panel")
                   .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false"))
        if spark_master is None:  # local mode talks to itself on loopback only
            import os

            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        session = builder.getOrCreate()
        try:
            con = ibis.pyspark.connect(session)
            t = con.read_parquet(path)
            return _rows(panel_expr(t, **kw).to_pyarrow())
        finally:
            if spark_master is None:
                session.stop()
