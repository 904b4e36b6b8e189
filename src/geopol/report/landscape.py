"""Plot an energy landscape: every configuration by energy, the local minima marked."""

from __future__ import annotations

from pathlib import Path

import numpy as np

__all__ = ["plot_landscape"]


def plot_landscape(energy: np.ndarray, result, path: str | Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    order = np.argsort(energy)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    fig, ax = plt.subplots(figsize=(8, 4), dpi=120)
    ax.plot(np.arange(len(energy)), energy[order], color="#7f8c8d", linewidth=1)
    for m in result.minima:
        ax.scatter([rank[m.config]], [m.energy], color="#c0392b", zorder=3)
        ax.annotate(" | ".join(", ".join(s) for s in m.sides)[:80], (rank[m.config], m.energy), fontsize=7,
                    xytext=(5, 5), textcoords="offset points")
    ax.set_xlabel("configurations, by energy")
    ax.set_ylabel("energy")
    ax.set_title(f"Energy landscape: {len(energy)} configurations, {len(result.minima)} local minima")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return Path(path)
