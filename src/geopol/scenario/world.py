"""The model of the world at a date, as the scenario models take it: ties, power, a signed network."""

from __future__ import annotations

from datetime import date

from ..analysis import tie_graph
from ..evidence import gather
from ..store import Store

__all__ = ["world_at"]


def world_at(store: Store, at: date, actors: list[str] | None = None) -> tuple[dict, dict, list[str]]:
    """(ties by sorted pair, CINC power by actor, notes) at ``at``: among ``actors`` if given, else among
    the actors of the store's own facts if it has any, else every state."""
    bg = gather(store)
    chosen = set(actors) if actors else set(bg.fact_actors)
    ties = {(t.a, t.b): t.value for t in bg.ties(at) if not chosen or (t.a in chosen and t.b in chosen)}
    members = {x for p in ties for x in p}
    return ties, {k: v for k, v in bg.power_at(at.year).items() if k in members}, bg.notes


def network_for(store: Store, at: date, threshold: float = 0.1, actors: list[str] | None = None):
    ties, power, notes = world_at(store, at, actors)
    from ..analysis.ties import Tie

    return tie_graph([Tie(a=a, b=b, at=at, value=v, uncertainty=0.0, weight=0.0, n=0) for (a, b), v in ties.items()],
                     threshold=threshold, power=power), notes

