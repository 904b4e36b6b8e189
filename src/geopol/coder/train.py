"""Training the shipped classifier (``geopol coder train``): data, cross-validation, the artifact.

The shipped model is trained on the PLV training sentences alone
(../shared/data/coding/PLV_train.tsv; see docs/coder.md for why the other
corpora are left out). Cross-validation is stratified k-fold with a fixed
seed, so the figures in the docs are reproducible.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .evaluate import normalise_type, read_plv, score
from .linear import LinearCoder

__all__ = ["load_training", "cross_validate", "train_model"]


def load_training(paths: list[Path]) -> tuple[list[str], list[str]]:
    marked, labels = [], []
    for p in paths:
        for it in read_plv(p):
            marked.append(it.marked)
            labels.append(normalise_type(it.gold))
    return marked, labels


def cross_validate(marked: list[str], labels: list[str], *, folds: int = 5, c: float = 1.0, seed: int = 0):
    """Out-of-fold predictions scored as one set."""
    from sklearn.model_selection import StratifiedKFold

    y = np.array(labels)
    predicted = np.empty(len(y), dtype=object)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        model = LinearCoder.train([marked[i] for i in train], list(y[train]), c=c)
        predicted[test] = [lab for lab, _ in model.predict([marked[i] for i in test])]
    return score(list(y), list(predicted))


def train_model(paths: list[Path], out: Path, *, c: float = 1.0, folds: int = 5) -> tuple[LinearCoder, object]:
    marked, labels = load_training(paths)
    cv = cross_validate(marked, labels, folds=folds, c=c) if folds > 1 else None
    meta = {"trained_on": [Path(p).name for p in paths]}
    if cv is not None:
        meta["cv"] = {"folds": folds, "accuracy": cv.accuracy, "macro_f1": cv.macro_f1,
                      "quad_accuracy": cv.quad_accuracy}
    model = LinearCoder.train(marked, labels, c=c, meta=meta)
    model.save(out)
    return model, cv
