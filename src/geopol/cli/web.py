"""`geopol serve` (the local web app) and `geopol report` (a relationship brief)."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from . import app
from ._common import db_path, err, open_geopol, option_date, settings

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


@app.command("serve")
def serve_cmd(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(None, "--db", help="The store to serve (default: the global --db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; loopback unless told otherwise."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    allow_ingest: bool = typer.Option(False, "--allow-ingest", help="Let the page ingest articles (opens the "
                                                                    "store for writing)."),
    max_ingest_kb: int = typer.Option(512, "--max-ingest-kb", help="Largest article the page may send, in KB."),
) -> None:
    """A local web app over the store: network at a date, pair timelines with evidence, actors, claims, what-if.

    Example: geopol serve --db geopol-demo.duckdb --port 8000
    """
    import uvicorn

    from ..web import create_app

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: not a port number")
    if max_ingest_kb <= 0:
        raise InputError(f"--max-ingest-kb {max_ingest_kb}: give a positive number of KB")
    path = db or db_path(ctx)
    from ..web.app import LOOPBACK

    token = secrets.token_urlsafe(16) if allow_ingest else None  # a new one each start: writes need it
    web = create_app(path, allow_ingest=allow_ingest, max_ingest_bytes=max_ingest_kb * 1024,
                     hosts=("*",) if host in ("0.0.0.0", "::") else tuple({*LOOPBACK, host}),
                     registry=settings(ctx).registry, ingest_token=token)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err(f"warning: serving on {host}: anyone who can reach this address can read the store")
    url = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    err(f"serving {path} on {url} ({'ingest allowed with this URL' if token else 'read-only'}); Ctrl-C stops")
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _chromium() -> str | None:
    return next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p), None)


@app.command("report")
def report_cmd(
    ctx: typer.Context,
    a: str = typer.Argument(..., help="First actor (code or name)."),
    b: str = typer.Argument(..., help="Second actor (code or name)."),
    out: Path = typer.Option(..., "--out", "-o", help="The brief: .html, or .pdf (printed by Chromium)."),
    at: Optional[str] = typer.Option(None, "--at", help="The date of the brief (default: the store's last date)."),
) -> None:
    """A relationship brief on two actors: current tie, timeline, key events with evidence, blocs, changes.

    Example: geopol report China "North Korea" --out brief.html
    """
    from ..report.brief import brief_html

    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise InputError(f"--out {out}: give a .html or .pdf file")
    if not out.parent.exists():
        raise InputError(f"--out {out}: no directory {out.parent}")
    with open_geopol(ctx, read_only=True) as g:
        codes = [g.resolve(x) for x in (a, b)]
        page = brief_html(g.store, g.registry, *codes, at=option_date(at, "--at"))
    if suffix != ".pdf":
        out.write_text(page, encoding="utf-8")
        err(f"wrote {out}")
        return
    browser = _chromium()
    if browser is None:
        raise InputError("a PDF needs Chromium (apt-get install chromium); write --out brief.html instead")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "brief.html"
        src.write_text(page, encoding="utf-8")
        cmd = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
               f"--print-to-pdf={out.resolve()}", src.as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not out.is_file():
        raise InputError(f"Chromium could not print the PDF: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    err(f"wrote {out}")
