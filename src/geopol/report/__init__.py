"""Outputs for people and other tools: graph files and plots."""

from .graphs import GRAPH_FORMATS, plot_before_after, plot_lines, plot_network, plot_series, write_dynamic_gexf, write_graph

__all__ = ["GRAPH_FORMATS", "plot_before_after", "plot_lines", "plot_network", "plot_series", "write_dynamic_gexf", "write_graph"]
