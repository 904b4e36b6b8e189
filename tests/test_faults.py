"""Fault injection: SIGKILL at many points of every write path, then the re-run, then the store compared
with the store of an uninterrupted run.

A path's steps are the statements its writer sends to DuckDB and its file renames (``geopol.store._faults``);
the uninterrupted run counts them, and the killed runs die just before steps spread evenly across them
(at least ``POINTS`` per path, every step when there are fewer). After each kill the store, opened read-only,
must show no fact without evidence; after the re-run it must hold exactly what the uninterrupted run wrote
(every table but its timestamps, and every Parquet file's rows). The runs are forked from one warm process
(``tests/_zygote.py``), so a killed run costs its own work only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import geopol

ROOT = Path(__file__).resolve().parent.parent
D = ROOT / "tests" / "data"
POINTS = 20
EXAMPLE = ROOT / "examples" / "china-north-korea-ties.txt"
SMALL = 4_000  # the chunk size in the killed runs: a 15 KB article is written in four chunks


@pytest.fixture(scope="module")
def zygote(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("zygote")
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "_zygote.py"), str(scratch)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert json.loads(proc.stdout.readline()) == {"ready": True}

    def run(req: dict) -> dict:
        proc.stdin.write(json.dumps(req) + "\n")
        proc.stdin.flush()
        return json.loads(proc.stdout.readline())

    yield run
    proc.stdin.close()
    proc.wait(timeout=30)


def snapshot(db: Path) -> dict:
    """What a store holds, timestamps left out: a digest and a count per table, and the Parquet rows."""
    out = {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE "
                                            "table_schema = 'main' AND table_type = 'BASE TABLE'").fetchall()]
        for t in sorted(set(tables) - {"schema_version"}):
            cols = [f'"{c}"' for c, typ in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' "
                "AND table_name = ? ORDER BY ordinal_position", [t]).fetchall() if not typ.startswith("TIMESTAMP")]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY ALL").fetchall()
            out[t] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        events_dir = Path(str(db) + ".events")
        files = sorted(events_dir.rglob("*.parquet")) if events_dir.exists() else []
        out["parquet files"] = [str(f.relative_to(events_dir)) for f in files]
        if files:
            rows = con.execute(f"SELECT * FROM read_parquet({[str(f) for f in files]}) ORDER BY ALL").fetchall()
            out["parquet rows"] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    finally:
        con.close()
    return out


def assert_consistent(db: Path) -> None:
    """What a reader sees after a kill: every fact shown has its evidence in a complete document."""
    if not db.exists():
        return
    with geopol.open(db, read_only=True) as g:
        docs = {d.id: d for d in g.documents()}
        for fact in [*g.events(), *g.relations(), *g.claims()]:
            assert fact.evidence and all(e.doc in docs for e in fact.evidence), fact
        for d in docs.values():
            assert len(g.store.text(d.id)) == d.n_chars
        con = g.store.con  # every dataset event in sight belongs to a recorded import, and all of its events are
        recorded = con.execute("SELECT coalesce(sum(imported), 0) FROM imports").fetchall()[0][0]
        assert con.execute("SELECT count(*) FROM all_events WHERE dataset <> 'text'").fetchall()[0][0] == recorded


def kill_points(total: int) -> list[int]:
    """Steps 1..total, or POINTS of them spread evenly with the first and the last."""
    if total <= POINTS:
        return list(range(1, total + 1))
    return sorted({1 + round(i * (total - 1) / (POINTS - 1)) for i in range(POINTS)})


def exercise(zygote, tmp_path: Path, request: dict, db_name: str, prepare=None) -> tuple[int, int]:
    """Run ``request`` once uninterrupted (counting its steps), then killed at each point and re-run; return
    (steps, kills)."""
    def fresh(name: str) -> Path:
        db = tmp_path / name / db_name
        db.parent.mkdir()
        if prepare:
            prepare(db)
        return db

    def req_for(db: Path, env: dict) -> dict:
        text = json.dumps(request).replace("{db}", str(db))
        return {**json.loads(text), "env": env}

    clean = fresh("clean")
    count = tmp_path / "steps"
    answer = zygote(req_for(clean, {"GEOPOL_COUNT_STEPS": str(count)}))
    assert answer == {"signal": None, "code": 0}, answer
    want = snapshot(clean)
    total = int(count.read_text())
    assert total >= POINTS, f"only {total} steps: give this path more work"
    kills = 0
    for k in kill_points(total):
        db = fresh(f"kill{k}")
        answer = zygote(req_for(db, {"GEOPOL_KILL_AT": str(k)}))
        assert answer["signal"] == 9, (k, answer)
        kills += 1
        assert_consistent(db)
        answer = zygote(req_for(db, {}))
        assert answer == {"signal": None, "code": 0}, (k, answer)
        assert snapshot(db) == want, f"killed before step {k} of {total}, then re-run"
        shutil.rmtree(db.parent)
    print(f"\n{request.get('cli', ['', '', 'web'])[2:4]}: {total} steps, killed at {kills} of them")
    return total, kills


def stocked(db: Path) -> None:
    """A store that already holds the example article, so a path also runs over existing facts."""
    with geopol.open(db) as g:
        g.ingest(EXAMPLE, date="2024-11-01")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Three small articles and one large one (over the lowered chunk size)."""
    d = tmp_path_factory.mktemp("corpus")
    base = (ROOT / "examples" / "china-north-korea-ties.txt").read_text()
    small = d / "small"
    small.mkdir()
    paragraphs = [p for p in base.split("\n\n") if p.strip()]
    for i in range(3):
        (small / f"dispatch{i}.txt").write_text(f"Dispatch {i}.\n\n" + "\n\n".join(paragraphs[i::3]))
    (d / "large.txt").write_text("\n\n".join(f"Part {i}.\n\n{base}" for i in range(3)))
    return d


