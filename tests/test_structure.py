"""Ties, network, balance, blocs, triads and changes from the store, through the CLI and the library."""

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

import geopol
from geopol.analysis import Observation, estimate_ties
from geopol.model import Evidence, Relation, TimeSpan

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


def test_balance_pajek_jsonl_contract(cli):
    code, out, err = cli("balance", "--pajek", DATA / "hziegel_Cow.net", "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(l) for l in out.splitlines()]
    assert len(rows) == 51
    for r in rows:
        assert {"window", "nodes", "edges", "frustration", "balance"} <= set(r)
        assert r["optimal"] is True and 0 < r["balance"] <= 1
    golden = json.loads((GOLDEN / "cow_frustration.json").read_text())
    assert {r["window"]: r["frustration"] for r in rows} == golden
    assert rows[0]["nodes"] == 64 and rows[0]["edges"] == 362


def test_bad_pajek_file_is_one_line(cli, tmp_path):
    bad = tmp_path / "bad.net"
    bad.write_text("not a network\n")
    code, _, err = cli("balance", "--pajek", bad, "--format", "jsonl")
    assert code == 1 and err.startswith("error:") and "Pajek" in err and len(err.splitlines()) == 1


SIX = "CHN,PRK,KOR,JPN,RUS,USA"


def test_ties_from_shipped_background(db, cli):
    geopol.open(db).close()
    code, out, err = cli("--db", db, "ties", "--at", "2010-06-01", "--format", "jsonl", "--actors", SIX)
    assert code == 0 and "shipped background data" in err
    ties = {(r["a"], r["b"]): r for r in map(json.loads, out.splitlines())}
    assert ties[("JPN", "USA")]["tie"] > 0.3 and ties[("KOR", "USA")]["tie"] > 0.3
    assert ties[("KOR", "PRK")]["tie"] < -0.3 and ties[("PRK", "USA")]["tie"] < -0.2  # hostility is known now
    assert abs(sum(ties[("JPN", "USA")]["sources"].values()) - ties[("JPN", "USA")]["tie"]) < 1e-4
    code, out, _ = cli("--db", db, "ties", "--from", "1950-01-01", "--to", "1990-01-01", "--unit", "year",
                       "--format", "jsonl", "--actors", "CHN,RUS")
    chn_rus = {r["at"]: r["tie"] for r in map(json.loads, out.splitlines())}
    assert chn_rus["1956-01-01"] > 0.2 and chn_rus["1970-01-01"] < -0.3  # the alliance, then the split


def test_text_relations_enter_the_ties_with_evidence(db, cli):
    with geopol.open(db) as g:
        with g.store.transaction():
            g.store.put_relations([Relation(a="KOR", b="PRK", sign=-1, strength=0.9, kind="enemy",
                                            time=TimeSpan(start=date(2024, 1, 15), precision="day"),
                                            evidence=(Evidence(doc="d", start=0, end=5, text="enemy"),))])
    code, out, err = cli("--db", db, "ties", "--at", "2024-06-01", "--format", "jsonl")
    ties = {(r["a"], r["b"]): r for r in map(json.loads, out.splitlines())}
    assert set(ties) == {("KOR", "PRK")} and "actors of the store's own facts" in err  # scoped to the facts
    assert ties[("KOR", "PRK")]["tie"] < -0.3 and "relation" in ties[("KOR", "PRK")]["components"]
    code, out, _ = cli("--db", db, "balance", "--at", "2024-06-01", "--format", "json", "--threshold", "0.05",
                       "--actors", SIX)
    result = json.loads(out)
    assert result["frustration"] >= 0 and result["nodes"] == 6


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json", ".png"])
def test_network_exports(db, cli, tmp_path, suffix):
    geopol.open(db).close()
    target = tmp_path / f"net{suffix}"
    code, _, err = cli("--db", db, "network", "--at", "2005-01-01", "--out", target, "--actors", SIX)
    assert code == 0, err
    if suffix == ".graphml":
        G = nx.read_graphml(target)
        assert G.edges["JPN", "USA"]["sign"] == 1.0 and G.edges["KOR", "PRK"]["sign"] == -1.0
        assert G.nodes["USA"]["power"] > 0.1
    elif suffix == ".gexf":
        assert nx.read_gexf(target).number_of_edges() >= 5
    elif suffix == ".json":
        data = json.loads(target.read_text())
        assert {n["id"] for n in data["nodes"]} == {"CHN", "PRK", "KOR", "JPN", "RUS", "USA"}
    else:
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_blocs_triads_changes(db, cli):
    geopol.open(db).close()
    code, out, _ = cli("--db", db, "blocs", "--at", "1975-07-01", "--format", "json", "--actors", SIX)
    result = json.loads(out)
    assert result["blocs"] == [["CHN", "PRK", "RUS"], ["JPN", "KOR", "USA"]]  # the Cold War's two sides
    code, out, _ = cli("--db", db, "triads", "--at", "1970-01-01", "--format", "json", "--actors", SIX)
    census = json.loads(out)
    assert ["CHN", "PRK", "RUS"] in census["members"]["++-"]  # China and Russia split, both with Pyongyang
    code, out, _ = cli("--db", db, "changes", "China", "Russia", "--from", "1950-01-01", "--to", "2005-01-01",
                       "--format", "json")
    result = json.loads(out)
    split = [c for c in result["changes"] if 1957 <= int(c["date"][:4]) <= 1963 and c["after"] < c["before"]]
    assert split and any("rivalr" in e["ref"] for e in split[0]["evidence"])
    code, out, err = cli("--db", db, "balance", "--at", "1970-01-01", "--actors", SIX)
    assert code == 0 and "camps: CHN, PRK, RUS | JPN, KOR, USA" in out


def test_import_cow_quarantines_unknown_states(db, cli, tmp_path):
    csv = tmp_path / "alliances.csv"
    csv.write_text("ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente\n"
                   "2,20,1950,1,0,1,1\n20,2,1950,1,0,1,1\n300,255,1900,1,0,0,0\n")
    code, out, err = cli("--db", db, "import", "cow-alliance", csv)
    assert code == 0, err
    assert out.strip() == "read 3, imported 1, duplicates 1, quarantined 1"
    with geopol.open(db, read_only=True) as g:
        [row] = g.store.alliances()
        assert (row["a"], row["b"], row["defense"]) == ("CAN", "USA", True)
        assert g.store.con.execute("SELECT reason FROM quarantine").fetchall() == [("unknown COW state code 300",)]
    code, out, _ = cli("--db", db, "import", "cow-nmc")
    assert code == 0 and "quarantined 0" in out
    code, _, err = cli("--db", db, "import", "cow-nmc", tmp_path / "missing.csv")
    assert code == 1 and "no such file" in err


def test_tie_estimates_decay_shrink_and_ignore_the_future():
    obs = [Observation(a="A", b="B", day=date(2000, 1, 1), value=-0.8, weight=1, kind="event")]
    now = estimate_ties(obs, date(2000, 1, 1))[0]
    later = estimate_ties(obs, date(2003, 1, 1))[0]
    assert -0.8 < now.value < 0 and later.value > now.value      # shrunk toward 0, and decaying
    assert estimate_ties(obs, date(1999, 12, 31)) == []          # nothing from the future
    many = estimate_ties(obs * 20, date(2000, 1, 1))[0]
    assert many.value < now.value and many.uncertainty < now.uncertainty
    mixed = estimate_ties(obs * 10 + [Observation(a="B", b="A", day=date(2000, 1, 1), value=0.8, weight=1,
                                                  kind="event")] * 10, date(2000, 1, 1))[0]
    assert abs(mixed.value) < 1e-9 and mixed.uncertainty > many.uncertainty


def test_network_over_time_for_gephi(db, cli, tmp_path):
    geopol.open(db).close()
    target = tmp_path / "dyn.gexf"
    code, _, err = cli("--db", db, "network", "--from", "1950-01-01", "--to", "1975-01-01", "--actors",
                       "CHN,RUS,USA", "--out", target)
    assert code == 0, err
    G = nx.read_gexf(target)
    assert G.graph["mode"] == "dynamic" and G.nodes["CHN"]["label"] == "China"
    ties = {(s, e): v for v, s, e in G.edges["CHN", "RUS"]["tie"]}
    assert min(ties.items())[1] < 0 < max(v for (s, _), v in ties.items() if s.startswith("1956"))  # split after
    code, _, err = cli("--db", db, "network", "--from", "1950-01-01", "--to", "1975-01-01", "--out",
                       tmp_path / "x.graphml")
    assert code == 1 and "GEXF" in err
