"""Outputs for people and other tools: graph files and plots."""

from .graphs import GRAPH_FORMATS, plot_network, plot_series, write_graph

__all__ = ["GRAPH_FORMATS", "plot_network", "plot_series", "write_graph"]
