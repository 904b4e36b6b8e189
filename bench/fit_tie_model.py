"""Fit the tie model's source weights and half-lives on the ``tune`` half of the sign table.

    python bench/fit_tie_model.py [--db STORE] [--signs FILE]

The background is the store's (or, for what it lacks, the shipped copy). For
every ``tune`` row (a dyad-year whose sign historians agree on) and every
source, the decayed sums S = Σ d·s·v and W = Σ d·s at YEAR-07-01 are computed
for each candidate half-life (d the decay, s the row's own scale, v its value);
the tie is then Σ b·S / (Σ b·W + prior) for base weights b. Coordinate descent
over a grid of weights and half-lives maximises the number of right signs,
ties broken by the mean margin min(sign·tie, 0.2). The ``hold`` half is scored
once, with the weights found, and printed beside the tune score: that is the
figure to report. Paste the result into ``TieModel`` (analysis/background.py).
"""

from __future__ import annotations

import argparse
from datetime import date

import numpy as np

from geopol.analysis.background import DEFAULT_MODEL
from geopol.eval_world import read_signs
from geopol.evidence import gather
from geopol.store import Store

KINDS = ("alliance", "un_votes", "mid", "war", "rivalry", "igo")
WEIGHTS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
CAP = 0.4
SHRINK = 0.005  # per doubling away from the weights' geometric mean: breaks near-ties toward balance


def sums(bg, rows):
    """S[row, kind] and W[row, kind] at the model's half-lives."""
    S = np.zeros((len(rows), len(KINDS)))
    W = np.zeros_like(S)
    base = {k: DEFAULT_MODEL.weights[k] for k in KINDS}
    for i, r in enumerate(rows):
        o = bg.observations.only((r.a, r.b))
        t = date(r.year, 7, 1).toordinal()
        live = o.day <= t
        age = np.maximum(t - o.end, 0)
        for j, k in enumerate(KINDS):
            if k not in o.kinds:
                continue
            sel = live & (o.kind == o.kinds.index(k))
            scale = o.weight[sel] / base[k] if base[k] else o.weight[sel]
            d = np.exp2(-age[sel] / DEFAULT_MODEL.half_lives[k]) * scale
            S[i, j] = float((d * o.value[sel]).sum())
            W[i, j] = float(d.sum())
    return S, W


def score(S, W, signs, b, prior):
    """(mean capped margin, less a small shrinkage toward equal weights; right signs; ties)."""
    tie = (S * b).sum(axis=1) / ((W * b).sum(axis=1) + prior)
    penalty = SHRINK * float(np.abs(np.log2(b / np.exp2(np.log2(b).mean()))).mean())
    return float(np.minimum(tie * signs, CAP).mean()) - penalty, int((tie * signs > 0).sum()), tie


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=":memory:")
    ap.add_argument("--signs", default=None)
    args = ap.parse_args()
    rows = read_signs(args.signs)
    with Store.open(args.db) as store:
        bg = gather(store)
    tune = [r for r in rows if r.half == "tune"]
    hold = [r for r in rows if r.half == "hold"]
    St, Wt = sums(bg, tune)
    Sh, Wh = sums(bg, hold)
    st, sh = np.array([r.sign for r in tune]), np.array([r.sign for r in hold])
    prior = DEFAULT_MODEL.prior
    b = np.array([DEFAULT_MODEL.weights[k] for k in KINDS])
    best = score(St, Wt, st, b, prior)[:2]
    print(f"as shipped: tune {best[1]}/{len(tune)} (margin {best[0]:.3f}), hold {score(Sh, Wh, sh, b, prior)[1]}/{len(hold)}")
    b = np.ones(len(KINDS))
    best = score(St, Wt, st, b, prior)[:2]
    for sweep in range(10):
        changed = False
        for j in range(len(KINDS)):
            for v in WEIGHTS:
                b2 = b.copy()
                b2[j] = v
                got = score(St, Wt, st, b2, prior)[:2]
                if got > best:
                    best, b, changed = got, b2, True
        if not changed:
            break
    hold_margin, hold_right, tie = score(Sh, Wh, sh, b, prior)
    print(f"fitted from all-ones after {sweep + 1} sweeps: tune {best[1]}/{len(tune)} (margin {best[0]:.3f}), "
          f"hold {hold_right}/{len(hold)} (margin {hold_margin:.3f})")
    print("  weights: " + ", ".join(f"{k} {v:g}" for k, v in zip(KINDS, b)))
    for r, t in zip(hold, tie):
        if t * r.sign <= 0:
            print(f"  hold wrong: {r.a}-{r.b} {r.year} sign {r.sign:+d} tie {t:+.3f}  ({r.what})")

if __name__ == "__main__":
    main()
