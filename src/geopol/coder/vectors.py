"""Static word-piece vectors: what a word means, for words the training sentences never showed.

The n-gram and parse views only know words seen in training; with about a
thousand labelled sentences, "denounced" or "donations" may be new. These
vectors give every English word a meaning learnt elsewhere: the input
(word-piece) embeddings of the all-MiniLM-L6-v2 sentence encoder, reduced to
256 dimensions by PCA and shipped as numbers in
``coder/data/wordpiece_vectors.npz`` (built by
``scripts/build_wordpiece_vectors.py``; provenance and licence in
``coder/data/PROVENANCE.md``). No transformer runs here: a text becomes the
weighted mean of its word pieces' vectors, the weight growing with a piece's
rank in the vocabulary (a frequency proxy, so "the" weighs little), then
L2-normalised. Word pieces come from BERT's uncased WordPiece rules,
reimplemented below (:func:`wordpieces`) so nothing but NumPy is needed.

>>> v = load_vectors()
>>> v.pieces("Pyongyang's donations")
['p', '##yon', '##gy', '##ang', "'", 's', 'donations']
>>> float(round(v.embed(["troops"])[0] @ v.embed(["soldiers"])[0], 2)) > 0.5
True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import InputError

__all__ = ["VECTORS_VERSION", "StaticVectors", "load_vectors", "basic_tokens"]

VECTORS_VERSION = 1
_MAX_CHARS = 100


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased basic tokenisation: cleaned, lower-cased, accents stripped, split at spaces and punctuation."""
    chars = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r"):
            continue
        if _is_cjk(cp):
            chars += [" ", ch, " "]
        elif ch.isspace() or unicodedata.category(ch) == "Zs":
            chars.append(" ")
        else:
            chars.append(ch)
    out = []
    for word in "".join(chars).lower().split():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        piece = []
        for ch in word:
            if _is_punct(ch):
                if piece:
                    out.append("".join(piece))
                    piece = []
                out.append(ch)
            else:
                piece.append(ch)
        if piece:
            out.append("".join(piece))
    return out


@dataclass(frozen=True)
class StaticVectors:
    """Word-piece vocabulary, one vector and one weight per piece."""

    vocab: dict[str, int]
    vectors: np.ndarray  # (pieces, dims) float16
    weights: np.ndarray  # (pieces,) float32
    unknown: int

    def __hash__(self) -> int:  # identity: one table per artifact
        return id(self)

    @lru_cache(maxsize=65536)
    def word_ids(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first WordPiece ids of one basic token."""
        if len(word) > _MAX_CHARS:
            return (self.unknown,)
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    found = self.vocab[sub]
                    break
                end -= 1
            if found is None:
                return (self.unknown,)
            ids.append(found)
            start = end
        return tuple(ids)

    @lru_cache(maxsize=65536)
    def chunk_ids(self, chunk: str) -> tuple[int, ...]:
        """Ids of one whitespace-free chunk of text (cached: chunks recur, so each is tokenised once)."""
        return tuple(i for w in basic_tokens(chunk) for i in self.word_ids(w))

    def ids(self, text: str) -> list[int]:
        return [i for chunk in text.split() for i in self.chunk_ids(chunk)]

    def pieces(self, text: str) -> list[str]:
        inverse = {i: p for p, i in self.vocab.items()}
        return [inverse[i] for i in self.ids(text)]

    def embed(self, texts: list[str]) -> np.ndarray:
        """Weighted mean of the pieces' vectors per text, L2-normalised (zeros for a text without pieces)."""
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float64)
        for k, text in enumerate(texts):
            ids = self.ids(text)
            if ids:
                w = self.weights[ids].astype(np.float64)
                out[k] = w @ self.vectors[ids].astype(np.float64)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


@lru_cache(maxsize=2)
def load_vectors(path: Path | str | None = None) -> StaticVectors:
    """The shipped word-piece vectors (or those at ``path``)."""
    from .linear import default_artifact

    path = Path(path) if path is not None else default_artifact("wordpiece_vectors.npz")
    try:
        z = np.load(path, allow_pickle=False)
        pieces = [str(p) for p in z["pieces"]]
        vectors, weights = z["vectors"], z["weights"]
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read word-piece vectors {path}: {exc}") from None
    vocab = {p: i for i, p in enumerate(pieces)}
    return StaticVectors(vocab=vocab, vectors=vectors, weights=weights, unknown=vocab.get("[UNK]", 0))
