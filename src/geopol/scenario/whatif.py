"""What if one tie or one actor's power changes? Baseline and changed case, side by side.

The model of the world at a date gives the tie estimates (propensities) and
the actors' CINC power (sizes); the change sets ties (``RUS-PRK=-0.5``) and
scales powers (``PRK.power=1.2``); each case is run through the chosen model:

- ``landscape``: the lowest-energy configuration of landscape theory, every
  local minimum with its basin, each actor's frustration;
- ``marvel``: the two factions the continuous balance dynamics converge to,
  and the blow-up time;
- ``bdm``: expected-utility bargaining over one issue dimension. Positions
  are the actors' coordinates on the leading eigenvector of the tie matrix
  (actors with alike ties sit close; scaled to 0-10), capability is power and
  salience 1 for every actor — a documented stand-in, since the model of the
  world holds no issue positions; reported: the median and mean after
  ``rounds`` rounds and each actor's final position;
- ``var`` is run from :func:`geopol.scenario.var.whatif_var` on event series.
"""

from __future__ import annotations

import re

import numpy as np

from ..errors import InputError
from .balance_dynamics import marvel
from .landscape import landscape

__all__ = ["parse_changes", "whatif", "MODELS"]

MODELS = ("landscape", "marvel", "bdm")


def parse_changes(sets: list[str], scales: list[str]) -> tuple[dict, dict]:
    """``["RUS-PRK=-0.5"]``, ``["PRK.power=1.2"]`` → ({("PRK", "RUS"): -0.5}, {"PRK": 1.2})."""
    tie_changes, power_changes = {}, {}
    for s in sets:
        m = re.fullmatch(r"\s*([A-Za-z0-9_]+)\s*-\s*([A-Za-z0-9_]+)\s*=\s*(-?\d+(?:\.\d+)?)\s*", s)
        if not m:
            raise InputError(f"--set {s!r}: write it as A-B=VALUE, e.g. RUS-PRK=-0.5")
        a, b, v = m.group(1).upper(), m.group(2).upper(), float(m.group(3))
        if not -1 <= v <= 1:
            raise InputError(f"--set {s!r}: a tie is in [-1, 1]")
        tie_changes[tuple(sorted((a, b)))] = v
    for s in scales:
        m = re.fullmatch(r"\s*([A-Za-z0-9_]+)\.power\s*=\s*(\d+(?:\.\d+)?)\s*", s)
        if not m:
            raise InputError(f"--scale {s!r}: write it as ACTOR.power=FACTOR, e.g. PRK.power=1.2")
        power_changes[m.group(1).upper()] = float(m.group(2))
    return tie_changes, power_changes


def _run(model: str, actors: list[str], ties: dict, power: dict) -> dict:
    n = len(actors)
    P = np.zeros((n, n))
    for (a, b), v in ties.items():
        if a in actors and b in actors:
            i, j = actors.index(a), actors.index(b)
            P[i, j] = P[j, i] = v
    if model == "landscape":
        r = landscape([power[a] for a in actors], P, names=actors)
        best = r.minima[0]
        return {"sides": [list(best.sides[0]), list(best.sides[1])], "energy": best.energy,
                "frustration": best.frustration,
                "minima": [{"sides": [list(m.sides[0]), list(m.sides[1])], "energy": m.energy, "basin": m.basin}
                           for m in r.minima]}
    if model == "bdm":
        return _run_bdm(actors, P, power)
    r = marvel(P, names=actors)
    return {"sides": [list(r.factions[0]), list(r.factions[1])], "blowup": r.blowup,
            "leading_eigenvalue": r.leading_eigenvalue}


def _run_bdm(actors: list[str], P: np.ndarray, power: dict, rounds: int = 10) -> dict:
    from .bdm import Stakeholder, run_bdm

    values, vectors = np.linalg.eigh(P)
    u = vectors[:, -1]
    if u[np.argmax(np.abs(u))] < 0:
        u = -u
    lo, hi = float(u.min()), float(u.max())
    if hi - lo < 1e-12:
        raise InputError("the ties do not separate the actors on any issue dimension: nothing to bargain over")
    positions = {a: 10 * (float(u[i]) - lo) / (hi - lo) for i, a in enumerate(actors)}
    result = run_bdm([Stakeholder(a, power[a], positions[a], 1.0) for a in actors], rounds)
    last = result[-1]
    side = [[a for a in actors if last.positions[a] <= last.median], [a for a in actors if last.positions[a] > last.median]]
    return {"sides": side, "initial_positions": positions, "positions": last.positions, "median": last.median,
            "mean": last.mean, "rounds": rounds}


def _side_of(result: dict, anchor: str) -> dict:
    """Each actor's side, numbered so that ``anchor`` is on side 0 in both cases."""
    first = 0 if anchor in result["sides"][0] else 1
    return {a: (k if first == 0 else 1 - k) for k, side in enumerate(result["sides"]) for a in side}


def whatif(ties: dict, power: dict, *, set_ties: dict, scale_power: dict, model: str = "landscape") -> dict:
    """Baseline and changed case; ``ties`` maps sorted pairs to values, ``power`` actors to sizes."""
    if model not in MODELS:
        raise InputError(f"unknown --model {model!r}: use landscape, marvel, bdm or var")
    actors = sorted(power)
    unknown = sorted({a for pair in set_ties for a in pair} | set(scale_power) - set(actors))
    unknown = [a for a in unknown if a not in actors]
    if unknown:
        raise InputError(f"no power data for {', '.join(unknown)} at this date; actors are {', '.join(actors)}")
    if len(actors) < 2:
        raise InputError("a what-if needs at least two actors with power data")
    changed_ties = dict(ties)
    changed_ties.update(set_ties)
    changed_power = {a: power[a] * scale_power.get(a, 1.0) for a in actors}
    base = _run(model, actors, ties, power)
    after = _run(model, actors, changed_ties, changed_power)
    anchor = actors[0]
    s0, s1 = _side_of(base, anchor), _side_of(after, anchor)
    moved = sorted(((pair, ties.get(pair, 0.0), v) for pair, v in set_ties.items()),
                   key=lambda t: -abs(t[2] - t[1]))
    return {
        "model": model,
        "actors": actors,
        "baseline": base,
        "changed": after,
        "switched": [a for a in actors if s0[a] != s1[a]],
        "ties_moved": [{"a": p[0], "b": p[1], "before": round(b, 6), "after": a} for p, b, a in moved],
        "power": {a: {"before": power[a], "after": changed_power[a]} for a in actors if scale_power.get(a)},
    }
