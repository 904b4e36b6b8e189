"""The store's background tables (alliances, capabilities, dyad-years), the quarantine, and the Parquet event
files beside it: a part of :class:`geopol.store.Store`, kept apart to keep the modules small."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from ..errors import StoreError

__all__ = ["BackgroundTables"]


class BackgroundTables:
    """Mixed into :class:`Store`; uses its ``con``, ``path``, ``events_dir`` and ``_insert_columns``."""

    def event_files(self, dataset: str | None = None) -> list[str]:
        """The Parquet event files beside the store that a finished import recorded (``part_<sha16>_*``);
        a file a killed import left before its record was written is not one of them."""
        d = self.events_dir
        if d is None or not d.exists():
            return []
        done = {(ds, sha[:16]) for ds, sha in self.con.execute("SELECT dataset, sha256 FROM imports").fetchall()}
        out = []
        for f in sorted(d.glob(f"dataset={dataset or '*'}/month=*/part_*.parquet")):
            ds = f.parent.parent.name.removeprefix("dataset=")
            if (ds, f.name.split("_")[1] if f.name.count("_") >= 2 else "") in done:
                out.append(str(f))
        return out

    @staticmethod
    def parquet_list(files: list[str]) -> str:
        """A DuckDB list literal of file names, for ``read_parquet``."""
        return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"

    def clear_staging(self) -> None:
        """Remove what a killed Parquet import was still writing (``<store>.events/.staging``)."""
        import shutil

        if self.events_dir is not None and (self.events_dir / ".staging").exists():
            shutil.rmtree(self.events_dir / ".staging", ignore_errors=True)

    def attach_event_files(self) -> bool:
        """Make ``all_events`` include the Parquet event files beside the store, queried in place."""
        files = self.event_files()
        if not files:
            return False
        self.con.execute(f"""
            CREATE OR REPLACE TEMP VIEW all_events AS
            SELECT dataset, day, source, target, quad, goldstein FROM dataset_events
            UNION ALL
            SELECT 'text', start, source, target, quad, goldstein FROM events
            WHERE modality IN ('asserted', 'reported') AND start IS NOT NULL
            UNION ALL
            SELECT dataset, day, source, target, quad, goldstein
            FROM read_parquet({self.parquet_list(files)}, hive_partitioning = true, union_by_name = true)""")
        return True

    def replace_rows(self, table: str, columns, *, source: str) -> int:
        """Replace the rows of ``source`` in ``alliances``, ``power`` or ``dyad_years`` by ``columns`` (Arrow);
        in ``dyad_years`` only the kinds ``columns`` holds are replaced."""
        if table not in ("alliances", "power", "dyad_years"):
            raise StoreError(f"not a background table: {table}")
        if table == "dyad_years":
            for kind in sorted(set(columns.column("kind").to_pylist())):
                self.con.execute("DELETE FROM dyad_years WHERE source = ? AND kind = ?", [source, kind])
        else:
            self.con.execute(f"DELETE FROM {table} WHERE source = ?", [source])
        data = {name: columns.column(name).to_pylist() for name in columns.column_names}
        data["source"] = [source] * columns.num_rows
        self._insert_columns(table, data)
        return columns.num_rows

    def quarantine(self, dataset: str, file: str, rows: Iterable[tuple[int | None, str, str | None]], *,
                   replace: bool = False) -> int:
        """Keep rejected input rows with their reason: ``(row number, reason, raw text)``; ``replace`` drops
        what an earlier import of the same file quarantined first."""
        rows = list(rows)
        if replace:
            self.con.execute("DELETE FROM quarantine WHERE dataset = ? AND file = ?", [dataset, file])
        now = datetime.now()
        self._insert_columns("quarantine", {
            "dataset": [dataset] * len(rows), "file": [file] * len(rows), "row": [r[0] for r in rows],
            "reason": [r[1] for r in rows], "raw": [r[2] for r in rows], "quarantined_at": [now] * len(rows)})
        return len(rows)

    def alliances(self) -> list[dict]:
        cols = ["a", "b", "year", "defense", "neutrality", "nonaggression", "entente", "source"]
        return [dict(zip(cols, r)) for r in self.con.execute(
            f"SELECT {', '.join(cols)} FROM alliances ORDER BY a, b, year").fetchall()]

    def power(self) -> list[dict]:
        cols = ["actor", "year", "cinc", "milex", "milper", "irst", "pec", "tpop", "upop", "source"]
        return [dict(zip(cols, r)) for r in self.con.execute(
            f"SELECT {', '.join(cols)} FROM power ORDER BY actor, year").fetchall()]

    def _arrow(self, sql: str, params: list | None = None):
        """A query's rows as an Arrow table (DuckDB 2 names it ``to_arrow_table``, 1.x ``arrow``)."""
        r = self.con.sql(sql, params=params or None)
        return (getattr(r, "to_arrow_table", None) or r.arrow)()

    def alliances_table(self):
        """The alliance rows as an Arrow table."""
        return self._arrow("SELECT a, b, year, defense, neutrality, nonaggression, entente, source "
                           "FROM alliances ORDER BY source, a, b, year")

    def power_table(self):
        """The capability rows as an Arrow table."""
        return self._arrow("SELECT actor, year, cinc, source FROM power ORDER BY actor, year")

    def dataset_event_rows(self, limit: int | None = None) -> list[dict]:
        """Imported dataset events (the table; not the Parquet files), as event rows: dataset, file and row as
        their provenance, ``origin`` the dataset."""
        cols = ["dataset", "file", "row", "event_id", "day", "source", "target", "source_actor", "target_actor",
                "source_name", "target_name", "cameo", "plover", "quad", "goldstein"]
        sql = f"SELECT {', '.join(cols)} FROM dataset_events ORDER BY day, dataset, file, row"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [dict(zip(cols, r)) for r in self.con.execute(sql).fetchall()]

    def dataset_event_months(self) -> list[tuple]:
        """Imported dataset events per pair and month: (a, b, month, events, mean Goldstein, dataset), a < b."""
        return self.con.execute("""
            SELECT least(source, target), greatest(source, target), date_trunc('month', day)::DATE, count(*),
                   avg(goldstein), dataset
            FROM all_events
            WHERE dataset <> 'text' AND source IS NOT NULL AND target IS NOT NULL AND source <> target
              AND goldstein IS NOT NULL
            GROUP BY ALL ORDER BY ALL""").fetchall()

    def dyad_years(self, *, kinds: Iterable[str] | None = None):
        """Background dyad-years as an Arrow table (a, b, year, kind, value, n, detail, intensity, source)."""
        kinds = list(kinds) if kinds is not None else None
        where = f"WHERE kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
        return self._arrow(f"SELECT a, b, year, kind, value, n, detail, intensity, source FROM dyad_years {where} "
                           "ORDER BY kind, a, b, year", kinds or [])

    def background_kinds(self) -> dict[str, tuple[int, int]]:
        """Which background kinds the store holds, with their first and last year."""
        out = {k: (lo, hi) for k, lo, hi in self.con.execute(
            "SELECT kind, min(year), max(year) FROM dyad_years GROUP BY kind").fetchall()}
        for table, kind in (("alliances", "alliance"), ("power", "power")):
            lo, hi = self.con.execute(f"SELECT min(year), max(year) FROM {table}").fetchall()[0]
            if lo is not None:
                out[kind] = (lo, hi)
        return out

