"""Scoring a coder against gold files: PLV sentences (``geopol eval plv``) and PLOVER gold-standard records (``eval gsr``).

PLV files are tab-separated with a header; columns are read by name
(``marked_sentence`` or ``sentence``, ``gold_root``, optionally
``gold_penta`` for the quad class), since their order and extra columns vary.
PLV merges PLOVER 2.0's CONCEDE and RETREAT into YIELD, and so does the
scoring here; the gold-standard records use PLOVER 0.5 names (DEMAND, FIGHT,
DISAPPROVE, INVESTIGATE), read as their PLOVER 2.0 types.

Macro-F1 averages the per-type F1 over every type that occurs in the gold
labels or the predictions; a sentence the coder leaves uncoded counts as
wrong.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["Scores", "score", "read_plv", "evaluate_plv", "read_gsr", "evaluate_gsr", "normalise_type", "quad_of"]

_MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
_LEGACY = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# Quad classes as PLV numbers them (1 verbal cooperation … 4 material conflict).
_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2, "YIELD": 2,
         "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
         "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def normalise_type(label: str | None) -> str | None:
    """A PLOVER type name as this scoring counts it (``"concede"`` → ``"YIELD"``)."""
    if label is None:
        return None
    t = str(label).strip().upper()
    t = _LEGACY.get(t, t)
    return _MERGED.get(t, t) or None


def quad_of(label: str | None) -> int | None:
    return _QUAD.get(normalise_type(label) or "")


@dataclass(frozen=True)
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    quad_accuracy: float
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]  # rows gold, columns predicted, in ``labels`` order (then "NONE")
    per_type: dict
    seconds: float = 0.0

    @property
    def sentences_per_second(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else float("inf")

    def as_dict(self) -> dict:
        return {"n": self.n, "accuracy": self.accuracy, "macro_f1": self.macro_f1,
                "quad_accuracy": self.quad_accuracy, "sentences_per_second": round(self.sentences_per_second, 1),
                "seconds": round(self.seconds, 3), "labels": list(self.labels),
                "confusion": [list(r) for r in self.confusion], "per_type": self.per_type}


def score(gold: list[str], predicted: list[str | None], *, gold_quads: list[int | None] | None = None,
          seconds: float = 0.0) -> Scores:
    """Accuracy, macro-F1, quad-class accuracy and the confusion matrix.

    >>> s = score(["AGREE", "AGREE", "ASSAULT"], ["AGREE", "CONSULT", "ASSAULT"])
    >>> s.accuracy, round(s.macro_f1, 4), s.quad_accuracy
    (0.6667, 0.5556, 1.0)
    """
    if len(gold) != len(predicted):
        raise InputError("gold and predicted labels differ in number")
    if not gold:
        raise InputError("nothing to score: no labelled sentences")
    g = [normalise_type(x) for x in gold]
    p = [normalise_type(x) for x in predicted]
    labels = tuple(sorted({x for x in g + p if x}))
    per_type, f1s = {}, []
    for lab in labels:
        tp = sum(1 for a, b in zip(g, p) if a == lab and b == lab)
        fp = sum(1 for a, b in zip(g, p) if a != lab and b == lab)
        fn = sum(1 for a, b in zip(g, p) if a == lab and b != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        per_type[lab] = {"support": tp + fn, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}
    gq = gold_quads if gold_quads is not None else [None] * len(g)
    gq = [q if q is not None else quad_of(a) for q, a in zip(gq, g)]
    cols = labels + ("NONE",)
    index = {lab: k for k, lab in enumerate(cols)}
    confusion = [[0] * len(cols) for _ in labels]
    for a, b in zip(g, p):
        if a:
            confusion[index[a]][index[b or "NONE"]] += 1
    n = len(g)
    return Scores(n=n, accuracy=round(sum(a == b for a, b in zip(g, p)) / n, 4),
                  macro_f1=round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
                  quad_accuracy=round(sum(q is not None and q == quad_of(b) for q, b in zip(gq, p)) / n, 4),
                  labels=labels, confusion=tuple(tuple(r) for r in confusion), per_type=per_type, seconds=seconds)


@dataclass(frozen=True)
class PlvItem:
    marked: str
    gold: str
    quad: int | None


def read_plv(path: Path | str) -> list[PlvItem]:
    """The labelled sentences of a PLV-format file, columns found by header name."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(f"{path}: not a tab-separated PLV file ({str(exc).splitlines()[0]})") from None
    cols = {c.strip().lower(): c for c in df.columns}
    text_col = cols.get("marked_sentence") or cols.get("sentence")
    gold_col = cols.get("gold_root") or cols.get("label")
    if text_col is None or gold_col is None:
        raise InputError(f"{path}: a PLV file needs a 'marked_sentence' (or 'sentence') and a 'gold_root' column; "
                         f"found {', '.join(c for c in df.columns if c.strip()) or 'none'}")
    quad_col = cols.get("gold_penta")
    items = []
    for _, r in df.iterrows():
        text, gold = r[text_col], r[gold_col].strip()
        if not text.strip() or not gold:
            continue
        q = r[quad_col].strip() if quad_col else ""
        items.append(PlvItem(marked=text, gold=gold, quad=int(float(q)) if q[:1].isdigit() else None))
    if not items:
        raise InputError(f"{path}: no labelled sentences")
    return items


