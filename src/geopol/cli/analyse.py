"""Commands that analyse the store: ties, network, balance, blocs, triads, changes; and `import` of background data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ..model import to_jsonable
from . import app
from ._common import FORMATS, UNITS, check_format, emit, err, note, one_of, open_geopol, option_date, plot_file

import_app = typer.Typer(help="Import datasets into the store.", no_args_is_help=True)
app.add_typer(import_app, name="import")

AT_HELP = "Date YYYY-MM-DD (default: the latest date the store has data for)."
ACTORS_HELP = ("Only these actors: CHN,RUS,USA (names or codes), or 'all'; default: the actors of the store's own "
               "facts, or every state if it has none.")


def _state(g, name: str) -> str:
    """A code for the analysis commands: historic states as the state their COW code continues in."""
    from ..actors.registry import successor_codes

    code = g.resolve(name)
    return successor_codes().get(code, code)


def _actors(g, actors: Optional[str]) -> list[str] | None:
    if not actors:
        return None
    if actors.strip().lower() == "all":
        return ["all"]
    return [_state(g, x.strip()) for x in actors.split(",") if x.strip()]


def _dyad(g, text: str) -> tuple[str, str]:
    x, _, y = text.strip().partition("-")
    if not x or not y or _state(g, x) == _state(g, y):
        raise InputError(f"--dyads {text!r}: write dyads as A-B of two actors, e.g. CHN-PRK")
    return _state(g, x), _state(g, y)


def _day(value: Optional[str], option: str) -> date | None:
    return option_date(value, option)


def _graph_format(fmt: str, allowed=("table", "json", "jsonl")) -> str:
    if fmt not in allowed:
        raise InputError(f"unknown --format {fmt!r}: use {', '.join(allowed)}")
    return fmt


def _notes(notes: list[str]) -> None:
    for n in notes:
        note(n)


def _print_json(obj, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2))
    else:
        print(json.dumps(to_jsonable(obj), ensure_ascii=False))


@app.command()
def ties(
    ctx: typer.Context,
    at: Optional[str] = typer.Option(None, "--at", help=AT_HELP),
    start: Optional[str] = typer.Option(None, "--from", help="Panel start YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, "--to", help="Panel end YYYY-MM-DD."),
    unit: str = typer.Option("year", "--unit", callback=one_of(*UNITS), help="Panel period: day, week, month or year."),
    actors: Optional[str] = typer.Option(None, "--actors", help="Only the pairs among these actors (CHN,RUS,...)."),
    explain: Optional[tuple[str, str]] = typer.Option(None, "--explain", help="Explain one pair: --explain A B "
                                                      "(each source's contribution and its observations)."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"Output format: {', '.join(FORMATS)} "
                                                            "(and json with --explain)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Tie estimates per pair: a signed weight in [-1, 1] with its uncertainty and each source's share.

    Example: geopol ties --at 2012-06-01, geopol ties --explain China Russia --at 1970-07-01, or
    geopol ties --from 1990-01-01 --to 2012-12-31 --unit year --actors CHN,RUS,USA
    """
    from ..structure import explain_tie, tie_panel, ties_at

    if not (explain and all(explain) and fmt == "json"):
        check_format(fmt)
    with open_geopol(ctx, read_only=True) as g:
        if explain and all(explain):
            result, notes = explain_tie(g.store, _state(g, explain[0]), _state(g, explain[1]), _day(at, "--at"))
            _notes(notes)
            if fmt in ("jsonl", "json"):
                _print_json(result, fmt)
                return
            _print_explanation(result)
            return
        scope = _actors(g, actors)
        if start or end:
            if not (start and end):
                raise InputError("--from and --to go together")
            rows, notes = tie_panel(g.store, _day(start, "--from"), _day(end, "--to"), unit, actors=scope)
        else:
            rows, notes = ties_at(g.store, _day(at, "--at"), actors=scope)
    _notes(notes)
    emit(rows, fmt, out, columns=["a", "b", "at", "tie", "uncertainty", "observations"], empty="no ties")


