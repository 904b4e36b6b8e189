"""Training the shipped classifier (``geopol coder train``): data, cross-validation, the artifact.

Two kinds of training file, told apart by their header:

* PLV files (``marked_sentence`` or ``sentence``, ``gold_root``): sentences with
  their PLOVER type and marked actors. Cross-validation folds run over these.
* CAMEO-coded files (``cameo``, ``sentence``), such as the CAMEO manual's
  examples: the code is read as its PLOVER type through the CAMEO→PLOVER
  crosswalk; these sentences are added to every training fold, never scored.

``holdout`` files (PLV, CAMEO-coded, or PLOVER gold-standard JSON) keep an
evaluation set clean: a training sentence sharing 30% or more of its word
trigrams with any of their texts is left out. Cross-validation is stratified
k-fold with a fixed seed, so the figures in the docs are reproducible.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np

from .. import codes
from ..errors import InputError
from .evaluate import normalise_type, read_gsr, read_plv, score
from .linear import LinearCoder

__all__ = ["load_training", "cross_validate", "train_model", "trainable", "OVERLAP"]

OVERLAP = 0.3


def trainable(coder: str) -> type[LinearCoder]:
    """The class of a coder ``geopol coder train`` can train: ``linear``, ``vectors`` or ``parsed``."""
    if coder == "linear":
        return LinearCoder
    if coder == "vectors":
        from .wordvec import VectorCoder

        return VectorCoder
    if coder == "parsed":
        from .parsed import ParsedCoder

        return ParsedCoder
    raise InputError(f"coder {coder!r} cannot be trained: use linear, vectors or parsed")


def _header(path: Path) -> list[str]:
    if not Path(path).is_file():
        raise InputError(f"no such file: {path}")
    with open(path, encoding="utf-8", newline="") as fh:
        return [c.strip().lower() for c in fh.readline().rstrip("\n").split("\t")]


def _cameo_file(path: Path) -> tuple[list[str], list[str]]:
    marked, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            code = (r.get("cameo") or "").strip()
            plover = codes.plover_for_cameo(code if len(code) >= 3 else code + "0") if code else None
            if plover and (r.get("sentence") or "").strip():
                marked.append(r["sentence"])
                labels.append(normalise_type(plover))
    return marked, labels


def _texts(path: Path) -> list[str]:
    if str(path).endswith(".json"):
        return [r["text"] for r in read_gsr(path)]
    head = _header(path)
    if "cameo" in head and "sentence" in head:
        return _cameo_file(path)[0]
    return [it.marked for it in read_plv(path)]


def _trigrams(text: str) -> set:
    w = re.findall(r"\w+", re.sub(r"</?[st]>", " ", text.lower()))
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def load_training(paths: list[Path], *, holdout: list[Path] = ()) -> tuple[list[str], list[str], list[bool]]:
    """(sentences, types, scored): ``scored`` is True for PLV rows, False for CAMEO-coded extras."""
    marked, labels, scored = [], [], []
    for p in paths:
        head = _header(p)
        if "cameo" in head and "sentence" in head:
            m, lab = _cameo_file(p)
            flag = False
        else:
            items = read_plv(p)
            m, lab, flag = [it.marked for it in items], [normalise_type(it.gold) for it in items], True
        marked += m
        labels += lab
        scored += [flag] * len(m)
    if holdout:
        held = [_trigrams(t) for p in holdout for t in _texts(p)]
        keep = []
        for k, text in enumerate(marked):
            g = _trigrams(text)
            keep.append(not g or max((len(g & h) / len(g) for h in held), default=0.0) < OVERLAP)
        marked = [x for x, k in zip(marked, keep) if k]
        labels = [x for x, k in zip(labels, keep) if k]
        scored = [x for x, k in zip(scored, keep) if k]
    if not marked:
        raise InputError("no training sentences")
    return marked, labels, scored


def cross_validate(marked: list[str], labels: list[str], scored: list[bool] | None = None, *, folds: int = 5,
                   c: float | None = None, seed: int = 0, coder: str | type[LinearCoder] = "linear"):
    """Out-of-fold predictions on the scored rows, the unscored ones in every training fold
    (``coder``: a trainable coder's name or class; ``c``: the SVM's constant, by default the coder's
    ``default_c``)."""
    from sklearn.model_selection import StratifiedKFold

    cls = trainable(coder) if isinstance(coder, str) else coder
    c = cls.default_c if c is None else c
    scored = scored or [True] * len(marked)
    idx = np.array([k for k, s in enumerate(scored) if s])
    extra = [k for k, s in enumerate(scored) if not s]
    if len(idx) < folds:
        raise InputError(f"too few scored sentences ({len(idx)}) for {folds} folds")
    y = np.array(labels, dtype=object)
    predicted = np.empty(len(idx), dtype=object)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(idx)), y[idx]):
        rows = list(idx[train]) + extra
        model = cls.train([marked[i] for i in rows], [labels[i] for i in rows], c=c)
        predicted[test] = [lab for lab, _ in model.predict([marked[i] for i in idx[test]])]
    return score(list(y[idx]), list(predicted))


def train_model(paths: list[Path], out: Path, *, c: float | None = None, folds: int = 5,
                holdout: list[Path] = (), coder: str = "linear") -> tuple[LinearCoder, object]:
    cls = trainable(coder)
    c = cls.default_c if c is None else c
    marked, labels, scored = load_training(paths, holdout=holdout)
    cv = cross_validate(marked, labels, scored, folds=folds, c=c, coder=coder) if folds > 1 else None
    meta = {"trained_on": [Path(p).name for p in paths], "held_out": [Path(p).name for p in holdout],
            "n_scored": int(sum(scored)), "n_extra": int(len(scored) - sum(scored))}
    if cv is not None:
        meta["cv"] = {"folds": folds, "accuracy": cv.accuracy, "macro_f1": cv.macro_f1,
                      "quad_accuracy": cv.quad_accuracy}
    model = cls.train(marked, labels, c=c, meta=meta)
    model.save(out)
    return model, cv
