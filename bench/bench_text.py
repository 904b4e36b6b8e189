"""Benchmark: the text pipeline's speed against the bare spaCy parse, and its coding on the CAMEO manual.

Speed: a corpus of real sentences (the CAMEO manual's 387 examples, the PLV
training sentences when ../shared/data is present, and the bundled article),
grouped into documents of 20 sentences, run through the whole pipeline
(sentences, mentions, events, relations, claims, conditionals, times) on one
process, 25 documents per batch as ``geopol ingest`` does; the ceiling, measured in the same run, is spaCy's ``nlp.pipe`` over
the same sentences with the same model (every component). Printed: sentences
per second of each and their ratio (target: at least 0.5 and 100 sentences/s; every sentence is parsed); also the stock
spaCy pipeline as shipped (its own attribute ruler, which geopol's parse
replaces by lookups: ``text/attributes.py``) and the ratios to it.

Quality: over the 387 CAMEO manual examples (each one document dated
2000-01-01), the share for which the pipeline finds an event of the
example's CAMEO root (recall), and, among examples with any event, the share
whose first event has that root (precision). When ../shared/data is present,
also ConfliBERT's 234 CAMEO test sentences (real news, each labelled with a
Phoenix quad class, 0 neutral to 4 material conflict; GPL-3.0, read for
measuring only, nothing derived from them ships), each one document dated
2010-01-01: the share for which an event the scorer counts (not negated,
hypothetical or conditional) has the labelled quad, and the share of those
with such an event whose first has it, for the even rows (read while writing
rules) and the odd rows (not read) apart.

Run: python3 bench/bench_text.py
"""

from __future__ import annotations

import csv
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from geopol.actors import Registry  # noqa: E402
from geopol.ingest import text_source  # noqa: E402
from geopol.text.parse import load_nlp  # noqa: E402
from geopol.text.pipeline import DEFAULT_STAGES, Pipeline  # noqa: E402
from geopol.text.segment import split_sentences  # noqa: E402

EXAMPLES = ROOT / "tests" / "data" / "cameo_manual_examples.tsv"
PLV = ROOT.parent / "shared" / "data" / "coding" / "PLV_train.tsv"
CONFLIBERT = ROOT.parent / "shared" / "data" / "coding" / "conflibert_cameo_class_test.dev.tsv"
UNCOUNTED = ("negated", "hypothetical", "conditional")  # moods the article scorer does not count


def corpus() -> list[str]:
    with open(EXAMPLES, encoding="utf-8") as fh:
        sents = [r["sentence"] for r in csv.DictReader(fh, delimiter="\t")]
    if PLV.is_file():
        with open(PLV, encoding="utf-8") as fh:
            sents += [r["sentence"] for r in csv.DictReader(fh, delimiter="\t") if r["sentence"]]
    article = (ROOT / "examples" / "china-north-korea-ties.txt").read_text(encoding="utf-8")
    sents += [article[s:e] for s, e, _ in split_sentences(article)]
    return sents


def main() -> None:
    sents = corpus()
    docs = [" ".join(sents[k:k + 20]) for k in range(0, len(sents), 20)]
    registry = Registry.default()
    pipe = Pipeline(DEFAULT_STAGES, registry=registry)
    nlp = load_nlp()
    list(nlp.pipe(sents[:50]))  # load the model before either clock starts
    list(pipe.run(text_source(docs[0]), day=date(2000, 1, 1), text=docs[0]))

    t = time.perf_counter()
    n_sent = events = 0
    for k in range(0, len(docs), 25):  # as ingest does: 25 documents per batch
        batch = [(text_source(d), date(2000, 1, 1), d) for d in docs[k:k + 25]]
        for pieces in pipe.run_many(batch):
            for chunk in pieces:
                n_sent += len(chunk.sentences)
                events += len(chunk.events)
    pipeline_s = time.perf_counter() - t

    t = time.perf_counter()
    for _ in nlp.pipe(sents, batch_size=64):
        pass
    bare_s = time.perf_counter() - t
    import spacy

    from geopol.text.parse import DEFAULT_MODEL

    stock = spacy.load(DEFAULT_MODEL, disable=["ner"])  # as shipped: spaCy's own attribute ruler
    list(stock.pipe(sents[:50]))
    t = time.perf_counter()
    for _ in stock.pipe(sents, batch_size=64):
        pass
    stock_rate = len(sents) / (time.perf_counter() - t)
    pipe_rate, bare_rate = n_sent / pipeline_s, len(sents) / bare_s
    print(f"corpus: {len(sents)} sentences in {len(docs)} documents; the pipeline found {n_sent} sentences, "
          f"{events} events")
    print(f"pipeline: {pipe_rate:.0f} sentences/s; bare spaCy parse (ceiling): {bare_rate:.0f} sentences/s; "
          f"ratio {pipe_rate / bare_rate:.2f} (target >= 0.5, and >= 100 sentences/s)")
    print(f"stock spaCy pipeline (its own attribute ruler): {stock_rate:.0f} sentences/s; pipeline / stock "
          f"{pipe_rate / stock_rate:.2f}; geopol's parse / stock {bare_rate / stock_rate:.2f}")

    with open(EXAMPLES, encoding="utf-8") as fh:
        examples = [(r["cameo"], r["sentence"]) for r in csv.DictReader(fh, delimiter="\t")]
    with_event = first_right = found = 0
    for code, text in examples:
        evs = [e for ch in pipe.run(text_source(text), day=date(2000, 1, 1), text=text) for e in ch.events]
        roots = [e.cameo[:2] for e in evs]
        if evs:
            with_event += 1
            first_right += roots[0] == code[:2]
        found += code[:2] in roots
    print(f"CAMEO manual examples: {len(examples)}; recall (an event of the example's root) "
          f"{found / len(examples):.3f}; precision (first event's root right, of {with_event} with an event) "
          f"{first_right / max(with_event, 1):.3f}")
    if CONFLIBERT.is_file():
        conflibert(pipe)


def conflibert(pipe) -> None:
    from geopol.codes import quad_class

    rows = []
    for line in CONFLIBERT.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        rows.append((text, int(label)))
    for name, part in (("even rows (read)", rows[0::2]), ("odd rows (not read)", rows[1::2])):
        hit = first = with_event = 0
        for text, label in part:
            quads = [quad_class(e.cameo, convention="phoenix") for ch in pipe.run(
                text_source(text), day=date(2010, 1, 1), text=text) for e in ch.events if e.modality not in UNCOUNTED]
            hit += label in quads
            if quads:
                with_event += 1
                first += quads[0] == label
        print(f"ConfliBERT test sentences, {name}: {len(part)}; quad recall {hit / len(part):.3f}; first-event "
              f"quad precision {first / max(with_event, 1):.3f} (of {with_event} with an event)")


if __name__ == "__main__":
    main()
