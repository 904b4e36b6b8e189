"""Read the small CSV inputs of the scenario models: actor sizes, propensity matrices, bargaining actors."""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError

__all__ = ["read_sizes", "read_propensities", "read_stakeholders"]


def _rows(path: Path) -> list[list[str]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            return [r for r in csv.reader(fh) if any(c.strip() for c in r)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{p}: not a readable CSV ({exc})") from None


def _number(value: str, where: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise InputError(f"{where}: not a number: {value!r}") from None


def read_sizes(path: str | Path) -> tuple[list[str], list[float]]:
    """Actor names and sizes: columns ``actor`` (or ``name``) and ``strength`` (or ``size``, ``power``)."""
    rows = _rows(path)
    if not rows:
        raise InputError(f"{path}: empty file")
    header = [h.strip().lower() for h in rows[0]]
    name_col = next((header.index(c) for c in ("actor", "name", "stakeholder") if c in header), None)
    size_col = next((header.index(c) for c in ("strength", "size", "power", "capability", "cinc") if c in header),
                    None)
    if name_col is None or size_col is None:
        raise InputError(f"{path}: needs an actor column (actor or name) and a size column (strength, size or power)")
    names, sizes = [], []
    for k, r in enumerate(rows[1:], start=2):
        names.append(r[name_col].strip())
        sizes.append(_number(r[size_col], f"{path}:{k}"))
    return names, sizes


def read_propensities(path: str | Path, *, neutral: float = 0.0) -> tuple[list[str], list[list[float]]]:
    """A square matrix with actor labels in the first row and column; blanks (the diagonal) are 0.

    ``neutral`` is subtracted from every given value (3 for the 1-5 scale of
    Furnas & Axelrod), so that positive values mean affinity.
    """
    rows = _rows(path)
    if len(rows) < 2:
        raise InputError(f"{path}: a propensity matrix needs a header row and one row per actor")
    labels = [h.strip() for h in rows[0][1:]]
    matrix = []
    for k, r in enumerate(rows[1:], start=2):
        cells = r[1:] + [""] * (len(labels) - len(r) + 1)
        matrix.append([0.0 if not c.strip() else _number(c, f"{path}:{k}") - neutral for c in cells[:len(labels)]])
    if len(matrix) != len(labels):
        raise InputError(f"{path}: {len(labels)} columns but {len(matrix)} rows; the matrix must be square")
    row_labels = [r[0].strip() for r in rows[1:]]
    if row_labels != labels:
        raise InputError(f"{path}: row labels {row_labels} differ from column labels {labels}")
    for i in range(len(labels)):
        matrix[i][i] = 0.0
    return labels, matrix


def read_stakeholders(path: str | Path):
    """Bargaining actors: name (Actor/Stakeholder), capability (Capability/Resources), Position, Salience.

    A salience column on a 0-100 scale (any value above 1) is divided by 100.
    """
    from ..scenario.bdm import Stakeholder

    rows = _rows(path)
    if not rows:
        raise InputError(f"{path}: empty file")
    header = [h.strip().lower() for h in rows[0]]

    def col(*names):
        for n in names:
            if n in header:
                return header.index(n)
        raise InputError(f"{path}: missing a column named {' or '.join(names)}")

    n_c, c_c, p_c, s_c = col("actor", "stakeholder", "name"), col("capability", "resources", "power"), \
        col("position"), col("salience")
    raw = [(r[n_c].strip(), _number(r[c_c], f"{path}:{k}"), _number(r[p_c], f"{path}:{k}"),
            _number(r[s_c], f"{path}:{k}")) for k, r in enumerate(rows[1:], start=2)]
    scale = 100.0 if any(s > 1 for *_, s in raw) else 1.0
    return [Stakeholder(name, c, p, s / scale) for name, c, p, s in raw]
