"""The ``geopol`` command: thin wrappers that parse arguments and call the library.

Errors become one line on stderr and a non-zero exit; ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Optional

import click
import typer

from ..errors import GeopolError
from ._common import check_out, flush_notes, settings

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


# Typer 0.2x carries its own copy of click: catch the exceptions of both.
_CLICK_ERRORS = tuple({click.ClickException, *(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")})
_EXITS = tuple({click.exceptions.Exit, typer.Exit})
_ABORTS = tuple({click.exceptions.Abort, typer.Abort})
_GLOBAL_VALUED = ("--db", "--registry")
_GLOBAL_FLAGS = ("--debug",)


def hoist_globals(args: list[str]) -> list[str]:
    """Move the global options to the front, so ``geopol ingest x.txt --db s.duckdb``
    means what ``geopol --db s.duckdb ingest x.txt`` means. Nothing after ``--`` moves.

    >>> hoist_globals(["ingest", "x.txt", "--db", "s.duckdb", "--debug"])
    ['--db', 's.duckdb', '--debug', 'ingest', 'x.txt']
    >>> hoist_globals(["show", "--db=s.duckdb", "China", "--", "--db"])
    ['--db=s.duckdb', 'show', 'China', '--', '--db']
    """
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i:])
            break
        if a in _GLOBAL_VALUED and i + 1 < len(args):
            front += [a, args[i + 1]]
            i += 2
            continue
        if ("=" in a and a.split("=", 1)[0] in _GLOBAL_VALUED) or a in _GLOBAL_FLAGS:
            front.append(a)
        else:
            rest.append(a)
        i += 1
    return front + rest


_KINDS = (("valid integer", "a whole number"), ("valid number", "a number"), ("valid date", "a date (YYYY-MM-DD)"),
          ("valid boolean", "yes or no"))


def _given(args: list[str], opts) -> str | None:
    """The value given to an option in ``args`` (``--x v`` or ``--x=v``), the last one if repeated."""
    found = None
    for i, a in enumerate(args):
        if a in opts and i + 1 < len(args):
            found = args[i + 1]
        elif "=" in a and a.split("=", 1)[0] in opts:
            found = a.split("=", 1)[1]
    return found


def usage_line(exc: Exception, args: list[str] = ()) -> str:
    """One line for a usage error: what is wrong, and what to type."""
    msg = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    msg = " ".join(msg.split())
    param = getattr(exc, "param", None)
    if param is not None and msg.startswith("Invalid value for"):
        # "Input should be a valid integer, unable to parse string as an integer": say what was given
        value = _given(list(args), (*param.opts, *param.secondary_opts))
        kind = next((want for key, want in _KINDS if key in msg), None)
        bound = re.search(r"should be (greater|less) than( or equal to)? (\S+)", msg)
        if value is not None and kind is not None:
            msg = f"Invalid value for '{param.opts[0]}': {value!r} is not {kind}"
        elif value is not None and bound:
            side = "at least" if bound[1] == "greater" else "at most"
            if not bound[2]:
                side = "more than" if bound[1] == "greater" else "less than"
            msg = f"Invalid value for '{param.opts[0]}': {value!r} is not allowed; it must be {side} {bound[3]}"
    ctx = getattr(exc, "ctx", None)
    name = type(exc).__name__
    if ctx is not None and name == "NoSuchOption" and "Did you mean" not in msg:
        import difflib

        opts = [o for p in ctx.command.params for o in (*p.opts, *p.secondary_opts)]
        close = difflib.get_close_matches(getattr(exc, "option_name", ""), opts, n=1)
        if close:
            msg = msg.split(" (Possible options")[0] + f". Did you mean {close[0]}?"
    if ctx is not None:
        usage = " ".join(ctx.get_usage().split()).removeprefix("Usage: ")
        msg += f" (usage: {usage}; see '{ctx.command_path} --help')"
    return f"error: {msg[0].lower() + msg[1:] if msg else name}"


def io_line(msg: str) -> str:
    """DuckDB's I/O error as one line that says what to do.

    >>> io_line('IO Error: Could not write file "/mnt/s.duckdb.wal": No space left on device').split(":")[0]
    'no space left on the disk of /mnt/s.duckdb.wal'
    """
    first = msg.splitlines()[0].removeprefix("IO Error: ")
    path = re.search(r'"([^"]+)"', first)
    if "No space left on device" in first:
        return (f"no space left on the disk of {path.group(1) if path else 'the store'}: free some space, or pass "
                "--db on another disk; the unfinished write was rolled back")
    if "Read-only file system" in first or "Permission denied" in first:
        return (f"{path.group(1) if path else 'the store'}: cannot write there ({first.rsplit(': ', 1)[-1]}); "
                "pass --db on a writable disk")
    return first


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code instead of raising."""
    args = hoist_globals(list(sys.argv[1:] if argv is None else argv))
    debug = "--debug" in args
    flush_notes(show=False)
    try:
        check_out(args)
        result = app(args=args, prog_name="geopol", standalone_mode=False)
        flush_notes()
    except _EXITS as exc:
        flush_notes(show=exc.exit_code == 0)
        return exc.exit_code
    except _CLICK_ERRORS as exc:
        if debug:
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare command: its help
            print(exc.ctx.get_help() if getattr(exc, "ctx", None) else exc.format_message())
            return 0
        if any(c.__name__ == "UsageError" for c in type(exc).__mro__):  # click's or typer's copy of it
            print(usage_line(exc, args), file=sys.stderr)
        else:
            print(f"error: {' '.join(exc.format_message().split())}", file=sys.stderr)
        return exc.exit_code
    except _ABORTS:
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
    except OSError as exc:  # a file the user named cannot be written or read: a missing folder, a full disk
        if debug:
            raise
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, unless --debug
        if debug:
            raise
        if type(exc).__name__ == "IOException" or "No space left on device" in str(exc):  # say which file, why
            print(f"error: {io_line(str(exc))}", file=sys.stderr)
            return 1
        print(f"error: unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 1
    return result if isinstance(result, int) else 0


def run() -> None:  # console-script entry point
    sys.exit(main())
