"""The linear classifier with the dependency parse as a fourth view and word vectors (coder ``parsed``).

The n-gram views (:mod:`geopol.coder.features`) see which words occur; the
parse says which of them links the source to the target. The masked sentence
(actors replaced by ``Src`` and ``Tgt``), from five words before the first
actor to five after the second (:func:`parse_window`; the n-grams still see
it all), is parsed with the pipeline's spaCy model and described by tokens
such as:

* ``LCA=condemn`` — the lowest word governing both actors, usually the
  predicate; ``LCAPOS=VERB``;
* ``SPATH=nsubj``, ``TPATH=pobj_prep`` — the dependency labels from each actor
  up to it; ``ONPATH=`` the words on the way (``decision`` in "faulted Tgt's
  decision");
* ``LCA_neg=not``, ``LCA2=send_dobj_troop`` — its negation, particles, objects,
  complements and auxiliaries;
* ``SHEAD=nsubj_condemn`` — how each actor attaches to its head;
* ``ROOT=`` and ``V=`` — the window's root and its verbs' lemmas.

The n-grams and the parse know only words seen in training. Three dense
views add what a word means (:func:`vector_views`, static word-piece vectors
from :mod:`geopol.coder.vectors`): the sentence without its actors, the words
from one actor to the other, and the parse's verbs, objects and path words,
each a unit vector scaled by ``VECTOR_SCALE`` (:mod:`~geopol.coder.wordvec`) and appended to the unit-length
TF-IDF row, so one SVM (C = 2) weighs all four views.

Measured (5-fold CV on PLV_train with the CAMEO manual's examples in every
training fold, 4 seeds; docs/coder.md): 0.853 accuracy and 0.922 quad
accuracy, against 0.824 / 0.893 without the vectors and 0.809 / 0.882 for the
n-grams alone, at the cost of a parse (a few hundred sentences per second on
one core instead of ~10,000).

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
from .vectors import VECTORS_VERSION
from .wordvec import embed_views, text_views

__all__ = ["DEP_VERSION", "PARSE_WINDOW", "ParsedCoder", "dependency_view", "featurize_parsed", "parse_window",
           "vector_views"]

DEP_VERSION = 2  # 2: the parse sees the words from PARSE_WINDOW before the first actor to as many after the second
PARSE_WINDOW = 5
_KEPT = ("neg", "prt", "dobj", "xcomp", "ccomp", "prep", "attr", "acomp", "aux", "auxpass")


def _up(tok) -> list:
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _lazy_lemma(nlp):
    """Lemmatise only the tokens asked for, as the pipeline's lemmatizer would (it runs disabled):
    the few tokens of a view instead of every token of the sentence."""
    lem = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lem is None:
        return _lemma

    def lemma(tok) -> str:
        if tok.lemma and not lem.overwrite:
            return tok.lemma_.lower()
        return lem.lemmatize(tok)[0].lower()

    return lemma


def dependency_view(doc, lemma=None) -> str:
    """The parse of a masked sentence (``Src``/``Tgt`` placeholders) as space-separated feature tokens
    (``lemma``: a token's lower-case lemma, by default its ``lemma_``)."""
    lemma = lemma or _lemma
    f = [f"ROOT={lemma(t)}" for t in doc if t.dep_ == "ROOT"]
    src = next((t for t in doc if t.text == "Src"), None)
    tgt = next((t for t in doc if t.text == "Tgt"), None)
    if src is not None and tgt is not None:
        ps, pt = _up(src), _up(tgt)
        on_t = {t.i for t in pt}
        lca = next((t for t in ps if t.i in on_t), None)
        if lca is not None:
            up_s = ps[:[t.i for t in ps].index(lca.i)]
            up_t = pt[:[t.i for t in pt].index(lca.i)]
            head = lemma(lca)
            f += [f"LCA={head}", f"LCAPOS={lca.pos_}", "SPATH=" + "_".join(t.dep_ for t in up_s),
                  "TPATH=" + "_".join(t.dep_ for t in up_t)]
            f += [f"ONPATH={lemma(t)}" for t in up_s[1:] + up_t[1:]]
            if up_s:
                f.append(f"SDEP={up_s[-1].dep_}_{head}")
            if up_t:
                f.append(f"TDEP={up_t[-1].dep_}_{head}")
            for c in lca.children:
                if c.dep_ in _KEPT:
                    f += [f"LCA_{c.dep_}={lemma(c)}", f"LCA2={head}_{c.dep_}_{lemma(c)}"]
    for tok, tag in ((src, "S"), (tgt, "T")):
        if tok is not None:
            f.append(f"{tag}HEAD={tok.dep_}_{lemma(tok.head)}")
    f += [f"V={lemma(t)}" for t in doc if t.pos_ == "VERB"]
    return " ".join(f)


_HASHER = None
_WORDS = ("V=", "LCA_dobj=", "ONPATH=")  # dependency tokens whose words form the third vector view


def parse_window(masked: str, k: int = PARSE_WINDOW) -> str:
    """The words of a masked sentence from ``k`` before its first actor to ``k`` after its last (all of them
    when it has fewer than two): what the parse is asked about, at ~1.6 times the speed of the whole sentence.

    >>> parse_window("In a statement on Monday , Src condemned Tgt for the attack on its border posts .")
    'a statement on Monday , Src condemned Tgt for the attack on its'
    """
    words = masked.split()
    at = [i for i, w in enumerate(words) if w.startswith(("Src", "Tgt"))]
    if len(at) < 2:
        return " ".join(words)
    return " ".join(words[max(0, at[0] - k):at[-1] + k + 1])


def _dependency_views(marked: list[str]) -> list[str]:
    from ..text.parse import load_nlp

    nlp = load_nlp()
    masked = [parse_window(mask(m).replace(" SRC ", " Src ").replace(" TGT ", " Tgt ")) for m in marked]
    lemma, off = _lazy_lemma(nlp), [n for n in ("lemmatizer",) if n in nlp.pipe_names]
    return [dependency_view(d, lemma) for d in nlp.pipe(masked, batch_size=256, disable=off)]


def _hashed(views: list[str]) -> sparse.csr_matrix:
    global _HASHER
    if _HASHER is None:
        from sklearn.feature_extraction.text import HashingVectorizer

        _HASHER = HashingVectorizer(n_features=N_FEATURES, token_pattern=r"\S+", lowercase=False,
                                    alternate_sign=False, norm=None)
    return _HASHER.transform(views)


def featurize_parsed(marked: list[str], views: list[str] | None = None) -> sparse.csr_matrix:
    """The n-gram views of :func:`~geopol.coder.features.featurize` and the dependency view (``views``, when
    already computed): ``4 * N_FEATURES`` columns."""
    views = _dependency_views(marked) if views is None else views
    return sparse.hstack([featurize(marked), _hashed(views)], format="csr", dtype=np.float64)


def vector_views(marked: list[str], views: list[str]) -> np.ndarray:
    """Static word-piece vectors (:mod:`~geopol.coder.vectors`) of three views, each unit length, scaled:
    the sentence without its actors, the words from one actor to the other, and the parse's words (verbs,
    the governing word's object, words on the actors' paths)."""
    words = [" ".join(t.split("=", 1)[1] for t in v.split() if t.startswith(_WORDS)) for v in views]
    return embed_views(*text_views(marked), words)


class ParsedCoder(LinearCoder):
    """:class:`~geopol.coder.linear.LinearCoder` over n-grams, the dependency parse and static word vectors."""

    name = "parsed"
    feature_version = f"{FEATURE_VERSION}+dep{DEP_VERSION}+vec{VECTORS_VERSION}"
    default_c = 2.0

    @staticmethod
    def features(marked: list[str]) -> sparse.csr_matrix:
        return featurize_parsed(marked)

    @classmethod
    def design(cls, marked: list[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
        views = _dependency_views(marked)
        return featurize_parsed(marked, views), vector_views(marked, views)

    @staticmethod
    def default_artifact() -> Path:
        return default_artifact("plover_parsed.npz")
