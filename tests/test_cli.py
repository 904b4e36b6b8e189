"""The command line: every command, its output formats, and its documentation."""

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and re.match(r"geopol \d+\.\d+\.\d+", out)


def test_actors_jsonl_on_the_example(example_store, cli):
    code, out, err = cli("--db", example_store, "actors", "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(l) for l in out.splitlines()]
    by_code = {r["code"]: r for r in rows}
    for c in ("CHN", "PRK", "RUS", "USA", "KOR", "JPN", "UKR"):
        assert by_code[c]["mentions"] >= 1 and by_code[c]["forms"], c
    assert by_code["CHN"]["mentions"] >= 20 and "Beijing" in by_code["CHN"]["forms"]
    assert "Pyongyang" in by_code["PRK"]["forms"]
    people = {r["name"]: (r["country"], r["role"]) for r in rows if r["kind"] == "person"}
    assert people["Xi Jinping"] == ("CHN", "GOV")
    assert people["Zhao Leji"] == ("CHN", "GOV")
    assert people["Mao Zedong"] == ("CHN", "ELI")        # in office 1949-1976, not on the article's date
    assert people["Kim Il-sung"] == ("PRK", "ELI")
    assert people["Kim Jong-un"] == ("PRK", "GOV")


def test_fact_listings_follow_the_export_contract(example_store, cli):
    keys = {
        "events": {"id", "doc", "source", "target", "source_actor", "target_actor", "source_text", "target_text",
                   "cameo", "plover", "quad", "goldstein", "start", "end", "precision", "modality", "quantity",
                   "attributed_to", "evidence"},
        "relations": {"a", "b", "sign", "strength", "kind", "start", "end", "evidence"},
        "hypotheses": {"condition", "consequence", "actors", "evidence"},
        "claims": {"speaker", "speaker_actor", "about", "content", "stance", "start", "end", "evidence"},
    }
    for command, expected in keys.items():
        code, out, err = cli("--db", example_store, command, "--format", "jsonl")
        rows = [json.loads(l) for l in out.splitlines()]
        assert code == 0 and rows, command
        for r in rows:
            assert set(r) >= expected, command
            ev = r["evidence"] if command == "events" else r["evidence"][0]
            assert {"doc", "start", "end", "text"} <= set(ev)


def test_csv_cells_hold_no_json(example_store, cli):
    import csv
    import io

    code, out, _ = cli("--db", example_store, "events", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"evidence_text", "evidence_doc", "quantity_value", "evidence_all_count"} <= set(rows[0])
    assert not any(v.startswith(("{", "[")) for r in rows for v in r.values() if v)
    troops = next(r for r in rows if r["quantity_unit"] == "soldiers")
    assert float(troops["quantity_value"]) == 400000 and troops["evidence_text"].startswith("Formal exchanges")


def test_formats_csv_and_parquet(example_store, cli, tmp_path):
    code, out, _ = cli("--db", example_store, "actors", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("code,name,kind")
    target = tmp_path / "actors.parquet"
    code, _, err = cli("--db", example_store, "actors", "--format", "parquet", "--out", target)
    assert code == 0, err
    table = pq.read_table(target)
    assert "CHN" in table.column("code").to_pylist()
    code, _, err = cli("--db", example_store, "actors", "--format", "parquet")
    assert code != 0 and "--out" in err


@pytest.mark.parametrize("table", ["documents", "sentences", "mentions"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_any_table(example_store, cli, tmp_path, table, fmt):
    target = tmp_path / f"{table}.{fmt}"
    code, out, err = cli("--db", example_store, "export", table, "--format", fmt, "--out", target)
    assert code == 0, err
    n = int(re.search(r"wrote (\d+) rows", out).group(1))
    assert n > 0 and target.stat().st_size > 0


def test_show_table_and_json(example_store, cli):
    code, out, _ = cli("--db", example_store, "show", "China", "North Korea")
    assert code == 0 and "China (CHN)" in out and "North Korea (PRK)" in out
    code, out, _ = cli("--db", example_store, "show", "CHN", "PRK", "--format", "json", "--limit", "3")
    view = json.loads(out)
    assert view["a"] == "CHN" and len(view["sentences"]) == 3 and view["co_mentions"] > 3


def test_documents_and_codes(example_store, cli):
    code, out, _ = cli("--db", example_store, "documents", "--format", "jsonl")
    [doc] = [json.loads(l) for l in out.splitlines()]
    assert doc["date"] == "2024-11-01" and doc["date_source"] == "option" and doc["title"].startswith("The Complex")
    code, out, _ = cli("codes", "countries", "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 198


def test_actors_add_applies_to_later_ingests(tmp_path, db, cli):
    code, out, err = cli("--db", db, "actors", "add", "Eric Ballbach", "--country", "DEU", "--role", "EDU",
                         "--title", "SWP")
    assert code == 0, err
    text = tmp_path / "note.txt"
    text.write_text("Eric Ballbach notes that Pyongyang gains.")
    cli("--db", db, "ingest", text)
    code, out, _ = cli("--db", db, "actors", "--format", "jsonl")
    people = {json.loads(l)["code"]: json.loads(l) for l in out.splitlines()}
    assert people["eric-ballbach"]["country"] == "DEU" and people["eric-ballbach"]["actors"] == ["DEUEDU"]
    code, _, err = cli("--db", db, "actors", "add", "Nobody", "--start", "yesterday")
    assert code != 0 and err.startswith("error: --start")


def test_actors_add_does_not_replace_a_known_code_unless_told(db, cli, tmp_path):
    code, _, err = cli("--db", db, "actors", "add", "Bob", "--code", "CHN", "--kind", "person")
    assert code == 1 and "CHN is already China (state)" in err and "--replace" in err
    code, _, err = cli("--db", db, "actors", "add", "Bob", "--country", "XXX")
    assert code == 1 and "--country 'XXX'" in err
    code, _, err = cli("--db", db, "actors", "add", "Bob", "--role", "BOGUS")
    assert code == 1 and "--role 'BOGUS'" in err and "GOV" in err
    text = tmp_path / "n.txt"
    text.write_text("China protested to Japan on Monday.")
    cli("--db", db, "ingest", text)
    code, out, _ = cli("--db", db, "actors", "--format", "jsonl")
    assert "CHN" in {json.loads(l)["code"] for l in out.splitlines()}  # China is still China
    code, out, err = cli("--db", db, "actors", "add", "Bob", "--code", "BOB9", "--replace")
    assert code == 0, err


def test_registry_option(tmp_path, db, cli):
    reg = tmp_path / "reg.csv"
    reg.write_text("name,kind,country,aliases\nXinhua,group,CHN,Xinhua News Agency\n")
    text = tmp_path / "n.txt"
    text.write_text("Xinhua reported that Seoul protested.")
    code, _, err = cli("--db", db, "--registry", reg, "ingest", text)
    assert code == 0, err
    code, out, _ = cli("--db", db, "--registry", reg, "actors", "--format", "jsonl")
    rows = {json.loads(l)["code"]: json.loads(l) for l in out.splitlines()}
    assert set(rows) == {"KOR", "XINHUA"} and rows["XINHUA"]["country"] == "CHN"  # a group is its own row
    from geopol import open as gopen
    with gopen(db, read_only=True) as g:
        assert [m.actor for m in g.mentions()] == ["XINHUA", "KOR"]


def test_demo_in_a_fresh_directory(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # runs again on its own store
        code, out, err = cli("demo")
        assert code == 0, err
        assert "China (CHN)" in out and "North Korea (PRK)" in out and "Xi Jinping" in out
    assert (tmp_path / "geopol-demo.duckdb").exists()
    code, _, err = cli("--db", tmp_path / "geopol-demo.duckdb", "demo")
    assert code != 0 and "fresh store" in err


def test_every_command_is_documented():
    """Like sqlite-utils: a command or option missing from docs/cli.md fails the build."""
    import typer

    from geopol.cli import app

    doc = (ROOT / "docs" / "cli.md").read_text()
    group = typer.main.get_command(app)
    missing = []

    def walk(cmd, prefix):
        for p in cmd.params:
            for opt in getattr(p, "opts", []):
                if opt.startswith("--") and opt not in doc and opt != "--help":
                    missing.append(f"{prefix} {opt}")
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                if f"geopol {(prefix + ' ' + name).strip()}" not in doc:
                    missing.append(f"geopol {prefix} {name}")
                walk(sub, (prefix + " " + name).strip())

    walk(group, "")
    assert not missing, missing


def test_readme_starts_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", readme, re.S)
    assert blocks, "README has no command block"
    first = [l for l in blocks[0].splitlines() if l.strip() and not l.startswith("#")]
    assert len(first) == 2
    assert "geopol demo" in first[0] and "pip install" in first[0]
    assert "pytest" in first[1] and ".[test]" in first[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert first[1].strip() in ci


def test_bundled_example_matches_the_repository_copy():
    from importlib import resources

    shipped = resources.files("geopol").joinpath("data").joinpath("examples").joinpath("china-north-korea-ties.txt")
    assert shipped.read_text(encoding="utf-8") == (ROOT / "examples" / "china-north-korea-ties.txt").read_text()


def test_every_data_file_ships_in_the_package():
    """A non-editable install carries only what package-data names: every data file must match it."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["geopol"]
    package = ROOT / "src" / "geopol"
    missing = [str(f.relative_to(package)) for f in package.rglob("*")
               if f.is_file() and f.suffix != ".py" and "__pycache__" not in f.parts
               and not any(fnmatch.fnmatch(str(f.relative_to(package)), p) for p in patterns)]
    assert not missing, missing


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", ["events", "relations", "claims", "hypotheses", "documents", "actors", "ties"])
def test_tables_fit_the_terminal(width, command, example_store, cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, err = cli("--db", example_store, command)
    assert code == 0, err
    lines = out.splitlines()
    assert lines and all(len(line) <= width for line in lines), max(lines, key=len)
    if command in ("events", "relations", "documents", "ties"):  # dates are never cut
        assert re.search(r"\d{4}-\d{2}-\d{2}", out)
    assert len(lines) < 80  # one line a row, not a column of "…"


def test_ambiguous_and_historic_names(example_store, cli):
    code, _, err = cli("--db", example_store, "show", "Korea", "China")
    assert code == 1 and "North Korea (PRK), South Korea (KOR): give one of them" in err
    code, out, err = cli("--db", example_store, "show", "Guinea", "China")  # a full name is no ambiguity
    assert code == 0, err
    code, out, err = cli("--db", example_store, "ties", "--explain", "Soviet Union", "China", "--at", "1970-07-01",
                         "--format", "json")
    assert code == 0 and (json.loads(out)["a"], json.loads(out)["b"]) == ("CHN", "RUS")  # COW 365 continues