@pytest.mark.slow
def test_kills_during_an_ingest_of_small_articles(zygote, tmp_path, corpus):
    total, kills = exercise(zygote, tmp_path, {"cli": ["--db", "{db}", "ingest", str(corpus / "small"),
                                                       "--date", "2024-11-01"]}, "s.duckdb", prepare=stocked)
    assert kills >= POINTS


@pytest.mark.slow
def test_kills_during_an_ingest_of_a_large_article(zygote, tmp_path, corpus):
    total, kills = exercise(zygote, tmp_path, {"cli": ["--db", "{db}", "ingest", str(corpus / "large.txt"),
                                                       "--date", "2024-11-01"], "chunk_chars": SMALL}, "l.duckdb")
    assert kills >= POINTS


@pytest.mark.slow
def test_kills_during_a_forced_reingest(zygote, tmp_path):
    total, kills = exercise(zygote, tmp_path, {"cli": ["--db", "{db}", "ingest", str(EXAMPLE),
                                                       "--date", "2016-03-01", "--force"]}, "f.duckdb",
                            prepare=stocked)
    assert kills >= POINTS


@pytest.mark.slow
def test_kills_during_a_web_ingest(zygote, tmp_path):
    text = "Seoul, Tuesday.\n\n" + EXAMPLE.read_text()  # not the stored article: a new document
    total, kills = exercise(zygote, tmp_path, {"web": {"db": "{db}", "body": {"text": text, "title": "web",
                                                                               "date": "2024-11-02"}}},
                            "w.duckdb", prepare=stocked)
    assert kills >= POINTS


@pytest.mark.parametrize("parquet", [False, True], ids=["table", "parquet"])
def test_kills_during_a_dataset_import(zygote, tmp_path, parquet):
    files = [str(D / "events" / "gdelt2_head200.export.CSV"), str(D / "events" / "gdelt2_with_problems.CSV")]
    total, kills = exercise(zygote, tmp_path, {"cli": ["--db", "{db}", "import", "gdelt", *files,
                                                       *(["--parquet"] if parquet else [])]}, "i.duckdb")
    assert kills >= POINTS


def test_kills_during_a_background_import(zygote, tmp_path, background_folder):
    total, kills = exercise(zygote, tmp_path, {"cli": ["--db", "{db}", "import", "background",
                                                       str(background_folder)]}, "b.duckdb")
    assert kills >= POINTS


