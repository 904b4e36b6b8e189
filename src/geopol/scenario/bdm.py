"""Expected-utility bargaining: Bueno de Mesquita's model as reconstructed by
Scholz, Calbert & Smith (2011), "Unravelling Bueno De Mesquita's group decision
model", *Journal of Theoretical Politics* 23(4):510-531.

Actors have a capability c, a position x on one issue and a salience s in
[0, 1]. R is the range of the initial positions. In each round:

1. **Risk.** With every risk exponent set to 1, actor i's danger is
   D_i = Σ_{k≠i} EU_i(k challenges i); its risk acceptance is
   a_i = (2 D_i − max D − min D) / (max D − min D) and its risk exponent
   r_i = (1 − a_i/3) / (1 + a_i/3).
2. **Expected utilities**, from the perspective of an actor with exponent r:
   U_success = 2 − 4 (½ − ½|x_i − x_j|/R)^r, U_failure = 2 − 4 (½ + ½|x_i − x_j|/R)^r,
   U_status-quo = 2 − 4 (½)^r, and
   EU(i challenges j) = s_j [P U_success + (1 − P) U_failure] + (1 − s_j) U_success − q U_status-quo
   with q = 1. The probability that i prevails over j is the votes for x_i
   over x_j, Σ_k max(0, v_k(x_i, x_j)), over the sum of |v_k(x_a, x_b)| for all
   actors k and all ordered pairs of actors (a, b) — Scholz's normalisation —
   where v_k(x_a, x_b) = c_k s_k [(|x_k − x_b|/R)^{r_k} − (|x_k − x_a|/R)^{r_k}].
3. **Offers.** Actor i weighs every actor j at another position, with
   e_ij = EU_i(i challenges j) and e_ji = EU_i(j challenges i):
   *confrontation* when e_ji > e_ij > 0 (i expects to lose and moves to x_j);
   *compromise* when e_ji > 0 > e_ij and e_ji > |e_ij| (i moves toward x_j by
   the share |e_ij / e_ji|); *capitulation* when e_ji > 0 > e_ij and
   e_ji < |e_ij| (i moves to x_j). The reference implementation's
   capitulation test compares e_ji with |e_ji| and can never hold; the
   ``capitulation`` switch chooses between that (``"scholz"``, the default,
   which reproduces the published trace) and the intended test
   (``"intended"``).
4. **Choice.** Of its offers, i takes a confrontation if it has one (the
   nearest), else a compromise (the one whose EU-weighted mean of the two
   positions is lowest, as in Scholz's code), else a capitulation (the
   nearest). All actors move at once.

The median is the position no other position beats in a vote with risk
exponents 1 (a Condorcet winner; with single-peaked preferences there is one);
the mean is Σ c s x / Σ c s.

>>> rounds = run_bdm([Stakeholder("A", 1, 0, 1), Stakeholder("B", 1, 10, 0.2), Stakeholder("C", 0.5, 4, 0.5)], 1)
>>> [r.round for r in rounds], rounds[0].median
([0, 1], 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Stakeholder", "BdmOffer", "BdmRound", "run_bdm"]


@dataclass(frozen=True, slots=True)
class Stakeholder:
    name: str
    capability: float
    position: float
    salience: float


@dataclass(frozen=True, kw_only=True, slots=True)
class BdmOffer:
    actor: str       # who moves
    other: str       # toward whom
    type: str        # confrontation, compromise, capitulation
    eu: float        # e_ij: EU to the actor of challenging the other
    other_eu: float  # e_ji: EU (as the actor sees it) of the other challenging it
    position: float  # the actor's new position


@dataclass(frozen=True, kw_only=True, slots=True)
class BdmRound:
    round: int
    median: float
    mean: float
    positions: dict
    risk: dict
    offers: tuple[BdmOffer, ...]


class _State:
    def __init__(self, actors: list[Stakeholder], q: float):
        self.names = [a.name for a in actors]
        self.c = [float(a.capability) for a in actors]
        self.s = [float(a.salience) for a in actors]
        self.x = [float(a.position) for a in actors]
        self.r = [1.0] * len(actors)
        self.q = q
        self.R = max(self.x) - min(self.x)

    def vote(self, k: int, xa: float, xb: float, r: float | None = None) -> float:
        """Actor k's vote for xa over xb (positive: k prefers xa)."""
        e = self.r[k] if r is None else r
        return self.c[k] * self.s[k] * ((abs(self.x[k] - xb) / self.R) ** e - (abs(self.x[k] - xa) / self.R) ** e)

    def probability(self, xi: float, xj: float, total: float) -> float:
        if xi == xj:
            return 0.0
        return sum(max(0.0, self.vote(k, xi, xj)) for k in range(len(self.x))) / total

    def total_votes(self) -> float:
        n = range(len(self.x))
        return sum(abs(self.vote(k, self.x[a], self.x[b])) for k in n for a in n for b in n)

    def eu(self, view: int, i: int, j: int, total: float) -> float:
        """EU of i challenging j, with the risk exponent of actor ``view``."""
        r = self.r[view]
        d = abs(self.x[i] - self.x[j]) / self.R
        p = self.probability(self.x[i], self.x[j], total)
        success = 2 - 4 * (0.5 - 0.5 * d) ** r
        failure = 2 - 4 * (0.5 + 0.5 * d) ** r
        status_quo = 2 - 4 * 0.5 ** r
        sj = self.s[j]
        return sj * (p * success + (1 - p) * failure) + (1 - sj) * success - self.q * status_quo

    def median(self) -> float:
        positions = sorted(set(self.x))
        for cand in positions:
            if all(sum(self.vote(k, other, cand, 1.0) for k in range(len(self.x))) <= 0
                   for other in positions if other != cand):
                return cand
        current = positions[0]  # no Condorcet winner: sequential pairwise votes, as in Scholz's code
        for cand in positions[1:]:
            if sum(self.vote(k, cand, current, 1.0) for k in range(len(self.x))) > 0:
                current = cand
        return current

    def mean(self) -> float:
        w = [c * s for c, s in zip(self.c, self.s)]
        return sum(wi * xi for wi, xi in zip(w, self.x)) / sum(w)

    def update_risk(self) -> None:
        self.r = [1.0] * len(self.x)
        total = self.total_votes()
        n = len(self.x)
        danger = [sum(self.eu(i, k, i, total) for k in range(n) if k != i) for i in range(n)]
        hi, lo = max(danger), min(danger)
        if hi == lo:
            return
        accept = [(2 * d - hi - lo) / (hi - lo) for d in danger]
        self.r = [(1 - a / 3) / (1 + a / 3) for a in accept]

    def offers(self, capitulation: str) -> list[BdmOffer | None]:
        total = self.total_votes()
        n = len(self.x)
        chosen = []
        for i in range(n):
            found: dict[str, list[BdmOffer]] = {"confrontation": [], "compromise": [], "capitulation": []}
            for j in range(n):
                if self.x[i] == self.x[j]:
                    continue
                e_ij, e_ji = self.eu(i, i, j, total), self.eu(i, j, i, total)
                if e_ji > e_ij > 0:
                    found["confrontation"].append(BdmOffer(actor=self.names[i], other=self.names[j],
                                                           type="confrontation", eu=e_ij, other_eu=e_ji,
                                                           position=self.x[j]))
                elif e_ji > 0 > e_ij and e_ji > abs(e_ij):
                    pos = self.x[i] + (self.x[j] - self.x[i]) * abs(e_ij / e_ji)
                    found["compromise"].append(BdmOffer(actor=self.names[i], other=self.names[j], type="compromise",
                                                        eu=e_ij, other_eu=e_ji, position=pos))
                elif e_ji > 0 > e_ij and (e_ji < abs(e_ij) if capitulation == "intended" else e_ji < abs(e_ji)):
                    found["capitulation"].append(BdmOffer(actor=self.names[i], other=self.names[j],
                                                          type="capitulation", eu=e_ij, other_eu=e_ji,
                                                          position=self.x[j]))
            xi = self.x[i]
            if found["confrontation"]:
                best = min(found["confrontation"], key=lambda o: abs(xi - o.position))
            elif found["compromise"]:
                idx = {name: k for k, name in enumerate(self.names)}
                best = min(found["compromise"], key=lambda o: (abs(o.eu) * xi + abs(o.other_eu) * self.x[idx[o.other]])
                           / (abs(o.eu) + abs(o.other_eu)))
            elif found["capitulation"]:
                best = min(found["capitulation"], key=lambda o: abs(xi - o.position))
            else:
                best = None
            chosen.append(best)
        return chosen


