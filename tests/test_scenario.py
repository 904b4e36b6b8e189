"""Scenario models: published references reproduced, and brute-force cross-checks."""

import csv
import itertools
import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geopol.scenario.bdm import Stakeholder, run_bdm
from geopol.scenario.landscape import energies, landscape
from geopol.sources.scenario_inputs import read_propensities, read_sizes, read_stakeholders

DATA = Path(__file__).parent / "data"
SYRIA = DATA / "landscape_syria2016"
BDM = DATA / "bdm"


def published_results(path: Path):
    """Rows of Furnas & Axelrod's results table: sides (1/2), energy, frustrations, local-min flag."""
    rows = []
    with path.open() as fh:
        for r in csv.reader(fh):
            if r and r[0].strip().isdigit() and len(r) >= 25 and r[1] in ("1", "2"):
                rows.append(([int(x) for x in r[1:12]], float(r[12]), [float(x) for x in r[13:24]], r[24] == "TRUE"))
    return rows


@pytest.mark.parametrize("variant, sizes_file, results_file", [
    ("main", "Actor_data.csv", "Landscape_Results_2016-02-20.csv"),
    ("weak Syria", "Actor_data_weaksyria.csv", "Landscape_Results_weaksyria_2016-02-20.csv"),
])
def test_furnas_axelrod_syria_2016_reproduced_exactly(variant, sizes_file, results_file):
    names, sizes = read_sizes(SYRIA / sizes_file)
    _, P = read_propensities(SYRIA / "Pairwise_propensity_Feb_20.csv", neutral=3)
    E, F = energies(sizes, P)
    published = published_results(SYRIA / results_file)
    assert len(published) == 1024 == len(E)
    for sides, energy, frustration, _ in published:
        config = sum(1 << (i - 1) for i in range(1, 11) if sides[i] == 2)
        assert E[config] == energy
        assert list(F[config]) == frustration
    result = landscape(sizes, P, names=names)
    flagged = [(sides, energy) for sides, energy, _, is_min in published if is_min]
    assert [(m.energy) for m in result.minima] == [e for _, e in flagged]
    sides, _ = flagged[0]
    expected_side2 = {names[i] for i in range(11) if sides[i] == 2}
    assert set(result.minima[0].sides[1]) == expected_side2


def test_cli_landscape_contract(cli):
    code, out, err = cli("scenario", "landscape", "--sizes", SYRIA / "Actor_data.csv", "--propensities",
                         SYRIA / "Pairwise_propensity_Feb_20.csv", "--neutral", "3", "--match-by-order",
                         "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["actors"][:3] == ["US", "Russia", "Syria"]
    [best] = result["minima"]
    assert best["energy"] == -83200 and sorted(best["sides"][1]) == ["ISIS", "Nursa", "Turkey"]
    assert best["basin"] == 1.0 and best["frustration"]["ISIS"] == -38000
    code, _, err = cli("scenario", "landscape", "--sizes", SYRIA / "Actor_data.csv", "--propensities",
                       SYRIA / "Pairwise_propensity_Feb_20.csv", "--format", "json")
    assert code == 1 and "--match-by-order" in err


def _naive(sizes, P):
    n = len(sizes)
    out = {}
    for bits in itertools.product([0, 1], repeat=n - 1):
        side = (0,) + bits
        F = [sizes[i] * sum(sizes[j] * P[i][j] for j in range(n) if j != i and side[i] != side[j]) for i in range(n)]
        out[side] = (sum(F), F)
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7).flatmap(lambda n: st.tuples(
    st.lists(st.integers(1, 50), min_size=n, max_size=n),
    st.lists(st.integers(-2, 2), min_size=n * n, max_size=n * n))))
