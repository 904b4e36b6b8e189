"""`geopol eval ...` and `geopol coder ...`: score event coders on gold files, train the classifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..model import to_jsonable

from ..errors import InputError
from . import app
from ._common import err, settings

eval_app = typer.Typer(help="Score an event coder on gold-standard files.", no_args_is_help=True)
coder_app = typer.Typer(help="The event-type classifier: train it, list the coders.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(coder_app, name="coder")

_CODER = typer.Option("parsed", "--coder", help="Registered coder: parsed (default: n-grams, word vectors and "
                                                 "the dependency parse), vectors (no parse), linear (n-grams only, "
                                                 "~40x faster), rules or hybrid.")
_MODEL = typer.Option(None, "--model", help="A trained model file (.npz) instead of the shipped one.")
_FORMAT = typer.Option("table", "--format", "-f", help="table or json.")


def _check(fmt: str) -> None:
    if fmt not in ("table", "json"):
        raise InputError(f"unknown --format {fmt!r}: use table or json")


def _print_scores(d: dict, title: str) -> None:
    print(title)
    print(f"  sentences      {d['n']}")
    print(f"  accuracy       {d['accuracy']:.4f}")
    print(f"  macro-F1       {d['macro_f1']:.4f}")
    print(f"  quad accuracy  {d['quad_accuracy']:.4f}")
    print(f"  speed          {d['sentences_per_second']:.0f} sentences/s")
    labels = d["labels"]
    cols = labels + ["NONE"]
    width = max(len(x) for x in cols)
    print("\nconfusion (rows gold, columns predicted):")
    print(" " * (width + 1) + " ".join(c[:4].rjust(4) for c in cols))
    for lab, row in zip(labels, d["confusion"]):
        print(lab.rjust(width) + " " + " ".join(str(v).rjust(4) for v in row))


@eval_app.command("plv")
def eval_plv(
    file: Path = typer.Argument(..., help="A PLV-format TSV (columns by header: marked_sentence, gold_root, ...)."),
    coder: str = _CODER,
    model: Optional[Path] = _MODEL,
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N sentences."),
    fmt: str = _FORMAT,
) -> None:
    """15-way PLOVER accuracy, macro-F1, quad accuracy, confusion and speed on a PLV file.

    Example: geopol eval plv ../shared/data/coding/PLV_train.tsv --format json
    """
    from ..coder import get_coder
    from ..coder.evaluate import evaluate_plv

    _check(fmt)
    if limit is not None and limit < 1:
        raise InputError(f"--limit {limit}: give 1 or more sentences")
    scores = evaluate_plv(file, get_coder(coder, model=str(model) if model else None), limit=limit).as_dict()
    scores["coder"] = coder
    if fmt == "json":
        print(json.dumps(scores))
    else:
        _print_scores(scores, f"{file.name} — coder {coder}")


@eval_app.command("gsr")
def eval_gsr(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="PLOVER gold-standard records: a JSON list (PLOVER_GSR_CAMEO format)."),
    coder: str = _CODER,
    model: Optional[Path] = _MODEL,
    fmt: str = _FORMAT,
) -> None:
    """Event type and source and target actor codes against PLOVER gold-standard records.

    Example: geopol eval gsr ../shared/data/plover/PLOVER_GSR_CAMEO.dev.json
    """
    from ..actors import Registry, load_registry_file
    from ..coder import get_coder
    from ..coder.evaluate import evaluate_gsr

    _check(fmt)
    s = settings(ctx)
    registry = Registry.default().extended([a for p in s.registry for a in load_registry_file(p)])
    d = evaluate_gsr(file, get_coder(coder, model=str(model) if model else None), registry)
    d["coder"] = coder
    if fmt == "json":
        print(json.dumps(d))
        return
    _print_scores(d, f"{file.name} — coder {coder}")
    for key in ("source", "target"):
        v = d[f"{key}_accuracy"]
        print(f"{key} actor accuracy: {'n/a' if v is None else f'{v:.4f}'} (of {d[f'n_{key}']} records with a coded {key})")


@eval_app.command("articles")
def eval_articles(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., help="The gold file: JSON with an 'articles' object (format: docs/text.md)."),
    articles: Path = typer.Argument(..., help="The directory holding the articles the gold file names."),
    coder: str = typer.Option("rules", "--coder", help="The classifier for verbs the lexicon leaves uncoded: "
                                                       "rules (the default: the lexicon alone), vectors, parsed ..."),
    fmt: str = _FORMAT,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss and every unmatched event."),
) -> None:
    """Recall (all and core events), precision, relations, claims and quantities on annotated articles.

    Example: geopol eval articles ../shared/data/text-dev/gold.json ../shared/data/text-dev/articles
    """
    from ..eval_articles import score_articles

    from ..coder import CODERS

    _check(fmt)
    if coder not in CODERS:
        raise InputError(f"--coder {coder!r}: known coders are {', '.join(sorted(CODERS))}")
    s = settings(ctx)
    scores = score_articles(gold, articles, stages=("segment.v1", "furniture.v1", "mentions.v1", f"facts.v1:{coder}"),
                            registry_files=s.registry)
    d = scores.as_dict()
    d["coder"] = coder
    if fmt == "json":
        print(json.dumps(d))
        return
    if verbose:
        for line in scores.missed:
            print("missed     " + line)
        for line in scores.unmatched:
            print("unmatched  " + line)
    print(f"{gold.name}: {scores.articles} articles — coder {coder}")
    for key, v in d["scores"].items():
        rate = "-" if v["rate"] is None else f"{v['rate']:.3f}"
        print(f"  {key:<19} {v['hit']:>4}/{v['total']:<4} {rate}")


@eval_app.command("world")
def eval_world_command(
    ctx: typer.Context,
    signs: Optional[Path] = typer.Argument(None, help="A table of dyad-years: a, b, year, sign[, half, what, "
                                                      "reference] (default: the 95 rows geopol ships)."),
    fmt: str = _FORMAT,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every wrong sign with its sources."),
    votes: bool = typer.Option(True, "--votes/--no-votes", help="Also correlate the tie with UN votes (slower)."),
) -> None:
    """Score the model of the world: signs of dyad-years, the camps of 1975, three great splits, UN votes.

    Runs on the store (--db) if it exists, else on the shipped background alone.
    Example: geopol eval world, or geopol --db my.duckdb eval world my-signs.csv --format json
    """
    from ..eval_world import eval_world
    from ..store import Store
    from ._common import db_path

    _check(fmt)
    path = db_path(ctx)
    with Store.open(path if path.exists() else ":memory:", read_only=path.exists()) as store:
        result = eval_world(store, signs, votes=votes)
    if fmt == "json":
        print(json.dumps(to_jsonable({k: v for k, v in result.items() if k != "rows"})))
        return
    s = result["signs"]
    print(f"signs: {s['all']['right']}/{s['all']['n']} right ({s['all']['share']:.3f})" + "".join(
        f"; {h} {v['right']}/{v['n']} ({v['share']:.3f})" for h, v in s.items() if h != "all"))
    if verbose:
        for r in result["wrong"]:
            print(f"  wrong: {r['a']}-{r['b']} {r['year']} sign {r['sign']:+d} tie {r['tie']:+.3f} ({r['what']}) "
                  + ", ".join(f"{k} {v:+.2f}" for k, v in r["sources"].items()))
    for c in [result["camps_1975"], *result["camps"]]:
        fitted = " (the fit's constraint)" if c["year"] == 1975 else " (held out)"
        print(f"camps of {c['year']}{fitted}: {'separated' if c['separated'] else 'MIXED'} in {len(c['blocs'])} blocs")
        for b in c["blocs"]:
            print(f"  bloc: {', '.join(b)}")
    for sp in result["splits"]:
        print(f"split {sp['a']}-{sp['b']} {sp['split']}: {'found' if sp['found'] else 'missed'} "
              f"(change points {', '.join(map(str, sp['changes']))})")
    if "votes" in result:
        v = result["votes"]
        print(f"tie without votes vs UN-vote agreement: r = {v['r']:.3f} over {v['dyad_years']} dyad-years "
              "(odd years 1947-2019)")


@coder_app.command("train")
def coder_train(
    files: list[Path] = typer.Argument(..., help="Training files: PLV format (scored by cross-validation) or "
                                                 "CAMEO-coded (columns cameo, sentence; always in training)."),
    holdout: list[Path] = typer.Option([], "--holdout", help="An evaluation file (PLV, CAMEO-coded or gold-standard "
                                                             "JSON) whose sentences are kept out of training; "
                                                             "repeatable."),
    out: Path = typer.Option(Path("plover_linear.npz"), "--out", "-o", help="Where to write the model."),
    folds: int = typer.Option(5, "--folds", min=0, help="Cross-validation folds (0 or 1: none)."),
    c: Optional[float] = typer.Option(None, "--c", help="The SVM's regularisation constant C (default: the "
                                                        "coder's own, 1 for linear, 2 for vectors and "
                                                        "parsed)."),
    coder: str = typer.Option("linear", "--coder", help="Which classifier: linear (n-grams), vectors (n-grams and "
                                                       "word vectors) or parsed (n-grams, word vectors and the "
                                                       "dependency parse)."),
) -> None:
    """Train the event-type classifier, report its cross-validated scores, write the model.

    Example: geopol coder train ../shared/data/coding/PLV_train.tsv tests/data/cameo_manual_examples.tsv --holdout tests/data/PLOVER_GSR_CAMEO.dev.json --out plover_linear.npz (add --coder parsed --out plover_parsed.npz for the parsed coder)
    """
    from ..coder.train import train_model

    if c is not None and not 0 < c < float("inf"):
        raise InputError(f"--c {c}: the regularisation constant must be a positive number")
    model, cv = train_model(files, out, c=c, folds=folds, holdout=holdout, coder=coder)
    if cv is not None:
        err(f"cross-validated ({folds} folds, {cv.n} sentences scored, {model.meta['n_extra']} always in training): accuracy {cv.accuracy:.4f}, "
            f"macro-F1 {cv.macro_f1:.4f}, quad accuracy {cv.quad_accuracy:.4f}")
    err(f"wrote {out} ({len(model.classes)} types, {len(model.columns)} feature columns)")


@coder_app.command("list")
def coder_list() -> None:
    """The registered coders."""
    from ..coder import CODERS

    for name in sorted(CODERS):
        print(name)
