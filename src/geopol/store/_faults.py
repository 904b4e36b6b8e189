"""Kill points for the fault-injection tests: a real SIGKILL at the N-th write step of a process.

Off (and free) unless the environment asks for it when a store is opened for writing:

- ``GEOPOL_KILL_AT=N`` kills the process with SIGKILL just before its N-th step (1-based);
- ``GEOPOL_COUNT_STEPS=FILE`` writes the number of steps taken so far to FILE after each one, so a test
  can first count the steps of an uninterrupted run and then kill at points spread across them.

A step is every statement a writer sends to DuckDB (the store wraps its connection, see
:func:`counted`) and every explicit :func:`point` in code that writes files beside the store (the
Parquet renames). Killing before a statement is the same as killing after the one before it, so the
points cover every boundary between the writes of a run; what they cannot reach, a kill in the middle
of one statement, the timed SIGKILL tests cover.
"""

from __future__ import annotations

import os
import signal

__all__ = ["armed", "counted", "point"]

_state = {"n": 0, "at": None, "count": None}


def armed() -> bool:
    """Read the environment; true when kill points are on for this process."""
    at = os.environ.get("GEOPOL_KILL_AT")
    _state["at"] = int(at) if at and at.isdigit() else None
    _state["count"] = os.environ.get("GEOPOL_COUNT_STEPS") or None
    return _state["at"] is not None or _state["count"] is not None


def point() -> None:
    """One step: die here if this is the step asked for."""
    if _state["at"] is None and _state["count"] is None:
        return
    _state["n"] += 1
    if _state["n"] == _state["at"]:
        os.kill(os.getpid(), signal.SIGKILL)
    if _state["count"]:
        with open(_state["count"], "w") as fh:
            fh.write(str(_state["n"]))


class _Counted:
    """A DuckDB connection whose statements are steps; everything else passes through."""

    def __init__(self, con) -> None:
        self._con = con

    def execute(self, *args, **kwargs):
        point()
        return self._con.execute(*args, **kwargs)

    def executemany(self, *args, **kwargs):
        point()
        return self._con.executemany(*args, **kwargs)

    def register(self, *args, **kwargs):
        point()
        return self._con.register(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._con, name)


def counted(con):
    """``con`` itself, or ``con`` with kill points when the environment arms them."""
    return _Counted(con) if armed() else con
