"""`geopol ingest` and `geopol demo`."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from . import app
from ._common import db_path, err, note, open_geopol, option_date, settings

DEMO_DATE = "2024-11-01"  # the example article carries no date; it reports events up to late October 2024


def _date(value: str | None):
    return option_date(value, "--date")


def _progress():
    """A progress callback: a bar on a terminal, plain lines otherwise."""
    if sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True)
        task = {}

        def cb(done: int, total: int) -> None:
            if not task:
                bar.start()
                task["id"] = bar.add_task("ingesting", total=max(total, 1))
            bar.update(task["id"], completed=done)
            if done >= total:
                bar.stop()

        return cb

    def plain(done: int, total: int) -> None:
        if done:
            print(f"ingested {done}/{total} documents", file=sys.stderr, flush=True)

    return plain


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, directories or globs (.txt, .md, .html)."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date YYYY-MM-DD (overrides metadata)."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of the files."),
    force: bool = typer.Option(False, "--force", help="Re-ingest documents already in the store."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Skip unreadable files instead of stopping."),
) -> None:
    """Ingest articles into the store.

    Example: geopol ingest examples/china-north-korea-ties.txt --date 2024-11-01
    """
    from ..ingest import IngestReport, prepare_paths

    day = _date(date)
    report = IngestReport()
    prepared = prepare_paths(paths, encoding=encoding, skip_bad=skip_bad, report=report)  # before the store opens
    with open_geopol(ctx) as g:
        report = g.ingest(paths, date=day, force=force, on_progress=_progress(), prepared=prepared, report=report)
    for line in report.skipped:
        err(f"skipped: {line}")
    for line in report.notes:
        note(line)
    print(report.summary())


@app.command()
def demo(
    ctx: typer.Context,
    limit: int = typer.Option(8, "--limit", min=0, help="Evidence sentences to show."),
) -> None:
    """Ingest the bundled example article into a fresh store and show China–North Korea.

    Example: geopol demo
    """
    from .query import print_pair

    s = settings(ctx)
    path = s.db or Path("geopol-demo.duckdb")
    if s.db is None and path.exists():
        path.unlink()  # the demo's own store: rebuilt fresh every run
        Path(str(path) + ".wal").unlink(missing_ok=True)
    elif s.db is not None and path.exists():
        raise InputError(f"{path}: exists; the demo builds a fresh store, so pass a new --db path")
    s.db = path
    text = resources.files("geopol").joinpath("data").joinpath("examples").joinpath("china-north-korea-ties.txt")
    with open_geopol(ctx) as g, resources.as_file(text) as example:
        report = g.ingest([example], date=DEMO_DATE)
        err(f"store {db_path(ctx)}: {report.summary()} (document date {DEMO_DATE}, set by the demo)")
        print_pair(g.show("CHN", "PRK", limit=limit), g.actors())
