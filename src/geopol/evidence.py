"""Gather what the store knows about pairs of actors as tie observations, and power.

Reads events and relations (from text or datasets), the background
dyad-years (UN votes, disputes, wars, rivalries, IGOs) and alliances and
capabilities. For every background source the store holds no rows of, the
copy shipped with geopol stands in (``data/background``: every state, built
by ``scripts/build_background.py`` from the files in ``../shared/data``), and
the notes say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from .analysis.background import DEFAULT_MODEL, TieModel, background_observations
from .analysis.ties import Observation, ObservationSet, Tie, concat, estimate_ties
from .model import FACT_MODALITIES
from .store import Store, fact_id, file_stamp

__all__ = ["Background", "background_tables", "gather", "shipped_background", "SHIPPED"]

SHIPPED = "shipped background data"
_KIND_OF_SOURCE = {"un_agreement": "UN votes", "mid": "disputes", "war": "wars", "rivalry": "rivalries",
                   "igo": "IGOs"}


@dataclass
class Background:
    observations: ObservationSet
    power: dict[tuple[str, int], float] = field(default_factory=dict)  # (actor, year) -> CINC
    notes: list[str] = field(default_factory=list)
    model: TieModel = DEFAULT_MODEL
    fact_actors: frozenset[str] = frozenset()  # actors of the store's own facts (text, imported events)
    last_day: date | None = None               # the latest date the store has data for
    first_day: date | None = None              # and the earliest

    def range_note(self, at: date) -> list[str]:
        """A note when ``at`` lies outside the data."""
        if self.last_day and at > self.last_day:
            return [f"{at} is after the latest data ({self.last_day}): the ties there are what is left of it "
                    "as it fades"]
        if self.first_day and at < self.first_day:
            return [f"{at} is before the earliest data ({self.first_day}): no ties yet"]
        return []

    def ties(self, at: date, observations: ObservationSet | None = None) -> list[Tie]:
        return estimate_ties(self.observations if observations is None else observations, at,
                             half_life_days=self.model.half_lives, prior=self.model.prior)

    def power_at(self, year: int) -> dict[str, float]:
        """Each actor's CINC in ``year``, or in the latest earlier year on record."""
        best: dict[str, tuple[int, float]] = {}
        for (actor, y), cinc in self.power.items():
            if y <= year and (actor not in best or y > best[actor][0]):
                best[actor] = (y, cinc)
        return {a: c for a, (_, c) in best.items()}


def _shipped_dir() -> Path:
    return Path(str(resources.files("geopol").joinpath("data").joinpath("background")))


@lru_cache(maxsize=1)
def shipped_background():
    """The shipped background tables (Arrow): (dyad_years, alliances, power)."""
    import pyarrow.parquet as pq

    d = _shipped_dir()
    return tuple(pq.read_table(d / f"{name}.parquet") for name in ("dyad_years", "alliances", "power"))


@lru_cache(maxsize=4)
def _shipped_observations(model: TieModel) -> ObservationSet:
    s_dy, s_al, _ = shipped_background()
    return background_observations(s_dy, s_al, model=model)


def _fact_observations(store: Store, model: TieModel) -> tuple[list[Observation], set[str], date | None]:
    from .actors.registry import successor_codes

    succ = successor_codes()  # text says "the Soviet Union"; the background knows it as RUS
    obs, actors, last = [], set(), None
    named: set[str] = set()  # every actor of a fact, dated or not: the scope of the store's own facts
    for e in store.events():
        if e.modality not in FACT_MODALITIES or not e.source or not e.target or e.source == e.target:
            continue
        named.update((e.source, e.target))
        if e.goldstein is None or e.time.start is None:
            continue
        obs.append(Observation(a=e.source, b=e.target, day=e.time.start, value=e.goldstein / 10,
                               weight=model.weights["event"], kind="event", ref=fact_id(e)))
    for r in store.relations():
        if r.a != r.b:
            named.update((r.a, r.b))
        if r.a == r.b or r.time.start is None:
            continue
        obs.append(Observation(a=r.a, b=r.b, day=r.time.start, end=r.time.end, value=r.sign * abs(r.strength),
                               weight=model.weights["relation"], kind="relation", ref=fact_id(r)))
    # imported datasets: one observation per pair and month, the mean Goldstein value weighted by the count
    for a, b, month, n, mean, dataset in store.dataset_event_months():
        obs.append(Observation(a=a, b=b, day=month, value=mean / 10, weight=model.weights["dataset"] * n,
                               kind="dataset", ref=f"{dataset} {month:%Y-%m}: {n} events"))
    obs = [o if o.a not in succ and o.b not in succ else
           Observation(a=succ.get(o.a, o.a), b=succ.get(o.b, o.b), day=o.day, end=o.end, value=o.value,
                       weight=o.weight, kind=o.kind, ref=o.ref) for o in obs]
    obs = [o for o in obs if o.a != o.b]
    actors.update(succ.get(x, x) for x in named)
    for o in obs:
        actors.update((o.a, o.b))
        d = o.end if o.end and o.end != date.max else o.day
        last = d if last is None or d > last else last
    return obs, actors, last


