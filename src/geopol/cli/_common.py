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


# what a table shows of each kind of row, in the order columns are dropped from the right when the terminal
# is narrow; the last one, a text, takes what width is left and is cut with "…" (--format jsonl has it whole)
TABLE_VIEWS = {  # in priority order: a text column is shown last, whatever its rank
    "events": ("start", "source", "target", "cameo", "text", "modality", "goldstein"),
    "relations": ("start", "a", "b", "kind", "sign", "text", "strength", "end"),
    "claims": ("start", "speaker", "content", "about", "stance"),
    "hypotheses": ("condition", "consequence", "actors"),
    "documents": ("date", "title", "id", "chars", "source"),
}
_TEXT_COLUMNS = {"text", "content", "condition", "consequence", "title", "forms", "origins"}


def _view(rows: list[dict], view: str | None) -> tuple[list[dict], list[str] | None]:
    if view not in TABLE_VIEWS:
        return rows, None
    out = []
    for r in rows:
        ev = r.get("evidence")
        ev = ev[0] if isinstance(ev, list) and ev else ev
        text = ev.get("text") if isinstance(ev, dict) else None
        out.append({**r, "text": text})
    return out, list(TABLE_VIEWS[view])


def fit_columns(cells: dict[str, list[str]], width: int) -> dict[str, int]:
    """Columns (in priority order) and the width each gets so that the table fits ``width`` characters:
    a column is dropped rather than squeezed below its content, except a text column, which is cut.

    >>> fit_columns({"start": ["2024-11-01"], "source": ["CHN"], "text": ["x" * 200]}, 50)
    {'start': 10, 'source': 6, 'text': 24}
    """
    chosen: dict[str, int] = {}
    used = 1  # the left border
    for name, values in cells.items():
        natural = max([len(name)] + [len(v) for v in values])
        flexible = name in _TEXT_COLUMNS
        need = min(natural, 20) if flexible else natural
        if used + need + 3 > width:
            continue
        chosen[name] = need if flexible else natural
        used += chosen[name] + 3
    spare = width - used
    flex = [c for c in chosen if c in _TEXT_COLUMNS]
    for c in flex:  # the text columns share what is left, up to their content
        natural = max([len(c)] + [len(v) for v in cells[c]])
        extra = min(natural - chosen[c], spare // max(len(flex), 1))
        chosen[c] += max(extra, 0)
    return {c: w for c, w in chosen.items() if c not in _TEXT_COLUMNS} | {c: chosen[c] for c in flex}


def emit(rows: list[dict], fmt: str, out: Path | None, *, columns: list[str] | None = None, title: str = "",
         empty: str = "nothing to show", view: str | None = None) -> None:
    """Print rows as a table that fits the terminal, or write them as JSONL / CSV / Parquet."""
    check_format(fmt)
    if fmt == "table" and out is not None:
        fmt = format_for(out)
    if fmt != "table":
        n = write_records(rows, fmt, out)
        if out is not None:
            err(f"wrote {n} rows to {out}")
        return
    if not rows:
        err(empty)
        return
    rows, view_cols = _view(rows, view)
    cols = columns or view_cols or list(rows[0])
    console = Console()
    cells = {c: [_cell(to_jsonable(r.get(c))) for r in rows] for c in cols}
    widths = fit_columns(cells, console.width)
    table = Table(title=title or None, show_lines=False)
    for c, w in widths.items():
        table.add_column(c, no_wrap=True, overflow="ellipsis", min_width=min(w, len(c)), max_width=w)
    for i in range(len(rows)):
        table.add_row(*[cells[c][i] for c in widths])
    console.print(table)
    hidden = [c for c in cols if c not in widths]
    if hidden:
        err(f"not shown at this width: {', '.join(hidden)} (--format jsonl has every field)")


def format_for(out: Path) -> str:
    """The export format a file name asks for ("x.csv": csv), when --format is left at table."""
    ext = Path(out).suffix.lower().lstrip(".")
    found = {"json": "jsonl", "ndjson": "jsonl"}.get(ext, ext)
    if found not in EXPORT_FORMATS:
        raise InputError(f"--out {out}: give --format {', '.join(EXPORT_FORMATS)} (or a file ending in one); "
                         "a table is for the terminal")
    return found


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


_NOTES: list[str] = []


def note(message: str) -> None:
    """A note for the user, printed once the command has succeeded (a failing command prints one line)."""
    _NOTES.append(message)


def flush_notes(show: bool = True) -> None:
    notes, _NOTES[:] = list(_NOTES), []
    for n in notes if show else ():
        err(f"note: {n}")


def check_out(args: list[str]) -> None:
    """Refuse an ``--out`` file that cannot be written before any work is done."""
    for i, a in enumerate(args):
        if a == "--":
            return
        value = args[i + 1] if a in ("--out", "-o") and i + 1 < len(args) else \
            a.split("=", 1)[1] if a.startswith("--out=") else None
        if value is None or value == "-":
            continue
        parent = Path(value).expanduser().parent
        if not parent.is_dir():
            raise InputError(f"--out {value}: no such directory {parent}")
        if not os.access(parent, os.W_OK):
            raise InputError(f"--out {value}: the directory {parent} is not writable")
        if Path(value).is_dir():
            raise InputError(f"--out {value}: is a directory; give a file name")


UNITS = ("day", "week", "month", "year")
PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def one_of(*allowed: str):
    """An option callback that refuses a value outside ``allowed`` (before any work is done)."""
    def check(value):
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}")
        return value
    return check


def plot_file(value: Path | None) -> Path | None:
    """An option callback for ``--plot``: an image file in a folder that exists."""
    if value is None:
        return value
    if value.suffix.lower() not in PLOT_SUFFIXES:
        raise typer.BadParameter(f"{str(value)!r}: give a file ending in {', '.join(PLOT_SUFFIXES)}")
    if not value.expanduser().parent.is_dir():
        raise typer.BadParameter(f"{str(value)!r}: no such directory {value.expanduser().parent}")
    return value
