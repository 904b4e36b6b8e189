"""Bad input: one clear line, a non-zero exit, no traceback, and the store as it was."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import geopol
from geopol.store.schema import SCHEMA_VERSION



def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    assert code != 0
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], lines[0]


@pytest.fixture
def stocked(tmp_path, example_path) -> Path:
    """A store that already holds one document, to check it is left as it was."""
    path = tmp_path / "stocked.duckdb"
    with geopol.open(path) as g:
        g.ingest(example_path, date="2024-11-01")
    return path


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.md"
    blank.write_text("\n  \n\t\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le président français a rencontré".encode("latin-1"))
    nothing = tmp_path / "no-text-here"
    nothing.mkdir()
    (nothing / "data.bin").write_bytes(b"\x00\x01")
    return {
        "missing": (tmp_path / "nope.txt", "no such file"),
        "empty": (empty, "empty file"),
        "blank": (blank, "no text"),
        "binary": (binary, "binary"),
        "undecodable": (latin, "not utf-8 text"),
        "directory without text": (nothing, "no .txt"),
        "glob without match": (tmp_path / "*.nomatch", "no file matches"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "undecodable", "directory without text",
                                  "glob without match"])
def test_bad_path_leaves_store_unchanged(case, tmp_path, stocked, cli):
    path, needle = _bad_files(tmp_path)[case]
    before = digest(stocked)
    code, out, err = cli("--db", stocked, "ingest", path)
    assert_one_line_error(code, err, str(path.name) if case != "glob without match" else "*.nomatch", needle)
    assert digest(stocked) == before


def test_bad_file_among_good_ones_writes_nothing(tmp_path, stocked, example_path, cli):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("Beijing and Moscow signed a pact.")
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00garbage\x00")
    before = digest(stocked)
    code, _, err = cli("--db", stocked, "ingest", folder)
    assert_one_line_error(code, err, "b.txt")
    assert digest(stocked) == before


def test_skip_bad_goes_on_and_says_what_it_skipped(tmp_path, db, cli):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("Beijing and Moscow signed a pact.")
    (folder / "b.txt").write_bytes("caf\xe9".encode("latin-1"))
    code, out, err = cli("--db", db, "ingest", folder, "--skip-bad")
    assert code == 0
    assert "skipped: " in err and "b.txt" in err
    assert "ingested 1" in out


def test_no_store_file_is_created_by_a_failed_ingest(tmp_path, cli):
    db = tmp_path / "new.duckdb"
    code, _, err = cli("--db", db, "ingest", tmp_path / "missing.txt")
    assert_one_line_error(code, err, "no such file")
    assert not db.exists()


def test_encoding_option_reads_other_encodings(tmp_path, db, cli):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le président de la France a reçu le dirigeant allemand à Paris.".encode("latin-1"))
    code, out, err = cli("--db", db, "ingest", latin, "--encoding", "latin-1")
    assert code == 0, err
    with geopol.open(db, read_only=True) as g:
        assert "président" in g.store.text(g.documents()[0].id)


def test_store_that_is_not_a_duckdb_file(tmp_path, example_path, cli):
    fake = tmp_path / "notes.duckdb"
    fake.write_text("these are my notes, not a database\n" * 10)
    before = digest(fake)
    for args in (["ingest", example_path], ["actors"], ["events", "--format", "jsonl"], ["show", "CHN", "PRK"]):
        code, _, err = cli("--db", fake, *args)
        assert_one_line_error(code, err, "not a DuckDB database")
    assert digest(fake) == before


def test_store_written_by_a_newer_schema(stocked, example_path, cli):
    con = duckdb.connect(str(stocked))
    con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [SCHEMA_VERSION + 1])
    con.close()
    before = digest(stocked)
    for args in (["ingest", example_path, "--force"], ["actors"]):
        code, _, err = cli("--db", stocked, *args)
        assert_one_line_error(code, err, "newer geopol")
    assert digest(stocked) == before


def test_store_locked_by_another_writer(stocked, tmp_path, example_path, run_process):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, geopol; s = geopol.Store.open(sys.argv[1]); print('ready', flush=True); "
                               "time.sleep(60)", str(stocked)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        other = tmp_path / "other.txt"
        other.write_text("Tokyo and Seoul held talks.")
        result = run_process("--db", stocked, "ingest", other, timeout=60)
        assert_one_line_error(result.returncode, result.stderr, "in use by another process")
    finally:
        holder.kill()
        holder.wait()
    with geopol.open(stocked, read_only=True) as g:
        assert len(g.documents()) == 1


def test_bad_date_and_bad_format_are_one_line(stocked, example_path, cli):
    code, _, err = cli("--db", stocked, "ingest", example_path, "--date", "2024-13-45")
    assert_one_line_error(code, err, "--date")
    code, _, err = cli("--db", stocked, "actors", "--format", "xml")
    assert_one_line_error(code, err, "--format")
    code, _, err = cli("--db", stocked, "show", "CHN", "Atlantis")
    assert_one_line_error(code, err, "Atlantis")


@pytest.mark.parametrize("args, needles", [
    (["ingest"], ["missing argument", "geopol ingest --help"]),
    (["eval", "articles"], ["missing argument", "geopol eval articles"]),
    (["events", "--formt", "csv"], ["no such option: --formt", "Did you mean --format?"]),
    (["blocz"], ["no such command 'blocz'", "blocs"]),
    (["network", "--threshold", "many"], ["invalid value for '--threshold'", "geopol network --help"]),
])
def test_usage_errors_are_one_line_that_says_what_to_type(args, needles, cli):
    code, _, err = cli(*args)
    assert code == 2
    assert_one_line_error(code, err, *needles)
    assert "unexpected" not in err


def test_global_options_are_taken_after_the_command(stocked, cli):
    code, out, err = cli("documents", "--db", stocked, "--format", "jsonl")
    assert code == 0, err
    assert len(out.splitlines()) == 1  # the one document of the stocked store, not "no store here yet"


def test_a_bare_group_prints_its_help(cli):
    code, out, _ = cli("scenario")
    assert code == 0 and "Usage: geopol scenario" in out


def test_debug_shows_the_traceback(tmp_path, run_process):
    result = run_process("--debug", "--db", tmp_path / "x.duckdb", "ingest", tmp_path / "missing.txt", timeout=60)
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "InputError" in result.stderr


def test_reading_a_store_that_does_not_exist(tmp_path, cli):
    code, _, err = cli("--db", tmp_path / "none.duckdb", "actors")
    assert_one_line_error(code, err, "no store here yet")
    assert not (tmp_path / "none.duckdb").exists()


def _varied_text(target_bytes: int) -> str:
    """News-like text that does not compress to nothing: the example with varied numbers and names."""
    import random

    rng = random.Random(7)
    base = (Path(__file__).resolve().parent.parent / "examples" / "china-north-korea-ties.txt").read_text()
    words = base.split()
    parts, size = [], 0
    while size < target_bytes:
        rng.shuffle(words)
        para = " ".join(words[:120]) + f" In {rng.randint(1950, 2024)}, {rng.randint(1, 10**6)} troops moved.\n\n"
        parts.append(para)
        size += len(para.encode())
    return "".join(parts)


@pytest.mark.slow
def test_50mb_file_is_streamed_in_bounded_memory(tmp_path, db):
    big = tmp_path / "big.txt"
    big.write_text(_varied_text(50 * 1024 * 1024))
    small = tmp_path / "small.txt"
    small.write_text(_varied_text(2 * 1024 * 1024))
    peaks = {}
    for name, path in (("small", small), ("big", big)):
        code = (
            "import resource, sys\n"
            "from geopol.cli import main\n"
            "rc = main(['--db', sys.argv[1], 'ingest', sys.argv[2], '--date', '2024-11-01'])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
            "sys.exit(rc)\n")
        result = subprocess.run([sys.executable, "-c", code, str(tmp_path / f"{name}.duckdb"), str(path)],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        peaks[name] = int(result.stdout.strip().splitlines()[-1]) // 1024
    # 25 times the text must not cost anywhere near 25 times the memory: the file is streamed
    # in chunks, each committed on its own; a whole-file read would add over 400 MB here.
    assert peaks["big"] - peaks["small"] < 250, peaks
    assert peaks["big"] < 1200, peaks  # the parser's model can be loaded once; what matters is no growth
    with geopol.open(tmp_path / "big.duckdb", read_only=True) as g:
        doc = g.documents()[0]
        assert doc.n_chars == len(big.read_text())
        tail = g.store.text(doc.id, doc.n_chars - 200, doc.n_chars)
        assert tail == big.read_text()[-200:]


@pytest.mark.slow
def test_sigkill_during_a_1000_document_ingest_loses_nothing(tmp_path, db, run_process):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = (Path(__file__).resolve().parent.parent / "examples" / "china-north-korea-ties.txt").read_text()
    for i in range(1000):
        (corpus / f"doc{i:04d}.txt").write_text(f"Dispatch {i}.\n\n{base}")
    proc = subprocess.Popen([sys.executable, "-m", "geopol", "--db", str(db), "ingest", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reported = 0
    for line in proc.stderr:
        if line.startswith("ingested "):
            reported = int(line.split()[1].split("/")[0])
            if reported >= 50:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 50 <= reported < 1000, "the ingest finished before it could be killed; make the corpus bigger"
    with geopol.open(db) as g:  # a writer's open recovers whatever a large document left half-done
        docs = g.documents()
        assert len(docs) >= reported
        for d in docs:  # every stored document is whole: its full text and its sentences
            assert len(g.store.text(d.id)) == d.n_chars
        sentence_docs = {s.doc for s in g.store.sentences()}
        assert sentence_docs == {d.id for d in docs}
        stored = len(docs)
    result = run_process("--db", db, "ingest", corpus, timeout=600)
    assert result.returncode == 0, result.stderr
    assert f"ingested {1000 - stored}" in result.stdout and f"unchanged {stored}" in result.stdout
    with geopol.open(db, read_only=True) as g:
        assert len(g.documents()) == 1000
        n_sentences = len(g.store.sentences())
    assert n_sentences == 1000 * (n_sentences // 1000)  # every document has the same sentence count


def test_non_english_text_is_refused_with_one_line(cli, db, tmp_path):
    french = tmp_path / "fr.txt"
    french.write_text("La France a annoncé lundi qu'elle enverrait des troupes au Mali pour soutenir le "
                      "gouvernement face aux rebelles du nord du pays, selon le ministère de la défense. " * 3,
                      encoding="utf-8")
    code, _, err = cli("--db", db, "ingest", french)
    assert code == 1 and "not English text" in err and len(err.strip().splitlines()) == 1
    english = tmp_path / "en.txt"
    english.write_text("China sent aid to North Korea on Monday, the foreign ministry said.", encoding="utf-8")
    code, out, err = cli("--db", db, "ingest", english, french, "--skip-bad")
    assert code == 0 and "ingested 1" in (out + err)


def test_a_document_with_no_actors_ingests_with_no_facts(db):
    import geopol

    with geopol.open(db) as g:
        report = g.ingest_text("The weather was mild for the season and the harvest came in early this year.")
    assert report.ingested == 1 and report.mentions == 0 and report.events == 0


def test_forced_reingest_leaves_no_orphan_facts(tmp_path, example_path, cli):
    """ingest --force with another date replaces the document's facts; none are left without evidence."""
    forced, fresh = tmp_path / "forced.duckdb", tmp_path / "fresh.duckdb"
    assert cli("--db", forced, "ingest", example_path, "--date", "2024-11-01")[0] == 0
    assert cli("--db", forced, "ingest", example_path, "--date", "2016-03-01", "--force")[0] == 0
    assert cli("--db", fresh, "ingest", example_path, "--date", "2016-03-01")[0] == 0
    with geopol.open(forced, read_only=True) as g:
        for table in ("events", "relations", "claims", "hypotheses"):
            orphans = g.store.con.execute(
                f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT fact FROM evidence)").fetchall()[0][0]
            assert orphans == 0, table
        got = {t: g.store.counts()[t] for t in ("events", "relations", "claims", "hypotheses", "evidence")}
    with geopol.open(fresh, read_only=True) as g:
        want = {t: g.store.counts()[t] for t in ("events", "relations", "claims", "hypotheses", "evidence")}
    assert got == want
    tie = lambda db: json.loads(cli("--db", db, "ties", "--explain", "CHN", "PRK", "--format", "json")[1])["tie"]  # noqa: E731
    assert tie(forced) == tie(fresh)


