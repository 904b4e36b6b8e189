"""Read signed Pajek ``.net`` files, including time windows.

A window starts at an ``*Edges`` (or ``*Arcs``) line; Doreian and Mrvar's
files name it after a colon and in quotes (``*Edges :46 "46-49"``). Each
following line is ``u v value``; vertices are numbered in ``*Vertices``.
Arcs are read as undirected ties. Within a window a pair listed more than once
gets the sign of the sum of its values and is dropped when that sum is zero;
self-loops are ignored (:func:`geopol.analysis.signed_graph`).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..analysis.signed import signed_graph
from ..errors import InputError

__all__ = ["PajekWindow", "read_pajek"]


@dataclass(frozen=True)
class PajekWindow:
    id: str          # the number after the colon, or the window's position
    label: str       # the quoted name, or the id
    graph: nx.Graph


def read_pajek(path: str | Path) -> list[PajekWindow]:
    """Every window of a signed Pajek file, in file order, as signed graphs over vertex labels."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    labels: dict[str, str] = {}
    windows: list[tuple[str, str, list]] = []
    mode = None
    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("*"):
            head = line.split()[0].lower()
            if head == "*vertices":
                mode = "vertices"
            elif head in ("*edges", "*arcs"):
                mode = "edges"
                m = re.match(r"\*\w+\s*(?::\s*(\S+))?\s*(?:\"([^\"]*)\")?", line)
                wid = (m.group(1) if m and m.group(1) else str(len(windows) + 1))
                windows.append((wid, (m.group(2) if m and m.group(2) else wid), []))
            else:
                mode = None  # *Matrix, *Partition ...: not read
            continue
        if mode == "vertices":
            try:
                parts = shlex.split(line)
            except ValueError:
                parts = line.split()
            labels[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
        elif mode == "edges":
            parts = line.split()
            if len(parts) < 2:
                raise InputError(f"{p}:{lineno}: an edge line needs two vertex numbers: {line!r}")
            try:
                value = float(parts[2]) if len(parts) > 2 else 1.0
            except ValueError:
                raise InputError(f"{p}:{lineno}: edge value is not a number: {parts[2]!r}") from None
            windows[-1][2].append((labels.get(parts[0], parts[0]), labels.get(parts[1], parts[1]), value))
    if not windows:
        raise InputError(f"{p}: no *Edges or *Arcs section: not a Pajek network")
    out = []
    for wid, label, edges in windows:
        G = signed_graph([(u, v, 1 if val > 0 else -1, abs(val)) for u, v, val in edges if val != 0])
        out.append(PajekWindow(id=wid, label=label, graph=G))
    return out
