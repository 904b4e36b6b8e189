"""`geopol scenario ...`: the what-if models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ..model import to_jsonable
from . import app
from ._common import err

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
    plot: Optional[Path] = typer.Option(None, "--plot", help="Write the energy landscape as a PNG."),
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
    rounds: int = typer.Option(10, "--rounds", help="Rounds of bargaining."),
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
