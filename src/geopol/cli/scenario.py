"""`geopol scenario ...`: the what-if models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ..model import to_jsonable
from . import app
from ._common import err, note, one_of, open_geopol, option_date, plot_file

scenario_app = typer.Typer(help="What-if models: landscape theory, bargaining, balance dynamics.",
                           no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")


def _dump(obj) -> str:
    return json.dumps(to_jsonable(obj), ensure_ascii=False)


@scenario_app.command("landscape")
def landscape_cmd(
    sizes: Path = typer.Option(..., "--sizes", help="CSV with actor and strength (size) columns."),
    propensities: Path = typer.Option(..., "--propensities", help="CSV matrix of pairwise propensities."),
    neutral: Optional[float] = typer.Option(None, "--neutral",
                                            help="The neutral value of the propensity scale (default: 3 for a "
                                                 "1-5 matrix, 0 for a signed one)."),
    match_by_order: bool = typer.Option(False, "--match-by-order",
                                        help="Pair the files' actors by position when their labels differ."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    plot: Optional[Path] = typer.Option(None, "--plot", callback=plot_file,
                                        help="Write the energy landscape as a PNG."),
) -> None:
    """Landscape theory (Axelrod & Bennett 1993): every local minimum, its energy, basin and frustrations.

    Example: geopol scenario landscape --sizes Actor_data.csv --propensities Pairwise_propensity_Feb_20.csv --neutral 3 --match-by-order
    """
    from ..scenario.landscape import energies, landscape
    from ..sources.scenario_inputs import read_propensities, read_sizes

    names, size_values = read_sizes(sizes)
    labels, matrix = read_propensities(propensities, neutral=0.0)
    if neutral is None:
        values = [v for i, row in enumerate(matrix) for j, v in enumerate(row) if i != j]
        if any(v < 0 for v in values):
            neutral = 0.0
        elif all(1 <= v <= 5 for v in values):
            neutral = 3.0  # Furnas & Axelrod's 1-5 scale
        else:
            raise InputError(f"{propensities}: cannot tell the scale's neutral value; pass --neutral")
    matrix = [[(v - neutral) if i != j else 0.0 for j, v in enumerate(row)] for i, row in enumerate(matrix)]
    if len(labels) != len(names):
        raise InputError(f"{sizes} lists {len(names)} actors but {propensities} {len(labels)}")
    if labels != names:
        if not match_by_order:
            if set(labels) != set(names):
                raise InputError(f"actor labels differ between {sizes.name} and {propensities.name} "
                                 f"({names[0]!r} vs {labels[0]!r}); pass --match-by-order to pair them by position")
            order = [labels.index(n) for n in names]
            matrix = [[matrix[i][j] for j in order] for i in order]
    result = landscape(size_values, matrix, names=names)
    if plot is not None:
        from ..report.landscape import plot_landscape

        plot_landscape(energies(size_values, matrix)[0], result, plot)
        err(f"wrote {plot}")
    if fmt == "json":
        print(_dump({"actors": list(result.actors), "configurations": result.n_configurations,
                     "minima": [{"energy": m.energy, "sides": [list(m.sides[0]), list(m.sides[1])],
                                 "basin": m.basin, "frustration": m.frustration} for m in result.minima]}))
        return
    if fmt != "table":
        raise InputError(f"unknown --format {fmt!r}: use table or json")
    print(f"{len(result.actors)} actors, {result.n_configurations} configurations, {len(result.minima)} local minima")
    for k, m in enumerate(result.minima, 1):
        print(f"  {k}. energy {m.energy:g}, basin {m.basin:.1%}: {', '.join(m.sides[0])} | {', '.join(m.sides[1])}")


@scenario_app.command("bdm")
def bdm_cmd(
    actors: Path = typer.Option(..., "--actors", help="CSV: Actor, Capability, Position, Salience."),
    rounds: int = typer.Option(10, "--rounds", min=0, help="Rounds of bargaining."),
    capitulation: str = typer.Option("scholz", "--capitulation",
                                     help="scholz (as the reference code; reproduces its trace) or intended."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
) -> None:
    """Expected-utility bargaining (Bueno de Mesquita; Scholz, Calbert & Smith 2011), round by round.

    Example: geopol scenario bdm --actors ExampleActors.csv --rounds 10 --format jsonl
    """
    from ..scenario.bdm import run_bdm
    from ..sources.scenario_inputs import read_stakeholders

    result = run_bdm(read_stakeholders(actors), rounds, capitulation=capitulation)
    for r in result:
        offers = [{"actor": o.actor, "other": o.other, "type": o.type, "eu": o.eu, "other_eu": o.other_eu,
                   "position": o.position} for o in r.offers]
        if fmt == "jsonl":
            print(_dump({"round": r.round, "median": r.median, "mean": r.mean, "positions": r.positions,
                         "risk": r.risk, "offers": offers}))
        elif fmt == "table":
            print(f"round {r.round}: median {r.median:.6g}, mean {r.mean:.6g}")
            for o in offers:
                print(f"    {o['actor']} {o['type']} with {o['other']} -> {o['position']:.6g}")
        else:
            raise InputError(f"unknown --format {fmt!r}: use table or jsonl")


def _at(value: Optional[str], store):
    """The --at date, or the latest date the store has data for."""
    if value is None:
        from ..structure import latest_date

        return latest_date(store)[0]
    return option_date(value, "--at")


def _edges_graph(path: Path):
    import csv

    from ..analysis import signed_graph

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or not {"a", "b"} <= set(rows[0]) or not ({"weight"} & set(rows[0]) or {"sign"} & set(rows[0])):
        raise InputError(f"{path}: needs columns a, b and weight (or sign)")
    edges = []
    for k, r in enumerate(rows, start=2):
        try:
            w = float(r.get("weight") or r.get("sign"))
        except (TypeError, ValueError):
            raise InputError(f"{path}:{k}: weight is not a number") from None
        if w:
            edges.append((r["a"], r["b"], 1 if w > 0 else -1, abs(w)))
    return signed_graph(edges)


@scenario_app.command("balance")
def balance_cmd(
    ctx: typer.Context,
    model: str = typer.Option("marvel", "--model", help="marvel (continuous) or ltd (local triad dynamics)."),
    at: Optional[str] = typer.Option(None, "--at", help="Network of the store at this date (default today)."),
    edges: Optional[Path] = typer.Option(None, "--edges", help="Or a CSV of ties: a, b, weight (or sign)."),
    p: Optional[float] = typer.Option(None, "--p", help="LTD: probability that an unfriendly tie turns friendly "
                                      "(default 0.5)."),
    seed: Optional[int] = typer.Option(None, "--seed", min=0, help="LTD: random seed (default 0)."),
    steps: Optional[int] = typer.Option(None, "--steps", min=1, help="LTD: most steps to run (default 100,000)."),
    plot: Optional[Path] = typer.Option(None, "--plot", callback=plot_file, help="Write the trajectory as a PNG."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Balance dynamics: the factions a signed network evolves into (Marvel et al. 2011; Antal et al. 2005).

    Example: geopol scenario balance --model ltd --at 2010-01-01 --seed 1
    """
    import numpy as np

    from ..scenario.balance_dynamics import local_triad_dynamics, marvel
    if model not in ("marvel", "ltd"):
        raise InputError(f"unknown --model {model!r}: use marvel or ltd")
    given = [f"{o} {v}" for o, v in (("--p", p), ("--seed", seed), ("--steps", steps)) if v is not None]
    if model == "marvel" and given:
        raise InputError(f"{', '.join(given)}: for --model ltd only (the marvel model is deterministic)")
    if at is not None and edges is not None:
        raise InputError(f"--at {at}: dates the store's network; --edges gives its own, so give one of them")
    p, seed, steps = 0.5 if p is None else p, seed or 0, 100_000 if steps is None else steps
    if not 0 <= p <= 1:
        raise InputError(f"--p {p}: a probability, from 0 to 1")
    if edges is not None:
        G, notes = _edges_graph(edges), []
    else:
        from ..scenario.world import network_for

        with open_geopol(ctx, read_only=True) as g:
            G, notes = network_for(g.store, _at(at, g.store))
    for n in notes:
        note(n)
    nodes = sorted(G.nodes)
    if len(nodes) < 2:
        raise InputError("fewer than two actors with ties: nothing to evolve")
    if model == "marvel":
        X0 = np.zeros((len(nodes), len(nodes)))
        for u, v, d in G.edges(data=True):
            i, j = nodes.index(u), nodes.index(v)
            X0[i, j] = X0[j, i] = d.get("sign", 1) * d.get("weight", 1.0)
        r = marvel(X0, names=nodes)
        result = {"model": "marvel", "factions": [list(f) for f in r.factions], "blowup": r.blowup,
                  "leading_eigenvalue": r.leading_eigenvalue,
                  "trajectory": [{"t": t, "X": X.round(6).tolist()} for t, X in r.trajectory]}
        summary = f"factions {', '.join(r.factions[0])} | {', '.join(r.factions[1])}; blow-up at t* = {r.blowup}"
    else:
        r = local_triad_dynamics(G, p=p, seed=seed, max_steps=steps)
        from ..analysis import frustration_index

        f = frustration_index(r.graph)
        result = {"model": "ltd", "p": p, "seed": seed, "steps": r.steps, "balanced": r.balanced,
                  "factions": [sorted(f.sides[0]), sorted(f.sides[1])],
                  "final": [{"a": u, "b": v, "sign": s} for u, v, s in r.graph.edges(data="sign")],
                  "trajectory": [{"step": s, "negative": n, "unbalanced": b} for s, n, b in r.trajectory]}
        summary = (f"{'balanced' if r.balanced else 'still unbalanced'} after {r.steps} steps; "
                   f"factions {', '.join(result['factions'][0])} | {', '.join(result['factions'][1])}")
    if plot is not None:
        from ..report import plot_lines

        if model == "marvel":
            pairs = [(i, j) for i in range(len(nodes)) for j in range(i + 1, len(nodes))]
            plot_lines([t for t, _ in r.trajectory],
                       {f"{nodes[i]}-{nodes[j]}": [float(X[i, j]) for _, X in r.trajectory] for i, j in pairs},
                       plot, title="dX/dt = X^2: relations until blow-up", xlabel="t", ylabel="relation")
        else:
            plot_lines([s for s, _, _ in r.trajectory],
                       {"negative ties": [n for _, n, _ in r.trajectory],
                        "unbalanced triangles": [b for _, _, b in r.trajectory]},
                       plot, title=f"local triad dynamics, p = {p}", xlabel="step")
        err(f"wrote {plot}")
    if fmt == "json":
        print(_dump(result))
    elif fmt == "table":
        print(summary)
    else:
        raise InputError(f"unknown --format {fmt!r}: use table or json")