def test_facts_of_an_incomplete_document_are_not_shown(tmp_path, example_path):
    """A large ingest killed after its first chunk: its facts stay out of sight until the document is whole."""
    from geopol.model import Document, Event, Evidence, TimeSpan

    with geopol.open(tmp_path / "s.duckdb") as g:
        with g.store.transaction():
            g.store.add_document(Document(id="half", sha256="0" * 64, title="half", n_chars=10), complete=False)
            g.store.put_events([Event(source="CHN", target="PRK", cameo="042", time=TimeSpan(), modality="asserted",
                                      evidence=(Evidence(doc="half", start=0, end=5, text="visit"),))])
        assert g.events() == []
        g.store.recover()
        assert g.store.counts()["events"] == 0 and g.store.counts()["evidence"] == 0


BAD_OPTIONS = [
    (["network", "--threshold", "-0.5"], "threshold must be in [0, 1]"),
    (["balance", "--threshold", "nan"], "threshold must be in [0, 1]"),
    (["blocs", "--threshold", "1.5"], "threshold must be in [0, 1]"),
    (["blocs", "--format", "xml"], "unknown --format 'xml'"),
    (["triads", "--format", "xml"], "unknown --format 'xml'"),
    (["changes", "CHN", "RUS", "--format", "xml"], "unknown --format 'xml'"),
    (["panel", "--source", "bogus"], "--source 'bogus'"),
    (["ties", "--from", "0001-01-01", "--to", "9999-12-31", "--unit", "day"], "periods: at most 20,000"),
    (["changes", "CHN", "RUS", "--from", "0001-01-01", "--unit", "day"], "periods: at most 20,000"),
]


