"""The local web app: pages over the store, each with a JSON twin under ``/api``.

Safe by default: the CLI binds 127.0.0.1; the store is opened read-only
unless ingest is allowed; no endpoint takes a path; every query is
parameterised; request bodies are bounded; one lock serialises access to the
one DuckDB connection (many concurrent readers queue for milliseconds; the one
writer is the ingest endpoint). Answers are cached until the next ingest:
the store opened read-only cannot change under the app, since DuckDB admits no
writer while it is open.
"""

from __future__ import annotations

import threading
from datetime import date
from importlib import resources
from pathlib import Path

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from ..errors import GeopolError, InputError
from .. import views

__all__ = ["create_app", "PAGES", "LOOPBACK", "SECURITY_HEADERS"]

STATIC = Path(str(resources.files(__package__).joinpath("static")))
PAGES = ("/", "/actors", "/claims", "/hypotheses", "/whatif", "/pair/{a}/{b}")
MAX_BODY = 64 * 1024  # bytes, for every request but ingest
CACHE_SIZE = 512


def _day(value: str | None, default: date) -> date:
    from ..text.dates import parse_iso_date

    if not value:
        return default
    if not isinstance(value, str):
        raise InputError(f"a date is a string YYYY-MM-DD, not {type(value).__name__} {value!r}"[:200])
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise InputError(str(exc)) from None


