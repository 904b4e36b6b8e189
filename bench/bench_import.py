"""Benchmark: importing a GDELT 2.0 file.

Generates a synthetic GDELT 2.0 export of N rows (default 5,000,000) by
resampling the rows of the real sample in tests/data/events (new event ids,
dates spread over 2015-2019), then measures in the same run:

- geopol's import (parse, map, quarantine, dedupe, write) into a fresh store;
- the ceiling: DuckDB's bare read_csv of the same file into a table;
- a pandas loader like gdeltPyR's (read_csv, tab-separated, no header, strings),
  with its peak memory, in a separate process.

Prints rows per second and the ratios (target: geopol >= 0.6 of the DuckDB
ceiling; faster than pandas; peak memory <= 1/5 of pandas' and under 2 GB).

Run: python3 bench/bench_import.py [N]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import duckdb  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "events" / "gdelt2_head200.export.CSV"


def generate(path: Path, n: int) -> None:
    con = duckdb.connect()
    con.execute(f"""CREATE TABLE s AS SELECT row_number() OVER () - 1 AS k, string_split(line, '\t') AS f
                    FROM read_csv('{SAMPLE}', columns={{'line': 'VARCHAR'}}, delim='\x1f', quote='', escape='',
                                  header=false, auto_detect=false)""")
    m = con.execute("SELECT count(*) FROM s").fetchall()[0][0]
    con.execute(f"""
        COPY (
          SELECT array_to_string(list_concat(
                   [(1000000000 + i)::VARCHAR,
                    strftime(DATE '2015-01-01' + INTERVAL (i * 7919 % 1826) DAY, '%Y%m%d')],
                   f[3:]), '\t') AS line
          FROM range({n}) r(i) JOIN s ON s.k = (i * 31 % {m}))
        TO '{path}' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f')""")


PANDAS = """
import resource, sys, time, pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1], sep='\\t', header=None, dtype=str, quoting=3, keep_default_na=False)
dt = time.perf_counter() - t
print(len(df), dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""

GEOPOL = """
import resource, sys, time, geopol
from geopol.sources.importer import import_files
with geopol.open(sys.argv[2]) as g:
    t = time.perf_counter()
    r = import_files(g.store, 'gdelt', [sys.argv[1]])
    dt = time.perf_counter() - t
print(r.imported, dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def run(code: str, *args: str) -> tuple[int, float, int]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    n, dt, mem = out.stdout.split()[-3:]
    return int(n), float(dt), int(mem)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "synthetic.export.CSV"
        t = time.perf_counter()
        generate(data, n)
        print(f"generated {n:,} rows ({data.stat().st_size / 1e9:.2f} GB) in {time.perf_counter() - t:.1f} s")
        con = duckdb.connect(str(Path(tmp) / "bare.duckdb"))
        t = time.perf_counter()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{data}', delim='\t', header=false, quote='', "
                    "escape='', all_varchar=true, auto_detect=false, "
                    f"columns={{{', '.join(repr(f'c{i}') + ': ' + repr('VARCHAR') for i in range(61))}}})")
        bare = time.perf_counter() - t
        con.close()
        g_rows, g_time, g_mem = run(GEOPOL, str(data), str(Path(tmp) / "geopol.duckdb"))
        p_rows, p_time, p_mem = run(PANDAS, str(data))
        print(f"DuckDB bare read_csv: {n / bare:,.0f} rows/s")
        print(f"geopol import:        {g_rows / g_time:,.0f} rows/s ({g_rows:,} rows) = {bare / g_time:.2f} of the "
              f"DuckDB ceiling (target >= 0.6); peak {g_mem} MB")
        print(f"pandas read_csv:      {p_rows / p_time:,.0f} rows/s; peak {p_mem} MB")
        print(f"geopol vs pandas: {p_time / g_time:.2f}x faster; memory {g_mem / p_mem:.2f} of pandas' "
              f"(target <= 0.2 and < 2048 MB)")


if __name__ == "__main__":
    main()