def test_kill_points_are_off_unless_asked(monkeypatch, tmp_path):
    from geopol.store import _faults

    monkeypatch.delenv("GEOPOL_KILL_AT", raising=False)
    monkeypatch.delenv("GEOPOL_COUNT_STEPS", raising=False)
    with geopol.open(tmp_path / "s.duckdb") as g:
        assert type(g.store.con).__name__ == "DuckDBPyConnection"
    assert not _faults.armed()
    assert kill_points(7) == list(range(1, 8)) and len(kill_points(1000)) == POINTS
    assert os.environ.get("GEOPOL_KILL_AT") is None


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of a few MB to fill up (needs the right to mount: root, as in CI's container)."""
    where = tmp_path / "disk"
    where.mkdir()

    def mount(size: str, *opts: str) -> Path:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *opts]), "tmpfs", str(where)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip() or 'mount failed'}); "
                        "the full-disk and read-only checks need root")
        return where

    def remount(*opts: str) -> None:
        subprocess.run(["mount", "-o", ",".join(["remount", *opts]), str(where)], check=True)

    mount.remount = remount
    yield mount
    subprocess.run(["umount", str(where)], capture_output=True)


def _big_gdelt(path: Path, copies: int) -> Path:
    """The 200-row GDELT fixture repeated with new event ids: ``200 * copies`` distinct events."""
    rows = (D / "events" / "gdelt2_head200.export.CSV").read_text().splitlines()
    with path.open("w") as out:
        for k in range(copies):
            for line in rows:
                fields = line.split("\t")
                fields[0] = str(int(fields[0]) * 1000 + k)
                out.write("\t".join(fields) + "\n")
    return path


def test_a_full_disk_during_an_import_loses_nothing_and_the_rerun_finishes(small_disk, tmp_path, cli):
    disk = small_disk("6m")
    db = disk / "s.duckdb"
    assert cli("--db", db, "ingest", EXAMPLE, "--date", "2024-11-01")[0] == 0
    before = snapshot(db)
    big = _big_gdelt(tmp_path / "big.CSV", 100)
    code, _, err = cli("--db", db, "import", "gdelt", big)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and "no space left on" in lines[0], err
    assert "unexpected" not in err
    assert snapshot(db) == before  # the failed import left the store as it was
    assert not list(disk.glob(".s.duckdb.import-*"))  # and no scratch behind
    small_disk.remount("size=64m")  # space freed: the same command again finishes the work
    code, out, err = cli("--db", db, "import", "gdelt", big)
    assert code == 0, err
    assert "imported 20000" in out + err
    with geopol.open(db, read_only=True) as g:
        assert g.store.counts()["documents"] == 1


def test_a_store_that_cannot_be_created_on_a_full_disk_leaves_no_file(small_disk, cli):
    disk = small_disk("1m")
    (disk / "filler").write_bytes(b"\0" * (1 << 20))
    code, _, err = cli("--db", disk / "new.duckdb", "ingest", EXAMPLE)
    assert code == 1 and err.strip() == f"error: {disk / 'new.duckdb'}: no space left on its disk; free some " \
                                         "space or pass another --db", err
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no 0-byte "store" to trip the next run
    (disk / "filler").unlink()
    assert cli("--db", disk / "new.duckdb", "ingest", EXAMPLE)[0] == 0


def test_a_read_only_store_directory_reads_and_refuses_writes_in_one_line(small_disk, cli):
    disk = small_disk("16m")
    db = disk / "s.duckdb"
    assert cli("--db", db, "ingest", EXAMPLE, "--date", "2024-11-01")[0] == 0
    before = snapshot(db)
    small_disk.remount("ro")
    code, out, _ = cli("--db", db, "events", "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == before["events"][0]
    gdelt = str(D / "events" / "gdelt2_head200.export.CSV")
    for args in (["ingest", str(ROOT / "README.md")], ["import", "gdelt", gdelt], ["import", "gdelt", "--parquet", gdelt]):
        code, _, err = cli("--db", db, *args)
        assert code == 1 and err.strip() == f"error: {db}: cannot write there (Read-only file system); pass --db " \
                                             "on a writable disk", (args, err)
    code, _, err = cli("--db", disk / "new.duckdb", "ingest", EXAMPLE)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Read-only file system" in err
    small_disk.remount("rw")
    assert snapshot(db) == before