def evaluate_plv(path: Path | str, coder, *, limit: int | None = None) -> Scores:
    """Score ``coder`` on a PLV file; the speed counts prediction only, after the model is loaded."""
    items = read_plv(path)[:limit]
    coder.predict([items[0].marked])  # load the model before the clock starts
    t0 = time.perf_counter()
    predicted = [lab for lab, _ in coder.predict([it.marked for it in items])]
    seconds = time.perf_counter() - t0
    return score([it.gold for it in items], predicted, gold_quads=[it.quad for it in items], seconds=seconds)


def read_gsr(path: Path | str) -> list[dict]:
    """The coded records of a PLOVER gold-standard JSON list (documentation records skipped)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a JSON file ({exc})") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON list of records")
    recs = [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event") not in (None, "DOCUMENT")]
    if not recs:
        raise InputError(f"{path}: no coded records (each needs 'text' and 'event')")
    return recs


def _codes(field) -> list[str]:
    if not isinstance(field, list):
        return []
    return [str(a.get("code", "")).upper() for a in field if isinstance(a, dict) and a.get("code")]


def _actor_match(predicted: str | None, gold: list[str], igos: set[str]) -> bool:
    if predicted is None:
        return False
    return predicted in gold or ("IGO" in gold and predicted in igos)


def evaluate_gsr(path: Path | str, coder, registry) -> dict:
    """Event type, source and target per record: actors found by the mention finder, the type by ``coder``.

    The source is the first actor named and the target the next different
    one; the sentence is marked with both before it is typed.
    """
    from ..text.mentions import MentionFinder
    from .features import mark

    recs = read_gsr(path)
    finder = MentionFinder(registry)
    igos = {a.code for a in registry.actors() if a.kind == "igo"}
    finder.find(recs[0]["text"], None)
    coder.predict([recs[0]["text"]])  # load the model before the clock starts
    t0 = time.perf_counter()
    marked, pairs = [], []
    for r in recs:
        found = [m for m in finder.find(r["text"], None) if m.country]
        src = found[0] if found else None
        tgt = next((m for m in found[1:] if m.country != src.country), None) if src else None
        pairs.append((src.country if src else None, tgt.country if tgt else None))
        marked.append(mark(r["text"], (src.start, src.end) if src else None, (tgt.start, tgt.end) if tgt else None))
    types = [lab for lab, _ in coder.predict(marked)]
    seconds = time.perf_counter() - t0
    type_scores = score([r["event"] for r in recs], types, seconds=seconds)
    with_src = [(p[0], _codes(r.get("source"))) for p, r in zip(pairs, recs) if _codes(r.get("source"))]
    with_tgt = [(p[1], _codes(r.get("target"))) for p, r in zip(pairs, recs) if _codes(r.get("target"))]
    out = type_scores.as_dict()
    out.update({
        "source_accuracy": round(sum(_actor_match(p, g, igos) for p, g in with_src) / len(with_src), 4)
        if with_src else None,
        "target_accuracy": round(sum(_actor_match(p, g, igos) for p, g in with_tgt) / len(with_tgt), 4)
        if with_tgt else None,
        "n_source": len(with_src), "n_target": len(with_tgt),
        "counts": dict(Counter(normalise_type(r["event"]) for r in recs)),
    })
    return out