def background_tables(store: Store):
    """The background the store holds, with the shipped copy standing in for each kind it lacks:
    (dyad_years, alliances, power, the names of what was taken from the shipped copy, whether any of
    the dyad-years or alliances are the store's own)."""
    dy, al, pw = store.dyad_years(), store.alliances_table(), store.power_table()
    held = set(dy.column("kind").unique().to_pylist()) if dy.num_rows else set()
    missing = [k for k in _KIND_OF_SOURCE if k not in held]
    own = bool(held) or al.num_rows > 0
    shipped: list[str] = []
    if missing or not al.num_rows or not pw.num_rows:
        s_dy, s_al, s_pw = shipped_background()
        if missing:
            extra = s_dy.filter(pc.is_in(s_dy.column("kind"), value_set=pa.array(missing)))
            dy = pa.concat_tables([dy.cast(extra.schema), extra]) if dy.num_rows else extra
            shipped += [_KIND_OF_SOURCE[k] for k in missing]
        if not al.num_rows:
            al, shipped = s_al, shipped + ["alliances"]
        if not pw.num_rows:
            pw, shipped = s_pw, shipped + ["CINC"]
    return dy, al, pw, shipped, own


_GATHERED: dict[tuple, Background] = {}  # read-only stores by (path, file stamp, model): the web app's requests


def gather(store: Store, *, background: bool = True, model: TieModel = DEFAULT_MODEL) -> Background:
    """Every observation the store holds (facts, datasets, background) and CINC by actor-year.

    For a store opened read-only the result is kept while its file is unchanged (a read-only connection
    cannot change it, and another process's write changes the file): the web app gathers once per store
    state, not once per request."""
    key = None
    if store.path is not None and store.read_only:
        key = (str(store.path), file_stamp(store.path), model.key(), background)
        hit = _GATHERED.get(key)
        if hit is not None:
            return replace(hit, notes=list(hit.notes))
    bg = _gather(store, background=background, model=model)
    if key is not None:
        if len(_GATHERED) >= 2:
            _GATHERED.pop(next(iter(_GATHERED)))
        _GATHERED[key] = bg
        return replace(bg, notes=list(bg.notes))
    return bg


def _gather(store: Store, *, background: bool, model: TieModel) -> Background:
    facts, actors, last = _fact_observations(store, model)
    fact_set = ObservationSet.from_observations(facts)
    if not background:
        return Background(observations=fact_set, model=model, fact_actors=frozenset(actors), last_day=last)
    dy, al, pw, shipped, own = background_tables(store)
    notes = [f"{SHIPPED} for {', '.join(shipped)} (your own: `geopol import background DIR`)"] if shipped else []
    if not own:
        bg_set = _shipped_observations(model)  # all of it shipped: built once per process
    else:
        bg_set = background_observations(dy, al, model=model)
    power = {(a, int(y)): c for a, y, c in zip(pw.column("actor").to_pylist(), pw.column("year").to_pylist(),
                                               pw.column("cinc").to_pylist()) if c is not None}
    years = [(pc.min(t.column("year")).as_py(), pc.max(t.column("year")).as_py()) for t in (dy, al) if t.num_rows]
    if last is None and years:  # no facts of its own: the store's world is as recent as its background
        last = date(max(y for _, y in years), 12, 31)
    starts = [date(y, 1, 1) for y, _ in years] + ([date.fromordinal(int(fact_set.day.min()))] if len(fact_set) else [])
    first = min(starts, default=None)
    return Background(observations=concat([fact_set, bg_set]), power=power, notes=notes, model=model,
                      fact_actors=frozenset(actors), last_day=last, first_day=first)

