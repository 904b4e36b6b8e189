"""The model of the world at a date, as the scenario models take it: ties, power, a signed network."""

from __future__ import annotations

from datetime import date

from ..analysis import tie_graph
from ..evidence import gather
from ..store import Store

__all__ = ["world_at", "network_for", "major_powers", "MAJOR_POWERS"]


# Correlates of War major powers (cow_majors.csv, v2016): (ISO3, first year, last year)
MAJOR_POWERS = (("USA", 1898, 9999), ("GBR", 1816, 9999), ("FRA", 1816, 1940), ("FRA", 1945, 9999),
                ("DEU", 1816, 1918), ("DEU", 1925, 1945), ("DEU", 1991, 9999), ("ITA", 1860, 1943),
                ("RUS", 1816, 1917), ("RUS", 1922, 9999), ("CHN", 1950, 9999), ("JPN", 1895, 1945),
                ("JPN", 1991, 9999))


def major_powers(year: int) -> list[str]:
    """The COW major powers of a year.

    >>> major_powers(1975)
    ['CHN', 'FRA', 'GBR', 'RUS', 'USA']
    """
    return sorted({c for c, lo, hi in MAJOR_POWERS if lo <= year <= hi})


def world_at(store: Store, at: date, actors: list[str] | None = None, named: tuple[str, ...] = ()
             ) -> tuple[dict, dict, list[str]]:
    """(ties by sorted pair, CINC power by actor, notes) at ``at``, among ``actors`` if given, else among
    the actors of the store's own facts, else (a store with background only) among the actors ``named``
    by the scenario and the major powers of the year: the models do not run on 190 states."""
    bg = gather(store)
    notes = list(bg.notes)
    if actors:
        chosen = set(actors)
    elif bg.fact_actors:
        chosen = set(bg.fact_actors)
    else:
        chosen = set(named) | set(major_powers(at.year))
        notes.append(f"actors: {', '.join(sorted(chosen))} (those named and the major powers of {at.year}; "
                     "give --actors for others)")
    ties = {(t.a, t.b): t.value for t in bg.ties(at, bg.observations.among(frozenset(chosen)))}
    members = {x for p in ties for x in p}
    return ties, {k: v for k, v in bg.power_at(at.year).items() if k in members}, notes


def network_for(store: Store, at: date, threshold: float = 0.1, actors: list[str] | None = None):
    ties, power, notes = world_at(store, at, actors)
    from ..analysis.ties import Tie

    return tie_graph([Tie(a=a, b=b, at=at, value=v, uncertainty=0.0, weight=0.0, n=0) for (a, b), v in ties.items()],
                     threshold=threshold, power=power), notes