def test_landscape_matches_brute_force(data):
    sizes, flat = data
    n = len(sizes)
    P = [[0 if i == j else flat[min(i, j) * n + max(i, j)] for j in range(n)] for i in range(n)]  # symmetric
    naive = _naive(sizes, P)
    E, F = energies(sizes, P)
    for c in range(1 << (n - 1)):
        side = (0,) + tuple((c >> (i - 1)) & 1 for i in range(1, n))
        assert E[c] == naive[side][0] and list(F[c]) == naive[side][1]
    result = landscape(sizes, P)
    minima = set()
    for side, (e, Fs) in naive.items():
        switched = [sizes[i] * sum(sizes[j] * P[i][j] for j in range(n) if j != i and side[i] == side[j])
                    for i in range(n)]
        if all(switched[i] >= Fs[i] for i in range(n)):
            minima.add(sum(side[i] << (i - 1) for i in range(1, n)))
    assert {m.config for m in result.minima} == minima
    assert abs(sum(m.basin for m in result.minima) - 1) < 1e-9
    assert [m.energy for m in result.minima] == sorted(m.energy for m in result.minima)


def reference_trace():
    text = (BDM / "jmckib_bdm_scholz_EC_emissions_10rounds_output.txt").read_text()
    blocks = re.split(r"\nROUND \d+\n", text)
    out = []
    for b in blocks:
        median = float(re.findall(r"Median position: (\S+)", b)[-1])
        mean = float(re.findall(r"Mean position: (\S+)", b)[-1])
        offers = [(a, {"loses confrontation to": "confrontation", "compromises with": "compromise",
                       "capitulates to": "capitulation"}[t], o, float(e1), float(e2), float(p))
                  for a, t, o, e1, e2, p in re.findall(
                      r"(\S+) (loses confrontation to|compromises with|capitulates to) (\S+)\n\t(\S+) vs (\S+)\n"
                      r"\tnew_pos = (\S+)", b)]
        out.append((median, mean, offers))
    return out


def test_bdm_ec_emissions_trace_reproduced(cli):
    code, out, err = cli("scenario", "bdm", "--actors", BDM / "jmckib_ExampleActors_EC_emissions.csv",
                         "--rounds", "10", "--format", "jsonl")
    assert code == 0, err
    rounds = [json.loads(l) for l in out.splitlines()]
    ref = reference_trace()
    assert [r["round"] for r in rounds] == list(range(11)) and len(ref) == 11
    for r, (median, mean, offers) in zip(rounds, ref):
        assert abs(r["median"] - median) <= 1e-9 and abs(r["mean"] - mean) <= 1e-9
        assert [(o["actor"], o["type"], o["other"]) for o in r["offers"]] == [o[:3] for o in offers]
        for o, (*_, e1, e2, pos) in zip(r["offers"], offers):
            assert abs(o["eu"] - e1) <= 1e-9 and abs(o["other_eu"] - e2) <= 1e-9 and abs(o["position"] - pos) <= 1e-9
    assert set(rounds[0]["positions"]) == {"Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy",
                                           "UK", "Ireland", "Denmark", "Greece"}


@pytest.mark.parametrize("name", ["dmasad_ChinaData.csv", "dmasad_HondurasCrisisData.csv"])
def test_bdm_runs_the_other_example_inputs(name):
    actors = read_stakeholders(BDM / name)
    assert all(0 <= a.salience <= 1 for a in actors)
    rounds = run_bdm(actors, 10)
    assert len(rounds) == 11
    lo, hi = min(a.position for a in actors), max(a.position for a in actors)
    for r in rounds:
        assert all(lo <= x <= hi for x in r.positions.values())  # offers never leave the range
        assert lo <= r.median <= hi


def test_bdm_median_is_the_vote_winner():
    rounds = run_bdm([Stakeholder("A", 1, 0, 1), Stakeholder("B", 1, 10, 1), Stakeholder("C", 1.5, 6, 1)], 0)
    assert rounds[0].median == 6.0 and abs(rounds[0].mean - (0 + 10 + 9) / 3.5) < 1e-12


