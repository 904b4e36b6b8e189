"""Build the background data geopol ships (``src/geopol/data/background/``) from the public files.

    python3 scripts/build_background.py [SHARED_DIR]      # default ../shared

Reads ``data/background/`` (UN votes, GML MID, rivalries, COW wars, COW IGO) and
``data/cow/`` (COW and ATOP alliances, COW NMC) with geopol's own readers (the
same code as ``geopol import``) and writes three Parquet files (zstd):
``dyad_years.parquet`` (kinds un_agreement, mid, war, rivalry, igo; 1900 on),
``alliances.parquet`` (COW v4.1 and ATOP; 1900 on) and ``power.parquet`` (CINC).
Rows the readers reject are counted, not shipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from geopol.sources import background as bg
from geopol.sources.cow import read_alliances, read_nmc

OUT = Path(__file__).resolve().parents[1] / "src" / "geopol" / "data" / "background"


def main(shared: Path) -> None:
    data = shared / "data"
    tables = []
    for name, reader in (("un_votes.csv.gz", bg.read_un_votes), ("gml_dirdisp.csv", bg.read_mids),
                         ("tss_rivalries.csv", bg.read_rivalries), ("td_rivalries.csv", bg.read_rivalries),
                         ("cow_war_inter.csv", bg.read_wars), ("cow_igo_ndy.csv.gz", bg.read_igos)):
        r = reader(data / "background" / name)
        t = r.table.append_column("source", pa.array([r.source] * r.table.num_rows))
        tables.append(t.filter(pc.greater_equal(t.column("year"), 1900)))
        print(f"{name}: {r.read} rows read, {t.num_rows} dyad-years, {len(r.rejected)} rejected")
    dy = pa.concat_tables(tables)
    dy = dy.set_column(dy.schema.get_field_index("value"), "value", pc.cast(dy.column("value"), pa.float32()))
    dy = dy.set_column(dy.schema.get_field_index("year"), "year", pc.cast(dy.column("year"), pa.int16()))
    al = []
    for name in ("cow_alliance.csv", "atop_alliance.csv"):
        r = read_alliances(data / "cow" / name)
        t = r.table.append_column("source", pa.array([r.source] * r.table.num_rows))
        al.append(t.filter(pc.greater_equal(t.column("year"), 1900)))
        print(f"{name}: {r.read} rows read, {t.num_rows} dyad-years, {len(r.rejected)} rejected")
    r = read_nmc(data / "cow" / "cow_nmc.csv")
    pw = r.table.select(["actor", "year", "cinc"]).append_column("source", pa.array([r.source] * r.table.num_rows))
    print(f"cow_nmc.csv: {r.read} rows read, {pw.num_rows} state-years, {len(r.rejected)} rejected")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, t in (("dyad_years", dy), ("alliances", pa.concat_tables(al)), ("power", pw)):
        pq.write_table(t, OUT / f"{name}.parquet", compression="zstd", compression_level=19)
        print(f"wrote {OUT / name}.parquet: {t.num_rows} rows, {(OUT / f'{name}.parquet').stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
