"""The Python API: one object over a store and a registry.

>>> import geopol
>>> with geopol.open(":memory:") as g:
...     report = g.ingest_text("Beijing and Pyongyang marked 75 years of ties.", date="2024-10-06")
...     sorted(a["code"] for a in g.actors())
['CHN', 'PRK']
"""

from __future__ import annotations

from datetime import date as date_type
from pathlib import Path

from .actors import Registry, load_registry_file
from .errors import InputError
from .ingest import IngestReport, ingest_paths, ingest_text
from .model import Actor, Claim, Event, Hypothesis, Relation
from .store import Store
from .text.dates import parse_iso_date
from .text.pipeline import DEFAULT_STAGES, Pipeline

__all__ = ["Geopol", "open"]


def _as_date(value) -> date_type | None:
    if value is None or isinstance(value, date_type):
        return value
    try:
        return parse_iso_date(str(value))
    except ValueError as exc:
        raise InputError(str(exc)) from None


class Geopol:
    """A store with its registry and pipeline: what ``geopol.open`` returns."""

    def __init__(self, store: Store, registry_files: list[str | Path] = (), stages=DEFAULT_STAGES):
        self.store = store
        self._registry_files = [Path(p) for p in registry_files]
        self._extra = [a for p in self._registry_files for a in load_registry_file(p)]
        self._stages = tuple(stages)
        self._registry: Registry | None = None
        self._pipeline: Pipeline | None = None

    # -- lifecycle ----------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Geopol":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def registry(self) -> Registry:
        """The shipped registry, extended by the store's own actors and registry files."""
        if self._registry is None:
            self._registry = Registry.default().extended(self.store.actors() + self._extra)
        return self._registry

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self._stages, registry=self.registry)
        return self._pipeline

    # -- writing ------------------------------------------------------
    def ingest_text(self, text: str, *, title: str | None = None, date=None, source: str | None = None) -> IngestReport:
        """Ingest one text; ingesting the same text again changes nothing."""
        return ingest_text(self.store, self.pipeline, text, title=title, day=_as_date(date), source=source)

    def ingest(self, paths, *, date=None, encoding: str = "utf-8", force: bool = False, skip_bad: bool = False,
               on_progress=None, prepared=None, report: IngestReport | None = None) -> IngestReport:
        """Ingest files, directories or globs (plain text, Markdown, HTML).

        Every file is read and checked before anything is written; ``prepared``
        takes the output of :func:`geopol.ingest.prepare_paths` when the caller
        already did that pass.
        """
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return ingest_paths(self.store, self.pipeline, list(paths), day=_as_date(date), encoding=encoding,
                            force=force, skip_bad=skip_bad, on_progress=on_progress, prepared=prepared,
                            report=report)

    def add_actor(self, actor: Actor, *, replace: bool = False) -> Actor:
        """Add (or extend) an actor in this store's registry; used by later ingests.

        An actor whose code the registry already holds for another name or kind is refused unless
        ``replace``: "Bob" with code CHN would otherwise turn every mention of China into Bob.
        """
        known = self.registry.get(actor.code)
        if known is not None and not replace and (known.name.casefold() != actor.name.casefold()
                                                  or known.kind != actor.kind):
            raise InputError(f"code {actor.code} is already {known.name} ({known.kind}); adding {actor.name!r} would "
                             f"replace it: choose another --code, or pass --replace")
        with self.store.transaction():
            self.store.put_actor(actor)
        self._registry = None
        self._pipeline = None
        return actor

    # -- reading ------------------------------------------------------
    def documents(self):
        return self.store.documents()

    def mentions(self, doc: str | None = None):
        return self.store.mentions(doc)

    def events(self) -> list[Event]:
        return self.store.events()

    def relations(self) -> list[Relation]:
        return self.store.relations()

    def claims(self) -> list[Claim]:
        return self.store.claims()

    def hypotheses(self) -> list[Hypothesis]:
        return self.store.hypotheses()

    def actors(self) -> list[dict]:
        """Every actor mentioned in the store, with its mention count and surface forms."""
        from .query import actor_summary

        return actor_summary(self.store, self.registry)

    def resolve(self, name: str) -> str:
        """A state or IGO code for what a user typed: a code, a name, a capital."""
        from .query import resolve_name

        return resolve_name(self.registry, name)

    def show(self, a: str, b: str, *, limit: int = 20) -> dict:
        """One pair: relations, event timeline and the sentences that name both."""
        from .query import pair_view

        return pair_view(self.store, self.resolve(a), self.resolve(b), registry=self.registry, limit=limit)


def open(path: str | Path | None = None, *, registry: list[str | Path] | str | Path | None = None,
         read_only: bool = False) -> Geopol:
    """Open the store at ``path`` (default ``./geopol.duckdb``; ``":memory:"`` for a temporary one)."""
    import os

    files = [] if registry is None else [registry] if isinstance(registry, (str, Path)) else list(registry)
    store = Store.open(path or os.environ.get("GEOPOL_DB") or "geopol.duckdb", read_only=read_only)
    try:
        return Geopol(store, files)
    except BaseException:
        store.close()
        raise