# -- balance dynamics -------------------------------------------------------

from geopol.analysis import frustration_index, signed_graph  # noqa: E402
from geopol.scenario.balance_dynamics import local_triad_dynamics, marvel, marvel_state  # noqa: E402


@settings(max_examples=25, deadline=None)
@given(st.integers(3, 7).flatmap(lambda n: st.lists(st.floats(-1, 1), min_size=n * n, max_size=n * n)))
def test_marvel_closed_form_solves_the_ode(flat):
    from scipy.integrate import solve_ivp

    n = int(round(len(flat) ** 0.5))
    A = np.array(flat).reshape(n, n)
    X0 = (A + A.T) / 2
    r = marvel(X0)
    horizon = 0.5 * r.blowup if r.blowup else 1.0
    sol = solve_ivp(lambda t, x: (x.reshape(n, n) @ x.reshape(n, n)).ravel(), (0, horizon), X0.ravel(),
                    rtol=1e-10, atol=1e-12)
    assert np.allclose(sol.y[:, -1].reshape(n, n), marvel_state(X0, horizon), rtol=1e-6, atol=1e-8)


def test_marvel_factions_are_the_sign_pattern_near_blowup():
    rng = np.random.default_rng(4)
    A = rng.normal(size=(8, 8))
    X0 = (A + A.T) / 2
    names = [f"a{i}" for i in range(8)]
    r = marvel(X0, names=names)
    X = marvel_state(X0, r.blowup * 0.999999)
    side = {a: 0 for a in r.factions[0]} | {a: 1 for a in r.factions[1]}
    for i, j in itertools.combinations(range(8), 2):
        assert (X[i, j] > 0) == (side[names[i]] == side[names[j]])


def test_ltd_reaches_balance_and_is_reproducible():
    rng = np.random.default_rng(0)
    edges = [(i, j, 1 if rng.random() < 0.5 else -1) for i, j in itertools.combinations(range(9), 2)]
    G = signed_graph(edges)
    a = local_triad_dynamics(G, p=0.5, seed=7)
    b = local_triad_dynamics(G, p=0.5, seed=7)
    assert a.balanced and a.steps > 0 and frustration_index(a.graph).value == 0
    assert a.trajectory == b.trajectory
    assert a.trajectory[-1][2] == 0
    assert G.edges[0, 1]["sign"] == dict(((u, v), s) for u, v, s in edges)[(0, 1)]  # input untouched


def test_ltd_on_the_wwi_snapshot_balances():
    import csv as csvmod

    rows = [r for r in csvmod.DictReader(l for l in (DATA / "akr_wwi_signed_edges.csv").open()
                                         if not l.startswith("#")) if r["stage"] == "5"]
    G = signed_graph([(r["u"], r["v"], int(r["sign"])) for r in rows])
    r = local_triad_dynamics(G, p=0.5, seed=1)
    assert r.balanced


# -- what if ----------------------------------------------------------------


