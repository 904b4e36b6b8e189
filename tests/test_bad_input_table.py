"""Bad input from a table: every option of every command, with the values users get wrong.

The cases are generated from the CLI's own parameters (so a new option is covered the day it is added) and
from the table of bad values below. Each bad case must fail with one line that starts with ``error:`` and
names what was wrong (the value given, or the option), never "unexpected", and leave the store as it was.
A few values that look odd but are meaningful are listed as accepted, and must succeed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import typer.main

import geopol
from geopol.cli import app

ROOT = Path(__file__).resolve().parent.parent
D = "tests/data"

# The arguments that make each command otherwise valid ({tmp} is a scratch directory).
BASE = {
    "ingest": ["examples/china-north-korea-ties.txt"],
    "show": ["CHN", "PRK"], "changes": ["CHN", "PRK"], "report": ["CHN", "PRK", "--out", "{tmp}/r.html"],
    "export": ["events", "--out", "{tmp}/x.jsonl"], "codes": ["cameo"],
    "dyads": ["--from", "1990", "--to", "2000"],
    "actors add": ["Zed Zedson", "--kind", "person", "--country", "CHN"],
    "import cow-alliance": ["{tmp}/votes.csv"], "import cow-nmc": ["{tmp}/votes.csv"],
    "import un-votes": ["{tmp}/votes.csv"], "import mids": ["{tmp}/votes.csv"],
    "import rivalries": ["{tmp}/votes.csv"], "import wars": ["{tmp}/votes.csv"],
    "import igos": ["{tmp}/votes.csv"], "import background": ["{tmp}"],
    "import gdelt": [f"{D}/events/gdelt2_head200.export.CSV"], "import icews": [f"{D}/events/icews_2018_head300.tab"],
    "import polecat": [f"{D}/events/polecat_fixture.tsv"], "import phoenix": [f"{D}/events/phoenix_fixture.csv"],
    "scenario landscape": ["--sizes", f"{D}/landscape_syria2016/Actor_data.csv", "--propensities",
                           f"{D}/landscape_syria2016/Pairwise_propensity_Feb_20.csv", "--match-by-order"],
    "scenario bdm": ["--actors", f"{D}/bdm/jmckib_ExampleActors_EC_emissions.csv"],
    "scenario balance": ["--edges", "{tmp}/edges.csv"],
    "scenario var": ["--series", f"{D}/MSBVAR_IsraelPalestineConflict_weekly_1979_2003.csv"],
    "scenario whatif": ["--set", "CHN-PRK=-0.5"],
    "eval plv": [f"{D}/plv_tiny.tsv"], "eval gsr": [f"{D}/PLOVER_GSR_CAMEO.dev.json"],
    "eval articles": ["{tmp}/gold.json", "{tmp}"], "eval world": ["{tmp}/signs.csv"],
    "coder train": [f"{D}/plv_tiny.tsv", "--out", "{tmp}/m.npz"],
}
# Options that only make sense together: testing one gives the other a good value.
TOGETHER = {"--from": ["--to", "2024-12-31"], "--to": ["--from", "2000-01-01"]}
TOGETHER_BY_COMMAND = {("network", "--from"): ["--out", "{tmp}/n.gexf"], ("network", "--to"): ["--out", "{tmp}/n.gexf"],
                       ("dyads", "--from"): [], ("dyads", "--to"): [],
                       ("scenario var", "--dyads"): ["--from", "1990-01-01", "--to", "2024-12-31"],
                       ("scenario var", "--from"): [], ("scenario var", "--to"): []}
# Giving one of these drops the other from the base: they are alternatives.
INSTEAD = {("scenario var", "--dyads"): "--series"}
BAD_DATES = [("2024-02-30", "2024-02-30"), ("soon", "soon"), ("2024-13-01", "2024-13-01"), ("", "")]
BAD_PROBABILITY = [("-0.5", "-0.5"), ("1.5", "1.5"), ("nan", "nan"), ("abc", "abc")]
MISSING = "{tmp}/nowhere/x.csv"
# Bad values by option: (value, what the one error line must name; "" = the option itself).
BAD = {
    "--format": [("xml", "xml"), ("TABLE", "TABLE")],
    "--unit": [("fortnight", "fortnight"), ("", "")],
    "--at": BAD_DATES, "--from": BAD_DATES, "--to": BAD_DATES, "--date": BAD_DATES + [("31/12/2024", "31/12/2024")],
    "--start": BAD_DATES, "--end": BAD_DATES,
    "--actors": [("Atlantis", "Atlantis"), ("CHN,,Atlantis", "Atlantis")],
    "--threshold": BAD_PROBABILITY + [("inf", "inf")],
    "--out": [("{tmp}/nowhere/x.jsonl", "nowhere"), ("{tmp}", "is a directory")],
    "--limit": [("-1", "-1"), ("abc", "abc"), ("1.5", "1.5")],
    "--seed": [("abc", "abc"), ("-1", "-1")],
    "--rounds": [("-3", "-3"), ("abc", "abc"), ("1000000000", "1000000000")],
    "--lags": [("0", "0"), ("-2", "-2"), ("abc", "abc"), ("100000", "100000")],
    "--horizon": [("-1", "-1"), ("0", "0"), ("abc", "abc"), ("100000000", "100000000")],
    "--steps": [("-5", "-5"), ("abc", "abc"), ("1000000000000", "1000000000000")],
    "--p": BAD_PROBABILITY,
    "--folds": [("-2", "-2"), ("abc", "abc")],
    "--c": [("-1", "-1"), ("0", "0"), ("nan", "nan"), ("abc", "abc")],
    "--holdout": BAD_PROBABILITY,
    "--port": [("70000", "70000"), ("-1", "-1"), ("abc", "abc")],
    "--max-ingest-kb": [("-1", "-1"), ("0", "0"), ("abc", "abc")],
    "--scale": [("abc", "abc"), ("PRK.power=nan", "nan"), ("PRK.power=-1", "-1"), ("Atlantis.power=2", "Atlantis")],
    "--set": [("CHN-PRK", "CHN-PRK"), ("CHN-PRK=abc", "abc"), ("CHN-PRK=5", "5"), ("CHN-PRK=nan", "nan"),
              ("CHN-Atlantis=0.5", "Atlantis")],
    "--model": [("bogus", "bogus")], "--coder": [("bogus", "bogus")], "--engine": [("bogus", "bogus")],
    "--source": [("bogus", "bogus")], "--kind": [("bogus", "bogus")], "--role": [("BOGUS", "BOGUS")],
    "--country": [("XXX", "XXX")], "--capitulation": [("bogus", "bogus")],
    "--encoding": [("no-such-codec", "no-such-codec")],
    "--dyads": [("CHN", "CHN"), ("CHN-Atlantis", "Atlantis"), ("CHN-CHN", "CHN-CHN")],
    "--columns": [("zz", "zz")],
    "--code": [("", ""), ("a b", "a b")],
    "--alias": [("", "")],
    "--spark-master": [("nowhere://x", "nowhere://x")],
    "--registry": [(MISSING, "x.csv")],
    "--explain": [],
}
for _opt in ("--sizes", "--propensities", "--edges", "--series", "--pajek", "--roll-calls", "--parquet", "--plot"):
    BAD.setdefault(_opt, [(MISSING, "nowhere")])
# Values that look odd but mean something: these must succeed.
ACCEPTED = [
    ["scenario", "bdm", "--actors", f"{D}/bdm/jmckib_ExampleActors_EC_emissions.csv", "--rounds", "0"],
    ["network", "--threshold", "0"],
    ["network", "--threshold", "1"],
    ["blocs", "--seed", "0"],
    ["events", "--format", "jsonl", "--out", "{tmp}/e.jsonl"],
    ["events", "--out", "{tmp}/e.csv"],
    ["show", "CHN", "PRK", "--limit", "0"],
    ["coder", "train", f"{D}/plv_tiny.tsv", "--out", "{tmp}/m1.npz", "--folds", "1"],  # 0 or 1: no cross-validation
    ["scenario", "balance", "--model", "ltd", "--edges", "{tmp}/edges.csv", "--p", "1", "--seed", "3"],
    ["ties", "--at", "2024-02-29"],
    ["ties", "--at", "1950-06-25", "--actors", "CHN,PRK,USA"],
]


def _leaves(command, path=()):
    subs = getattr(command, "commands", None)
    if subs:
        for name, sub in subs.items():
            yield from _leaves(sub, path + (name,))
    else:
        yield " ".join(path), command


def _cases():
    root = typer.main.get_command(app)
    out = []
    for opt, values in {"--db": [(MISSING, "nowhere")], "--registry": BAD["--registry"]}.items():
        out += [pytest.param([opt, v, "events"], n, id=f"{opt}={v}") for v, n in values]
    for name, command in _leaves(root):
        if name == "serve":
            base = ["--db", "{db}"]  # its own --db: bad values must fail before it listens
        else:
            base = BASE.get(name, [])
        words = name.split()
        out.append(pytest.param(words + base + ["--bogus"], "--bogus", id=f"{name} --bogus"))
        required = [p for p in command.params if p.required and not p.opts[0].startswith("--")]
        if required:
            out.append(pytest.param(words, "missing", id=f"{name} (nothing)"))
        for p in command.params:
            opt = p.opts[0]
            if not opt.startswith("--") or getattr(p, "is_flag", False):
                continue
            for value, needle in BAD.get(opt, []):
                args = list(base)
                drop = [opt, INSTEAD.get((name, opt))]
                for o in drop:
                    if o in args:
                        i = args.index(o)
                        del args[i:i + 2]
                extra = TOGETHER_BY_COMMAND.get((name, opt), TOGETHER.get(opt, []))
                partner = extra[0] if extra else None
                if partner and not any(q.opts[0] == partner for q in command.params):
                    extra = []
                if name == "network" and opt in ("--from", "--to"):
                    extra = TOGETHER[opt] + extra
                out.append(pytest.param(words + args + extra + [opt, value], needle or opt,
                                        id=f"{name} {opt}={value or '(empty)'}"))
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, example_path):
    tmp = tmp_path_factory.mktemp("table")
    store = tmp / "store.duckdb"
    with geopol.open(store) as g:
        g.ingest(example_path, date="2024-11-01")
    (tmp / "edges.csv").write_text("a,b,weight\nA,B,1\nA,C,-1\nB,C,-1\nC,D,0.5\n")
    (tmp / "votes.csv").write_text("this,is,not\na,background,file\n")
    (tmp / "signs.csv").write_text("a,b,sign\nUSA,CAN,1\n")
    (tmp / "gold.json").write_text(json.dumps({"articles": {}}))
    return tmp, store


def _fill(args, tmp, store):
    return [a.replace("{tmp}", str(tmp)).replace("{db}", str(store)) for a in args]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_table_covers_every_command_family_with_300_cases():
    families = {c.id.split()[0].split("=")[0] for c in CASES}
    root = typer.main.get_command(app)
    assert set(root.commands) - {"serve"} <= families | {"serve"}
    assert len(CASES) >= 300, len(CASES)


@pytest.mark.parametrize("args, needle", CASES)
def test_bad_input_is_one_line_that_names_it(args, needle, scratch, cli, monkeypatch):
    tmp, store = scratch
    monkeypatch.chdir(ROOT)
    before = digest(store)
    args = _fill(args, tmp, store)
    needle = _fill([needle], tmp, store)[0]
    code, out, err = cli(*(["--db", store] if args[0] not in ("--db", "serve") else []), *args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0, (args, out[-300:], err[-300:])
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "unexpected" not in err and "Traceback" not in err, err
    assert needle in lines[0], (needle, lines[0])
    assert digest(store) == before
    leftovers = [p for p in tmp.iterdir() if p.suffix in (".jsonl", ".gexf", ".html", ".npz")]
    for p in leftovers:
        p.unlink()


@pytest.mark.parametrize("args", ACCEPTED, ids=[" ".join(a) for a in ACCEPTED])
def test_odd_but_meaningful_values_are_accepted(args, scratch, cli, monkeypatch, tmp_path):
    tmp, store = scratch
    monkeypatch.chdir(ROOT)
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    code, out, err = cli("--db", copy, *_fill(args, tmp, copy))
    assert code == 0, err
