"""Features for event typing: hashed word and character n-grams of the sentence and of the words between its actors.

The source and target, when marked (``<s>…</s>``, ``<t>…</t>``, the PLV
format), are replaced by the placeholders ``SRC`` and ``TGT``, so the model
learns what was done rather than who did it; the words between them (the
predicate, usually) form a second view, with its direction (``REV`` when the
target comes first). Hashing keeps the model free of any vocabulary: the
shipped artifact holds numbers only, no text of its training material.

>>> mask("<s>Iran</s> has condemned <t>the court</t>.")
' SRC  has condemned  TGT .'
>>> between(mask("<t>Seoul</t> was warned by <s>Pyongyang</s>"))
' TGT  was warned by  SRC  REV'
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse

__all__ = ["FEATURE_VERSION", "N_FEATURES", "mask", "mark", "between", "featurize"]

FEATURE_VERSION = 1
N_FEATURES = 2 ** 18  # per view
_SRC = re.compile(r"<s>.*?</s>", re.S)
_TGT = re.compile(r"<t>.*?</t>", re.S)


def mask(marked: str) -> str:
    """The sentence with its marked source and target replaced by ``SRC`` and ``TGT``."""
    return _TGT.sub(" TGT ", _SRC.sub(" SRC ", marked))


def mark(sentence: str, source: tuple[int, int] | None, target: tuple[int, int] | None) -> str:
    """Mark character spans of the source and target in the PLV style."""
    spans = [(sp[0], sp[1], tag) for sp, tag in ((source, "s"), (target, "t")) if sp is not None]
    out, last = [], 0
    for s, e, tag in sorted(spans):
        if s < last:
            continue  # overlapping spans: keep the first
        out += [sentence[last:s], f"<{tag}>", sentence[s:e], f"</{tag}>"]
        last = e
    out.append(sentence[last:])
    return "".join(out)


def between(masked: str) -> str:
    """The words from one placeholder to the other (the whole sentence when either is missing)."""
    a, b = masked.find(" SRC "), masked.find(" TGT ")
    if a < 0 or b < 0:
        return masked
    lo, hi = sorted((a, b))
    return masked[lo:hi + 5] + (" REV" if b < a else "")


def _vectorizers():
    from sklearn.feature_extraction.text import HashingVectorizer

    def h(ngrams, analyzer="word"):
        return HashingVectorizer(n_features=N_FEATURES, ngram_range=ngrams, analyzer=analyzer,
                                 alternate_sign=False, norm=None)

    # (view, vectorizer, weight)
    return (("sentence", h((1, 2)), 1.0), ("between", h((1, 3)), 1.0), ("between", h((3, 5), "char_wb"), 0.5))


_VECTORIZERS = None


def featurize(marked: list[str]) -> sparse.csr_matrix:
    """Raw term counts, one row per (marked or plain) sentence, ``3 * N_FEATURES`` columns."""
    global _VECTORIZERS
    if _VECTORIZERS is None:
        _VECTORIZERS = _vectorizers()
    masked = [mask(m) for m in marked]
    views = {"sentence": masked, "between": [between(m) for m in masked]}
    blocks = [vec.transform(views[view]) * w for view, vec, w in _VECTORIZERS]
    x = sparse.hstack(blocks, format="csr", dtype=np.float64)
    x.eliminate_zeros()
    return x
