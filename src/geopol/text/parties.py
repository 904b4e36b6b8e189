"""Who an event is between: the party a mention stands for, and which two parties an event can join.

Contract: pure functions over :class:`~geopol.text.mentions.FoundMention`
records; used by the coding stages (:mod:`geopol.text.events`,
:mod:`geopol.text.speech`) and the facts stage.
"""

from __future__ import annotations

__all__ = ["party", "by_party", "two_sides", "armed_state", "state_level", "root", "STATE_ROLES", "NONSTATE_ROLES"]

# Roles of non-state groups (CAMEO's rebels, insurgents, unidentified armed forces, opposition, radicals,
# separatists, criminals): actors of their own. A state's other sectors (its government, forces, police,
# courts, media, civilians, businesses, former officials) count as the state.
NONSTATE_ROLES = ("REB", "INS", "UAF", "OPP", "RAD", "SEP", "CRM", "IMG", "MOD", "PTY")
STATE_ROLES = ("GOV", "MIL", "COP", "JUD", "SPY", "LEG")


def party(m) -> str | None:
    """The code an event's source or target takes: the state, except for a non-state group.

    >>> from geopol.text.mentions import FoundMention as M
    >>> party(M(0, 1, "x", "CHNGOV", "CHN", "sector", "GOV")), party(M(0, 1, "x", "SYRREB", "SYR", "sector", "REB"))
    ('CHN', 'SYRREB')
    """
    if m is None:
        return None
    role = m.role or ""
    if m.kind == "group" and not role.startswith(STATE_ROLES):
        return m.actor
    if role.startswith(NONSTATE_ROLES) or not m.country:
        return m.actor
    return m.country


def two_sides(a, b) -> bool:
    """Two parties an event can be between: two states (or their sectors), or a state and a non-state
    group, its own included ("the Sudanese government accused Darfur rebels"); not a state and itself,
    nor two groups."""
    if party(a) == party(b) or not (state_level(a) or state_level(b)):
        return False
    return a.country != b.country or not (state_level(a) and state_level(b))


def armed_state(m) -> bool:
    """A state itself or its forces: what fights a war, not what suffers one (civilians, refugees)."""
    return state_level(m) and (not m.role or m.role.startswith(("MIL", "GOV")))


def state_level(m) -> bool:
    """A state (or IGO) acts: its party is its own country code."""
    return m is not None and party(m) == m.country


def root(code: str | None) -> str:
    """A CAMEO code's root ("1384" -> "13"; "" for none)."""
    return (code or "")[:2]


def by_party(ms) -> list:
    """The mentions of distinct parties, first of each kept."""
    out, seen = [], set()
    for m in ms:
        if party(m) not in seen:
            seen.add(party(m))
            out.append(m)
    return out
