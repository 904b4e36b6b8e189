"""The model of the world at a date, as the scenario models take it: ties, power, a signed network."""

from __future__ import annotations

from datetime import date

from ..analysis import estimate_ties, tie_graph
from ..evidence import gather
from ..store import Store

__all__ = ["world_at"]


def world_at(store: Store, at: date) -> tuple[dict, dict, list[str]]:
    """(ties by sorted pair, CINC power by actor, notes) at ``at``."""
    bg = gather(store)
    ties = {(t.a, t.b): t.value for t in estimate_ties(bg.observations, at)}
    return ties, bg.power_at(at.year), bg.notes


def network_for(store: Store, at: date, threshold: float = 0.1):
    bg = gather(store)
    return tie_graph(estimate_ties(bg.observations, at), threshold=threshold, power=bg.power_at(at.year)), bg.notes