LOOPBACK = ("127.0.0.1", "localhost", "::1")
# no inline script or style is served; the API docs pages are FastAPI's own and load nothing when offline
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def _host_name(header: str) -> str:
    """The host of a Host header, without the port ("[::1]:8000" -> "::1")."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def create_app(db: str | Path, *, allow_ingest: bool = False, max_ingest_bytes: int = 512 * 1024,
               registry: list[Path] = (), hosts: tuple[str, ...] = LOOPBACK) -> FastAPI:
    """The app over the store at ``db`` (which must exist). Requests whose Host header is not one of
    ``hosts`` (the loopback names, plus the interface ``geopol serve --host`` binds) are refused with 400:
    a page another site points at this server through DNS rebinding reads nothing and writes nothing."""
    allowed = {h.lower().strip("[]") for h in hosts}
    import geopol

    db = Path(db)
    if not db.is_file():
        raise InputError(f"no store at {db}: ingest something first (geopol ingest FILE --db {db})")
    g = geopol.open(db, registry=list(registry), read_only=not allow_ingest)
    lock = threading.Lock()
    cache: dict = {}  # (view, args) -> result; the store changes only through this app's ingest, which clears it

    def cached(key: tuple, compute):
        with lock:
            if key not in cache:
                if len(cache) >= CACHE_SIZE:
                    cache.pop(next(iter(cache)))
                cache[key] = compute()
            return cache[key]
    app = FastAPI(title="geopol", version=geopol.__version__, docs_url=None, redoc_url=None,
                  description="The store's actors, ties, events and evidence. Every page of the app has a JSON "
                              "twin here.")
    app.state.geopol = g

    @app.exception_handler(GeopolError)
    async def _geopol_error(request: Request, exc: GeopolError):
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.middleware("http")
    async def _bounded(request: Request, call_next):
        host = _host_name(request.headers.get("host", ""))
        if host not in allowed and "*" not in allowed:
            return JSONResponse({"error": f"unknown host {host or '(none)'!r}: this server answers "
                                          f"{', '.join(sorted(allowed))}"}, status_code=400)
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD", "OPTIONS") and origin:
            from urllib.parse import urlsplit

            if (urlsplit(origin).hostname or "").lower() not in allowed and "*" not in allowed:
                return JSONResponse({"error": f"cross-origin write refused (Origin {origin})"}, status_code=403)
        limit = max_ingest_bytes if request.url.path == "/api/ingest" else MAX_BODY
        size = request.headers.get("content-length")
        if size is not None and (not size.isdigit() or int(size) > limit):
            return JSONResponse({"error": f"request body over {limit} bytes"}, status_code=413)
        if request.method in ("POST", "PUT", "PATCH") and size is None:
            return JSONResponse({"error": "a Content-Length header is required"}, status_code=411)
        return await call_next(request)

    def today() -> date:
        return cached(("range",), lambda: views.date_range(g.store))[1] or date.today()

    # -- JSON ---------------------------------------------------------------
    @app.get("/api/meta", summary="Counts and the date range of the store")
    def api_meta():
        out = dict(cached(("meta",), lambda: views.meta_view(g.store)))
        out["allow_ingest"] = allow_ingest
        out["max_ingest_bytes"] = max_ingest_bytes
        return out

    @app.get("/api/network", summary="The signed network at a date, with blocs")
    def api_network(at: str | None = Query(None, description="YYYY-MM-DD; default the last date in the store"),
                    threshold: float = Query(0.1, ge=0, le=1)):
        day = _day(at, today())
        return cached(("network", day, threshold),
                      lambda: views.network_view(g.store, g.registry, day, threshold=threshold))

    @app.get("/api/pair/{a}/{b}", summary="One pair: timeline, relations, tie series and evidence")
    def api_pair(a: str, b: str):
        a, b = a.upper(), b.upper()
        if a == b:
            raise InputError("give two different actors")
        return cached(("pair",) + tuple(sorted((a, b))), lambda: views.pair_detail(g.store, g.registry, a, b))

    @app.get("/api/actors", summary="Actors mentioned in the store, most mentioned first")
    def api_actors(q: str | None = Query(None, max_length=100)):
        return cached(("actors", q), lambda: views.actors_view(g.store, g.registry, q))

    @app.get("/api/claims", summary="Who said what, on whose authority")
    def api_claims():
        return cached(("claims",), lambda: views.claims_view(g.store))

    @app.get("/api/hypotheses", summary="Conditional statements: condition, consequence, actors")
    def api_hypotheses():
        return cached(("hypotheses",), lambda: views.hypotheses_view(g.store))

    @app.post("/api/whatif", summary="Blocs before and after changing ties or powers")
    def api_whatif(body: dict = Body(..., examples=[{"at": "2024-11-01", "set": {"CHN-PRK": -0.5},
                                                     "scale": {"RUS": 0.5}, "model": "landscape"}])):
        from ..scenario.whatif import parse_changes

        for field in ("set", "scale"):
            if not isinstance(body.get(field) or {}, dict):
                raise InputError(f"'{field}' is an object of pair or actor -> number, e.g. {{\"CHN-PRK\": -0.5}}")
        sets = [f"{k}={v}" for k, v in (body.get("set") or {}).items()]
        scales = [f"{k}.power={v}" for k, v in (body.get("scale") or {}).items()]
        set_ties, scale_power = parse_changes(sets, scales)
        model = body.get("model") or "landscape"
        if model not in ("landscape", "marvel", "bdm"):
            raise InputError("model: use landscape, marvel or bdm")
        day = _day(body.get("at"), today())
        key = ("whatif", day, model, tuple(sorted(set_ties.items())), tuple(sorted(scale_power.items())))
        return cached(key, lambda: views.whatif_view(g.store, day, set_ties, scale_power, model=model))

    @app.post("/api/ingest", summary="Ingest an article (only with --allow-ingest)")
    def api_ingest(body: dict = Body(..., examples=[{"text": "…", "title": "…", "date": "2024-11-01"}])):
        if not allow_ingest:
            raise HTTPException(403, "ingest is off: start the server with --allow-ingest")
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError("give the article as 'text'")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("'text' holds a lone surrogate: not valid Unicode text") from None
        title = body.get("title")
        if title is not None and not isinstance(title, str):
            raise InputError("'title' is a string")
        day = _day(body.get("date"), date.today()) if body.get("date") else None
        with lock:
            report = g.ingest_text(text, title=title or None, date=day, source="web")
            cache.clear()
        return {"documents": report.documents, "events": report.events, "relations": report.relations,
                "claims": report.claims, "hypotheses": report.hypotheses, "unchanged": report.unchanged}

    # -- pages ----------------------------------------------------------------
    index = STATIC / "index.html"
    for page in PAGES:
        app.add_api_route(page, lambda: FileResponse(index), methods=["GET"], include_in_schema=False)
    # FastAPI's own /docs and /redoc load their scripts from a CDN: blank offline. This one is local.
    for page in ("/docs", "/redoc"):
        app.add_api_route(page, lambda: FileResponse(STATIC / "api.html"), methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
