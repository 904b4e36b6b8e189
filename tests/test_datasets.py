"""Importing event datasets, and dyad panels on DuckDB and Spark."""

import json
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb

import pytest

import geopol
from geopol.sources.importer import import_files

EV = Path(__file__).parent / "data" / "events"


def counts_of(out: str) -> dict:
    parts = dict(p.strip().rsplit(" ", 1) for p in out.strip().split(","))
    return {k: int(v) for k, v in parts.items()}


def test_gdelt_all_three_layouts(db, cli):
    code, out, err = cli("--db", db, "import", "gdelt", EV / "gdelt2_head200.export.CSV", EV / "gdelt1_mixed_200.csv")
    assert code == 0, err
    c = counts_of(out)
    assert (c["read"], c["imported"], c["duplicates"], c["quarantined"]) == (400, 400, 0, 0)
    with geopol.open(db, read_only=True) as g:
        layouts = dict(g.store.con.execute("SELECT layout, count(*) FROM dataset_events GROUP BY 1").fetchall())
        assert layouts == {"gdelt2": 200, "gdelt1": 100, "gdelt1-backfile": 100}
        # SQLDATE is the event's date, not the file's
        [(day, file_day)] = g.store.con.execute(
            "SELECT day, string_split(line, '\t')[60] FROM dataset_events WHERE layout = 'gdelt2' "
            "AND event_id = '881990832'").fetchall()
        assert day.isoformat() == "2018-10-24" and file_day == "20191024143000"
        # the dataset's own fields kept, the quad class both as GDELT wrote it and normalised
        row = g.store.con.execute("SELECT len(string_split(line, '\t')), quad, quad_dataset, goldstein FROM dataset_events "
                                  "WHERE layout = 'gdelt1-backfile' LIMIT 1").fetchall()[0]
        assert row[0] == 57 and row[1] == row[2]
        g.store.con.execute("CHECKPOINT")
        compression = dict(g.store.con.execute(
            "SELECT column_name, any_value(compression) FROM pragma_storage_info('dataset_events') "
            "WHERE segment_type = 'VARCHAR' AND column_name IN ('line', 'source') GROUP BY 1").fetchall())
        assert compression["line"] == "ZSTD" and compression["source"] != "ZSTD"  # only the raw line forced


def test_quarantine_and_duplicates(db, cli):
    code, out, err = cli("--db", db, "import", "gdelt", EV / "gdelt2_with_problems.CSV")
    assert code == 0, err
    c = counts_of(out)
    assert (c["read"], c["imported"], c["duplicates"], c["quarantined"]) == (7, 3, 1, 3)
    with geopol.open(db, read_only=True) as g:
        reasons = sorted(r[0] for r in g.store.con.execute("SELECT reason FROM quarantine").fetchall())
    assert reasons[0].startswith("bad date '20191350'") and reasons[1] == "unknown CAMEO code 999"
    assert reasons[2] == "wrong number of fields: 20 (expected 57 or 58 or 61)"


def test_reimport_is_skipped_and_interrupted_import_resumes(db, cli, tmp_path):
    bad = tmp_path / "not-gdelt.CSV"
    bad.write_text("a,b,c\n1,2,3\n")
    code, _, err = cli("--db", db, "import", "gdelt", EV / "gdelt2_head200.export.CSV", bad)
    assert code == 1 and "not a GDELT file" in err and len(err.strip().splitlines()) == 1
    # the first file was committed before the second was refused; a re-run finishes without duplicating it
    code, out, _ = cli("--db", db, "import", "gdelt", EV / "gdelt2_head200.export.CSV", EV / "gdelt1_mixed_200.csv")
    c = counts_of(out)
    assert c["imported"] == 200 and c["unchanged files"] == 1
    with geopol.open(db, read_only=True) as g:
        assert g.store.con.execute("SELECT count(*) FROM dataset_events").fetchall()[0][0] == 400
    # the same rows in another file are duplicates by (event id, date)
    copy = tmp_path / "copy.CSV"
    copy.write_text((EV / "gdelt2_head200.export.CSV").read_text() + "\n")
    code, out, _ = cli("--db", db, "import", "gdelt", copy)
    assert counts_of(out)["duplicates"] == 200 and counts_of(out)["imported"] == 0


def _synthetic_gdelt2(path: Path, n: int) -> None:
    """n GDELT 2.0 rows resampled from the real sample, each with its own event id."""
    sample = str(EV / "gdelt2_head200.export.CSV")
    con = duckdb.connect()
    con.execute(f"""
        COPY (SELECT (2000000000 + i)::VARCHAR || substr(s.line, strpos(s.line, chr(9))) AS line
              FROM range({n}) r(i)
              JOIN (SELECT row_number() OVER () - 1 AS k, line FROM read_csv('{sample}', columns = {{'line': 'VARCHAR'}},
                    delim = '\x1f', quote = '', escape = '', header = false, auto_detect = false)) s
                ON s.k = i % 200)
        TO '{path}' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f')""")
    con.close()