@app.command()
def dyads(
    ctx: typer.Context,
    start: int = typer.Option(..., "--from", help="First year."),
    end: int = typer.Option(..., "--to", help="Last year."),
    actors: Optional[str] = typer.Option(None, "--actors", help="Only the pairs among these actors (CHN,RUS,...)."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Dyad-years as R users get them from peacesciencer: the tie and each background reading per pair and year.

    Example: geopol dyads --from 1946 --to 2019 --actors USA,RUS,CHN --out dyads.csv
    """
    from ..structure import dyad_years

    if fmt not in ("csv", "jsonl", "parquet"):
        raise InputError(f"unknown --format {fmt!r}: use csv, jsonl or parquet")
    with open_geopol(ctx, read_only=True) as g:
        rows, notes = dyad_years(g.store, start, end, actors=_actors(g, actors))
    _notes(notes)
    emit(rows, fmt, out, empty="no dyad-years")


def _print_explanation(r: dict) -> None:
    print(f"{r['a']}-{r['b']} at {r['at']}: tie {r['tie']:+.3f} ± {r['uncertainty']:.3f} "
          f"({r['observations']} observations; prior weight {r['prior']})")
    for s in r["sources"]:
        print(f"  {s['source']:<10} contribution {s['contribution']:+.3f}  mean {s['mean']:+.2f}  "
              f"weight {s['weight']:.2f}")
        for o in s["top"][:3]:
            ref = o["ref"] if len(o["ref"]) <= 90 else o["ref"][:89] + "…"
            print(f"      {o['day']}  {o['value']:+.2f}  {ref}")


@app.command()
def network(
    ctx: typer.Context,
    at: Optional[str] = typer.Option(None, "--at", help=AT_HELP),
    threshold: float = typer.Option(0.1, "--threshold", help="Weakest |tie| kept as an edge."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write .graphml, .gexf, .json or .png."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or json (edges)."),
    actors: Optional[str] = typer.Option(None, "--actors", help=ACTORS_HELP),
    start: Optional[str] = typer.Option(None, "--from", help="With --to and --out FILE.gexf: a network over time."),
    end: Optional[str] = typer.Option(None, "--to", help="Last date of the network over time."),
    unit: str = typer.Option("year", "--unit", callback=one_of(*UNITS),
                             help="Period of the network over time: day, week, month or year."),
) -> None:
    """The signed network at a date: edges by sign and strength, nodes with CINC power.

    Example: geopol network --at 2010-01-01 --out network.gexf
    """
    _graph_format(fmt)
    from ..report import write_graph
    from ..structure import network_at

    if start or end:
        from ..report import write_dynamic_gexf
        from ..structure import network_series

        if not (start and end and out is not None):
            raise InputError("a network over time needs --from, --to and --out FILE.gexf")
        with open_geopol(ctx, read_only=True) as g:
            frames, notes = network_series(g.store, _day(start, "--from"), _day(end, "--to"), unit,
                                           threshold=threshold, actors=_actors(g, actors))
            names = {v: (g.registry.get(v).name if g.registry.get(v) else v) for _, _, G in frames for v in G.nodes}
        _notes(notes)
        write_dynamic_gexf(frames, out, names)
        err(f"wrote {len(frames)} periods, {len(names)} actors to {out} (open it in Gephi and use the timeline)")
        return
    with open_geopol(ctx, read_only=True) as g:
        G, notes = network_at(g.store, _day(at, "--at"), threshold=threshold, actors=_actors(g, actors))
        for v in G.nodes:
            known = g.registry.get(v)
            if known is not None:
                G.nodes[v]["name"] = known.name
    _notes(notes)
    if out is not None:
        write_graph(G, out)
        err(f"wrote {G.number_of_nodes()} nodes and {G.number_of_edges()} edges to {out}")
        return
    rows = [{"a": u, "b": v, "sign": "+" if d["sign"] > 0 else "-", "tie": round(d.get("tie", 0.0), 6),
             "uncertainty": round(d.get("uncertainty", 0.0), 6)} for u, v, d in G.edges(data=True)]
    if fmt == "json":
        _print_json({"at": G.graph["at"], "nodes": [{"id": v, **d} for v, d in G.nodes(data=True)], "edges": rows},
                    "json")
        return
    emit(rows, fmt, None, empty="no ties above the threshold")


def _pajek_rows(path: Path) -> list[dict]:
    from ..analysis import balance_degree, frustration_index
    from ..sources.pajek import read_pajek

    rows = []
    for w in read_pajek(path):
        f = frustration_index(w.graph)
        m = w.graph.number_of_edges()
        rows.append({"window": w.label, "id": w.id, "nodes": w.graph.number_of_nodes(), "edges": m,
                     "frustration": f.value, "balance": balance_degree(w.graph),
                     "normalized_frustration": round(1 - 2 * f.value / m, 6) if m else None,
                     "optimal": f.optimal})
    return rows


@app.command()
def balance(
    ctx: typer.Context,
    at: Optional[str] = typer.Option(None, "--at", help=AT_HELP),
    pajek: Optional[Path] = typer.Option(None, "--pajek", help="Read a signed Pajek file (one result per window)."),
    threshold: float = typer.Option(0.1, "--threshold", help="Weakest |tie| kept as an edge."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"Output format: {', '.join(FORMATS)} or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),
    actors: Optional[str] = typer.Option(None, "--actors", help=ACTORS_HELP),
) -> None:
    """Structural balance: exact frustration index, the split that attains it, share of balanced triangles.

    Example: geopol balance --pajek Cow.net --format jsonl
    """
    if pajek is not None:
        rows = _pajek_rows(pajek)
        emit(rows, "jsonl" if fmt == "json" else fmt, out,
             columns=["window", "nodes", "edges", "frustration", "balance"])
        return
    from ..structure import balance_at

    with open_geopol(ctx, read_only=True) as g:
        result, notes = balance_at(g.store, _day(at, "--at"), threshold=threshold, actors=_actors(g, actors))
    _notes(notes)
    if fmt in ("json", "jsonl"):
        _print_json(result, fmt)
        return
    check_format(fmt)
    print(f"at {result['at']}: {result['nodes']} actors, {result['edges']} ties, frustration {result['frustration']}"
          f", balanced triangles {result['balance'] if result['balance'] is not None else 'n/a (no triangles)'}")
    print(f"  camps: {', '.join(result['sides'][0])} | {', '.join(result['sides'][1])}")
    for e in result["frustrated"]:
        print(f"  frustrated tie: {e[0]}-{e[1]}")
    for p in result["pivots"]:
        print(f"  pivot: {p['pivot']} between {p['a']} and {p['b']}")


@app.command()
def blocs(
    ctx: typer.Context,
    at: Optional[str] = typer.Option(None, "--at", help=AT_HELP),
    threshold: float = typer.Option(0.1, "--threshold", help="Weakest |tie| kept as an edge."),
    seed: int = typer.Option(0, "--seed", min=0, help="Seed of the local search (graphs over 9 actors)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or jsonl."),
    actors: Optional[str] = typer.Option(None, "--actors", help=ACTORS_HELP),
) -> None:
    """Blocs at a date: the partition that best fits the signs of the ties (any number of blocs).

    Example: geopol blocs --at 2010-01-01
    """
    _graph_format(fmt)
    from ..structure import blocs_at

    with open_geopol(ctx, read_only=True) as g:
        result, notes = blocs_at(g.store, _day(at, "--at"), threshold=threshold, seed=seed, actors=_actors(g, actors))
    _notes(notes)
    if fmt in ("json", "jsonl"):
        _print_json(result, fmt)
        return
    print(f"at {result['at']}: {len(result['blocs'])} blocs, cost {result['cost']} ({result['method']})")
    for i, b in enumerate(result["blocs"], 1):
        print(f"  bloc {i}: {', '.join(b)}")
    if result["unattached"]:
        print(f"  no tie above the threshold: {', '.join(result['unattached'])}")


@app.command()
def triads(
    ctx: typer.Context,
    at: Optional[str] = typer.Option(None, "--at", help=AT_HELP),
    threshold: float = typer.Option(0.1, "--threshold", help="Weakest |tie| kept as an edge."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or jsonl."),
    actors: Optional[str] = typer.Option(None, "--actors", help=ACTORS_HELP),
) -> None:
    """Triad census: triangles by sign pattern (+++, +--, ++-, ---), balanced and not, and pivots.

    Example: geopol triads --at 1965-01-01
    """
    _graph_format(fmt)
    from ..structure import triads_at

    with open_geopol(ctx, read_only=True) as g:
        result, notes = triads_at(g.store, _day(at, "--at"), threshold=threshold, actors=_actors(g, actors))
    _notes(notes)
    if fmt in ("json", "jsonl"):
        _print_json(result, fmt)
        return
    print(f"at {result['at']}: balanced {result['balanced']}, unbalanced {result['unbalanced']}")
    for kind in ("+++", "+--", "++-", "---"):
        print(f"  {kind}: {result[kind]}  " + "; ".join("-".join(t) for t in result["members"][kind][:8]))


@app.command()
def changes(
    ctx: typer.Context,
    a: str = typer.Argument(..., help="First actor."),
    b: str = typer.Argument(..., help="Second actor."),
    start: str = typer.Option("1946-01-01", "--from", help="Series start YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, "--to", help="Series end (default: the latest date of the store)."),
    unit: str = typer.Option("year", "--unit", callback=one_of(*UNITS), help="day, week, month or year."),
    plot: Optional[Path] = typer.Option(None, "--plot", callback=plot_file, help="Write the series as a PNG."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or jsonl."),
) -> None:
    """Change points in one pair's tie series, with the evidence around each.

    Example: geopol changes CHN RUS --from 1950-01-01 --to 2010-12-31
    """
    _graph_format(fmt)
    from ..structure import dyad_changes, latest_date

    with open_geopol(ctx, read_only=True) as g:
        result, notes = dyad_changes(g.store, _state(g, a), _state(g, b), _day(start, "--from"),
                                     _day(end, "--to") or latest_date(g.store)[0], unit=unit)
    _notes(notes)
    if plot is not None:
        from ..report import plot_series

        plot_series([r["period"] for r in result["series"]], [r["tie"] for r in result["series"]], plot,
                    title=f"{result['a']}-{result['b']}", changes=[c["date"] for c in result["changes"]])
        err(f"wrote {plot}")
    if fmt in ("json", "jsonl"):
        _print_json(result, fmt)
        return
    if not result["changes"]:
        print(f"{result['a']}-{result['b']}: no change point in {len(result['series'])} periods")
    for c in result["changes"]:
        print(f"{result['a']}-{result['b']} {c['date']}: {c['before']:+.2f} -> {c['after']:+.2f}")
        for e in c["evidence"][:6]:
            print(f"    {e['kind']} {e['day']}: {e['ref']}")


def _import_background(ctx, kind: str, path: Optional[Path], **kw) -> None:
    from ..ingest import import_background
    from ..sources.cow import default_paths

    if path is None:  # the shipped subsets stand in for COW alliances and capabilities
        path = default_paths()[0 if kind == "cow-alliance" else 1]
    with open_geopol(ctx) as g:
        print(import_background(g.store, kind, path, **kw).summary())


@import_app.command("cow-alliance")
def import_cow_alliance(ctx: typer.Context,
                        path: Optional[Path] = typer.Argument(None, help="CSV (default: the shipped subset).")) -> None:
    """Import formal alliances: COW v4.1 dyad-years, or ATOP's (told apart by the header).

    Example: geopol import cow-alliance ../shared/data/cow/cow_alliance.csv
    """
    _import_background(ctx, "cow-alliance", path)


@import_app.command("cow-nmc")
def import_cow_nmc(ctx: typer.Context,
                   path: Optional[Path] = typer.Argument(None, help="CSV (default: the shipped subset).")) -> None:
    """Import Correlates of War National Material Capabilities (CINC) by state-year.

    Example: geopol import cow-nmc ../shared/data/cow/cow_nmc.csv
    """
    _import_background(ctx, "cow-nmc", path)


@import_app.command("un-votes")
def import_un_votes(ctx: typer.Context, path: Path = typer.Argument(..., help="Votes CSV (rcid, country, "
                                                                    "country_code, vote), .csv or .csv.gz."),
                    roll_calls: Optional[Path] = typer.Option(None, "--roll-calls", help="Roll calls CSV (rcid, "
                                                              "date); default un_roll_calls.csv beside the votes.")
                    ) -> None:
    """Import UN General Assembly votes as each pair's agreement per year (Voeten's data).

    Example: geopol import un-votes ../shared/data/background/un_votes.csv.gz
    """
    _import_background(ctx, "un-votes", path, roll_calls=roll_calls)


def _background_command(kind: str, summary: str, example: str):
    def command(ctx: typer.Context, path: Path = typer.Argument(..., help="CSV file (.csv or .csv.gz).")) -> None:
        _import_background(ctx, kind, path)

    command.__doc__ = f"Import {summary}.\n\nExample: geopol import {kind} ../shared/data/background/{example}"
    import_app.command(kind)(command)


for _kind, _summary, _example in (
        ("mids", "militarized interstate disputes (GML MID, directed dispute-years) as hostility per dyad-year",
         "gml_dirdisp.csv"),
        ("rivalries", "strategic rivalries (Thompson, Sakuwa & Suhas, or Thompson & Dreyer) as dyad-years",
         "tss_rivalries.csv"),
        ("wars", "COW inter-state wars (dyad-years of states on opposite sides)", "cow_war_inter.csv"),
        ("igos", "shared IGO memberships per dyad-year (COW IGO, non-directed)", "cow_igo_ndy.csv.gz")):
    _background_command(_kind, _summary, _example)


@import_app.command("background")
def import_background_folder(ctx: typer.Context,
                             path: Path = typer.Argument(..., help="A folder laid out like ../shared/data/background "
                                                         "(or ../shared/data/cow).")) -> None:
    """Import every background file of a folder: UN votes, disputes, rivalries, wars, IGOs, alliances, power.

    Example: geopol import background ../shared/data/background
    """
    from ..ingest import import_background_dir

    with open_geopol(ctx) as g:
        for report in import_background_dir(g.store, path, progress=lambda f: err(f"reading {f} ...")):
            line = report.summary()
            print(line if line.startswith(Path(report.file).name) else f"{Path(report.file).name}: {line}")


def _import_events(ctx, dataset: str, paths: list[str], parquet: bool = False) -> None:
    from ..sources.importer import import_files

    with open_geopol(ctx) as g:
        report = import_files(g.store, dataset, paths, parquet=parquet)
    for line in report.skipped:
        err(f"skipped: {line}")
    print(report.summary())


def _event_import_command(dataset: str, summary: str):
    def command(ctx: typer.Context,
                paths: list[str] = typer.Argument(..., help="Files, globs, directories or .zip archives."),
                parquet: bool = typer.Option(False, "--parquet",
                                             help="Land rows as Parquet partitioned by event month beside the store.")
                ) -> None:
        _import_events(ctx, dataset, paths, parquet)

    command.__doc__ = f"Import {summary}.\n\nExample: geopol import {dataset} data/*.zip"
    import_app.command(dataset)(command)


for _dataset, _summary in (("gdelt", "GDELT 1.0 (57 or 58 fields) and 2.0 (61 fields) event files"),
                           ("icews", "ICEWS event files (20 columns with a header; the 2017 variant too)"),
                           ("polecat", "POLECAT event files (PLOVER-coded, 40 columns with a header)"),
                           ("phoenix", "Phoenix event files (26 columns, no header)")):
    _event_import_command(_dataset, _summary)


@app.command()
def panel(
    ctx: typer.Context,
    unit: str = typer.Option("month", "--unit", callback=one_of(*UNITS), help="day, week, month or year."),
    dyads: Optional[str] = typer.Option(None, "--dyads", help="Only these dyads: CHN-PRK,USA-PRK."),
    directed: bool = typer.Option(False, "--directed", help="Keep source and target apart."),
    source: Optional[str] = typer.Option(None, "--source", help="Only these datasets: text,gdelt,icews,..."),
    by_dataset: bool = typer.Option(False, "--by-dataset", help="One row per dataset instead of merged (all)."),
    engine: str = typer.Option("duckdb", "--engine", help="duckdb or spark."),
    spark_master: Optional[str] = typer.Option(None, "--spark-master", help="Spark master URL (default local[2])."),
    parquet: Optional[str] = typer.Option(None, "--parquet",
                                          help="Spark: read events from this Parquet path instead of the store."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, parquet or jsonl."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),
    plot: Optional[Path] = typer.Option(None, "--plot", callback=plot_file,
                                        help="Plot net cooperation per dyad (.png)."),
) -> None:
    """Dyad panel: events per quad class, Goldstein mean and sum, net cooperation, per dyad and period.

    Example: geopol panel --unit month --dyads CHN-PRK,USA-PRK --format jsonl
    """
    from ..panels import run_panel

    check_format(fmt)
    datasets = [s.strip() for s in source.split(",")] if source else None
    known = ("text", "gdelt", "icews", "polecat", "phoenix")
    for d in datasets or []:
        if d not in known:
            raise InputError(f"--source {d!r}: use some of {', '.join(known)}")
    with open_geopol(ctx, read_only=True) as g:
        pairs = [_dyad(g, d) for d in dyads.split(",")] if dyads else None
        rows = run_panel(g.store, engine=engine, spark_master=spark_master, parquet=parquet, unit=unit,
                         directed=directed, by_dataset=by_dataset, dyads=pairs, datasets=datasets)
    if plot is not None:
        from ..report import plot_lines

        series: dict[str, dict] = {}
        for r in rows:
            series.setdefault(f"{r['source']}-{r['target']} {r['dataset']}", {})[r["period"]] = r["net_cooperation"]
        periods_ = sorted({r["period"] for r in rows})
        top = sorted(series, key=lambda k: -len(series[k]))[:12]
        plot_lines(periods_, {k: [series[k].get(p, float("nan")) for p in periods_] for k in top}, plot,
                   title="net cooperation", ylabel="(q1 + q2 - q3 - q4) / events")
        err(f"wrote {plot}")
    emit(rows, fmt, out, columns=["source", "target", "period", "dataset", "events", "q1", "q2", "q3", "q4",
                                  "goldstein_mean", "net_cooperation"], empty="no events for this panel")
