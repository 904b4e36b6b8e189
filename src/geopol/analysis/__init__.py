"""Pure analysis functions over signed graphs and dyad series; none changes its input."""

from .blocs import Blocs, signed_blocs
from .changes import ChangePoint, change_points
from .frustration import Frustration, frustration_index
from .signed import (balance_degree, pivots, pn_centrality, signed_graph, triad_census, triangles)
from .ties import Observation, Tie, estimate_ties, periods, tie_graph

__all__ = [
    "Blocs",
    "ChangePoint",
    "Frustration",
    "Observation",
    "Tie",
    "balance_degree",
    "change_points",
    "estimate_ties",
    "periods",
    "tie_graph",
    "frustration_index",
    "pivots",
    "pn_centrality",
    "signed_blocs",
    "signed_graph",
    "triad_census",
    "triangles",
]
