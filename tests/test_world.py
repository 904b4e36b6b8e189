"""The background world model: readers of votes, disputes, rivalries, wars and IGOs; their import with
quarantine; the tie model over them; its evaluation against dyad-years historians agree on."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geopol
from geopol.analysis.background import background_observations, double_centred
from geopol.analysis.ties import Observation, ObservationSet, concat, estimate_ties
from geopol.sources import background as bg

from conftest import write


@pytest.fixture
def folder(background_folder) -> Path:
    return background_folder


def test_un_votes_become_agreement_per_pair_and_year(folder):
    r = bg.read_un_votes(folder / "un_votes.csv")
    rows = {(a, b): (v, n) for a, b, v, n in zip(*(r.table.column(c).to_pylist() for c in ("a", "b", "value", "n")))}
    assert rows[("POL", "RUS")] == (1.0, 3)       # always the same vote
    assert rows[("RUS", "USA")] == (pytest.approx(1 / 3), 3)  # opposite twice, together once
    assert rows[("GBR", "USA")] == (pytest.approx((2 + 0.5) / 3), 3)  # an abstention is half an agreement
    assert [reason for _, reason in r.rejected] == ["unknown country 'Atlantis' (AT1)"]


def test_votes_need_their_roll_calls(folder, tmp_path):
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "un_votes.csv").write_text((folder / "un_votes.csv").read_text())
    with pytest.raises(geopol.InputError, match="un_roll_calls.csv"):
        bg.read_un_votes(lone / "un_votes.csv")


def test_disputes_rivalries_wars_igos(folder):
    mids = bg.read_mids(folder / "gml_dirdisp.csv")
    [(a, b, year, value, n)] = zip(*(mids.table.column(c).to_pylist() for c in ("a", "b", "year", "value", "n")))
    assert (a, b, year, value, n) == ("RUS", "USA", 1975, 4.0, 2)  # two disputes, the highest level
    reasons = " | ".join(reason for _, reason in mids.rejected)
    assert "817 shares its ISO code with VNM" in reasons and "unknown COW state code 99999" in reasons
    riv = bg.read_rivalries(folder / "tss_rivalries.csv")
    assert riv.table.num_rows == 1989 - 1947 + 1 and riv.rejected[0][1].startswith("no valid start/end")
    wars = bg.read_wars(folder / "cow_war_inter.csv")
    assert wars.table.column("a").to_pylist() == ["PRK"] and "same side" in wars.rejected[0][1]
    igos = bg.read_igos(folder / "cow_igo_ndy.csv")
    assert igos.table.num_rows == 2 and igos.rejected == []  # -9 is COW's "missing", not a bad row


def test_a_file_missing_columns_is_one_clear_error(tmp_path):
    bad = write(tmp_path / "mids.csv", "dispnum,ccode1,year\n1,2,1975\n")
    with pytest.raises(geopol.InputError, match="missing column"):
        bg.read_mids(bad)


def test_import_background_folder_with_quarantine_and_reimport(folder, db, cli):
    code, out, err = cli("--db", db, "import", "background", folder)
    assert code == 0, err
    assert "un_votes.csv: UN votes (Voeten): read 13 rows, imported 6 dyad-years, quarantined 1" in out
    with geopol.open(db, read_only=True) as g:
        kinds = g.store.background_kinds()
        assert set(kinds) == {"un_agreement", "mid", "rivalry", "war", "igo"}
        first = g.store.counts()
    code, _, _ = cli("--db", db, "import", "background", folder)  # the same again: replaced, not doubled
    with geopol.open(db, read_only=True) as g:
        assert g.store.counts() == first
    code, out, err = cli("--db", db, "import", "mids", folder / "missing.csv")
    assert code == 1 and err.startswith("error:") and len(err.splitlines()) == 1


def test_bad_mid_file_leaves_the_store_as_it_was(folder, db, cli, tmp_path):
    cli("--db", db, "import", "background", folder)
    before = Path(db).read_bytes()
    bad = write(tmp_path / "gml.csv", "dispnum,ccode1,ccode2,year\n1,2,365,1975\n")
    code, _, err = cli("--db", db, "import", "mids", bad)
    assert code == 1 and "missing column(s) hostlev1, hostlev2, fatality" in err and len(err.splitlines()) == 1
    with geopol.open(db, read_only=True) as g:
        assert g.store.background_kinds()["mid"] == (1975, 1975)
    assert Path(db).read_bytes() == before


def test_imported_background_replaces_the_shipped_one(folder, db, cli):
    cli("--db", db, "import", "background", folder)
    code, out, err = cli("--db", db, "ties", "--explain", "USA", "Russia", "--at", "1975-07-01", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    refs = [o["ref"] for s in result["sources"] for o in s["top"]]
    assert any("GML MID 1975: 10,11 (4)" in r for r in refs)
    assert result["tie"] < 0 and "alliances" in err  # alliances still come from the shipped copy, said so
    assert abs(sum(s["contribution"] for s in result["sources"]) - result["tie"]) < 1e-4


def test_ties_contract_and_successor_codes(db, cli):
    geopol.open(db).close()
    code, out, err = cli("--db", db, "ties", "--at", "1962-07-01", "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(l) for l in out.splitlines()]
    assert len(rows) > 3000  # every state with a background: not only six
    r = next(r for r in rows if (r["a"], r["b"]) == ("CUB", "USA"))  # the Rio Treaty does not make allies
    assert {"a", "b", "tie", "uncertainty", "sources"} <= set(r) and r["tie"] < -0.3
    assert -1 <= min(x["tie"] for x in rows) and max(x["tie"] for x in rows) <= 1
    assert any((x["a"], x["b"]) == ("RUS", "USA") for x in rows)  # the Soviet Union is RUS (COW 365)
    assert not any("SUN" in (x["a"], x["b"]) or "USSR" in (x["a"], x["b"]) for x in rows)


def test_dates_default_to_the_latest_data_with_a_note(db, cli, example_path):
    geopol.open(db).close()
    code, out, err = cli("--db", db, "ties", "--format", "jsonl", "--actors", "USA,JPN")
    assert code == 0 and "latest date of the store's background data" in err
    assert json.loads(out.splitlines()[0])["at"].startswith("20")
    cli("--db", db, "ingest", example_path, "--date", "2016-03-01")
    code, out, err = cli("--db", db, "balance")
    # a 2016 article (which speaks of 2019 too) is read at its own latest date, not today
    assert code == 0 and out.startswith("at 2019-01-01") and "latest date of the store's facts" in err


def test_a_date_outside_the_data_says_so(db, cli):
    geopol.open(db).close()
    code, out, err = cli("--db", db, "ties", "--at", "2090-01-01", "--actors", "USA,JPN", "--format", "jsonl")
    assert code == 0 and "after the latest data" in err
    code, out, err = cli("--db", db, "ties", "--at", "1700-01-01", "--format", "jsonl")
    assert code == 0 and "before the earliest data" in err


def test_standing_alliance_does_not_fade_after_the_data(db, cli):
    geopol.open(db).close()
    code, out, _ = cli("--db", db, "ties", "--at", "2030-01-01", "--actors", "USA,JPN", "--format", "jsonl")
    [row] = [json.loads(l) for l in out.splitlines()]
    assert row["tie"] > 0.3 and row["sources"]["alliance"] > 0.2


def test_exclusive_alliances_weigh_more_than_treaties_of_many():
    import pyarrow as pa

    # A-B a bilateral pact; C is in a treaty with D..Z too (24 partners each)
    pairs = [("A", "B")] + [(x, y) for i, x in enumerate("CDEFGHIJKLMNOPQRSTUVWXYZ")
                            for y in "CDEFGHIJKLMNOPQRSTUVWXYZ"[i + 1:]]
    t = pa.table({"a": [p[0] for p in pairs], "b": [p[1] for p in pairs], "year": [2000] * len(pairs),
                  "defense": [True] * len(pairs), "neutrality": [False] * len(pairs),
                  "nonaggression": [False] * len(pairs), "entente": [False] * len(pairs),
                  "source": ["test"] * len(pairs)})
    obs = background_observations(None, t)
    w = {obs.pairs[p]: float(obs.weight[i]) for i, p in enumerate(obs.pair) if obs.kinds[obs.kind[i]] == "alliance"}
    assert w[("A", "B")] == pytest.approx(23 / 10 * w[("C", "D")])  # weight × min(1, 10 / 23 partners)


def test_double_centring_removes_a_state_that_votes_with_few():
    # X disagrees with everyone, a bit less with Y: X-Y is X's friendliest pair, and centring lifts it
    # from far below the year's mean to about the mean
    a = np.array(["X", "X", "X", "Y", "Y", "Z"])
    b = np.array(["Y", "Z", "W", "Z", "W", "W"])
    v = np.array([0.4, 0.2, 0.2, 0.9, 0.9, 0.9])
    z = double_centred(a, b, np.zeros(6, dtype=np.int64), v)
    raw = (v - v.mean()) / v.std()
    assert z[0] > z[1] and abs(z[0]) < 0.2 < abs(raw[0])


def _reference(obs: list[Observation], at: date, h: float = 365.0, k: float = 2.0) -> dict:
    """The tie formula written out one observation at a time (docs/measures.md)."""
    out: dict = {}
    for o in obs:
        if o.day > at:
            continue
        last = o.end or o.day
        w = o.weight * 2.0 ** (-max((at - last).days, 0) / h)
        acc = out.setdefault(o.pair(), [])
        acc.append((w, o.value))
    res = {}
    for p, items in out.items():
        W = sum(w for w, _ in items)
        tie = sum(w * v for w, v in items) / (W + k)
        s2 = (k + sum(w * (v - tie) ** 2 for w, v in items)) / (W + k)
        if W >= 1e-3:  # estimate_ties' min_weight
            res[p] = (tie, min(1.0, math.sqrt(s2 / (W + k))))
    return res


observations = st.builds(
    lambda a, b, d, span, v, w: Observation(a=a, b=b, day=date(2000, 1, 1).fromordinal(730120 + d),
                                            end=date.fromordinal(730120 + d + span) if span else None,
                                            value=v, weight=w, kind="event"),
    st.sampled_from("ABC"), st.sampled_from("DE"), st.integers(0, 2000), st.integers(0, 400),
    st.floats(-1, 1), st.floats(0.1, 5))


@settings(max_examples=60, deadline=None)
@given(st.lists(observations, min_size=1, max_size=30), st.integers(0, 2500))
def test_columnar_estimate_matches_the_formula(obs, offset):
    at = date.fromordinal(730120 + offset)
    want = _reference(obs, at)
    got = {(t.a, t.b): (t.value, t.uncertainty) for t in estimate_ties(obs, at)}
    assert set(got) == set(want)
    for p, (tie, unc) in want.items():
        assert got[p][0] == pytest.approx(tie, abs=1e-9) and got[p][1] == pytest.approx(unc, abs=1e-9)
    # and concatenating two halves changes nothing
    half = len(obs) // 2
    both = concat([ObservationSet.from_observations(obs[:half]), ObservationSet.from_observations(obs[half:])])
    again = {(t.a, t.b): t.value for t in estimate_ties(both, at)}
    assert again == pytest.approx({p: v for p, (v, _) in got.items()})


def test_eval_world_on_the_shipped_background(cli, tmp_path):
    code, out, err = cli("--db", tmp_path / "none.duckdb", "eval", "world", "--no-votes", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["signs"]["all"]["n"] == 95 and result["signs"]["all"]["share"] >= 0.85
    assert result["camps_1975"]["separated"]
    assert [s["found"] for s in result["splits"]] == [True, True, True]


def test_eval_world_bad_table_is_one_line(cli, tmp_path):
    bad = write(tmp_path / "signs.csv", "a,b,year,sign\nUSA,ZZZ,1975,1\n")
    code, _, err = cli("--db", tmp_path / "none.duckdb", "eval", "world", bad)
    assert code == 1 and "unknown country code 'ZZZ'" in err and len(err.splitlines()) == 1


def test_dyad_years_in_the_peacesciencer_shape(db, cli, tmp_path):
    import csv

    geopol.open(db).close()
    target = tmp_path / "dyads.csv"
    code, _, err = cli("--db", db, "dyads", "--from", "1961", "--to", "1962", "--actors", "USA,CUB,RUS",
                       "--out", target)
    assert code == 0, err
    rows = list(csv.DictReader(target.open()))
    assert {(r["a"], r["b"], r["year"]) for r in rows} == {(a, b, y) for a, b in (("CUB", "RUS"), ("CUB", "USA"),
                                                                                   ("RUS", "USA"))
                                                          for y in ("1961", "1962")}
    cuba = next(r for r in rows if (r["a"], r["b"], r["year"]) == ("CUB", "USA", "1962"))
    assert cuba["rivalry"] == "True" and float(cuba["mid_hostility"]) >= 3 and float(cuba["tie"]) < 0
    assert set(rows[0]) == {"a", "b", "year", "tie", "uncertainty", "alliance", "un_agreement", "mid_hostility",
                            "war", "rivalry", "igos", "cinc_a", "cinc_b"}