@scenario_app.command("whatif")
def whatif_cmd(
    ctx: typer.Context,
    at: Optional[str] = typer.Option(None, "--at", help="The model of the world at this date (default: the latest "
                                     "date the store has data for)."),
    set_: list[str] = typer.Option([], "--set", help="A tie to set, A-B=VALUE in [-1, 1]; repeatable."),
    scale: list[str] = typer.Option([], "--scale", help="A power to scale, ACTOR.power=FACTOR; repeatable."),
    model: str = typer.Option("landscape", "--model", help="landscape, marvel, bdm or var."),
    from_hypotheses: bool = typer.Option(False, "--from-hypotheses",
                                         help="Build scenarios from the conditional statements in the store."),
    plot: Optional[Path] = typer.Option(None, "--plot", callback=plot_file,
                                        help="Write the network before and after as a PNG."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    actors: Optional[str] = typer.Option(None, "--actors", help="The actors of the model (CHN,RUS,...); default: "
                                         "those of the store's facts, or those named and the major powers."),
) -> None:
    """What if a tie or an actor's power changes? Baseline and changed case side by side.

    Example: geopol scenario whatif --at 2012-06-01 --set RUS-PRK=-0.5 --scale PRK.power=1.2
    """
    from ..scenario.whatif import parse_changes, whatif
    from ..scenario.world import world_at

    named = tuple(x for item in [*set_, *scale] for x in item.split("=")[0].split(".")[0].split("-") if x)
    with open_geopol(ctx, read_only=True) as g:
        scope = [g.resolve(x.strip()) for x in actors.split(",") if x.strip()] if actors else None
        for x in named:  # an unknown actor is named as given, before any model is built
            g.resolve(x.strip())
        ties, power, notes = world_at(g.store, _at(at, g.store), scope, named=tuple(x.upper() for x in named))
        if from_hypotheses:
            from ..scenario.hypotheses import scenarios_from_hypotheses

            hyps = g.hypotheses()
            if not hyps:
                raise InputError("no hypotheses in the store: ingest articles with conditional statements first")
            scenarios = scenarios_from_hypotheses(hyps, ties, registry=g.registry, day=_at(at, g.store))
    for n in notes:
        note(n)
    if from_hypotheses:
        runs = []
        for sc in scenarios:
            entry = {"condition": sc.hypothesis.condition, "consequence": sc.hypothesis.consequence,
                     "evidence": [e.text for e in sc.hypothesis.evidence]}
            if not sc.usable:
                entry["skipped"] = sc.reason
            else:
                entry["set"] = {f"{a}-{b}": v for (a, b), v in (sc.set_ties or {}).items()}
                entry["scale"] = sc.scale_power or {}
                entry["result"] = whatif(ties, power, set_ties=sc.set_ties or {}, scale_power=sc.scale_power or {},
                                         model=model if model != "var" else "landscape")
            runs.append(entry)
        if fmt == "json":
            print(_dump({"scenarios": runs}))
            return
        for r in runs:
            print(f"if {r['condition']} -> {r['consequence']}")
            if "skipped" in r:
                print(f"    no scenario: {r['skipped']}")
                continue
            changes = ", ".join([f"{k}={v:+.2f}" for k, v in r["set"].items()] +
                                [f"{k}.power x{v}" for k, v in r["scale"].items()])
            print(f"    {changes}: switch sides: {', '.join(r['result']['switched']) or 'nobody'}")
        return
    sets, scales = parse_changes(set_, scale)
    if not sets and not scales:
        raise InputError("nothing to change: give --set A-B=VALUE or --scale ACTOR.power=FACTOR")
    if model == "var":
        from ..scenario.var import whatif_var

        if scales:
            raise InputError("the var model takes tie changes (--set), not power changes")
        with open_geopol(ctx, read_only=True) as g:
            result = whatif_var(g.store, _at(at, g.store), {k: v - ties.get(k, 0.0) for k, v in sets.items()})
        if fmt == "json":
            print(_dump(result))
        else:
            print(f"VAR({result['lags']}) on {len(result['series'])} pair series, {result['periods']} periods")
            for r in result["responses"][:10]:
                print(f"  {r['pair']}: {r['cumulative_response']:+.3f} net cooperation over the horizon")
        return
    result = whatif(ties, power, set_ties=sets, scale_power=scales, model=model)
    if plot is not None:
        from ..analysis import signed_graph
        from ..report import plot_before_after

        changed = dict(ties)
        changed.update(sets)
        graphs = [signed_graph([(a, b, 1 if v > 0 else -1, abs(v)) for (a, b), v in case.items() if abs(v) >= 0.1],
                               nodes=result["actors"]) for case in (ties, changed)]
        plot_before_after(*graphs, plot)
        err(f"wrote {plot}")
    if fmt == "json":
        print(_dump(result))
        return
    if fmt != "table":
        raise InputError(f"unknown --format {fmt!r}: use table or json")
    for label in ("baseline", "changed"):
        r = result[label]
        print(f"{label:9s} {', '.join(r['sides'][0])} | {', '.join(r['sides'][1])}")
    print(f"switch sides: {', '.join(result['switched']) or 'nobody'}")
    for t in result["ties_moved"]:
        print(f"  tie {t['a']}-{t['b']}: {t['before']:+.2f} -> {t['after']:+.2f}")
    if model == "landscape":
        for a in result["actors"]:
            print(f"  frustration {a}: {result['baseline']['frustration'][a]:.4g} -> "
                  f"{result['changed']['frustration'][a]:.4g}")


@scenario_app.command("var")
def var_cmd(
    ctx: typer.Context,
    series: Optional[Path] = typer.Option(None, "--series", help="CSV with one column per directed series."),
    columns: Optional[str] = typer.Option(None, "--columns", help="Columns of --series to use, comma-separated."),
    dyads: Optional[str] = typer.Option(None, "--dyads", help="Or directed dyads from the store: USA-CHN,CHN-USA."),
    start: Optional[str] = typer.Option(None, "--from", help="Store series: first day."),
    end: Optional[str] = typer.Option(None, "--to", help="Store series: last day."),
    unit: Optional[str] = typer.Option(None, "--unit", callback=one_of("week", "month", "year"),
                                       help="Store series: week, month (default) or year."),
    lags: Optional[int] = typer.Option(None, "--lags", min=1, help="Lag order (default: chosen by AIC)."),
    horizon: int = typer.Option(12, "--horizon", min=1, help="Periods of impulse response."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Event-series dynamics: VAR, Granger tests and impulse responses (Goldstein & Freeman 1990).

    Example: geopol scenario var --series israel_palestine_weekly.csv --columns i2p,p2i
    """
    import csv as csvmod

    from ..scenario.var import event_series, fit_var

    if (series is None) == (dyads is None):
        raise InputError("give either --series FILE or --dyads A-B,B-A")
    if series is not None:
        store_only = [f"{o} {v}" for o, v in (("--from", start), ("--to", end), ("--unit", unit)) if v is not None]
        if store_only:
            raise InputError(f"{', '.join(store_only)}: for the store's series (--dyads); --series has its own")
        if not series.is_file():
            raise InputError(f"{series}: no such file")
        with series.open(encoding="utf-8", newline="") as fh:
            rows = list(csvmod.DictReader(fh))
        if not rows:
            raise InputError(f"{series}: empty file")
        names = [c.strip() for c in columns.split(",")] if columns else [c for c in rows[0] if c != "time"]
        missing = [c for c in names if c not in rows[0]]
        if missing:
            raise InputError(f"{series}: no column {', '.join(missing)}; columns are {', '.join(rows[0])}")
        try:
            data = {c: [float(r[c]) for r in rows] for c in names}
        except ValueError as exc:
            raise InputError(f"{series}: {exc}") from None
    else:
        first, last = option_date(start, "--from"), option_date(end, "--to")
        if not (first and last):
            raise InputError(f"--dyads {dyads}: give the series' span with --from and --to")
        with open_geopol(ctx, read_only=True) as g:
            pairs = []
            for d in dyads.split(","):
                a, _, b = d.strip().partition("-")
                if not a or not b or g.resolve(a) == g.resolve(b):
                    raise InputError(f"--dyads {d!r}: write directed dyads of two actors as SOURCE-TARGET, "
                                     "e.g. USA-CHN")
                pairs.append((g.resolve(a), g.resolve(b)))
            events = g.events()
        data = event_series(events, pairs, first, last, unit or "month")
    result = fit_var(data, lags=lags, horizon=horizon)
    if fmt == "json":
        print(_dump({"series": list(result.names), "lags": result.lags, "periods": result.n,
                     "granger": [{"cause": c, "effect": e, **v} for (c, e), v in result.granger.items()],
                     "irf": [{"shock": s, "response": r, "values": v} for (s, r), v in result.irf.items()],
                     "cumulative": [{"shock": s, "response": r, "value": v}
                                    for (s, r), v in result.cumulative.items()]}))
        return
    if fmt != "table":
        raise InputError(f"unknown --format {fmt!r}: use table or json")
    print(f"VAR({result.lags}) on {result.n} periods of {', '.join(result.names)}")
    for (c, e), v in result.granger.items():
        verdict = "Granger-causes" if v["p"] < 0.05 else "does not Granger-cause"
        print(f"  {c} {verdict} {e} (F = {v['F']:.2f}, p = {v['p']:.3g})")
    for (s, r), v in result.cumulative.items():
        if s != r:
            print(f"  response of {r} to a shock in {s}: {v:+.3f} over {horizon} periods")