MAX_ROUNDS = 10_000


def run_bdm(actors: list[Stakeholder], rounds: int, *, q: float = 1.0,
            capitulation: str = "scholz") -> list[BdmRound]:
    """Run the model; returns round 0 (the input) and each of ``rounds`` rounds."""
    if capitulation not in ("scholz", "intended"):
        raise InputError(f"capitulation must be 'scholz' or 'intended', not {capitulation!r}")
    if len(actors) < 2:
        raise InputError("the bargaining model needs at least two actors")
    if rounds < 0:
        raise InputError(f"rounds {rounds}: must be zero or more")
    if rounds > MAX_ROUNDS:
        raise InputError(f"{rounds} rounds: at most {MAX_ROUNDS:,} (positions settle within a few dozen; "
                         "each round costs about n² expected-utility sums)")
    for a in actors:
        if not 0 <= a.salience <= 1:
            raise InputError(f"{a.name}: salience must be in [0, 1], not {a.salience}")
        if a.capability < 0:
            raise InputError(f"{a.name}: capability must not be negative")
    state = _State(actors, q)
    if state.R == 0:
        raise InputError("every actor holds the same position: nothing to bargain over")

    def snapshot(k: int, offers) -> BdmRound:
        return BdmRound(round=k, median=state.median(), mean=state.mean(),
                        positions=dict(zip(state.names, state.x)), risk=dict(zip(state.names, state.r)),
                        offers=tuple(offers))

    out = [snapshot(0, ())]
    for k in range(1, rounds + 1):
        state.update_risk()
        chosen = state.offers(capitulation)
        for i, offer in enumerate(chosen):
            if offer is not None:
                state.x[i] = offer.position
        out.append(snapshot(k, [o for o in chosen if o is not None]))
    return out
