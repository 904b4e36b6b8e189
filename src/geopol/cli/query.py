"""Commands that read the store: actors, events, relations, claims, hypotheses, show, export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..errors import InputError
from . import app
from ._common import FORMATS, check_format, emit, err, note, open_geopol
from ..records import claim_row, event_row, hypothesis_row, relation_row

FORMAT_HELP = f"Output format: {', '.join(FORMATS)}."
_PENDING = "nothing extracted yet: ingest articles (events, relations, claims and hypotheses are read from text)"

actors_app = typer.Typer(help="List the actors in the store, or add one to its registry.", no_args_is_help=False,
                         invoke_without_command=True)
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors(
    ctx: typer.Context,
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout."),
) -> None:
    """List every actor mentioned in the store with its mentions.

    Example: geopol actors --format jsonl
    """
    if ctx.invoked_subcommand:
        return
    check_format(fmt)
    with open_geopol(ctx, read_only=True) as g:
        rows = g.actors()
    emit(rows, fmt, out, columns=["code", "name", "kind", "country", "role", "mentions", "forms", "origins", "source"],
         empty="no actors: ingest an article first")


@actors_app.command("add")
def actors_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Full name of the actor."),
    kind: str = typer.Option("person", "--kind", help="person, state, igo, group or sector."),
    code: Optional[str] = typer.Option(None, "--code", help="Code (default: from the name)."),
    country: Optional[str] = typer.Option(None, "--country", help="Country or IGO code it belongs to."),
    alias: list[str] = typer.Option([], "--alias", help="Another name; repeatable."),
    role: Optional[str] = typer.Option(None, "--role", help="CAMEO role code: GOV, MIL, EDU, MED ..."),
    title: str = typer.Option("", "--title", help="Office or affiliation, free text."),
    start: Optional[str] = typer.Option(None, "--start", help="Tenure start YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, "--end", help="Tenure end YYYY-MM-DD."),
    replace: bool = typer.Option(False, "--replace", help="Replace an actor that already has this code."),
) -> None:
    """Add an actor (or new aliases and tenures of a known one) to this store's registry.

    Example: geopol actors add "Eric Ballbach" --country DEU --role EDU --title "SWP researcher"
    """
    from pydantic import ValidationError

    from ..actors.overrides import RegistryEntry, entry_to_actor

    given = (("--code", code), ("--start", start), ("--end", end), *(("--alias", a) for a in alias))
    for opt, value in given:
        if value is not None and not value.strip():
            raise InputError(f"{opt}: empty; give a value or leave the option out")
    try:
        entry = RegistryEntry(name=name, kind=kind, code=code, country=country, aliases=alias, role=role,
                              title=title, start=start, end=end)
    except ValidationError as exc:
        first = exc.errors()[0]
        opt = {"aliases": "alias"}.get(first["loc"][0], first["loc"][0])
        raise InputError(f"--{opt} {first.get('input')!r}: {first['msg']}") from None
    from ..codes import countries
    from ..actors.registry import role_codes

    if country and country.upper() not in countries() and kind != "igo":
        raise InputError(f"--country {country!r}: not an ISO 3166 alpha-3 code (e.g. DEU, CHN, USA)")
    if role and role.upper() not in role_codes():
        raise InputError(f"--role {role!r}: not a CAMEO role code; use one of {', '.join(sorted(role_codes()))}")
    with open_geopol(ctx) as g:
        actor = g.add_actor(entry_to_actor(entry), replace=replace)
    print(f"added {actor.code} ({actor.name}); it applies to documents ingested from now on")


_FACTS = {
    "events": ("List events (who did what to whom, when).", lambda g: [event_row(e) for e in g.events()]),
    "relations": ("List standing relations between actors.", lambda g: [relation_row(r) for r in g.relations()]),
    "claims": ("List claims (who said what about whom).", lambda g: [claim_row(c) for c in g.claims()]),
    "hypotheses": ("List conditional statements (if this, then that).",
                   lambda g: [hypothesis_row(h) for h in g.hypotheses()]),
}


def _fact_command(kind: str, summary: str, rows_of):
    def command(ctx: typer.Context, fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
                out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),
                datasets: bool = typer.Option(False, "--datasets", help="events: the imported dataset events too "
                                              "(GDELT, ICEWS ...; not those kept as Parquet files).")) -> None:
        check_format(fmt)
        if datasets and kind != "events":
            raise InputError("--datasets lists imported events: use it with `geopol events`")
        with open_geopol(ctx, read_only=True) as g:
            rows = rows_of(g)
            if datasets:
                from ..records import dataset_event_row

                rows = rows + [dataset_event_row(d) for d in g.store.dataset_event_rows()]
            imported = 0 if datasets or kind != "events" else g.store.counts()["dataset_events"]
        if imported:
            note(f"{imported} imported dataset events not listed (add --datasets)")
        if not rows and not imported:
            err(f"no {kind} in the store: {_PENDING}")
        emit(rows, fmt, out, empty="", view=kind)

    command.__doc__ = f"{summary}\n\nExample: geopol {kind} --format jsonl"
    app.command(kind)(command)


for _kind, (_summary, _rows_of) in _FACTS.items():
    _fact_command(_kind, _summary, _rows_of)


@app.command()
def documents(ctx: typer.Context, fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
              out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file.")) -> None:
    """List the ingested documents.

    Example: geopol documents
    """
    check_format(fmt)
    with open_geopol(ctx, read_only=True) as g:
        rows = [{"id": d.id, "title": d.title, "date": d.date, "date_source": d.date_source, "source": d.source,
                 "format": d.format, "chars": d.n_chars} for d in g.documents()]
    emit(rows, fmt, out, empty="no documents: run `geopol ingest FILE`", view="documents")


@app.command()
def show(
    ctx: typer.Context,
    a: str = typer.Argument(..., help="First actor: code, name or capital."),
    b: str = typer.Argument(..., help="Second actor."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    limit: int = typer.Option(20, "--limit", min=0, help="Evidence sentences to show."),
) -> None:
    """Show one pair: relations, event timeline and the evidence that names both.

    Example: geopol show China "North Korea"
    """
    if fmt not in ("table", "json"):
        raise InputError(f"unknown --format {fmt!r}: use table or json")
    with open_geopol(ctx, read_only=True) as g:
        view = g.show(a, b, limit=limit)
        if fmt == "json":
            print(json.dumps(_jsonable(view), ensure_ascii=False, indent=2))
            return
        print_pair(view, None)


def _jsonable(view: dict) -> dict:
    from ..model import to_jsonable

    out = dict(view)
    out["relations"] = [relation_row(r) for r in view["relations"]]
    out["events"] = [event_row(e) for e in view["events"]]
    return to_jsonable(out)


def print_pair(view: dict, actors: list[dict] | None) -> None:
    """The readable form of :func:`geopol.query.pair_view`."""
    con = Console()
    con.rule(f"{view['a_name']} ({view['a']}) — {view['b_name']} ({view['b']})")
    if actors is not None:
        wanted = {view["a"], view["b"]}
        for row in actors:
            if row["country"] in wanted:
                who = row["name"] + (f" [{row['role']}]" if row["role"] else "")
                con.print(f"  {who}: {row['mentions']} mentions as " + ", ".join(row["forms"][:5]), markup=False,
                          highlight=False)
    con.print(f"relations: {len(view['relations'])}   events: {len(view['events'])}   "
              f"sentences naming both: {view['co_mentions']}", markup=False, highlight=False)
    if not view["relations"] and not view["events"]:
        con.print(f"({_PENDING})", markup=False, highlight=False)
    from ..codes import cameo as cameo_code

    for r in view["relations"]:
        since = r.time.start.isoformat() if r.time.start else "?"
        con.print(f"  relation {r.a}-{r.b} {r.kind} {'+' if r.sign > 0 else '-'}{abs(r.strength):.2f} "
                  f"(from {since}): {r.evidence[0].text if r.evidence else ''}", markup=False, highlight=False)
    for e in view["events"]:
        when = f"{e.time.start.isoformat()} ({e.time.precision})" if e.time.start else "undated"
        qty = f", {e.quantity.value:,.0f} {e.quantity.unit}" if e.quantity else ""
        con.print(f"  event {when} {e.source}->{e.target} {e.cameo} {cameo_code(e.cameo).name} [{e.modality}{qty}]: "
                  f"{e.evidence[0].text if e.evidence else ''}", markup=False, highlight=False)
    for s in view["sentences"]:
        when = s["date"].isoformat() if isinstance(s["date"], date) else "undated"
        con.print(f"  [{when} {s['doc']}:{s['start']}-{s['end']}] {s['text']}", markup=False, highlight=False)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    table: str = typer.Argument(..., help="Store table: documents, sentences, mentions, events, ..."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file."),
) -> None:
    """Export a whole store table as JSONL, CSV or Parquet.

    Example: geopol export mentions --format parquet --out mentions.parquet
    """
    from ..store import export_table

    with open_geopol(ctx, read_only=True) as g:
        n = export_table(g.store, table, fmt, out)
    print(f"wrote {n} rows of {table} to {out}")


@app.command()
def codes(
    table: str = typer.Argument(..., help="cameo, plover or countries."),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Print a shipped code table (CAMEO event codes, PLOVER types, country crosswalk).

    Example: geopol codes countries --format csv
    """
    from dataclasses import asdict

    from .. import codes as c

    tables = {"cameo": lambda: [asdict(x) for x in c.cameo_codes().values()],
              "plover": lambda: [asdict(x) for x in c.plover_types().values()],
              "countries": lambda: [asdict(x) for x in c.countries().values()]}
    if table not in tables:
        raise InputError(f"unknown code table {table!r}: use cameo, plover or countries")
    emit(tables[table](), fmt, out)
