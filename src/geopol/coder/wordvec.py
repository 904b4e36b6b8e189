"""The linear classifier with static word vectors and no parse (coder ``vectors``).

The n-grams know only the words seen in training; the word-piece vectors of
:mod:`geopol.coder.vectors` carry what an unseen word means ("troops" near
"soldiers"). Two dense views are appended to the unit-length TF-IDF row of
:mod:`geopol.coder.features`, each a unit vector scaled by ``VECTOR_SCALE``:
the sentence without its actors, and the words from one actor to the other.
No sentence is parsed, so it keeps most of the n-gram coder's speed; the
``parsed`` coder adds a third view from the parse (:mod:`geopol.coder.parsed`).

Measured (5-fold CV on PLV_train with the CAMEO manual's examples in every
training fold, 4 seeds; docs/coder.md): 0.837 accuracy, 0.908 quad accuracy,
against 0.809 / 0.882 for the n-grams alone.

>>> v = text_views(["<s>Seoul</s> condemned <t>Pyongyang</t> on Monday."])
>>> [" ".join(x[0].split()) for x in v]
['condemned on Monday.', 'condemned']
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse

from .features import FEATURE_VERSION, between, featurize, mask
from .linear import LinearCoder, default_artifact
from .vectors import VECTORS_VERSION

__all__ = ["VECTOR_SCALE", "VectorCoder", "embed_views", "text_views"]

VECTOR_SCALE = 0.3  # weight of each unit-length vector view against the unit-length TF-IDF row


def text_views(marked: list[str]) -> tuple[list[str], list[str]]:
    """(the sentence without its actors, the words from one actor to the other) per sentence."""
    masked = [mask(m) for m in marked]
    sentence = [m.replace(" SRC ", " ").replace(" TGT ", " ") for m in masked]
    span = [between(m).replace("SRC", "").replace("TGT", "").replace("REV", "") for m in masked]
    return sentence, span


def embed_views(*views: list[str]) -> np.ndarray:
    """Each view's word-piece embedding (unit length, zeros when empty), scaled, side by side."""
    from .vectors import load_vectors

    vec = load_vectors()
    return VECTOR_SCALE * np.hstack([vec.embed(v) for v in views])


class VectorCoder(LinearCoder):
    """:class:`~geopol.coder.linear.LinearCoder` over n-grams and static word vectors."""

    name = "vectors"
    feature_version = f"{FEATURE_VERSION}+vec{VECTORS_VERSION}"
    default_c = 2.0

    @classmethod
    def design(cls, marked: list[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
        return cls.features(marked), embed_views(*text_views(marked))

    @staticmethod
    def default_artifact() -> Path:
        return default_artifact("plover_vectors.npz")