def test_whatif_cli_moves_an_actor(db, cli):
    import geopol

    geopol.open(db).close()
    code, out, err = cli("--db", db, "scenario", "whatif", "--at", "2012-06-01", "--set", "CHN-PRK=-0.9",
                         "--set", "CHN-USA=0.6", "--format", "json", "--actors", "CHN,PRK,KOR,JPN,RUS,USA")
    assert code == 0, err
    result = json.loads(out)
    together = lambda sides, a, b: any(a in s and b in s for s in sides)  # noqa: E731
    assert result["baseline"]["sides"] == [["CHN", "PRK", "RUS"], ["JPN", "KOR", "USA"]]
    assert not together(result["changed"]["sides"], "CHN", "PRK") and together(result["changed"]["sides"], "CHN", "USA")
    moved = {(m["a"], m["b"]): m for m in result["ties_moved"]}
    assert moved[("CHN", "PRK")]["before"] > 0 and moved[("CHN", "PRK")]["after"] == -0.9
    # with no facts and no --actors, the model runs on the actors named and the major powers of the year
    code, out, err = cli("--db", db, "scenario", "whatif", "--at", "2012-06-01", "--set", "CHN-PRK=-0.9",
                         "--format", "json")
    assert code == 0 and "major powers of 2012" in err
    assert json.loads(out)["actors"] == ["CHN", "DEU", "FRA", "GBR", "JPN", "PRK", "RUS", "USA"]
    code, _, err = cli("--db", db, "scenario", "whatif", "--set", "RUS-XXX=0.5")
    assert code == 1 and "XXX" in err
    code, _, err = cli("--db", db, "scenario", "whatif", "--set", "RUS-PRK=5")
    assert code == 1 and "[-1, 1]" in err
    code, _, err = cli("--db", db, "scenario", "whatif", "--set", "RUS-PRK=0.5", "--model", "var")
    assert code == 1 and "no event series for PRK-RUS" in err  # background only: no events to fit


