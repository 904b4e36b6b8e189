"""The ``geopol`` command: thin wrappers that parse arguments and call the library.

Errors become one line on stderr and a non-zero exit; ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click
import typer

from ..errors import GeopolError
from ._common import settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="geopol",
    help="Turn what the news says about states into an evidence-backed model of how they relate.",
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"geopol {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(None, "--db", help="Store file (default ./geopol.duckdb or $GEOPOL_DB)."),
    registry: list[Path] = typer.Option([], "--registry", help="Extra registry file (YAML or CSV); repeatable."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    s = settings(ctx)
    s.db, s.registry, s.debug = db, list(registry), debug


from . import ingest as _ingest  # noqa: E402,F401  (registers commands)
from . import query as _query  # noqa: E402,F401
from . import analyse as _analyse  # noqa: E402,F401
from . import scenario as _scenario  # noqa: E402,F401
from . import coder as _coder  # noqa: E402,F401
from . import web as _web  # noqa: E402,F401


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code instead of raising."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="geopol", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        print("error: aborted", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("error: interrupted; finished work is saved, run the same command again to resume", file=sys.stderr)
        return 130
    except GeopolError as exc:
        if debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, unless --debug
        if debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 1
    return result if isinstance(result, int) else 0


def run() -> None:  # console-script entry point
    sys.exit(main())
