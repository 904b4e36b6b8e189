"""Pure analysis functions over signed graphs and dyad series; none changes its input."""

from .blocs import Blocs, signed_blocs
from .changes import ChangePoint, change_points
from .frustration import Frustration, frustration_index
from .signed import (balance_degree, pivots, pn_centrality, signed_graph, triad_census, triangles)

__all__ = [
    "Blocs",
    "ChangePoint",
    "Frustration",
    "balance_degree",
    "change_points",
    "frustration_index",
    "pivots",
    "pn_centrality",
    "signed_blocs",
    "signed_graph",
    "triad_census",
    "triangles",
]