def test_scenario_balance_cli(db, cli, tmp_path):
    edges = tmp_path / "e.csv"
    edges.write_text("a,b,weight\nA,B,1\nA,C,-1\nB,C,-1\nC,D,0.5\n")
    code, out, err = cli("scenario", "balance", "--model", "marvel", "--edges", edges, "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert sorted(map(sorted, result["factions"])) == [["A", "B"], ["C", "D"]] and result["blowup"] > 0
    code, out, _ = cli("scenario", "balance", "--model", "ltd", "--edges", edges, "--seed", "3", "--format", "json")
    assert json.loads(out)["balanced"] is True


# -- event-series dynamics --------------------------------------------------


def test_var_finds_reciprocity_in_the_israel_palestine_series(cli):
    code, out, err = cli("scenario", "var", "--series", DATA / "MSBVAR_IsraelPalestineConflict_weekly_1979_2003.csv",
                         "--columns", "i2p,p2i", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["periods"] == 1278 and result["lags"] >= 1
    granger = {(g["cause"], g["effect"]): g["p"] for g in result["granger"]}
    assert granger[("i2p", "p2i")] < 1e-6 and granger[("p2i", "i2p")] < 1e-6   # both directions
    cumulative = {(c["shock"], c["response"]): c["value"] for c in result["cumulative"]}
    assert cumulative[("i2p", "p2i")] > 0 and cumulative[("p2i", "i2p")] > 0   # hostility answered by hostility


def planted_events(*, seed, first_year, day, sd, coeff, pairs, third_sd, copies=1, jitter=0.0, coded=False):
    """120 months of events on three directed pairs: the second follows the first a month later
    (y_t = coeff * x_(t-1) + noise); the third is noise. ``coded`` gives each event a CAMEO code and
    quad class by its sign (cooperation 042 / quad 1, fight 190 / quad 4)."""
    import random
    from datetime import date

    from geopol.model import Event, TimeSpan

    rng = random.Random(seed)
    events, prev = [], 0.0
    for k in range(120):
        when = TimeSpan(start=date(first_year + k // 12, k % 12 + 1, day), precision="day")
        x = rng.gauss(0, sd)
        y = coeff * prev + rng.gauss(0, 1)
        prev = x
        for (src, tgt), g in zip(pairs, (x, y, rng.gauss(0, third_sd))):
            for _ in range(copies):
                gv = max(-10.0, min(10.0, g + (rng.gauss(0, jitter) if jitter else 0.0)))
                if coded:
                    events.append(Event(source=src, target=tgt, cameo="042" if gv >= 0 else "190",
                                        quad=1 if gv >= 0 else 4, goldstein=gv, time=when))
                else:
                    events.append(Event(source=src, target=tgt, cameo="042", goldstein=gv, time=when))
    return events


def test_var_triangle_from_store_events(db, cli):
    """A->B behaviour drives B->C a month later: the VAR must find it, and not the reverse."""
    import geopol

    events = planted_events(seed=5, first_year=2000, day=3, sd=3, coeff=0.8,
                            pairs=(("USA", "RUS"), ("RUS", "CHN"), ("CHN", "USA")), third_sd=2)
    with geopol.open(db) as g:
        with g.store.transaction():
            g.store.put_events(events)
    code, out, err = cli("--db", db, "scenario", "var", "--dyads", "USA-RUS,RUS-CHN,CHN-USA", "--from", "2000-01-01",
                         "--to", "2009-12-31", "--unit", "month", "--lags", "1", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    granger = {(x["cause"], x["effect"]): x["p"] for x in result["granger"]}
    assert granger[("USA->RUS", "RUS->CHN")] < 1e-6 and granger[("RUS->CHN", "USA->RUS")] > 0.01
    irf = {(x["shock"], x["response"]): x["values"] for x in result["irf"]}
    assert irf[("USA->RUS", "RUS->CHN")][1] > 1.0


def test_var_bad_input(cli, tmp_path):
    flat = tmp_path / "flat.csv"
    flat.write_text("a,b\n" + "\n".join(f"1,{i % 7}" for i in range(60)))
    code, _, err = cli("scenario", "var", "--series", flat)
    assert code == 1 and "without variation" in err
    code, _, err = cli("scenario", "var", "--series", flat, "--columns", "a,zz")
    assert code == 1 and "no column zz" in err


def test_whatif_bdm_model(db, cli):
    import geopol

    geopol.open(db).close()
    code, out, err = cli("--db", db, "scenario", "whatif", "--at", "2012-06-01", "--set", "CHN-PRK=-0.9",
                         "--model", "bdm", "--format", "json", "--actors", "CHN,PRK,KOR,JPN,RUS,USA")
    assert code == 0, err
    result = json.loads(out)
    base, changed = result["baseline"], result["changed"]
    assert set(base["positions"]) == {"CHN", "JPN", "KOR", "PRK", "RUS", "USA"}
    assert all(0 <= x <= 10 for x in base["initial_positions"].values())
    assert base["median"] != changed["median"] or base["positions"] != changed["positions"]


def test_whatif_var_model_and_hypotheses(db, cli):
    """Planted: RUS-USA behaviour drives CHN-RUS the next month; a drop in RUS-USA must pull CHN-RUS down."""
    import geopol
    from geopol.model import Evidence, Hypothesis

    events = planted_events(seed=9, first_year=2010, day=5, sd=4, coeff=0.9,
                            pairs=(("USA", "RUS"), ("RUS", "CHN"), ("USA", "CHN")), third_sd=3, copies=3,
                            jitter=0.5, coded=True)
    with geopol.open(db) as g:
        with g.store.transaction():
            g.store.put_events(events)
            g.store.put_hypotheses([Hypothesis(
                condition="Should Russia's economic support to China wane",
                consequence="Beijing's influence in the region could diminish", actors=("RUS", "CHN"),
                evidence=(Evidence(doc="d", start=0, end=10, text="Should Russia's economic support wane"),)),
                Hypothesis(condition="If it rains", consequence="nothing", actors=())])
    code, out, err = cli("--db", db, "scenario", "whatif", "--at", "2019-12-31", "--set", "RUS-USA=-0.8",
                         "--model", "var", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    responses = {r["pair"]: r["cumulative_response"] for r in result["responses"]}
    assert responses["CHN-RUS"] < 0
    code, out, err = cli("--db", db, "scenario", "whatif", "--at", "2019-12-31", "--from-hypotheses",
                         "--format", "json")
    assert code == 0, err
    runs = json.loads(out)["scenarios"]
    assert runs[0]["set"] and list(runs[0]["set"]) == ["CHN-RUS"] and runs[0]["set"]["CHN-RUS"] < 0.5
    assert runs[1]["skipped"] == "the condition names no actor"
