"""Import event datasets into the store: one DuckDB query per file, nothing silently lost.

Each file is read as raw lines (no quote handling: GDELT's fields hold stray
quotes), split on tabs, recognised row by row by its number of fields (or by
its header), parsed with the dataset's spec (:mod:`geopol.sources.datasets`)
and written in one transaction together with a record of the file's hash:

- exact duplicate rows are dropped and counted, and so are rows whose
  (event id, date) the store already holds for that dataset;
- every rejected row — wrong number of fields, a date that does not parse, an
  unknown CAMEO code, no event type at all — goes to ``quarantine`` with its
  reason and raw text, and the import goes on;
- a file already imported (same hash) is skipped, so an interrupted import
  resumes where it stopped without duplicating rows;
- a file that is not of the dataset at all (most rows of the wrong shape, or a
  header without the dataset's columns) is refused with one clear line.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pyarrow as pa

from .. import codes
from ..errors import InputError, StoreError
from ..paths import discover
from ..store import Store, kill_point
from .datasets import DATASETS, DatasetSpec, Layout

__all__ = ["ImportReport", "import_files"]

_ALIASES = {"Intensity": ("Event Intensity",)}
SHAPE_SAMPLE = 20_000  # rows from the top of a file that decide whether it is of the dataset
_ROLE_PATTERNS = [("GOV", "government|executive|cabinet|ministry|minister|diplomat|head of state"),
                  ("MIL", "military|army|navy|air force|armed|defen[cs]e"), ("COP", "police"),
                  ("JUD", "judicia|court"), ("LEG", "legislat|parliament"), ("MED", "media|news"),
                  ("REB", "rebel|insurgent"), ("OPP", "opposition|dissident"), ("BUS", "business"),
                  ("CVL", "civilian|general population")]


@dataclass
class ImportReport:
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    files: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        extra = f", files {self.files}, unchanged files {self.unchanged}"
        if self.skipped:
            extra += f", skipped files {len(self.skipped)}"
        return (f"read {self.read}, imported {self.imported}, duplicates {self.duplicates}, "
                f"quarantined {self.quarantined}{extra}")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _lookups(con) -> None:
    """Temporary tables the import joins against: CAMEO codes, country codes, quad classes."""
    cameo = codes.cameo_codes()
    con.register("_cameo_arrow", pa.table({
        "code": list(cameo), "name": [c.name.lower() for c in cameo.values()],
        "root": [c.root for c in cameo.values()], "goldstein": [c.goldstein for c in cameo.values()]}))
    con.execute("CREATE OR REPLACE TEMP TABLE _cameo AS SELECT * FROM _cameo_arrow")
    con.unregister("_cameo_arrow")
    names = codes.cameo_names()  # the names ICEWS writes, and GDELT's, for files without a code column
    con.register("_names_arrow", pa.table({"name": list(names), "code": list(names.values())}))
    con.execute("CREATE OR REPLACE TEMP TABLE _cameo_names AS SELECT * FROM _names_arrow")
    con.unregister("_names_arrow")
    quads = []
    for conv in codes.QUAD_CONVENTIONS:
        for root in range(1, 21):
            quads.append((conv, f"{root:02d}", codes.quad_class(f"{root:02d}", convention=conv)))
    con.register("_quad_arrow", pa.table({"convention": [q[0] for q in quads], "root": [q[1] for q in quads],
                                          "quad": [q[2] for q in quads]}))
    con.execute("CREATE OR REPLACE TEMP TABLE _quad AS SELECT * FROM _quad_arrow")
    con.unregister("_quad_arrow")
    plover_quad = {"Verbal Cooperation": 1, "Material Cooperation": 2, "Verbal Conflict": 3, "Material Conflict": 4}
    con.register("_plover_arrow", pa.table({"type": list(codes.plover_types()),
                                            "quad": [plover_quad[t.quad] for t in codes.plover_types().values()]}))
    con.execute("CREATE OR REPLACE TEMP TABLE _plover AS SELECT * FROM _plover_arrow")
    con.unregister("_plover_arrow")


def _country_table(con, kind: str, values: list[str]) -> None:
    """_country(raw, iso3) for the raw country values of this file."""
    out_raw, out_iso = [], []
    countries = codes.countries()
    for v in values:
        iso = None
        if kind == "cameo":
            try:
                iso = codes.country(v).iso3
            except InputError:
                iso = None
        elif kind == "iso3":
            iso = v.upper() if v.upper() in countries else None
        else:
            c = codes.country_by_icews_name(v)
            iso = c.iso3 if c else None
        out_raw.append(v)
        out_iso.append(iso)
    con.register("_country_arrow", pa.table({"raw": pa.array(out_raw, pa.string()),
                                             "iso3": pa.array(out_iso, pa.string())}))
    con.execute("CREATE OR REPLACE TEMP TABLE _country AS SELECT * FROM _country_arrow")
    con.unregister("_country_arrow")


def _role_sql(col: str) -> str:
    cases = " ".join(f"WHEN regexp_matches(lower({col}), '{pattern}') THEN '{role}'" for role, pattern in _ROLE_PATTERNS)
    return f"CASE {cases} ELSE '' END"


def _field(layout_cols: dict[str, int], name: str | None) -> str:
    if name is None or name not in layout_cols:
        return "NULL"
    return f"NULLIF(trim(f[{layout_cols[name]}]), '')"


def _header_positions(spec: DatasetSpec, header: list[str], where: str) -> dict[str, int]:
    names = [h.strip().lstrip("\ufeff") for h in header]
    pos = {n: i + 1 for i, n in enumerate(names)}
    for canonical, aliases in _ALIASES.items():
        if canonical not in pos:
            for a in aliases:
                if a in pos:
                    pos[canonical] = pos[a]
    missing = [c for c in spec.required if c not in pos]
    if missing:
        raise InputError(f"{where}: not a {spec.name.upper()} file: its header lacks {', '.join(missing)}")
    return pos


def _layout_exprs(layout: Layout, pos: dict[str, int]) -> dict[str, str]:
    """The SQL of each parsed column for one layout, over the split fields ``f``."""
    date_col = _field(pos, layout.date)
    day = "COALESCE(" + ", ".join(f"TRY_CAST(TRY_STRPTIME({date_col}, '{fmt}') AS DATE)"
                                  for fmt in layout.date_formats) + ")"
    cameo = _field(pos, layout.cameo)
    if layout.cameo_from_name and layout.cameo_from_name in pos:
        by_name = (f"(SELECT code FROM _cameo_names c WHERE c.name = lower({_field(pos, layout.cameo_from_name)}) "
                   "LIMIT 1)")
        cameo = f"COALESCE({cameo}, {by_name})" if layout.cameo in pos else by_name
    sectors = lambda col: _role_sql(_field(pos, col)) if col and col in pos else "''"  # noqa: E731
    return {"layout": f"'{layout.name}'", "event_id": _field(pos, layout.event_id), "date_raw": date_col,
            "day": day, "source_name": _field(pos, layout.source_actor),
            "target_name": _field(pos, layout.target_actor), "source_raw": _field(pos, layout.source_country),
            "target_raw": _field(pos, layout.target_country), "cameo_raw": cameo,
            "plover_raw": _field(pos, layout.plover), "quad_raw": _field(pos, layout.quad),
            "goldstein_raw": f"TRY_CAST({_field(pos, layout.goldstein)} AS DOUBLE)",
            "source_role": sectors(layout.source_sectors), "target_role": sectors(layout.target_sectors)}


def _parsed_sql(layouts: list[tuple[Layout, dict[str, int], int]], lines: str) -> str:
    """Every row parsed in one pass: its line split once, its layout told by its number of fields.

    A row whose number of fields matches no layout keeps ``layout`` NULL (and is quarantined later).
    """
    exprs = [(width, _layout_exprs(layout, pos)) for layout, pos, width in layouts]
    cols = []
    for name in exprs[0][1]:
        default = " ELSE ''" if name.endswith("_role") else ""
        cases = " ".join(f"WHEN {width} THEN {e[name]}" for width, e in exprs)
        cols.append(f"CASE n {cases}{default} END AS {name}")
    return f"""
        SELECT row, line, hash(line) AS h, n, {', '.join(cols)}
        FROM (SELECT row, line, f, len(f) AS n FROM (SELECT row, line, string_split(line, '\t') AS f FROM {lines}))"""


def _known_keys_sql(store: Store, dataset: str) -> str:
    """Every (event id, day) the store holds for a dataset: its table and its Parquet files."""
    sql = f"SELECT event_id, day FROM dataset_events WHERE dataset = '{dataset}'"
    files = store.event_files(dataset)
    if files:
        sql += f" UNION ALL SELECT event_id, day FROM read_parquet({store.parquet_list(files)}, hive_partitioning = true)"
    return sql


def _import_one(store: Store, spec: DatasetSpec, path: Path, label: str, report: ImportReport,
                parquet: bool = False) -> None:
    con = store.con
    sha = _sha256(path)
    if con.execute("SELECT count(*) FROM imports WHERE dataset = ? AND sha256 = ?",
                   [spec.name, sha]).fetchall()[0][0]:
        report.unchanged += 1
        return
    if path.stat().st_size == 0:
        raise InputError(f"{label}: empty file")
    escaped = str(path).replace("'", "''")
    source = (f"read_csv('{escaped}', columns = {{'line': 'VARCHAR'}}, delim = '\x1f', quote = '', escape = '', "
              "header = false, auto_detect = false, strict_mode = false)")
    with _scratch(store):
        _import_lines(store, spec, source, label, sha, report, parquet)


@contextmanager
def _scratch(store: Store) -> Iterator[None]:
    """A scratch database, ``_scratch``, for one file's intermediate tables.

    A file of its own (next to the store, or in the system's temporary
    directory for a store in memory) rather than temporary tables: its tables
    are written compressed (Zstandard) instead of spilling raw when the file
    is larger than the memory limit, and it is gone when the import ends. One
    left by a killed import is removed by the next: the store is open for
    writing by this process alone, so no other import can be using it.
    """
    con = store.con
    where, prefix = None, "geopol-import-"
    if store.path:
        where, prefix = Path(store.path).parent, f".{Path(store.path).name}.import-"
        for stale in where.glob(prefix + "*"):
            shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=prefix, dir=where) as tmp:
        con.execute(f"ATTACH '{str(Path(tmp) / 'scratch.duckdb').replace(chr(39), chr(39) * 2)}' AS _scratch")
        con.execute("SET force_compression = 'zstd'")
        try:
            yield
        finally:
            con.execute("RESET force_compression")
            con.execute("RESET preserve_insertion_order")
            con.execute("DETACH _scratch")


def _import_lines(store: Store, spec: DatasetSpec, source: str, label: str, sha: str, report: ImportReport,
                  parquet: bool) -> None:
    con = store.con
    # the file's lines, read once in parallel; with insertion order kept, rowid + 1 is the line number
    try:
        con.execute(f"CREATE TABLE _scratch.lines AS SELECT line FROM {source}")
    except duckdb.Error as exc:
        if "No space left on device" in str(exc):
            raise StoreError(f"{store.path}: no space left on its disk to import {label}; free some space or pass "
                             "another --db (nothing of this file was written)") from None
        raise InputError(f"{label}: cannot read as text ({str(exc).splitlines()[0]}); is it UTF-8?") from None
    con.execute("SET preserve_insertion_order = false")  # from here on every row carries its number
    head = con.execute("SELECT rowid + 1, line FROM _scratch.lines WHERE line IS NOT NULL AND trim(line) <> '' "
                       "ORDER BY rowid LIMIT 1").fetchall()
    if not head:
        raise InputError(f"{label}: empty file")
    after = f" AND row > {head[0][0]}" if spec.header else ""  # the header row is not an event
    lines = f"(SELECT rowid + 1 AS row, line FROM _scratch.lines WHERE line IS NOT NULL AND trim(line) <> ''{after})"
    if spec.header:
        pos = _header_positions(spec, head[0][1].split("\t"), label)
        width = len(head[0][1].split("\t"))
        layouts = [(spec.layouts[0], pos, width)]
        expected = str(width)
    else:
        layouts = [(layout, {c: i + 1 for i, c in enumerate(layout.columns)}, len(layout.columns))
                   for layout in spec.layouts]
        counts = [w for _, _, w in layouts]
        wrong = "n NOT IN (" + ", ".join(map(str, counts)) + ")"
        expected = " or ".join(map(str, counts))
        # is it this dataset at all? judged on its first rows (a file of another dataset is so from the start)
        head_rows = (f"(SELECT len(string_split(line, '\t')) AS n FROM (SELECT line FROM _scratch.lines "
                     f"WHERE rowid < {SHAPE_SAMPLE}) WHERE line IS NOT NULL AND trim(line) <> '')")
        total, bad = con.execute(f"SELECT count(*), count(*) FILTER ({wrong}) FROM {head_rows}").fetchall()[0]
        if total and bad > 0.5 * total:
            shape = con.execute(f"SELECT n, count(*) FROM {head_rows} GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
                                ).fetchall()[0]
            first = "its first " if total == SHAPE_SAMPLE else ""
            raise InputError(f"{label}: not a {spec.name.upper()} file: {bad} of {first}{total} rows have "
                             f"{shape[0]} fields, not {expected}")
    parsed = _parsed_sql(layouts, lines)
    layout0 = spec.layouts[0]
    if layout0.country_kind == "icews":
        # country names: map the ones this file holds (country_converter for names the crosswalk lacks)
        con.execute("CREATE TABLE _scratch.parsed AS " + parsed)
        raw_countries = [r[0] for r in con.execute(
            "SELECT DISTINCT v FROM (SELECT source_raw AS v FROM _scratch.parsed UNION "
            "SELECT target_raw FROM _scratch.parsed) "
            "WHERE v IS NOT NULL").fetchall()]
    else:
        # country codes: the whole crosswalk; rows are parsed once, inside the next query
        con.execute("CREATE VIEW _scratch.parsed AS " + parsed)
        raw_countries = sorted({c.cameo for c in codes.countries().values()} | set(codes.countries()))
    _country_table(con, layout0.country_kind, raw_countries)
    conv = spec.quad_convention
    own_quad = "TRY_CAST(p.quad_raw AS TINYINT)" if conv in ("gdelt", "phoenix", "polecat") else "qd.quad"
    con.execute(f"""
        CREATE TABLE _scratch.typed AS
        SELECT * FROM (
            SELECT p.* EXCLUDE (source_raw, target_raw, plover_raw, quad_raw, goldstein_raw),
                   sc.iso3 AS source, tc.iso3 AS target, c.code AS cameo, upper(p.plover_raw) AS plover,
                   COALESCE(p.goldstein_raw, c.goldstein) AS goldstein, COALESCE(q.quad, pl.quad) AS quad,
                   {own_quad} AS quad_dataset,
                   CASE WHEN p.layout IS NULL THEN 'wrong number of fields: ' || p.n || ' (expected {expected})'
                        WHEN p.day IS NULL THEN 'bad date ' || COALESCE(chr(39) || p.date_raw || chr(39), '(empty)')
                        WHEN p.day < DATE '1800-01-01' OR p.day > current_date + INTERVAL 366 DAY
                            THEN 'date ' || p.day || ' out of range (a sentinel such as 9999-12-31?)'
                        WHEN isnan(p.goldstein_raw) OR abs(p.goldstein_raw) > 10
                            THEN 'Goldstein value ' || p.goldstein_raw || ' outside [-10, 10] (a sentinel such as -999999?)' 
                        WHEN p.cameo_raw IS NOT NULL AND c.code IS NULL THEN 'unknown CAMEO code ' || p.cameo_raw
                        WHEN p.cameo_raw IS NULL AND p.plover_raw IS NULL THEN 'no event code'
                        WHEN p.plover_raw IS NOT NULL AND p.cameo_raw IS NULL AND pl.type IS NULL
                            THEN 'unknown PLOVER type ' || p.plover_raw
                   END AS reason
            FROM _scratch.parsed p
            LEFT JOIN _cameo c ON c.code = p.cameo_raw
            LEFT JOIN _plover pl ON pl.type = upper(p.plover_raw)
            LEFT JOIN _quad q ON q.convention = 'gdelt' AND q.root = c.root
            LEFT JOIN _quad qd ON qd.convention = '{conv}' AND qd.root = c.root
            LEFT JOIN _country sc ON sc.raw = p.source_raw
            LEFT JOIN _country tc ON tc.raw = p.target_raw)""")
    n_rows = con.execute("SELECT count(*) FROM _scratch.typed").fetchall()[0][0]
    if n_rows == 0:
        raise InputError(f"{label}: no rows")
    # exact duplicate rows: only rows whose hashes collide are compared line by line
    con.execute("""
        CREATE TABLE _scratch.dups AS
        SELECT row FROM (
            SELECT row, row_number() OVER (PARTITION BY line ORDER BY row) AS k FROM _scratch.typed
            WHERE reason IS NULL AND h IN (
                SELECT h FROM _scratch.typed WHERE reason IS NULL GROUP BY h HAVING count(*) > 1))
        WHERE k > 1""")
    cameo_countries = layout0.country_kind == "cameo"
    known_sql = _known_keys_sql(store, spec.name)
    has_known = con.execute(f"SELECT count(*) FROM ({known_sql} LIMIT 1)").fetchall()[0][0] > 0
    known = (f"AND NOT EXISTS (SELECT 1 FROM ({known_sql}) k WHERE k.event_id = t.event_id AND k.day = t.day)"
             if has_known else "")  # a first import of a dataset has nothing to compare with
    select = f"""
        SELECT '{spec.name}' AS dataset, ? AS file, row, event_id, day, source, target,
               {"source_name" if cameo_countries else "source || source_role"} AS source_actor,
               {"target_name" if cameo_countries else "target || target_role"} AS target_actor,
               source_name, target_name, cameo, plover, quad, quad_dataset, goldstein, layout, line
        FROM _scratch.typed t
        WHERE reason IS NULL AND NOT EXISTS (SELECT 1 FROM _scratch.dups d WHERE d.row = t.row)
          {known}"""
    con.execute("RESET force_compression")  # the events' columns compressed as DuckDB sees fit for queries
    if parquet:
        # Parquet files first, named by the file's hash, written whole in a staging folder and then renamed
        # into place; readers take only the files of a recorded import, so a kill at any point leaves
        # nothing half-written in sight, and the re-run writes the same names again
        import os
        import shutil

        staging = store.events_dir / ".staging" / sha[:16]
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        imported = con.execute(f"""
            COPY (SELECT * EXCLUDE (dataset), strftime(day, '%Y-%m') AS month FROM ({select}))
            TO '{str(staging).replace("'", "''")}'
            (FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'part_{sha[:16]}_{{i}}')""",
                               [label]).fetchall()[0][0]
        target = store.events_dir / f"dataset={spec.name}"
        for f in sorted(staging.glob("month=*/*.parquet")):
            dest = target / f.parent.name / f.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            kill_point()
            os.replace(f, dest)
        shutil.rmtree(staging.parent, ignore_errors=True)  # one import writes at a time: nothing else is there
    with store.transaction():
        if not parquet:
            imported = con.execute("INSERT INTO dataset_events " + select, [label]).fetchall()[0][0]
        quarantined = con.execute(f"""
            INSERT INTO quarantine
            SELECT '{spec.name}', ?, row, reason, line, current_timestamp FROM _scratch.typed WHERE reason IS NOT NULL""",
                                  [label]).fetchall()[0][0]
        duplicates = n_rows - imported - quarantined
        con.execute("INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp)",
                    [spec.name, label, sha, n_rows, imported, duplicates, quarantined])
    report.read += n_rows
    report.imported += imported
    report.duplicates += duplicates
    report.quarantined += quarantined
    report.files += 1


def import_files(store: Store, dataset: str, paths: list[str | Path], *, parquet: bool = False,
                 on_file: Callable[[str], None] | None = None) -> ImportReport:
    """Import files, globs, directories or ``.zip`` archives of one dataset.

    With ``parquet``, rows land as Parquet files partitioned by dataset and
    event month beside the store (``<store>.events/``), which DuckDB queries in
    place; the store keeps the import records and the quarantine.
    """
    if parquet and store.events_dir is None:
        raise InputError("a store in memory has no place for Parquet files")
    if dataset not in DATASETS:
        raise InputError(f"unknown dataset {dataset!r}: use one of {', '.join(DATASETS)}")
    spec = DATASETS[dataset]
    files = discover(paths)
    _lookups(store.con)
    report = ImportReport()
    for path in files:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
                members = [m for m in z.infolist() if not m.is_dir()]
                if not members:
                    raise InputError(f"{path}: empty archive")
                for m in members:
                    target = Path(tmp) / Path(m.filename).name
                    with z.open(m) as src, target.open("wb") as dst:
                        for block in iter(lambda: src.read(1 << 20), b""):
                            dst.write(block)
                    label = f"{path}!{m.filename}"
                    try:
                        _import_one(store, spec, target, label, report, parquet)
                    except InputError as exc:
                        report.skipped.append(str(exc))  # a non-event member of an archive
                    target.unlink()
        else:
            _import_one(store, spec, path, str(path), report, parquet)
        if on_file:
            on_file(str(path))
    if parquet:
        store.attach_event_files()
    return report
