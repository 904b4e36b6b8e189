"""Golden sentences from the CAMEO manual, one or more for every CAMEO root: the whole text pipeline.

Each row of tests/golden/cameo_sentences.tsv names a manual example (by its
code and opening words), the source and target an analyst codes for it, and
the CAMEO root; the pipeline must produce an event with that pair and root.
Non-state armed groups keep their own codes (CAMEO's ``REB``, ``UAF``: "Palestinian
gunmen" are ``PSEUAF``, not the Palestinian state). Rows marked ``gap`` are known misses, kept as strict expected failures so
that fixing one is noticed. The figure over all 387 manual examples is
measured by bench/bench_text.py, not asserted.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from geopol.actors import Registry
from geopol.ingest import text_source
from geopol.text.pipeline import DEFAULT_STAGES, Pipeline

DATA = Path(__file__).parent / "data" / "cameo_manual_examples.tsv"
GOLDEN = Path(__file__).parent / "golden" / "cameo_sentences.tsv"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


EXAMPLES = _rows(DATA)
CASES = _rows(GOLDEN)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(DEFAULT_STAGES, registry=Registry.default())


def _sentence(case) -> str:
    found = [e["sentence"] for e in EXAMPLES if e["cameo"] == case["cameo"] and e["sentence"].startswith(case["starts"])]
    assert len(found) == 1, case
    return found[0]


def test_the_golden_set_covers_every_cameo_root():
    passing = [c for c in CASES if not c["status"].startswith("gap")]
    assert {c["root"] for c in passing} == {f"{k:02d}" for k in range(1, 21)}  # every root by a passing case
    assert len(CASES) >= 30
    assert all(c["cameo"].startswith(c["root"]) for c in CASES)  # the manual's own code for the sentence


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c['cameo']}-{c['source']}-{c['target']}",
                                               marks=[pytest.mark.xfail(strict=True, reason=c["status"])]
                                               if c["status"].startswith("gap") else [])
                                  for c in CASES])
def test_golden_sentence(pipeline, case):
    text = _sentence(case)
    events = [e for chunk in pipeline.run(text_source(text), day=date(2000, 1, 1), text=text) for e in chunk.events]
    got = [(e.source, e.target, e.cameo[:2]) for e in events]
    assert (case["source"], case["target"], case["root"]) in got, (text, got)
    for e in events:  # every event carries its sentence
        assert e.evidence and e.evidence[0].text in text
