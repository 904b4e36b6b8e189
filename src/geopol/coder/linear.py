"""A linear event-type classifier over hashed n-grams: trained by ``geopol coder train``, shipped as numbers only.

Scoring is TF-IDF (sublinear term frequency, L2-normalised rows) followed by
one linear function per PLOVER type (a linear support vector machine,
one-vs-rest). The artifact (``coder/data/plover_linear.npz``) stores the idf
and weights of the feature columns seen in training, the intercepts, the
class names and the feature version; no pickle, so loading runs no code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from scipy import sparse

from ..errors import InputError
from .features import FEATURE_VERSION, featurize

__all__ = ["LinearCoder", "default_artifact"]

def default_artifact(name: str = "plover_linear.npz") -> Path:
    """A model shipped in the package (``coder/data/``)."""
    return Path(str(resources.files(__package__).joinpath("data").joinpath(name)))


@dataclass(frozen=True)
class LinearCoder:
    """Scores PLOVER event types for sentences (plain, or PLV-marked with ``<s>``/``<t>``)."""

    classes: tuple[str, ...]
    columns: np.ndarray    # feature columns seen in training (int64, sorted)
    idf: np.ndarray        # their idf
    weights: np.ndarray    # (classes, columns)
    intercept: np.ndarray  # (classes,)
    meta: dict
    dense_weights: np.ndarray | None = None  # (classes, dense features), for coders with a dense view

    name = "linear"
    feature_version = FEATURE_VERSION
    default_c = 1.0  # the SVM's C, chosen by cross-validation (docs/coder.md)

    @staticmethod
    def features(marked: list[str]) -> sparse.csr_matrix:
        """Raw feature counts for sentences (subclasses add views)."""
        return featurize(marked)

    @classmethod
    def design(cls, marked: list[str]) -> tuple[sparse.csr_matrix, np.ndarray | None]:
        """Raw counts (TF-IDF-weighted later) and dense features taken as they are (None: no dense view)."""
        return cls.features(marked), None

    @staticmethod
    def default_artifact() -> Path:
        return default_artifact()

    @classmethod
    @lru_cache(maxsize=4)
    def load(cls, path: Path | str | None = None) -> "LinearCoder":
        path = Path(path) if path is not None else cls.default_artifact()
        try:
            z = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read coder model {path}: {exc}") from None
        meta = json.loads(str(z["meta"]))
        if meta.get("feature_version") != cls.feature_version:
            raise InputError(f"coder model {path} was built for feature version {meta.get('feature_version')}, "
                             f"the {cls.name} coder uses {cls.feature_version}: retrain it with "
                             f"`geopol coder train --coder {cls.name}`")
        dense = z["dense_weights"] if "dense_weights" in z.files else None
        return cls(classes=tuple(str(c) for c in z["classes"]), columns=z["columns"], idf=z["idf"],
                   weights=z["weights"], intercept=z["intercept"], meta=meta, dense_weights=dense)

    @classmethod
    def train(cls, marked: list[str], labels: list[str], *, c: float | None = None,
              meta: dict | None = None) -> "LinearCoder":
        from sklearn.feature_extraction.text import TfidfTransformer
        from sklearn.svm import LinearSVC

        c = cls.default_c if c is None else c
        x, dense = cls.design(marked)
        tfidf = TfidfTransformer(sublinear_tf=True).fit(x)
        design = tfidf.transform(x)
        if dense is not None:
            design = sparse.hstack([design, dense], format="csr")
        svm = LinearSVC(C=c, random_state=0).fit(design, labels)
        columns = np.flatnonzero(np.asarray((x > 0).sum(axis=0)).ravel())
        coef = svm.coef_ if len(svm.classes_) > 2 else np.vstack([-svm.coef_[0], svm.coef_[0]])
        icpt = svm.intercept_ if len(svm.classes_) > 2 else np.array([-svm.intercept_[0], svm.intercept_[0]])
        return cls(classes=tuple(svm.classes_), columns=columns.astype(np.int64),
                   idf=tfidf.idf_[columns].astype(np.float32), weights=coef[:, columns].astype(np.float32),
                   intercept=icpt.astype(np.float32),
                   meta={"coder": cls.name, "feature_version": cls.feature_version, "C": c,
                         "n_train": len(labels), **(meta or {})},
                   dense_weights=None if dense is None else coef[:, x.shape[1]:].astype(np.float32))

    def save(self, path: Path | str) -> None:
        dense = {} if self.dense_weights is None else {"dense_weights": self.dense_weights}
        np.savez_compressed(path, classes=np.array(self.classes), columns=self.columns, idf=self.idf,
                            weights=self.weights, intercept=self.intercept, meta=np.array(json.dumps(self.meta)),
                            **dense)

    def scores(self, marked: list[str]) -> np.ndarray:
        """Decision values, one row per sentence, one column per class."""
        x, dense = self.design(marked)
        x = sparse.csr_matrix(x)
        x.eliminate_zeros()
        # TF-IDF as fitted in training: a term never seen there has the largest idf, ln(1 + n) + 1, and
        # counts in the row's length (so a sentence of mostly new words leans less on its known ones)
        # though it has no weight.
        pos = np.minimum(np.searchsorted(self.columns, x.indices), len(self.columns) - 1)
        seen = self.columns[pos] == x.indices
        idf = np.where(seen, self.idf[pos].astype(np.float64), np.log(1.0 + self.meta.get("n_train", 1)) + 1.0)
        values = (np.log(x.data) + 1.0) * idf
        rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
        norms = np.sqrt(np.bincount(rows, weights=values ** 2, minlength=x.shape[0]))
        norms[norms == 0] = 1.0
        known = sparse.csr_matrix(((values / norms[rows])[seen], (rows[seen], pos[seen])),
                                  shape=(x.shape[0], len(self.columns)))
        s = np.asarray(known @ self.weights.T.astype(np.float64)) + self.intercept
        if self.dense_weights is not None:
            s += dense @ self.dense_weights.T.astype(np.float64)
        return s

    def predict(self, marked: list[str]) -> list[tuple[str, float]]:
        """(type, margin over the runner-up) per sentence; the margin serves as confidence."""
        if not marked:
            return []
        s = self.scores(marked)
        order = np.argsort(-s, axis=1)
        rows = np.arange(len(marked))
        margin = s[rows, order[:, 0]] - s[rows, order[:, 1]]
        return [(self.classes[k], float(m)) for k, m in zip(order[:, 0], margin)]
