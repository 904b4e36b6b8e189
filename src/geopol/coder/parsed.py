"""The linear classifier with the dependency parse as a fourth view (coder ``parsed``).

The n-gram views (:mod:`geopol.coder.features`) see which words occur; the
parse says which of them links the source to the target. The masked sentence
(actors replaced by ``Src`` and ``Tgt``) is parsed with the pipeline's spaCy
model and described by tokens such as:

* ``LCA=condemn`` — the lowest word governing both actors, usually the
  predicate; ``LCAPOS=VERB``;
* ``SPATH=nsubj``, ``TPATH=pobj_prep`` — the dependency labels from each actor
  up to it; ``ONPATH=`` the words on the way (``decision`` in "faulted Tgt's
  decision");
* ``LCA_neg=not``, ``LCA2=send_dobj_troop`` — its negation, particles, objects,
  complements and auxiliaries;
* ``SHEAD=nsubj_condemn`` — how each actor attaches to its head;
* ``ROOT=`` and ``V=`` — the sentence's root and its verbs' lemmas.

Measured (5-fold CV on PLV_train, 4 seeds; docs/coder.md): 0.825 accuracy and
0.895 quad accuracy against 0.809 and 0.882 for the n-grams alone, at the
cost of a parse (~400 sentences per second instead of ~16,000).

>>> nlp = __import__("geopol.text.parse", fromlist=["load_nlp"]).load_nlp()
>>> print(dependency_view(nlp("Src has condemned Tgt.")))
ROOT=condemn LCA=condemn LCAPOS=VERB SPATH=nsubj TPATH=dobj SDEP=nsubj_condemn TDEP=dobj_condemn LCA_aux=have LCA2=condemn_aux_have LCA_dobj=tgt LCA2=condemn_dobj_tgt SHEAD=nsubj_condemn THEAD=dobj_condemn V=condemn
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse

from .features import FEATURE_VERSION, N_FEATURES, featurize, mask
from .linear import LinearCoder, default_artifact

__all__ = ["DEP_VERSION", "ParsedCoder", "dependency_view", "featurize_parsed"]

DEP_VERSION = 1
_KEPT = ("neg", "prt", "dobj", "xcomp", "ccomp", "prep", "attr", "acomp", "aux", "auxpass")


def _up(tok) -> list:
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def dependency_view(doc) -> str:
    """The parse of a masked sentence (``Src``/``Tgt`` placeholders) as space-separated feature tokens."""
    f = [f"ROOT={t.lemma_.lower()}" for t in doc if t.dep_ == "ROOT"]
    src = next((t for t in doc if t.text == "Src"), None)
    tgt = next((t for t in doc if t.text == "Tgt"), None)
    if src is not None and tgt is not None:
        ps, pt = _up(src), _up(tgt)
        on_t = {t.i for t in pt}
        lca = next((t for t in ps if t.i in on_t), None)
        if lca is not None:
            up_s = ps[:[t.i for t in ps].index(lca.i)]
            up_t = pt[:[t.i for t in pt].index(lca.i)]
            lemma = lca.lemma_.lower()
            f += [f"LCA={lemma}", f"LCAPOS={lca.pos_}", "SPATH=" + "_".join(t.dep_ for t in up_s),
                  "TPATH=" + "_".join(t.dep_ for t in up_t)]
            f += [f"ONPATH={t.lemma_.lower()}" for t in up_s[1:] + up_t[1:]]
            if up_s:
                f.append(f"SDEP={up_s[-1].dep_}_{lemma}")
            if up_t:
                f.append(f"TDEP={up_t[-1].dep_}_{lemma}")
            for c in lca.children:
                if c.dep_ in _KEPT:
                    f += [f"LCA_{c.dep_}={c.lemma_.lower()}", f"LCA2={lemma}_{c.dep_}_{c.lemma_.lower()}"]
    for tok, tag in ((src, "S"), (tgt, "T")):
        if tok is not None:
            f.append(f"{tag}HEAD={tok.dep_}_{tok.head.lemma_.lower()}")
    f += [f"V={t.lemma_.lower()}" for t in doc if t.pos_ == "VERB"]
    return " ".join(f)


_HASHER = None


def featurize_parsed(marked: list[str]) -> sparse.csr_matrix:
    """The n-gram views of :func:`~geopol.coder.features.featurize` and the dependency view: ``4 * N_FEATURES``."""
    global _HASHER
    from ..text.parse import load_nlp

    if _HASHER is None:
        from sklearn.feature_extraction.text import HashingVectorizer

        _HASHER = HashingVectorizer(n_features=N_FEATURES, token_pattern=r"\S+", lowercase=False,
                                    alternate_sign=False, norm=None)
    masked = [" ".join(mask(m).replace(" SRC ", " Src ").replace(" TGT ", " Tgt ").split()) for m in marked]
    docs = load_nlp().pipe(masked, batch_size=256)
    dep = _HASHER.transform([dependency_view(d) for d in docs])
    return sparse.hstack([featurize(marked), dep], format="csr", dtype=np.float64)


class ParsedCoder(LinearCoder):
    """:class:`~geopol.coder.linear.LinearCoder` over n-grams and the dependency parse."""

    name = "parsed"
    feature_version = f"{FEATURE_VERSION}+dep{DEP_VERSION}"

    @staticmethod
    def features(marked: list[str]) -> sparse.csr_matrix:
        return featurize_parsed(marked)

    @staticmethod
    def default_artifact() -> Path:
        return default_artifact("plover_parsed.npz")
