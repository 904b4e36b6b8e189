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

from geopol.analysis import signed_blocs, tie_graph
from geopol.analysis.background import DEFAULT_MODEL
from geopol.analysis.ties import Tie
from geopol.eval_world import NATO_1975, WARSAW_1975, SignRow, read_signs
from geopol.evidence import gather
from geopol.store import Store

KINDS = ("alliance", "portfolio", "un_votes", "mid", "war", "rivalry", "igo")
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
    # the camps of 1975 as a second group of rows: within NATO or within the Warsaw Pact +1, across -1
    camp = [SignRow(a=min(x, y), b=max(x, y), year=1975,
                    sign=1 if (x in NATO_1975) == (y in NATO_1975) else -1)
            for i, x in enumerate(NATO_1975 + WARSAW_1975) for y in (NATO_1975 + WARSAW_1975)[i + 1:]]
    Sc, Wc = sums(bg, camp)
    sc = np.array([r.sign for r in camp])
    prior = DEFAULT_MODEL.prior
    def separated(b) -> bool:
        tie = score(Sc, Wc, sc, b, prior)[2]
        G = tie_graph([Tie(a=r.a, b=r.b, at=date(1975, 7, 1), value=float(t), uncertainty=0.0, weight=0.0, n=1)
                       for r, t in zip(camp, tie)], threshold=0.1)
        blocs = signed_blocs(G).blocs
        return not any(set(x) & set(NATO_1975) and set(x) & set(WARSAW_1975) for x in blocs)

    def objective(b):
        m_sign, right, _ = score(St, Wt, st, b, prior)
        return separated(b), m_sign, right

    b = np.array([DEFAULT_MODEL.weights[k] for k in KINDS])
    best = objective(b)
    print(f"as shipped: tune {best[2]}/{len(tune)} (margin {best[1]:.3f}, camps of 1975 "
          f"{'separated' if best[0] else 'mixed'}), hold {score(Sh, Wh, sh, b, prior)[1]}/{len(hold)}")
    b = np.ones(len(KINDS))
    best = objective(b)
    for sweep in range(10):
        changed = False
        for j in range(len(KINDS)):
            for v in WEIGHTS:
                b2 = b.copy()
                b2[j] = v
                got = objective(b2)
                if got > best:
                    best, b, changed = got, b2, True
        if not changed:
            break
    hold_margin, hold_right, tie = score(Sh, Wh, sh, b, prior)
    print(f"fitted from all-ones after {sweep + 1} sweeps: tune {best[2]}/{len(tune)} (margin {best[1]:.3f}, camps "
          f"of 1975 {'separated' if best[0] else 'mixed'}), "
          f"hold {hold_right}/{len(hold)} (margin {hold_margin:.3f})")
    print("  weights: " + ", ".join(f"{k} {v:g}" for k, v in zip(KINDS, b)))
    print(f"  1975 bloc pairs of the right sign: {score(Sc, Wc, sc, b, prior)[1]}/{len(camp)} "
          "(for information; the constraint is on the blocs)")
    for r, t in zip(hold, tie):
        if t * r.sign <= 0:
            print(f"  hold wrong: {r.a}-{r.b} {r.year} sign {r.sign:+d} tie {t:+.3f}  ({r.what})")

if __name__ == "__main__":
    main()
