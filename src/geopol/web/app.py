"""The local web app: pages over the store, each with a JSON twin under ``/api``.

Safe by default: the CLI binds 127.0.0.1; only loopback hosts are answered;
the store is opened read-only unless ingest is allowed; no endpoint takes a
path; every query is parameterised; request bodies are bounded.

The store is opened for the length of a request and closed after it, so that
`geopol ingest` and `geopol import` can write to it while the server runs
(DuckDB admits one writer, and a reader holding the file would keep them
out). Answers are cached while the store file is unchanged; while another
process writes, cached answers are served and the rest get a 503 with
Retry-After. One lock serialises the requests that must open the store.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from ..errors import GeopolError, InputError, StoreLockedError
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


class StoreBusy(GeopolError):
    """Another process holds the store for writing and the answer is not cached: try again."""


class StoreHandle:
    """The store, opened only for the length of a request (DuckDB admits one writer, and a reader holding
    the file open would keep `geopol ingest` out for as long as the server runs). The registry, costly to
    build, is kept while the store file is unchanged."""

    def __init__(self, db: Path, registry_files: list[Path]):
        self.db, self.registry_files = db, registry_files
        self._registry = None
        self._registry_stamp = None

    def stamp(self) -> tuple:
        """What changes when another process writes (see :func:`geopol.store.file_stamp`)."""
        from ..store import file_stamp

        return file_stamp(self.db)

    @contextmanager
    def open(self, *, write: bool = False):
        import geopol

        stamp = self.stamp()
        g = geopol.open(self.db, registry=self.registry_files, read_only=not write)
        if self._registry is not None and self._registry_stamp == stamp:
            g._registry = self._registry
        try:
            yield g
        finally:
            if g._registry is not None and not write:
                self._registry, self._registry_stamp = g._registry, stamp
            elif write:
                self._registry = None
            g.close()


def _host_name(header: str) -> str:
    """The host of a Host header, without the port ("[::1]:8000" -> "::1")."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def create_app(db: str | Path, *, allow_ingest: bool = False, max_ingest_bytes: int = 512 * 1024,
               registry: list[Path] = (), hosts: tuple[str, ...] = LOOPBACK, ingest_token: str | None = None
               ) -> FastAPI:
    """The app over the store at ``db`` (which must exist). Requests whose Host header is not one of
    ``hosts`` (the loopback names, plus the interface ``geopol serve --host`` binds) are refused with 400:
    a page another site points at this server through DNS rebinding reads nothing and writes nothing.
    With ``ingest_token`` (``geopol serve --allow-ingest`` makes one per start and prints it in the URL), a
    write must carry it in the ``X-Geopol-Token`` header: a page the user did not open from that URL cannot
    write, even from the same machine."""
    allowed = {h.lower().strip("[]") for h in hosts}
    import geopol

    db = Path(db)
    if not db.is_file():
        raise InputError(f"no store at {db}: ingest something first (geopol ingest FILE --db {db})")
    handle = StoreHandle(db, list(registry))
    with handle.open():  # fail now, not at the first request, if the store cannot be read
        pass
    lock = threading.Lock()
    cache: dict = {}  # (view, args) -> result, for the store as it was at ``stamp``
    state = {"stamp": handle.stamp()}

    def cached(key: tuple, compute):
        """A view's answer: from the cache while the store file is unchanged; else computed on a
        connection opened for this request and closed after it, so that `geopol ingest` and `geopol import`
        can write to the store between requests. While another process writes, what is cached is served
        (marked stale) and the rest is a 503 with Retry-After."""
        with lock:
            stamp = handle.stamp()
            stale = stamp != state["stamp"]
            if not stale and key in cache:
                return cache[key]
            try:
                with handle.open() as g:
                    if stale:
                        cache.clear()
                        state["stamp"] = stamp
                    value = compute(g)
            except StoreLockedError:
                if key in cache:
                    return cache[key]
                raise StoreBusy("the store is being written by another process (an ingest or an import); "
                                "retry in a moment") from None
            if len(cache) >= CACHE_SIZE:
                cache.pop(next(iter(cache)))
            cache[key] = value
            return value
    app = FastAPI(title="geopol", version=geopol.__version__, docs_url=None, redoc_url=None,
                  description="The store's actors, ties, events and evidence. Every page of the app has a JSON "
                              "twin here.")
    app.state.handle = handle

    @app.exception_handler(GeopolError)
    async def _geopol_error(request: Request, exc: GeopolError):
        if isinstance(exc, StoreBusy):
            return JSONResponse({"error": str(exc)}, status_code=503, headers={"Retry-After": "2"})
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
        return cached(("range",), lambda g: views.date_range(g.store))[1] or date.today()

    # -- JSON ---------------------------------------------------------------
    @app.get("/api/meta", summary="Counts and the date range of the store")
    def api_meta():
        out = dict(cached(("meta",), lambda g: views.meta_view(g.store)))
        out["allow_ingest"] = allow_ingest
        out["ingest_token_required"] = bool(allow_ingest and ingest_token)
        out["max_ingest_bytes"] = max_ingest_bytes
        return out

    @app.get("/api/network", summary="The signed network at a date, with blocs")
    def api_network(at: str | None = Query(None, description="YYYY-MM-DD; default the last date in the store"),
                    threshold: float = Query(0.1, ge=0, le=1)):
        day = _day(at, today())
        return cached(("network", day, threshold),
                      lambda g: views.network_view(g.store, g.registry, day, threshold=threshold))

    @app.get("/api/pair/{a}/{b}", summary="One pair: timeline, relations, tie series and evidence")
    def api_pair(a: str, b: str):
        a, b = a.upper(), b.upper()
        if a == b:
            raise InputError("give two different actors")
        return cached(("pair",) + tuple(sorted((a, b))), lambda g: views.pair_detail(g.store, g.registry, a, b))

    @app.get("/api/actors", summary="Actors mentioned in the store, most mentioned first")
    def api_actors(q: str | None = Query(None, max_length=100)):
        return cached(("actors", q), lambda g: views.actors_view(g.store, g.registry, q))

    @app.get("/api/claims", summary="Who said what, on whose authority")
    def api_claims():
        return cached(("claims",), lambda g: views.claims_view(g.store))

    @app.get("/api/hypotheses", summary="Conditional statements: condition, consequence, actors")
    def api_hypotheses():
        return cached(("hypotheses",), lambda g: views.hypotheses_view(g.store))

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
        return cached(key, lambda g: views.whatif_view(g.store, day, set_ties, scale_power, model=model))

    @app.post("/api/ingest", summary="Ingest an article (only with --allow-ingest)")
    def api_ingest(request: Request,
                   body: dict = Body(..., examples=[{"text": "…", "title": "…", "date": "2024-11-01"}])):
        if not allow_ingest:
            raise HTTPException(403, "ingest is off: start the server with --allow-ingest")
        if ingest_token and not secrets.compare_digest(request.headers.get("x-geopol-token", ""), ingest_token):
            raise HTTPException(403, "ingest needs this server's token: open the URL `geopol serve` printed "
                                     "(…/?token=…), or send the token as the X-Geopol-Token header")
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
            try:
                with handle.open(write=True) as g:
                    report = g.ingest_text(text, title=title or None, date=day, source="web")
            except StoreLockedError:
                raise StoreBusy("the store is being written by another process; retry in a moment") from None
            cache.clear()
            state["stamp"] = handle.stamp()
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
