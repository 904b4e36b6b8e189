"""Benchmark: a dyad-month panel over many events.

Builds a store with N synthetic events (default 20,000,000: 40 countries,
2000-2019, quad and Goldstein drawn per CAMEO root) directly in DuckDB, then
times in the same run:

- geopol's panel (the Ibis expression run by DuckDB);
- the baseline: a hand-written DuckDB SQL GROUP BY computing the same columns
  (target: geopol at most 1.5 times its time);
- the same Ibis expression on Spark local[2] over Parquet, on the first
  SPARK_N events (default 2,000,000), reported with DuckDB's time on the same
  subset.

Run: python3 bench/bench_panel.py [N] [SPARK_N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import geopol  # noqa: E402
from geopol.panels import run_panel  # noqa: E402

COUNTRIES = ["USA", "CHN", "RUS", "PRK", "KOR", "JPN", "GBR", "FRA", "DEU", "IND", "PAK", "IRN", "ISR", "PSE", "SYR",
             "TUR", "UKR", "POL", "BRA", "MEX", "CAN", "AUS", "IDN", "VNM", "PHL", "THA", "EGY", "SAU", "IRQ", "AFG",
             "NGA", "ZAF", "ETH", "KEN", "ARG", "COL", "VEN", "CUB", "ITA", "ESP"]

HAND_SQL = """
SELECT least(source, target) AS source, greatest(source, target) AS target,
       date_trunc('month', day)::DATE AS period, 'all' AS dataset, count(*) AS events,
       count(*) FILTER (quad = 1) AS q1, count(*) FILTER (quad = 2) AS q2, count(*) FILTER (quad = 3) AS q3,
       count(*) FILTER (quad = 4) AS q4, avg(goldstein) AS goldstein_mean, sum(goldstein) AS goldstein_sum,
       (count(*) FILTER (quad <= 2) - count(*) FILTER (quad >= 3))::DOUBLE / count(*) AS net_cooperation
FROM all_events WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
GROUP BY ALL ORDER BY 1, 2, 3"""


def build(path: Path, n: int) -> None:
    with geopol.open(path) as g:
        con = g.store.con
        names = ", ".join(f"'{c}'" for c in COUNTRIES)
        con.execute(f"""
            INSERT INTO dataset_events
            SELECT 'synthetic', 'bench', i, i::VARCHAR, DATE '2000-01-01' + INTERVAL (hash(i) % 7305) DAY,
                   c[(1 + hash(i * 3) % {len(COUNTRIES)})::BIGINT], c[(1 + hash(i * 7) % {len(COUNTRIES)})::BIGINT], NULL, NULL, NULL,
                   NULL, lpad((1 + hash(i * 11) % 20)::VARCHAR, 2, '0'), NULL,
                   CASE WHEN hash(i * 11) % 20 < 5 THEN 1 WHEN hash(i * 11) % 20 < 9 THEN 2
                        WHEN hash(i * 11) % 20 < 14 THEN 3 ELSE 4 END, NULL,
                   ((hash(i * 13) % 201)::DOUBLE - 100) / 10, 'synthetic', ''
            FROM range({n}) r(i), (SELECT [{names}] AS c)""")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    spark_n = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t = time.perf_counter()
        build(db, n)
        print(f"built {n:,} events in {time.perf_counter() - t:.1f} s")
        with geopol.open(db, read_only=True) as g:
            t = time.perf_counter()
            hand = g.store.con.execute(HAND_SQL).fetchall()
            hand_t = time.perf_counter() - t
            t = time.perf_counter()
            rows = run_panel(g.store, unit="month")
            ours_t = time.perf_counter() - t
            assert len(rows) == len(hand), (len(rows), len(hand))
            assert all(r["events"] == h[4] for r, h in zip(rows, hand))
            print(f"dyad-month panel, {len(rows):,} rows: hand-written SQL {hand_t:.2f} s, geopol (Ibis on DuckDB) "
                  f"{ours_t:.2f} s = {ours_t / hand_t:.2f}x the hand-written time (target <= 1.5)")
        small = Path(tmp) / "small.duckdb"
        build(small, spark_n)
        with geopol.open(small, read_only=True) as g:
            t = time.perf_counter()
            d_rows = run_panel(g.store, unit="month")
            d_t = time.perf_counter() - t
            t = time.perf_counter()
            s_rows = run_panel(g.store, unit="month", engine="spark")
            s_t = time.perf_counter() - t
        same = len(d_rows) == len(s_rows) and all(a["events"] == b["events"] for a, b in zip(d_rows, s_rows))
        print(f"{spark_n:,} events: DuckDB {d_t:.2f} s, Spark local[2] {s_t:.2f} s (incl. session start and Parquet "
              f"export) = {s_t / d_t:.1f}x; same rows: {same}")


if __name__ == "__main__":
    main()