def _scratch_over(folder, name, size) -> bool:
    """Whether an import's scratch database beside the store holds more than ``size`` bytes; a scratch folder
    the import clears while it is looked at (the first, small file's) holds nothing."""
    for d in list(folder.glob(f".{name}.import-*")):
        try:
            if any(f.stat().st_size > size for f in list(d.glob("scratch.duckdb*"))):
                return True
        except FileNotFoundError:
            continue
    return False


@pytest.mark.slow
def test_sigkill_during_an_import_loses_nothing_and_resumes(db, tmp_path, run_process):
    big = tmp_path / "big.export.CSV"
    _synthetic_gdelt2(big, 400_000)
    files = [EV / "gdelt2_head200.export.CSV", big, EV / "gdelt1_mixed_200.csv"]
    proc = subprocess.Popen([sys.executable, "-m", "geopol", "--db", str(db), "import", "gdelt", *map(str, files)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    killed = False
    while time.monotonic() < deadline and proc.poll() is None:
        # the big file's scratch database, once it holds some of its lines
        if _scratch_over(tmp_path, db.name, 5_000_000):
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.02)
    proc.wait()
    assert killed, "the import finished before it could be killed; make the file bigger"
    with geopol.open(db) as g:  # whole files only: the first one, none of the big one
        assert g.store.con.execute("SELECT count(*) FROM dataset_events").fetchall()[0][0] in (0, 200)
    assert list(tmp_path.glob(f".{db.name}.import-*"))  # the killed import's scratch is still there
    result = run_process("--db", db, "import", "gdelt", *files)
    assert result.returncode == 0, result.stderr
    with geopol.open(db, read_only=True) as g:
        n, distinct = g.store.con.execute(
            "SELECT count(*), count(DISTINCT (file, row)) FROM dataset_events").fetchall()[0]
        assert n == distinct == 200 + 400_000 + 200
        assert g.store.con.execute("SELECT count(*) FROM imports").fetchall()[0][0] == 3
    assert not list(tmp_path.glob(f".{db.name}.import-*"))  # and cleared by the next import

def test_icews_variants(db, cli):
    code, out, err = cli("--db", db, "import", "icews", EV / "icews_2018_head300.tab", EV / "icews_2017_style.tab",
                         EV / "icews_2021_style_duplicates.tab")
    assert code == 0, err
    c = counts_of(out)
    # 300 + 20 + 14 rows; the 2017-style rows repeat the first 20 events (same id and date): duplicates
    assert c["read"] == 334 and c["quarantined"] == 0
    with geopol.open(db, read_only=True) as g:
        con = g.store.con
        n = con.execute("SELECT count(*) FROM dataset_events").fetchall()[0][0]
        assert n == c["imported"] and c["imported"] + c["duplicates"] == 334
        [(src, tgt, cameo, quad, quad_icews)] = con.execute(
            "SELECT source, target, cameo, quad, quad_dataset FROM dataset_events WHERE event_id = '32889836'"
        ).fetchall()
    assert (src, tgt, cameo) == ("BGD", "VNM", "040") and quad == quad_icews == 1


def test_icews_2017_style_reads_dates_and_names(db):
    with geopol.open(db) as g:
        report = import_files(g.store, "icews", [EV / "icews_2017_style.tab"])
        assert report.imported == 20 and report.quarantined == 0
        rows = g.store.con.execute("SELECT day, cameo FROM dataset_events ORDER BY row").fetchall()
    assert rows[0][0].isoformat() == "2018-06-01" and all(r[1] for r in rows)  # CAMEO code from the event text


def test_polecat_and_phoenix_fixtures(db, cli):
    code, out, err = cli("--db", db, "import", "polecat", EV / "polecat_fixture.tsv")
    assert code == 0, err
    assert counts_of(out)["imported"] == 3 and counts_of(out)["quarantined"] == 2
    code, out, err = cli("--db", db, "import", "phoenix", EV / "phoenix_fixture.csv")
    assert code == 0, err
    assert counts_of(out)["imported"] == 3 and counts_of(out)["quarantined"] == 1
    with geopol.open(db, read_only=True) as g:
        rows = g.store.con.execute("SELECT dataset, source, target, plover, cameo, quad, goldstein FROM "
                                   "dataset_events ORDER BY dataset, day").fetchall()
        reasons = sorted(r[0] for r in g.store.con.execute("SELECT reason FROM quarantine").fetchall())
    assert ("polecat", "PRK", "RUS", "MOBILIZE", None, 4, -6.0) in rows
    assert ("phoenix", "RUS", "UKR", None, "190", 4, -10.0) in rows
    assert reasons == ["bad date '2015xx15'", "bad date '2024-13-01'", "unknown PLOVER type DANCE"]


def test_zip_with_a_non_event_member(db, cli, tmp_path):
    archive = tmp_path / "events.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(EV / "gdelt2_head200.export.CSV", "20191024143000.export.CSV")
        z.writestr("README.txt", "This archive holds GDELT files.\nSee the codebook.\n")
    code, out, err = cli("--db", db, "import", "gdelt", archive)
    assert code == 0, err
    assert counts_of(out)["imported"] == 200 and "skipped: " in err and "README.txt" in err


def test_empty_and_missing_files(db, cli, tmp_path):
    empty = tmp_path / "empty.CSV"
    empty.write_text("")
    for path, needle in ((empty, "empty file"), (tmp_path / "nope.CSV", "no such file")):
        code, _, err = cli("--db", db, "import", "gdelt", path)
        assert code == 1 and needle in err and len(err.strip().splitlines()) == 1


def test_panel_contract_and_merged_sources(db, cli):
    cli("--db", db, "import", "icews", EV / "icews_2018_head300.tab")
    cli("--db", db, "import", "gdelt", EV / "gdelt2_head200.export.CSV")
    code, out, err = cli("--db", db, "panel", "--unit", "month", "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(l) for l in out.splitlines()]
    keys = {"source", "target", "period", "dataset", "events", "q1", "q2", "q3", "q4", "goldstein_mean",
            "goldstein_sum", "net_cooperation"}
    assert rows and all(set(r) >= keys for r in rows)
    assert all(r["source"] < r["target"] and r["dataset"] == "all" for r in rows)
    for r in rows:
        assert r["q1"] + r["q2"] + r["q3"] + r["q4"] == r["events"]
        assert abs(r["net_cooperation"] - (r["q1"] + r["q2"] - r["q3"] - r["q4"]) / r["events"]) < 1e-12
    # the panel equals a hand-written count over the store
    with geopol.open(db, read_only=True) as g:
        total = g.store.con.execute("SELECT count(*) FROM dataset_events WHERE source IS NOT NULL AND target IS "
                                    "NOT NULL AND source <> target").fetchall()[0][0]
    assert sum(r["events"] for r in rows) == total
    code, out, _ = cli("--db", db, "panel", "--directed", "--by-dataset", "--source", "icews", "--dyads",
                       "BGD-VNM", "--format", "jsonl")
    [row] = [json.loads(l) for l in out.splitlines()]
    assert (row["source"], row["target"], row["dataset"], row["period"]) == ("BGD", "VNM", "icews", "2018-06-01")


@pytest.mark.slow
def test_spark_local_returns_exactly_the_duckdb_panel(db, cli):
    cli("--db", db, "import", "icews", EV / "icews_2018_head300.tab")
    cli("--db", db, "import", "gdelt", EV / "gdelt2_head200.export.CSV", EV / "gdelt1_mixed_200.csv")
    results = {}
    for engine in ("duckdb", "spark"):
        code, out, err = cli("--db", db, "panel", "--unit", "month", "--by-dataset", "--engine", engine,
                             "--format", "jsonl")
        assert code == 0, err
        results[engine] = [json.loads(l) for l in out.splitlines()]
    assert len(results["duckdb"]) == len(results["spark"]) > 50
    for d, s in zip(results["duckdb"], results["spark"]):
        assert {k: v for k, v in d.items() if not isinstance(v, float)} == \
            {k: v for k, v in s.items() if not isinstance(v, float)}
        for k, v in d.items():
            if isinstance(v, float):
                assert v == pytest.approx(s[k], rel=1e-12, abs=1e-12)


def test_parquet_layout_is_queried_in_place(db, cli, tmp_path):
    code, out, err = cli("--db", db, "import", "gdelt", "--parquet", EV / "gdelt2_head200.export.CSV",
                         EV / "gdelt1_mixed_200.csv")
    assert code == 0, err
    assert counts_of(out)["imported"] == 400
    months = sorted(p.name for p in (Path(str(db) + ".events") / "dataset=gdelt").iterdir())
    assert "month=1982-01" in months and "month=2019-10" in months
    with geopol.open(db, read_only=True) as g:
        assert g.store.con.execute("SELECT count(*) FROM dataset_events").fetchall()[0][0] == 0
        assert g.store.con.execute("SELECT count(*) FROM all_events").fetchall()[0][0] == 400
    # the same rows again: recognised as duplicates across the Parquet files
    copy = tmp_path / "copy.CSV"
    copy.write_text((EV / "gdelt2_head200.export.CSV").read_text() + "\n")
    code, out, _ = cli("--db", db, "import", "gdelt", "--parquet", copy)
    assert counts_of(out)["duplicates"] == 200
    code, out, _ = cli("--db", db, "panel", "--unit", "year", "--format", "jsonl")
    assert sum(json.loads(l)["events"] for l in out.splitlines()) > 0


def test_a_killed_parquet_import_leaves_nothing_in_sight(db, cli, tmp_path):
    """What a SIGKILL during the Parquet write can leave: a half-written file in the staging folder, and a
    renamed file whose import was never recorded. Neither is read; the re-run completes the import."""
    geopol.open(db).close()
    events = Path(str(db) + ".events")
    (events / ".staging" / "0123456789abcdef" / "month=2019-10").mkdir(parents=True)
    (events / ".staging" / "0123456789abcdef" / "month=2019-10" / "part_0123456789abcdef_0.parquet").write_bytes(
        b"PAR1 truncated")
    stray = events / "dataset=gdelt" / "month=2019-10" / "part_fedcba9876543210_0.parquet"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"PAR1 truncated too")
    code, out, err = cli("--db", db, "panel", "--unit", "year", "--format", "jsonl")
    assert code == 0 and "magic" not in err
    code, out, err = cli("--db", db, "import", "gdelt", "--parquet", EV / "gdelt2_head200.export.CSV")
    assert code == 0, err
    assert counts_of(out)["imported"] == 200 and not (events / ".staging").exists()  # cleared by the writer
    with geopol.open(db, read_only=True) as g:
        assert g.store.con.execute("SELECT count(*) FROM all_events").fetchall()[0][0] == 200


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.8, 1.5, 2.5])
def test_sigkill_during_a_parquet_import_then_rerun(tmp_path, delay):
    """Kill `import --parquet` at several moments; the re-run gives what an uninterrupted run gives."""
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "k.duckdb"
    files = [str(EV / "gdelt2_head200.export.CSV"), str(EV / "gdelt1_mixed_200.csv")]
    proc = subprocess.Popen([sys.executable, "-m", "geopol", "--db", str(db), "import", "gdelt", "--parquet", *files],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run([sys.executable, "-m", "geopol", "--db", str(db), "import", "gdelt", "--parquet", *files],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with geopol.open(db, read_only=True) as g:
        assert g.store.con.execute("SELECT count(*) FROM all_events").fetchall()[0][0] == 400
        assert sum(r[0] for r in g.store.con.execute("SELECT imported FROM imports").fetchall()) == 400


def test_dataset_sentinels_are_quarantined(db, cli, tmp_path):
    """GDELT writes -999999 and NaN where it has no Goldstein value, and 9999-12-31 for no date: not data."""
    lines = (EV / "gdelt2_head200.export.CSV").read_text().splitlines()[:4]
    rows = [line.split("\t") for line in lines]
    rows[0][1] = "99991231"
    rows[1][30] = "-999999"
    rows[2][30] = "nan"
    bad = tmp_path / "sentinels.export.CSV"
    bad.write_text("\n".join("\t".join(r) for r in rows) + "\n")
    code, out, err = cli("--db", db, "import", "gdelt", bad)
    assert code == 0, err
    assert counts_of(out)["imported"] == 1 and counts_of(out)["quarantined"] == 3
    with geopol.open(db, read_only=True) as g:
        reasons = sorted(r[0] for r in g.store.con.execute("SELECT reason FROM quarantine").fetchall())
        assert any("out of range" in r for r in reasons) and sum("sentinel such as -999999" in r for r in reasons) == 2
        assert g.store.con.execute("SELECT max(abs(goldstein)) FROM dataset_events").fetchall()[0][0] <= 10


def test_events_lists_imported_events_on_request(db, cli):
    cli("--db", db, "import", "gdelt", EV / "gdelt2_head200.export.CSV")
    code, out, err = cli("--db", db, "events", "--format", "jsonl")
    assert code == 0 and out == "" and "200 imported dataset events not listed (add --datasets)" in err
    code, out, err = cli("--db", db, "events", "--datasets", "--format", "jsonl")
    rows = [json.loads(l) for l in out.splitlines()]
    assert len(rows) == 200 and rows[0]["origin"] == "gdelt" and rows[0]["evidence"]["row"] >= 1
    code, _, err = cli("--db", db, "claims", "--datasets")
    assert code == 1 and "--datasets" in err
