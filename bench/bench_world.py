"""Benchmark: the world model's import and ties, against DuckDB doing the same sums over the same rows.

Three timings, each against a baseline measured in the same run (the machine
is shared: only the ratios mean much):

1. ``geopol import background`` of every file in ``../shared/data/background``
   and ``../shared/data/cow`` into a fresh store (reading, code mapping,
   quarantine, UN-vote agreement per pair and year), against DuckDB's
   ``read_csv`` of the same files into tables (no mapping, no aggregation);
2. the ties of every pair at one date (2000-07-01: about 18,000 dyads), from
   the store's rows: building the observations (``gather``) and estimating,
   against one DuckDB ``GROUP BY`` over the same observation rows that computes
   the same decayed, shrunk weighted means (the rows handed to it ready-made);
3. the yearly series 1946–2019 (74 dates), against 74 such DuckDB queries.

Run: python3 bench/bench_world.py [SHARED_DATA_DIR]     # default ../shared/data
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import pyarrow as pa  # noqa: E402

from geopol.evidence import gather  # noqa: E402
from geopol.ingest import import_background_dir  # noqa: E402
from geopol.store import Store  # noqa: E402


def _time(f):
    t = time.perf_counter()
    out = f()
    return time.perf_counter() - t, out


def _duckdb_ties(con, at: date, half_lives: dict, prior: float) -> int:
    hl = " ".join(f"WHEN '{k}' THEN {v}" for k, v in half_lives.items())
    return con.execute(f"""
        SELECT pair, sum(w * value) / (sum(w) + {prior}) AS tie, count(*) FROM (
            SELECT pair, value, weight * pow(2, -greatest(? - "end", 0) / (CASE kind {hl} ELSE 365 END)) AS w
            FROM obs WHERE day <= ?)
        GROUP BY pair HAVING sum(w) >= 0.001""", [at.toordinal(), at.toordinal()]).fetchall().__len__()


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data"
    folders = [shared / "background", shared / "cow"]
    with tempfile.TemporaryDirectory() as tmp:
        # 1. import
        raw = duckdb.connect()
        files = [f for d in folders for f in sorted(d.iterdir()) if f.name.endswith((".csv", ".csv.gz"))
                 and f.name not in ("cow_states.csv", "cow_majors.csv", "ps_data_version.csv", "cow_nmc_v6.csv",
                                    "un_roll_call_issues.csv")]
        t_raw, _ = _time(lambda: [raw.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{f}')")
                                  for i, f in enumerate(files)])
        store = Store.open(Path(tmp) / "world.duckdb")
        t_imp, reports = _time(lambda: [r for d in folders for r in import_background_dir(store, d)])
        rows = sum(r.read for r in reports)
        print(f"import background: {t_imp:.2f} s for {rows} rows in {len(reports)} files; DuckDB read_csv of the "
              f"same files {t_raw:.2f} s; ratio {t_imp / t_raw:.1f}x")

        # 2. one date, every pair
        t_gather, bg = _time(lambda: gather(store))
        at = date(2000, 7, 1)
        ours = []
        for _ in range(3):
            t, ties = _time(lambda: bg.ties(at))
            ours.append(t)
        o = bg.observations
        con = duckdb.connect()
        con.register("obs_arrow", pa.table({"pair": o.pair, "kind": np.array(o.kinds, dtype=object)[o.kind],
                                            "day": o.day, "end": o.end, "value": o.value, "weight": o.weight}))
        con.execute("CREATE TABLE obs AS SELECT * FROM obs_arrow")
        theirs = []
        for _ in range(3):
            t, n = _time(lambda: _duckdb_ties(con, at, bg.model.half_lives, bg.model.prior))
            theirs.append(t)
        ours_t, theirs_t = statistics.median(ours), statistics.median(theirs)
        print(f"ties at {at}: {len(ties)} dyads from {len(o)} observations in {ours_t:.3f} s "
              f"(+ {t_gather:.2f} s to gather them from the store); DuckDB GROUP BY over the same rows "
              f"{theirs_t:.3f} s ({n} dyads); ratio {ours_t / theirs_t:.2f}x, with the gathering "
              f"{(ours_t + t_gather) / theirs_t:.1f}x")

        # 3. the series
        years = [date(y, 7, 1) for y in range(1946, 2020)]
        t_series, total = _time(lambda: sum(len(bg.ties(d)) for d in years))
        t_duck, total_d = _time(lambda: sum(_duckdb_ties(con, d, bg.model.half_lives, bg.model.prior) for d in years))
        print(f"series 1946-2019: {total} dyad-years in {t_series:.2f} s; DuckDB {t_duck:.2f} s ({total_d}); "
              f"ratio {t_series / t_duck:.2f}x")
        store.close()


if __name__ == "__main__":
    main()
