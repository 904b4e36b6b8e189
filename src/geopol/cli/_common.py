"""Shared CLI plumbing: global options, opening the store, printing records."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..model import to_jsonable
from ..store.export import EXPORT_FORMATS, write_records

FORMATS = ("table",) + EXPORT_FORMATS


@dataclass
class Settings:
    db: Path | None = None
    registry: list[Path] = field(default_factory=list)
    debug: bool = False


def settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj


def db_path(ctx: typer.Context) -> Path:
    s = settings(ctx)
    return s.db or Path(os.environ.get("GEOPOL_DB") or "geopol.duckdb")


def open_geopol(ctx: typer.Context, *, read_only: bool = False):
    from ..api import open as open_

    s = settings(ctx)
    return open_(db_path(ctx), registry=s.registry, read_only=read_only)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"unknown --format {fmt!r}: use one of {', '.join(FORMATS)}")
    return fmt


def emit(rows: list[dict], fmt: str, out: Path | None, *, columns: list[str] | None = None, title: str = "",
         empty: str = "nothing to show") -> None:
    """Print rows as a Rich table, or write them as JSONL / CSV / Parquet."""
    check_format(fmt)
    if fmt != "table":
        n = write_records(rows, fmt, out)
        if out is not None:
            err(f"wrote {n} rows to {out}")
        return
    if not rows:
        err(empty)
        return
    cols = columns or list(rows[0])
    table = Table(title=title or None, show_lines=False)
    for c in cols:
        table.add_column(c)
    for r in rows:
        table.add_row(*[_cell(to_jsonable(r.get(c))) for c in cols])
    Console().print(table)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(_cell(x) for x in v[:6]) + (" …" if len(v) > 6 else "")
    if isinstance(v, dict):
        return ", ".join(f"{k}={_cell(x)}" for k, x in v.items())
    return str(v)


def option_date(value: str | None, option: str, *, default=None):
    """Parse a YYYY-MM-DD option; one clear error naming the option when it is not a date."""
    from ..text.dates import parse_iso_date

    if value is None:
        return default
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise InputError(f"{option}: {exc}") from None


def err(message: str) -> None:
    print(message, file=sys.stderr)
