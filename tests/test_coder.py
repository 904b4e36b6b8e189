"""The event coder: the evaluation harness's arithmetic, the shipped model's floor, and its place in the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from geopol.coder import CODERS, get_coder
from geopol.coder.evaluate import evaluate_plv, read_plv, score
from geopol.coder.features import between, mark, mask
from geopol.coder.linear import LinearCoder
from geopol.errors import InputError

DATA = Path(__file__).parent / "data"
TINY = DATA / "plv_tiny.tsv"
GSR = DATA / "PLOVER_GSR_CAMEO.dev.json"


class FixedCoder:
    """Answers from a table: lets the harness be checked against hand arithmetic."""

    name = "fixed"

    def __init__(self, answers):
        self.answers = answers

    def predict(self, marked):
        return [(self.answers[m], 1.0) for m in marked]


def test_harness_arithmetic_on_a_hand_made_file():
    items = read_plv(TINY)
    assert [it.gold for it in items] == ["AGREE", "AGREE", "ASSAULT", "CONCEDE"]
    assert [it.quad for it in items] == [1, 1, 4, 2]
    # right, wrong type but right quad (CONSULT is verbal cooperation), wrong quad, YIELD for CONCEDE
    answers = dict(zip([it.marked for it in items], ["AGREE", "CONSULT", "THREATEN", "YIELD"]))
    s = evaluate_plv(TINY, FixedCoder(answers))
    assert s.n == 4
    assert s.accuracy == 0.5
    assert s.quad_accuracy == 0.75
    # F1: AGREE p=1 r=1/2 -> 2/3; ASSAULT 0; CONSULT 0; THREATEN 0; YIELD 1 -> mean over 5 types
    assert s.macro_f1 == round((2 / 3 + 1) / 5, 4)
    assert s.labels == ("AGREE", "ASSAULT", "CONSULT", "THREATEN", "YIELD")
    assert s.confusion[0] == (1, 0, 1, 0, 0, 0)  # AGREE row
    assert s.confusion[1] == (0, 0, 0, 1, 0, 0)  # ASSAULT row: predicted THREATEN


def test_uncoded_sentences_count_as_wrong_and_land_in_none():
    s = score(["AGREE", "REJECT"], ["AGREE", None])
    assert s.accuracy == 0.5 and s.confusion[1][-1] == 1


def test_missing_columns_are_one_clear_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("sentence\tlabel_x\nA did B.\tAGREE\n")
    with pytest.raises(InputError, match="gold_root"):
        read_plv(bad)


def test_cli_json_contract(cli):
    code, out, _ = cli("eval", "plv", str(TINY), "--format", "json")
    assert code == 0
    d = json.loads(out)
    for key in ("accuracy", "macro_f1", "quad_accuracy", "n", "sentences_per_second"):
        assert key in d
    assert d["n"] == 4


def test_cli_bad_file_is_one_line(cli):
    code, _, err = cli("eval", "plv", "no-such.tsv")
    assert code == 1
    assert err.strip().startswith("error:") and len(err.strip().splitlines()) == 1


def test_features_mask_and_mark():
    m = mark("Seoul was warned by Pyongyang.", (20, 29), (0, 5))
    assert m == "<t>Seoul</t> was warned by <s>Pyongyang</s>."
    assert between(mask(m)).endswith("REV")


@pytest.mark.parametrize("coder, floor, quad_floor", [("parsed", 0.67, 0.8), ("vectors", 0.69, 0.8),
                                                      ("linear", 0.62, 0.78)])
def test_shipped_model_scores_above_its_floor_on_held_out_gold_records(cli, coder, floor, quad_floor):
    # The GSR records (and training sentences overlapping them) were kept out of training; measured
    # (type, quad, source accuracy): parsed 0.75, 0.85, 0.84; vectors 0.74, 0.85, 0.84; linear 0.69, 0.84,
    # 0.84. One record is
    # 1.6 points; the floors sit three records below.
    d = json.loads(cli("eval", "gsr", str(GSR), "--format", "json", "--coder", coder)[1])
    assert d["n"] == 61 and d["coder"] == coder
    assert d["accuracy"] >= floor
    assert d["source_accuracy"] >= 0.7
    assert d["quad_accuracy"] >= quad_floor


def test_model_round_trip_and_retraining(tmp_path):
    marked = [it.marked for it in read_plv(TINY)] * 3
    labels = ["AGREE", "AGREE", "ASSAULT", "YIELD"] * 3
    model = LinearCoder.train(marked, labels)
    path = tmp_path / "m.npz"
    model.save(path)
    again = LinearCoder.load(path)
    assert again.predict(marked[:4]) == model.predict(marked[:4])
    assert [lab for lab, _ in again.predict(marked[:4])] == labels[:4]


def test_parsed_coder_round_trip_and_its_own_feature_version(tmp_path):
    from geopol.coder.parsed import ParsedCoder

    marked = [it.marked for it in read_plv(TINY)] * 3
    labels = ["AGREE", "AGREE", "ASSAULT", "YIELD"] * 3
    model = ParsedCoder.train(marked, labels)
    assert model.weights.shape[1] == len(model.columns) and model.columns.max() >= 3 * 2 ** 18  # the parse view
    assert model.dense_weights.shape == (3, 3 * 256)  # three word-vector views
    path = tmp_path / "p.npz"
    model.save(path)
    again = ParsedCoder.load(path)
    assert np.array_equal(again.dense_weights, model.dense_weights)
    assert np.allclose(again.scores(marked[:4]), model.scores(marked[:4]))
    assert [lab for lab, _ in again.predict(marked[:4])] == labels[:4]
    with pytest.raises(InputError, match="feature version"):  # an n-gram model is not a parsed one
        LinearCoder.load(path)


def test_vector_coder_round_trip_without_a_parse(tmp_path):
    from geopol.coder.parsed import ParsedCoder
    from geopol.coder.wordvec import VectorCoder

    marked = [it.marked for it in read_plv(TINY)] * 3
    labels = ["AGREE", "AGREE", "ASSAULT", "YIELD"] * 3
    model = VectorCoder.train(marked, labels)
    assert model.columns.max() < 3 * 2 ** 18  # n-gram views only, no parse view
    assert model.dense_weights.shape == (3, 2 * 256)  # the sentence and the words between the actors
    path = tmp_path / "v.npz"
    model.save(path)
    again = VectorCoder.load(path)
    assert np.allclose(again.scores(marked[:4]), model.scores(marked[:4]))
    assert [lab for lab, _ in again.predict(marked[:4])] == labels[:4]
    with pytest.raises(InputError, match="feature version"):
        ParsedCoder.load(path)


def test_coders_are_registered_and_swappable():
    assert {"rules", "linear", "vectors", "parsed", "hybrid"} <= set(CODERS)
    with pytest.raises(InputError, match="unknown coder"):
        get_coder("nope")


def test_train_command_reports_cross_validation(cli, tmp_path):
    rows = TINY.read_text().splitlines()
    big = tmp_path / "train.tsv"
    big.write_text("\n".join([rows[0]] + rows[1:] * 5) + "\n")
    code, _, err = cli("coder", "train", str(big), "--out", str(tmp_path / "m.npz"), "--folds", "2")
    assert code == 0
    assert "cross-validated (2 folds, 20 sentences scored, 0 always in training)" in err
    assert (tmp_path / "m.npz").is_file()


def test_training_adds_cameo_coded_sentences_and_keeps_holdout_texts_out(tmp_path):
    from geopol.coder.train import load_training

    cameo = tmp_path / "cameo.tsv"
    cameo.write_text("cameo\tsentence\n"
                     "112\tZimbabwe accused the United States of blackmail in the talks on Monday.\n"
                     "042\tThe French president visited Algeria for two days of talks on trade.\n"
                     "999\tNot a CAMEO code at all, so the row is left out of training.\n")
    held = tmp_path / "held.tsv"
    held.write_text("cameo\tsentence\n112\tZimbabwe accused the United States of blackmail in the talks.\n")
    marked, labels, scored = load_training([TINY, cameo])
    assert labels[-2:] == ["ACCUSE", "CONSULT"] and scored == [True] * 4 + [False] * 2
    marked, labels, scored = load_training([TINY, cameo], holdout=[held])
    assert labels[-1:] == ["CONSULT"] and len(marked) == 5


def test_the_pipeline_takes_the_coder_by_name():
    from geopol.api import Geopol
    from geopol.store import Store

    text = (Path(__file__).resolve().parent.parent / "examples" / "china-north-korea-ties.txt").read_text()
    found = {}
    for coder in ("rules", "parsed", "vectors"):
        with Geopol(Store.open(":memory:"), stages=("segment.v1", "mentions.v1", f"facts.v1:{coder}")) as g:
            g.ingest_text(text, title="example", date="2025-01-01")
            found[coder] = set(g.store.con.execute("SELECT source, target, cameo FROM events").fetchall())
    # the classifier only adds to the lexicon's events (at margin 0.4 it adds none on this article)
    assert found["rules"] and found["rules"] <= found["parsed"] and found["rules"] <= found["vectors"]
    with pytest.raises(InputError, match="unknown coder"):
        Geopol(Store.open(":memory:"), stages=("segment.v1", "mentions.v1", "facts.v1:nope")).pipeline


def test_the_classifier_types_a_verb_the_lexicon_does_not_know():
    """A verb outside both lexicons with an actor on each side goes to the coder named in the pipeline."""
    from geopol.api import Geopol
    from geopol.coder import CODERS, register_coder
    from geopol.store import Store

    seen = []

    class Sure:  # a coder of certain opinions: what it is asked, and that its answer is used
        def predict(self, marked):
            seen.extend(marked)
            return [("ACCUSE", 1.0)] * len(marked)

    register_coder("sure-accuse")(Sure)
    try:
        with Geopol(Store.open(":memory:"), stages=("segment.v1", "mentions.v1", "facts.v1:sure-accuse")) as g:
            g.ingest_text("Japan lambasted China over the island dispute.", date="2012-09-20")
            events = [(e.source, e.target, e.cameo) for e in g.events()]
    finally:
        del CODERS["sure-accuse"]
    assert seen == ["<s>Japan</s> lambasted <t>China</t> over the island dispute."]
    assert events == [("JPN", "CHN", "110")]


def test_the_lexicon_coder_reads_the_text_pipelines_lexicon():
    got = get_coder("rules").predict([mark("Iran expelled two French diplomats.", (0, 4), (18, 24)),
                                      mark("Japan held talks with China.", (0, 5), (22, 27)),
                                      mark("Japan and China are neighbours.", (0, 5), (10, 15))])
    assert got == [("SANCTION", 1.0), ("CONSULT", 1.0), (None, 0.0)]