@pytest.mark.parametrize("args, needle", BAD_OPTIONS)
def test_out_of_range_options_are_one_line(args, needle, stocked, cli):
    code, _, err = cli("--db", stocked, *args)
    assert_one_line_error(code, err, needle)


def test_unbounded_scenarios_are_refused_with_the_estimate(tmp_path):
    from geopol.scenario.bdm import Stakeholder, run_bdm
    from geopol.scenario.landscape import landscape

    actors = [Stakeholder(name=f"A{i}", capability=1.0, position=float(i), salience=0.5) for i in range(3)]
    with pytest.raises(geopol.InputError, match="at most 10,000"):
        run_bdm(actors, 1_000_000_000)
    import numpy as np

    with pytest.raises(geopol.InputError, match="2\\^23 = 8,388,608 configurations"):
        landscape(np.ones(24), np.zeros((24, 24)))


@pytest.mark.parametrize("args, needle", [
    (["events", "--format", "csv", "--out", "/nonexistent-dir/x.csv"],
     "--out /nonexistent-dir/x.csv: no such directory"),
    (["scenario", "var", "--series", "tests/data/MSBVAR_IsraelPalestineConflict_weekly_1979_2003.csv", "--lags", "-1"],
     "'--lags': '-1' is not allowed; it must be at least 1"),
    (["scenario", "var", "--series", "tests/data/MSBVAR_IsraelPalestineConflict_weekly_1979_2003.csv",
      "--horizon", "-3"], "horizon"),
    (["eval", "plv", "tests/data/plv_tiny.tsv", "--limit", "0"], "--limit 0"),
])
def test_answers_that_used_to_be_unexpected(args, needle, stocked, cli, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    code, _, err = cli("--db", stocked, *args)
    assert_one_line_error(code, err, needle)
    assert "unexpected" not in err


def test_a_bad_yaml_registry_is_one_line(stocked, cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X\n    kind: [\n")
    code, _, err = cli("--db", stocked, "--registry", bad, "actors")
    assert_one_line_error(code, err, "not valid YAML (line 4, column 1")


def test_a_new_date_without_force_is_not_silently_dropped(stocked, example_path, cli):
    code, out, err = cli("--db", stocked, "ingest", example_path, "--date", "2016-03-01")
    assert code == 0 and "unchanged 1" in out
    assert "already stored with date 2024-11-01; --date 2016-03-01 not applied (add --force" in err


def test_header_dates_and_titles(tmp_path, db, cli):
    dotted = tmp_path / "dotted.txt"
    dotted.write_text("Date: 13.01.2016\n\nChina protested to Japan on Monday.\n")
    odd = tmp_path / "odd.txt"
    odd.write_text("Date: 05/06/2016\n\nRussia warned Ukraine on Tuesday.\n")
    code, out, err = cli("--db", db, "ingest", dotted, odd)
    assert code == 0, err
    assert "the date line '05/06/2016' is not a date geopol reads" in err
    with geopol.open(db, read_only=True) as g:
        docs = {d.source.rsplit("/", 1)[-1]: d for d in g.documents()}
    assert str(docs["dotted.txt"].date) == "2016-01-13" and docs["odd.txt"].date is None
    assert not (docs["dotted.txt"].title or "").startswith("Date:")  # a date line is no title


def test_urls_pdfs_and_office_files(tmp_path, db, cli):
    code, _, err = cli("--db", db, "ingest", "https://example.com/news/a.html")
    assert_one_line_error(code, err, "https://example.com/news/a.html: a URL: geopol fetches nothing")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    code, _, err = cli("--db", db, "ingest", pdf)
    assert_one_line_error(code, err, "a PDF: geopol reads plain text, Markdown and HTML")
    docx = tmp_path / "memo.txt"  # an Office file with a text name
    docx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    code, _, err = cli("--db", db, "ingest", docx)
    assert_one_line_error(code, err, "Office document")
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("China protested to Japan on Monday.")
    (folder / "b.pdf").write_bytes(pdf.read_bytes())
    (folder / "c.docx").write_bytes(docx.read_bytes())
    code, out, err = cli("--db", db, "ingest", folder)
    assert code == 0 and "read 1, ingested 1" in out
    assert "passed over 2 file(s) that are not .txt, .md or .html: b.pdf, c.docx" in err


def test_a_date_in_the_file_name_and_the_scope_of_undated_facts(tmp_path, db, cli):
    article = tmp_path / "2001-12-22-kabul.txt"
    article.write_text("Australia welcomed the establishment of the Interim Authority in Afghanistan.\n")
    code, out, err = cli("--db", db, "ingest", article)
    assert code == 0, err
    code, out, _ = cli("--db", db, "documents", "--format", "jsonl")
    doc = json.loads(out.splitlines()[0])
    assert (doc["date"], doc["date_source"]) == ("2001-12-22", "file name")
    code, out, err = cli("--db", db, "ties", "--format", "jsonl")
    assert code == 0 and "actors of the store's own facts" in err  # not every state of the background
    assert {(r["a"], r["b"]) for r in map(json.loads, out.splitlines())} <= {("AFG", "AUS")}
