"""Write tables and record lists as JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Iterable

from ..errors import InputError
from ..model import to_jsonable
from .schema import TABLES

__all__ = ["EXPORT_FORMATS", "write_records", "export_table"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def flat_row(row: dict) -> dict:
    """A row for CSV, no JSON in its cells: an object becomes one column per field (``quantity_value``,
    ``evidence_text``), a list of values one cell joined by "; ", a list of objects its count
    (``evidence_all_count``; JSONL and Parquet keep them whole).

    >>> flat_row({"a": 1, "q": {"value": 2, "unit": "t"}, "about": ["CHN", "PRK"], "ev": [{"x": 1}, {"x": 2}]})
    {'a': 1, 'q_value': 2, 'q_unit': 't', 'about': 'CHN; PRK', 'ev_count': 2}
    """
    out: dict = {}
    for k, v in row.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                out[f"{k}_{k2}"] = json.dumps(v2, ensure_ascii=False) if isinstance(v2, (list, dict)) else v2
        elif isinstance(v, list) and any(isinstance(x, dict) for x in v):
            out[f"{k}_count"] = len(v)
        elif isinstance(v, list):
            out[k] = "; ".join("" if x is None else str(x) for x in v)
        else:
            out[k] = v
    return out


def write_records(rows: Iterable[dict], fmt: str, out: str | Path | IO[str] | None = None) -> int:
    """Write dict rows to ``out`` (a path, a text stream, or stdout); return the count.

    CSV cells that hold lists or objects are written as JSON. Parquet needs a
    file path, since it is binary.
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    rows = [to_jsonable(r) for r in rows]
    if fmt == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise InputError("Parquet is binary: pass --out FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), str(out))
        return len(rows)
    close = False
    if out is None:
        fh = sys.stdout
    elif isinstance(out, (str, Path)):
        fh, close = open(out, "w", encoding="utf-8", newline=""), True
    else:
        fh = out
    try:
        if fmt == "jsonl":
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            if rows:
                flat = [flat_row(r) for r in rows]
                names = list(dict.fromkeys(k for r in flat for k in r))
                w = csv.DictWriter(fh, fieldnames=names, lineterminator="\n")
                w.writeheader()
                for r in flat:
                    w.writerow(r)
    finally:
        if close:
            fh.close()
    return len(rows)


def export_table(store, table: str, fmt: str, out: str | Path) -> int:
    """Copy a whole store table to a file with DuckDB's own writer (streams, any size)."""
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}: tables are {', '.join(TABLES)}")
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    options = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet"}[fmt]
    path = str(Path(out)).replace("'", "''")
    store.con.execute(f"COPY {table} TO '{path}' ({options})")
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
