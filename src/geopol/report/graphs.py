"""Write signed networks for Gephi and others (GraphML, GEXF, JSON) and plot them (PNG)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ..errors import InputError

__all__ = ["GRAPH_FORMATS", "write_graph", "write_dynamic_gexf", "plot_network", "plot_series"]

GRAPH_FORMATS = (".graphml", ".gexf", ".json", ".png")


def write_graph(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` in the format its suffix names: .graphml, .gexf, .json (node-link) or .png."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise InputError(f"{p}: unknown graph format; use one of {', '.join(GRAPH_FORMATS)}")
    if not p.parent.exists():
        raise InputError(f"{p.parent}: directory does not exist")
    H = nx.Graph()  # a copy with only plain attribute types, as GraphML and GEXF need
    H.graph.update({k: str(v) for k, v in G.graph.items()})
    for v, d in G.nodes(data=True):  # the label Gephi shows: the actor's name when known, else its code
        H.add_node(str(v), label=str(d.get("name") or v),
                   **{k: float(x) for k, x in d.items() if isinstance(x, (int, float))})
    for u, v, d in G.edges(data=True):
        H.add_edge(str(u), str(v), **{k: float(x) for k, x in d.items() if isinstance(x, (int, float))})
    if suffix == ".graphml":
        nx.write_graphml(H, p)
    elif suffix == ".gexf":
        nx.write_gexf(H, p)
    elif suffix == ".json":
        p.write_text(json.dumps(nx.node_link_data(H, edges="edges"), indent=1))
    else:
        plot_network(G, p)
    return p


def write_dynamic_gexf(frames: list[tuple[str, str, nx.Graph]], path: str | Path,
                       names: dict[str, str] | None = None) -> Path:
    """A time-sliced GEXF for Gephi's timeline: ``frames`` are (start, end, signed graph) per period; an edge
    lives in the periods it is above the threshold, with its tie and sign as dynamic attributes."""
    p = Path(path)
    if p.suffix.lower() != ".gexf":
        raise InputError(f"{p}: a network over time is written as GEXF (.gexf), for Gephi's timeline")
    if not p.parent.exists():
        raise InputError(f"{p.parent}: directory does not exist")
    H = nx.Graph(mode="dynamic", timeformat="date")
    spells: dict[tuple[str, str], list] = {}
    values: dict[tuple[str, str], dict[str, list]] = {}
    nodes: dict[str, list] = {}
    for start, end, G in frames:
        for v in G.nodes:
            nodes.setdefault(str(v), []).append((start, end))
        for u, v, d in G.edges(data=True):
            key = tuple(sorted((str(u), str(v))))
            spells.setdefault(key, []).append((start, end))
            for k in ("tie", "sign"):
                if k in d:
                    values.setdefault(key, {}).setdefault(k, []).append((float(d[k]), start, end))
    def merged(sp: list) -> list:  # back-to-back periods as one spell
        out: list = []
        for s0, s1 in sp:
            if out and out[-1][1] == s0:
                out[-1] = (out[-1][0], s1)
            else:
                out.append((s0, s1))
        return out

    for v, sp in nodes.items():
        H.add_node(v, label=(names or {}).get(v, v), spells=merged(sp))
    for (u, v), sp in spells.items():
        H.add_edge(u, v, spells=merged(sp), **values.get((u, v), {}))
    nx.write_gexf(H, p)
    return p


def plot_network(G: nx.Graph, path: str | Path, *, title: str | None = None) -> Path:
    """A PNG: green edges for positive ties, red dashed for negative, width by strength, node size by power."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 6), dpi=120)
    if G.number_of_nodes():
        pos = nx.spring_layout(G, seed=1, weight=None)
        power = [G.nodes[v].get("power", 0.0) for v in G.nodes]
        top = max(power) or 1.0
        sizes = [300 + 2200 * (p / top) for p in power]
        nx.draw_networkx_nodes(G, pos, node_size=sizes, node_color="#d9e6f2", edgecolors="#34495e", ax=ax)
        nx.draw_networkx_labels(G, pos, font_size=9, ax=ax)
        for sign, colour, style in ((1, "#1e8449", "solid"), (-1, "#c0392b", "dashed")):
            edges = [(u, v) for u, v, d in G.edges(data=True) if d.get("sign", 1) == sign]
            widths = [0.5 + 4 * G.edges[e].get("weight", 1.0) for e in edges]
            nx.draw_networkx_edges(G, pos, edgelist=edges, width=widths, edge_color=colour, style=style, ax=ax)
    ax.set_title(title or f"Signed network {G.graph.get('at', '')}".strip())
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return Path(path)


def plot_series(dates, values, path: str | Path, *, title: str = "", changes=()) -> Path:
    """A PNG line plot of a dyad series with change points marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.5), dpi=120)
    ax.plot(dates, values, color="#2c3e50")
    ax.axhline(0, color="#999999", linewidth=0.8)
    for c in changes:
        ax.axvline(c, color="#c0392b", linestyle="--", linewidth=1)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("tie")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return Path(path)


def plot_lines(x, lines: dict, path: str | Path, *, title: str = "", xlabel: str = "", ylabel: str = "") -> Path:
    """A PNG with one line per entry of ``lines`` (label -> values over ``x``): trajectories."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4), dpi=120)
    for label, values in lines.items():
        ax.plot(x, values, label=label, linewidth=1)
    if 0 < len(lines) <= 12:
        ax.legend(fontsize=7)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return Path(path)


def plot_before_after(before: nx.Graph, after: nx.Graph, path: str | Path, *, titles=("baseline", "changed")) -> Path:
    """Two signed networks side by side on the same layout."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 5.5), dpi=110)
    union = nx.compose(before, after)
    pos = nx.spring_layout(union, seed=1, weight=None) if union.number_of_nodes() else {}
    for ax, G, title in zip(axes, (before, after), titles):
        nx.draw_networkx_nodes(G, pos, node_color="#d9e6f2", edgecolors="#34495e", node_size=700, ax=ax)
        nx.draw_networkx_labels(G, pos, font_size=9, ax=ax)
        for sign, colour, style in ((1, "#1e8449", "solid"), (-1, "#c0392b", "dashed")):
            edges = [(u, v) for u, v, d in G.edges(data=True) if d.get("sign", 1) == sign]
            widths = [0.5 + 4 * G.edges[e].get("weight", 1.0) for e in edges]
            nx.draw_networkx_edges(G, pos, edgelist=edges, width=widths, edge_color=colour, style=style, ax=ax)
        ax.set_title(title)
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return Path(path)
