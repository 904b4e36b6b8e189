"""Gather what the store knows about pairs of actors as tie observations, and power.

Reads events and relations (from text or datasets) and Correlates of War
alliances and capabilities. When the store holds no alliance or capability
rows, the Northeast Asia subsets shipped with geopol stand in, and the notes
say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .model import FACT_MODALITIES
from .analysis.ties import ALLIANCE_VALUES, BASE_WEIGHTS, Observation
from .store import Store, fact_id

__all__ = ["Background", "gather", "load_default_background"]

SHIPPED = "shipped COW subset (CHN, PRK, KOR, JPN, RUS, USA)"


@dataclass
class Background:
    observations: list[Observation] = field(default_factory=list)
    power: dict[tuple[str, int], float] = field(default_factory=dict)  # (actor, year) -> CINC
    notes: list[str] = field(default_factory=list)

    def power_at(self, year: int) -> dict[str, float]:
        """Each actor's CINC in ``year``, or in the latest earlier year on record."""
        best: dict[str, tuple[int, float]] = {}
        for (actor, y), cinc in self.power.items():
            if y <= year and (actor not in best or y > best[actor][0]):
                best[actor] = (y, cinc)
        return {a: c for a, (_, c) in best.items()}


def load_default_background() -> tuple[list[dict], list[dict]]:
    from .sources.cow import default_paths, read_alliances, read_nmc

    a_path, n_path = default_paths()
    alliances = read_alliances(a_path).table.to_pylist()
    power = read_nmc(n_path).table.to_pylist()
    return alliances, power


def _alliance_observations(rows: list[dict], source: str) -> list[Observation]:
    out = []
    for r in rows:
        kinds = [k for k in ALLIANCE_VALUES if r.get(k)]
        if not kinds:
            continue
        value = max(ALLIANCE_VALUES[k] for k in kinds)
        out.append(Observation(a=r["a"], b=r["b"], day=date(r["year"], 1, 1), end=date(r["year"], 12, 31),
                               value=value, weight=BASE_WEIGHTS["alliance"], kind="alliance",
                               ref=f"{source} {r['year']}: {'+'.join(kinds)}"))
    return out


def gather(store: Store, *, background: bool = True) -> Background:
    """Every observation the store holds (events, relations, alliances) and CINC by actor-year."""
    bg = Background()
    for e in store.events():
        if e.modality not in FACT_MODALITIES or not e.source or not e.target or e.source == e.target:
            continue
        if e.goldstein is None or e.time.start is None:
            continue
        bg.observations.append(Observation(a=e.source, b=e.target, day=e.time.start, value=e.goldstein / 10,
                                           weight=BASE_WEIGHTS["event"], kind="event", ref=fact_id(e)))
    for r in store.relations():
        if r.a == r.b or r.time.start is None:
            continue
        bg.observations.append(Observation(a=r.a, b=r.b, day=r.time.start, end=r.time.end,
                                           value=r.sign * abs(r.strength), weight=BASE_WEIGHTS["relation"],
                                           kind="relation", ref=fact_id(r)))
    # imported datasets: one observation per pair and month, the mean Goldstein value weighted by the count
    for a, b, month, n, mean, dataset in store.con.execute("""
            SELECT least(source, target), greatest(source, target), date_trunc('month', day)::DATE, count(*),
                   avg(goldstein), dataset
            FROM all_events
            WHERE dataset <> 'text' AND source IS NOT NULL AND target IS NOT NULL AND source <> target AND goldstein IS NOT NULL
            GROUP BY ALL""").fetchall():
        bg.observations.append(Observation(a=a, b=b, day=month, value=mean / 10, weight=BASE_WEIGHTS["event"] * n,
                                           kind="event", ref=f"{dataset} {month:%Y-%m}: {n} events"))
    if not background:
        return bg
    alliances, power = store.alliances(), store.power()
    source = "COW alliances"
    if not alliances or not power:
        default_alliances, default_power = load_default_background()
        if not alliances:
            alliances, source = default_alliances, SHIPPED
            bg.notes.append(f"alliances: {SHIPPED}, 1946-2012 (import others with `geopol import cow-alliance`)")
        if not power:
            power = default_power
            bg.notes.append(f"power: {SHIPPED}, CINC 1946-2022 (import others with `geopol import cow-nmc`)")
    bg.observations.extend(_alliance_observations(alliances, source))
    for r in power:
        if r["cinc"] is not None:
            bg.power[(r["actor"], r["year"])] = r["cinc"]
    return bg
